// Store records -> the API's messages (proto/cluster.proto).

import {
  AUTOSCALE_DEFAULTS,
  DEFAULT_CLUSTER_NETWORK,
  type AutoscaleSpec,
  type HealthCheck,
  type ClusterNetworkSettings,
  type FileReference,
  type Meta,
  type NetworkCapabilities,
  type Network,
  fullUpdateConfig,
  ROLLBACK_CONFIG_DEFAULTS,
  UPDATE_CONFIG_DEFAULTS,
  type Node,
  type Service,
  type ServiceSpec,
  type Task,
  type UpdateConfig,
  type UpdateStatus,
} from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';

export function metaToProto(m: Meta): clusterctl.cluster.IMeta {
  return { version: m.version, createdAt: m.createdAt, updatedAt: m.updatedAt };
}

export function specToProto(s: ServiceSpec): clusterctl.cluster.IServiceSpec {
  const out: clusterctl.cluster.IServiceSpec = {
    name: s.name,
    image: s.image,
    command: [...s.command],
    env: [...s.env],
    labels: { ...s.labels },
    mode: s.mode.kind,
    replicas: s.mode.kind === 'replicated' ? s.mode.replicas : 0,
    constraints: [...s.constraints],
    reservations: { nanoCpus: s.resources.reservations.nanoCpus, memoryBytes: s.resources.reservations.memoryBytes },
    limits: { nanoCpus: s.resources.limits.nanoCpus, memoryBytes: s.resources.limits.memoryBytes },
    ports: s.ports.map(portToProto),
    restartPolicy: {
      condition: s.restartPolicy.condition,
      delayMs: s.restartPolicy.delayMs,
      maxAttempts: s.restartPolicy.maxAttempts,
      windowMs: s.restartPolicy.windowMs ?? 0,
    },
    // networking
    networks: [...(s.networks ?? [])],
    endpointMode: s.endpointMode ?? 'vip',
    networkAliases: (s.networkAliases ?? []).map((a) => ({ network: a.network, aliases: [...a.aliases] })),
    // secrets and configs
    secrets: (s.secrets ?? []).map(fileRefToProto),
    configs: (s.configs ?? []).map(fileRefToProto),
    // update and rollback policies (every field, the defaults filled in)
    updateConfig: rolloutConfigToProto(fullUpdateConfig(s.update, UPDATE_CONFIG_DEFAULTS)),
    rollbackConfig: rolloutConfigToProto(fullUpdateConfig(s.rollback, ROLLBACK_CONFIG_DEFAULTS)),
  };
  // health check and stop
  if (s.healthcheck !== undefined) out.healthcheck = healthcheckToProto(s.healthcheck);
  if (s.stopGracePeriodMs !== undefined) {
    out.stopGracePeriodMs = s.stopGracePeriodMs;
    out.hasStopGracePeriod = true;
  }
  if (s.stopSignal !== undefined) out.stopSignal = s.stopSignal;
  // autoscaling and rebalancing
  if (s.autoscale !== undefined) out.autoscale = autoscaleToProto(s.autoscale);
  if (s.rebalance === true) out.rebalance = true;
  // image pinning
  if (s.imageId !== undefined) out.imageId = s.imageId;
  // mounts and container options
  Object.assign(out, containerOptionsToProto(s));
  return out;
}

/** The mounts and container options of a spec (proto3 defaults for the ones not set). */
export function containerOptionsToProto(s: ServiceSpec): clusterctl.cluster.IServiceSpec {
  return {
    mounts: (s.mounts ?? []).map((m) => ({
      type: m.type,
      source: m.source ?? '',
      target: m.target,
      readOnly: m.readOnly,
      bindPropagation: m.bindPropagation ?? '',
      volumeDriver: m.volume?.driver ?? '',
      volumeOptions: { ...(m.volume?.options ?? {}) },
      volumeLabels: { ...(m.volume?.labels ?? {}) },
      volumeNocopy: m.volume?.noCopy === true,
      tmpfsSizeBytes: m.tmpfs?.sizeBytes ?? 0,
      tmpfsMode: m.tmpfs?.mode ?? 0,
    })),
    entrypoint: [...(s.entrypoint ?? [])],
    workdir: s.workdir ?? '',
    user: s.user ?? '',
    hostname: s.hostname ?? '',
    init: s.init === true,
    readOnly: s.readOnly === true,
    capAdd: [...(s.capAdd ?? [])],
    capDrop: [...(s.capDrop ?? [])],
    ulimits: (s.ulimits ?? []).map((u) => ({ name: u.name, soft: u.soft, hard: u.hard })),
    sysctls: { ...(s.sysctls ?? {}) },
    groups: [...(s.groups ?? [])],
    containerLabels: { ...(s.containerLabels ?? {}) },
    tty: s.tty === true,
    ...(s.logDriver !== undefined
      ? { logDriver: { name: s.logDriver.name, options: { ...s.logDriver.options } } }
      : {}),
  };
}

/** Autoscaling: the bounds, target and windows (the default windows filled in). */
export function autoscaleToProto(a: AutoscaleSpec): clusterctl.cluster.IAutoscaleConfig {
  return {
    minReplicas: a.minReplicas,
    maxReplicas: a.maxReplicas,
    targetCpuPercent: a.targetCpuPercent,
    scaleUpWindowMs: a.scaleUpWindowMs ?? AUTOSCALE_DEFAULTS.scaleUpWindowMs,
    scaleDownWindowMs: a.scaleDownWindowMs ?? AUTOSCALE_DEFAULTS.scaleDownWindowMs,
    hasWindows: true,
  };
}

export function healthcheckToProto(h: HealthCheck): clusterctl.cluster.IHealthCheck {
  return {
    test: [...h.test],
    httpPort: h.http?.port ?? 0,
    httpPath: h.http?.path ?? '',
    tcpPort: h.tcp?.port ?? 0,
    intervalMs: h.intervalMs,
    timeoutMs: h.timeoutMs,
    retries: h.retries,
    startPeriodMs: h.startPeriodMs,
  };
}

function portToProto(p: ServiceSpec['ports'][number]): clusterctl.cluster.IPortConfig {
  return {
    published: p.published ?? 0,
    target: p.target,
    protocol: p.protocol,
    mode: p.publishMode ?? 'ingress',
    route: p.route ?? '',
  };
}

function fileRefToProto(r: FileReference): clusterctl.cluster.IFileReference {
  return { id: r.id, name: r.name, target: r.target, uid: r.uid, gid: r.gid, mode: r.mode };
}

function rolloutConfigToProto(c: Required<UpdateConfig>): clusterctl.cluster.IUpdateConfig {
  return {
    parallelism: c.parallelism,
    delayMs: c.delayMs,
    order: c.order,
    failureAction: c.failureAction,
    monitorMs: c.monitorMs,
    maxFailureRatio: c.maxFailureRatio,
  };
}

export function updateStatusToProto(u: UpdateStatus): clusterctl.cluster.IUpdateStatus {
  return { state: u.state, startedAt: u.startedAt, completedAt: u.completedAt, message: u.message };
}

export interface ManagerView {
  leaderRaftId: number;
  /** raft id -> reachable | unreachable | unknown, as this manager sees it. */
  reachability(raftId: number): string;
  /** Networking: the cluster's data-path backend, shown with each node's subnet. */
  backend?: string;
  /** Networking: a node subnet's stable index (1..N). */
  subnetIndex?(subnet: string): number | undefined;
}

/** The leader's condition for a node whose agent runs without the cluster network. */
export const DATA_PLANE_OFF: clusterctl.cluster.INodeCondition = {
  code: 'DATA_PLANE_OFF',
  message:
    'the node runs with --data-plane off: its tasks are not on the cluster network and its published ports answer only where a task runs',
  hint: 'restart the node without --data-plane off (clusterctl start) to join the cluster network',
};

export function capabilitiesToProto(c: NetworkCapabilities): clusterctl.cluster.INetworkCapabilities {
  return {
    vxlan: c.vxlan,
    nftables: c.nftables,
    policyRouting: c.policyRouting,
    conntrack: c.conntrack,
    enabled: c.enabled,
    conditions: c.conditions.map((x) => ({ code: x.code, message: x.message, hint: x.hint })),
    underlayMtu: c.underlayMtu,
  };
}

export function nodeToProto(n: Node, mv: ManagerView): clusterctl.cluster.INode {
  const out: clusterctl.cluster.INode = {
    id: n.id,
    meta: metaToProto(n.meta),
    hostname: n.hostname,
    role: n.role,
    availability: n.availability,
    status: { state: n.status.state, message: n.status.message, timestamp: n.status.timestamp },
    addr: n.addr,
    labels: { ...n.labels },
    resources: { nanoCpus: n.resources.nanoCpus, memoryBytes: n.resources.memoryBytes },
    engineLabels: { ...n.engineLabels },
    os: n.platform?.os ?? '',
    arch: n.platform?.arch ?? '',
  };
  if (n.network !== undefined) {
    out.network = {
      subnet: n.network.subnet,
      backend: mv.backend ?? '',
      index: mv.subnetIndex?.(n.network.subnet) ?? 0,
      ...(n.network.capabilities !== undefined ? { capabilities: capabilitiesToProto(n.network.capabilities) } : {}),
      conditions: n.network.capabilities?.enabled === false ? [DATA_PLANE_OFF] : [],
    };
  }
  if (n.managerStatus !== undefined) {
    out.managerStatus = {
      raftId: n.managerStatus.raftId,
      addr: n.managerStatus.addr,
      leader: n.managerStatus.raftId === mv.leaderRaftId,
      reachability: mv.reachability(n.managerStatus.raftId),
    };
  }
  return out;
}

/**
 * A service as the API shows it. `vipPrefix`: the VIP pool's prefix length, so the endpoint shows
 * each network's virtual IP as Docker does (ADDRESS/PREFIX).
 */
export function serviceToProto(s: Service, vipPrefix?: number): clusterctl.cluster.IService {
  const prefix = vipPrefix ?? Number(DEFAULT_CLUSTER_NETWORK.vipCidr.split('/')[1]);
  return {
    id: s.id,
    meta: metaToProto(s.meta),
    spec: specToProto(s.spec),
    // update status and previous spec
    ...(s.updateStatus !== undefined ? { updateStatus: updateStatusToProto(s.updateStatus) } : {}),
    ...(s.previousSpec !== undefined ? { previousSpec: specToProto(s.previousSpec) } : {}),
    // autoscaling: the last decision
    ...(s.autoscaleStatus !== undefined ? { autoscaleStatus: { ...s.autoscaleStatus } } : {}),
    endpoint: {
      virtualIps: (s.spec.networks ?? []).map((networkId) => ({
        networkId,
        addr: s.vip === undefined ? '' : `${s.vip}/${prefix}`,
      })),
      ports: s.spec.ports.filter((p) => (p.published ?? 0) > 0).map(portToProto),
    },
  };
}

export function networkToProto(n: Network): clusterctl.cluster.INetwork {
  return {
    id: n.id,
    meta: metaToProto(n.meta),
    spec: { name: n.spec.name, labels: { ...n.spec.labels }, driver: n.spec.driver },
  };
}

export function clusterNetworkToProto(c: ClusterNetworkSettings): clusterctl.control.IClusterNetwork {
  return {
    clusterCidr: c.clusterCidr,
    vipCidr: c.vipCidr,
    nodeSubnetBits: c.nodeSubnetBits,
    backend: c.backend,
    vxlanPort: c.vxlanPort,
    mtu: c.mtu,
    dnsDomain: c.dnsDomain,
  };
}

export function taskToProto(t: Task): clusterctl.cluster.ITask {
  return {
    id: t.id,
    meta: metaToProto(t.meta),
    serviceId: t.serviceId,
    slot: t.slot,
    nodeId: t.nodeId,
    desiredState: t.desiredState,
    status: {
      state: t.status.state,
      message: t.status.message,
      timestamp: t.status.timestamp,
      containerId: t.status.containerId ?? '',
      exitCode: t.status.exitCode ?? 0,
      hasExitCode: t.status.exitCode !== undefined,
      err: t.status.err ?? '',
      health: t.status.health ?? '',
      healthMessage: t.status.healthMessage ?? '',
      ip: t.status.ip ?? '',
      imageId: t.status.imageId ?? '',
    },
    spec: specToProto(t.spec),
    serviceVersion: t.serviceVersion,
  };
}
