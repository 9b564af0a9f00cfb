import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { readAppliedState, seedRaftLog } from './offline-log.js';
import { RaftNode } from './raft-node.js';
import { waitFor } from '@clusterctl/common/testing';
import { ListStateMachine, TestCluster } from './testing/test-cluster.js';

const enc = (s: string): Uint8Array => Buffer.from(s);

describe('offline raft log: read the applied state, seed a single-voter log', () => {
  let c: TestCluster | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await c?.destroy();
    c = undefined;
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  test('a stopped member of a 3-node cluster: its committed state, index and members; then a new single-voter log from it elects itself and takes writes', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { snapshotEveryEntries: 20, keepEntries: 2 });
    const leader = await c.waitLeader();
    for (let i = 0; i < 45; i++) await leader.propose(enc(`v${i}`));
    await c.waitApplied(leader.appliedIndex());
    const want = [...c.sm(3).items];
    await c.stop(1);
    await c.stop(2);
    await c.stop(3);

    const sm = new ListStateMachine();
    const st = await readAppliedState(c.dir(3), 3, sm);
    assert.deepEqual(sm.items, want, 'snapshot + committed entries replayed');
    assert.ok(st.index >= 45);
    assert.ok(st.term >= 1);
    assert.deepEqual(st.members.map((m) => m.id).sort(), [1, 2, 3]);

    const root = await mkdtemp(join(tmpdir(), 'clusterctl-seed-'));
    dirs.push(root);
    const dir = join(root, 'raft');
    await seedRaftLog(dir, {
      id: 3,
      context: enc('127.0.0.1:1'),
      index: st.index,
      term: st.term,
      appSnapshot: sm.snapshot(),
    });
    // a second seed into the same dir is refused
    await assert.rejects(
      seedRaftLog(dir, { id: 3, context: enc('x'), index: 1, term: 1, appSnapshot: sm.snapshot() }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition,
    );

    const sm2 = new ListStateMachine();
    const node = await RaftNode.start({
      id: 3,
      dataDir: dir,
      stateMachine: sm2,
      transport: { send: () => undefined },
      tickMs: 10,
    });
    try {
      assert.deepEqual(sm2.items, want);
      assert.deepEqual(node.status().confState.voters, [3]);
      assert.equal(new TextDecoder().decode(node.members()[0]!.context), '127.0.0.1:1');
      await waitFor('the single voter leads', () => node.isLeader());
      const r = (await node.propose(enc('after'))) as { index: number };
      assert.ok(r.index > st.index, 'indexes continue after the seeded snapshot');
      assert.deepEqual(sm2.items, [...want, 'after']);
    } finally {
      await node.stop();
    }
  });

  test('a directory without a raft log is refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'clusterctl-seed-'));
    dirs.push(root);
    await assert.rejects(
      readAppliedState(join(root, 'raft'), 1, new ListStateMachine()),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition,
    );
  });
});
