// `npm run bench:scale`: how far one 3-manager cluster goes. Real manager daemons (LevelDB with
// fsync, mutual TLS) and hollow nodes: many per child process (hollow-node-process.ts), each joined
// with the worker token on the real join path and running the real agent over real gRPC with an
// in-memory executor. Ramps to 1,000 and then --nodes nodes, creates --services services totalling
// --tasks tasks through the CLI's client (the control socket of a follower manager, which forwards
// to the leader over mutual TLS; all created at once), measures API latency under that load, then kills the leader and
// one hollow-node process. JSON lines as it goes; the LAST line is the summary (figures, aims, met,
// where the ramp stopped and why, the machine's load at start and end).
//
// Flags: see SCALE_USAGE (scale-args.ts). SCALE_BENCH_AGENT_LOG=LEVEL: the hollow agents log at that
// level into their process's folder (with --keep-dirs, for post-mortems); SCALE_BENCH_HOLLOW_CPU_PROF=DIR:
// the hollow-node processes write V8 CPU profiles there when they stop.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { isClusterError } from '@clusterctl/common';
import { buildServiceSpec, type DaemonClient } from '@clusterctl/cli';
import { cpuSecondsOf } from '../raft-bench/proc-stat.js';
import { trackDir, trackPid, untrackDir, untrackPid } from '../raft-bench/cleanup.js';
import { parseScaleArgs, processSizes, replicasPerService, type ScaleArgs } from './scale-args.js';
import {
  fdCountOf,
  heartbeatsTotal,
  rssBytesOf,
  startManagers,
  type ManagerCluster,
  type ManagerDaemon,
} from './manager-daemons.js';
import type { HollowProcessConfig, HollowStats } from './hollow-node-process.js';
import { latencySummary, round, type LatencySummary } from './scale-stats.js';

const IMAGE = 'hollow/app:1';
const STATS_INTERVAL_MS = 500;
const STEADY_WINDOW_MS = 10_000;
const AIM = { tasksPerSec: 10_000, tasksRestartedOnLeaderKill: 0 } as const;

function line(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function loadAverages(): number[] {
  return loadavg().map((x) => round(x, 2));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class PhaseTimeout extends Error {}

async function until(
  what: string,
  timeoutMs: number,
  check: () => boolean | Promise<boolean>,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new PhaseTimeout(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(everyMs);
  }
}

/** One child process of hollow nodes, as the parent sees it. */
class HollowProcess {
  readonly proc: ChildProcess;
  stats: HollowStats | undefined;
  joined: { nodes: number; ms: number; joinP50Ms: number; joinMaxMs: number } | undefined;
  failed: string | undefined;
  exited = false;
  private marked = false;

  constructor(
    readonly index: number,
    readonly count: number,
    cfg: HollowProcessConfig,
  ) {
    const here = dirname(fileURLToPath(import.meta.url));
    const prof = process.env.SCALE_BENCH_HOLLOW_CPU_PROF;
    const nodeArgs = prof === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', prof];
    this.proc = spawn(process.execPath, [...nodeArgs, join(here, 'hollow-node-process.js'), JSON.stringify(cfg)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    if (this.proc.pid === undefined) throw new Error('could not spawn a hollow-node process');
    trackPid(this.proc.pid);
    this.proc.once('exit', () => {
      this.exited = true;
      if (this.proc.pid !== undefined) untrackPid(this.proc.pid);
    });
    createInterface({ input: this.proc.stdout! }).on('line', (l) => {
      let m: { event?: string } & Record<string, unknown>;
      try {
        m = JSON.parse(l) as typeof m;
      } catch {
        return;
      }
      if (m.event === 'stats') {
        this.stats = m as unknown as HollowStats;
        if (this.marked) this.afterMark = true;
      } else if (m.event === 'joined') this.joined = m as unknown as HollowProcess['joined'];
      else if (m.event === 'marked') this.marked = true;
      else if (m.event === 'failed') this.failed = String(m.error).split('\n')[0];
    });
  }

  /** A stats line that came after the last mark. */
  afterMark = false;

  mark(): void {
    this.marked = false;
    this.afterMark = false;
    this.proc.stdin!.write('mark\n');
  }

  kill(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.stdin!.write('stop\n');
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(t);
  }
}

interface Sample {
  cpuSeconds: number;
  atMs: number;
  heartbeats: number;
}

async function sample(m: ManagerDaemon): Promise<Sample> {
  return { cpuSeconds: cpuSecondsOf(m.pid), atMs: performance.now(), heartbeats: await heartbeatsTotal(m.metricsAddr) };
}

function cpuPercent(a: Sample, b: Sample): number {
  return round(((b.cpuSeconds - a.cpuSeconds) / ((b.atMs - a.atMs) / 1000)) * 100, 1);
}

function perSec(n: number, ms: number): number {
  return ms > 0 ? round((n / ms) * 1000, 1) : Number.NaN;
}

class Bench {
  cluster: ManagerCluster | undefined;
  hollows: HollowProcess[] = [];
  readonly figures: Record<string, unknown> = {};
  stoppedAt: { phase: string; reason: string } | undefined;
  private nextPrefix = 0;

  constructor(
    readonly args: ScaleArgs,
    readonly dir: string,
  ) {}

  managers(): ManagerDaemon[] {
    return this.cluster?.managers ?? [];
  }

  /** The leader, as a live manager says. */
  async leader(): Promise<ManagerDaemon> {
    for (const m of this.managers().filter((x) => x.alive())) {
      try {
        const ci = await m.client().control('getClusterInfo', {}, 5_000);
        const l = this.managers().find((x) => x.nodeId === ci.leaderNodeId && x.alive());
        if (l !== undefined) return l;
      } catch {
        // ask the next one
      }
    }
    throw new Error('no manager names a live leader');
  }

  /** The client the figures go through: a follower's control socket (forwarded over mutual TLS). */
  async apiClient(): Promise<DaemonClient> {
    const leader = await this.leader();
    const f = this.managers().find((m) => m.alive() && m !== leader) ?? leader;
    return f.client();
  }

  nodes(): number {
    return this.hollows.filter((h) => !h.exited).reduce((s, h) => s + h.count, 0);
  }

  async start(): Promise<void> {
    const nodeArgs = this.args.cpuProfDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', this.args.cpuProfDir];
    this.cluster = await startManagers({
      count: this.args.managers,
      dir: join(this.dir, 'managers'),
      nodeArgs,
      initArgs: [
        ...(this.args.heartbeatPeriodMs === undefined
          ? []
          : ['--heartbeat-period', `${this.args.heartbeatPeriodMs}ms`]),
        ...(this.args.nodeGraceMs === undefined ? [] : ['--node-grace', `${this.args.nodeGraceMs}ms`]),
      ],
      onEvent: (e) => line({ phase: 'managers', ...e }),
    });
    const leader = await this.leader();
    this.figures.baseline = { leaderRssBytes: rssBytesOf(leader.pid), leaderFds: fdCountOf(leader.pid) };
  }

  /** Adds hollow nodes up to `target`; the figures of the step. */
  async ramp(target: number): Promise<void> {
    const cluster = this.cluster!;
    const add = target - this.nodes();
    const sizes = processSizes(add, this.args.nodesPerProcess);
    const leader = await this.leader();
    const s0 = await sample(leader);
    const t0 = performance.now();
    const fresh = sizes.map((count) => {
      const index = this.hollows.length;
      const prefix = `hollow${this.nextPrefix++}`;
      const h = new HollowProcess(index, count, {
        managerAddr: cluster.joinAddr,
        token: cluster.workerToken,
        count,
        prefix,
        dir: join(this.dir, 'hollow', prefix),
        joinConcurrency: this.args.joinConcurrency,
        image: IMAGE,
        statsIntervalMs: STATS_INTERVAL_MS,
        ...(process.env.SCALE_BENCH_AGENT_LOG === undefined ? {} : { logLevel: process.env.SCALE_BENCH_AGENT_LOG }),
      });
      this.hollows.push(h);
      return h;
    });
    let lastReport = 0;
    await until(
      `${target} nodes joined`,
      this.args.phaseTimeoutMs,
      () => {
        const failed = fresh.find((h) => h.failed !== undefined || (h.exited && h.joined === undefined));
        if (failed !== undefined)
          throw new Error(`hollow-node process ${failed.index} failed: ${failed.failed ?? 'exited'}`);
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          const connected = this.hollows.reduce((s, h) => s + (h.stats?.connected ?? 0), 0);
          const joined = this.hollows.reduce((s, h) => s + (h.stats?.nodes ?? 0), 0);
          line({
            phase: `ramp-${target}`,
            progress: {
              joinedNodes: joined,
              processesJoined: fresh.filter((h) => h.joined).length,
              of: fresh.length,
              connectedNodes: connected,
              hollowLoopDelayMaxMs: Math.max(0, ...this.hollows.map((h) => h.stats?.loopDelayMaxMs ?? 0)),
            },
          });
        }
        return fresh.every((h) => h.joined !== undefined);
      },
      200,
    );
    const joinMs = performance.now() - t0;
    const s1 = await sample(leader);
    // steady state: every node heartbeating, nothing else going on
    await sleep(STEADY_WINDOW_MS);
    const s2 = await sample(leader);
    const rss = rssBytesOf(leader.pid);
    const base = this.figures.baseline as { leaderRssBytes: number };
    const fig = {
      nodes: target,
      added: add,
      processes: this.hollows.length,
      joinAllMs: Math.round(joinMs),
      joinsPerSec: perSec(add, joinMs),
      joinP50Ms: Math.max(...fresh.map((h) => h.joined?.joinP50Ms ?? 0)),
      leaderCpuPercentDuringJoins: cpuPercent(s0, s1),
      leaderCpuPercentSteady: cpuPercent(s1, s2),
      heartbeatsPerSec: perSec(s2.heartbeats - s1.heartbeats, s2.atMs - s1.atMs),
      leaderRssBytes: rss,
      leaderRssBytesPerNode: Math.round((rss - base.leaderRssBytes) / target),
      leaderFds: fdCountOf(leader.pid),
      hollowRssBytes: this.hollows.reduce((s, h) => s + (h.stats?.rssBytes ?? 0), 0),
      load: loadAverages(),
    };
    line({ phase: `ramp-${target}`, ...fig });
    (this.figures.ramp ??= [] as unknown[]) as unknown[];
    (this.figures.ramp as unknown[]).push(fig);
  }

  services: Array<{ name: string; replicas: number }> = [];

  async running(c: DaemonClient): Promise<{ running: number; desired: number }> {
    const { services } = await c.listServices();
    let running = 0;
    let desired = 0;
    for (const s of services) {
      running += Number(s.running);
      desired += Number(s.desired);
    }
    return { running, desired };
  }

  async createServices(): Promise<void> {
    const replicas = replicasPerService(this.args.tasks, this.args.services);
    const c = await this.apiClient();
    const leader = await this.leader();
    const rss0 = rssBytesOf(leader.pid);
    const s0 = await sample(leader);
    const t0 = performance.now();
    const createMs: number[] = [];
    // all at once, as a deploy script or a stack would
    await Promise.all(
      replicas.map(async (n, i) => {
        const name = `scale-${i}`;
        const spec = buildServiceSpec(IMAGE, [], { name, replicas: String(n), detach: true });
        const tc = performance.now();
        await c.control('createService', { spec });
        createMs.push(performance.now() - tc);
        this.services.push({ name, replicas: n });
      }),
    );
    const total = this.args.tasks;
    let lastReport = 0;
    let r = { running: 0, desired: 0 };
    await until(
      `${total} tasks running`,
      this.args.phaseTimeoutMs,
      async () => {
        r = await this.running(c);
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          line({ phase: 'tasks', progress: { running: r.running, of: total, ms: Math.round(performance.now() - t0) } });
        }
        return r.running >= total;
      },
      250,
    );
    const ms = performance.now() - t0;
    const s1 = await sample(leader);
    await sleep(STEADY_WINDOW_MS);
    const s2 = await sample(leader);
    const rss = rssBytesOf(leader.pid);
    const fig = {
      nodes: this.nodes(),
      tasks: total,
      services: replicas.length,
      createToAllRunningMs: Math.round(ms),
      tasksPerSec: perSec(total, ms),
      serviceCreateCallMs: latencySummary(createMs),
      leaderCpuPercentDuring: cpuPercent(s0, s1),
      leaderCpuPercentSteady: cpuPercent(s1, s2),
      leaderCpuPercentSteadyPer1kNodes: round(cpuPercent(s1, s2) / (this.nodes() / 1000), 2),
      heartbeatsPerSec: perSec(s2.heartbeats - s1.heartbeats, s2.atMs - s1.atMs),
      leaderRssBytes: rss,
      leaderRssBytesPerTask: total > 0 ? Math.round((rss - rss0) / total) : null,
      leaderFds: fdCountOf(leader.pid),
      hollowRunning: this.hollows.reduce((s, h) => s + (h.stats?.running ?? 0), 0),
      load: loadAverages(),
    };
    line({ phase: 'tasks', ...fig });
    this.figures.tasks = fig;
  }

  async apiLatency(): Promise<void> {
    const c = await this.apiClient();
    const n = this.args.apiSamples;
    const biggest = [...this.services].sort((a, b) => b.replicas - a.replicas)[0];
    const timed = async (f: () => Promise<unknown>): Promise<LatencySummary | { error: string }> => {
      const xs: number[] = [];
      try {
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await f();
          xs.push(performance.now() - t);
        }
      } catch (e) {
        return { error: isClusterError(e) ? `${e.code}: ${e.message}` : String(e) };
      }
      return latencySummary(xs);
    };
    const out: Record<string, unknown> = {
      client: 'the CLI client on a follower manager control socket (forwarded to the leader over mutual TLS)',
      samples: n,
      nodeLs: await timed(() => c.control('listNodes', {})),
      serviceLs: await timed(() => c.listServices()),
    };
    if (biggest !== undefined) {
      out.servicePs = {
        tasks: biggest.replicas,
        ...(await timed(() => c.control('listTasks', { service: biggest.name }))),
      };
      let k = 0;
      out.serviceScale = await timed(() =>
        c.control('scaleService', { service: biggest.name, replicas: biggest.replicas + (k++ % 2 === 0 ? 1 : 0) }),
      );
      await c.control('scaleService', { service: biggest.name, replicas: biggest.replicas });
      await until(
        'scaled back',
        this.args.phaseTimeoutMs,
        async () => {
          const r = await this.running(c);
          return r.running === r.desired && r.desired === this.args.tasks;
        },
        250,
      );
    }
    out.load = loadAverages();
    line({ phase: 'api-latency', ...out });
    this.figures.apiLatency = out;
  }

  /** Task id -> node id of every current task of the bench's services. */
  async placement(c: DaemonClient): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const s of this.services) {
      const r = await c.control('listTasks', { service: s.name });
      for (const t of r.tasks) if (t.desiredState === 'running') out.set(String(t.id), String(t.nodeId ?? ''));
    }
    return out;
  }

  private async markAll(): Promise<void> {
    const live = this.hollows.filter((h) => !h.exited);
    for (const h of live) h.mark();
    await until('marks acknowledged', 30_000, () => live.every((h) => h.afterMark), 50);
  }

  async leaderKill(): Promise<void> {
    const old = await this.leader();
    const c0 = await this.apiClient();
    const before = this.args.tasks > 0 ? await this.placement(c0) : new Map<string, string>();
    await this.markAll();
    const live = this.hollows.filter((h) => !h.exited);
    const nodes = live.reduce((s, h) => s + h.count, 0);
    const t0 = performance.now();
    await old.kill('SIGKILL');
    let newLeader: ManagerDaemon | undefined;
    await until(
      'a new leader',
      this.args.phaseTimeoutMs,
      async () => {
        try {
          newLeader = await this.leader();
          return newLeader !== old;
        } catch {
          return false;
        }
      },
      50,
    );
    const leaderMs = performance.now() - t0;
    await until('every agent has a session again', this.args.phaseTimeoutMs, () =>
      live.every((h) => h.stats !== undefined && h.stats.reconnectedSinceMark === h.count),
    );
    const sessionsMs = performance.now() - t0;
    const c = await this.apiClient();
    await until(
      'every task reported running',
      this.args.phaseTimeoutMs,
      async () => {
        const r = await this.running(c);
        return r.running >= this.args.tasks;
      },
      250,
    );
    const runningMs = performance.now() - t0;
    // the agents' view: containers created since the kill (a restarted or moved task makes one)
    await sleep(2 * STATS_INTERVAL_MS);
    const created = live.reduce((s, h) => s + (h.stats?.createdSinceMark ?? 0), 0);
    const after = this.args.tasks > 0 ? await this.placement(c) : new Map<string, string>();
    let changed = 0;
    for (const [id, node] of before) if (after.get(id) !== node) changed++;
    const fig = {
      nodes,
      tasks: this.args.tasks,
      killed: old.name,
      newLeader: newLeader?.name,
      newLeaderMs: Math.round(leaderMs),
      allSessionsBackMs: Math.round(sessionsMs),
      allTasksRunningMs: Math.round(runningMs),
      containersCreated: created,
      tasksReplacedOrMoved: changed,
      tasksRestarted: Math.max(created, changed),
      newLeaderRssBytes: newLeader === undefined ? null : rssBytesOf(newLeader.pid),
      load: loadAverages(),
    };
    line({ phase: 'leader-kill', ...fig });
    this.figures.leaderKill = fig;
  }

  async workerKill(): Promise<void> {
    const live = this.hollows.filter((h) => !h.exited);
    const victim = live[live.length - 1]!;
    const survivors = live.filter((h) => h !== victim);
    await this.markAll();
    const lost = victim.stats?.running ?? 0;
    const c = await this.apiClient();
    const t0 = performance.now();
    victim.kill();
    // its tasks run elsewhere: the survivors' agents run every task and the managers report them all
    await until(
      'its tasks running elsewhere',
      this.args.phaseTimeoutMs,
      async () => {
        const onSurvivors = survivors.reduce((s, h) => s + (h.stats?.running ?? 0), 0);
        if (onSurvivors < this.args.tasks) return false;
        const r = await this.running(c);
        return r.running >= this.args.tasks;
      },
      100,
    );
    const ms = performance.now() - t0;
    const fig = {
      nodesKilled: victim.count,
      tasksLost: lost,
      replacedMs: Math.round(ms),
      containersCreatedOnSurvivors: survivors.reduce((s, h) => s + (h.stats?.createdSinceMark ?? 0), 0),
      load: loadAverages(),
    };
    line({ phase: 'worker-kill', ...fig });
    this.figures.workerKill = fig;
  }

  async stop(): Promise<void> {
    await Promise.all(this.hollows.map((h) => h.stop()));
    await this.cluster?.stop();
  }
}

async function main(): Promise<void> {
  let args: ScaleArgs;
  try {
    args = parseScaleArgs(process.argv.slice(2));
  } catch (e) {
    if (!isClusterError(e)) throw e;
    line({ error: e.code, message: e.message, hint: e.hint });
    process.exitCode = 2;
    return;
  }
  const loadAtStart = loadAverages();
  const dir = mkdtempSync(join(args.baseDir ?? tmpdir(), 'scale-bench-'));
  if (!args.keepDirs) trackDir(dir);
  if (args.cpuProfDir !== undefined) mkdirSync(args.cpuProfDir, { recursive: true });
  line({
    info: 'scale-bench',
    steps: args.steps,
    tasks: args.tasks,
    services: args.services,
    managers: args.managers,
    heartbeatPeriodMs: args.heartbeatPeriodMs ?? 'default',
    nodeGraceMs: args.nodeGraceMs ?? 'default',
    nodesPerProcess: args.nodesPerProcess,
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version },
    note: 'managers, hollow-node processes and this process share these cores',
  });
  const bench = new Bench(args, dir);
  const t0 = performance.now();
  let reached = 0;
  const phase = async (name: string, f: () => Promise<void>): Promise<boolean> => {
    if (bench.stoppedAt !== undefined) return false;
    try {
      await f();
      return true;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      bench.stoppedAt = { phase: name, reason };
      line({ phase: name, error: reason, ...(e instanceof PhaseTimeout ? {} : { stack: (e as Error).stack }) });
      return false;
    }
  };
  try {
    await phase('managers', () => bench.start());
    for (const step of args.steps) if (await phase(`ramp-${step}`, () => bench.ramp(step))) reached = step;
    if (args.tasks > 0) await phase('tasks', () => bench.createServices());
    await phase('api-latency', () => bench.apiLatency());
    if (!args.skip.has('leader-kill')) await phase('leader-kill', () => bench.leaderKill());
    if (!args.skip.has('worker-kill')) await phase('worker-kill', () => bench.workerKill());
  } finally {
    await bench.stop().catch(() => undefined);
    if (!args.keepDirs) {
      rmSync(dir, { recursive: true, force: true });
      untrackDir(dir);
    }
  }
  const tasks = bench.figures.tasks as { tasksPerSec?: number } | undefined;
  const lk = bench.figures.leaderKill as { tasksRestarted?: number } | undefined;
  line({
    summary: 'scale-bench',
    nodesReached: reached,
    nodesTarget: args.steps[args.steps.length - 1],
    tasksTarget: args.tasks,
    stoppedAt: bench.stoppedAt ?? null,
    ...bench.figures,
    aim: { tasksPerSec: `>= ${AIM.tasksPerSec}`, tasksRestartedOnLeaderKill: `== ${AIM.tasksRestartedOnLeaderKill}` },
    met: {
      tasksPerSec: tasks?.tasksPerSec === undefined ? null : tasks.tasksPerSec >= AIM.tasksPerSec,
      tasksRestartedOnLeaderKill:
        lk?.tasksRestarted === undefined ? null : lk.tasksRestarted === AIM.tasksRestartedOnLeaderKill,
    },
    totalMs: Math.round(performance.now() - t0),
    load: { start: loadAtStart, end: loadAverages() },
  });
  if (bench.stoppedAt !== undefined && reached === 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  line({ error: err instanceof Error ? err.stack : String(err) });
  process.exitCode = 1;
});
