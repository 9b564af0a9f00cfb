// A compose project as the cluster objects of a stack (what `docker stack deploy` makes of it): every
// name prefixed with the stack (`shop_web`), the label com.docker.stack.namespace=NAME on every
// object, service specs and rollout settings for the control API. What the file asks and the cluster
// cannot do yet is never dropped silently: it comes back as a warning naming each key.
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { ComposeProject, ComposeService, UpdatePolicy } from './model.js';

/** Docker's label: `stack ls` groups objects by it, and `stack rm` removes what carries it. */
export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';

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

export interface StackPlan {
  stack: string;
  services: PlannedService[];
  /** `Ignoring unsupported options: build, depends_on` and the keys not supported yet; empty when none. */
  warnings: string[];
}

/** The cluster's rollout defaults (Control's UpdateConfig when the file has no update_config). */
const UPDATE_DEFAULTS: Readonly<Required<Pick<UpdatePolicy, 'parallelism' | 'delayMs' | 'order'>>> = {
  parallelism: 1,
  delayMs: 0,
  order: 'stop-first',
};

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

/** The cluster objects of `project` deployed as stack `stack`; throws when a service name would be invalid. */
export function planStack(project: ComposeProject, stack: string): StackPlan {
  checkStackName(stack);
  const notYet = new NotYet();
  const services: PlannedService[] = [];
  for (const [short, s] of Object.entries(project.services)) {
    const name = `${stack}_${short}`;
    if (name.length > MAX_SERVICE_NAME_CHARS)
      throw new ClusterError(ErrorCode.InvalidArgument, `service name ${name} is longer than 63 characters`, {
        hint: 'shorten the stack name or the service name in the compose file',
      });
    services.push({ shortName: short, name, ...serviceSpec(name, s, stack, notYet) });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  // the stack network, on which services reach each other by their short names
  if (services.length > 0 && Object.keys(project.networks).length === 0)
    notYet.add('the stack network (services reaching each other by short name)', `${stack}_default`);
  // top-level objects: a stack creates none yet (networks, volumes, secrets and configs are features of their own)
  for (const kind of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    const names = Object.keys(project[kind]);
    if (names.length > 0) notYet.add(`top-level ${kind}`, names.join(', '));
  }
  const warnings: string[] = [];
  const ignored = [...new Set(project.ignored.map((i) => i.key))].sort();
  if (ignored.length > 0) warnings.push(`Ignoring unsupported options: ${ignored.join(', ')}`);
  const later = notYet.warning();
  if (later !== undefined) warnings.push(later);
  return { stack, services, warnings };
}

function serviceSpec(
  name: string,
  s: ComposeService,
  stack: string,
  notYet: NotYet,
): { spec: clusterctl.cluster.IServiceSpec; updateConfig: clusterctl.control.IUpdateConfig } {
  const d = s.deploy;
  const at = s.name;
  const ask = (cond: boolean, key: string): void => {
    if (cond) notYet.add(key, at);
  };
  // -- keys whose cluster feature is not there yet (one line each, so each flips on its own)
  ask(s.entrypoint !== undefined, 'entrypoint');
  ask(Object.keys(s.networks).length > 0, 'networks');
  ask(s.volumes.length > 0, 'volumes');
  ask(s.secrets.length > 0, 'secrets');
  ask(s.configs.length > 0, 'configs');
  ask(s.healthcheck !== undefined, 'healthcheck');
  ask(Object.keys(s.labels).length > 0, 'labels (container labels)');
  ask(s.user !== '', 'user');
  ask(s.workingDir !== '', 'working_dir');
  ask(s.hostname !== '', 'hostname');
  ask(s.stopGracePeriodMs !== undefined, 'stop_grace_period');
  ask(s.stopSignal !== '', 'stop_signal');
  ask(s.init !== undefined, 'init');
  ask(s.readOnly, 'read_only');
  ask(s.capAdd.length > 0, 'cap_add');
  ask(s.capDrop.length > 0, 'cap_drop');
  ask(Object.keys(s.ulimits).length > 0, 'ulimits');
  ask(Object.keys(s.sysctls).length > 0, 'sysctls');
  ask(s.logging !== undefined, 'logging');
  ask(
    s.ports.some((p) => p.mode === 'host'),
    'ports mode: host',
  );
  ask(
    s.ports.some((p) => p.hostIp !== ''),
    'ports host_ip',
  );
  ask(d.preferences.length > 0, 'deploy.placement.preferences');
  ask(d.maxReplicasPerNode > 0, 'deploy.placement.max_replicas_per_node');
  ask(d.limits.pids > 0 || d.reservations.pids > 0, 'deploy.resources pids');
  ask(d.endpointMode !== 'vip', 'deploy.endpoint_mode');
  ask(d.rollbackConfig !== undefined, 'deploy.rollback_config');
  const u = d.updateConfig;
  ask(u !== undefined && u.failureAction !== 'pause', 'deploy.update_config.failure_action');
  ask(u !== undefined && u.monitorMs > 0, 'deploy.update_config.monitor');
  ask(u !== undefined && u.maxFailureRatio > 0, 'deploy.update_config.max_failure_ratio');

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
    ports: s.ports.map((p) => ({ published: p.published, target: p.target, protocol: p.protocol })),
    restartPolicy: rp
      ? { condition: rp.condition, delayMs: rp.delayMs, maxAttempts: rp.maxAttempts, windowMs: rp.windowMs }
      : { condition: 'any', delayMs: 0, maxAttempts: 0, windowMs: 0 },
  };
  const updateConfig: clusterctl.control.IUpdateConfig = {
    parallelism: u?.parallelism ?? UPDATE_DEFAULTS.parallelism,
    delayMs: u?.delayMs ?? UPDATE_DEFAULTS.delayMs,
    order: u?.order ?? UPDATE_DEFAULTS.order,
  };
  return { spec, updateConfig };
}

/** `node.labels.disk == ssd` -> `node.labels.disk==ssd` (the form `service create --constraint` stores). */
function normalizeConstraint(c: string): string {
  const m = /^\s*(.+?)\s*(==|!=)\s*(.*?)\s*$/.exec(c);
  return m ? `${m[1]}${m[2]}${m[3]}` : c.trim();
}
