// Parsers of flag and argument values. Each returns plain data or throws a ClusterError
// INVALID_ARGUMENT naming the flag and saying what a valid value looks like; the CLI runs them all
// before it sends anything, so a bad flag never changes the cluster.
import {
  checkHostname,
  checkLabel,
  checkLabels,
  ClusterError,
  DAY_MS,
  ErrorCode,
  parseDurationMs as parseDuration,
} from '@clusterctl/common';

export function usageError(message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint });
}

export { DAY_MS, formatDurationMs } from '@clusterctl/common';

/** A duration flag (the grammar of @clusterctl/common parseDurationMs: "500ms", "2s", "1m30s", "90d"), at least 1ms, at most `maxMs` (default 24h). */
export function parseDurationMs(flag: string, v: string, maxMs = DAY_MS): number {
  return parseDuration(flag, v, { maxMs });
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
};

/** Memory sizes as Docker reads them (binary units): "512m", "1g", "1.5g", "64k", "1048576" (bytes). */
export function parseMemoryBytes(flag: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(v.trim());
  const unit = m?.[2]?.toLowerCase();
  if (m === null || unit === undefined || !(unit in SIZE_UNITS)) {
    throw usageError(
      `${flag}: invalid memory size ${JSON.stringify(v)}`,
      'a size is a number of bytes or a number with a unit b, k, m, g, e.g. 512m or 1g',
    );
  }
  const bytes = Math.floor(Number(m[1]) * SIZE_UNITS[unit]!);
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw usageError(`${flag}: memory size ${JSON.stringify(v)} must be positive`, 'e.g. 512m or 1g');
  return bytes;
}

/** CPUs as a decimal ("0.5", "2") -> nano CPUs (at most 9 decimals). */
export function parseNanoCpus(flag: string, v: string): number {
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(v.trim());
  if (m === null)
    throw usageError(`${flag}: invalid CPU count ${JSON.stringify(v)}`, 'CPUs are a decimal number, e.g. 0.5 or 2');
  const nano = Number(m[1]) * 1e9 + Number((m[2] ?? '').padEnd(9, '0') || '0');
  if (!Number.isSafeInteger(nano) || nano <= 0)
    throw usageError(`${flag}: CPU count ${JSON.stringify(v)} must be positive`, 'e.g. 0.5 or 2');
  if (nano > 1024 * 1e9) throw usageError(`${flag}: CPU count ${JSON.stringify(v)} is more than 1024`, 'e.g. 0.5 or 2');
  return nano;
}

/** A non-negative whole number (replicas, --tail, --restart-max-attempts). */
export function parseCount(flag: string, v: string, max = Number.MAX_SAFE_INTEGER): number {
  const s = v.trim();
  if (!/^\d+$/.test(s) || Number(s) > max)
    throw usageError(`${flag}: invalid number ${JSON.stringify(v)}`, `a whole number from 0 to ${max}`);
  return Number(s);
}

export interface PortSpec {
  published: number;
  target: number;
  protocol: 'tcp' | 'udp';
  /** ingress (the managers' default: every node answers) | host (only where a task runs); absent: not given. */
  mode?: 'ingress' | 'host';
  /** Ingress: spread (the default) | local-first; absent: not given. */
  route?: 'spread' | 'local-first';
}

function portNumber(flag: string, raw: string, v: string): number {
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535) {
    throw usageError(
      `${flag}: invalid port ${JSON.stringify(v)} in ${JSON.stringify(raw)}`,
      'ports are 1-65535: -p PUBLISHED:TARGET[/tcp|udp], e.g. -p 8080:80 or -p 53:53/udp',
    );
  }
  return Number(v);
}

/**
 * Docker's long form: "published=8080,target=80[,protocol=udp][,mode=ingress|host]" (target
 * required; published absent: exposed only), and ours: ",route=spread|local-first".
 */
function parseLongPort(flag: string, v: string): PortSpec {
  const hint =
    'use --publish published=PORT,target=PORT[,protocol=tcp|udp][,mode=ingress|host][,route=spread|local-first], e.g. --publish published=8080,target=80,mode=host';
  const fields = new Map<string, string>();
  for (const part of v.trim().split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!['published', 'target', 'protocol', 'mode', 'route'].includes(key) || value === '')
      throw usageError(`${flag}: invalid field ${JSON.stringify(part)} in ${JSON.stringify(v)}`, hint);
    if (fields.has(key)) throw usageError(`${flag}: ${key} is given twice in ${JSON.stringify(v)}`, hint);
    fields.set(key, value);
  }
  const targetRaw = fields.get('target');
  if (targetRaw === undefined) throw usageError(`${flag}: no target port in ${JSON.stringify(v)}`, hint);
  const protocol = (fields.get('protocol') ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp')
    throw usageError(
      `${flag}: invalid protocol in ${JSON.stringify(v)}`,
      'the protocol is tcp or udp, e.g. protocol=udp',
    );
  const mode = fields.get('mode')?.toLowerCase();
  if (mode !== undefined && mode !== 'ingress' && mode !== 'host')
    throw usageError(
      `${flag}: invalid mode in ${JSON.stringify(v)}`,
      'the mode is ingress (the port answers on every node) or host (only on the nodes running a task)',
    );
  const route = fields.get('route')?.toLowerCase();
  if (route !== undefined && route !== 'spread' && route !== 'local-first')
    throw usageError(
      `${flag}: invalid route in ${JSON.stringify(v)}`,
      'the route is spread (every healthy task, the default) or local-first (a node with a task keeps its connections)',
    );
  const published = fields.has('published') ? portNumber(flag, v, fields.get('published')!) : 0;
  return {
    published,
    target: portNumber(flag, v, targetRaw),
    protocol,
    ...(mode !== undefined ? { mode } : {}),
    ...(route !== undefined ? { route } : {}),
  };
}

/**
 * "-p PUBLISHED:TARGET[/tcp|/udp]" or "-p TARGET[/proto]" (exposed, not published), or Docker's
 * long form "published=8080,target=80[,protocol=udp][,mode=ingress|host]".
 */
export function parsePort(v: string): PortSpec {
  const flag = '--publish';
  if (v.includes('=')) return parseLongPort(flag, v);
  const [ports, proto, ...extra] = v.trim().split('/');
  const protocol = (proto ?? 'tcp').toLowerCase();
  if (extra.length > 0 || (protocol !== 'tcp' && protocol !== 'udp')) {
    throw usageError(
      `${flag}: invalid protocol in ${JSON.stringify(v)}`,
      'the protocol is tcp or udp, e.g. -p 53:53/udp',
    );
  }
  const parts = (ports ?? '').split(':');
  if (parts.length > 2)
    throw usageError(
      `${flag}: invalid port mapping ${JSON.stringify(v)}`,
      'use -p PUBLISHED:TARGET[/tcp|udp], e.g. -p 8080:80',
    );
  const target = portNumber(flag, v, parts[parts.length - 1]!);
  const published = parts.length === 2 ? portNumber(flag, v, parts[0]!) : 0;
  return { published, target, protocol };
}

/** Checks published ports are given once each. */
export function checkPorts(ports: PortSpec[]): void {
  const seen = new Set<string>();
  for (const p of ports) {
    if (p.published === 0) continue;
    const k = `${p.published}/${p.protocol}`;
    if (seen.has(k)) throw usageError(`--publish: published port ${k} is given twice`, 'publish each port once');
    seen.add(k);
  }
}

/** -e KEY=VALUE: the KEY is non-empty without spaces; the VALUE may be empty or contain "=". */
export function parseEnv(v: string): string {
  const eq = v.indexOf('=');
  const key = eq < 0 ? v : v.slice(0, eq);
  if (eq <= 0 || /\s/.test(key))
    throw usageError(
      `--env: invalid environment variable ${JSON.stringify(v)}`,
      'use -e KEY=VALUE with a KEY without spaces, e.g. -e MODE=prod',
    );
  return v;
}

/** -l / --label-add KEY=VALUE (or KEY, an empty value) -> [key, value]; the managers' rules (common input-limits). */
export function parseLabel(flag: string, v: string): [string, string] {
  const eq = v.indexOf('=');
  const key = (eq < 0 ? v : v.slice(0, eq)).trim();
  if (key === '')
    throw usageError(
      `${flag}: invalid label ${JSON.stringify(v.slice(0, 64))}`,
      `use ${flag} KEY=VALUE (or KEY), with a KEY without spaces`,
    );
  const value = eq < 0 ? '' : v.slice(eq + 1);
  checkLabel(flag, key, value);
  return [key, value];
}

/** Several labels (the last of a key wins), bounded in count and size as a whole. */
export function parseLabels(flag: string, vs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of vs) {
    const [k, val] = parseLabel(flag, v);
    out[k] = val;
  }
  checkLabels(flag, out);
  return out;
}

const CONSTRAINT_KEYS = ['node.id', 'node.hostname', 'node.role', 'node.platform.os', 'node.platform.arch'];
const CONSTRAINT_LABEL_PREFIXES = ['node.labels.', 'engine.labels.'];
const CONSTRAINT_HINT =
  'use KEY==VALUE or KEY!=VALUE with KEY one of node.id, node.hostname, node.role, node.platform.os, node.platform.arch, node.labels.NAME, engine.labels.NAME, e.g. --constraint node.role==manager';

export interface ConstraintSpec {
  key: string;
  op: '==' | '!=';
  value: string;
}

/** --constraint node.hostname==x | node.labels.k!=v | node.role==manager ... (the managers check it again). */
export function parseConstraint(v: string): ConstraintSpec {
  const bad = (why: string): ClusterError =>
    usageError(`--constraint: invalid constraint ${JSON.stringify(v)}: ${why}`, CONSTRAINT_HINT);
  const m = /^\s*([A-Za-z0-9._\-/]+)\s*(==|!=)\s*(.*?)\s*$/.exec(v);
  if (m === null) throw bad('expected KEY==VALUE or KEY!=VALUE');
  const key = m[1]!;
  const lower = key.toLowerCase();
  const value = m[3]!;
  const prefix = CONSTRAINT_LABEL_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix !== undefined) {
    if (key.length === prefix.length) throw bad('missing label name');
  } else if (!CONSTRAINT_KEYS.includes(lower)) {
    throw bad(`unknown key ${JSON.stringify(key)}`);
  } else if (value === '') {
    throw bad('empty value');
  } else if (lower === 'node.role' && value.toLowerCase() !== 'manager' && value.toLowerCase() !== 'worker') {
    throw bad('node.role is manager or worker');
  }
  return { key: prefix !== undefined ? prefix + key.slice(prefix.length) : lower, op: m[2] as '==' | '!=', value };
}

/** HOST:PORT (a manager address, --listen-addr, --advertise-addr). */
export function parseAddr(flag: string, v: string): string {
  const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(v.trim());
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 65535)
    throw usageError(`${flag}: expected HOST:PORT, got ${JSON.stringify(v)}`, 'e.g. 10.0.0.1:4280 or 127.0.0.1:4281');
  return v.trim();
}

/** An RFC 1123 host name, as the managers check it on join. */
export function parseHostname(v: string): string {
  return checkHostname('--hostname', v);
}

/** service scale NAME=N. */
export function parseScaleArg(v: string): { service: string; replicas: number } {
  const eq = v.lastIndexOf('=');
  if (eq <= 0)
    throw usageError(
      `invalid scale argument ${JSON.stringify(v)}`,
      'use SERVICE=REPLICAS, e.g. clusterctl service scale web=5',
    );
  return { service: v.slice(0, eq), replicas: parseCount(`scale ${v.slice(0, eq)}`, v.slice(eq + 1), 10_000) };
}

export const SERVICE_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

export function parseServiceName(v: string): string {
  if (!SERVICE_NAME_RE.test(v))
    throw usageError(
      `--name: invalid service name ${JSON.stringify(v)}`,
      'a service name is 1-63 characters: letters, digits, "_", "." or "-", starting with a letter or digit',
    );
  return v;
}

export function parseChoice<T extends string>(flag: string, v: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(v))
    throw usageError(`${flag}: invalid value ${JSON.stringify(v)}`, `one of: ${choices.join(', ')}`);
  return v as T;
}

/** `service update --args "sleep 100"`: shell-like words ('single', "double" quotes, \ escapes); "" gives none. */
export function splitArgs(flag: string, v: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < v.length && '"\\$`'.includes(v[i + 1]!)) cur += v[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= v.length)
        throw usageError(
          `${flag}: ends with a lone backslash`,
          `quote the arguments, e.g. ${flag} "sh -c 'echo hi; sleep 60'"`,
        );
      cur += v[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote !== undefined)
    throw usageError(
      `${flag}: unterminated ${quote === '"' ? 'double' : 'single'} quote in ${JSON.stringify(v)}`,
      `close the quote, e.g. ${flag} "sh -c 'echo hi; sleep 60'"`,
    );
  if (inWord) out.push(cur);
  return out;
}

/** Like parseNanoCpus, but "0" means none (service update: drop a limit or reservation). */
export function parseNanoCpusOrNone(flag: string, v: string): number {
  return /^0+(\.0*)?$/.test(v.trim()) ? 0 : parseNanoCpus(flag, v);
}

/** Like parseMemoryBytes, but "0" means none (service update: drop a limit or reservation). */
export function parseMemoryBytesOrNone(flag: string, v: string): number {
  return /^0+(\.0*)?\s*(b|kb?|mb?|gb?|tb?)?$/i.test(v.trim()) ? 0 : parseMemoryBytes(flag, v);
}
