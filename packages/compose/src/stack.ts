// A compose project as the cluster objects of a stack (what `docker stack deploy` makes of it): every
// name prefixed with the stack (`shop_web`), the label com.docker.stack.namespace=NAME on every
// object, service specs and rollout settings for the control API. What the file asks and the cluster
// cannot do yet is never dropped silently: it comes back as a warning naming each key.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { ClusterError, ErrorCode, normalizeCapability, STACK_NAMESPACE_LABEL } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { DEFAULT_MONITOR_MS } from './convert.js';
import type { Vars } from './interpolate.js';
import type { ComposeProject, ComposeService, FileReference, HealthCheck, Mount, UpdatePolicy } from './model.js';

/** Docker's label: `stack ls` groups objects by it, and `stack rm` removes what carries it. */
export { STACK_NAMESPACE_LABEL };

/** A stack name: the service names it makes must stay valid service names. */
export const STACK_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const MAX_SERVICE_NAME_CHARS = 63;

export interface PlannedService {
  /** The name in the compose file (`web`). */
  shortName: string;
  /** `NAME_web` */
  name: string;
  spec: clusterctl.cluster.IServiceSpec;
  updateConfig: clusterctl.control.IUpdateConfig;
}

export interface PlannedNetwork {
  /** The key in the compose file (`default`, `back`). */
  shortName: string;
  /** The name on the cluster: `NAME_back`, or `name:`; for an external network, the network to use. */
  name: string;
  /** Referenced, not created (and not removed with the stack). */
  external: boolean;
  labels: Record<string, string>;
}

/** A top-level secret or config of the file as the cluster object the stack creates or uses. */
export interface PlannedFileObject {
  /** The key in the compose file (`db_password`). */
  shortName: string;
  /** `NAME_db_password`, or `name:`; for an external one, the existing object to use. */
  name: string;
  /** Referenced, not created (and not removed with the stack). */
  external: boolean;
  labels: Record<string, string>;
  /** What it is created with (from `file`, `content` or `environment`); empty when external. */
  data: Uint8Array;
}

export interface StackPlan {
  stack: string;
  services: PlannedService[];
  /** The networks the services use (created first unless external). */
  networks: PlannedNetwork[];
  /** Every top-level secret and config of the file (created before the services unless external). */
  secrets: PlannedFileObject[];
  configs: PlannedFileObject[];
  /** `Ignoring unsupported options: build, depends_on` and the keys not supported yet; empty when none. */
  warnings: string[];
}

/** The cluster's rollout defaults, what a service gets when the file has no update_config or rollback_config. */
const UPDATE_DEFAULTS: Readonly<UpdatePolicy> = {
  parallelism: 1,
  delayMs: 0,
  order: 'stop-first',
  failureAction: 'pause',
  monitorMs: DEFAULT_MONITOR_MS,
  maxFailureRatio: 0,
};

/** Where planStack reads what secrets and configs are created with. */
export interface PlanOptions {
  /** The variables of `environment:` secrets and configs (the environment the file was read with). */
  env?: Vars;
  /** Reads a `file:` (absolute path); fs.readFileSync by default. */
  readFile?: (path: string) => Uint8Array;
}

export function checkStackName(stack: string): void {
  if (!STACK_NAME_RE.test(stack) || stack.length > MAX_SERVICE_NAME_CHARS - 2)
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid stack name ${JSON.stringify(stack)}`, {
      hint: 'a stack name is letters, digits, "_", "." or "-", starting with a letter or digit (its services are named NAME_service)',
    });
}

/** Records what the file asks that this cluster does not do yet, by key, with where it was asked. */
class NotYet {
  private readonly byKey = new Map<string, string[]>();
  add(key: string, where: string): void {
    const l = this.byKey.get(key) ?? [];
    if (!l.includes(where)) l.push(where);
    this.byKey.set(key, l);
  }
  warning(): string | undefined {
    if (this.byKey.size === 0) return undefined;
    const parts = [...this.byKey.entries()].map(([k, where]) => `${k} (${where.join(', ')})`);
    return `Not supported yet, left out: ${parts.join('; ')}`;
  }
}

/**
 * The cluster objects of `project` deployed as stack `stack`; throws when a service name would be
 * invalid or a secret's or config's file cannot be read.
 */
export function planStack(project: ComposeProject, stack: string, opts: PlanOptions = {}): StackPlan {
  checkStackName(stack);
  const notYet = new NotYet();
  const secrets = fileObjects('secrets', project, stack, opts);
  const configs = fileObjects('configs', project, stack, opts);
  const networks = new Map<string, PlannedNetwork>();
  const networkOf = (key: string): PlannedNetwork => {
    const known = networks.get(key);
    if (known !== undefined) return known;
    const n = project.networks[key];
    const external = n?.external === true;
    const planned: PlannedNetwork = {
      shortName: key,
      name: n?.name ?? (external ? key : `${stack}_${key}`),
      external,
      labels: external ? {} : { ...(n?.labels ?? {}), [STACK_NAMESPACE_LABEL]: stack },
    };
    if (n !== undefined && !external) {
      const where = `networks.${key}`;
      if (n.driver !== 'overlay') notYet.add('networks driver other than overlay', where);
      if (Object.keys(n.driverOpts).length > 0) notYet.add('networks driver_opts', where);
      if (n.internal) notYet.add('networks internal', where);
      if (n.attachable) notYet.add('networks attachable', where);
      if (n.subnets.length > 0) notYet.add('networks ipam', where);
    }
    networks.set(key, planned);
    return planned;
  };
  const services: PlannedService[] = [];
  for (const [short, s] of Object.entries(project.services)) {
    const name = `${stack}_${short}`;
    if (name.length > MAX_SERVICE_NAME_CHARS)
      throw new ClusterError(ErrorCode.InvalidArgument, `service name ${name} is longer than 63 characters`, {
        hint: 'shorten the stack name or the service name in the compose file',
      });
    const planned = serviceSpec(name, s, stack, project, notYet);
    // secrets and configs: by their names on the cluster, targets and defaults as the managers store them
    planned.spec.secrets = s.secrets.map((r) => fileRef('secret', r, secrets, s.name));
    planned.spec.configs = s.configs.map((r) => fileRef('config', r, configs, s.name));
    const keys = Object.keys(s.networks).length > 0 ? Object.keys(s.networks) : ['default'];
    planned.spec.networks = keys.map((k) => networkOf(k).name);
    // extra names on one network each (the short name is every stack service's alias already)
    planned.spec.networkAliases = keys
      .filter((k) => (s.networks[k]?.aliases.length ?? 0) > 0)
      .map((k) => ({ network: networkOf(k).name, aliases: [...s.networks[k]!.aliases] }));
    services.push({ shortName: short, name, ...planned });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  // services reach each other by their short names (`db`) on the networks they share: the managers
  // give a service labelled with its stack its name without the stack prefix as a DNS alias
  const warnings: string[] = [];
  const ignored = [...new Set(project.ignored.map((i) => i.key))].sort();
  if (ignored.length > 0) warnings.push(`Ignoring unsupported options: ${ignored.join(', ')}`);
  const later = notYet.warning();
  if (later !== undefined) warnings.push(later);
  return { stack, services, networks: [...networks.values()], secrets, configs, warnings };
}

/** The top-level secrets or configs as the stack's objects (`NAME_key`), their data read now. */
function fileObjects(
  kind: 'secrets' | 'configs',
  project: ComposeProject,
  stack: string,
  opts: PlanOptions,
): PlannedFileObject[] {
  const read = opts.readFile ?? ((path: string) => readFileSync(path));
  return Object.entries(project[kind])
    .map(([key, o]): PlannedFileObject => {
      const name = o.name ?? (o.external ? key : `${stack}_${key}`);
      if (o.external) return { shortName: key, name, external: true, labels: {}, data: new Uint8Array(0) };
      let data: Uint8Array;
      if (o.file !== undefined) {
        try {
          data = read(o.file);
        } catch (e) {
          throw new ClusterError(
            ErrorCode.InvalidArgument,
            `${kind}.${key}: cannot read ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
            { hint: 'a file: path is relative to the compose file that names it' },
          );
        }
      } else if (o.environment !== undefined) {
        const v = opts.env?.[o.environment];
        if (v === undefined)
          throw new ClusterError(
            ErrorCode.InvalidArgument,
            `${kind}.${key}: the variable ${o.environment} is not set`,
            { hint: `set ${o.environment} in the environment of stack deploy` },
          );
        data = Buffer.from(v);
      } else data = Buffer.from(o.content ?? '');
      return { shortName: key, name, external: false, labels: { ...o.labels, [STACK_NAMESPACE_LABEL]: stack }, data };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A service's reference to a secret or config, as the managers store it: the object's cluster name,
 * an absolute target (secrets under /run/secrets, configs under /), owner 0:0 and mode 0444 by default.
 */
function fileRef(
  kind: 'secret' | 'config',
  r: FileReference,
  objects: readonly PlannedFileObject[],
  service: string,
): clusterctl.cluster.IFileReference {
  const o = objects.find((x) => x.shortName === r.source);
  if (o === undefined)
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `service ${service} uses ${kind} ${r.source}, which the file does not declare`,
      {
        hint: `declare it under the top-level ${kind}s: key (file: or external: true)`,
      },
    );
  const base = kind === 'secret' ? '/run/secrets' : '/';
  const target = posix.normalize(posix.isAbsolute(r.target) ? r.target : posix.join(base, r.target));
  return { name: o.name, target, uid: r.uid || '0', gid: r.gid || '0', mode: r.mode === 0 ? 0o444 : r.mode };
}

function serviceSpec(
  name: string,
  s: ComposeService,
  stack: string,
  project: ComposeProject,
  notYet: NotYet,
): { spec: clusterctl.cluster.IServiceSpec; updateConfig: clusterctl.control.IUpdateConfig } {
  const d = s.deploy;
  const at = s.name;
  const ask = (cond: boolean, key: string): void => {
    if (cond) notYet.add(key, at);
  };
  // -- keys whose cluster feature is not there yet (one line each, so each flips on its own)
  ask(s.healthcheck !== undefined && s.healthcheck.startIntervalMs > 0, 'healthcheck start_interval');
  ask(
    s.ports.some((p) => p.hostIp !== ''),
    'ports host_ip',
  );
  ask(
    s.ports.some((p) => p.published === 0),
    'ports without a published port (reachable on the stack network)',
  );
  ask(d.preferences.length > 0, 'deploy.placement.preferences');
  ask(d.maxReplicasPerNode > 0, 'deploy.placement.max_replicas_per_node');
  ask(d.limits.pids > 0 || d.reservations.pids > 0, 'deploy.resources pids');
  const u = d.updateConfig ?? UPDATE_DEFAULTS;

  const badProtocol = s.ports.find((p) => p.protocol === 'sctp');
  if (badProtocol !== undefined)
    throw new ClusterError(ErrorCode.InvalidArgument, `service ${s.name}: port ${badProtocol.target}/sctp`, {
      hint: 'the cluster publishes tcp and udp ports',
    });

  const labels: Record<string, string> = { ...d.labels, [STACK_NAMESPACE_LABEL]: stack };
  const rp = d.restartPolicy;
  const spec: clusterctl.cluster.IServiceSpec = {
    name,
    image: s.image,
    command: s.command ?? [],
    env: Object.entries(s.environment).map(([k, v]) => `${k}=${v}`),
    labels,
    mode: d.mode,
    replicas: d.mode === 'global' ? 0 : d.replicas,
    constraints: d.constraints.map(normalizeConstraint),
    reservations: { nanoCpus: d.reservations.nanoCpus, memoryBytes: d.reservations.memoryBytes },
    limits: { nanoCpus: d.limits.nanoCpus, memoryBytes: d.limits.memoryBytes },
    ports: s.ports
      .filter((p) => p.published > 0)
      .map((p) => ({ published: p.published, target: p.target, protocol: p.protocol, mode: p.mode })),
    restartPolicy: rp
      ? { condition: rp.condition, delayMs: rp.delayMs, maxAttempts: rp.maxAttempts, windowMs: rp.windowMs }
      : { condition: 'any', delayMs: 0, maxAttempts: 0, windowMs: 0 },
    // networking (spec.networks is filled by planStack)
    endpointMode: d.endpointMode,
    // health check and stop
    ...(s.healthcheck !== undefined ? { healthcheck: healthcheck(s.healthcheck) } : {}),
    ...(s.stopGracePeriodMs !== undefined ? { stopGracePeriodMs: s.stopGracePeriodMs, hasStopGracePeriod: true } : {}),
    stopSignal: stopSignal(s.stopSignal),
    // mounts and container options
    mounts: s.volumes.map((m) => mount(m, stack, project)),
    entrypoint: s.entrypoint ?? [],
    workdir: s.workingDir,
    user: s.user,
    hostname: s.hostname,
    init: s.init === true,
    readOnly: s.readOnly,
    capAdd: capabilities(s.name, s.capAdd),
    capDrop: capabilities(s.name, s.capDrop),
    ulimits: Object.entries(s.ulimits).map(([n, u]) => ({ name: n, soft: u.soft, hard: u.hard })),
    sysctls: { ...s.sysctls },
    containerLabels: { ...s.labels, [STACK_NAMESPACE_LABEL]: stack },
    ...(s.logging !== undefined && s.logging.driver !== ''
      ? { logDriver: { name: s.logging.driver, options: { ...s.logging.options } } }
      : {}),
    // update and rollback policies: the file's, else the defaults (a redeploy replaces the whole spec)
    updateConfig: rollout(u),
    rollbackConfig: rollout(d.rollbackConfig ?? UPDATE_DEFAULTS),
  };
  const updateConfig: clusterctl.control.IUpdateConfig = {
    parallelism: u.parallelism,
    delayMs: u.delayMs,
    order: u.order,
  };
  return { spec, updateConfig };
}

function rollout(u: UpdatePolicy): clusterctl.cluster.IUpdateConfig {
  return {
    parallelism: u.parallelism,
    delayMs: u.delayMs,
    order: u.order,
    failureAction: u.failureAction,
    monitorMs: u.monitorMs,
    maxFailureRatio: u.maxFailureRatio,
  };
}

function healthcheck(h: HealthCheck): clusterctl.cluster.IHealthCheck {
  return {
    test: h.disable ? ['NONE'] : h.test,
    intervalMs: h.intervalMs,
    timeoutMs: h.timeoutMs,
    retries: h.retries,
    startPeriodMs: h.startPeriodMs,
  };
}

/** `INT`, `sigint`, `SIGINT` -> `SIGINT` (as the managers store it); numbers stay. */
function stopSignal(v: string): string {
  const up = v.trim().toUpperCase();
  if (up === '' || /^[0-9]+$/.test(up)) return up;
  return up.startsWith('SIG') ? up : `SIG${up}`;
}

function capabilities(service: string, caps: readonly string[]): string[] {
  return [
    ...new Set(
      caps.map((c) => {
        try {
          return normalizeCapability('capability', c);
        } catch (e) {
          if (e instanceof ClusterError)
            throw new ClusterError(ErrorCode.InvalidArgument, `service ${service}: ${e.message}`, { hint: e.hint });
          throw e;
        }
      }),
    ),
  ];
}

/** A named volume is the stack's (`NAME_data`, labelled) unless external or named with `name:`. */
function mount(m: Mount, stack: string, project: ComposeProject): clusterctl.cluster.IMount {
  if (m.type === 'bind') return { type: 'bind', source: m.source, target: m.target, readOnly: m.readOnly };
  if (m.type === 'tmpfs') return { type: 'tmpfs', target: m.target, tmpfsSizeBytes: m.tmpfsSizeBytes };
  const v = m.source === '' ? undefined : project.volumes[m.source];
  const source = m.source === '' ? '' : (v?.name ?? (v?.external === true ? m.source : `${stack}_${m.source}`));
  const own = v !== undefined && !v.external;
  return {
    type: 'volume',
    source,
    target: m.target,
    readOnly: m.readOnly,
    volumeNocopy: m.noCopy,
    ...(own && v.driver !== 'local' ? { volumeDriver: v.driver } : {}),
    ...(own ? { volumeOptions: { ...v.driverOpts } } : {}),
    ...(own ? { volumeLabels: { ...v.labels, [STACK_NAMESPACE_LABEL]: stack } } : {}),
  };
}

/** `node.labels.disk == ssd` -> `node.labels.disk==ssd` (the form `service create --constraint` stores). */
function normalizeConstraint(c: string): string {
  const m = /^\s*(.+?)\s*(==|!=)\s*(.*?)\s*$/.exec(c);
  return m ? `${m[1]}${m[2]}${m[3]}` : c.trim();
}
