// Autoscaling: the CPU of task containers as the nodes report it with their heartbeats, kept in
// memory on the leader (never in the store: it changes every few seconds). The autoscaler reads it
// and says whether nodes are to send it at all (`wanted`: some service is autoscaled).

/** Per heartbeat, at most this many tasks are read (more are dropped). */
export const AUTOSCALE_USAGE_LIMITS = { maxTasksPerReport: 1000, maxCpuCores: 4096 } as const;

export interface TaskCpuSample {
  /** CPU time per second of wall time (1: one core busy). */
  cpuCores: number;
  /** When the leader received it (its clock). */
  atMs: number;
  nodeId: string;
}

export class AutoscaleUsage {
  /** Some service is autoscaled: nodes send their tasks' CPU with their heartbeats. */
  wanted = false;
  private readonly byTask = new Map<string, TaskCpuSample>();

  /** A node's report (only sane values kept; a node speaks for its own tasks only, checked on read). */
  record(
    nodeId: string,
    entries: readonly { taskId?: string | null; cpuCores?: number | null }[],
    nowMs: number,
  ): void {
    for (const e of entries.slice(0, AUTOSCALE_USAGE_LIMITS.maxTasksPerReport)) {
      const taskId = e.taskId ?? '';
      const cpuCores = Number(e.cpuCores ?? NaN);
      if (taskId === '' || taskId.length > 64) continue;
      if (!Number.isFinite(cpuCores) || cpuCores < 0 || cpuCores > AUTOSCALE_USAGE_LIMITS.maxCpuCores) continue;
      this.byTask.set(taskId, { cpuCores, atMs: nowMs, nodeId });
    }
  }

  /** The task's CPU, if its node (the one the store places it on) reported it within maxAgeMs. */
  get(taskId: string, nodeId: string, nowMs: number, maxAgeMs: number): number | undefined {
    const s = this.byTask.get(taskId);
    if (s === undefined || s.nodeId !== nodeId || nowMs - s.atMs > maxAgeMs) return undefined;
    return s.cpuCores;
  }

  /** Drops samples older than maxAgeMs. */
  prune(nowMs: number, maxAgeMs: number): void {
    for (const [id, s] of this.byTask) if (nowMs - s.atMs > maxAgeMs) this.byTask.delete(id);
  }

  get size(): number {
    return this.byTask.size;
  }
}
