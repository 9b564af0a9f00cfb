// The cluster network's settings: checked as a whole (init, cluster update), each rule an
// INVALID_ARGUMENT naming the flag that sets the value.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import { DEFAULT_CLUSTER_NETWORK, type ClusterNetworkSettings, type DataPathBackend } from '@clusterctl/store';
import { cidrsOverlap, parseCidr } from './cidr.js';

export const DATA_PATH_BACKENDS: readonly DataPathBackend[] = ['auto', 'host-gw', 'vxlan'];

export const NETWORK_LIMITS = {
  /** A node subnet is a /24; the cluster CIDR must hold at least 2 of them. */
  maxClusterPrefix: 23,
  minClusterPrefix: 8,
  /** The VIP pool holds at least 2 usable addresses... and at most a /8. */
  maxVipPrefix: 30,
  minVipPrefix: 8,
  /** Docker's --data-path-port range. */
  minVxlanPort: 1024,
  maxVxlanPort: 49151,
  minMtu: 576,
  maxMtu: 9000,
} as const;

function invalid(flag: string, message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint, details: { field: flag } });
}

export function isDataPathBackend(s: string): s is DataPathBackend {
  return (DATA_PATH_BACKENDS as readonly string[]).includes(s);
}

/** The settings with defaults filled in, or INVALID_ARGUMENT naming the flag to fix. */
export function validateClusterNetwork(p: Partial<ClusterNetworkSettings>): ClusterNetworkSettings {
  const s: ClusterNetworkSettings = { ...DEFAULT_CLUSTER_NETWORK, ...p };
  const cluster = parseCidr(s.clusterCidr);
  if (cluster === undefined)
    throw invalid(
      '--default-addr-pool',
      `--default-addr-pool ${JSON.stringify(s.clusterCidr)} is not an IPv4 CIDR block`,
      'write it as ADDRESS/PREFIX with the host bits zero, e.g. --default-addr-pool 10.240.0.0/16',
    );
  if (cluster.prefix > NETWORK_LIMITS.maxClusterPrefix || cluster.prefix < NETWORK_LIMITS.minClusterPrefix)
    throw invalid(
      '--default-addr-pool',
      `--default-addr-pool ${s.clusterCidr}: the prefix must be /${NETWORK_LIMITS.minClusterPrefix} to /${NETWORK_LIMITS.maxClusterPrefix} (each node takes a /${s.nodeSubnetBits})`,
      'e.g. --default-addr-pool 10.240.0.0/16 (256 nodes)',
    );
  const vip = parseCidr(s.vipCidr);
  if (vip === undefined)
    throw invalid(
      '--vip-pool',
      `--vip-pool ${JSON.stringify(s.vipCidr)} is not an IPv4 CIDR block`,
      'write it as ADDRESS/PREFIX with the host bits zero, e.g. --vip-pool 10.241.0.0/16',
    );
  if (vip.prefix > NETWORK_LIMITS.maxVipPrefix || vip.prefix < NETWORK_LIMITS.minVipPrefix)
    throw invalid(
      '--vip-pool',
      `--vip-pool ${s.vipCidr}: the prefix must be /${NETWORK_LIMITS.minVipPrefix} to /${NETWORK_LIMITS.maxVipPrefix}`,
      'e.g. --vip-pool 10.241.0.0/16',
    );
  if (cidrsOverlap(cluster, vip))
    throw invalid(
      '--vip-pool',
      `--vip-pool ${s.vipCidr} overlaps --default-addr-pool ${s.clusterCidr}`,
      'choose two ranges that do not overlap, e.g. --default-addr-pool 10.240.0.0/16 --vip-pool 10.241.0.0/16',
    );
  if (s.nodeSubnetBits !== 24)
    throw invalid(
      'nodeSubnetBits',
      `node subnets are /24 (got /${s.nodeSubnetBits})`,
      'leave the node subnet size at 24',
    );
  if (!isDataPathBackend(s.backend))
    throw invalid(
      '--data-path-backend',
      `invalid --data-path-backend ${JSON.stringify(s.backend)}`,
      'the data-path backend is auto (direct routes to nodes on the same link, VXLAN to the others), host-gw or vxlan',
    );
  if (
    !Number.isInteger(s.vxlanPort) ||
    s.vxlanPort < NETWORK_LIMITS.minVxlanPort ||
    s.vxlanPort > NETWORK_LIMITS.maxVxlanPort
  )
    throw invalid(
      '--data-path-port',
      `invalid --data-path-port ${s.vxlanPort}`,
      `the VXLAN port is ${NETWORK_LIMITS.minVxlanPort}-${NETWORK_LIMITS.maxVxlanPort} (default 4789)`,
    );
  if (!Number.isInteger(s.mtu) || (s.mtu !== 0 && (s.mtu < NETWORK_LIMITS.minMtu || s.mtu > NETWORK_LIMITS.maxMtu)))
    throw invalid(
      'mtu',
      `invalid MTU ${s.mtu}`,
      `0 (each node derives it) or ${NETWORK_LIMITS.minMtu}-${NETWORK_LIMITS.maxMtu}`,
    );
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(s.dnsDomain))
    throw invalid('dnsDomain', `invalid DNS domain ${JSON.stringify(s.dnsDomain)}`, 'one DNS label, e.g. cluster');
  return s;
}

/** A network already on the node: a route of its own, or a Docker network. */
export interface HostNetwork {
  cidr: string;
  /** What it is, for the message: e.g. `route via eth0`, `docker network bridge`. */
  what: string;
}

/**
 * Refuses pools that overlap a network the node already uses (its routes, Docker's networks):
 * INVALID_ARGUMENT naming the overlap and the flag that moves the pool. The default route and
 * unparsable entries are skipped.
 */
export function checkPoolsAgainstHost(s: ClusterNetworkSettings, host: readonly HostNetwork[]): void {
  const pools: [string, string, string][] = [
    ['--default-addr-pool', s.clusterCidr, 'task addresses'],
    ['--vip-pool', s.vipCidr, 'virtual IPs'],
  ];
  for (const [flag, pool, purpose] of pools) {
    const p = parseCidr(pool);
    if (p === undefined) continue;
    for (const h of host) {
      const c = parseCidr(h.cidr);
      if (c === undefined || c.prefix === 0 || !cidrsOverlap(p, c)) continue;
      throw new ClusterError(
        ErrorCode.InvalidArgument,
        `the ${purpose} pool ${pool} overlaps ${h.cidr} (${h.what}) on this node`,
        {
          hint: `choose a range this node does not use with ${flag}, e.g. ${flag} ${flag === '--vip-pool' ? '10.251.0.0/16' : '10.250.0.0/16'}`,
          details: { field: flag, pool, overlaps: h.cidr, what: h.what },
        },
      );
    }
  }
}
