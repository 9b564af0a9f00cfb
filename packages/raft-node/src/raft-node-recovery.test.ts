import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { MessageType } from '@clusterctl/raft';
import type { MembershipEvent } from './raft-node.js';
import { waitFor } from '@clusterctl/common/testing';
import { TestCluster } from './testing/test-cluster.js';

const enc = (s: string): Uint8Array => Buffer.from(s);

async function proposeMany(
  node: { propose(d: Uint8Array): Promise<unknown> },
  prefix: string,
  n: number,
): Promise<number> {
  const rs = (await Promise.all(Array.from({ length: n }, (_, i) => node.propose(enc(`${prefix}-${i}`))))) as {
    index: number;
  }[];
  return Math.max(...rs.map((r) => r.index));
}

describe('RaftNode recovery', () => {
  let c: TestCluster | undefined;
  afterEach(async () => {
    await c?.destroy();
    c = undefined;
  });

  test('leader stops -> a new leader is elected -> proposals continue; the old leader restarts and catches up', async () => {
    c = await TestCluster.bootstrap([1, 2, 3]);
    const old = await c.waitLeader();
    await proposeMany(old, 'before', 50);
    await c.stop(old.id);
    const leader = await c.waitLeader();
    assert.notEqual(leader.id, old.id);
    const follower = c.followers()[0]!;
    await proposeMany(leader, 'after', 30);
    const last = (await follower.propose(enc('via-follower'))) as { index: number };
    await c.start(old.id);
    await c.waitApplied(last.index);
    const want = c.sm(leader.id).items;
    assert.equal(want.length, 81);
    for (const id of c.nodes.keys()) assert.deepEqual(c.sm(id).items, want, `node ${id}`);
  });

  test('a full restart rebuilds every state machine from the log without duplicates', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { snapshotEveryEntries: 40, keepEntries: 5 });
    const leader = await c.waitLeader();
    const last = await proposeMany(leader, 'x', 100);
    await c.waitApplied(last);
    const want = [...c.sm(leader.id).items];
    // snapshots are stored beside the log loop: wait until every node has one on disk, so the
    // restart below replays a snapshot plus the entries after it
    await waitFor('a snapshot on every node', () =>
      [1, 2, 3].every((id) => c!.node(id).storage.snapshot().metadata.index >= 40),
    );
    for (const id of [1, 2, 3]) await c.stop(id);
    for (const id of [1, 2, 3]) await c.start(id);
    // Before any new traffic: each node replayed snapshot + committed entries up to its applied index.
    for (const id of [1, 2, 3]) {
      assert.ok(c.node(id).storage.snapshot().metadata.index >= 40, `node ${id} has a snapshot`);
      assert.deepEqual(c.sm(id).items, want, `node ${id} replayed to its applied index at start`);
    }
    const l2 = await c.waitLeader();
    const r = (await l2.propose(enc('after-restart'))) as { index: number };
    await c.waitApplied(r.index);
    for (const id of [1, 2, 3]) assert.deepEqual(c.sm(id).items, [...want, 'after-restart'], `node ${id}`);
  });

  test('snapshot + compaction; a lagging node catches up by snapshot', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { snapshotEveryEntries: 50, keepEntries: 10 });
    const leader = await c.waitLeader();
    const lagger = c.followers()[0]!.id;
    await proposeMany(leader, 'a', 20);
    await c.waitApplied(leader.appliedIndex());
    const laggerLast = c.node(lagger).storage.lastIndex();
    await c.stop(lagger);
    let last = 0;
    for (let round = 0; round < 4; round++) last = await proposeMany(leader, `b${round}`, 50);
    await waitFor('the leader to compact past the lagging node', () => leader.storage.firstIndex() > laggerLast + 1);
    let snaps = 0;
    c.network.filter = (m) => {
      if (m.type === MessageType.Snap && m.to === lagger) snaps++;
      return true;
    };
    const node = await c.start(lagger);
    await c.waitApplied(last);
    c.network.filter = undefined;
    assert.ok(snaps >= 1, 'the leader sent a snapshot');
    assert.ok(node.storage.snapshot().metadata.index > laggerLast, 'lagging node installed a snapshot from the leader');
    assert.deepEqual(c.sm(lagger).items, c.sm(leader.id).items);
    // And it keeps working as a normal member afterwards.
    const r = (await node.propose(enc('from-caught-up'))) as { index: number };
    await c.waitApplied(r.index);
    for (const id of c.nodes.keys()) assert.equal(c.sm(id).items.at(-1), 'from-caught-up');
  });

  test('join: an empty node added as learner learns membership from the leader, is promoted, then removed', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { snapshotEveryEntries: 30, keepEntries: 5 });
    const leader = await c.waitLeader();
    await proposeMany(leader, 'pre', 60); // joiner must get a snapshot, the log is compacted
    // Promoting a learner that has not caught up is refused on the leader.
    await leader.addLearner(5, enc('addr-5')); // never started: stays at match 0
    await assert.rejects(
      leader.promote(5, { maxLagEntries: 10 }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition,
    );
    await leader.removeMember(5);
    const joiner = await c.start(4); // no bootstrap: join mode
    const events: MembershipEvent[] = [];
    joiner.onMembershipChange((ev) => events.push(ev));
    const cs = await leader.addLearner(4, enc('addr-4'));
    assert.deepEqual(cs.learners, [4]);
    await waitFor('the learner to catch up', () => joiner.appliedIndex() >= leader.appliedIndex());
    assert.deepEqual(c.sm(4).items, c.sm(leader.id).items);
    assert.ok(joiner.storage.snapshot().metadata.index > 0, 'the joiner was sent a snapshot');
    assert.deepEqual(
      joiner
        .members()
        .map((m) => m.id)
        .sort(),
      [1, 2, 3, 4],
    );
    const cs2 = await c
      .followers()
      .find((n) => n.id !== 4)!
      .promote(4);
    assert.deepEqual([...cs2.voters].sort(), [1, 2, 3, 4]);
    await waitFor(
      'the joiner to see 4 voters',
      () => joiner.members().length === 4 && joiner.members().every((m) => !m.learner),
    );
    assert.equal(Buffer.from(joiner.members().find((m) => m.id === 4)!.context).toString(), 'addr-4');
    assert.ok(events.length > 0);
    const r = (await joiner.propose(enc('from-joiner'))) as { index: number };
    await c.waitApplied(r.index);
    const cs3 = await leader.removeMember(4);
    assert.deepEqual([...cs3.voters].sort(), [1, 2, 3]);
    await c.stop(4);
    const r2 = (await leader.propose(enc('after-remove'))) as { index: number };
    await c.waitApplied(r2.index);
  });

  test('join without a snapshot: the new voter replays the log from index 1 and learns every address', async () => {
    c = await TestCluster.bootstrap([1, 2, 3]);
    const leader = await c.waitLeader();
    await leader.propose(enc('before-join'));
    const joiner = await c.start(7);
    await leader.addMember(7, enc('addr-7'));
    const r = (await leader.propose(enc('after-join'))) as { index: number };
    await c.waitApplied(r.index);
    assert.equal(joiner.storage.snapshot().metadata.index, 0, 'caught up from the log, no snapshot');
    assert.equal(joiner.storage.firstIndex(), 1);
    assert.deepEqual(c.sm(7).items, ['before-join', 'after-join']);
    assert.deepEqual(
      joiner.members().map((m) => `${m.id}=${Buffer.from(m.context).toString()}${m.learner ? '(learner)' : ''}`),
      ['1=addr-1', '2=addr-2', '3=addr-3', '7=addr-7'],
    );
    // It counts in the quorum: 4 voters need 3, so with one original down nothing commits without 7.
    const down = [1, 2, 3].find((id) => id !== leader.id)!;
    await c.stop(down);
    const r2 = (await joiner.propose(enc('with-7-in-quorum'))) as { index: number };
    assert.ok(r2.index > r.index);
    await c.stop(7);
    await assert.rejects(
      leader.propose(enc('2-of-4'), { timeoutMs: 600 }),
      (e: unknown) => e instanceof ClusterError && (e.code === ErrorCode.Timeout || e.code === ErrorCode.NoLeader),
    );
  });

  test('transferLeadership hands over to the chosen follower', async () => {
    c = await TestCluster.bootstrap([1, 2, 3]);
    const leader = await c.waitLeader();
    await leader.propose(enc('x'));
    const target = c.followers()[0]!;
    const seen: number[] = [];
    target.onLeaderChange((l) => seen.push(l));
    await leader.transferLeadership(target.id);
    await waitFor(
      'the transferee to become leader and tell its listeners',
      () => target.isLeader() && seen.includes(target.id),
    );
    const r = (await leader.propose(enc('after-transfer'))) as { index: number };
    await c.waitApplied(r.index);
  });
});
