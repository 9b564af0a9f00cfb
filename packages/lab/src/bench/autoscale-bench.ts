#!/usr/bin/env node
// `npm run bench:autoscale`: how fast autoscaling follows a load step, in the docker-in-docker lab
// (1 manager + 1 or 2 workers). A service `burn` of the workload image (busybox httpd; every
// request to /cgi-bin/burn hashes a fixed number of zero bytes: a fixed CPU cost) with a CPU limit
// of 0.2 and `--autoscale min=1,max=N,cpu=T%` publishes 8080 -> 8000. A client container on the lab
// network sends an open-loop load (autoscale-load: a fixed total rate, a new connection per
// request) to m1:8080, so the routing mesh spreads it over the running replicas: the user's path.
//   1. calibration: 2 requests/s for 8 s to the one replica; its cgroup's CPU time per request;
//   2. the load step: from 0 to the rate that needs K replicas under the target (K - 0.5 replicas'
//      worth at the target; or --rate); the engines are sampled every second (running task
//      containers, their cgroup CPU time, their start time);
//   3. once K run and the mean CPU is under the target, --hold-s more of load, then it stops, and
//      the service is watched back to its minimum.
// Figures: seconds from the step to the decision of enough replicas, to that many running, to the
// mean CPU under the target; the replica count over time; seconds from the stop back to the
// minimum. No peer runs here: none of the peers has an autoscaler built in for this kind of
// cluster (`peer: none`).
// Progress lines, one JSON line for the run, and as the LAST line
// {"ours":{...figures},"peer":"none","aim":{...},"meta":{...,"loadAvg":{...}}}.
//
// Flags: --replicas K (3) replicas the load needs  --max N (6)  --cpu-percent T (50)
//        --hash-kb KB (2048) per request  --rate R (computed)  --hold-s S (30)
//        --down-window-s S (30)  --timeout-s S (180) per phase  --workers W (1)
//        --lab-prefix P (bench-autoscale)  --privileged auto|yes|no
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterError, ErrorCode, Label } from '@clusterctl/common';
import { REPO_ROOT, sleep, waitFor } from '@clusterctl/common/testing';
import { docker, dockerRun } from '../docker.js';
import { LAB_NODE_IMAGE, LABEL_LAB, Lab, WORKLOAD_IMAGE, labWaitOptions, type PrivilegedMode } from '../lab.js';
import type { AutoscaleLoadResult, AutoscaleLoadSecond } from './autoscale-load.js';
import {
  autoscaleFigures,
  cpuSeries,
  rateFor,
  replicasNeeded,
  type AutoscaleFigures,
  type Decision,
  type EngineRound,
  type TaskSample,
} from './autoscale-figures.js';
import { measureInLabs, runBench, say, privilegedFlag, wholeNumberFlag } from './lab-runs.js';
import { round2 } from './stats.js';

const SERVICE = 'burn';
const PUBLISHED = 8080;
const TARGET = 8000;
const PATH = '/cgi-bin/burn';
/** Each task's CPU limit, in cores: the autoscaler's 100% (no reservation is set). */
const LIMIT_CPU = 0.2;
const MIN = 1;
const SAMPLE_EVERY_MS = 1_000;
/** The mean CPU is taken over this trailing window (the agents sample every 3 s too). */
const CPU_WINDOW_MS = 3_000;
const CALIBRATION = { rate: 2, durationMs: 8_000 };
const LOAD_JS = join(REPO_ROOT, 'packages/lab/dist/bench/autoscale-load.js');

interface Options {
  aim: number;
  max: number;
  targetPercent: number;
  hashKb: number;
  rate?: number;
  holdMs: number;
  downWindowMs: number;
  timeoutMs: number;
  workers: number;
  labPrefix: string;
  privileged: PrivilegedMode;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      replicas: { type: 'string', default: '3' },
      max: { type: 'string', default: '6' },
      'cpu-percent': { type: 'string', default: '50' },
      'hash-kb': { type: 'string', default: '2048' },
      rate: { type: 'string' },
      'hold-s': { type: 'string', default: '30' },
      'down-window-s': { type: 'string', default: '30' },
      'timeout-s': { type: 'string', default: '180' },
      workers: { type: 'string', default: '1' },
      'lab-prefix': { type: 'string', default: 'bench-autoscale' },
      privileged: { type: 'string', default: 'auto' },
    },
  });
  const int = wholeNumberFlag;
  const o: Options = {
    // at most 6 x 0.2 CPU: well below the 2 cores of the machine it was written for
    aim: int('replicas', values.replicas, 2, 6),
    max: int('max', values.max, 2, 20),
    targetPercent: int('cpu-percent', values['cpu-percent'], 10, 90),
    hashKb: int('hash-kb', values['hash-kb'], 16, 65_536),
    holdMs: int('hold-s', values['hold-s'], 0, 600) * 1000,
    downWindowMs: int('down-window-s', values['down-window-s'], 0, 600) * 1000,
    timeoutMs: int('timeout-s', values['timeout-s'], 30, 1800) * 1000,
    workers: int('workers', values.workers, 1, 2),
    labPrefix: values['lab-prefix'],
    privileged: privilegedFlag(values.privileged),
  };
  if (values.rate !== undefined) o.rate = int('rate', values.rate, 1, 1000);
  if (o.max < o.aim)
    throw new ClusterError(ErrorCode.InvalidArgument, `--max ${o.max} is below --replicas ${o.aim}`, {
      hint: 'the service may scale to --max: at least the replicas the load needs',
    });
  return o;
}

export interface AutoscaleRecord {
  system: 'ours';
  ok: boolean;
  error?: string;
  /** Timed out before enough replicas ran with the CPU under the target. */
  reachedAim?: boolean;
  cpuPerRequestMs?: number;
  rate?: number;
  aimReplicas?: number;
  figures?: AutoscaleFigures;
  decisions?: Array<{ tS: number; from: number; to: number; cpuPercent: number | null; reason: string }>;
  load?: Omit<AutoscaleLoadResult, 'errors'> & { errors: string[]; replicasAnswering: number };
  /** Requests per second answered and failed, per second of load. */
  perSecond?: Array<{ tS: number; sent: number; ok: number; failed: number; p50Ms: number | null }>;
  loadAvg?: { step: number[]; off: number[]; end: number[] };
}

/** The service: busybox httpd; /cgi-bin/burn answers "HOSTNAME HASH" after hashing hashKb of zeros. */
function serviceScript(hashKb: number): string {
  return [
    "cat > /www/cgi-bin/burn <<'CGI'",
    '#!/bin/sh',
    "printf 'Content-Type: text/plain\\r\\n\\r\\n'",
    `echo "$(hostname) $(head -c ${hashKb * 1024} /dev/zero | md5sum)"`,
    'CGI',
    'chmod +x /www/cgi-bin/burn',
    `PORT=${TARGET} exec web`,
  ].join('\n');
}

/** One node's running task containers of the service: cgroup CPU time (ns) and start time. */
const ENGINE_SCRIPT = [
  `ids=$(docker ps -q --no-trunc --filter label=${Label.ServiceName}=${SERVICE} --filter status=running)`,
  'if [ -n "$ids" ]; then',
  "  docker inspect -f '{{.Id}} {{.State.StartedAt}}' $ids 2>/dev/null | while read id at; do",
  '    f=/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage; g=/sys/fs/cgroup/docker/$id/cpu.stat',
  '    if [ -r $f ]; then u=$(cat $f); elif [ -r $g ]; then u=$(( $(sed -n "s/^usage_usec //p" $g) * 1000 )); else u=-1; fi',
  '    echo "task $id $u $at"',
  '  done',
  'fi',
  'echo "now $(date +%s%3N)"',
].join('\n');

async function engineRound(lab: Lab, nodes: string[]): Promise<EngineRound | undefined> {
  const tasks: TaskSample[] = [];
  let atMs = 0;
  const outs = await Promise.all(
    nodes.map((n) => dockerRun(['exec', lab.containerName(n), 'sh', '-c', ENGINE_SCRIPT], { timeoutMs: 10_000 })),
  );
  for (const r of outs) {
    if (r.code !== 0) return undefined;
    const lines = r.stdout.trim().split('\n');
    const now = Number(/^now (\d+)$/.exec(lines[lines.length - 1] ?? '')?.[1]);
    if (!Number.isFinite(now)) return undefined;
    atMs = Math.max(atMs, now);
    for (const l of lines) {
      const m = /^task (\S+) (-?\d+) (\S+)$/.exec(l);
      if (!m || Number(m[2]) < 0) continue;
      tasks.push({ id: m[1]!, cpuNs: Number(m[2]), atMs: now, startedAtMs: Date.parse(m[3]!) });
    }
  }
  return { atMs, tasks };
}

/** The client container on the lab network: the lab node image, node from the host, the repo mounted. */
async function startClient(lab: Lab): Promise<string> {
  const name = `${lab.cfg.name}-client`;
  await docker([
    'run',
    '-d',
    '--name',
    name,
    '--label',
    `${LABEL_LAB}=${lab.cfg.name}`,
    '--network',
    lab.networkName,
    '-v',
    `${REPO_ROOT}:${REPO_ROOT}:ro`,
    '-v',
    `${lab.cfg.nodeBinary}:/usr/local/bin/node:ro`,
    '--entrypoint',
    'sleep',
    LAB_NODE_IMAGE,
    'infinity',
  ]);
  return name;
}

function parseLoad(stdout: string): { result: AutoscaleLoadResult; seconds: AutoscaleLoadSecond[] } | undefined {
  const lines = stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  const last = lines.pop();
  if (last === undefined) return undefined;
  const result = JSON.parse(last) as AutoscaleLoadResult;
  if (typeof result.sent !== 'number') return undefined;
  return { result, seconds: lines.map((l) => JSON.parse(l) as AutoscaleLoadSecond) };
}

function loadArgs(host: string, rate: number, extra: string[]): string[] {
  return [LOAD_JS, '--host', host, '--port', String(PUBLISHED), '--path', PATH, '--rate', String(rate), ...extra];
}

interface EventJson {
  timeMs: number;
  action: string;
  name: string;
  attributes: Record<string, string>;
}

async function decisions(lab: Lab, sinceMs: number): Promise<Decision[]> {
  const out = await lab.clusterctl(lab.containerName('m1'), [
    '--format',
    'json',
    'events',
    '--since',
    String(Math.floor(sinceMs / 1000) - 1),
    '--until',
    String(Math.ceil(Date.now() / 1000) + 1),
    '--filter',
    'event=autoscale',
  ]);
  return out
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as EventJson)
    .filter((e) => e.action === 'autoscale' && e.name === SERVICE)
    .map((e) => ({
      atMs: e.timeMs,
      from: Number(e.attributes['replicas.old']),
      to: Number(e.attributes['replicas.new']),
      cpuPercent: e.attributes['cpu'] === undefined ? null : Number.parseFloat(e.attributes['cpu']),
      reason: e.attributes['reason'] ?? '',
    }));
}

const load1 = (): number => round2(loadavg()[0]!);

async function measure(lab: Lab, opts: Options, log: (l: string) => void): Promise<AutoscaleRecord> {
  await lab.up({ managers: 1, workers: opts.workers, privileged: opts.privileged, images: [] });
  const nodes = (await lab.nodes()).map((n) => n.node);
  const m1 = (await lab.resolve('m1')).ip;
  const autoscale = `min=${MIN},max=${opts.max},cpu=${opts.targetPercent}%,down-window=${opts.downWindowMs / 1000}s`;
  await lab.clusterctl(lab.containerName('m1'), [
    'service',
    'create',
    '--detach',
    '--name',
    SERVICE,
    '--limit-cpu',
    String(LIMIT_CPU),
    // m1 runs none: the manager's CPU stays out of the tasks' way (the mesh entered there spreads
    // over every replica, as it does from any node)
    '--constraint',
    'node.role==worker',
    '-p',
    `${PUBLISHED}:${TARGET}`,
    '--autoscale',
    autoscale,
    WORKLOAD_IMAGE,
    'sh',
    '-c',
    serviceScript(opts.hashKb),
  ]);
  log(`service ${SERVICE}: --limit-cpu ${LIMIT_CPU} --autoscale ${autoscale}, ${opts.hashKb} KiB hashed per request`);
  const client = await startClient(lab);
  await waitFor(
    `${SERVICE} answering on m1:${PUBLISHED}`,
    async () => {
      const r = await dockerRun(['exec', client, 'node', ...loadArgs(m1, 1, ['--probe', '--timeout-ms', '3000'])], {
        timeoutMs: 15_000,
      });
      return r.code === 0 ? true : undefined;
    },
    labWaitOptions(120_000, 500),
  );
  const first = await waitFor(
    `one ${SERVICE} task running`,
    async () => {
      const r = await engineRound(lab, nodes);
      return r !== undefined && r.tasks.length === MIN ? r : undefined;
    },
    labWaitOptions(60_000, 500),
  );

  // 1. calibration: the replica's CPU time per request at a low rate
  const cal = await dockerRun(
    [
      'exec',
      client,
      'node',
      ...loadArgs(m1, CALIBRATION.rate, ['--duration-ms', String(CALIBRATION.durationMs), '--timeout-ms', '10000']),
    ],
    { timeoutMs: CALIBRATION.durationMs + 60_000 },
  );
  const after = await engineRound(lab, nodes);
  const calLoad = parseLoad(cal.stdout);
  const t0 = first.tasks[0]!;
  const t1 = after?.tasks.find((t) => t.id === t0.id);
  if (!calLoad || calLoad.result.ok === 0 || t1 === undefined)
    throw new Error(`calibration failed (exit ${cal.code}): ${cal.stderr.trim() || 'the task changed'}`);
  const cpuPerRequestMs = round2((t1.cpuNs - t0.cpuNs) / 1e6 / calLoad.result.ok);
  const rate = opts.rate ?? rateFor(opts.aim, cpuPerRequestMs, opts.targetPercent, LIMIT_CPU);
  const aim = replicasNeeded(rate, cpuPerRequestMs, opts.targetPercent, LIMIT_CPU);
  log(
    `calibration: ${calLoad.result.ok} requests, ${cpuPerRequestMs} ms CPU each; load step to ${rate} requests/s ` +
      `(${round2((rate * cpuPerRequestMs) / 1000)} CPU): ${aim} replicas under ${opts.targetPercent}% of ${LIMIT_CPU} CPU`,
  );
  const rec: AutoscaleRecord = { system: 'ours', ok: false, cpuPerRequestMs, rate, aimReplicas: aim };
  if (aim > opts.max)
    throw new Error(`the load needs ${aim} replicas, more than --max ${opts.max}: lower --rate or raise --max`);

  // the engines, every second, until the end
  const rounds: EngineRound[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const started = Date.now();
      const r = await engineRound(lab, nodes).catch(() => undefined);
      if (r) rounds.push(r);
      await sleep(Math.max(0, SAMPLE_EVERY_MS - (Date.now() - started)));
    }
  })();
  const cpuNow = (): ReturnType<typeof cpuSeries> => cpuSeries(rounds, LIMIT_CPU, CPU_WINDOW_MS);

  try {
    // 2. the load step
    await sleep(CPU_WINDOW_MS + 500);
    const stopFile = `/tmp/autoscale-stop-${Date.now()}`;
    const loadAvgStep = loadavg().map(round2);
    const stepApproxMs = Date.now();
    log(`load step: 0 -> ${rate} requests/s on m1:${PUBLISHED}; load ${load1()}`);
    const running = dockerRun(
      ['exec', client, 'node', ...loadArgs(m1, rate, ['--until-file', stopFile, '--timeout-ms', '10000'])],
      { timeoutMs: opts.timeoutMs + opts.holdMs + 120_000 },
    );
    let lastSaid = '';
    const reached = await waitFor(
      `${aim} replicas running with the mean CPU under ${opts.targetPercent}%`,
      () => {
        const cpu = cpuNow().filter((p) => p.atMs >= stepApproxMs);
        const last = cpu[cpu.length - 1];
        const pct = last?.meanPercent ?? null;
        const state = `${last?.running ?? '?'} running, mean CPU ${pct === null ? '?' : pct > opts.targetPercent ? 'above' : 'under'}`;
        if (state !== lastSaid) {
          lastSaid = state;
          log(
            `+${((Date.now() - stepApproxMs) / 1000).toFixed(1)} s: ${state.replace(/(above|under)$/, `${Math.round(pct ?? 0)}%`)}`,
          );
        }
        const above = cpu.findIndex((p) => (p.meanPercent ?? 0) > opts.targetPercent);
        return (
          above >= 0 &&
          last !== undefined &&
          last.running >= aim &&
          last.meanPercent !== null &&
          last.meanPercent < opts.targetPercent
        );
      },
      { timeoutMs: opts.timeoutMs, intervalMs: 500 },
    ).then(
      () => true,
      () => false,
    );
    log(
      reached ? `reached; holding the load ${opts.holdMs / 1000} s more` : `not reached in ${opts.timeoutMs / 1000} s`,
    );
    const holdUntil = Date.now() + opts.holdMs;
    while (reached && Date.now() < holdUntil) {
      await sleep(5_000);
      const cpu = cpuNow();
      const last = cpu[cpu.length - 1];
      log(
        `+${((Date.now() - stepApproxMs) / 1000).toFixed(1)} s: ${last?.running} running, mean CPU ${Math.round(last?.meanPercent ?? 0)}%; load ${load1()}`,
      );
    }

    // 3. load off, back to the minimum
    await docker(['exec', client, 'touch', stopFile]);
    const r = await running;
    const loadAvgOff = loadavg().map(round2);
    const parsed = parseLoad(r.stdout);
    if (!parsed) throw new Error(`the load generator failed (exit ${r.code}): ${r.stderr.trim()}`);
    const { result, seconds } = parsed;
    log(
      `load off after ${round2((result.stoppedAtMs - result.startedAtMs) / 1000)} s: ${result.sent} sent, ${result.ok} answered, ` +
        `${result.failed} failed, p50 ${result.p50Ms} ms p99 ${result.p99Ms} ms, ${Object.keys(result.backends).length} replicas answered`,
    );
    const backAtMin = await waitFor(
      `${SERVICE} back to ${MIN} running`,
      () => {
        const last = rounds[rounds.length - 1];
        return last !== undefined && last.atMs > result.stoppedAtMs && last.tasks.length === MIN;
      },
      { timeoutMs: opts.downWindowMs + opts.timeoutMs, intervalMs: 500 },
    ).then(
      () => true,
      () => false,
    );
    log(backAtMin ? `back to ${MIN} running` : `not back to ${MIN} in time`);
    sampling = false;
    await sampler;

    const ds = await decisions(lab, stepApproxMs - 60_000);
    const step = result.startedAtMs;
    const figures = autoscaleFigures({
      stepAtMs: step,
      offAtMs: result.stoppedAtMs,
      aim,
      min: MIN,
      desiredAtStep: MIN,
      targetPercent: opts.targetPercent,
      decisions: ds,
      rounds,
      cpu: cpuNow(),
    });
    rec.reachedAim = reached;
    rec.figures = figures;
    rec.decisions = ds.map((d) => ({
      tS: round2((d.atMs - step) / 1000),
      from: d.from,
      to: d.to,
      cpuPercent: d.cpuPercent,
      reason: d.reason,
    }));
    rec.load = { ...result, replicasAnswering: Object.keys(result.backends).length };
    rec.perSecond = seconds.map((s) => ({
      tS: round2((s.atMs - step) / 1000),
      sent: s.sent,
      ok: s.ok,
      failed: s.failed,
      p50Ms: s.p50Ms,
    }));
    rec.loadAvg = { step: loadAvgStep, off: loadAvgOff, end: loadavg().map(round2) };
    rec.ok = reached && backAtMin;
    if (!rec.ok)
      rec.error = reached ? `not back to ${MIN} replica in time` : `${aim} replicas under the target not reached`;
    log(
      `figures: desired ${aim} after ${figures.desiredEnoughS} s, ${aim} running after ${figures.runningEnoughS} s, ` +
        `mean CPU under ${opts.targetPercent}% after ${figures.cpuUnderTargetS} s (settled ${figures.cpuSettledS} s); ` +
        `at most ${figures.maxDesired} decided, ${figures.scaleInsUnderLoad} scale-ins under load; ` +
        `back to ${MIN}: decided ${figures.desiredMinAfterOffS} s, running ${figures.runningMinAfterOffS} s after the stop`,
    );
    return rec;
  } finally {
    sampling = false;
    await sampler;
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const t0 = Date.now();
  const loadAtStart = loadavg().map(round2);
  say(
    `bench: autoscale; 1 manager + ${opts.workers} worker(s); --limit-cpu ${LIMIT_CPU}, min ${MIN}, max ${opts.max}, ` +
      `target ${opts.targetPercent}%, a load step needing ${opts.rate === undefined ? opts.aim : '(from --rate)'} replicas ` +
      `through the routing mesh; down-window ${opts.downWindowMs / 1000} s`,
  );
  const records = await measureInLabs<AutoscaleRecord>(['ours'], opts.labPrefix, (_key, lab, log) =>
    measure(lab, opts, log),
  );
  const r = records.ours;
  say(
    JSON.stringify({
      ours: r?.figures
        ? {
            ok: r.ok,
            desiredEnoughS: r.figures.desiredEnoughS,
            runningEnoughS: r.figures.runningEnoughS,
            cpuUnderTargetS: r.figures.cpuUnderTargetS,
            cpuSettledS: r.figures.cpuSettledS,
            maxDesired: r.figures.maxDesired,
            scaleInsUnderLoad: r.figures.scaleInsUnderLoad,
            desiredMinAfterOffS: r.figures.desiredMinAfterOffS,
            runningMinAfterOffS: r.figures.runningMinAfterOffS,
            failedRequests: r.load?.failed ?? null,
            requests: r.load?.sent ?? null,
            timeline: r.figures.timeline,
          }
        : { ok: false, error: r?.error ?? 'no record' },
      peer: 'none',
      peerNote: 'Docker Swarm has no autoscaler; no peer is measured',
      aim: {
        replicas: r?.aimReplicas ?? opts.aim,
        rate: r?.rate ?? opts.rate ?? null,
        cpuPerRequestMs: r?.cpuPerRequestMs ?? null,
        targetPercent: opts.targetPercent,
        limitCpu: LIMIT_CPU,
        min: MIN,
        max: opts.max,
        downWindowS: opts.downWindowMs / 1000,
      },
      meta: {
        topology: { managers: 1, workers: opts.workers },
        entry: `m1:${PUBLISHED} (the routing mesh; the replicas on the workers only)`,
        cpuWindowS: CPU_WINDOW_MS / 1000,
        sampleEveryS: SAMPLE_EVERY_MS / 1000,
        holdS: opts.holdMs / 1000,
        loadAvg: { start: loadAtStart, ...(r?.loadAvg ?? {}), end: loadavg().map(round2) },
        elapsedS: round2((Date.now() - t0) / 1000),
      },
    }),
  );
}

runBench(main);
