// Whole-system test of `clusterctl service update` and `clusterctl cluster update`: 1 manager + 2
// workers, real node daemons started by the real CLI, the real Docker engine. A rollout is watched
// with docker itself (running containers of the service, their environment), and a changed node
// grace is seen in when a worker whose daemon hangs (SIGSTOP) is marked down. Every wait has a deadline.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { expectError, IMAGE, Lab, type CliResult, type Container } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface ServiceJson {
  id: string;
  meta: { version: number };
  spec: { name: string; env: string[]; replicas: number };
  running: number;
  desired: number;
}
interface NodeJson {
  hostname: string;
  status: { state: string; timestamp: number };
}
interface ClusterJson {
  clusterId: string;
  version: number;
  settings: { heartbeatPeriodMs: number; nodeGraceMs: number; taskHistoryLimit: number; nodeCertExpiryMs: number };
  rootCa: { digest: string; expiresAt: number };
}

const SVC = 'upd';
const REPLICAS = 3;

function containerEnv(id: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile('docker', ['inspect', '--format', '{{json .Config.Env}}', id], (err, stdout, stderr) =>
      err ? reject(new Error(stderr || err.message)) : resolve(JSON.parse(stdout) as string[]),
    ),
  );
}

describe('service update and cluster update on real node daemons', { timeout: 240_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 2, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  const figure = (s: string): void => void process.stdout.write(`# figure: ${s}\n`);
  const running = (): Promise<Container[]> => lab.containers({ service: SVC, running: true });
  const service = async (): Promise<ServiceJson> =>
    (await lab.json<ServiceJson[]>('m1', ['service', 'inspect', SVC]))[0]!;

  /** Runs a (following) `service update` while sampling docker: the fewest running containers seen. */
  async function updateWatched(
    args: string[],
  ): Promise<{ result: CliResult; minRunning: number; samples: number; ms: number }> {
    const t0 = Date.now();
    let done = false;
    const p = lab.cli('m1', ['service', 'update', ...args, SVC], { timeoutMs: 90_000 }).finally(() => (done = true));
    let minRunning = Number.POSITIVE_INFINITY;
    let samples = 0;
    while (!done) {
      const n = (await running()).length;
      samples++;
      minRunning = Math.min(minRunning, n);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { result: await p, minRunning, samples, ms: Date.now() - t0 };
  }

  before(async () => {
    ensureDockerAndWorkloadImage();
    const t0 = Date.now();
    await lab.start();
    figure(`lab of 1 manager + 2 workers formed in ${Date.now() - t0} ms`);
    await waitFor(
      '3 ready nodes',
      async () => {
        const ns = await lab.json<NodeJson[]>('m1', ['node', 'ls']);
        return ns.length === 3 && ns.every((n) => n.status.state === 'ready');
      },
      { timeoutMs: 30_000 },
    );
    await lab.ok(
      'm1',
      ['service', 'create', '--name', SVC, '--replicas', String(REPLICAS), '-e', 'COLOR=blue', IMAGE],
      { timeoutMs: 60_000 },
    );
  });

  after(async () => {
    await lab.teardown();
  });

  test('--env-add replaces every task, one at a time, with the new env in the containers', async () => {
    const old = await running();
    assert.equal(old.length, REPLICAS);
    const oldTasks = new Set(old.map((c) => c.taskId));
    const w = await updateWatched(['--env-add', 'COLOR=green']);
    assert.equal(w.result.code, 0, `${w.result.cmd}: ${w.result.stderr}`);
    assert.match(w.result.stdout, /overall progress: 3 out of 3 tasks updated/);
    assert.match(w.result.stdout, /verify: Service updated/);
    figure(
      `env update of ${REPLICAS} replicas rolled out in ${w.ms} ms; fewest running containers seen: ${w.minRunning} (${w.samples} docker samples)`,
    );
    assert.ok(w.samples >= 3, 'the rollout was sampled');
    assert.ok(
      w.minRunning >= REPLICAS - 1,
      `never fewer than ${REPLICAS - 1} running during the rollout (saw ${w.minRunning})`,
    );

    const now = await running();
    assert.equal(now.length, REPLICAS);
    for (const c of now) {
      assert.ok(!oldTasks.has(c.taskId), `container ${c.name} belongs to a new task`);
      assert.ok((await containerEnv(c.id)).includes('COLOR=green'), `container ${c.name} has COLOR=green`);
    }
    const s = await service();
    assert.deepEqual(s.spec.env, ['COLOR=green']);
  });

  test('--force replaces every task without a spec change; start-first keeps every replica running', async () => {
    const before = await running();
    const beforeTasks = new Set(before.map((c) => c.taskId));
    const w = await updateWatched(['--force', '--update-order', 'start-first']);
    assert.equal(w.result.code, 0, `${w.result.cmd}: ${w.result.stderr}`);
    figure(
      `--force --update-order start-first rollout of ${REPLICAS} replicas in ${w.ms} ms; fewest running: ${w.minRunning}`,
    );
    assert.ok(w.minRunning >= REPLICAS, `start-first: never fewer than ${REPLICAS} running (saw ${w.minRunning})`);
    const inspected = (
      await lab.json<{ spec: { updateConfig: Record<string, unknown> }; updateStatus: { state: string } }[]>('m1', [
        'service',
        'inspect',
        SVC,
      ])
    )[0]!;
    assert.deepEqual(inspected.spec.updateConfig, {
      parallelism: 1,
      delayMs: 0,
      order: 'start-first',
      failureAction: 'pause',
      monitorMs: 5000,
      maxFailureRatio: 0,
    });
    assert.equal(inspected.updateStatus.state, 'completed');
    const after = await running();
    assert.equal(after.length, REPLICAS);
    for (const c of after) {
      assert.ok(!beforeTasks.has(c.taskId), `container ${c.name} belongs to a new task`);
      assert.ok((await containerEnv(c.id)).includes('COLOR=green'));
    }
  });

  test('bad updates are refused with their code and change nothing', async () => {
    const s0 = await service();
    const c0 = (await running()).map((c) => c.id).sort();
    expectError(
      await lab.cli('m1', ['service', 'update', '--limit-memory', '1q', SVC]),
      2,
      'INVALID_ARGUMENT',
      /--limit-memory/,
    );
    // no change and no paused update to resume
    expectError(await lab.cli('m1', ['service', 'update', SVC]), 1, 'FAILED_PRECONDITION', /nothing to change/);
    expectError(await lab.cli('m1', ['service', 'update', '--env-rm', 'NOPE', SVC]), 1, 'NOT_FOUND', /NOPE/);
    expectError(
      await lab.cli('m1', ['service', 'update', '--env-add', 'COLOR=green', SVC]),
      1,
      'FAILED_PRECONDITION',
      /nothing to change/,
    );
    expectError(await lab.cli('m1', ['service', 'update', '--image', 'x', 'no-such-service']), 1, 'NOT_FOUND');
    // refused by the managers: a published port another service holds
    await lab.ok('m1', ['service', 'create', '-d', '--name', 'holder', '--replicas', '0', '-p', '18080:80', IMAGE]);
    expectError(await lab.cli('m1', ['service', 'update', '--publish-add', '18080:80', SVC]), 1, 'CONFLICT', /18080/);
    const s1 = await service();
    assert.equal(s1.meta.version, s0.meta.version, 'the service record was not rewritten');
    assert.deepEqual((await running()).map((c) => c.id).sort(), c0, 'the same containers run');
  });

  test('--replicas alone adds a task and replaces none', async () => {
    const before = await running();
    const r = await lab.cli('m1', ['service', 'update', '--replicas', String(REPLICAS + 1), SVC], {
      timeoutMs: 60_000,
    });
    assert.equal(r.code, 0, `${r.cmd}: ${r.stderr}`);
    assert.match(r.stdout, /verify: Service converged/);
    const after = await running();
    assert.equal(after.length, REPLICAS + 1);
    const ids = new Set(after.map((c) => c.id));
    assert.ok(
      before.every((c) => ids.has(c.id)),
      'the running containers were kept',
    );
  });

  test('cluster update --node-grace changes when a hung worker is marked down, without restarts', async () => {
    const c0 = await lab.json<ClusterJson>('m1', ['cluster', 'inspect']);
    assert.equal(c0.settings.nodeGraceMs, 2000);
    assert.equal(c0.settings.heartbeatPeriodMs, 500);
    assert.ok(c0.rootCa.expiresAt > Date.now(), 'the root CA expiry is shown');
    // refused by the managers (they know the period): grace under 2 heartbeat periods; nothing changes
    expectError(
      await lab.cli('m1', ['cluster', 'update', '--node-grace', '800ms']),
      2,
      'INVALID_ARGUMENT',
      /heartbeat/,
    );
    expectError(await lab.cli('m1', ['cluster', 'update']), 2, 'INVALID_ARGUMENT', /nothing to change/);
    assert.equal((await lab.json<ClusterJson>('m1', ['cluster', 'inspect'])).version, c0.version);

    const GRACE_MS = 6000;
    const c1 = await lab.json<ClusterJson>('m1', ['cluster', 'update', '--node-grace', `${GRACE_MS / 1000}s`]);
    assert.equal(c1.settings.nodeGraceMs, GRACE_MS);
    assert.equal(c1.settings.heartbeatPeriodMs, 500);
    // the new grace holds for every live node from its commit (counted from each one's last heartbeat)
    const w2 = async (): Promise<NodeJson> =>
      (await lab.json<NodeJson[]>('m1', ['node', 'ls'])).find((n) => n.hostname === 'w2')!;
    assert.equal((await w2()).status.state, 'ready');
    // freeze w2's daemon (SIGSTOP: its connections stay open but silent, as a hung host; a killed
    // process would be noticed at once by its broken session instead of the grace)
    process.kill(lab.node('w2').pid, 'SIGSTOP');
    const frozenAt = Date.now();
    let readyPastOldGraceMs = 0;
    const down = await waitFor(
      'w2 marked down',
      async () => {
        const n = await w2();
        if (n.status.state === 'ready') readyPastOldGraceMs = Math.max(readyPastOldGraceMs, Date.now() - frozenAt);
        return n.status.state === 'down' ? n : undefined;
      },
      { timeoutMs: GRACE_MS + 10_000, intervalMs: 200 },
    );
    // when the leader marked it down, from its record (this machine's clock), not when a poll saw it
    const downAfterMs = down.status.timestamp - frozenAt;
    figure(
      `node grace changed to ${GRACE_MS} ms on the live cluster: worker marked down ${downAfterMs} ms after its daemon was frozen (seen ready at ${readyPastOldGraceMs} ms; old grace 2000 ms)`,
    );
    // its last heartbeat came at most one period before the freeze: not marked down before the new
    // grace from then (the old one would have marked it down about 2000 ms after the freeze)
    assert.ok(downAfterMs >= GRACE_MS - 500 - 100, `not marked down before the new grace (${downAfterMs} ms)`);
    // its tasks are replaced on the other nodes
    await waitFor(
      `${REPLICAS + 1} running tasks again`,
      async () => {
        const s = (await lab.json<ServiceJson[]>('m1', ['service', 'ls'])).find((x) => x.spec.name === SVC);
        return s !== undefined && s.running === REPLICAS + 1;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });
});
