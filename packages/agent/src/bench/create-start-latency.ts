// How long a task's container takes to run, on the local engine, with the workload image (build it
// first: node scripts/build-workload-image.mjs), side by side with the engine's own baselines, all
// in the same run and interleaved round by round (the load of a shared machine shifts):
//   cli          `docker create` + `docker start` (includes the CLI's process start-up)
//   cliRun       `docker run -d`
//   dockerode    POST /containers/create + /start through dockerode alone
//   executor     DockerExecutor.create + start
//   agent        the agent's Worker (real DockerExecutor, real assignment file): an INCREMENTAL
//                assignment applied -> the task's 'running' status
// For each: totalMs (call issued -> caller knows it runs) and engineCreatedToStartedMs (the
// container's Created -> State.StartedAt, both the engine's clock). For the agent also
// assignmentToRunningMs, createToRunningMs (engine Created -> our 'running' status, same host clock)
// the engine requests it made per task up to 'running' (count and ms), assignmentToCreateRequestMs and
// oursMs (assignment -> running minus the engine's create and start requests: what the agent adds).
// Percentiles p50/p90, min, max.
// The last line of output is one JSON object.
//   node packages/agent/dist/bench/create-start-latency.js [runs] [--no-port] [--no-cli]
// By default each container publishes a port on 127.0.0.1 as a web task would.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { silentLogger } from '@clusterctl/common';
import { Worker } from '../agent/worker.js';
import type { AgentTask, AgentTaskStatus } from '../agent/task-model.js';
import { engineProbe } from '../executor/engine-probe.js';
import type { ContainerSpec, CreateContainerOptions } from '../executor/index.js';

const IMAGE = 'clusterctl/busybox:local';
const args = process.argv.slice(2);
const publish = !args.includes('--no-port');
const withCli = !args.includes('--no-cli');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const run = randomUUID().slice(0, 8);
const clusterId = `bench-${run}`;
const nodeId = 'bench-node';
const exec = promisify(execFile);
const probe = engineProbe();
const ex = probe.executor;

type Stats = { p50Ms: number; p90Ms: number; minMs: number; maxMs: number };
function stats(xs: number[]): Stats | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const r = (n: number) => +n.toFixed(1);
  return { p50Ms: r(rank(0.5)), p90Ms: r(rank(0.9)), minMs: r(s[0]!), maxMs: r(s[s.length - 1]!) };
}

function spec(port: number): ContainerSpec {
  return { image: IMAGE, ports: publish ? [{ published: port, target: 80, protocol: 'tcp' }] : [] };
}

function createOpts(variant: string, i: number, port: number): CreateContainerOptions {
  return {
    ids: { clusterId, serviceId: variant, taskId: `${variant}-${i}-${run}`, nodeId, slot: i + 1 },
    spec: spec(port),
    hostIp: '127.0.0.1',
  };
}

interface Sample {
  totalMs: number;
  engineCreatedToStartedMs?: number;
  extra?: Record<string, number>;
  requests?: Record<string, number>;
  requestMs?: Record<string, number>;
}

async function engineGap(id: string): Promise<number | undefined> {
  const t = await probe.engineTimes(id);
  return t.startedMs === undefined ? undefined : t.startedMs - t.createdMs;
}

function cliArgs(variant: string, i: number, port: number): string[] {
  const a = [
    '--label',
    `com.clusterctl.cluster.id=${clusterId}`,
    '--label',
    `com.clusterctl.node.id=${nodeId}`,
    '--name',
    `${variant}.${i}.${run}`,
  ];
  if (publish) a.push('-p', `127.0.0.1:${port}:80`);
  return [...a, IMAGE];
}

async function viaCli(i: number, port: number): Promise<Sample> {
  const t0 = performance.now();
  const { stdout } = await exec('docker', ['create', ...cliArgs('cli', i, port)]);
  const id = stdout.trim();
  await exec('docker', ['start', id]);
  const totalMs = performance.now() - t0;
  try {
    return { totalMs, engineCreatedToStartedMs: (await engineGap(id)) ?? NaN };
  } finally {
    await probe.removeForce(id);
  }
}

async function viaCliRun(i: number, port: number): Promise<Sample> {
  const t0 = performance.now();
  const { stdout } = await exec('docker', ['run', '-d', ...cliArgs('clirun', i, port)]);
  const id = stdout.trim();
  const totalMs = performance.now() - t0;
  try {
    return { totalMs, engineCreatedToStartedMs: (await engineGap(id)) ?? NaN };
  } finally {
    await probe.removeForce(id);
  }
}

async function viaDockerode(i: number, port: number): Promise<Sample> {
  const t0 = performance.now();
  const { id } = await probe.dockerodeCreateStart(createOpts('dockerode', i, port));
  const totalMs = performance.now() - t0;
  try {
    return { totalMs, engineCreatedToStartedMs: (await engineGap(id)) ?? NaN };
  } finally {
    await probe.removeForce(id);
  }
}

async function viaExecutor(i: number, port: number): Promise<Sample> {
  probe.resetRequests();
  const t0 = performance.now();
  const id = await ex.create(createOpts('executor', i, port));
  await ex.start(id);
  const totalMs = performance.now() - t0;
  const requests = probe.requests();
  const requestMs = probe.requestMs();
  try {
    return { totalMs, engineCreatedToStartedMs: (await engineGap(id)) ?? NaN, requests, requestMs };
  } finally {
    await probe.removeForce(id);
  }
}

/** One Worker for the whole run, as on a node: each round assigns one task and removes it after. */
const agentDir = mkdtempSync(join(tmpdir(), 'bench-agent-'));
let onStatus: (taskId: string, s: AgentTaskStatus) => void = () => undefined;
const worker = new Worker({
  executor: ex,
  clusterId,
  nodeId,
  dir: agentDir,
  log: silentLogger(),
  onStatus: (id, s) => onStatus(id, s),
});

async function viaAgent(i: number, port: number): Promise<Sample> {
  const task: AgentTask = {
    id: `agent-${i}-${run}`,
    serviceId: 'agent',
    serviceName: 'bench',
    slot: i + 1,
    nodeId,
    desiredState: 'running',
    spec: spec(port),
    managerState: 'assigned',
  };
  let running!: (s: AgentTaskStatus) => void;
  let failed!: (e: Error) => void;
  const ran = new Promise<AgentTaskStatus>((resolve, reject) => {
    running = resolve;
    failed = reject;
  });
  let runningAtPerf = 0;
  onStatus = (id, s) => {
    if (id !== task.id) return;
    if (s.state === 'running') {
      runningAtPerf = performance.now();
      running(s);
    } else if (s.state === 'failed' || s.state === 'rejected')
      failed(new Error(`task ${s.state}: ${s.err ?? s.message}`));
  };
  probe.resetRequests();
  const t0 = performance.now();
  await worker.apply({ complete: false, update: [task], remove: [] });
  const status = await ran;
  const requests = probe.requests();
  const requestMs = probe.requestMs();
  const createSentAt = probe.firstRequestAt()['POST /containers/create'] ?? NaN;
  const totalMs = runningAtPerf - t0;
  const id = status.containerId ?? worker.containerOf(task.id);
  if (!id) throw new Error('running without a container id');
  const t = await probe.engineTimes(id);
  await worker.apply({ complete: false, update: [], remove: [task.id] });
  await worker.settle();
  // assignmentToCreateRequestMs: ours before the engine hears of the container (persisting the
  // assignment, and whatever we ask the engine first); engineOtherRequestsMs: time in engine
  // requests other than create and start up to 'running'.
  const otherMs = Object.entries(requestMs).reduce(
    (n, [k, v]) => (k === 'POST /containers/create' || k === 'POST /containers/:id/start' ? n : n + v),
    0,
  );
  // oursMs: the path minus the engine's create and start requests (what the agent itself adds).
  const engineMs = (requestMs['POST /containers/create'] ?? 0) + (requestMs['POST /containers/:id/start'] ?? 0);
  const extra = {
    assignmentToRunningMs: totalMs,
    createToRunningMs: status.timestamp - t.createdMs,
    assignmentToCreateRequestMs: createSentAt - t0,
    engineOtherRequestsMs: otherMs,
    oursMs: totalMs - engineMs,
  };
  const sample: Sample = { totalMs, extra, requests, requestMs };
  if (t.startedMs !== undefined) sample.engineCreatedToStartedMs = t.startedMs - t.createdMs;
  return sample;
}

type Variant = [string, (i: number, port: number) => Promise<Sample>];
const cliVariants: Variant[] = [
  ['cli', viaCli],
  ['cliRun', viaCliRun],
];
const VARIANTS: Variant[] = [
  ...(withCli ? cliVariants : []),
  ['dockerode', viaDockerode],
  ['executor', viaExecutor],
  ['agent', viaAgent],
];

function summary(samples: Sample[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    totalMs: stats(samples.map((s) => s.totalMs)),
    engineCreatedToStartedMs: stats(
      samples.map((s) => s.engineCreatedToStartedMs).filter((x): x is number => x !== undefined && !Number.isNaN(x)),
    ),
  };
  for (const key of Object.keys(samples[0]?.extra ?? {})) out[key] = stats(samples.map((s) => s.extra?.[key] ?? NaN));
  const req = samples.map((s) => s.requests).filter((r) => r !== undefined);
  if (req.length > 0) {
    const keys = new Set(req.flatMap((r) => Object.keys(r)));
    const perTask: Record<string, number> = {};
    for (const k of [...keys].sort()) perTask[k] = +(req.reduce((n, r) => n + (r[k] ?? 0), 0) / req.length).toFixed(2);
    out.engineRequestsPerTask = perTask;
    const ms = samples.map((s) => s.requestMs ?? {});
    const msPerTask: Record<string, number> = {};
    for (const k of [...keys].sort()) msPerTask[k] = +(ms.reduce((n, r) => n + (r[k] ?? 0), 0) / ms.length).toFixed(1);
    out.engineRequestMsPerTask = msPerTask;
  }
  return out;
}

async function main(): Promise<void> {
  const load0 = loadavg();
  await worker.start();
  const samples = new Map<string, Sample[]>(VARIANTS.map(([v]) => [v, []]));
  // One warm-up round (first connections, page cache), not counted.
  for (let i = -1; i < runs; i++) {
    for (let k = 0; k < VARIANTS.length; k++) {
      // Rotate the order so no variant always runs right after another's teardown.
      const [name, fn] = VARIANTS[(k + Math.max(0, i)) % VARIANTS.length]!;
      const s = await fn(i + 1, 18_500 + (i + 1) * 10 + k);
      if (i >= 0) samples.get(name)!.push(s);
    }
  }
  await worker.close();
  const load1 = loadavg();
  const result: Record<string, unknown> = {
    runs,
    image: IMAGE,
    publishedPort: publish,
    loadAvg1m: { start: +load0[0]!.toFixed(2), end: +load1[0]!.toFixed(2) },
  };
  for (const [name, s] of samples) result[name] = summary(s);
  console.log(JSON.stringify(result));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(agentDir, { recursive: true, force: true }));
