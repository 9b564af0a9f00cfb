// The offline recoveries on real managers (raft on LevelDB, mutual TLS), in process: a backup of a
// live manager restored into a fresh data dir, the restart membership check, and the refusals of
// force-new-cluster.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, decodeBackup, ErrorCode, freePort } from '@clusterctl/common';
import { Manager } from '../manager.js';
import { removedByLeader } from '../membership/removal-probe.js';
import { controlClient } from '../control/testing/clients.js';
import { forceNewCluster, restoreBackup } from './recover.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

describe('recovery of a manager data dir', () => {
  let dir: string;
  let m: Manager;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-recover-'));
    m = await Manager.init({ dataDir: join(dir, 'm1'), listenAddr: '127.0.0.1:0', hostname: 'm1', raft: FAST_RAFT });
  });
  after(async () => {
    await m.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('a leader answering with a membership without a raft id says it was removed; its own id, or nobody answering, says nothing', async () => {
    const tls = m.nodeTls;
    assert.equal(await removedByLeader([m.advertiseAddr], tls, m.clusterId, m.raftId + 1), m.advertiseAddr);
    assert.equal(await removedByLeader([m.advertiseAddr], tls, m.clusterId, m.raftId), undefined);
    const closed = `127.0.0.1:${await freePort()}`;
    assert.equal(await removedByLeader([closed], tls, m.clusterId, m.raftId + 1, 1_000), undefined);
  });

  test('a backup of the live manager restored into a fresh data dir: same cluster, services and CA; a new and only manager; writable', async () => {
    const ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
    try {
      await ctl.createService({ spec: { name: 'web', image: 'busybox:1.36', mode: 'replicated', replicas: 2 } });
    } finally {
      ctl.close();
    }
    const { bytes, header } = m.backup();
    const b = decodeBackup(bytes);
    assert.equal(b.header.clusterId, m.clusterId);
    assert.equal(b.header.raftIndex, header.raftIndex);

    const target = join(dir, 'r1');
    // a damaged copy is refused before anything is written
    const bad = Uint8Array.from(bytes);
    bad[bad.length - 1]! ^= 1;
    const port = await freePort();
    const addr = `127.0.0.1:${port}`;
    await assert.rejects(
      restoreBackup({ dataDir: target, backup: bad, listenAddr: addr, advertiseAddr: addr }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.Corrupt,
    );
    await assert.rejects(readdir(target), 'nothing written');

    const r = await restoreBackup({
      dataDir: target,
      backup: bytes,
      listenAddr: addr,
      advertiseAddr: addr,
      hostname: 'r1',
    });
    assert.equal(r.clusterId, m.clusterId);
    assert.deepEqual(
      r.removedManagers.map((x) => x.hostname),
      ['m1'],
    );
    assert.ok(r.index >= header.raftIndex);
    const restored = await Manager.restart({ dataDir: target, raft: FAST_RAFT });
    try {
      await restored.raft.readBarrier();
      assert.equal(restored.clusterId, m.clusterId);
      assert.equal(restored.nodeTls.caPem, m.nodeTls.caPem, 'the same CA');
      const st = restored.store.view((tx) => ({
        services: tx.list('services').map((s) => s.spec.name),
        nodes: tx.list('nodes').map((n) => n.hostname),
      }));
      assert.deepEqual(st, { services: ['web'], nodes: ['r1'] });
      assert.deepEqual(restored.raft.status().confState.voters, [r.raftId]);
      const c = controlClient(restored.advertiseAddr, restored.nodeTls, restored.clusterId);
      try {
        await c.scaleService({ service: 'web', replicas: 3 });
        assert.deepEqual(
          restored.store.view((tx) => tx.list('services')[0]!.spec.mode),
          { kind: 'replicated', replicas: 3 },
        );
      } finally {
        c.close();
      }
      // a second restore onto it is refused
      await assert.rejects(
        restoreBackup({ dataDir: target, backup: bytes, listenAddr: addr, advertiseAddr: addr }),
        (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition,
      );
    } finally {
      await restored.stop();
    }
  });

  test('force-new-cluster of a single manager is refused (it is its own quorum: start it normally), nothing changed', async () => {
    const d = join(dir, 'single');
    const s = await Manager.init({ dataDir: d, listenAddr: '127.0.0.1:0', hostname: 's1', raft: FAST_RAFT });
    await s.stop();
    await assert.rejects(forceNewCluster({ dataDir: d, probeTimeoutMs: 500 }), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.equal(e.code, ErrorCode.FailedPrecondition);
      assert.match(e.message, /1 of 1 managers answer \(this one\)/);
      assert.match(e.hint, /clusterctl start/);
      return true;
    });
    const again = await Manager.restart({ dataDir: d, raft: FAST_RAFT });
    await again.stop();
  });
});
