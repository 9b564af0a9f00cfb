// The value grammars of compose files: Go durations (`1m30s`, `500ms`), sizes (`512m`, `1gb`,
// bytes as a number), CPUs (`0.5`), ports (`[IP:][PUBLISHED[-END]:]TARGET[-END][/PROTOCOL]`) and
// shell-like command strings. Each throws a ValueError saying what is wrong.

export class ValueError extends Error {}

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** `1m30s`, `10s`, `1.5h`, `0` -> ms (rounded). */
export function parseDurationMs(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.round(v / 1e6); // compose: a number is ns
  if (typeof v !== 'string') throw new ValueError('must be a duration, e.g. 10s, 1m30s, 500ms');
  const s = v.trim();
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * DURATION_UNITS_MS[m[2]!]!;
    at = re.lastIndex;
  }
  if (at === 0 || at !== s.length)
    throw new ValueError(`must be a duration, e.g. 10s, 1m30s, 500ms (not ${JSON.stringify(v)})`);
  return Math.round(total);
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** `512m`, `1gb`, `2GiB`, `100k`, 1048576 -> bytes (binary units, as the Docker tools read them). */
export function parseBytes(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v !== 'string') throw new ValueError('must be a size, e.g. 512m, 1g or a number of bytes');
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(v.trim());
  if (!m) throw new ValueError(`must be a size, e.g. 512m, 1g or a number of bytes (not ${JSON.stringify(v)})`);
  return Math.round(Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!);
}

/** `0.5`, 2, `1.25` -> nano-CPUs. */
export function parseNanoCpus(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0)
    throw new ValueError(`must be a number of CPUs, e.g. 0.5 (not ${JSON.stringify(v)})`);
  return Math.round(n * 1e9);
}

/** A whole number (an integer, or a string of digits after interpolation), at least `min`. */
export function parseInteger(v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw new ValueError('must be an integer');
  if (n < min || n > max)
    throw new ValueError(
      `must be ${max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`}`,
    );
  return n;
}

export function parseBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  throw new ValueError('must be true or false');
}

export function parseRatio(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new ValueError('must be a number between 0 and 1');
  return n;
}

export interface ParsedPort {
  target: number;
  published: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIp: string;
}

function portNumber(s: string): number {
  if (!/^\d+$/.test(s)) throw new ValueError(`${JSON.stringify(s)} is not a port number`);
  const n = Number(s);
  if (n < 1 || n > 65535) throw new ValueError(`port ${n} is out of range (1-65535)`);
  return n;
}

function portRange(s: string): number[] {
  const [a, b] = s.split('-');
  const from = portNumber(a ?? '');
  const to = b === undefined ? from : portNumber(b);
  if (to < from) throw new ValueError(`port range ${s} is backwards`);
  if (to - from > 1000) throw new ValueError(`port range ${s} is longer than 1000 ports`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function parseProtocol(p: unknown): 'tcp' | 'udp' | 'sctp' {
  if (p === undefined || p === '') return 'tcp';
  if (p === 'tcp' || p === 'udp' || p === 'sctp') return p;
  throw new ValueError(`protocol must be tcp, udp or sctp (not ${JSON.stringify(p)})`);
}

/** The short port syntax; a range gives one mapping per port. */
export function parseShortPort(v: string | number): ParsedPort[] {
  if (typeof v === 'number') return [{ target: portNumber(String(v)), published: 0, protocol: 'tcp', hostIp: '' }];
  let rest = v.trim();
  let protocol: ParsedPort['protocol'] = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = parseProtocol(rest.slice(slash + 1));
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  const ip6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(rest);
  let parts: string[];
  if (ip6) {
    hostIp = ip6[1]!;
    parts = ip6[2]!.split(':');
  } else {
    parts = rest.split(':');
    if (parts.length === 3) hostIp = parts.shift()!;
  }
  if (parts.length > 2 || parts.length === 0)
    throw new ValueError(`${JSON.stringify(v)} is not a port mapping ([IP:][PUBLISHED:]TARGET[/PROTOCOL])`);
  const targets = portRange(parts[parts.length - 1]!);
  const published = parts.length === 2 && parts[0] !== '' ? portRange(parts[0]!) : [];
  if (published.length > 0 && published.length !== targets.length)
    throw new ValueError(`${JSON.stringify(v)}: the published and target ranges differ in length`);
  return targets.map((target, i) => ({ target, published: published[i] ?? 0, protocol, hostIp }));
}

/** A command string split as a shell would split words (quotes and backslashes), without running a shell. */
export function splitCommand(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) cur += s[++i]!;
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i]!;
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
  if (quote !== undefined) throw new ValueError(`unterminated ${quote} quote in ${JSON.stringify(s)}`);
  if (inWord) out.push(cur);
  return out;
}
