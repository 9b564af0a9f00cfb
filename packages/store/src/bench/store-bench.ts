// Micro-benchmark of the store's state machine (no raft, no disk): prints one JSON object.
//   node packages/store/dist/bench/store-bench.js [--quick]
// - kv: apply() of pre-encoded single-put entries; the same through store.update() end to end
//   (tx, encode, propose to an in-process proposer that applies at once, decode, apply, resolve);
//   and with one watcher attached.
// - tasks: batches of 1000 task creates / updates through store.batch(); apply() of pre-encoded
//   1000-task entries; snapshot and restore of the result.

import { performance } from 'node:perf_hooks';
import { ClusterStore } from '../cluster-store.js';
import type { Proposer } from '../proposer.js';
import { encodeEntry, encodeOp, bytesToBase64, encodeBody, encodeMergeBody } from '../codec.js';
import { newService, newTask } from '../testing/fixtures.js';
import type { Task } from '../objects.js';

const quick = process.argv.includes('--quick');
const KV_N = quick ? 20_000 : 200_000;
const TASK_BATCHES = quick ? 5 : 50;

/** A proposer that applies synchronously (what the driver does minus raft/disk), with raft-like indexes. */
function directProposer(store: ClusterStore): Proposer {
  let index = store.version;
  return {
    propose: (data) => Promise.resolve(store.apply(data, ++index)),
    readBarrier: () => Promise.resolve(),
  };
}

function rate(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

async function benchKv(): Promise<Record<string, unknown>> {
  const value = new Uint8Array(64).fill(7);
  const b64 = '"' + bytesToBase64(value) + '"';
  const entries: Uint8Array[] = [];
  for (let i = 0; i < KV_N; i++) {
    entries.push(encodeEntry(1_700_000_000_000 + i, ['[' + encodeOp('p', 'kv', `key-${i % 10_000}`, 0, b64) + ']']));
  }
  const entryBytes = entries[0]!.length;

  // 1. apply only
  const s1 = new ClusterStore();
  let t = performance.now();
  for (let i = 0; i < KV_N; i++) s1.apply(entries[i]!, i + 1);
  const applyMs = performance.now() - t;

  // 2. with a watcher consuming
  const s2 = new ClusterStore();
  const w = s2.watch({ maxBuffered: KV_N + 1 });
  t = performance.now();
  for (let i = 0; i < KV_N; i++) s2.apply(entries[i]!, i + 1);
  let consumed = 0;
  while (w.buffered > 0) {
    await w.next();
    consumed++;
  }
  const watchMs = performance.now() - t;
  w.close();

  // 3. end to end through update(), 256 in flight
  const s3 = new ClusterStore();
  s3.setProposer(directProposer(s3));
  const n3 = Math.floor(KV_N / 4);
  t = performance.now();
  const inflight = 256;
  let next = 0;
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (next < n3) {
        const i = next++;
        await s3.update((tx) => tx.kvPut(`key-${i % 10_000}`, value));
      }
    }),
  );
  const e2eMs = performance.now() - t;

  return {
    entries: KV_N,
    entryBytes,
    applyPerSec: rate(KV_N, applyMs),
    applyWithWatcherPerSec: rate(KV_N, watchMs),
    watcherEvents: consumed,
    updateEndToEnd: { n: n3, inflight, perSec: rate(n3, e2eMs) },
  };
}

async function benchTasks(): Promise<Record<string, unknown>> {
  const store = new ClusterStore({ now: () => 1_700_000_000_000 });
  store.setProposer(directProposer(store));
  const svc = await store.update((tx) =>
    tx.create('services', newService('bench', { env: ['A=1', 'B=2'], constraints: ['node.role==worker'] })),
  );

  // creates: TASK_BATCHES batches of 1000 through batch()
  let t = performance.now();
  let proposals = 0;
  for (let b = 0; b < TASK_BATCHES; b++) {
    const r = await store.batch((batch) => {
      for (let i = 0; i < 1000; i++) {
        const slot = b * 1000 + i + 1;
        batch.update((tx) => void tx.create('tasks', newTask(svc.id, slot, svc.spec)));
      }
    });
    if (r.failed.length > 0) throw new Error(`batch failed: ${r.failed[0]!.error.message}`);
    proposals += r.proposals;
  }
  const createMs = performance.now() - t;
  const nTasks = TASK_BATCHES * 1000;

  // updates (assign to nodes) through batch()
  const all = store.view((tx) => tx.list('tasks'));
  t = performance.now();
  for (let b = 0; b < TASK_BATCHES; b++) {
    await store.batch((batch) => {
      for (let i = b * 1000; i < (b + 1) * 1000; i++) {
        const task = all[i]!;
        batch.update(
          (tx) =>
            void tx.update('tasks', {
              ...task,
              nodeId: `node-${i % 500}`,
              status: { ...task.status, state: 'assigned', message: 'scheduler assigned task to node', timestamp: 1 },
            }),
        );
      }
    });
  }
  const updateMs = performance.now() - t;

  // apply only: pre-encoded entries of 1000 task status updates each (one tx per task), as the
  // client sends them (merge: only the changed fields) and as whole records ('u', lagging replica)
  const applyOnly = (kind: 'm' | 'u'): { tasksPerSec: number; entryBytes: number } => {
    const current = store.view((tx) => tx.list('tasks'));
    const entries: Uint8Array[] = [];
    for (let b = 0; b < TASK_BATCHES; b++) {
      const txs: string[] = [];
      for (let i = b * 1000; i < (b + 1) * 1000; i++) {
        const task = current[i]!;
        const next: Task = {
          ...task,
          status: { ...task.status, state: 'running', containerId: 'c'.repeat(64), timestamp: 2 + store.version },
        };
        const body = kind === 'm' ? encodeMergeBody(task, next) : encodeBody('tasks', next);
        txs.push('[' + encodeOp(kind, 'tasks', task.id, task.meta.version, body) + ']');
      }
      entries.push(encodeEntry(1_700_000_000_001, txs));
    }
    const t0 = performance.now();
    let failed = 0;
    for (const e of entries) {
      const r = store.apply(e, store.version + 1) as { errors: unknown[] };
      failed += r.errors.filter((x) => x !== null).length;
    }
    const ms = performance.now() - t0;
    if (failed > 0) throw new Error(`${failed} pre-encoded updates failed`);
    return { tasksPerSec: rate(nTasks, ms), entryBytes: entries[0]!.length };
  };
  const applyMerge = applyOnly('m');
  const applyFull = applyOnly('u');

  // snapshot / restore
  t = performance.now();
  const snap = store.snapshot();
  const snapMs = performance.now() - t;
  const other = new ClusterStore();
  t = performance.now();
  other.restore(snap);
  const restoreMs = performance.now() - t;

  return {
    tasks: nTasks,
    batchOf: 1000,
    createViaBatch: { tasksPerSec: rate(nTasks, createMs), proposals },
    updateViaBatch: { tasksPerSec: rate(nTasks, updateMs) },
    applyOnlyMerge: applyMerge,
    applyOnlyFullRecord: applyFull,
    snapshot: { bytes: snap.length, ms: Math.round(snapMs), restoreMs: Math.round(restoreMs) },
  };
}

const kv = await benchKv();
const tasks = await benchTasks();
process.stdout.write(JSON.stringify({ node: process.version, quick, kv, tasks }, null, 2) + '\n');
