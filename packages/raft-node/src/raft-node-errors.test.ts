import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { TestCluster } from './testing/test-cluster.js';

const enc = (s: string): Uint8Array => Buffer.from(s);
const isCode = (code: string) => (e: unknown) => {
  assert.ok(e instanceof ClusterError, `expected ClusterError, got ${String(e)}`);
  assert.equal(e.code, code);
  assert.ok(e.hint.length > 0, 'has a hint');
  return true;
};

describe('RaftNode errors', () => {
  let c: TestCluster | undefined;
  afterEach(async () => {
    await c?.destroy();
    c = undefined;
  });

  test('NO_LEADER when no leader can be elected (1 of 3 managers up)', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { noLeaderTimeoutMs: 300 });
    await c.stop(2);
    await c.stop(3);
    const lone = c.node(1);
    const started = Date.now();
    await assert.rejects(lone.propose(enc('x')), isCode(ErrorCode.NoLeader));
    await assert.rejects(lone.readBarrier(), isCode(ErrorCode.NoLeader));
    assert.ok(Date.now() - started < 5_000);
  });

  test('OVERLOADED beyond the local pending limit and beyond the uncommitted limit', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { maxPendingProposals: 5, maxUncommittedEntriesSize: 2_000 });
    const leader = await c.waitLeader();
    const ps = Array.from({ length: 6 }, (_, i) => leader.propose(enc(`p${i}`)));
    await assert.rejects(ps[5]!, isCode(ErrorCode.Overloaded));
    await Promise.all(ps.slice(0, 5));
    // Followers cut off: nothing commits, so the leader's uncommitted log fills up.
    c.network.isolate(leader.id, [1, 2, 3]);
    const big = Buffer.alloc(600, 1);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => leader.propose(big, { timeoutMs: 500 })));
    const overloaded = results.filter(
      (r) => r.status === 'rejected' && (r.reason as ClusterError).code === ErrorCode.Overloaded,
    );
    assert.ok(
      overloaded.length >= 1,
      `expected OVERLOADED among ${JSON.stringify(results.map((r) => r.status === 'rejected' && (r.reason as ClusterError).code))}`,
    );
    c.network.heal();
  });

  test('a disk failure stops the node: onFatal fires and callers get UNAVAILABLE', async () => {
    c = await TestCluster.bootstrap([1, 2, 3]);
    const leader = await c.waitLeader();
    const node = c.followers()[0]!;
    let fatal: Error | undefined;
    node.onFatal((e) => (fatal = e));
    await node.storage.database.close(); // the next persist fails
    const p = leader.propose(enc('trigger')); // the follower must persist this entry
    await waitFor('the follower to fail', () => fatal !== undefined);
    await p; // the other two still commit it
    await assert.rejects(node.propose(enc('y')), isCode(ErrorCode.Unavailable));
    c.network.detach(node.id);
    c.nodes.delete(node.id);
    await node.stop().catch(() => undefined);
  });

  test('stop() rejects waiting callers with UNAVAILABLE', async () => {
    c = await TestCluster.bootstrap([1, 2, 3]);
    const leader = await c.waitLeader();
    c.network.isolate(leader.id, [1, 2, 3]);
    const p = assert.rejects(leader.propose(enc('never')), isCode(ErrorCode.Unavailable));
    await c.stop(leader.id);
    await p;
    await assert.rejects(leader.propose(enc('after')), isCode(ErrorCode.Unavailable));
  });
});
