// A real Manager (raft on LevelDB, one mutual-TLS gRPC listener) driven through the Control API
// with its own manager certificate, as the node daemon does.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@clusterctl/common';
import { parseJoinToken } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import { Manager } from '../manager.js';
import { controlClient, failure, type PromiseClient } from './testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

let dir: string;
let m: Manager;
let ctl: PromiseClient;

const spec = (over: Partial<clusterctl.cluster.IServiceSpec> = {}): clusterctl.cluster.IServiceSpec => ({
  name: 'web',
  image: 'busybox:1.36',
  mode: 'replicated',
  replicas: 3,
  ...over,
});

/** The parts of the store a refused call must not touch. */
function storeState(): string {
  return JSON.stringify(
    m.store.view((tx) => ({
      services: tx.list('services'),
      nodes: tx.list('nodes'),
      cluster: tx.list('cluster'),
      tasks: tx.list('tasks'),
    })),
  );
}

describe('Control API on a real manager', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-control-'));
    m = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'host-a',
      raft: FAST_RAFT,
      heartbeatPeriodMs: 200,
      nodeGraceMs: 1000,
    });
    ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
  });
  after(async () => {
    ctl.close();
    await m.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('init created the cluster record, this manager node and working settings', async () => {
    const info = await ctl.getClusterInfo({});
    assert.equal(info.clusterId, m.clusterId);
    assert.equal(info.leaderNodeId, m.nodeId);
    assert.equal(Number(info.heartbeatPeriodMs), 200);
    assert.equal(Number(info.nodeGraceMs), 1000);
    assert.equal(info.managers.length, 1);
    assert.equal(info.managers[0].leader, true);
    const nodes = await ctl.listNodes({});
    assert.equal(nodes.nodes.length, 1);
    assert.equal(nodes.nodes[0].hostname, 'host-a');
    assert.equal(nodes.nodes[0].role, 'manager');
    assert.equal(nodes.nodes[0].managerStatus.addr, m.advertiseAddr);
    assert.equal(nodes.nodes[0].managerStatus.leader, true);
    assert.equal(nodes.nodes[0].managerStatus.reachability, 'reachable');
    assert.ok(m.leaderComponentsRunning);
  });

  test('create, get (id, prefix, name), list, scale, update and remove a service', async () => {
    const created = await ctl.createService({
      spec: spec({ env: ['A=1'], ports: [{ published: 8080, target: 80 }], constraints: ['node.role==manager'] }),
    });
    assert.equal(created.spec.name, 'web');
    assert.equal(created.spec.ports[0].protocol, 'tcp');
    assert.equal(created.spec.restartPolicy.condition, 'any');
    const id: string = created.id;
    assert.match(id, /^[0-9a-v]{25}$/);
    for (const ref of [id, id.slice(0, 6), 'web']) assert.equal((await ctl.getService({ service: ref })).id, id);

    let list = await ctl.listServices({});
    assert.equal(list.services.length, 1);
    assert.equal(Number(list.services[0].desired), 3);
    assert.equal(Number(list.services[0].running), 0);

    const scaled = await ctl.scaleService({ service: 'web', replicas: 5 });
    assert.equal(Number(scaled.spec.replicas), 5);
    assert.deepEqual(m.store.view((tx) => tx.get('services', id))?.spec.mode, { kind: 'replicated', replicas: 5 });

    const upd = await ctl.updateService({ service: id, spec: spec({ image: 'busybox:1.37', replicas: 2 }) });
    assert.equal(upd.spec.image, 'busybox:1.37');
    assert.equal(m.store.view((tx) => tx.get('services', id))?.previousSpec?.image, 'busybox:1.36');

    // a task of the service (as the orchestrator would create it) gets desiredState remove on rm
    await m.store.update((tx) => {
      const s = tx.get('services', id)!;
      tx.create('tasks', {
        serviceId: id,
        slot: 1,
        nodeId: m.nodeId,
        desiredState: 'running',
        status: { state: 'running', message: '', timestamp: 1 },
        spec: s.spec,
        serviceVersion: s.meta.version,
      });
    });
    list = await ctl.listServices({});
    assert.equal(Number(list.services[0].running), 1);
    const tasks = await ctl.listTasks({ service: 'web' });
    assert.equal(tasks.tasks.length, 1);

    await ctl.removeService({ service: 'web' });
    assert.equal(
      m.store.view((tx) => tx.get('services', id)),
      undefined,
    );
    assert.deepEqual(
      m.store.view((tx) => tx.findBy('tasks', 'serviceId', id).map((t) => t.desiredState)),
      ['remove'],
    );
    const gone = await failure(ctl.getService({ service: 'web' }));
    assert.equal(gone.code, ErrorCode.NotFound);
  });

  test('every bad spec is refused with the right code and nothing is stored', async () => {
    await ctl.createService({
      spec: spec({ name: 'ports-owner', replicas: 1, ports: [{ published: 9000, target: 80 }] }),
    });
    const cases: [string, clusterctl.cluster.IServiceSpec | null, ErrorCode][] = [
      ['name with a space', spec({ name: 'bad name' }), ErrorCode.InvalidArgument],
      ['name starting with a dash', spec({ name: '-web' }), ErrorCode.InvalidArgument],
      ['name of 64 characters', spec({ name: 'a'.repeat(64) }), ErrorCode.InvalidArgument],
      ['no image', spec({ image: '' }), ErrorCode.InvalidArgument],
      ['image with spaces', spec({ image: 'busy box' }), ErrorCode.InvalidArgument],
      ['too many replicas', spec({ replicas: 1_000_000 }), ErrorCode.InvalidArgument],
      ['unknown mode', spec({ mode: 'daemonset' }), ErrorCode.InvalidArgument],
      ['global with replicas', spec({ mode: 'global', replicas: 2 }), ErrorCode.InvalidArgument],
      ['env without =', spec({ env: ['NOVALUE'] }), ErrorCode.InvalidArgument],
      ['env with empty key', spec({ env: ['=x'] }), ErrorCode.InvalidArgument],
      ['constraint without operator', spec({ constraints: ['node.hostname'] }), ErrorCode.InvalidArgument],
      ['constraint with unknown key', spec({ constraints: ['node.colour==red'] }), ErrorCode.InvalidArgument],
      ['constraint with bad role', spec({ constraints: ['node.role==boss'] }), ErrorCode.InvalidArgument],
      ['constraint with = instead of ==', spec({ constraints: ['node.labels.zone=a'] }), ErrorCode.InvalidArgument],
      ['target port 0', spec({ ports: [{ target: 0 }] }), ErrorCode.InvalidArgument],
      ['target port 70000', spec({ ports: [{ target: 70000 }] }), ErrorCode.InvalidArgument],
      ['published port 70000', spec({ ports: [{ published: 70000, target: 80 }] }), ErrorCode.InvalidArgument],
      ['sctp', spec({ ports: [{ published: 81, target: 80, protocol: 'sctp' }] }), ErrorCode.InvalidArgument],
      [
        'same published port twice',
        spec({
          ports: [
            { published: 81, target: 80 },
            { published: 81, target: 81 },
          ],
        }),
        ErrorCode.InvalidArgument,
      ],
      [
        'published port used by another service',
        spec({ ports: [{ published: 9000, target: 80 }] }),
        ErrorCode.Conflict,
      ],
      [
        'cpu reservation above limit',
        spec({ reservations: { nanoCpus: 2e9 }, limits: { nanoCpus: 1e9 } }),
        ErrorCode.InvalidArgument,
      ],
      [
        'memory reservation above limit',
        spec({ reservations: { memoryBytes: 64 << 20 }, limits: { memoryBytes: 32 << 20 } }),
        ErrorCode.InvalidArgument,
      ],
      ['memory limit under 6 MiB', spec({ limits: { memoryBytes: 1024 } }), ErrorCode.InvalidArgument],
      ['unknown restart condition', spec({ restartPolicy: { condition: 'always' } }), ErrorCode.InvalidArgument],
      ['taken name', spec({ name: 'ports-owner' }), ErrorCode.AlreadyExists],
      ['no spec', null, ErrorCode.InvalidArgument],
    ];
    const before = storeState();
    const versionBefore = m.store.version;
    for (const [what, s, code] of cases) {
      const e = await failure(ctl.createService(s === null ? {} : { spec: s }));
      assert.equal(e.code, code, `${what}: got ${e.code} ${e.message}`);
      assert.ok(e.hint.length > 0, `${what}: no hint`);
    }
    assert.equal(storeState(), before);
    assert.equal(m.store.version, versionBefore, 'a refused spec proposed something');
    // the refused field travels to the client (clusterctl-error-details)
    assert.equal((await failure(ctl.createService({ spec: spec({ env: ['x'] }) }))).details.field, 'env');
    assert.deepEqual(
      (await failure(ctl.createService({ spec: spec({ name: 'p2', ports: [{ published: 9000, target: 1 }] }) })))
        .details.conflicts,
      [{ port: '9000/tcp', service: 'ports-owner' }],
    );

    // the same rules on update and scale
    const e1 = await failure(
      ctl.updateService({ service: 'ports-owner', spec: spec({ name: 'ports-owner', env: ['x'] }) }),
    );
    assert.equal(e1.code, ErrorCode.InvalidArgument);
    const e2 = await failure(
      ctl.updateService({ service: 'ports-owner', spec: spec({ name: 'ports-owner', mode: 'global', replicas: 0 }) }),
    );
    assert.equal(e2.code, ErrorCode.InvalidArgument);
    const e3 = await failure(ctl.scaleService({ service: 'ports-owner', replicas: 20_000 }));
    assert.equal(e3.code, ErrorCode.InvalidArgument);
    const e4 = await failure(ctl.scaleService({ service: 'nope', replicas: 2 }));
    assert.equal(e4.code, ErrorCode.NotFound);
    assert.equal(storeState(), before);

    await ctl.createService({ spec: spec({ name: 'everywhere', mode: 'global', replicas: 0 }) });
    const e5 = await failure(ctl.scaleService({ service: 'everywhere', replicas: 2 }));
    assert.equal(e5.code, ErrorCode.FailedPrecondition);
    const all = await ctl.listServices({});
    const g = all.services.find((x: clusterctl.control.IServiceSummary) => x.service?.spec?.name === 'everywhere');
    assert.equal(Number(g.desired), 1, 'one eligible node (this manager) for the global service');
  });

  test('an ambiguous id prefix is refused listing the matches; a unique one works', async () => {
    const base = {
      image: 'busybox',
      command: [],
      env: [],
      labels: {},
      mode: { kind: 'replicated' as const, replicas: 1 },
      constraints: [],
      resources: { reservations: { nanoCpus: 0, memoryBytes: 0 }, limits: { nanoCpus: 0, memoryBytes: 0 } },
      ports: [],
      restartPolicy: { condition: 'any' as const, delayMs: 100, maxAttempts: 0 },
    };
    await m.store.update((tx) => {
      tx.create('services', { id: 'zzzz0aaaaaaaaaaaaaaaaaaaa', spec: { ...base, name: 'amb-1' } });
      tx.create('services', { id: 'zzzz1aaaaaaaaaaaaaaaaaaaa', spec: { ...base, name: 'amb-2' } });
    });
    const e = await failure(ctl.getService({ service: 'zzzz' }));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    assert.match(e.message, /zzzz0a+ \(amb-1\)/);
    assert.match(e.message, /zzzz1a+ \(amb-2\)/);
    assert.equal((await ctl.getService({ service: 'zzzz1' })).spec.name, 'amb-2');
    const e2 = await failure(ctl.getService({ service: '' }));
    assert.equal(e2.code, ErrorCode.InvalidArgument);
  });

  test('nodes: lookups, labels and availability, a manager cannot be removed, unknown node is NOT_FOUND', async () => {
    const byHost = await ctl.getNode({ node: 'host-a' });
    assert.equal(byHost.id, m.nodeId);
    assert.equal((await ctl.getNode({ node: m.nodeId.slice(0, 5) })).id, m.nodeId);
    const upd = await ctl.updateNode({ node: 'host-a', availability: 'drain', labelAdd: { zone: 'a', disk: 'ssd' } });
    assert.equal(upd.availability, 'drain');
    assert.deepEqual({ ...upd.labels }, { zone: 'a', disk: 'ssd' });
    const upd2 = await ctl.updateNode({ node: 'host-a', availability: 'active', labelRm: ['disk'] });
    assert.deepEqual({ ...upd2.labels }, { zone: 'a' });
    const before = storeState();
    assert.equal(
      (await failure(ctl.updateNode({ node: 'host-a', availability: 'sleeping' }))).code,
      ErrorCode.InvalidArgument,
    );
    assert.equal((await failure(ctl.updateNode({ node: 'host-a', labelRm: ['nope'] }))).code, ErrorCode.NotFound);
    assert.equal((await failure(ctl.updateNode({ node: 'host-a', role: 'king' }))).code, ErrorCode.InvalidArgument);
    assert.equal(
      (await failure(ctl.updateNode({ node: 'host-a', role: 'worker' }))).code,
      ErrorCode.FailedPrecondition,
      'the last manager cannot be demoted',
    );
    assert.equal(
      (await failure(ctl.updateNode({ node: 'host-a', version: 1, availability: 'pause' }))).code,
      ErrorCode.Conflict,
    );
    assert.equal((await failure(ctl.removeNode({ node: 'host-a', force: true }))).code, ErrorCode.FailedPrecondition);
    assert.equal((await failure(ctl.getNode({ node: 'no-such-host' }))).code, ErrorCode.NotFound);
    assert.equal((await failure(ctl.listTasks({ node: 'no-such-host' }))).code, ErrorCode.NotFound);
    assert.equal(storeState(), before);
  });

  test('join tokens: stable until rotated, rotation changes only the secret of that role', async () => {
    const w1 = await ctl.getJoinToken({ role: 'worker' });
    const w2 = await ctl.getJoinToken({ role: 'worker' });
    assert.equal(w1.token, w2.token);
    assert.equal(w1.managerAddr, m.advertiseAddr);
    const mgr = await ctl.getJoinToken({ role: 'manager' });
    assert.equal(parseJoinToken(mgr.token).role, 'manager');
    const rotated = await ctl.getJoinToken({ role: 'worker', rotate: true });
    assert.notEqual(rotated.token, w1.token);
    assert.equal(parseJoinToken(rotated.token).caDigest, parseJoinToken(w1.token).caDigest);
    assert.equal((await ctl.getJoinToken({ role: 'worker' })).token, rotated.token);
    assert.equal((await ctl.getJoinToken({ role: 'manager' })).token, mgr.token);
    assert.equal((await failure(ctl.getJoinToken({ role: 'admin' }))).code, ErrorCode.InvalidArgument);
  });

  test('service logs without a log broker: FAILED_PRECONDITION', async () => {
    const e = await new Promise<Error & { code?: number }>((resolve) => {
      const s = (ctl.raw as unknown as { serviceLogs(req: unknown): NodeJS.EventEmitter }).serviceLogs({
        service: 'ports-owner',
      });
      s.on('data', () => undefined);
      s.on('error', resolve);
    });
    assert.equal(e.code, 9 /* FAILED_PRECONDITION */);
  });

  test('ListTasks: the current task of each slot by default, the history with all=true', async () => {
    const svc = await ctl.createService({ spec: spec({ name: 'hist', replicas: 1 }) });
    const id: string = svc.id;
    const at = (state: string, desired: string, slot: number, t: number) => ({ state, desired, slot, t });
    const rows = [
      at('failed', 'shutdown', 1, 1),
      at('failed', 'shutdown', 1, 2),
      at('running', 'running', 1, 3),
      at('complete', 'shutdown', 2, 4),
      at('running', 'running', 3, 5),
    ];
    for (const r of rows) {
      await m.store.update((tx) => {
        const s = tx.get('services', id)!;
        tx.create('tasks', {
          serviceId: id,
          slot: r.slot,
          nodeId: m.nodeId,
          desiredState: r.desired as 'running',
          status: { state: r.state as 'running', message: '', timestamp: r.t },
          spec: s.spec,
          serviceVersion: s.meta.version,
        });
      });
    }
    const current = await ctl.listTasks({ service: 'hist' });
    assert.deepEqual(
      current.tasks.map((t: { slot: number; status: { state: string } }) => [Number(t.slot), t.status.state]),
      [
        [1, 'running'],
        [3, 'running'],
      ],
    );
    const all = await ctl.listTasks({ service: id.slice(0, 8), all: true });
    assert.equal(all.tasks.length, 5);
    assert.deepEqual(
      all.tasks.map((t: { slot: number }) => Number(t.slot)),
      [1, 1, 1, 2, 3],
    );
    const byNode = await ctl.listTasks({ node: 'host-a', all: true });
    assert.ok(byNode.tasks.length >= 5);
    await ctl.removeService({ service: 'hist' });
  });

  test('a mesh port a node reports held by another process is refused at create and update, naming the node and process', async () => {
    const kept = await ctl.createService({
      spec: spec({ name: 'mesh-kept', replicas: 0, ports: [{ published: 9310, target: 80 }] }),
    });
    await ctl.createService({ spec: spec({ name: 'mesh-later', replicas: 0 }) });
    await m.store.update((tx) => {
      for (const n of tx.list('nodes'))
        tx.update('nodes', {
          ...n,
          listeningPorts: [
            { port: 9300, protocol: 'tcp', addr: '0.0.0.0', process: 'nginx', pid: 4242 },
            { port: 9310, protocol: 'tcp', addr: '0.0.0.0', process: 'late', pid: 7 },
            { port: 9320, protocol: 'udp', addr: '10.0.0.5', process: '', pid: 0 },
          ],
        });
    });
    const before = storeState();
    const e = await failure(
      ctl.createService({ spec: spec({ name: 'mesh-new', ports: [{ published: 9300, target: 80 }] }) }),
    );
    assert.equal(e.code, ErrorCode.Conflict);
    assert.match(e.message, /published port 9300\/tcp is already bound on node host-a by nginx \(pid 4242\)/);
    assert.match(e.hint, /publish another port, stop nginx \(pid 4242\) on host-a, or .*mode=host/);
    const udp = await failure(
      ctl.createService({
        spec: spec({ name: 'mesh-udp', ports: [{ published: 9320, target: 53, protocol: 'udp' }] }),
      }),
    );
    assert.match(udp.message, /9320\/udp is already bound on node host-a by a process/);
    // the same port over the other protocol, a host-mode port, a loopback-free port: accepted
    await ctl.createService({
      spec: spec({ name: 'mesh-udp-ok', replicas: 0, ports: [{ published: 9300, target: 80, protocol: 'udp' }] }),
    });
    await ctl.createService({
      spec: spec({
        name: 'mesh-host',
        replicas: 0,
        ports: [{ published: 9320, target: 80, protocol: 'udp', mode: 'host' }],
      }),
    });
    // update: a newly published port is checked; one the service already published is not
    const u = await failure(
      ctl.updateService({
        service: 'mesh-later',
        spec: spec({ name: 'mesh-later', replicas: 0, ports: [{ published: 9300, target: 80 }] }),
      }),
    );
    assert.equal(u.code, ErrorCode.Conflict);
    assert.match(u.message, /host-a by nginx/);
    await ctl.updateService({
      service: 'mesh-kept',
      spec: spec({ name: 'mesh-kept', replicas: 0, env: ['A=2'], ports: [{ published: 9310, target: 80 }] }),
    });
    assert.notEqual(storeState(), before);
    assert.ok(kept.id);
    for (const name of ['mesh-kept', 'mesh-later', 'mesh-udp-ok', 'mesh-host'])
      await ctl.removeService({ service: name });
    await m.store.update((tx) => {
      for (const n of tx.list('nodes')) {
        const { listeningPorts: _l, ...rest } = n;
        tx.update('nodes', rest);
      }
    });
  });

  test('restart from the data dir keeps the cluster', async () => {
    const dataDir = m.dataDir;
    const services = m.store.view((tx) => tx.count('services'));
    ctl.close();
    await m.stop();
    m = await Manager.restart({ dataDir, raft: FAST_RAFT });
    ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
    const list = await ctl.listServices({});
    assert.equal(list.services.length, services);
    assert.equal((await ctl.getClusterInfo({})).leaderNodeId, m.nodeId);
    // a port in use is a clear error
    const busy = await failure(
      Manager.init({ dataDir: join(dir, 'busy'), listenAddr: m.advertiseAddr, raft: FAST_RAFT }),
    );
    assert.equal(busy.code, ErrorCode.FailedPrecondition);
    assert.match(busy.hint, /--listen-addr/);
    // init over a data dir that already holds a cluster is refused, nothing touched
    const again = await failure(Manager.init({ dataDir, listenAddr: '127.0.0.1:0', raft: FAST_RAFT }));
    assert.equal(again.code, ErrorCode.FailedPrecondition);
    assert.equal((await ctl.listServices({})).services.length, services);
  });
});

describe('many services created at once', () => {
  let mm: Manager | undefined;
  let root: string;
  after(async () => {
    await mm?.stop();
    await rm(root, { recursive: true, force: true });
  });

  test('each is created on the first try with a virtual IP of its own (concurrent creates do not fight over the lowest free one)', async () => {
    root = await mkdtemp(join(tmpdir(), 'cctl-control-many-'));
    mm = await Manager.init({
      dataDir: join(root, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'host-a',
      raft: FAST_RAFT,
    });
    const c = controlClient(mm.advertiseAddr, mm.nodeTls, mm.clusterId);
    try {
      const created = await Promise.all(
        Array.from({ length: 16 }, (_, i) => c.createService({ spec: spec({ name: `s${i}`, replicas: 1 }) })),
      );
      const vips = mm.store.view((tx) => tx.list('services').map((s) => s.vip));
      assert.equal(vips.length, 16);
      assert.equal(new Set(vips).size, 16, `virtual IPs: ${vips.join(' ')}`);
      assert.equal(created.length, 16);
    } finally {
      c.close();
    }
  });
});
