// The agent's own health probes: Docker's rules on a fake clock (no sleeps), and the HTTP and TCP
// probes against loopback servers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { FakeClock } from '@clusterctl/common/testing';
import { HealthProber, httpProbe, tcpProbe, type ProbeOutcome } from './health-probe.js';
import type { TaskHealth } from './task-model.js';

/** A prober whose probe answers from `script` (one outcome per probe; 'hang' never answers). */
function setup(opts: { retries?: number; startPeriodMs?: number; initial?: TaskHealth; timeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const script: Array<ProbeOutcome | 'hang'> = [];
  const changes: Array<[TaskHealth, string]> = [];
  let probes = 0;
  let aborted = 0;
  const prober = new HealthProber({
    intervalMs: 1000,
    timeoutMs: opts.timeoutMs ?? 500,
    retries: opts.retries ?? 3,
    startPeriodMs: opts.startPeriodMs ?? 0,
    startedAt: clock.now(),
    ...(opts.initial ? { initial: opts.initial } : {}),
    clock,
    probe: (signal) => {
      probes++;
      const next = script.shift() ?? { ok: true, output: '' };
      if (next === 'hang')
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            aborted++;
            reject(new Error('aborted'));
          }),
        );
      return Promise.resolve(next);
    },
    onChange: (h, m) => changes.push([h, m]),
  });
  /** Moves the clock one interval and lets the probe's promise settle. */
  const tick = async (ms = 1000): Promise<void> => {
    clock.advance(ms);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  return { clock, prober, script, changes, tick, probes: () => probes, aborted: () => aborted };
}

const fail = (output: string): ProbeOutcome => ({ ok: false, output });

describe('HealthProber (Docker semantics)', () => {
  test('starting until the first success, which makes the task healthy; the first probe is one interval after the start', async () => {
    const t = setup();
    t.prober.start();
    await t.tick(999);
    assert.equal(t.probes(), 0, 'nothing before one interval');
    assert.equal(t.prober.state, 'starting');
    await t.tick(1);
    assert.equal(t.probes(), 1);
    assert.deepEqual(t.changes, [['healthy', '']]);
    t.prober.stop();
  });

  test('retries failures in a row make it unhealthy, with the last output; then probing stops', async () => {
    const t = setup({ retries: 3 });
    t.script.push({ ok: true, output: '' }, fail('HTTP 500'), fail('HTTP 502'), fail('HTTP 503'));
    t.prober.start();
    await t.tick();
    await t.tick();
    assert.deepEqual(t.changes, [
      ['healthy', ''],
      ['healthy', 'HTTP 500'],
    ]);
    await t.tick();
    assert.equal(t.prober.state, 'healthy', 'two failures of three: still healthy');
    await t.tick();
    assert.equal(t.prober.state, 'unhealthy');
    assert.deepEqual(t.changes.at(-1), ['unhealthy', 'HTTP 503']);
    const probes = t.probes();
    await t.tick(10_000);
    assert.equal(t.probes(), probes, 'no probe after unhealthy');
    assert.equal(t.clock.pending, 0);
  });

  test('a success resets the count', async () => {
    const t = setup({ retries: 2 });
    t.script.push(fail('a'), { ok: true, output: '' }, fail('b'), { ok: true, output: '' }, fail('c'));
    t.prober.start();
    for (let i = 0; i < 5; i++) await t.tick();
    assert.notEqual(t.prober.state, 'unhealthy');
    assert.deepEqual(
      t.changes.map(([h]) => h),
      ['starting', 'healthy', 'healthy', 'healthy', 'healthy'],
    );
    t.prober.stop();
  });

  test('failures within the start period do not count until the first success', async () => {
    const t = setup({ retries: 1, startPeriodMs: 3500 });
    t.script.push(fail('booting'), fail('booting'), fail('booting'), fail('down'));
    t.prober.start();
    await t.tick();
    await t.tick();
    await t.tick();
    assert.equal(t.prober.state, 'starting', 'three failures within the start period');
    assert.deepEqual(t.changes, [['starting', 'booting']]);
    await t.tick();
    assert.equal(t.prober.state, 'unhealthy', 'past the start period one failure is enough (retries 1)');

    const u = setup({ retries: 1, startPeriodMs: 10_000 });
    u.script.push({ ok: true, output: '' }, fail('down'));
    u.prober.start();
    await u.tick();
    await u.tick();
    assert.equal(u.prober.state, 'unhealthy', 'once healthy, failures count even within the start period');
  });

  test('a probe that takes longer than the timeout fails (and is aborted)', async () => {
    const t = setup({ retries: 1, timeoutMs: 300 });
    t.script.push('hang');
    t.prober.start();
    await t.tick(1000);
    assert.equal(t.prober.state, 'starting');
    await t.tick(300);
    assert.equal(t.aborted(), 1);
    assert.deepEqual(t.changes, [['unhealthy', 'health check timed out after 300 ms']]);
  });

  test('an adopted task reported healthy starts healthy; stop() ends the timers', async () => {
    const t = setup({ initial: 'healthy', retries: 2 });
    t.script.push(fail('x'));
    t.prober.start();
    await t.tick();
    assert.equal(t.prober.state, 'healthy');
    t.prober.stop();
    assert.equal(t.clock.pending, 0);
    await t.tick(5000);
    assert.equal(t.probes(), 1);
  });
});

describe('HTTP and TCP probes', () => {
  const listen = (srv: Server | ReturnType<typeof createTcpServer>): Promise<number> =>
    new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve((srv.address() as AddressInfo).port)));

  test('HTTP: 2xx/3xx healthy, other codes and refused connections fail with what happened', async () => {
    const srv = createHttpServer((req, res) => {
      res.statusCode = req.url === '/ok' ? 204 : req.url === '/moved' ? 302 : 503;
      res.end('body');
    });
    const port = await listen(srv);
    try {
      const at = () => Promise.resolve({ host: '127.0.0.1', port });
      const signal = new AbortController().signal;
      assert.deepEqual(await httpProbe(at, '/ok')(signal), { ok: true, output: '' });
      assert.deepEqual(await httpProbe(at, '/moved')(signal), { ok: true, output: '' });
      const bad = await httpProbe(at, '/down')(signal);
      assert.equal(bad.ok, false);
      assert.match(bad.output, new RegExp(`GET http://127.0.0.1:${port}/down: HTTP 503 Service Unavailable`));
    } finally {
      srv.close();
    }
    const refused = await httpProbe(
      () => Promise.resolve({ host: '127.0.0.1', port }),
      '/',
    )(new AbortController().signal);
    assert.equal(refused.ok, false);
    assert.match(refused.output, /ECONNREFUSED/);
  });

  test('TCP: an accepted connection is healthy, a refused one fails', async () => {
    const srv = createTcpServer((s) => s.end());
    const port = await listen(srv);
    const at = () => Promise.resolve({ host: '127.0.0.1', port });
    try {
      assert.deepEqual(await tcpProbe(at)(new AbortController().signal), { ok: true, output: '' });
    } finally {
      await new Promise((r) => srv.close(r));
    }
    const refused = await tcpProbe(at)(new AbortController().signal);
    assert.equal(refused.ok, false);
    assert.match(refused.output, /connect 127.0.0.1:\d+: .*ECONNREFUSED/);
  });
});
