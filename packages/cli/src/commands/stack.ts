// stack deploy | ls | services | ps | rm (like `docker stack`): a compose application as services of
// the cluster. deploy reads and checks the files first (a wrong file changes nothing), then creates
// the missing services, updates only those whose spec or rollout changed (an unchanged file changes
// nothing), removes with --prune those no longer in the files, and follows what it changed until it
// runs unless --detach. Every object of a stack carries com.docker.stack.namespace=NAME. Its secrets
// and configs are created first; the same data again is the same object, other data under the same
// name is refused (as docker stack deploy: data never changes, a new version takes a new name).
import { ClusterError, ErrorCode, isVersionConflict } from '@clusterctl/common';
import {
  checkStackName,
  loadComposeFiles,
  planStack,
  STACK_NAMESPACE_LABEL,
  type PlannedFileObject,
  type PlannedService,
} from '@clusterctl/compose';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { shortId, type Output } from '../render.js';
import { portsText, serviceView } from '../views.js';
import { followService, PROGRESS_DEFAULTS, type ProgressConfig } from './service-progress.js';
import { taskRows, TASK_COLUMNS } from './tasks-table.js';
import { SERVICE_COLUMNS } from './service.js';

export interface StackDeployOptions {
  composeFile?: string[];
  prune?: boolean;
  detach?: boolean;
}

type Summary = clusterctl.control.IServiceSummary;

/** The services of a stack (by its namespace label), sorted by name. */
async function stackServices(ctx: Ctx, stack: string): Promise<Summary[]> {
  const { services } = await ctx.client().listServices({ label: `${STACK_NAMESPACE_LABEL}=${stack}` });
  return services.filter((s) => s.service?.spec?.labels?.[STACK_NAMESPACE_LABEL] === stack);
}

function nothingFound(stack: string): ClusterError {
  return new ClusterError(ErrorCode.NotFound, `nothing found in stack: ${stack}`, {
    hint: 'see the stacks with `clusterctl stack ls`',
  });
}

/**
 * A message (as sent, or as decoded from an answer) as canonical JSON: defaults dropped (0, '', false,
 * empty lists and maps; proto3 does not tell them from absent), 64-bit numbers as numbers, keys
 * sorted. Two equal specs give the same text, whichever fields a side left out.
 */
export function canonicalMessage(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (x === null || x === undefined || x === 0 || x === '' || x === false) return undefined;
    if (Array.isArray(x)) return x.length === 0 ? undefined : x.map((y) => norm(y) ?? null);
    if (typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o['low'] === 'number' && typeof o['high'] === 'number') return norm(Number(String(x)));
      const out: [string, unknown][] = [];
      for (const k of Object.keys(o).sort()) {
        const y = norm(o[k]);
        if (y !== undefined) out.push([k, y]);
      }
      return out.length === 0 ? undefined : Object.fromEntries(out);
    }
    return x;
  };
  return JSON.stringify(norm(v) ?? {});
}

function specKey(spec: clusterctl.cluster.IServiceSpec | null | undefined, withReplicas = true): string {
  return canonicalMessage(withReplicas ? spec : { ...spec, replicas: 0 });
}

/** What the tasks run: a change here rolls them (replicas and rollout policies do not). */
function taskKey(spec: clusterctl.cluster.IServiceSpec | null | undefined): string {
  return canonicalMessage({ ...spec, replicas: 0, updateConfig: null, rollbackConfig: null });
}

/**
 * The spec as the managers would store it, for the comparison: networks by id, a restart delay of 0
 * (the file says none) is the cluster's default delay, which the stored spec carries, and rollout
 * policies the plan leaves out are the stored ones with their defaults filled in (the plan's
 * parallelism, delay and order are compared on their own, by updateKey); the image ID is the one
 * the cluster pinned for the same image.
 */
function asStored(
  spec: clusterctl.cluster.IServiceSpec,
  current: clusterctl.cluster.IServiceSpec | null | undefined,
  networkIds: ReadonlyMap<string, string>,
  fileIds: { secrets: ReadonlyMap<string, string>; configs: ReadonlyMap<string, string> },
): clusterctl.cluster.IServiceSpec {
  const withId = (ids: ReadonlyMap<string, string>) => (r: clusterctl.cluster.IFileReference) => ({
    id: ids.get(r.name ?? '') ?? '',
    ...r,
  });
  const out = {
    ...spec,
    networks: (spec.networks ?? []).map((n) => networkIds.get(n) ?? n),
    networkAliases: (spec.networkAliases ?? []).map((a) => ({
      ...a,
      network: networkIds.get(a.network ?? '') ?? a.network,
    })),
    secrets: (spec.secrets ?? []).map(withId(fileIds.secrets)),
    configs: (spec.configs ?? []).map(withId(fileIds.configs)),
    updateConfig: spec.updateConfig ?? current?.updateConfig ?? null,
    rollbackConfig: spec.rollbackConfig ?? current?.rollbackConfig ?? null,
    // the image ID the cluster pinned for the same image (the file names no ID)
    imageId: spec.imageId || (spec.image === current?.image ? (current?.imageId ?? '') : ''),
  };
  const rp = spec.restartPolicy;
  if (rp === null || rp === undefined || Number(rp.delayMs ?? 0) > 0) return out;
  return { ...out, restartPolicy: { ...rp, delayMs: current?.restartPolicy?.delayMs ?? 0 } };
}

/**
 * What a compose file cannot say, a deploy keeps from the running service: autoscaling and
 * rebalancing set with `service update`. An autoscaled service keeps the count the autoscaler
 * chose (within its bounds) instead of the file's, as a HorizontalPodAutoscaler's target keeps its
 * count when the manifest is applied again; the file's count is where a new service starts.
 */
function keepClusterSettings(
  spec: clusterctl.cluster.IServiceSpec,
  current: clusterctl.cluster.IServiceSpec | null | undefined,
): clusterctl.cluster.IServiceSpec {
  if (current === null || current === undefined || spec.mode === 'global') return spec;
  const out = { ...spec };
  if (current.rebalance === true) out.rebalance = true;
  const a = current.autoscale;
  if (a !== null && a !== undefined) {
    const min = Number(a.minReplicas ?? 0);
    const max = Number(a.maxReplicas ?? 0);
    out.autoscale = a;
    out.replicas = Math.min(max, Math.max(min, Number(current.replicas ?? 0)));
  }
  return out;
}

function updateKey(u: clusterctl.control.IUpdateConfig | null | undefined): string {
  return canonicalMessage({
    parallelism: u?.parallelism ?? 1,
    delayMs: u?.delayMs ?? 0,
    order: u?.order === 'start-first' ? 'start-first' : 'stop-first',
  });
}

interface DeployJson {
  stack: string;
  created: { id: string; name: string }[];
  updated: { id: string; name: string }[];
  unchanged: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  networksCreated: { id: string; name: string }[];
  secretsCreated: { id: string; name: string }[];
  configsCreated: { id: string; name: string }[];
  warnings: string[];
}

export async function stackDeploy(
  ctx: Ctx,
  stack: string,
  o: StackDeployOptions,
  env: NodeJS.ProcessEnv = process.env,
  progress: ProgressConfig = PROGRESS_DEFAULTS,
): Promise<Output> {
  checkStackName(stack);
  const files = o.composeFile ?? [];
  // everything read and checked before the cluster is asked anything
  const plan = planStack(loadComposeFiles(files, env), stack, { env });
  for (const w of plan.warnings) ctx.io.stderr(`${w}\n`);

  const c = ctx.client();
  const existing = await stackServices(ctx, stack);
  const byName = new Map(existing.map((s) => [s.service?.spec?.name ?? '', s]));
  // a service of that name outside the stack is not taken over
  for (const p of plan.services) {
    if (byName.has(p.name)) continue;
    const other = (await c.listServices({ name: p.name })).services.find((s) => s.service?.spec?.name === p.name);
    if (other !== undefined)
      throw new ClusterError(ErrorCode.AlreadyExists, `service ${p.name} exists and is not part of stack ${stack}`, {
        hint: `remove or rename it (clusterctl service rm ${p.name}), or deploy under another stack name`,
      });
  }

  // networks: an external one must exist before anything changes; the stack's own are created first
  const networkIds = new Map(
    (await c.control('listNetworks', { filters: {} })).networks.map((n): [string, string] => [
      n.network?.spec?.name ?? '',
      n.network?.id ?? '',
    ]),
  );
  const missingExternal = plan.networks.filter((n) => n.external && !networkIds.has(n.name));
  if (missingExternal.length > 0)
    throw new ClusterError(
      ErrorCode.NotFound,
      `network ${missingExternal.map((n) => n.name).join(', ')} is declared as external but does not exist`,
      { hint: 'create it first with `clusterctl network create NAME`, or drop external: true' },
    );

  // secrets and configs: an external one must exist before anything changes
  const secretIds = new Map(
    (await c.control('listSecrets', { filters: {} })).secrets.map((x): [string, string] => [x.name ?? '', x.id ?? '']),
  );
  const configIds = new Map(
    (await c.control('listConfigs', { filters: {} })).configs.map((x): [string, string] => [x.name ?? '', x.id ?? '']),
  );
  for (const [kind, objects, ids] of [
    ['secret', plan.secrets, secretIds],
    ['config', plan.configs, configIds],
  ] as const) {
    const missing = objects.filter((o) => o.external && !ids.has(o.name));
    if (missing.length > 0)
      throw new ClusterError(
        ErrorCode.NotFound,
        `${kind} ${missing.map((o) => o.name).join(', ')} is declared as external but does not exist`,
        { hint: `create it first with \`clusterctl ${kind} create NAME FILE\`, or give it a file: instead` },
      );
  }

  const sink = ctx.progress();
  const json: DeployJson = {
    stack,
    created: [],
    updated: [],
    unchanged: [],
    removed: [],
    networksCreated: [],
    secretsCreated: [],
    configsCreated: [],
    warnings: plan.warnings,
  };
  // the stack's own secrets and configs first (the same data again changes nothing)
  const ensure = async (kind: 'secret' | 'config', o: PlannedFileObject, ids: Map<string, string>) => {
    if (o.external) return;
    const known = ids.has(o.name);
    if (!known)
      sink.event(`Creating ${kind} ${o.name}`, { [kind === 'secret' ? 'creatingSecret' : 'creatingConfig']: o.name });
    const req = { name: o.name, labels: o.labels, data: o.data, stackReuseSameData: true };
    const made = kind === 'secret' ? await c.control('createSecret', req) : await c.control('createConfig', req);
    ids.set(o.name, made.id ?? '');
    if (!known)
      (kind === 'secret' ? json.secretsCreated : json.configsCreated).push({ id: made.id ?? '', name: o.name });
  };
  for (const o of plan.secrets) await ensure('secret', o, secretIds);
  for (const o of plan.configs) await ensure('config', o, configIds);
  for (const n of plan.networks) {
    if (n.external || networkIds.has(n.name)) continue;
    sink.event(`Creating network ${n.name}`, { creatingNetwork: n.name });
    const created = await c.control('createNetwork', { spec: { name: n.name, labels: n.labels, driver: 'overlay' } });
    networkIds.set(n.name, created.id ?? '');
    json.networksCreated.push({ id: created.id ?? '', name: n.name });
  }
  const follow: { id: string; minServiceVersion?: number }[] = [];
  for (const p of plan.services) {
    const current = byName.get(p.name);
    if (current === undefined) {
      sink.event(`Creating service ${p.name}`, { creating: p.name });
      const svc = serviceView(await c.control('createService', { spec: p.spec, updateConfig: p.updateConfig }));
      json.created.push({ id: svc.id, name: p.name });
      follow.push({ id: svc.id });
      continue;
    }
    const id = current.service?.id ?? '';
    const spec = keepClusterSettings(p.spec, current.service?.spec);
    const desired = asStored(spec, current.service?.spec, networkIds, { secrets: secretIds, configs: configIds });
    if (
      specKey(current.service?.spec) === specKey(desired) &&
      updateKey(current.updateConfig) === updateKey(p.updateConfig)
    ) {
      json.unchanged.push({ id, name: p.name });
      continue;
    }
    sink.event(`Updating service ${p.name} (id: ${id})`, { updating: p.name, id });
    const rolls = taskKey(current.service?.spec) !== taskKey(desired);
    const updated = await updateService(ctx, id, { ...p, spec });
    json.updated.push({ id, name: p.name });
    follow.push(rolls ? { id, minServiceVersion: updated } : { id });
  }
  if (o.prune === true) {
    const wanted = new Set(plan.services.map((p) => p.name));
    for (const s of existing) {
      const name = s.service?.spec?.name ?? '';
      if (wanted.has(name)) continue;
      sink.event(`Removing service ${name}`, { removing: name });
      await c.control('removeService', { service: s.service?.id ?? '' });
      json.removed.push({ id: s.service?.id ?? '', name });
    }
  }
  if (json.created.length + json.updated.length + json.removed.length === 0)
    sink.event(`Stack ${stack} is up to date (${json.unchanged.length} services unchanged)`, { upToDate: true });
  if (o.detach !== true) {
    for (const f of follow) {
      const name = [...json.created, ...json.updated].find((x) => x.id === f.id)?.name ?? f.id;
      sink.event(`${name}:`, { following: name });
      await followService(
        ctx,
        f.id,
        progress,
        f.minServiceVersion !== undefined ? { minServiceVersion: f.minServiceVersion } : {},
      );
    }
  }
  return ctx.format === 'json' ? { kind: 'json', json } : { kind: 'none' };
}

/** Replaces the spec and rollout of a stack's service (retrying on a concurrent change); returns the new version. */
async function updateService(ctx: Ctx, id: string, p: PlannedService, attempts = 5): Promise<number> {
  const c = ctx.client();
  for (let attempt = 1; ; attempt++) {
    const svc = await c.control('getService', { service: id });
    try {
      const updated = await c.control('updateService', {
        service: id,
        version: svc.meta?.version ?? 0,
        spec: p.spec,
        updateConfig: p.updateConfig,
      });
      return Number(updated.meta?.version ?? 0);
    } catch (e) {
      if (!isVersionConflict(e) || attempt >= attempts) throw e;
    }
  }
}

export const STACK_COLUMNS = ['NAME', 'SERVICES'];

export async function stackLs(ctx: Ctx): Promise<Output> {
  const { services } = await ctx.client().listServices();
  const counts = new Map<string, number>();
  for (const s of services) {
    const ns = s.service?.spec?.labels?.[STACK_NAMESPACE_LABEL];
    if (ns !== undefined && ns !== '') counts.set(ns, (counts.get(ns) ?? 0) + 1);
  }
  const json = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => ({ name, services: n }));
  return { kind: 'table', columns: STACK_COLUMNS, rows: json.map((s) => [s.name, String(s.services)]), json };
}

export async function stackServicesCmd(ctx: Ctx, stack: string): Promise<Output> {
  const services = await stackServices(ctx, stack);
  if (services.length === 0) throw nothingFound(stack);
  const json = services.map((s) => ({
    ...serviceView(s.service ?? {}),
    running: Number(s.running ?? 0),
    desired: Number(s.desired ?? 0),
  }));
  const rows = json.map((s) => [
    shortId(s.id),
    s.spec.name,
    s.spec.mode,
    `${s.running}/${s.desired}`,
    s.spec.image,
    portsText(s.spec.ports),
  ]);
  return { kind: 'table', columns: SERVICE_COLUMNS, rows, json };
}

export async function stackPs(ctx: Ctx, stack: string, o: { noTrunc?: boolean }): Promise<Output> {
  const c = ctx.client();
  const services = await stackServices(ctx, stack);
  if (services.length === 0) throw nothingFound(stack);
  const tasks: clusterctl.cluster.ITask[] = [];
  for (const s of services)
    tasks.push(...(await c.control('listTasks', { service: s.service?.id ?? '', all: true })).tasks);
  const nodes = await c.control('listNodes', { filters: {} });
  const { rows, json } = taskRows(tasks, services, nodes.nodes, ctx.now(), o.noTrunc === true);
  return { kind: 'table', columns: TASK_COLUMNS, rows, json };
}

export async function stackRm(ctx: Ctx, stacks: string[]): Promise<Output> {
  const c = ctx.client();
  const lines: string[] = [];
  const json: { stack: string; removed: { id: string; name: string }[] }[] = [];
  const missing: string[] = [];
  for (const stack of stacks) {
    checkStackName(stack);
    const services = await stackServices(ctx, stack);
    const networks = (
      await c.control('listNetworks', { filters: { label: `${STACK_NAMESPACE_LABEL}=${stack}` } })
    ).networks.filter((n) => n.network?.spec?.labels?.[STACK_NAMESPACE_LABEL] === stack);
    const byLabel = { filters: { label: `${STACK_NAMESPACE_LABEL}=${stack}` } };
    const secrets = (await c.control('listSecrets', byLabel)).secrets.filter(
      (x) => x.labels?.[STACK_NAMESPACE_LABEL] === stack,
    );
    const configs = (await c.control('listConfigs', byLabel)).configs.filter(
      (x) => x.labels?.[STACK_NAMESPACE_LABEL] === stack,
    );
    if (services.length + networks.length + secrets.length + configs.length === 0) {
      missing.push(stack);
      continue;
    }
    const removed: { id: string; name: string }[] = [];
    for (const s of services) {
      const name = s.service?.spec?.name ?? '';
      lines.push(`Removing service ${name}`);
      await c.control('removeService', { service: s.service?.id ?? '' });
      removed.push({ id: s.service?.id ?? '', name });
    }
    // then the networks the stack created (no service of it uses them any more)
    for (const n of networks) {
      const name = n.network?.spec?.name ?? '';
      lines.push(`Removing network ${name}`);
      await c.control('removeNetwork', { network: n.network?.id ?? '' });
      removed.push({ id: n.network?.id ?? '', name });
    }
    // and the secrets and configs it created
    for (const x of secrets) {
      lines.push(`Removing secret ${x.name ?? ''}`);
      await c.control('removeSecret', { secret: x.id ?? '' });
      removed.push({ id: x.id ?? '', name: x.name ?? '' });
    }
    for (const x of configs) {
      lines.push(`Removing config ${x.name ?? ''}`);
      await c.control('removeConfig', { config: x.id ?? '' });
      removed.push({ id: x.id ?? '', name: x.name ?? '' });
    }
    json.push({ stack, removed });
  }
  if (missing.length > 0 && json.length === 0) throw nothingFound(missing.join(', '));
  for (const m of missing) ctx.io.stderr(`Nothing found in stack: ${m}\n`);
  return { kind: 'text', lines, json };
}
