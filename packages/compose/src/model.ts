// The compose application model after loading: every value checked and converted (durations in ms,
// sizes in bytes, CPUs in nano-CPUs, ports and volumes in their long form, lists-or-maps as maps).
// It is the whole compose file as a cluster reads it; which parts map onto cluster objects is
// stack.ts's business.

export interface ComposeProject {
  services: Record<string, ComposeService>;
  networks: Record<string, ComposeNetwork>;
  volumes: Record<string, ComposeVolume>;
  secrets: Record<string, ComposeFileObject>;
  configs: Record<string, ComposeFileObject>;
  /** Keys present in the file that a cluster does not honour (`services.web.build`), sorted. */
  ignored: IgnoredKey[];
}

export interface IgnoredKey {
  /** `services.web.build` */
  path: string;
  /** The key itself (`build`), what `Ignoring unsupported options:` lists. */
  key: string;
  why: string;
}

export interface PortMapping {
  target: number;
  /** 0: not published. */
  published: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** ingress (the routing mesh, default) | host */
  mode: 'ingress' | 'host';
  hostIp: string;
}

export interface Mount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** A named volume (top-level `volumes`), a host path (bind, absolute), '' for tmpfs / anonymous volumes. */
  source: string;
  target: string;
  readOnly: boolean;
  /** tmpfs only; 0: the engine's default. */
  tmpfsSizeBytes: number;
  /** volumes only: do not copy the image's content into a new volume. */
  noCopy: boolean;
}

export interface FileReference {
  /** The top-level secret or config name. */
  source: string;
  /** Where it appears in the container (secrets: a name under /run/secrets or an absolute path). */
  target: string;
  uid: string;
  gid: string;
  /** 0: the default (0444). */
  mode: number;
}

export interface HealthCheck {
  /** ["CMD", ...] | ["CMD-SHELL", cmd] | ["NONE"]; [] inherits the image's. */
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
  startIntervalMs: number;
  disable: boolean;
}

export interface UpdatePolicy {
  parallelism: number;
  delayMs: number;
  failureAction: 'continue' | 'rollback' | 'pause';
  monitorMs: number;
  maxFailureRatio: number;
  order: 'stop-first' | 'start-first';
}

export interface ResourceSet {
  nanoCpus: number;
  memoryBytes: number;
  pids: number;
}

export interface RestartPolicy {
  condition: 'none' | 'on-failure' | 'any';
  delayMs: number;
  maxAttempts: number;
  windowMs: number;
}

export interface Deploy {
  mode: 'replicated' | 'global';
  /** Replicated mode; 1 when the file says nothing. */
  replicas: number;
  constraints: string[];
  /** `spread=node.labels.zone` */
  preferences: string[];
  /** 0: no limit. */
  maxReplicasPerNode: number;
  limits: ResourceSet;
  reservations: ResourceSet;
  restartPolicy?: RestartPolicy;
  updateConfig?: UpdatePolicy;
  rollbackConfig?: UpdatePolicy;
  labels: Record<string, string>;
  endpointMode: 'vip' | 'dnsrr';
}

export interface ServiceNetwork {
  aliases: string[];
}

export interface ComposeService {
  name: string;
  image: string;
  /** Replaces the image's CMD; undefined: the image's. */
  command?: string[];
  /** Replaces the image's ENTRYPOINT; undefined: the image's. */
  entrypoint?: string[];
  /** env_file entries first, `environment` over them; a null value (`- KEY`) is dropped. */
  environment: Record<string, string>;
  ports: PortMapping[];
  /** Network name (top-level key) -> its options; {} means the default network. */
  networks: Record<string, ServiceNetwork>;
  volumes: Mount[];
  secrets: FileReference[];
  configs: FileReference[];
  healthcheck?: HealthCheck;
  labels: Record<string, string>;
  user: string;
  workingDir: string;
  hostname: string;
  /** undefined: the cluster's default. */
  stopGracePeriodMs?: number;
  stopSignal: string;
  init?: boolean;
  readOnly: boolean;
  capAdd: string[];
  capDrop: string[];
  ulimits: Record<string, { soft: number; hard: number }>;
  sysctls: Record<string, string>;
  logging?: { driver: string; options: Record<string, string> };
  deploy: Deploy;
}

export interface ComposeNetwork {
  /** The name on the cluster: `name:` or the stack-prefixed key. */
  name?: string;
  external: boolean;
  driver: string;
  driverOpts: Record<string, string>;
  attachable: boolean;
  internal: boolean;
  labels: Record<string, string>;
  subnets: string[];
}

export interface ComposeVolume {
  name?: string;
  external: boolean;
  driver: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
}

export interface ComposeFileObject {
  name?: string;
  external: boolean;
  /** Absolute path of `file:` (resolved against the compose file's folder). */
  file?: string;
  /** configs: inline `content:`. */
  content?: string;
  /** `environment:` the value comes from this variable. */
  environment?: string;
  labels: Record<string, string>;
}
