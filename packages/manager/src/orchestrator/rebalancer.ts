// Rebalancing on the leader (opt-in per service: `--rebalance`): when a node returns or joins, a
// replicated service's tasks stay where they are (as in Swarm) unless the service asks to be
// rebalanced. Then, every interval, at most one task per service moves from the node with the most
// of its tasks to the eligible node with the fewest, while they differ by two or more. A move is
// start-first: a new task of the same spec in the same slot, placed on the target node; the old
// one is stopped by the orchestrator only once the new one runs (and is healthy, with a health
// check), so the service never drops below its count. Moves follow the service's update policy:
// none while an update or rollback is in progress or paused, the next one only after the last
// moved task ran for the update monitor and after the update delay. A move whose new task does not
// run within moveTimeoutMs (the node cannot take it) is called off and the service left alone for
// a while.

import { silentLogger, systemClock, type Clock, type Logger, type TimerHandle } from '@clusterctl/common';
import {
  fullUpdateConfig,
  taskIsUp,
  UPDATE_CONFIG_DEFAULTS,
  type ClusterStore,
  type Node,
  type ProposeOptions,
  type ReadTx,
  type Service,
  type Task,
} from '@clusterctl/store';
import { constraintsOrUnmatchable, firstFailedConstraint } from '../scheduler/constraints.js';
import { isActive, newTaskFor } from './reconcile.js';
import { templateKey } from './update-progress.js';

export const REBALANCER_DEFAULTS = {
  /** Between two moves of one service (at least the service's update delay). */
  intervalMs: 10_000,
  /** A moved task that does not run within this is called off. */
  moveTimeoutMs: 60_000,
  /** After a move was called off, the service is left alone this long. */
  backoffMs: 300_000,
} as const;

export interface RebalancerConfig {
  store: ClusterStore;
  clock?: Clock;
  logger?: Logger;
  intervalMs?: number;
  moveTimeoutMs?: number;
  backoffMs?: number;
  /** The raft term of the leadership it runs in: its writes are fenced to it. */
  leaderTerm?: number;
}

/** What a pass does to one service. */
export type RebalanceStep =
  | { kind: 'move'; task: Task; from: string; to: string }
  | { kind: 'cancel'; task: Task; reason: string }
  | { kind: 'none'; why: string };

export class Rebalancer {
  private readonly store: ClusterStore;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly intervalMs: number;
  private readonly moveTimeoutMs: number;
  private readonly backoffMs: number;
  private readonly fence: ProposeOptions | undefined;
  /** Per service: when its last move started; when it may move again after a called-off move. */
  private readonly lastMoveAt = new Map<string, number>();
  private readonly backoffUntil = new Map<string, number>();
  /** Tasks this rebalancer created, and when (a move is timed from here). */
  private readonly movedTasks = new Map<string, number>();
  private timer: TimerHandle | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  readonly stats = { passes: 0, moves: 0, cancelled: 0, failed: 0 };

  constructor(cfg: RebalancerConfig) {
    this.store = cfg.store;
    this.clock = cfg.clock ?? systemClock;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'rebalancer' });
    this.intervalMs = cfg.intervalMs ?? REBALANCER_DEFAULTS.intervalMs;
    this.moveTimeoutMs = cfg.moveTimeoutMs ?? REBALANCER_DEFAULTS.moveTimeoutMs;
    this.backoffMs = cfg.backoffMs ?? REBALANCER_DEFAULTS.backoffMs;
    this.fence = cfg.leaderTerm === undefined ? undefined : { leaderTerm: cfg.leaderTerm };
  }

  start(): void {
    const tick = (): void => {
      this.timer = undefined;
      if (this.stopped) return;
      this.running = this.pass()
        .catch((err: unknown) => this.log.warn({ err }, 'rebalancing pass failed'))
        .finally(() => {
          this.running = undefined;
          // a pass a few times per interval: a move starts soon after its service may move again
          if (!this.stopped) this.timer = this.clock.setTimeout(tick, Math.max(250, this.intervalMs / 4));
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over the services that ask to be rebalanced (tests call it directly). */
  async pass(): Promise<void> {
    this.stats.passes++;
    const now = this.clock.now();
    const steps: { service: Service; step: RebalanceStep }[] = [];
    this.store.view((tx) => {
      const seen = new Set<string>();
      for (const s of tx.list('services')) {
        if (s.spec.rebalance !== true || s.spec.mode.kind !== 'replicated') continue;
        seen.add(s.id);
        const step = this.plan(tx, s, now);
        if (step.kind !== 'none') steps.push({ service: s, step });
      }
      for (const id of this.lastMoveAt.keys()) if (!seen.has(id)) this.lastMoveAt.delete(id);
      for (const id of this.backoffUntil.keys()) if (!seen.has(id)) this.backoffUntil.delete(id);
      for (const [id, at] of this.movedTasks) if (now - at > 2 * this.moveTimeoutMs) this.movedTasks.delete(id);
    });
    for (const { service, step } of steps) {
      try {
        if (step.kind === 'move') {
          const created = await this.store.update((tx) => {
            const cur = tx.get('tasks', step.task.id);
            if (cur === undefined || cur.meta.version !== step.task.meta.version) return false;
            const s = tx.get('services', service.id);
            if (s === undefined || s.meta.version !== service.meta.version) return false;
            const t = newTaskFor(s, cur.slot, step.to, now);
            return tx.create('tasks', {
              ...t,
              status: { ...t.status, message: `rebalance: moving from node ${step.from}` },
            }).id;
          }, this.fence);
          if (created !== false) {
            this.movedTasks.set(created, now);
            this.lastMoveAt.set(service.id, now);
            this.stats.moves++;
            this.log.info(
              { serviceId: service.id, slot: step.task.slot, from: step.from, to: step.to },
              'rebalance: moving a task',
            );
          }
        } else if (step.kind === 'cancel') {
          await this.store.update((tx) => {
            const cur = tx.get('tasks', step.task.id);
            if (cur === undefined || cur.meta.version !== step.task.meta.version) return;
            tx.update('tasks', {
              ...cur,
              desiredState: 'shutdown',
              status: { ...cur.status, message: `rebalance called off: ${step.reason}`, timestamp: now },
            });
          }, this.fence);
          this.backoffUntil.set(service.id, now + this.backoffMs);
          this.stats.cancelled++;
          this.log.warn(
            { serviceId: service.id, taskId: step.task.id, why: step.reason },
            'rebalance: move called off',
          );
        }
      } catch (err) {
        this.stats.failed++;
        this.log.warn({ err, serviceId: service.id }, 'rebalance: writing a move failed; the next pass tries again');
      }
    }
  }

  /** The step for one service now (exported logic for tests through pass()). */
  plan(tx: ReadTx, s: Service, now: number): RebalanceStep {
    if (s.spec.mode.kind !== 'replicated') return { kind: 'none', why: 'global' };
    const st = s.updateStatus?.state;
    if (st === 'updating' || st === 'paused' || st === 'rollback_started' || st === 'rollback_paused')
      return { kind: 'none', why: 'update in progress or paused' };
    const tasks = tx.findBy('tasks', 'serviceId', s.id).filter(isActive);
    const current = templateKey(s.spec);
    const bySlot = new Map<number, Task[]>();
    for (const t of tasks) {
      let l = bySlot.get(t.slot);
      if (l === undefined) bySlot.set(t.slot, (l = []));
      l.push(t);
    }
    // a move under way: wait for it (or call it off once it took too long)
    for (const l of bySlot.values()) {
      if (l.length < 2) continue;
      l.sort((a, b) => b.meta.createdAt - a.meta.createdAt || b.meta.version - a.meta.version);
      const newest = l[0]!;
      // when this leader started the move (after a failover: the task's last status change)
      const startedAt = this.movedTasks.get(newest.id) ?? newest.status.timestamp;
      if (!taskIsUp(newest.status) && now - startedAt > this.moveTimeoutMs)
        return {
          kind: 'cancel',
          task: newest,
          reason: `its new task did not run within ${this.moveTimeoutMs / 1000} s (${newest.status.message})`,
        };
      return { kind: 'none', why: 'a move is under way' };
    }
    if ((this.backoffUntil.get(s.id) ?? 0) > now) return { kind: 'none', why: 'a move was called off lately' };
    // settled: every slot's task of the current spec up, the newest for the update monitor
    const policy = fullUpdateConfig(s.spec.update, UPDATE_CONFIG_DEFAULTS);
    if (tasks.length !== s.spec.mode.replicas) return { kind: 'none', why: 'not at its count' };
    let newestUp = 0;
    for (const t of tasks) {
      if (!taskIsUp(t.status) || t.nodeId === '') return { kind: 'none', why: 'a task is not up' };
      if (t.serviceVersion !== s.meta.version && templateKey(t.spec) !== current)
        return { kind: 'none', why: 'a task runs an older spec' };
      newestUp = Math.max(newestUp, t.status.timestamp);
    }
    if (now - newestUp < policy.monitorMs) return { kind: 'none', why: 'the last task started lately' };
    const since = this.lastMoveAt.get(s.id);
    if (since !== undefined && now - since < Math.max(this.intervalMs, policy.delayMs))
      return { kind: 'none', why: 'moved one lately' };
    // the spread: tasks per eligible node
    const constraints = constraintsOrUnmatchable(s.spec.constraints);
    const eligible = tx
      .list('nodes')
      .filter(
        (n: Node) =>
          n.status.state === 'ready' &&
          n.availability === 'active' &&
          firstFailedConstraint(n, constraints) === undefined,
      );
    if (eligible.length < 2) return { kind: 'none', why: 'fewer than two eligible nodes' };
    const count = new Map<string, Task[]>(eligible.map((n) => [n.id, []]));
    for (const t of tasks) count.get(t.nodeId)?.push(t);
    let most: [string, Task[]] | undefined;
    let fewest: [string, Task[]] | undefined;
    for (const e of count) {
      if (most === undefined || e[1].length > most[1].length || (e[1].length === most[1].length && e[0] < most[0]))
        most = e;
      if (
        fewest === undefined ||
        e[1].length < fewest[1].length ||
        (e[1].length === fewest[1].length && e[0] < fewest[0])
      )
        fewest = e;
    }
    if (most === undefined || fewest === undefined || most[1].length - fewest[1].length < 2)
      return { kind: 'none', why: 'even' };
    const task = [...most[1]].sort((a, b) => b.slot - a.slot)[0]!;
    return { kind: 'move', task, from: most[0], to: fewest[0] };
  }
}
