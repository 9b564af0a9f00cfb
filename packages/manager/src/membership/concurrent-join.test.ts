// Two managers joining at the same moment through different managers (raft admits one conf change
// at a time: the other waits and is retried), and a removed worker's certificate no longer renews.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, freePort } from '@clusterctl/common';
import { Manager } from '../manager.js';
import { joinCluster, renewCertificate } from '@clusterctl/ca';
import { waitFor } from '@clusterctl/common/testing';
import { controlClient, failure, type PromiseClient } from '../control/testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

let dir: string;
const managers: Manager[] = [];
let ctl: PromiseClient;

async function joinVia(via: Manager, token: string, name: string): Promise<Manager> {
  const port = await freePort();
  // a wildcard advertise host is replaced by the address the manager saw the joiner come from
  const joined = await joinCluster({
    managerAddr: via.advertiseAddr,
    token,
    hostname: name,
    advertiseAddr: `0.0.0.0:${port}`,
  });
  const self = joined.managers.find((p) => p.raftId === joined.raftId);
  assert.equal(self?.addr, `127.0.0.1:${port}`);
  const m = await Manager.join({
    dataDir: join(dir, name),
    listenAddr: `127.0.0.1:${port}`,
    hostname: name,
    joined,
    raft: FAST_RAFT,
  });
  managers.push(m);
  return m;
}

describe('concurrent joins', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-cjoin-'));
    const m1 = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'm1',
      raft: FAST_RAFT,
    });
    managers.push(m1);
    ctl = controlClient(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
  });
  after(async () => {
    ctl.close();
    await Promise.allSettled(managers.map((m) => m.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  test('two managers joining at once through different managers both become voters', async () => {
    const m1 = managers[0]!;
    const token = (await ctl.getJoinToken({ role: 'manager' })).token as string;
    const m2 = await joinVia(m1, token, 'm2');
    await waitFor('m2 voter', () => m1.raft.status().confState.voters.includes(m2.raftId), { timeoutMs: 15_000 });
    await Promise.all([joinVia(m1, token, 'm3'), joinVia(m2, token, 'm4')]);
    await waitFor(
      '4 voters everywhere',
      () =>
        managers.every(
          (m) => m.raft.status().confState.voters.length === 4 && m.raft.status().confState.learners.length === 0,
        ),
      { timeoutMs: 15_000 },
    );
    const ids = new Set(managers.map((m) => m.raftId));
    assert.equal(ids.size, 4);
    const info = await ctl.getClusterInfo({});
    assert.equal(info.managers.length, 4);
  });

  test('a manager that joins but never starts stays a learner (no quorum risk) until demoted', async () => {
    const m1 = managers[0]!;
    const token = (await ctl.getJoinToken({ role: 'manager' })).token as string;
    const ghost = await joinCluster({
      managerAddr: m1.advertiseAddr,
      token,
      hostname: 'ghost',
      advertiseAddr: `127.0.0.1:${await freePort()}`,
    });
    await waitFor('ghost is a learner', () => m1.raft.status().confState.learners.includes(ghost.raftId), {
      timeoutMs: 15_000,
    });
    const t0 = Date.now();
    for (let i = 0; Date.now() - t0 < 1000; i++)
      await ctl.createService({ spec: { name: `w${i}`, image: 'busybox', replicas: 0 } });
    const cs = m1.raft.status().confState;
    assert.ok(cs.learners.includes(ghost.raftId) && !cs.voters.includes(ghost.raftId), 'never promoted');
    assert.equal(cs.voters.length, 4);
    await ctl.updateNode({ node: ghost.nodeId, role: 'worker' });
    await waitFor('ghost learner removed', () => !m1.raft.status().confState.learners.includes(ghost.raftId), {
      timeoutMs: 15_000,
    });
  });

  test('a removed worker cannot renew its certificate', async () => {
    const m1 = managers[0]!;
    const token = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    const w = await joinCluster({ managerAddr: m1.advertiseAddr, token, hostname: 'gone' });
    const tls = { caPem: w.caCertPem, certPem: w.certPem, keyPem: w.keyPem };
    assert.equal((await renewCertificate(m1.advertiseAddr, tls, m1.clusterId)).role, 'worker');
    await ctl.removeNode({ node: w.nodeId });
    const e = await failure(renewCertificate(m1.advertiseAddr, tls, m1.clusterId));
    assert.equal(e.code, ErrorCode.PermissionDenied);
    assert.match(e.hint, /removed.*clusterctl join --token/);
  });
});
