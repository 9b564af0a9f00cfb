#!/usr/bin/env node
// The autoscaling benchmark's load generator: an open loop. Requests are started at a fixed total
// rate whatever the answers do (a slow or saturated service does not slow the sender down), each
// on a new connection (so the routing mesh picks a replica per request), until a stop file exists
// or the duration has passed. It runs inside a client container on the lab network, from the
// repository mounted there: it imports nothing of ours.
//
// Prints one JSON line per second ({"atMs", "sent", "ok", "failed", "inFlight", "p50Ms"}) and,
// last, the whole run (AutoscaleLoadResult). A probe (--probe) sends one request and exits 0 when
// it was answered.
//
// Usage: node autoscale-load.js --host H --port P --path /x --rate R [--timeout-ms T]
//        [--until-file PATH] [--duration-ms D] [--max-in-flight N] [--probe]
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { parseArgs } from 'node:util';

export interface AutoscaleLoadSecond {
  /** End of this second (ms since the epoch). */
  atMs: number;
  /** Requests started in it. */
  sent: number;
  /** Requests answered (200) in it. */
  ok: number;
  /** Requests that failed in it (error, timeout, another status). */
  failed: number;
  inFlight: number;
  p50Ms: number | null;
}

export interface AutoscaleLoadResult {
  target: string;
  /** Requests per second asked for. */
  rate: number;
  startedAtMs: number;
  stoppedAtMs: number;
  sent: number;
  ok: number;
  failed: number;
  /** Not started because maxInFlight requests were waiting (the loop stays open up to it). */
  skipped: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  /** Answers per replica (the first word of the answer: the container's hostname). */
  backends: Record<string, number>;
  /** The first few failure reasons. */
  errors: string[];
}

function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

function get(
  host: string,
  port: number,
  path: string,
  timeoutMs: number,
): Promise<{ ok: true; body: string } | { ok: false; why: string }> {
  return new Promise((resolve) => {
    let done = false;
    const settle = (r: { ok: true; body: string } | { ok: false; why: string }): void => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    const req = request({ host, port, path, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => (body += d));
      res.on('end', () =>
        settle(res.statusCode === 200 ? { ok: true, body } : { ok: false, why: `HTTP ${res.statusCode}` }),
      );
      res.on('error', (e) => settle({ ok: false, why: e.message }));
    });
    req.on('timeout', () => {
      settle({ ok: false, why: `no answer within ${timeoutMs} ms` });
      req.destroy();
    });
    req.on('error', (e) => settle({ ok: false, why: e.message }));
    req.end();
  });
}

async function run(opts: {
  host: string;
  port: number;
  path: string;
  rate: number;
  timeoutMs: number;
  untilFile?: string;
  durationMs: number;
  maxInFlight: number;
}): Promise<AutoscaleLoadResult> {
  const latencies: number[] = [];
  const backends: Record<string, number> = {};
  const errors: string[] = [];
  let sec: { sent: number; ok: number; failed: number; lat: number[] } = { sent: 0, ok: 0, failed: 0, lat: [] };
  let [sent, ok, failed, skipped, inFlight] = [0, 0, 0, 0, 0];
  const pending = new Set<Promise<void>>();
  const t0 = Date.now();
  const one = async (): Promise<void> => {
    const start = performance.now();
    inFlight++;
    const r = await get(opts.host, opts.port, opts.path, opts.timeoutMs);
    inFlight--;
    if (r.ok) {
      const ms = performance.now() - start;
      ok++;
      sec.ok++;
      latencies.push(ms);
      sec.lat.push(ms);
      const name = r.body.split(' ')[0]?.trim() ?? '';
      backends[name] = (backends[name] ?? 0) + 1;
    } else {
      failed++;
      sec.failed++;
      if (errors.length < 10 && !errors.includes(r.why)) errors.push(r.why);
    }
  };
  const flush = (): void => {
    const lat = Float64Array.from(sec.lat).sort();
    const line: AutoscaleLoadSecond = { atMs: Date.now(), ...sec, inFlight, p50Ms: percentile(lat, 50) };
    delete (line as Partial<{ lat: unknown }>).lat;
    process.stdout.write(`${JSON.stringify(line)}\n`);
    sec = { sent: 0, ok: 0, failed: 0, lat: [] };
  };
  const ticker = setInterval(flush, 1000);
  const stopAt = t0 + opts.durationMs;
  // Request n is due at t0 + n / rate; a late timer starts every request that is due.
  let n = 0;
  let checkedAt = 0;
  for (;;) {
    const now = Date.now();
    if (now >= stopAt) break;
    if (opts.untilFile !== undefined && now - checkedAt >= 200) {
      checkedAt = now;
      if (existsSync(opts.untilFile)) break;
    }
    const due = Math.floor(((now - t0) * opts.rate) / 1000);
    for (; n <= due; n++) {
      if (inFlight >= opts.maxInFlight) {
        skipped++;
        continue;
      }
      sent++;
      sec.sent++;
      const p: Promise<void> = one().finally(() => pending.delete(p));
      pending.add(p);
    }
    const nextAt = t0 + (n * 1000) / opts.rate;
    await new Promise((r) => setTimeout(r, Math.max(1, Math.min(100, nextAt - Date.now()))));
  }
  const stoppedAtMs = Date.now();
  await Promise.all([...pending]);
  clearInterval(ticker);
  flush();
  const sorted = Float64Array.from(latencies).sort();
  return {
    target: `${opts.host}:${opts.port}${opts.path}`,
    rate: opts.rate,
    startedAtMs: t0,
    stoppedAtMs,
    sent,
    ok,
    failed,
    skipped,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    backends,
    errors,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string', default: '8080' },
      path: { type: 'string', default: '/' },
      rate: { type: 'string', default: '10' },
      'timeout-ms': { type: 'string', default: '10000' },
      'until-file': { type: 'string' },
      'duration-ms': { type: 'string', default: '600000' },
      'max-in-flight': { type: 'string', default: '2000' },
      probe: { type: 'boolean', default: false },
    },
  });
  if (!values.host) throw new Error('--host is required');
  const rate = Number(values.rate);
  if (!(rate > 0 && rate <= 10_000)) throw new Error('--rate is a number of requests per second from 0 to 10000');
  const host = values.host;
  const port = Number(values.port);
  const timeoutMs = Number(values['timeout-ms']);
  if (values.probe) {
    const r = await get(host, port, values.path, timeoutMs);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exitCode = r.ok ? 0 : 1;
    return;
  }
  const result = await run({
    host,
    port,
    path: values.path,
    rate,
    timeoutMs,
    durationMs: Number(values['duration-ms']),
    maxInFlight: Number(values['max-in-flight']),
    ...(values['until-file'] !== undefined ? { untilFile: values['until-file'] } : {}),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`autoscale-load: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
