// network create | ls | inspect | rm
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { parseChoice, parseLabels, usageError } from '../parse.js';
import type { Output } from '../render.js';
import { metaView, type MetaView } from '../views.js';

export interface NetworkView {
  id: string;
  meta: MetaView;
  name: string;
  /** Always overlay. */
  driver: string;
  /** Always swarm: a network of the whole cluster. */
  scope: string;
  labels: Record<string, string>;
  /** Names of the services attached. */
  services: string[];
}

export function networkView(s: clusterctl.control.INetworkSummary): NetworkView {
  const n = s.network;
  return {
    id: n?.id ?? '',
    meta: metaView(n?.meta),
    name: n?.spec?.name ?? '',
    driver: n?.spec?.driver || 'overlay',
    scope: 'swarm',
    labels: Object.fromEntries(Object.entries(n?.spec?.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    services: [...(s.services ?? [])],
  };
}

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

export async function networkCreate(ctx: Ctx, name: string, o: { driver?: string; label?: string[] }): Promise<Output> {
  if (!NAME_RE.test(name))
    throw usageError(
      `network create: invalid network name ${JSON.stringify(name)}`,
      'a network name is 1-63 characters: letters, digits, "_", "." or "-", starting with a letter or digit',
    );
  const driver = parseChoice('--driver', o.driver ?? 'overlay', ['overlay'] as const);
  const labels = parseLabels('--label', o.label ?? []);
  const n = await ctx.client().control('createNetwork', { spec: { name, labels, driver } });
  return { kind: 'text', lines: [n.id], json: networkView({ network: n, services: [] }) };
}

export const NETWORK_COLUMNS = ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE', 'SERVICES'];

export async function networkLs(ctx: Ctx): Promise<Output> {
  const res = await ctx.client().control('listNetworks', { filters: {} });
  const nets = res.networks.map(networkView);
  return {
    kind: 'table',
    columns: NETWORK_COLUMNS,
    rows: nets.map((n) => [n.id.slice(0, 12), n.name, n.driver, n.scope, String(n.services.length)]),
    json: nets,
  };
}

export async function networkInspect(ctx: Ctx, refs: string[]): Promise<Output> {
  const out: NetworkView[] = [];
  for (const r of refs) out.push(networkView(await ctx.client().control('getNetwork', { network: r })));
  return { kind: 'json', json: out };
}

export async function networkRm(ctx: Ctx, refs: string[]): Promise<Output> {
  const removed: string[] = [];
  for (const r of refs) {
    await ctx.client().control('removeNetwork', { network: r });
    removed.push(r);
  }
  return { kind: 'text', lines: removed, json: removed };
}
