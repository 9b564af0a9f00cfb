import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '@clusterctl/common/testing';
import { ClusterStore, type Task } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { Scheduler } from './scheduler.js';

function newStore(): { store: ClusterStore; proposer: LocalProposer } {
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  return { store, proposer };
}

const tasksOf = (store: ClusterStore): Task[] => store.view((tx) => tx.list('tasks'));

test('Scheduler assigns pending tasks in few proposals, leaves unfit ones pending with a message and retries on node changes', async () => {
  const { store, proposer } = newStore();
  const nodeIds = await store.update((tx) => [1, 2, 3].map((i) => tx.create('nodes', fixtures.newNode(`h${i}`)).id));
  const svc = await store.update((tx) =>
    tx.create('services', fixtures.newService('web', { mode: { kind: 'replicated', replicas: 6 } })),
  );
  const zoned = fixtures.serviceSpec('zoned', { constraints: ['node.labels.zone==a'] });
  await store.batch((b) => {
    for (let i = 1; i <= 6; i++)
      b.update(
        (tx) =>
          void tx.create(
            'tasks',
            fixtures.newTask(svc.id, i, svc.spec, { status: { state: 'pending', message: '', timestamp: 0 } }),
          ),
      );
    b.update(
      (tx) =>
        void tx.create(
          'tasks',
          fixtures.newTask('zoned', 1, zoned, { status: { state: 'pending', message: '', timestamp: 0 } }),
        ),
    );
  });
  const before = proposer.lastIndex;
  const s = new Scheduler({ store });
  s.start();
  try {
    await waitFor(
      'assignments',
      () =>
        tasksOf(store).filter((t) => t.status.state === 'assigned').length === 6 &&
        tasksOf(store).some((t) => t.status.message.startsWith('no suitable')),
      { timeoutMs: 5000, intervalMs: 5 },
    );
    const web = tasksOf(store).filter((t) => t.serviceId === svc.id);
    const perNode = new Map<string, number>();
    for (const t of web) perNode.set(t.nodeId, (perNode.get(t.nodeId) ?? 0) + 1);
    assert.deepEqual([...perNode.keys()].sort(), [...nodeIds].sort());
    assert.deepEqual([...perNode.values()], [2, 2, 2]);
    assert.ok(proposer.lastIndex - before <= 2, `few proposals (${proposer.lastIndex - before})`);
    const z = tasksOf(store).find((t) => t.serviceId === 'zoned')!;
    assert.equal(z.status.state, 'pending');
    assert.equal(z.nodeId, '');
    assert.equal(z.status.message, 'no suitable node (3 nodes failed constraint node.labels.zone==a)');

    // a node gains the label: the waiting task is placed there
    await store.update((tx) => {
      const n = tx.get('nodes', nodeIds[1]!)!;
      tx.update('nodes', { ...n, labels: { zone: 'a' } });
    });
    await waitFor(
      'zoned task assigned',
      () => tasksOf(store).find((t) => t.serviceId === 'zoned')!.status.state === 'assigned',
      { timeoutMs: 5000, intervalMs: 5 },
    );
    assert.equal(tasksOf(store).find((t) => t.serviceId === 'zoned')!.nodeId, nodeIds[1]);
  } finally {
    await s.stop();
  }
});

test('Scheduler skips tasks whose desired state is past running and ignores tasks already placed', async () => {
  const { store } = newStore();
  const n = await store.update((tx) => tx.create('nodes', fixtures.newNode('h')));
  const spec = fixtures.serviceSpec('x');
  const [a, b] = await store.update((tx) => [
    tx.create(
      'tasks',
      fixtures.newTask('x', 1, spec, {
        desiredState: 'shutdown',
        status: { state: 'pending', message: '', timestamp: 0 },
      }),
    ),
    tx.create('tasks', fixtures.newTask('x', 2, spec, { status: { state: 'pending', message: '', timestamp: 0 } })),
  ]);
  const s = new Scheduler({ store });
  s.start();
  try {
    await waitFor('b assigned', () => store.view((tx) => tx.get('tasks', b!.id)!.status.state === 'assigned'), {
      timeoutMs: 5000,
      intervalMs: 5,
    });
    assert.equal(
      store.view((tx) => tx.get('tasks', a!.id)!.status.state),
      'pending',
    );
    assert.equal(
      store.view((tx) => tx.get('tasks', b!.id)!.nodeId),
      n.id,
    );
  } finally {
    await s.stop();
  }
});

test('a task waiting for resources is placed once a task on the node ends', async () => {
  const { store } = newStore();
  const n = await store.update((tx) =>
    tx.create('nodes', fixtures.newNode('h', { resources: { nanoCpus: 1e9, memoryBytes: 2 ** 30 } })),
  );
  const spec = fixtures.serviceSpec('big', {
    resources: { reservations: { nanoCpus: 1e9, memoryBytes: 0 }, limits: { nanoCpus: 0, memoryBytes: 0 } },
  });
  const [holder, waiting] = await store.update((tx) => [
    tx.create(
      'tasks',
      fixtures.newTask('big', 1, spec, { nodeId: n.id, status: { state: 'running', message: '', timestamp: 0 } }),
    ),
    tx.create('tasks', fixtures.newTask('big', 2, spec, { status: { state: 'pending', message: '', timestamp: 0 } })),
  ]);
  const s = new Scheduler({ store });
  s.start();
  try {
    const get = (id: string): Task => store.view((tx) => tx.get('tasks', id)!);
    await waitFor('unschedulable message', () => get(waiting!.id).status.message !== '', {
      timeoutMs: 5000,
      intervalMs: 5,
    });
    assert.equal(get(waiting!.id).status.message, 'no suitable node (1 node insufficient cpu)');
    await store.update((tx) => {
      const t = tx.get('tasks', holder!.id)!;
      tx.update('tasks', { ...t, desiredState: 'shutdown', status: { ...t.status, state: 'shutdown' } });
    });
    await waitFor('placed after the holder ended', () => get(waiting!.id).status.state === 'assigned', {
      timeoutMs: 5000,
      intervalMs: 5,
    });
    assert.equal(get(waiting!.id).nodeId, n.id);
  } finally {
    await s.stop();
  }
});

test('many waiting tasks are placed in slices of maxTasksPerPass, one commit each, spread as in one pass', async () => {
  const { store } = newStore();
  await store.update((tx) => [1, 2, 3].map((i) => tx.create('nodes', fixtures.newNode(`h${i}`))));
  const spec = fixtures.serviceSpec('many');
  await store.batch((b) => {
    for (let i = 1; i <= 35; i++)
      b.update(
        (tx) =>
          void tx.create(
            'tasks',
            fixtures.newTask('many', i, spec, { status: { state: 'pending', message: '', timestamp: 0 } }),
          ),
      );
  });
  // assignments per applied entry
  const perCommit = new Map<number, number>();
  const w = store.watch({ table: 'tasks' });
  void (async () => {
    for await (const e of w)
      if (e.type === 'update' && e.table === 'tasks' && e.object.status.state === 'assigned')
        perCommit.set(e.version, (perCommit.get(e.version) ?? 0) + 1);
  })();
  const s = new Scheduler({ store, maxTasksPerPass: 10 });
  s.start();
  try {
    await waitFor('all assigned', () => tasksOf(store).every((t) => t.status.state === 'assigned'), {
      timeoutMs: 5000,
      intervalMs: 5,
    });
    assert.deepEqual([...perCommit.values()], [10, 10, 10, 5]);
    assert.equal(s.stats.passes, 4);
    assert.equal(s.stats.assigned, 35);
    const perNode = new Map<string, number>();
    for (const t of tasksOf(store)) perNode.set(t.nodeId, (perNode.get(t.nodeId) ?? 0) + 1);
    assert.deepEqual([...perNode.values()].sort(), [11, 12, 12]);
  } finally {
    w.close();
    await s.stop();
  }
});

test('older tasks that fit nowhere do not hold back younger ones beyond the first slice', async () => {
  const { store } = newStore();
  const n = await store.update((tx) => tx.create('nodes', fixtures.newNode('h')));
  const zoned = fixtures.serviceSpec('zoned', { constraints: ['node.labels.zone==a'] });
  const plain = fixtures.serviceSpec('plain');
  await store.batch((b) => {
    for (let i = 1; i <= 25; i++)
      b.update(
        (tx) =>
          void tx.create(
            'tasks',
            fixtures.newTask('zoned', i, zoned, { status: { state: 'pending', message: '', timestamp: 0 } }),
          ),
      );
  });
  await store.batch((b) => {
    for (let i = 1; i <= 3; i++)
      b.update(
        (tx) =>
          void tx.create(
            'tasks',
            fixtures.newTask('plain', i, plain, { status: { state: 'pending', message: '', timestamp: 0 } }),
          ),
      );
  });
  const s = new Scheduler({ store, maxTasksPerPass: 10 });
  s.start();
  try {
    await waitFor(
      'the younger tasks placed, the older ones told why not',
      () =>
        tasksOf(store).every((t) =>
          t.serviceId === 'plain' ? t.status.state === 'assigned' && t.nodeId === n.id : t.status.message !== '',
        ),
      { timeoutMs: 5000, intervalMs: 5 },
    );
    const zonedTasks = tasksOf(store).filter((t) => t.serviceId === 'zoned');
    assert.equal(zonedTasks.length, 25);
    for (const t of zonedTasks) assert.equal(t.status.state, 'pending');
  } finally {
    await s.stop();
  }
});
