#!/usr/bin/env node
// The routing-mesh benchmark's load generator: C concurrent HTTP/1.1 clients on raw sockets, each
// sending one GET at a time for a fixed duration, either over one keep-alive connection (re-opened
// after a failure) or over a new connection per request (`Connection: close`). The backend
// (mesh-server) answers "NAME ADDRESS"; ADDRESS equal to this client's own address means the path
// kept the client's IP. It runs inside a client container on the lab network, from the repository
// mounted there: it imports nothing of ours. Prints one JSON object (LoadResult).
//
// Usage: node mesh-load.js --host H --port P [--mode keepalive|close] [--connections C]
//        [--duration-ms D | --until-file PATH] [--timeout-ms T] [--progress-ms MS] [--probe]
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';

export interface LoadResult {
  mode: 'keepalive' | 'close';
  target: string;
  connections: number;
  durationMs: number;
  /** Requests answered. */
  ok: number;
  /** Requests that failed (error, reset, timeout, a reply that was not 200). */
  failed: number;
  /** Answered requests per second (close mode: also new connections per second). */
  rps: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Answers whose ADDRESS was this client's own address. */
  clientIpKept: number;
  /** Connections opened (keep-alive: `connections` unless one broke and was opened again). */
  opened: number;
  /** Answers per backend NAME. */
  backends: Record<string, number>;
  /** Each failed request: when it started (ms since the epoch), why and its source port, the first 5000. */
  failures: Array<[number, string, number]>;
  /** The first few failure reasons. */
  errors: string[];
  clientIp: string;
}

const MAX_FAILURES = 5000;

function ownAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.add(a.address);
  return out;
}

function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 1000) / 1000;
}

/** Parses one complete HTTP/1.1 response at the start of buf: [status, body, bytes used] or undefined. */
function parseResponse(buf: string): [number, string, number] | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = buf.slice(0, end);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? '0');
  const len = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? '0');
  if (buf.length < end + 4 + len) return undefined;
  return [status, buf.slice(end + 4, end + 4 + len), end + 4 + len];
}

async function run(opts: {
  host: string;
  port: number;
  mode: 'keepalive' | 'close';
  connections: number;
  durationMs: number;
  timeoutMs: number;
  /** Stop each client after this many requests (a probe: 1). */
  maxRequests?: number;
  /** Run until this file exists (checked every progressMs) instead of for durationMs. */
  untilFile?: string;
  /** Print "progress OK FAILED OPENED" to stderr this often (0: never). */
  progressMs?: number;
}): Promise<LoadResult> {
  const own = ownAddresses();
  const latencies: number[] = [];
  const failures: Array<[number, string, number]> = [];
  const errors: string[] = [];
  const backends: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let kept = 0;
  let opened = 0;
  const request =
    opts.mode === 'keepalive'
      ? `GET / HTTP/1.1\r\nHost: ${opts.host}\r\n\r\n`
      : `GET / HTTP/1.1\r\nHost: ${opts.host}\r\nConnection: close\r\n\r\n`;
  const t0 = Date.now();
  let deadline = opts.untilFile === undefined ? t0 + opts.durationMs : Number.POSITIVE_INFINITY;
  const every = opts.progressMs ?? 0;
  const ticker =
    every > 0 || opts.untilFile !== undefined
      ? setInterval(() => {
          if (every > 0) process.stderr.write(`progress ${ok} ${failed} ${opened}\n`);
          if (opts.untilFile !== undefined && existsSync(opts.untilFile)) deadline = Date.now();
        }, every || 500)
      : undefined;

  const fail = (startMs: number, why: string, localPort: number): void => {
    failed++;
    if (failures.length < MAX_FAILURES) failures.push([startMs, why.replace(/ [\d.]+:\d+$/, ''), localPort]);
    if (errors.length < 10) errors.push(why);
  };
  const answered = (startNs: bigint, status: number, body: string): void => {
    if (status !== 200) return;
    ok++;
    latencies.push(Number(process.hrtime.bigint() - startNs) / 1e6);
    const [name = '', addr = ''] = body.split(' ');
    backends[name] = (backends[name] ?? 0) + 1;
    if (own.has(addr.replace(/^::ffff:/, ''))) kept++;
  };

  /** One connection and the request waiting on it (events of a closed connection reach nothing else). */
  interface Conn {
    sock: Socket;
    buf: string;
    pending: ((r: [number, string] | Error) => void) | undefined;
  }
  const open = (): Conn => {
    opened++;
    const c: Conn = { sock: connect({ host: opts.host, port: opts.port, noDelay: true }), buf: '', pending: undefined };
    c.sock.setEncoding('latin1');
    const settle = (x: [number, string] | Error): void => {
      const p = c.pending;
      c.pending = undefined;
      p?.(x);
    };
    c.sock.on('data', (d: string) => {
      c.buf += d;
      const r = parseResponse(c.buf);
      if (r) {
        c.buf = c.buf.slice(r[2]);
        settle([r[0], r[1]]);
      }
    });
    c.sock.on('error', (e) => settle(e));
    c.sock.on('close', () => settle(new Error('connection closed before the answer')));
    return c;
  };

  /** One client: requests one after the other until the deadline. */
  const client = async (): Promise<void> => {
    let conn: Conn | undefined;
    for (let n = 0; Date.now() < deadline && n < (opts.maxRequests ?? Infinity); n++) {
      const startMs = Date.now();
      const startNs = process.hrtime.bigint();
      if (!conn || opts.mode === 'close') conn = open();
      const c = conn;
      const r = await new Promise<[number, string] | Error>((resolve) => {
        const timer = setTimeout(() => {
          c.pending = undefined;
          resolve(new Error(`no answer within ${opts.timeoutMs} ms`));
        }, opts.timeoutMs);
        c.pending = (x) => {
          clearTimeout(timer);
          resolve(x);
        };
        c.sock.write(request);
      });
      if (Date.now() > deadline && !(r instanceof Error)) {
        // answered after the end: not counted either way
      } else if (r instanceof Error) {
        fail(startMs, r.message, c.sock.localPort ?? 0);
      } else if (r[0] !== 200) {
        fail(startMs, `HTTP ${r[0]}`, c.sock.localPort ?? 0);
      } else {
        answered(startNs, r[0], r[1]);
      }
      if (r instanceof Error || opts.mode === 'close') {
        c.sock.destroy();
        conn = undefined;
      }
    }
    conn?.sock.destroy();
  };

  await Promise.all(Array.from({ length: opts.connections }, () => client()));
  clearInterval(ticker);
  const elapsedMs = Date.now() - t0;
  const sorted = Float64Array.from(latencies).sort();
  return {
    mode: opts.mode,
    target: `${opts.host}:${opts.port}`,
    connections: opts.connections,
    durationMs: elapsedMs,
    ok,
    failed,
    rps: Math.round((ok / elapsedMs) * 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    clientIpKept: kept,
    opened,
    backends,
    failures,
    errors,
    clientIp: [...own].join(','),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string', default: '8080' },
      mode: { type: 'string', default: 'keepalive' },
      connections: { type: 'string', default: '16' },
      'duration-ms': { type: 'string', default: '5000' },
      'timeout-ms': { type: 'string', default: '2000' },
      probe: { type: 'boolean', default: false },
      'until-file': { type: 'string' },
      'progress-ms': { type: 'string', default: '0' },
    },
  });
  if (!values.host) throw new Error('--host is required');
  if (values.mode !== 'keepalive' && values.mode !== 'close') throw new Error('--mode is keepalive or close');
  const opts = {
    host: values.host,
    port: Number(values.port),
    mode: values.mode,
    connections: Number(values.connections),
    durationMs: Number(values['duration-ms']),
    timeoutMs: Number(values['timeout-ms']),
    progressMs: Number(values['progress-ms']),
    ...(values['until-file'] !== undefined ? { untilFile: values['until-file'] } : {}),
  } as const;
  if (values.probe) {
    // One connection, one request: exit 0 when it was answered.
    const r = await run({ ...opts, mode: 'close', connections: 1, durationMs: opts.timeoutMs + 1000, maxRequests: 1 });
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exitCode = r.ok > 0 ? 0 : 1;
    return;
  }
  process.stdout.write(`${JSON.stringify(await run(opts))}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`mesh-load: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
