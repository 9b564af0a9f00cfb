// The cluster network as this node receives it from the leader (the NetworkMaps stream): nodes with
// their subnets, networks, services with their VIP, ports and healthy endpoints. The data plane
// (routes, nft rules, DNS) is rendered from one map; the proto message is converted once, here.
import type { clusterctl } from '@clusterctl/proto';
export type Backend = 'auto' | 'host-gw' | 'vxlan';

export interface NetMapNode {
  nodeId: string;
  /** Underlay IPv4. */
  addr: string;
  /** Its task subnet (a /24 of the cluster CIDR); '' while none is allocated. */
  subnet: string;
  /** Stable 1..N: marks, routing tables and the VTEP MAC derive from it. */
  index: number;
  down: boolean;
  /** False: the node runs with --data-plane off. */
  dataPlane: boolean;
}

export interface NetMapPort {
  published: number;
  target: number;
  protocol: 'tcp' | 'udp';
  mode: 'ingress' | 'host';
  /** Ingress: spread over every endpoint, or a node with endpoints sends to them only. */
  route: 'spread' | 'local-first';
}

export interface NetMapEndpoint {
  taskId: string;
  nodeId: string;
  ip: string;
}

export interface NetMapService {
  id: string;
  name: string;
  aliases: string[];
  /** Names only tasks on that network (an id) resolve (compose's per-network aliases). */
  networkAliases: { networkId: string; aliases: string[] }[];
  /** '' for endpoint mode dnsrr. */
  vip: string;
  endpointMode: 'vip' | 'dnsrr';
  ports: NetMapPort[];
  /** Only running, healthy tasks whose desired state is still running. */
  endpoints: NetMapEndpoint[];
  networkIds: string[];
}

export interface NetMap {
  version: number;
  term: number;
  clusterCidr: string;
  vipCidr: string;
  /** 0: derived by the node. */
  mtu: number;
  backend: Backend;
  vxlanPort: number;
  dnsDomain: string;
  nodes: NetMapNode[];
  networks: Array<{ id: string; name: string }>;
  services: NetMapService[];
}

export const NETWORK_MAP_DEFAULTS = {
  clusterCidr: '10.240.0.0/16',
  vipCidr: '10.241.0.0/16',
  vxlanPort: 4789,
  dnsDomain: 'cluster',
} as const;

/** Task ids the map lists as endpoints of some service. */
export function endpointTaskIds(m: NetMap): Set<string> {
  const ids = new Set<string>();
  for (const s of m.services) for (const e of s.endpoints) ids.add(e.taskId);
  return ids;
}

function backendOf(s: string | null | undefined): Backend {
  return s === 'host-gw' || s === 'vxlan' ? s : 'auto';
}

/** The map as the dispatcher sends it (proto), with defaults filled in. */
export function netMapFromProto(m: clusterctl.dispatcher.INetworkMap): NetMap {
  return {
    version: Number(m.version ?? 0),
    term: Number(m.term ?? 0),
    clusterCidr: m.clusterCidr || NETWORK_MAP_DEFAULTS.clusterCidr,
    vipCidr: m.vipCidr || NETWORK_MAP_DEFAULTS.vipCidr,
    mtu: m.mtu ?? 0,
    backend: backendOf(m.backend),
    vxlanPort: m.vxlanPort || NETWORK_MAP_DEFAULTS.vxlanPort,
    dnsDomain: (m.dnsDomain || NETWORK_MAP_DEFAULTS.dnsDomain).toLowerCase(),
    nodes: (m.nodes ?? []).map((n) => ({
      nodeId: n.nodeId ?? '',
      addr: n.addr ?? '',
      subnet: n.subnet ?? '',
      index: n.index ?? 0,
      down: n.down ?? false,
      dataPlane: n.dataPlane ?? false,
    })),
    networks: (m.networks ?? []).map((n) => ({ id: n.id ?? '', name: n.name ?? '' })),
    services: (m.services ?? []).map((s) => ({
      id: s.id ?? '',
      name: s.name ?? '',
      aliases: [...(s.aliases ?? [])],
      networkAliases: (s.networkAliases ?? []).map((a) => ({
        networkId: a.network ?? '',
        aliases: [...(a.aliases ?? [])],
      })),
      // a VIP may come in CIDR notation
      vip: (s.vip ?? '').replace(/\/\d+$/, ''),
      endpointMode: s.endpointMode === 'dnsrr' ? 'dnsrr' : 'vip',
      ports: (s.ports ?? []).map((p) => ({
        published: p.published ?? 0,
        target: p.target ?? 0,
        protocol: p.protocol === 'udp' ? 'udp' : 'tcp',
        mode: p.mode === 'host' ? 'host' : 'ingress',
        route: p.route === 'local-first' ? 'local-first' : 'spread',
      })),
      endpoints: (s.endpoints ?? []).map((e) => ({ taskId: e.taskId ?? '', nodeId: e.nodeId ?? '', ip: e.ip ?? '' })),
      networkIds: [...(s.networkIds ?? [])],
    })),
  };
}
