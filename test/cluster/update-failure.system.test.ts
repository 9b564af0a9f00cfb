// Whole-system test of failing updates: 1 manager + 2 workers, real node daemons, the real Docker
// engine. An update to an image that cannot be pulled, to a crashing command or to a health check
// that never passes pauses after its first slot with the pause failure action (the default) and
// returns to the previous spec by itself with rollback; throughout, every other replica keeps
// running, sampled from the engine (not only from the API); `service rollback` restores the
// previous spec.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectError, IMAGE, Lab, type CliResult, type Container } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface ServiceJson {
  id: string;
  spec: { name: string; image: string; command: string[]; updateConfig: { failureAction: string } };
  updateStatus: { state: string; message: string; startedAt: number; completedAt: number } | null;
  previousSpec: { image: string; command: string[] } | null;
}
interface TaskRow {
  slot: number;
  desiredState: string;
  status: { state: string };
}

const SVC = 'fragile';
const REPLICAS = 3;
/** Nothing listens on port 1: the pull fails at once, without a registry. */
const MISSING_IMAGE = '127.0.0.1:1/missing:none';

/** The ways an update fails, each as the flags of its `service update`. */
const CAUSES = {
  'a missing image': { args: ['--image', MISSING_IMAGE], reason: /could not be pulled/ },
  'a crashing command': { args: ['--args', 'sh -c "exit 3"'], reason: /non-zero exit \(3\)/ },
  // the task runs, but its health check never passes: it is unhealthy after 2 probes
  'a health check that never passes': {
    args: ['--health-cmd', 'echo never; exit 1', '--health-interval', '200ms', '--health-retries', '2'],
    reason: /unhealthy/,
  },
} as const;
type Cause = keyof typeof CAUSES;

describe('failing updates on real node daemons', { timeout: 600_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 2, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  const figure = (s: string): void => void process.stdout.write(`# figure: ${s}\n`);
  const running = (): Promise<Container[]> => lab.containers({ service: SVC, running: true });
  const service = async (): Promise<ServiceJson> =>
    (await lab.json<ServiceJson[]>('m1', ['service', 'inspect', SVC]))[0]!;

  /** Samples the engine's running containers of the service until stopped: the fewest seen. */
  function sampler(): { stop(): Promise<{ min: number; samples: number }> } {
    let stopped = false;
    let min = Number.POSITIVE_INFINITY;
    let samples = 0;
    const loop = (async () => {
      while (!stopped) {
        min = Math.min(min, (await running()).length);
        samples++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    return {
      async stop() {
        stopped = true;
        await loop;
        return { min, samples };
      },
    };
  }

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
    await lab.ok('m1', ['service', 'create', '--name', SVC, '--replicas', String(REPLICAS), IMAGE], {
      timeoutMs: 60_000,
    });
  });

  after(async () => {
    await lab.teardown();
  });

  test('a missing image: paused after the first slot, however often it restarts; service rollback restores the spec', async () => {
    const before = await running();
    assert.equal(before.length, REPLICAS);
    const s = sampler();
    const t0 = Date.now();
    const r: CliResult = await lab.cli('m1', ['service', 'update', '--image', MISSING_IMAGE, SVC], {
      timeoutMs: 90_000,
    });
    const pausedMs = Date.now() - t0;
    expectError(r, 1, 'FAILED_PRECONDITION', /update of service fragile paused: update paused: task \S+ \(slot \d+\) /);
    assert.match(r.stderr, /clusterctl service rollback fragile/, 'the hint names the way back');
    // the failing slot keeps restarting (more often than its history keeps): nothing else moves
    const failingSlot = Number(/\(slot (\d+)\)/.exec(r.stderr)![1]);
    await waitFor(
      'the failing slot restarted past its history',
      async () => {
        const tasks = await lab.json<TaskRow[]>('m1', ['service', 'ps', SVC]);
        return tasks.filter((t) => t.slot === failingSlot && t.status.state !== 'running').length >= 5;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const seen = await s.stop();
    figure(
      `update to a missing image paused after ${pausedMs} ms; fewest running containers seen: ${seen.min} of ${REPLICAS} (${seen.samples} engine samples)`,
    );
    assert.ok(seen.samples >= 10, 'the engine was sampled');
    assert.equal(seen.min, REPLICAS - 1, `never more than 1 slot (parallelism) out of service (saw ${seen.min})`);
    const kept = (await running()).filter((c) => before.some((b) => b.id === c.id));
    assert.equal(kept.length, REPLICAS - 1, 'the other replicas are the same containers, never restarted');

    const st = await service();
    assert.equal(st.updateStatus?.state, 'paused');
    assert.equal(st.spec.image, MISSING_IMAGE);
    assert.equal(st.previousSpec?.image, IMAGE);
    const ls = await lab.cli('m1', ['--format', 'table', 'service', 'ls']);
    assert.match(ls.stdout, /UPDATE/);
    assert.match(ls.stdout, new RegExp(`${SVC}\\s.*paused`));

    const s2 = sampler();
    const rb = await lab.cli('m1', ['service', 'rollback', SVC], { timeoutMs: 90_000 });
    const seen2 = await s2.stop();
    assert.equal(rb.code, 0, `${rb.cmd}: ${rb.stderr}`);
    assert.match(rb.stdout, /verify: Service rolled back/);
    assert.ok(seen2.min >= REPLICAS - 1, `the rollback kept ${REPLICAS - 1} running (saw ${seen2.min})`);
    const back = await service();
    assert.equal(back.spec.image, IMAGE);
    assert.equal(back.updateStatus?.state, 'rollback_completed');
    assert.equal((await running()).length, REPLICAS);
  });

  test('a crashing command with --update-failure-action rollback: back to the previous spec by itself', async () => {
    const before = await running();
    assert.equal(before.length, REPLICAS);
    const s = sampler();
    const r = await lab.cli(
      'm1',
      ['service', 'update', '--args', 'sh -c "exit 3"', '--update-failure-action', 'rollback', SVC],
      { timeoutMs: 90_000 },
    );
    const seen = await s.stop();
    expectError(
      r,
      1,
      'FAILED_PRECONDITION',
      /update of service fragile failed and was rolled back: .*task \S+ \(slot \d+\)/,
    );
    figure(
      `update to a crashing command rolled back by itself; fewest running containers seen: ${seen.min} of ${REPLICAS} (${seen.samples} engine samples)`,
    );
    assert.equal(seen.min, REPLICAS - 1, `never more than 1 slot out of service (saw ${seen.min})`);
    const st = await service();
    assert.equal(st.updateStatus?.state, 'rollback_completed');
    assert.deepEqual(st.spec.command, [], 'the previous command (the image default) again');
    assert.equal(st.spec.updateConfig.failureAction, 'pause', 'the previous policies too');
    assert.deepEqual(st.previousSpec?.command, ['sh', '-c', 'exit 3']);
    const now = await running();
    assert.equal(now.length, REPLICAS);
    assert.equal(
      now.filter((c) => before.some((b) => b.id === c.id)).length,
      REPLICAS - 1,
      'the other replicas are the same containers',
    );
  });
  /** The same replicas kept running throughout (sampled from the engine), whatever the cause. */
  async function failingUpdate(
    cause: Cause,
    action: 'pause' | 'rollback',
  ): Promise<{ r: CliResult; before: Container[]; min: number; samples: number }> {
    const before = await running();
    assert.equal(before.length, REPLICAS);
    const s = sampler();
    const r = await lab.cli(
      'm1',
      ['service', 'update', ...CAUSES[cause].args, '--update-failure-action', action, SVC],
      { timeoutMs: 90_000 },
    );
    const seen = await s.stop();
    figure(
      `update to ${cause} with ${action}: fewest running containers seen ${seen.min} of ${REPLICAS} (${seen.samples} engine samples)`,
    );
    assert.ok(seen.samples >= 10, 'the engine was sampled');
    assert.equal(seen.min, REPLICAS - 1, `never more than 1 slot (parallelism) out of service (saw ${seen.min})`);
    return { r, before, min: seen.min, samples: seen.samples };
  }

  const pausedCases: Cause[] = ['a crashing command', 'a health check that never passes'];
  for (const cause of pausedCases) {
    test(`${cause}: paused after the first slot; the other replicas keep running; service rollback restores the spec`, async () => {
      const { r, before } = await failingUpdate(cause, 'pause');
      expectError(
        r,
        1,
        'FAILED_PRECONDITION',
        /update of service fragile paused: update paused: task \S+ \(slot \d+\) /,
      );
      assert.match(/\(slot \d+\) (.*)/.exec(r.stderr)![1]!, CAUSES[cause].reason, 'the message names the cause');
      const st = await service();
      assert.equal(st.updateStatus?.state, 'paused');
      // paused stays paused: nothing else is replaced while the failing slot restarts
      const failingSlot = Number(/\(slot (\d+)\)/.exec(r.stderr)![1]);
      const s = sampler();
      await waitFor(
        'the failing slot failed again',
        async () => {
          const tasks = await lab.json<TaskRow[]>('m1', ['service', 'ps', SVC]);
          return tasks.filter((t) => t.slot === failingSlot && t.status.state !== 'running').length >= 2;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      const seen = await s.stop();
      // (a container that fails its health check runs until it is found unhealthy: the sampler may
      // never catch its slot empty, so at most one slot out, not exactly one)
      assert.ok(seen.min >= REPLICAS - 1, `still at most the one slot out of service (saw ${seen.min})`);
      const kept = (await running()).filter((c) => before.some((b) => b.id === c.id));
      assert.equal(kept.length, REPLICAS - 1, 'the other replicas are the same containers, never restarted');
      assert.equal((await service()).updateStatus?.state, 'paused');

      const s2 = sampler();
      const rb = await lab.cli('m1', ['service', 'rollback', SVC], { timeoutMs: 90_000 });
      const seen2 = await s2.stop();
      assert.equal(rb.code, 0, `${rb.cmd}: ${rb.stderr}`);
      assert.ok(seen2.min >= REPLICAS - 1, `the rollback kept ${REPLICAS - 1} running (saw ${seen2.min})`);
      const back = await service();
      assert.equal(back.updateStatus?.state, 'rollback_completed');
      assert.deepEqual(back.spec.command, [], 'the previous spec again');
      assert.equal(back.spec.image, IMAGE);
      assert.equal((await running()).length, REPLICAS);
    });
  }

  const rolledBackCases: Cause[] = ['a missing image', 'a health check that never passes'];
  for (const cause of rolledBackCases) {
    test(`${cause} with --update-failure-action rollback: back to the previous spec by itself`, async () => {
      const { r, before } = await failingUpdate(cause, 'rollback');
      expectError(
        r,
        1,
        'FAILED_PRECONDITION',
        /update of service fragile failed and was rolled back: .*task \S+ \(slot \d+\)/,
      );
      assert.match(/\(slot \d+\) (.*)/.exec(r.stderr)![1]!, CAUSES[cause].reason, 'the message names the cause');
      const st = await service();
      assert.equal(st.updateStatus?.state, 'rollback_completed');
      assert.equal(st.spec.image, IMAGE, 'the previous image');
      assert.deepEqual(st.spec.command, [], 'the previous command');
      assert.equal(st.spec.updateConfig.failureAction, 'pause', 'the previous policies too');
      const now = await running();
      assert.equal(now.length, REPLICAS);
      assert.equal(
        now.filter((c) => before.some((b) => b.id === c.id)).length,
        REPLICAS - 1,
        'the other replicas are the same containers',
      );
    });
  }
});
