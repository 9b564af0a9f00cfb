// Whole-system test of encryption at rest and autolock: 3 managers started by the real CLI with
// `init --autolock`. Every manager's data key file is wrapped by the unlock key; neither a secret's
// bytes nor the unlock key are in any file under any data dir. A restarted manager stays locked
// (every call answers LOCKED, the other managers keep serving), refuses a wrong key with
// INVALID_UNLOCK_KEY, and serves again once unlocked; after a rotation a restarted manager unlocks
// with the new key only; autolock off stores the keys unwrapped again and a restart is not locked.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitFor } from '@clusterctl/common/testing';
import { CLI, expectError, Lab, type CliResult } from './lab.js';

const MANAGERS = ['m1', 'm2', 'm3'];

/** `clusterctl unlock` on a node, the key on its stdin (as `echo KEY | clusterctl unlock`). */
function unlock(lab: Lab, name: string, key: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, '--data-dir', lab.node(name).dataDir, 'unlock'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, cmd: `${name}: clusterctl unlock` }));
    p.stdin.end(`${key}\n`);
  });
}

/** Files under `dir` holding any of `needles` (grep -rlaF; none: []). */
function filesContaining(dir: string, needles: string[]): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile('grep', ['-rlaF', '-D', 'skip', ...needles.flatMap((n) => ['-e', n]), dir], (err, stdout, stderr) => {
      const code = err === null ? 0 : (err as { code?: number }).code;
      if (code !== 0 && code !== 1) reject(new Error(`grep failed: ${stderr}`));
      else resolve(stdout.split('\n').filter((l) => l !== ''));
    }),
  );
}

const dekFile = (lab: Lab, name: string): string => join(lab.node(name).dataDir, 'tls', 'raft-dek.json');

/** `name`'s data key file: 'plain', or the wrapped key's salt (new at every rewrap); '' if unreadable. */
async function keyFile(lab: Lab, name: string): Promise<string> {
  try {
    const j = JSON.parse(await readFile(dekFile(lab, name), 'utf8')) as { dek?: string; wrapped?: { salt: string } };
    return j.dek !== undefined ? 'plain' : (j.wrapped?.salt ?? '');
  } catch {
    return '';
  }
}

describe('encryption at rest and autolock on real node daemons', { timeout: 600_000 }, () => {
  const lab = new Lab({
    managers: 3,
    workers: 0,
    heartbeatPeriod: '500ms',
    nodeGrace: '4s',
    nodeArgs: (name) => Promise.resolve(name === 'm1' ? ['--autolock'] : []),
  });
  const secret = `S3CRET-${randomBytes(18).toString('hex')}`;
  let key = '';

  before(async () => {
    await lab.start();
  });

  let recoveredPid = 0;
  after(async () => {
    if (recoveredPid > 0) {
      try {
        process.kill(recoveredPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await lab.teardown();
  });

  test('init --autolock: every manager wraps its data key with the unlock key; no disk holds the key or a secret', async () => {
    const inspect = await lab.ok('m2', ['cluster', 'inspect']);
    assert.match(inspect.stdout, /^Autolock:\s+on$/m);
    key = (await lab.ok('m1', ['cluster', 'unlock-key', '-q'])).stdout.trim();
    assert.match(key, /^CCKEY-1-[A-Za-z0-9_-]{43}$/);
    assert.equal((await lab.ok('m3', ['cluster', 'unlock-key', '-q'])).stdout.trim(), key, 'any manager shows it');
    for (const m of MANAGERS)
      await waitFor(`${m}'s data key wrapped`, async () => !['', 'plain'].includes(await keyFile(lab, m)), {
        timeoutMs: 20_000,
      });

    const r = await new Promise<CliResult>((resolve) => {
      const p = spawn(process.execPath, [CLI, '--data-dir', lab.node('m1').dataDir, 'secret', 'create', 'pw', '-']);
      let stderr = '';
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr, cmd: 'secret create pw -' }));
      p.stdin.end(secret);
    });
    assert.equal(r.code, 0, r.stderr);
    // every manager applied it (its raft log holds it, encrypted)
    for (const m of MANAGERS) await lab.ok(m, ['secret', 'inspect', 'pw']);
    assert.deepEqual(
      await filesContaining(lab.root, [secret, Buffer.from(secret).toString('base64'), key]),
      [],
      'no file under any data dir holds the secret or the unlock key',
    );
  });

  test('a restarted manager stays locked: every call answers LOCKED, the others serve; a wrong key is refused; the right one unlocks', async () => {
    await lab.killDaemon('m3');
    await lab.restart('m3');
    const locked = await lab.cli('m3', ['secret', 'ls']);
    expectError(locked, 1, 'LOCKED', /locked/);
    assert.match(locked.stderr, /clusterctl unlock/);
    expectError(await lab.cli('m3', ['service', 'ls']), 1, 'LOCKED');
    // the cluster still serves through the other managers
    assert.match((await lab.ok('m1', ['secret', 'ls'])).stdout, /\bpw\b/);
    await lab.ok('m2', ['secret', 'create', '--label', 'while=locked', 'pw2', join(lab.root, 'm2', 'node.json')]);

    expectError(await unlock(lab, 'm3', 'CCKEY-1-nonsense'), 1, 'INVALID_UNLOCK_KEY');
    const wrong = `CCKEY-1-${randomBytes(32).toString('base64url')}`;
    expectError(await unlock(lab, 'm3', wrong), 1, 'INVALID_UNLOCK_KEY', /does not unlock/);
    expectError(await lab.cli('m3', ['secret', 'ls']), 1, 'LOCKED');

    const ok = await unlock(lab, 'm3', key);
    assert.equal(ok.code, 0, ok.stderr);
    // serving again, with what was written while it was locked
    await waitFor(
      'm3 serves the secret created while it was locked',
      async () => (await lab.cli('m3', ['secret', 'inspect', 'pw2'])).code === 0,
      { timeoutMs: 30_000 },
    );
    expectError(await unlock(lab, 'm3', key), 1, 'FAILED_PRECONDITION', /not locked/);
  });

  test('rotation: every manager rewraps; a restarted manager unlocks with the new key, not the old one', async () => {
    const before = new Map(await Promise.all(MANAGERS.map(async (m) => [m, await keyFile(lab, m)] as const)));
    const next = (await lab.ok('m1', ['cluster', 'unlock-key', '--rotate', '-q'])).stdout.trim();
    assert.notEqual(next, key);
    for (const m of MANAGERS)
      await waitFor(
        `${m}'s data key rewrapped`,
        async () => {
          const now = await keyFile(lab, m);
          return !['', 'plain', before.get(m)].includes(now);
        },
        { timeoutMs: 20_000 },
      );
    await lab.killDaemon('m2');
    await lab.restart('m2');
    expectError(await lab.cli('m2', ['node', 'ls']), 1, 'LOCKED');
    expectError(await unlock(lab, 'm2', key), 1, 'INVALID_UNLOCK_KEY');
    const ok = await unlock(lab, 'm2', next);
    assert.equal(ok.code, 0, ok.stderr);
    await waitFor('m2 serves', async () => (await lab.cli('m2', ['secret', 'ls'])).code === 0, { timeoutMs: 30_000 });
    key = next;
  });

  test('autolock off: the data keys are stored unwrapped again and a restarted manager serves at once', async () => {
    const upd = await lab.ok('m1', ['cluster', 'update', '--autolock=false']);
    assert.match(upd.stdout, /^Autolock:\s+off$/m);
    for (const m of MANAGERS)
      await waitFor(`${m}'s data key stored unwrapped`, async () => (await keyFile(lab, m)) === 'plain', {
        timeoutMs: 20_000,
      });
    expectError(await lab.cli('m1', ['cluster', 'unlock-key']), 1, 'FAILED_PRECONDITION', /autolock is off/);
    await lab.killDaemon('m3');
    await lab.restart('m3');
    await waitFor('m3 serves', async () => (await lab.cli('m3', ['secret', 'ls'])).code === 0, { timeoutMs: 30_000 });
    assert.deepEqual(await filesContaining(lab.root, [secret, key]), []);
  });

  test('autolock on again, every manager lost: init --force-new-cluster reads the locked state with the unlock key', async () => {
    const on = await lab.ok('m1', ['--format', 'json', 'cluster', 'update', '--autolock=true']);
    const again = (JSON.parse(on.stdout) as { unlockKey: string; autolock: boolean }).unlockKey;
    assert.match(again, /^CCKEY-1-/);
    for (const m of MANAGERS)
      await waitFor(`${m}'s data key wrapped`, async () => !['', 'plain'].includes(await keyFile(lab, m)), {
        timeoutMs: 20_000,
      });
    for (const m of MANAGERS) await lab.killDaemon(m);
    const force = (input: string): Promise<CliResult> =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, [
          CLI,
          '--data-dir',
          lab.node('m1').dataDir,
          '--format',
          'json',
          'init',
          '--force-new-cluster',
          // the daemons of this machine's tests share its engine: none programs its network
          '--data-plane',
          'off',
        ]);
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, cmd: 'init --force-new-cluster' }));
        p.stdin.end(input);
      });
    expectError(await force(`${key}\n`), 1, 'INVALID_UNLOCK_KEY', /does not unlock/);
    const r = await force(`${again}\n`);
    assert.equal(r.code, 0, r.stderr);
    recoveredPid = (JSON.parse(r.stdout) as { pid: number }).pid;
    await waitFor(
      'm1 alone serves the secret',
      async () => (await lab.cli('m1', ['secret', 'inspect', 'pw'])).code === 0,
      {
        timeoutMs: 30_000,
      },
    );
  });
});
