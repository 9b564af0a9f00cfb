// The lab command line's refusals, without bringing a lab up (they are checked before anything is
// created). The lab itself is exercised end to end by test/lab/lab-failover.system.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAB_CLI = join(dirname(fileURLToPath(import.meta.url)), 'lab.js');

function lab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [LAB_CLI, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stdout, stderr });
    });
  });
}

test('a node of a lab that is not up is NOT_FOUND, with a hint to bring it up', async () => {
  const r = await lab('--name', `nolab-${process.pid}`, 'kill', 'm1');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^error: NOT_FOUND: no node m1 in lab nolab-\d+$/m);
  assert.match(r.stderr, /^hint: the lab is not up: `lab up --managers 3 --workers 2`$/m);
});

test('status of a lab that is not up says so; --json is an empty list', async () => {
  const name = `nolab-${process.pid}`;
  const r = await lab('--name', name, 'status');
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), `lab ${name} is not up`);
  const j = await lab('--name', name, 'status', '--json');
  assert.deepEqual(JSON.parse(j.stdout), []);
});

test('bad counts and names are INVALID_ARGUMENT, before anything is created', async () => {
  const r = await lab('up', '--managers', 'three');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /expected a whole number from 0 to 20/);
  const n = await lab('--name', 'Bad_Name', 'status');
  assert.equal(n.code, 1);
  assert.match(n.stderr, /^error: INVALID_ARGUMENT: invalid lab name "Bad_Name"$/m);
  const m = await lab('--name', `nolab-${process.pid}`, 'up', '--managers', '0');
  assert.equal(m.code, 1);
  assert.match(m.stderr, /^error: INVALID_ARGUMENT: a lab needs at least one manager$/m);
});
