// One assigned task on this node: drives its container towards what the task asks for and reports
// what it sees. Every change (new desired state, container exit, removal) kicks reconcile(), which
// runs serialized: at most one pass at a time, and one more pass if kicked meanwhile.
//
//   desired <= running, not finished:  accepted -> preparing (image + create) -> starting -> running,
//                                      then complete / failed when the container exits (wait()).
//   desired past running (shutdown, remove, ...): stop with grace, remove the container, report
//                                      shutdown unless it had already finished.
//   no longer assigned:                stop with grace and remove the container, then forget it.
//
// Health (a task with a check): reported with the running status as `starting`, then `healthy` or
// `unhealthy` as the engine's events (a command check, the image's HEALTHCHECK) or the agent's own
// probes (HTTP/TCP, health-probe.ts) say. Unhealthy past the retries means the task failed: the
// container is stopped (with its grace) and the task reported failed, "unhealthy: <probe output>";
// the orchestrator's restart policy replaces it.
import { ClusterError, ErrorCode, systemClock, type Clock, type Logger } from '@clusterctl/common';
import type {
  ContainerHealthStatus,
  ContainerInfo,
  ContainerSpec,
  Executor,
  ExitResult,
  FileMount,
  TaskNetwork,
} from '../executor/index.js';
import type { TaskFiles } from './task-files.js';
import { HEALTHCHECK_DEFAULTS, Label } from '../executor/index.js';
import { CLUSTER_NETWORK } from '../network/data-plane.js';
import { HealthProber, httpProbe, tcpProbe, type Probe } from './health-probe.js';
import {
  identityOf,
  isTerminal,
  stateOrder,
  type AgentTask,
  type AgentTaskStatus,
  type TaskHealth,
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
  /**
   * The engine's health events reach the runners from `sinceMs` on (default now): called before a
   * container with a check starts, or with the time of the inspect that found an adopted one's.
   */
  watchHealthEvents?: (sinceMs?: number) => void;
  /** Timers of the agent's own health probes (default: the system clock). */
  clock?: Clock;
  /** Secrets and configs of tasks, on the agent's tmpfs (absent: tasks that use some are rejected). */
  taskFiles?: Pick<TaskFiles, 'prepare' | 'release'>;
  /** A container this runner created runs: ms from the assignment to running (metrics). */
  onRunning?: (assignedToRunningMs: number) => void;
  /**
   * Image shipping: makes the image present (local, pulled, or fetched from another node) and checks
   * it against the service's pinned ID; resolves with its ID. Absent: the executor pulls on create.
   */
  prepareImage?: (
    image: string,
    pinnedId: string | undefined,
    onProgress: (p: { source: string; bytes: number; totalBytes: number }) => void,
  ) => Promise<string>;
}

/** Image shipping: a progress message goes out at most this often. */
const IMAGE_PROGRESS_EVERY_MS = 1_000;

/** Who decides a task's health: the agent's probe, the engine's check, maybe the image's own, or nobody. */
export type HealthSource = 'agent' | 'engine' | 'image' | 'none';

export function healthSourceOf(spec: ContainerSpec): HealthSource {
  const h = spec.healthcheck;
  if (h === undefined) return 'image';
  if (h.http !== undefined || h.tcp !== undefined) return 'agent';
  if (h.test[0] === 'NONE') return 'none';
  return h.test.length > 0 ? 'engine' : 'image';
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
   * container name still catches a duplicate (ALREADY_EXISTS: adopt it). Also set once this runner
   * removed the task's container itself: a later teardown (the task leaving the node) lists nothing.
   */
  private knownAbsent: boolean;
  /** When the runner got the task (this.ctx.now()), for the start-up timing log. */
  private readonly assignedAt: number;
  /** Networking: the cluster network its container was created on. */
  private network: string | undefined;
  /** The task's health while it has a check (undefined: none, or not known yet). */
  private health: { state: TaskHealth; message: string } | undefined;
  /** Whose health events count for the current container ('none' until it is known). */
  private healthBy: 'agent' | 'engine' | 'none' = 'none';
  private prober: HealthProber | undefined;
  /** Set once the task is unhealthy: the reason it failed; the container is stopped. */
  private unhealthyReason: string | undefined;
  /** Image shipping: the ID of the image this task was prepared with (reported with its statuses). */
  private imageId: string | undefined;

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
    if (status.health !== undefined) this.health = { state: status.health, message: status.healthMessage ?? '' };
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
    this.stopHealth();
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
    if (this.imageId !== undefined) s.imageId = this.imageId;
    if (this.health !== undefined && stateOrder(state) >= stateOrder('running')) {
      s.health = this.health.state;
      if (this.health.message !== '') s.healthMessage = this.health.message;
    }
    this.status = s;
    this.log.debug({ state, message }, 'task status');
    this.ctx.onStatus(this, s);
  }

  private async reconcile(): Promise<void> {
    if (this.removed) {
      await this.teardown();
      this.releaseFiles();
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
    if (this.unhealthyReason !== undefined) return this.stopUnhealthy(this.unhealthyReason);
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
      const fileMounts = await this.prepareFiles();
      if (fileMounts === undefined) return;
      if (this.ctx.prepareImage !== undefined && !(await this.prepareImage())) return;
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
          ...(fileMounts.length > 0 ? { fileMounts } : {}),
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
        // Just created by us: it is in state 'created', so it is started without an inspect first
        // (the executor knows from the create whether the image brings a check of its own).
        const createDoneAt = this.ctx.now();
        const source = healthSourceOf(this.task.spec);
        const known = source === 'image' ? ex.createdWithHealthcheck(created) : source === 'engine';
        const engineCheck =
          known !== undefined
            ? Promise.resolve(known)
            : ex.inspect(created).then(
                (i) => i.hasHealthcheck,
                () => false,
              );
        await this.ctx.whenDurable?.();
        const by = source === 'agent' ? 'agent' : (await engineCheck) ? 'engine' : 'none';
        this.setStatus('starting', 'starting');
        // known before the start, so no health event of the new container is dropped
        if (by === 'engine') this.ctx.watchHealthEvents?.();
        const startAt = this.ctx.now();
        this.beginHealth(by, created, startAt);
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
        this.ctx.onRunning?.(timing.assignedToRunningMs);
        this.setStatus('running', 'running');
        this.watch(created);
        if (source === 'image' && by === 'engine') this.confirmImageCheck(created);
        return;
      }
    }

    // Running and watched: its exit or removal reaches the watcher (wait()), which kicks a pass; an
    // update of the task that asks nothing new (the manager confirming `running`) asks the engine nothing.
    if (this.watchingId === this.containerId && this.status.state === 'running') return;

    let info: ContainerInfo;
    const source = healthSourceOf(this.task.spec);
    // the engine's events from here on reach the runner if the container turns out to have a check
    const inspectedAt = Date.now();
    try {
      info = await ex.inspect(this.containerId);
    } catch (e) {
      if (e instanceof ClusterError && e.code === ErrorCode.NotFound) return this.containerVanished();
      throw e;
    }
    if (!info.running) {
      if (info.status === 'created' || (info.startedAt === undefined && info.finishedAt === undefined)) {
        // created by an earlier agent: its files are written again where the container expects them
        if ((await this.prepareFiles()) === undefined) return;
        await this.ctx.whenDurable?.();
        this.setStatus('starting', 'starting');
        const by = source === 'agent' ? 'agent' : info.hasHealthcheck ? 'engine' : 'none';
        if (by === 'engine') this.ctx.watchHealthEvents?.();
        this.beginHealth(by, this.containerId, this.ctx.now());
        if (!(await this.startContainer(this.containerId))) return;
      } else {
        // It ran and exited while nobody watched (the agent was down): report how it ended.
        this.exited({ exitCode: info.exitCode, oomKilled: info.oomKilled, error: info.error });
        return;
      }
    } else if (this.watchingId !== this.containerId) {
      // adopted running (a restarted agent): its health goes on from what the engine or the last report says
      this.adoptHealth(source, info, inspectedAt);
      if (this.unhealthyReason !== undefined) return this.stopUnhealthy(this.unhealthyReason);
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

  // ------------------------------------------------------------------ health

  /** The container just started: its health starts `starting` when it has a check. */
  private beginHealth(by: 'agent' | 'engine' | 'none', containerId: string, startedAt: number): void {
    this.stopHealth();
    this.healthBy = by;
    this.health = by === 'none' ? undefined : { state: 'starting', message: '' };
    if (by === 'agent') this.startProber(containerId, startedAt, 'starting');
  }

  /** A running container found at start-up: the engine's health, or the agent's probe from the last report. */
  private adoptHealth(source: HealthSource, info: ContainerInfo, inspectedAt: number): void {
    this.stopHealth();
    if (source === 'agent') {
      this.healthBy = 'agent';
      // a task reported healthy stays so until its probes fail (an agent restart moves no traffic)
      const initial: TaskHealth = this.health?.state === 'healthy' ? 'healthy' : 'starting';
      this.health = { state: initial, message: this.health?.message ?? '' };
      this.startProber(info.id, info.startedAt ?? this.ctx.now(), initial);
    } else if (info.health !== undefined) {
      this.healthBy = 'engine';
      this.ctx.watchHealthEvents?.(inspectedAt);
      if (info.health.status === 'unhealthy') this.markUnhealthy(info.health.lastOutput);
      else this.setHealth(info.health.status, '');
    } else {
      this.healthBy = 'none';
      this.health = undefined;
    }
  }

  private startProber(containerId: string, startedAt: number, initial: TaskHealth): void {
    const h = this.task.spec.healthcheck!;
    let target: Promise<{ host: string; port: number }> | undefined;
    const port = h.http?.port ?? h.tcp!.port;
    const resolve = (): Promise<{ host: string; port: number }> =>
      (target ??= this.probeTarget(containerId, port).catch((e: unknown) => {
        target = undefined; // looked up again by the next probe
        throw e;
      }));
    const probe: Probe = h.http !== undefined ? httpProbe(resolve, h.http.path) : tcpProbe(resolve);
    this.prober = new HealthProber({
      intervalMs: h.intervalMs || HEALTHCHECK_DEFAULTS.intervalMs,
      timeoutMs: h.timeoutMs || HEALTHCHECK_DEFAULTS.timeoutMs,
      retries: h.retries || HEALTHCHECK_DEFAULTS.retries,
      startPeriodMs: h.startPeriodMs || HEALTHCHECK_DEFAULTS.startPeriodMs,
      startedAt,
      initial,
      clock: this.ctx.clock ?? systemClock,
      probe,
      onChange: (state, message) => {
        if (state === 'unhealthy') this.markUnhealthy(message);
        else this.setHealth(state, message);
      },
    });
    this.prober.start();
  }

  /**
   * Where the agent reaches the task: its container's address on its network, else the node port
   * the probed port is published on (an engine whose containers the node cannot route to).
   */
  private async probeTarget(containerId: string, port: number): Promise<{ host: string; port: number }> {
    const info = await this.ctx.executor.inspect(containerId);
    if (info.ipAddress !== '') return { host: info.ipAddress, port };
    const published = info.ports.find((p) => p.target === port && p.protocol === 'tcp');
    if (published !== undefined)
      return {
        host: published.hostIp === '' || published.hostIp === '0.0.0.0' ? '127.0.0.1' : published.hostIp,
        port: published.published,
      };
    throw new Error(`the task has no address the node can reach and port ${port} is not published`);
  }

  private stopHealth(): void {
    this.prober?.stop();
    this.prober = undefined;
  }

  /**
   * The image's HEALTHCHECK came from what the executor knew of the image (read at most a minute
   * ago): the container itself says (a re-tagged image may have dropped it; then the task has no
   * check and must not wait for a health that never comes).
   */
  private confirmImageCheck(containerId: string): void {
    this.ctx.executor.inspect(containerId).then(
      (info) => {
        if (info.hasHealthcheck || containerId !== this.containerId || this.healthBy !== 'engine') return;
        this.healthBy = 'none';
        this.health = undefined;
        if (this.status.state !== 'running') return;
        const s: AgentTaskStatus = { ...this.status, timestamp: this.ctx.now() };
        delete s.health;
        delete s.healthMessage;
        this.status = s;
        this.ctx.onStatus(this, s);
      },
      () => undefined,
    );
  }

  /** The engine says the container's health changed (an event of the node's event stream). */
  engineHealth(status: ContainerHealthStatus, containerId: string): void {
    // an image found to have no check when it was read may have one now (re-tagged): the engine says
    if (this.healthBy === 'none' && healthSourceOf(this.task.spec) === 'image' && this.status.state === 'running')
      this.healthBy = 'engine';
    if (containerId !== this.containerId || this.healthBy !== 'engine' || this.closed) return;
    if (isTerminal(this.status.state) || this.unhealthyReason !== undefined) return;
    if (status !== 'unhealthy') return this.setHealth(status, '');
    // the failing probe's output is in the container's health log, not in the event
    this.ctx.executor.inspect(containerId).then(
      (info) => {
        if (info.health?.status !== 'healthy') this.markUnhealthy(info.health?.lastOutput ?? '');
      },
      () => this.markUnhealthy(''),
    );
  }

  /** A change of health while the task runs: a status of its own (same state, new health). */
  private setHealth(state: TaskHealth, message: string): void {
    if (this.health?.state === state && this.health.message === message) return;
    this.health = { state, message };
    if (this.status.state !== 'running') return; // goes out with the running status
    const s: AgentTaskStatus = { ...this.status, health: state, timestamp: this.ctx.now() };
    if (message !== '') s.healthMessage = message;
    else delete s.healthMessage;
    this.status = s;
    this.log.debug({ health: state, message }, 'task health');
    this.ctx.onStatus(this, s);
  }

  /** Unhealthy past its retries: the task failed; its container is stopped (reconcile). */
  private markUnhealthy(output: string): void {
    if (this.unhealthyReason !== undefined || isTerminal(this.status.state)) return;
    const text = output.trim() === '' ? 'health check failed' : output.trim();
    this.stopHealth();
    this.setHealth('unhealthy', text);
    this.unhealthyReason = `unhealthy: ${text}`;
    this.log.info({ containerId: this.containerId?.slice(0, 12), reason: text }, 'task unhealthy; stopping it');
    this.kick();
  }

  private async stopUnhealthy(reason: string): Promise<void> {
    const id = this.containerId;
    if (id !== undefined) {
      try {
        await this.ctx.executor.stop(id, { graceMs: this.stopGraceMs });
      } catch (e) {
        if (!(e instanceof ClusterError && e.code === ErrorCode.NotFound)) throw e;
      }
    }
    this.setStatus('failed', 'unhealthy', { err: reason });
  }

  /**
   * Writes the task's secrets and configs on the tmpfs: the mounts for its container, or undefined
   * (and the task rejected) when they cannot be had. No session (UNAVAILABLE): retried later.
   */
  /** Image shipping: the image, present and verified; false when the task was rejected. */
  private async prepareImage(): Promise<boolean> {
    const spec = this.task.spec;
    let lastAt = 0;
    let lastPct = -1;
    try {
      this.imageId = await this.ctx.prepareImage!(spec.image, spec.imageId, (p) => {
        const pct = p.totalBytes > 0 ? Math.min(99, Math.floor((100 * p.bytes) / p.totalBytes)) : -1;
        const now = this.ctx.now();
        if (pct === lastPct || (now - lastAt < IMAGE_PROGRESS_EVERY_MS && lastPct >= 0)) return;
        lastAt = now;
        lastPct = pct;
        const size = pct >= 0 ? `${pct}%` : `${Math.round(p.bytes / 1e6)} MB`;
        this.reportPreparing(`preparing: image from ${p.source}, ${size}`);
      });
      return true;
    } catch (e) {
      if (isEngineDown(e)) throw e;
      this.setStatus('rejected', 'preparing the image failed', { err: errText(e) });
      return false;
    }
  }

  /** Image shipping: the preparing status again with a new message (transfer progress). */
  private reportPreparing(message: string): void {
    if (this.status.state !== 'preparing' || this.closed) return;
    const s: AgentTaskStatus = { ...this.status, message, timestamp: this.ctx.now() };
    this.status = s;
    this.ctx.onStatus(this, s);
  }

  private async prepareFiles(): Promise<FileMount[] | undefined> {
    const refs = this.task.spec.files;
    if (refs === undefined || refs.length === 0) return [];
    if (this.ctx.taskFiles === undefined) {
      this.setStatus('rejected', 'preparing failed', { err: 'this node cannot hold secrets or configs' });
      return undefined;
    }
    try {
      return await this.ctx.taskFiles.prepare(this.task.id, refs);
    } catch (e) {
      if (isEngineDown(e)) throw e;
      this.setStatus('rejected', 'preparing secrets and configs failed', { err: errText(e) });
      this.releaseFiles();
      return undefined;
    }
  }

  /** Removes the task's secret and config files (in the background; failures are logged). */
  private releaseFiles(): void {
    if (this.task.spec.files === undefined || this.ctx.taskFiles === undefined) return;
    this.ctx.taskFiles
      .release(this.task.id)
      .catch((err: unknown) => this.log.warn({ err }, "removing the task's secret files failed"));
  }

  /** Starts the container; false (and the task failed) when the engine refused. */
  private async startContainer(id: string): Promise<boolean> {
    try {
      await this.ctx.executor.start(id);
      return true;
    } catch (e) {
      this.stopHealth();
      this.health = undefined;
      this.healthBy = 'none';
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
    this.stopHealth();
    this.releaseFiles();
    if (this.unhealthyReason !== undefined && !this.stopping) {
      this.setStatus('failed', 'unhealthy', { exitCode: r.exitCode, err: this.unhealthyReason });
    } else if (this.stopping || stateOrder(this.task.desiredState) > stateOrder('running')) {
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
    this.stopHealth();
    // a container this runner removed itself is not looked for again (the task is never re-run)
    const id = this.containerId ?? (this.knownAbsent ? undefined : await this.findContainer());
    if (!id) return;
    this.stopping = true;
    const teardownAt = this.ctx.now();
    // Networking: no node sends it new connections any more before it gets its stop signal.
    if (this.status.state === 'running') await this.ctx.beforeStop?.(this.task.id);
    const stopAt = this.ctx.now();
    try {
      await this.ctx.executor.stop(id, { graceMs: this.stopGraceMs });
    } catch (e) {
      if (!(e instanceof ClusterError && e.code === ErrorCode.NotFound)) throw e;
    }
    const stoppedAt = this.ctx.now();
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
    const removedAt = this.ctx.now();
    this.log.info(
      {
        containerId: id.slice(0, 12),
        unlistWaitMs: stopAt - teardownAt,
        stopMs: stoppedAt - stopAt,
        removeMs: removedAt - stoppedAt,
      },
      'task container removed',
    );
    this.releaseFiles();
    if (this.containerId === id) {
      this.containerId = undefined;
      this.knownAbsent = true;
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
