import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger } from '@clusterctl/common';
import type { ClusterNetworkSpec, NetworkEngine } from '../executor/index.js';
import { FakeRunner } from '../testing/fake-runner.js';
import { sampleNetInput, sampleNetMap } from '../testing/network-sample.js';
import { conntrackFlowsByReplySource, DataPlane } from './data-plane.js';
import type { LocalTask } from './nft-ruleset.js';

const ADDRS = JSON.stringify([
  { ifname: 'lo', mtu: 65536, addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }] },
  { ifname: 'eth0', mtu: 1500, addr_info: [{ family: 'inet', local: '10.210.1.101', prefixlen: 24 }] },
]);
const NEIGH = JSON.stringify([
  { dst: '10.210.1.11', lladdr: '02:42:0a:d2:01:0b', state: ['REACHABLE'] },
  { dst: '10.210.1.102', lladdr: '02:42:0a:d2:01:66', state: ['STALE'] },
]);

class FakeEngine implements NetworkEngine {
  readonly ensured: ClusterNetworkSpec[] = [];
  readonly removed: string[] = [];
  ensureNetwork(spec: ClusterNetworkSpec): Promise<void> {
    this.ensured.push(spec);
    return Promise.resolve();
  }
  removeNetwork(name: string): Promise<void> {
    this.removed.push(name);
    return Promise.resolve();
  }
}

/** Flows of every kind to the endpoints the tests take away (10.240.2.2 on w2, 10.240.0.2 on m1). */
const FLOWS = ['10.240.2.2', '10.240.0.2']
  .flatMap((ip) => [
    `tcp      6 117 SYN_SENT src=10.210.0.50 dst=10.210.1.101 sport=40001 dport=8080 [UNREPLIED] src=${ip} dst=10.210.0.50 sport=80 dport=40001 mark=0 use=1`,
    `tcp      6 9 CLOSE src=10.210.0.50 dst=10.210.1.101 sport=40002 dport=8080 src=${ip} dst=10.210.0.50 sport=80 dport=40002 mark=0 use=1`,
    `tcp      6 431999 ESTABLISHED src=10.210.0.50 dst=10.210.1.101 sport=40003 dport=8080 src=${ip} dst=10.210.0.50 sport=80 dport=40003 [ASSURED] mark=0 use=1`,
    `udp      17 29 src=10.240.1.2 dst=10.241.0.3 sport=5000 dport=53 [UNREPLIED] src=${ip} dst=10.240.1.2 sport=53 dport=5000 mark=0 use=1`,
  ])
  .join('\n');

function setup(opts: { wanted?: boolean; reachPeer?: (addr: string) => Promise<void> } = {}): {
  plane: DataPlane;
  runner: FakeRunner;
  engine: FakeEngine;
  tasks: LocalTask[];
} {
  const runner = new FakeRunner()
    .on('ip -j addr show', { stdout: ADDRS })
    .on('ip -j neigh show dev eth0', { stdout: NEIGH })
    .on('iptables -w -C', { code: 1 })
    .on('conntrack -L', { stdout: FLOWS });
  const engine = new FakeEngine();
  const tasks = sampleNetInput().localTasks;
  const plane = new DataPlane({
    runner,
    engine,
    nodeId: 'w1',
    addr: '10.210.1.101',
    wanted: opts.wanted ?? true,
    localTasks: () => tasks,
    log: silentLogger(),
    dnsAddress: { host: '127.0.0.1', port: 0 },
    unlistWaitMs: 200,
    ...(opts.reachPeer ? { reachPeer: opts.reachPeer } : {}),
  });
  return { plane, runner, engine, tasks };
}

test('probe: the throwaway VXLAN link and nft table are made and removed; capabilities reported', async (t) => {
  const { plane, runner } = setup();
  t.after(() => plane.close());
  const caps = await plane.probe();
  assert.deepEqual(
    { ...caps, conditions: caps.conditions.length },
    {
      vxlan: true,
      nftables: true,
      policyRouting: true,
      conntrack: true,
      enabled: true,
      conditions: 0,
      underlayMtu: 1500,
    },
  );
  const lines = runner.lines();
  const vx = lines.find((l) => l.startsWith('ip link add ccprobe'))!.split(' ')[3]!;
  assert.ok(lines.includes(`ip link del ${vx}`));
  const nft = runner.commands.find((c) => c.line === 'nft -f -')!;
  assert.match(nft.input!, /^table ip (clusterctl_probe_\w+) {[\s\S]*\ndelete table ip \1\n$/);
});

test('probe: no nft, no VXLAN: conditions with hints, the data plane off when nft is missing', async (t) => {
  const { plane, runner } = setup();
  t.after(() => plane.close());
  runner
    .on('nft', { code: 127, stderr: 'not found' })
    .on('ip link add ccprobe', { code: 2, stderr: 'Error: Unknown device type.' });
  const caps = await plane.probe();
  assert.equal(caps.enabled, false);
  assert.equal(caps.vxlan, false);
  assert.deepEqual(
    caps.conditions.map((c) => c.code),
    ['VXLAN_UNSUPPORTED', 'NFTABLES_MISSING'],
  );
  assert.ok(caps.conditions.every((c) => c.hint.length > 0));
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  assert.equal(plane.taskNetwork(), undefined);
});

test('--data-plane off: reported, nothing probed or changed', async () => {
  const { plane, runner } = setup({ wanted: false });
  const caps = await plane.probe();
  assert.equal(caps.enabled, false);
  assert.deepEqual(
    caps.conditions.map((c) => c.code),
    ['DATA_PLANE_OFF'],
  );
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  assert.deepEqual(runner.lines(), []);
  await plane.close();
});

test('a map programs the node: network, routes, rules, DOCKER-USER, one nft transaction; the same map again changes nothing', async (t) => {
  const { plane, runner, engine } = setup();
  t.after(() => plane.close());
  await plane.probe();
  runner.clear();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  assert.deepEqual(engine.ensured, [
    {
      name: 'clusterctl0',
      bridge: 'clusterctl0',
      subnet: '10.240.1.0/24',
      gateway: '10.240.1.1',
      mtu: 1450,
      labels: { 'com.clusterctl.network': 'cluster' },
    },
  ]);
  const batch = runner.commands.find((c) => c.line === 'ip -force -batch -')!;
  assert.match(batch.input!, /route replace 10\.240\.2\.0\/24 via 10\.210\.1\.102 dev eth0 proto 211/);
  const lines = runner.lines();
  assert.ok(lines.includes('ip rule add fwmark 0x1003 lookup 10003 pref 10000 protocol 211'));
  assert.ok(lines.includes('iptables -w -I DOCKER-USER -s 10.240.0.0/16 -j ACCEPT'));
  assert.ok(lines.includes('iptables -w -I DOCKER-USER -d 10.240.0.0/16 -j ACCEPT'));
  const nft = runner.commands.filter((c) => c.line === 'nft -f -');
  assert.equal(nft.length, 1);
  // the underlay MACs of the host-gw peers mark their connections
  assert.match(nft[0]!.input!, /02:42:0a:d2:01:66 : 0x00001003/);
  assert.deepEqual(plane.taskNetwork(), { name: 'clusterctl0', dns: ['10.240.1.1'], dnsSearch: ['cluster'] });

  runner.clear();
  plane.onMap({ ...sampleNetMap(), version: 8 });
  await plane.whenIdle();
  assert.deepEqual(runner.lines(), [], 'an unchanged map runs nothing (the peers MACs are known)');
  // an older map (same term) is ignored
  plane.onMap({ ...sampleNetMap(), version: 3, services: [] });
  await plane.whenIdle();
  assert.equal(runner.commands.filter((c) => c.line === 'nft -f -').length, 0);
});

test('an endpoint that leaves: rules re-rendered, its UDP flows, unanswered TCP attempts and reset connections deleted; stop waits until it is unlisted', async (t) => {
  const { plane, runner } = setup();
  t.after(() => plane.close());
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  runner.clear();
  const unlisted = plane.whenUnlisted('t2');
  let done = false;
  void unlisted.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(done, false, 't2 is still listed');
  const next = sampleNetMap();
  next.version = 8;
  next.services[0]!.endpoints = next.services[0]!.endpoints.filter((e) => e.taskId !== 't2');
  plane.onMap(next);
  await unlisted;
  await plane.whenIdle();
  assert.ok(runner.lines().includes('conntrack -D -p udp --reply-src 10.240.2.2'));
  assert.ok(runner.lines().includes('conntrack -D -p tcp --reply-src 10.240.2.2 --state SYN_SENT'));
  assert.ok(runner.lines().includes('conntrack -D -p tcp --reply-src 10.240.2.2 --state CLOSE'));
  assert.deepEqual(
    runner.lines().filter((l) => l.startsWith('conntrack -D -p tcp') && !/--state (SYN_SENT|CLOSE)$/.test(l)),
    [],
    'connections the endpoint answered stay (its node is up: it finishes them within its stop grace)',
  );
  const nft = runner.commands.find((c) => c.line === 'nft -f -')!;
  assert.doesNotMatch(nft.input!, /10\.240\.2\.2/);
  // a task not listed does not wait
  await plane.whenUnlisted('nope');
});

test('a node marked down: every TCP flow to the endpoints it lost before (suspect) is deleted, in every state; live endpoints are untouched', async (t) => {
  const { plane, runner } = setup();
  t.after(() => plane.close());
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  const tcpDeletes = (): string[] => runner.lines().filter((l) => l.startsWith('conntrack -D -p tcp'));

  // w2 is suspect: its endpoint leaves, the node stays up in the map
  runner.clear();
  const suspect = sampleNetMap();
  suspect.version = 8;
  suspect.services[0]!.endpoints = suspect.services[0]!.endpoints.filter((e) => e.nodeId !== 'w2');
  plane.onMap(suspect);
  await plane.whenIdle();
  assert.deepEqual(tcpDeletes(), [
    'conntrack -D -p tcp --reply-src 10.240.2.2 --state SYN_SENT',
    'conntrack -D -p tcp --reply-src 10.240.2.2 --state CLOSE',
  ]);

  // w2 marked down: nothing in the rules changes, its answered connections go too (a client reusing
  // one of their source ports would otherwise be sent to the dead endpoint)
  runner.clear();
  const down = structuredClone(suspect);
  down.version = 9;
  down.nodes.find((n) => n.nodeId === 'w2')!.down = true;
  plane.onMap(down);
  await plane.whenIdle();
  assert.deepEqual(tcpDeletes(), ['conntrack -D -p tcp --reply-src 10.240.2.2']);

  // later maps delete nothing more
  runner.clear();
  plane.onMap({ ...structuredClone(down), version: 10 });
  await plane.whenIdle();
  assert.deepEqual(tcpDeletes(), []);
});

test('an endpoint of a suspect node that comes back is not flushed later; one lost with its node down at once is', async (t) => {
  const { plane, runner } = setup();
  t.after(() => plane.close());
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  const tcpDeletes = (): string[] => runner.lines().filter((l) => l.startsWith('conntrack -D -p tcp'));

  const suspect = sampleNetMap();
  suspect.version = 8;
  suspect.services[0]!.endpoints = suspect.services[0]!.endpoints.filter((e) => e.nodeId !== 'w2');
  plane.onMap(suspect);
  await plane.whenIdle();
  // a heartbeat: w2's endpoint is back
  plane.onMap({ ...sampleNetMap(), version: 9 });
  await plane.whenIdle();
  runner.clear();
  // m1 goes down and its endpoint leaves in the same map: flushed at once;
  // w2's endpoint, back and listed, is untouched
  const down = sampleNetMap();
  down.version = 10;
  down.nodes.find((n) => n.nodeId === 'm1')!.down = true;
  down.services[1]!.endpoints = [];
  plane.onMap(down);
  await plane.whenIdle();
  assert.deepEqual(tcpDeletes(), [
    'conntrack -D -p tcp --reply-src 10.240.0.2 --state SYN_SENT',
    'conntrack -D -p tcp --reply-src 10.240.0.2 --state CLOSE',
    'conntrack -D -p tcp --reply-src 10.240.0.2',
  ]);
});

test("a stop waits for this node's rules without the endpoint, not only for the map that drops it", async (t) => {
  const { plane, runner } = setup();
  // the next nft transaction takes as long as the test says
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  t.after(() => {
    release();
    return plane.close();
  });
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  runner.on('nft -f -', async () => {
    await held;
    return { code: 0 };
  });
  const unlisted = plane.whenUnlisted('t2');
  let done = false;
  void unlisted.then(() => (done = true));
  const next = sampleNetMap();
  next.version = 8;
  next.services[0]!.endpoints = next.services[0]!.endpoints.filter((e) => e.taskId !== 't2');
  plane.onMap(next);
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.ok(
    runner.commands.some((c) => c.line === 'nft -f -' && !/10\.240\.2\.2/.test(c.input!)),
    'the rules without t2 are being applied',
  );
  assert.equal(done, false, 'not before those rules are in place');
  release();
  await unlisted;
  await plane.whenIdle();
});

test('a peer whose MAC this node never learned (two workers that never talked) is sent a packet, and its mark follows', async (t) => {
  let neigh = JSON.stringify([{ dst: '10.210.1.11', lladdr: '02:42:0a:d2:01:0b', state: ['REACHABLE'] }]);
  const reached: string[] = [];
  const { plane, runner } = setup({
    reachPeer: (addr) => {
      reached.push(addr);
      // the kernel resolves it (ARP) as the packet goes out
      neigh = NEIGH;
      return Promise.resolve();
    },
  });
  runner.on('ip -j neigh show dev eth0', () => ({ stdout: neigh }));
  t.after(() => plane.close());
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  assert.deepEqual(reached, ['10.210.1.102']);
  const first = runner.commands.filter((c) => c.line === 'nft -f -');
  assert.doesNotMatch(first.at(-1)!.input!, /02:42:0a:d2:01:66/, 'not known at the first render');
  // rendered again shortly with the peer's MAC -> its mark
  const start = Date.now();
  while (!runner.commands.some((c) => c.line === 'nft -f -' && /02:42:0a:d2:01:66 : 0x00001003/.test(c.input!))) {
    assert.ok(Date.now() - start < 5_000, 'rendered again with the MAC within 5 s');
    await new Promise((r) => setTimeout(r, 50));
  }
});

test('leave removes everything of ours: both tables, routes, rules, the VTEP, DOCKER-USER entries, the network', async () => {
  const { plane, runner, engine } = setup();
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  runner
    .on('ip -j route show table all proto 211', {
      stdout: JSON.stringify([
        { dst: 'default', gateway: '10.210.1.102', dev: 'eth0', table: '10003' },
        { dst: '10.240.2.0/24', gateway: '10.210.1.102', dev: 'eth0' },
      ]),
    })
    .on('ip -j rule show', {
      stdout: JSON.stringify([{ priority: 10000, fwmark: '0x1003', table: '10003', protocol: '211' }]),
    })
    .on('iptables -w -C', { code: 0 });
  runner.clear();
  await plane.leave();
  const lines = runner.lines();
  const nft = runner.commands.find((c) => c.line === 'nft -f -')!;
  assert.match(nft.input!, /delete table ip clusterctl\n[\s\S]*delete table bridge clusterctl\n/);
  const batch = runner.commands.find((c) => c.line === 'ip -force -batch -')!;
  assert.equal(batch.input, 'route del default table 10003 proto 211\nroute del 10.240.2.0/24 table main proto 211\n');
  assert.ok(lines.includes('ip rule del fwmark 0x1003 lookup 10003 pref 10000 protocol 211'));
  assert.ok(lines.includes('ip link del clusterctl.vx'));
  assert.ok(lines.includes('iptables -w -D DOCKER-USER -s 10.240.0.0/16 -j ACCEPT'));
  assert.deepEqual(engine.removed, ['clusterctl0']);
});

test('conntrack: one listing, deletes only where flows to the departed endpoint exist; a failed listing deletes blindly', async (t) => {
  const { plane, runner } = setup();
  t.after(() => plane.close());
  await plane.probe();
  plane.onMap(sampleNetMap());
  await plane.whenIdle();
  const conntrack = (): string[] => runner.lines().filter((l) => l.startsWith('conntrack'));
  // only an answered connection to w2's endpoint: kept while its node is up, nothing else to delete
  runner.on('conntrack -L', {
    stdout:
      'tcp      6 431999 ESTABLISHED src=10.210.0.50 dst=10.210.1.101 sport=1 dport=8080 src=10.240.2.2 dst=10.210.0.50 sport=80 dport=1 [ASSURED] mark=0 use=1\n',
  });
  runner.clear();
  const next = sampleNetMap();
  next.version = 8;
  next.services[0]!.endpoints = next.services[0]!.endpoints.filter((e) => e.taskId !== 't2');
  plane.onMap(next);
  await plane.whenIdle();
  assert.deepEqual(conntrack(), ['conntrack -L']);
  // a map that takes nothing away lists nothing
  runner.clear();
  plane.onMap({ ...structuredClone(next), version: 9 });
  await plane.whenIdle();
  assert.deepEqual(conntrack(), []);
  // the listing fails: every delete is tried, as without it
  runner.on('conntrack -L', { code: 1, stderr: 'conntrack: operation failed' });
  runner.clear();
  const more = structuredClone(next);
  more.version = 10;
  more.services[1]!.endpoints = [];
  plane.onMap(more);
  await plane.whenIdle();
  assert.deepEqual(conntrack(), [
    'conntrack -L',
    'conntrack -D -p udp --reply-src 10.240.0.2',
    'conntrack -D -p tcp --reply-src 10.240.0.2 --state SYN_SENT',
    'conntrack -D -p tcp --reply-src 10.240.0.2 --state CLOSE',
  ]);
});

test('conntrack listing: what each reply source has, by protocol and TCP state', () => {
  const flows = conntrackFlowsByReplySource(
    FLOWS + '\nconntrack v1.4.6 (conntrack-tools): 8 flow entries have been shown.\n',
  );
  assert.deepEqual([...flows.keys()].sort(), ['10.240.0.2', '10.240.2.2']);
  assert.deepEqual([...flows.get('10.240.2.2')!].sort(), [
    'tcp',
    'tcp CLOSE',
    'tcp ESTABLISHED',
    'tcp SYN_SENT',
    'udp',
  ]);
  assert.equal(conntrackFlowsByReplySource('').size, 0);
});
