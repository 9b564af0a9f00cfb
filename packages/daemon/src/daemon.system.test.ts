// System tests of the node daemon: real daemon processes (each with its own data dir and port),
// real gRPC over mutual TLS, real LevelDB, the real Docker engine. A manager is created with --init,
// a worker joins it with the token the manager's Control API hands out, both talk to the CLI's
// control socket; the worker daemon restarts and adopts its containers; bad tokens are refused.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import {
  freePort,
  nodeContainers,
  removeClusterContainers,
  serviceContainers,
  SocketClient,
  SocketClients,
  spawnDaemon,
  spawnDaemonExpectFailure,
  type DaemonProcess,
} from './testing/daemons.js';

const IMAGE = 'clusterctl/busybox:local';

type Node = clusterctl.cluster.INode;

describe('node daemon processes', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-daemon-test-'));
  const procs: DaemonProcess[] = [];
  const clients = new SocketClients();
  let manager: DaemonProcess;
  let worker: DaemonProcess;
  let mgr: SocketClient;
  let wrk: SocketClient;
  let clusterId = '';
  let workerToken = '';
  let managerAddr = '';
  const figures: string[] = [];

  const track = (d: DaemonProcess): DaemonProcess => {
    procs.push(d);
    return d;
  };
  const client = (dir: string): SocketClient => clients.of(dir);
  const nodes = async (): Promise<Node[]> =>
    (await mgr.control<clusterctl.control.ListNodesResponse>('listNodes', {})).nodes;

  before(() => {
    ensureDockerAndWorkloadImage();
  });

  after(async () => {
    clients.closeAll();
    for (const p of procs) await p.kill();
    if (clusterId) await removeClusterContainers(clusterId);
    rmSync(root, { recursive: true, force: true });
    for (const f of figures) process.stdout.write(`# figure: ${f}\n`);
  });

  test('init: ready line with join tokens, control socket 0600, pid file, Local.Info and Control over mTLS', async () => {
    const port = await freePort();
    const dir = join(root, 'm1');
    manager = track(
      await spawnDaemon(dir, [
        '--init',
        '--listen-addr',
        `127.0.0.1:${port}`,
        '--hostname',
        'm1',
        '--heartbeat-period',
        '200ms',
        '--node-grace',
        '8s',
      ]),
    );
    figures.push(`manager daemon --init: spawn to ready line ${manager.startMs} ms`);
    const r = manager.ready;
    assert.equal(r.role, 'manager');
    assert.equal(r.advertiseAddr, `127.0.0.1:${port}`);
    assert.match(r.joinTokens?.worker ?? '', /^CCTL-1-worker-[0-9a-f]{64}-/);
    assert.match(r.joinTokens?.manager ?? '', /^CCTL-1-manager-/);
    clusterId = r.clusterId;
    managerAddr = r.joinTokens!.managerAddr;
    assert.equal(managerAddr, `127.0.0.1:${port}`);
    const st = statSync(join(dir, 'control.sock'));
    assert.ok(st.isSocket());
    assert.equal(st.mode & 0o777, 0o600);
    assert.equal(readFileSync(join(dir, 'daemon.pid'), 'utf8').trim(), String(manager.pid));
    assert.equal(statSync(join(dir, 'tls/node.key')).mode & 0o777, 0o600);
    const nodeJson = JSON.parse(readFileSync(join(dir, 'node.json'), 'utf8')) as { nodeId: string; role: string };
    assert.equal(nodeJson.nodeId, r.nodeId);

    mgr = client(dir);
    const info = await mgr.local<clusterctl.local.InfoResponse>('info');
    assert.equal(info.nodeId, r.nodeId);
    assert.equal(info.role, 'manager');
    assert.equal(info.clusterId, clusterId);
    assert.equal(info.hostname, 'm1');
    assert.equal(info.isLeader, true);
    assert.equal(info.leaderAddr, managerAddr);
    assert.equal(info.pid, manager.pid);
    const ci = await mgr.control<clusterctl.control.ClusterInfo>('getClusterInfo');
    assert.equal(ci.clusterId, clusterId);
    assert.equal(ci.heartbeatPeriodMs, 200);
    assert.equal(ci.nodeGraceMs, 8000);
    const tok = await mgr.control<clusterctl.control.JoinTokenResponse>('getJoinToken', { role: 'worker' });
    assert.equal(tok.token, r.joinTokens!.worker);
    workerToken = tok.token;
    // No engine: nothing is created.
    const noEngine = await spawnDaemonExpectFailure(join(root, 'no-engine'), [
      '--init',
      '--listen-addr',
      '127.0.0.1:0',
      '--docker-socket',
      join(root, 'no-such.sock'),
    ]);
    assert.equal(noEngine.code, 1);
    assert.match(noEngine.stderr, /^error: UNAVAILABLE: the container engine .* does not answer/m);
    assert.match(noEngine.stderr, /hint: .*ensure-docker/);
    // the same failure as the JSON line the CLI reads
    assert.equal(noEngine.failure?.code, 'UNAVAILABLE');
    assert.match(noEngine.failure.message, /the container engine .* does not answer/);
    assert.match(noEngine.failure.hint, /ensure-docker/);
    assert.ok(!existsSync(join(root, 'no-engine', 'node.json')));
    // A second daemon on the same data dir is refused.
    const dup = await spawnDaemonExpectFailure(dir, []);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /already runs/);
    assert.equal(dup.failure?.code, 'FAILED_PRECONDITION');
  });

  test("a manager's error reaches the socket client with its code and hint (nothing stored)", async () => {
    await assert.rejects(
      mgr.control('createService', { spec: { name: 'bad name!', image: IMAGE, mode: 'replicated', replicas: 1 } }),
      (e: unknown) => {
        assert.ok(e instanceof ClusterError);
        assert.equal(e.code, 'INVALID_ARGUMENT');
        assert.notEqual(e.hint, '');
        return true;
      },
    );
    await assert.rejects(
      mgr.control('getNode', { node: 'no-such-node' }),
      (e: unknown) => e instanceof ClusterError && e.code === 'NOT_FOUND',
    );
    assert.equal((await mgr.control<clusterctl.control.ListServicesResponse>('listServices', {})).services.length, 0);
  });

  test('a wrong, rotated or foreign token is refused with a clear error and nothing is written', async () => {
    const dir = join(root, 'bad');
    const malformed = await spawnDaemonExpectFailure(dir, ['--join', 'SWMTKN-1-abc', managerAddr, '--hostname', 'bad']);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /INVALID_ARGUMENT.*Docker Swarm token/);
    assert.equal(malformed.failure?.code, 'INVALID_ARGUMENT');
    const wrongSecret = workerToken.replace(/-[0-9a-z]{25}$/, '-' + '0'.repeat(25));
    const denied = await spawnDaemonExpectFailure(dir, ['--join', wrongSecret, managerAddr, '--hostname', 'bad']);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /UNAUTHENTICATED/);
    const foreign = workerToken.replace(/-[0-9a-f]{64}-/, '-' + 'ab'.repeat(32) + '-');
    const pinned = await spawnDaemonExpectFailure(dir, ['--join', foreign, managerAddr, '--hostname', 'bad']);
    assert.equal(pinned.code, 1);
    assert.match(pinned.stderr, /UNAUTHENTICATED.*does not match the join token/);
    assert.ok(!existsSync(join(dir, 'node.json')), 'no node state written');
    assert.ok(!existsSync(join(dir, 'tls', 'node.crt')));
    assert.equal((await nodes()).length, 1, 'no node added');
  });

  test('a worker joins with the token; both nodes are listed (and ready once agents have sessions)', async () => {
    const dir = join(root, 'w1');
    worker = track(await spawnDaemon(dir, ['--join', workerToken, managerAddr, '--hostname', 'w1']));
    const t0 = Date.now() - worker.startMs;
    assert.equal(worker.ready.role, 'worker');
    assert.equal(worker.ready.clusterId, clusterId);
    assert.deepEqual(worker.ready.managerAddrs, [managerAddr]);
    wrk = client(dir);
    const info = await wrk.local<clusterctl.local.InfoResponse>('info');
    assert.equal(info.role, 'worker');
    assert.equal(info.hostname, 'w1');
    const listed = await nodes();
    assert.deepEqual(listed.map((n) => [n.hostname, n.role]).sort(), [
      ['m1', 'manager'],
      ['w1', 'worker'],
    ]);
    await waitFor('both nodes ready', async () => (await nodes()).every((n) => n.status?.state === 'ready'), {
      timeoutMs: 15_000,
      intervalMs: 20,
    });
    figures.push(
      `worker daemon --join: spawn to node ready ${Date.now() - t0} ms (spawn to ready line ${worker.startMs} ms)`,
    );
    const w = (await nodes()).find((n) => n.hostname === 'w1')!;
    assert.ok((w.resources?.nanoCpus ?? 0) >= 1e9, 'CPU reported');
    assert.ok((w.resources?.memoryBytes ?? 0) > 0, 'memory reported');
    await waitFor(
      'worker agent connected',
      async () => (await wrk.local<clusterctl.local.InfoResponse>('info')).agentConnected,
      { timeoutMs: 20_000 },
    );
  });

  test('a worker refuses Control calls: FAILED_PRECONDITION with a hint', async () => {
    await assert.rejects(
      wrk.control('listNodes', {}),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === 'FAILED_PRECONDITION' &&
        /not a manager/.test(e.message) &&
        /manager/.test(e.hint),
    );
  });

  test('a manager may not leave without --force', async () => {
    await assert.rejects(
      mgr.local('leave', { force: false }),
      (e: unknown) => e instanceof ClusterError && e.code === 'FAILED_PRECONDITION' && /demote/.test(e.hint),
    );
  });

  test('a restarted worker daemon adopts its running containers (same ids, no duplicates)', async () => {
    const svc = await mgr.control<clusterctl.cluster.Service>('createService', {
      spec: { name: 'web', image: IMAGE, mode: 'replicated', replicas: 2 },
    });
    assert.ok(svc.id);
    const workerId = worker.ready.nodeId;
    const before = await waitFor(
      '2 running tasks, one on the worker',
      async () => {
        const tasks = (await mgr.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'web' })).tasks;
        const running = tasks.filter((x) => x.status?.state === 'running');
        const mine = await nodeContainers(clusterId, workerId);
        return running.length === 2 && mine.filter((c) => c.status === 'running').length === 1 ? mine : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );

    assert.equal(await worker.stop(), 0);
    const during = await nodeContainers(clusterId, workerId);
    assert.deepEqual(
      during.map((c) => [c.id, c.status]),
      before.map((c) => [c.id, 'running']),
      'containers keep running while the daemon is down',
    );

    const t0 = Date.now();
    worker = track(await spawnDaemon(worker.dataDir, []));
    await waitFor(
      'worker ready again',
      async () => (await nodes()).find((n) => n.id === workerId)?.status?.state === 'ready',
      { timeoutMs: 15_000, intervalMs: 20 },
    );
    await waitFor(
      'worker agent connected',
      async () => (await wrk.local<clusterctl.local.InfoResponse>('info')).agentConnected,
      { timeoutMs: 20_000, intervalMs: 20 },
    );
    figures.push(`worker daemon restart: spawn to agent session up ${Date.now() - t0} ms`);
    const after = await nodeContainers(clusterId, workerId);
    assert.deepEqual(
      after.map((c) => [c.id, c.status]),
      before.map((c) => [c.id, 'running']),
      'same container, still running, no duplicate',
    );
    const tasks = (
      await mgr.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'web' })
    ).tasks.filter((x) => x.desiredState === 'running');
    assert.deepEqual(
      tasks.map((x) => x.status?.state),
      ['running', 'running'],
      'no task replaced: the restart took less than the node grace',
    );
    assert.equal((await wrk.local<clusterctl.local.InfoResponse>('info')).tasks, 1);
  });

  test('service logs come from the agents through the control socket', async () => {
    const talker = await mgr.control<clusterctl.cluster.Service>('createService', {
      spec: {
        name: 'talker',
        image: IMAGE,
        mode: 'replicated',
        replicas: 2,
        command: [
          'sh',
          '-c',
          'trap "exit 0" TERM; echo hello from $HOSTNAME; echo oops >&2; while :; do sleep 1 & wait; done',
        ],
      },
    });
    const lines = await waitFor(
      'both tasks logged',
      async () => {
        const got = await mgr.controlStream<clusterctl.control.LogLine>(
          'serviceLogs',
          { service: 'talker', follow: false, tail: -1 },
          10_000,
        );
        const text = got.map((l) => `${l.stream}:${Buffer.from(l.line).toString()}`);
        // stdout and stderr are separate streams: wait for both lines of both tasks.
        const both =
          text.filter((x) => x.startsWith('stdout:hello from')).length === 2 &&
          text.filter((x) => x === 'stderr:oops').length === 2;
        return both ? got : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    assert.equal(lines.filter((l) => l.stream === 'stderr' && Buffer.from(l.line).toString() === 'oops').length, 2);
    assert.deepEqual(new Set(lines.map((l) => l.nodeId)).size, 2, 'one task on each node');
    await mgr.control('removeService', { service: 'talker' });
    await waitFor('talker containers removed', async () => (await serviceContainers(talker.id)).length === 0, {
      timeoutMs: 20_000,
      intervalMs: 100,
    });
  });

  test('a crashing container is reported failed with its exit code and replaced', async () => {
    const svc = await mgr.control<clusterctl.cluster.Service>('createService', {
      spec: {
        name: 'crasher',
        image: IMAGE,
        mode: 'replicated',
        replicas: 1,
        command: ['sh', '-c', 'sleep 0.2; exit 3'],
      },
    });
    const failed = await waitFor(
      'a failed task with exit code 3 and a newer task in its slot',
      async () => {
        const tasks = (
          await mgr.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'crasher', all: true })
        ).tasks;
        const f = tasks.find((x) => x.status?.state === 'failed');
        return f && tasks.length >= 2 ? f : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    assert.equal(failed.status?.exitCode, 3);
    assert.equal(failed.status?.hasExitCode, true);
    assert.match(failed.status?.err ?? '', /exit \(3\)/);
    await mgr.control('removeService', { service: 'crasher' });
    await waitFor(
      'the removed service leaves no container behind',
      async () => (await serviceContainers(svc.id)).length === 0,
      { timeoutMs: 20_000, intervalMs: 100 },
    );
  });

  test('a worker leaves: its containers are removed, it forgets the cluster and the daemon exits', async () => {
    const res = await wrk.local<clusterctl.local.LeaveResponse>('leave', { force: false });
    assert.equal(res.nodeId, worker.ready.nodeId);
    assert.equal(await worker.exited, 0);
    assert.ok(!existsSync(join(worker.dataDir, 'node.json')));
    assert.ok(!existsSync(join(worker.dataDir, 'tls')));
    assert.deepEqual(await nodeContainers(clusterId, worker.ready.nodeId), []);
  });

  test('the last manager leaves with --force: its containers go, the data dir forgets the cluster, the daemon exits', async () => {
    const res = await mgr.local<clusterctl.local.LeaveResponse>('leave', { force: true });
    assert.equal(res.nodeId, manager.ready.nodeId);
    assert.equal(await manager.exited, 0);
    for (const f of ['node.json', 'tls', 'raft', 'agent', 'control.sock', 'daemon.pid'])
      assert.ok(!existsSync(join(manager.dataDir, f)), `${f} removed`);
    assert.deepEqual(await nodeContainers(clusterId, manager.ready.nodeId), []);
  });
});
