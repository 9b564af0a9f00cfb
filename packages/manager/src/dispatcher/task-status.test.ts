import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '@clusterctl/common/testing';
import { ClusterStore } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { TaskStatusBatcher, type StatusStats } from './task-status.js';

test('reports from many tasks go to the store in batches of at most maxReportsPerBatch; repeats are ignored', async () => {
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  const spec = fixtures.serviceSpec('web');
  const ids = await store.update((tx) =>
    Array.from(
      { length: 25 },
      (_, i) =>
        tx.create(
          'tasks',
          fixtures.newTask('web', i + 1, spec, {
            nodeId: 'n1',
            status: { state: 'assigned', message: '', timestamp: 0 },
          }),
        ).id,
    ),
  );
  const stats: StatusStats = { statusBatches: 0, statusUpdatesApplied: 0, statusUpdatesIgnored: 0 };
  const batcher = new TaskStatusBatcher(store, new FakeClock(1_000), stats, () => undefined, 2, 10);
  const report = (taskId: string): { taskId: string; status: { state: string; message: string } } => ({
    taskId,
    status: { state: 'running', message: 'started' },
  });
  // the watch sees how many tasks each applied entry changed
  const perCommit = new Map<number, number>();
  const w = store.watch({ table: 'tasks' });
  void (async () => {
    for await (const e of w) if (e.type === 'update') perCommit.set(e.version, (perCommit.get(e.version) ?? 0) + 1);
  })();
  const before = proposer.lastIndex;
  await batcher.submit('n1', ids.map(report));
  assert.equal(stats.statusBatches, 3);
  assert.equal(stats.statusUpdatesApplied, 25);
  assert.equal(proposer.lastIndex - before, 3);
  for (const t of store.view((tx) => tx.list('tasks'))) assert.equal(t.status.state, 'running');

  // the same reports again (and one for a task not on this node) change nothing and are ignored
  await batcher.submit('n1', [...ids.map(report), report('no-such-task')]);
  assert.equal(stats.statusUpdatesIgnored, 26);
  assert.equal(proposer.lastIndex - before, 3);
  w.close();
  assert.deepEqual([...perCommit.values()], [10, 10, 5]);
});
