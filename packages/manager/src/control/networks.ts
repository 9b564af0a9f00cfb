// Control API: networks (create, get, list, remove). Services join networks by name or id (the
// default network when they name none); removing a network a service uses is refused naming the
// services, and the default network is never removed.

import { checkLabels, ClusterError, ErrorCode, shortForMessage } from '@clusterctl/common';
import { DEFAULT_NETWORK_NAME, newId, type Network, type ReadTx } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import type { Call, ControlContext } from './context.js';
import { networkToProto } from '../api/convert.js';
import { resolveNetwork, servicesOnNetwork } from '../network/allocator.js';
import { MAX_REF_CHARS } from './lookup.js';

/** Docker's network name rule, kept short enough for a DNS label. */
export const NETWORK_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

function requireRef(ref: string | null | undefined): string {
  const r = (ref ?? '').trim();
  if (r === '' || r.length > MAX_REF_CHARS)
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid network reference ${shortForMessage(r)}`, {
      hint: "pass the network's name, id or a unique id prefix",
    });
  return r;
}

function summary(tx: ReadTx, n: Network): clusterctl.control.INetworkSummary {
  return {
    network: networkToProto(n),
    services: servicesOnNetwork(tx, n)
      .map((s) => s.spec.name)
      .sort(),
  };
}

export function networkMethods(ctx: ControlContext) {
  const { store, raft, log, read } = ctx;

  async function createNetwork(
    call: Call<clusterctl.control.CreateNetworkRequest, clusterctl.cluster.INetwork>,
  ): Promise<clusterctl.cluster.INetwork> {
    const p = call.request.spec;
    const name = (p?.name ?? '').trim();
    if (!NETWORK_NAME_RE.test(name))
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid network name ${shortForMessage(name)}`, {
        hint: 'a network name is 1-63 characters: letters, digits, "_", "." or "-", starting with a letter or digit',
        details: { field: 'name' },
      });
    const driver = (p?.driver ?? '') === '' ? 'overlay' : p!.driver;
    if (driver !== 'overlay')
      throw new ClusterError(ErrorCode.InvalidArgument, `unsupported network driver ${shortForMessage(driver ?? '')}`, {
        hint: 'networks of the cluster use the overlay driver (the default): drop --driver',
        details: { field: 'driver' },
      });
    const labels = { ...(p?.labels ?? {}) };
    checkLabels('labels', labels);
    const id = newId();
    await raft.readBarrier();
    await store.update((tx) => {
      const other = tx.getByName('networks', name);
      if (other !== undefined)
        throw new ClusterError(ErrorCode.AlreadyExists, `a network named ${name} already exists (${other.id})`, {
          hint: 'choose another name, or use the existing network',
        });
      tx.create('networks', { id, spec: { name, labels, driver: 'overlay' } });
    });
    log.info({ networkId: id, name }, 'network created');
    return networkToProto(store.view((tx) => tx.get('networks', id))!);
  }

  async function getNetwork(
    call: Call<clusterctl.control.GetNetworkRequest, clusterctl.control.INetworkSummary>,
  ): Promise<clusterctl.control.INetworkSummary> {
    const ref = requireRef(call.request.network);
    return read((tx) => summary(tx, resolveNetwork(tx, ref)));
  }

  async function listNetworks(
    call: Call<clusterctl.control.ListNetworksRequest, clusterctl.control.IListNetworksResponse>,
  ): Promise<clusterctl.control.IListNetworksResponse> {
    const f = call.request.filters ?? {};
    return read((tx) => ({
      networks: tx
        .list('networks')
        .filter((n) => {
          if (f.id !== undefined && !n.id.startsWith(f.id)) return false;
          if (f.name !== undefined && !n.spec.name.startsWith(f.name)) return false;
          if (f.label !== undefined) {
            const [k, v] = f.label.split('=', 2) as [string, string | undefined];
            if (!(k in n.spec.labels) || (v !== undefined && n.spec.labels[k] !== v)) return false;
          }
          return true;
        })
        .sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0))
        .map((n) => summary(tx, n)),
    }));
  }

  async function removeNetwork(
    call: Call<clusterctl.control.RemoveNetworkRequest, clusterctl.control.IEmpty>,
  ): Promise<clusterctl.control.IEmpty> {
    const ref = requireRef(call.request.network);
    await raft.readBarrier();
    const name = await store.update((tx) => {
      const n = resolveNetwork(tx, ref);
      if (n.spec.name === DEFAULT_NETWORK_NAME)
        throw new ClusterError(ErrorCode.FailedPrecondition, 'the default network cannot be removed', {
          hint: 'services that name no network join it; remove only networks you created',
          details: { network: n.id },
        });
      const users = servicesOnNetwork(tx, n)
        .map((s) => s.spec.name)
        .sort();
      if (users.length > 0)
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `network ${n.spec.name} is in use by ${users.length === 1 ? 'service' : 'services'} ${users.join(', ')}`,
          {
            hint: `remove those services, or move them off it (clusterctl service update --network-rm ${n.spec.name} SERVICE)`,
            details: { network: n.id, services: users },
          },
        );
      tx.delete('networks', n);
      return n.spec.name;
    });
    log.info({ name }, 'network removed');
    return {};
  }

  return { createNetwork, getNetwork, listNetworks, removeNetwork };
}
