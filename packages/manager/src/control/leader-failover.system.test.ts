// Real processes: three managers (init + two joins over NodeCA), SIGKILL of the raft leader, then
// Control calls on the survivors (writes included) and the killed one restarting and catching up.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, freePort } from '@clusterctl/common';
import { readNodeTls } from '@clusterctl/ca';
import { clientFor, startRunner as start, type RunnerProcess as Proc } from './testing/runner-process.js';
import { keepTestDirs, waitFor } from '@clusterctl/common/testing';
import { kvClient, type PromiseClient } from './testing/clients.js';

let dir: string;
const procs: Proc[] = [];
const clients: PromiseClient[] = [];

/** The errors of a cluster electing a leader: retried; any other error fails the test at once. */
const ELECTION_CODES: readonly string[] = [
  ErrorCode.NoLeader,
  ErrorCode.Unavailable,
  ErrorCode.Timeout,
  ErrorCode.NotLeader,
];

/** Retries a call while the cluster elects a leader (up to 15 s). */
const eventually = <T>(what: string, call: () => Promise<T>): Promise<T> =>
  waitFor(what, call, {
    timeoutMs: 15_000,
    intervalMs: 100,
    rethrow: (e) => !ELECTION_CODES.includes((e as { code?: string }).code ?? ''),
  });

describe('leader SIGKILL with real manager processes', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-failover-'));
  });
  after(async () => {
    for (const c of clients) c.close();
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    if (!keepTestDirs()) await rm(dir, { recursive: true, force: true });
  });

  test('3 managers form, the leader is killed, Control works on the new leader, the old one rejoins', async () => {
    const p1 = await start(['init', '--listen', `127.0.0.1:${await freePort()}`, '--hostname', 'p1'], join(dir, 'p1'));
    procs.push(p1);
    const c1 = await clientFor(p1, clients);
    const token = (await eventually('a join token', () => c1.getJoinToken({ role: 'manager' }))).token as string;
    for (const name of ['p2', 'p3']) {
      const port = await freePort();
      procs.push(
        await start(
          ['join', '--listen', `127.0.0.1:${port}`, '--token', token, '--manager', p1.info.addr, '--hostname', name],
          join(dir, name),
        ),
      );
    }
    // all three are raft voters (learners promoted once caught up)
    const kv = kvClient(p1.info.addr, await readNodeTls(p1.dataDir), p1.info.clusterId);
    clients.push(kv);
    await waitFor(
      '3 voters',
      async () => {
        const st = await kv.status({});
        return st.voters.length === 3 && st.learners.length === 0;
      },
      { timeoutMs: 15_000 },
    );
    await waitFor(
      '3 managers reachable from the leader',
      async () => {
        const info0 = await c1.getClusterInfo({});
        return (
          info0.managers.length === 3 &&
          info0.managers.every((m: { reachability: string }) => m.reachability === 'reachable')
        );
      },
      { timeoutMs: 15_000 },
    );
    await c1.createService({ spec: { name: 'before', image: 'busybox', replicas: 3 } });

    const leaderNodeId = (await c1.getClusterInfo({})).leaderNodeId as string;
    const leader = procs.find((p) => p.info.nodeId === leaderNodeId)!;
    const survivors = procs.filter((p) => p !== leader);
    leader.child.kill('SIGKILL');
    await new Promise((r) => leader.child.once('exit', r));

    const cs = await Promise.all(survivors.map((p) => clientFor(p, clients)));
    const t0 = Date.now();
    const created = await eventually('a create on the new leader', () =>
      cs[0]!.createService({ spec: { name: 'after', image: 'busybox', replicas: 1 } }),
    );
    const failoverMs = Date.now() - t0;
    assert.equal(created.spec.name, 'after');
    const info = await cs[1]!.getClusterInfo({});
    assert.notEqual(info.leaderNodeId, leaderNodeId);
    assert.ok(survivors.some((p) => p.info.nodeId === info.leaderNodeId));
    for (const c of cs) {
      const names = (await eventually('the service list', () => c.listServices({}))).services.map(
        (s: { service: { spec: { name: string } } }) => s.service.spec.name,
      );
      assert.deepEqual(names.sort(), ['after', 'before']);
    }
    await cs[1]!.scaleService({ service: 'before', replicas: 1 });

    // the killed manager restarts from its data dir, on another port, and catches up (the leader
    // reaches it at its new address: its record and raft member context follow)
    const newAddr = `127.0.0.1:${await freePort()}`;
    const back = await start(['restart', '--listen', newAddr, '--advertise', newAddr], leader.dataDir);
    assert.equal(back.info.addr, newAddr);
    procs.push(back);
    const cb = await clientFor(back, clients);
    await waitFor(
      'restarted manager sees the writes made without it',
      async () => {
        const s = await cb.getService({ service: 'before' });
        return Number(s.spec.replicas) === 1;
      },
      { timeoutMs: 15_000 },
    );
    await waitFor(
      'its record carries the new address, the leader reaches it there',
      async () => {
        const info2 = await cs[0]!.getClusterInfo({});
        const viaLeader = cs[survivors.findIndex((p) => p.info.nodeId === info2.leaderNodeId)];
        if (viaLeader === undefined) return false;
        const n = await viaLeader.getNode({ node: leader.info.nodeId });
        return n.managerStatus.addr === newAddr && n.managerStatus.reachability === 'reachable';
      },
      { timeoutMs: 15_000 },
    );
    await cs[0]!.createService({ spec: { name: 'after-restart', image: 'busybox', replicas: 1 } });
    await waitFor(
      'the restarted manager gets new writes',
      async () => (await cb.getService({ service: 'after-restart' })).spec.name === 'after-restart',
      { timeoutMs: 15_000 },
    );
    process.stderr.write(`# leader SIGKILL -> first successful Control write after ${failoverMs} ms\n`);
  });
});
