// LevelStorage across a real crash: a child process (testing/crash-writer.ts) appends batches and is
// SIGKILLed mid-stream; every batch it saw acknowledged must be on disk, and the log consistent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LevelStorage } from './level-storage.js';

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clusterctl-raftlog-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('LevelStorage crash: SIGKILL mid-stream keeps every acknowledged batch and a consistent log', async () => {
  await withDir(async (dir) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./testing/crash-writer.js', import.meta.url)), dir, '8'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let lastAck = { index: 0, term: 0 };
    let acks = 0;
    let buf = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const m = /^ack (\d+) (\d+)$/.exec(line);
          if (m === null) continue;
          lastAck = { index: Number(m[1]), term: Number(m[2]) };
          if (++acks === 150) child.kill('SIGKILL');
        }
      });
    });
    assert.ok(acks >= 150, `child exited early after ${acks} acks`);
    const r = await LevelStorage.open(dir);
    assert.ok(
      r.lastIndex() >= lastAck.index,
      `lost acknowledged entries: last ${r.lastIndex()} < acked ${lastAck.index}`,
    );
    assert.ok(r.term(lastAck.index) >= lastAck.term);
    let prevTerm = 0;
    for (const e of r.entries(1, r.lastIndex() + 1, Infinity)) {
      assert.equal(Buffer.from(e.data).toString(), `${e.index}:${e.term}`);
      assert.ok(e.term >= prevTerm, `term went backwards at ${e.index}`);
      prevTerm = e.term;
    }
    assert.ok(r.initialState().hardState.commit <= r.lastIndex());
    await r.close();
  });
});
