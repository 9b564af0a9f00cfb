// Rolling updates: a new spec.forceUpdate value is a spec change (`service update --force`), and
// the service's UpdateConfig (parallelism, delay, stop-first | start-first, monitor) shapes the
// rollout; a replica count or an UpdateConfig change alone replaces no task. Failures, failure
// actions and the update status: update-failure.test.ts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClusterStore,
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  type ServiceSpec,
  type Task,
} from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import { Orchestrator } from './orchestrator.js';
import { rolloutEnv, type RolloutEnv } from './testing/rollout-env.js';

type Env = RolloutEnv;
const env = rolloutEnv;

const bump = (s: ServiceSpec): ServiceSpec => ({ ...s, env: [...s.env, `V=${s.env.length}`] });

test('a bumped forceUpdate replaces every task one at a time; replicas alone replace none', async () => {
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  await store.update((tx) =>
    tx.create('cluster', {
      id: DEFAULT_CLUSTER_ID,
      name: 'c',
      settings: { ...DEFAULT_CLUSTER_SETTINGS },
      joinTokenDigests: { worker: '', manager: '' },
    }),
  );
  const nodes = await store.update((tx) => [
    tx.create('nodes', fixtures.newNode('h0')).id,
    tx.create('nodes', fixtures.newNode('h1')).id,
  ]);
  const clock = new FakeClock();
  const orch = new Orchestrator({ store, clock });
  orch.start();
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setImmediate(r));
      await orch.idle();
    }
  };
  const tasks = (): Task[] => store.view((tx) => tx.list('tasks'));
  const running = (): Task[] => tasks().filter((t) => t.desiredState === 'running');
  /** Scheduler + agents: every pending task placed and running. */
  const runAll = async (): Promise<void> => {
    let i = 0;
    await store.update((tx) => {
      for (const t of tx.list('tasks')) {
        if (t.desiredState === 'running' && t.status.state === 'pending')
          tx.update('tasks', {
            ...t,
            nodeId: nodes[i++ % 2]!,
            status: { state: 'running', message: 'running', timestamp: clock.now() },
          });
      }
    });
  };
  const setSpec = async (fn: (s: ServiceSpec) => ServiceSpec): Promise<void> => {
    await store.update((tx) => {
      const s = tx.list('services')[0]!;
      tx.update('services', { ...s, spec: fn(s.spec) });
    });
  };
  try {
    await store.update((tx) =>
      tx.create('services', fixtures.newService('f', { mode: { kind: 'replicated', replicas: 2 } })),
    );
    await settle();
    await runAll();
    await settle();
    const first = running()
      .map((t) => t.id)
      .sort();
    assert.equal(first.length, 2);

    await setSpec((s) => ({ ...s, mode: { kind: 'replicated', replicas: 3 } }));
    await settle();
    await runAll();
    await settle();
    assert.equal(running().length, 3);
    assert.ok(
      first.every((id) => running().some((t) => t.id === id)),
      'a replica count change replaces no task',
    );
    const before = running().map((t) => t.id);

    await setSpec((s) => ({ ...s, forceUpdate: (s.forceUpdate ?? 0) + 1 }));
    for (let round = 1; round <= 3; round++) {
      await settle();
      const fresh = running().filter((t) => !before.includes(t.id));
      assert.equal(fresh.length, round, `round ${round}: one more task replaced`);
      assert.equal(running().filter((t) => t.status.state !== 'running').length, 1, 'one replacement at a time');
      assert.equal(
        tasks().filter((t) => before.includes(t.id) && t.desiredState === 'shutdown').length,
        round,
        'stop-first: its old task is told to stop',
      );
      await settle();
      assert.equal(
        running().filter((t) => !before.includes(t.id)).length,
        round,
        'the next waits until the new task runs',
      );
      await runAll();
      await settle();
      assert.equal(running().filter((t) => !before.includes(t.id)).length, round, 'and ran for the monitor (5 s)');
      clock.advance(5000);
    }
    await settle();
    assert.equal(running().length, 3);
    assert.ok(
      running().every((t) => !before.includes(t.id) && t.spec.forceUpdate === 1 && t.status.state === 'running'),
    );
  } finally {
    await orch.stop();
  }
});

describe('update config', () => {
  const fresh = (e: Env, before: string[]): Task[] => e.running().filter((t) => !before.includes(t.id));
  const stopped = (e: Env, before: string[]): Task[] =>
    e.tasks().filter((t) => before.includes(t.id) && t.desiredState === 'shutdown');

  test('parallelism 2: two slots at a time, the next once one of them runs; 0: all at once', async () => {
    const e = await env(4, { parallelism: 2, delayMs: 0, order: 'stop-first', monitorMs: 0 });
    try {
      const before = e.running().map((t) => t.id);
      await e.setSpec(bump);
      await e.settle();
      assert.equal(fresh(e, before).length, 2);
      assert.equal(stopped(e, before).length, 2);
      await e.runAll();
      await e.settle();
      assert.equal(fresh(e, before).length, 4);
      assert.equal(stopped(e, before).length, 4);
      // parallelism 0
      await e.setSpec((s) => ({ ...s, update: { parallelism: 0, delayMs: 0, order: 'stop-first', monitorMs: 0 } }));
      await e.settle();
      const mid = e.running().map((t) => t.id);
      assert.equal(fresh(e, before).length, 4, 'an update config change alone replaces nothing');
      await e.runAll();
      await e.setSpec(bump);
      await e.settle();
      assert.equal(fresh(e, mid).length, 4, 'all at once');
      assert.ok(fresh(e, mid).every((t) => t.status.state === 'pending'));
    } finally {
      await e.orch.stop();
    }
  });

  test('delay: after a replacement runs, the next waits the delay (counted on the clock)', async () => {
    const e = await env(3, { parallelism: 1, delayMs: 5000, order: 'stop-first', monitorMs: 0 });
    try {
      const before = e.running().map((t) => t.id);
      await e.setSpec(bump);
      await e.settle();
      assert.equal(fresh(e, before).length, 1, 'the first at once');
      await e.runAll();
      await e.settle();
      assert.equal(fresh(e, before).length, 1, 'the second waits');
      e.clock.advance(4999);
      await e.settle();
      assert.equal(fresh(e, before).length, 1, 'still waiting 1 ms before the delay');
      e.clock.advance(1);
      await e.settle();
      assert.equal(fresh(e, before).length, 2, 'the second after the delay');
      await e.runAll();
      e.clock.advance(5000);
      await e.settle();
      assert.equal(fresh(e, before).length, 3);
    } finally {
      await e.orch.stop();
    }
  });

  test('start-first: the old task runs until its replacement runs, also while a failing replacement is restarted (failure action continue)', async () => {
    const e = await env(2, {
      parallelism: 1,
      delayMs: 0,
      order: 'start-first',
      monitorMs: 0,
      failureAction: 'continue',
    });
    try {
      const before = e.running().map((t) => t.id);
      await e.setSpec(bump);
      await e.settle();
      assert.equal(fresh(e, before).length, 1);
      assert.equal(e.running().length, 3, 'the old task still meant to run beside its replacement');
      assert.equal(stopped(e, before).length, 0);
      const slot = fresh(e, before)[0]!.slot;
      // the replacement fails: restarted after the backoff, the old one keeps running
      await e.fail(fresh(e, before)[0]!.id);
      await e.settle();
      assert.equal(stopped(e, before).length, 0);
      assert.ok(e.running().some((t) => before.includes(t.id) && t.slot === slot && t.status.state === 'running'));
      e.clock.advance(1_000);
      await e.settle();
      assert.equal(fresh(e, before).filter((t) => t.status.state === 'pending').length, 1, 'a new replacement');
      assert.equal(stopped(e, before).length, 0);
      // it runs: the old one of that slot stops, the next slot starts its replacement
      await e.runAll();
      await e.settle();
      assert.equal(stopped(e, before).length, 1);
      assert.equal(stopped(e, before)[0]!.slot, slot);
      assert.equal(fresh(e, before).length, 2);
      assert.equal(e.running().length, 3);
      await e.runAll();
      await e.settle();
      assert.equal(stopped(e, before).length, 2);
      assert.equal(e.running().length, 2);
      assert.ok(e.running().every((t) => !before.includes(t.id) && t.status.state === 'running'));
    } finally {
      await e.orch.stop();
    }
  });
});
