// The node's nftables rules, rendered WHOLE from the network map (a pure function; golden-text unit
// tests) and applied as one `nft -f` transaction that deletes and re-creates our two tables, so a
// map change or an agent restart swaps the rules atomically and established connections (in
// conntrack) keep their translation.
//
//   table ip clusterctl      the mesh and the node's routing policy:
//     mesh_pre/mesh_out      nat prerouting/output: VIP . any port -> an endpoint (numgen random);
//                            a published ingress port on any local address -> every endpoint (or,
//                            route=local-first, this node's own when it has one); no SNAT (client
//                            IP kept)
//     mark_in                connections arriving from a peer node's MAC towards a local task get
//                            the peer's mark in conntrack; replies leaving the bridge carry it as
//                            the packet mark, and `ip rule fwmark` sends them back through that peer
//     forward                tasks reach only tasks of services sharing a network (sets per
//                            network); a VIP with no endpoint is refused
//     post                   masquerade what leaves the cluster CIDR, and hairpin (a task reaching
//                            a local endpoint through a VIP or published port)
//   table bridge clusterctl  the same isolation between tasks on this node's bridge (their traffic
//                            is switched, never routed; only that bridge carries this node's subnet)
import type { NetMap, NetMapEndpoint, NetMapService } from './network-map.js';

/** Packet and conntrack marks of the return path: MARK_BASE + the peer's index (1..4095). */
export const MARK_BASE = 0x1000;
export const MARK_MASK = 0xfffff000;
export const TABLE_NAME = 'clusterctl';

export interface LocalTask {
  taskId: string;
  serviceId: string;
  ip: string;
}

export interface RulesetInput {
  map: NetMap;
  selfNodeId: string;
  /** This node's task subnet (its /24). */
  subnet: string;
  /** The Docker bridge of the cluster network on this node. */
  bridge: string;
  /** Tasks running on this node with their IPs (also those not yet healthy: they may talk). */
  localTasks: LocalTask[];
  /** MACs peers' packets arrive from (underlay and VXLAN), by node id. */
  peerMacs: Map<string, string[]>;
}

/** A name nft accepts as a chain or set identifier. */
function ident(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '_');
}

function hex8(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

export function markOf(index: number): number {
  return MARK_BASE + index;
}

function dnatTo(endpoints: NetMapEndpoint[], port?: number): string {
  const suffix = port === undefined ? '' : ` : ${port}`;
  if (endpoints.length === 1) return `dnat to ${endpoints[0]!.ip}${port === undefined ? '' : `:${port}`}`;
  const entries = endpoints.map((e, i) => `${i} : ${e.ip}`).join(', ');
  return `dnat to numgen random mod ${endpoints.length} map { ${entries} }${suffix}`;
}

function sortedEndpoints(s: NetMapService): NetMapEndpoint[] {
  return s.endpoints.filter((e) => e.ip !== '').sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

function elements(items: string[], indent: string): string[] {
  if (items.length === 0) return [];
  return [`${indent}elements = { ${items.join(`,\n${indent}             `)} }`];
}

/** Members of every network: endpoints in the map and this node's tasks, by network id. */
export function networkMembers(input: Pick<RulesetInput, 'map' | 'localTasks'>): Map<string, string[]> {
  const byService = new Map(input.map.services.map((s) => [s.id, s]));
  const members = new Map<string, Set<string>>();
  for (const n of input.map.networks) members.set(n.id, new Set());
  const add = (networkIds: string[], ip: string): void => {
    for (const id of networkIds) {
      let set = members.get(id);
      if (!set) members.set(id, (set = new Set()));
      set.add(ip);
    }
  };
  for (const s of input.map.services) for (const e of s.endpoints) if (e.ip) add(s.networkIds, e.ip);
  for (const t of input.localTasks) {
    const s = byService.get(t.serviceId);
    if (s && t.ip) add(s.networkIds, t.ip);
  }
  const out = new Map<string, string[]>();
  for (const [id, set] of [...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out.set(id, [...set].sort(compareIp));
  return out;
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function setBlock(name: string, type: string, items: string[]): string[] {
  return [`\tset ${name} {`, `\t\ttype ${type}`, ...elements(items, '\t\t'), '\t}'];
}

/** The whole `nft -f` input: both tables deleted and created again in one transaction. */
export function renderRuleset(input: RulesetInput): string {
  const { map, bridge, subnet } = input;
  const cidr = map.clusterCidr;
  const self = input.selfNodeId;
  const services = [...input.map.services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const members = networkMembers(input);

  const ip: string[] = [];
  // Sets of network members.
  for (const [id, ips] of members) ip.push(...setBlock(`net_${ident(id)}`, 'ipv4_addr', ips));

  // The peers' MACs -> their mark.
  const peerMarks: string[] = [];
  for (const n of [...map.nodes].sort((a, b) => a.index - b.index)) {
    if (n.nodeId === self || n.index <= 0) continue;
    const macs = new Set([...(input.peerMacs.get(n.nodeId) ?? [])].map((m) => m.toLowerCase()));
    for (const mac of [...macs].sort()) peerMarks.push(`${mac} : ${hex8(markOf(n.index))}`);
  }
  ip.push('\tmap peer_marks {', '\t\ttype ether_addr : mark', ...elements(peerMarks, '\t\t'), '\t}');

  // Service chains and the vmaps that lead to them.
  const vipEntries: string[] = [];
  const pubEntries: string[] = [];
  const chains: string[] = [];
  for (const s of services) {
    const eps = sortedEndpoints(s);
    if (s.endpointMode === 'vip' && s.vip !== '') {
      const chain = `svc_${ident(s.id)}`;
      vipEntries.push(`${s.vip} : goto ${chain}`);
      chains.push(`\tchain ${chain} {`);
      if (eps.length > 0) chains.push(`\t\t${dnatTo(eps)}`);
      chains.push('\t}');
    }
    const local = eps.filter((e) => e.nodeId === self);
    for (const p of [...s.ports].sort((a, b) => a.published - b.published || (a.protocol < b.protocol ? -1 : 1))) {
      if (p.mode !== 'ingress' || p.published <= 0) continue;
      const chain = `pub_${ident(s.id)}_${p.protocol}_${p.published}`;
      pubEntries.push(`${p.protocol} . ${p.published} : goto ${chain}`);
      chains.push(`\tchain ${chain} {`);
      const to = p.route === 'local-first' && local.length > 0 ? local : eps;
      if (to.length > 0) chains.push(`\t\t${p.protocol} dport ${p.published} ${dnatTo(to, p.target)}`);
      chains.push('\t}');
    }
  }
  ip.push(
    '\tmap vips {',
    '\t\ttype ipv4_addr : verdict',
    ...elements(vipEntries, '\t\t'),
    '\t}',
    '\tmap published {',
    '\t\ttype inet_proto . inet_service : verdict',
    ...elements(pubEntries, '\t\t'),
    '\t}',
  );
  ip.push(
    '\tchain mesh_pre {',
    '\t\ttype nat hook prerouting priority -105; policy accept;',
    '\t\tjump mesh',
    '\t}',
    '\tchain mesh_out {',
    '\t\ttype nat hook output priority -105; policy accept;',
    '\t\tip daddr 127.0.0.0/8 return',
    '\t\tjump mesh',
    '\t}',
    '\tchain mesh {',
    '\t\tip daddr vmap @vips',
    '\t\tfib daddr type local meta l4proto . th dport vmap @published',
    '\t}',
    ...chains,
    '\tchain mark_in {',
    '\t\ttype filter hook prerouting priority mangle; policy accept;',
    `\t\tiifname != "${bridge}" ip daddr ${subnet} ct state new ct mark set ether saddr map @peer_marks`,
    `\t\tiifname "${bridge}" ct mark and ${hex8(MARK_MASK)} == ${hex8(MARK_BASE)} meta mark set ct mark`,
    '\t}',
    '\tchain forward {',
    '\t\ttype filter hook forward priority filter; policy accept;',
    '\t\tct state established,related accept',
    `\t\tiifname "${bridge}" ip daddr ${cidr} jump isolate`,
    `\t\tip daddr ${map.vipCidr} reject with icmp type host-unreachable`,
    '\t}',
    '\tchain isolate {',
    ...[...members.keys()].map((id) => `\t\tip saddr @net_${ident(id)} ip daddr @net_${ident(id)} accept`),
    '\t\treject with icmp type admin-prohibited',
    '\t}',
    '\tchain post {',
    '\t\ttype nat hook postrouting priority srcnat; policy accept;',
    `\t\toifname "${bridge}" ct status dnat ip saddr ${subnet} ip daddr ${subnet} masquerade`,
    `\t\toifname != "${bridge}" ip saddr ${subnet} ip daddr != ${cidr} masquerade`,
    '\t}',
  );

  const br: string[] = [];
  for (const [id, ips] of members) br.push(...setBlock(`net_${ident(id)}`, 'ipv4_addr', ips));
  br.push(
    '\tchain forward {',
    '\t\ttype filter hook forward priority filter; policy accept;',
    ...[...members.keys()].map((id) => `\t\tip saddr @net_${ident(id)} ip daddr @net_${ident(id)} accept`),
    `\t\tip saddr ${subnet} ip daddr ${subnet} drop`,
    '\t}',
  );

  return [
    `table ip ${TABLE_NAME} {}`,
    `delete table ip ${TABLE_NAME}`,
    `table ip ${TABLE_NAME} {`,
    ...ip,
    '}',
    `table bridge ${TABLE_NAME} {}`,
    `delete table bridge ${TABLE_NAME}`,
    `table bridge ${TABLE_NAME} {`,
    ...br,
    '}',
    '',
  ].join('\n');
}

/** Removes both tables (leave): the dummy add makes the delete succeed when they are absent. */
export function renderTeardown(): string {
  return [
    `table ip ${TABLE_NAME} {}`,
    `delete table ip ${TABLE_NAME}`,
    `table bridge ${TABLE_NAME} {}`,
    `delete table bridge ${TABLE_NAME}`,
    '',
  ].join('\n');
}
