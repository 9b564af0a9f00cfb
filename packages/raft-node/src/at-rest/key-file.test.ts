import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { RecordCipher } from './record-cipher.js';
import {
  UNLOCK_KEY_PREFIX,
  generateUnlockKey,
  parseUnlockKey,
  readDekFile,
  unwrapDek,
  writeDekFile,
} from './key-file.js';

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clusterctl-dek-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const isCode = (code: string) => (e: unknown) => e instanceof ClusterError && e.code === code;

describe('data key file', () => {
  test('unwrapped: written 0600 (its folder made 0700), read back', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'tls', 'raft-dek.json');
      assert.equal(await readDekFile(path), undefined);
      const dek = RecordCipher.generateKey();
      await writeDekFile(path, dek);
      assert.equal((await stat(path)).mode & 0o777, 0o600);
      assert.equal((await stat(join(dir, 'tls'))).mode & 0o777, 0o700);
      assert.deepEqual(await readDekFile(path), { kind: 'plain', dek });
    });
  });

  test('wrapped by an unlock key: the key bytes are not in the file; the right key unwraps, a wrong one is INVALID_UNLOCK_KEY', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'raft-dek.json');
      const dek = RecordCipher.generateKey();
      const unlock = generateUnlockKey();
      assert.ok(unlock.startsWith(UNLOCK_KEY_PREFIX));
      await writeDekFile(path, dek, unlock);
      const text = await readFile(path, 'utf8');
      assert.ok(!text.includes(dek.toString('base64')) && !text.includes(unlock));
      const f = await readDekFile(path);
      assert.equal(f?.kind, 'wrapped');
      if (f?.kind !== 'wrapped') return;
      assert.deepEqual(unwrapDek(f, unlock), dek);
      assert.deepEqual(unwrapDek(f, `  ${unlock}\n`), dek, 'surrounding white space (a pasted line) is ignored');
      assert.throws(() => unwrapDek(f, generateUnlockKey()), isCode(ErrorCode.InvalidUnlockKey));
      // unwrapped again (autolock off)
      await writeDekFile(path, dek);
      assert.deepEqual(await readDekFile(path), { kind: 'plain', dek });
    });
  });

  test('a malformed unlock key is INVALID_UNLOCK_KEY', () => {
    for (const bad of ['', 'nonsense', UNLOCK_KEY_PREFIX, UNLOCK_KEY_PREFIX + 'abc', generateUnlockKey().slice(1)])
      assert.throws(() => parseUnlockKey(bad), isCode(ErrorCode.InvalidUnlockKey), JSON.stringify(bad));
  });

  test('a damaged key file is CORRUPT', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'raft-dek.json');
      const { writeFile } = await import('node:fs/promises');
      for (const text of ['{', '{"version":2}', '{"version":1,"dek":"AAAA"}', '{"version":1}']) {
        await writeFile(path, text);
        await assert.rejects(readDekFile(path), isCode(ErrorCode.Corrupt), text);
      }
    });
  });
});
