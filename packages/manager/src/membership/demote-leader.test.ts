// Demoting the manager that is the raft leader: it hands leadership to a caught-up voter, the new
// leader removes it from raft, and the cluster keeps serving with the remaining managers.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, freePort } from '@clusterctl/common';
import { Manager } from '../manager.js';
import { joinCluster } from '@clusterctl/ca';
import { waitFor } from '@clusterctl/common/testing';
import { controlClient, failure, type PromiseClient } from '../control/testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

let dir: string;
const managers: Manager[] = [];
const clients: PromiseClient[] = [];

describe('demoting the leader', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-demote-'));
    const m1 = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'm1',
      raft: FAST_RAFT,
    });
    managers.push(m1);
    const c1 = controlClient(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
    clients.push(c1);
    const token = (await c1.getJoinToken({ role: 'manager' })).token as string;
    for (const name of ['m2', 'm3']) {
      const port = await freePort();
      const joined = await joinCluster({
        managerAddr: m1.advertiseAddr,
        token,
        hostname: name,
        advertiseAddr: `127.0.0.1:${port}`,
      });
      managers.push(
        await Manager.join({
          dataDir: join(dir, name),
          listenAddr: `127.0.0.1:${port}`,
          hostname: name,
          joined,
          raft: FAST_RAFT,
        }),
      );
      await waitFor(`${name} is a voter`, () => m1.raft.status().confState.voters.length === managers.length, {
        timeoutMs: 15_000,
      });
    }
  });
  after(async () => {
    for (const c of clients) c.close();
    await Promise.allSettled(managers.map((m) => m.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  test('the demoted leader transfers leadership and leaves raft; the others keep serving', async () => {
    const m1 = managers[0]!;
    assert.ok(m1.isLeader());
    let removed = false;
    m1.onRemoved(() => {
      removed = true;
    });
    const c1 = clients[0]!;
    const res = await c1
      .updateNode({ node: 'm1', role: 'worker' })
      .catch((e: { details?: unknown; message: string }) => {
        throw new Error(`${e.message} ${JSON.stringify(e.details)} ${JSON.stringify(managers.map((m) => m.raftId))}`);
      });
    assert.equal(res.role, 'worker');
    const rest = managers.slice(1);
    const leader = await waitFor('a new leader among the others', () => rest.find((m) => m.isLeader()), {
      timeoutMs: 15_000,
    });
    await waitFor(
      'm1 removed from raft',
      () =>
        removed &&
        leader.raft.status().confState.voters.length === 2 &&
        !leader.raft.status().confState.voters.includes(m1.raftId),
      { timeoutMs: 15_000 },
    );
    const c = controlClient(leader.advertiseAddr, leader.nodeTls, leader.clusterId);
    clients.push(c);
    await c.createService({ spec: { name: 'still-writable', image: 'busybox', replicas: 1 } });
    const info = await c.getClusterInfo({});
    assert.equal(info.managers.length, 2);
    assert.equal(info.leaderNodeId, leader.nodeId);
    // the last two: demoting one more leaves one manager, demoting that one is refused
    const other = rest.find((m) => m !== leader)!;
    await c.updateNode({ node: other.nodeId, role: 'worker' });
    await waitFor('one voter left', () => leader.raft.status().confState.voters.length === 1 || other.isLeader(), {
      timeoutMs: 15_000,
    });
    const survivor = leader.raft.status().confState.voters.length === 1 ? leader : other;
    const cs = controlClient(survivor.advertiseAddr, survivor.nodeTls, survivor.clusterId);
    clients.push(cs);
    const e = await failure(cs.updateNode({ node: survivor.nodeId, role: 'worker' }));
    assert.equal(e.code, ErrorCode.FailedPrecondition);
  });
});
