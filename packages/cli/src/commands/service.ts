// service create | ls | inspect | ps | scale | rm | logs
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { parseCount, parseScaleArg, usageError } from '../parse.js';
import { shortId, type Output } from '../render.js';
import { portsText, serviceView, type ServiceView } from '../views.js';
import { followService, PROGRESS_DEFAULTS, type ProgressConfig } from './service-progress.js';
import { buildServiceSpec, type ServiceCreateOptions } from './service-spec.js';
import { joinPretty, servicePrettyLines } from './pretty.js';
import { taskRows, TASK_COLUMNS } from './tasks-table.js';

export async function serviceCreate(
  ctx: Ctx,
  image: string,
  command: string[],
  o: ServiceCreateOptions,
  progress: ProgressConfig = PROGRESS_DEFAULTS,
): Promise<Output> {
  const spec = buildServiceSpec(image, command, o);
  const svc = serviceView(await ctx.client().control('createService', { spec }));
  if (o.detach !== true) {
    ctx.progress().event(svc.id, { id: svc.id });
    await followService(ctx, svc.id, progress);
    return ctx.format === 'json' ? { kind: 'json', json: svc } : { kind: 'none' };
  }
  return { kind: 'text', lines: [svc.id], json: svc };
}

export const SERVICE_COLUMNS = ['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS', 'UPDATE'];

/** The UPDATE column of `service ls`: the last update's state, unless it completed ('' then, as never updated). */
export function updateMark(u: ServiceView['updateStatus']): string {
  if (u === null || u.state === 'completed') return '';
  return u.state.replace('_', ' ');
}

export interface ServiceLsJson extends ServiceView {
  running: number;
  desired: number;
}

export async function serviceLs(ctx: Ctx): Promise<Output> {
  const res = await ctx.client().listServices();
  const json: ServiceLsJson[] = res.services.map((s) => ({
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
    updateMark(s.updateStatus),
  ]);
  return { kind: 'table', columns: SERVICE_COLUMNS, rows, json };
}

export async function serviceInspect(ctx: Ctx, refs: string[], o: { pretty?: boolean } = {}): Promise<Output> {
  const c = ctx.client();
  // the spec carries its update and rollback policies; UpdateStatus and previousSpec beside it
  const out: ServiceView[] = [];
  for (const r of refs) out.push(serviceView(await c.control('getService', { service: r })));
  if (o.pretty === true) return { kind: 'text', lines: joinPretty(out.map(servicePrettyLines)), json: out };
  return { kind: 'json', json: out };
}

export async function servicePs(ctx: Ctx, refs: string[], o: { noTrunc?: boolean }): Promise<Output> {
  const c = ctx.client();
  const tasks: clusterctl.cluster.ITask[] = [];
  for (const r of refs) {
    const svc = await c.control('getService', { service: r });
    tasks.push(...(await c.control('listTasks', { service: svc.id, all: true })).tasks);
  }
  const [services, nodes] = await Promise.all([c.listServices(), c.control('listNodes', { filters: {} })]);
  const { rows, json } = taskRows(tasks, services.services, nodes.nodes, ctx.now(), o.noTrunc === true);
  return { kind: 'table', columns: TASK_COLUMNS, rows, json };
}

export async function serviceScale(
  ctx: Ctx,
  args: string[],
  o: { detach?: boolean },
  progress: ProgressConfig = PROGRESS_DEFAULTS,
): Promise<Output> {
  if (args.length === 0)
    throw usageError('service scale: give at least one SERVICE=REPLICAS', 'e.g. clusterctl service scale web=5');
  const wanted = args.map(parseScaleArg);
  const c = ctx.client();
  // resolve every service first: a typo in the second argument changes nothing
  const targets: { id: string; name: string; replicas: number }[] = [];
  for (const w of wanted) {
    const s = serviceView(await c.control('getService', { service: w.service }));
    if (s.spec.mode === 'global')
      throw usageError(
        `service ${s.spec.name} is global: it cannot be scaled`,
        'scale applies to replicated services only',
      );
    targets.push({ id: s.id, name: s.spec.name, replicas: w.replicas });
  }
  const lines: string[] = [];
  const json: ServiceView[] = [];
  for (const t of targets) {
    json.push(serviceView(await c.control('scaleService', { service: t.id, replicas: t.replicas })));
    const line = `${t.name} scaled to ${t.replicas}`;
    lines.push(line);
    if (o.detach !== true) ctx.progress().event(line, json[json.length - 1]);
  }
  if (o.detach !== true) {
    for (const t of targets) await followService(ctx, t.id, progress);
    return ctx.format === 'json' ? { kind: 'json', json } : { kind: 'none' };
  }
  return { kind: 'text', lines, json };
}

export async function serviceRm(ctx: Ctx, refs: string[]): Promise<Output> {
  const c = ctx.client();
  const removed: { id: string; name: string }[] = [];
  for (const r of refs) {
    const s = serviceView(await c.control('getService', { service: r }));
    await c.control('removeService', { service: s.id });
    removed.push({ id: s.id, name: s.spec.name });
  }
  return { kind: 'text', lines: removed.map((r) => r.name), json: removed };
}

export async function serviceLogs(ctx: Ctx, ref: string, o: { follow?: boolean; tail?: string }): Promise<Output> {
  const tail = o.tail === undefined || o.tail === 'all' ? -1 : parseCount('--tail', o.tail);
  const c = ctx.client();
  const svc = serviceView(await c.control('getService', { service: ref }));
  const hostnames = new Map(
    (await c.control('listNodes', { filters: {} })).nodes.map((n): [string, string] => [n.id ?? '', n.hostname ?? '']),
  );
  const sink = ctx.stream();
  const ac = new AbortController();
  const stop = (): void => ac.abort();
  process.once('SIGINT', stop);
  try {
    await c.controlStream(
      'serviceLogs',
      { service: svc.id, follow: o.follow === true, tail },
      (m) => {
        const node = hostnames.get(m.nodeId) ?? shortId(m.nodeId);
        const text = Buffer.from(m.line ?? [])
          .toString('utf8')
          .replace(/\r?\n$/, '');
        const slot = Number(m.slot ?? 0);
        const who = `${svc.spec.name}.${slot > 0 ? slot : m.nodeId}.${shortId(m.taskId)}@${node}`;
        const json = {
          service: svc.spec.name,
          taskId: m.taskId,
          slot,
          nodeId: m.nodeId,
          node,
          stream: m.stream,
          timestamp: Number(m.timestamp ?? 0),
          line: text,
        };
        if (ctx.format === 'table' && m.stream === 'stderr') ctx.io.stderr(`${who}    | ${text}\n`);
        else sink.event(`${who}    | ${text}`, json);
      },
      { signal: ac.signal },
    );
  } finally {
    process.off('SIGINT', stop);
  }
  return { kind: 'none' };
}
