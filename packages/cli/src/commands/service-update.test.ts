// `service update` without a daemon: flag parsing, the new spec built from the current one, the
// read-modify-write retry on version conflicts (a fake client), and following a rollout.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode, versionConflictDetails } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { Ctx } from '../context.js';
import type { DaemonClient } from '../daemon-client.js';
import { splitArgs } from '../parse.js';
import { progressSnapshot, rolloutEnd } from './service-progress.js';
import {
  applyUpdate,
  parseUpdateFlags,
  replacesTasks,
  updateWithRetry,
  type ServiceUpdateOptions,
} from './service-update.js';

const current: clusterctl.cluster.IServiceSpec = {
  name: 'web',
  image: 'busybox:1.36',
  command: ['sleep', '600'],
  env: ['A=1', 'B=2'],
  labels: { team: 'blue', tier: 'front' },
  mode: 'replicated',
  replicas: 3,
  constraints: ['node.role==worker'],
  reservations: { nanoCpus: 0, memoryBytes: 0 },
  limits: { nanoCpus: 1e9, memoryBytes: 64 << 20 },
  ports: [
    { published: 8080, target: 80, protocol: 'tcp' },
    { published: 0, target: 9000, protocol: 'tcp' },
  ],
  restartPolicy: { condition: 'any', delayMs: 100, maxAttempts: 0, windowMs: 0 },
};

const update = (o: ServiceUpdateOptions): { spec: clusterctl.cluster.IServiceSpec; changed: string[] } =>
  applyUpdate(current, parseUpdateFlags(o));

function usage(fn: () => unknown, re: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ClusterError, String(e));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    assert.match(e.message, re);
    assert.notEqual(e.hint, '');
    return true;
  });
}

describe('service update flags', () => {
  test('every bad value is a usage error naming its flag', () => {
    const cases: [ServiceUpdateOptions, RegExp][] = [
      [{ image: 'UPPER CASE!' }, /--image/],
      [{ image: '' }, /--image/],
      [{ envAdd: ['NOVALUE'] }, /--env/],
      [{ envRm: ['A=1'] }, /--env-rm/],
      [{ envAdd: ['A=2'], envRm: ['A'] }, /--env-add and --env-rm/],
      [{ labelAdd: ['=x'] }, /--label-add/],
      [{ labelAdd: ['com.clusterctl.node.id=x'] }, /reserved/],
      [{ labelRm: ['a b'] }, /--label-rm/],
      [{ labelAdd: ['x=1'], labelRm: ['x'] }, /--label-add and --label-rm/],
      [{ constraintAdd: ['node.colour==red'] }, /--constraint-add/],
      [{ constraintRm: ['node.role'] }, /--constraint-rm/],
      [{ publishAdd: ['80:99999'] }, /--publish-add/],
      [{ publishAdd: ['80:80', '80:81'] }, /twice/],
      [{ publishRm: ['x'] }, /--publish-rm/],
      [{ replicas: '-1' }, /--replicas/],
      [{ replicas: '100000' }, /--replicas/],
      [{ limitCpu: 'lots' }, /--limit-cpu/],
      [{ reserveMemory: '12q' }, /--reserve-memory/],
      [{ limitMemory: '1m' }, /6 MiB/],
      [{ restartCondition: 'always' }, /--restart-condition/],
      [{ restartMaxAttempts: 'x' }, /--restart-max-attempts/],
      [{ args: 'sh -c "unterminated' }, /--args/],
      [{ updateParallelism: 'two' }, /--update-parallelism/],
      [{ updateDelay: '5' }, /--update-delay/],
      [{ updateDelay: '2h' }, /--update-delay/],
      [{ updateOrder: 'random' }, /--update-order/],
    ];
    for (const [o, re] of cases) usage(() => parseUpdateFlags(o), re);
  });

  test('--args splits like a shell; "" clears the command', () => {
    assert.deepEqual(splitArgs('--args', `sh -c 'echo a; sleep 1' "x y" z\\ w`), [
      'sh',
      '-c',
      'echo a; sleep 1',
      'x y',
      'z w',
    ]);
    assert.deepEqual(splitArgs('--args', ''), []);
    assert.deepEqual(splitArgs('--args', `''`), ['']);
    assert.deepEqual(update({ args: '' }).spec.command, []);
    assert.deepEqual(update({ args: 'sleep 5' }).spec.command, ['sleep', '5']);
  });
});

describe('the new spec', () => {
  test('env: add replaces in place or appends, rm removes; only the changed fields are named', () => {
    const r = update({ envAdd: ['B=3', 'C=4'], envRm: ['A'] });
    assert.deepEqual(r.spec.env, ['B=3', 'C=4']);
    assert.deepEqual(r.changed, ['env']);
    assert.deepEqual(r.spec.ports, current.ports, 'the rest is kept');
    assert.deepEqual(r.spec.restartPolicy, current.restartPolicy);
  });

  test('labels keep their stored order (the spec compares equal when nothing else changes)', () => {
    const r = update({ labelAdd: ['team=red', 'new=1'], labelRm: ['tier'] });
    assert.deepEqual(Object.entries(r.spec.labels!), [
      ['team', 'red'],
      ['new', '1'],
    ]);
    assert.deepEqual(update({ replicas: '3', force: true }).changed, [], 'same replicas: no field changed');
  });

  test('constraints, ports, resources, restart policy, image, replicas', () => {
    const r = update({
      image: 'busybox:1.37',
      constraintAdd: ['node.labels.zone==a'],
      constraintRm: ['node.role==worker'],
      publishAdd: ['8080:81', '53:53/udp'],
      publishRm: ['9000'],
      replicas: '5',
      limitCpu: '0',
      reserveMemory: '32m',
      restartCondition: 'on-failure',
      restartMaxAttempts: '3',
    });
    assert.equal(r.spec.image, 'busybox:1.37');
    assert.deepEqual(r.spec.constraints, ['node.labels.zone==a']);
    assert.deepEqual(r.spec.ports, [
      { published: 8080, target: 81, protocol: 'tcp' },
      { published: 53, target: 53, protocol: 'udp' },
    ]);
    assert.equal(r.spec.replicas, 5);
    assert.equal(r.spec.limits!.nanoCpus, 0, '0 removes the CPU limit');
    assert.equal(r.spec.reservations!.memoryBytes, 32 << 20);
    assert.deepEqual(r.spec.restartPolicy, { condition: 'on-failure', delayMs: 100, maxAttempts: 3, windowMs: 0 });
    assert.deepEqual(r.changed.sort(), [
      'constraints',
      'image',
      'limits',
      'ports',
      'replicas',
      'reservations',
      'restartPolicy',
    ]);
    assert.deepEqual(update({ publishRm: ['8080:80'] }).spec.ports, [{ published: 0, target: 9000, protocol: 'tcp' }]);
  });

  test('removing what is absent is NOT_FOUND; a reservation over the limit and replicas of a global service are refused', () => {
    for (const o of [
      { envRm: ['NOPE'] },
      { labelRm: ['nope'] },
      { constraintRm: ['node.role==manager'] },
      { publishRm: ['1234'] },
      { publishRm: ['8080:81'] },
    ] as ServiceUpdateOptions[]) {
      assert.throws(
        () => update(o),
        (e: unknown) =>
          e instanceof ClusterError && e.code === ErrorCode.NotFound && /has no/.test(e.message) && e.hint !== '',
      );
    }
    usage(() => update({ reserveMemory: '128m' }), /memory reservation/);
    usage(() => update({ reserveCpu: '2' }), /CPU reservation/);
    assert.equal(update({ reserveMemory: '128m', limitMemory: '0' }).spec.limits!.memoryBytes, 0);
    assert.throws(
      () => applyUpdate({ ...current, mode: 'global', replicas: 0 }, parseUpdateFlags({ replicas: '2' })),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition,
    );
  });
});

describe('update config', () => {
  test('--update-* and --rollback-* flags merge into the current policies; alone they replace no task', () => {
    const withPolicy = {
      ...current,
      updateConfig: { parallelism: 1, delayMs: 3000, order: 'start-first', failureAction: 'rollback', monitorMs: 1000 },
    };
    const r = applyUpdate(withPolicy, parseUpdateFlags({ updateParallelism: '2', updateDelay: '0' }));
    assert.deepEqual(r.spec.updateConfig, {
      parallelism: 2,
      delayMs: 0,
      order: 'start-first',
      failureAction: 'rollback',
      monitorMs: 1000,
      maxFailureRatio: 0,
    });
    assert.deepEqual(r.changed, ['updateConfig']);
    assert.equal(replacesTasks(r.changed), false);
    assert.equal(replacesTasks(['replicas']), false);
    assert.equal(replacesTasks(['rollbackConfig']), false);
    assert.equal(replacesTasks(['replicas', 'env']), true);
    assert.equal(
      applyUpdate(current, parseUpdateFlags({ updateOrder: 'stop-first' })).changed.length,
      0,
      'the default already',
    );
    const rb = applyUpdate(
      current,
      parseUpdateFlags({ rollbackFailureAction: 'continue', rollbackMonitor: '2s', rollbackMaxFailureRatio: '0.25' }),
    );
    assert.deepEqual(rb.changed, ['rollbackConfig']);
    assert.deepEqual(rb.spec.rollbackConfig, {
      parallelism: 1,
      delayMs: 0,
      order: 'stop-first',
      failureAction: 'continue',
      monitorMs: 2000,
      maxFailureRatio: 0.25,
    });
    assert.equal(
      applyUpdate(current, parseUpdateFlags({ envAdd: ['A=5'] })).spec.updateConfig,
      undefined,
      'not sent unless asked for (or read)',
    );
    for (const [o, re] of [
      [{ updateFailureAction: 'retry' }, /--update-failure-action/],
      [{ rollbackFailureAction: 'rollback' }, /--rollback-failure-action/],
      [{ updateMaxFailureRatio: '1.5' }, /--update-max-failure-ratio/],
      [{ updateMaxFailureRatio: '-0.1' }, /--update-max-failure-ratio/],
      [{ rollbackMonitor: '2h' }, /--rollback-monitor/],
      [{ rollbackParallelism: 'x' }, /--rollback-parallelism/],
      [{ rollback: true, image: 'x:1' }, /--rollback .*no other change/],
    ] as [ServiceUpdateOptions, RegExp][])
      usage(() => parseUpdateFlags(o), re);
    assert.equal(parseUpdateFlags({}).resume, true, 'no change: resume a paused update');
    assert.equal(parseUpdateFlags({ rollback: true }).rollback, true);
    assert.equal(parseUpdateFlags({ rollback: true }).resume, false);
    assert.equal(parseUpdateFlags({ updateDelay: '10s' }).update.delayMs, 10_000);
  });
});

/** A Ctx whose client answers getService/updateService from a fake store with versions. */
function fakeCtx(conflicts: number): { ctx: Ctx; calls: string[]; sent: clusterctl.control.IUpdateServiceRequest[] } {
  let version = 10;
  let spec = { ...current };
  let toConflict = conflicts;
  const calls: string[] = [];
  const sent: clusterctl.control.IUpdateServiceRequest[] = [];
  const client = {
    control: async (method: string, req: clusterctl.control.IUpdateServiceRequest): Promise<unknown> => {
      calls.push(method);
      if (method === 'getService') return { id: 'svc1', meta: { version }, spec };
      if (method === 'updateService') {
        sent.push(req);
        if (toConflict > 0) {
          toConflict--;
          version++; // someone else wrote meanwhile
          throw new ClusterError(
            ErrorCode.Conflict,
            `service web changed since version ${String(req.version)} (now ${version})`,
            { hint: 'retry', details: versionConflictDetails(version) },
          );
        }
        assert.equal(req.version, version);
        version++;
        spec = req.spec!;
        return { id: 'svc1', meta: { version }, spec };
      }
      throw new Error(`unexpected ${method}`);
    },
  };
  const ctx = new (class extends Ctx {
    override client(): DaemonClient {
      return client as unknown as DaemonClient;
    }
  })('/nonexistent', 'table', false, { stdout: () => undefined, stderr: () => undefined });
  return { ctx, calls, sent };
}

describe('read-modify-write', () => {
  test('a version conflict is read again and retried with the new version', async () => {
    const { ctx, calls, sent } = fakeCtx(2);
    const r = await updateWithRetry(ctx, 'web', parseUpdateFlags({ envAdd: ['A=9'] }));
    assert.deepEqual(calls, [
      'getService',
      'updateService',
      'getService',
      'updateService',
      'getService',
      'updateService',
    ]);
    assert.deepEqual(
      sent.map((s) => s.version),
      [10, 11, 12],
    );
    assert.deepEqual(r.service.spec.env, ['A=9', 'B=2']);
    assert.deepEqual(r.changed, ['env']);
  });

  test('another CONFLICT (a published port taken) is not retried', async () => {
    const { ctx, calls } = fakeCtx(0);
    const client = ctx.client() as unknown as { control: (m: string, r: unknown) => Promise<unknown> };
    const orig = client.control;
    client.control = async (m, r) => {
      if (m === 'updateService') {
        calls.push(m);
        throw new ClusterError(ErrorCode.Conflict, 'published port 80/tcp is already used by service other', {
          hint: 'publish another port',
        });
      }
      return orig(m, r);
    };
    await assert.rejects(updateWithRetry(ctx, 'web', parseUpdateFlags({ publishAdd: ['80:80'] })), /already used/);
    assert.deepEqual(calls, ['getService', 'updateService']);
  });

  test('after the last attempt: CONFLICT with a hint', async () => {
    const { ctx, sent } = fakeCtx(100);
    await assert.rejects(
      updateWithRetry(ctx, 'web', parseUpdateFlags({ envAdd: ['A=9'] }), 3),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === ErrorCode.Conflict &&
        /kept changing/.test(e.message) &&
        /again/.test(e.hint),
    );
    assert.equal(sent.length, 3);
  });

  test('a spec that already is so: FAILED_PRECONDITION without a write; --force writes anyway', async () => {
    const { ctx, sent } = fakeCtx(0);
    await assert.rejects(
      updateWithRetry(ctx, 'web', parseUpdateFlags({ envAdd: ['A=1'] })),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition && /--force/.test(e.hint),
    );
    assert.equal(sent.length, 0);
    const r = await updateWithRetry(ctx, 'web', parseUpdateFlags({ force: true }));
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.force, true);
    assert.deepEqual(r.changed, ['force']);
  });
});

describe('following a rollout', () => {
  const task = (
    id: string,
    slot: number,
    serviceVersion: number,
    state = 'running',
    createdAt = 1,
  ): clusterctl.cluster.ITask => ({
    id,
    slot,
    serviceVersion,
    desiredState: 'running',
    status: { state },
    meta: { version: 1, createdAt, updatedAt: createdAt },
  });
  const summary = (running: number): clusterctl.control.IServiceSummary => ({
    service: { id: 's', spec: { name: 'web', mode: 'replicated', replicas: 2 } },
    running,
    desired: 2,
  });

  test('not converged while a slot runs a task of an older version', () => {
    const old = progressSnapshot(summary(2), [task('a', 1, 5), task('b', 2, 5)], new Map(), 7);
    assert.equal(old.outdated, 2);
    assert.equal(old.converged, false);
    const half = progressSnapshot(summary(2), [task('a', 1, 5), task('c', 2, 7, 'running', 2)], new Map(), 7);
    assert.equal(half.outdated, 1);
    assert.equal(half.converged, false);
    const done = progressSnapshot(
      summary(2),
      [task('d', 1, 8, 'running', 3), task('c', 2, 7, 'running', 2)],
      new Map(),
      7,
    );
    assert.equal(done.outdated, 0);
    assert.equal(done.converged, true);
    assert.equal(
      progressSnapshot(summary(2), [task('a', 1, 5), task('b', 2, 5)], new Map()).converged,
      true,
      'without a version: as before',
    );
  });
});

describe('networking flags', () => {
  const nets = new Map([
    ['n-default', 'n-default'],
    ['default', 'n-default'],
    ['n-back', 'n-back'],
    ['back', 'n-back'],
  ]);
  const withNet = { ...current, networks: ['n-default'], endpointMode: 'vip' };

  test('--network-add/--network-rm by name or id; the spec keeps ids; removing one not joined is NOT_FOUND', () => {
    const r = applyUpdate(withNet, parseUpdateFlags({ networkAdd: ['back'], networkRm: ['default'] }), nets);
    assert.deepEqual(r.spec.networks, ['n-back']);
    assert.deepEqual(r.changed, ['networks']);
    assert.deepEqual(
      applyUpdate(withNet, parseUpdateFlags({ networkAdd: ['n-default'] }), nets).changed,
      [],
      'joining a network it is on changes nothing',
    );
    assert.throws(
      () => applyUpdate(withNet, parseUpdateFlags({ networkRm: ['back'] }), nets),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotFound && /--network-rm/.test(e.hint),
    );
  });

  test('--endpoint-mode and the publish mode are kept unless changed; bad values name their flag', () => {
    const hostPort = {
      ...withNet,
      ports: [{ published: 8080, target: 80, protocol: 'tcp', mode: 'host' }],
    };
    const r = applyUpdate(hostPort, parseUpdateFlags({ envAdd: ['X=1'] }));
    assert.deepEqual(r.spec.ports, hostPort.ports, 'a host-mode port stays host mode');
    assert.equal(r.spec.endpointMode, 'vip');
    const rr = applyUpdate(hostPort, parseUpdateFlags({ endpointMode: 'dnsrr' }));
    assert.equal(rr.spec.endpointMode, 'dnsrr');
    assert.deepEqual(rr.changed, ['endpointMode']);
    assert.deepEqual(
      applyUpdate(hostPort, parseUpdateFlags({ publishAdd: ['published=9090,target=90,mode=host'] })).spec.ports,
      [...hostPort.ports, { published: 9090, target: 90, protocol: 'tcp', mode: 'host' }],
    );
    usage(() => parseUpdateFlags({ endpointMode: 'rr' }), /--endpoint-mode/);
    usage(() => parseUpdateFlags({ networkAdd: ['bad name'] }), /--network-add/);
    usage(() => parseUpdateFlags({ networkAdd: ['x'], networkRm: ['x'] }), /--network-add and --network-rm/);
    usage(() => parseUpdateFlags({ publishAdd: ['published=80,target=80,mode=mesh'] }), /--publish-add: invalid mode/);
  });
});

describe('following a rollout by its update status', () => {
  test('completed ends it; a pause or a rollback of the update is an error naming the task, with what to do', () => {
    assert.equal(rolloutEnd('update', { state: 'updating', message: 'update in progress' }, 'web'), undefined);
    assert.equal(
      rolloutEnd('update', { state: 'rollback_started', message: 'update rolled back: x' }, 'web'),
      undefined,
    );
    assert.equal(rolloutEnd('update', { state: 'completed', message: 'update completed' }, 'web'), 'completed');
    assert.equal(
      rolloutEnd('rollback', { state: 'rollback_completed', message: 'rollback completed' }, 'web'),
      'completed',
    );
    const paused = rolloutEnd(
      'update',
      { state: 'paused', message: 'update paused: task t1 (slot 1) rejected: No such image: nope:1' },
      'web',
    );
    assert.ok(paused instanceof ClusterError);
    assert.equal(paused.code, ErrorCode.FailedPrecondition);
    assert.match(paused.message, /^update of service web paused: update paused: task t1 \(slot 1\) rejected/);
    assert.match(paused.hint ?? '', /clusterctl service update web.*clusterctl service rollback web/);
    const rolled = rolloutEnd('update', { state: 'rollback_completed', message: 'rollback completed (...)' }, 'web');
    assert.ok(rolled instanceof ClusterError);
    assert.match(rolled.message, /failed and was rolled back/);
    const rbPaused = rolloutEnd('rollback', { state: 'rollback_paused', message: 'rollback paused: task t2' }, 'web');
    assert.ok(rbPaused instanceof ClusterError);
    assert.match(rbPaused.message, /^rollback of service web paused/);
  });
});
