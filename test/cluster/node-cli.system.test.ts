// What a new user and a security reviewer try first with the real CLI and real node daemons: the
// join command `init` prints works as pasted (no --hostname), no join token is on any daemon's
// command line or in its files, and a data dir that is not clusterctl's is refused untouched.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, processAlive } from '@clusterctl/common';
import { REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { expectError, runCli } from './lab.js';

interface Ready {
  nodeId: string;
  pid: number;
  clusterId: string;
  hostname: string;
  joinTokens?: { worker: string; manager: string; managerAddr: string };
  joinCommands?: { worker: string; manager: string };
}

/** The arguments of a command line as `clusterctl init` prints it, plus `extra` flags (runCli adds --data-dir). */
function pasted(printed: string, extra: string[]): string[] {
  const words = printed.trim().split(/\s+/);
  assert.equal(words[0], 'clusterctl', printed);
  return ['--format', 'json', ...words.slice(1, -1), ...extra, words[words.length - 1]!];
}

/** The secret part of a token (CCTL-1-ROLE-CADIGEST-SECRET): what must not leak. */
function secretOf(token: string): string {
  return token.slice(token.lastIndexOf('-') + 1);
}

describe('clusterctl as a new user and a security reviewer try it', { timeout: 240_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-node-cli-'));
  const pids: number[] = [];
  let clusterId = '';

  before(() => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-docker.mjs')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
    assert.equal(r.status, 0, 'ensure-docker failed');
  });

  after(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (clusterId !== '') {
      const ids =
        spawnSync('docker', ['ps', '-aq', '--filter', `label=com.clusterctl.cluster.id=${clusterId}`], {
          encoding: 'utf8',
        })
          .stdout?.trim()
          .split('\n')
          .filter(Boolean) ?? [];
      if (ids.length > 0) spawnSync('docker', ['rm', '-f', ...ids], { stdio: 'ignore' });
    }
    rmSync(root, { recursive: true, force: true });
  });

  test('the join commands init prints work as pasted, without --hostname; no token on a command line or in a daemon file', async () => {
    const m1 = join(root, 'm1');
    const port1 = await freePort();
    // three daemons on this machine's engine: none programs the node's network
    const off = ['--data-plane', 'off'];
    const init = await runCli(m1, ['--format', 'json', 'init', '--listen-addr', `127.0.0.1:${port1}`, ...off]);
    assert.equal(init.code, 0, init.stderr);
    const r1 = JSON.parse(init.stdout) as Ready;
    pids.push(r1.pid);
    clusterId = r1.clusterId;
    assert.equal(r1.hostname, hostname(), 'init falls back to the machine hostname');
    const tokens = r1.joinTokens!;
    assert.ok(tokens.worker.startsWith('CCTL-') && tokens.manager.startsWith('CCTL-'));

    // the printed commands, pasted (several nodes on one machine: own data dir, and a port for the manager)
    const m2 = join(root, 'm2');
    const w1 = join(root, 'w1');
    const joinM = await runCli(
      m2,
      pasted(r1.joinCommands!.manager, ['--listen-addr', `127.0.0.1:${await freePort()}`, ...off]),
    );
    assert.equal(joinM.code, 0, `${joinM.cmd}: ${joinM.stderr}`);
    const r2 = JSON.parse(joinM.stdout) as Ready;
    pids.push(r2.pid);
    const joinW = await runCli(w1, pasted(r1.joinCommands!.worker, off));
    assert.equal(joinW.code, 0, `${joinW.cmd}: ${joinW.stderr}`);
    const r3 = JSON.parse(joinW.stdout) as Ready;
    pids.push(r3.pid);
    assert.equal(r2.hostname, hostname());
    assert.equal(r3.hostname, hostname());
    // `join-token` prints the same command
    const jt = await runCli(m1, ['--format', 'json', 'join-token', 'worker']);
    assert.equal(JSON.parse(jt.stdout).joinCommand, r1.joinCommands!.worker);

    const nodes = await waitFor(
      '3 ready nodes',
      async () => {
        const r = await runCli(m1, ['--format', 'json', 'node', 'ls']);
        const l = JSON.parse(r.stdout) as { hostname: string; status: { state: string } }[];
        return l.length === 3 && l.every((n) => n.status.state === 'ready') ? l : undefined;
      },
      { timeoutMs: 30_000 },
    );
    assert.deepEqual(
      nodes.map((n) => n.hostname),
      [hostname(), hostname(), hostname()],
    );

    const secrets = [secretOf(tokens.worker), secretOf(tokens.manager)];
    for (const [name, dir, pid] of [
      ['m1', m1, r1.pid],
      ['m2', m2, r2.pid],
      ['w1', w1, r3.pid],
    ] as const) {
      assert.ok(processAlive(pid));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      for (const s of secrets)
        assert.ok(!cmdline.includes(s), `${name}'s daemon command line holds a join token: ${cmdline}`);
      // what a daemon writes about itself: no token in it, and nothing readable by others
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        const st = statSync(p);
        if (!st.isFile()) continue; // directories and the socket: behind the 0700 data dir
        assert.equal(st.mode & 0o077, 0, `${name}/${f} is owner-only (mode ${(st.mode & 0o777).toString(8)})`);
        const text = readFileSync(p, 'utf8');
        for (const s of secrets) assert.ok(!text.includes(s), `${name}/${f} holds a join token`);
      }
      assert.equal(statSync(dir).mode & 0o777, 0o700, `${name}'s data dir is 0700`);
    }
    // no other process of this machine shows one either (the CLI has exited)
    for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      } catch {
        continue; // gone
      }
      if (Number(p) === process.pid) continue;
      for (const s of secrets)
        assert.ok(
          !cmdline.includes(s),
          `process ${p} shows a join token: ${cmdline.split('\0').join(' ').slice(0, 200)}`,
        );
    }
  });

  test('an error about a 100,000-character argument reaches the user at once, cut short', async () => {
    const m1 = join(root, 'm1');
    for (const args of [
      ['service', 'inspect', 'x'.repeat(100_000)],
      ['service', 'rm', 'x'.repeat(100_000)],
      ['node', 'update', '--availability', 'drain', 'x'.repeat(100_000)],
    ]) {
      const t0 = Date.now();
      const r = await runCli(m1, args, { timeoutMs: 20_000 });
      assert.ok(Date.now() - t0 < 10_000, `${args[0]} ${args[1]}: answered in ${Date.now() - t0} ms`);
      assert.equal(r.code, r.stderr.startsWith('error: INVALID_ARGUMENT') ? 2 : 1, r.stderr.slice(0, 300));
      assert.match(r.stderr, /^error: (NOT_FOUND|INVALID_ARGUMENT): .*\(100000 characters\)/);
      assert.ok(r.stderr.length < 2_000, `the error is short (${r.stderr.length} characters)`);
    }
  });

  test('a directory that is not a clusterctl data dir is refused and left exactly as it was', async () => {
    const foreign = join(root, 'shared');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'someone else\n');
    mkdirSync(join(foreign, 'project'));
    chmodSync(foreign, 0o1777);
    const snapshot = (d: string): string =>
      JSON.stringify({
        mode: statSync(d).mode,
        entries: readdirSync(d).sort(),
        notes: readFileSync(join(d, 'notes.txt'), 'utf8'),
      });
    const before = snapshot(foreign);
    const token = `CCTL-1-worker-${'a'.repeat(64)}-${'b'.repeat(25)}`;
    for (const args of [
      ['start'],
      ['start', '--foreground'],
      ['init', '--listen-addr', '127.0.0.1:1'],
      ['join', '--token', token, '127.0.0.1:1'],
    ]) {
      const r = await runCli(foreign, args);
      expectError(r, 1, 'FAILED_PRECONDITION', /not a clusterctl data dir/);
      assert.equal(snapshot(foreign), before, `${r.cmd} changed the directory`);
    }
    // an empty directory of another user is not ours either
    const theirs = join(root, 'theirs');
    mkdirSync(theirs, { mode: 0o755 });
    chownSync(theirs, 65534, 65534);
    const r = await runCli(theirs, ['init', '--listen-addr', '127.0.0.1:1']);
    expectError(r, 1, 'FAILED_PRECONDITION', /owned by another user/);
    assert.deepEqual(readdirSync(theirs), []);
    assert.equal(statSync(theirs).mode & 0o777, 0o755);
  });
});
