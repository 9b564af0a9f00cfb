// The network map: the whole cluster network as one node needs it, built from the store (nodes and
// their subnets, networks, services with their VIP, ports and endpoints). The same state always
// gives the same map (everything sorted), so a publisher can tell whether anything changed by
// comparing encodings.

import { STACK_NAMESPACE_LABEL } from '@clusterctl/common';
import { DEFAULT_NETWORK_NAME, taskIsUp, type Node, type ReadTx, type Task } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { clusterNetworkOf, subnetIndex } from './allocator.js';

/** A map without its version and term (the publisher stamps those). */
export type NetworkMapContent = Omit<clusterctl.dispatcher.INetworkMap, 'version' | 'term'>;

/**
 * A task the mesh and DNS may send traffic to: running, healthy (or without a check), still meant
 * to run, with an address, on a node that is not down. A task whose desired state moved past
 * running leaves the map in the same change that moved it. The leader also leaves out the tasks of
 * suspect nodes (late heartbeats or a broken session, see NodeLiveness): traffic drains from a
 * failing node before it is marked down.
 */
export function isEndpoint(t: Task, nodeDown: (nodeId: string) => boolean): boolean {
  if (!taskIsUp(t.status) || t.desiredState !== 'running') return false;
  if (t.status.ip === undefined || t.status.ip === '') return false;
  return t.nodeId !== '' && !nodeDown(t.nodeId);
}

/** The host part of a node's address (its record may carry ip:port). */
function hostOf(addr: string): string {
  return addr.replace(/^\[|\]$/g, '').replace(/:\d+$/, '');
}

/**
 * The extra DNS names of a service: a stack's service (`shop_db`, labelled with its stack `shop`)
 * answers to its short name (`db`) too, as `docker stack deploy` makes it; DNS shows a name only to
 * tasks sharing a network with the service, so two stacks' `db` never meet.
 */
export function aliasesOf(name: string, labels: Readonly<Record<string, string>> | undefined): string[] {
  const stack = labels?.[STACK_NAMESPACE_LABEL];
  if (stack === undefined || stack === '' || !name.startsWith(`${stack}_`)) return [];
  const short = name.slice(stack.length + 1);
  return short === '' ? [] : [short];
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `suspect`: nodes whose tasks are no endpoints although the nodes are not down (yet); they stay in
 * the map with their routes.
 */
export function buildNetworkMap(tx: ReadTx, suspect: ReadonlySet<string> = new Set()): NetworkMapContent {
  const settings = clusterNetworkOf(tx);
  const nodes = tx.list('nodes');
  const down = new Set(nodes.filter((n) => n.status.state === 'down').map((n) => n.id));
  const nodeDown = (id: string): boolean => down.has(id) || suspect.has(id);

  const mapNodes = nodes
    .map((n: Node) => {
      const subnet = n.network?.subnet ?? '';
      return {
        nodeId: n.id,
        addr: hostOf(n.addr),
        subnet,
        index: subnet === '' ? 0 : (subnetIndex(settings, subnet) ?? 0),
        down: down.has(n.id),
        dataPlane: n.network?.capabilities?.enabled === true,
      };
    })
    .sort((a, b) => a.index - b.index || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));

  const networks = tx.list('networks').sort(byId);
  const defaultId = networks.find((n) => n.spec.name === DEFAULT_NETWORK_NAME)?.id;

  const services = tx
    .list('services')
    .sort(byId)
    .map((s) => {
      const endpointMode = s.spec.endpointMode ?? 'vip';
      const nets = s.spec.networks ?? [];
      const endpoints = tx
        .findBy('tasks', 'serviceId', s.id)
        .filter((t) => isEndpoint(t, nodeDown))
        .sort(byId)
        .map((t) => ({ taskId: t.id, nodeId: t.nodeId, ip: t.status.ip! }));
      return {
        id: s.id,
        name: s.spec.name,
        aliases: aliasesOf(s.spec.name, s.spec.labels),
        vip: endpointMode === 'vip' ? (s.vip ?? '') : '',
        endpointMode,
        ports: s.spec.ports
          .filter((p) => (p.published ?? 0) > 0)
          .map((p) => ({
            published: p.published ?? 0,
            target: p.target,
            protocol: p.protocol,
            mode: p.publishMode ?? 'ingress',
            route: p.route ?? '',
          })),
        endpoints,
        networkIds: nets.length > 0 ? [...nets] : defaultId === undefined ? [] : [defaultId],
        networkAliases: (s.spec.networkAliases ?? []).map((a) => ({ network: a.network, aliases: [...a.aliases] })),
      };
    });

  return {
    clusterCidr: settings.clusterCidr,
    vipCidr: settings.vipCidr,
    mtu: settings.mtu,
    backend: settings.backend,
    vxlanPort: settings.vxlanPort,
    dnsDomain: settings.dnsDomain,
    nodes: mapNodes,
    networks: networks.map((n) => ({ id: n.id, name: n.spec.name })),
    services,
  };
}
