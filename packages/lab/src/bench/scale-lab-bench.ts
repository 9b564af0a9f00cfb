#!/usr/bin/env node
// `npm run bench:scale-lab`: `service scale web=100` from 3 replicas and back to 3, clusterctl vs
// Docker Swarm, in the failover benchmark's docker-in-docker lab topology (3 managers + 2 workers,
// a service of clusterctl/busybox:local), one system after the other (never both labs at once).
// Both directions are read from the nodes' own engines (`docker ps -a` in every node, every
// --poll-ms), never from the desired count:
//   upS        from the scale command to 100 containers running: the StartedAt of the last one
//              (else as polled); upReportedS: the system's own `service ps` shows 100 running
//   downS      from the scale command back to only 3 containers left in the engines (the others
//              stopped and removed): the engines' last destroy event (else as polled)
// Swarm is measured with the image referenced by ID (no registry pull) and by name (every start
// first tries a pull, which fails here); ours names it by tag (it never pulls an image its node has).
// Progress lines, one JSON line per run and per system, and as the LAST line
// {"ours":{"scale":{"byName":{...}}},"swarm":{"scale":{"byId":{...},"byName":{...}}},"ratio":{...},"meta":{...}}.
//
// Flags: --from N (3) --to N (100) --runs N (1) --only ours|swarm --swarm-images id,name (both)
//        --poll-ms MS (250) --timeout-s S (300) --lab-prefix P (bench-scale)
//        --managers N (3) --workers N (2) --privileged auto|yes|no
//        --logs DIR (copy each of our nodes' daemon log there before its lab is removed)
//        --ours-timing default|swarm (ours with Swarm's heartbeat period and node grace: 5 s, 15 s)
//        --swarm-network none|bridge|overlay (none: Swarm's service on the engine's default bridge;
//        bridge: a swarm-scoped bridge network, each node's own, as our cluster network; overlay: VXLAN)
//        --ours-data-plane on|off (off: our nodes run without the cluster network, as `--data-plane off`)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterError, dataPaths, DEFAULT_DATA_DIR, ErrorCode } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { dockerRun } from '../docker.js';
import { labWaitOptions } from '../lab.js';
import { measureInLabs, runBench, say, uptime, type SystemRecord } from './lab-runs.js';
import { watch } from './poll.js';
import {
  latestEventMs,
  parseEngineStates,
  scaleRunLine,
  shapeScaleSummary,
  type EngineCount,
  type ImageBy,
  type ScaleRun,
} from './scale-stats.js';
import { parseScaleOptions, type ScaleOptions } from './scale-options.js';
import { round2, type SystemKey } from './stats.js';
import { dockerInNodes, OursSystem, SwarmSystem, type BenchSystem } from './systems.js';

const SERVICE = 'web';
/** Swarm's defaults: a heartbeat every 5 s, a node down after 3 periods without one. */
const SWARM_TIMING = { heartbeatPeriodMs: 5_000, nodeGraceMs: 15_000 } as const;
const COUNT_TIMEOUT_MS = 10_000;
const TASK_LIST_TIMEOUT_MS = 20_000;
/** A progress line while a direction converges, at most this often. */
const PROGRESS_EVERY_MS = 5_000;

interface SystemScaleRecord extends SystemRecord {
  imageRefs?: Partial<Record<ImageBy, string>>;
  formedS?: number;
  loadBefore?: string;
  loadAfter?: string;
}

/** The service's containers in every node's own engine; undefined if a node did not answer. */
async function engineCounts(sys: BenchSystem, nodes: string[]): Promise<Map<string, EngineCount> | undefined> {
  const args = ['ps', '-a', '--filter', `label=${sys.serviceLabel}=${SERVICE}`, '--format', '{{.ID}} {{.State}}'];
  const out = new Map<string, EngineCount>();
  for (const [n, r] of await dockerInNodes(sys, nodes, args, COUNT_TIMEOUT_MS)) {
    if (r.code !== 0) return undefined;
    out.set(n, parseEngineStates(r.stdout));
  }
  return out;
}

const sum = (m: Map<string, EngineCount>, k: keyof EngineCount): number =>
  [...m.values()].reduce((a, c) => a + c[k], 0);
const countsText = (m: Map<string, EngineCount>): string =>
  [...m].map(([n, c]) => `${n}:${c.running}${c.all > c.running ? `(+${c.all - c.running})` : ''}`).join(' ');

/** Per node: when its last running container of the service started (ms since the epoch). */
async function lastStarts(sys: BenchSystem, nodes: string[]): Promise<Map<string, number>> {
  const per = await Promise.all(
    nodes.map(async (n) => {
      const c = sys.lab.containerName(n);
      const ids = await dockerRun(
        [
          'exec',
          c,
          'docker',
          'ps',
          '-q',
          '--filter',
          `label=${sys.serviceLabel}=${SERVICE}`,
          '--filter',
          'status=running',
        ],
        { timeoutMs: COUNT_TIMEOUT_MS },
      );
      const list = ids.code === 0 ? ids.stdout.split('\n').filter(Boolean) : [];
      if (list.length === 0) return undefined;
      const r = await dockerRun(['exec', c, 'docker', 'inspect', '-f', '{{.State.StartedAt}}', ...list], {
        timeoutMs: COUNT_TIMEOUT_MS,
      });
      if (r.code !== 0) return undefined;
      const t = r.stdout
        .split('\n')
        .filter(Boolean)
        .map((s) => Date.parse(s))
        .filter(Number.isFinite);
      return t.length ? ([n, Math.max(...t)] as const) : undefined;
    }),
  );
  return new Map(per.filter((x) => x !== undefined));
}

/**
 * The last destroy event of the service's containers in the engines since `sinceMs`, if every
 * engine still holds all of them (their event buffer keeps the last 256 events): `removed` of them.
 */
async function lastDestroy(
  sys: BenchSystem,
  nodes: string[],
  sinceMs: number,
  removed: number,
): Promise<number | undefined> {
  const untilS = (Date.now() / 1000 + 1).toFixed(3);
  const per = await Promise.all(
    nodes.map(async (n) => {
      const r = await dockerRun(
        [
          'exec',
          sys.lab.containerName(n),
          'docker',
          'events',
          '--since',
          (sinceMs / 1000).toFixed(3),
          '--until',
          untilS,
          '--filter',
          'type=container',
          '--filter',
          'event=destroy',
          '--filter',
          `label=${sys.serviceLabel}=${SERVICE}`,
          '--format',
          '{{.TimeNano}}',
        ],
        { timeoutMs: COUNT_TIMEOUT_MS },
      );
      return r.code === 0 ? r.stdout : undefined;
    }),
  );
  if (per.some((x) => x === undefined)) return undefined;
  const lines = per.join('\n');
  if (lines.split('\n').filter((l) => /^\d+$/.test(l.trim())).length < removed) return undefined;
  return latestEventMs(lines);
}

/** Waits until the engines hold exactly `n` containers of the service, all running. */
async function settle(sys: BenchSystem, nodes: string[], n: number, timeoutMs: number): Promise<void> {
  await waitFor(
    `${n} ${SERVICE} containers, all running`,
    async () => {
      const m = await engineCounts(sys, nodes);
      return m && sum(m, 'all') === n && sum(m, 'running') === n ? true : undefined;
    },
    labWaitOptions(timeoutMs, 500),
  );
}

async function waitWhole(sys: BenchSystem, via: string, nodes: string[], timeoutMs: number): Promise<void> {
  await waitFor(
    `the ${sys.key} cluster to be whole (every node ready, one leader)`,
    async () => {
      const views = await sys.nodeList(via, COUNT_TIMEOUT_MS).catch(() => undefined);
      if (!views) return undefined;
      const ready = nodes.every((n) => views.find((v) => v.hostname === n)?.ready);
      return ready && views.filter((v) => v.leader).length === 1 ? true : undefined;
    },
    labWaitOptions(timeoutMs, 500),
  );
}

async function scaleRun(
  sys: BenchSystem,
  via: string,
  nodes: string[],
  image: ImageBy,
  runNo: number,
  opts: ScaleOptions,
  log: (l: string) => void,
): Promise<ScaleRun> {
  const { from, to } = opts;
  const rec: ScaleRun = { system: sys.key, image, run: runNo, from, to, ok: false };
  const secs = (at: number, t0: number): number => (at - t0) / 1000;
  try {
    await sys.createService(via, SERVICE, from);
    await settle(sys, nodes, from, opts.timeoutMs);
    log(`${image} run ${runNo}: ${from} replicas running; service scale ${SERVICE}=${to}`);

    // up
    let t0 = Date.now();
    await sys.scaleService(via, SERVICE, to);
    let upAt: number | undefined;
    let last: Map<string, EngineCount> | undefined;
    let lastLog = t0;
    await watch(
      () => engineCounts(sys, nodes),
      (m, at) => {
        if (!m) return;
        last = m;
        if (upAt === undefined && sum(m, 'running') >= to) upAt = at;
        if (at - lastLog >= PROGRESS_EVERY_MS) {
          lastLog = at;
          log(`  ${secs(at, t0).toFixed(1)} s: running ${countsText(m)}`);
        }
      },
      () => upAt !== undefined,
      { intervalMs: opts.pollMs, maxInFlight: 1, deadlineMs: t0 + opts.timeoutMs },
    );
    if (upAt === undefined)
      throw new ClusterError(
        ErrorCode.Timeout,
        `${to} running not reached in ${opts.timeoutMs / 1000} s (last: ${last ? countsText(last) : 'none'})`,
      );
    rec.upPolledS = secs(upAt, t0);
    const starts = await lastStarts(sys, nodes);
    const lastStart = Math.max(...starts.values());
    // Exact only when every node running a container answered (else a later start may be missing).
    const everyNode = [...(last?.entries() ?? [])].every(([n, c]) => c.running === 0 || starts.has(n));
    rec.upS = everyNode && lastStart >= t0 && lastStart <= upAt ? secs(lastStart, t0) : rec.upPolledS;
    rec.upByNodeS = Object.fromEntries([...starts].map(([n, t]) => [n, round2(Math.max(0, secs(t, t0)))]));
    rec.placement = Object.fromEntries([...(last ?? new Map<string, EngineCount>())].map(([n, c]) => [n, c.running]));
    await waitFor(
      `${sys.key}'s service ps to show ${to} running`,
      async () =>
        (await sys.runningTasks(via, SERVICE, TASK_LIST_TIMEOUT_MS).catch(() => 0)) >= to ? true : undefined,
      labWaitOptions(opts.timeoutMs, opts.pollMs),
    );
    rec.upReportedS = secs(Date.now(), t0);
    log(
      `${image} run ${runNo}: up ${round2(rec.upS)} s (polled ${round2(rec.upPolledS)} s, service ps ${round2(rec.upReportedS)} s); ${countsText(last!)}`,
    );
    await settle(sys, nodes, to, opts.timeoutMs);

    // down
    t0 = Date.now();
    lastLog = t0;
    await sys.scaleService(via, SERVICE, from);
    let downAt: number | undefined;
    let downRunningAt: number | undefined;
    await watch(
      () => engineCounts(sys, nodes),
      (m, at) => {
        if (!m) return;
        last = m;
        if (downRunningAt === undefined && sum(m, 'running') <= from) downRunningAt = at;
        if (downAt === undefined && sum(m, 'all') <= from) downAt = at;
        if (at - lastLog >= PROGRESS_EVERY_MS) {
          lastLog = at;
          log(`  ${secs(at, t0).toFixed(1)} s: left ${countsText(m)}`);
        }
      },
      () => downAt !== undefined,
      { intervalMs: opts.pollMs, maxInFlight: 1, deadlineMs: t0 + opts.timeoutMs },
    );
    if (downRunningAt !== undefined) rec.downRunningPolledS = secs(downRunningAt, t0);
    if (downAt === undefined)
      throw new ClusterError(
        ErrorCode.Timeout,
        `only ${from} containers left not reached in ${opts.timeoutMs / 1000} s (last: ${last ? countsText(last) : 'none'})`,
      );
    rec.downPolledS = secs(downAt, t0);
    const destroyed = await lastDestroy(sys, nodes, t0, to - from);
    rec.downS =
      destroyed !== undefined && destroyed >= t0 && destroyed <= downAt ? secs(destroyed, t0) : rec.downPolledS;
    log(
      `${image} run ${runNo}: down ${round2(rec.downS)} s (polled ${round2(rec.downPolledS)} s; only ${from} running at ${rec.downRunningPolledS === undefined ? '-' : round2(rec.downRunningPolledS)} s)`,
    );
    rec.ok = true;
  } catch (e) {
    rec.error = e instanceof Error ? e.message : String(e);
    log(`${image} run ${runNo}: FAILED: ${rec.error}`);
  }
  // After a failed run the lab is removed as it is (no later run uses it).
  if (!rec.ok) return rec;
  await sys.removeService(via, SERVICE).catch(() => undefined);
  await settle(sys, nodes, 0, opts.timeoutMs).catch((e: unknown) =>
    log(`the service's containers did not all go: ${e instanceof Error ? e.message : String(e)}`),
  );
  return rec;
}

/** Each node's daemon log, as DIR/NODE.log (where the time went, afterwards). */
async function copyLogs(
  container: (node: string) => string,
  nodes: string[],
  dir: string,
  log: (l: string) => void,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const n of nodes) {
    const r = await dockerRun(['cp', `${container(n)}:${dataPaths(DEFAULT_DATA_DIR).log}`, join(dir, `${n}.log`)], {
      timeoutMs: 60_000,
    });
    if (r.code !== 0) log(`copying ${n}'s daemon log failed: ${(r.stderr || r.stdout).trim()}`);
  }
  log(`daemon logs copied to ${dir}`);
}

async function main(): Promise<void> {
  const opts = parseScaleOptions(process.argv.slice(2));
  const systems: SystemKey[] = opts.only ? [opts.only] : ['ours', 'swarm'];
  const runs: ScaleRun[] = [];
  const t0 = Date.now();
  const loadBefore = uptime();
  say(
    `bench: scale-lab, ${systems.join(' then ')}; ${opts.managers} managers + ${opts.workers} workers; ${opts.from} -> ${opts.to} -> ${opts.from} replicas, ${opts.runs} run(s); swarm image ${opts.swarmImages.join(', ')}; poll every ${opts.pollMs} ms`,
  );
  say(`bench: load before: ${loadBefore}`);
  const records = await measureInLabs<SystemScaleRecord>(systems, opts.labPrefix, async (key, lab, log) => {
    const rec: SystemScaleRecord = { system: key, ok: false, loadBefore: uptime() };
    const sys: BenchSystem = key === 'ours' ? new OursSystem(lab) : new SwarmSystem(lab);
    if (sys instanceof SwarmSystem) sys.network = opts.swarmNetwork;
    if (sys instanceof OursSystem) sys.dataPlane = opts.oursDataPlane;
    const tu = Date.now();
    await sys.up({ managers: opts.managers, workers: opts.workers, privileged: opts.privileged });
    const infos = await lab.nodes();
    const nodes = infos.map((n) => n.node);
    const via = infos.find((n) => n.role === 'manager')!.node;
    await waitWhole(sys, via, nodes, opts.timeoutMs);
    if (key === 'ours' && opts.oursTiming === 'swarm') {
      await lab.clusterctl(lab.containerName(via), [
        'cluster',
        'update',
        '--heartbeat-period',
        `${SWARM_TIMING.heartbeatPeriodMs}ms`,
        '--node-grace',
        `${SWARM_TIMING.nodeGraceMs}ms`,
      ]);
      log(
        `ours with Swarm's timing: heartbeat period ${SWARM_TIMING.heartbeatPeriodMs} ms, node grace ${SWARM_TIMING.nodeGraceMs} ms`,
      );
    }
    rec.formedS = round2((Date.now() - tu) / 1000);
    log(`cluster formed in ${rec.formedS} s`);
    if (sys instanceof SwarmSystem && sys.network !== 'none') log(`the service's tasks join a ${sys.network} network`);
    if (sys instanceof OursSystem && sys.dataPlane === 'off') log('data plane off: tasks on the engine default bridge');
    const images: ImageBy[] = sys instanceof SwarmSystem ? opts.swarmImages : ['byName'];
    rec.imageRefs = {};
    let ok = true;
    for (let r = 1; r <= opts.runs; r++) {
      for (const image of images) {
        if (sys instanceof SwarmSystem) sys.imageByName = image === 'byName';
        const run = await scaleRun(sys, via, nodes, image, r, opts, log);
        rec.imageRefs[image] =
          sys instanceof SwarmSystem && image === 'byName' ? 'clusterctl/busybox:local (by tag)' : sys.imageRef;
        runs.push(run);
        say(scaleRunLine(run));
        ok &&= run.ok;
        if (!run.ok) break;
      }
      if (!ok) break;
    }
    rec.ok = ok;
    rec.loadAfter = uptime();
    if (opts.logsDir !== undefined && key === 'ours')
      await copyLogs(lab.containerName.bind(lab), nodes, opts.logsDir, log);
    return rec;
  });
  const loadAfter = uptime();
  say(`bench: load after: ${loadAfter}`);
  const summary = shapeScaleSummary(runs, systems, {
    topology: { managers: opts.managers, workers: opts.workers },
    from: opts.from,
    to: opts.to,
    runs: opts.runs,
    pollMs: opts.pollMs,
    timeoutS: opts.timeoutMs / 1000,
    images: Object.fromEntries(systems.map((k) => [k, records[k]?.imageRefs ?? null])),
    swarmSettings: 'defaults (untuned)',
    swarmNetwork: opts.swarmNetwork,
    oursDataPlane: opts.oursDataPlane,
    oursTiming:
      opts.oursTiming === 'swarm'
        ? { ...SWARM_TIMING, note: "Swarm's defaults, set with cluster update" }
        : 'defaults (heartbeat 500 ms, node grace 2 s)',
    load: Object.fromEntries(systems.map((k) => [k, { before: records[k]?.loadBefore, after: records[k]?.loadAfter }])),
    loadBefore,
    loadAfter,
    elapsedS: round2((Date.now() - t0) / 1000),
    ...(systems.some((k) => records[k]?.error)
      ? { errors: Object.fromEntries(systems.filter((k) => records[k]?.error).map((k) => [k, records[k]!.error])) }
      : {}),
  });
  say(JSON.stringify(summary));
}

runBench(main);
