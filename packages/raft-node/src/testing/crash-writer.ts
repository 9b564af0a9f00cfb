// Test fixture: a child process that appends synced batches to a LevelStorage and prints
// "ack <lastIndex> <term>" after each write resolved. The crash test SIGKILLs it mid-stream.
// Every 7th batch first overwrites the last 2 entries with a higher term (truncate-and-append).
// An optional size of the write-ahead files (bytes) makes them fill and rotate often.

import { EntryType, type Entry } from '@clusterctl/raft';
import { LevelStorage } from '../level-storage.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: crash-writer <dir> [perBatch] [walBytes]');
const perBatch = Number(process.argv[3] ?? '8');
const walBytes = process.argv[4] === undefined ? undefined : Number(process.argv[4]);

const storage = await LevelStorage.open(dir, walBytes === undefined ? {} : { walBytes });
let last = storage.lastIndex();
let term = last === 0 ? 1 : storage.term(last);
for (let batch = 0; ; batch++) {
  let first = last + 1;
  if (batch % 7 === 6 && last - 2 >= storage.firstIndex()) {
    first = last - 1;
    term++;
  }
  const entries: Entry[] = [];
  for (let i = first; i < first + perBatch; i++) {
    entries.push({ index: i, term, type: EntryType.Normal, data: Buffer.from(`${i}:${term}`) });
  }
  last = first + perBatch - 1;
  await storage.save({ entries, hardState: { term, vote: 1, commit: Math.max(0, first - 1) }, mustSync: true });
  process.stdout.write(`ack ${last} ${term}\n`);
}
