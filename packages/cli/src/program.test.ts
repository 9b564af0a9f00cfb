// The command line end to end without a daemon: every bad flag is refused with a usage error (exit
// 2) BEFORE the CLI tries to reach the daemon (the data dir has no socket, so reaching it would give
// UNAVAILABLE); a missing daemon is UNAVAILABLE (exit 1) with a hint; spec building and progress.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode, failedLine } from '@clusterctl/common';
import { buildServiceSpec } from './commands/service-spec.js';
import { progressSnapshot } from './commands/service-progress.js';
import { initDaemonArgs, joinDaemonArgs } from './commands/cluster.js';
import { nodeUpdateRequest } from './commands/node.js';
import { main } from './program.js';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, env);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'clusterctl-cli-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const D = ['--data-dir', dir];
const TOKEN = `CCTL-1-worker-${'a'.repeat(64)}-${'b'.repeat(25)}`;

describe('usage errors come before any contact with the daemon', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /no command/],
    ['unknown command', ['nodes', 'ls'], /unknown command 'nodes'/],
    ['unknown option', ['service', 'create', '--replica', '3', 'img'], /unknown option '--replica'/],
    ['bad format', ['--format', 'yaml', 'node', 'ls'], /yaml/],
    ['missing image', ['service', 'create'], /missing required argument 'image'/],
    ['replicas not a number', ['service', 'create', '--replicas', 'three', 'img'], /--replicas/],
    ['negative replicas', ['service', 'create', '--replicas', '-1', 'img'], /--replicas/],
    ['replicas with global', ['service', 'create', '--mode', 'global', '--replicas', '2', 'img'], /--mode global/],
    ['unknown mode', ['service', 'create', '--mode', 'everywhere', 'img'], /--mode/],
    ['bad env', ['service', 'create', '-e', 'NOVALUE', 'img'], /--env/],
    ['bad label', ['service', 'create', '-l', '=x', 'img'], /--label/],
    ['bad port', ['service', 'create', '-p', '80:99999', 'img'], /--publish/],
    ['port twice', ['service', 'create', '-p', '80:80', '-p', '80:81', 'img'], /twice/],
    ['bad constraint', ['service', 'create', '--constraint', 'node.name=x', 'img'], /--constraint/],
    ['bad cpu', ['service', 'create', '--reserve-cpu', 'lots', 'img'], /--reserve-cpu/],
    ['bad memory', ['service', 'create', '--limit-memory', '12q', 'img'], /--limit-memory/],
    [
      'reservation over limit',
      ['service', 'create', '--reserve-memory', '1g', '--limit-memory', '512m', 'img'],
      /--reserve-memory/,
    ],
    ['restart condition', ['service', 'create', '--restart-condition', 'always', 'img'], /--restart-condition/],
    ['restart attempts', ['service', 'create', '--restart-max-attempts', 'x', 'img'], /--restart-max-attempts/],
    ['bad name', ['service', 'create', '--name', 'no spaces', 'img'], /--name/],
    ['bad image', ['service', 'create', 'UPPER CASE!'], /image/],
    ['scale without =', ['service', 'scale', 'web'], /scale/],
    ['scale negative', ['service', 'scale', 'web=-2'], /scale/],
    ['logs tail', ['service', 'logs', '--tail', 'x', 'web'], /--tail/],
    ['availability', ['node', 'update', '--availability', 'off', 'n1'], /--availability/],
    ['node update without change', ['node', 'update', 'n1'], /nothing to change/],
    ['join-token role', ['join-token', 'admin'], /admin/],
    ['init duration', ['init', '--heartbeat-period', '5'], /--heartbeat-period/],
    ['init grace below heartbeat', ['init', '--heartbeat-period', '1s', '--node-grace', '500ms'], /--node-grace/],
    ['init listen addr', ['init', '--listen-addr', 'localhost'], /--listen-addr/],
    ['init hostname', ['init', '--hostname', '-x'], /--hostname/],
    ['init hostname not RFC 1123', ['init', '--hostname', 'under_score'], /--hostname/],
    [
      'join hostname with shell syntax',
      ['join', '--token', TOKEN, '--hostname', 'a;reboot', '127.0.0.1:4280'],
      /--hostname/,
    ],
    [
      'join hostname with a terminal escape',
      ['join', '--token', TOKEN, '--hostname', 'x\u001b[31m', '127.0.0.1:4280'],
      /--hostname/,
    ],
    [
      'node label value too large',
      ['node', 'update', '--label-add', `big=${'v'.repeat(100_000)}`, 'n1'],
      /--label-add.*100000 characters/,
    ],
    ['node label with a control character', ['node', 'update', '--label-add', 'k=\u001b[2J', 'n1'], /--label-add/],
    [
      'too many node labels',
      ['node', 'update', ...Array.from({ length: 257 }, (_, i) => ['--label-add', `k${i}=v`]).flat(), 'n1'],
      /--label-add.*257 labels/,
    ],
    ['service label value too large', ['service', 'create', '-l', `big=${'v'.repeat(5000)}`, 'img'], /--label/],
    ['service reserved label', ['service', 'create', '-l', 'com.clusterctl.task.id=x', 'img'], /reserved/],
    ['join without token', ['join', '127.0.0.1:4280'], /--token/],
    ['join malformed token', ['join', '--token', 'SWMTKN-1-abc', '127.0.0.1:4280'], /Docker Swarm token/],
    ['join bad addr', ['join', '--token', TOKEN, 'nowhere'], /MANAGER_ADDR/],
    ['join without addr', ['join', '--token', TOKEN], /missing required argument/],
    ['service update rollback with a change', ['service', 'update', '--rollback', '--image', 'x', 'web'], /--rollback/],
    [
      'service update failure action',
      ['service', 'update', '--update-failure-action', 'retry', 'web'],
      /--update-failure-action/,
    ],
    [
      'service create rollback failure action',
      ['service', 'create', '--rollback-failure-action', 'rollback', 'img'],
      /--rollback-failure-action/,
    ],
    ['service update without service', ['service', 'update', '--image', 'x'], /missing required argument 'service'/],
    ['service update bad env', ['service', 'update', '--env-add', 'NOVALUE', 'web'], /--env/],
    [
      'service update add and rm',
      ['service', 'update', '--env-add', 'A=1', '--env-rm', 'A', 'web'],
      /--env-add and --env-rm/,
    ],
    ['service update bad memory', ['service', 'update', '--limit-memory', '1q', 'web'], /--limit-memory/],
    ['service update bad replicas', ['service', 'update', '--replicas', 'x', 'web'], /--replicas/],
    ['service update unknown option', ['service', 'update', '--env', 'A=1', 'web'], /unknown option '--env'/],
    ['cluster update without change', ['cluster', 'update'], /nothing to change/],
    ['cluster update grace', ['cluster', 'update', '--heartbeat-period', '1s', '--node-grace', '1s'], /--node-grace/],
    ['cluster update cert expiry', ['cluster', 'update', '--cert-expiry', '10m'], /--cert-expiry/],
    ['cluster unknown subcommand', ['cluster', 'init'], /unknown command 'init'/],
  ];
  for (const [name, argv, re] of cases) {
    test(name, async () => {
      const r = await cli(argv.length === 0 ? [] : [...D, ...argv]);
      assert.equal(r.code, 2, `exit code of ${argv.join(' ')}: ${r.err}`);
      const lines = r.err.trimEnd().split('\n');
      assert.match(lines[0]!, /^error: INVALID_ARGUMENT: /);
      assert.match(lines[0]!, re);
      assert.match(lines[lines.length - 1]!, /^hint: \S/);
      assert.equal(r.out, '');
    });
  }
});

describe('usage hints name the command as registered', () => {
  for (const [argv, hint] of [
    [['service', 'update', '--bogus', 'web'], 'see `clusterctl service update --help`'],
    [['node', 'ls', '--bogus'], 'see `clusterctl node ls --help`'],
    [['init', '--bogus'], 'see `clusterctl init --help`'],
    [['cluster', 'frobnicate'], 'see `clusterctl cluster --help`'],
    [['frobnicate'], 'see `clusterctl --help`'],
  ] as const) {
    test(argv.join(' '), async () => {
      const r = await cli([...D, ...argv]);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.err.trimEnd().split('\n').at(-1), `hint: ${hint}`);
    });
  }
});

describe('no daemon', () => {
  test('UNAVAILABLE with the init/join hint, exit 1', async () => {
    const r = await cli([...D, 'node', 'ls']);
    assert.equal(r.code, 1);
    assert.match(r.err, /^error: UNAVAILABLE: no node daemon answers for data dir /);
    assert.match(r.err, /hint: .*clusterctl init/);
  });
  test('a data dir that holds a node hints at `clusterctl start`', async () => {
    const d2 = mkdtempSync(join(dir, 'node-'));
    writeFileSync(join(d2, 'node.json'), '{}');
    const r = await cli(['--data-dir', d2, 'service', 'ls']);
    assert.equal(r.code, 1);
    assert.match(r.err, /hint: .*clusterctl start --data-dir/);
  });
  test('CLUSTERCTL_DATA_DIR selects the data dir; --data-dir wins over it', async () => {
    const r = await cli(['service', 'ls'], { CLUSTERCTL_DATA_DIR: join(dir, 'from-env') });
    assert.match(r.err, /from-env/);
    const r2 = await cli(['service', 'ls', '--data-dir', join(dir, 'from-flag')], {
      CLUSTERCTL_DATA_DIR: join(dir, 'from-env'),
    });
    assert.match(r2.err, /from-flag/);
    const r3 = await cli(['service', 'ls'], {});
    assert.match(r3.err, /\/var\/lib\/clusterctl/);
  });
  test('help and version exit 0', async () => {
    assert.equal((await cli(['--help'])).code, 0);
    assert.equal((await cli(['service', 'create', '--help'])).code, 0);
    const v = await cli(['--version']);
    assert.equal(v.code, 0);
    assert.match(v.out, /^\d+\.\d+\.\d+/);
  });
});

describe('service spec from flags', () => {
  test('every flag lands in the spec', () => {
    const spec = buildServiceSpec('clusterctl/busybox:local', ['sh', '-c', 'echo hi'], {
      name: 'web',
      replicas: '3',
      env: ['A=1', 'B=x=y'],
      label: ['team=core'],
      publish: ['8080:80', '53:53/udp', 'published=9090,target=90,mode=host'],
      constraint: ['node.role==worker', ' node.labels.zone!=a '],
      reserveCpu: '0.5',
      reserveMemory: '64m',
      limitCpu: '1',
      limitMemory: '128m',
      restartCondition: 'on-failure',
      restartMaxAttempts: '4',
      network: ['back', 'front', 'back'],
      endpointMode: 'vip',
    });
    assert.deepEqual(spec, {
      name: 'web',
      image: 'clusterctl/busybox:local',
      command: ['sh', '-c', 'echo hi'],
      env: ['A=1', 'B=x=y'],
      labels: { team: 'core' },
      mode: 'replicated',
      replicas: 3,
      constraints: ['node.role==worker', 'node.labels.zone!=a'],
      reservations: { nanoCpus: 500_000_000, memoryBytes: 64 * 1024 * 1024 },
      limits: { nanoCpus: 1_000_000_000, memoryBytes: 128 * 1024 * 1024 },
      ports: [
        { published: 8080, target: 80, protocol: 'tcp' },
        { published: 53, target: 53, protocol: 'udp' },
        { published: 9090, target: 90, protocol: 'tcp', mode: 'host' },
      ],
      restartPolicy: { condition: 'on-failure', delayMs: 0, maxAttempts: 4, windowMs: 0 },
      networks: ['back', 'front'],
      endpointMode: 'vip',
    });
  });
  test('defaults: 1 replica, restart any; global has no replicas', () => {
    const s = buildServiceSpec('img', [], {});
    assert.equal(s.replicas, 1);
    assert.equal(s.mode, 'replicated');
    assert.equal(s.restartPolicy?.condition, 'any');
    assert.equal(s.name, '');
    const g = buildServiceSpec('img', [], { mode: 'global' });
    assert.equal(g.mode, 'global');
    assert.equal(g.replicas, 0);
  });
  test('memory limit under the engine minimum is refused', () => {
    assert.throws(
      () => buildServiceSpec('img', [], { limitMemory: '1m' }),
      (e: unknown) => e instanceof ClusterError && /6 MiB/.test(e.message),
    );
  });
  test('daemon flags for init and join are normalized', () => {
    assert.deepEqual(initDaemonArgs({ forceNewCluster: true }), ['--force-new-cluster']);
    assert.throws(
      () => initDaemonArgs({ forceNewCluster: true, listenAddr: '127.0.0.1:1' }),
      (e: unknown) =>
        e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && /keeps this manager/.test(e.message),
    );
    assert.throws(
      () => initDaemonArgs({ forceNewCluster: true, restore: 'f' }),
      (e: unknown) => e instanceof ClusterError && /exclude each other/.test(e.message),
    );
    assert.deepEqual(initDaemonArgs({ restore: '/b/c.backup', hostname: 'r1' }), [
      '--init',
      '--restore',
      '/b/c.backup',
      '--hostname',
      'r1',
    ]);
    assert.throws(
      () => initDaemonArgs({ restore: '/b/c.backup', nodeGrace: '2s' }),
      (e: unknown) => e instanceof ClusterError && /settings of the backup/.test(e.message),
    );
    assert.deepEqual(
      initDaemonArgs({ listenAddr: '127.0.0.1:4280', heartbeatPeriod: '0.5s', nodeGrace: '2s', hostname: 'm1' }),
      [
        '--init',
        '--listen-addr',
        '127.0.0.1:4280',
        '--heartbeat-period',
        '500ms',
        '--node-grace',
        '2000ms',
        '--hostname',
        'm1',
      ],
    );
    assert.deepEqual(
      joinDaemonArgs({ token: TOKEN }, '127.0.0.1:4280'),
      ['--join', '-', '127.0.0.1:4280'],
      'the token goes to the daemon on stdin, not on its command line',
    );
  });
  test('node update request', () => {
    assert.deepEqual(
      nodeUpdateRequest('n1', { availability: 'drain', labelAdd: ['zone=a', 'ssd'], labelRm: ['old'] }),
      { node: 'n1', availability: 'drain', labelAdd: { zone: 'a', ssd: '' }, labelRm: ['old'] },
    );
    assert.throws(() => nodeUpdateRequest('n1', { labelAdd: ['a=1'], labelRm: ['a'] }), /both added and removed/);
    assert.throws(() => nodeUpdateRequest('n1', { labelRm: ['a=1'] }), /label name only/);
  });
});

describe('progress of a service', () => {
  const spec = { name: 'web', replicas: 3, mode: 'replicated' };
  const task = (slot: number, state: string, extra: object = {}) => ({
    id: `t${slot}${state}`,
    serviceId: 's',
    slot,
    nodeId: 'n1',
    desiredState: 'running',
    status: { state, ...extra },
    meta: { createdAt: slot },
    spec,
  });
  test('converged when every slot runs and running == desired', () => {
    const p = progressSnapshot(
      { service: { id: 's', spec }, running: 3, desired: 3 },
      [task(1, 'running'), task(2, 'running'), task(3, 'running')],
      new Map(),
    );
    assert.equal(p.converged, true);
    assert.deepEqual(
      p.slots.map((s) => s.key),
      ['1/3', '2/3', '3/3'],
    );
  });
  test('not converged while a slot starts or tasks are missing', () => {
    assert.equal(
      progressSnapshot(
        { service: { id: 's', spec }, running: 2, desired: 3 },
        [task(1, 'running'), task(2, 'running'), task(3, 'starting')],
        new Map(),
      ).converged,
      false,
    );
    assert.equal(
      progressSnapshot({ service: { id: 's', spec }, running: 0, desired: 3 }, [], new Map()).converged,
      false,
    );
  });
  test('unschedulable only when every missing task waits for a node', () => {
    const msg = { message: 'no suitable node (2 nodes failed constraint node.hostname==x)' };
    const p = progressSnapshot(
      { service: { id: 's', spec }, running: 1, desired: 3 },
      [task(1, 'running'), task(2, 'pending', msg), task(3, 'pending', msg)],
      new Map(),
    );
    assert.equal(p.unschedulable, true);
    assert.equal(p.slots[1]!.reason, msg.message);
    const q = progressSnapshot(
      { service: { id: 's', spec }, running: 1, desired: 3 },
      [task(1, 'running'), task(2, 'pending', msg), task(3, 'starting')],
      new Map(),
    );
    assert.equal(q.unschedulable, false);
    const w = progressSnapshot(
      { service: { id: 's', spec }, running: 0, desired: 3 },
      [task(1, 'pending', { message: 'waiting for the scheduler' })],
      new Map(),
    );
    assert.equal(w.unschedulable, false);
  });
  test('tasks the restart policy lets end: the wait is over (failed or completed)', () => {
    const one = { name: 'once', replicas: 1, mode: 'replicated' };
    const failed = { ...task(1, 'failed', { err: 'task: non-zero exit (3)' }), desiredState: 'complete', spec: one };
    const p = progressSnapshot({ service: { id: 's', spec: one }, running: 0, desired: 1 }, [failed], new Map());
    assert.equal(p.converged, false);
    assert.equal(p.ended, true);
    assert.deepEqual(
      p.finished.map((s) => [s.state, s.reason]),
      [['failed', 'task: non-zero exit (3)']],
    );
    // still waiting while a restart is due (desired running, exited)
    const waiting = progressSnapshot(
      { service: { id: 's', spec: one }, running: 0, desired: 1 },
      [{ ...failed, desiredState: 'running' }],
      new Map(),
    );
    assert.equal(waiting.ended, false);
    // a history task (shut down) does not count; the newest of the slot does
    const older = { ...task(1, 'failed'), id: 'old', desiredState: 'shutdown', meta: { createdAt: 0 } };
    const done = progressSnapshot(
      { service: { id: 's', spec: one }, running: 0, desired: 1 },
      [older, { ...task(1, 'complete'), desiredState: 'complete', spec: one }],
      new Map(),
    );
    assert.equal(done.ended, true);
    assert.deepEqual(
      done.finished.map((s) => s.state),
      ['complete'],
    );
  });
  test('a failed task shows its error; global services key by hostname', () => {
    const p = progressSnapshot(
      { service: { id: 's', spec }, running: 0, desired: 3 },
      [task(1, 'failed', { err: 'exit code 2' })],
      new Map(),
    );
    assert.equal(p.slots[0]!.reason, 'exit code 2');
    const g = progressSnapshot(
      { service: { id: 's', spec: { name: 'g', mode: 'global' } }, running: 1, desired: 1 },
      [{ ...task(0, 'running'), nodeId: 'n9' }],
      new Map([['n9', 'w9']]),
    );
    assert.equal(g.converged, true);
    assert.deepEqual(
      g.slots.map((s) => s.key),
      ['w9'],
    );
  });
});

describe('daemon startup failures', () => {
  test("the daemon's JSON failure line becomes our error; anything else is INTERNAL with the log hint", async () => {
    const { parseDaemonFailure } = await import('./spawn-daemon.js');
    const failed = failedLine(
      new ClusterError(ErrorCode.FailedPrecondition, '/d already holds a node of a cluster', {
        hint: 'use another --data-dir',
      }),
    );
    const e = parseDaemonFailure(
      failed,
      `${failed}error: FAILED_PRECONDITION: /d already holds a node of a cluster\n`,
      1,
    );
    assert.equal(e.code, 'FAILED_PRECONDITION');
    assert.equal(e.message, '/d already holds a node of a cluster');
    assert.equal(e.hint, 'use another --data-dir');
    // text that merely looks like an error line is not parsed (only the JSON line is)
    const t = parseDaemonFailure('', 'error: NOT_FOUND: x\nhint: y\n', 1);
    assert.equal(t.code, 'INTERNAL');
    const u = parseDaemonFailure('', 'Segmentation fault\n', 139);
    assert.equal(u.code, 'INTERNAL');
    assert.match(u.message, /exited \(code 139\).*Segmentation fault/);
    assert.match(u.hint, /daemon\.log/);
  });
  test('a missing daemon build is reported before anything starts', async () => {
    const saved = process.env.CLUSTERCTL_DAEMON_ENTRY;
    process.env.CLUSTERCTL_DAEMON_ENTRY = join(dir, 'no-such-daemon.js');
    try {
      const r = await cli(['--data-dir', join(dir, 'fresh'), 'init', '--listen-addr', '127.0.0.1:1']);
      assert.equal(r.code, 1);
      assert.match(r.err, /^error: FAILED_PRECONDITION: the node daemon is not built: /);
      assert.match(r.err, /hint: build it with/);
    } finally {
      if (saved === undefined) delete process.env.CLUSTERCTL_DAEMON_ENTRY;
      else process.env.CLUSTERCTL_DAEMON_ENTRY = saved;
    }
  });
});
