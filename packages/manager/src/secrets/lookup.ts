// Finding a secret or config the way docker does: exact id, then exact name, then a unique id prefix.

import { ClusterError, ErrorCode, shortForMessage } from '@clusterctl/common';
import type { Config, ReadTx, Secret } from '@clusterctl/store';

export type FileKind = 'secret' | 'config';

export const tableOf = (kind: FileKind): 'secrets' | 'configs' => (kind === 'secret' ? 'secrets' : 'configs');

/**
 * The record `ref` names. `exactOnly`: an id or a name, no prefix (service specs name their secrets
 * and configs exactly, as Docker does).
 */
export function resolveFileObject(
  tx: ReadTx,
  kind: FileKind,
  ref: string | null | undefined,
  opts: { exactOnly?: boolean } = {},
): Secret | Config {
  const r = (ref ?? '').trim();
  if (r === '')
    throw new ClusterError(ErrorCode.InvalidArgument, `a ${kind} id or name is required`, {
      hint: `pass the ${kind}'s id, a unique id prefix or its name`,
    });
  const table = tableOf(kind);
  const byId = tx.get(table, r);
  if (byId !== undefined) return byId;
  const byName = tx.getByName(table, r);
  if (byName !== undefined) return byName;
  if (opts.exactOnly !== true && r.length <= 64) {
    const pre = tx.find(table, (s: Secret | Config) => s.id.startsWith(r));
    if (pre.length === 1) return pre[0]!;
    if (pre.length > 1)
      throw new ClusterError(
        ErrorCode.InvalidArgument,
        `${kind} reference ${shortForMessage(r)} is ambiguous: it matches ${pre.length} ${kind}s`,
        { hint: 'use a longer id prefix, the full id or the name', details: { matches: pre.map((s) => s.id) } },
      );
  }
  throw new ClusterError(ErrorCode.NotFound, `${kind} ${shortForMessage(r)} not found`, {
    hint: `list ${kind}s with \`clusterctl ${kind} ls\`${opts.exactOnly === true ? `, or create it with \`clusterctl ${kind} create\`` : ''}`,
    details: { field: `${kind}s` },
  });
}

/** Names of the services whose spec uses the record (by id). */
export function servicesUsing(tx: ReadTx, kind: FileKind, id: string): string[] {
  return tx
    .list('services')
    .filter((s) => (kind === 'secret' ? s.spec.secrets : s.spec.configs)?.some((r) => r.id === id) === true)
    .map((s) => s.spec.name)
    .sort();
}
