// The whole leader pipeline with hollow nodes: N in-process agents on the Dispatcher API (sessions,
// assignment streams, status reports; no gRPC, no containers) and a service of T replicas created
// as one store write (hollow nodes heartbeat every 500 ms). Measures until every task is reported
// running through the dispatcher's batched status path. Real ClusterStore + LocalProposer (no
// raft/disk). One JSON line.
//   node packages/bench/dist/scheduler/hollow-nodes-bench.js [replicas=10000] [nodes=1000]

import { ClusterStore, type Task } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { Dispatcher, startLeaderComponents, type StatusReport } from '@clusterctl/manager';

const replicas = Number(process.argv[2] ?? 10_000);
const nodes = Number(process.argv[3] ?? 1_000);

const store = new ClusterStore();
const proposer = new LocalProposer({ replicas: [store] });
store.setProposer(proposer);
const ids = Array.from({ length: nodes }, (_, i) => `hollow-${i}`);
await store.batch((b) => {
  for (const id of ids)
    b.update(
      (tx) =>
        void tx.create('nodes', {
          ...fixtures.newNode(id, { resources: { nanoCpus: 64e9, memoryBytes: 256 * 2 ** 30 } }),
          id,
        }),
    );
});
const dispatcher = new Dispatcher({ store, clusterId: 'bench', isLeader: () => true });
const leader = startLeaderComponents({ store, dispatcher });
await leader.started;

let running = 0;
let resolveDone: () => void = () => {};
const done = new Promise<void>((r) => (resolveDone = r));
const beats: NodeJS.Timeout[] = [];
const tS = performance.now();
await Promise.all(
  ids.map(async (nodeId) => {
    const { handle } = await dispatcher.openSession(
      nodeId,
      { hostname: nodeId, resources: { nanoCpus: 64e9, memoryBytes: 256 * 2 ** 30 } },
      '10.0.0.1',
    );
    const started = new Set<string>();
    beats.push(setInterval(() => dispatcher.heartbeat(nodeId, handle.id), 500));
    dispatcher.watchAssignments(
      nodeId,
      handle.id,
      (m) => {
        const reports: StatusReport[] = [];
        for (const t of m.update as Task[]) {
          if (t.desiredState === 'running' && t.status.state === 'assigned' && !started.has(t.id)) {
            started.add(t.id);
            reports.push({ taskId: t.id, status: { state: 'running', message: 'started', containerId: `c-${t.id}` } });
          }
        }
        if (reports.length === 0) return;
        dispatcher.updateTaskStatus(nodeId, handle.id, reports).then(
          () => {
            running += reports.length;
            if (running >= replicas) resolveDone();
          },
          () => {},
        );
      },
      () => {},
    );
  }),
);
const sessionsMs = performance.now() - tS;
const index0 = proposer.lastIndex;
const t0 = performance.now();
await store.update((tx) =>
  tx.create('services', fixtures.newService('hollow', { mode: { kind: 'replicated', replicas } })),
);
await done;
const ms = performance.now() - t0;
const passes = { scheduler: leader.scheduler.stats.passes, orchestrator: leader.orchestrator.stats.passes };
for (const b of beats) clearInterval(b);
await leader.stop();
dispatcher.close();
console.log(
  JSON.stringify({
    bench: 'hollow-nodes',
    nodes,
    replicas,
    sessionsMs: Math.round(sessionsMs),
    createToAllRunningMs: Math.round(ms),
    tasksPerSec: Math.round((replicas / ms) * 1000),
    proposals: proposer.lastIndex - index0,
    statusBatches: dispatcher.stats.statusBatches,
    passes,
  }),
);
