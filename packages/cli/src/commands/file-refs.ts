// `--secret SRC[,target=PATH,uid=N,gid=N,mode=0444]` and `--config ...` (Docker's syntax, also
// `source=SRC`), and `service update --secret-add/--secret-rm/--config-add/--config-rm`.
import type { clusterctl } from '@clusterctl/proto';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { usageError } from '../parse.js';

export type FileKind = 'secret' | 'config';

/** One reference as sent in the ServiceSpec (target '' = the manager's default: /run/secrets/NAME or /NAME). */
export function parseFileRef(kind: FileKind, flag: string, v: string): clusterctl.cluster.IFileReference {
  const hint = `write ${flag} NAME or ${flag} source=NAME,target=PATH,uid=0,gid=0,mode=0444`;
  const text = v.trim();
  if (text === '') throw usageError(`${flag}: empty value`, hint);
  const ref = { id: '', name: '', target: '', uid: '', gid: '', mode: 0 };
  if (!text.includes('=')) {
    ref.name = text;
    return ref;
  }
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw usageError(`${flag}: ${JSON.stringify(part)} is not KEY=VALUE`, hint);
    const key = part.slice(0, eq).trim().toLowerCase();
    const val = part.slice(eq + 1).trim();
    switch (key) {
      case 'source':
      case 'src':
        ref.name = val;
        break;
      case 'target':
        ref.target = val;
        break;
      case 'uid':
      case 'gid':
        if (!/^[0-9]{1,10}$/.test(val))
          throw usageError(`${flag}: ${key} must be a number, not ${JSON.stringify(val)}`, hint);
        ref[key] = val;
        break;
      case 'mode': {
        if (!/^0?[0-7]{1,3}$/.test(val))
          throw usageError(`${flag}: mode must be octal permission bits, not ${JSON.stringify(val)}`, hint);
        ref.mode = parseInt(val, 8);
        break;
      }
      default:
        throw usageError(`${flag}: unknown option ${JSON.stringify(key)}`, hint);
    }
  }
  if (ref.name === '') throw usageError(`${flag}: no source ${kind} given`, hint);
  return ref;
}

export interface FileRefFlags {
  secretAdd?: string[];
  secretRm?: string[];
  configAdd?: string[];
  configRm?: string[];
}

export interface FileRefPlan {
  secretAdd: clusterctl.cluster.IFileReference[];
  secretRm: string[];
  configAdd: clusterctl.cluster.IFileReference[];
  configRm: string[];
}

export function parseFileRefFlags(o: FileRefFlags): FileRefPlan {
  const rm = (flag: string, vs: string[] | undefined): string[] =>
    (vs ?? []).map((v) => {
      const n = v.trim();
      if (n === '') throw usageError(`${flag}: empty value`, `give the name of the ${flag.slice(2, 8)} to remove`);
      return n;
    });
  return {
    secretAdd: (o.secretAdd ?? []).map((v) => parseFileRef('secret', '--secret-add', v)),
    secretRm: rm('--secret-rm', o.secretRm),
    configAdd: (o.configAdd ?? []).map((v) => parseFileRef('config', '--config-add', v)),
    configRm: rm('--config-rm', o.configRm),
  };
}

export function fileRefPlanAsked(p: FileRefPlan): boolean {
  return p.secretAdd.length + p.secretRm.length + p.configAdd.length + p.configRm.length > 0;
}

export function plainFileRefs(
  refs: readonly clusterctl.cluster.IFileReference[] | null | undefined,
): clusterctl.cluster.IFileReference[] {
  return (refs ?? []).map((r) => ({
    id: r.id ?? '',
    name: r.name ?? '',
    target: r.target ?? '',
    uid: r.uid ?? '',
    gid: r.gid ?? '',
    mode: r.mode ?? 0,
  }));
}

/** Applies the plan to a plain spec (removals by name or id first, then additions, which replace a same-named one). */
export function applyFileRefPlan(next: clusterctl.cluster.IServiceSpec, p: FileRefPlan): void {
  const apply = (
    kind: FileKind,
    refs: clusterctl.cluster.IFileReference[],
    add: clusterctl.cluster.IFileReference[],
    rmNames: string[],
  ) => {
    let out = refs;
    for (const n of rmNames) {
      if (!out.some((r) => r.name === n || r.id === n))
        throw new ClusterError(ErrorCode.NotFound, `service ${next.name ?? ''} has no ${kind} ${n}`, {
          hint: `see its ${kind}s with \`clusterctl service inspect ${next.name ?? ''}\``,
        });
      out = out.filter((r) => r.name !== n && r.id !== n);
    }
    for (const a of add) {
      out = out.filter((r) => r.name !== a.name);
      out.push(a);
    }
    return out;
  };
  next.secrets = apply('secret', plainFileRefs(next.secrets), p.secretAdd, p.secretRm);
  next.configs = apply('config', plainFileRefs(next.configs), p.configAdd, p.configRm);
}
