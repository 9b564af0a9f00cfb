// Metrics every node serves (with --metrics-addr): its task containers' CPU, memory and network as
// the engine counts them, labelled by service, task and node (what cAdvisor is otherwise run for),
// the engine's health, and how long tasks take from their assignment to running. Container stats
// are sampled in the background (every sampleEveryMs, a few containers at a time), never per scrape,
// so any number of scrapers costs the engine nothing more.

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { Label, silentLogger, type Logger } from '@clusterctl/common';
import type { ContainerStats, Executor } from '../executor/executor.js';

export interface NodeMetricsConfig {
  registry: Registry;
  executor: Executor;
  clusterId: string;
  nodeId: string;
  logger?: Logger;
  /** Between two samples of the containers' stats. Default 10 s. */
  sampleEveryMs?: number;
}

export const NODE_METRICS_DEFAULTS = { sampleEveryMs: 10_000, concurrency: 4 } as const;

interface Sample {
  labels: { service: string; task: string; node: string };
  stats: ContainerStats;
}

export class NodeMetrics {
  private readonly cfg: NodeMetricsConfig;
  private readonly log: Logger;
  private samples: Sample[] = [];
  private engineUp = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private sampling: Promise<void> = Promise.resolve();
  private readonly startLatency: Histogram;

  constructor(cfg: NodeMetricsConfig) {
    this.cfg = cfg;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'node-metrics' });
    const registers = [cfg.registry];
    const labelNames = ['service', 'task', 'node'] as const;
    const samples = (): Sample[] => this.samples;
    new Counter({
      name: 'clusterctl_container_cpu_seconds_total',
      help: "CPU time used by a task's container, as the engine counts it (sampled)",
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const s of samples()) this.inc(s.labels, s.stats.cpuSeconds);
      },
    });
    new Gauge({
      name: 'clusterctl_container_memory_bytes',
      help: "Memory used by a task's container (sampled)",
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const s of samples()) this.set(s.labels, s.stats.memoryBytes);
      },
    });
    new Counter({
      name: 'clusterctl_container_network_receive_bytes_total',
      help: "Bytes received by a task's container on all its interfaces (sampled)",
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const s of samples()) this.inc(s.labels, s.stats.networkReceiveBytes);
      },
    });
    new Counter({
      name: 'clusterctl_container_network_transmit_bytes_total',
      help: "Bytes sent by a task's container on all its interfaces (sampled)",
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const s of samples()) this.inc(s.labels, s.stats.networkTransmitBytes);
      },
    });
    const engineUp = (): number => this.engineUp;
    new Gauge({
      name: 'clusterctl_engine_up',
      help: "1 when this node's container engine answered its last ping, else 0",
      registers,
      collect() {
        this.set(engineUp());
      },
    });
    this.startLatency = new Histogram({
      name: 'clusterctl_agent_task_start_seconds',
      help: "Time from a task's assignment to this node until its container runs",
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });
  }

  /** For the agent: a container it created runs, `ms` after its assignment. */
  readonly taskRunning = (ms: number): void => {
    this.startLatency.observe(ms / 1000);
  };

  start(): void {
    const every = this.cfg.sampleEveryMs ?? NODE_METRICS_DEFAULTS.sampleEveryMs;
    const tick = (): void => {
      this.sampling = this.sample().catch((err: unknown) => this.log.debug({ err }, 'sampling containers failed'));
      void this.sampling.then(() => {
        if (!this.stopped) this.timer = setTimeout(tick, every);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sampling;
  }

  /** One round: ping the engine, list this node's running task containers, read their stats. */
  async sample(): Promise<void> {
    const ex = this.cfg.executor;
    try {
      await (ex.ping?.() ?? ex.engineInfo());
      this.engineUp = 1;
    } catch {
      this.engineUp = 0;
      this.samples = [];
      return;
    }
    if (ex.stats === undefined) return;
    const list = await ex.list({
      all: false,
      labels: { [Label.ClusterId]: this.cfg.clusterId, [Label.NodeId]: this.cfg.nodeId },
    });
    const out: Sample[] = [];
    const queue = list.filter((c) => c.ids !== undefined);
    const worker = async (): Promise<void> => {
      for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
        try {
          const stats = await ex.stats!(c.id);
          const ids = c.ids!;
          out.push({
            labels: { service: ids.serviceName ?? ids.serviceId, task: ids.taskId, node: this.cfg.nodeId },
            stats,
          });
        } catch (err) {
          // gone between the listing and now: it simply has no sample this round
          this.log.debug({ err, containerId: c.id.slice(0, 12) }, 'container stats failed');
        }
      }
    };
    await Promise.all(Array.from({ length: NODE_METRICS_DEFAULTS.concurrency }, worker));
    this.samples = out;
  }
}
