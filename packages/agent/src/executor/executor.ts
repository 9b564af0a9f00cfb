// The executor: everything the agent needs from a node's container engine, behind one interface so
// the agent's own tests can run against FakeExecutor. DockerExecutor is the only implementation that
// touches the engine (dockerode); nothing outside this folder imports dockerode.

/** Which task a container belongs to; written into the container's labels (see labels.ts). */
export interface TaskIdentity {
  clusterId: string;
  serviceId: string;
  taskId: string;
  nodeId: string;
  /** Replicated services: slot 1..N; global services: 0. */
  slot?: number;
  /** Human-readable service name; used in the container name and as a label. */
  serviceName?: string;
}

export type PortProtocol = 'tcp' | 'udp';

/** A port of the container, published on the node when `published` is a port number (> 0). */
export interface PortMapping {
  target: number;
  /** Port on the node; absent or 0: the port is only exposed, not published. */
  published?: number;
  protocol: PortProtocol;
  /**
   * Networking: ingress (default) = the cluster's routing mesh answers on every node, so with a
   * task network the container publishes no host port; host = bound on this node only.
   */
  mode?: 'ingress' | 'host';
}

/** Docker's units: 1e-9 CPUs and bytes. 0 or absent means no limit. */
export interface ResourceAmounts {
  nanoCpus?: number;
  memoryBytes?: number;
}

/**
 * What to run. Field names and shapes follow the store's ServiceSpec so the agent can pass a task's
 * spec straight through. Restart policy is deliberately absent: restarts are the orchestrator's job,
 * containers are always created with Docker's restart policy "no".
 */
export interface ContainerSpec {
  image: string;
  /** Replaces the image's CMD when non-empty (argv form); the image's ENTRYPOINT is kept. */
  command?: string[];
  /** "KEY=VALUE" entries, in order. */
  env?: string[];
  /** User labels; the com.clusterctl.* namespace is reserved for the executor's own labels. */
  labels?: Record<string, string>;
  ports?: PortMapping[];
  resources?: { limits?: ResourceAmounts; reservations?: ResourceAmounts };
  // health check and stop
  /** Absent: the image's HEALTHCHECK, if it has one. */
  healthcheck?: HealthCheckSpec;
  /** Time between the stop signal and SIGKILL (absent: the node's default). */
  stopGracePeriodMs?: number;
  /** e.g. SIGTERM (absent: the image's STOPSIGNAL, else SIGTERM). */
  stopSignal?: string;

  // Mounts and container options (as the store's ServiceSpec; absent: the image's or engine's default)
  mounts?: MountSpec[];
  /** Replaces the image's ENTRYPOINT (argv form); the image's CMD is then not used either (as Docker). */
  entrypoint?: string[];
  workdir?: string;
  user?: string;
  /** May hold templates ({{.Task.Slot}} ...), expanded with the task's identity and nodeHostname. */
  hostname?: string;
  init?: boolean;
  readOnly?: boolean;
  capAdd?: string[];
  capDrop?: string[];
  ulimits?: Array<{ name: string; soft: number; hard: number }>;
  sysctls?: Record<string, string>;
  groups?: string[];
  /** Container labels, merged over `labels` (the com.clusterctl.* namespace is reserved). */
  containerLabels?: Record<string, string>;
  tty?: boolean;
  logDriver?: { name: string; options: Record<string, string> };
  // Secrets and configs: files the agent writes on its tmpfs and mounts (read-only) at `target`.
  files?: TaskFileRef[];
  // Image pinning: the ID the service's image was pinned to (the task is refused on another ID).
  imageId?: string;
}

/**
 * A task's health check, as the store's HealthCheck: a command the engine runs in the container
 * (`test` in Docker's form), or an HTTP/TCP probe the agent makes (then the engine runs no check).
 * Timings 0 mean the defaults (HEALTHCHECK_DEFAULTS).
 */
export interface HealthCheckSpec {
  /** ['CMD', arg...], ['CMD-SHELL', command], ['NONE'], or [] (the image's test, or an agent probe). */
  test: string[];
  http?: { port: number; path: string };
  tcp?: { port: number };
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

/** Docker's defaults for a check's timings (the one table in common). */
export { HEALTHCHECK_DEFAULTS } from '@clusterctl/common';

export type ContainerHealthStatus = 'starting' | 'healthy' | 'unhealthy';

/** The engine's health of a container that has a check (State.Health). */
export interface ContainerHealth {
  status: ContainerHealthStatus;
  failingStreak: number;
  /** Output of the last probe ('' when none ran yet). */
  lastOutput: string;
  /** Exit code of the last probe (undefined when none ran yet). */
  lastExitCode: number | undefined;
}

export interface MountSpec {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name (absent: anonymous, removed with the container) or absolute host path. */
  source?: string;
  target: string;
  readOnly: boolean;
  bindPropagation?: string;
  /** How a named volume is created when the node does not have it yet. */
  volume?: { driver?: string; options?: Record<string, string>; labels?: Record<string, string>; noCopy?: boolean };
  tmpfs?: { sizeBytes?: number; mode?: number };
}

/** A secret or config a task uses (no data: the agent asks the dispatcher for it when it prepares the task). */
export interface TaskFileRef {
  kind: 'secret' | 'config';
  id: string;
  name: string;
  /** Absolute path in the container. */
  target: string;
  uid: string;
  gid: string;
  mode: number;
}

/** A host file bound read-only into the container. */
export interface FileMount {
  source: string;
  target: string;
}

export interface CreateContainerOptions {
  ids: TaskIdentity;
  spec: ContainerSpec;
  /** Container name; default `<service>.<slot or node>.<task>` (Docker-safe characters only). */
  name?: string;
  /** Host address published ports bind to; default all interfaces (0.0.0.0). */
  hostIp?: string;
  /** Recorded as the container's stop timeout (rounded up to whole seconds) for a manual `docker stop`. */
  stopGraceMs?: number;
  /** The node's hostname as the cluster knows it ({{.Node.Hostname}} in hostname templates). */
  nodeHostname?: string;
  /** Networking: the cluster network the container joins (absent: Docker's default bridge, as before). */
  network?: TaskNetwork;
  /** Secret and config files (on the agent's tmpfs) bound read-only into the container. */
  fileMounts?: FileMount[];
}

/** Networking: the node's cluster network as a task container joins it. */
export interface TaskNetwork {
  /** Docker network name. */
  name: string;
  /** Resolvers of the container (the node's cluster DNS on the bridge gateway). */
  dns: string[];
  /** Search domains (the cluster domain: single-label names reach the cluster DNS). */
  dnsSearch: string[];
}

/** Networking: the node's cluster network in the engine (a bridge network on the node's subnet). */
export interface ClusterNetworkSpec {
  name: string;
  /** Linux bridge name. */
  bridge: string;
  subnet: string;
  gateway: string;
  mtu: number;
  labels: Record<string, string>;
}

/** Networking: the engine's side of the node's cluster network (DockerExecutor implements it). */
export interface NetworkEngine {
  /**
   * The network exists afterwards with this subnet and MTU. One with other settings is re-created
   * when no container uses it; CONFLICT (with a hint) when one does.
   */
  ensureNetwork(spec: ClusterNetworkSpec): Promise<void>;
  /** Removes it; absent is not an error. */
  removeNetwork(name: string): Promise<void>;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PublishedPort {
  target: number;
  protocol: PortProtocol;
  hostIp: string;
  published: number;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  imageId: string;
  labels: Record<string, string>;
  /** The task identity read back from the labels; undefined when the labels are not ours. */
  ids: TaskIdentity | undefined;
  status: ContainerStatus;
  running: boolean;
  pid: number;
  /** Exit code of the last run (0 while it has never exited). */
  exitCode: number;
  oomKilled: boolean;
  /** Engine error for the last start (e.g. a port already in use), '' when none. */
  error: string;
  /** ms since the Unix epoch; undefined when it never started / never finished. */
  startedAt: number | undefined;
  finishedAt: number | undefined;
  ports: PublishedPort[];
  /** The container has an engine health check (its own or its image's, not disabled). */
  hasHealthcheck: boolean;
  /** The engine's health while it runs with a check; undefined otherwise. */
  health: ContainerHealth | undefined;
  /** The container's address on the first network it is attached to ('' when none). */
  ipAddress: string;
  /** Networking: the container's IPv4 address on each network it joined, by network name. */
  ips?: Record<string, string>;
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  ids: TaskIdentity | undefined;
  status: ContainerStatus;
  /** ms since the Unix epoch. */
  createdAt: number;
}

export interface ListOptions {
  /**
   * Label filter: every entry must match. A string value matches that exact value; `true` matches
   * any container that has the label.
   */
  labels?: Record<string, string | true>;
  /** Include stopped containers (default true: the agent must see exited ones too). */
  all?: boolean;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  /** The line without its trailing newline. */
  line: string;
  /** ms since the Unix epoch, as stamped by the engine. */
  timestamp: number;
}

export interface LogOptions {
  /** Keep the iteration open and yield new lines as they come, until the container stops or the signal aborts. */
  follow?: boolean;
  /** Only the last N lines of what is already there (default: all), counted over both streams before stdout/stderr selection (as the engine does). */
  tail?: number;
  /** Only lines since this time (ms since the Unix epoch). */
  sinceMs?: number;
  stdout?: boolean;
  stderr?: boolean;
  signal?: AbortSignal;
}

export interface ExitResult {
  exitCode: number;
  /** Killed for exceeding its memory limit (exit code 137 then). */
  oomKilled: boolean;
  error: string;
}

export type ContainerEventAction =
  'create' | 'start' | 'die' | 'stop' | 'kill' | 'oom' | 'destroy' | 'pause' | 'unpause' | 'health_status' | 'other';

export interface ContainerEvent {
  id: string;
  action: ContainerEventAction;
  /** The engine's own action string (e.g. 'kill', 'exec_start: sh'). */
  rawAction: string;
  labels: Record<string, string>;
  ids: TaskIdentity | undefined;
  /** Set on 'die'. */
  exitCode?: number;
  /** Set on 'health_status' (the engine's action is `health_status: healthy`). */
  health?: ContainerHealthStatus;
  /** ms since the Unix epoch. */
  time: number;
}

export interface EventOptions {
  labels?: Record<string, string | true>;
  /** Replay events since this time (ms since the Unix epoch); default: the time of the call, so no event after it is missed. */
  sinceMs?: number;
  signal?: AbortSignal;
}

export interface StopOptions {
  /** How long the container gets after its stop signal before it is killed. */
  graceMs?: number;
}

export interface EnsureImageResult {
  imageId: string;
  /** True when the image had to be pulled. */
  pulled: boolean;
}

export interface EngineInfo {
  hostname: string;
  serverVersion: string;
  apiVersion: string;
  ncpu: number;
  memoryBytes: number;
  /** `key=value` engine labels parsed into a record. */
  labels: Record<string, string>;
  os: string;
  arch: string;
}

/**
 * The container engine as the agent sees it. Every method rejects only with ClusterError for
 * conditions a user can act on (codes from @clusterctl/common: NOT_FOUND, CONFLICT, UNAVAILABLE, ...).
 */
export interface Executor {
  /** Engine facts for scheduling (CPU, memory, labels). */
  engineInfo(): Promise<EngineInfo>;
  /** The image is present afterwards; pulls only when it is missing. NOT_FOUND when it cannot be had. */
  ensureImage(image: string): Promise<EnsureImageResult>;
  /** Creates (does not start) the container; ensures the image first. Returns the container id. */
  create(opts: CreateContainerOptions): Promise<string>;
  /**
   * Whether a container this executor created has an engine health check (its spec's, or its
   * image's HEALTHCHECK), as known at create without another engine request; undefined when not
   * known (then inspect says: hasHealthcheck).
   */
  createdWithHealthcheck(id: string): boolean | undefined;
  start(id: string): Promise<void>;
  inspect(id: string): Promise<ContainerInfo>;
  /** Stop signal, then SIGKILL after the grace period. A container that is not running is left as is. */
  stop(id: string, opts?: StopOptions): Promise<void>;
  /** Removes the container (force: even when running). A container that is already gone is not an error. */
  remove(id: string, opts?: { force?: boolean }): Promise<void>;
  /** Demultiplexed stdout/stderr lines. Ends when the container stops (follow) or the signal aborts. */
  logs(id: string, opts?: LogOptions): AsyncIterable<LogLine>;
  list(opts?: ListOptions): Promise<ContainerSummary[]>;
  /** Resolves when the container is not running (at once if it already is not). Call after start. Rejects with an AbortError when the signal aborts. */
  wait(id: string, opts?: { signal?: AbortSignal }): Promise<ExitResult>;
  /** Container events from the time of the call (or sinceMs) on, until the signal aborts or the iteration is left. */
  events(opts?: EventOptions): AsyncIterable<ContainerEvent>;
  /** One sample of a running container's resource use (metrics); optional. */
  stats?(id: string): Promise<ContainerStats>;
  /** Resolves when the engine answers (metrics: engine health); optional. */
  ping?(): Promise<void>;
}

/** Image shipping: an image the engine holds. */
export interface ImageSummary {
  /** sha256:... */
  id: string;
  /** As the engine lists them (busybox:latest); empty for an untagged image. */
  repoTags: string[];
  sizeBytes: number;
  /** s since the Unix epoch. */
  created: number;
}

/** Image shipping: what `docker load` reports it loaded. */
export interface LoadedImages {
  /** Tags the archive set (`Loaded image: NAME:TAG`). */
  tags: string[];
  /** Untagged images it loaded (`Loaded image ID: sha256:...`). */
  ids: string[];
}

/** Image shipping: the engine's images, saved and loaded as `docker save` / `docker load` archives. */
export interface ImageEngine {
  listImages(): Promise<ImageSummary[]>;
  /** The ID of the local image `ref` (a reference or an ID) names; undefined when absent. */
  imageIdOf(ref: string): Promise<string | undefined>;
  /** The `docker save` archive of `ref`, streamed from the engine. */
  saveImage(ref: string, signal?: AbortSignal): Promise<NodeJS.ReadableStream>;
  /** Streams an archive into `docker load`; resolves once the engine loaded it. */
  loadImage(archive: NodeJS.ReadableStream, signal?: AbortSignal): Promise<LoadedImages>;
  /** `docker tag ID REF`. */
  tagImage(id: string, ref: string): Promise<void>;
  /** Removes a tag (the image stays while other tags or containers use it); absent is not an error. */
  untagImage(ref: string): Promise<void>;
}

/** A running container's resource use, as the engine counts it. */
export interface ContainerStats {
  /** CPU time used since the container started, in seconds. */
  cpuSeconds: number;
  memoryBytes: number;
  /** Summed over the container's network interfaces. */
  networkReceiveBytes: number;
  networkTransmitBytes: number;
}
