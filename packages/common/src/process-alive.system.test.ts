import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processAlive } from './process-alive.js';
import { waitFor } from './testing/wait-for.js';

test('processAlive: this process is alive, with and without a matching command marker', () => {
  assert.equal(processAlive(process.pid), true);
  assert.equal(processAlive(process.pid, 'node'), true);
  assert.equal(
    processAlive(process.pid, 'no-such-command-marker-4242'),
    false,
    'a live process that is not ours counts as gone',
  );
});

test('processAlive: an exited child is gone', async () => {
  const child = spawn(process.execPath, ['-e', 'process.exit(0)'], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(processAlive(pid), false);
});

test('processAlive: an unreaped zombie counts as gone', async () => {
  // sh starts `sleep 0` in the background, prints its pid, then becomes `sleep 5`, which never
  // reaps it: once `sleep 0` exits it stays a zombie until the parent ends.
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const zombie = Number(
      await new Promise<string>((resolve) => parent.stdout.once('data', (b: Buffer) => resolve(b.toString().trim()))),
    );
    const state = (): string => {
      try {
        const stat = readFileSync(`/proc/${zombie}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      } catch {
        return 'gone';
      }
    };
    await waitFor(`pid ${zombie} to become a zombie`, state, {
      until: (st) => st === 'Z',
      timeoutMs: 5000,
      intervalMs: 10,
    });
    assert.equal(processAlive(zombie), false);
  } finally {
    parent.kill('SIGKILL');
  }
});

test('processAlive: nonsense pids are not alive', () => {
  assert.equal(processAlive(0), false);
  assert.equal(processAlive(-1), false);
  assert.equal(processAlive(Number.NaN), false);
});
