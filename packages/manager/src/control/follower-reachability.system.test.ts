// Real processes: three managers (init + two joins). `node ls` / `node inspect` through a follower
// show the leader's view of MANAGER STATUS: every manager reachable (the followers have no raft
// stream between them), a stopped manager unreachable as the leader sees it, and reachable again
// once it is back.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@clusterctl/common';
import { readNodeTls } from '@clusterctl/ca';
import { clientFor, startRunner as start, type RunnerProcess as Proc } from './testing/runner-process.js';
import { keepTestDirs, waitFor } from '@clusterctl/common/testing';
import { kvClient, type PromiseClient } from './testing/clients.js';

type NodeMsg = {
  id: string;
  hostname: string;
  managerStatus?: { raftId: number | string; leader: boolean; reachability: string };
};

/** hostname -> reachability (managers only), as `node ls` through this client shows it. */
async function statusByHost(c: PromiseClient): Promise<Record<string, string>> {
  const nodes = (await c.listNodes({})).nodes as NodeMsg[];
  return Object.fromEntries(
    nodes.filter((n) => n.managerStatus).map((n) => [n.hostname, n.managerStatus!.reachability]),
  );
}

let dir: string;
const procs: Proc[] = [];
const clients: PromiseClient[] = [];

describe('MANAGER STATUS through a follower (real manager processes)', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-reach-'));
  });
  after(async () => {
    for (const c of clients) c.close();
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    if (!keepTestDirs()) await rm(dir, { recursive: true, force: true });
  });

  test('a follower shows every manager reachable, a stopped one unreachable, then reachable again, as the leader sees them', async () => {
    const m1 = await start(['init', '--listen', `127.0.0.1:${await freePort()}`, '--hostname', 'm1'], join(dir, 'm1'));
    procs.push(m1);
    const c1 = await clientFor(m1, clients);
    const token = (await waitFor('join token', () => c1.getJoinToken({ role: 'manager' }), { timeoutMs: 15_000 }))
      .token as string;
    for (const name of ['m2', 'm3']) {
      procs.push(
        await start(
          [
            'join',
            '--listen',
            `127.0.0.1:${await freePort()}`,
            '--token',
            token,
            '--manager',
            m1.info.addr,
            '--hostname',
            name,
          ],
          join(dir, name),
        ),
      );
    }
    const kv = kvClient(m1.info.addr, await readNodeTls(m1.dataDir), m1.info.clusterId);
    clients.push(kv);
    await waitFor(
      '3 voters',
      async () => {
        const st = await kv.status({});
        return st.voters.length === 3 && st.learners.length === 0;
      },
      { timeoutMs: 15_000 },
    );

    // m1 bootstrapped and leads (no election since): m2 and m3 never exchanged raft messages.
    const leaderNodeId = (await c1.getClusterInfo({})).leaderNodeId as string;
    const leader = procs.find((p) => p.info.nodeId === leaderNodeId)!;
    const [follower, other] = procs.filter((p) => p !== leader) as [Proc, Proc];
    const cf = await clientFor(follower, clients);
    const hostOf = (p: Proc): string => ['m1', 'm2', 'm3'][procs.indexOf(p)]!;

    const all = { m1: 'reachable', m2: 'reachable', m3: 'reachable' };
    await waitFor(
      'every manager reachable from the leader',
      async () => JSON.stringify(await statusByHost(c1)) === JSON.stringify(all),
      { timeoutMs: 15_000 },
    );
    assert.deepEqual(await statusByHost(cf), all, 'node ls through a follower');
    const inspected = (await cf.getNode({ node: other.info.nodeId })) as NodeMsg;
    assert.equal(
      inspected.managerStatus!.reachability,
      'reachable',
      'node inspect of the other follower through a follower',
    );
    const info = await cf.getClusterInfo({});
    assert.deepEqual(
      (info.managers as Array<{ reachability: string }>).map((m) => m.reachability),
      ['reachable', 'reachable', 'reachable'],
    );

    // the other follower stops: the leader sees it unreachable, and so does node ls through the follower
    other.child.kill('SIGTERM');
    await new Promise((r) => other.child.once('exit', r));
    const gone = { ...all, [hostOf(other)]: 'unreachable' };
    await waitFor(
      'the leader sees the stopped manager unreachable',
      async () => JSON.stringify(await statusByHost(c1)) === JSON.stringify(gone),
      { timeoutMs: 15_000 },
    );
    await waitFor(
      'node ls through the follower shows the same',
      async () => JSON.stringify(await statusByHost(cf)) === JSON.stringify(gone),
      { timeoutMs: 5_000 },
    );
    const n = (await cf.getNode({ node: other.info.nodeId })) as NodeMsg;
    assert.equal(n.managerStatus!.reachability, 'unreachable');
    assert.equal(n.managerStatus!.leader, false);
    assert.equal(((await cf.getNode({ node: leader.info.nodeId })) as NodeMsg).managerStatus!.leader, true);

    // it comes back (same address): reachable again through the follower, not stuck at unknown
    const back = await start(['restart'], other.dataDir);
    procs.push(back);
    await waitFor(
      'node ls through the follower shows it reachable again',
      async () => JSON.stringify(await statusByHost(cf)) === JSON.stringify(all),
      { timeoutMs: 10_000 },
    );
  });
});
