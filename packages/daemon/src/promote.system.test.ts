// Promotion and demotion seen by node daemons: a worker daemon promoted through Control starts its
// Manager (raft learner, then voter) and serves Control on its socket; demoted again, it stops the
// Manager and keeps running as a worker. Real processes, mTLS, LevelDB.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import {
  freePort,
  removeClusterContainers,
  serviceContainers,
  SocketClient,
  spawnDaemon,
  type DaemonProcess,
} from './testing/daemons.js';

describe('promote and demote a node daemon', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-promote-test-'));
  const procs: DaemonProcess[] = [];
  const clients: SocketClient[] = [];
  let m1: DaemonProcess;
  let w1: DaemonProcess;
  let mc: SocketClient;
  let wc: SocketClient;
  let wPort = 0;

  before(async () => {
    ensureDockerAndWorkloadImage();
    const mPort = await freePort();
    wPort = await freePort();
    m1 = await spawnDaemon(join(root, 'm1'), ['--init', '--listen-addr', `127.0.0.1:${mPort}`, '--hostname', 'pm1']);
    procs.push(m1);
    w1 = await spawnDaemon(join(root, 'w1'), [
      '--join',
      m1.ready.joinTokens!.worker,
      m1.ready.joinTokens!.managerAddr,
      '--listen-addr',
      `127.0.0.1:${wPort}`,
      '--hostname',
      'pw1',
    ]);
    procs.push(w1);
    mc = new SocketClient(m1.dataDir);
    wc = new SocketClient(w1.dataDir);
    clients.push(mc, wc);
    await waitFor(
      'worker ready',
      async () =>
        (await mc.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes.find((n) => n.hostname === 'pw1')
          ?.status?.state === 'ready',
      { timeoutMs: 20_000 },
    );
  });

  after(async () => {
    for (const c of clients) c.close();
    for (const p of procs) await p.kill();
    if (m1) await removeClusterContainers(m1.ready.clusterId);
    rmSync(root, { recursive: true, force: true });
  });

  test('promoted, the worker daemon runs a manager: raft voter, Control on its socket', async (t) => {
    const t0 = Date.now();
    await mc.control('updateNode', { node: 'pw1', role: 'manager' });
    await waitFor(
      'w1 runs a manager',
      async () => (await wc.local<clusterctl.local.InfoResponse>('info')).role === 'manager',
      { timeoutMs: 20_000 },
    );
    const ci = await waitFor(
      'two reachable voters',
      async () => {
        const c = await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        return c.managers.length === 2 && c.managers.every((x) => x.reachability === 'reachable') ? c : undefined;
      },
      { timeoutMs: 20_000 },
    );
    t.diagnostic(`promotion to a reachable voter: ${Date.now() - t0} ms`);
    assert.ok(
      ci.managers.some((x) => x.addr === `127.0.0.1:${wPort}`),
      JSON.stringify(ci.managers),
    );
    const nodes = await wc.control<clusterctl.control.ListNodesResponse>('listNodes');
    assert.equal(nodes.nodes.length, 2);
    await waitFor(
      'w1 agent connected again',
      async () => (await wc.local<clusterctl.local.InfoResponse>('info')).agentConnected,
      { timeoutMs: 20_000 },
    );
  });

  test('demoted, it stops its manager and stays a worker', async () => {
    await mc.control('updateNode', { node: 'pw1', role: 'worker' });
    await waitFor(
      'w1 back to worker',
      async () => (await wc.local<clusterctl.local.InfoResponse>('info')).role === 'worker',
      { timeoutMs: 20_000 },
    );
    await assert.rejects(
      wc.control('listNodes'),
      (e: unknown) => e instanceof ClusterError && e.code === 'FAILED_PRECONDITION',
    );
    await waitFor(
      'one manager left',
      async () => (await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo')).managers.length === 1,
      { timeoutMs: 20_000 },
    );
    await waitFor(
      'w1 agent connected as a worker',
      async () => (await wc.local<clusterctl.local.InfoResponse>('info')).agentConnected,
      { timeoutMs: 20_000 },
    );
    const n = (await mc.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes.find(
      (x) => x.hostname === 'pw1',
    )!;
    assert.equal(n.role, 'worker');
    assert.equal(n.status?.state, 'ready');
  });

  test('a manager joining with --listen-addr HOST:0 announces the port it really listens on', async () => {
    const m2 = await spawnDaemon(join(root, 'm2'), [
      '--join',
      m1.ready.joinTokens!.manager,
      m1.ready.joinTokens!.managerAddr,
      '--listen-addr',
      '127.0.0.1:0',
      '--hostname',
      'pm2',
    ]);
    procs.push(m2);
    assert.match(m2.ready.advertiseAddr, /^127\.0\.0\.1:[1-9]\d*$/);
    await waitFor(
      'm2 a reachable voter at its address',
      async () => {
        const c = await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        return c.managers.some((x) => x.addr === m2.ready.advertiseAddr && x.reachability === 'reachable');
      },
      { timeoutMs: 20_000 },
    );
  });

  test("drain: the drained node's agent stops and removes its containers, replicas run elsewhere", async () => {
    const svc = await mc.control<clusterctl.cluster.Service>('createService', {
      spec: { name: 'spread', image: 'clusterctl/busybox:local', mode: 'replicated', replicas: 3 },
    });
    const wid = w1.ready.nodeId;
    const running = async () => (await serviceContainers(svc.id)).filter((c) => c.status === 'running');
    await waitFor(
      '3 replicas, one on the worker',
      async () => {
        const r = await running();
        return r.length === 3 && r.some((c) => c.nodeId === wid);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await mc.control('updateNode', { node: 'pw1', availability: 'drain' });
    await waitFor(
      'nothing left on the drained worker, 3 replicas elsewhere',
      async () => {
        const all = await serviceContainers(svc.id);
        const r = all.filter((c) => c.status === 'running');
        return !all.some((c) => c.nodeId === wid) && r.length === 3;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  });
});
