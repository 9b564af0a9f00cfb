import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { ClusterError } from '@clusterctl/common';
import { EntryType, type Entry } from '@clusterctl/raft';
import { LevelStorage } from './level-storage.js';
import { OpsWriter, Wal, WAL_CORRUPT_HINT, decodeOps } from './wal.js';

function ent(index: number, term: number): Entry {
  return { index, term, type: EntryType.Normal, data: Buffer.from(`${index}:${term}`) };
}

function range(lo: number, hi: number, term: number): Entry[] {
  const out: Entry[] = [];
  for (let i = lo; i <= hi; i++) out.push(ent(i, term));
  return out;
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clusterctl-wal-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A LevelDB directory that lost every write (what a machine crash may do to unsynced writes). */
async function emptyLevelDb(dir: string): Promise<void> {
  const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await db.open();
  await db.close();
}

function terms(s: LevelStorage): number[] {
  return s.entries(s.firstIndex(), s.lastIndex() + 1, Infinity).map((e) => e.term);
}

describe('write-ahead file', () => {
  test('ops round-trip through a record payload', () => {
    const w = new OpsWriter();
    w.put(Buffer.from('a'), Buffer.from('1'));
    w.del(Buffer.from('bb'));
    w.put(Buffer.from('c'), new Uint8Array(0));
    const ops = decodeOps(w.finish());
    assert.deepEqual(
      ops.map((o) => [o.type, o.key.toString(), o.type === 'put' ? o.value.toString() : null]),
      [
        ['put', 'a', '1'],
        ['del', 'bb', null],
        ['put', 'c', ''],
      ],
    );
  });

  test('synced batches that LevelDB lost are recovered from the file alone, truncations included', async () => {
    await withDir(async (root) => {
      const a = join(root, 'a');
      const s = await LevelStorage.open(a);
      await s.bootstrap(
        {
          entries: range(1, 3, 1),
          hardState: { term: 1, vote: 0, commit: 3 },
          confState: { voters: [1, 2, 3], learners: [] },
        },
        3,
      );
      await s.save({ entries: range(4, 9, 2), hardState: { term: 2, vote: 2, commit: 5 }, mustSync: true });
      await s.save({ entries: range(7, 8, 3), hardState: { term: 3, vote: 3, commit: 6 }, mustSync: true }); // truncates 9
      const walBytes = await readFile(join(a, 'RAFT-WAL')); // as a machine crash would leave it
      await s.close();

      const b = join(root, 'b');
      await emptyLevelDb(b);
      await writeFile(join(b, 'RAFT-WAL'), walBytes);
      const r = await LevelStorage.open(b);
      try {
        assert.deepEqual(r.initialState().hardState, { term: 3, vote: 3, commit: 6 });
        assert.equal(r.lastIndex(), 8);
        assert.deepEqual(terms(r), [1, 1, 1, 2, 2, 2, 3, 3]);
        assert.equal(r.applied(), 3);
      } finally {
        await r.close();
      }
      // The replay was made durable in LevelDB and the file started over: a second open agrees.
      const again = await LevelStorage.open(b);
      assert.equal(again.lastIndex(), 8);
      await again.close();
    });
  });

  test('a torn last record ends the replay; everything before it survives', async () => {
    await withDir(async (root) => {
      const a = join(root, 'a');
      const s = await LevelStorage.open(a);
      await s.save({ entries: range(1, 2, 1), hardState: { term: 1, vote: 1, commit: 0 }, mustSync: true });
      const before = await readFile(join(a, 'RAFT-WAL'));
      await s.save({ entries: range(3, 4, 1), hardState: { term: 1, vote: 1, commit: 0 }, mustSync: true });
      const after = await readFile(join(a, 'RAFT-WAL'));
      await s.close();
      // Tear the second record: flip one byte of its payload.
      let at = 0;
      while (at < after.length && after[at] === before[at]) at++;
      assert.ok(at < after.length, 'second record found');
      const torn = Buffer.from(after);
      torn[at + 20] = torn[at + 20]! ^ 0xff;
      const b = join(root, 'b');
      await emptyLevelDb(b);
      await writeFile(join(b, 'RAFT-WAL'), torn);
      const r = await LevelStorage.open(b);
      assert.equal(r.lastIndex(), 2);
      await r.close();
    });
  });

  test('a full file checkpoints into LevelDB and starts a new generation; nothing is lost', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir, { walBytes: 16 * 1024 });
      for (let i = 0; i < 60; i++) {
        await s.save({
          entries: range(i * 10 + 1, i * 10 + 10, 1),
          hardState: { term: 1, vote: 1, commit: i * 10 },
          mustSync: true,
        });
      }
      // A record bigger than the whole file goes to LevelDB directly (after a checkpoint).
      const big: Entry = { index: 601, term: 1, type: EntryType.Normal, data: Buffer.alloc(20 * 1024, 7) };
      await s.save({ entries: [big], hardState: { term: 1, vote: 1, commit: 600 }, mustSync: true });
      await s.save({ entries: range(602, 603, 1), mustSync: true });
      assert.ok(s.stats.checkpoints >= 2, `checkpoints: ${s.stats.checkpoints}`);
      const walBytes = await readFile(join(dir, 'RAFT-WAL'));
      await s.close();
      const r = await LevelStorage.open(dir, { walBytes: 16 * 1024 });
      assert.equal(r.lastIndex(), 603);
      assert.equal(r.initialState().hardState.commit, 600);
      assert.equal(r.entries(601, 602, Infinity)[0]!.data.length, 20 * 1024);
      await r.close();
      // The file as it was before the clean close still replays onto the stored state.
      await writeFile(join(dir, 'RAFT-WAL'), walBytes);
      const r2 = await LevelStorage.open(dir, { walBytes: 16 * 1024 });
      assert.equal(r2.lastIndex(), 603);
      await r2.close();
    });
  });

  test('a torn header falls back to the other slot, whose records are still there', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'w');
      const { wal } = await Wal.open(path, 64 * 1024);
      await wal.append(Buffer.from('one'), true);
      await wal.reset(); // generation 1 (slot 1)
      await wal.append(Buffer.from('two'), true);
      await wal.append(Buffer.from('three'), true);
      await wal.close();
      let opened = await Wal.open(path, 64 * 1024);
      assert.deepEqual(opened.records.map(String), ['two', 'three']);
      await opened.wal.reset(); // generation 2 (slot 0), interrupted: tear slot 0
      await opened.wal.close();
      const bytes = await readFile(path);
      bytes[9] = bytes[9]! ^ 0xff;
      await writeFile(path, bytes);
      opened = await Wal.open(path, 64 * 1024);
      assert.deepEqual(opened.records.map(String), ['two', 'three']);
      await opened.wal.close();
    });
  });
});

/** A CORRUPT error whose message names `re` and whose hint says what the operator can do. */
const corrupt = (re: RegExp) => (e: unknown) =>
  e instanceof ClusterError && e.code === 'CORRUPT' && re.test(e.message) && e.hint === WAL_CORRUPT_HINT;

describe('a damaged write-ahead file is CORRUPT, with what to do', () => {
  test('both header slots unreadable', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'w');
      const { wal } = await Wal.open(path, 64 * 1024);
      await wal.close();
      const bytes = await readFile(path);
      bytes.fill(0xab, 0, 1024);
      await writeFile(path, bytes);
      await assert.rejects(Wal.open(path, 64 * 1024), corrupt(/bad write-ahead file header/));
    });
  });

  test('a record that passes its crc but does not decode', () => {
    const w = new OpsWriter();
    w.put(Buffer.from('key'), Buffer.from('value'));
    const good = w.finish();
    assert.throws(
      () => decodeOps(Buffer.concat([good, Buffer.from([7, 0, 0, 0, 0])]), 'f'),
      corrupt(/^f: unknown op 7/),
    );
    for (let cut = 1; cut < good.length; cut++)
      assert.throws(() => decodeOps(good.subarray(0, cut), 'f'), corrupt(/^f: truncated op/), `cut at ${cut}`);
  });

  test('the raft log refuses to open on it (CORRUPT, not an internal error) and names the file', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.close();
      const path = join(dir, 'RAFT-WAL');
      const bytes = await readFile(path);
      bytes.fill(0, 0, 1024);
      await writeFile(path, bytes);
      await assert.rejects(LevelStorage.open(dir), corrupt(/RAFT-WAL: bad write-ahead file header/));
    });
  });
});
