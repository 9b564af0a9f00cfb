// The scheduler on the leader: keeps NodeInfos and the set of tasks waiting for a node up to date
// from a store watch, and after each burst of changes places the waiting tasks (placeTasks) and
// commits the outcome in one store.batch (few raft proposals however many tasks). A pass takes at
// most `maxTasksPerPass` tasks, oldest first, and the next pass comes after that batch committed
// and the watch caught up: tens of thousands of tasks created at once are placed in slices, so the
// leader's event loop (raft ticks, heartbeats) is never held for the whole placement. Tasks that
// fit nowhere stay pending with a message saying why; they are tried again on the next change.

import {
  backoffDelayMs,
  ClusterError,
  ErrorCode,
  silentLogger,
  systemClock,
  type BackoffPolicy,
  type Clock,
  type Logger,
} from '@clusterctl/common';
import {
  taskStateOrder,
  type ClusterStore,
  type Node,
  type ProposeOptions,
  type StoreEvent,
  type Task,
  type Watcher,
} from '@clusterctl/store';
import { buildNodeInfos, NodeInfo } from './node-info.js';
import { placeTasks } from './placement.js';

export interface SchedulerConfig {
  store: ClusterStore;
  logger?: Logger;
  clock?: Clock;
  /** Wait this long after a change before a pass (lets bursts coalesce). Default 0 (next turn). */
  batchDelayMs?: number;
  /** The raft term of the leadership this scheduler runs in: its writes are fenced to it. */
  leaderTerm?: number;
  /** At most this many tasks placed (and committed in one batch) per pass. Default 500. */
  maxTasksPerPass?: number;
}

export const SCHEDULER_DEFAULTS = { batchDelayMs: 0, maxTasksPerPass: 500 } as const;

/** The next pass after failed ones: 100 ms doubling to 2 s. */
const PASS_RETRY: BackoffPolicy = { initialMs: 100, maxMs: 2_000 };

const RUNNING = taskStateOrder('running');

/** Does the task wait for the scheduler? */
export function needsScheduling(t: Task): boolean {
  return (t.status.state === 'pending' || t.status.state === 'new') && taskStateOrder(t.desiredState) <= RUNNING;
}

export interface SchedulerStats {
  passes: number;
  assigned: number;
  proposals: number;
  pending: number;
}

export class Scheduler {
  private readonly store: ClusterStore;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly batchDelayMs: number;
  private readonly fence: ProposeOptions | undefined;
  private readonly maxTasksPerPass: number;
  private nodes = new Map<string, NodeInfo>();
  private pending = new Map<string, Task>();
  private watcher: Watcher | undefined;
  private loop: Promise<void> | undefined;
  private passTimer: ReturnType<typeof setTimeout> | undefined;
  private passRunning: Promise<void> | undefined;
  private dirty = false;
  private stopped = false;
  /** Consecutive passes whose commit failed: later passes wait longer (no spinning without a leader). */
  private failures = 0;
  readonly stats: SchedulerStats = { passes: 0, assigned: 0, proposals: 0, pending: 0 };

  constructor(cfg: SchedulerConfig) {
    this.store = cfg.store;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'scheduler' });
    this.clock = cfg.clock ?? systemClock;
    this.batchDelayMs = cfg.batchDelayMs ?? SCHEDULER_DEFAULTS.batchDelayMs;
    this.fence = cfg.leaderTerm === undefined ? undefined : { leaderTerm: cfg.leaderTerm };
    this.maxTasksPerPass = cfg.maxTasksPerPass ?? SCHEDULER_DEFAULTS.maxTasksPerPass;
    if (!(this.maxTasksPerPass >= 1)) throw new Error('maxTasksPerPass must be >= 1');
  }

  start(): void {
    if (this.loop !== undefined) throw new Error('scheduler already started');
    this.resync();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    if (this.passTimer !== undefined) clearTimeout(this.passTimer);
    await this.loop;
    await this.passRunning;
  }

  /** Re-reads nodes and tasks and watches from there (start, reset, overload, failed commit). */
  private resync(): void {
    this.watcher?.close();
    const { nodes, tasks } = this.store.view((tx) => ({ nodes: tx.list('nodes'), tasks: tx.list('tasks') }));
    this.watcher = this.store.watch({ table: ['nodes', 'tasks'], maxBuffered: 1_000_000 });
    this.nodes = buildNodeInfos(nodes, tasks);
    this.pending = new Map();
    for (const t of tasks) if (needsScheduling(t)) this.pending.set(t.id, t);
    this.kick();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const w = this.watcher!;
      try {
        for await (const e of w) this.onEvent(e);
      } catch (e) {
        this.log.warn({ err: e }, 'store watch ended; re-reading');
      }
      if (this.stopped) break;
      if (w === this.watcher) this.resync(); // closed under us for another reason
    }
  }

  private onEvent(e: StoreEvent): void {
    if (e.type === 'reset') {
      this.resync();
      return;
    }
    if (e.type === 'commit') return;
    if (e.table === 'nodes') {
      const n = e.object as Node;
      if (e.type === 'delete') this.nodes.delete(n.id);
      else {
        const ni = this.nodes.get(n.id);
        if (ni === undefined) this.nodes.set(n.id, new NodeInfo(n));
        else ni.node = n;
      }
    } else if (e.table === 'tasks') {
      const t = e.object as Task;
      const old = e.oldObject as Task | undefined;
      if (old !== undefined && old.nodeId !== t.nodeId) this.nodes.get(old.nodeId)?.removeTask(t.id);
      if (e.type === 'delete') {
        this.nodes.get(t.nodeId)?.removeTask(t.id);
        this.pending.delete(t.id);
      } else {
        const ni = this.nodes.get(t.nodeId);
        if (ni !== undefined) ni.setTask(t);
        if (needsScheduling(t)) this.pending.set(t.id, t);
        else this.pending.delete(t.id);
      }
    } else return;
    this.kick();
  }

  /** Ask for a pass soon. */
  private kick(): void {
    this.dirty = true;
    if (this.passTimer !== undefined || this.passRunning !== undefined || this.stopped) return;
    const delayMs = this.failures > 0 ? backoffDelayMs(PASS_RETRY, this.failures - 1) : this.batchDelayMs;
    this.passTimer = setTimeout(() => {
      this.passTimer = undefined;
      this.passRunning = this.passLoop().finally(() => {
        this.passRunning = undefined;
        if (this.dirty && !this.stopped) this.kick();
      });
    }, delayMs);
  }

  private async passLoop(): Promise<void> {
    while (this.dirty && !this.stopped) {
      await this.caughtUp();
      if (this.stopped) return;
      this.dirty = false;
      if (this.pending.size === 0) return;
      // one round: every task waiting now, oldest first, in slices; what changes meanwhile (new
      // tasks, nodes) sets dirty again for another round
      const order = [...this.pending.values()].sort(
        (a, b) => a.meta.createdAt - b.meta.createdAt || a.meta.version - b.meta.version,
      );
      for (let i = 0; i < order.length && !this.stopped; i += this.maxTasksPerPass) {
        if (i > 0) await this.caughtUp();
        const slice: Task[] = [];
        for (const t of order.slice(i, i + this.maxTasksPerPass)) {
          const cur = this.pending.get(t.id);
          if (cur !== undefined) slice.push(cur);
        }
        if (slice.length === 0) continue;
        try {
          await this.pass(slice);
        } catch (e) {
          this.failures++;
          this.dirty = true;
          this.log.warn({ err: e }, 'scheduling pass failed; retrying');
          return;
        }
        if (this.failures > 0) {
          // commits failed (no leader...): the next try comes after the backoff, not at once
          this.dirty = true;
          return;
        }
      }
    }
  }

  /** Waits until the watch has handed out every buffered event (a big commit comes in slices). */
  private async caughtUp(): Promise<void> {
    while (this.watcher !== undefined && this.watcher.buffered > 0 && !this.stopped) await nextTurn();
  }

  /** Places `tasks` (waiting ones, oldest first) and commits the outcome in one batch. */
  private async pass(tasks: Task[]): Promise<void> {
    const now = this.clock.now();
    const { assigned, unassigned } = placeTasks(this.nodes, tasks, now);
    for (const a of assigned) this.pending.delete(a.task.id);
    const writes = unassigned.filter((u) => u.task.status.message !== u.message || u.task.status.state === 'new');
    if (assigned.length === 0 && writes.length === 0) return;
    this.stats.passes++;
    const res = await this.store.batch((b) => {
      for (const a of assigned) {
        b.update((tx) => {
          const cur = tx.get('tasks', a.task.id);
          if (cur === undefined || cur.meta.version !== a.task.meta.version) throw stale(a.task.id);
          tx.update('tasks', {
            ...cur,
            nodeId: a.nodeId,
            status: { state: 'assigned', message: 'scheduler assigned task to node', timestamp: now },
          });
        });
      }
      for (const u of writes) {
        b.update((tx) => {
          const cur = tx.get('tasks', u.task.id);
          if (cur === undefined || cur.meta.version !== u.task.meta.version) throw stale(u.task.id);
          tx.update('tasks', {
            ...cur,
            status: { ...cur.status, state: 'pending', message: u.message, timestamp: now },
          });
        });
      }
    }, this.fence);
    this.stats.assigned += assigned.length - res.failed.filter((f) => f.position < assigned.length).length;
    this.stats.proposals += res.proposals;
    this.stats.pending = this.pending.size;
    this.log.debug(
      {
        assigned: assigned.length,
        unschedulable: unassigned.length,
        proposals: res.proposals,
        failed: res.failed.length,
      },
      'scheduling pass',
    );
    this.failures =
      res.failed.length > 0 && res.failed.some((f) => f.error.code !== ErrorCode.Conflict) ? this.failures + 1 : 0;
    if (res.failed.length > 0) {
      // our optimistic bookkeeping holds placements that did not commit: start over from the store
      this.log.debug(
        { failed: res.failed.length, first: res.failed[0]!.error.message },
        'some placements did not commit; re-reading',
      );
      this.resync();
    }
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function stale(id: string): ClusterError {
  return new ClusterError(ErrorCode.Conflict, `task ${id} changed since it was placed`);
}
