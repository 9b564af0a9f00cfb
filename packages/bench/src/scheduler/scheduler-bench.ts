// Scheduler throughput: N simulated nodes, one service of T pending tasks in a real ClusterStore
// (LocalProposer: in-process commit, no raft/disk), then time from Scheduler.start() until every
// task is committed as assigned. Prints one JSON line.
//   node packages/bench/dist/scheduler/scheduler-bench.js [tasks=10000] [nodes=1000] [services=1]

import { ClusterStore } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { Scheduler } from '@clusterctl/manager';

const tasks = Number(process.argv[2] ?? 10_000);
const nodes = Number(process.argv[3] ?? 1_000);
const services = Number(process.argv[4] ?? 1);

const store = new ClusterStore();
const proposer = new LocalProposer({ replicas: [store] });
store.setProposer(proposer);

await store.batch((b) => {
  for (let i = 0; i < nodes; i++)
    b.update(
      (tx) =>
        void tx.create(
          'nodes',
          fixtures.newNode(`node-${i}`, { resources: { nanoCpus: 64e9, memoryBytes: 256 * 2 ** 30 } }),
        ),
    );
});
const specs = Array.from({ length: services }, (_, i) =>
  fixtures.serviceSpec(`svc-${i}`, {
    resources: { reservations: { nanoCpus: 1e6, memoryBytes: 1 << 20 }, limits: { nanoCpus: 0, memoryBytes: 0 } },
  }),
);
await store.batch((b) => {
  for (let i = 0; i < tasks; i++) {
    const s = i % services;
    b.update(
      (tx) =>
        void tx.create(
          'tasks',
          fixtures.newTask(`svc-${s}`, Math.floor(i / services) + 1, specs[s]!, {
            status: { state: 'pending', message: '', timestamp: 0 },
          }),
        ),
    );
  }
});

const startIndex = proposer.lastIndex;
const done = new Promise<void>((resolve) => {
  let assigned = 0;
  const w = store.watch({ table: 'tasks', maxBuffered: 10_000_000 });
  void (async () => {
    for await (const e of w) {
      if (
        e.type === 'update' &&
        e.table === 'tasks' &&
        e.object.status.state === 'assigned' &&
        (e.oldObject as typeof e.object | undefined)?.status.state !== 'assigned' &&
        ++assigned === tasks
      ) {
        w.close();
        resolve();
      }
    }
  })();
});
const t0 = performance.now();
const sched = new Scheduler({ store });
sched.start();
await done;
const ms = performance.now() - t0;
await sched.stop();

const perNode = new Map<string, number>();
store.view((tx) => {
  for (const t of tx.list('tasks')) perNode.set(t.nodeId, (perNode.get(t.nodeId) ?? 0) + 1);
});
const counts = [...perNode.values()];
console.log(
  JSON.stringify({
    bench: 'scheduler',
    tasks,
    nodes,
    services,
    ms: Math.round(ms),
    tasksPerSec: Math.round((tasks / ms) * 1000),
    proposals: proposer.lastIndex - startIndex,
    perNodeMin: Math.min(...counts),
    perNodeMax: Math.max(...counts),
  }),
);
