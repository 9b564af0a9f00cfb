// Update failures, failure actions and the update status (fake clock): a failing update never takes
// more than `parallelism` slots out of service, whatever the policy and however often its new tasks
// are restarted; pause leaves the other slots on the old spec; rollback returns to the previous
// spec with the rollback policy; continue goes on once the failing slot recovers; the status
// survives a leader change.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceSpec, Task } from '@clusterctl/store';
import { rolloutEnv, type RolloutEnv } from './testing/rollout-env.js';

const broken = (s: ServiceSpec): ServiceSpec => ({ ...s, image: 'broken:latest' });
const isNew = (t: Task): boolean => t.spec.image === 'broken:latest';

/** Slots whose active task is not running (out of service). */
function outOfService(e: RolloutEnv, replicas: number): number {
  let n = 0;
  for (let slot = 1; slot <= replicas; slot++)
    if (!e.running().some((t) => t.slot === slot && t.status.state === 'running')) n++;
  return n;
}

/**
 * Every new task fails (as the engine would report it), the tasks told to stop stop (so the slot's
 * history is trimmed as on a real node), then the restart backoff passes; `rounds` times.
 */
async function failNewTasks(
  e: RolloutEnv,
  replicas: number,
  rounds: number,
  state: 'failed' | 'rejected' = 'rejected',
): Promise<number> {
  let worst = 0;
  for (let i = 0; i < rounds; i++) {
    for (const t of e.running().filter((x) => isNew(x) && x.status.state !== 'failed' && x.status.state !== 'rejected'))
      await e.fail(t.id, state);
    await e.stopAll();
    await e.settle();
    worst = Math.max(worst, outOfService(e, replicas));
    e.clock.advance(11_000); // past the longest restart backoff
    await e.settle();
    worst = Math.max(worst, outOfService(e, replicas));
  }
  return worst;
}

describe('update failures', () => {
  test('pause (default): a missing image stops the update after the first slot, however often it restarts', async () => {
    const e = await env3();
    try {
      const old = e.running().map((t) => t.id);
      await e.setSpec(broken);
      await e.settle();
      assert.equal(e.service().updateStatus?.state, 'updating');
      const first = e.running().find(isNew)!;
      assert.ok(first !== undefined);
      // more restarts than the slot's history keeps (5): the update must not move on
      const worst = await failNewTasks(e, 3, 8);
      assert.equal(worst, 1, 'never more than parallelism (1) slot out of service');
      const st = e.service().updateStatus!;
      assert.equal(st.state, 'paused');
      assert.match(
        st.message,
        new RegExp(`update paused: task ${first.id} \\(slot ${first.slot}\\) rejected: No such image`),
      );
      assert.deepEqual(st.failedTaskIds, [first.id]);
      assert.equal(st.completedAt, 0);
      // the other slots still run their old task
      const oldRunning = e.running().filter((t) => old.includes(t.id) && t.status.state === 'running');
      assert.equal(oldRunning.length, 2);
      assert.ok(oldRunning.every((t) => t.slot !== first.slot));
    } finally {
      await e.orch.stop();
    }
  });

  test('a crashing command: a new task that exits before the monitor ends is a failure', async () => {
    const e = await env3();
    try {
      await e.setSpec(broken);
      await e.settle();
      await e.runAll(); // the new task starts running...
      await e.settle();
      e.clock.advance(4000); // ...within the monitor (5 s)
      await e.settle();
      assert.equal(e.running().filter(isNew).length, 1, 'the next slot waits for the monitor');
      const t = e.running().find(isNew)!;
      await e.fail(t.id); // ...and exits
      await e.settle();
      const st = e.service().updateStatus!;
      assert.equal(st.state, 'paused');
      assert.match(st.message, /failed: exit 1/);
      const worst = await failNewTasks(e, 3, 6, 'failed');
      assert.equal(worst, 1);
      assert.equal(e.running().filter(isNew).length, 1);
    } finally {
      await e.orch.stop();
    }
  });

  test('a new task that ran for the monitor counts; the update completes once the last one did', async () => {
    const e = await env3();
    try {
      await e.setSpec(broken);
      for (let slot = 1; slot <= 3; slot++) {
        await e.settle();
        assert.equal(e.running().filter(isNew).length, slot);
        await e.runAll();
        await e.settle();
        e.clock.advance(5000);
      }
      await e.settle();
      const st = e.service().updateStatus!;
      assert.equal(st.state, 'completed');
      assert.equal(st.message, 'update completed');
      assert.ok(st.completedAt >= st.startedAt && st.completedAt > 0);
      // a completed task that exits later is no update failure
      await e.fail(e.running().find(isNew)!.id);
      await e.settle();
      assert.equal(e.service().updateStatus?.state, 'completed');
    } finally {
      await e.orch.stop();
    }
  });

  test('unhealthy: a new task that reports unhealthy is a failure; one still starting does not count yet', async () => {
    const e = await env3();
    try {
      await e.setSpec(broken);
      await e.settle();
      await e.runAll();
      const t = e.running().find(isNew)!;
      await e.setHealth(t.id, 'starting');
      await e.settle();
      e.clock.advance(10_000);
      await e.settle();
      assert.equal(e.running().filter(isNew).length, 1, 'a task still starting its health check has not counted');
      await e.setHealth(t.id, 'unhealthy');
      await e.settle();
      const st = e.service().updateStatus!;
      assert.equal(st.state, 'paused');
      assert.match(st.message, new RegExp(`task ${t.id} \\(slot ${t.slot}\\) unhealthy`));
    } finally {
      await e.orch.stop();
    }
  });

  test('rollback: the first failure returns to the previous spec with the rollback policy; the others never stop', async () => {
    const e = await env3(
      { failureAction: 'rollback' },
      { rollback: { parallelism: 1, delayMs: 0, order: 'stop-first', monitorMs: 1000 } },
    );
    try {
      const before = e.service().spec;
      const old = e.running().map((t) => t.id);
      await e.setService((s) => ({ ...s, previousSpec: s.spec, spec: broken(s.spec) }));
      await e.settle();
      const first = e.running().find(isNew)!;
      await e.fail(first.id, 'rejected');
      await e.settle();
      let s = e.service();
      assert.equal(s.updateStatus?.state, 'rollback_started');
      assert.match(
        s.updateStatus!.message,
        new RegExp(`update rolled back: task ${first.id} \\(slot ${first.slot}\\) rejected`),
      );
      assert.equal(s.spec.image, before.image);
      assert.equal(s.previousSpec?.image, 'broken:latest');
      assert.ok(outOfService(e, 3) <= 1);
      // the failed slot gets a task of the previous spec (after its restart backoff)
      e.clock.advance(1000);
      await e.settle();
      assert.equal(e.running().filter(isNew).length, 0);
      assert.ok(outOfService(e, 3) <= 1);
      await e.runAll();
      await e.settle();
      e.clock.advance(1000); // the rollback's monitor
      await e.settle();
      s = e.service();
      assert.equal(s.updateStatus?.state, 'rollback_completed');
      assert.match(s.updateStatus!.message, /^rollback completed \(update rolled back: task /);
      assert.equal(e.running().length, 3);
      assert.equal(e.running().filter((t) => old.includes(t.id)).length, 2, 'the two other slots kept their task');
      assert.ok(e.running().every((t) => t.status.state === 'running' && !isNew(t)));
    } finally {
      await e.orch.stop();
    }
  });

  test('rollback without a previous spec pauses', async () => {
    const e = await env3({ failureAction: 'rollback' });
    try {
      await e.setSpec(broken);
      await e.settle();
      await e.fail(e.running().find(isNew)!.id, 'rejected');
      await e.settle();
      const st = e.service().updateStatus!;
      assert.equal(st.state, 'paused');
      assert.match(st.message, /no previous spec to roll back to/);
    } finally {
      await e.orch.stop();
    }
  });

  test('continue: the failing slot keeps the budget (parallelism 2: at most 2 out); the update goes on once it recovers', async () => {
    const e = await rolloutEnv(5, {
      parallelism: 2,
      delayMs: 0,
      order: 'stop-first',
      failureAction: 'continue',
      monitorMs: 1000,
    });
    try {
      await e.setSpec(broken);
      await e.settle();
      assert.equal(e.running().filter(isNew).length, 2);
      const worst = await failNewTasks(e, 5, 7);
      assert.equal(worst, 2, 'never more than parallelism (2) slots out of service');
      assert.equal(e.service().updateStatus?.state, 'updating');
      assert.match(e.service().updateStatus!.message, /update continues after a failure/);
      assert.equal(e.running().filter(isNew).length, 2, 'no third slot while two fail');
      // the failing tasks start to work (e.g. a dependency came back): the update goes on to the end
      for (let i = 0; i < 5; i++) {
        await e.runAll();
        await e.settle();
        e.clock.advance(1000);
        await e.settle();
      }
      assert.equal(e.service().updateStatus?.state, 'completed');
      assert.equal(e.running().filter((t) => isNew(t) && t.status.state === 'running').length, 5);
    } finally {
      await e.orch.stop();
    }
  });

  test('max failure ratio: failures up to the ratio of the slots are tolerated', async () => {
    const e = await rolloutEnv(4, {
      parallelism: 1,
      delayMs: 0,
      order: 'stop-first',
      monitorMs: 0,
      maxFailureRatio: 0.3,
    });
    try {
      await e.setSpec(broken);
      await e.settle();
      const a = e.running().find(isNew)!;
      await e.fail(a.id, 'failed');
      await e.settle();
      assert.equal(e.service().updateStatus?.state, 'updating', '1 of 4 (0.25) is within 0.3');
      assert.match(e.service().updateStatus!.message, new RegExp(`update: task ${a.id}`));
      e.clock.advance(200);
      await e.settle();
      const b = e.running().find((t) => isNew(t) && t.id !== a.id)!;
      await e.fail(b.id, 'failed');
      await e.settle();
      assert.equal(e.service().updateStatus?.state, 'paused', '2 of 4 (0.5) is past 0.3');
      assert.deepEqual(e.service().updateStatus?.failedTaskIds, [a.id, b.id]);
    } finally {
      await e.orch.stop();
    }
  });

  test('a paused update resumes when its status is set back to updating (a bare service update), and pauses again on the next failure', async () => {
    const e = await env3();
    try {
      await e.setSpec(broken);
      await e.settle();
      await failNewTasks(e, 3, 1);
      assert.equal(e.service().updateStatus?.state, 'paused');
      await e.setService((s) => ({
        ...s,
        updateStatus: { ...s.updateStatus!, state: 'updating', message: 'update resumed', failedTaskIds: [] },
      }));
      await e.settle();
      const worst = await failNewTasks(e, 3, 2);
      assert.equal(worst, 1);
      assert.equal(e.service().updateStatus?.state, 'paused');
      // fixed: the slot runs and counts; resumed, the update goes on to the end
      await e.setSpec((s) => ({ ...s, image: 'fixed:1' }));
      await e.setService((s) => ({ ...s, updateStatus: { ...s.updateStatus!, state: 'updating', failedTaskIds: [] } }));
      for (let i = 0; i < 4; i++) {
        e.clock.advance(11_000);
        await e.settle();
        await e.runAll();
        await e.settle();
      }
      e.clock.advance(5000);
      await e.settle();
      assert.equal(e.service().updateStatus?.state, 'completed');
      assert.ok(e.running().every((t) => t.spec.image === 'fixed:1' && t.status.state === 'running'));
    } finally {
      await e.orch.stop();
    }
  });

  test('leader failover: a paused update stays paused, an update in progress goes on from the stored status', async () => {
    const e = await env3();
    try {
      await e.setSpec(broken);
      await e.settle();
      await failNewTasks(e, 3, 1);
      assert.equal(e.service().updateStatus?.state, 'paused');
      await e.failover();
      const worst = await failNewTasks(e, 3, 3);
      assert.equal(worst, 1);
      assert.equal(e.service().updateStatus?.state, 'paused');
      assert.equal(e.running().filter(isNew).length, 1);
      // a new spec replaces the paused update; the leader changes halfway
      await e.setSpec((s) => ({ ...s, image: 'fixed:1' }));
      await e.setService((s) => ({ ...s, updateStatus: { ...s.updateStatus!, state: 'updating', failedTaskIds: [] } }));
      e.clock.advance(11_000);
      await e.settle();
      await e.runAll();
      await e.settle();
      await e.failover();
      for (let i = 0; i < 3; i++) {
        e.clock.advance(5000);
        await e.settle();
        await e.runAll();
        await e.settle();
      }
      e.clock.advance(5000);
      await e.settle();
      assert.equal(e.service().updateStatus?.state, 'completed');
      assert.ok(e.running().every((t) => t.spec.image === 'fixed:1' && t.status.state === 'running'));
    } finally {
      await e.orch.stop();
    }
  });
});

function env3(
  update: Partial<NonNullable<ServiceSpec['update']>> = {},
  over: Partial<ServiceSpec> = {},
): Promise<RolloutEnv> {
  return rolloutEnv(3, { parallelism: 1, delayMs: 0, order: 'stop-first', ...update }, over);
}
