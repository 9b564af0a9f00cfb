// DockerExecutor against the real engine (installed and started by scripts/ensure-docker.mjs when
// none answers) and the locally built workload image. Every test removes exactly the containers it
// created, by id, pass or fail; a run-unique cluster id keeps other users of the engine out of sight.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ClusterError, ErrorCode, freePort } from '@clusterctl/common';
import { DockerExecutor } from './docker-executor.js';
import { engineProbe } from './engine-probe.js';
import type { ContainerEvent, ContainerSpec, CreateContainerOptions, LogLine } from './executor.js';
import { Label } from './labels.js';

const IMAGE = 'clusterctl/busybox:local';
const RUN = randomUUID().slice(0, 8);
const CLUSTER = `test-${RUN}`;
const NODE = 'node-a';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

type ScriptFn = (opts?: { log?: (line: string) => void }) => Promise<unknown>;
async function script(name: string, fn: string): Promise<ScriptFn> {
  const mod = (await import(pathToFileURL(join(repoRoot(), 'scripts', name)).href)) as Record<string, ScriptFn>;
  return mod[fn]!;
}

const ex = new DockerExecutor();

/** Ids created by the test; removed (force) when it ends, whatever the outcome. */
function track(t: TestContext): (id: string) => string {
  const ids: string[] = [];
  t.after(async () => {
    for (const id of ids) await ex.remove(id, { force: true });
  });
  return (id) => {
    ids.push(id);
    return id;
  };
}

function task(
  taskId: string,
  spec: Partial<ContainerSpec> = {},
  extra: Partial<CreateContainerOptions> = {},
): CreateContainerOptions {
  return {
    ids: {
      clusterId: CLUSTER,
      serviceId: 'svc',
      serviceName: 'svc',
      taskId: `${taskId}-${RUN}`,
      nodeId: NODE,
      slot: 1,
    },
    spec: { image: IMAGE, ...spec },
    ...extra,
  };
}

async function run(
  t: TestContext,
  taskId: string,
  spec: Partial<ContainerSpec> = {},
  extra: Partial<CreateContainerOptions> = {},
): Promise<string> {
  const add = track(t);
  const id = add(await ex.create(task(taskId, spec, extra)));
  await ex.start(id);
  return id;
}

function httpGet(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/', timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Polls until the page answers (the server needs a moment after start). */
async function fetchPage(port: number, deadlineMs = 10_000): Promise<{ status: number; body: string }> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await httpGet(port);
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Follows the logs until a line matches (the container is ready), or fails after the deadline. */
async function waitForLine(id: string, pattern: RegExp, deadlineMs = 10_000): Promise<LogLine> {
  for await (const l of ex.logs(id, { follow: true, signal: AbortSignal.timeout(deadlineMs) }))
    if (pattern.test(l.line)) return l;
  throw new Error(`no log line matching ${pattern} within ${deadlineMs} ms`);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function isCode(code: ErrorCode, hint?: RegExp) {
  return (e: unknown) =>
    e instanceof ClusterError && e.code === code && e.hint !== '' && (hint === undefined || hint.test(e.hint));
}

const SH = ['/bin/sh', '-c'];

describe('DockerExecutor on the real engine', () => {
  before(async () => {
    const quiet = { log: () => {} };
    await (
      await script('ensure-docker.mjs', 'ensureDocker')
    )(quiet);
    await (
      await script('build-workload-image.mjs', 'buildWorkloadImage')
    )(quiet);
  });

  after(async () => {
    // Nothing of this run may be left behind.
    const left = await ex.list({ labels: { [Label.ClusterId]: CLUSTER } });
    assert.deepEqual(
      left.map((c) => c.name),
      [],
    );
  });

  test('no engine on the socket is UNAVAILABLE with a hint to start one', async () => {
    const none = new DockerExecutor({ socketPath: `/tmp/clusterctl-no-engine-${RUN}.sock` });
    await assert.rejects(none.list(), isCode(ErrorCode.Unavailable, /ensure-docker/));
    await assert.rejects(none.create(task('no-engine')), isCode(ErrorCode.Unavailable, /ensure-docker/));
  });

  test('engine info reports CPUs and memory', async () => {
    const info = await ex.engineInfo();
    assert.ok(info.ncpu >= 1);
    assert.ok(info.memoryBytes > 64 << 20);
    assert.match(info.apiVersion, /^1\.\d+$/);
  });

  test('a web workload serves a page naming its container on a published port; inspect shows it running', async (t) => {
    const port = await freePort();
    const id = await run(
      t,
      'web',
      { env: ['MESSAGE=hello-' + RUN], ports: [{ published: port, target: 80, protocol: 'tcp' }] },
      { hostIp: '127.0.0.1' },
    );
    const page = await fetchPage(port);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`served by container ${id.slice(0, 12)}`));
    assert.match(page.body, new RegExp(`hello-${RUN}`));

    const info = await ex.inspect(id);
    assert.equal(info.status, 'running');
    assert.equal(info.running, true);
    assert.ok(info.pid > 0);
    assert.ok(info.startedAt !== undefined && info.finishedAt === undefined);
    assert.deepEqual(info.ports, [{ target: 80, protocol: 'tcp', hostIp: '127.0.0.1', published: port }]);
    assert.deepEqual(info.ids, task('web').ids);
    assert.equal(info.name, `svc.1.web-${RUN}`);
    assert.equal(info.image, IMAGE);

    // The web entrypoint handles TERM: stop is prompt and clean even with a long grace. Exit code 0
    // says it ended on TERM; a kill after the grace would read 137.
    await ex.stop(id, { graceMs: 10_000 });
    const stopped = await ex.inspect(id);
    assert.equal(stopped.status, 'exited');
    assert.equal(stopped.exitCode, 0);
  });

  test('resource limits and restart policy reach the engine', async (t) => {
    const add = track(t);
    const id = add(
      await ex.create(
        task('limits', {
          command: ['sleep', '30'],
          resources: { limits: { nanoCpus: 250_000_000, memoryBytes: 32 << 20 } },
        }),
      ),
    );
    const out = execFileSync(
      '/usr/bin/docker',
      ['inspect', '-f', '{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.RestartPolicy.Name}}', id],
      { encoding: 'utf8' },
    );
    assert.equal(out.trim(), `250000000 ${32 << 20} no`);
  });

  test('logs: demultiplexed stdout/stderr, tail, follow until exit, follow until abort', async (t) => {
    const id = await run(t, 'logs', { command: [...SH, 'for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done'] });
    assert.equal((await ex.wait(id)).exitCode, 0);
    const all = await collect(ex.logs(id));
    assert.deepEqual(
      all.filter((l) => l.stream === 'stdout').map((l) => l.line),
      ['out1', 'out2', 'out3', 'out4', 'out5'],
    );
    assert.deepEqual(
      all.filter((l) => l.stream === 'stderr').map((l) => l.line),
      ['err1', 'err2', 'err3', 'err4', 'err5'],
    );
    const now = Date.now();
    assert.ok(
      all.every((l) => Math.abs(l.timestamp - now) < 60_000),
      'engine timestamps are parsed',
    );
    // stdout and stderr are separate pipes, so their interleaving varies; tail is the last N of it.
    const tail = await collect(ex.logs(id, { tail: 2 }));
    assert.deepEqual(tail, all.slice(-2));
    // The engine counts the tail over both streams, then drops the stream not asked for.
    assert.deepEqual(
      await collect(ex.logs(id, { tail: 4, stderr: false })),
      all.slice(-4).filter((l) => l.stream === 'stdout'),
    );
    assert.deepEqual(
      await collect(ex.logs(id, { stdout: false })),
      all.filter((l) => l.stream === 'stderr'),
    );

    // A line longer than the engine's 16 KiB message buffer comes back whole.
    const long = await run(t, 'logs-long', {
      command: [...SH, 'head -c 40000 /dev/zero | tr "\\0" x; echo; echo after'],
    });
    assert.equal((await ex.wait(long)).exitCode, 0);
    const longLines = await collect(ex.logs(long));
    assert.deepEqual(
      longLines.map((l) => l.line.length),
      [40000, 5],
    );
    assert.ok(/^x+$/.test(longLines[0]!.line));

    // follow ends by itself when the container exits.
    const short = await run(t, 'logs-exit', { command: [...SH, 'echo first; sleep 0.3; echo second'] });
    const followed = await collect(ex.logs(short, { follow: true, signal: AbortSignal.timeout(10_000) }));
    assert.deepEqual(
      followed.map((l) => l.line),
      ['first', 'second'],
    );

    // follow of a container that never stops ends when the signal aborts.
    const ticker = await run(t, 'logs-tick', {
      command: [...SH, 'i=0; while true; do echo tick$i; i=$((i+1)); sleep 0.1; done'],
    });
    const abort = new AbortController();
    const ticks: string[] = [];
    for await (const l of ex.logs(ticker, { follow: true, signal: abort.signal })) {
      ticks.push(l.line);
      if (ticks.length === 3) abort.abort();
    }
    assert.deepEqual(ticks, ['tick0', 'tick1', 'tick2']);
    assert.equal((await ex.inspect(ticker)).running, true);
    assert.deepEqual(
      await collect(ex.logs(ticker, { follow: true, signal: abort.signal })),
      [],
      'an aborted signal yields nothing',
    );

    // since: only lines stamped at or after it.
    const sinceMs = Date.now();
    const later = await collect(ex.logs(ticker, { follow: true, sinceMs, signal: AbortSignal.timeout(1500) }));
    assert.ok(later.length >= 2, `got ${later.length} lines`);
    assert.ok(
      later.every((l) => l.timestamp >= sinceMs - 1),
      'every line is from after sinceMs',
    );

    // wait() gives up when its signal aborts.
    await assert.rejects(
      ex.wait(ticker, { signal: AbortSignal.timeout(100) }),
      (e: unknown) => (e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError',
    );
  });

  test('stop: a container handling TERM exits within the grace; one ignoring it is killed after the grace', async (t) => {
    const polite = await run(t, 'term-trap', {
      command: [...SH, 'trap "echo got-term; exit 0" TERM; echo ready; while true; do sleep 0.1; done'],
    });
    const stubborn = await run(t, 'term-ignore', {
      command: [...SH, 'trap "" TERM; echo ready; while true; do sleep 0.1; done'],
    });
    await waitForLine(polite, /^ready$/);
    await waitForLine(stubborn, /^ready$/);

    // Exit code 0 and its TERM trap's line: it ended on TERM within the grace, not killed after it.
    let t0 = Date.now();
    await ex.stop(polite, { graceMs: 5000 });
    t.diagnostic(`polite stop took ${Date.now() - t0} ms`);
    const p = await ex.inspect(polite);
    assert.equal(p.exitCode, 0);
    assert.ok((await collect(ex.logs(polite))).some((l) => l.line === 'got-term'));

    const graceMs = 1000;
    t0 = Date.now();
    await ex.stop(stubborn, { graceMs });
    const stubbornMs = Date.now() - t0;
    assert.ok(stubbornMs >= graceMs, `killed after ${stubbornMs} ms, before the ${graceMs} ms grace`);
    t.diagnostic(`stubborn stop (grace ${graceMs} ms) took ${stubbornMs} ms`);
    assert.equal((await ex.inspect(stubborn)).exitCode, 137);

    // Stopping what is not running is a no-op.
    await ex.stop(stubborn, { graceMs });
  });

  test('a crashing container: wait reports its exit code, inspect agrees', async (t) => {
    const id = await run(t, 'crash', { command: [...SH, 'echo dying >&2; exit 3'] });
    const res = await ex.wait(id);
    assert.deepEqual(res, { exitCode: 3, oomKilled: false, error: '' });
    const info = await ex.inspect(id);
    assert.equal(info.status, 'exited');
    assert.equal(info.running, false);
    assert.equal(info.exitCode, 3);
    // Both set; their order is not checked: for a process that exits at once the engine may record
    // FinishedAt a moment before StartedAt.
    assert.ok(info.finishedAt !== undefined && info.startedAt !== undefined);
  });

  test('a container over its memory limit is reported OOM-killed', async (t) => {
    const id = await run(t, 'oom', {
      command: [...SH, 'x=$(head -c 60000000 /dev/zero | tr "\\0" a); echo survived ${#x}'],
      resources: { limits: { memoryBytes: 8 << 20 } },
    });
    const res = await ex.wait(id);
    assert.equal(res.exitCode, 137);
    assert.equal(res.oomKilled, true);
    assert.equal((await ex.inspect(id)).oomKilled, true);
  });

  test('a command missing from the image fails start with INVALID_ARGUMENT', async (t) => {
    const add = track(t);
    const id = add(await ex.create(task('nocmd', { command: ['/no/such/binary'] })));
    await assert.rejects(ex.start(id), isCode(ErrorCode.InvalidArgument));
  });

  test('list by labels finds only ours', async (t) => {
    const add = track(t);
    const a = add(await ex.create(task('list-a', { command: ['sleep', '30'] })));
    const b = add(
      await ex.create({
        ...task('list-b', { command: ['sleep', '30'] }),
        ids: { clusterId: CLUSTER, serviceId: 'other', taskId: `list-b-${RUN}`, nodeId: 'node-b' },
      }),
    );
    const foreign = add(
      await ex.create({
        ...task('list-f', { command: ['sleep', '30'] }),
        ids: { clusterId: `${CLUSTER}-other`, serviceId: 'svc', taskId: `list-f-${RUN}`, nodeId: NODE },
      }),
    );
    await ex.start(b);

    const ours = await ex.list({ labels: { [Label.ClusterId]: CLUSTER } });
    assert.deepEqual(ours.map((c) => c.id).sort(), [a, b].sort());
    assert.ok(!ours.some((c) => c.id === foreign));
    const onB = await ex.list({ labels: { [Label.ClusterId]: CLUSTER, [Label.NodeId]: 'node-b' } });
    assert.deepEqual(
      onB.map((c) => [c.id, c.status, c.ids?.serviceId]),
      [[b, 'running', 'other']],
    );
    const running = await ex.list({ labels: { [Label.ClusterId]: CLUSTER }, all: false });
    assert.deepEqual(
      running.map((c) => c.id),
      [b],
    );
    const withSlot = await ex.list({ labels: { [Label.ClusterId]: CLUSTER, [Label.TaskSlot]: true } });
    assert.deepEqual(
      withSlot.map((c) => c.id),
      [a],
    );
  });

  test('remove: a running container needs force; removing twice is fine; a removed container is NOT_FOUND', async (t) => {
    const add = track(t);
    const id = add(await ex.create(task('rm', { command: ['sleep', '30'] })));
    await ex.start(id);
    await assert.rejects(ex.remove(id), isCode(ErrorCode.Conflict));
    await ex.remove(id, { force: true });
    await ex.remove(id);
    await assert.rejects(ex.inspect(id), isCode(ErrorCode.NotFound));
    await assert.rejects(ex.start(id), isCode(ErrorCode.NotFound));
    await assert.rejects(collect(ex.logs(id)), isCode(ErrorCode.NotFound));
  });

  test('a missing image is NOT_FOUND with a hint to load it, quickly', async () => {
    const t0 = Date.now();
    const image = `clusterctl/does-not-exist:${RUN}`;
    await assert.rejects(ex.create(task('noimage', { image })), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.equal(e.code, ErrorCode.NotFound);
      assert.match(e.message, new RegExp(image));
      assert.match(e.hint, /docker load/);
      return true;
    });
    assert.ok(Date.now() - t0 < 30_000);
    assert.deepEqual(await ex.list({ labels: { [Label.TaskId]: `noimage-${RUN}` } }), [], 'nothing was created');
    const present = await ex.ensureImage(IMAGE);
    assert.equal(present.pulled, false);
    assert.match(present.imageId, /^sha256:/);
  });

  test('create + start of a present image: no pull, like docker run; its HEALTHCHECK is read once, then exactly two engine requests', async (t) => {
    const probe = engineProbe();
    const add = track(t);
    // the first container of an image: its config (does it bring a HEALTHCHECK?) is read beside the create
    const first = add(await probe.executor.create(task('two-requests-1')));
    await probe.executor.start(first);
    assert.deepEqual(probe.requests(), {
      'GET /images/:id/json': 1,
      'POST /containers/create': 1,
      'POST /containers/:id/start': 1,
    });
    assert.equal(probe.executor.createdWithHealthcheck(first), false);
    probe.resetRequests();
    const id = add(await probe.executor.create(task('two-requests-2')));
    await probe.executor.start(id);
    assert.deepEqual(probe.requests(), { 'POST /containers/create': 1, 'POST /containers/:id/start': 1 });
    assert.equal((await ex.inspect(id)).running, true);
  });

  test('a taken name is ALREADY_EXISTS; a taken port fails start with CONFLICT', async (t) => {
    const add = track(t);
    add(await ex.create(task('dup', { command: ['sleep', '30'] })));
    await assert.rejects(ex.create(task('dup', { command: ['sleep', '30'] })), isCode(ErrorCode.AlreadyExists));

    const port = await freePort();
    const ports = [{ published: port, target: 80, protocol: 'tcp' as const }];
    await run(t, 'port-1', { ports }, { hostIp: '127.0.0.1' });
    const second = add(await ex.create(task('port-2', { ports }, { hostIp: '127.0.0.1' })));
    await assert.rejects(ex.start(second), isCode(ErrorCode.Conflict, /port/));
  });

  test('events: start and die (with exit code) of our containers only', async (t) => {
    const abort = new AbortController();
    const seen: ContainerEvent[] = [];
    const taskLabel = `events-${RUN}`;
    const events = ex.events({
      labels: { [Label.TaskId]: taskLabel },
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(15_000)]),
    });
    const consumer = (async () => {
      for await (const ev of events) {
        seen.push(ev);
        if (ev.action === 'die') abort.abort();
      }
    })();
    await run(t, 'noise', { command: ['true'] });
    const id = await run(t, 'events', { command: [...SH, 'exit 4'] });
    await consumer;
    const mine = seen.filter((e) => e.id === id);
    assert.ok(
      mine.some((e) => e.action === 'start'),
      `events: ${seen.map((e) => e.action).join(',')}`,
    );
    const die = mine.find((e) => e.action === 'die');
    assert.equal(die?.exitCode, 4);
    assert.equal(die?.ids?.taskId, taskLabel);
    assert.ok(
      seen.every((e) => e.ids?.taskId === taskLabel),
      'the label filter holds',
    );
  });
});

describe('DockerExecutor: health checks on the real engine', () => {
  /** The workload image with a HEALTHCHECK of its own, built for this run (no registry) and removed after. */
  const CHECKED = `clusterctl/busybox-healthcheck:test-${RUN}`;

  before(() => {
    execFileSync('docker', ['build', '-q', '-t', CHECKED, '-'], {
      input: `FROM ${IMAGE}\nHEALTHCHECK --interval=200ms --retries=1 CMD test -f /www/index.html\n`,
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
  });

  after(() => {
    execFileSync('docker', ['rmi', '-f', CHECKED]);
  });

  /** The first health_status event of container `id` (filtered by its task label). */
  function firstHealthEvent(taskId: string): { promise: Promise<ContainerEvent>; stop: () => void } {
    const abort = new AbortController();
    const events = ex.events({
      labels: { [Label.TaskId]: `${taskId}-${RUN}` },
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(20_000)]),
    });
    const promise = (async () => {
      for await (const ev of events) if (ev.action === 'health_status') return ev;
      throw new Error('no health_status event');
    })();
    return { promise, stop: () => abort.abort() };
  }

  test("an image's own HEALTHCHECK: known at create, 'healthy' event and inspect; NONE in the spec turns it off", async (t) => {
    const ev = firstHealthEvent('img-check');
    try {
      const id = await run(t, 'img-check', { image: CHECKED });
      assert.equal(ex.createdWithHealthcheck(id), true);
      const got = await ev.promise;
      assert.equal(got.id, id);
      assert.equal(got.health, 'healthy');
      assert.equal(got.rawAction, 'health_status: healthy');
      const info = await ex.inspect(id);
      assert.equal(info.hasHealthcheck, true);
      assert.equal(info.health?.status, 'healthy');
      assert.notEqual(info.ipAddress, '');
    } finally {
      ev.stop();
    }
    const off = await run(t, 'img-check-off', {
      image: CHECKED,
      healthcheck: { test: ['NONE'], intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 },
    });
    assert.equal(ex.createdWithHealthcheck(off), false);
    const info = await ex.inspect(off);
    assert.equal(info.hasHealthcheck, false);
    assert.equal(info.health, undefined);
  });

  test("a failing command check: 'unhealthy' event; inspect has the probe's output", async (t) => {
    const ev = firstHealthEvent('cmd-check');
    try {
      const id = await run(t, 'cmd-check', {
        healthcheck: {
          test: ['CMD-SHELL', 'echo no /ok here; exit 1'],
          intervalMs: 200,
          timeoutMs: 0,
          retries: 2,
          startPeriodMs: 0,
        },
        stopSignal: 'SIGINT',
      });
      const got = await ev.promise;
      assert.equal(got.health, 'unhealthy');
      const info = await ex.inspect(id);
      assert.equal(info.health?.status, 'unhealthy');
      assert.equal(info.health?.failingStreak, 2);
      assert.equal(info.health?.lastOutput, 'no /ok here');
      assert.equal(info.health?.lastExitCode, 1);
      assert.equal(info.running, true, 'the engine never acts on unhealthy itself');
      const raw = execFileSync('docker', ['inspect', '-f', '{{.Config.StopSignal}}', id], { encoding: 'utf8' });
      assert.equal(raw.trim(), 'SIGINT');
    } finally {
      ev.stop();
    }
  });
});
