// `service update --force`: a new spec.forceUpdate value is a spec change for the orchestrator, so
// every task is replaced (rolling, one at a time); a replica count change alone replaces none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterStore, LocalProposer, fixtures, DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_SETTINGS, type ServiceSpec, type Task } from '@clusterctl/store';
import { FakeClock } from '../leader/clock.js';
import { Orchestrator } from './orchestrator.js';

test('a bumped forceUpdate replaces every task one at a time; replicas alone replace none', async () => {
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  await store.update((tx) => tx.create('cluster', { id: DEFAULT_CLUSTER_ID, name: 'c', settings: { ...DEFAULT_CLUSTER_SETTINGS }, joinTokenDigests: { worker: '', manager: '' } }));
  const nodes = await store.update((tx) => [tx.create('nodes', fixtures.newNode('h0')).id, tx.create('nodes', fixtures.newNode('h1')).id]);
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
        if (t.desiredState === 'running' && t.status.state === 'pending') tx.update('tasks', { ...t, nodeId: nodes[i++ % 2]!, status: { state: 'running', message: 'running', timestamp: clock.now() } });
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
    await store.update((tx) => tx.create('services', fixtures.newService('f', { mode: { kind: 'replicated', replicas: 2 } })));
    await settle();
    await runAll();
    await settle();
    const first = running().map((t) => t.id).sort();
    assert.equal(first.length, 2);

    await setSpec((s) => ({ ...s, mode: { kind: 'replicated', replicas: 3 } }));
    await settle();
    await runAll();
    await settle();
    assert.equal(running().length, 3);
    assert.ok(first.every((id) => running().some((t) => t.id === id)), 'a replica count change replaces no task');
    const before = running().map((t) => t.id);

    await setSpec((s) => ({ ...s, forceUpdate: (s.forceUpdate ?? 0) + 1 }));
    for (let round = 1; round <= 3; round++) {
      await settle();
      const fresh = running().filter((t) => !before.includes(t.id));
      assert.equal(fresh.length, round, `round ${round}: one more task replaced`);
      assert.equal(running().filter((t) => t.status.state !== 'running').length, 1, 'one replacement at a time');
      assert.equal(tasks().filter((t) => before.includes(t.id) && t.desiredState === 'shutdown').length, round, 'stop-first: its old task is told to stop');
      await settle();
      assert.equal(running().filter((t) => !before.includes(t.id)).length, round, 'the next waits until the new task runs');
      await runAll();
    }
    await settle();
    assert.equal(running().length, 3);
    assert.ok(running().every((t) => !before.includes(t.id) && t.spec.forceUpdate === 1 && t.status.state === 'running'));
  } finally {
    await orch.stop();
  }
});
