// The scheduler's filters: can this node take this task? Static ones (node ready and active,
// constraints) do not change while tasks are placed; dynamic ones (resources, host ports) do.

import type { Task } from '@clusterctl/store';
import { firstFailedConstraint, type Constraint } from './constraints.js';
import { portKey, type NodeInfo } from './node-info.js';

export type FilterFailure =
  | { kind: 'not-ready'; state: string }
  | { kind: 'not-active'; availability: string }
  | { kind: 'constraint'; constraint: string }
  | { kind: 'resources'; what: 'cpu' | 'memory' }
  | { kind: 'port'; port: string };

/** Node ready and availability active, then the constraints. */
export function staticFilter(ni: NodeInfo, constraints: readonly Constraint[]): FilterFailure | undefined {
  const n = ni.node;
  if (n.status.state !== 'ready') return { kind: 'not-ready', state: n.status.state };
  if (n.availability !== 'active') return { kind: 'not-active', availability: n.availability };
  const c = firstFailedConstraint(n, constraints);
  if (c !== undefined) return { kind: 'constraint', constraint: c.text };
  return undefined;
}

/** Reservations against the node's resources minus what its tasks reserve; ports bound on the node. */
export function dynamicFilter(ni: NodeInfo, task: Task): FilterFailure | undefined {
  const want = task.spec.resources?.reservations;
  if (want !== undefined) {
    const have = ni.node.resources ?? { nanoCpus: 0, memoryBytes: 0 };
    if (want.nanoCpus > 0 && have.nanoCpus - ni.reserved.nanoCpus < want.nanoCpus)
      return { kind: 'resources', what: 'cpu' };
    if (want.memoryBytes > 0 && have.memoryBytes - ni.reserved.memoryBytes < want.memoryBytes)
      return { kind: 'resources', what: 'memory' };
  }
  // networking: an ingress port binds no host port on a node whose data plane runs (the mesh takes
  // it); on a node with --data-plane off, and in host mode, it is a host port
  const dataPlane = ni.node.network?.capabilities?.enabled === true;
  for (const p of task.spec.ports ?? []) {
    if ((p.publishMode ?? 'ingress') === 'ingress' && dataPlane) continue;
    if (p.published !== undefined && p.published > 0) {
      const k = portKey(p.protocol, p.published);
      if (ni.ports.has(k)) return { kind: 'port', port: k };
    }
  }
  return undefined;
}

/** Every filter, in order. */
export function checkNode(ni: NodeInfo, task: Task, constraints: readonly Constraint[]): FilterFailure | undefined {
  return staticFilter(ni, constraints) ?? dynamicFilter(ni, task);
}

/** Counts failures by reason and renders them the way `service ps` shows them. */
export class FailureTally {
  private readonly counts = new Map<string, number>();
  private order: string[] = [];

  add(f: FilterFailure): void {
    const k = reasonText(f);
    if (!this.counts.has(k)) this.order.push(k);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  get size(): number {
    return this.order.length;
  }

  message(): string {
    if (this.order.length === 0) return 'no suitable node (no nodes in the cluster)';
    const parts = this.order.map((k) => {
      const n = this.counts.get(k)!;
      return `${n} ${n === 1 ? 'node' : 'nodes'} ${k}`;
    });
    return `no suitable node (${parts.join(', ')})`;
  }
}

function reasonText(f: FilterFailure): string {
  switch (f.kind) {
    case 'not-ready':
      return f.state === 'down' ? 'down' : `not ready (${f.state})`;
    case 'not-active':
      return f.availability === 'drain'
        ? 'drained'
        : f.availability === 'pause'
          ? 'paused'
          : `not active (${f.availability})`;
    case 'constraint':
      return `failed constraint ${f.constraint}`;
    case 'resources':
      return `insufficient ${f.what}`;
    case 'port':
      return `host port ${f.port} in use`;
  }
}
