// node ls | inspect | ps | rm | update | promote | demote
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { parseChoice, parseLabel, parseLabels, usageError } from '../parse.js';
import { capitalize, type Output } from '../render.js';
import { nodeView, type NodeView } from '../views.js';
import { joinPretty, nodePrettyLines } from './pretty.js';
import { taskRows, TASK_COLUMNS } from './tasks-table.js';

export const AVAILABILITIES = ['active', 'pause', 'drain'] as const;

/** This node's id, or '' when the daemon cannot say. */
async function selfId(ctx: Ctx): Promise<string> {
  try {
    return (await ctx.client().local('info', {})).nodeId;
  } catch {
    return '';
  }
}

/** "self" names the local node, as in Docker. */
async function resolveRef(ctx: Ctx, ref: string): Promise<string> {
  if (ref !== 'self') return ref;
  return (await ctx.client().local('info', {})).nodeId;
}

export function managerStatusText(n: NodeView): string {
  if (n.managerStatus === null) return '';
  if (n.managerStatus.leader) return 'Leader';
  return capitalize(n.managerStatus.reachability);
}

export const NODE_COLUMNS = ['ID', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ADDRESS'];

export function nodeRows(nodes: NodeView[], self: string): string[][] {
  return nodes.map((n) => [
    n.id === self ? `${n.id} *` : n.id,
    n.hostname,
    capitalize(n.status.state),
    capitalize(n.availability),
    managerStatusText(n),
    n.addr,
  ]);
}

export async function nodeLs(ctx: Ctx): Promise<Output> {
  const res = await ctx.client().control('listNodes', { filters: {} });
  const self = await selfId(ctx);
  const nodes = res.nodes.map(nodeView);
  return {
    kind: 'table',
    columns: NODE_COLUMNS,
    rows: nodeRows(nodes, self),
    json: nodes.map((n) => ({ ...n, self: n.id === self })),
  };
}

export async function nodeInspect(ctx: Ctx, refs: string[], o: { pretty?: boolean } = {}): Promise<Output> {
  const out: NodeView[] = [];
  for (const r of refs) out.push(nodeView(await ctx.client().control('getNode', { node: await resolveRef(ctx, r) })));
  if (o.pretty === true) return { kind: 'text', lines: joinPretty(out.map(nodePrettyLines)), json: out };
  return { kind: 'json', json: out };
}

export async function nodePs(ctx: Ctx, refs: string[], o: { noTrunc?: boolean }): Promise<Output> {
  const c = ctx.client();
  const names = refs.length === 0 ? ['self'] : refs;
  const tasks: clusterctl.cluster.ITask[] = [];
  for (const r of names) {
    const node = await c.control('getNode', { node: await resolveRef(ctx, r) });
    tasks.push(...(await c.control('listTasks', { node: node.id, all: true })).tasks);
  }
  const [services, nodes] = await Promise.all([c.listServices(), c.control('listNodes', { filters: {} })]);
  const { rows, json } = taskRows(tasks, services.services, nodes.nodes, ctx.now(), o.noTrunc === true);
  return { kind: 'table', columns: TASK_COLUMNS, rows, json };
}

export async function nodeRm(ctx: Ctx, refs: string[], o: { force?: boolean }): Promise<Output> {
  const removed: string[] = [];
  for (const r of refs) {
    const node = await ctx.client().control('getNode', { node: await resolveRef(ctx, r) });
    await ctx.client().control('removeNode', { node: node.id, force: o.force === true });
    removed.push(node.id);
  }
  return { kind: 'text', lines: removed, json: removed.map((id) => ({ id, removed: true })) };
}

export interface NodeUpdateOptions {
  availability?: string;
  labelAdd?: string[];
  labelRm?: string[];
}

/** The UpdateNode request of `node update` (checked before anything is sent). */
export function nodeUpdateRequest(ref: string, o: NodeUpdateOptions): clusterctl.control.IUpdateNodeRequest {
  const availability =
    o.availability === undefined ? '' : parseChoice('--availability', o.availability, AVAILABILITIES);
  const labelAdd = parseLabels('--label-add', o.labelAdd ?? []);
  const labelRm = (o.labelRm ?? []).map((l) => {
    const [k, v] = parseLabel('--label-rm', l);
    if (v !== '' || l.includes('='))
      throw usageError(`--label-rm: give the label name only, got ${JSON.stringify(l)}`, 'e.g. --label-rm zone');
    return k;
  });
  if (availability === '' && Object.keys(labelAdd).length === 0 && labelRm.length === 0) {
    throw usageError(
      'node update: nothing to change',
      'give --availability active|pause|drain, --label-add KEY=VALUE or --label-rm KEY',
    );
  }
  for (const k of labelRm)
    if (k in labelAdd)
      throw usageError(`node update: label ${JSON.stringify(k)} is both added and removed`, 'give each label once');
  return { node: ref, availability, labelAdd, labelRm };
}

export async function nodeUpdate(ctx: Ctx, ref: string, o: NodeUpdateOptions): Promise<Output> {
  const req = nodeUpdateRequest(ref, o);
  req.node = await resolveRef(ctx, ref);
  const n = nodeView(await ctx.client().control('updateNode', req));
  return { kind: 'text', lines: [n.id], json: n };
}

export async function nodeSetRole(ctx: Ctx, refs: string[], role: 'manager' | 'worker'): Promise<Output> {
  const lines: string[] = [];
  const json: NodeView[] = [];
  for (const r of refs) {
    const before = nodeView(await ctx.client().control('getNode', { node: await resolveRef(ctx, r) }));
    if (before.role === role) {
      lines.push(`Node ${before.hostname} (${before.id}) is already a ${role}.`);
      json.push(before);
      continue;
    }
    const n = nodeView(await ctx.client().control('updateNode', { node: before.id, role }));
    lines.push(
      role === 'manager'
        ? `Node ${n.hostname} (${n.id}) promoted to a manager in the cluster.`
        : `Manager ${n.hostname} (${n.id}) demoted in the cluster.`,
    );
    json.push(n);
  }
  return { kind: 'text', lines, json };
}
