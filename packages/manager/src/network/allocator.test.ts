import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import {
  ClusterStore,
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_NETWORK,
  type ClusterNetworkSettings,
} from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import {
  allocateNodeSubnet,
  allocateVip,
  networkedService,
  resolveSpecNetworks,
  servicesOnNetwork,
  subnetIndex,
} from './allocator.js';
import { cidrsOverlap, parseCidr, parseIpv4 } from './cidr.js';
import { validateClusterNetwork } from './settings.js';

async function replicas(n: number, network?: Partial<ClusterNetworkSettings>): Promise<ClusterStore[]> {
  const stores = Array.from({ length: n }, () => new ClusterStore());
  const p = new LocalProposer({ replicas: stores });
  for (const s of stores) s.setProposer(p);
  if (network !== undefined) {
    await stores[0]!.update((tx) =>
      tx.create('cluster', {
        id: DEFAULT_CLUSTER_ID,
        name: 'default',
        settings: { heartbeatPeriodMs: 500, nodeGraceMs: 2000, taskHistoryLimit: 5, nodeCertExpiryMs: 1e9 },
        joinTokenDigests: { worker: '', manager: '' },
        network: { ...DEFAULT_CLUSTER_NETWORK, ...network },
      }),
    );
  }
  return stores;
}

async function addNode(store: ClusterStore, host: string): Promise<string> {
  const n = await store.update((tx) =>
    tx.create('nodes', { ...fixtures.newNode(host), network: { subnet: allocateNodeSubnet(tx) } }),
  );
  return n.network!.subnet;
}

async function addService(store: ClusterStore, name: string, over: Parameters<typeof fixtures.serviceSpec>[1] = {}) {
  return store.update((tx) => {
    const net = networkedService(tx, fixtures.serviceSpec(name, over), undefined);
    return tx.create('services', { spec: net.spec, ...(net.vip !== undefined ? { vip: net.vip } : {}) });
  });
}

describe('cidr', () => {
  test('parses dotted addresses and blocks strictly; overlap both ways', () => {
    assert.equal(parseIpv4('10.240.1.2'), 0x0af00102);
    for (const bad of ['10.240.1', '10.240.1.256', '010.1.1.1', 'a.b.c.d', '1.2.3.4 '])
      assert.equal(parseIpv4(bad), undefined, bad);
    assert.deepEqual(parseCidr('10.240.0.0/16'), { base: 0x0af00000, prefix: 16 });
    for (const bad of ['10.240.0.1/16', '10.240.0.0', '10.240.0.0/33', '10.240.0.0/x'])
      assert.equal(parseCidr(bad), undefined, bad);
    assert.ok(cidrsOverlap(parseCidr('10.0.0.0/8')!, parseCidr('10.241.0.0/16')!));
    assert.ok(cidrsOverlap(parseCidr('10.241.0.0/16')!, parseCidr('10.0.0.0/8')!));
    assert.ok(!cidrsOverlap(parseCidr('10.240.0.0/16')!, parseCidr('10.241.0.0/16')!));
  });
});

describe('network settings', () => {
  test('defaults are valid; bad values name the flag to fix', () => {
    assert.deepEqual(validateClusterNetwork({}), DEFAULT_CLUSTER_NETWORK);
    const cases: [Partial<ClusterNetworkSettings>, string][] = [
      [{ clusterCidr: '10.240.0.1/16' }, '--default-addr-pool'],
      [{ clusterCidr: '10.240.0.0/24' }, '--default-addr-pool'],
      [{ vipCidr: 'x' }, '--vip-pool'],
      [{ vipCidr: '10.240.128.0/20' }, '--vip-pool'],
      [{ backend: 'ipip' as 'auto' }, '--data-path-backend'],
      [{ vxlanPort: 80 }, '--data-path-port'],
    ];
    for (const [p, flag] of cases) {
      assert.throws(
        () => validateClusterNetwork(p),
        (e: unknown) =>
          e instanceof ClusterError &&
          e.code === ErrorCode.InvalidArgument &&
          e.message.includes(flag) &&
          e.details.field === flag &&
          e.hint !== '',
        JSON.stringify(p),
      );
    }
  });
});

describe('allocator', () => {
  test('node subnets: lowest free /24 in order, freed by node removal, index from 1', async () => {
    const [s] = await replicas(1);
    assert.equal(await addNode(s!, 'a'), '10.240.0.0/24');
    assert.equal(await addNode(s!, 'b'), '10.240.1.0/24');
    assert.equal(await addNode(s!, 'c'), '10.240.2.0/24');
    const b = s!.view((tx) => tx.list('nodes').find((n) => n.hostname === 'b')!);
    await s!.update((tx) => tx.delete('nodes', b));
    assert.equal(await addNode(s!, 'd'), '10.240.1.0/24', 'the freed subnet is the lowest free one');
    assert.equal(await addNode(s!, 'e'), '10.240.3.0/24');
    assert.equal(subnetIndex(DEFAULT_CLUSTER_NETWORK, '10.240.0.0/24'), 1);
    assert.equal(subnetIndex(DEFAULT_CLUSTER_NETWORK, '10.240.255.0/24'), 256);
    assert.equal(subnetIndex(DEFAULT_CLUSTER_NETWORK, '10.241.0.0/24'), undefined);
  });

  test('node subnets come from the cluster CIDR; a full pool is refused with a hint', async () => {
    const [s] = await replicas(1, { clusterCidr: '192.168.0.0/23' });
    assert.equal(await addNode(s!, 'a'), '192.168.0.0/24');
    assert.equal(await addNode(s!, 'b'), '192.168.1.0/24');
    await assert.rejects(
      addNode(s!, 'c'),
      (e: unknown) =>
        e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition && /default-addr-pool/.test(e.hint),
    );
  });

  test('two managers allocating at once get different subnets (the loser re-runs against the new state)', async () => {
    const [s0, s1] = await replicas(2);
    const got = await Promise.all([addNode(s0!, 'a'), addNode(s1!, 'b'), addNode(s0!, 'c')]);
    assert.deepEqual([...got].sort(), ['10.240.0.0/24', '10.240.1.0/24', '10.240.2.0/24']);
  });

  test('VIPs: deterministic lowest free address, kept on update, freed on remove, none for dnsrr', async () => {
    const [s0, s1] = await replicas(2);
    const web = await addService(s0!, 'web');
    const db = await addService(s1!, 'db');
    assert.deepEqual([web.vip, db.vip].sort(), ['10.241.0.1', '10.241.0.2']);
    const rr = await addService(s0!, 'rr', { endpointMode: 'dnsrr' });
    assert.equal(rr.vip, undefined);
    // an update keeps the VIP
    const kept = await s0!.update((tx) =>
      networkedService(tx, fixtures.serviceSpec('web'), tx.get('services', web.id)),
    );
    assert.equal(kept.vip, web.vip);
    await s0!.update((tx) => tx.delete('services', tx.get('services', web.id)!));
    const api = await addService(s1!, 'api');
    assert.equal(api.vip, web.vip, 'the freed VIP is the lowest free one again');
    assert.equal(
      s0!.view((tx) => allocateVip(tx)),
      '10.241.0.3',
    );
  });

  test('networks: none given joins the default (created once), names resolve to sorted ids, unknown refused', async () => {
    const [s] = await replicas(1);
    const a = await addService(s!, 'a');
    const b = await addService(s!, 'b');
    const def = s!.view((tx) => tx.getByName('networks', 'default')!);
    assert.deepEqual(a.spec.networks, [def.id]);
    assert.deepEqual(b.spec.networks, [def.id]);
    assert.equal(
      s!.view((tx) => tx.count('networks')),
      1,
    );
    const back = await s!.update((tx) =>
      tx.create('networks', { spec: { name: 'back', labels: {}, driver: 'overlay' } }),
    );
    const ids = await s!.update((tx) => resolveSpecNetworks(tx, ['back', def.id, 'default']));
    assert.deepEqual(ids, [back.id, def.id].sort());
    await assert.rejects(
      s!.update((tx) => resolveSpecNetworks(tx, ['nope'])),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotFound && /network create/.test(e.hint),
    );
    const c = await addService(s!, 'c', { networks: ['back'] });
    assert.deepEqual(
      s!.view((tx) => servicesOnNetwork(tx, back).map((x) => x.spec.name)),
      ['c'],
    );
    assert.deepEqual(
      s!.view((tx) =>
        servicesOnNetwork(tx, def)
          .map((x) => x.spec.name)
          .sort(),
      ),
      ['a', 'b'],
    );
    assert.deepEqual(c.spec.networks, [back.id]);
  });
});
