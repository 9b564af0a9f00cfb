import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { MessageType } from '@clusterctl/raft';
import { waitFor } from '@clusterctl/common/testing';
import { TestCluster } from './testing/test-cluster.js';

const enc = (s: string): Uint8Array => Buffer.from(s);

describe('RaftNode under partitions', () => {
  let c: TestCluster | undefined;
  afterEach(async () => {
    await c?.destroy();
    c = undefined;
  });

  test('proposals stranded on an isolated leader are re-proposed to the new leader and applied once', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { noLeaderTimeoutMs: 8_000 });
    const old = await c.waitLeader();
    await old.propose(enc('warm-up'));
    const others = [1, 2, 3].filter((id) => id !== old.id);
    c.network.isolate(old.id, [1, 2, 3]);
    const stranded = Array.from({ length: 5 }, (_, i) => old.propose(enc(`stranded-${i}`), { timeoutMs: 15_000 }));
    await waitFor('the majority side to elect a leader', () => others.some((id) => c!.node(id).isLeader()));
    const fresh = c.node(others.find((id) => c!.node(id).isLeader())!);
    await fresh.propose(enc('majority-write'));
    c.network.heal();
    const results = (await Promise.all(stranded)) as { index: number }[];
    const last = Math.max(...results.map((r) => r.index));
    await c.waitApplied(last);
    for (const id of [1, 2, 3]) {
      const items: string[] = c.sm(id).items;
      for (let i = 0; i < 5; i++)
        assert.equal(items.filter((s) => s === `stranded-${i}`).length, 1, `node ${id} stranded-${i}`);
      assert.deepEqual(items, c!.sm(fresh.id).items, `node ${id} diverged`);
    }
    assert.ok(old.status().proposalRetries >= 5, 'the stranded proposals were re-sent');
  });

  test('fenced proposals (leader-only decisions) stranded on a deposed leader never apply: not re-proposed, refused everywhere', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { noLeaderTimeoutMs: 8_000 });
    const old = await c.waitLeader();
    await old.propose(enc('warm-up'));
    const term = old.status().term;
    // Fenced to the wrong term, or from a follower: refused at once, nothing proposed.
    const follower = c.node([1, 2, 3].find((id) => id !== old.id)!);
    await assert.rejects(
      follower.propose(enc('from-follower'), { leaderTerm: term }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotLeader,
    );
    await assert.rejects(
      old.propose(enc('old-term'), { leaderTerm: term - 1 }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotLeader,
    );
    const others = [1, 2, 3].filter((id) => id !== old.id);
    c.network.isolate(old.id, [1, 2, 3]);
    // Made while it still leads in `term`: they cannot commit without the majority.
    const fenced = Array.from({ length: 3 }, (_, i) =>
      old.propose(enc(`fenced-${i}`), { leaderTerm: term, timeoutMs: 15_000 }).then(
        () => 'applied',
        (e: unknown) => (e instanceof ClusterError ? e.code : String(e)),
      ),
    );
    const plain = old.propose(enc('plain'), { timeoutMs: 15_000 });
    await waitFor('the majority side to elect a leader', () => others.some((id) => c!.node(id).isLeader()));
    const fresh = c.node(others.find((id) => c!.node(id).isLeader())!);
    assert.ok(fresh.status().term > term);
    await fresh.propose(enc('majority-write'));
    c.network.heal();
    assert.deepEqual(
      await Promise.all(fenced),
      [ErrorCode.NotLeader, ErrorCode.NotLeader, ErrorCode.NotLeader],
      'stranded fenced proposals end with NOT_LEADER',
    );
    const last = ((await plain) as { index: number }).index;
    await c.waitApplied(last);
    for (const id of [1, 2, 3]) {
      const items: string[] = c.sm(id).items;
      assert.ok(
        !items.some((x) => x.startsWith('fenced-') || x === 'from-follower' || x === 'old-term'),
        `node ${id} applied a fenced decision: ${items.join(',')}`,
      );
      assert.equal(
        items.filter((x) => x === 'plain').length,
        1,
        'an unfenced proposal is still carried to the new leader',
      );
      assert.deepEqual(items, c.sm(fresh.id).items, `node ${id} diverged`);
    }
    // The new leader's own fenced writes apply.
    await fresh.propose(enc('fenced-by-new-leader'), { leaderTerm: fresh.status().term });
    await waitFor("the new leader's fenced write on every manager", () =>
      [1, 2, 3].every((id) => c!.sm(id).items.includes('fenced-by-new-leader')),
    );
  });

  test('5 managers: progress with 3 up (leader among the lost), none with 2, again after one returns', async () => {
    c = await TestCluster.bootstrap([1, 2, 3, 4, 5], { noLeaderTimeoutMs: 1_000 });
    const leader = await c.waitLeader();
    await leader.propose(enc('five'));
    const others = [1, 2, 3, 4, 5].filter((id) => id !== leader.id);
    await c.stop(leader.id);
    await c.stop(others[0]!);
    const l2 = await c.waitLeader();
    await l2.propose(enc('three-of-five'));
    await c.stop(others[1]!);
    const survivor = c.node(others[2]!);
    await assert.rejects(
      survivor.propose(enc('two-of-five'), { timeoutMs: 2_000 }),
      (e: unknown) => e instanceof ClusterError && (e.code === ErrorCode.NoLeader || e.code === ErrorCode.Timeout),
    );
    await c.start(others[1]!);
    const l3 = await c.waitLeader();
    const r = (await l3.propose(enc('three-again'))) as { index: number };
    await c.waitApplied(r.index);
    for (const id of c.nodes.keys()) {
      const items: string[] = c.sm(id).items.filter((s) => s !== 'two-of-five');
      assert.deepEqual(items.slice(-3), ['five', 'three-of-five', 'three-again'], `node ${id}`);
    }
  });

  test('a partitioned follower catches up by snapshot when the partition heals (no restart)', async () => {
    c = await TestCluster.bootstrap([1, 2, 3], { snapshotEveryEntries: 40, keepEntries: 5 });
    const leader = await c.waitLeader();
    const cutOff = c.followers()[0]!;
    c.network.isolate(cutOff.id, [1, 2, 3]);
    let last = 0;
    for (let i = 0; i < 120; i += 20) {
      const rs = (await Promise.all(Array.from({ length: 20 }, (_, k) => leader.propose(enc(`p-${i + k}`))))) as {
        index: number;
      }[];
      last = Math.max(...rs.map((r) => r.index));
    }
    await waitFor(
      'compaction past the cut-off follower',
      () => leader.storage.firstIndex() > cutOff.storage.lastIndex() + 1,
    );
    let snaps = 0;
    c.network.filter = (m) => {
      if (m.type === MessageType.Snap) snaps++;
      return true;
    };
    c.network.heal();
    await c.waitApplied(last);
    c.network.filter = undefined;
    assert.ok(snaps >= 1);
    assert.deepEqual(c.sm(cutOff.id).items, c.sm(leader.id).items);
    // Its read barrier is linearizable again.
    await leader.propose(enc('after-heal'));
    await cutOff.readBarrier();
    assert.equal(c.sm(cutOff.id).items.at(-1), 'after-heal');
  });
});
