import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { type Node, type Task, type ServiceSpec } from '@clusterctl/store';
import { fixtures } from '@clusterctl/store/testing';
import { parseConstraint, matchConstraint } from './constraints.js';
import { buildNodeInfos } from './node-info.js';
import { placeTasks } from './placement.js';

const meta = { version: 1, createdAt: 1, updatedAt: 1 };
let seq = 0;

function node(id: string, over: Partial<Node> = {}): Node {
  return { ...fixtures.newNode(id), id, meta, resources: { nanoCpus: 2e9, memoryBytes: 4 * 2 ** 30 }, ...over } as Node;
}

function task(serviceId: string, over: Partial<ServiceSpec> = {}, t: Partial<Task> = {}): Task {
  const spec = fixtures.serviceSpec(serviceId, over);
  return {
    ...fixtures.newTask(serviceId, ++seq, spec),
    id: `t${seq}`,
    meta,
    status: { state: 'pending', message: '', timestamp: 0 },
    ...t,
  } as Task;
}

function running(nodeId: string, serviceId: string, over: Partial<ServiceSpec> = {}): Task {
  return task(serviceId, over, { nodeId, status: { state: 'running', message: '', timestamp: 0 } });
}

describe('constraints', () => {
  test('parse and match ==, != on fixed keys and labels (values case-insensitive)', () => {
    const n = node('n1', { hostname: 'Web-1', role: 'manager', labels: { zone: 'a' }, engineLabels: { disk: 'ssd' } });
    assert.equal(matchConstraint(n, parseConstraint('node.hostname==web-1')), true);
    assert.equal(matchConstraint(n, parseConstraint('node.hostname != web-1')), false);
    assert.equal(matchConstraint(n, parseConstraint('node.role==manager')), true);
    assert.equal(matchConstraint(n, parseConstraint('node.id==n1')), true);
    assert.equal(matchConstraint(n, parseConstraint('node.labels.zone==a')), true);
    assert.equal(matchConstraint(n, parseConstraint('node.labels.zone==b')), false);
    assert.equal(matchConstraint(n, parseConstraint('node.labels.rack==1')), false, 'missing label never equals');
    assert.equal(matchConstraint(n, parseConstraint('node.labels.rack!=1')), true, 'missing label is "not equal"');
    assert.equal(matchConstraint(n, parseConstraint('engine.labels.disk==SSD')), true);
  });

  test('unknown syntax and keys are refused with INVALID_ARGUMENT', () => {
    for (const bad of [
      'node.hostname=x',
      'node.foo==x',
      'zone==a',
      'node.labels.==a',
      'node.role==boss',
      'node.hostname==',
    ]) {
      assert.throws(
        () => parseConstraint(bad),
        (e: { code?: string }) => e.code === 'INVALID_ARGUMENT',
        bad,
      );
    }
  });
});

describe('placeTasks', () => {
  test('spreads replicas of one service over nodes, fewest of the service first', () => {
    const nodes = buildNodeInfos([node('a'), node('b'), node('c')], []);
    const r = placeTasks(nodes, [task('s1'), task('s1'), task('s1')]);
    assert.equal(r.unassigned.length, 0);
    assert.deepEqual(r.assigned.map((x) => x.nodeId).sort(), ['a', 'b', 'c']);
    // 3 more: one more on each
    const r2 = placeTasks(nodes, [task('s1'), task('s1'), task('s1')]);
    assert.deepEqual(r2.assigned.map((x) => x.nodeId).sort(), ['a', 'b', 'c']);
  });

  test('ties on the service broken by fewest tasks overall', () => {
    const existing = [running('a', 'other'), running('a', 'other'), running('b', 'other')];
    const nodes = buildNodeInfos([node('a'), node('b'), node('c')], existing);
    const r = placeTasks(nodes, [task('s1')]);
    assert.equal(r.assigned[0]!.nodeId, 'c');
    const r2 = placeTasks(nodes, [task('s1')]);
    assert.equal(r2.assigned[0]!.nodeId, 'b');
  });

  test('only ready + active nodes; constraints; message counts why', () => {
    const nodes = buildNodeInfos(
      [
        node('down1', { status: { state: 'down', message: '', timestamp: 0 } }),
        node('down2', { status: { state: 'down', message: '', timestamp: 0 } }),
        node('drained', { availability: 'drain' }),
        node('paused', { availability: 'pause' }),
        node('zb', { labels: { zone: 'b' } }),
        node('za', { labels: { zone: 'a' } }),
      ],
      [],
    );
    const r = placeTasks(nodes, [task('s', { constraints: ['node.labels.zone==a'] })]);
    assert.equal(r.assigned[0]!.nodeId, 'za');
    const r2 = placeTasks(nodes, [task('s', { constraints: ['node.labels.zone==c'] })]);
    assert.equal(r2.assigned.length, 0);
    assert.equal(
      r2.unassigned[0]!.message,
      'no suitable node (2 nodes down, 1 node drained, 1 node paused, 2 nodes failed constraint node.labels.zone==c)',
    );
  });

  test('resource reservations count what tasks already there reserve', () => {
    const cpu = (n: number): ServiceSpec['resources'] => ({
      reservations: { nanoCpus: n * 1e9, memoryBytes: 0 },
      limits: { nanoCpus: 0, memoryBytes: 0 },
    });
    // each node has 2 CPUs; a holds a task reserving 1.5
    const nodes = buildNodeInfos([node('a'), node('b')], [running('a', 'big', { resources: cpu(1.5) })]);
    const r = placeTasks(nodes, [
      task('s', { resources: cpu(1) }),
      task('s', { resources: cpu(1) }),
      task('s', { resources: cpu(1) }),
    ]);
    assert.deepEqual(
      r.assigned.map((x) => x.nodeId),
      ['b', 'b'],
    );
    assert.equal(r.unassigned.length, 1);
    assert.match(r.unassigned[0]!.message, /insufficient cpu/);
    const mem = { reservations: { nanoCpus: 0, memoryBytes: 8 * 2 ** 30 }, limits: { nanoCpus: 0, memoryBytes: 0 } };
    const r2 = placeTasks(nodes, [task('m', { resources: mem })]);
    assert.equal(r2.unassigned[0]!.message, 'no suitable node (2 nodes insufficient memory)');
  });

  test('host-published port conflicts: one task per node per published port', () => {
    const ports = [{ published: 8080, target: 80, protocol: 'tcp' as const }];
    const nodes = buildNodeInfos([node('a'), node('b'), node('c')], [running('c', 'other', { ports })]);
    const r = placeTasks(nodes, [task('web', { ports }), task('web', { ports }), task('web', { ports })]);
    assert.deepEqual(r.assigned.map((x) => x.nodeId).sort(), ['a', 'b']);
    assert.equal(r.unassigned[0]!.message, 'no suitable node (3 nodes host port 8080/tcp in use)');
    // udp on the same number is another port
    const r2 = placeTasks(nodes, [task('dns', { ports: [{ published: 8080, target: 53, protocol: 'udp' }] })]);
    assert.equal(r2.assigned.length, 1);
  });

  test('ingress ports bind no host port where the data plane runs; host mode and --data-plane off do', () => {
    const caps = (enabled: boolean): Partial<Node> => ({
      network: {
        subnet: '',
        capabilities: {
          vxlan: true,
          nftables: true,
          policyRouting: true,
          conntrack: true,
          enabled,
          conditions: [],
          underlayMtu: 1500,
        },
      },
    });
    const ingress = [{ published: 8080, target: 80, protocol: 'tcp' as const, publishMode: 'ingress' as const }];
    const host = [{ published: 8081, target: 80, protocol: 'tcp' as const, publishMode: 'host' as const }];
    const on = buildNodeInfos([node('a', caps(true))], []);
    assert.equal(placeTasks(on, [task('web', { ports: ingress }), task('web', { ports: ingress })]).assigned.length, 2);
    const on2 = buildNodeInfos([node('a', caps(true))], []);
    assert.equal(placeTasks(on2, [task('h', { ports: host }), task('h', { ports: host })]).assigned.length, 1);
    const off = buildNodeInfos([node('a', caps(false))], []);
    assert.equal(
      placeTasks(off, [task('web', { ports: ingress }), task('web', { ports: ingress })]).assigned.length,
      1,
    );
  });

  test('a task with a preset node (global) is checked against that node only', () => {
    const nodes = buildNodeInfos([node('a'), node('b', { availability: 'drain' })], []);
    const r = placeTasks(nodes, [
      task('g', {}, { nodeId: 'a' }),
      task('g', {}, { nodeId: 'b' }),
      task('g', {}, { nodeId: 'zz' }),
    ]);
    assert.deepEqual(
      r.assigned.map((x) => x.nodeId),
      ['a'],
    );
    assert.deepEqual(
      r.unassigned.map((x) => x.message),
      ['no suitable node (1 node drained)', 'no suitable node (node zz is not in the cluster)'],
    );
  });

  test('no nodes at all', () => {
    const r = placeTasks(new Map(), [task('s')]);
    assert.equal(r.unassigned[0]!.message, 'no suitable node (no nodes in the cluster)');
  });

  test('tasks being stopped hold ports/resources but do not count for spread', () => {
    const ports = [{ published: 9000, target: 80, protocol: 'tcp' as const }];
    const stopping = running('a', 'web', { ports });
    const nodes = buildNodeInfos([node('a'), node('b')], [{ ...stopping, desiredState: 'shutdown' }]);
    assert.equal(nodes.get('a')!.countOf('web'), 0);
    const r = placeTasks(nodes, [task('web', { ports }), task('web', { ports })]);
    assert.deepEqual(
      r.assigned.map((x) => x.nodeId),
      ['b'],
    );
  });

  test('spread of 1000 tasks over 100 nodes is even', () => {
    const ns = Array.from({ length: 100 }, (_, i) => node(`n${String(i).padStart(3, '0')}`));
    const nodes = buildNodeInfos(ns, []);
    const r = placeTasks(
      nodes,
      Array.from({ length: 1000 }, () => task('s')),
    );
    assert.equal(r.assigned.length, 1000);
    for (const ni of nodes.values()) assert.equal(ni.countOf('s'), 10);
  });
});
