// Bench: synced LevelStorage.save() latency and throughput for batches of 1 and 256 small entries.
// Run: node packages/bench/dist/raft-node/storage-bench.js [--entry-bytes 100] [--seconds 3]
//      [--at-rest on|off|both]  (encryption at rest under a data key, as managers write; default both)
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
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
