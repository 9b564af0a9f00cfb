// `npm run bench:raft`: committed writes/s and p50/p99 latency of 64-byte puts with 1 and 256
// concurrent clients, for 3 benchmark KV nodes (bin/kv-node.ts: the managers' raft driver, LevelDB
// with fsync, gRPC transport and store; real processes) and, in
// the same run, for a 3-member etcd cluster on loopback driven by an equally light client.
// Detail lines first (one JSON object each); the LAST line is the summary JSON: ours, etcd, their
// ratio, the aims (ours/etcd: c256 writes/s >= 1.5, c256 p99 <= 1, c1 p50 <= 1), which were met, and
// the machine's load averages at start and end.
//
// Flags: --warmup-ms N (1000) --measure-ms N (5000) --clients-per-channel N (64)
//        --only ours|etcd   --keep-dirs   --base-dir DIR
//        --etcd-tls on|off   etcd with mutual TLS like ours (default on)
//        --rounds N   alternate ours/etcd N times (fresh clusters each); summary = medians
//        --cpu-prof DIR   our nodes write V8 CPU profiles (node --cpu-prof) into DIR when they stop
//        --trace   the nodes log per-phase events; the bench prints where the time went
//                  (critical path of a put with 1 client; fsyncs, entries per fsync, messages per write)

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { etcdHttpGet, startEtcdCluster } from './etcd-cluster.js';
import { EtcdPutTarget } from './etcd-kv-client.js';
import { runLoad, type LoadResult, type PutTarget } from './load.js';
import { CpuMeter } from './proc-stat.js';
import { channelsFor } from './channel-pool.js';
import { trackDir, untrackDir } from './cleanup.js';
import { diskDelta, etcdDiskCounters, type DiskCounters } from './etcd-metrics.js';
import { nowUs } from './phase-trace.js';
import { criticalPath, nodeSummary, readTrace } from './trace-analysis.js';

interface Figures {
  writesPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

interface SystemUnderTest {
  name: 'ours' | 'etcd';
  /** Server processes by name, for CPU accounting. */
  pids: Map<string, number>;
  leaderName: string;
  target(channels: number): PutTarget;
  /** Disk counters per server (etcd: from /metrics), sampled around the measured phase. */
  disk?: () => Promise<Map<string, DiskCounters | undefined>>;
  /** Where the time went during [fromUs, toUs] (ours with --trace). */
  analyze?: (fromUs: number, toUs: number, writes: number, concurrency: number) => Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

const { values: flags } = parseArgs({
  options: {
    'warmup-ms': { type: 'string', default: '1000' },
    'measure-ms': { type: 'string', default: '5000' },
    'clients-per-channel': { type: 'string', default: '64' },
    only: { type: 'string' },
    'base-dir': { type: 'string' },
    'keep-dirs': { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    rounds: { type: 'string', default: '1' },
    'etcd-tls': { type: 'string', default: 'on' },
  },
});
const warmupMs = Number(flags['warmup-ms']);
const measureMs = Number(flags['measure-ms']);
const clientsPerChannel = Number(flags['clients-per-channel']);
const phases = [1, 256] as const;
const rounds = Math.max(1, Number(flags.rounds));
// Our managers always speak mutual TLS (clients and peers); by default etcd does too, for parity.
const etcdTls = flags['etcd-tls'] !== 'off';

function line(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function pick(r: LoadResult | undefined): Figures | null {
  if (r === undefined) return null;
  return { writesPerSec: r.writesPerSec, p50Ms: r.p50Ms, p99Ms: r.p99Ms };
}

/** The aims, as ratios ours/etcd measured in the same run: throughput at least 1.5x, latencies at most 1x. */
const AIM = { c256WritesPerSec: 1.5, c256P99Ms: 1, c1P50Ms: 1 } as const;

function loadAverages(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return Math.round((a / b) * 1000) / 1000;
}

async function measure(sut: SystemUnderTest): Promise<Map<number, LoadResult>> {
  const out = new Map<number, LoadResult>();
  for (const c of phases) {
    const channels = channelsFor(c, clientsPerChannel);
    const target = sut.target(channels);
    const meter = new CpuMeter(sut.pids);
    let cpu: Record<string, number> = {};
    let disk0: Promise<Map<string, DiskCounters | undefined>> | undefined;
    let disk1: Promise<Map<string, DiskCounters | undefined>> | undefined;
    let fromUs = 0;
    let toUs = 0;
    try {
      const r = await runLoad(
        target,
        { concurrency: c, warmupMs, measureMs, valueBytes: 64, keyPrefix: `bench/${sut.name}/c${c}/` },
        {
          onMeasureStart: () => {
            fromUs = nowUs();
            meter.begin();
            disk0 = sut.disk?.();
          },
          onMeasureEnd: () => {
            toUs = nowUs();
            cpu = meter.end();
            disk1 = sut.disk?.();
          },
        },
      );
      const disk = disk0 !== undefined && disk1 !== undefined ? diskDelta(await disk0, await disk1) : undefined;
      out.set(c, r);
      const serverCpu = [...sut.pids.keys()].reduce((s, k) => s + (cpu[k] ?? 0), 0);
      const perWriteUs = (x: number): number => (r.writes > 0 ? Math.round((x * 1e6) / r.writes) : Number.NaN);
      line({
        system: sut.name,
        phase: `c${c}`,
        channels,
        leader: sut.leaderName,
        ...r,
        cpuSeconds: cpu,
        cpuUsPerWrite: { servers: perWriteUs(serverCpu), client: perWriteUs(cpu.client ?? Number.NaN) },
        ...(disk === undefined ? {} : { disk }),
      });
      if (sut.analyze !== undefined)
        line({ system: sut.name, phase: `c${c}`, trace: await sut.analyze(fromUs, toUs, r.writes, c) });
    } finally {
      target.close();
    }
  }
  return out;
}

async function startEtcd(baseDir: string): Promise<SystemUnderTest> {
  const cluster = await startEtcdCluster({
    size: 3,
    baseDir,
    tls: etcdTls,
    onProgress: (msg) => line({ system: 'etcd', info: msg }),
  });
  const leader = await cluster.leader();
  return {
    name: 'etcd',
    pids: new Map(cluster.members.map((m) => [m.name, m.pid])),
    leaderName: leader.name,
    target: (channels) =>
      new EtcdPutTarget(
        leader.clientAddr,
        cluster.tls === undefined
          ? { channels, deadlineMs: 10_000 }
          : { channels, deadlineMs: 10_000, tls: cluster.tls },
      ),
    disk: async () =>
      new Map(
        await Promise.all(
          cluster.members.map(
            async (m) => [m.name, await etcdDiskCounters((path) => etcdHttpGet(cluster, m.clientUrl + path))] as const,
          ),
        ),
      ),
    stop: () => cluster.stop(),
  };
}

async function startOurs(baseDir: string): Promise<SystemUnderTest> {
  const here = dirname(fileURLToPath(import.meta.url));
  const nodeBin = join(here, '..', 'bin', 'kv-node.js');
  if (!existsSync(nodeBin)) throw new Error(`KV node entry point not built: ${nodeBin}`);
  // Loaded lazily so the etcd half of the benchmark runs even before the manager exists.
  const { startProcessCluster } = await import('../process-cluster/process-cluster.js');
  const traceFile = join(baseDir, 'ours-trace.jsonl');
  const cluster = await startProcessCluster({
    size: 3,
    baseDir,
    extraArgs: flags.trace ? ['--trace-file', traceFile] : [],
    nodeArgs: flags['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', flags['cpu-prof']],
  });
  try {
    const leader = await cluster.waitForLeader(15_000);
    const analyze = async (
      fromUs: number,
      toUs: number,
      writes: number,
      concurrency: number,
    ): Promise<Record<string, unknown>> => {
      await new Promise((r) => setTimeout(r, 500)); // managers flush their trace every 200 ms
      const evs = readTrace(traceFile, fromUs, toUs);
      return {
        events: evs.length,
        perNode: nodeSummary(evs, writes),
        ...(concurrency === 1 ? { putTimelineMs: criticalPath(evs, leader.id) } : {}),
      };
    };
    return {
      name: 'ours',
      pids: new Map(cluster.nodes.map((n) => [`n${n.id}`, n.pid])),
      leaderName: `n${leader.id}`,
      target: (channels) => cluster.putTarget(leader.id, { channels, deadlineMs: 10_000 }),
      ...(flags.trace ? { analyze } : {}),
      stop: () => cluster.stop(),
    };
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

async function runSystem(name: 'ours' | 'etcd', baseDir: string): Promise<Map<number, LoadResult> | undefined> {
  let sut: SystemUnderTest | undefined;
  try {
    sut = name === 'ours' ? await startOurs(baseDir) : await startEtcd(baseDir);
    line({ system: name, info: 'started', pids: Object.fromEntries(sut.pids), leader: sut.leaderName });
    return await measure(sut);
  } catch (err) {
    line({ system: name, error: err instanceof Error ? err.message : String(err) });
    return undefined;
  } finally {
    await sut?.stop();
  }
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  if (a.length === 0) return Number.NaN;
  const mid = a.length >> 1;
  return a.length % 2 === 1 ? (a[mid] as number) : ((a[mid - 1] as number) + (a[mid] as number)) / 2;
}

/** Per phase, the median of each figure over the rounds (undefined if no round succeeded). */
function medianRuns(runs: Map<number, LoadResult>[]): Map<number, LoadResult> | undefined {
  if (runs.length === 0) return undefined;
  if (runs.length === 1) return runs[0];
  const out = new Map<number, LoadResult>();
  for (const c of phases) {
    const rs = runs.map((r) => r.get(c)).filter((r): r is LoadResult => r !== undefined);
    if (rs.length === 0) continue;
    const base = rs[0] as LoadResult;
    out.set(c, {
      ...base,
      writesPerSec: median(rs.map((r) => r.writesPerSec)),
      p50Ms: median(rs.map((r) => r.p50Ms)),
      p99Ms: median(rs.map((r) => r.p99Ms)),
    });
  }
  return out;
}

async function main(): Promise<void> {
  const baseDir = mkdtempSync(join(flags['base-dir'] ?? tmpdir(), 'raft-bench-'));
  const loadAtStart = loadAverages();
  if (!flags['keep-dirs']) trackDir(baseDir);
  line({
    info: 'raft-bench',
    load: { valueBytes: 64, concurrency: phases, warmupMs, measureMs, clientsPerChannel, closedLoop: true, rounds },
    tls: { ours: 'mutual TLS, client and peers', etcd: etcdTls ? 'mutual TLS, client and peers' : 'plaintext' },
    machine: {
      cpus: cpus().length,
      note: 'client (this process) and all 3 server processes share these cores; cpuSeconds are per process during the measured phase, from /proc/<pid>/stat',
    },
    node: process.version,
  });
  try {
    // Rounds alternate the systems so both see the same share of any background load on the
    // machine; the summary takes each figure's median over the rounds.
    const oursRuns: Map<number, LoadResult>[] = [];
    const etcdRuns: Map<number, LoadResult>[] = [];
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) line({ info: `round ${round} of ${rounds}` });
      const o = flags.only === 'etcd' ? undefined : await runSystem('ours', baseDir);
      if (o !== undefined) oursRuns.push(o);
      const e = flags.only === 'ours' ? undefined : await runSystem('etcd', baseDir);
      if (e !== undefined) etcdRuns.push(e);
    }
    const ours = medianRuns(oursRuns);
    const etcd = medianRuns(etcdRuns);
    const r = {
      c256WritesPerSec: ratio(ours?.get(256)?.writesPerSec, etcd?.get(256)?.writesPerSec),
      c256P99Ms: ratio(ours?.get(256)?.p99Ms, etcd?.get(256)?.p99Ms),
      c1P50Ms: ratio(ours?.get(1)?.p50Ms, etcd?.get(1)?.p50Ms),
    };
    const summary = {
      ours: { c1: pick(ours?.get(1)), c256: pick(ours?.get(256)) },
      etcd: { c1: pick(etcd?.get(1)), c256: pick(etcd?.get(256)) },
      ratio: r,
      // The anchors: ours/etcd in this run against the aims (null: a side did not run).
      aim: {
        c256WritesPerSec: `>= ${AIM.c256WritesPerSec}`,
        c256P99Ms: `<= ${AIM.c256P99Ms}`,
        c1P50Ms: `<= ${AIM.c1P50Ms}`,
      },
      met: {
        c256WritesPerSec: r.c256WritesPerSec === null ? null : r.c256WritesPerSec >= AIM.c256WritesPerSec,
        c256P99Ms: r.c256P99Ms === null ? null : r.c256P99Ms <= AIM.c256P99Ms,
        c1P50Ms: r.c1P50Ms === null ? null : r.c1P50Ms <= AIM.c1P50Ms,
      },
      // 1, 5 and 15 minute load averages of the machine (the benchmark shares it).
      load: { start: loadAtStart, end: loadAverages() },
    };
    line(summary);
    if (ours === undefined && flags.only !== 'etcd') process.exitCode = 1;
    if (etcd === undefined && flags.only !== 'ours') process.exitCode = 1;
  } finally {
    if (!flags['keep-dirs']) {
      rmSync(baseDir, { recursive: true, force: true });
      untrackDir(baseDir);
    }
  }
}

main().catch((err: unknown) => {
  line({ error: err instanceof Error ? err.stack : String(err) });
  process.exitCode = 1;
});
