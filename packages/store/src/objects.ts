// The records kept in the replicated cluster store. Every record is plain JSON-serializable data
// (the kv table's value is the one exception: a Uint8Array, base64 on the wire) with an `id` and a
// `meta` the store sets when a change is applied. Records handed out by the store are frozen: to
// change one, build a new object ({ ...old, field }) and pass it to tx.update().
import { DEFAULT_CERT_EXPIRY_MS } from '@clusterctl/common';

/** Set by the store on apply; never by callers (whatever a caller puts here is ignored). */
export interface Meta {
  /** Raft index of the entry that last changed the record. Also the optimistic-concurrency token. */
  version: number;
  /** Milliseconds since the Unix epoch, taken from the proposal that created the record. */
  createdAt: number;
  /** Milliseconds since the Unix epoch, taken from the proposal that last changed the record. */
  updatedAt: number;
}

export interface StoredObject {
  id: string;
  meta: Meta;
}

/** What callers give to tx.create()/tx.put(): a record without meta (and optionally without id). */
export type NewObject<T extends StoredObject> = Omit<T, 'meta' | 'id'> & { id?: string; meta?: Meta };

// ---------------------------------------------------------------------------------------------
// Shared pieces

export interface Resources {
  /** CPU in units of 1e-9 CPUs (Docker's NanoCPUs). */
  nanoCpus: number;
  memoryBytes: number;
}

export type Labels = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Nodes

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
export type NodeState = 'unknown' | 'ready' | 'down';

export interface NodeStatus {
  state: NodeState;
  message: string;
  /** When the state last changed, ms since the Unix epoch (the leader's clock). */
  timestamp: number;
}

export interface ManagerStatus {
  /** The raft member id of this manager. */
  raftId: number;
  /** Address other managers reach it on (host:port). */
  addr: string;
}

export interface Node extends StoredObject {
  hostname: string;
  /**
   * Optional operator-chosen name, unique among nodes when non-empty (enforced on apply).
   * Hostnames are NOT unique: a machine that is wiped and rejoins gets a new id, same hostname.
   */
  name?: string;
  role: NodeRole;
  availability: NodeAvailability;
  status: NodeStatus;
  /** Address the node's agent was last seen at (ip or ip:port). */
  addr: string;
  /** Operator labels (`node update --label-add`), used by placement constraints node.labels.*. */
  labels: Labels;
  /** Resources the node reports as available to tasks. */
  resources: Resources;
  /** Labels of the node's container engine (engine.labels.* constraints). */
  engineLabels: Labels;
  platform?: { os: string; arch: string };
  managerStatus?: ManagerStatus;
  /** sha256 (hex) of the root CA that issued the certificate the node uses, as its heartbeats report (root rotation progress). */
  certRootDigest?: string;
  /** Networking: the node's part of the cluster network (absent: none allocated yet). */
  network?: NodeNetwork;
  /**
   * Mesh port conflicts: the ports processes other than clusterctl listen on, on the node's own
   * addresses, as its heartbeats last reported them (absent: never reported, e.g. no data plane).
   */
  listeningPorts?: MeshPortHolder[];
}

/** Mesh port conflicts: a port a process other than ours listens on, on a node. */
export interface MeshPortHolder {
  port: number;
  protocol: PortProtocol;
  addr: string;
  /** The process's name ('' unknown). */
  process: string;
  /** 0 unknown. */
  pid: number;
}

/** Networking: a condition that limits a node's data plane, with a hint. */
export interface NodeCondition {
  code: string;
  message: string;
  hint: string;
}

/** Networking: what a node's kernel and tools allow, as its agent reports them. */
export interface NetworkCapabilities {
  vxlan: boolean;
  nftables: boolean;
  policyRouting: boolean;
  conntrack: boolean;
  /** false: the node runs with its data plane off. */
  enabled: boolean;
  conditions: NodeCondition[];
  underlayMtu: number;
}

export interface NodeNetwork {
  /** The node's subnet of the cluster CIDR (e.g. 10.240.3.0/24); unique (enforced on apply). */
  subnet: string;
  /** As the node's agent last reported them (absent: never). */
  capabilities?: NetworkCapabilities;
}

// ---------------------------------------------------------------------------------------------
// Services

export type ServiceMode = { kind: 'replicated'; replicas: number } | { kind: 'global' };

export type PortProtocol = 'tcp' | 'udp';

export interface PortConfig {
  /** Port published on the node (0/absent: none chosen). */
  published?: number;
  /** Port inside the container. */
  target: number;
  protocol: PortProtocol;
  /**
   * 'ingress': answers on every node (the cluster's mesh; absent means ingress); 'host': bound only
   * on the node running the task. A published port is unique cluster-wide whatever its mode.
   */
  publishMode?: PublishMode;
  /**
   * An ingress port's connections: absent, spread over every healthy task of the service (Docker
   * Swarm's routing mesh); 'local-first', a node running a task sends them to its own tasks only
   * (no hop between nodes; the load follows what enters each node).
   */
  route?: 'local-first';
}

export type PublishMode = 'host' | 'ingress';

export type EndpointMode = 'vip' | 'dnsrr';

export type RestartCondition = 'none' | 'on-failure' | 'any';

export interface RestartPolicy {
  condition: RestartCondition;
  /** Delay before the first restart; later restarts back off from it (doubling, capped). */
  delayMs: number;
  /** 0 = unlimited. */
  maxAttempts: number;
  /** Window over which attempts are counted; 0 = forever. */
  windowMs?: number;
}

export interface ServiceSpec {
  name: string;
  image: string;
  /** Overrides the image's entrypoint+cmd when non-empty (argv form). */
  command: string[];
  /** "KEY=VALUE" entries, in order. */
  env: string[];
  labels: Labels;
  mode: ServiceMode;
  /** Placement constraints, e.g. "node.role==manager", "node.labels.zone!=a". */
  constraints: string[];
  resources: { reservations: Resources; limits: Resources };
  ports: PortConfig[];
  restartPolicy: RestartPolicy;
  /**
   * Bumped by `service update --force` (absent: 0). Part of the spec, so a new value makes every
   * task of an older spec outdated and the orchestrator replaces them (rolling), as in Swarm.
   */
  forceUpdate?: number;
  // update and rollback policies (part of the spec, not of the task template)
  /** How a spec change rolls out (absent, or fields absent: UPDATE_CONFIG_DEFAULTS). */
  update?: UpdateConfig;
  /** How a rollback rolls out (absent, or fields absent: ROLLBACK_CONFIG_DEFAULTS). */
  rollback?: UpdateConfig;
  // health check and stop
  /** The tasks' health check (absent: the image's HEALTHCHECK, if it has one). */
  healthcheck?: HealthCheck;
  /** Time between the stop signal and SIGKILL (absent: DEFAULT_STOP_GRACE_PERIOD_MS). */
  stopGracePeriodMs?: number;
  /** Signal that stops a task, e.g. SIGTERM (absent: the image's STOPSIGNAL, else SIGTERM). */
  stopSignal?: string;
  // Networking
  /** Ids of the networks the service joins (absent or empty: the default network). */
  networks?: string[];
  /** vip (absent: vip): the name resolves to the service's virtual IP; dnsrr: to its task IPs. */
  endpointMode?: EndpointMode;
  // Stack/compose additions
  /** Extra DNS names on one network each (network ids once written; absent: none). */
  networkAliases?: { network: string; aliases: string[] }[];

  // Mounts and container options (each absent when not set)
  mounts?: Mount[];
  /** Replaces the image's ENTRYPOINT (argv form). */
  entrypoint?: string[];
  workdir?: string;
  /** user[:group], names or ids. */
  user?: string;
  /** May hold templates ({{.Service.Name}}, {{.Task.Slot}}, ...), expanded by the agent. */
  hostname?: string;
  init?: boolean;
  readOnly?: boolean;
  /** CAP_* names, or ALL. */
  capAdd?: string[];
  capDrop?: string[];
  ulimits?: Ulimit[];
  sysctls?: Labels;
  /** Supplementary groups. */
  groups?: string[];
  /** Labels of the task containers (com.clusterctl.* reserved). */
  containerLabels?: Labels;
  tty?: boolean;
  logDriver?: { name: string; options: Labels };
  // Secrets and configs mounted into the task's containers (absent: none).
  secrets?: FileReference[];
  configs?: FileReference[];
  // Autoscaling (absent: the replica count is the operator's alone; replicated services only)
  autoscale?: AutoscaleSpec;
  // Rebalancing (absent: false): tasks move toward an even spread when a node returns or joins
  rebalance?: boolean;
  // Image pinning
  /**
   * The image's ID (sha256:...) as the cluster first resolved it (a node's inventory at create, else
   * the first node that prepared a task); nodes run no task of the service from another ID. Not part
   * of the task template: pinning it replaces no task.
   */
  imageId?: string;
}

/** Autoscaling: the leader keeps the replica count within [minReplicas, maxReplicas] from CPU use. */
export interface AutoscaleSpec {
  minReplicas: number;
  maxReplicas: number;
  /** Mean CPU use aimed at, in percent of a task's CPU reservation (else its limit, else one CPU). */
  targetCpuPercent: number;
  /** Stabilization windows (absent: AUTOSCALE_DEFAULTS). */
  scaleUpWindowMs?: number;
  scaleDownWindowMs?: number;
}

export const AUTOSCALE_DEFAULTS = { scaleUpWindowMs: 0, scaleDownWindowMs: 300_000 } as const;

/**
 * The spec a rollback goes back to: `previous`, except that a service autoscaled there too keeps
 * the count the autoscaler chose (within the previous bounds) rather than the count it had when
 * `previous` was replaced; a rollback during an incident must not take away capacity the load
 * asked for. A previous spec without autoscaling is the operator's fixed count, restored as is.
 */
export function rollbackSpec(previous: ServiceSpec, current: ServiceSpec): ServiceSpec {
  const a = previous.autoscale;
  if (a === undefined || previous.mode.kind !== 'replicated' || current.mode.kind !== 'replicated') return previous;
  const replicas = Math.min(a.maxReplicas, Math.max(a.minReplicas, current.mode.replicas));
  return { ...previous, mode: { kind: 'replicated', replicas } };
}

/** Autoscaling: the autoscaler's last decision on a service. */
export interface AutoscaleStatus {
  replicas: number;
  previousReplicas: number;
  /** The mean CPU use seen, in percent of the base the target is relative to. */
  cpuPercent: number;
  reason: string;
  decidedAt: number;
}

export type MountType = 'volume' | 'bind' | 'tmpfs';

export interface Mount {
  type: MountType;
  /** Volume name (absent: anonymous volume) or absolute host path (bind). Never set for tmpfs. */
  source?: string;
  target: string;
  readOnly: boolean;
  /** bind only. */
  bindPropagation?: string;
  /** volume only: how the node creates the volume the first time. */
  volume?: { driver?: string; options?: Labels; labels?: Labels; noCopy?: boolean };
  /** tmpfs only. */
  tmpfs?: { sizeBytes?: number; mode?: number };
}

export interface Ulimit {
  name: string;
  /** -1: unlimited. */
  soft: number;
  hard: number;
}

/** A secret or config a service uses and where its file appears in the container. */
export interface FileReference {
  /** Id of the secret or config (resolved from the name when the service is written). */
  id: string;
  name: string;
  /** Absolute path in the container (secrets default to /run/secrets/NAME, configs to /NAME). */
  target: string;
  uid: string;
  gid: string;
  /** File mode bits (default 0o444). */
  mode: number;
}

/** Docker's default stop grace period. */
export const DEFAULT_STOP_GRACE_PERIOD_MS = 10_000;

/**
 * A health check: a command run in the container by the engine (`test`, Docker's form), or a probe
 * the node's agent makes against the task's address (`http`, `tcp`: no process in the container).
 * At most one of the three. Timings 0 mean the defaults (HEALTHCHECK_DEFAULTS); a command check
 * with an empty test keeps the image's test with these timings; `['NONE']` disables the image's.
 */
export interface HealthCheck {
  /** ['CMD', arg...], ['CMD-SHELL', command], ['NONE'], or [] (the image's test, or an agent probe). */
  test: string[];
  http?: { port: number; path: string };
  tcp?: { port: number };
  intervalMs: number;
  timeoutMs: number;
  /** Consecutive failures that make a task unhealthy. */
  retries: number;
  /** Failures during this time after the start do not count (a success still makes the task healthy). */
  startPeriodMs: number;
}

/** Docker's defaults for a check's timings (the one table in common). */
export { HEALTHCHECK_DEFAULTS } from '@clusterctl/common';

export type UpdateOrder = 'stop-first' | 'start-first';

/** What an update does once its failures pass maxFailureRatio (a rollback: pause or continue only). */
export type UpdateFailureAction = 'pause' | 'continue' | 'rollback';

export interface UpdateConfig {
  /** Tasks replaced at the same time; 0 = all at once. */
  parallelism: number;
  /** Wait after a replacement counts (ran for monitorMs) before the next one starts. */
  delayMs: number;
  /** stop-first: the old task is stopped as its replacement is created; start-first: once the replacement runs. */
  order: UpdateOrder;
  /** Absent: pause. */
  failureAction?: UpdateFailureAction;
  /**
   * How long a new task must stay running (and healthy, with a health check) to count as updated;
   * until then its slot is still being updated, and its exit counts as a failure. Absent: 5 s.
   */
  monitorMs?: number;
  /** Failures tolerated, as a fraction (0..1) of the slots being updated. Absent: 0. */
  maxFailureRatio?: number;
}

export const UPDATE_CONFIG_DEFAULTS: Readonly<Required<UpdateConfig>> = Object.freeze({
  parallelism: 1,
  delayMs: 0,
  order: 'stop-first',
  failureAction: 'pause',
  monitorMs: 5000,
  maxFailureRatio: 0,
});

export const ROLLBACK_CONFIG_DEFAULTS: Readonly<Required<UpdateConfig>> = UPDATE_CONFIG_DEFAULTS;

/** A config with every field (absent ones from the defaults). */
export function fullUpdateConfig(
  c: UpdateConfig | undefined,
  defaults: Readonly<Required<UpdateConfig>> = UPDATE_CONFIG_DEFAULTS,
): Required<UpdateConfig> {
  return {
    parallelism: c?.parallelism ?? defaults.parallelism,
    delayMs: c?.delayMs ?? defaults.delayMs,
    order: c?.order ?? defaults.order,
    failureAction: c?.failureAction ?? defaults.failureAction,
    monitorMs: c?.monitorMs ?? defaults.monitorMs,
    maxFailureRatio: c?.maxFailureRatio ?? defaults.maxFailureRatio,
  };
}

export type UpdateState =
  'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

/** Where the last update (or rollback) of a service is; the orchestrator moves it on. */
export interface UpdateStatus {
  state: UpdateState;
  /** ms since the Unix epoch. */
  startedAt: number;
  /** ms since the Unix epoch; 0 while in progress or paused. */
  completedAt: number;
  /** What happened last, naming the task and the reason for a failure. */
  message: string;
  /** Tasks counted as failures in this update (each once; the failure ratio counts them). */
  failedTaskIds: string[];
}

export function isUpdatePaused(s: UpdateState | undefined): boolean {
  return s === 'paused' || s === 'rollback_paused';
}

/** The status of an update (or rollback) that starts now. */
export function startedUpdateStatus(
  state: 'updating' | 'rollback_started',
  now: number,
  message: string,
): UpdateStatus {
  return { state, startedAt: now, completedAt: 0, message, failedTaskIds: [] };
}

/**
 * The task template of a spec, as a comparable key: what a task runs. The replica count, the
 * rollout policies, autoscaling and rebalancing are not part of it (changing them replaces no task).
 */
export function taskTemplateKey(spec: ServiceSpec): string {
  const {
    mode,
    update: _update,
    rollback: _rollback,
    autoscale: _autoscale,
    rebalance: _rebalance,
    imageId: _imageId,
    ...rest
  } = spec;
  return JSON.stringify({ ...rest, mode: mode.kind });
}

export interface Service extends StoredObject {
  spec: ServiceSpec;
  /** The spec before the last update (for rollback); absent until the first update. */
  previousSpec?: ServiceSpec;
  /** Networking: the service's virtual IP from the cluster's VIP pool (unique, enforced on apply); absent for dnsrr. */
  vip?: string;
  /** The last update or rollback (absent: never updated). */
  updateStatus?: UpdateStatus;
  /** Autoscaling: the autoscaler's last decision (absent: none yet). */
  autoscaleStatus?: AutoscaleStatus;
}

// ---------------------------------------------------------------------------------------------
// Networks (names unique)

export interface NetworkSpec {
  name: string;
  labels: Labels;
  /** Always 'overlay' (the cluster network's only driver). */
  driver: 'overlay';
}

export interface Network extends StoredObject {
  spec: NetworkSpec;
}

/** The network every service without --network joins; created at init, never removed. */
export const DEFAULT_NETWORK_NAME = 'default';

// ---------------------------------------------------------------------------------------------
// Tasks

/** Task states in lifecycle order (a task only moves forward). */
export const TASK_STATES = [
  'new',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** Position of a state in the lifecycle: compare with it, never with string order. */
export function taskStateOrder(s: TaskState): number {
  return TASK_STATES.indexOf(s);
}

export interface TaskStatus {
  state: TaskState;
  message: string;
  /** When this status was observed, ms since the Unix epoch (agent's clock for agent reports). */
  timestamp: number;
  containerId?: string;
  exitCode?: number;
  /** Error text when state is failed/rejected. */
  err?: string;
  // health
  /** Absent: the task has no health check. */
  health?: TaskHealth;
  /** The last failing probe's output (bounded by the agent). */
  healthMessage?: string;
  /** Networking: the task's address on the cluster network, reported with running. */
  ip?: string;
  /** Image shipping: the ID of the image the node prepared the task with. */
  imageId?: string;
}

export type TaskHealth = 'starting' | 'healthy' | 'unhealthy';
export const TASK_HEALTH: readonly TaskHealth[] = ['starting', 'healthy', 'unhealthy'];

/**
 * The task runs and serves: state running and, when it has a health check, healthy. What counts as
 * a running replica (service ls, rollouts, the routing mesh); a task that is starting or unhealthy
 * does not.
 */
export function taskIsUp(status: Pick<TaskStatus, 'state' | 'health'>): boolean {
  return status.state === 'running' && (status.health === undefined || status.health === 'healthy');
}

export interface Task extends StoredObject {
  serviceId: string;
  /** Replicated services: slot 1..N. Global services: 0 (the task is identified by nodeId). */
  slot: number;
  /** Node the task is assigned to; '' while unassigned. */
  nodeId: string;
  desiredState: TaskState;
  status: TaskStatus;
  /** Copy of the service spec the task was created from (tasks are immutable in spirit). */
  spec: ServiceSpec;
  /** meta.version of the service when the task was created. */
  serviceVersion: number;
}

// ---------------------------------------------------------------------------------------------
// Cluster settings (one record, id DEFAULT_CLUSTER_ID)

export const DEFAULT_CLUSTER_ID = 'default';

export interface ClusterSettings {
  /** Agent heartbeat period the dispatcher asks for. */
  heartbeatPeriodMs: number;
  /** A node with no heartbeat for this long is marked down. */
  nodeGraceMs: number;
  /** Old (dead) tasks kept per slot for `service ps` history. */
  taskHistoryLimit: number;
  /** Certificate lifetime for node certificates. */
  nodeCertExpiryMs: number;
}

export const DEFAULT_CLUSTER_SETTINGS: Readonly<ClusterSettings> = Object.freeze({
  heartbeatPeriodMs: 500,
  nodeGraceMs: 2000,
  taskHistoryLimit: 5,
  nodeCertExpiryMs: DEFAULT_CERT_EXPIRY_MS,
});

/** Networking: the cluster network's settings. */
export type DataPathBackend = 'auto' | 'host-gw' | 'vxlan';

export interface ClusterNetworkSettings {
  /** Task subnets: one /nodeSubnetBits per node. */
  clusterCidr: string;
  /** Service virtual IPs. */
  vipCidr: string;
  nodeSubnetBits: number;
  backend: DataPathBackend;
  /** UDP port of VXLAN. */
  vxlanPort: number;
  /** 0: each node derives it. */
  mtu: number;
  dnsDomain: string;
}

export const DEFAULT_CLUSTER_NETWORK: Readonly<ClusterNetworkSettings> = Object.freeze({
  clusterCidr: '10.240.0.0/16',
  vipCidr: '10.241.0.0/16',
  nodeSubnetBits: 24,
  backend: 'auto',
  vxlanPort: 4789,
  mtu: 0,
  dnsDomain: 'cluster',
});

export interface JoinTokenDigests {
  /** Digest (e.g. sha256 hex) of the worker join token's secret; never the token itself. */
  worker: string;
  manager: string;
}

export interface Cluster extends StoredObject {
  name: string;
  settings: ClusterSettings;
  joinTokenDigests: JoinTokenDigests;
  /** PEM of the root CA certificate (public part only). */
  rootCaCertPem?: string;
  /** A root CA rotation in progress; its key is a cluster secret (the manager's KV_CA_PENDING_KEY). */
  rootRotation?: RootRotation;
  /** Networking (absent: DEFAULT_CLUSTER_NETWORK, for clusters created before it existed). */
  network?: ClusterNetworkSettings;
  /** Dashboard: login tokens issued before this (ms since the Unix epoch) are refused. */
  dashboardTokensNotBefore?: number;
}

export interface RootRotation {
  /** The new root CA certificate (PEM), issuing node certificates from the start of the rotation. */
  caCertPem: string;
  /** The new root's key certified by the old root: sent after node certificates from the new root. */
  crossSignedCertPem: string;
  /** ms since the Unix epoch. */
  startedAt: number;
}

// ---------------------------------------------------------------------------------------------
// Secrets and configs (names unique per table; data immutable). A secret's data leaves the store only
// for the agents of nodes running a task that uses it; the raft log and snapshots that hold it are
// encrypted at rest on every manager.

export interface SecretSpec {
  name: string;
  labels: Labels;
}

export interface Secret extends StoredObject {
  spec: SecretSpec;
  /** The data, base64. */
  data: string;
}

export interface Config extends StoredObject {
  spec: SecretSpec;
  /** The data, base64. */
  data: string;
}

// ---------------------------------------------------------------------------------------------
// Generic key/value table (consensus benchmark, tests): string key -> bytes. id = the key.

export interface KvPair extends StoredObject {
  value: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface TableRecords {
  nodes: Node;
  services: Service;
  tasks: Task;
  cluster: Cluster;
  secrets: Secret;
  configs: Config;
  kv: KvPair;
  networks: Network;
}

export type TableName = keyof TableRecords;

/** Snapshots hold the tables in this order; a table added later goes last (older snapshots lack it). */
export const TABLES: readonly TableName[] = [
  'nodes',
  'services',
  'tasks',
  'cluster',
  'secrets',
  'kv',
  'networks',
  'configs',
];

/** Tables an older snapshot may lack (read as empty). */
export const TABLES_ADDED_LATER: ReadonlySet<TableName> = new Set<TableName>(['networks', 'configs']);

export function isTableName(s: unknown): s is TableName {
  return typeof s === 'string' && (TABLES as readonly string[]).includes(s);
}

/** Tables whose records carry a unique name (enforced on apply), and where that name lives. */
export type NamedTable = 'nodes' | 'services' | 'secrets' | 'configs' | 'cluster' | 'networks';

/**
 * The unique name of a record, or undefined when it has none (nodes without a name). Never throws,
 * whatever shape `obj` has: apply uses it on unvalidated data.
 */
export function nameOf(table: TableName, obj: unknown): string | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const o = obj as Record<string, unknown>;
  let n: unknown;
  switch (table) {
    case 'services':
    case 'secrets':
    case 'configs':
    case 'networks': {
      const spec = o.spec;
      n = spec !== null && typeof spec === 'object' ? (spec as Record<string, unknown>).name : undefined;
      break;
    }
    case 'nodes':
    case 'cluster':
      n = o.name;
      break;
    default:
      return undefined;
  }
  return typeof n === 'string' && n !== '' ? n : undefined;
}

/**
 * Other values a record holds that no other record of its table may hold (enforced on apply, like
 * names): a node's subnet, a service's virtual IP and each of its published ports. Keys are
 * `kind:value`. Never throws, whatever shape `obj` has.
 */
export function uniqueKeysOf(table: TableName, obj: unknown): string[] {
  if (obj === null || typeof obj !== 'object') return NO_KEYS;
  const o = obj as Record<string, unknown>;
  if (table === 'nodes') {
    const net = o.network as Record<string, unknown> | null | undefined;
    const subnet = net !== null && typeof net === 'object' ? net.subnet : undefined;
    return typeof subnet === 'string' && subnet !== '' ? [`subnet:${subnet}`] : NO_KEYS;
  }
  if (table !== 'services') return NO_KEYS;
  const out: string[] = [];
  if (typeof o.vip === 'string' && o.vip !== '') out.push(`vip:${o.vip}`);
  const spec = o.spec as Record<string, unknown> | null | undefined;
  const ports = spec !== null && typeof spec === 'object' ? spec.ports : undefined;
  if (Array.isArray(ports)) {
    for (const p of ports as unknown[]) {
      if (p === null || typeof p !== 'object') continue;
      const { published, protocol } = p as Record<string, unknown>;
      if (typeof published === 'number' && published > 0) out.push(`port:${published}/${String(protocol)}`);
    }
  }
  return out;
}

const NO_KEYS: string[] = [];

/** Fields with a secondary index (tx.findBy): table -> field names (top-level string fields). */
export const INDEXED_FIELDS: { readonly [T in TableName]: readonly string[] } = {
  nodes: [],
  services: [],
  tasks: ['serviceId', 'nodeId'],
  cluster: [],
  secrets: [],
  configs: [],
  kv: [],
  networks: [],
};
