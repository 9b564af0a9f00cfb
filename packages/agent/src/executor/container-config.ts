// Maps a task's container spec to the body of Docker's POST /containers/create. Pure: no engine, so
// every rule here is unit-tested. Restart policy is always "no": the orchestrator restarts tasks.
import { ClusterError, ErrorCode, expandHostnameTemplate, Label, LABEL_PREFIX } from '@clusterctl/common';
import type { ContainerSpec, CreateContainerOptions, MountSpec, PortMapping, TaskIdentity } from './executor.js';
import { containerName, taskLabels } from './labels.js';

/** Docker refuses memory limits under 6 MiB. */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

/** The subset of Docker's create body we set (field names are the Engine API's). */
export interface DockerCreateBody {
  name: string;
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env: string[];
  Labels: Record<string, string>;
  ExposedPorts: Record<string, Record<string, never>>;
  StopTimeout?: number;
  StopSignal?: string;
  /** Durations in ns; 0 or absent: the image's value, else Docker's default. */
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number };
  // container options
  WorkingDir?: string;
  User?: string;
  Hostname?: string;
  Tty?: boolean;
  HostConfig: {
    PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>>;
    RestartPolicy: { Name: 'no' };
    NanoCpus?: number;
    Memory?: number;
    MemoryReservation?: number;
    // Networking: the cluster network and its resolver.
    NetworkMode?: string;
    Dns?: string[];
    DnsSearch?: string[];
    // mounts and container options
    Mounts?: DockerMount[];
    Init?: boolean;
    ReadonlyRootfs?: boolean;
    CapAdd?: string[];
    CapDrop?: string[];
    Ulimits?: Array<{ Name: string; Soft: number; Hard: number }>;
    Sysctls?: Record<string, string>;
    GroupAdd?: string[];
    LogConfig?: { Type: string; Config: Record<string, string> };
  };
}

/** A mount as the Engine API's HostConfig.Mounts takes it. */
export interface DockerMount {
  Type: 'volume' | 'bind' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly: boolean;
  BindOptions?: { Propagation: string };
  VolumeOptions?: {
    NoCopy?: boolean;
    Labels: Record<string, string>;
    DriverConfig?: { Name: string; Options: Record<string, string> };
  };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

function invalid(message: string, hint: string, details: Record<string, unknown> = {}): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint, details });
}

function isPort(n: unknown, allowZero: boolean): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n <= 65535 && (allowZero ? n >= 0 : n >= 1);
}

function checkPorts(ports: PortMapping[]): void {
  const published = new Set<string>();
  for (const p of ports) {
    if (p.protocol !== 'tcp' && p.protocol !== 'udp') {
      throw invalid(
        `port protocol must be tcp or udp, not ${String(p.protocol)}`,
        'write ports as PUBLISHED:TARGET[/tcp|/udp]',
        { port: p },
      );
    }
    if (!isPort(p.target, false))
      throw invalid(`target port ${String(p.target)} is not a port number`, 'ports are integers 1..65535', { port: p });
    if (p.published !== undefined && !isPort(p.published, true)) {
      throw invalid(`published port ${String(p.published)} is not a port number`, 'ports are integers 1..65535', {
        port: p,
      });
    }
    if (p.published) {
      const key = `${p.published}/${p.protocol}`;
      if (published.has(key))
        throw invalid(`port ${key} is published twice`, 'publish each node port once', { port: p });
      published.add(key);
    }
  }
}

function checkAmount(what: string, n: number | undefined): number | undefined {
  if (n === undefined || n === 0) return undefined;
  if (!Number.isSafeInteger(n) || n < 0)
    throw invalid(
      `${what} must be a non-negative integer, not ${n}`,
      'give CPUs in 1e-9 units (NanoCPUs) and memory in bytes',
      { [what]: n },
    );
  return n;
}

export function toDockerCreateBody(opts: CreateContainerOptions): DockerCreateBody {
  const { spec, ids } = opts;
  if (typeof spec.image !== 'string' || spec.image.trim() === '')
    throw invalid('a task needs an image', 'name an image, e.g. clusterctl/busybox:local');
  const env = spec.env ?? [];
  for (const e of env) {
    if (typeof e !== 'string' || e === '' || e.startsWith('='))
      throw invalid(`bad environment entry ${JSON.stringify(e)}`, 'environment entries are KEY=VALUE', { env: e });
  }
  const ports = spec.ports ?? [];
  checkPorts(ports);
  const nanoCpus = checkAmount('nanoCpus', spec.resources?.limits?.nanoCpus);
  const memory = checkAmount('memoryBytes', spec.resources?.limits?.memoryBytes);
  const memoryReservation = checkAmount('memoryBytes', spec.resources?.reservations?.memoryBytes);
  if (memory !== undefined && memory < MIN_MEMORY_BYTES) {
    throw invalid(
      `memory limit ${memory} bytes is below the engine's minimum of 6 MiB`,
      'give a memory limit of at least 6m',
      { memoryBytes: memory },
    );
  }
  if (memory !== undefined && memoryReservation !== undefined && memoryReservation > memory) {
    throw invalid('memory reservation is larger than the memory limit', 'reserve at most the limit', {
      memoryBytes: memory,
      reservation: memoryReservation,
    });
  }

  const exposed: DockerCreateBody['ExposedPorts'] = {};
  const bindings: DockerCreateBody['HostConfig']['PortBindings'] = {};
  for (const p of ports) {
    const key = `${p.target}/${p.protocol}`;
    exposed[key] = {};
    // On the cluster network an ingress port is the routing mesh's (every node), not a host port.
    const bound = p.published && (opts.network === undefined || p.mode === 'host');
    if (bound) (bindings[key] ??= []).push({ HostIp: opts.hostIp ?? '', HostPort: String(p.published) });
  }

  const body: DockerCreateBody = {
    name: opts.name ?? containerName(ids),
    Image: spec.image,
    Env: [...env],
    Labels: taskLabels(ids, { ...(spec.labels ?? {}), ...(spec.containerLabels ?? {}) }),
    ExposedPorts: exposed,
    HostConfig: { PortBindings: bindings, RestartPolicy: { Name: 'no' } },
  };
  // Like `docker service create IMAGE CMD...`: the command replaces the image's CMD only; the
  // image's ENTRYPOINT (if any) stays and receives it as arguments.
  if (spec.command && spec.command.length > 0) body.Cmd = [...spec.command];
  const stopGraceMs = spec.stopGracePeriodMs ?? opts.stopGraceMs;
  if (stopGraceMs !== undefined) body.StopTimeout = Math.max(0, Math.ceil(stopGraceMs / 1000));
  if (spec.stopSignal !== undefined && spec.stopSignal !== '') body.StopSignal = spec.stopSignal;
  const healthcheck = healthcheckBody(spec.healthcheck);
  if (healthcheck !== undefined) body.Healthcheck = healthcheck;
  if (nanoCpus !== undefined) body.HostConfig.NanoCpus = nanoCpus;
  if (memory !== undefined) body.HostConfig.Memory = memory;
  if (memoryReservation !== undefined) body.HostConfig.MemoryReservation = memoryReservation;
  // Networking: the task joins the node's cluster network and asks the node's cluster DNS.
  if (opts.network) {
    body.HostConfig.NetworkMode = opts.network.name;
    body.HostConfig.Dns = [...opts.network.dns];
    body.HostConfig.DnsSearch = [...opts.network.dnsSearch];
  }
  applyContainerOptions(body, opts);
  // secrets and configs: files on the agent's tmpfs, bound read-only (after the spec's own mounts)
  if (opts.fileMounts !== undefined && opts.fileMounts.length > 0)
    body.HostConfig.Mounts = [
      ...(body.HostConfig.Mounts ?? []),
      ...opts.fileMounts.map((m): DockerMount => ({
        Type: 'bind',
        Source: m.source,
        Target: m.target,
        ReadOnly: true,
      })),
    ];
  return body;
}

const MS_NS = 1_000_000;

/**
 * The engine's Healthcheck for a spec's check. A command check (or timings only: the image's test
 * with these timings) goes to the engine; an HTTP/TCP probe is the agent's, so the engine runs none
 * (the image's HEALTHCHECK is replaced, as a --health-cmd replaces it). Absent: the image's check.
 */
export function healthcheckBody(h: ContainerSpec['healthcheck']): DockerCreateBody['Healthcheck'] {
  if (h === undefined) return undefined;
  if (h.http !== undefined || h.tcp !== undefined) return { Test: ['NONE'] };
  if (h.test[0] === 'NONE') return { Test: ['NONE'] };
  const out: NonNullable<DockerCreateBody['Healthcheck']> = {};
  if (h.test.length > 0) out.Test = [...h.test];
  if (h.intervalMs > 0) out.Interval = h.intervalMs * MS_NS;
  if (h.timeoutMs > 0) out.Timeout = h.timeoutMs * MS_NS;
  if (h.retries > 0) out.Retries = h.retries;
  if (h.startPeriodMs > 0) out.StartPeriod = h.startPeriodMs * MS_NS;
  return out;
}
// ---------------------------------------------------------------------------------------------
// Mounts and container options

/** Labels every volume a task's mount creates carries: the volume is ours (cluster and node). */
export function volumeLabels(ids: TaskIdentity, user: Record<string, string> = {}): Record<string, string> {
  for (const key of Object.keys(user)) {
    if (key.startsWith(LABEL_PREFIX))
      throw invalid(
        `volume label ${key} is reserved`,
        `labels under ${LABEL_PREFIX} are set by clusterctl itself; choose another key`,
        {
          label: key,
        },
      );
  }
  return { ...user, [Label.ClusterId]: ids.clusterId, [Label.NodeId]: ids.nodeId };
}

function toDockerMount(m: MountSpec, ids: TaskIdentity): DockerMount {
  if (typeof m.target !== 'string' || !m.target.startsWith('/'))
    throw invalid(`mount target ${JSON.stringify(m.target)} is not an absolute path`, 'give target=/path', {
      mount: m,
    });
  const out: DockerMount = { Type: m.type, Target: m.target, ReadOnly: m.readOnly === true };
  switch (m.type) {
    case 'bind':
      if (typeof m.source !== 'string' || !m.source.startsWith('/'))
        throw invalid(
          `bind source ${JSON.stringify(m.source)} is not an absolute path`,
          'give source=/path/on/the/node',
          {
            mount: m,
          },
        );
      out.Source = m.source;
      if (m.bindPropagation) out.BindOptions = { Propagation: m.bindPropagation };
      break;
    case 'volume': {
      if (m.source) out.Source = m.source;
      const v = m.volume ?? {};
      out.VolumeOptions = { Labels: volumeLabels(ids, v.labels) };
      if (v.noCopy) out.VolumeOptions.NoCopy = true;
      if (v.driver || (v.options && Object.keys(v.options).length > 0))
        out.VolumeOptions.DriverConfig = { Name: v.driver || 'local', Options: { ...(v.options ?? {}) } };
      break;
    }
    case 'tmpfs':
      if (m.tmpfs?.sizeBytes || m.tmpfs?.mode) {
        out.TmpfsOptions = {};
        if (m.tmpfs.sizeBytes) out.TmpfsOptions.SizeBytes = m.tmpfs.sizeBytes;
        if (m.tmpfs.mode) out.TmpfsOptions.Mode = m.tmpfs.mode;
      }
      break;
    default:
      throw invalid(
        `unknown mount type ${JSON.stringify((m as { type: unknown }).type)}`,
        'a mount is volume, bind or tmpfs',
        {
          mount: m,
        },
      );
  }
  return out;
}

/** The hostname a task's container gets (templates expanded), or undefined when the spec sets none. */
export function taskHostname(spec: ContainerSpec, ids: TaskIdentity, nodeHostname: string): string | undefined {
  if (!spec.hostname) return undefined;
  return expandHostnameTemplate('hostname', spec.hostname, {
    serviceName: ids.serviceName || ids.serviceId,
    serviceId: ids.serviceId,
    taskSlot: ids.slot ?? 0,
    taskId: ids.taskId,
    nodeId: ids.nodeId,
    nodeHostname,
  });
}

function applyContainerOptions(body: DockerCreateBody, opts: CreateContainerOptions): void {
  const { spec, ids } = opts;
  const hc = body.HostConfig;
  if (spec.entrypoint && spec.entrypoint.length > 0) body.Entrypoint = [...spec.entrypoint];
  if (spec.workdir) body.WorkingDir = spec.workdir;
  if (spec.user) body.User = spec.user;
  const hostname = taskHostname(spec, ids, opts.nodeHostname ?? '');
  if (hostname !== undefined) body.Hostname = hostname;
  if (spec.tty) body.Tty = true;
  if (spec.mounts && spec.mounts.length > 0) hc.Mounts = spec.mounts.map((m) => toDockerMount(m, ids));
  if (spec.init) hc.Init = true;
  if (spec.readOnly) hc.ReadonlyRootfs = true;
  if (spec.capAdd && spec.capAdd.length > 0) hc.CapAdd = [...spec.capAdd];
  if (spec.capDrop && spec.capDrop.length > 0) hc.CapDrop = [...spec.capDrop];
  if (spec.ulimits && spec.ulimits.length > 0)
    hc.Ulimits = spec.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard }));
  if (spec.sysctls && Object.keys(spec.sysctls).length > 0) hc.Sysctls = { ...spec.sysctls };
  if (spec.groups && spec.groups.length > 0) hc.GroupAdd = [...spec.groups];
  if (spec.logDriver?.name) hc.LogConfig = { Type: spec.logDriver.name, Config: { ...spec.logDriver.options } };
}
