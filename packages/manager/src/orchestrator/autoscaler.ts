// Autoscaling on the leader: every syncEveryMs, each autoscaled replicated service gets a replica
// count from its running tasks' CPU (as the nodes report it, see autoscale-usage.ts), the way
// Kubernetes' HPA computes it: desired = ceil(current * usage / target), no change within the
// tolerance, tasks without a sample counted at 0% when scaling up and at the target when scaling
// down, at most doubling (or +4) per decision. Stabilization: a scale-up takes the lowest
// recommendation of the up-window (0 s: the latest), a scale-down the highest of the down-window
// (5 min), and a service watched for less than the down-window is not scaled down (a new leader
// has no history). Never outside [min, max]; nothing is decided while an update is paused or
// rolling back. A decision writes the count and the service's autoscale status (the reason), one
// event in `clusterctl events`. The history is in memory: lost on failover, as said above.

import { silentLogger, systemClock, type Clock, type Logger, type TimerHandle } from '@clusterctl/common';
import {
  AUTOSCALE_DEFAULTS,
  type AutoscaleSpec,
  type ClusterStore,
  type ProposeOptions,
  type ReadTx,
  type Service,
  type UpdateState,
} from '@clusterctl/store';
import type { AutoscaleUsage } from './autoscale-usage.js';

export const AUTOSCALER_DEFAULTS = {
  syncEveryMs: 3_000,
  /** A task's sample older than this is not used. */
  sampleMaxAgeMs: 15_000,
  /** |usage / target - 1| within this: no change. */
  tolerance: 0.1,
} as const;

export interface AutoscalerConfig {
  store: ClusterStore;
  usage: AutoscaleUsage;
  clock?: Clock;
  logger?: Logger;
  syncEveryMs?: number;
  sampleMaxAgeMs?: number;
  /** The raft term of the leadership it runs in: its writes are fenced to it. */
  leaderTerm?: number;
}

/** What one service's tasks use now. */
export interface CpuObservation {
  current: number;
  /** Utilization in percent of the base, one per running task with a fresh sample. */
  sampled: number[];
  /** Tasks expected (current) without a sample (starting, or not reported yet). */
  missing: number;
}

export interface Recommendation {
  replicas: number;
  /** Mean utilization of the sampled tasks, in percent. */
  cpuPercent: number;
}

/** The count the usage asks for (before stabilization), within [min, max]. Undefined: no sample at all. */
export function recommend(
  a: AutoscaleSpec,
  o: CpuObservation,
  tolerance: number = AUTOSCALER_DEFAULTS.tolerance,
): Recommendation | undefined {
  const clamp = (n: number): number => Math.min(a.maxReplicas, Math.max(a.minReplicas, n));
  if (o.sampled.length === 0) return undefined;
  const sum = o.sampled.reduce((x, y) => x + y, 0);
  const cpuPercent = sum / o.sampled.length;
  const ratio = cpuPercent / a.targetCpuPercent;
  let replicas = o.current;
  if (Math.abs(ratio - 1) > tolerance) {
    const n = o.sampled.length + o.missing;
    // tasks without a sample: 0% when scaling up, at the target when scaling down
    const assumed = ratio > 1 ? 0 : o.missing * a.targetCpuPercent;
    const newRatio = (sum + assumed) / n / a.targetCpuPercent;
    const sameWay = ratio > 1 ? newRatio > 1 + tolerance : newRatio < 1 - tolerance;
    if (sameWay) replicas = Math.ceil(newRatio * n - 1e-9);
    if (replicas > o.current) replicas = Math.min(replicas, Math.max(2 * o.current, o.current + 4));
  }
  return { replicas: clamp(replicas), cpuPercent };
}

interface History {
  /** The autoscale config it was gathered under (a new config starts over). */
  key: string;
  /** Watched since (the down-window counts from here). */
  sinceMs: number;
  recs: { atMs: number; replicas: number }[];
}

/** The count to set after stabilization (current when nothing is to change). */
export function stabilize(a: AutoscaleSpec, h: History, current: number, nowMs: number): number {
  const up = a.scaleUpWindowMs ?? AUTOSCALE_DEFAULTS.scaleUpWindowMs;
  const down = a.scaleDownWindowMs ?? AUTOSCALE_DEFAULTS.scaleDownWindowMs;
  const latest = h.recs[h.recs.length - 1];
  if (latest === undefined) return current;
  if (latest.replicas > current) {
    let lowest = latest.replicas;
    for (const r of h.recs) if (r.atMs > nowMs - up) lowest = Math.min(lowest, r.replicas);
    // a recommendation from before the service was watched is the current count
    if (up > 0 && h.sinceMs > nowMs - up) lowest = Math.min(lowest, current);
    return Math.max(current, lowest);
  }
  if (latest.replicas < current) {
    let highest = latest.replicas;
    for (const r of h.recs) if (r.atMs > nowMs - down) highest = Math.max(highest, r.replicas);
    if (h.sinceMs > nowMs - down) highest = Math.max(highest, current);
    return Math.min(current, highest);
  }
  return current;
}

const BLOCKING: ReadonlySet<UpdateState> = new Set(['paused', 'rollback_started', 'rollback_paused']);

export class Autoscaler {
  private readonly store: ClusterStore;
  private readonly usage: AutoscaleUsage;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly everyMs: number;
  private readonly maxAgeMs: number;
  private readonly fence: ProposeOptions | undefined;
  private readonly history = new Map<string, History>();
  private timer: TimerHandle | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  readonly stats = { syncs: 0, decisions: 0, failed: 0 };

  constructor(cfg: AutoscalerConfig) {
    this.store = cfg.store;
    this.usage = cfg.usage;
    this.clock = cfg.clock ?? systemClock;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'autoscaler' });
    this.everyMs = cfg.syncEveryMs ?? AUTOSCALER_DEFAULTS.syncEveryMs;
    this.maxAgeMs = cfg.sampleMaxAgeMs ?? AUTOSCALER_DEFAULTS.sampleMaxAgeMs;
    this.fence = cfg.leaderTerm === undefined ? undefined : { leaderTerm: cfg.leaderTerm };
  }

  start(): void {
    const tick = (): void => {
      this.timer = undefined;
      if (this.stopped) return;
      this.running = this.sync()
        .catch((err: unknown) => this.log.warn({ err }, 'autoscaling pass failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = this.clock.setTimeout(tick, this.everyMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.usage.wanted = false;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the autoscaled services (tests call it directly). */
  async sync(): Promise<void> {
    this.stats.syncs++;
    const now = this.clock.now();
    this.usage.prune(now, this.maxAgeMs);
    const decisions: { service: Service; replicas: number; cpuPercent: number; reason: string }[] = [];
    this.store.view((tx) => {
      const seen = new Set<string>();
      for (const s of tx.list('services')) {
        const a = s.spec.autoscale;
        if (a === undefined || s.spec.mode.kind !== 'replicated') continue;
        seen.add(s.id);
        const d = this.decide(tx, s, a, now);
        if (d !== undefined) decisions.push(d);
      }
      for (const id of this.history.keys()) if (!seen.has(id)) this.history.delete(id);
      this.usage.wanted = seen.size > 0;
    });
    for (const d of decisions) {
      try {
        await this.store.update((tx) => {
          const cur = tx.get('services', d.service.id);
          // anything written since the decision (an update, a manual scale) wins; the next pass decides again
          if (cur === undefined || cur.meta.version !== d.service.meta.version) return;
          const previous = d.service.spec.mode.kind === 'replicated' ? d.service.spec.mode.replicas : 0;
          tx.update('services', {
            ...cur,
            spec: { ...cur.spec, mode: { kind: 'replicated', replicas: d.replicas } },
            autoscaleStatus: {
              replicas: d.replicas,
              previousReplicas: previous,
              cpuPercent: Math.round(d.cpuPercent),
              reason: d.reason,
              decidedAt: now,
            },
          });
        }, this.fence);
        this.stats.decisions++;
        this.log.info({ serviceId: d.service.id, replicas: d.replicas, reason: d.reason }, 'service autoscaled');
      } catch (err) {
        this.stats.failed++;
        this.log.warn(
          { err, serviceId: d.service.id },
          'writing an autoscaling decision failed; the next pass decides again',
        );
      }
    }
  }

  private decide(
    tx: ReadTx,
    s: Service,
    a: AutoscaleSpec,
    now: number,
  ): { service: Service; replicas: number; cpuPercent: number; reason: string } | undefined {
    if (s.spec.mode.kind !== 'replicated') return undefined;
    const state = s.updateStatus?.state;
    if (state !== undefined && BLOCKING.has(state)) return undefined;
    const current = s.spec.mode.replicas;
    const key = JSON.stringify(a);
    let h = this.history.get(s.id);
    if (h === undefined || h.key !== key) this.history.set(s.id, (h = { key, sinceMs: now, recs: [] }));
    const obs = this.observe(tx, s, now);
    const rec = recommend(a, obs);
    if (rec === undefined) return undefined;
    const keepMs = Math.max(a.scaleUpWindowMs ?? 0, a.scaleDownWindowMs ?? AUTOSCALE_DEFAULTS.scaleDownWindowMs);
    h.recs = h.recs.filter((r) => r.atMs >= now - keepMs);
    h.recs.push({ atMs: now, replicas: rec.replicas });
    const replicas = stabilize(a, h, current, now);
    if (replicas === current) return undefined;
    const cpu = `${Math.round(rec.cpuPercent)}%`;
    const over = `${obs.sampled.length} of ${current} tasks`;
    const reason =
      replicas > current
        ? `CPU ${cpu} above the target ${a.targetCpuPercent}% (mean of ${over})`
        : `CPU ${cpu} below the target ${a.targetCpuPercent}% (mean of ${over}) for the down-window`;
    return { service: s, replicas, cpuPercent: rec.cpuPercent, reason };
  }

  /** The running tasks' CPU in percent of their base (reservation, else limit, else one CPU). */
  private observe(tx: ReadTx, s: Service, now: number): CpuObservation {
    const current = s.spec.mode.kind === 'replicated' ? s.spec.mode.replicas : 0;
    const r = s.spec.resources;
    const baseNano =
      r.reservations.nanoCpus > 0 ? r.reservations.nanoCpus : r.limits.nanoCpus > 0 ? r.limits.nanoCpus : 1e9;
    const sampled: number[] = [];
    for (const t of tx.findBy('tasks', 'serviceId', s.id)) {
      if (t.desiredState !== 'running' || t.status.state !== 'running' || t.slot > current) continue;
      const cores = this.usage.get(t.id, t.nodeId, now, this.maxAgeMs);
      if (cores !== undefined) sampled.push((cores * 1e9 * 100) / baseNano);
    }
    return { current, sampled: sampled.slice(0, current), missing: Math.max(0, current - sampled.length) };
  }
}
