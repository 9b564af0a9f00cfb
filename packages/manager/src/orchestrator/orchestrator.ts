// The orchestrator on the leader: replicated and global reconcilers, the restart supervisor and
// the task reaper behind one store watch. Changes mark services dirty (a task's service, every
// service with tasks on a changed node, every global service on node changes); a pass reconciles
// the dirty services against one consistent view and commits all resulting transactions in one
// store.batch. Passes never overlap, so a pass always sees the previous one's writes.

import { silentLogger, systemClock, type Clock, type Logger, type TimerHandle } from '@clusterctl/common';
import {
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  taskStateOrder,
  type ClusterStore,
  type ProposeOptions,
  type ReadTx,
  type StoreEvent,
  type Task,
  type Watcher,
  type WriteTx,
} from '@clusterctl/store';
import { reapRemovedService, reconcileGlobal, reconcileReplicated, type TaskTx } from './reconcile.js';
import { RestartSupervisor, slotKey, type RestartConfig } from './restart-supervisor.js';

export interface OrchestratorConfig {
  store: ClusterStore;
  logger?: Logger;
  clock?: Clock;
  restart?: RestartConfig;
  /** After a failed commit, try the services again after this long. Default 200. */
  retryDelayMs?: number;
  /** The raft term of the leadership this orchestrator runs in: its writes are fenced to it. */
  leaderTerm?: number;
  /**
   * A pass stops taking more services once it has this many task changes; the others wait for the
   * next pass (after a turn of the event loop). Default 1,000.
   */
  maxTaskTxsPerPass?: number;
  /** ...or once it has read this many tasks of the services it reconciled. Default 5,000. */
  maxTasksReadPerPass?: number;
}

export const ORCHESTRATOR_DEFAULTS = {
  retryDelayMs: 200,
  maxTaskTxsPerPass: 1_000,
  maxTasksReadPerPass: 5_000,
} as const;

/** Task changes staged between two yields to the event loop. */
const STAGE_SLICE = 500;

export interface OrchestratorStats {
  passes: number;
  created: number;
  shutdown: number;
  deleted: number;
  failed: number;
}

export function historyLimitOf(tx: ReadTx): number {
  const c = tx.get('cluster', DEFAULT_CLUSTER_ID) ?? tx.list('cluster')[0];
  return c?.settings?.taskHistoryLimit ?? DEFAULT_CLUSTER_SETTINGS.taskHistoryLimit;
}

export class Orchestrator {
  private readonly store: ClusterStore;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly retryDelayMs: number;
  private readonly maxTaskTxsPerPass: number;
  private readonly maxTasksReadPerPass: number;
  readonly supervisor: RestartSupervisor;
  private watcher: Watcher | undefined;
  private loop: Promise<void> | undefined;
  private dirty = new Set<string>();
  private readonly retry = new Set<string>();
  private allGlobal = false;
  private passScheduled = false;
  private passRunning: Promise<void> | undefined;
  private retryTimer: TimerHandle | undefined;
  /** Services to reconcile again at a time (rolling updates waiting out their delay). */
  private readonly wakeups = new Map<string, { at: number; timer: TimerHandle }>();
  /** Per service: tasks of its rollout that counted (ran for the monitor). Lost on failover, as the restart counters. */
  private readonly counted = new Map<string, Set<string>>();
  private stopped = false;
  private readonly fence: ProposeOptions | undefined;
  readonly stats: OrchestratorStats = { passes: 0, created: 0, shutdown: 0, deleted: 0, failed: 0 };

  constructor(cfg: OrchestratorConfig) {
    this.store = cfg.store;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'orchestrator' });
    this.clock = cfg.clock ?? systemClock;
    this.retryDelayMs = cfg.retryDelayMs ?? ORCHESTRATOR_DEFAULTS.retryDelayMs;
    this.maxTaskTxsPerPass = cfg.maxTaskTxsPerPass ?? ORCHESTRATOR_DEFAULTS.maxTaskTxsPerPass;
    this.maxTasksReadPerPass = cfg.maxTasksReadPerPass ?? ORCHESTRATOR_DEFAULTS.maxTasksReadPerPass;
    this.fence = cfg.leaderTerm === undefined ? undefined : { leaderTerm: cfg.leaderTerm };
    this.supervisor = new RestartSupervisor(this.clock, (serviceId) => this.markDirty(serviceId), cfg.restart);
  }

  start(): void {
    if (this.loop !== undefined) throw new Error('orchestrator already started');
    this.resync();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    this.supervisor.stop();
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    for (const w of this.wakeups.values()) this.clock.clearTimeout(w.timer);
    this.wakeups.clear();
    await this.loop;
    await this.passRunning;
  }

  /** Resolves once no pass is running or due (for tests). */
  async idle(): Promise<void> {
    while (this.passRunning !== undefined || this.passScheduled) {
      await (this.passRunning ?? new Promise((r) => setImmediate(r)));
    }
  }

  private resync(): void {
    this.watcher?.close();
    this.store.view((tx) => {
      for (const s of tx.list('services')) this.dirty.add(s.id);
      for (const t of tx.list('tasks')) this.dirty.add(t.serviceId);
    });
    this.watcher = this.store.watch({ table: ['services', 'tasks', 'nodes', 'cluster'], maxBuffered: 1_000_000 });
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
      if (w === this.watcher) this.resync();
    }
  }

  markDirty(serviceId: string): void {
    this.dirty.add(serviceId);
    this.kick();
  }

  private onEvent(e: StoreEvent): void {
    if (e.type === 'reset') return this.resync();
    if (e.type === 'commit') return;
    switch (e.table) {
      case 'services':
        this.dirty.add(e.object.id);
        break;
      case 'tasks': {
        // a task's own status reaching assigned/accepted/... needs nothing from us; exits, desired
        // state changes, creates and deletes do
        const old = e.oldObject as Task | undefined;
        if (
          e.type === 'update' &&
          old !== undefined &&
          old.desiredState === e.object.desiredState &&
          !interesting(old, e.object)
        )
          return;
        if (e.type === 'update' && old !== undefined && this.onlyStarted(old, e.object)) return;
        this.dirty.add(e.object.serviceId);
        break;
      }
      case 'nodes': {
        const id = e.object.id;
        this.allGlobal = true;
        this.store.view((tx) => {
          for (const t of tx.findBy('tasks', 'nodeId', id)) this.dirty.add(t.serviceId);
        });
        break;
      }
      case 'cluster':
        this.store.view((tx) => {
          for (const s of tx.list('services')) this.dirty.add(s.id);
        });
        break;
      default:
        return;
    }
    this.kick();
  }

  /**
   * A task of a replicated service that is not being updated or rebalanced reached running, and
   * nothing else changed: all a pass would do is tell the restart supervisor (it learns how long
   * the task runs), so that is done here without reading every task of the service. With tens of
   * thousands of tasks starting, each status batch otherwise made every service dirty again.
   */
  private onlyStarted(old: Task, t: Task): boolean {
    if (
      t.status.state !== 'running' ||
      old.status.state === 'running' ||
      taskStateOrder(old.status.state) > taskStateOrder('running') ||
      t.desiredState !== 'running' ||
      old.desiredState !== 'running' ||
      old.nodeId !== t.nodeId ||
      t.slot <= 0 ||
      t.status.health !== undefined ||
      old.status.health !== undefined
    )
      return false;
    const service = this.store.view((tx) => tx.get('services', t.serviceId));
    if (
      service === undefined ||
      service.spec.mode.kind !== 'replicated' ||
      service.spec.rebalance === true ||
      t.serviceVersion !== service.meta.version ||
      (service.updateStatus !== undefined &&
        service.updateStatus.state !== 'completed' &&
        service.updateStatus.state !== 'rollback_completed')
    )
      return false;
    this.supervisor.observe(slotKey(t.serviceId, t.slot, ''), t, this.clock.now());
    return true;
  }

  private kick(): void {
    if (this.passScheduled || this.stopped) return;
    this.passScheduled = true;
    setImmediate(() => {
      this.passScheduled = false;
      if (this.passRunning !== undefined || this.stopped) return; // the running pass re-kicks
      this.passRunning = this.pass()
        .catch((e: unknown) => this.log.error({ err: e }, 'orchestrator pass failed'))
        .finally(() => {
          this.passRunning = undefined;
          if ((this.dirty.size > 0 || this.allGlobal) && !this.stopped) this.kick();
        });
    });
  }

  /** Reconciles the service again at `at` (the earliest asked for wins). */
  private wakeAt(serviceId: string, at: number): void {
    if (this.stopped) return;
    const cur = this.wakeups.get(serviceId);
    if (cur !== undefined && cur.at <= at) return;
    if (cur !== undefined) this.clock.clearTimeout(cur.timer);
    const timer = this.clock.setTimeout(
      () => {
        this.wakeups.delete(serviceId);
        this.markDirty(serviceId);
      },
      Math.max(0, at - this.clock.now()),
    );
    this.wakeups.set(serviceId, { at, timer });
  }

  private async pass(): Promise<void> {
    if (this.dirty.size === 0 && !this.allGlobal) return;
    const ids = this.dirty;
    const allGlobal = this.allGlobal;
    this.dirty = new Set();
    this.allGlobal = false;
    const now = this.clock.now();
    const work: { serviceId: string; tx: TaskTx }[] = [];
    this.store.view((tx) => {
      if (allGlobal) for (const s of tx.list('services')) if (s.spec.mode.kind === 'global') ids.add(s.id);
      const ctx = {
        now,
        supervisor: this.supervisor,
        historyLimit: historyLimitOf(tx),
        wakeAt: (id: string, at: number) => this.wakeAt(id, at),
        countedTasks: (id: string) => {
          let c = this.counted.get(id);
          if (c === undefined) this.counted.set(id, (c = new Set()));
          return c;
        },
        forgetCounted: (id: string) => this.counted.delete(id),
      };
      let read = 0;
      for (const id of ids) {
        // enough for one pass: the rest of the services wait for the next one
        if (work.length >= this.maxTaskTxsPerPass || read >= this.maxTasksReadPerPass) {
          this.dirty.add(id);
          continue;
        }
        const service = tx.get('services', id);
        const tasks = tx.findBy('tasks', 'serviceId', id);
        read += tasks.length;
        let txs: TaskTx[];
        if (service === undefined) {
          this.supervisor.forgetService(id);
          this.counted.delete(id);
          txs = reapRemovedService(tx, tasks);
        } else if (service.spec.mode.kind === 'global') txs = reconcileGlobal(tx, service, tasks, ctx);
        else txs = reconcileReplicated(tx, service, tasks, ctx);
        for (const t of txs) work.push({ serviceId: id, tx: t });
      }
    });
    if (work.length === 0) return;
    this.stats.passes++;
    let res: Awaited<ReturnType<ClusterStore['batch']>>;
    try {
      res = await this.store.batch(async (b) => {
        for (let i = 0; i < work.length; i++) {
          // thousands of tasks of one pass are staged in slices, the event loop turning in between
          if (i > 0 && i % STAGE_SLICE === 0) await new Promise((r) => setImmediate(r));
          const w = work[i]!;
          b.update((tx) => applyTaskTx(tx, w.tx, now));
        }
      }, this.fence);
    } catch (e) {
      res = { applied: 0, proposals: 0, failed: work.map((_, position) => ({ position, error: e as never })) };
    }
    for (const w of work) {
      this.stats.created += w.tx.create.length;
      this.stats.shutdown += w.tx.desire.length;
      this.stats.deleted += w.tx.delete.length;
    }
    this.log.debug(
      { services: ids.size, txs: work.length, proposals: res.proposals, failed: res.failed.length },
      'orchestration pass',
    );
    if (res.failed.length > 0) {
      this.stats.failed += res.failed.length;
      for (const f of res.failed) this.retry.add(work[f.position]!.serviceId);
      this.log.debug(
        { failed: res.failed.length, first: res.failed[0]!.error.message },
        'some changes did not commit; retrying',
      );
      // conflicts come with the event that caused them (the service is dirty again at once); other
      // failures (no leader...) are retried after a delay, not in a tight loop
      if (this.retryTimer === undefined) {
        this.retryTimer = this.clock.setTimeout(() => {
          this.retryTimer = undefined;
          for (const id of this.retry) this.dirty.add(id);
          this.retry.clear();
          this.kick();
        }, this.retryDelayMs);
      }
    }
  }
}

function interesting(old: Task, t: Task): boolean {
  const RUNNING = taskStateOrder('running');
  const o = taskStateOrder(old.status.state);
  const n = taskStateOrder(t.status.state);
  // exits, and reaching running (the restart supervisor learns how long a task ran), or healthy (a
  // rollout waits for it)
  return (
    (n > RUNNING && o <= RUNNING) ||
    (n === RUNNING && o !== RUNNING) ||
    (n === RUNNING && old.status.health !== t.status.health) ||
    old.nodeId !== t.nodeId
  );
}

function applyTaskTx(tx: WriteTx, t: TaskTx, now: number): void {
  for (const d of t.desire) {
    tx.update('tasks', {
      ...d.task,
      desiredState: d.state,
      status:
        d.message !== undefined && taskStateOrder(d.task.status.state) <= taskStateOrder('running')
          ? { ...d.task.status, message: d.message, timestamp: now }
          : d.task.status,
    });
  }
  for (const c of t.create) tx.create('tasks', c);
  for (const d of t.delete) tx.delete('tasks', d);
  if (t.service !== undefined) tx.update('services', t.service);
}
