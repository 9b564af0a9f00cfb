import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { EntryType, type Entry } from '@clusterctl/raft';
import { LevelStorage, logKey } from '../level-storage.js';
import { RecordCipher } from './record-cipher.js';

const SECRET = 'S3CRET-at-rest-0123456789abcdef';

function ent(index: number, term: number): Entry {
  return { index, term, type: EntryType.Normal, data: Buffer.from(`${SECRET}#${index}`) };
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clusterctl-atrest-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Files under `dir` whose bytes contain `needle`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(join(dir, name)).catch(() => undefined);
    if (bytes !== undefined && bytes.includes(needle)) hits.push(name);
  }
  return hits;
}

const isCode = (code: string) => (e: unknown) => e instanceof ClusterError && e.code === code;

/** Writes entries 1..n, a snapshot at n/2 and a hard state; leaves the write-ahead file holding some. */
async function fill(dir: string, cipher: RecordCipher | undefined, n = 20): Promise<void> {
  const s = await LevelStorage.open(dir, cipher === undefined ? {} : { cipher });
  for (let i = 1; i <= n; i++)
    await s.save({ entries: [ent(i, 1)], hardState: { term: 1, vote: 1, commit: i - 1 }, mustSync: true });
  s.setApplied(n / 2, { voters: [1], learners: [] });
  await s.createSnapshot(n / 2, { voters: [1], learners: [] }, Buffer.from(`${SECRET}-snapshot`), 2);
  await s.close();
}

describe('LevelStorage encrypted at rest', () => {
  test('entries, snapshot and write-ahead records are on disk only encrypted; everything reads back', async () => {
    await withDir(async (dir) => {
      const cipher = new RecordCipher(RecordCipher.generateKey());
      await fill(dir, cipher);
      // also a crash-like state: records left only in the write-ahead file (no clean close)
      const s = await LevelStorage.open(dir, { cipher });
      await s.save({ entries: [ent(21, 1)], mustSync: true });
      assert.deepEqual(await filesContaining(dir, SECRET), []);
      await s.close();
      const r = await LevelStorage.open(dir, { cipher });
      assert.equal(r.lastIndex(), 21);
      assert.equal(Buffer.from(r.entries(21, 22, Infinity)[0]!.data).toString(), `${SECRET}#21`);
      assert.equal(Buffer.from(r.snapshot().data).toString(), `${SECRET}-snapshot`);
      assert.deepEqual(r.hardState(), { term: 1, vote: 1, commit: 19 });
      await r.close();
      assert.deepEqual(await filesContaining(dir, SECRET), []);
    });
  });

  test('an encrypted log does not open without its key (FAILED_PRECONDITION), nor with another key', async () => {
    await withDir(async (dir) => {
      await fill(dir, new RecordCipher(RecordCipher.generateKey()));
      await assert.rejects(LevelStorage.open(dir), isCode(ErrorCode.FailedPrecondition));
      await assert.rejects(
        LevelStorage.open(dir, { cipher: new RecordCipher(RecordCipher.generateKey()) }),
        (e: unknown) => isCode(ErrorCode.FailedPrecondition)(e) && /data key does not open/.test((e as Error).message),
      );
    });
  });

  test('an entry moved to another index is CORRUPT at open', async () => {
    await withDir(async (dir) => {
      const cipher = new RecordCipher(RecordCipher.generateKey());
      const s = await LevelStorage.open(dir, { cipher });
      await s.save({
        entries: [ent(1, 1), ent(2, 1), ent(3, 1)],
        hardState: { term: 1, vote: 1, commit: 0 },
        mustSync: true,
      });
      await s.close();
      const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
      await db.open();
      const two = await db.get(logKey(2));
      await db.put(logKey(3), two!);
      await db.close();
      await assert.rejects(
        LevelStorage.open(dir, { cipher }),
        (e: unknown) => isCode(ErrorCode.Corrupt)(e) && /log entry 3 does not authenticate/.test((e as Error).message),
      );
    });
  });

  test('a log written before encryption is encrypted in place at open: same content, no plaintext left in any file', async () => {
    await withDir(async (dir) => {
      await fill(dir, undefined);
      // leave plaintext records in the write-ahead file too (no clean close)
      const s0 = await LevelStorage.open(dir);
      await s0.save({ entries: [ent(21, 1)], mustSync: true });
      assert.notDeepEqual(await filesContaining(dir, SECRET), []);
      await s0.database.close();
      const cipher = new RecordCipher(RecordCipher.generateKey());
      const s = await LevelStorage.open(dir, { cipher });
      assert.equal(s.lastIndex(), 21);
      assert.equal(s.firstIndex(), 9);
      assert.equal(Buffer.from(s.entries(21, 22, Infinity)[0]!.data).toString(), `${SECRET}#21`);
      assert.equal(Buffer.from(s.snapshot().data).toString(), `${SECRET}-snapshot`);
      await s.save({ entries: [ent(22, 1)], mustSync: true });
      await s.close();
      assert.deepEqual(await filesContaining(dir, SECRET), []);
      const r = await LevelStorage.open(dir, { cipher });
      assert.equal(r.lastIndex(), 22);
      await r.close();
    });
  });
});
