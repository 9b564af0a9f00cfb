// Several compose files merged as compose does (compose-spec "Merge and override"): mappings merged
// key by key, the later file winning; sequences appended; `command`, `entrypoint` and
// `healthcheck.test` replaced; `ports`, `volumes`, `secrets` and `configs` unique by their key
// (an entry of a later file replaces the one with the same key). Lists-or-maps (`environment`,
// `labels`, `networks` ...) become maps first, and relative paths are resolved against the folder of
// the file that wrote them, so merging never mixes two folders up.
import { isAbsolute, resolve } from 'node:path';
import { homedir } from 'node:os';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `- KEY=VALUE` / `- KEY` lists as maps (a later item wins); maps as they are. */
export function listOrDict(v: unknown, sep = '='): Obj | undefined {
  if (isObj(v)) return { ...v };
  if (!Array.isArray(v)) return undefined;
  const out: Obj = {};
  for (const item of v) {
    if (typeof item !== 'string') continue;
    const i = item.indexOf(sep);
    if (i < 0) out[item] = null;
    else out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

function resolvePath(p: string, dir: string): string {
  if (p === '~' || p.startsWith('~/')) return resolve(homedir(), p.slice(2));
  return isAbsolute(p) ? p : resolve(dir, p);
}

const BIND_SOURCE_RE = /^(\.{1,2}(\/|$)|\/|~(\/|$))/;

/** One file's value with its lists-or-maps as maps and its relative paths made absolute (folder `dir`). */
export function normalizeFile(value: unknown, dir: string): Obj {
  const root: Obj = isObj(value) ? { ...value } : {};
  if (isObj(root['services'])) {
    const services: Obj = {};
    for (const [name, s] of Object.entries(root['services'])) services[name] = isObj(s) ? normalizeService(s, dir) : s;
    root['services'] = services;
  }
  for (const kind of ['secrets', 'configs'] as const) {
    if (!isObj(root[kind])) continue;
    const objs: Obj = {};
    for (const [name, o] of Object.entries(root[kind])) {
      objs[name] =
        isObj(o) && typeof o['file'] === 'string'
          ? { ...o, file: resolvePath(o['file'], dir) }
          : isObj(o)
            ? { ...o }
            : o;
    }
    root[kind] = objs;
  }
  return root;
}

function normalizeService(s: Obj, dir: string): Obj {
  const out: Obj = { ...s };
  for (const k of ['environment', 'labels', 'sysctls', 'annotations']) {
    const m = listOrDict(out[k]);
    if (m !== undefined) out[k] = m;
  }
  if (Array.isArray(out['networks'])) {
    out['networks'] = Object.fromEntries(out['networks'].filter((n) => typeof n === 'string').map((n) => [n, null]));
  }
  if (typeof out['env_file'] === 'string') out['env_file'] = [out['env_file']];
  if (Array.isArray(out['env_file'])) {
    out['env_file'] = out['env_file'].map((e) =>
      typeof e === 'string'
        ? { path: resolvePath(e, dir), required: true }
        : isObj(e) && typeof e['path'] === 'string'
          ? { ...e, path: resolvePath(e['path'], dir) }
          : e,
    );
  }
  if (Array.isArray(out['volumes'])) {
    out['volumes'] = out['volumes'].map((v) => {
      if (typeof v === 'string') return shortVolume(v, dir);
      if (isObj(v) && v['type'] === 'bind' && typeof v['source'] === 'string')
        return { ...v, source: resolvePath(v['source'], dir) };
      return v;
    });
  }
  for (const k of ['secrets', 'configs']) {
    if (Array.isArray(out[k])) out[k] = out[k].map((r) => (typeof r === 'string' ? { source: r } : r));
  }
  if (isObj(out['deploy'])) {
    const d: Obj = { ...out['deploy'] };
    const m = listOrDict(d['labels']);
    if (m !== undefined) d['labels'] = m;
    out['deploy'] = d;
  }
  return out;
}

/** `SOURCE:TARGET[:MODE]` or `TARGET` as the long syntax (a source starting with `/`, `.` or `~` is a bind). */
function shortVolume(v: string, dir: string): Obj {
  const parts = v.split(':');
  if (parts.length === 1) return { type: 'volume', target: v, short: v };
  const [source, target, mode = ''] = parts as [string, string, string?];
  const opts = mode.split(',');
  const bind = BIND_SOURCE_RE.test(source);
  return {
    type: bind ? 'bind' : 'volume',
    source: bind ? resolvePath(source, dir) : source,
    target: target ?? '',
    read_only: opts.includes('ro'),
    ...(opts.includes('nocopy') ? { volume: { nocopy: true } } : {}),
    short: v,
  };
}

/** The key that makes an entry of a unique list the same entry in two files. */
function uniqueKey(list: string, item: unknown): string | undefined {
  if (!isObj(item)) return typeof item === 'string' || typeof item === 'number' ? `raw:${item}` : undefined;
  if (list === 'volumes') return typeof item['target'] === 'string' ? item['target'] : undefined;
  if (list === 'secrets' || list === 'configs') {
    const t = item['target'] ?? item['source'];
    return typeof t === 'string' ? t : undefined;
  }
  return undefined;
}

const REPLACED = new Set(['command', 'entrypoint']);
const UNIQUE = new Set(['volumes', 'secrets', 'configs', 'ports']);

/** `over` merged onto `base` (both normalized); neither is changed. */
export function mergeFiles(base: Obj, over: Obj): Obj {
  return mergeAt(base, over, []) as Obj;
}

function mergeAt(base: unknown, over: unknown, path: string[]): unknown {
  if (over === undefined) return base;
  const key = path[path.length - 1] ?? '';
  const inService = path[0] === 'services' && path.length === 3;
  if (inService && REPLACED.has(key)) return over;
  if (path[0] === 'services' && path.length === 4 && path[2] === 'healthcheck' && key === 'test') return over;
  if (isObj(base) && isObj(over)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeAt(base[k], v, [...path, k]) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    if (inService && UNIQUE.has(key)) {
      if (key === 'ports') {
        // ports: the same text / mapping only once (published ports conflict otherwise)
        const seen = new Set(base.map((p) => JSON.stringify(p)));
        return [...base, ...over.filter((p) => !seen.has(JSON.stringify(p)))];
      }
      const out = [...base];
      for (const item of over) {
        const k = uniqueKey(key, item);
        const at = k === undefined ? -1 : out.findIndex((b) => uniqueKey(key, b) === k);
        if (at >= 0) out[at] = item;
        else out.push(item);
      }
      return out;
    }
    const seen = new Set(base.map((x) => JSON.stringify(x)));
    return [...base, ...over.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  return over;
}
