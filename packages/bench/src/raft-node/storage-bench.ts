// Bench: synced LevelStorage.save() latency and throughput for batches of 1 and 256 small entries,
// then saves while snapshots are stored beside them (as the driver does): 1,000 synced saves of 50
// entries with a snapshot of --snapshot-mb every 10,000 entries; the latency of the saves that ran
// while a snapshot was being stored tells whether a snapshot holds the writes up.
// Run: node packages/bench/dist/raft-node/storage-bench.js [--entry-bytes 100] [--seconds 3]
//      [--at-rest on|off|both]  (encryption at rest under a data key, as managers write; default both)
//      [--snapshot-mb 2]
// (a script at the process edge: it prints its results to stdout).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EntryType, type Entry } from '@clusterctl/raft';
import { LevelStorage, RecordCipher } from '@clusterctl/raft-node';

const { values } = parseArgs({
  options: {
    'entry-bytes': { type: 'string', default: '100' },
    seconds: { type: 'string', default: '3' },
    dir: { type: 'string' },
    'at-rest': { type: 'string', default: 'both' },
    'snapshot-mb': { type: 'string', default: '2' },
  },
});
const entryBytes = Number(values['entry-bytes']);
const seconds = Number(values.seconds);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(batchSize: number, sync: boolean, atRest: boolean): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(values.dir ?? tmpdir(), 'clusterctl-storage-bench-'));
  const s = await LevelStorage.open(dir, atRest ? { cipher: new RecordCipher(RecordCipher.generateKey()) } : {});
  const payload = Buffer.alloc(entryBytes, 7);
  const lat: number[] = [];
  let index = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < deadline) {
    const entries: Entry[] = [];
    for (let k = 0; k < batchSize; k++)
      entries.push({ index: ++index, term: 1, type: EntryType.Normal, data: payload });
    const start = performance.now();
    await s.save({ entries, hardState: { term: 1, vote: 1, commit: index - batchSize }, mustSync: sync });
    lat.push(performance.now() - start);
  }
  const elapsedS = (performance.now() - t0) / 1000;
  await s.close();
  await rm(dir, { recursive: true, force: true });
  lat.sort((a, b) => a - b);
  return {
    batchSize,
    sync,
    atRest,
    entryBytes,
    batches: lat.length,
    p50Ms: +pct(lat, 50).toFixed(3),
    p99Ms: +pct(lat, 99).toFixed(3),
    batchesPerS: Math.round(lat.length / elapsedS),
    entriesPerS: Math.round((lat.length * batchSize) / elapsedS),
  };
}

/** 1,000 synced saves of 50 entries; every 10,000 entries a snapshot is stored beside them (not awaited). */
async function withSnapshots(atRest: boolean): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(values.dir ?? tmpdir(), 'clusterctl-storage-bench-'));
  const s = await LevelStorage.open(dir, atRest ? { cipher: new RecordCipher(RecordCipher.generateKey()) } : {});
  const payload = Buffer.alloc(entryBytes, 7);
  const snapshotBytes = Math.round(Number(values['snapshot-mb']) * 1024 * 1024);
  const lat: number[] = [];
  const during: number[] = [];
  const snapshotMs: number[] = [];
  const snapshots: Promise<unknown>[] = [];
  let storing = 0;
  let index = 0;
  for (let n = 0; n < 1000; n++) {
    const entries: Entry[] = [];
    for (let k = 0; k < 50; k++) entries.push({ index: ++index, term: 1, type: EntryType.Normal, data: payload });
    const busy = storing > 0;
    const start = performance.now();
    await s.save({ entries, hardState: { term: 1, vote: 1, commit: index - 50 }, mustSync: true });
    const ms = performance.now() - start;
    lat.push(ms);
    if (busy) during.push(ms);
    if (index % 10_000 === 0) {
      storing++;
      const t0 = performance.now();
      snapshots.push(
        s.createSnapshot(index - 50, { voters: [1], learners: [] }, Buffer.alloc(snapshotBytes, 3), 1000).then(() => {
          storing--;
          snapshotMs.push(Math.round(performance.now() - t0));
        }),
      );
    }
  }
  await Promise.all(snapshots);
  await s.close();
  await rm(dir, { recursive: true, force: true });
  lat.sort((a, b) => a - b);
  during.sort((a, b) => a - b);
  return {
    phase: 'saves with snapshots beside them',
    atRest,
    entryBytes,
    snapshotBytes,
    saves: lat.length,
    p50Ms: +pct(lat, 50).toFixed(3),
    p99Ms: +pct(lat, 99).toFixed(3),
    maxMs: +lat[lat.length - 1]!.toFixed(3),
    savesDuringSnapshots: during.length,
    duringSnapshotsP50Ms: during.length > 0 ? +pct(during, 50).toFixed(3) : null,
    duringSnapshotsMaxMs: during.length > 0 ? +during[during.length - 1]!.toFixed(3) : null,
    snapshotMs,
  };
}

const results = [];
for (const [batchSize, sync] of [
  [1, true],
  [256, true],
  [1, false],
  [256, false],
] as const) {
  for (const atRest of values['at-rest'] === 'both' ? [false, true] : [values['at-rest'] !== 'off'])
    results.push(await run(batchSize, sync, atRest));
}
for (const atRest of values['at-rest'] === 'both' ? [false, true] : [values['at-rest'] !== 'off'])
  results.push(await withSnapshots(atRest));
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
