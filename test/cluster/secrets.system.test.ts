// Whole-system test of secrets and configs: 1 manager + 1 worker, real node daemons started by the
// real CLI, the real Docker engine. A secret's bytes must be readable in the task at
// /run/secrets/NAME and nowhere else: not in inspect output, not in any file under any node's data
// dir (raft log, write-ahead file, snapshots, daemon logs, the agent's assignments), not under the
// engine's directory (/var/lib/docker), and gone from the agent's tmpfs once the task ends.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, expectError, IMAGE, Lab, type Container } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface ServiceJson {
  id: string;
  spec: { name: string; secrets: { name: string; target: string; mode: string }[]; configs: { target: string }[] };
  running: number;
  desired: number;
}

const SVC = 'sec';
/** Docker's engine directory on this machine (the host engine the daemons use). */
const DOCKER_ROOT = '/var/lib/docker';

function run(cmd: string, args: string[], input?: Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    p.stdin.end(input);
  });
}

/**
 * Files under `dirs` containing any of `needles` (grep -rlF over the whole tree, binary files included;
 * devices, FIFOs and sockets skipped). A file that vanishes while grep walks the tree (the engine
 * and other tests keep changing /var/lib/docker) holds nothing: only that error is tolerated.
 */
async function filesContaining(dirs: string[], needles: string[]): Promise<string[]> {
  const args = ['-rlaF', '-D', 'skip', ...needles.flatMap((n) => ['-e', n]), ...dirs];
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile('grep', args, { maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err === null ? 0 : ((err as { code?: number }).code ?? -1), stdout, stderr }),
    ),
  );
  // grep: 0 found, 1 none found, 2 trouble
  const trouble = r.stderr.split('\n').filter((l) => l !== '' && !/No such file or directory$/.test(l));
  assert.ok(
    r.code === 0 || r.code === 1 || (r.code === 2 && trouble.length === 0),
    `grep failed: ${trouble.join('; ')}`,
  );
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('secrets and configs on real node daemons', { timeout: 300_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 1, heartbeatPeriod: '500ms', nodeGrace: '4s' });
  const scratch = mkdtempSync(join(tmpdir(), 'cc-secret-src-'));
  // printable, so the greps below can look for it as text and as base64
  const secret = `S3CRET-${randomBytes(18).toString('hex')}`;
  const secretB64 = Buffer.from(secret).toString('base64');
  const secret2 = `S3CRET2-${randomBytes(18).toString('hex')}`;
  const config = `config-${randomBytes(8).toString('hex')}\n`;
  const running = (): Promise<Container[]> => lab.containers({ service: SVC, running: true });
  const exec = (id: string, cmd: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    run('docker', ['exec', id, ...cmd]);

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
  });

  after(async () => {
    const tmpfsRoots = [...lab.nodes.values()].map((n) => join('/run/clusterctl', n.nodeId));
    await lab.teardown();
    // the daemons were killed (SIGKILL): unmount the tmpfs each agent mounted for its files
    for (const dir of tmpfsRoots)
      await run('umount', ['-l', dir]).then(() => rmSync(dir, { recursive: true, force: true }));
    rmSync(scratch, { recursive: true, force: true });
  });

  test('secret and config create / ls / inspect: the secret data is never shown', async () => {
    const file = join(scratch, 'pw');
    writeFileSync(file, secret);
    const id = (await lab.ok('m1', ['secret', 'create', '--label', 'team=a', 'pw', file])).stdout.trim();
    rmSync(file);
    assert.match(id, /^[a-z0-9]{10,}$/);
    // from stdin, never from the command line
    const r = await run(
      process.execPath,
      [CLI, '--data-dir', lab.node('m1').dataDir, 'secret', 'create', 'pw2', '-'],
      Buffer.from(secret2),
    );
    assert.equal(r.code, 0, r.stderr);
    const c = await run(
      process.execPath,
      [CLI, '--data-dir', lab.node('m1').dataDir, 'config', 'create', 'app.conf', '-'],
      Buffer.from(config),
    );
    assert.equal(c.code, 0, c.stderr);

    const ls = await lab.ok('m1', ['secret', 'ls']);
    assert.match(ls.stdout.split('\n')[0]!, /^ID\s+NAME\s+DRIVER\s+CREATED\s+UPDATED$/);
    assert.match(ls.stdout, /\bpw\b/);
    assert.match(ls.stdout, /\bpw2\b/);
    const inspect = await lab.ok('m1', ['secret', 'inspect', 'pw', 'pw2']);
    const lsJson = await lab.ok('m1', ['--format', 'json', 'secret', 'ls']);
    for (const out of [ls.stdout, inspect.stdout, lsJson.stdout]) {
      assert.ok(!out.includes(secret) && !out.includes(secretB64) && !out.includes(secret2), 'no secret data shown');
    }
    const [shown] = JSON.parse(inspect.stdout) as {
      id: string;
      spec: { name: string; labels: Record<string, string> };
    }[];
    assert.deepEqual(shown!.spec, { name: 'pw', labels: { team: 'a' } });
    assert.equal(shown!.id, id);

    const cfg = await lab.json<{ spec: { data: string } }[]>('m1', ['config', 'inspect', 'app.conf']);
    assert.equal(Buffer.from(cfg[0]!.spec.data, 'base64').toString(), config, 'a config shows its data (as Docker)');

    // names are unique; data has Docker's limit
    const again = await run(
      process.execPath,
      [CLI, '--data-dir', lab.node('m1').dataDir, 'secret', 'create', 'pw', '-'],
      Buffer.from('x'),
    );
    expectError({ ...again, cmd: 'secret create pw -' }, 1, 'ALREADY_EXISTS', /a secret named pw already exists/);
    const big = join(scratch, 'big');
    writeFileSync(big, Buffer.alloc(500 * 1024 + 1, 1));
    expectError(await lab.cli('m1', ['secret', 'create', 'big', big]), 2, 'INVALID_ARGUMENT', /500 KiB/);
  });

  test('a service gets the secret at /run/secrets/NAME (and at a chosen target and mode) and the config at /NAME', async () => {
    await lab.ok(
      'm1',
      [
        'service',
        'create',
        '--name',
        SVC,
        '--replicas',
        '2',
        '--secret',
        'pw',
        '--secret',
        'source=pw2,target=/etc/app/db-password,mode=0400',
        '--config',
        'app.conf',
        IMAGE,
        'sleep',
        '600',
      ],
      { timeoutMs: 90_000 },
    );
    await waitFor('2 running containers', async () => (await running()).length === 2, { timeoutMs: 60_000 });
    for (const ctr of await running()) {
      assert.equal((await exec(ctr.id, ['cat', '/run/secrets/pw'])).stdout, secret);
      assert.equal((await exec(ctr.id, ['cat', '/etc/app/db-password'])).stdout, secret2);
      assert.equal((await exec(ctr.id, ['stat', '-c', '%a %u %g', '/etc/app/db-password'])).stdout.trim(), '400 0 0');
      assert.equal((await exec(ctr.id, ['stat', '-c', '%a', '/run/secrets/pw'])).stdout.trim(), '444');
      assert.equal((await exec(ctr.id, ['cat', '/app.conf'])).stdout, config);
      // read-only in the container
      assert.notEqual((await exec(ctr.id, ['sh', '-c', 'echo x > /run/secrets/pw'])).code, 0);
    }
    const [svc] = await lab.json<ServiceJson[]>('m1', ['service', 'inspect', SVC]);
    assert.deepEqual(
      svc!.spec.secrets.map((s) => [s.name, s.target, s.mode]),
      [
        ['pw', '/run/secrets/pw', '0444'],
        ['pw2', '/etc/app/db-password', '0400'],
      ],
    );
    assert.deepEqual(
      svc!.spec.configs.map((c) => c.target),
      ['/app.conf'],
    );
    const all = JSON.stringify(svc) + (await lab.ok('m1', ['service', 'ps', SVC])).stdout;
    assert.ok(!all.includes(secret) && !all.includes(secretB64));
  });

  test('removing a secret in use is refused naming the service', async () => {
    const r = await lab.cli('m1', ['secret', 'rm', 'pw']);
    expectError(r, 1, 'FAILED_PRECONDITION', /secret pw is in use by the following service: sec$/);
    assert.ok(!r.stderr.includes(secret));
    expectError(await lab.cli('m1', ['config', 'rm', 'app.conf']), 1, 'FAILED_PRECONDITION', /\bsec$/);
  });

  test('the secret bytes are nowhere on disk: the data dirs (raft log, write-ahead file, snapshots, logs and agent state included) and the engine directory', async () => {
    const hits = await filesContaining([lab.root, DOCKER_ROOT], [secret, secretB64, secret2]);
    assert.deepEqual(hits, [], 'no file holds the secret');
  });

  test('service update --secret-rm replaces the tasks; the files leave the tmpfs; then the secret can go', async () => {
    const before = new Set((await running()).map((c) => c.id));
    await lab.ok('m1', ['service', 'update', '--secret-rm', 'pw2', SVC], { timeoutMs: 90_000 });
    await waitFor(
      'the tasks replaced',
      async () => {
        const now = await running();
        return now.length === 2 && now.every((c) => !before.has(c.id));
      },
      { timeoutMs: 60_000 },
    );
    for (const ctr of await running()) {
      assert.notEqual((await exec(ctr.id, ['cat', '/etc/app/db-password'])).code, 0);
      assert.equal((await exec(ctr.id, ['cat', '/run/secrets/pw'])).stdout, secret);
    }
    await lab.ok('m1', ['secret', 'rm', 'pw2']);
    // the old tasks' files are gone from every node's tmpfs (only the running tasks' remain)
    const roots = [...lab.nodes.values()].map((n) => join('/run/clusterctl', n.nodeId));
    await waitFor(
      'no file holds the removed secret',
      async () => (await filesContaining(roots, [secret2])).length === 0,
      {
        timeoutMs: 20_000,
      },
    );
    await lab.ok('m1', ['service', 'rm', SVC]);
    await waitFor('the containers gone', async () => (await lab.containers({ service: SVC })).length === 0, {
      timeoutMs: 60_000,
    });
    await waitFor('no file holds the secret', async () => (await filesContaining(roots, [secret])).length === 0, {
      timeoutMs: 20_000,
    });
    await lab.ok('m1', ['secret', 'rm', 'pw']);
    await lab.ok('m1', ['config', 'rm', 'app.conf']);
    assert.doesNotMatch((await lab.ok('m1', ['secret', 'ls'])).stdout, /\bpw\b/);
  });
});
