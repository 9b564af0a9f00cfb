import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleNetMap } from '../testing/network-sample.js';
import {
  clusterMtu,
  parseRules,
  planRoutes,
  renderBridgeBatch,
  renderIpBatch,
  ruleArgs,
  wantedRouteKeys,
  wantedRules,
  type Underlay,
} from './routes.js';

const underlay: Underlay = { dev: 'eth0', addr: '10.210.1.101', cidr: '10.210.1.0/24', mtu: 1500 };

test('auto: peers on the link are routed directly (host-gw), with a return table each', () => {
  const plan = planRoutes({ map: sampleNetMap(), selfNodeId: 'w1', underlay, vxlan: true });
  assert.equal(plan.vxlan, undefined);
  assert.deepEqual(
    plan.peers.map((p) => [p.nodeId, p.via]),
    [
      ['m1', 'host-gw'],
      ['w2', 'host-gw'],
    ],
  );
  assert.deepEqual(renderIpBatch(plan, underlay), [
    'route replace 10.240.0.0/24 via 10.210.1.11 dev eth0 proto 211',
    'route replace default via 10.210.1.11 dev eth0 table 10001 proto 211',
    'route replace 10.240.2.0/24 via 10.210.1.102 dev eth0 proto 211',
    'route replace default via 10.210.1.102 dev eth0 table 10003 proto 211',
  ]);
  assert.deepEqual(renderBridgeBatch(plan), []);
  assert.deepEqual(wantedRules(plan).map(ruleArgs), [
    ['to', '10.210.1.11/32', 'lookup', 'main', 'pref', '9990', 'protocol', '211'],
    ['fwmark', '0x1001', 'lookup', '10001', 'pref', '10000', 'protocol', '211'],
    ['to', '10.210.1.102/32', 'lookup', 'main', 'pref', '9990', 'protocol', '211'],
    ['fwmark', '0x1003', 'lookup', '10003', 'pref', '10000', 'protocol', '211'],
  ]);
  assert.equal(plan.mtu, 1450, 'auto may use VXLAN: the bridge leaves room for it');
});

test('vxlan: one route, one permanent neighbour and one FDB entry per peer, on a VTEP of its own', () => {
  const map = { ...sampleNetMap(), backend: 'vxlan' as const };
  const plan = planRoutes({ map, selfNodeId: 'w1', underlay, vxlan: true });
  assert.deepEqual(plan.vxlan, {
    dev: 'clusterctl.vx',
    vni: 4242,
    port: 4789,
    local: '10.210.1.101',
    underlayDev: 'eth0',
    mac: '0e:cc:00:00:00:02',
    addr: '10.240.1.0',
  });
  assert.deepEqual(renderIpBatch(plan, underlay), [
    'route replace 10.240.0.0/24 via 10.240.0.0 dev clusterctl.vx onlink proto 211',
    'neigh replace 10.240.0.0 lladdr 0e:cc:00:00:00:01 dev clusterctl.vx nud permanent',
    'route replace default via 10.240.0.0 dev clusterctl.vx onlink table 10001 proto 211',
    'route replace 10.240.2.0/24 via 10.240.2.0 dev clusterctl.vx onlink proto 211',
    'neigh replace 10.240.2.0 lladdr 0e:cc:00:00:00:03 dev clusterctl.vx nud permanent',
    'route replace default via 10.240.2.0 dev clusterctl.vx onlink table 10003 proto 211',
  ]);
  assert.deepEqual(renderBridgeBatch(plan), [
    'fdb replace 0e:cc:00:00:00:01 dev clusterctl.vx dst 10.210.1.11 self permanent',
    'fdb replace 0e:cc:00:00:00:03 dev clusterctl.vx dst 10.210.1.102 self permanent',
  ]);
});

test('host-gw forced: a peer off the link is unreachable, with the reason; no VXLAN kernel: the same', () => {
  const map = { ...sampleNetMap(), backend: 'host-gw' as const };
  map.nodes = map.nodes.map((n) => (n.nodeId === 'w2' ? { ...n, addr: '10.99.0.5' } : n));
  const plan = planRoutes({ map, selfNodeId: 'w1', underlay, vxlan: true });
  assert.deepEqual(plan.peers.find((p) => p.nodeId === 'w2')?.via, 'unreachable');
  assert.equal(plan.mtu, 1500);
  assert.ok(!wantedRouteKeys(plan).has('10.240.2.0/24 table main'));
  const auto = planRoutes({ map: { ...map, backend: 'auto' }, selfNodeId: 'w1', underlay, vxlan: false });
  assert.match(auto.peers.find((p) => p.nodeId === 'w2')?.reason ?? '', /no VXLAN/);
});

test('nodes without a subnet, with the data plane off, or this node itself get no route', () => {
  const map = sampleNetMap();
  map.nodes[0] = { ...map.nodes[0]!, dataPlane: false };
  map.nodes.push({ nodeId: 'w3', addr: '10.210.1.103', subnet: '', index: 4, down: false, dataPlane: true });
  const plan = planRoutes({ map, selfNodeId: 'w1', underlay, vxlan: true });
  assert.deepEqual(
    plan.peers.map((p) => p.nodeId),
    ['w2'],
  );
});

test('the MTU: the map wins, else the underlay less VXLAN unless host-gw', () => {
  assert.equal(clusterMtu({ mtu: 1400, backend: 'vxlan' }, 1500), 1400);
  assert.equal(clusterMtu({ mtu: 0, backend: 'vxlan' }, 9000), 8950);
  assert.equal(clusterMtu({ mtu: 0, backend: 'host-gw' }, 1500), 1500);
});

test('our rules are read back from `ip -j rule show` (protocol 211 only)', () => {
  const json = JSON.stringify([
    { priority: 0, src: 'all', table: 'local' },
    { priority: 9990, src: 'all', dst: '10.210.1.102', table: 'main', protocol: '211' },
    { priority: 10000, src: 'all', fwmark: '0x1003', table: '10003', protocol: '211' },
    { priority: 10000, src: 'all', fwmark: '0x5', table: '5', protocol: 'boot' },
  ]);
  assert.deepEqual(parseRules(json), [
    { pref: 9990, to: '10.210.1.102' },
    { pref: 10000, fwmark: 0x1003, table: 10003 },
  ]);
});
