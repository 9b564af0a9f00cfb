// Autoscaling: the CPU each running task container used over the last interval, sent to the leader
// with the heartbeats while it asks for it (a service is autoscaled). Sampled in the background,
// a few containers at a time, only while asked; at most MAX_TASKS entries per report.

import { silentLogger, type Logger } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { ContainerStats } from '../executor/executor.js';

export interface AutoscaleCpuConfig {
  /** The running task containers of this node. */
  running: () => Array<{ taskId: string; containerId: string }>;
  stats: (containerId: string) => Promise<ContainerStats>;
  /** Between two samples. Default AUTOSCALE_CPU_DEFAULTS.sampleEveryMs. */
  sampleEveryMs?: number;
  /** Asked for and not asked again for this long: sampling stops. */
  idleAfterMs?: number;
  now?: () => number;
  logger?: Logger;
}

export const AUTOSCALE_CPU_DEFAULTS = {
  sampleEveryMs: 3_000,
  idleAfterMs: 30_000,
  concurrency: 4,
  maxTasks: 1000,
} as const;

export class AutoscaleCpuSampler {
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly everyMs: number;
  /** Per task: the container's CPU seconds at the last sample, and when. */
  private last = new Map<string, { containerId: string; cpuSeconds: number; atMs: number }>();
  private report: clusterctl.dispatcher.IAutoscaleTaskCpu[] = [];
  private timer: NodeJS.Timeout | undefined;
  private askedAt = 0;
  private sampling: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly cfg: AutoscaleCpuConfig) {
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'autoscale-cpu' });
    this.now = cfg.now ?? Date.now;
    this.everyMs = cfg.sampleEveryMs ?? AUTOSCALE_CPU_DEFAULTS.sampleEveryMs;
  }

  /** A heartbeat answer: whether the leader wants the tasks' CPU. */
  wanted(yes: boolean): void {
    if (!yes || this.stopped) return;
    this.askedAt = this.now();
    if (this.timer === undefined && this.sampling === undefined) this.tick();
  }

  /** The CPU measured since the last call (each sample is sent once). */
  take(): clusterctl.dispatcher.IAutoscaleTaskCpu[] {
    const r = this.report;
    this.report = [];
    return r;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.timer = undefined;
    const idleAfter = this.cfg.idleAfterMs ?? AUTOSCALE_CPU_DEFAULTS.idleAfterMs;
    if (this.stopped || this.now() - this.askedAt > idleAfter) {
      this.last.clear();
      return;
    }
    this.sampling = this.sample()
      .catch((err: unknown) => this.log.debug({ err }, 'sampling task CPU failed'))
      .finally(() => {
        this.sampling = undefined;
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.everyMs);
      });
  }

  /** One round: every running task container's CPU seconds, as a rate against the previous round. */
  async sample(): Promise<void> {
    const queue = this.cfg.running().slice(0, AUTOSCALE_CPU_DEFAULTS.maxTasks);
    const next = new Map<string, { containerId: string; cpuSeconds: number; atMs: number }>();
    const out: clusterctl.dispatcher.IAutoscaleTaskCpu[] = [];
    const worker = async (): Promise<void> => {
      for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
        try {
          const s = await this.cfg.stats(c.containerId);
          const atMs = this.now();
          const prev = this.last.get(c.taskId);
          next.set(c.taskId, { containerId: c.containerId, cpuSeconds: s.cpuSeconds, atMs });
          if (prev === undefined || prev.containerId !== c.containerId || atMs <= prev.atMs) continue;
          const windowMs = atMs - prev.atMs;
          const cpuCores = Math.max(0, s.cpuSeconds - prev.cpuSeconds) / (windowMs / 1000);
          out.push({ taskId: c.taskId, cpuCores, windowMs });
        } catch (err) {
          // gone between the listing and now: no sample this round
          this.log.debug({ err, taskId: c.taskId }, 'task container stats failed');
        }
      }
    };
    await Promise.all(Array.from({ length: AUTOSCALE_CPU_DEFAULTS.concurrency }, worker));
    this.last = next;
    if (out.length > 0) this.report = out;
  }
}
