// Disaster recovery with real node daemons, real LevelDB and the real CLI:
//  - quorum lost for good: 3 managers and a worker run a service; `init --force-new-cluster` on a
//    stopped manager is refused while the other two answer; once they are gone for good it makes
//    the survivor the only manager with the service (still running, writable), the worker reconnects
//    with its certificate, the removed managers' certificates are refused, a new manager joins, and a
//    removed manager started again with its old data refuses to run;
//  - backup and restore: `cluster backup` on a live manager under writes, a damaged copy refused
//    with CORRUPT (nothing written); the manager's machine is lost, `init --restore` on a fresh data
//    dir at its address brings the services back and the worker reconnects, its replica untouched.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, decodeBackup, ErrorCode, freePort } from '@clusterctl/common';
import { readNodeTls, renewCertificate } from '@clusterctl/ca';
import { ensureDockerAndWorkloadImage, REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import type { clusterctl } from '@clusterctl/proto';
import {
  nodeContainers,
  removeClusterContainers,
  SocketClient,
  SocketClients,
  spawnDaemon,
  spawnDaemonExpectFailure,
  startDaemonCluster,
  type DaemonProcess,
} from './testing/daemons.js';

const IMAGE = 'clusterctl/busybox:local';
const CLI = join(REPO_ROOT, 'packages/cli/dist/bin/clusterctl.js');

/** Runs the CLI; a command that starts a daemon runs it with --data-plane off (many share this engine). */
function cli(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const plane = ['init', 'join', 'start'].some((c) => args.includes(c)) ? ['--data-plane', 'off'] : [];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, '--data-dir', dataDir, ...args, ...plane],
      { timeout: 120_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code =
          err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function runningTasks(tasks: clusterctl.cluster.ITask[]): clusterctl.cluster.ITask[] {
  return tasks.filter((t) => t.desiredState === 'running' && t.status?.state === 'running');
}

describe('disaster recovery', { timeout: 300_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-dr-test-'));
  const procs: DaemonProcess[] = [];
  const pids: number[] = [];
  const clients = new SocketClients();
  const clusterIds = new Set<string>();
  const client = (dir: string): SocketClient => clients.of(dir);

  before(() => {
    ensureDockerAndWorkloadImage();
  });

  after(async () => {
    clients.closeAll();
    for (const p of procs) await p.kill();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const id of clusterIds) await removeClusterContainers(id);
    rmSync(root, { recursive: true, force: true });
  });

  test('quorum lost for good: init --force-new-cluster on the survivor keeps the cluster, its service and its worker', async () => {
    const cluster = await startDaemonCluster(join(root, 'force'), procs, [
      '--heartbeat-period',
      '200ms',
      '--node-grace',
      '1s',
    ]);
    clusterIds.add(cluster.clusterId);
    const [m1, m2, m3] = cluster.managers as [DaemonProcess, DaemonProcess, DaemonProcess];
    const w = cluster.worker;
    const c1 = client(m1.dataDir);
    await c1.control('createService', {
      spec: { name: 'web', image: IMAGE, mode: 'replicated', replicas: 2, constraints: ['node.hostname==w1'] },
    });
    const before = await waitFor(
      '2 replicas running on the worker',
      async () => {
        const c = (await nodeContainers(cluster.clusterId, w.ready.nodeId)).filter((x) => x.status === 'running');
        return c.length === 2 ? c.map((x) => x.id).sort() : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    // m1 stops; m2 and m3 still form the old quorum: forcing is refused, nothing changes.
    assert.equal(await m1.stop(), 0);
    const refused = await spawnDaemonExpectFailure(m1.dataDir, ['--force-new-cluster']);
    assert.equal(refused.code, 1);
    assert.equal(refused.failure?.code, ErrorCode.FailedPrecondition, refused.stderr);
    assert.match(refused.failure!.message, /old cluster is still reachable: 3 of 3 managers answer/);
    assert.match(refused.failure!.hint, /clusterctl start/);
    const c2 = client(m2.dataDir);
    assert.equal(
      (await c2.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes.length,
      4,
      'the old cluster is untouched',
    );

    // m2 and m3 are lost for good.
    await m2.kill();
    await m3.kill();
    const forced = await spawnDaemon(m1.dataDir, ['--force-new-cluster']);
    procs.push(forced);
    assert.equal(forced.ready.mode, 'force-new-cluster');
    assert.equal(forced.ready.nodeId, m1.ready.nodeId, 'the survivor keeps its node id');
    assert.equal(forced.ready.clusterId, cluster.clusterId, 'and its cluster id');
    assert.deepEqual(forced.ready.removedManagers!.map((x) => x.hostname).sort(), ['m2', 'm3']);
    assert.match(forced.ready.joinTokens!.manager, /^CCTL-1-manager-/);

    const c = client(m1.dataDir);
    const info = await c.control<clusterctl.control.ClusterInfo>('getClusterInfo');
    assert.equal(info.managers.length, 1, 'one manager left in raft');
    assert.equal(info.leaderNodeId, m1.ready.nodeId);
    const nodes = (await c.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
    assert.deepEqual(
      nodes.map((n) => n.hostname).sort(),
      ['m1', 'w1'],
      'the lost managers are gone from the node list',
    );
    const svc = await c.control<clusterctl.cluster.Service>('getService', { service: 'web' });
    assert.equal(Number(svc.spec!.replicas), 2);

    // The worker reconnects with its existing certificate; its tasks kept running (same containers).
    const wc = client(w.dataDir);
    await waitFor(
      'the worker agent in session with the forced manager',
      async () => {
        const wi = await wc.local<clusterctl.local.InfoResponse>('info');
        return wi.agentConnected && wi.agentSessionAddr === m1.ready.advertiseAddr;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const ns = (await c.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
    assert.equal(ns.find((n) => n.hostname === 'w1')?.status?.state, 'ready');
    const now = (await nodeContainers(cluster.clusterId, w.ready.nodeId))
      .filter((x) => x.status === 'running')
      .map((x) => x.id)
      .sort();
    assert.deepEqual(now, before, 'the running tasks were not restarted');

    // Writable: scale up and see the third replica run.
    await c.control('scaleService', { service: 'web', replicas: 3 });
    await waitFor(
      '3 replicas running',
      async () =>
        runningTasks((await c.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'web' })).tasks)
          .length === 3,
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    // A removed manager's certificate is refused by the new cluster.
    const m2Tls = await readNodeTls(m2.dataDir);
    await assert.rejects(
      renewCertificate(m1.ready.advertiseAddr, m2Tls, cluster.clusterId, 5_000),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.PermissionDenied,
    );

    // A new manager joins with the manager token.
    const port = await freePort();
    const m4 = await spawnDaemon(join(root, 'force', 'm4'), [
      '--join',
      forced.ready.joinTokens!.manager,
      forced.ready.joinTokens!.managerAddr,
      '--listen-addr',
      `127.0.0.1:${port}`,
      '--hostname',
      'm4',
    ]);
    procs.push(m4);
    await waitFor(
      'two reachable voters',
      async () => {
        const ci = await c.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        return ci.managers.length === 2 && ci.managers.every((x) => x.reachability === 'reachable');
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const viaM4 = await client(m4.dataDir).control<clusterctl.cluster.Service>('getService', { service: 'web' });
    assert.equal(Number(viaM4.spec!.replicas), 3);

    // A removed manager started again with its old data refuses to run: the new cluster's leader
    // leads a membership without it (it cannot form a second cluster with the other one left behind).
    const back = await spawnDaemonExpectFailure(m2.dataDir, []);
    assert.equal(back.code, 1);
    assert.equal(back.failure?.code, ErrorCode.FailedPrecondition, back.stderr);
    assert.match(back.failure!.message, /no longer a member of its cluster/);
    assert.match(back.failure!.hint, /join again with a manager token/);
    const after = await c.control<clusterctl.control.ClusterInfo>('getClusterInfo');
    assert.equal(after.managers.length, 2, 'the new cluster is unchanged');
  });

  test('backup under writes, a damaged copy refused untouched, restore on a fresh data dir; the worker reconnects to it', async () => {
    const b1 = join(root, 'backup', 'b1');
    const port = await freePort();
    const init = await cli(b1, ['--format', 'json', 'init', '--listen-addr', `127.0.0.1:${port}`, '--hostname', 'b1']);
    assert.equal(init.code, 0, init.stderr);
    const ready = JSON.parse(init.stdout) as { pid: number; clusterId: string; nodeId: string };
    pids.push(ready.pid);
    clusterIds.add(ready.clusterId);
    const c = client(b1);
    const joinToken = (await c.control<clusterctl.control.JoinTokenResponse>('getJoinToken', { role: 'worker' })).token;
    const w = await spawnDaemon(join(root, 'backup', 'bw1'), [
      '--join',
      joinToken,
      `127.0.0.1:${port}`,
      '--hostname',
      'bw1',
    ]);
    procs.push(w);
    await c.control('createService', {
      spec: { name: 'kept', image: IMAGE, mode: 'replicated', replicas: 1, constraints: ['node.hostname==bw1'] },
    });
    const keptContainer = await waitFor(
      'the kept replica running on the worker',
      async () => {
        const cs = (await nodeContainers(ready.clusterId, w.ready.nodeId)).filter((x) => x.status === 'running');
        return cs.length === 1 ? cs[0]!.id : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    // Writes keep going while the backup is taken.
    const acked: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await c.control('createService', { spec: { name: `w-${i}`, image: IMAGE, mode: 'replicated', replicas: 0 } });
        acked.push(`w-${i}`);
      }
    })();
    await waitFor('some writes', async () => acked.length >= 5);
    const ackedBefore = [...acked];
    const file = join(root, 'backup', 'cluster.backup');
    const r = await cli(b1, ['--format', 'json', 'cluster', 'backup', file]);
    assert.equal(r.code, 0, r.stderr);
    await waitFor('writes after the backup', async () => acked.length >= ackedBefore.length + 3);
    writing = false;
    await writer;
    const out = JSON.parse(r.stdout) as { file: string; raftIndex: number; clusterId: string };
    assert.equal(out.file, file);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'the backup holds key material: owner only');
    const backup = decodeBackup(readFileSync(file));
    assert.equal(backup.header.clusterId, ready.clusterId);
    assert.equal(backup.header.raftIndex, out.raftIndex);

    // The manager's machine is lost: its daemon and its data dir are gone; the worker keeps running.
    process.kill(ready.pid, 'SIGKILL');
    await waitFor('the old manager gone', async () => {
      try {
        process.kill(ready.pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    rmSync(b1, { recursive: true, force: true });
    const services = async (cc: SocketClient): Promise<string[]> =>
      (await cc.control<clusterctl.control.ListServicesResponse>('listServices', {})).services
        .map((s) => s.service!.spec!.name!)
        .sort();

    // A damaged copy: CORRUPT, and the data dir is not even created.
    const bytes = readFileSync(file);
    const bad = Buffer.from(bytes);
    bad[Math.floor(bad.length / 2)]! ^= 0x20;
    const badFile = join(root, 'backup', 'bad.backup');
    writeFileSync(badFile, bad);
    const cutFile = join(root, 'backup', 'cut.backup');
    writeFileSync(cutFile, bytes.subarray(0, bytes.length - 100));
    for (const f of [badFile, cutFile]) {
      const fresh = join(root, 'backup', 'never');
      const res = await cli(fresh, ['init', '--restore', f]);
      assert.equal(res.code === 0, false);
      assert.match(res.stderr, /CORRUPT/, res.stderr);
      assert.equal(existsSync(fresh), false, 'nothing written for a damaged backup');
    }

    // Restore on a fresh data dir.
    const r1 = join(root, 'backup', 'r1');
    // on the lost manager's address, which the worker knows
    const restored = await cli(r1, [
      '--format',
      'json',
      'init',
      '--restore',
      file,
      '--listen-addr',
      `127.0.0.1:${port}`,
      '--hostname',
      'r1',
    ]);
    assert.equal(restored.code, 0, restored.stderr);
    const rr = JSON.parse(restored.stdout) as {
      pid: number;
      clusterId: string;
      nodeId: string;
      removedManagers: { hostname: string }[];
      restoredFrom: { raftIndex: number };
      joinCommands: { manager: string };
    };
    pids.push(rr.pid);
    assert.equal(rr.clusterId, ready.clusterId, 'the same cluster (and CA): existing certificates stay valid');
    assert.notEqual(rr.nodeId, ready.nodeId);
    assert.deepEqual(
      rr.removedManagers.map((m) => m.hostname),
      ['b1'],
    );
    assert.equal(rr.restoredFrom.raftIndex, backup.header.raftIndex);
    assert.match(rr.joinCommands.manager, /^clusterctl join --token CCTL-1-manager-/);
    const cr = client(r1);
    const names = await services(cr);
    for (const n of ['kept', ...ackedBefore])
      assert.ok(names.includes(n), `${n} (acknowledged before the backup) restored`);
    for (const n of names) assert.ok(n === 'kept' || acked.includes(n), `${n} was written`);
    // The worker reconnects with its certificate (same CA and cluster id); its replica kept running.
    const wc = client(w.dataDir);
    await waitFor(
      'the worker agent in session with the restored manager',
      async () => {
        const wi = await wc.local<clusterctl.local.InfoResponse>('info');
        return wi.agentConnected && wi.agentSessionAddr === `127.0.0.1:${port}`;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const nodes = (await cr.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
    assert.deepEqual(nodes.map((n) => n.hostname).sort(), ['bw1', 'r1']);
    await waitFor(
      'the kept service running',
      async () =>
        runningTasks((await cr.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'kept' })).tasks)
          .length === 1,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const now = (await nodeContainers(ready.clusterId, w.ready.nodeId))
      .filter((x) => x.status === 'running')
      .map((x) => x.id);
    assert.deepEqual(now, [keptContainer], 'the replica was not restarted');
    // Writable.
    await cr.control('createService', {
      spec: { name: 'after-restore', image: IMAGE, mode: 'replicated', replicas: 0 },
    });
    // A restore onto a data dir that holds a node is refused.
    const again = await cli(r1, ['init', '--restore', file]);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /FAILED_PRECONDITION/);
  });
});
