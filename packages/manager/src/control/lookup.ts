// Finding a service or node the way docker does: exact id, then exact name (hostname for nodes),
// then a unique id prefix. An ambiguous reference is refused listing the candidates.

import { ClusterError, ErrorCode, shortForMessage } from '@clusterctl/common';
import type { Node, ReadTx, Service } from '@clusterctl/store';

const MAX_LISTED = 10;
/** Longer than any id, service name or hostname: refused before any lookup. */
export const MAX_REF_CHARS = 256;

function ambiguous(kind: string, ref: string, matches: { id: string; label: string }[]): ClusterError {
  const listed = matches.slice(0, MAX_LISTED).map((m) => `${m.id} (${m.label})`);
  if (matches.length > MAX_LISTED) listed.push(`... ${matches.length - MAX_LISTED} more`);
  return new ClusterError(
    ErrorCode.InvalidArgument,
    `${kind} reference ${shortForMessage(ref)} is ambiguous: it matches ${matches.length} ${kind}s: ${listed.join(', ')}`,
    {
      hint: `use a longer id prefix or the full id`,
      details: { matches: matches.map((m) => m.id) },
    },
  );
}

function requireRef(kind: string, ref: string | null | undefined): string {
  const r = (ref ?? '').trim();
  if (r === '')
    throw new ClusterError(ErrorCode.InvalidArgument, `a ${kind} id or name is required`, {
      hint: `pass the ${kind}'s id, a unique id prefix or its name`,
    });
  if (r.length > MAX_REF_CHARS) {
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `${kind} reference ${shortForMessage(r)} is longer than any ${kind} id or name`,
      { hint: `pass the ${kind}'s id, a unique id prefix or its name (at most ${MAX_REF_CHARS} characters)` },
    );
  }
  return r;
}

export function resolveService(tx: ReadTx, ref: string | null | undefined): Service {
  const r = requireRef('service', ref);
  const byId = tx.get('services', r);
  if (byId !== undefined) return byId;
  const byName = tx.getByName('services', r);
  if (byName !== undefined) return byName;
  const pre = tx.find('services', (s) => s.id.startsWith(r));
  if (pre.length === 1) return pre[0]!;
  if (pre.length > 1)
    throw ambiguous(
      'service',
      r,
      pre.map((s) => ({ id: s.id, label: s.spec.name })),
    );
  throw new ClusterError(ErrorCode.NotFound, `service ${shortForMessage(r)} not found`, {
    hint: 'list services with `clusterctl service ls`',
  });
}

export function resolveNode(tx: ReadTx, ref: string | null | undefined): Node {
  const r = requireRef('node', ref);
  const byId = tx.get('nodes', r);
  if (byId !== undefined) return byId;
  const byName = tx.getByName('nodes', r);
  if (byName !== undefined) return byName;
  const byHost = tx.find('nodes', (n) => n.hostname === r);
  if (byHost.length === 1) return byHost[0]!;
  if (byHost.length > 1)
    throw ambiguous(
      'node',
      r,
      byHost.map((n) => ({ id: n.id, label: n.hostname })),
    );
  const pre = tx.find('nodes', (n) => n.id.startsWith(r));
  if (pre.length === 1) return pre[0]!;
  if (pre.length > 1)
    throw ambiguous(
      'node',
      r,
      pre.map((n) => ({ id: n.id, label: n.hostname })),
    );
  throw new ClusterError(ErrorCode.NotFound, `node ${shortForMessage(r)} not found`, {
    hint: 'list nodes with `clusterctl node ls`',
  });
}
