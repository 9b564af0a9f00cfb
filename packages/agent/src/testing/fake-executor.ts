// An in-memory Executor for unit tests of the agent: same interface and the same errors as
// DockerExecutor (same spec validation, NOT_FOUND for a missing image, ALREADY_EXISTS for a taken
// name, CONFLICT for a taken port), with controls to make containers exit, crash and log.
// Time is not simulated: stop() of a container that ignores its stop signal "kills" it at once and
// records the grace it was given (see stops), so tests never sleep.
import { randomBytes } from 'node:crypto';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { AsyncQueue } from '../executor/async-queue.js';
import { toDockerCreateBody } from '../executor/container-config.js';
import { imageHint } from '../executor/docker-errors.js';
import type {
  ContainerEvent,
  ContainerEventAction,
  ContainerHealth,
  ContainerHealthStatus,
  ContainerInfo,
  ContainerStatus,
  ContainerSummary,
  CreateContainerOptions,
  EngineInfo,
  EnsureImageResult,
  EventOptions,
  Executor,
  ExitResult,
  ListOptions,
  LogLine,
  LogOptions,
  PortProtocol,
  PublishedPort,
  StopOptions,
} from '../executor/executor.js';
import { normalizeImageRef } from '../executor/image-ref.js';
import { identityFromLabels } from '../executor/labels.js';

/** What a fake container does on its stop signal: exit with this code, or ignore it (then SIGKILL: 137). */
export type StopBehaviour = { exitCode: number } | 'ignore';

export interface FakeExecutorConfig {
  /** Images present at start. */
  images?: string[];
  /** Images a pull would find (default none: like these machines, no registry). */
  pullable?: string[];
  engine?: Partial<EngineInfo>;
  /** Stop behaviour of new containers (default: exit 143, as a process without a TERM handler). */
  stopBehaviour?: StopBehaviour;
  now?: () => number;
  /** Images with a HEALTHCHECK of their own (their containers start 'starting' unless the spec disables it). */
  healthcheckImages?: string[];
}

interface FakeContainer {
  id: string;
  name: string;
  image: string;
  imageId: string;
  labels: Record<string, string>;
  ports: PublishedPort[];
  status: ContainerStatus;
  exitCode: number;
  oomKilled: boolean;
  error: string;
  createdAt: number;
  startedAt: number | undefined;
  finishedAt: number | undefined;
  logs: LogLine[];
  stopBehaviour: StopBehaviour;
  waiters: Array<(r: ExitResult) => void>;
  followers: Set<AsyncQueue<LogLine>>;
  hasHealthcheck: boolean;
  health: ContainerHealth | undefined;
  ipAddress: string;
}

type Op =
  | 'engineInfo'
  | 'ensureImage'
  | 'create'
  | 'start'
  | 'inspect'
  | 'stop'
  | 'remove'
  | 'logs'
  | 'list'
  | 'wait'
  | 'events';

export class FakeExecutor implements Executor {
  private readonly images = new Map<string, string>();
  private readonly pullable: Set<string>;
  private readonly containers = new Map<string, FakeContainer>();
  private readonly eventQueues = new Set<{ q: AsyncQueue<ContainerEvent>; labels: Record<string, string | true> }>();
  private readonly failures = new Map<Op, ClusterError[]>();
  private readonly engine: EngineInfo;
  private readonly defaultStop: StopBehaviour;
  private readonly now: () => number;
  private readonly healthcheckImages: Set<string>;
  private pid = 100;

  /** Every call, in order (for assertions such as "created exactly once"). */
  readonly calls: Array<{ op: Op; arg?: string }> = [];
  /** Every stop that reached a running container, with the grace it was given. */
  readonly stops: Array<{ id: string; graceMs: number; killed: boolean }> = [];
  /** Images pulled (there is no registry: only those in `pullable`). */
  readonly pulled: string[] = [];

  constructor(config: FakeExecutorConfig = {}) {
    this.now = config.now ?? Date.now;
    for (const image of config.images ?? []) this.addImage(image);
    this.pullable = new Set((config.pullable ?? []).map(normalizeImageRef));
    this.defaultStop = config.stopBehaviour ?? { exitCode: 143 };
    this.healthcheckImages = new Set((config.healthcheckImages ?? []).map(normalizeImageRef));
    this.engine = {
      hostname: 'fake-node',
      serverVersion: '20.10.24-fake',
      apiVersion: '1.41',
      ncpu: 2,
      memoryBytes: 4 << 30,
      labels: {},
      os: 'linux',
      arch: 'x86_64',
      ...config.engine,
    };
  }

  // ---- test controls ------------------------------------------------------------------------

  addImage(image: string): string {
    const ref = normalizeImageRef(image);
    const id = this.images.get(ref) ?? `sha256:${randomBytes(32).toString('hex')}`;
    this.images.set(ref, id);
    return id;
  }

  removeImage(image: string): void {
    this.images.delete(normalizeImageRef(image));
  }

  /** The next call of `op` rejects with `err` (queued: several calls fail in order). */
  failNext(op: Op, err: ClusterError): void {
    const list = this.failures.get(op) ?? [];
    list.push(err);
    this.failures.set(op, list);
  }

  /** A running container's process ends by itself (crash: non-zero code; oom: killed for memory). */
  exit(id: string, exitCode: number, opts: { oomKilled?: boolean } = {}): void {
    const c = this.mustGet(id, 'exit');
    if (c.status !== 'running') throw new Error(`fake container ${id} is not running`);
    if (opts.oomKilled) this.emit(c, 'oom');
    this.finish(c, exitCode, opts.oomKilled ?? false);
  }

  /** The container's process writes a line. */
  emitLog(id: string, stream: LogLine['stream'], line: string): void {
    const c = this.mustGet(id, 'log');
    const entry: LogLine = { stream, line, timestamp: this.now() };
    c.logs.push(entry);
    for (const f of c.followers) f.push(entry);
  }

  setStopBehaviour(id: string, behaviour: StopBehaviour): void {
    this.mustGet(id, 'setStopBehaviour').stopBehaviour = behaviour;
  }

  /** The engine's health check of a running container reports a new state (with the probe's output). */
  setHealth(id: string, status: ContainerHealthStatus, output = ''): void {
    const c = this.mustGet(id, 'setHealth');
    if (c.status !== 'running' || c.health === undefined) throw new Error(`fake container ${id} runs no health check`);
    const failing = status === 'unhealthy' ? c.health.failingStreak + 1 : 0;
    c.health = { status, failingStreak: failing, lastOutput: output, lastExitCode: status === 'healthy' ? 0 : 1 };
    this.emit(c, 'health_status', undefined, status);
  }

  /** The address a running container has on its network (default 172.17.0.N). */
  setIpAddress(id: string, ip: string): void {
    this.mustGet(id, 'setIpAddress').ipAddress = ip;
  }

  /** Removes a container behind the executor's back (an operator's `docker rm -f`). */
  vanish(id: string): void {
    const c = this.mustGet(id, 'vanish');
    if (c.status === 'running') this.finish(c, 137, false);
    this.containers.delete(c.id);
    this.emit(c, 'destroy');
  }

  /** Ids of all containers, in creation order. */
  containerIds(): string[] {
    return [...this.containers.keys()];
  }

  // ---- Executor -----------------------------------------------------------------------------

  async engineInfo(): Promise<EngineInfo> {
    this.enter('engineInfo');
    return { ...this.engine, labels: { ...this.engine.labels } };
  }

  async ensureImage(image: string): Promise<EnsureImageResult> {
    this.enter('ensureImage', image);
    return this.ensureImageNow(image);
  }

  private ensureImageNow(image: string): EnsureImageResult {
    const ref = normalizeImageRef(image);
    const id = this.images.get(ref);
    if (id !== undefined) return { imageId: id, pulled: false };
    if (this.pullable.has(ref)) {
      this.pulled.push(ref);
      return { imageId: this.addImage(ref), pulled: true };
    }
    throw new ClusterError(
      ErrorCode.NotFound,
      `image ${image} is not on this node and could not be pulled: no registry (fake)`,
      {
        hint: imageHint(image),
        details: { image, op: 'pull', reason: 'pull-failed' },
      },
    );
  }

  async create(opts: CreateContainerOptions): Promise<string> {
    this.enter('create', opts.ids.taskId);
    const body = toDockerCreateBody(opts);
    const { imageId } = this.ensureImageNow(opts.spec.image);
    for (const other of this.containers.values()) {
      if (other.name === body.name) {
        throw new ClusterError(
          ErrorCode.AlreadyExists,
          `create ${opts.spec.image}: name ${body.name} is already in use by ${other.id.slice(0, 12)}`,
          {
            hint: 'a container with that name exists: adopt it (list by task label) or remove it',
            details: { op: 'create', name: body.name, containerId: other.id },
          },
        );
      }
    }
    const ports: PublishedPort[] = [];
    for (const [key, bindings] of Object.entries(body.HostConfig.PortBindings)) {
      const [target, protocol] = key.split('/');
      for (const b of bindings)
        ports.push({
          target: Number(target),
          protocol: protocol as PortProtocol,
          hostIp: b.HostIp || '0.0.0.0',
          published: Number(b.HostPort),
        });
    }
    const id = randomBytes(32).toString('hex');
    const c: FakeContainer = {
      id,
      name: body.name,
      image: opts.spec.image,
      imageId,
      labels: { ...body.Labels },
      ports,
      status: 'created',
      exitCode: 0,
      oomKilled: false,
      error: '',
      createdAt: this.now(),
      startedAt: undefined,
      finishedAt: undefined,
      logs: [],
      stopBehaviour: this.defaultStop,
      waiters: [],
      followers: new Set(),
      hasHealthcheck:
        body.Healthcheck?.Test !== undefined
          ? body.Healthcheck.Test[0] !== 'NONE'
          : this.healthcheckImages.has(normalizeImageRef(opts.spec.image)),
      health: undefined,
      ipAddress: '',
    };
    this.containers.set(id, c);
    this.emit(c, 'create');
    return id;
  }

  /** What create knew (the spec's check or the image's HEALTHCHECK): no engine call, as the real one. */
  createdWithHealthcheck(id: string): boolean | undefined {
    return this.containers.get(id)?.hasHealthcheck;
  }

  async start(id: string): Promise<void> {
    this.enter('start', id);
    const c = this.mustGet(id, 'start');
    if (c.status === 'running') return;
    for (const p of c.ports) {
      for (const other of this.containers.values()) {
        if (other === c || other.status !== 'running') continue;
        if (other.ports.some((q) => q.published === p.published && q.protocol === p.protocol)) {
          c.error = `Bind for ${p.hostIp}:${p.published} failed: port is already allocated`;
          throw new ClusterError(ErrorCode.Conflict, `start container ${id.slice(0, 12)}: ${c.error}`, {
            hint: 'another process or container already uses that node port; publish a different port',
            details: { op: 'start', containerId: id },
          });
        }
      }
    }
    c.status = 'running';
    c.error = '';
    c.exitCode = 0;
    c.oomKilled = false;
    c.startedAt = this.now();
    c.finishedAt = undefined;
    c.health = c.hasHealthcheck
      ? { status: 'starting', failingStreak: 0, lastOutput: '', lastExitCode: undefined }
      : undefined;
    c.ipAddress = `172.17.0.${(this.pid % 250) + 2}`;
    this.pid += 1;
    this.emit(c, 'start');
  }

  async inspect(id: string): Promise<ContainerInfo> {
    this.enter('inspect', id);
    const c = this.mustGet(id, 'inspect');
    return {
      id: c.id,
      name: c.name,
      image: c.image,
      imageId: c.imageId,
      labels: { ...c.labels },
      ids: identityFromLabels(c.labels),
      status: c.status,
      running: c.status === 'running',
      pid: c.status === 'running' ? this.pid : 0,
      exitCode: c.exitCode,
      oomKilled: c.oomKilled,
      error: c.error,
      startedAt: c.startedAt,
      finishedAt: c.finishedAt,
      ports: c.status === 'running' ? c.ports.map((p) => ({ ...p })) : [],
      hasHealthcheck: c.hasHealthcheck,
      health: c.status === 'running' && c.health !== undefined ? { ...c.health } : undefined,
      ipAddress: c.status === 'running' ? c.ipAddress : '',
    };
  }

  async stop(id: string, opts: StopOptions = {}): Promise<void> {
    this.enter('stop', id);
    const c = this.mustGet(id, 'stop');
    if (c.status !== 'running') return;
    const graceMs = opts.graceMs ?? 10_000;
    const killed = graceMs === 0 || c.stopBehaviour === 'ignore';
    this.stops.push({ id, graceMs, killed });
    this.emit(c, 'kill');
    if (killed && graceMs > 0) this.emit(c, 'kill'); // the SIGKILL after the ignored stop signal
    this.finish(c, killed ? 137 : (c.stopBehaviour as { exitCode: number }).exitCode, false);
    this.emit(c, 'stop');
  }

  async remove(id: string, opts: { force?: boolean } = {}): Promise<void> {
    this.enter('remove', id);
    const c = this.containers.get(id);
    if (!c) return;
    if (c.status === 'running') {
      if (!opts.force) {
        throw new ClusterError(
          ErrorCode.Conflict,
          `remove container ${id.slice(0, 12)}: You cannot remove a running container`,
          {
            hint: 'the container is in a state that does not allow this; inspect it and retry',
            details: { op: 'remove', containerId: id },
          },
        );
      }
      this.emit(c, 'kill');
      this.finish(c, 137, false);
    }
    this.containers.delete(id);
    this.emit(c, 'destroy');
  }

  /** Like the real executor's generator, nothing is checked before the first iteration. */
  async *logs(id: string, opts: LogOptions = {}): AsyncGenerator<LogLine> {
    this.enter('logs', id);
    const c = this.mustGet(id, 'logs');
    const since = (l: LogLine) => opts.sinceMs === undefined || l.timestamp >= opts.sinceMs;
    const wanted = (l: LogLine) => (l.stream === 'stdout' ? (opts.stdout ?? true) : (opts.stderr ?? true)) && since(l);
    // Like the engine: the tail is counted over both streams, then the unwanted stream is dropped.
    let past = c.logs.filter(since);
    if (opts.tail !== undefined) past = opts.tail <= 0 ? [] : past.slice(-opts.tail);
    past = past.filter(wanted);
    if (!opts.follow || c.status !== 'running') {
      yield* past.map((l) => ({ ...l }));
      return;
    }
    const q = new AsyncQueue<LogLine>(opts.signal);
    for (const l of past) q.push({ ...l });
    c.followers.add(q);
    q.whenClosed(() => c.followers.delete(q));
    for await (const l of q) if (wanted(l)) yield { ...l };
  }

  async list(opts: ListOptions = {}): Promise<ContainerSummary[]> {
    this.enter('list');
    const all = opts.all ?? true;
    return [...this.containers.values()]
      .filter((c) => (all || c.status === 'running') && matches(c.labels, opts.labels))
      .map((c) => ({
        id: c.id,
        name: c.name,
        image: c.image,
        labels: { ...c.labels },
        ids: identityFromLabels(c.labels),
        status: c.status,
        createdAt: c.createdAt,
      }));
  }

  async wait(id: string, opts: { signal?: AbortSignal } = {}): Promise<ExitResult> {
    this.enter('wait', id);
    const c = this.mustGet(id, 'wait');
    if (c.status !== 'running') return { exitCode: c.exitCode, oomKilled: c.oomKilled, error: c.error };
    return new Promise<ExitResult>((resolve, reject) => {
      const onAbort = () => {
        c.waiters = c.waiters.filter((w) => w !== done);
        const e = new Error('wait aborted');
        e.name = 'AbortError';
        reject(e);
      };
      const done = (r: ExitResult) => {
        opts.signal?.removeEventListener('abort', onAbort);
        resolve(r);
      };
      if (opts.signal?.aborted) return onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      c.waiters.push(done);
    });
  }

  /** Subscribed at once (events from the call on are kept), checked for failNext on iteration. */
  events(opts: EventOptions = {}): AsyncIterable<ContainerEvent> {
    const q = new AsyncQueue<ContainerEvent>(opts.signal);
    const entry = { q, labels: opts.labels ?? {} };
    this.eventQueues.add(entry);
    q.whenClosed(() => this.eventQueues.delete(entry));
    return { [Symbol.asyncIterator]: () => this.iterateEvents(q) };
  }

  private async *iterateEvents(q: AsyncQueue<ContainerEvent>): AsyncGenerator<ContainerEvent> {
    try {
      this.enter('events');
    } catch (err) {
      q.end();
      throw err;
    }
    yield* q;
  }

  // ---- internals ----------------------------------------------------------------------------

  private enter(op: Op, arg?: string): void {
    this.calls.push(arg === undefined ? { op } : { op, arg });
    const queued = this.failures.get(op);
    const err = queued?.shift();
    if (err) throw err;
  }

  private mustGet(id: string, op: string): FakeContainer {
    const c = this.containers.get(id);
    if (!c) {
      throw new ClusterError(ErrorCode.NotFound, `${op} container ${id.slice(0, 12)}: No such container: ${id}`, {
        hint: 'the container is gone (removed by hand, or by the engine)',
        details: { op, containerId: id },
      });
    }
    return c;
  }

  private finish(c: FakeContainer, exitCode: number, oomKilled: boolean): void {
    c.status = 'exited';
    c.exitCode = exitCode;
    c.oomKilled = oomKilled;
    c.finishedAt = this.now();
    this.emit(c, 'die', exitCode);
    const result: ExitResult = { exitCode, oomKilled, error: '' };
    for (const w of c.waiters.splice(0)) w(result);
    for (const f of [...c.followers]) f.end();
  }

  private emit(
    c: FakeContainer,
    action: ContainerEventAction,
    exitCode?: number,
    health?: ContainerHealthStatus,
  ): void {
    const ev: ContainerEvent = {
      id: c.id,
      action,
      rawAction: health === undefined ? action : `${action}: ${health}`,
      labels: { ...c.labels },
      ids: identityFromLabels(c.labels),
      time: this.now(),
    };
    if (exitCode !== undefined) ev.exitCode = exitCode;
    if (health !== undefined) ev.health = health;
    for (const { q, labels } of this.eventQueues) if (matches(c.labels, labels)) q.push(ev);
  }
}

function matches(have: Record<string, string>, want: Record<string, string | true> | undefined): boolean {
  for (const [k, v] of Object.entries(want ?? {})) {
    if (!(k in have)) return false;
    if (v !== true && have[k] !== v) return false;
  }
  return true;
}
