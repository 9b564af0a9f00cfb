// The set of tasks assigned to this node and their runners. Applies assignment messages (COMPLETE
// replaces the set, INCREMENTAL patches it), persists the set before starting anything, adopts the
// containers a previous agent left (found by their task label) and removes containers of tasks that
// are no longer assigned, so a node coming back from a partition never runs extra replicas.
import type { Clock, Logger } from '@clusterctl/common';
import type { Executor } from '../executor/index.js';
import { nodeFilter } from '../executor/index.js';
import { AssignmentStore, type StoredTask } from './assignment-store.js';
import { stateOrder, type AgentTask, type AgentTaskStatus } from './task-model.js';
import { TaskRunner, type TaskRunnerContext } from './task-runner.js';

export interface WorkerConfig {
  executor: Executor;
  clusterId: string;
  nodeId: string;
  /** Folder for the persisted assignments (DATA_DIR/agent). */
  dir: string;
  log: Logger;
  /** Grace a container gets between its stop signal and SIGKILL. */
  stopGraceMs?: number;
  /** Delay before a task retries after an engine failure. */
  retryDelayMs?: number;
  now?: () => number;
  /** Every status the manager has not seen yet, in the order they happen. */
  onStatus: (taskId: string, status: AgentTaskStatus) => void;
  /** The node's hostname as the cluster knows it (hostname templates). */
  nodeHostname?: () => string;
  /** Secrets and configs of the tasks, on the agent's tmpfs. */
  taskFiles?: TaskRunnerContext['taskFiles'];
  /** Image shipping: makes a task's image present and verified before its container is created. */
  prepareImage?: TaskRunnerContext['prepareImage'];
  /** The persisted assignments (tests: a store whose writes they control); default DATA_DIR/agent's file. */
  store?: Pick<AssignmentStore, 'load' | 'save' | 'flush'>;
  /** Networking: the cluster network new task containers join, and the wait before a stop signal. */
  taskNetwork?: TaskRunnerContext['taskNetwork'];
  beforeStop?: TaskRunnerContext['beforeStop'];
  /** Timers of the agent's health probes (tests: a fake clock). */
  clock?: Clock;
  /** A container this worker created runs: ms from its task's assignment (metrics). */
  onTaskRunning?: (assignedToRunningMs: number) => void;
}

export const WORKER_DEFAULTS = { stopGraceMs: 10_000, retryDelayMs: 1_000 } as const;

export interface Assignment {
  complete: boolean;
  update: AgentTask[];
  remove: string[];
}

export class Worker {
  private readonly runners = new Map<string, TaskRunner>();
  private readonly store: Pick<AssignmentStore, 'load' | 'save' | 'flush'>;
  /** The last assignment set's write: containers are started only once it is on disk. */
  private durable: Promise<void> = Promise.resolve();
  private readonly ctx: TaskRunnerContext;
  private readonly log: Logger;
  private started = false;
  private closed = false;
  /**
   * Set once start() has listed this node's containers: from then on a task new to this worker has
   * no container unless it is in `unclaimed` (the listing) or a runner of ours made it.
   */
  private listed = false;
  /** Containers found at start-up whose task is not in the persisted set (a lost state file): taskId -> id. */
  private readonly unclaimed = new Map<string, string>();
  /** Serializes assignment application (each waits for the previous one's persist). */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly cfg: WorkerConfig) {
    this.log = cfg.log;
    this.store = cfg.store ?? new AssignmentStore(cfg.dir);
    this.ctx = {
      executor: cfg.executor,
      clusterId: cfg.clusterId,
      nodeId: cfg.nodeId,
      stopGraceMs: cfg.stopGraceMs ?? WORKER_DEFAULTS.stopGraceMs,
      retryDelayMs: cfg.retryDelayMs ?? WORKER_DEFAULTS.retryDelayMs,
      log: cfg.log,
      now: cfg.now ?? Date.now,
      onStatus: (r, s) => {
        this.persistSoon();
        if (!r.isRemoved) this.cfg.onStatus(r.id, s);
      },
      onContainer: () => this.persistSoon(),
      ...(cfg.nodeHostname !== undefined ? { nodeHostname: cfg.nodeHostname } : {}),
      ...(cfg.taskFiles !== undefined ? { taskFiles: cfg.taskFiles } : {}),
      ...(cfg.prepareImage !== undefined ? { prepareImage: cfg.prepareImage } : {}),
      ...(cfg.onTaskRunning === undefined ? {} : { onRunning: cfg.onTaskRunning }),
      // A failed write is tried again (a later start retries through the runner's engine-failure path).
      whenDurable: () => this.durable.catch(() => this.saveSet()),
      onGone: (r) => {
        if (this.runners.get(r.id) === r) this.runners.delete(r.id);
        this.persistSoon();
      },
      watchHealthEvents: (sinceMs) => this.watchHealthEvents(sinceMs),
      ...(cfg.clock !== undefined ? { clock: cfg.clock } : {}),
    };
    if (cfg.taskNetwork) this.ctx.taskNetwork = cfg.taskNetwork;
    if (cfg.beforeStop) this.ctx.beforeStop = cfg.beforeStop;
  }

  /** The engine's events of this node's containers, while a task may have an engine health check. */
  private healthEvents: AbortController | undefined;

  private watchHealthEvents(sinceMs = Date.now()): void {
    if (this.healthEvents !== undefined || this.closed) return;
    const ac = new AbortController();
    this.healthEvents = ac;
    void this.healthEventLoop(ac.signal, sinceMs);
  }

  /**
   * Hands `health_status` events to the runners. The first subscription is made at once (events
   * after the call are kept); after a broken stream it resumes from the last event's time.
   */
  private async healthEventLoop(signal: AbortSignal, fromMs: number): Promise<void> {
    let sinceMs = fromMs;
    while (!signal.aborted) {
      try {
        const events = this.cfg.executor.events({
          labels: nodeFilter(this.cfg.clusterId, this.cfg.nodeId),
          signal,
          sinceMs,
        });
        for await (const ev of events) {
          sinceMs = ev.time;
          const taskId = ev.ids?.taskId;
          if (ev.action === 'health_status' && ev.health !== undefined && taskId !== undefined)
            this.runners.get(taskId)?.engineHealth(ev.health, ev.id);
        }
      } catch (e) {
        if (signal.aborted) break;
        this.log.warn({ err: e }, 'container events failed; watching again');
      }
      if (signal.aborted) break;
      await new Promise((r) => setTimeout(r, this.ctx.retryDelayMs).unref());
    }
  }

  /**
   * Loads the persisted assignments and adopts their containers (running ones keep running and are
   * watched again; ones that exited meanwhile are reported). Containers of this node whose task is
   * not in the set are left alone until the manager's first complete assignment says what to keep.
   */
  async start(): Promise<void> {
    if (this.started) throw new Error('worker already started');
    this.started = true;
    let snap: Awaited<ReturnType<AssignmentStore['load']>>;
    try {
      snap = await this.store.load({ clusterId: this.cfg.clusterId, nodeId: this.cfg.nodeId });
    } catch (e) {
      // Unreadable state: start empty. The manager's first complete set says what to run, and the
      // runners adopt the existing containers by their task label.
      this.log.error({ err: e, dir: this.cfg.dir }, 'persisted assignments unreadable; starting empty');
      snap = undefined;
    }
    const containers = await this.cfg.executor.list({
      labels: nodeFilter(this.cfg.clusterId, this.cfg.nodeId),
      all: true,
    });
    const byTask = new Map<string, string>();
    for (const c of containers) {
      const taskId = c.ids?.taskId;
      if (!taskId) continue;
      // Prefer a running container if (against all odds) a task has several.
      if (!byTask.has(taskId) || c.status === 'running') byTask.set(taskId, c.id);
    }
    for (const st of snap?.tasks ?? []) {
      const containerId = byTask.get(st.task.id) ?? st.containerId;
      const runner = new TaskRunner(this.ctx, st.task, st.status, byTask.has(st.task.id) ? containerId : undefined);
      this.runners.set(st.task.id, runner);
    }
    for (const [taskId, id] of byTask) if (!this.runners.has(taskId)) this.unclaimed.set(taskId, id);
    this.listed = true;
    this.log.info({ tasks: this.runners.size, containers: containers.length }, 'agent worker loaded assignments');
    for (const r of this.runners.values()) r.kick();
  }

  /** Applies one assignments message; resolves once the new set is on disk and runners are kicked. */
  apply(a: Assignment): Promise<void> {
    const next = this.chain.then(() => this.applyNow(a));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async applyNow(a: Assignment): Promise<void> {
    if (this.closed) return;
    const kicked: TaskRunner[] = [];
    const fresh = new Set<TaskRunner>();
    const assigned = new Set<string>();
    for (const t of a.update) {
      assigned.add(t.id);
      const r = this.runners.get(t.id);
      if (r && !r.isRemoved) {
        r.task = t;
        kicked.push(r);
      } else {
        // A task new to this node starts without listing containers first, unless start-up found
        // one of its containers (adopted here) or an earlier runner of it may still be tearing one
        // down (that runner is removed but present): then the runner looks, as after a restart.
        const adopt = this.unclaimed.get(t.id);
        this.unclaimed.delete(t.id);
        const knownAbsent = this.listed && adopt === undefined && r === undefined;
        const runner = new TaskRunner(
          this.ctx,
          t,
          { state: 'assigned', message: 'assigned', timestamp: this.ctx.now() },
          adopt,
          { containerKnownAbsent: knownAbsent },
        );
        this.runners.set(t.id, runner);
        kicked.push(runner);
        fresh.add(runner);
      }
    }
    const gone: TaskRunner[] = [];
    for (const id of a.remove) {
      const r = this.runners.get(id);
      if (r && !assigned.has(id)) gone.push(r);
    }
    if (a.complete) {
      for (const [id, r] of this.runners) if (!assigned.has(id) && !gone.includes(r)) gone.push(r);
    }
    // The first complete set says what to keep; removeStrays below removes the rest.
    if (a.complete) this.unclaimed.clear();
    for (const r of gone) r.remove();
    // Durable before anything runs: a new task's container is created while the set is written (the
    // create is most of the wait otherwise), but started only once it is on disk (the runner awaits
    // whenDurable). A crash in between leaves a created, never started container carrying the task's
    // labels: after the restart it is adopted if the task is still assigned, else removed as a stray.
    // Everything else (updates, removals) acts after the write, as before.
    const saved = this.saveSet();
    for (const r of fresh) r.kick();
    await saved;
    for (const r of kicked) {
      // The manager may have missed statuses (sent to a leader that died before committing them).
      if (!fresh.has(r) && (stateOrder(r.status.state) > stateOrder(r.task.managerState) || healthMissed(r)))
        this.cfg.onStatus(r.id, r.status);
      if (!fresh.has(r)) r.kick();
    }
    for (const r of gone) r.kick();
    if (a.complete) await this.removeStrays(assigned);
  }

  /** Writes the current set; what whenDurable() waits on. */
  private saveSet(): Promise<void> {
    const p = this.store.save(this.snapshot());
    this.durable = p;
    return p;
  }

  /** Containers of this node whose task is not assigned (left by a previous agent): removed. */
  private async removeStrays(assigned: Set<string>): Promise<void> {
    const containers = await this.cfg.executor.list({
      labels: nodeFilter(this.cfg.clusterId, this.cfg.nodeId),
      all: true,
    });
    for (const c of containers) {
      const taskId = c.ids?.taskId;
      if (taskId && (assigned.has(taskId) || this.runners.has(taskId))) continue;
      this.log.info({ containerId: c.id, taskId }, 'removing container of a task not assigned to this node');
      try {
        await this.cfg.executor.stop(c.id, { graceMs: this.ctx.stopGraceMs });
        await this.cfg.executor.remove(c.id, { force: true });
      } catch (e) {
        this.log.warn({ err: e, containerId: c.id }, 'removing a stray container failed');
      }
    }
  }

  /** The tasks this node runs and what it saw of them. */
  tasks(): Array<{ task: AgentTask; status: AgentTaskStatus; containerId: string | undefined }> {
    return [...this.runners.values()]
      .filter((r) => !r.isRemoved)
      .map((r) => ({ task: r.task, status: r.status, containerId: r.containerId }));
  }

  containerOf(taskId: string): string | undefined {
    return this.runners.get(taskId)?.containerId;
  }

  /** Resolves when every runner is idle and the set is on disk (tests; orderly shutdown). */
  async settle(): Promise<void> {
    for (;;) {
      await this.chain;
      const busy = [...this.runners.values()].filter((r) => r.busy);
      if (busy.length === 0 && !this.persistTimer) break;
      await Promise.all(busy.map((r) => r.whenIdle()));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await this.store.flush();
  }

  /** Stops every task's container and removes it (the node leaves the cluster). */
  async removeAll(): Promise<void> {
    await this.apply({ complete: true, update: [], remove: [] });
    await this.settle();
  }

  /** Stops watching; containers keep running (a restarted agent adopts them). */
  async close(): Promise<void> {
    this.closed = true;
    this.healthEvents?.abort();
    await this.chain;
    for (const r of this.runners.values()) r.close();
    await this.store.save(this.snapshot());
  }

  private persistTimer: NodeJS.Immediate | undefined;

  private persistSoon(): void {
    if (this.persistTimer || this.closed) return;
    this.persistTimer = setImmediate(() => {
      this.persistTimer = undefined;
      this.store
        .save(this.snapshot())
        .catch((e: unknown) => this.log.error({ err: e }, 'persisting assignments failed'));
    });
  }

  private snapshot(): { clusterId: string; nodeId: string; tasks: StoredTask[] } {
    const tasks: StoredTask[] = [];
    for (const r of this.runners.values()) {
      if (r.isRemoved && !r.containerId) continue;
      // A removed task whose container is still being torn down stays on disk (desired: remove),
      // so a crash mid-way still cleans it up after a restart.
      const task = r.isRemoved ? { ...r.task, desiredState: 'remove' } : r.task;
      const st: StoredTask = { task, status: r.status };
      if (r.containerId) st.containerId = r.containerId;
      tasks.push(st);
    }
    return { clusterId: this.cfg.clusterId, nodeId: this.cfg.nodeId, tasks };
  }
}

/** The manager records the task running with another health than this node reported last. */
function healthMissed(r: TaskRunner): boolean {
  return (
    r.status.state === 'running' &&
    r.task.managerState === 'running' &&
    r.task.managerHealth !== undefined &&
    (r.status.health ?? '') !== r.task.managerHealth
  );
}
