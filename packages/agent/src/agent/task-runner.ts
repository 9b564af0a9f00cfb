// One assigned task on this node: drives its container towards what the task asks for and reports
// what it sees. Every change (new desired state, container exit, removal) kicks reconcile(), which
// runs serialized: at most one pass at a time, and one more pass if kicked meanwhile.
//
//   desired <= running, not finished:  accepted -> preparing (image + create) -> starting -> running,
//                                      then complete / failed when the container exits (wait()).
//   desired past running (shutdown, remove, ...): stop with grace, remove the container, report
//                                      shutdown unless it had already finished.
//   no longer assigned:                stop with grace and remove the container, then forget it.
import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import type { ContainerInfo, Executor, ExitResult, TaskNetwork } from '../executor/index.js';
import { Label } from '../executor/index.js';
import { CLUSTER_NETWORK } from '../network/data-plane.js';
import {
  identityOf,
  isTerminal,
  stateOrder,
  type AgentTask,
  type AgentTaskStatus,
  type TaskState,
} from './task-model.js';

export interface TaskRunnerContext {
  executor: Executor;
  clusterId: string;
  nodeId: string;
  stopGraceMs: number;
  log: Logger;
  now: () => number;
  /** A new status (always later in the lifecycle than the previous one). */
  onStatus: (runner: TaskRunner, status: AgentTaskStatus) => void;
  /** The container id changed (created, adopted or removed): persist it. */
  onContainer: (runner: TaskRunner) => void;
  /** The task was removed from the node and its container is gone: drop the runner. */
  onGone: (runner: TaskRunner) => void;
  /** Delay before retrying after an engine failure (e.g. the engine restarting). */
  retryDelayMs: number;
  /** Resolves once the assigned set holding this task is on disk; nothing is started before. */
  whenDurable?: () => Promise<void>;
  /** Networking: the cluster network a new container joins (undefined: Docker's default bridge). */
  taskNetwork?: () => TaskNetwork | undefined;
  /**
   * Networking: resolves once no node sends the task new connections (the network map no longer
   * lists it; bounded); its stop signal waits for it.
   */
  beforeStop?: (taskId: string) => Promise<void>;
  /** The node's hostname as the cluster knows it ({{.Node.Hostname}} in hostname templates). */
  nodeHostname?: () => string;
}

export class TaskRunner {
  task: AgentTask;
  status: AgentTaskStatus;
  containerId: string | undefined;
  private removed = false;
  private closed = false;
  private running = false;
  private again = false;
  private idle: Array<() => void> = [];
  private watchingId: string | undefined;
  private watchAbort: AbortController | undefined;
  /** We stopped the container ourselves (its exit is a shutdown, not a failure). */
  private stopping = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;
  /**
   * The worker knows no container of this task exists (it listed the node's containers at start-up
   * and this task is new to it): the first pass creates without listing. The deterministic
   * container name still catches a duplicate (ALREADY_EXISTS: adopt it).
   */
  private knownAbsent: boolean;
  /** When the runner got the task (this.ctx.now()), for the start-up timing log. */
  private readonly assignedAt: number;
  /** Networking: the cluster network its container was created on. */
  private network: string | undefined;

  constructor(
    private readonly ctx: TaskRunnerContext,
    task: AgentTask,
    status: AgentTaskStatus,
    containerId?: string,
    opts: { containerKnownAbsent?: boolean } = {},
  ) {
    this.task = task;
    this.status = status;
    this.containerId = containerId;
    this.knownAbsent = containerId === undefined && opts.containerKnownAbsent === true;
    this.assignedAt = ctx.now();
    this.log = ctx.log.child({ taskId: task.id });
  }

  /** The task's stop grace period (its spec's), else the node's default. */
  get stopGraceMs(): number {
    return this.task.spec.stopGracePeriodMs ?? this.ctx.stopGraceMs;
  }

  get id(): string {
    return this.task.id;
  }

  /** A reconcile pass is running or queued. */
  get busy(): boolean {
    return this.running;
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  update(task: AgentTask): void {
    this.task = task;
    this.kick();
  }

  /** The task is no longer assigned to this node. */
  remove(): void {
    this.removed = true;
    this.kick();
  }

  /** Stops watching (the agent is shutting down); the container is left as it is. */
  close(): void {
    this.closed = true;
    this.watchAbort?.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.loop();
  }

  /** Resolves when no reconcile pass is running or queued (tests and orderly shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.reconcile();
        } catch (e) {
          // Engine trouble (unavailable, timeouts): try again a little later.
          this.log.warn({ err: e }, 'task reconcile failed; retrying');
          this.scheduleRetry();
        }
      } while (this.again && !this.closed);
    } finally {
      this.running = false;
      for (const f of this.idle.splice(0)) f();
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, this.ctx.retryDelayMs);
    this.retryTimer.unref();
  }

  private setStatus(
    state: TaskState,
    message: string,
    extra: { exitCode?: number; err?: string; ip?: string | undefined } = {},
  ): void {
    if (stateOrder(state) <= stateOrder(this.status.state)) return;
    const s: AgentTaskStatus = { state, message, timestamp: this.ctx.now() };
    if (this.containerId) s.containerId = this.containerId;
    if (extra.exitCode !== undefined) s.exitCode = extra.exitCode;
    if (extra.err) s.err = extra.err;
    if (extra.ip) s.ip = extra.ip;
    this.status = s;
    this.log.debug({ state, message }, 'task status');
    this.ctx.onStatus(this, s);
  }

  private async reconcile(): Promise<void> {
    if (this.removed) {
      await this.teardown();
      this.close();
      this.ctx.onGone(this);
      return;
    }
    if (stateOrder(this.task.desiredState) > stateOrder('running')) {
      await this.teardown();
      if (!isTerminal(this.status.state)) this.setStatus('shutdown', 'shutdown');
      return;
    }
    if (isTerminal(this.status.state)) return; // finished: the orchestrator decides what comes next
    const ex = this.ctx.executor;

    if (!this.containerId && !this.knownAbsent) {
      // A container with this task's label may exist without us knowing its id (the agent's state
      // was lost or is older than the container): adopt it rather than start a second one.
      const found = await this.findContainer();
      if (found) {
        this.containerId = found;
        this.ctx.onContainer(this);
      }
    }
    if (!this.containerId) {
      if (Math.max(stateOrder(this.task.managerState), stateOrder(this.status.state)) >= stateOrder('starting')) {
        // This task was started on this node (we or the manager saw it), but its container is gone
        // (removed by hand, or the data dir was lost): tasks are never re-run, report it.
        this.setStatus('failed', 'container gone', { err: 'the task container is no longer on the node' });
        return;
      }
      this.setStatus('accepted', 'accepted');
      this.setStatus('preparing', 'preparing');
      const createdAt = this.ctx.now();
      let created: string | undefined;
      try {
        // Only the first attempt may skip the listing: after a failure (maybe a create that timed
        // out but happened), passes look for the container first again.
        this.knownAbsent = false;
        const network = this.ctx.taskNetwork?.();
        created = await ex.create({
          ids: identityOf(this.task, this.ctx.clusterId, this.ctx.nodeId),
          spec: this.task.spec,
          stopGraceMs: this.stopGraceMs,
          ...(network ? { network } : {}),
          nodeHostname: this.ctx.nodeHostname?.() ?? '',
        });
        this.network = network?.name;
        this.containerId = created;
      } catch (e) {
        if (e instanceof ClusterError && e.code === ErrorCode.AlreadyExists) {
          this.containerId = await this.findContainer();
        }
        if (!this.containerId) {
          if (isEngineDown(e)) throw e;
          this.setStatus('rejected', 'preparing failed', { err: errText(e) });
          return;
        }
      }
      this.ctx.onContainer(this);
      if (created !== undefined) {
        // Just created by us: it is in state 'created', so it is started without an inspect first.
        const createDoneAt = this.ctx.now();
        await this.ctx.whenDurable?.();
        this.setStatus('starting', 'starting');
        const startAt = this.ctx.now();
        if (!(await this.startContainer(created))) return;
        const runningAt = this.ctx.now();
        const timing = {
          createMs: createDoneAt - createdAt,
          durableWaitMs: startAt - createDoneAt,
          startMs: runningAt - startAt,
          assignedToRunningMs: runningAt - this.assignedAt,
        };
        this.log.info({ containerId: created.slice(0, 12), ...timing }, 'task container running');
        this.setStatus('running', 'running', { ip: await this.ipOf(created) });
        this.watch(created);
        return;
      }
    }

    let info: ContainerInfo;
    try {
      info = await ex.inspect(this.containerId);
    } catch (e) {
      if (e instanceof ClusterError && e.code === ErrorCode.NotFound) return this.containerVanished();
      throw e;
    }
    if (!info.running) {
      if (info.status === 'created' || (info.startedAt === undefined && info.finishedAt === undefined)) {
        await this.ctx.whenDurable?.();
        this.setStatus('starting', 'starting');
        if (!(await this.startContainer(this.containerId))) return;
      } else {
        // It ran and exited while nobody watched (the agent was down): report how it ended.
        this.exited({ exitCode: info.exitCode, oomKilled: info.oomKilled, error: info.error });
        return;
      }
    }
    this.setStatus('starting', 'starting');
    this.setStatus('running', 'running', { ip: firstIp(info) });
    this.watch(this.containerId);
  }

  /** Networking: the container's address on the cluster network it was created on ('' when none). */
  private async ipOf(id: string): Promise<string | undefined> {
    if (this.network === undefined) return undefined;
    try {
      return (await this.ctx.executor.inspect(id)).ips?.[this.network];
    } catch {
      return undefined;
    }
  }

  /** Starts the container; false (and the task failed) when the engine refused. */
  private async startContainer(id: string): Promise<boolean> {
    try {
      await this.ctx.executor.start(id);
      return true;
    } catch (e) {
      if (isEngineDown(e)) throw e;
      this.setStatus('failed', 'starting container failed', { err: errText(e) });
      return false;
    }
  }

  private containerVanished(): void {
    this.containerId = undefined;
    this.ctx.onContainer(this);
    if (!isTerminal(this.status.state))
      this.setStatus('failed', 'container gone', { err: 'the task container was removed from the node' });
  }

  private async findContainer(): Promise<string | undefined> {
    const found = await this.ctx.executor.list({
      labels: { [Label.TaskId]: this.task.id, [Label.NodeId]: this.ctx.nodeId },
      all: true,
    });
    return found[0]?.id;
  }

  private watch(id: string): void {
    if (this.watchingId === id) return;
    this.watchAbort?.abort();
    const ac = new AbortController();
    this.watchAbort = ac;
    this.watchingId = id;
    this.ctx.executor.wait(id, { signal: ac.signal }).then(
      (r) => {
        if (ac.signal.aborted) return;
        this.watchingId = undefined;
        this.exited(r);
        this.kick();
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        this.watchingId = undefined;
        if (e instanceof ClusterError && e.code === ErrorCode.NotFound) {
          if (this.containerId === id) this.containerVanished();
          this.kick();
          return;
        }
        this.log.warn({ err: e }, 'waiting for the container failed; watching again');
        this.scheduleRetry();
      },
    );
  }

  private exited(r: ExitResult): void {
    if (this.stopping || stateOrder(this.task.desiredState) > stateOrder('running')) {
      this.setStatus('shutdown', 'shutdown', { exitCode: r.exitCode });
    } else if (r.exitCode === 0 && !r.oomKilled && !r.error) {
      this.setStatus('complete', 'finished', { exitCode: 0 });
    } else {
      const err = r.oomKilled
        ? `task: killed for exceeding its memory limit (exit ${r.exitCode})`
        : r.error
          ? `task: ${r.error}`
          : `task: non-zero exit (${r.exitCode})`;
      this.setStatus('failed', 'task failed', { exitCode: r.exitCode, err });
    }
  }

  /** Stop (with grace) and remove the task's container, if there is one. */
  private async teardown(): Promise<void> {
    const id = this.containerId ?? (await this.findContainer());
    if (!id) return;
    this.stopping = true;
    // Networking: no node sends it new connections any more before it gets its stop signal.
    if (this.status.state === 'running') await this.ctx.beforeStop?.(this.task.id);
    try {
      await this.ctx.executor.stop(id, { graceMs: this.stopGraceMs });
    } catch (e) {
      if (!(e instanceof ClusterError && e.code === ErrorCode.NotFound)) throw e;
    }
    // Record how it ended before it is gone (the watcher may not have seen it yet).
    if (!isTerminal(this.status.state)) {
      try {
        const info = await this.ctx.executor.inspect(id);
        this.exited({ exitCode: info.exitCode, oomKilled: info.oomKilled, error: info.error });
      } catch {
        // gone already
      }
    }
    this.watchAbort?.abort();
    this.watchingId = undefined;
    await this.ctx.executor.remove(id, { force: true });
    if (this.containerId === id) {
      this.containerId = undefined;
      this.ctx.onContainer(this);
    }
  }
}

/** Networking: an adopted container's address on the cluster network. */
function firstIp(info: ContainerInfo): string | undefined {
  return info.ips?.[CLUSTER_NETWORK];
}

function isEngineDown(e: unknown): boolean {
  return e instanceof ClusterError && (e.code === ErrorCode.Unavailable || e.code === ErrorCode.Timeout);
}

function errText(e: unknown): string {
  if (e instanceof ClusterError) return e.hint ? `${e.message} (${e.hint})` : e.message;
  return e instanceof Error ? e.message : String(e);
}
