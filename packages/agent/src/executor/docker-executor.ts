// The Executor on a real Docker engine, through dockerode. The only file in the project that talks
// to the engine. Every engine error leaves here as a ClusterError (docker-errors.ts).
import type { IncomingMessage } from 'node:http';
import Docker from 'dockerode';
import { ClusterError, ErrorCode, silentLogger, type Logger } from '@clusterctl/common';
import { toDockerCreateBody } from './container-config.js';
import { fromDockerError, imageHint, engineMessage, statusCodeOf } from './docker-errors.js';
import type {
  ClusterNetworkSpec,
  ContainerEvent,
  ContainerEventAction,
  ContainerHealth,
  ContainerHealthStatus,
  ContainerInfo,
  ContainerStatus,
  ContainerStats,
  ContainerSummary,
  CreateContainerOptions,
  EngineInfo,
  EnsureImageResult,
  EventOptions,
  Executor,
  ExitResult,
  ImageEngine,
  ImageSummary,
  LoadedImages,
  NetworkEngine,
  ListOptions,
  LogLine,
  LogOptions,
  PortProtocol,
  PublishedPort,
  StopOptions,
} from './executor.js';
import { normalizeImageRef } from './image-ref.js';
import { identityFromLabels } from './labels.js';
import { LogDemuxer } from './log-demux.js';

export interface DockerExecutorConfig {
  /** Engine socket; default /var/run/docker.sock. Ignored when `docker` is given. */
  socketPath?: string;
  /** A ready dockerode client (e.g. for an engine on TCP in the lab). */
  docker?: Docker;
  /** A pull that has not finished by then fails (there may be no registry at all). */
  pullTimeoutMs?: number;
  /** Grace period of stop() when the caller gives none. */
  defaultStopGraceMs?: number;
  log?: Logger;
}

export const DOCKER_EXECUTOR_DEFAULTS = {
  socketPath: '/var/run/docker.sock',
  pullTimeoutMs: 120_000,
  defaultStopGraceMs: 10_000,
} as const;

const STATUSES = new Set<ContainerStatus>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
const EVENT_ACTIONS = new Set<ContainerEventAction>([
  'create',
  'start',
  'die',
  'stop',
  'kill',
  'oom',
  'destroy',
  'pause',
  'unpause',
]);
const HEALTH_STATUSES = new Set<ContainerHealthStatus>(['starting', 'healthy', 'unhealthy']);
/** How long an image's HEALTHCHECK (or its absence) is taken as known: a re-tagged image is seen after this. */
const IMAGE_CHECK_TTL_MS = 60_000;
/** A probe's output kept in ContainerHealth.lastOutput (the engine keeps up to 4 KiB). */
const MAX_PROBE_OUTPUT_CHARS = 1024;
/** Event attributes that are not container labels. */
const NON_LABEL_ATTRIBUTES = new Set(['image', 'name', 'exitCode', 'signal', 'execID', 'execDuration']);

function toStatus(s: string | undefined): ContainerStatus {
  return s !== undefined && STATUSES.has(s as ContainerStatus) ? (s as ContainerStatus) : 'dead';
}

/** Docker's zero time ("0001-01-01T00:00:00Z") means never. */
function toMs(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) || t <= 0 ? undefined : t;
}

function labelFilter(labels: Record<string, string | true> | undefined): string[] {
  return Object.entries(labels ?? {}).map(([k, v]) => (v === true ? k : `${k}=${v}`));
}

/** The engine's answer to a create naming an image it does not have. */
function isNoSuchImage(err: unknown): boolean {
  return statusCodeOf(err) === 404 && /no such image/i.test(engineMessage(err));
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (err as Error | null)?.name === 'AbortError';
}

export class DockerExecutor implements Executor, NetworkEngine, ImageEngine {
  private readonly docker: Docker;
  private readonly pullTimeoutMs: number;
  private readonly defaultStopGraceMs: number;
  private readonly log: Logger;
  /** One pull per image at a time, shared by concurrent creates. */
  private readonly pulls = new Map<string, Promise<EnsureImageResult>>();
  /** Whether an image (by reference) has a HEALTHCHECK, and when that was read. */
  private readonly imageChecks = new Map<string, { has: boolean; at: number }>();
  /** Containers created here: whether they have an engine health check (dropped on remove). */
  private readonly containerChecks = new Map<string, boolean>();
  /**
   * Image inspects in flight, by reference: the tasks of a scale-up that start together ask the
   * engine once, not once each (an answer is never kept past its request).
   */
  private readonly imageInspects = new Map<string, Promise<Docker.ImageInspectInfo>>();

  constructor(config: DockerExecutorConfig = {}) {
    this.docker = config.docker ?? new Docker({ socketPath: config.socketPath ?? DOCKER_EXECUTOR_DEFAULTS.socketPath });
    this.pullTimeoutMs = config.pullTimeoutMs ?? DOCKER_EXECUTOR_DEFAULTS.pullTimeoutMs;
    this.defaultStopGraceMs = config.defaultStopGraceMs ?? DOCKER_EXECUTOR_DEFAULTS.defaultStopGraceMs;
    this.log = (config.log ?? silentLogger()).child({ component: 'executor' });
  }

  async engineInfo(): Promise<EngineInfo> {
    try {
      const [info, version] = await Promise.all([
        this.docker.info() as Promise<Record<string, unknown>>,
        this.docker.version(),
      ]);
      const labels: Record<string, string> = {};
      for (const entry of (info.Labels as string[] | null) ?? []) {
        const eq = entry.indexOf('=');
        if (eq > 0) labels[entry.slice(0, eq)] = entry.slice(eq + 1);
      }
      return {
        hostname: String(info.Name ?? ''),
        serverVersion: String(info.ServerVersion ?? version.Version ?? ''),
        apiVersion: String(version.ApiVersion ?? ''),
        ncpu: Number(info.NCPU ?? 0),
        memoryBytes: Number(info.MemTotal ?? 0),
        labels,
        os: String(info.OSType ?? version.Os ?? ''),
        arch: String(info.Architecture ?? version.Arch ?? ''),
      };
    } catch (err) {
      throw fromDockerError(err, { op: 'engine info' });
    }
  }

  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (err) {
      throw fromDockerError(err, { op: 'ping' });
    }
  }

  async stats(id: string): Promise<ContainerStats> {
    try {
      // one-shot: one sample at once (without it the engine waits for a second one to compute a rate)
      const s = (await this.docker
        .getContainer(id)
        .stats({ stream: false, 'one-shot': true } as { stream: false })) as unknown as DockerStats;
      let rx = 0;
      let tx = 0;
      for (const n of Object.values(s.networks ?? {})) {
        rx += n.rx_bytes ?? 0;
        tx += n.tx_bytes ?? 0;
      }
      return {
        cpuSeconds: (s.cpu_stats?.cpu_usage?.total_usage ?? 0) / 1e9,
        memoryBytes: s.memory_stats?.usage ?? 0,
        networkReceiveBytes: rx,
        networkTransmitBytes: tx,
      };
    } catch (err) {
      throw fromDockerError(err, { op: 'container stats', containerId: id });
    }
  }

  async ensureImage(image: string): Promise<EnsureImageResult> {
    const ref = normalizeImageRef(image);
    const local = await this.localImageId(ref);
    if (local !== undefined) return { imageId: local, pulled: false };
    let pull = this.pulls.get(ref);
    if (!pull) {
      pull = this.pull(image, ref).finally(() => this.pulls.delete(ref));
      this.pulls.set(ref, pull);
    }
    return pull;
  }

  /** The engine's inspect of an image; concurrent asks for the same reference share one request. */
  private inspectImage(ref: string): Promise<Docker.ImageInspectInfo> {
    let inspect = this.imageInspects.get(ref);
    if (inspect === undefined) {
      inspect = this.docker
        .getImage(ref)
        .inspect()
        .then((info) => {
          this.imageChecks.set(normalizeImageRef(ref), { has: hasHealthcheck(info.Config), at: Date.now() });
          return info;
        })
        .finally(() => this.imageInspects.delete(ref));
      this.imageInspects.set(ref, inspect);
    }
    return inspect;
  }

  private async localImageId(ref: string): Promise<string | undefined> {
    try {
      return (await this.inspectImage(ref)).Id;
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw fromDockerError(err, { op: 'inspect image', image: ref });
    }
  }

  private async pull(image: string, ref: string): Promise<EnsureImageResult> {
    const t0 = Date.now();
    this.log.info({ image: ref }, 'image missing locally, pulling');
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.pullTimeoutMs);
    try {
      const stream = (await this.docker.pull(ref, { abortSignal: abort.signal })) as IncomingMessage;
      // The answer is 200 as soon as the pull starts; failures arrive as {"error": ...} lines.
      let buf = '';
      for await (const chunk of stream) {
        buf += String(chunk);
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (line === '') continue;
          let msg: { error?: unknown; errorDetail?: { message?: unknown } };
          try {
            msg = JSON.parse(line) as typeof msg;
          } catch {
            continue;
          }
          if (msg.error !== undefined) throw new Error(String(msg.errorDetail?.message ?? msg.error));
        }
      }
    } catch (err) {
      const timedOut = abort.signal.aborted;
      const reason = timedOut ? `no answer within ${this.pullTimeoutMs} ms` : engineMessage(err);
      this.log.warn({ image: ref, reason }, 'pull failed');
      throw new ClusterError(
        ErrorCode.NotFound,
        `image ${image} is not on this node and could not be pulled: ${reason}`,
        {
          hint: imageHint(image),
          details: { image, op: 'pull', reason: timedOut ? 'pull-timeout' : 'pull-failed', engineMessage: reason },
          cause: err,
        },
      );
    } finally {
      clearTimeout(timer);
    }
    const id = await this.localImageId(ref);
    if (id === undefined) {
      throw new ClusterError(ErrorCode.NotFound, `image ${image} is still missing after a pull that reported success`, {
        hint: imageHint(image),
        details: { image, op: 'pull' },
      });
    }
    this.log.info({ image: ref, durationMs: Date.now() - t0 }, 'pulled image');
    return { imageId: id, pulled: true };
  }

  /**
   * Like `docker run`: the create goes out at once and the engine resolves the image locally; only
   * when it answers "no such image" is the image pulled (ensureImage) and the create tried again. A
   * present image costs no extra engine request, and never a registry round trip.
   */
  async create(opts: CreateContainerOptions): Promise<string> {
    const body = toDockerCreateBody(opts);
    // Whether the container gets a health check: the spec's test says, else the image's config,
    // read (and cached for a minute) in parallel with the create, so it costs the start no time.
    const specTest = body.Healthcheck?.Test;
    const ref = normalizeImageRef(opts.spec.image);
    let check: Promise<boolean | undefined> =
      specTest !== undefined ? Promise.resolve(specTest[0] !== 'NONE') : this.imageHasHealthcheck(ref);
    let id: string | undefined;
    try {
      id = await this.createOnce(body, opts);
    } catch (err) {
      if (!isNoSuchImage(err)) throw fromDockerError(err, { op: 'create', image: opts.spec.image });
    }
    if (id === undefined) {
      await this.ensureImage(opts.spec.image);
      if (specTest === undefined) check = this.imageHasHealthcheck(ref);
      try {
        id = await this.createOnce(body, opts);
      } catch (err) {
        throw fromDockerError(err, { op: 'create', image: opts.spec.image });
      }
    }
    const has = await check;
    if (has !== undefined) this.containerChecks.set(id, has);
    return id;
  }

  createdWithHealthcheck(id: string): boolean | undefined {
    return this.containerChecks.get(id);
  }

  /** The image's own HEALTHCHECK (cached IMAGE_CHECK_TTL_MS); undefined when it cannot be read. Never rejects. */
  private async imageHasHealthcheck(ref: string): Promise<boolean | undefined> {
    const cached = this.imageChecks.get(ref);
    if (cached !== undefined && Date.now() - cached.at < IMAGE_CHECK_TTL_MS) return cached.has;
    try {
      return hasHealthcheck((await this.inspectImage(ref)).Config);
    } catch {
      return undefined;
    }
  }

  private async createOnce(body: ReturnType<typeof toDockerCreateBody>, opts: CreateContainerOptions): Promise<string> {
    const container = await this.docker.createContainer(body as Docker.ContainerCreateOptions);
    this.log.debug({ containerId: container.id, taskId: opts.ids.taskId, name: body.name }, 'created container');
    return container.id;
  }

  async start(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).start();
    } catch (err) {
      if (statusCodeOf(err) === 304) return; // already running
      throw fromDockerError(err, { op: 'start', containerId: id });
    }
  }

  private async rawInspect(id: string): Promise<Docker.ContainerInspectInfo> {
    try {
      return await this.docker.getContainer(id).inspect();
    } catch (err) {
      throw fromDockerError(err, { op: 'inspect', containerId: id });
    }
  }

  async inspect(id: string): Promise<ContainerInfo> {
    const raw = await this.rawInspect(id);
    const labels = raw.Config?.Labels ?? {};
    const ports: PublishedPort[] = [];
    for (const [key, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
      const [target, protocol] = key.split('/');
      for (const b of bindings ?? []) {
        ports.push({
          target: Number(target),
          protocol: (protocol ?? 'tcp') as PortProtocol,
          hostIp: b.HostIp,
          published: Number(b.HostPort),
        });
      }
    }
    return {
      id: raw.Id,
      name: raw.Name.replace(/^\//, ''),
      image: raw.Config?.Image ?? '',
      imageId: raw.Image,
      labels,
      ids: identityFromLabels(labels),
      status: toStatus(raw.State.Status),
      running: raw.State.Running,
      pid: raw.State.Pid,
      exitCode: raw.State.ExitCode,
      oomKilled: raw.State.OOMKilled,
      error: raw.State.Error ?? '',
      startedAt: toMs(raw.State.StartedAt),
      finishedAt: toMs(raw.State.FinishedAt),
      ports,
      hasHealthcheck: hasHealthcheck(raw.Config as { Healthcheck?: { Test?: string[] | null } } | undefined),
      health: raw.State.Running ? healthOf(raw.State as { Health?: RawHealth }) : undefined,
      ipAddress: ipAddressOf(raw.NetworkSettings),
      ips: Object.fromEntries(
        Object.entries(raw.NetworkSettings?.Networks ?? {})
          .filter(([, n]) => Boolean(n?.IPAddress))
          .map(([name, n]) => [name, n.IPAddress]),
      ),
    };
  }

  // Image shipping: the engine's images, saved and loaded as archives.
  async listImages(): Promise<ImageSummary[]> {
    try {
      const rows = await this.docker.listImages({ all: false });
      return rows.map((r) => ({
        id: r.Id,
        repoTags: (r.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
        sizeBytes: r.Size,
        created: r.Created,
      }));
    } catch (err) {
      throw fromDockerError(err, { op: 'list images' });
    }
  }

  async imageIdOf(ref: string): Promise<string | undefined> {
    try {
      return (await this.inspectImage(ref)).Id;
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw fromDockerError(err, { op: 'inspect image', image: ref });
    }
  }

  async saveImage(ref: string, signal?: AbortSignal): Promise<NodeJS.ReadableStream> {
    const stream = await this.dialStream(`/images/${encodeURIComponent(ref)}/get?`, 'GET', {}, signal, {
      op: 'save image',
    });
    if (!stream) throw Object.assign(new Error('image save aborted'), { name: 'AbortError' });
    return stream;
  }

  async loadImage(archive: NodeJS.ReadableStream, signal?: AbortSignal): Promise<LoadedImages> {
    const loaded: LoadedImages = { tags: [], ids: [] };
    let res: IncomingMessage;
    try {
      const opts: Record<string, unknown> = { quiet: true };
      if (signal) opts.abortSignal = signal;
      res = (await this.docker.loadImage(archive, opts)) as IncomingMessage;
    } catch (err) {
      throw fromDockerError(err, { op: 'load image' });
    }
    // The answer streams JSON lines: {"stream":"Loaded image: x:y\n"} or {"error": ...}.
    let buf = '';
    let failure: string | undefined;
    for await (const chunk of res) {
      buf += String(chunk);
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line === '') continue;
        let msg: { stream?: string; error?: string; errorDetail?: { message?: string } };
        try {
          msg = JSON.parse(line) as typeof msg;
        } catch {
          continue;
        }
        if (msg.error !== undefined) failure = msg.errorDetail?.message ?? msg.error;
        const text = (msg.stream ?? '').trim();
        const id = /^Loaded image ID: (sha256:[0-9a-f]{64})$/.exec(text)?.[1];
        const tag = /^Loaded image: (.+)$/.exec(text)?.[1];
        if (id !== undefined) loaded.ids.push(id);
        else if (tag !== undefined) loaded.tags.push(tag);
      }
    }
    if (failure !== undefined)
      throw new ClusterError(ErrorCode.Unavailable, `the engine could not load the image: ${failure}`, {
        hint: 'the archive was cut short or is damaged; it is fetched again',
        details: { op: 'load image', engineMessage: failure },
      });
    return loaded;
  }

  async tagImage(id: string, ref: string): Promise<void> {
    const at = ref.lastIndexOf(':');
    const slash = ref.lastIndexOf('/');
    const [repo, tag] = at > slash ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, 'latest'];
    try {
      await this.docker.getImage(id).tag({ repo, tag });
    } catch (err) {
      throw fromDockerError(err, { op: 'tag image', image: ref });
    }
  }

  async untagImage(ref: string): Promise<void> {
    try {
      await this.docker.getImage(ref).remove({ noprune: false });
    } catch (err) {
      if (statusCodeOf(err) === 404 || statusCodeOf(err) === 409) return;
      throw fromDockerError(err, { op: 'untag image', image: ref });
    }
  }

  // Networking: the node's cluster network.
  async ensureNetwork(spec: ClusterNetworkSpec): Promise<void> {
    let existing: Docker.NetworkInspectInfo | undefined;
    try {
      existing = (await this.docker.getNetwork(spec.name).inspect()) as Docker.NetworkInspectInfo;
    } catch (err) {
      if (statusCodeOf(err) !== 404) throw fromDockerError(err, { op: 'inspect network', network: spec.name });
    }
    if (existing) {
      const subnet = existing.IPAM?.Config?.[0]?.Subnet ?? '';
      const mtu = Number(existing.Options?.['com.docker.network.driver.mtu'] ?? 0);
      if (subnet === spec.subnet && mtu === spec.mtu) return;
      const users = Object.keys(existing.Containers ?? {}).length;
      if (users > 0) {
        throw new ClusterError(
          ErrorCode.Conflict,
          `the node's network ${spec.name} has subnet ${subnet} and MTU ${mtu}, the cluster wants ${spec.subnet} and MTU ${spec.mtu}, and ${users} containers use it`,
          { hint: 'drain the node (clusterctl node update --availability drain) so it is re-created empty' },
        );
      }
      this.log.info({ network: spec.name, subnet, mtu, want: spec }, 're-creating the cluster network');
      await this.removeNetwork(spec.name);
    }
    try {
      await this.docker.createNetwork({
        Name: spec.name,
        Driver: 'bridge',
        CheckDuplicate: true,
        IPAM: { Driver: 'default', Config: [{ Subnet: spec.subnet, Gateway: spec.gateway }] },
        Options: {
          'com.docker.network.bridge.name': spec.bridge,
          'com.docker.network.bridge.enable_ip_masquerade': 'false',
          'com.docker.network.driver.mtu': String(spec.mtu),
        },
        Labels: spec.labels,
      });
    } catch (err) {
      if (statusCodeOf(err) === 409) return;
      throw fromDockerError(err, { op: 'create network', network: spec.name });
    }
  }

  async removeNetwork(name: string): Promise<void> {
    try {
      await this.docker.getNetwork(name).remove();
    } catch (err) {
      if (statusCodeOf(err) === 404) return;
      throw fromDockerError(err, { op: 'remove network', network: name });
    }
  }

  async stop(id: string, opts: StopOptions = {}): Promise<void> {
    const graceMs = Math.max(0, opts.graceMs ?? this.defaultStopGraceMs);
    const raw = await this.rawInspect(id);
    if (!raw.State.Running) return;
    const container = this.docker.getContainer(id);
    if (raw.State.Paused) await this.ignoreNotRunning(container.unpause(), 'unpause', id);
    // Our own stop instead of the engine's: the engine counts the grace in whole seconds.
    const waitAbort = new AbortController();
    const exited = this.waitExit(id, waitAbort.signal, false).then(
      () => true,
      (err: unknown) => {
        if (isAbort(err, waitAbort.signal)) return false;
        if (err instanceof ClusterError && err.code === ErrorCode.NotFound) return true; // removed meanwhile: stopped
        throw err;
      },
    );
    // Observed below (race / finally); this keeps an early rejection from counting as unhandled.
    exited.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      const signal = (raw.Config as { StopSignal?: string } | undefined)?.StopSignal || 'SIGTERM';
      if (graceMs > 0 && !(await this.ignoreNotRunning(container.kill({ signal }), 'stop', id))) return;
      const graceOver = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      });
      if (graceMs > 0 && (await Promise.race([exited, graceOver]))) return;
      this.log.debug({ containerId: id, graceMs }, 'grace period over, killing');
      await this.ignoreNotRunning(container.kill({ signal: 'SIGKILL' }), 'kill', id);
      await exited;
    } finally {
      clearTimeout(timer);
      waitAbort.abort();
      await exited.catch(() => undefined);
    }
  }

  /** Awaits an engine call; false when the container was no longer running (409) or is gone (404). */
  private async ignoreNotRunning(call: Promise<unknown>, op: string, id: string): Promise<boolean> {
    try {
      await call;
      return true;
    } catch (err) {
      const status = statusCodeOf(err);
      if (status === 409 || status === 404 || status === 304) return false;
      throw fromDockerError(err, { op, containerId: id });
    }
  }

  async remove(id: string, opts: { force?: boolean } = {}): Promise<void> {
    this.containerChecks.delete(id);
    try {
      await this.docker.getContainer(id).remove({ force: opts.force ?? false, v: true });
    } catch (err) {
      const status = statusCodeOf(err);
      if (status === 404) return;
      if (status === 409 && /already in progress/i.test(engineMessage(err))) return;
      throw fromDockerError(err, { op: 'remove', containerId: id });
    }
  }

  async *logs(id: string, opts: LogOptions = {}): AsyncGenerator<LogLine> {
    const raw = await this.rawInspect(id);
    const query: Record<string, unknown> = {
      follow: opts.follow ?? false,
      stdout: opts.stdout ?? true,
      stderr: opts.stderr ?? true,
      timestamps: true,
      tail: opts.tail === undefined ? 'all' : String(Math.max(0, Math.floor(opts.tail))),
    };
    if (opts.sinceMs !== undefined) query.since = (opts.sinceMs / 1000).toFixed(3);
    const stream = await this.dialStream(`/containers/${encodeURIComponent(id)}/logs?`, 'GET', query, opts.signal, {
      op: 'logs',
      containerId: id,
    });
    if (!stream) return; // aborted before the engine answered
    const demux = new LogDemuxer({ multiplexed: !raw.Config?.Tty, timestamps: true });
    const onAbort = () => stream.destroy();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of stream) yield* demux.push(chunk as Buffer);
      yield* demux.end();
    } catch (err) {
      if (!isAbort(err, opts.signal)) throw fromDockerError(err, { op: 'logs', containerId: id });
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      stream.destroy();
    }
  }

  /** A streaming request; resolves undefined when the signal aborted it. */
  private dialStream(
    path: string,
    method: string,
    options: Record<string, unknown>,
    signal: AbortSignal | undefined,
    ctx: { op: string; containerId?: string },
  ): Promise<IncomingMessage | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const dial: Parameters<Docker['modem']['dial']>[0] = {
        path,
        method,
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' },
        options,
      };
      if (signal) dial.abortSignal = signal;
      this.docker.modem.dial(dial, (err, stream) => {
        if (err && isAbort(err, signal)) resolve(undefined);
        else if (err) reject(fromDockerError(err, ctx));
        else resolve(stream as IncomingMessage);
      });
    });
  }

  async list(opts: ListOptions = {}): Promise<ContainerSummary[]> {
    try {
      const rows = await this.docker.listContainers({
        all: opts.all ?? true,
        filters: { label: labelFilter(opts.labels) },
      });
      return rows.map((r) => ({
        id: r.Id,
        name: (r.Names[0] ?? '').replace(/^\//, ''),
        image: r.Image,
        labels: r.Labels ?? {},
        ids: identityFromLabels(r.Labels),
        status: toStatus(r.State),
        createdAt: r.Created * 1000,
      }));
    } catch (err) {
      throw fromDockerError(err, { op: 'list containers' });
    }
  }

  async wait(id: string, opts: { signal?: AbortSignal } = {}): Promise<ExitResult> {
    return this.waitExit(id, opts.signal, true);
  }

  /**
   * The engine's OOM notice can land a moment after the exit it caused (over a second on a busy
   * machine), so for a SIGKILL exit (137) of a container with a memory limit (the only kind the
   * kernel kills for its own cgroup) not yet flagged OOM, the state is read again for up to ~3 s.
   * Containers without a memory limit report at once.
   */
  private async waitExit(id: string, signal: AbortSignal | undefined, settleOom: boolean): Promise<ExitResult> {
    let res: { StatusCode?: number; Error?: { Message?: string } | null };
    try {
      const waitOpts: Record<string, unknown> = { condition: 'not-running' };
      if (signal) waitOpts.abortSignal = signal;
      res = (await this.docker.getContainer(id).wait(waitOpts)) as typeof res;
    } catch (err) {
      if (isAbort(err, signal)) throw err;
      throw fromDockerError(err, { op: 'wait', containerId: id });
    }
    const exitCode = res.StatusCode ?? -1;
    let oomKilled = false;
    let memoryLimited = false;
    let error = res.Error?.Message ?? '';
    for (let attempt = 0; ; attempt++) {
      try {
        const raw = await this.docker.getContainer(id).inspect();
        oomKilled = raw.State.OOMKilled;
        error ||= raw.State.Error ?? '';
        if (attempt === 0) memoryLimited = (raw.HostConfig?.Memory ?? 0) > 0;
      } catch {
        break; // removed right after it exited (e.g. by a concurrent remove): the exit code is all we have
      }
      if (oomKilled || !settleOom || exitCode !== 137 || !memoryLimited || attempt === 30) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { exitCode, oomKilled, error };
  }

  events(opts: EventOptions = {}): AsyncIterable<ContainerEvent> {
    // The request goes out on the first next(); asking for events since now keeps the ones between.
    const sinceMs = opts.sinceMs ?? Date.now();
    return { [Symbol.asyncIterator]: () => this.streamEvents(opts, sinceMs) };
  }

  private async *streamEvents(opts: EventOptions, sinceMs: number): AsyncGenerator<ContainerEvent> {
    const filters: Record<string, string[]> = { type: ['container'] };
    const labels = labelFilter(opts.labels);
    if (labels.length > 0) filters.label = labels;
    const since = (sinceMs / 1000).toFixed(3);
    const stream = await this.dialStream('/events?', 'GET', { filters, since }, opts.signal, { op: 'events' });
    if (!stream) return;
    let buf = '';
    const onAbort = () => stream.destroy();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of stream) {
        buf += String(chunk);
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          const ev = line === '' ? undefined : parseEvent(line);
          if (ev) yield ev;
        }
      }
    } catch (err) {
      if (!isAbort(err, opts.signal)) throw fromDockerError(err, { op: 'events' });
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      stream.destroy();
    }
  }
}

interface RawHealth {
  Status?: string;
  FailingStreak?: number;
  Log?: Array<{ ExitCode?: number; Output?: string }> | null;
}

function hasHealthcheck(config: { Healthcheck?: { Test?: string[] | null } | null } | null | undefined): boolean {
  const test = config?.Healthcheck?.Test ?? [];
  return test.length > 0 && test[0] !== 'NONE';
}

function healthOf(state: { Health?: RawHealth }): ContainerHealth | undefined {
  const h = state.Health;
  if (h === undefined || !HEALTH_STATUSES.has(h.Status as ContainerHealthStatus)) return undefined;
  const last = h.Log?.[h.Log.length - 1];
  return {
    status: h.Status as ContainerHealthStatus,
    failingStreak: h.FailingStreak ?? 0,
    lastOutput: (last?.Output ?? '').trim().slice(-MAX_PROBE_OUTPUT_CHARS),
    lastExitCode: last?.ExitCode,
  };
}

function ipAddressOf(ns: Docker.ContainerInspectInfo['NetworkSettings'] | undefined): string {
  const top = (ns as { IPAddress?: string } | undefined)?.IPAddress;
  if (top) return top;
  for (const n of Object.values(ns?.Networks ?? {})) if (n.IPAddress) return n.IPAddress;
  return '';
}

/** Exported for its unit test. */
export function parseEvent(line: string): ContainerEvent | undefined {
  let raw: {
    Action?: string;
    status?: string;
    id?: string;
    Actor?: { ID?: string; Attributes?: Record<string, string> };
    time?: number;
    timeNano?: number;
  };
  try {
    raw = JSON.parse(line) as typeof raw;
  } catch {
    return undefined;
  }
  const rawAction = raw.Action ?? raw.status ?? '';
  const id = raw.Actor?.ID ?? raw.id ?? '';
  if (id === '') return undefined;
  const attrs = raw.Actor?.Attributes ?? {};
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (!NON_LABEL_ATTRIBUTES.has(k)) labels[k] = v;
  // The health state is only in the action ("health_status: healthy"), not in the attributes.
  const health = /^health_status: *(\w+)$/.exec(rawAction)?.[1] as ContainerHealthStatus | undefined;
  const action: ContainerEventAction =
    health !== undefined && HEALTH_STATUSES.has(health)
      ? 'health_status'
      : EVENT_ACTIONS.has(rawAction as ContainerEventAction)
        ? (rawAction as ContainerEventAction)
        : 'other';
  const ev: ContainerEvent = {
    id,
    action,
    rawAction,
    labels,
    ids: identityFromLabels(labels),
    time: raw.timeNano !== undefined ? Math.floor(raw.timeNano / 1e6) : (raw.time ?? 0) * 1000,
  };
  if (action === 'die' && attrs.exitCode !== undefined) ev.exitCode = Number(attrs.exitCode);
  if (action === 'health_status') ev.health = health!;
  return ev;
}

/** The fields of the engine's stats answer used here. */
interface DockerStats {
  cpu_stats?: { cpu_usage?: { total_usage?: number } };
  memory_stats?: { usage?: number };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
}
