// The health check and stop flags of `service create` and `service update`, without a daemon.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { buildServiceSpec } from './service-spec.js';
import { applyUpdate, parseUpdateFlags, plainSpec, replacesTasks } from './service-update.js';
import { progressSnapshot } from './service-progress.js';
import { taskRows } from './tasks-table.js';

function usage(fn: () => unknown, re: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ClusterError, String(e));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    assert.match(e.message, re);
    assert.notEqual(e.hint, '');
    return true;
  });
}

const create = (o: Parameters<typeof buildServiceSpec>[2]) => buildServiceSpec('busybox', [], { name: 'web', ...o });

describe('service create: health and stop flags', () => {
  test('no flag: no health check, no stop settings in the spec (the image decides)', () => {
    const s = create({});
    assert.equal(s.healthcheck, undefined);
    assert.equal(s.hasStopGracePeriod, undefined);
    assert.equal(s.stopSignal, undefined);
  });

  test('--health-cmd is a CMD-SHELL test with the timings given', () => {
    const s = create({
      healthCmd: 'test -f /ok',
      healthInterval: '1s',
      healthTimeout: '500ms',
      healthRetries: '2',
      healthStartPeriod: '10s',
    });
    assert.deepEqual(s.healthcheck, {
      test: ['CMD-SHELL', 'test -f /ok'],
      httpPort: 0,
      httpPath: '',
      tcpPort: 0,
      intervalMs: 1000,
      timeoutMs: 500,
      retries: 2,
      startPeriodMs: 10_000,
    });
  });

  test('--health-http PORT[/PATH] and --health-tcp PORT are agent probes; --no-healthcheck is NONE', () => {
    assert.equal(create({ healthHttp: '80/healthz?full=1' }).healthcheck?.httpPath, '/healthz?full=1');
    assert.equal(create({ healthHttp: '8080' }).healthcheck?.httpPath, '/');
    assert.equal(create({ healthHttp: '8080' }).healthcheck?.httpPort, 8080);
    assert.equal(create({ healthTcp: '6379' }).healthcheck?.tcpPort, 6379);
    assert.deepEqual(create({ healthcheck: false }).healthcheck?.test, ['NONE']);
  });

  test('--stop-grace-period (0s allowed) and --stop-signal', () => {
    const s = create({ stopGracePeriod: '0s', stopSignal: 'sigint' });
    assert.equal(s.stopGracePeriodMs, 0);
    assert.equal(s.hasStopGracePeriod, true);
    assert.equal(s.stopSignal, 'SIGINT');
  });

  test('bad values are usage errors naming the flag', () => {
    const cases: [Parameters<typeof create>[0], RegExp][] = [
      [{ healthCmd: ' ' }, /--health-cmd/],
      [{ healthCmd: 'true', healthTcp: '80' }, /--health-cmd and --health-tcp/],
      [{ healthHttp: '80', healthcheck: false }, /--health-http and --no-healthcheck/],
      [{ healthcheck: false, healthInterval: '1s' }, /--no-healthcheck/],
      [{ healthHttp: 'x/healthz' }, /--health-http/],
      [{ healthHttp: '0/' }, /--health-http/],
      [{ healthHttp: '80/a b' }, /--health-http/],
      [{ healthTcp: '65536' }, /--health-tcp/],
      [{ healthInterval: '50ms' }, /--health-interval/],
      [{ healthInterval: '2h' }, /--health-interval/],
      [{ healthTimeout: '1ms' }, /--health-timeout/],
      [{ healthRetries: '0' }, /--health-retries/],
      [{ healthRetries: '101' }, /--health-retries/],
      [{ healthStartPeriod: 'soon' }, /--health-start-period/],
      [{ stopGracePeriod: '2h' }, /--stop-grace-period/],
      [{ stopSignal: 'SIG TERM' }, /--stop-signal/],
    ];
    for (const [o, re] of cases) usage(() => create(o), re);
  });
});

describe('service update: health and stop flags', () => {
  const current: clusterctl.cluster.IServiceSpec = {
    ...create({ healthCmd: 'test -f /ok', healthInterval: '1s', stopGracePeriod: '30s' }),
  };

  test('the current health check and stop settings survive an unrelated update', () => {
    const { spec, changed } = applyUpdate(current, parseUpdateFlags({ envAdd: ['A=1'] }));
    assert.deepEqual(changed, ['env']);
    assert.deepEqual(spec.healthcheck, current.healthcheck);
    assert.equal(spec.stopGracePeriodMs, 30_000);
    assert.equal(spec.hasStopGracePeriod, true);
    assert.deepEqual(plainSpec(spec).healthcheck, current.healthcheck);
  });

  test('a timing changes alone; a new test replaces the old one; each replaces the tasks', () => {
    const t = applyUpdate(current, parseUpdateFlags({ healthRetries: '5' }));
    assert.deepEqual(t.changed, ['healthcheck']);
    assert.equal(t.spec.healthcheck?.retries, 5);
    assert.deepEqual(t.spec.healthcheck?.test, ['CMD-SHELL', 'test -f /ok']);
    assert.equal(t.spec.healthcheck?.intervalMs, 1000);
    assert.ok(replacesTasks(t.changed));
    const http = applyUpdate(current, parseUpdateFlags({ healthHttp: '80/' }));
    assert.deepEqual(http.spec.healthcheck?.test, []);
    assert.equal(http.spec.healthcheck?.httpPort, 80);
    assert.equal(http.spec.healthcheck?.intervalMs, 1000);
    const off = applyUpdate(current, parseUpdateFlags({ healthcheck: false }));
    assert.deepEqual(off.spec.healthcheck, { ...current.healthcheck, test: ['NONE'], intervalMs: 0 });
    usage(() => applyUpdate(off.spec, parseUpdateFlags({ healthInterval: '2s' })), /disabled/);
    const stop = applyUpdate(current, parseUpdateFlags({ stopGracePeriod: '1s', stopSignal: 'QUIT' }));
    assert.deepEqual(stop.changed, ['stopGracePeriodMs', 'stopSignal']);
  });

  test('the health flags alone are a change to make', () => {
    assert.doesNotThrow(() => parseUpdateFlags({ healthTcp: '80' }));
    assert.doesNotThrow(() => parseUpdateFlags({ stopSignal: 'INT' }));
  });
});

describe('health in service ps and the progress of create/update', () => {
  const spec = create({ healthCmd: 'true' });
  const task = (id: string, slot: number, health: string, healthMessage = ''): clusterctl.cluster.ITask => ({
    id,
    serviceId: 's',
    slot,
    nodeId: 'n1',
    desiredState: 'running',
    status: { state: 'running', timestamp: 5_000, health, healthMessage },
    spec,
    meta: { createdAt: slot, version: 1 },
    serviceVersion: 1,
  });

  test('service ps: "Running ... (healthy)", the failing probe output as the error', () => {
    const { rows } = taskRows(
      [task('t1', 1, 'healthy'), task('t2', 2, 'starting', 'wget: server returned error: HTTP/1.1 500')],
      [{ service: { id: 's', spec } }],
      [{ id: 'n1', hostname: 'h1' }],
      10_000,
      true,
    );
    assert.equal(rows[0]![5], 'Running 5 seconds ago (healthy)');
    assert.equal(rows[0]![6], '');
    assert.equal(rows[1]![5], 'Running 5 seconds ago (starting)');
    assert.equal(rows[1]![6], 'wget: server returned error: HTTP/1.1 500');
  });

  test('a task that is starting is not yet one of the running tasks', () => {
    const snap = progressSnapshot(
      { service: { id: 's', spec: { ...spec, replicas: 2 } }, running: 1, desired: 2 },
      [task('t1', 1, 'healthy'), task('t2', 2, 'starting')],
      new Map(),
    );
    assert.equal(snap.converged, false);
    assert.deepEqual(
      snap.slots.map((s) => [s.state, s.up]),
      [
        ['running (healthy)', true],
        ['running (starting)', false],
      ],
    );
  });
});
