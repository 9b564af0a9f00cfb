// The agent's view of a task: what the dispatcher assigned (a normalized copy of the proto Task)
// and what this node observed of it (its status). Task states mirror the store's lifecycle
// (packages/store/src/objects.ts); the agent cannot import the store, so the order is repeated here.
import type { clusterctl } from '@clusterctl/proto';
import type {
  ContainerSpec,
  HealthCheckSpec,
  MountSpec,
  PortProtocol,
  TaskFileRef,
  TaskIdentity,
} from '../executor/index.js';

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

/** Position in the lifecycle (unknown strings sort first: the agent never moves backwards to them). */
export function stateOrder(s: string): number {
  return TASK_STATES.indexOf(s as TaskState);
}

/** A task that has finished, one way or another: nothing runs for it any more. */
export function isTerminal(s: string): boolean {
  return stateOrder(s) > stateOrder('running');
}

export interface AgentTaskStatus {
  state: TaskState;
  message: string;
  /** ms since the Unix epoch, this node's clock. */
  timestamp: number;
  containerId?: string;
  exitCode?: number;
  err?: string;
  /** Absent: the task has no health check. */
  health?: TaskHealth;
  /** The last failing probe's output (bounded). */
  healthMessage?: string;
  /** Networking: the task's address on the cluster network (set with running). */
  ip?: string;
  /** Image shipping: the ID of the image the task was prepared with. */
  imageId?: string;
}

export type TaskHealth = 'starting' | 'healthy' | 'unhealthy';

export interface AgentTask {
  id: string;
  serviceId: string;
  serviceName: string;
  slot: number;
  nodeId: string;
  desiredState: string;
  spec: ContainerSpec;
  /** The state the manager last recorded (as sent with the assignment); '' when unknown. */
  managerState: string;
  /** The health the manager last recorded ('' none); absent when unknown. */
  managerHealth?: string;
}

export function taskFromProto(t: clusterctl.cluster.ITask): AgentTask {
  const s = t.spec ?? {};
  const spec: ContainerSpec = { image: s.image ?? '' };
  if (s.command && s.command.length > 0) spec.command = [...s.command];
  if (s.env && s.env.length > 0) spec.env = [...s.env];
  if (s.labels && Object.keys(s.labels).length > 0) spec.labels = { ...s.labels };
  if (s.ports && s.ports.length > 0) {
    spec.ports = s.ports.map((p) => {
      const m: { target: number; published?: number; protocol: PortProtocol; mode?: 'ingress' | 'host' } = {
        target: p.target ?? 0,
        protocol: p.protocol === 'udp' ? 'udp' : 'tcp',
      };
      if (p.published) m.published = p.published;
      if (p.mode === 'host') m.mode = 'host';
      return m;
    });
  }
  const limits = amounts(s.limits);
  const reservations = amounts(s.reservations);
  if (limits || reservations) {
    spec.resources = {};
    if (limits) spec.resources.limits = limits;
    if (reservations) spec.resources.reservations = reservations;
  }
  // health check and stop
  if (s.healthcheck) spec.healthcheck = healthcheckFromProto(s.healthcheck);
  if (s.hasStopGracePeriod === true) spec.stopGracePeriodMs = Number(s.stopGracePeriodMs ?? 0);
  if (s.stopSignal) spec.stopSignal = s.stopSignal;
  // mounts and container options
  Object.assign(spec, containerOptionsFromProto(s));
  // secrets and configs (references only: the data is asked for when the task is prepared)
  const files: TaskFileRef[] = [
    ...(s.secrets ?? []).map((r) => fileRef('secret', r)),
    ...(s.configs ?? []).map((r) => fileRef('config', r)),
  ];
  if (files.length > 0) spec.files = files;
  // image pinning
  if (s.imageId) spec.imageId = s.imageId;
  return {
    id: t.id ?? '',
    serviceId: t.serviceId ?? '',
    serviceName: s.name ?? '',
    slot: t.slot ?? 0,
    nodeId: t.nodeId ?? '',
    desiredState: t.desiredState ?? '',
    spec,
    managerState: t.status?.state ?? '',
    managerHealth: t.status?.health ?? '',
  };
}

function healthcheckFromProto(h: clusterctl.cluster.IHealthCheck): HealthCheckSpec {
  const out: HealthCheckSpec = {
    test: [...(h.test ?? [])],
    intervalMs: Number(h.intervalMs ?? 0),
    timeoutMs: Number(h.timeoutMs ?? 0),
    retries: Number(h.retries ?? 0),
    startPeriodMs: Number(h.startPeriodMs ?? 0),
  };
  if (h.httpPort) out.http = { port: h.httpPort, path: h.httpPath || '/' };
  if (h.tcpPort) out.tcp = { port: h.tcpPort };
  return out;
}

/** The mounts and container options of a task's spec: only the ones that are set. */
export function containerOptionsFromProto(s: clusterctl.cluster.IServiceSpec): Partial<ContainerSpec> {
  const out: Partial<ContainerSpec> = {};
  const nonEmpty = (m: Record<string, string> | null | undefined): m is Record<string, string> =>
    m !== null && m !== undefined && Object.keys(m).length > 0;
  if (s.mounts && s.mounts.length > 0) {
    out.mounts = s.mounts.map((p) => {
      const m: MountSpec = {
        type: p.type === 'bind' || p.type === 'tmpfs' ? p.type : 'volume',
        target: p.target ?? '',
        readOnly: p.readOnly === true,
      };
      if (p.source) m.source = p.source;
      if (p.bindPropagation) m.bindPropagation = p.bindPropagation;
      if (p.volumeDriver || nonEmpty(p.volumeOptions) || nonEmpty(p.volumeLabels) || p.volumeNocopy) {
        m.volume = {};
        if (p.volumeDriver) m.volume.driver = p.volumeDriver;
        if (nonEmpty(p.volumeOptions)) m.volume.options = { ...p.volumeOptions };
        if (nonEmpty(p.volumeLabels)) m.volume.labels = { ...p.volumeLabels };
        if (p.volumeNocopy) m.volume.noCopy = true;
      }
      const sizeBytes = Number(p.tmpfsSizeBytes ?? 0);
      const mode = Number(p.tmpfsMode ?? 0);
      if (sizeBytes > 0 || mode > 0)
        m.tmpfs = { ...(sizeBytes > 0 ? { sizeBytes } : {}), ...(mode > 0 ? { mode } : {}) };
      return m;
    });
  }
  if (s.entrypoint && s.entrypoint.length > 0) out.entrypoint = [...s.entrypoint];
  if (s.workdir) out.workdir = s.workdir;
  if (s.user) out.user = s.user;
  if (s.hostname) out.hostname = s.hostname;
  if (s.init) out.init = true;
  if (s.readOnly) out.readOnly = true;
  if (s.capAdd && s.capAdd.length > 0) out.capAdd = [...s.capAdd];
  if (s.capDrop && s.capDrop.length > 0) out.capDrop = [...s.capDrop];
  if (s.ulimits && s.ulimits.length > 0)
    out.ulimits = s.ulimits.map((u) => ({ name: u.name ?? '', soft: Number(u.soft ?? 0), hard: Number(u.hard ?? 0) }));
  if (nonEmpty(s.sysctls)) out.sysctls = { ...s.sysctls };
  if (s.groups && s.groups.length > 0) out.groups = [...s.groups];
  if (nonEmpty(s.containerLabels)) out.containerLabels = { ...s.containerLabels };
  if (s.tty) out.tty = true;
  if (s.logDriver?.name) out.logDriver = { name: s.logDriver.name, options: { ...(s.logDriver.options ?? {}) } };
  return out;
}

function fileRef(kind: 'secret' | 'config', r: clusterctl.cluster.IFileReference): TaskFileRef {
  return {
    kind,
    id: r.id ?? '',
    name: r.name ?? '',
    target: r.target ?? '',
    uid: r.uid || '0',
    gid: r.gid || '0',
    mode: r.mode ?? 0o444,
  };
}

function amounts(
  r: clusterctl.cluster.IResources | null | undefined,
): { nanoCpus?: number; memoryBytes?: number } | undefined {
  if (!r || (!r.nanoCpus && !r.memoryBytes)) return undefined;
  const out: { nanoCpus?: number; memoryBytes?: number } = {};
  if (r.nanoCpus) out.nanoCpus = r.nanoCpus;
  if (r.memoryBytes) out.memoryBytes = r.memoryBytes;
  return out;
}

export function statusToProto(s: AgentTaskStatus): clusterctl.cluster.ITaskStatus {
  const p: clusterctl.cluster.ITaskStatus = {
    state: s.state,
    message: s.message,
    timestamp: s.timestamp,
    containerId: s.containerId ?? '',
    err: s.err ?? '',
  };
  if (s.exitCode !== undefined) {
    p.exitCode = s.exitCode;
    p.hasExitCode = true;
  }
  if (s.health !== undefined) {
    p.health = s.health;
    p.healthMessage = s.healthMessage ?? '';
  }
  if (s.ip) p.ip = s.ip;
  if (s.imageId) p.imageId = s.imageId;
  return p;
}

/** The container labels of a task on this node (the node id is this agent's, whatever the task says). */
export function identityOf(task: AgentTask, clusterId: string, nodeId: string): TaskIdentity {
  const ids: TaskIdentity = { clusterId, serviceId: task.serviceId, taskId: task.id, nodeId, slot: task.slot };
  if (task.serviceName) ids.serviceName = task.serviceName;
  return ids;
}
