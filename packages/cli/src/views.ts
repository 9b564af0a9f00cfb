// Plain, complete JSON views of the API's messages (every field present, numbers as numbers), the
// stable shape `--format json` prints. Decoded protobuf messages keep proto3 defaults on their
// prototype, so they are copied field by field here.
import type { clusterctl } from '@clusterctl/proto';
import { healthStopView, type HealthStopView } from './commands/service-health.js';
import { containerOptionsView, type ContainerOptionsView } from './commands/container-options.js';

type Msg<T> = T | null | undefined;

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const map = (m: Msg<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(m ?? {}).sort(([a], [b]) => a.localeCompare(b)));

export interface MetaView {
  version: number;
  createdAt: number;
  updatedAt: number;
}

export function metaView(m: Msg<clusterctl.cluster.IMeta>): MetaView {
  return { version: num(m?.version), createdAt: num(m?.createdAt), updatedAt: num(m?.updatedAt) };
}

export interface ResourcesView {
  nanoCpus: number;
  memoryBytes: number;
}

function resourcesView(r: Msg<clusterctl.cluster.IResources>): ResourcesView {
  return { nanoCpus: num(r?.nanoCpus), memoryBytes: num(r?.memoryBytes) };
}

export interface NodeView {
  id: string;
  meta: MetaView;
  hostname: string;
  role: string;
  availability: string;
  status: { state: string; message: string; timestamp: number };
  addr: string;
  labels: Record<string, string>;
  engineLabels: Record<string, string>;
  resources: ResourcesView;
  os: string;
  arch: string;
  managerStatus: { raftId: number; addr: string; leader: boolean; reachability: string } | null;
  /** Networking: the node's subnet, the data-path backend and what limits it (null: none allocated). */
  network: NodeNetworkView | null;
}

export interface ConditionView {
  code: string;
  message: string;
  hint: string;
}

export interface NodeNetworkView {
  subnet: string;
  backend: string;
  index: number;
  /** As the node's agent reported them (null: never). */
  capabilities: {
    enabled: boolean;
    vxlan: boolean;
    nftables: boolean;
    policyRouting: boolean;
    conntrack: boolean;
    underlayMtu: number;
  } | null;
  /** The node's own conditions and the leader's, each with a hint. */
  conditions: ConditionView[];
}

function conditionsView(c: Msg<clusterctl.cluster.INodeCondition[]>): ConditionView[] {
  return (c ?? []).map((x) => ({ code: str(x.code), message: str(x.message), hint: str(x.hint) }));
}

function nodeNetworkView(n: Msg<clusterctl.cluster.INodeNetwork>): NodeNetworkView | null {
  if (n === null || n === undefined) return null;
  const c = n.capabilities;
  return {
    subnet: str(n.subnet),
    backend: str(n.backend),
    index: num(n.index),
    capabilities: c
      ? {
          enabled: c.enabled === true,
          vxlan: c.vxlan === true,
          nftables: c.nftables === true,
          policyRouting: c.policyRouting === true,
          conntrack: c.conntrack === true,
          underlayMtu: num(c.underlayMtu),
        }
      : null,
    conditions: [...conditionsView(c?.conditions), ...conditionsView(n.conditions)],
  };
}

export function nodeView(n: clusterctl.cluster.INode): NodeView {
  const ms = n.managerStatus;
  return {
    id: str(n.id),
    meta: metaView(n.meta),
    hostname: str(n.hostname),
    role: str(n.role),
    availability: str(n.availability),
    status: { state: str(n.status?.state), message: str(n.status?.message), timestamp: num(n.status?.timestamp) },
    addr: str(n.addr),
    labels: map(n.labels),
    engineLabels: map(n.engineLabels),
    resources: resourcesView(n.resources),
    os: str(n.os),
    arch: str(n.arch),
    managerStatus: ms
      ? { raftId: num(ms.raftId), addr: str(ms.addr), leader: ms.leader === true, reachability: str(ms.reachability) }
      : null,
    network: nodeNetworkView(n.network),
  };
}

export interface PortView {
  published: number;
  target: number;
  protocol: string;
  /** ingress | host */
  mode: string;
}

function portView(p: clusterctl.cluster.IPortConfig): PortView {
  return {
    published: num(p.published),
    target: num(p.target),
    protocol: str(p.protocol) || 'tcp',
    mode: str(p.mode) || 'ingress',
  };
}

/** How spec changes (or rollbacks) roll out: the spec's update_config / rollback_config, Swarm's --update-* / --rollback-* flags. */
export interface UpdateConfigView {
  parallelism: number;
  delayMs: number;
  order: 'stop-first' | 'start-first';
  failureAction: 'pause' | 'continue' | 'rollback';
  monitorMs: number;
  maxFailureRatio: number;
}

export const UPDATE_CONFIG_DEFAULTS: Readonly<UpdateConfigView> = Object.freeze({
  parallelism: 1,
  delayMs: 0,
  order: 'stop-first',
  failureAction: 'pause',
  monitorMs: 5000,
  maxFailureRatio: 0,
});

/** A full config from the API's (absent fields: the defaults). */
export function rolloutView(u: clusterctl.cluster.IUpdateConfig | null | undefined): UpdateConfigView {
  if (u === null || u === undefined) return { ...UPDATE_CONFIG_DEFAULTS };
  const action = u.failureAction;
  return {
    parallelism: Number(u.parallelism ?? 0),
    delayMs: Number(u.delayMs ?? 0),
    order: u.order === 'start-first' ? 'start-first' : 'stop-first',
    failureAction: action === 'continue' || action === 'rollback' ? action : 'pause',
    monitorMs: Number(u.monitorMs ?? 0),
    maxFailureRatio: Number(u.maxFailureRatio ?? 0),
  };
}

export interface ServiceSpecView extends HealthStopView, ContainerOptionsView {
  name: string;
  image: string;
  /** Image pinning: the image's ID the service runs ('' : not known yet). */
  imageId: string;
  command: string[];
  env: string[];
  labels: Record<string, string>;
  mode: string;
  replicas: number;
  constraints: string[];
  reservations: ResourcesView;
  limits: ResourcesView;
  ports: PortView[];
  restartPolicy: { condition: string; delayMs: number; maxAttempts: number; windowMs: number };
  /** Networking: network ids (the default network when none was named), vip | dnsrr. */
  networks: string[];
  endpointMode: string;
  // secrets and configs
  secrets: FileRefView[];
  configs: FileRefView[];
  updateConfig: UpdateConfigView;
  rollbackConfig: UpdateConfigView;
  /** Autoscaling (null: off). */
  autoscale: AutoscaleView | null;
  /** Rebalancing when a node returns or joins. */
  rebalance: boolean;
}

export interface AutoscaleView {
  minReplicas: number;
  maxReplicas: number;
  targetCpuPercent: number;
  scaleUpWindowMs: number;
  scaleDownWindowMs: number;
}

export interface AutoscaleStatusView {
  replicas: number;
  previousReplicas: number;
  cpuPercent: number;
  reason: string;
  decidedAt: number;
}

export interface FileRefView {
  id: string;
  name: string;
  target: string;
  uid: string;
  gid: string;
  /** Octal text, e.g. "0444". */
  mode: string;
}

function fileRefView(r: clusterctl.cluster.IFileReference): FileRefView {
  return {
    id: str(r.id),
    name: str(r.name),
    target: str(r.target),
    uid: str(r.uid),
    gid: str(r.gid),
    mode: '0' + num(r.mode).toString(8),
  };
}

export function specView(s: Msg<clusterctl.cluster.IServiceSpec>): ServiceSpecView {
  const rp = s?.restartPolicy;
  return {
    name: str(s?.name),
    image: str(s?.image),
    imageId: str(s?.imageId),
    command: [...(s?.command ?? [])],
    env: [...(s?.env ?? [])],
    labels: map(s?.labels),
    mode: str(s?.mode) || 'replicated',
    replicas: num(s?.replicas),
    constraints: [...(s?.constraints ?? [])],
    reservations: resourcesView(s?.reservations),
    limits: resourcesView(s?.limits),
    ports: (s?.ports ?? []).map(portView),
    restartPolicy: {
      condition: str(rp?.condition),
      delayMs: num(rp?.delayMs),
      maxAttempts: num(rp?.maxAttempts),
      windowMs: num(rp?.windowMs),
    },
    ...healthStopView(s),
    networks: [...(s?.networks ?? [])],
    endpointMode: str(s?.endpointMode) || 'vip',
    // mounts and container options
    ...containerOptionsView(s),
    secrets: (s?.secrets ?? []).map(fileRefView),
    configs: (s?.configs ?? []).map(fileRefView),
    updateConfig: rolloutView(s?.updateConfig),
    rollbackConfig: rolloutView(s?.rollbackConfig),
    autoscale: s?.autoscale
      ? {
          minReplicas: num(s.autoscale.minReplicas),
          maxReplicas: num(s.autoscale.maxReplicas),
          targetCpuPercent: num(s.autoscale.targetCpuPercent),
          scaleUpWindowMs: num(s.autoscale.scaleUpWindowMs),
          scaleDownWindowMs: num(s.autoscale.scaleDownWindowMs),
        }
      : null,
    rebalance: s?.rebalance === true,
  };
}

export interface UpdateStatusView {
  state: string;
  startedAt: number;
  completedAt: number;
  message: string;
}

export interface ServiceView {
  id: string;
  meta: MetaView;
  spec: ServiceSpecView;
  /** Networking: like Docker's Endpoint: the virtual IP on each network, the published ports. */
  endpoint: { virtualIps: { networkId: string; addr: string }[]; ports: PortView[] };
  /** The last update or rollback (null: never updated). */
  updateStatus: UpdateStatusView | null;
  /** What a rollback returns to (null: never updated). */
  previousSpec: ServiceSpecView | null;
  /** Autoscaling: the last decision (null: none yet). */
  autoscaleStatus: AutoscaleStatusView | null;
}

export function serviceView(s: clusterctl.cluster.IService): ServiceView {
  const u = s.updateStatus;
  return {
    id: str(s.id),
    meta: metaView(s.meta),
    spec: specView(s.spec),
    endpoint: {
      virtualIps: (s.endpoint?.virtualIps ?? []).map((v) => ({ networkId: str(v.networkId), addr: str(v.addr) })),
      ports: (s.endpoint?.ports ?? []).map(portView),
    },
    updateStatus: u
      ? { state: str(u.state), startedAt: num(u.startedAt), completedAt: num(u.completedAt), message: str(u.message) }
      : null,
    previousSpec: s.previousSpec ? specView(s.previousSpec) : null,
    autoscaleStatus: s.autoscaleStatus
      ? {
          replicas: num(s.autoscaleStatus.replicas),
          previousReplicas: num(s.autoscaleStatus.previousReplicas),
          cpuPercent: num(s.autoscaleStatus.cpuPercent),
          reason: str(s.autoscaleStatus.reason),
          decidedAt: num(s.autoscaleStatus.decidedAt),
        }
      : null,
  };
}

export interface TaskView {
  id: string;
  meta: MetaView;
  serviceId: string;
  slot: number;
  nodeId: string;
  desiredState: string;
  status: {
    state: string;
    message: string;
    timestamp: number;
    containerId: string;
    exitCode: number | null;
    err: string;
    /** '' (no health check) | starting | healthy | unhealthy */
    health: string;
    healthMessage: string;
    /** Networking: the task's address on the cluster network ('' : none). */
    ip: string;
    /** Image shipping: the ID of the image the node prepared the task with ('' : none yet). */
    imageId: string;
  };
  serviceVersion: number;
  image: string;
  ports: PortView[];
}

export function taskView(t: clusterctl.cluster.ITask): TaskView {
  const st = t.status;
  const spec = specView(t.spec);
  return {
    id: str(t.id),
    meta: metaView(t.meta),
    serviceId: str(t.serviceId),
    slot: num(t.slot),
    nodeId: str(t.nodeId),
    desiredState: str(t.desiredState),
    status: {
      state: str(st?.state),
      message: str(st?.message),
      timestamp: num(st?.timestamp),
      containerId: str(st?.containerId),
      exitCode: st?.hasExitCode === true ? num(st.exitCode) : null,
      err: str(st?.err),
      health: str(st?.health),
      healthMessage: str(st?.healthMessage),
      ip: str(st?.ip),
      imageId: str(st?.imageId),
    },
    serviceVersion: num(t.serviceVersion),
    image: spec.image,
    ports: spec.ports,
  };
}

export function portsText(ports: readonly PortView[]): string {
  return ports
    .filter((p) => p.published > 0)
    .map((p) => `*:${p.published}->${p.target}/${p.protocol}${p.mode === 'host' ? ' (host)' : ''}`)
    .join(', ');
}

/** The task runs and serves: running and, when it has a health check, healthy. */
export function taskUp(t: TaskView): boolean {
  return t.status.state === 'running' && (t.status.health === '' || t.status.health === 'healthy');
}
