// Placement constraints: "node.hostname==x", "node.labels.zone!=a", "engine.labels.k==v",
// "node.role==manager", "node.id==...", "node.platform.os==linux". Values compare case-insensitively
// (as Swarm does); `!=` on a label the node does not carry matches.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { Node } from '@clusterctl/store';

export type ConstraintOp = '==' | '!=';

export interface Constraint {
  /** The text as given (for messages). */
  text: string;
  key: string;
  op: ConstraintOp;
  value: string;
}

const FIXED_KEYS = ['node.id', 'node.hostname', 'node.role', 'node.platform.os', 'node.platform.arch'];
const LABEL_PREFIXES = ['node.labels.', 'engine.labels.'];
const RE = /^\s*([A-Za-z0-9._\-/]+)\s*(==|!=)\s*(.*?)\s*$/;

/** Parses one constraint; throws ClusterError INVALID_ARGUMENT on unknown syntax or key. */
export function parseConstraint(text: string): Constraint {
  const m = RE.exec(text);
  const bad = (why: string): ClusterError =>
    new ClusterError(ErrorCode.InvalidArgument, `invalid constraint ${JSON.stringify(text)}: ${why}`, {
      hint: 'use KEY==VALUE or KEY!=VALUE with KEY one of node.id, node.hostname, node.role, node.platform.os, node.platform.arch, node.labels.NAME, engine.labels.NAME',
      details: { constraint: text },
    });
  if (m === null) throw bad('expected KEY==VALUE or KEY!=VALUE');
  const key = m[1]!;
  const op = m[2] as ConstraintOp;
  const value = m[3]!;
  const lower = key.toLowerCase();
  const prefix = LABEL_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix !== undefined) {
    if (key.length === prefix.length) throw bad('missing label name');
    // label names keep their case; the prefix does not
    return { text, key: prefix + key.slice(prefix.length), op, value };
  }
  if (!FIXED_KEYS.includes(lower)) throw bad(`unknown key ${JSON.stringify(key)}`);
  if (value === '') throw bad('empty value');
  if (lower === 'node.role' && !['manager', 'worker'].includes(value.toLowerCase()))
    throw bad('node.role is manager or worker');
  return { text, key: lower, op, value };
}

export function parseConstraints(texts: readonly string[]): Constraint[] {
  return texts.map(parseConstraint);
}

function nodeValue(node: Node, key: string): string | undefined {
  switch (key) {
    case 'node.id':
      return node.id;
    case 'node.hostname':
      return node.hostname;
    case 'node.role':
      return node.role;
    case 'node.platform.os':
      return node.platform?.os;
    case 'node.platform.arch':
      return node.platform?.arch;
  }
  if (key.startsWith('node.labels.')) return node.labels?.[key.slice('node.labels.'.length)];
  if (key.startsWith('engine.labels.')) return node.engineLabels?.[key.slice('engine.labels.'.length)];
  return undefined;
}

export function matchConstraint(node: Node, c: Constraint): boolean {
  const v = nodeValue(node, c.key);
  const eq = v !== undefined && v.toLowerCase() === c.value.toLowerCase();
  return c.op === '==' ? eq : !eq;
}

/** The first constraint the node fails, or undefined when it satisfies all. */
export function firstFailedConstraint(node: Node, cs: readonly Constraint[]): Constraint | undefined {
  for (const c of cs) if (!matchConstraint(node, c)) return c;
  return undefined;
}

/** Constraints of a spec; unparseable ones (should have been refused by the API) never match. */
export function constraintsOrUnmatchable(texts: readonly string[]): Constraint[] {
  return texts.map((t) => {
    try {
      return parseConstraint(t);
    } catch {
      return { text: t, key: 'invalid', op: '==', value: '\u0000invalid' } satisfies Constraint;
    }
  });
}
