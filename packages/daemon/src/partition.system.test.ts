// A worker daemon cut off from the managers (SIGSTOP: it neither heartbeats nor reacts) is marked
// down and its task replaced elsewhere; when it comes back, its agent removes the container of the
// replaced task, so the service never runs more replicas than desired. And a worker restarted while
// no manager is reachable keeps running (adopting) its containers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { clusterctl } from '@clusterctl/proto';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import {
  freePort,
  nodeContainers,
  removeClusterContainers,
  serviceContainers,
  SocketClient,
  spawnDaemon,
  type DaemonProcess,
} from './testing/daemons.js';

const IMAGE = 'clusterctl/busybox:local';

describe('a worker daemon cut off and back', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-partition-test-'));
  const procs: DaemonProcess[] = [];
  const clients: SocketClient[] = [];
  let m1: DaemonProcess;
  let w1: DaemonProcess;
  let mc: SocketClient;
  let wc: SocketClient;
  let svcId = '';
  let mPort = 0;

  const running = async (): Promise<Array<{ id: string; nodeId: string; status: string }>> =>
    (await serviceContainers(svcId)).filter((c) => c.status === 'running');
  const nodeState = async (hostname: string): Promise<string | undefined> =>
    (await mc.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes.find((n) => n.hostname === hostname)
      ?.status?.state ?? undefined;

  before(async () => {
    ensureDockerAndWorkloadImage();
    mPort = await freePort();
    m1 = await spawnDaemon(join(root, 'm1'), [
      '--init',
      '--listen-addr',
      `127.0.0.1:${mPort}`,
      '--hostname',
      'xm1',
      '--heartbeat-period',
      '200ms',
      '--node-grace',
      '1s',
    ]);
    procs.push(m1);
    w1 = await spawnDaemon(join(root, 'w1'), [
      '--join',
      m1.ready.joinTokens!.worker,
      m1.ready.joinTokens!.managerAddr,
      '--hostname',
      'xw1',
    ]);
    procs.push(w1);
    mc = new SocketClient(m1.dataDir);
    wc = new SocketClient(w1.dataDir);
    clients.push(mc, wc);
    await waitFor('worker ready', async () => (await nodeState('xw1')) === 'ready', { timeoutMs: 20_000 });
  });

  after(async () => {
    for (const c of clients) c.close();
    for (const p of procs) {
      try {
        process.kill(p.pid, 'SIGCONT');
      } catch {
        // gone
      }
      await p.kill();
    }
    if (m1) await removeClusterContainers(m1.ready.clusterId);
    rmSync(root, { recursive: true, force: true });
  });

  test('cut off: marked down, task replaced; back: its stale container is removed (never 3 replicas)', async (t) => {
    const svc = await mc.control<clusterctl.cluster.Service>('createService', {
      spec: { name: 'pweb', image: IMAGE, mode: 'replicated', replicas: 2 },
    });
    svcId = svc.id;
    const wid = w1.ready.nodeId;
    const mid = m1.ready.nodeId;
    await waitFor(
      'one replica per node',
      async () => {
        const r = await running();
        return r.length === 2 && r.some((c) => c.nodeId === wid) && r.some((c) => c.nodeId === mid);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const stale = (await running()).find((c) => c.nodeId === wid)!;

    process.kill(w1.pid, 'SIGSTOP');
    const t0 = Date.now();
    await waitFor('worker down', async () => (await nodeState('xw1')) === 'down', {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const downMs = Date.now() - t0;
    await waitFor(
      'replacement running on the manager node',
      async () => (await running()).filter((c) => c.nodeId === mid).length === 2,
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    t.diagnostic(`worker marked down ${downMs} ms after SIGSTOP; replacement running ${Date.now() - t0} ms after`);
    // The frozen worker's container still runs (the engine does not know about the cut).
    assert.ok((await running()).some((c) => c.id === stale.id));

    process.kill(w1.pid, 'SIGCONT');
    const t1 = Date.now();
    await waitFor(
      'stale container removed',
      async () => !(await serviceContainers(svcId)).some((c) => c.id === stale.id),
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    t.diagnostic(`stale container removed ${Date.now() - t1} ms after the worker came back`);
    await waitFor('worker ready again', async () => (await nodeState('xw1')) === 'ready', { timeoutMs: 10_000 });
    const r = await running();
    assert.equal(r.length, 2);
    assert.ok(r.every((c) => c.nodeId === mid));
  });

  test('restarted while no manager is reachable, a worker keeps (adopts) its containers', async () => {
    await mc.control('scaleService', { service: 'pweb', replicas: 3 });
    const wid = w1.ready.nodeId;
    const mine = await waitFor(
      'a replica on the worker',
      async () => {
        const c = (await running()).filter((x) => x.nodeId === wid);
        return c.length === 1 ? c : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    assert.equal(await m1.stop(), 0);
    assert.equal(await w1.stop(), 0);
    w1 = await spawnDaemon(w1.dataDir, []);
    procs.push(w1);
    const info = await wc.local<clusterctl.local.InfoResponse>('info');
    assert.equal(info.agentConnected, false);
    assert.equal(info.tasks, 1);
    const still = (await nodeContainers(m1.ready.clusterId, wid)).filter((c) => c.status === 'running');
    assert.deepEqual(
      still.map((c) => c.id),
      mine.map((c) => c.id),
    );
    // The manager comes back: the worker reconnects and keeps the same container.
    m1 = await spawnDaemon(m1.dataDir, []);
    procs.push(m1);
    await waitFor(
      'worker session again',
      async () => (await wc.local<clusterctl.local.InfoResponse>('info')).agentConnected,
      { timeoutMs: 15_000 },
    );
    const after = (await nodeContainers(m1.ready.clusterId, wid)).filter((c) => c.status === 'running');
    assert.deepEqual(
      after.map((c) => c.id),
      mine.map((c) => c.id),
    );
  });

  test('removed while live (node rm --force), a worker removes its containers, forgets the cluster and exits', async () => {
    const wid = w1.ready.nodeId;
    await waitFor('worker ready', async () => (await nodeState('xw1')) === 'ready', { timeoutMs: 15_000 });
    assert.equal((await running()).filter((c) => c.nodeId === wid).length, 1);
    await mc.control('removeNode', { node: 'xw1', force: true });
    assert.equal(await w1.exited, 0);
    assert.deepEqual(await nodeContainers(m1.ready.clusterId, wid), []);
    assert.ok(!existsSync(join(w1.dataDir, 'node.json')));
    await waitFor(
      '3 replicas on the manager node',
      async () => {
        const r = await running();
        return r.length === 3 && r.every((c) => c.nodeId === m1.ready.nodeId);
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
  });
});
