// The cluster network's allocator: node subnets, service virtual IPs and the networks services
// join. Every pick runs inside the store transaction that records it (a node at join, a service at
// create or update) and takes the lowest free value, so the same state always gives the same
// answer; the store refuses a value another record took meanwhile (uniqueKeysOf, CONFLICT) and the
// transaction is run again against the newer state.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import {
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_NETWORK,
  DEFAULT_NETWORK_NAME,
  type ClusterNetworkSettings,
  type Network,
  type ReadTx,
  type Service,
  type ServiceSpec,
  type WriteTx,
} from '@clusterctl/store';
import { blockSize, formatCidr, formatIpv4, parseCidr, parseIpv4, requireCidr, type Cidr } from './cidr.js';

/** The cluster's network settings (defaults for a cluster record written before they existed). */
export function clusterNetworkOf(tx: ReadTx): ClusterNetworkSettings {
  return tx.get('cluster', DEFAULT_CLUSTER_ID)?.network ?? DEFAULT_CLUSTER_NETWORK;
}

/** Position of `subnet` among the node subnets of the cluster CIDR, from 1; undefined when it is not one. */
export function subnetIndex(settings: ClusterNetworkSettings, subnet: string): number | undefined {
  const pool = parseCidr(settings.clusterCidr);
  const c = parseCidr(subnet);
  if (pool === undefined || c === undefined || c.prefix !== settings.nodeSubnetBits) return undefined;
  const offset = c.base - pool.base;
  if (offset < 0 || offset >= blockSize(pool.prefix)) return undefined;
  return offset / blockSize(c.prefix) + 1;
}

/**
 * The lowest node subnet of the cluster CIDR no node holds and `reserved` does not name (subnets of
 * joins in flight on this manager: concurrent joins each pick another one instead of all picking
 * the same and conflicting until their retries run out).
 */
export function allocateNodeSubnet(tx: ReadTx, reserved: ReadonlySet<string> = new Set()): string {
  const settings = clusterNetworkOf(tx);
  const pool = requireCidr('cluster CIDR', settings.clusterCidr);
  const taken = new Set<string>(reserved);
  for (const n of tx.list('nodes')) if (n.network?.subnet) taken.add(n.network.subnet);
  const size = blockSize(settings.nodeSubnetBits);
  const count = blockSize(pool.prefix) / size;
  for (let i = 0; i < count; i++) {
    const s = formatCidr({ base: pool.base + i * size, prefix: settings.nodeSubnetBits });
    if (!taken.has(s)) return s;
  }
  throw new ClusterError(
    ErrorCode.FailedPrecondition,
    `the cluster CIDR ${settings.clusterCidr} has no free /${settings.nodeSubnetBits} left for another node (${count} nodes hold all of them)`,
    {
      hint: 'remove nodes that are gone (clusterctl node rm), or create the cluster with a larger --default-addr-pool',
    },
  );
}

/**
 * The lowest address of the VIP pool no service holds and `reserved` does not name (those of
 * creates in flight on this manager), the pool's first and last addresses never used.
 */
export function allocateVip(tx: ReadTx, reserved: ReadonlySet<string> = new Set()): string {
  const settings = clusterNetworkOf(tx);
  const pool: Cidr = requireCidr('VIP pool', settings.vipCidr);
  const taken = new Set<number>();
  for (const r of reserved) {
    const a = parseIpv4(r);
    if (a !== undefined) taken.add(a);
  }
  for (const s of tx.list('services')) {
    const a = s.vip === undefined ? undefined : parseIpv4(s.vip);
    if (a !== undefined) taken.add(a);
  }
  const last = pool.base + blockSize(pool.prefix) - 1;
  for (let a = pool.base + 1; a < last; a++) if (!taken.has(a)) return formatIpv4(a);
  throw new ClusterError(
    ErrorCode.FailedPrecondition,
    `the VIP pool ${settings.vipCidr} has no free address left for another service`,
    {
      hint: 'remove services that are no longer needed, use --endpoint-mode dnsrr, or create the cluster with a larger --vip-pool',
    },
  );
}

/** The default network, created in this transaction when the cluster has none yet. */
export function defaultNetwork(tx: WriteTx): Network {
  return (
    tx.getByName('networks', DEFAULT_NETWORK_NAME) ??
    tx.create('networks', { spec: { name: DEFAULT_NETWORK_NAME, labels: {}, driver: 'overlay' } })
  );
}

/** A network by id, unique id prefix or name; NOT_FOUND with a hint otherwise. */
export function resolveNetwork(tx: ReadTx, ref: string): Network {
  const byId = tx.get('networks', ref);
  if (byId !== undefined) return byId;
  const byName = tx.getByName('networks', ref);
  if (byName !== undefined) return byName;
  const matches = ref.length >= 1 ? tx.find('networks', (n) => n.id.startsWith(ref)) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ClusterError(ErrorCode.InvalidArgument, `network id prefix ${ref} is ambiguous`, {
      hint: 'give more characters of the id, or the name',
      details: { field: 'network', matches: matches.map((n) => n.id) },
    });
  }
  throw new ClusterError(ErrorCode.NotFound, `network ${ref} not found`, {
    hint: 'list networks with `clusterctl network ls`, or create it with `clusterctl network create NAME`',
    details: { field: 'network' },
  });
}

/**
 * A spec's networks (names or ids as sent) as sorted, distinct network ids; none given: the
 * default network (created here if the cluster has none yet).
 */
export function resolveSpecNetworks(tx: WriteTx, refs: readonly string[]): string[] {
  if (refs.length === 0) return [defaultNetwork(tx).id];
  return [...new Set(refs.map((r) => resolveNetwork(tx, r).id))].sort();
}

/**
 * Networking fields of a service about to be written: its networks resolved to ids, and a VIP
 * (kept when it has one, allocated when endpoint mode vip needs one, dropped for dnsrr).
 */
export function networkedService(
  tx: WriteTx,
  spec: ServiceSpec,
  current: Service | undefined,
  reservedVips?: ReadonlySet<string>,
): { spec: ServiceSpec; vip: string | undefined } {
  const networks = resolveSpecNetworks(tx, spec.networks ?? []);
  const out: ServiceSpec = { ...spec, networks };
  // per-network aliases: on networks the service joins, by id
  if (spec.networkAliases !== undefined) {
    out.networkAliases = spec.networkAliases.map((a) => {
      const id = resolveNetwork(tx, a.network).id;
      if (!networks.includes(id))
        throw new ClusterError(
          ErrorCode.InvalidArgument,
          `aliases on network ${a.network}, which the service does not join`,
          {
            hint: 'give aliases only on the networks of the service',
            details: { field: 'networkAliases' },
          },
        );
      return { network: id, aliases: [...a.aliases] };
    });
  }
  if ((spec.endpointMode ?? 'vip') === 'dnsrr') return { spec: out, vip: undefined };
  return { spec: out, vip: current?.vip ?? allocateVip(tx, reservedVips) };
}

/** Services attached to a network (by id; the default network also holds services that name none). */
export function servicesOnNetwork(tx: ReadTx, net: Network): Service[] {
  const isDefault = net.spec.name === DEFAULT_NETWORK_NAME;
  return tx.list('services').filter((s) => {
    const nets = s.spec.networks ?? [];
    return nets.includes(net.id) || (isDefault && nets.length === 0);
  });
}
