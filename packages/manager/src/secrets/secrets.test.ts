// Secrets and configs through the Control API of a real manager (raft on LevelDB, mutual TLS), and
// the dispatcher's GetTaskFiles authorization. A secret's bytes must never come back through the API
// or in an error message.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { ClusterStore } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import type { clusterctl } from '@clusterctl/proto';
import { Manager } from '../manager.js';
import { controlClient, type PromiseClient } from '../control/testing/clients.js';
import { Dispatcher } from '../dispatcher/dispatcher.js';
import { validateFileRefs } from './file-refs.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };
const SECRET = Buffer.from('hunter2-' + 'x'.repeat(24));

const spec = (over: Partial<clusterctl.cluster.IServiceSpec> = {}): clusterctl.cluster.IServiceSpec => ({
  name: 'web',
  image: 'busybox:1.36',
  mode: 'replicated',
  replicas: 1,
  ...over,
});

async function refused(p: Promise<unknown>, code: string, message?: RegExp): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ClusterError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    assert.ok(!e.message.includes(SECRET.toString()) && !(e.hint ?? '').includes(SECRET.toString()));
    return e;
  }
  assert.fail(`expected ${code}`);
}

describe('secrets and configs: Control API on a real manager', () => {
  let dir: string;
  let m: Manager;
  let ctl: PromiseClient;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-secrets-'));
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

  test('create, get (id, prefix, name), list: a secret never shows its data; a config does', async () => {
    const s = await ctl.createSecret({ name: 'db-pw', labels: { team: 'a' }, data: SECRET });
    assert.equal(s.name, 'db-pw');
    assert.deepEqual({ ...s.labels }, { team: 'a' });
    for (const ref of [s.id, s.id.slice(0, 6), 'db-pw']) {
      const got = await ctl.getSecret({ secret: ref });
      assert.equal(got.id, s.id);
      assert.ok(!JSON.stringify(got).includes(SECRET.toString('base64')));
      assert.ok(!Buffer.from(JSON.stringify(got)).includes(SECRET));
    }
    const list = await ctl.listSecrets({});
    assert.deepEqual(
      list.secrets.map((x: { name: string }) => x.name),
      ['db-pw'],
    );
    assert.ok(!JSON.stringify(list).includes(SECRET.toString('base64')));
    const c = await ctl.createConfig({ name: 'app.conf', data: Buffer.from('port=80\n') });
    assert.equal(Buffer.from((await ctl.getConfig({ config: c.id })).data).toString(), 'port=80\n');
    assert.equal((await ctl.listConfigs({ filters: { name: 'app' } })).configs.length, 1);
  });

  test('names unique, Docker limits on names and data, nothing stored on refusal', async () => {
    await refused(ctl.createSecret({ name: 'db-pw', data: SECRET }), ErrorCode.AlreadyExists, /a secret named db-pw/);
    await refused(
      ctl.createSecret({ name: 'bad name', data: SECRET }),
      ErrorCode.InvalidArgument,
      /invalid secret name/,
    );
    await refused(ctl.createSecret({ name: 'empty', data: Buffer.alloc(0) }), ErrorCode.InvalidArgument, /500 KiB/);
    await refused(
      ctl.createSecret({ name: 'big', data: Buffer.alloc(500 * 1024 + 1, 7) }),
      ErrorCode.InvalidArgument,
      /500 KiB/,
    );
    await ctl.createSecret({ name: 'max', data: Buffer.alloc(500 * 1024, 7) });
    await refused(
      ctl.createConfig({ name: 'big', data: Buffer.alloc(1000 * 1024 + 1, 7) }),
      ErrorCode.InvalidArgument,
      /1000 KiB/,
    );
    await ctl.removeSecret({ secret: 'max' });
    assert.equal((await ctl.listSecrets({})).secrets.length, 1);
  });

  test('stacks: the same data again is the existing secret or config; other data is refused', async () => {
    const first = await ctl.createSecret({ name: 'shop_pw', data: SECRET, stackReuseSameData: true });
    const again = await ctl.createSecret({ name: 'shop_pw', data: SECRET, stackReuseSameData: true });
    assert.equal(again.id, first.id);
    assert.equal(Number(again.meta?.version ?? 0), Number(first.meta?.version ?? 0), 'nothing written');
    await refused(
      ctl.createSecret({ name: 'shop_pw', data: Buffer.from('other'), stackReuseSameData: true }),
      ErrorCode.FailedPrecondition,
      /secret shop_pw exists with other data: only updates to labels are allowed/,
    );
    await refused(ctl.createSecret({ name: 'shop_pw', data: SECRET }), ErrorCode.AlreadyExists, /already exists/);
    const c = await ctl.createConfig({ name: 'shop_conf', data: Buffer.from('a=1\n'), stackReuseSameData: true });
    assert.equal(
      (await ctl.createConfig({ name: 'shop_conf', data: Buffer.from('a=1\n'), stackReuseSameData: true })).id,
      c.id,
    );
    await refused(
      ctl.createConfig({ name: 'shop_conf', data: Buffer.from('a=2\n'), stackReuseSameData: true }),
      ErrorCode.FailedPrecondition,
      /config shop_conf exists with other data/,
    );
    assert.equal(Buffer.from((await ctl.getConfig({ config: 'shop_conf' })).data).toString(), 'a=1\n');
    await ctl.removeSecret({ secret: 'shop_pw' });
    await ctl.removeConfig({ config: 'shop_conf' });
  });

  test('a service references secrets by name: ids filled in, defaults as Docker; a missing one is refused', async () => {
    await refused(
      ctl.createService({ spec: spec({ name: 'x', secrets: [{ name: 'nope' }] }) }),
      ErrorCode.NotFound,
      /secret "nope" not found/,
    );
    const svc = await ctl.createService({
      spec: spec({
        secrets: [{ name: 'db-pw' }, { name: 'db-pw', target: '/etc/pw', mode: 0o400, uid: '1000' }],
        configs: [{ name: 'app.conf' }],
      }),
    });
    const secretId = (await ctl.getSecret({ secret: 'db-pw' })).id;
    assert.deepEqual(
      svc.spec.secrets.map((r: clusterctl.cluster.IFileReference) => [r.id, r.name, r.target, r.uid, r.gid, r.mode]),
      [
        [secretId, 'db-pw', '/run/secrets/db-pw', '0', '0', 0o444],
        [secretId, 'db-pw', '/etc/pw', '1000', '0', 0o400],
      ],
    );
    assert.equal(svc.spec.configs[0].target, '/app.conf');
    // the task template carries the references, never the data
    const tasks = m.store.view((tx) => tx.findBy('tasks', 'serviceId', svc.id));
    assert.ok(!JSON.stringify(tasks).includes(SECRET.toString('base64')));
  });

  test('removing a secret or config in use is refused naming the services; unused, it goes', async () => {
    await ctl.createService({ spec: spec({ name: 'api', secrets: [{ name: 'db-pw' }] }) });
    await refused(
      ctl.removeSecret({ secret: 'db-pw' }),
      ErrorCode.FailedPrecondition,
      /secret db-pw is in use by the following services: api, web$/,
    );
    await refused(ctl.removeConfig({ config: 'app.conf' }), ErrorCode.FailedPrecondition, /service: web$/);
    await ctl.removeService({ service: 'api' });
    await ctl.removeService({ service: 'web' });
    await ctl.removeSecret({ secret: 'db-pw' });
    await ctl.removeConfig({ config: 'app.conf' });
    await refused(ctl.getSecret({ secret: 'db-pw' }), ErrorCode.NotFound);
  });
});

describe('file references', () => {
  test('targets: secrets under /run/secrets, configs under /, absolute kept; bad ones refused', () => {
    assert.equal(validateFileRefs('secret', [{ name: 'a' }])[0]!.target, '/run/secrets/a');
    assert.equal(validateFileRefs('secret', [{ name: 'a', target: 'b/c' }])[0]!.target, '/run/secrets/b/c');
    assert.equal(validateFileRefs('config', [{ name: 'a' }])[0]!.target, '/a');
    assert.equal(validateFileRefs('config', [{ name: 'a', target: '/etc/x' }])[0]!.target, '/etc/x');
    for (const bad of [
      [{ name: 'a', target: '../x' }],
      [{ name: 'a', target: '/etc/' }],
      [{ name: 'a' }, { name: 'b', target: 'a' }],
      [{ name: 'a', uid: 'root' }],
      [{ name: 'a', mode: 0o1777 }],
      [{ target: '/x' }],
    ])
      assert.throws(
        () => validateFileRefs('secret', bad),
        (e: ClusterError) => e.code === ErrorCode.InvalidArgument,
      );
  });
});

describe('dispatcher GetTaskFiles', () => {
  test('only for a task of the calling node that is to run', async () => {
    const store = new ClusterStore();
    store.setProposer(new LocalProposer({ replicas: [store] }));
    const clock = new FakeClock();
    const d = new Dispatcher({
      store,
      clusterId: 'c1',
      clock,
      settings: () => ({ heartbeatPeriodMs: 500, nodeGraceMs: 2000, taskHistoryLimit: 5, nodeCertExpiryMs: 1e9 }),
      leaderAddr: () => '',
      isLeader: () => true,
    });
    d.startLeading(clock.now());
    const data = SECRET.toString('base64');
    await store.update((tx) => {
      for (const id of ['n1', 'n2']) tx.create('nodes', { ...fixtures.newNode(id), id });
      tx.create('secrets', { id: 's1', spec: { name: 'pw', labels: {} }, data });
      const ref = { id: 's1', name: 'pw', target: '/run/secrets/pw', uid: '0', gid: '0', mode: 0o444 };
      const sp = fixtures.serviceSpec('web', { secrets: [ref] });
      tx.create('tasks', { ...fixtures.newTask('svc', 1, sp, { nodeId: 'n1', desiredState: 'running' }), id: 't1' });
      tx.create('tasks', { ...fixtures.newTask('svc', 2, sp, { nodeId: 'n1', desiredState: 'shutdown' }), id: 't2' });
    });
    const s1 = await d.openSession('n1', {}, '');
    const s2 = await d.openSession('n2', {}, '');
    const files = d.taskFiles('n1', s1.info.sessionId, 't1');
    assert.deepEqual(
      files.map((f) => [f.kind, f.id, Buffer.from(f.data).equals(SECRET)]),
      [['secret', 's1', true]],
    );
    const denied = (fn: () => unknown, code: string): void =>
      assert.throws(fn, (e: ClusterError) => e.code === code && !e.message.includes(SECRET.toString()));
    denied(() => d.taskFiles('n2', s2.info.sessionId, 't1'), ErrorCode.PermissionDenied); // another node's task
    denied(() => d.taskFiles('n1', s1.info.sessionId, 't2'), ErrorCode.PermissionDenied); // not to run
    denied(() => d.taskFiles('n1', s1.info.sessionId, 'nope'), ErrorCode.PermissionDenied);
    denied(() => d.taskFiles('n1', 'not-my-session', 't1'), ErrorCode.NotFound);
    d.stopLeading();
  });
});
