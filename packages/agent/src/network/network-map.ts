// The cluster network as this node receives it from the leader (the NetworkMaps stream): nodes with
// their subnets, networks, services with their VIP, ports and healthy endpoints. The data plane
// (routes, nft rules, DNS) is rendered from one map.
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
