// Store records -> the API's messages (proto/cluster.proto).

import type { HealthCheck, Meta, Node, Service, ServiceSpec, Task } from '@clusterctl/store';
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
    ports: s.ports.map((p) => ({ published: p.published ?? 0, target: p.target, protocol: p.protocol })),
    restartPolicy: {
      condition: s.restartPolicy.condition,
      delayMs: s.restartPolicy.delayMs,
      maxAttempts: s.restartPolicy.maxAttempts,
      windowMs: s.restartPolicy.windowMs ?? 0,
    },
  };
  // health check and stop
  if (s.healthcheck !== undefined) out.healthcheck = healthcheckToProto(s.healthcheck);
  if (s.stopGracePeriodMs !== undefined) {
    out.stopGracePeriodMs = s.stopGracePeriodMs;
    out.hasStopGracePeriod = true;
  }
  if (s.stopSignal !== undefined) out.stopSignal = s.stopSignal;
  return out;
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

export interface ManagerView {
  leaderRaftId: number;
  /** raft id -> reachable | unreachable | unknown, as this manager sees it. */
  reachability(raftId: number): string;
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

export function serviceToProto(s: Service): clusterctl.cluster.IService {
  return { id: s.id, meta: metaToProto(s.meta), spec: specToProto(s.spec) };
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
    },
    spec: specToProto(t.spec),
    serviceVersion: t.serviceVersion,
  };
}
