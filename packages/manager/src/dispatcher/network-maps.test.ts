import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger, STACK_NAMESPACE_LABEL } from '@clusterctl/common';
import { FakeClock } from '@clusterctl/common/testing';
import { ClusterStore, type Task, type TaskStatus } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { allocateNodeSubnet, networkedService } from '../network/allocator.js';
import { aliasesOf, buildNetworkMap } from '../network/network-map.js';
import { DispatcherService } from '@clusterctl/proto';
import { NetworkMapPublisher, withSharedMapEncoding, type NetworkMap } from './network-maps.js';
import { Dispatcher } from './dispatcher.js';
import { LATE_DEADLINE_TOLERANCE_MS, suspectAfterMs } from './nodes.js';

const settle = async (n = 5): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

function newStore(): ClusterStore {
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  return store;
}

async function node(store: ClusterStore, id: string, addr: string, dataPlane = true): Promise<void> {
  await store.update((tx) =>
    tx.create('nodes', {
      ...fixtures.newNode(id),
      id,
      addr,
      network: {
        subnet: allocateNodeSubnet(tx),
        capabilities: {
          vxlan: true,
          nftables: true,
          policyRouting: true,
          conntrack: true,
          enabled: dataPlane,
          conditions: [],
          underlayMtu: 1500,
        },
      },
    }),
  );
}

async function service(
  store: ClusterStore,
  name: string,
  over: Parameters<typeof fixtures.serviceSpec>[1] = {},
): Promise<string> {
  const s = await store.update((tx) => {
    const net = networkedService(tx, fixtures.serviceSpec(name, over), undefined);
    return tx.create('services', { spec: net.spec, ...(net.vip !== undefined ? { vip: net.vip } : {}) });
  });
  return s.id;
}

async function task(
  store: ClusterStore,
  serviceId: string,
  slot: number,
  nodeId: string,
  status: Partial<TaskStatus>,
): Promise<Task> {
  return store.update((tx) => {
    const svc = tx.get('services', serviceId)!;
    return tx.create('tasks', {
      ...fixtures.newTask(serviceId, slot, svc.spec, { nodeId }),
      status: { state: 'running', message: '', timestamp: 0, ...status },
    });
  });
}

async function setTask(store: ClusterStore, id: string, change: (t: Task) => Task): Promise<void> {
  await store.update((tx) => tx.update('tasks', change(tx.get('tasks', id)!)));
}

describe('network map builder', () => {
  test('nodes, networks, services with VIP, ports and only running healthy endpoints, all sorted', async () => {
    const store = newStore();
    await node(store, 'n2', '10.0.0.2');
    await node(store, 'n1', '10.0.0.1:4280', false);
    const web = await service(store, 'web', {
      ports: [
        { published: 8080, target: 80, protocol: 'tcp', publishMode: 'ingress', route: 'local-first' },
        { target: 9000, protocol: 'tcp', publishMode: 'ingress' },
        { published: 5353, target: 53, protocol: 'udp', publishMode: 'host' },
      ],
    });
    const rr = await service(store, 'rr', { endpointMode: 'dnsrr' });
    const ok = await task(store, web, 1, 'n1', { ip: '10.240.1.2' });
    await task(store, web, 2, 'n2', { ip: '10.240.0.2', health: 'healthy' });
    await task(store, web, 3, 'n2', { ip: '10.240.0.3', health: 'starting' });
    await task(store, web, 4, 'n2', { ip: '10.240.0.4', health: 'unhealthy' });
    await task(store, web, 5, 'n2', { state: 'starting', ip: '10.240.0.5' });
    await task(store, web, 6, 'n2', {});
    await task(store, rr, 1, 'n1', { ip: '10.240.1.3' });
    const m = store.view((tx) => buildNetworkMap(tx));
    assert.equal(m.clusterCidr, '10.240.0.0/16');
    assert.equal(m.vipCidr, '10.241.0.0/16');
    assert.equal(m.backend, 'auto');
    assert.equal(m.vxlanPort, 4789);
    assert.equal(m.dnsDomain, 'cluster');
    assert.deepEqual(m.nodes, [
      { nodeId: 'n2', addr: '10.0.0.2', subnet: '10.240.0.0/24', index: 1, down: false, dataPlane: true },
      { nodeId: 'n1', addr: '10.0.0.1', subnet: '10.240.1.0/24', index: 2, down: false, dataPlane: false },
    ]);
    const def = store.view((tx) => tx.getByName('networks', 'default')!);
    assert.deepEqual(m.networks, [{ id: def.id, name: 'default' }]);
    const w = m.services!.find((s) => s.name === 'web')!;
    assert.equal(w.vip, '10.241.0.1');
    assert.equal(w.endpointMode, 'vip');
    assert.deepEqual(w.networkIds, [def.id]);
    assert.deepEqual(w.ports, [
      { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress', route: 'local-first' },
      { published: 5353, target: 53, protocol: 'udp', mode: 'host', route: '' },
    ]);
    assert.deepEqual(
      w.endpoints!.map((e) => e.ip).sort(),
      ['10.240.0.2', '10.240.1.2'],
      'running with an ip, health none or healthy',
    );
    assert.ok(w.endpoints!.some((e) => e.taskId === ok.id && e.nodeId === 'n1'));
    const r = m.services!.find((s) => s.name === 'rr')!;
    assert.equal(r.vip, '');
    assert.equal(r.endpointMode, 'dnsrr');
    assert.deepEqual(
      r.endpoints!.map((e) => e.ip),
      ['10.240.1.3'],
    );
    // the same state gives the same map
    assert.deepEqual(
      store.view((tx) => buildNetworkMap(tx)),
      m,
    );
  });

  test('a node marked down: flagged, and its endpoints gone in the same map', async () => {
    const store = newStore();
    await node(store, 'n1', '10.0.0.1');
    await node(store, 'n2', '10.0.0.2');
    const web = await service(store, 'web');
    await task(store, web, 1, 'n1', { ip: '10.240.0.2' });
    await task(store, web, 2, 'n2', { ip: '10.240.1.2' });
    await store.update((tx) => {
      const n = tx.get('nodes', 'n2')!;
      tx.update('nodes', { ...n, status: { state: 'down', message: 'heartbeat failure', timestamp: 1 } });
    });
    const m = store.view((tx) => buildNetworkMap(tx));
    assert.equal(m.nodes!.find((n) => n.nodeId === 'n2')!.down, true);
    assert.deepEqual(
      m.services![0]!.endpoints!.map((e) => e.nodeId),
      ['n1'],
    );
  });

  test("a stack's service answers to its short name; other services and foreign labels get no alias", async () => {
    const store = newStore();
    await service(store, 'shop_db', { labels: { [STACK_NAMESPACE_LABEL]: 'shop' } });
    await service(store, 'web', { labels: { [STACK_NAMESPACE_LABEL]: 'shop' } });
    await service(store, 'cache');
    const m = store.view((tx) => buildNetworkMap(tx));
    const aliases = Object.fromEntries(m.services!.map((s) => [s.name, s.aliases]));
    assert.deepEqual(aliases, { shop_db: ['db'], web: [], cache: [] });
    assert.deepEqual(aliasesOf('shop_', { [STACK_NAMESPACE_LABEL]: 'shop' }), []);
  });

  test('per-network aliases: stored by network id, in the map; a network the service does not join is refused', async () => {
    const store = newStore();
    const [front, back] = await store.update((tx) => [
      tx.create('networks', { spec: { name: 'shop_front', labels: {}, driver: 'overlay' } }),
      tx.create('networks', { spec: { name: 'shop_back', labels: {}, driver: 'overlay' } }),
    ]);
    await service(store, 'shop_api', {
      networks: ['shop_front', 'shop_back'],
      networkAliases: [{ network: 'shop_back', aliases: ['api-internal'] }],
    });
    const m = store.view((tx) => buildNetworkMap(tx));
    assert.deepEqual(
      m.services!.map((s) => [s.name, s.networkIds, s.networkAliases]),
      [['shop_api', [front!.id, back!.id].sort(), [{ network: back!.id, aliases: ['api-internal'] }]]],
    );
    await assert.rejects(
      service(store, 'shop_proxy', {
        networks: ['shop_front'],
        networkAliases: [{ network: 'shop_back', aliases: ['x'] }],
      }),
      /aliases on network shop_back, which the service does not join/,
    );
  });
});

describe('network map publisher', () => {
  async function setup(): Promise<{
    store: ClusterStore;
    clock: FakeClock;
    pub: NetworkMapPublisher;
    got: NetworkMap[];
  }> {
    const store = newStore();
    const clock = new FakeClock();
    const pub = new NetworkMapPublisher(store, clock, silentLogger(), 50);
    pub.start(7);
    const got: NetworkMap[] = [];
    pub.subscribe(
      (m) => got.push(m),
      () => undefined,
    );
    return { store, clock, pub, got };
  }

  test('complete map on subscribe; changes coalesced into one new version; no change, no map', async () => {
    const { store, clock, got } = await setup();
    assert.equal(got.length, 1);
    assert.equal(got[0]!.version, 1);
    assert.equal(got[0]!.term, 7);
    await node(store, 'n1', '10.0.0.1');
    await node(store, 'n2', '10.0.0.2');
    const web = await service(store, 'web');
    clock.advance(49);
    assert.equal(got.length, 1, 'nothing before the coalescing delay');
    clock.advance(1);
    assert.equal(got.length, 2, 'three changes, one map');
    assert.equal(got[1]!.version, 2);
    assert.equal(got[1]!.nodes!.length, 2);
    // a task change that moves no endpoint sends nothing
    const t = await task(store, web, 1, 'n1', { state: 'starting' });
    clock.advance(100);
    assert.equal(got.length, 2);
    await setTask(store, t.id, (x) => ({ ...x, status: { ...x.status, state: 'running', ip: '10.240.0.2' } }));
    clock.advance(50);
    assert.equal(got.length, 3);
    assert.deepEqual(
      got[2]!.services![0]!.endpoints!.map((e) => e.ip),
      ['10.240.0.2'],
    );
    assert.equal(got[2]!.version, 3);
  });

  test('the wait after a change grows with what the last map cost, up to a bound', async () => {
    const store = newStore();
    const fake = new FakeClock();
    // building a map "takes" buildMs of the clock (the suspects are read while it is built)
    let buildMs = 0;
    let spent = 0;
    const clock = {
      now: () => fake.now() + spent,
      setTimeout: (fn: () => void, ms: number) => fake.setTimeout(fn, ms),
      clearTimeout: (h: Parameters<FakeClock['clearTimeout']>[0]) => fake.clearTimeout(h),
    };
    const pub = new NetworkMapPublisher(store, clock, silentLogger(), 50, () => {
      spent += buildMs;
      return new Set();
    });
    pub.start(1);
    const got: NetworkMap[] = [];
    pub.subscribe(
      (m) => got.push(m),
      () => undefined,
    );
    await node(store, 'n1', '10.0.0.1');
    fake.advance(50);
    assert.equal(got.length, 2, 'a cheap map: the coalescing delay');
    buildMs = 100;
    await node(store, 'n2', '10.0.0.2');
    fake.advance(50);
    assert.equal(got.length, 3);
    assert.equal(pub.coalesceDelayMs, 400, 'four times what that map cost');
    await node(store, 'n3', '10.0.0.3');
    fake.advance(399);
    assert.equal(got.length, 3, 'not before four times the cost of the last map');
    fake.advance(1);
    assert.equal(got.length, 4);
    buildMs = 5_000;
    await node(store, 'n4', '10.0.0.4');
    fake.advance(400);
    assert.equal(pub.coalesceDelayMs, 2_000, 'bounded');
    buildMs = 0;
    await node(store, 'n5', '10.0.0.5');
    fake.advance(1_999);
    assert.equal(got.length, 5);
    fake.advance(1);
    assert.equal(got.length, 6);
    assert.equal(pub.coalesceDelayMs, 50, 'cheap again: back to the coalescing delay');
    pub.stop();
  });

  test('a stopping task leaves the map in the same change as its desired-state change', async () => {
    const { store, clock, got } = await setup();
    await node(store, 'n1', '10.0.0.1');
    const web = await service(store, 'web');
    const a = await task(store, web, 1, 'n1', { ip: '10.240.0.2' });
    await task(store, web, 2, 'n1', { ip: '10.240.0.3' });
    clock.advance(50);
    const before = got.length;
    assert.equal(got[before - 1]!.services![0]!.endpoints!.length, 2);
    // the orchestrator moves the task's desired state to shutdown; it is still running on its node
    await setTask(store, a.id, (x) => ({ ...x, desiredState: 'shutdown' }));
    clock.advance(50);
    assert.equal(got.length, before + 1);
    assert.deepEqual(
      got[before]!.services![0]!.endpoints!.map((e) => e.ip),
      ['10.240.0.3'],
    );
  });

  test('a new term starts versions over and ends the streams of the old one', async () => {
    const { pub, got } = await setup();
    let ended = 0;
    pub.subscribe(
      () => undefined,
      () => ended++,
    );
    pub.stop();
    assert.equal(ended, 1);
    pub.start(8);
    const again: NetworkMap[] = [];
    pub.subscribe(
      (m) => again.push(m),
      () => undefined,
    );
    assert.equal(again[0]!.term, 8);
    assert.equal(again[0]!.version, 1);
    assert.equal(got.length, 1);
  });
});

describe('dispatcher: NetworkMaps', () => {
  test('a session follows the map; its stream ends with the session; the agent reports capabilities', async () => {
    const store = newStore();
    const clock = new FakeClock();
    const d = new Dispatcher({
      store,
      clusterId: 'c1',
      clock,
      settings: () => ({ heartbeatPeriodMs: 500, nodeGraceMs: 2000, taskHistoryLimit: 5, nodeCertExpiryMs: 1e9 }),
      isLeader: () => true,
    });
    d.startLeading(clock.now(), 3);
    // a node recorded before the cluster network existed gets a subnet with its session
    await store.update((tx) => tx.create('nodes', { ...fixtures.newNode('h1'), id: 'n1' }));
    const caps = {
      vxlan: false,
      nftables: true,
      policyRouting: true,
      conntrack: false,
      enabled: true,
      conditions: [{ code: 'NO_VXLAN', message: 'no vxlan', hint: 'use host-gw' }],
      underlayMtu: 1500,
    };
    const { handle } = await d.openSession('n1', { network: caps }, '10.0.0.1');
    const rec = store.view((tx) => tx.get('nodes', 'n1')!);
    assert.equal(rec.network?.subnet, '10.240.0.0/24');
    assert.deepEqual(rec.network?.capabilities, caps);
    const maps: NetworkMap[] = [];
    const ends: unknown[] = [];
    d.watchNetworkMaps(
      'n1',
      handle.id,
      (m) => maps.push(m),
      (err) => ends.push(err),
    );
    assert.equal(maps.length, 1);
    assert.equal(maps[0]!.term, 3);
    assert.deepEqual(
      maps[0]!.nodes!.map((n) => [n.nodeId, n.subnet, n.dataPlane]),
      [['n1', '10.240.0.0/24', true]],
    );
    assert.throws(
      () =>
        d.watchNetworkMaps(
          'n1',
          'not-a-session',
          () => undefined,
          () => undefined,
        ),
      /no session/,
    );
    d.stopLeading();
    assert.equal(ends.length, 1);
    assert.equal((ends[0] as { code?: string }).code, 'UNAVAILABLE');
    d.close();
  });
});

// Suspect nodes: late heartbeats or a broken session drain a node's endpoints before it is marked down.
describe('dispatcher: suspect nodes leave the endpoints before they are marked down', () => {
  async function setup(stall = { ms: 0 }): Promise<{
    store: ClusterStore;
    clock: FakeClock;
    d: Dispatcher;
    maps: NetworkMap[];
    sessions: Record<string, string>;
    tasks: Task[];
  }> {
    const store = newStore();
    const clock = new FakeClock();
    const d = new Dispatcher({
      store,
      clusterId: 'c1',
      clock,
      settings: () => ({ heartbeatPeriodMs: 500, nodeGraceMs: 2000, taskHistoryLimit: 5, nodeCertExpiryMs: 1e9 }),
      isLeader: () => true,
      recentStallMs: () => stall.ms,
    });
    d.startLeading(clock.now(), 3);
    await node(store, 'n1', '10.0.0.1');
    await node(store, 'n2', '10.0.0.2');
    const web = await service(store, 'web');
    const tasks = [
      await task(store, web, 1, 'n1', { ip: '10.240.0.2' }),
      await task(store, web, 2, 'n2', { ip: '10.240.1.2' }),
    ];
    const sessions: Record<string, string> = {};
    for (const [id, addr] of [
      ['n1', '10.0.0.1'],
      ['n2', '10.0.0.2'],
    ] as const)
      sessions[id] = (await d.openSession(id, {}, addr)).handle.id;
    const maps: NetworkMap[] = [];
    d.watchNetworkMaps(
      'n1',
      sessions.n1!,
      (m) => maps.push(m),
      () => undefined,
    );
    clock.advance(50);
    return { store, clock, d, maps, sessions, tasks };
  }

  const endpointIps = (m: NetworkMap): string[] => m.services![0]!.endpoints!.map((e) => e.ip!).sort();

  test('no heartbeat for the suspect time: endpoints leave the map, the node stays (not down), nothing is rescheduled; a heartbeat brings them back', async () => {
    assert.equal(suspectAfterMs({ heartbeatPeriodMs: 500, nodeGraceMs: 2000 }), 1000);
    assert.equal(suspectAfterMs({ heartbeatPeriodMs: 500, nodeGraceMs: 6000 }), 3000);
    assert.equal(suspectAfterMs({ heartbeatPeriodMs: 2000, nodeGraceMs: 3000 }), 3000, 'never above the grace');
    const { store, clock, d, maps, sessions, tasks } = await setup();
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2', '10.240.1.2']);
    // n1 keeps beating, n2 falls silent
    clock.advance(500);
    d.heartbeat('n1', sessions.n1!);
    clock.advance(449);
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2', '10.240.1.2'], 'not before the suspect time');
    clock.advance(1); // 1000 ms since n2's session opened
    d.heartbeat('n1', sessions.n1!);
    clock.advance(50); // the publisher's coalescing delay
    const m = maps.at(-1)!;
    assert.deepEqual(endpointIps(m), ['10.240.0.2'], "n2's task is no endpoint any more");
    const n2 = m.nodes!.find((n) => n.nodeId === 'n2')!;
    assert.equal(n2.down, false, 'the node itself stays in the map with its routes');
    assert.equal(n2.subnet, '10.240.1.0/24');
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'n2'))!.status.state, 'ready', 'not marked down yet');
    const t2 = store.view((tx) => tx.get('tasks', tasks[1]!.id))!;
    assert.equal(t2.desiredState, 'running', 'its task is not moved');
    assert.equal(t2.nodeId, 'n2');
    // n2 beats again before its grace ran out: its endpoints come back in the next map
    clock.advance(400);
    d.heartbeat('n1', sessions.n1!);
    d.heartbeat('n2', sessions.n2!);
    clock.advance(50);
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2', '10.240.1.2']);
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'n2'))!.status.state, 'ready');
    d.close();
  });

  test('while the leader itself stalled, a late node keeps its endpoints (no map churn); once it runs on time, a still silent node leaves them', async () => {
    const stall = { ms: LATE_DEADLINE_TOLERANCE_MS + 1 };
    const { store, clock, d, maps, sessions } = await setup(stall);
    const published = maps.length;
    // n1 keeps beating, n2 falls silent past the suspect time and past its grace
    for (let i = 0; i < 4; i++) {
      clock.advance(500);
      d.heartbeat('n1', sessions.n1!);
    }
    await settle();
    assert.equal(maps.length, published, 'no map published: the late node is likely alive');
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2', '10.240.1.2']);
    assert.equal(store.view((tx) => tx.get('nodes', 'n2'))!.status.state, 'ready', 'its deadline waits longer too');
    stall.ms = 0;
    clock.advance(500);
    d.heartbeat('n1', sessions.n1!);
    clock.advance(450); // the suspect check runs again one suspect time after the last one
    d.heartbeat('n1', sessions.n1!);
    clock.advance(50);
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2'], 'the leader runs on time: n2 is suspect now');
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'n2'))!.status.state, 'ready', 'not down before its wait is over');
    d.close();
  });

  test('a broken session makes the node suspect at once; a new session clears it', async () => {
    const { clock, d, maps, sessions } = await setup();
    const published = maps.length;
    d.closeSession('n2', sessions.n2!);
    clock.advance(50);
    assert.equal(maps.length, published + 1);
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2']);
    clock.advance(300);
    await d.openSession('n2', {}, '10.0.0.2');
    clock.advance(50);
    assert.deepEqual(endpointIps(maps.at(-1)!), ['10.240.0.2', '10.240.1.2']);
    d.close();
  });
});

test('a map sent to many streams is encoded once, to the same bytes as before', () => {
  type Method = { responseSerialize: (v: unknown) => Buffer; path: string };
  const original = (DispatcherService as unknown as Record<string, Method>)['networkMaps']!;
  let encodings = 0;
  const counting = {
    ...(DispatcherService as unknown as Record<string, Method>),
    networkMaps: {
      ...original,
      responseSerialize: (v: unknown) => {
        encodings++;
        return original.responseSerialize(v);
      },
    },
  };
  const shared = withSharedMapEncoding(counting).networkMaps;
  assert.equal(shared.path, original.path);
  const map = {
    version: 3,
    term: 2,
    clusterCidr: '10.240.0.0/12',
    nodes: [{ nodeId: 'n1', addr: '10.0.0.1', subnet: '10.240.1.0/24', index: 1 }],
  };
  const first = shared.responseSerialize(map);
  for (let i = 0; i < 999; i++) assert.equal(shared.responseSerialize(map), first);
  assert.equal(encodings, 1);
  assert.deepEqual(first, original.responseSerialize(map));
  // another map object is another encoding
  shared.responseSerialize({ ...map, version: 4 });
  assert.equal(encodings, 2);
  // the other methods are the same objects
  assert.equal(
    (withSharedMapEncoding(DispatcherService) as unknown as Record<string, Method>)['heartbeat'],
    (DispatcherService as unknown as Record<string, Method>)['heartbeat'],
  );
});
