// The secrets and configs of a service spec (`--secret SRC[,target=,uid=,gid=,mode=]`, `--config ...`):
// checked and given Docker's defaults when a spec is validated, then resolved to the records they name
// inside the write (a reference to a missing secret or config is refused).

import { posix } from 'node:path';
import { ClusterError, ErrorCode, shortForMessage } from '@clusterctl/common';
import type { FileReference, ReadTx, ServiceSpec } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { resolveFileObject, type FileKind } from './lookup.js';

export const FILE_REF_LIMITS = { maxRefs: 64, maxTargetChars: 1024 } as const;
/** Docker's default mode of a secret or config file. */
export const DEFAULT_FILE_MODE = 0o444;
/** Where a secret's relative target lives in the container (Docker's). */
export const SECRETS_DIR = '/run/secrets';

function invalid(field: string, message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint, details: { field } });
}

const ID_RE = /^[0-9]+$/;

/** The references of one kind, checked and normalized (absolute target, defaults); ids still unresolved. */
export function validateFileRefs(
  kind: FileKind,
  refs: readonly clusterctl.cluster.IFileReference[] | null | undefined,
): FileReference[] {
  const field = `${kind}s`;
  const list = refs ?? [];
  if (list.length > FILE_REF_LIMITS.maxRefs)
    throw invalid(field, `too many ${kind}s (${list.length})`, `at most ${FILE_REF_LIMITS.maxRefs}`);
  const targets = new Set<string>();
  const out: FileReference[] = [];
  for (const r of list) {
    const name = (r.name ?? '').trim();
    const id = (r.id ?? '').trim();
    if (name === '' && id === '')
      throw invalid(field, `a ${kind} reference names no ${kind}`, `write --${kind} NAME[,target=PATH]`);
    const rawTarget = (r.target ?? '').trim() || name;
    if (rawTarget === '' || rawTarget.length > FILE_REF_LIMITS.maxTargetChars || rawTarget.includes('\0'))
      throw invalid(
        field,
        `invalid ${kind} target ${shortForMessage(rawTarget)}`,
        'give a file name or an absolute path',
      );
    const base = kind === 'secret' ? SECRETS_DIR : '/';
    const target = posix.normalize(posix.isAbsolute(rawTarget) ? rawTarget : posix.join(base, rawTarget));
    if (target === '/' || target.endsWith('/') || rawTarget.split('/').includes('..'))
      throw invalid(
        field,
        `invalid ${kind} target ${shortForMessage(rawTarget)}`,
        'give a file name or an absolute path without ".."',
      );
    if (targets.has(target))
      throw invalid(field, `two ${kind}s have the target ${shortForMessage(target)}`, 'give each one its own target');
    targets.add(target);
    const uid = (r.uid ?? '').trim() || '0';
    const gid = (r.gid ?? '').trim() || '0';
    if (!ID_RE.test(uid) || !ID_RE.test(gid) || uid.length > 10 || gid.length > 10)
      throw invalid(
        field,
        `invalid ${kind} owner uid=${shortForMessage(uid)} gid=${shortForMessage(gid)}`,
        'uid and gid are numbers',
      );
    const mode = r.mode === null || r.mode === undefined || r.mode === 0 ? DEFAULT_FILE_MODE : Number(r.mode);
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o777)
      throw invalid(field, `invalid ${kind} file mode ${mode.toString(8)}`, 'give permission bits, e.g. mode=0400');
    out.push({ id, name, target, uid, gid, mode });
  }
  return out;
}

/** The spec's secrets and configs as the spec carries them (absent when none). */
export function fileRefsOf(p: clusterctl.cluster.IServiceSpec): Pick<ServiceSpec, 'secrets' | 'configs'> {
  const secrets = validateFileRefs('secret', p.secrets);
  const configs = validateFileRefs('config', p.configs);
  const targets = new Set(secrets.map((s) => s.target));
  for (const c of configs)
    if (targets.has(c.target))
      throw invalid(
        'configs',
        `a secret and a config have the target ${shortForMessage(c.target)}`,
        'give each one its own target',
      );
  return { ...(secrets.length > 0 ? { secrets } : {}), ...(configs.length > 0 ? { configs } : {}) };
}

/** The spec with every reference pointing at an existing record (id and name filled in), inside a write. */
export function resolveFileRefs(tx: ReadTx, spec: ServiceSpec): ServiceSpec {
  const resolve = (kind: FileKind, refs: FileReference[] | undefined): FileReference[] | undefined =>
    refs?.map((r) => {
      const o = resolveFileObject(tx, kind, r.id !== '' ? r.id : r.name, { exactOnly: true });
      return { ...r, id: o.id, name: o.spec.name };
    });
  const secrets = resolve('secret', spec.secrets);
  const configs = resolve('config', spec.configs);
  return { ...spec, ...(secrets ? { secrets } : {}), ...(configs ? { configs } : {}) };
}
