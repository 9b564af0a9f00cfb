// The leader pipeline at scale: N simulated nodes, then `service create --replicas T` as one store
// write; the orchestrator creates the T tasks and the scheduler assigns them. Measures the time
// from the service write until every task is committed as assigned (real ClusterStore +
// LocalProposer: in-process commit, no raft/disk). Prints one JSON line.
//   node packages/bench/dist/scheduler/service-bench.js [replicas=10000] [nodes=1000]

import { ClusterStore } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { startLeaderComponents } from '@clusterctl/manager';

const replicas = Number(process.argv[2] ?? 10_000);
const nodes = Number(process.argv[3] ?? 1_000);

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
const leader = startLeaderComponents({ store });
const startIndex = proposer.lastIndex;
let created = 0;
let assigned = 0;
let tCreated = 0;
const t0 = performance.now();
const done = new Promise<void>((resolve) => {
  const w = store.watch({ table: 'tasks', maxBuffered: 10_000_000 });
  void (async () => {
    for await (const e of w) {
      if (e.type === 'create' && ++created === replicas) tCreated = performance.now();
      if (
        e.type === 'update' &&
        e.table === 'tasks' &&
        e.object.status.state === 'assigned' &&
        ++assigned === replicas
      ) {
        w.close();
        resolve();
      }
    }
  })();
});
await store.update((tx) =>
  tx.create('services', fixtures.newService('big', { mode: { kind: 'replicated', replicas } })),
);
await done;
const ms = performance.now() - t0;
await leader.stop();
console.log(
  JSON.stringify({
    bench: 'service-create-to-assigned',
    replicas,
    nodes,
    ms: Math.round(ms),
    tasksPerSec: Math.round((replicas / ms) * 1000),
    createdAfterMs: Math.round(tCreated - t0),
    proposals: proposer.lastIndex - startIndex,
  }),
);
