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

/** Runs the crash writer until `acks` writes were acknowledged, SIGKILLs it, returns the last ack. */
async function writeAndKill(
  dir: string,
  acksBeforeKill: number,
  walBytes?: number,
): Promise<{ index: number; term: number }> {
  const args = [fileURLToPath(new URL('./testing/crash-writer.js', import.meta.url)), dir, '8'];
  if (walBytes !== undefined) args.push(String(walBytes));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
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
        if (++acks === acksBeforeKill) child.kill('SIGKILL');
      }
    });
  });
  assert.ok(acks >= acksBeforeKill, `child exited early after ${acks} acks`);
  return lastAck;
}

/** Every acknowledged entry is there, the log is consistent. */
async function checkLog(dir: string, lastAck: { index: number; term: number }, walBytes?: number): Promise<void> {
  const r = await LevelStorage.open(dir, walBytes === undefined ? {} : { walBytes });
  assert.ok(
    r.lastIndex() >= lastAck.index,
    `lost acknowledged entries: last ${r.lastIndex()} < acked ${lastAck.index}`,
  );
  assert.ok(r.term(lastAck.index) >= lastAck.term);
  let prevTerm = 0;
  for (const e of r.entries(r.firstIndex(), r.lastIndex() + 1, Infinity)) {
    assert.equal(Buffer.from(e.data).toString(), `${e.index}:${e.term}`);
    assert.ok(e.term >= prevTerm, `term went backwards at ${e.index}`);
    prevTerm = e.term;
  }
  assert.ok(r.initialState().hardState.commit <= r.lastIndex());
  await r.close();
}

test('LevelStorage crash: SIGKILL mid-stream keeps every acknowledged batch and a consistent log', async () => {
  await withDir(async (dir) => {
    await checkLog(dir, await writeAndKill(dir, 150));
  });
});

test('LevelStorage crash: with small write-ahead files (rotating, checkpointed beside the writes), SIGKILL at several points keeps every acknowledged batch', async () => {
  await withDir(async (dir) => {
    // ~8 KiB files hold a few dozen batches: every run rotates between them many times, and a kill
    // lands while a full file's checkpoint may still be running.
    for (const acks of [60, 97, 150, 211]) await checkLog(dir, await writeAndKill(dir, acks, 8192), 8192);
  });
});
