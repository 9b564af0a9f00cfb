// A task with a health check counts as running only once healthy: a rolling update waits for the
// replacement's health before the next slot, and start-first keeps the old task until then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClusterStore,
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  taskIsUp,
  type HealthCheck,
  type ServiceSpec,
  type Task,
  type TaskHealth,
  type UpdateConfig,
} from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import { Orchestrator } from './orchestrator.js';

const healthcheck: HealthCheck = {
  test: ['CMD-SHELL', 'test -f /ok'],
  intervalMs: 1000,
  timeoutMs: 0,
  retries: 0,
  startPeriodMs: 0,
};

async function env(replicas: number, update: UpdateConfig) {
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
  const nodes = await store.update((tx) => [0, 1, 2].map((i) => tx.create('nodes', fixtures.newNode(`h${i}`)).id));
  const clock = new FakeClock();
  const orch = new Orchestrator({ store, clock });
  const tasks = (): Task[] => store.view((tx) => tx.list('tasks'));
  const e = {
    store,
    orch,
    tasks,
    running: () => tasks().filter((t) => t.desiredState === 'running'),
    async settle() {
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setImmediate(r));
        await orch.idle();
      }
    },
    /** Scheduler + agents: pending tasks placed and running with `health`; tasks told to stop, stopped. */
    async runAll(health: TaskHealth) {
      let i = 0;
      await store.update((tx) => {
        for (const t of tx.list('tasks')) {
          if (t.desiredState === 'running' && t.status.state === 'pending')
            tx.update('tasks', {
              ...t,
              nodeId: nodes[i++ % 3]!,
              status: { state: 'running', message: 'running', timestamp: clock.now(), health },
            });
          else if (t.desiredState !== 'running' && t.status.state === 'running')
            tx.update('tasks', { ...t, status: { state: 'shutdown', message: 'stopped', timestamp: clock.now() } });
        }
      });
    },
    /** The agent reports the task healthy. */
    async healthy(id: string) {
      await store.update((tx) => {
        const t = tx.get('tasks', id)!;
        tx.update('tasks', { ...t, status: { ...t.status, health: 'healthy', timestamp: clock.now() } });
      });
    },
    async setSpec(fn: (s: ServiceSpec) => ServiceSpec) {
      await store.update((tx) => {
        const s = tx.list('services')[0]!;
        tx.update('services', { ...s, spec: fn(s.spec) });
      });
    },
  };
  orch.start();
  await store.update((tx) =>
    tx.create('services', fixtures.newService('f', { mode: { kind: 'replicated', replicas }, update, healthcheck })),
  );
  await e.settle();
  await e.runAll('healthy');
  await e.settle();
  assert.equal(e.running().length, replicas);
  return e;
}

test('taskIsUp: running, and healthy when the task has a check', () => {
  assert.equal(taskIsUp({ state: 'running' }), true);
  assert.equal(taskIsUp({ state: 'running', health: 'healthy' }), true);
  assert.equal(taskIsUp({ state: 'running', health: 'starting' }), false);
  assert.equal(taskIsUp({ state: 'running', health: 'unhealthy' }), false);
  assert.equal(taskIsUp({ state: 'starting' }), false);
});

test('stop-first: the next slot is replaced only once the new task of the previous one is healthy', async () => {
  // (no monitor period: the next slot as soon as the previous one's task is healthy)
  const e = await env(3, { parallelism: 1, delayMs: 0, order: 'stop-first', monitorMs: 0 });
  try {
    const before = e.running().map((t) => t.id);
    await e.setSpec((s) => ({ ...s, env: ['V=2'] }));
    for (let round = 1; round <= 3; round++) {
      await e.settle();
      await e.runAll('starting');
      await e.settle();
      const fresh = e.running().filter((t) => !before.includes(t.id));
      assert.equal(fresh.length, round, `round ${round}: the next slot waits while the new task is starting`);
      const starting = fresh.filter((t) => t.status.health === 'starting');
      assert.equal(starting.length, 1);
      await e.healthy(starting[0]!.id);
    }
    await e.settle();
    assert.ok(e.running().every((t) => !before.includes(t.id) && taskIsUp(t.status)));
  } finally {
    await e.orch.stop();
  }
});

test('start-first: the old task keeps running until its replacement is healthy', async () => {
  const e = await env(1, { parallelism: 1, delayMs: 0, order: 'start-first' });
  try {
    const [old] = e.running();
    await e.setSpec((s) => ({ ...s, env: ['V=2'] }));
    await e.settle();
    await e.runAll('starting');
    await e.settle();
    assert.equal(e.store.view((tx) => tx.get('tasks', old!.id))?.desiredState, 'running', 'kept while starting');
    const fresh = e.running().find((t) => t.id !== old!.id)!;
    await e.healthy(fresh.id);
    await e.settle();
    assert.equal(e.store.view((tx) => tx.get('tasks', old!.id))?.desiredState, 'shutdown', 'stopped once healthy');
  } finally {
    await e.orch.stop();
  }
});
