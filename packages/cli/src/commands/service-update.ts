// `service update` (like `docker service update`): the flags are checked first (nothing is sent on a
// bad one), then read-modify-write of the service's spec with its version (a concurrent change gives
// CONFLICT: read again, apply the same flags, retry a few times). The managers validate the whole
// new spec as on create; the orchestrator replaces the outdated tasks one at a time.
import { ClusterError, ErrorCode, isVersionConflict } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import {
  checkPorts,
  parseChoice,
  parseConstraint,
  parseCount,
  parseEnv,
  parseLabel,
  parseMemoryBytesOrNone,
  parseNanoCpusOrNone,
  parsePort,
  splitArgs,
  usageError,
  type PortSpec,
} from '../parse.js';
import type { Output } from '../render.js';
import { parseAutoscale, plainAutoscale } from './service-autoscale.js';
import { serviceView, type ServiceView } from '../views.js';
import {
  applyHealthPlan,
  healthPlanEmpty,
  healthStopFields,
  healthStopView,
  parseHealthFlags,
  type HealthPlan,
} from './service-health.js';
import {
  applyContainerUpdate,
  CONTAINER_OPTION_FIELDS,
  containerPlanAsks,
  parseContainerUpdateFlags,
  plainContainerOptions,
  type ContainerUpdateFlags,
  type ContainerUpdatePlan,
} from './container-options.js';
import { followService, PROGRESS_DEFAULTS, type ProgressConfig } from './service-progress.js';
import {
  MAX_REPLICAS,
  MIN_MEMORY_LIMIT_BYTES,
  parseEndpointMode,
  parseNetworkRefs,
  parseRolloutFlags,
  rolloutView,
  type TaskFlags,
  type UpdateConfigFlags,
} from './service-spec.js';
import {
  applyFileRefPlan,
  fileRefPlanAsked,
  parseFileRefFlags,
  plainFileRefs,
  type FileRefFlags,
  type FileRefPlan,
} from './file-refs.js';

export interface ServiceUpdateOptions extends TaskFlags, ContainerUpdateFlags, FileRefFlags {
  image?: string;
  args?: string;
  envAdd?: string[];
  envRm?: string[];
  labelAdd?: string[];
  labelRm?: string[];
  constraintAdd?: string[];
  constraintRm?: string[];
  publishAdd?: string[];
  publishRm?: string[];
  force?: boolean;
  // networking
  networkAdd?: string[];
  networkRm?: string[];
  endpointMode?: string;
  /** Back to the previous spec (`service update --rollback`, as `service rollback`). */
  rollback?: boolean;
}

/** How often a read-modify-write is tried when the service keeps changing under us. */
export const UPDATE_ATTEMPTS = 5;

const IMAGE_RE = /^[a-zA-Z0-9][a-zA-Z0-9._\-/:@+]*$/;

/** A port to remove: exact PUBLISHED:TARGET, or PORT (published port PORT, else an unpublished target PORT). */
interface PortRm {
  raw: string;
  published: number;
  target: number;
  protocol: 'tcp' | 'udp';
  exact: boolean;
}

/** Every flag parsed and checked on its own (before the daemon is asked anything). */
export interface UpdatePlan {
  image?: string;
  command?: string[];
  envAdd: [string, string][];
  envRm: string[];
  labelAdd: [string, string][];
  labelRm: string[];
  constraintAdd: string[];
  constraintRm: string[];
  publishAdd: PortSpec[];
  publishRm: PortRm[];
  /** Networking: network names or ids to join / leave; the endpoint mode. */
  networkAdd: string[];
  networkRm: string[];
  endpointMode?: 'vip' | 'dnsrr';
  replicas?: number;
  reserveCpu?: number;
  reserveMemory?: number;
  limitCpu?: number;
  limitMemory?: number;
  restartCondition?: 'any' | 'on-failure' | 'none';
  restartMaxAttempts?: number;
  update: UpdateConfigFlags;
  rollbackPolicy: UpdateConfigFlags;
  force: boolean;
  /** Health check and stop flags. */
  health: HealthPlan;
  /** Mounts and container options. */
  container: ContainerUpdatePlan;
  // secrets and configs
  files: FileRefPlan;
  /** Autoscaling: the new config (null: --autoscale none); rebalancing on or off. */
  autoscale?: clusterctl.cluster.IAutoscaleConfig | null;
  rebalance?: boolean;
  /** --rollback: back to the previous spec (no other change). */
  rollback: boolean;
  /** No change asked: resume the service's paused update (Docker's bare `service update`). */
  resume: boolean;
}

const NOTHING_HINT =
  'give at least one change, e.g. --image IMAGE, --env-add KEY=VALUE, --replicas N (see `clusterctl service update --help`), or --force to replace the tasks anyway; without a change, service update resumes a paused update';

function both(flagA: string, flagB: string, what: string, key: string): ClusterError {
  return usageError(
    `${flagA} and ${flagB} both name ${what} ${JSON.stringify(key)}`,
    `add or remove ${what} ${key}, not both`,
  );
}

export function parseUpdateFlags(o: ServiceUpdateOptions): UpdatePlan {
  const plan: UpdatePlan = {
    envAdd: [],
    envRm: [],
    labelAdd: [],
    labelRm: [],
    constraintAdd: [],
    constraintRm: [],
    publishAdd: [],
    publishRm: [],
    networkAdd: parseNetworkRefs('--network-add', o.networkAdd ?? []),
    networkRm: parseNetworkRefs('--network-rm', o.networkRm ?? []),
    ...(o.endpointMode !== undefined ? { endpointMode: parseEndpointMode(o.endpointMode) } : {}),
    update: parseRolloutFlags(o, 'update'),
    rollbackPolicy: parseRolloutFlags(o, 'rollback'),
    force: o.force === true,
    health: parseHealthFlags(o),
    container: parseContainerUpdateFlags(o),
    files: parseFileRefFlags(o),
    rollback: o.rollback === true,
    resume: false,
  };
  if (o.image !== undefined) {
    const image = o.image.trim();
    if (image === '' || !IMAGE_RE.test(image) || image.length > 512) {
      throw usageError(
        `--image: invalid image reference ${JSON.stringify(o.image)}`,
        'an image looks like NAME[:TAG] or NAME@DIGEST, e.g. busybox:1.36',
      );
    }
    plan.image = image;
  }
  if (o.args !== undefined) plan.command = splitArgs('--args', o.args);

  plan.envAdd = (o.envAdd ?? []).map((e) => {
    const v = parseEnv(e);
    const eq = v.indexOf('=');
    return [v.slice(0, eq), v];
  });
  plan.envRm = (o.envRm ?? []).map((k) => {
    const key = k.trim();
    if (key === '' || /[\s=]/.test(key))
      throw usageError(`--env-rm: invalid variable name ${JSON.stringify(k)}`, 'give the KEY only, e.g. --env-rm MODE');
    return key;
  });
  for (const [k] of plan.envAdd) if (plan.envRm.includes(k)) throw both('--env-add', '--env-rm', 'variable', k);

  plan.labelAdd = (o.labelAdd ?? []).map((l) => parseLabel('--label-add', l));
  plan.labelRm = (o.labelRm ?? []).map((k) => {
    const key = k.trim();
    if (key === '' || /[\s=]/.test(key))
      throw usageError(`--label-rm: invalid label key ${JSON.stringify(k)}`, 'give the KEY only, e.g. --label-rm team');
    return key;
  });
  for (const [k] of plan.labelAdd) if (plan.labelRm.includes(k)) throw both('--label-add', '--label-rm', 'label', k);

  const constraintText = (flag: string, c: string): string => {
    try {
      parseConstraint(c);
    } catch (e) {
      if (e instanceof ClusterError) throw usageError(e.message.replace(/^--constraint/, flag), e.hint ?? '');
      throw e;
    }
    return c.trim();
  };
  plan.constraintAdd = (o.constraintAdd ?? []).map((c) => constraintText('--constraint-add', c));
  plan.constraintRm = (o.constraintRm ?? []).map((c) => constraintText('--constraint-rm', c));
  for (const c of plan.constraintAdd)
    if (plan.constraintRm.includes(c)) throw both('--constraint-add', '--constraint-rm', 'constraint', c);
  for (const n of plan.networkAdd)
    if (plan.networkRm.includes(n)) throw both('--network-add', '--network-rm', 'network', n);

  const portFlag = (flag: string, v: string): PortSpec => {
    try {
      return parsePort(v);
    } catch (e) {
      if (e instanceof ClusterError) throw usageError(e.message.replace(/^--publish/, flag), e.hint ?? '');
      throw e;
    }
  };
  plan.publishAdd = (o.publishAdd ?? []).map((p) => portFlag('--publish-add', p));
  checkPorts(plan.publishAdd);
  plan.publishRm = (o.publishRm ?? []).map((p) => {
    const spec = portFlag('--publish-rm', p);
    return {
      raw: p.trim(),
      published: spec.published,
      target: spec.target,
      protocol: spec.protocol,
      exact: p.includes(':'),
    };
  });

  if (o.replicas !== undefined) plan.replicas = parseCount('--replicas', o.replicas, MAX_REPLICAS);
  if (o.reserveCpu !== undefined) plan.reserveCpu = parseNanoCpusOrNone('--reserve-cpu', o.reserveCpu);
  if (o.reserveMemory !== undefined) plan.reserveMemory = parseMemoryBytesOrNone('--reserve-memory', o.reserveMemory);
  if (o.limitCpu !== undefined) plan.limitCpu = parseNanoCpusOrNone('--limit-cpu', o.limitCpu);
  if (o.limitMemory !== undefined) {
    plan.limitMemory = parseMemoryBytesOrNone('--limit-memory', o.limitMemory);
    if (plan.limitMemory > 0 && plan.limitMemory < MIN_MEMORY_LIMIT_BYTES)
      throw usageError(
        `--limit-memory ${o.limitMemory} is below the engine's minimum of 6 MiB`,
        'use --limit-memory 6m or more (0 removes the limit)',
      );
  }
  if (o.restartCondition !== undefined)
    plan.restartCondition = parseChoice('--restart-condition', o.restartCondition, [
      'any',
      'on-failure',
      'none',
    ] as const);
  if (o.restartMaxAttempts !== undefined)
    plan.restartMaxAttempts = parseCount('--restart-max-attempts', o.restartMaxAttempts, 1_000_000);
  // autoscaling and rebalancing
  if (o.autoscale !== undefined) plan.autoscale = parseAutoscale(o.autoscale, MAX_REPLICAS);
  if (o.rebalance !== undefined) plan.rebalance = o.rebalance;

  const asked =
    plan.image !== undefined ||
    plan.command !== undefined ||
    plan.envAdd.length + plan.envRm.length + plan.labelAdd.length + plan.labelRm.length > 0 ||
    plan.constraintAdd.length + plan.constraintRm.length + plan.publishAdd.length + plan.publishRm.length > 0 ||
    plan.networkAdd.length + plan.networkRm.length > 0 ||
    plan.endpointMode !== undefined ||
    [
      plan.replicas,
      plan.reserveCpu,
      plan.reserveMemory,
      plan.limitCpu,
      plan.limitMemory,
      plan.restartCondition,
      plan.restartMaxAttempts,
      plan.autoscale,
      plan.rebalance,
    ].some((v) => v !== undefined) ||
    Object.keys(plan.update).length + Object.keys(plan.rollbackPolicy).length > 0 ||
    !healthPlanEmpty(plan.health) ||
    containerPlanAsks(plan.container) ||
    fileRefPlanAsked(plan.files) ||
    plan.force;
  if (plan.rollback && asked)
    throw usageError(
      'service update --rollback returns to the previous spec: it takes no other change',
      'run the rollback alone (or `clusterctl service rollback SERVICE`), then update',
    );
  if (!asked && !plan.rollback) plan.resume = true;
  return plan;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));

/** A plain copy of an API spec (decoded messages keep defaults on their prototype), labels in their stored order. */
export function plainSpec(s: clusterctl.cluster.IServiceSpec): clusterctl.cluster.IServiceSpec {
  const rp = s.restartPolicy;
  return {
    name: s.name ?? '',
    image: s.image ?? '',
    command: [...(s.command ?? [])],
    env: [...(s.env ?? [])],
    labels: { ...(s.labels ?? {}) },
    mode: s.mode || 'replicated',
    replicas: num(s.replicas),
    constraints: [...(s.constraints ?? [])],
    reservations: { nanoCpus: num(s.reservations?.nanoCpus), memoryBytes: num(s.reservations?.memoryBytes) },
    limits: { nanoCpus: num(s.limits?.nanoCpus), memoryBytes: num(s.limits?.memoryBytes) },
    ports: (s.ports ?? []).map((p) => ({
      published: num(p.published),
      target: num(p.target),
      protocol: p.protocol || 'tcp',
      ...(p.mode ? { mode: p.mode } : {}),
      ...(p.route ? { route: p.route } : {}),
    })),
    restartPolicy: {
      condition: rp?.condition || 'any',
      delayMs: num(rp?.delayMs),
      maxAttempts: num(rp?.maxAttempts),
      windowMs: num(rp?.windowMs),
    },
    // health check and stop
    ...healthStopFields(healthStopView(s)),
    // networking
    networks: [...(s.networks ?? [])],
    endpointMode: s.endpointMode || 'vip',
    // mounts and container options
    ...plainContainerOptions(s),
    // secrets and configs
    secrets: plainFileRefs(s.secrets),
    configs: plainFileRefs(s.configs),
    // update and rollback policies (sent whole; absent when the managers sent none)
    ...(s.updateConfig ? { updateConfig: rolloutView(s.updateConfig) } : {}),
    ...(s.rollbackConfig ? { rollbackConfig: rolloutView(s.rollbackConfig) } : {}),
    // autoscaling and rebalancing (absent: off)
    ...(s.autoscale ? { autoscale: plainAutoscale(s.autoscale) } : {}),
    ...(s.rebalance === true ? { rebalance: true } : {}),
  };
}

/** Networks by id and by name (for --network-rm NAME against a spec that holds ids). */
export type NetworkIndex = ReadonlyMap<string, string>;

function notFound(name: string, what: string, flag: string): ClusterError {
  return new ClusterError(ErrorCode.NotFound, `service ${name} has no ${what}`, {
    hint: `see its spec with \`clusterctl service inspect ${name}\`; ${flag} removes only what is there`,
  });
}

/**
 * The new spec: the current one with the plan applied (the same checks as `service create`), and
 * the names of the fields that changed. Throws NOT_FOUND for a removal of something absent.
 */
export function applyUpdate(
  current: clusterctl.cluster.IServiceSpec,
  plan: UpdatePlan,
  networkIds: NetworkIndex = new Map(),
): { spec: clusterctl.cluster.IServiceSpec; changed: string[] } {
  const cur = plainSpec(current);
  const next = plainSpec(current);
  const name = cur.name ?? '';
  if (plan.image !== undefined) next.image = plan.image;
  if (plan.command !== undefined) next.command = plan.command;

  const envKey = (e: string): string => e.slice(0, e.indexOf('='));
  for (const k of plan.envRm) {
    if (!next.env!.some((e) => envKey(e) === k)) throw notFound(name, `environment variable ${k}`, '--env-rm');
    next.env = next.env!.filter((e) => envKey(e) !== k);
  }
  for (const [k, v] of plan.envAdd) {
    const i = next.env!.findIndex((e) => envKey(e) === k);
    if (i >= 0) next.env![i] = v;
    else next.env!.push(v);
  }

  const labels = next.labels!;
  for (const k of plan.labelRm) {
    if (!(k in labels)) throw notFound(name, `label ${k}`, '--label-rm');
    delete labels[k];
  }
  for (const [k, v] of plan.labelAdd) labels[k] = v;

  for (const c of plan.constraintRm) {
    if (!next.constraints!.includes(c)) throw notFound(name, `constraint ${c}`, '--constraint-rm');
    next.constraints = next.constraints!.filter((x) => x !== c);
  }
  for (const c of plan.constraintAdd) if (!next.constraints!.includes(c)) next.constraints!.push(c);

  let ports = next.ports!;
  for (const r of plan.publishRm) {
    const match = (p: clusterctl.cluster.IPortConfig): boolean =>
      p.protocol === r.protocol &&
      (r.exact ? num(p.published) === r.published && num(p.target) === r.target : num(p.published) === r.target);
    const unpublished = (p: clusterctl.cluster.IPortConfig): boolean =>
      !r.exact && p.protocol === r.protocol && num(p.published) === 0 && num(p.target) === r.target;
    const hit = ports.some(match) ? match : ports.some(unpublished) ? unpublished : undefined;
    if (hit === undefined) throw notFound(name, `port ${r.raw}`, '--publish-rm');
    ports = ports.filter((p) => !hit(p));
  }
  for (const a of plan.publishAdd) {
    // a published port already in the spec gets its new target (as Docker); an exposed one is added once
    const i = ports.findIndex(
      (p) =>
        p.protocol === a.protocol &&
        (a.published > 0 ? num(p.published) === a.published : num(p.published) === 0 && num(p.target) === a.target),
    );
    if (i >= 0) ports[i] = { ...a };
    else ports.push({ ...a });
  }
  next.ports = ports;

  // networking: the spec holds network ids; flags may name networks
  const idOf = (ref: string): string => networkIds.get(ref) ?? ref;
  let nets = next.networks!;
  for (const r of plan.networkRm) {
    const id = idOf(r);
    if (!nets.includes(id)) throw notFound(name, `network ${r}`, '--network-rm');
    nets = nets.filter((n) => n !== id);
  }
  for (const a of plan.networkAdd) {
    const id = idOf(a);
    if (!nets.includes(id)) nets.push(id);
  }
  next.networks = nets;
  if (plan.endpointMode !== undefined) next.endpointMode = plan.endpointMode;

  if (plan.replicas !== undefined) {
    if (cur.mode === 'global') {
      throw new ClusterError(ErrorCode.FailedPrecondition, `service ${name} is global: --replicas does not apply`, {
        hint: 'a global service runs one task on every eligible node; use constraints to choose where',
      });
    }
    next.replicas = plan.replicas;
  }
  // autoscaling: the count kept within the new bounds
  if (plan.autoscale === null) delete next.autoscale;
  else if (plan.autoscale !== undefined) {
    if (cur.mode === 'global') {
      throw new ClusterError(ErrorCode.FailedPrecondition, `service ${name} is global: --autoscale does not apply`, {
        hint: 'only a replicated service can be autoscaled',
      });
    }
    next.autoscale = plan.autoscale;
  }
  if (next.autoscale) {
    const min = Number(next.autoscale.minReplicas);
    const max = Number(next.autoscale.maxReplicas);
    next.replicas = Math.min(max, Math.max(min, Number(next.replicas)));
  }
  if (plan.rebalance === true) next.rebalance = true;
  else if (plan.rebalance === false) delete next.rebalance;
  if (plan.reserveCpu !== undefined) next.reservations!.nanoCpus = plan.reserveCpu;
  if (plan.reserveMemory !== undefined) next.reservations!.memoryBytes = plan.reserveMemory;
  if (plan.limitCpu !== undefined) next.limits!.nanoCpus = plan.limitCpu;
  if (plan.limitMemory !== undefined) next.limits!.memoryBytes = plan.limitMemory;
  const res = next.reservations!;
  const lim = next.limits!;
  if (num(lim.nanoCpus) > 0 && num(res.nanoCpus) > num(lim.nanoCpus)) {
    throw usageError(
      `the CPU reservation (${num(res.nanoCpus) / 1e9}) would be more than the CPU limit (${num(lim.nanoCpus) / 1e9})`,
      'reserve at most the limit: change --reserve-cpu or --limit-cpu (0 removes it)',
    );
  }
  if (num(lim.memoryBytes) > 0 && num(res.memoryBytes) > num(lim.memoryBytes)) {
    throw usageError(
      `the memory reservation (${num(res.memoryBytes)} B) would be more than the memory limit (${num(lim.memoryBytes)} B)`,
      'reserve at most the limit: change --reserve-memory or --limit-memory (0 removes it)',
    );
  }
  if (plan.restartCondition !== undefined) next.restartPolicy!.condition = plan.restartCondition;
  if (plan.restartMaxAttempts !== undefined) next.restartPolicy!.maxAttempts = plan.restartMaxAttempts;
  applyHealthPlan(next, plan.health);
  applyContainerUpdate(next, plan.container);
  // secrets and configs
  applyFileRefPlan(next, plan.files);

  const fields: (keyof clusterctl.cluster.IServiceSpec)[] = [
    'image',
    'command',
    'env',
    'labels',
    'replicas',
    'constraints',
    'reservations',
    'limits',
    'ports',
    'restartPolicy',
    'healthcheck',
    'stopGracePeriodMs',
    'stopSignal',
    'networks',
    'endpointMode',
    ...CONTAINER_OPTION_FIELDS,
    'secrets',
    'configs',
    'autoscale',
    'rebalance',
  ];
  const changed: string[] = fields.filter((f) => JSON.stringify(cur[f]) !== JSON.stringify(next[f]));
  // update and rollback policies: the flags given, over the current ones
  for (const [field, flags] of [
    ['updateConfig', plan.update],
    ['rollbackConfig', plan.rollbackPolicy],
  ] as const) {
    if (Object.keys(flags).length === 0) continue;
    const was = rolloutView(cur[field]);
    next[field] = { ...was, ...flags };
    if (JSON.stringify(next[field]) !== JSON.stringify(was)) changed.push(field);
  }
  return { spec: next, changed };
}

/** Fields whose change replaces the tasks (the task template); the others only change counts or the rollout. */
export function replacesTasks(changed: readonly string[]): boolean {
  const keeps = ['replicas', 'updateConfig', 'rollbackConfig', 'autoscale', 'rebalance'];
  return changed.some((f) => !keeps.includes(f));
}

export interface UpdateResult {
  service: ServiceView;
  changed: string[];
}

/** Read, apply, write with the read version; on CONFLICT read again (UPDATE_ATTEMPTS in all). */
export async function updateWithRetry(
  ctx: Ctx,
  ref: string,
  plan: UpdatePlan,
  attempts = UPDATE_ATTEMPTS,
): Promise<UpdateResult> {
  const c = ctx.client();
  for (let attempt = 1; ; attempt++) {
    if (plan.rollback) {
      const rolled = await c.control('updateService', { service: ref, rollback: true });
      return { service: serviceView(rolled), changed: ['rollback'] };
    }
    const svc = await c.control('getService', { service: ref });
    const state = svc.updateStatus?.state ?? '';
    if (plan.resume) {
      const name = svc.spec?.name ?? ref;
      if (state !== 'paused' && state !== 'rollback_paused') {
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `service ${name}: nothing to change, and no paused update to resume`,
          {
            hint: NOTHING_HINT,
          },
        );
      }
    }
    // networking: --network-rm/--network-add may name networks; the spec holds their ids
    const networkIds = new Map<string, string>();
    if (plan.networkAdd.length + plan.networkRm.length > 0) {
      for (const n of (await c.control('listNetworks', {})).networks) {
        const id = n.network?.id ?? '';
        networkIds.set(id, id);
        networkIds.set(n.network?.spec?.name ?? '', id);
      }
    }
    const { spec, changed } = applyUpdate(svc.spec ?? {}, plan, networkIds);
    const name = svc.spec?.name ?? ref;
    if (changed.length === 0 && !plan.force && !plan.resume) {
      throw new ClusterError(ErrorCode.FailedPrecondition, `service ${name} already has this spec: nothing to change`, {
        hint: `compare with \`clusterctl service inspect ${name}\`; use --force to replace its tasks anyway`,
      });
    }
    try {
      const updated = await c.control('updateService', {
        service: svc.id,
        version: svc.meta?.version ?? 0,
        spec,
        force: plan.force,
      });
      const what = plan.resume ? ['resume'] : plan.force ? [...changed, 'force'] : changed;
      return { service: serviceView(updated), changed: what };
    } catch (e) {
      // a version conflict (not a published port taken by another service, also CONFLICT)
      if (!isVersionConflict(e)) throw e;
      if (attempt >= attempts) {
        throw new ClusterError(
          ErrorCode.Conflict,
          `service ${name} kept changing while it was updated (${attempts} attempts)`,
          {
            hint: 'someone else is updating it at the same time: check `clusterctl service inspect` and run the update again',
            cause: e,
          },
        );
      }
    }
  }
}

export async function serviceUpdate(
  ctx: Ctx,
  ref: string,
  o: ServiceUpdateOptions,
  progress: ProgressConfig = PROGRESS_DEFAULTS,
): Promise<Output> {
  const plan = parseUpdateFlags(o);
  const { service, changed } = await updateWithRetry(ctx, ref, plan);
  const json = { ...service, changed };
  if (o.detach !== true) {
    ctx.progress().event(service.spec.name, json);
    const state = service.updateStatus?.state ?? '';
    if (state === 'updating' || state === 'rollback_started') {
      // the managers roll it out: follow its status to the end (completed, paused, rolled back)
      await followService(ctx, service.id, progress, {
        rollout: state === 'updating' ? 'update' : 'rollback',
        ...(state === 'updating' ? { minServiceVersion: service.meta.version } : {}),
      });
    } else {
      // a replica count (or policy) change alone: only tasks added or removed
      await followService(
        ctx,
        service.id,
        progress,
        replacesTasks(changed) ? { minServiceVersion: service.meta.version } : {},
      );
    }
    return ctx.format === 'json' ? { kind: 'json', json } : { kind: 'none' };
  }
  return { kind: 'text', lines: [service.spec.name], json };
}

/** `service rollback` (like `docker service rollback`): back to the previous spec with the rollback policy. */
export async function serviceRollback(
  ctx: Ctx,
  ref: string,
  o: { detach?: boolean },
  progress: ProgressConfig = PROGRESS_DEFAULTS,
): Promise<Output> {
  return serviceUpdate(ctx, ref, { rollback: true, ...(o.detach === true ? { detach: true } : {}) }, progress);
}
