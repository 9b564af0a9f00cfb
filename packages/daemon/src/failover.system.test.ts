// Three manager daemons (and a worker): the leader's daemon is killed. CLI calls through another
// manager's control socket made right after the kill wait for the new leader and succeed; agents
// reconnect to the new leader. With two of three managers gone, a call fails with a clear error
// before the caller's deadline.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError } from '@clusterctl/common';
import { agentLeaderLossMs } from '@clusterctl/manager';
import type { clusterctl } from '@clusterctl/proto';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import {
  logEntries,
  nodeContainers,
  removeClusterContainers,
  SocketClient,
  SocketClients,
  startDaemonCluster,
  type DaemonProcess,
} from './testing/daemons.js';

const IMAGE = 'clusterctl/busybox:local';

/** The cluster's settings in this file (init --heartbeat-period / --node-grace). */
const DISPATCHER_HEARTBEAT_MS = 200;
const DISPATCHER_NODE_GRACE_MS = 1000;

describe('manager failover seen from the control sockets', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-failover-test-'));
  const procs: DaemonProcess[] = [];
  const clients = new SocketClients();
  const m: DaemonProcess[] = [];
  let w: DaemonProcess;
  let clusterId = '';
  const figures: string[] = [];
  const client = (dir: string): SocketClient => clients.of(dir);

  before(async () => {
    ensureDockerAndWorkloadImage();
    const cluster = await startDaemonCluster(root, procs, [
      '--heartbeat-period',
      `${DISPATCHER_HEARTBEAT_MS}ms`,
      '--node-grace',
      `${DISPATCHER_NODE_GRACE_MS}ms`,
    ]);
    m.push(...cluster.managers);
    w = cluster.worker;
    clusterId = cluster.clusterId;
    const managerAddr = cluster.managerAddr;
    await waitFor(
      'worker agent on the leader',
      async () =>
        (await client(w.dataDir).local<clusterctl.local.InfoResponse>('info')).agentSessionAddr === managerAddr,
      { timeoutMs: 20_000 },
    );
  });

  after(async () => {
    clients.closeAll();
    for (const p of procs) await p.kill();
    if (clusterId) await removeClusterContainers(clusterId);
    rmSync(root, { recursive: true, force: true });
    for (const f of figures) process.stdout.write(`# figure: ${f}\n`);
  });

  test('a CLI call right after the leader is killed waits for the new leader and succeeds; agents follow; no healthy task restarted', async () => {
    const c2 = client(m[1]!.dataDir);
    await client(m[0]!.dataDir).control('createService', {
      spec: { name: 'steady', image: IMAGE, mode: 'replicated', replicas: 2, constraints: ['node.hostname==w1'] },
    });
    const before = await waitFor(
      '2 replicas on the worker',
      async () => {
        const c = (await nodeContainers(clusterId, w.ready.nodeId)).filter((x) => x.status === 'running');
        return c.length === 2 ? c.map((x) => x.id).sort() : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const t0 = Date.now();
    await m[0]!.kill();
    const res = await c2.control<clusterctl.control.ListNodesResponse>('listNodes', {}, 20_000);
    const callMs = Date.now() - t0;
    figures.push(`listNodes through a follower's socket, issued at the leader kill: answered after ${callMs} ms`);
    assert.equal(res.nodes.length, 4);
    const info = await c2.local<clusterctl.local.InfoResponse>('info');
    assert.notEqual(info.leaderAddr, m[0]!.ready.advertiseAddr);
    assert.ok([m[1]!.ready.advertiseAddr, m[2]!.ready.advertiseAddr].includes(info.leaderAddr));
    // A write goes through too.
    const tok = await c2.control<clusterctl.control.JoinTokenResponse>('getJoinToken', {
      role: 'worker',
      rotate: true,
    });
    assert.match(tok.token, /^CCTL-1-worker-/);
    const wc = client(w.dataDir);
    await waitFor(
      'worker agent on the new leader',
      async () => {
        const i = await wc.local<clusterctl.local.InfoResponse>('info');
        return i.agentConnected && i.agentSessionAddr === info.leaderAddr;
      },
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    figures.push(`worker agent session on the new leader: ${Date.now() - t0} ms after the leader kill`);
    // From the daemons' own logs: when the new leader started its leader components (the
    // dispatcher accepts sessions from then on) and when the worker's session there came up.
    const newLeader = m.find((d) => d.ready.advertiseAddr === info.leaderAddr)!;
    const elected = logEntries(newLeader.dataDir, 'leader components started').at(-1)!.time;
    const session = await waitFor(
      'session log line',
      async () =>
        logEntries(w.dataDir, 'dispatcher session established').find((e) => e.addr === info.leaderAddr && e.time >= t0),
      { timeoutMs: 20_000 },
    );
    const reconnectMs = session.time - elected;
    figures.push(`worker agent session on the new leader ${reconnectMs} ms after it started its leader components`);
    // What the dispatcher counts on (no healthy node marked down after a leader change): an agent
    // finds the new leader within the first grace it gives every node. How fast is a figure above.
    const firstGraceMs = DISPATCHER_NODE_GRACE_MS + agentLeaderLossMs(DISPATCHER_HEARTBEAT_MS);
    assert.ok(
      reconnectMs < firstGraceMs,
      `agent reconnected ${reconnectMs} ms after the election, not within the first grace (${firstGraceMs} ms)`,
    );
    // Once the dead leader's node is marked down (one grace after the new leader started), the
    // worker must still be ready and its tasks untouched.
    const nodesNow = async () => (await c2.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
    await waitFor(
      'the killed manager marked down',
      async () => (await nodesNow()).find((n) => n.id === m[0]!.ready.nodeId)?.status?.state === 'down',
      { timeoutMs: 15_000, intervalMs: 50 },
    );
    assert.equal((await nodesNow()).find((n) => n.id === w.ready.nodeId)?.status?.state, 'ready');
    const after = (await nodeContainers(clusterId, w.ready.nodeId))
      .filter((x) => x.status === 'running')
      .map((x) => x.id)
      .sort();
    assert.deepEqual(after, before, 'no task of the healthy worker restarted');
    const tasks = (
      await c2.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'steady', all: true })
    ).tasks;
    assert.equal(tasks.length, 2, 'no replacement task created');
  });

  test('without a quorum a call fails with a clear error before the caller gives up', async () => {
    await m[1]!.kill();
    const c3 = client(m[2]!.dataDir);
    const t0 = Date.now();
    await assert.rejects(c3.control('listNodes', {}, 3_000), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.ok(['NO_LEADER', 'UNAVAILABLE', 'TIMEOUT'].includes(e.code), e.code);
      assert.notEqual(e.hint, '');
      // The daemon answered (its hint, not the client's deadline message): the failure came before
      // the caller gave up, whatever the machine's load. How long it took is a figure.
      assert.doesNotMatch(e.hint, /local daemon/, 'the answer comes from the daemon, not a client-side deadline');
      return true;
    });
    figures.push(`listNodes without a quorum failed after ${Date.now() - t0} ms (caller deadline 3000 ms)`);
  });
});
