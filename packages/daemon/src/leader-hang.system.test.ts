// The leader's daemon hangs (SIGSTOP): its sockets stay open but nothing answers, no TCP RST, like a
// killed container whose IP vanished. With default timings (heartbeat 500 ms, grace 2 s) the agents
// whose session was with it must find the new leader before it marks anything down: no healthy
// node marked down, no task of a healthy node restarted; the hung manager's own task is replaced.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
// Default cluster settings (no --heartbeat-period / --node-grace at init).
const HEARTBEAT_PERIOD_MS = 500;
const NODE_GRACE_MS = 2_000;
/** The new leader's first grace: nodeGraceMs + the agents' time to notice a vanished leader. */
const FIRST_GRACE_MS = NODE_GRACE_MS + agentLeaderLossMs(HEARTBEAT_PERIOD_MS);

describe('the leader daemon hangs (SIGSTOP, no RST)', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-leader-hang-test-'));
  const procs: DaemonProcess[] = [];
  const clients = new SocketClients();
  const m: DaemonProcess[] = [];
  let w: DaemonProcess;
  let clusterId = '';
  const figures: string[] = [];
  const client = (dir: string): SocketClient => clients.of(dir);

  before(async () => {
    ensureDockerAndWorkloadImage();
    const cluster = await startDaemonCluster(root, procs);
    m.push(...cluster.managers);
    w = cluster.worker;
    clusterId = cluster.clusterId;
    const managerAddr = cluster.managerAddr;
    // Every agent holds its session with m1, the leader.
    for (const d of procs)
      await waitFor(
        `${d.ready.nodeId} agent on the leader`,
        async () =>
          (await client(d.dataDir).local<clusterctl.local.InfoResponse>('info')).agentSessionAddr === managerAddr,
        { timeoutMs: 15_000, intervalMs: 50 },
      );
  });

  after(async () => {
    clients.closeAll();
    for (const p of procs) await p.kill(); // SIGKILL ends a stopped process too
    if (clusterId) await removeClusterContainers(clusterId);
    rmSync(root, { recursive: true, force: true });
    for (const f of figures) process.stdout.write(`# figure: ${f}\n`);
  });

  test("a new leader, no healthy node marked down, no healthy task restarted, the hung manager's task replaced", async () => {
    const c1 = client(m[0]!.dataDir);
    await c1.control('createService', { spec: { name: 'steady', image: IMAGE, mode: 'replicated', replicas: 4 } });
    const nodeIds = procs.map((d) => d.ready.nodeId);
    const running = async (nodeId: string) =>
      (await nodeContainers(clusterId, nodeId)).filter((x) => x.status === 'running');
    // one replica per node (spread)
    const before = await waitFor(
      'one replica running on every node',
      async () => {
        const per = await Promise.all(nodeIds.map(running));
        return per.every((c) => c.length === 1) ? new Map(nodeIds.map((id, i) => [id, per[i]![0]!])) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const healthy = nodeIds.slice(1);

    const t0 = Date.now();
    process.kill(m[0]!.pid, 'SIGSTOP');
    const c2 = client(m[1]!.dataDir);
    const leaderAddr = await waitFor(
      'a new leader',
      async () => {
        const i = await c2.local<clusterctl.local.InfoResponse>('info');
        return i.leaderAddr !== '' && i.leaderAddr !== m[0]!.ready.advertiseAddr ? i.leaderAddr : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    const newLeader = m.find((d) => d.ready.advertiseAddr === leaderAddr)!;
    const started = await waitFor(
      'leader components started',
      async () => logEntries(newLeader.dataDir, 'leader components started').find((e) => e.time >= t0),
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    figures.push(`leader SIGSTOPped -> new leader's components started: ${started.time - t0} ms`);
    // Every healthy node's agent gets a session with the new leader.
    for (const d of procs.slice(1)) {
      const s = await waitFor(
        `${d.ready.nodeId} session on the new leader`,
        async () =>
          logEntries(d.dataDir, 'dispatcher session established').find((e) => e.addr === leaderAddr && e.time >= t0),
        { timeoutMs: 10_000, intervalMs: 20 },
      );
      figures.push(
        `${d === newLeader ? 'new leader' : d === w ? 'worker' : 'follower'} agent: session on the new leader ${s.time - t0} ms after the SIGSTOP`,
      );
    }
    // The hung manager's node is marked down and its replica replaced on a healthy node.
    const nodesNow = async () =>
      (await c2.control<clusterctl.control.ListNodesResponse>('listNodes', {}, 10_000)).nodes;
    await waitFor(
      'the hung manager marked down',
      async () => (await nodesNow()).find((n) => n.id === m[0]!.ready.nodeId)?.status?.state === 'down',
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    figures.push(`hung manager marked down ${Date.now() - t0} ms after the SIGSTOP`);
    await waitFor(
      '4 replicas running on healthy nodes',
      async () => (await Promise.all(healthy.map(running))).flat().length === 4,
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    figures.push(`its replica running elsewhere ${Date.now() - t0} ms after the SIGSTOP`);
    // Past the new leader's first grace (the point where, before the fix, healthy nodes were marked
    // down): every healthy node still ready, its container and task untouched.
    await waitFor('the first grace passed', async () => Date.now() > started.time + FIRST_GRACE_MS + 500, {
      timeoutMs: FIRST_GRACE_MS + 5_000,
      intervalMs: 100,
    });
    const nodes = await nodesNow();
    for (const id of healthy)
      assert.equal(nodes.find((n) => n.id === id)?.status?.state, 'ready', `healthy node ${id} marked down`);
    const tasks = (
      await c2.control<clusterctl.control.ListTasksResponse>('listTasks', { service: 'steady', all: true })
    ).tasks;
    for (const id of healthy) {
      const c = before.get(id)!;
      assert.ok(
        (await running(id)).some((x) => x.id === c.id),
        `the container on healthy node ${id} was replaced`,
      );
      const task = tasks.find((x) => x.id === c.taskId);
      assert.equal(task?.desiredState, 'running', `the task on healthy node ${id} is no longer wanted`);
    }
    assert.equal(tasks.length, 5, "exactly one replacement task (the hung manager's)");
  });
});
