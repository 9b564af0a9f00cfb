import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { CompactedError, EntryType, UnavailableError, type Entry } from '@clusterctl/raft';
import { LevelStorage, indexOfLogKey, logKey, snapKey } from './level-storage.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'clusterctl-raftlog-'));
}

function ent(index: number, term: number, text = `${index}:${term}`): Entry {
  return { index, term, type: EntryType.Normal, data: Buffer.from(text) };
}

function range(lo: number, hi: number, term: number): Entry[] {
  const out: Entry[] = [];
  for (let i = lo; i <= hi; i++) out.push(ent(i, term));
  return out;
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir();
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function logIndexesOnDisk(s: LevelStorage): Promise<number[]> {
  const keys = await s.database.keys({ gte: logKey(0), lt: Buffer.from('log0') }).all();
  return keys.map(indexOfLogKey);
}

describe('LevelStorage', () => {
  test('log keys sort numerically: 9 < 10 < 256 < 2^40', async () => {
    const idx = [2 ** 40, 256, 10, 9, 2 ** 32, 1];
    const sorted = [...idx].sort((a, b) => a - b);
    const byBytes = idx.map(logKey).sort(Buffer.compare).map(indexOfLogKey);
    assert.deepEqual(byBytes, sorted);
    await withDir(async (dir) => {
      const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
      await db.open();
      for (const i of idx) await db.put(logKey(i), Buffer.from([1]));
      await db.put(Buffer.from('meta/x'), Buffer.from([1]));
      const keys = await db.keys({ gte: logKey(0), lt: Buffer.from('log0') }).all();
      assert.deepEqual(keys.map(indexOfLogKey), sorted);
      await db.close();
    });
  });

  test('empty storage: term(0)=0, firstIndex 1, lastIndex 0, out-of-range errors', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      assert.equal(s.isEmpty(), true);
      assert.equal(s.firstIndex(), 1);
      assert.equal(s.lastIndex(), 0);
      assert.equal(s.term(0), 0);
      assert.throws(() => s.term(1), UnavailableError);
      assert.deepEqual(s.initialState().hardState, { term: 0, vote: 0, commit: 0 });
      await s.close();
    });
  });

  test('atomic truncate-and-append discards conflicting entries on disk and in memory', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 10, 1), hardState: { term: 1, vote: 1, commit: 5 }, mustSync: true });
      assert.equal(s.lastIndex(), 10);
      await s.save({ entries: range(6, 8, 2), hardState: { term: 2, vote: 2, commit: 5 }, mustSync: true });
      assert.equal(s.lastIndex(), 8);
      assert.equal(s.term(5), 1);
      assert.equal(s.term(6), 2);
      assert.throws(() => s.term(9), UnavailableError);
      assert.equal(Buffer.from(s.entries(8, 9, Infinity)[0]!.data).toString(), '8:2');
      await s.close();
      const r = await LevelStorage.open(dir);
      assert.deepEqual(await logIndexesOnDisk(r), [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.equal(r.lastIndex(), 8);
      assert.deepEqual(
        r.entries(1, 9, Infinity).map((e) => `${e.index}/${e.term}`),
        ['1/1', '2/1', '3/1', '4/1', '5/1', '6/2', '7/2', '8/2'],
      );
      assert.deepEqual(r.initialState().hardState, { term: 2, vote: 2, commit: 5 });
      await r.close();
    });
  });

  test('entries() honours maxSize but returns at least one entry', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 10, 1), mustSync: false });
      assert.equal(s.entries(1, 11, 0).length, 1);
      const one = 24 + 3; // entrySize of "i:t" payloads with one digit
      assert.equal(s.entries(1, 11, one * 3).length, 3);
      assert.equal(s.entries(3, 11, Infinity).length, 8);
      assert.throws(() => s.entries(1, 12, Infinity), UnavailableError);
      await s.close();
    });
  });

  test('save rejects gaps and writes nothing', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 3, 1), mustSync: true });
      await assert.rejects(s.save({ entries: range(5, 6, 1), mustSync: true }), /gap/);
      assert.equal(s.lastIndex(), 3);
      await s.close();
      const r = await LevelStorage.open(dir);
      assert.deepEqual(await logIndexesOnDisk(r), [1, 2, 3]);
      assert.equal(r.lastIndex(), 3);
      await r.close();
    });
  });

  test('compaction keeps term(firstIndex-1) across reopen and clears the prefix', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({
        entries: [...range(1, 12, 1), ...range(13, 20, 3)],
        hardState: { term: 3, vote: 1, commit: 20 },
        mustSync: true,
      });
      s.setApplied(18, { voters: [1, 2, 3], learners: [] });
      const snap = await s.createSnapshot(18, { voters: [1, 2, 3], learners: [] }, Buffer.from('state@18'), 6);
      assert.deepEqual(snap.metadata, { index: 18, term: 3, confState: { voters: [1, 2, 3], learners: [] } });
      assert.equal(s.firstIndex(), 13);
      assert.equal(s.term(12), 1); // the boundary: last compacted entry keeps its term
      assert.equal(s.term(13), 3);
      assert.throws(() => s.term(11), CompactedError);
      assert.throws(() => s.entries(12, 14, Infinity), CompactedError);
      assert.equal(s.entries(13, 14, Infinity)[0]!.index, 13);
      await s.close(); // waits for the background prefix clear
      const r = await LevelStorage.open(dir);
      assert.equal(r.firstIndex(), 13);
      assert.equal(r.lastIndex(), 20);
      assert.equal(r.term(12), 1);
      assert.throws(() => r.term(11), CompactedError);
      assert.equal(r.applied(), 18);
      assert.deepEqual(r.snapshot().metadata.index, 18);
      assert.equal(Buffer.from(r.snapshot().data).toString(), 'state@18');
      assert.deepEqual(await logIndexesOnDisk(r), [13, 14, 15, 16, 17, 18, 19, 20]);
      await r.close();
    });
  });

  test('a snapshot stores its bytes beside the write queue: saves go on meanwhile, the reference follows them', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 20, 1), hardState: { term: 1, vote: 1, commit: 20 }, mustSync: true });
      // Hold the snapshot's own LevelDB write until the test lets it go.
      const db = s.database;
      const put = db.put.bind(db);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const putStarted = new Promise<void>((resolve) => (started = resolve));
      db.put = (async (...args: Parameters<typeof put>) => {
        started();
        await held;
        return put(...args);
      }) as typeof db.put;
      const snapshotting = s.createSnapshot(18, { voters: [1], learners: [] }, Buffer.from('state@18'), 2);
      await putStarted;
      // A save issued after the snapshot started completes while its bytes are still being written.
      await s.save({ entries: range(21, 22, 1), hardState: { term: 1, vote: 1, commit: 22 }, mustSync: true });
      assert.equal(s.lastIndex(), 22);
      assert.equal(s.snapshot().metadata.index, 0, 'no snapshot before its bytes are durable');
      release();
      const snap = await snapshotting;
      db.put = put;
      assert.equal(snap.metadata.index, 18);
      assert.equal(s.firstIndex(), 17);
      await s.close();
      const r = await LevelStorage.open(dir);
      assert.equal(r.snapshot().metadata.index, 18);
      assert.equal(Buffer.from(r.snapshot().data).toString(), 'state@18');
      assert.equal(r.firstIndex(), 17);
      assert.equal(r.lastIndex(), 22);
      await r.close();
    });
  });

  test('a snapshot never leaves a hard state commit below its index on disk (the next start would refuse it)', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      // The commit index this node wrote last lags what it applied (commit-only changes are lazy).
      await s.save({ entries: range(1, 20, 1), hardState: { term: 1, vote: 1, commit: 10 }, mustSync: true });
      await s.createSnapshot(15, { voters: [1], learners: [] }, Buffer.from('state@15'), 2);
      await s.close();
      const r = await LevelStorage.open(dir);
      assert.equal(r.snapshot().metadata.index, 15);
      assert.equal(r.initialState().hardState.commit, 15);
      assert.ok(r.firstIndex() - 1 <= r.initialState().hardState.commit);
      await r.close();
    });
  });

  test("only the newest snapshot's bytes are kept; bytes without a reference (a crash between the two) are ignored", async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 20, 1), hardState: { term: 1, vote: 1, commit: 20 }, mustSync: true });
      await s.createSnapshot(10, { voters: [1], learners: [] }, Buffer.from('state@10'), 2);
      await s.createSnapshot(15, { voters: [1], learners: [] }, Buffer.from('state@15'), 2);
      await s.close(); // waits for the background clears
      const snapKeys = async (st: LevelStorage): Promise<string[]> =>
        (await st.database.keys({ gte: snapKey(0), lt: Buffer.from('snap0') }).all()).map((k) => k.toString('hex'));
      const r = await LevelStorage.open(dir);
      assert.deepEqual(await snapKeys(r), [snapKey(15).toString('hex')]);
      // The bytes of a snapshot at 20 reached the disk, its reference did not.
      await r.database.put(snapKey(20), Buffer.from('state@20'));
      await r.close();
      const r2 = await LevelStorage.open(dir);
      assert.equal(r2.snapshot().metadata.index, 15);
      assert.equal(Buffer.from(r2.snapshot().data).toString(), 'state@15');
      await r2.close();
    });
  });

  test('a snapshot received from the leader replaces one this node took, bytes and reference', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 20, 1), hardState: { term: 1, vote: 1, commit: 20 }, mustSync: true });
      await s.createSnapshot(15, { voters: [1], learners: [] }, Buffer.from('state@15'), 2);
      const received = {
        metadata: { index: 30, term: 2, confState: { voters: [1, 2], learners: [] } },
        data: Buffer.from('snap30'),
      };
      await s.save({ snapshot: received, entries: [], hardState: { term: 2, vote: 0, commit: 30 }, mustSync: true });
      await s.close();
      const r = await LevelStorage.open(dir);
      assert.deepEqual(r.snapshot(), { metadata: received.metadata, data: new Uint8Array(Buffer.from('snap30')) });
      assert.deepEqual(await r.database.keys({ gte: snapKey(0), lt: Buffer.from('snap0') }).all(), []);
      await r.close();
    });
  });

  test('an interrupted prefix clear is harmless: entries below the marker are ignored and cleared at open', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 10, 1), hardState: { term: 1, vote: 1, commit: 10 }, mustSync: true });
      await s.createSnapshot(8, { voters: [1], learners: [] }, Buffer.from('x'), 3);
      await s.close();
      // Simulate the clear never having run: put stale keys back below the marker (index 5).
      const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
      await db.open();
      const { encodeEntry } = await import('./codec.js');
      for (const e of range(1, 5, 9)) await db.put(logKey(e.index), encodeEntry(e));
      await db.close();
      const r = await LevelStorage.open(dir);
      assert.equal(r.firstIndex(), 6);
      assert.equal(r.term(5), 1);
      await r.close();
      const r2 = await LevelStorage.open(dir);
      assert.deepEqual(await logIndexesOnDisk(r2), [6, 7, 8, 9, 10]);
      await r2.close();
    });
  });

  test('a received snapshot resets the log in the same batch as the following entries', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 30, 1), hardState: { term: 1, vote: 0, commit: 3 }, mustSync: true });
      const snapshot = {
        metadata: { index: 20, term: 2, confState: { voters: [1, 2], learners: [4] } },
        data: Buffer.from('snap20'),
      };
      await s.save({
        snapshot,
        entries: range(21, 22, 2),
        hardState: { term: 2, vote: 0, commit: 20 },
        mustSync: true,
      });
      assert.equal(s.firstIndex(), 21);
      assert.equal(s.lastIndex(), 22);
      assert.equal(s.term(20), 2);
      assert.equal(s.applied(), 20);
      assert.deepEqual(s.initialState().confState, { voters: [1, 2], learners: [4] });
      await s.close();
      const r = await LevelStorage.open(dir);
      assert.equal(r.firstIndex(), 21);
      assert.equal(r.lastIndex(), 22);
      assert.equal(r.term(22), 2);
      assert.deepEqual(r.snapshot(), { metadata: snapshot.metadata, data: new Uint8Array(Buffer.from('snap20')) });
      assert.deepEqual(await logIndexesOnDisk(r), [21, 22]);
      await r.close();
    });
  });

  test('reopen restores hard state, entries, snapshot, applied index and conf state', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.bootstrap(
        {
          entries: range(1, 3, 1),
          hardState: { term: 1, vote: 0, commit: 3 },
          confState: { voters: [1, 2, 3], learners: [] },
        },
        3,
      );
      await s.save({ entries: range(4, 9, 2), hardState: { term: 2, vote: 2, commit: 7 }, mustSync: true });
      s.setApplied(7, { voters: [1, 2, 3], learners: [5] });
      await s.close(); // flushes the staged applied index
      const r = await LevelStorage.open(dir);
      assert.equal(r.isEmpty(), false);
      assert.deepEqual(r.initialState(), {
        hardState: { term: 2, vote: 2, commit: 7 },
        confState: { voters: [1, 2, 3], learners: [5] },
      });
      assert.equal(r.applied(), 7);
      assert.equal(r.lastIndex(), 9);
      assert.equal(Buffer.from(r.entries(9, 10, Infinity)[0]!.data).toString(), '9:2');
      await r.close();
    });
  });

  test('a second opener gets FAILED_PRECONDITION with a hint; garbage gets CORRUPT', async () => {
    await withDir(async (dir) => {
      const s = await LevelStorage.open(dir);
      await s.save({ entries: range(1, 3, 1), hardState: { term: 1, vote: 0, commit: 1 }, mustSync: true });
      await assert.rejects(LevelStorage.open(dir), (err: unknown) => {
        assert.ok(err instanceof ClusterError);
        assert.equal(err.code, ErrorCode.FailedPrecondition);
        assert.match(err.message, /locked/);
        assert.ok(err.hint.length > 0);
        return true;
      });
      await s.close();
      const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
      await db.open();
      await db.put(Buffer.from('meta/hardState'), Buffer.from('nonsense'));
      await db.del(logKey(2)); // and a gap
      await db.close();
      await assert.rejects(LevelStorage.open(dir), (err: unknown) => {
        assert.ok(err instanceof ClusterError);
        assert.equal(err.code, ErrorCode.Corrupt);
        assert.ok(err.hint.length > 0);
        return true;
      });
    });
  });
});
