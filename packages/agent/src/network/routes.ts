// Routes to the other nodes' task subnets, Flannel style: host-gw (`SUBNET via NODE`) when the peer
// is on this node's link, else a static VXLAN without learning (1 route + 1 permanent neighbour +
// 1 FDB entry per peer). Plus the return path of the mesh: per peer a routing table whose default
// goes back through that peer and an `ip rule fwmark` into it, and a rule sending traffic to the
// peers' underlay addresses through the main table (VXLAN routes its encapsulated packets with the
// inner packet's mark; without it they would loop into the tunnel). Everything we add carries
// protocol ROUTE_PROTO, so a restart or a map change deletes exactly what is no longer wanted and
// `replace`s the rest: idempotent, no flush, no traffic cut.
import { cidrContains, networkAddressOf, parseCidr, parseIp, vtepMac } from './ipv4.js';
import { markOf } from './nft-ruleset.js';
import type { Backend, NetMap } from './network-map.js';

export const VXLAN_DEV = 'clusterctl.vx';
export const VXLAN_VNI = 4242;
/** rtnetlink protocol of our routes and rules. */
export const ROUTE_PROTO = 211;
export const TABLE_BASE = 10000;
export const RULE_PREF_MARK = 10000;
export const RULE_PREF_UNDERLAY = 9990;
/** VXLAN's encapsulation overhead on IPv4. */
export const VXLAN_OVERHEAD = 50;

export interface Underlay {
  /** The interface holding the node's address (eth0). */
  dev: string;
  addr: string;
  /** The connected prefix of that interface (peers in it are on-link). */
  cidr: string;
  mtu: number;
}

export type PeerVia = 'host-gw' | 'vxlan' | 'unreachable';

export interface PeerRoute {
  nodeId: string;
  index: number;
  addr: string;
  subnet: string;
  via: PeerVia;
  /** Why a peer is unreachable (a condition of this node). */
  reason?: string;
}

export interface RoutePlan {
  mtu: number;
  vxlan:
    | { dev: string; vni: number; port: number; local: string; underlayDev: string; mac: string; addr: string }
    | undefined;
  peers: PeerRoute[];
}

/** The MTU of the cluster bridge: the map's, else the underlay's, less VXLAN's overhead unless the backend is host-gw. */
export function clusterMtu(map: Pick<NetMap, 'mtu' | 'backend'>, underlayMtu: number): number {
  if (map.mtu > 0) return map.mtu;
  return map.backend === 'host-gw' ? underlayMtu : underlayMtu - VXLAN_OVERHEAD;
}

function peerVia(backend: Backend, onLink: boolean, vxlan: boolean): { via: PeerVia; reason?: string } {
  if (backend === 'host-gw')
    return onLink ? { via: 'host-gw' } : { via: 'unreachable', reason: 'host-gw needs the peer on this link' };
  if (backend === 'vxlan' || !onLink)
    return vxlan ? { via: 'vxlan' } : { via: 'unreachable', reason: 'this kernel has no VXLAN' };
  return { via: 'host-gw' };
}

export function planRoutes(input: { map: NetMap; selfNodeId: string; underlay: Underlay; vxlan: boolean }): RoutePlan {
  const { map, underlay } = input;
  const self = map.nodes.find((n) => n.nodeId === input.selfNodeId);
  const link = parseCidr(underlay.cidr);
  const peers: PeerRoute[] = [];
  for (const n of [...map.nodes].sort((a, b) => a.index - b.index)) {
    if (n.nodeId === input.selfNodeId || !n.dataPlane || n.subnet === '' || n.index <= 0) continue;
    const a = parseIp(n.addr);
    if (a === undefined || parseCidr(n.subnet) === undefined) continue;
    const onLink = link !== undefined && cidrContains(link, a);
    peers.push({
      nodeId: n.nodeId,
      index: n.index,
      addr: n.addr,
      subnet: n.subnet,
      ...peerVia(map.backend, onLink, input.vxlan),
    });
  }
  const useVxlan = self !== undefined && self.subnet !== '' && peers.some((p) => p.via === 'vxlan');
  return {
    mtu: clusterMtu(map, underlay.mtu),
    vxlan: useVxlan
      ? {
          dev: VXLAN_DEV,
          vni: VXLAN_VNI,
          port: map.vxlanPort,
          local: underlay.addr,
          underlayDev: underlay.dev,
          mac: vtepMac(self.index),
          addr: networkAddressOf(self.subnet),
        }
      : undefined,
    peers,
  };
}

/** `ip -batch` lines that put every wanted route, neighbour and table in place (replace: idempotent). */
export function renderIpBatch(plan: RoutePlan, underlay: Underlay): string[] {
  const lines: string[] = [];
  const p = `proto ${ROUTE_PROTO}`;
  for (const peer of plan.peers) {
    const table = `table ${TABLE_BASE + peer.index}`;
    if (peer.via === 'host-gw') {
      lines.push(`route replace ${peer.subnet} via ${peer.addr} dev ${underlay.dev} ${p}`);
      lines.push(`route replace default via ${peer.addr} dev ${underlay.dev} ${table} ${p}`);
    } else if (peer.via === 'vxlan' && plan.vxlan) {
      const vtep = networkAddressOf(peer.subnet);
      lines.push(`route replace ${peer.subnet} via ${vtep} dev ${plan.vxlan.dev} onlink ${p}`);
      lines.push(`neigh replace ${vtep} lladdr ${vtepMac(peer.index)} dev ${plan.vxlan.dev} nud permanent`);
      lines.push(`route replace default via ${vtep} dev ${plan.vxlan.dev} onlink ${table} ${p}`);
    }
  }
  return lines;
}

/** `bridge -batch` lines: the FDB entry of every VXLAN peer. */
export function renderBridgeBatch(plan: RoutePlan): string[] {
  if (!plan.vxlan) return [];
  return plan.peers
    .filter((p) => p.via === 'vxlan')
    .map((p) => `fdb replace ${vtepMac(p.index)} dev ${plan.vxlan!.dev} dst ${p.addr} self permanent`);
}

export interface RuleSpec {
  pref: number;
  /** fwmark rule: mark and table; underlay rule: the peer's address. */
  fwmark?: number;
  table?: number;
  to?: string;
}

export function wantedRules(plan: RoutePlan): RuleSpec[] {
  const rules: RuleSpec[] = [];
  for (const peer of plan.peers) {
    if (peer.via === 'unreachable') continue;
    rules.push({ pref: RULE_PREF_UNDERLAY, to: peer.addr });
    rules.push({ pref: RULE_PREF_MARK, fwmark: markOf(peer.index), table: TABLE_BASE + peer.index });
  }
  return rules;
}

export function ruleKey(r: RuleSpec): string {
  return r.to !== undefined
    ? `to ${r.to} pref ${r.pref}`
    : `fwmark 0x${(r.fwmark ?? 0).toString(16)} table ${r.table} pref ${r.pref}`;
}

/** `ip rule` arguments of a rule (after add/del). */
export function ruleArgs(r: RuleSpec): string[] {
  const tail = ['pref', String(r.pref), 'protocol', String(ROUTE_PROTO)];
  if (r.to !== undefined) return ['to', `${r.to}/32`, 'lookup', 'main', ...tail];
  return ['fwmark', `0x${(r.fwmark ?? 0).toString(16)}`, 'lookup', String(r.table), ...tail];
}

/** Our rules as `ip -j rule show` lists them (protocol ROUTE_PROTO). */
export function parseRules(json: string): RuleSpec[] {
  const out: RuleSpec[] = [];
  for (const r of parseJsonList(json)) {
    if (String(r.protocol) !== String(ROUTE_PROTO)) continue;
    const pref = Number(r.priority);
    if (typeof r.fwmark === 'string') out.push({ pref, fwmark: Number(r.fwmark), table: Number(r.table) });
    else if (typeof r.dst === 'string') out.push({ pref, to: r.dst.replace(/\/32$/, '') });
  }
  return out;
}

/** Our routes as `ip -j route show table all proto ROUTE_PROTO` lists them: `DST table T`. */
export function parseRoutes(json: string): Array<{ dst: string; table: string }> {
  return parseJsonList(json).map((r) => ({
    dst: String(r.dst),
    table: typeof r.table === 'string' ? r.table : 'main',
  }));
}

/** `DST table T` of every route renderIpBatch adds. */
export function wantedRouteKeys(plan: RoutePlan): Set<string> {
  const keys = new Set<string>();
  for (const peer of plan.peers) {
    if (peer.via === 'unreachable' || (peer.via === 'vxlan' && !plan.vxlan)) continue;
    keys.add(`${peer.subnet} table main`);
    keys.add(`default table ${TABLE_BASE + peer.index}`);
  }
  return keys;
}

export function parseJsonList(json: string): Array<Record<string, unknown>> {
  const t = json.trim();
  if (t === '') return [];
  const v = JSON.parse(t) as unknown;
  return Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
}
