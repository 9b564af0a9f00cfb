// Health of the tasks a node runs (FakeExecutor, fake clock for the agent's probes): reported with
// the running status, unhealthy tasks stopped and failed with the probe's output, the spec's stop
// grace used.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@clusterctl/common';
import { FakeClock, waitFor } from '@clusterctl/common/testing';
import type { ContainerSpec, HealthCheckSpec } from '../executor/index.js';
import { FakeExecutor } from '../testing/fake-executor.js';
import type { AgentTask, AgentTaskStatus } from './task-model.js';
import { Worker } from './worker.js';

const IMAGE = 'clusterctl/busybox:local';
const CHECKED_IMAGE = 'app/with-healthcheck:1';
const check: HealthCheckSpec = { test: [], intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 };

function task(id: string, spec: Partial<ContainerSpec> = {}, over: Partial<AgentTask> = {}): AgentTask {
  return {
    id,
    serviceId: 'svc1',
    serviceName: 'web',
    slot: 1,
    nodeId: 'node-a',
    desiredState: 'running',
    spec: { image: IMAGE, ...spec },
    managerState: 'assigned',
    ...over,
  };
}

let dir: string;
let fake: FakeExecutor;
let clock: FakeClock;
let reports: Array<{ taskId: string; status: AgentTaskStatus }>;
const workers: Worker[] = [];

function newWorker(): Worker {
  const w = new Worker({
    executor: fake,
    clusterId: 'c1',
    nodeId: 'node-a',
    dir,
    log: silentLogger(),
    stopGraceMs: 1500,
    retryDelayMs: 20,
    clock,
    onStatus: (taskId, status) => reports.push({ taskId, status }),
  });
  workers.push(w);
  return w;
}

const last = (taskId: string): AgentTaskStatus | undefined => reports.filter((r) => r.taskId === taskId).at(-1)?.status;
const seen = (taskId: string): string[] =>
  reports
    .filter((r) => r.taskId === taskId)
    .map((r) => `${r.status.state}${r.status.health ? `/${r.status.health}` : ''}`);

async function until(what: string, probe: () => boolean): Promise<void> {
  await waitFor(what, () => probe() || undefined, { intervalMs: 5, timeoutMs: 5000 });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-health-'));
  fake = new FakeExecutor({ images: [IMAGE, CHECKED_IMAGE], healthcheckImages: [CHECKED_IMAGE] });
  clock = new FakeClock();
  reports = [];
});

afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('engine health checks (a command, or the image HEALTHCHECK)', () => {
  test('running is reported starting; healthy follows the engine; unhealthy fails the task with the output and stops it with the spec grace', async () => {
    const w = newWorker();
    await w.start();
    const spec = { healthcheck: { ...check, test: ['CMD-SHELL', 'test -f /ok'] }, stopGracePeriodMs: 2500 };
    await w.apply({ complete: true, update: [task('t1', spec)], remove: [] });
    await w.settle();
    assert.deepEqual(seen('t1').slice(-1), ['running/starting']);
    const id = w.containerOf('t1')!;

    fake.setHealth(id, 'healthy');
    await until('healthy reported', () => last('t1')?.health === 'healthy');
    assert.equal(last('t1')?.state, 'running');

    fake.setHealth(id, 'unhealthy', 'cat: /ok: No such file or directory');
    await until('failed reported', () => last('t1')?.state === 'failed');
    await w.settle();
    const st = last('t1')!;
    assert.equal(st.err, 'unhealthy: cat: /ok: No such file or directory');
    assert.equal(st.health, 'unhealthy');
    assert.equal(st.healthMessage, 'cat: /ok: No such file or directory');
    assert.deepEqual(
      fake.stops.map((s) => [s.id, s.graceMs]),
      [[id, 2500]],
      "stopped once, with the spec's grace",
    );
    assert.equal((await fake.inspect(id)).running, false);
    assert.deepEqual(seen('t1').slice(-3), ['running/healthy', 'running/unhealthy', 'failed/unhealthy']);
  });

  test("an image's own HEALTHCHECK is honoured; --no-healthcheck (NONE) and no check report no health", async () => {
    const w = newWorker();
    await w.start();
    await w.apply({
      complete: true,
      update: [
        task('img', { image: CHECKED_IMAGE }),
        task('none', { image: CHECKED_IMAGE, healthcheck: { ...check, test: ['NONE'] } }, { slot: 2 }),
        task('plain', {}, { slot: 3 }),
      ],
      remove: [],
    });
    await w.settle();
    assert.equal(last('img')?.health, 'starting');
    assert.equal(last('none')?.state, 'running');
    assert.equal(last('none')?.health, undefined);
    assert.equal(last('plain')?.health, undefined);
  });

  test('a health report the manager missed (a new leader) is sent again', async () => {
    const w = newWorker();
    await w.start();
    const spec = { healthcheck: { ...check, test: ['CMD', 'true'] } };
    await w.apply({ complete: true, update: [task('t1', spec)], remove: [] });
    await w.settle();
    fake.setHealth(w.containerOf('t1')!, 'healthy');
    await until('healthy', () => last('t1')?.health === 'healthy');
    reports = [];
    await w.apply({
      complete: true,
      update: [task('t1', spec, { managerState: 'running', managerHealth: 'starting' })],
      remove: [],
    });
    await w.settle();
    assert.deepEqual(seen('t1'), ['running/healthy']);
    reports = [];
    await w.apply({
      complete: true,
      update: [task('t1', spec, { managerState: 'running', managerHealth: 'healthy' })],
      remove: [],
    });
    await w.settle();
    assert.deepEqual(seen('t1'), [], 'nothing to resend');
  });
});

describe("the agent's own probes", () => {
  let srv: Server;
  let port: number;
  let status = 200;

  beforeEach(async () => {
    status = 200;
    srv = createServer((_req, res) => {
      res.statusCode = status;
      res.end();
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    port = (srv.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise((r) => srv.close(r));
  });

  test('HTTP probe: healthy after the first interval, unhealthy after the retries: the task fails, the engine runs no check', async () => {
    const w = newWorker();
    await w.start();
    const spec = { healthcheck: { ...check, http: { port, path: '/healthz' }, intervalMs: 1000, retries: 2 } };
    await w.apply({ complete: true, update: [task('t1', spec)], remove: [] });
    await w.settle();
    const id = w.containerOf('t1')!;
    assert.equal(last('t1')?.health, 'starting');
    assert.equal(fake.createdWithHealthcheck(id), false, "the engine's check is off (NONE)");
    fake.setIpAddress(id, '127.0.0.1');

    clock.advance(1000);
    await until('healthy', () => last('t1')?.health === 'healthy');

    status = 500;
    clock.advance(1000);
    await until('first failure reported', () => (last('t1')?.healthMessage ?? '') !== '');
    assert.equal(last('t1')?.health, 'healthy', 'one failure of two');
    assert.match(last('t1')!.healthMessage!, /HTTP 500/);
    clock.advance(1000);
    await until('failed', () => last('t1')?.state === 'failed');
    assert.match(last('t1')!.err!, new RegExp(`^unhealthy: GET http://127.0.0.1:${port}/healthz: HTTP 500`));
    await w.settle();
    assert.equal((await fake.inspect(id)).running, false);
    assert.equal(clock.pending, 0, 'no probe left behind');
  });

  test('TCP probe against the published port when the container has no address the node reaches', async () => {
    const w = newWorker();
    await w.start();
    const spec = {
      healthcheck: { ...check, tcp: { port: 80 }, intervalMs: 500 },
      ports: [{ target: 80, published: port, protocol: 'tcp' as const }],
    };
    await w.apply({ complete: true, update: [task('t1', spec)], remove: [] });
    await w.settle();
    fake.setIpAddress(w.containerOf('t1')!, '');
    clock.advance(500);
    await until('healthy', () => last('t1')?.health === 'healthy');
  });
});

describe('stop grace', () => {
  test("a task is stopped with its spec's grace period, else the node's default", async () => {
    const w = newWorker();
    await w.start();
    await w.apply({
      complete: true,
      update: [task('a', { stopGracePeriodMs: 0 }), task('b', {}, { slot: 2 })],
      remove: [],
    });
    await w.settle();
    const a = w.containerOf('a')!;
    const b = w.containerOf('b')!;
    await w.apply({ complete: true, update: [], remove: [] });
    await w.settle();
    assert.deepEqual(
      fake.stops.map((s) => [s.id, s.graceMs]).sort(),
      [
        [a, 0],
        [b, 1500],
      ].sort(),
    );
  });
});
