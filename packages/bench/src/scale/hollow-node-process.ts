// A child process of `npm run bench:scale` running many hollow nodes: each joins the cluster with the
// worker token on the real join path (its own key, CSR and certificate), then runs the real agent
// (session, heartbeats at the period the dispatcher asks for, assignments, batched status reports)
// over real gRPC with mutual TLS, on an in-memory executor that starts "containers" at once.
//
//   node hollow-node-process.js '{"managerAddr":..,"token":..,"count":..,"prefix":..,"dir":..,"joinConcurrency":..}'
//
// Stdout: JSON lines: {event:'joined', ...} once every node has joined and its agent runs, then
// {event:'stats', ...} every statsIntervalMs. Stdin: `mark` (counts reset for a kill phase: sessions
// established and containers created from now on), `stop` (agents stop, the process exits).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { joinCluster } from '@clusterctl/ca';
import { Agent } from '@clusterctl/agent';
import { FakeExecutor } from '@clusterctl/agent/testing';
import { createLogger, silentLogger } from '@clusterctl/common';
import type { CreateContainerOptions } from '@clusterctl/agent';

export interface HollowProcessConfig {
  managerAddr: string;
  token: string;
  count: number;
  /** Hostname prefix: nodes are PREFIX-0 .. PREFIX-(count-1). */
  prefix: string;
  dir: string;
  joinConcurrency: number;
  image: string;
  statsIntervalMs: number;
  /** Log level of the agents (DIR/agents.log); undefined: no log. */
  logLevel?: string;
}

/** The figures a child reports. */
export interface HollowStats {
  event: 'stats';
  /** Nodes joined, their agent started. */
  nodes: number;
  /** Nodes still to join. */
  joining: number;
  connected: number;
  /** Agents that established a session after the last `mark`. */
  reconnectedSinceMark: number;
  /** Tasks running on this process's nodes (as their agents see them). */
  running: number;
  /** Containers created after the last `mark` (a restarted or moved task creates one). */
  createdSinceMark: number;
  rssBytes: number;
  cpuSeconds: number;
  /** This process's event loop delay since the previous stats line: p99 and max (ms). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

class CountingExecutor extends FakeExecutor {
  created = 0;
  override async create(opts: CreateContainerOptions): Promise<string> {
    const id = await super.create(opts);
    this.created++;
    return id;
  }
}

interface Hollow {
  agent: Agent;
  executor: CountingExecutor;
}

function out(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2] ?? '{}') as HollowProcessConfig;
  const hollows: Hollow[] = [];
  const joinMs: number[] = [];
  mkdirSync(cfg.dir, { recursive: true });
  const log =
    cfg.logLevel === undefined
      ? silentLogger()
      : createLogger({ name: 'hollow', level: cfg.logLevel, destination: join(cfg.dir, 'agents.log') });
  const t0 = performance.now();
  let next = 0;
  const joinOne = async (i: number): Promise<void> => {
    const hostname = `${cfg.prefix}-${i}`;
    const dir = join(cfg.dir, hostname);
    mkdirSync(dir, { recursive: true });
    const tj = performance.now();
    const joined = await joinCluster({ managerAddr: cfg.managerAddr, token: cfg.token, hostname });
    joinMs.push(performance.now() - tj);
    const executor = new CountingExecutor({
      images: [cfg.image],
      engine: { hostname, ncpu: 64, memoryBytes: 256 * 2 ** 30 },
    });
    const managers = joined.managers.map((m) => m.addr).filter(Boolean);
    const agent = new Agent({
      executor,
      nodeId: joined.nodeId,
      clusterId: joined.clusterId,
      dir,
      tls: { caPem: joined.caCertPem, certPem: joined.certPem, keyPem: joined.keyPem },
      managers: managers.length > 0 ? managers : [cfg.managerAddr],
      hostname,
      addr: '127.0.0.1',
      log: log.child({ hostname }),
      stopGraceMs: 0,
    });
    await agent.start();
    hollows.push({ agent, executor });
  };
  let baseSessions = hollows.map((h) => h.agent.status().sessions);
  let baseCreated = hollows.map((h) => h.executor.created);
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const stats = (): HollowStats => {
    let connected = 0;
    let reconnected = 0;
    let running = 0;
    let created = 0;
    hollows.forEach((h, i) => {
      const s = h.agent.status();
      if (s.connected) connected++;
      if (s.connected && s.sessions > (baseSessions[i] ?? 0)) reconnected++;
      for (const t of h.agent.tasks()) if (t.status.state === 'running') running++;
      created += h.executor.created - (baseCreated[i] ?? 0);
    });
    const u = process.cpuUsage();
    return {
      event: 'stats',
      nodes: hollows.length,
      joining: cfg.count - hollows.length,
      connected,
      reconnectedSinceMark: reconnected,
      running,
      createdSinceMark: created,
      rssBytes: process.memoryUsage.rss(),
      cpuSeconds: (u.user + u.system) / 1e6,
      loopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
      loopDelayMaxMs: Math.round(loop.max / 1e6),
    };
    loop.reset();
  };
  // from the start: the parent follows the joins
  const timer = setInterval(() => out(stats()), cfg.statsIntervalMs);

  const workers = Array.from({ length: Math.min(cfg.joinConcurrency, cfg.count) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= cfg.count) return;
      // a join refused under load is tried again (the figure counts the time of the successful one)
      for (let attempt = 1; ; attempt++) {
        try {
          await joinOne(i);
          break;
        } catch (e) {
          if (attempt >= 5) throw e;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    }
  });
  await Promise.all(workers);
  await Promise.all(hollows.map((h) => h.agent.whenConnected()));
  const sorted = [...joinMs].sort((a, b) => a - b);
  out({
    event: 'joined',
    nodes: hollows.length,
    ms: Math.round(performance.now() - t0),
    joinP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    joinMaxMs: Math.round(sorted[sorted.length - 1] ?? 0),
  });

  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const cmd = line.trim();
    if (cmd === 'mark') {
      baseSessions = hollows.map((h) => h.agent.status().sessions);
      baseCreated = hollows.map((h) => h.executor.created);
      out({ event: 'marked' });
      out(stats());
    } else if (cmd === 'stop') {
      clearInterval(timer);
      rl.close();
      // agents that cannot say goodbye (no manager answers) do not hold the exit up for long
      setTimeout(() => process.exit(0), 3_000).unref();
      void Promise.allSettled(hollows.map((h) => h.agent.stop())).then(() => process.exit(0));
    }
  });
  // the parent went away: nothing to report to
  rl.on('close', () => {
    clearInterval(timer);
    setTimeout(() => process.exit(0), 2000).unref();
  });
}

main().catch((e: unknown) => {
  out({ event: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
