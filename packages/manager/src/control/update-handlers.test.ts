// UpdateService and UpdateCluster on a real Manager (raft on LevelDB, mutual TLS), called as the node
// daemon does; and a raw agent session on its Dispatcher showing that changed settings reach a live
// session without restarts (new heartbeat period pushed and answered, new grace used).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ErrorCode } from '@clusterctl/common';
import { type clusterctl } from '@clusterctl/proto';
import { DEFAULT_CLUSTER_ID } from '@clusterctl/store';
import { Manager } from '../manager.js';
import { joinCluster } from '@clusterctl/ca';
import { waitFor } from '@clusterctl/common/testing';
import { controlClient, failure, type PromiseClient } from './testing/clients.js';
import { dispatcherClient } from '../leader/testing/fake-agent.js';
import { mergeClusterSettings } from './validate-settings.js';
import { createClusterHooks, type ClusterHooks } from '../leader/cluster-hooks.js';
import { overloadGraceMs } from '../dispatcher/nodes.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };
const HEARTBEAT_MS = 200;
const GRACE_MS = 1000;

let dir: string;
let m: Manager;
let hooks: ClusterHooks;
let ctl: PromiseClient;

const spec = (over: Partial<clusterctl.cluster.IServiceSpec> = {}): clusterctl.cluster.IServiceSpec => ({
  name: 'web',
  image: 'busybox:1.36',
  mode: 'replicated',
  replicas: 0,
  env: ['A=1'],
  ...over,
});

function serviceRecords(): string {
  return JSON.stringify(m.store.view((tx) => tx.list('services')));
}

describe('UpdateService / UpdateCluster on a real manager', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-update-'));
    // the real dispatcher and leader components, as a node daemon composes them
    hooks = createClusterHooks();
    m = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'host-a',
      raft: FAST_RAFT,
      heartbeatPeriodMs: HEARTBEAT_MS,
      nodeGraceMs: GRACE_MS,
      leaderComponents: hooks.leaderComponents,
      dispatcherService: hooks.dispatcherService,
    });
    ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
  });
  after(async () => {
    ctl.close();
    await m.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('read-modify-write with the version: a stale version is CONFLICT and changes nothing', async () => {
    const s = await ctl.createService({ spec: spec() });
    const v1 = Number(s.meta.version);
    const u = await ctl.updateService({ service: 'web', version: v1, spec: spec({ env: ['A=2'] }) });
    assert.ok(Number(u.meta.version) > v1);
    assert.deepEqual(u.spec.env, ['A=2']);
    const stored = m.store.view((tx) => tx.get('services', s.id))!;
    assert.deepEqual(stored.previousSpec?.env, ['A=1']);
    // (no task to replace: the orchestrator completes the update at once, and writes its status)
    await waitFor(
      'the update completed',
      () => m.store.view((tx) => tx.get('services', s.id))?.updateStatus?.state === 'completed',
    );
    const snapshot = serviceRecords();
    const e = await failure(ctl.updateService({ service: 'web', version: v1, spec: spec({ env: ['A=3'] }) }));
    assert.equal(e.code, ErrorCode.Conflict);
    assert.match(e.message, /changed since version/);
    assert.equal(e.details.field, 'version');
    assert.match(e.hint, /again/);
    assert.equal(serviceRecords(), snapshot);
  });

  test('the new spec is validated as on create: every bad one refused with its field, nothing written', async () => {
    await ctl.createService({ spec: spec({ name: 'other', ports: [{ published: 9100, target: 80 }] }) });
    const snapshot = serviceRecords();
    const cases: [string, clusterctl.cluster.IServiceSpec, ErrorCode, string?][] = [
      ['no image', spec({ image: '' }), ErrorCode.InvalidArgument, 'image'],
      ['bad env', spec({ env: ['NOVALUE'] }), ErrorCode.InvalidArgument, 'env'],
      ['bad constraint', spec({ constraints: ['node.colour==red'] }), ErrorCode.InvalidArgument, 'constraints'],
      [
        'reservation over limit',
        spec({ reservations: { memoryBytes: 2 << 20 }, limits: { memoryBytes: 1 << 20 } }),
        ErrorCode.InvalidArgument,
      ],
      [
        'memory limit under 6 MiB',
        spec({ limits: { memoryBytes: 1 << 20 } }),
        ErrorCode.InvalidArgument,
        'limits.memoryBytes',
      ],
      [
        'bad restart condition',
        spec({ restartPolicy: { condition: 'always' } }),
        ErrorCode.InvalidArgument,
        'restartPolicy.condition',
      ],
      ['too many replicas', spec({ replicas: 1_000_000 }), ErrorCode.InvalidArgument, 'replicas'],
      ['mode change', spec({ mode: 'global' }), ErrorCode.InvalidArgument, 'mode'],
      ['port used by another service', spec({ ports: [{ published: 9100, target: 80 }] }), ErrorCode.Conflict],
      ['name of another service', spec({ name: 'other' }), ErrorCode.AlreadyExists],
    ];
    for (const [what, s, code, field] of cases) {
      const e = await failure(ctl.updateService({ service: 'web', spec: s }));
      assert.equal(e.code, code, `${what}: ${e.message}`);
      assert.notEqual(e.hint, '', `${what}: a hint`);
      if (field !== undefined) assert.equal(e.details.field, field, what);
      assert.equal(serviceRecords(), snapshot, `${what}: nothing written`);
    }
    assert.equal((await failure(ctl.updateService({ service: 'nope', spec: spec() }))).code, ErrorCode.NotFound);
  });

  test('force bumps the stored forceUpdate counter, which later updates and scale keep; an unchanged spec is not rewritten', async () => {
    const cur = await ctl.getService({ service: 'web' });
    const id = cur.id as string;
    const same = await ctl.updateService({ service: 'web', spec: cur.spec });
    assert.equal(Number(same.meta.version), Number(cur.meta.version), 'nothing to write');
    const forced = await ctl.updateService({ service: 'web', spec: cur.spec, force: true });
    assert.ok(Number(forced.meta.version) > Number(cur.meta.version));
    assert.equal(m.store.view((tx) => tx.get('services', id))!.spec.forceUpdate, 1);
    await ctl.updateService({ service: 'web', spec: cur.spec, force: true });
    assert.equal(m.store.view((tx) => tx.get('services', id))!.spec.forceUpdate, 2);
    await ctl.updateService({ service: 'web', spec: { ...cur.spec, env: ['A=9'] } });
    await ctl.scaleService({ service: 'web', replicas: 0 });
    const s = m.store.view((tx) => tx.get('services', id))!;
    assert.equal(s.spec.forceUpdate, 2, 'kept across a normal update');
    assert.deepEqual(s.spec.env, ['A=9']);
  });

  test('the rollout config: set on create, shown in the summary, kept by updates without one, validated', async () => {
    const created = await ctl.createService({
      spec: spec({ name: 'rolled' }),
      updateConfig: { parallelism: 2, delayMs: 1500, order: 'start-first' },
    });
    const summary = async (): Promise<clusterctl.control.IUpdateConfig> =>
      (await ctl.listServices({ filters: { id: created.id } })).services[0].updateConfig;
    assert.deepEqual({ ...(await summary()) }, { parallelism: 2, delayMs: 1500, order: 'start-first' });
    await ctl.updateService({ service: 'rolled', spec: spec({ name: 'rolled', env: ['A=2'] }) });
    assert.deepEqual({ ...(await summary()) }, { parallelism: 2, delayMs: 1500, order: 'start-first' }, 'kept');
    const v = Number((await ctl.getService({ service: 'rolled' })).meta.version);
    const u = await ctl.updateService({
      service: 'rolled',
      spec: spec({ name: 'rolled', env: ['A=2'] }),
      updateConfig: { parallelism: 0, order: '' },
    });
    assert.ok(Number(u.meta.version) > v, 'a config change alone is written');
    assert.deepEqual({ ...(await summary()) }, { parallelism: 0, delayMs: 0, order: 'stop-first' });
    const plain = (await ctl.listServices({ filters: { name: 'web' } })).services[0].updateConfig;
    assert.deepEqual({ ...plain }, { parallelism: 1, delayMs: 0, order: 'stop-first' }, 'defaults when never set');
    const snapshot = serviceRecords();
    for (const [what, cfg, field] of [
      ['order', { order: 'sideways' }, 'updateConfig.order'],
      ['delay', { delayMs: 2 * 3_600_000 }, 'updateConfig.delayMs'],
      ['parallelism', { parallelism: 1_000_000 }, 'updateConfig.parallelism'],
    ] as const) {
      const e = await failure(
        ctl.updateService({ service: 'rolled', spec: spec({ name: 'rolled' }), updateConfig: cfg }),
      );
      assert.equal(e.code, ErrorCode.InvalidArgument, what);
      assert.equal(e.details.field, field);
      const c = await failure(ctl.createService({ spec: spec({ name: 'rolled2' }), updateConfig: cfg }));
      assert.equal(c.code, ErrorCode.InvalidArgument, what);
    }
    assert.equal(serviceRecords(), snapshot, 'nothing written');
  });

  test('update and rollback policies in the spec; rollback to the previous spec; a bare update resumes a paused one', async () => {
    const updateConfig = {
      parallelism: 2,
      delayMs: 0,
      order: 'start-first',
      failureAction: 'rollback',
      monitorMs: 1000,
      maxFailureRatio: 0.5,
    };
    const rollbackConfig = { parallelism: 0, delayMs: 10, order: '', failureAction: 'continue', monitorMs: 0 };
    const created = await ctl.createService({ spec: spec({ name: 'rb', updateConfig, rollbackConfig }) });
    assert.deepEqual({ ...created.spec.updateConfig }, updateConfig);
    assert.deepEqual(
      { ...created.spec.rollbackConfig },
      { ...rollbackConfig, order: 'stop-first', maxFailureRatio: 0 },
      'the defaults of empty strings filled in',
    );
    assert.equal(created.updateStatus, null, 'never updated');
    const norb = await failure(ctl.updateService({ service: 'rb', rollback: true }));
    assert.equal(norb.code, ErrorCode.FailedPrecondition);
    assert.match(norb.message, /no previous spec/);
    for (const [what, over, field] of [
      ['rollback failure action', { rollbackConfig: { failureAction: 'rollback' } }, 'rollbackConfig.failureAction'],
      ['update failure action', { updateConfig: { failureAction: 'retry' } }, 'updateConfig.failureAction'],
      ['ratio', { updateConfig: { maxFailureRatio: 1.5 } }, 'updateConfig.maxFailureRatio'],
      ['monitor', { rollbackConfig: { monitorMs: 2 * 3_600_000 } }, 'rollbackConfig.monitorMs'],
    ] as const) {
      const e = await failure(ctl.createService({ spec: spec({ name: 'rb2', ...over }) }));
      assert.equal(e.code, ErrorCode.InvalidArgument, what);
      assert.equal(e.details.field, field, what);
    }
    // a spec sent back as read (policies with their defaults) changes nothing
    const read = await ctl.getService({ service: 'rb' });
    const same = await ctl.updateService({ service: 'rb', spec: read.spec });
    assert.equal(Number(same.meta.version), Number(read.meta.version));

    const u = await ctl.updateService({ service: 'rb', spec: { ...read.spec, env: ['A=2'] } });
    assert.equal(u.updateStatus.state, 'updating');
    assert.deepEqual(u.previousSpec.env, ['A=1']);
    assert.deepEqual({ ...u.spec.updateConfig }, updateConfig, 'kept');
    const rb = await ctl.updateService({ service: 'rb', rollback: true });
    assert.deepEqual(rb.spec.env, ['A=1']);
    assert.deepEqual(rb.previousSpec.env, ['A=2']);
    assert.equal(rb.updateStatus.state, 'rollback_started');
    assert.equal(rb.updateStatus.message, 'rollback requested');
    // no task to replace: the rollback completes at once
    const done = await waitFor(
      'the rollback completed',
      async () => (await ctl.getService({ service: 'rb' })).updateStatus,
      { until: (st) => st?.state === 'rollback_completed' },
    );
    assert.ok(Number(done.completedAt) >= Number(done.startedAt));

    // paused (as the orchestrator leaves a failed update): the same spec again resumes it
    await m.store.update((tx) => {
      const cur = tx.getByName('services', 'rb')!;
      tx.update('services', {
        ...cur,
        updateStatus: {
          ...cur.updateStatus!,
          state: 'paused',
          message: 'update paused: task x failed',
          failedTaskIds: ['x'],
        },
      });
    });
    const now = await ctl.getService({ service: 'rb' });
    const resumed = await ctl.updateService({ service: 'rb', spec: now.spec });
    assert.ok(Number(resumed.meta.version) > Number(now.meta.version));
    assert.equal(resumed.updateStatus.state, 'updating');
    assert.equal(resumed.updateStatus.message, 'update resumed');
    assert.deepEqual(m.store.view((tx) => tx.getByName('services', 'rb'))!.updateStatus?.failedTaskIds ?? [], []);
  });

  test('a rollback of an autoscaled service keeps the count the autoscaler chose, within the previous bounds', async () => {
    const autoscale = { minReplicas: 2, maxReplicas: 6, targetCpuPercent: 70 };
    await ctl.createService({ spec: spec({ name: 'as', replicas: 2, autoscale }) });
    const read = await ctl.getService({ service: 'as' });
    await ctl.updateService({
      service: 'as',
      spec: { ...read.spec, env: ['A=2'], autoscale: { ...autoscale, maxReplicas: 10 } },
    });
    // the autoscaler's decision: the count alone, the previous spec untouched
    await m.store.update((tx) => {
      const cur = tx.getByName('services', 'as')!;
      tx.update('services', { ...cur, spec: { ...cur.spec, mode: { kind: 'replicated', replicas: 8 } } });
    });
    const rb = await ctl.updateService({ service: 'as', rollback: true });
    assert.deepEqual(rb.spec.env, ['A=1'], 'the previous spec');
    assert.equal(Number(rb.spec.autoscale.maxReplicas), 6, 'with its bounds');
    assert.equal(Number(rb.spec.replicas), 6, "the autoscaler's 8, within the previous bounds (not the 2 it had)");
  });

  test('GetClusterInfo shows every setting, the version and the root CA', async () => {
    const info = await ctl.getClusterInfo({});
    assert.equal(Number(info.heartbeatPeriodMs), HEARTBEAT_MS);
    assert.equal(Number(info.nodeGraceMs), GRACE_MS);
    assert.equal(Number(info.taskHistoryLimit), 5);
    assert.ok(Number(info.nodeCertExpiryMs) > 0);
    assert.ok(Number(info.version) > 0);
    assert.ok(Number(info.rootCaExpiresAt) > Date.now() + 365 * 86_400_000, 'the root CA lives for years');
    assert.match(info.rootCaDigest as string, /^[0-9a-f]{64}$/);
  });

  test('UpdateCluster: bad values refused with their field and nothing changed; good ones merged', async () => {
    const record = (): string => JSON.stringify(m.store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)));
    const before = record();
    const cases: [string, clusterctl.control.IUpdateClusterRequest, string][] = [
      ['nothing', {}, ''],
      ['grace under 2 periods', { nodeGraceMs: HEARTBEAT_MS + 100 }, 'nodeGraceMs'],
      ['period raised past half the grace', { heartbeatPeriodMs: GRACE_MS }, 'heartbeatPeriodMs'],
      ['period too short', { heartbeatPeriodMs: 10 }, 'heartbeatPeriodMs'],
      ['grace over 1h', { nodeGraceMs: 3 * 3_600_000 }, 'nodeGraceMs'],
      ['history over 1000', { taskHistoryLimit: 5000 }, 'taskHistoryLimit'],
      ['cert expiry under 1h', { nodeCertExpiryMs: 60_000 }, 'nodeCertExpiryMs'],
    ];
    for (const [what, req, field] of cases) {
      const e = await failure(ctl.updateCluster(req));
      assert.equal(e.code, ErrorCode.InvalidArgument, `${what}: ${e.message}`);
      assert.notEqual(e.hint, '');
      if (field !== '') assert.equal(e.details.field, field, what);
      assert.equal(record(), before, `${what}: nothing changed`);
    }
    const v = Number((await ctl.getClusterInfo({})).version);
    assert.equal((await failure(ctl.updateCluster({ version: v - 1, taskHistoryLimit: 3 }))).code, ErrorCode.Conflict);
    const info = await ctl.updateCluster({ version: v, taskHistoryLimit: 3, nodeCertExpiryMs: 48 * 3_600_000 });
    assert.equal(Number(info.taskHistoryLimit), 3);
    assert.equal(Number(info.nodeCertExpiryMs), 48 * 3_600_000);
    assert.equal(Number(info.heartbeatPeriodMs), HEARTBEAT_MS, 'unchanged');
    assert.ok(Number(info.version) > v);
  });

  test('a live agent session gets the new heartbeat period at once, and the new grace decides when its node is marked down', async () => {
    const token = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    const w = await joinCluster({ managerAddr: m.advertiseAddr, token, hostname: 'w1' });
    const c = dispatcherClient(
      m.advertiseAddr,
      { caPem: w.caCertPem, certPem: w.certPem, keyPem: w.keyPem },
      m.clusterId,
    );
    const messages: clusterctl.dispatcher.SessionMessage[] = [];
    const sess = c.session({
      description: { hostname: 'w1' },
    }) as grpc.ClientReadableStream<clusterctl.dispatcher.SessionMessage>;
    sess.on('data', (msg: clusterctl.dispatcher.SessionMessage) => messages.push(msg));
    let sessErr: unknown;
    sess.on('error', (e) => (sessErr = e));
    const heartbeat = (sessionId: string): Promise<number> =>
      new Promise((resolve, reject) =>
        c.heartbeat(
          { sessionId },
          { deadline: Date.now() + 5_000 },
          (e: grpc.ServiceError | null, r: clusterctl.dispatcher.HeartbeatResponse) =>
            e ? reject(e) : resolve(Number(r.periodMs)),
        ),
      );
    const state = (): string | undefined => m.store.view((tx) => tx.get('nodes', w.nodeId))?.status.state;
    let timer: NodeJS.Timeout | undefined;
    try {
      const first = await waitFor(
        'the session',
        () => {
          if (sessErr !== undefined) throw sessErr;
          return messages.find((x) => x.sessionId !== '');
        },
        { timeoutMs: 15_000 },
      );
      assert.equal(Number(first.heartbeatPeriodMs), HEARTBEAT_MS);
      const sid = first.sessionId;
      // keep the session alive as an agent does
      let period = HEARTBEAT_MS;
      const beat = (): void => {
        timer = setTimeout(() => {
          heartbeat(sid).then(
            (p) => {
              period = p;
              beat();
            },
            () => undefined,
          );
        }, period);
      };
      beat();
      await waitFor('node ready', () => state() === 'ready', { timeoutMs: 15_000 });

      const NEW_PERIOD = 300;
      const NEW_GRACE = 2500;
      const seen = messages.length;
      await ctl.updateCluster({ heartbeatPeriodMs: NEW_PERIOD, nodeGraceMs: NEW_GRACE });
      const pushed = await waitFor(
        'the new period pushed to the session',
        () => messages.slice(seen).find((x) => Number(x.heartbeatPeriodMs) === NEW_PERIOD),
        { timeoutMs: 15_000 },
      );
      assert.equal(pushed.sessionId, sid, 'the same session: nothing restarted');
      await waitFor('heartbeats answered with the new period', () => period === NEW_PERIOD, { timeoutMs: 15_000 });

      // stop heartbeating (a hung agent: the stream stays open) right after a heartbeat
      clearTimeout(timer);
      const stats = hooks.dispatcher()!.stats;
      const widenedBefore = stats.nodeDeadlinesWidened;
      const lastBeat = Date.now();
      await heartbeat(sid);
      const downAfter = await waitFor(
        'node marked down',
        () => (state() === 'down' ? Date.now() - lastBeat : undefined),
        { timeoutMs: 30_000, intervalMs: 20 },
      );
      // A manager that stalled meanwhile (this process, on a loaded machine) waits five of the new
      // graces instead of one before marking a node with an open session down (and counts it):
      // either way the new grace decides.
      const within = (dueMs: number): boolean => downAfter >= dueMs - 50 && downAfter < dueMs + 2_000;
      const widenedMs = overloadGraceMs({ nodeGraceMs: NEW_GRACE });
      assert.ok(
        within(NEW_GRACE) || (stats.nodeDeadlinesWidened > widenedBefore && within(widenedMs)),
        `marked down ${downAfter} ms after its last heartbeat: due ${NEW_GRACE} ms (or ${widenedMs} ms if the manager waited longer)`,
      );
      assert.ok(downAfter > GRACE_MS * 2, `well past the old grace (${downAfter} ms)`);
      assert.match(m.store.view((tx) => tx.get('nodes', w.nodeId))!.status.message, new RegExp(`${NEW_GRACE}`));
    } finally {
      clearTimeout(timer);
      sess.cancel();
      c.close();
    }
  });
});

describe('mergeClusterSettings', () => {
  const cur = { heartbeatPeriodMs: 500, nodeGraceMs: 2000, taskHistoryLimit: 5, nodeCertExpiryMs: 4000 };
  test('zero fields keep their value; fields not asked for are not re-checked (a short test cert expiry stays)', () => {
    assert.deepEqual(mergeClusterSettings(cur, { nodeGraceMs: 5000 }), { ...cur, nodeGraceMs: 5000 });
    assert.deepEqual(mergeClusterSettings(cur, { heartbeatPeriodMs: 0, taskHistoryLimit: 10 }), {
      ...cur,
      taskHistoryLimit: 10,
    });
  });
  test('the grace rule holds on the merged settings', () => {
    assert.throws(() => mergeClusterSettings(cur, { heartbeatPeriodMs: 1500 }), /shorter than 2 heartbeat periods/);
    assert.deepEqual(mergeClusterSettings(cur, { heartbeatPeriodMs: 1500, nodeGraceMs: 3000 }), {
      ...cur,
      heartbeatPeriodMs: 1500,
      nodeGraceMs: 3000,
    });
    assert.throws(() => mergeClusterSettings(cur, { nodeGraceMs: 999 }), /shorter than 2 heartbeat periods/);
  });
});
