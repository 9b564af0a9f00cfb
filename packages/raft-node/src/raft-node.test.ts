import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { EntryType, MessageType, type Message } from '@clusterctl/raft';
import { unwrapProposal } from './proposal-envelope.js';
import { waitFor } from '@clusterctl/common/testing';
import { TestCluster } from './testing/test-cluster.js';

const enc = (s: string): Uint8Array => Buffer.from(s);

describe('RaftNode: 3 managers over LocalNetwork with real LevelDB', () => {
  let c: TestCluster;
  after(async () => {
    await c?.destroy();
  });

  test('elects a leader and learns the bootstrap membership', async () => {
    c = await TestCluster.bootstrap([1, 2, 3]);
    const leader = await c.waitLeader();
    for (const n of c.nodes.values()) {
      assert.deepEqual(
        n.members().map((m) => [m.id, Buffer.from(m.context).toString(), m.learner]),
        [
          [1, 'addr-1', false],
          [2, 'addr-2', false],
          [3, 'addr-3', false],
        ],
      );
      assert.equal(n.leader(), leader.id);
    }
  });

  test('propose from the leader and from a follower resolves with the apply() result on every manager', async () => {
    const leader = await c.waitLeader();
    const r1 = (await leader.propose(enc('from-leader'))) as { index: number };
    const follower = c.followers()[0]!;
    const r2 = (await follower.propose(enc('from-follower'))) as { index: number };
    assert.ok(r2.index > r1.index);
    await c.waitApplied(r2.index);
    for (const id of c.nodes.keys()) {
      assert.deepEqual(c.sm(id).items.slice(-2), ['from-leader', 'from-follower']);
    }
  });

  test('an apply() that throws rejects only that proposal, identically everywhere', async () => {
    const follower = c.followers()[0]!;
    await assert.rejects(follower.propose(enc('fail:x')), /rejected fail:x/);
    const r = (await follower.propose(enc('after-fail'))) as { index: number };
    await c.waitApplied(r.index);
    for (const id of c.nodes.keys()) assert.equal(c.sm(id).items.at(-1), 'after-fail');
  });

  test('group commit: 1000 concurrent proposals take far fewer fsynced batches', async (t) => {
    const leader = await c.waitLeader();
    const before = leader.storage.stats.syncedBatches;
    const results = (await Promise.all(Array.from({ length: 1000 }, (_, i) => leader.propose(enc(`gc-${i}`))))) as {
      index: number;
    }[];
    const batches = leader.storage.stats.syncedBatches - before;
    assert.equal(new Set(results.map((r) => r.index)).size, 1000);
    t.diagnostic(`1000 proposals -> ${batches} synced batches on the leader`);
    assert.ok(batches < 100, `expected far fewer than 1000 synced batches, got ${batches}`);
    const last = Math.max(...results.map((r) => r.index));
    await c.waitApplied(last);
    for (const id of c.nodes.keys()) assert.equal(c.sm(id).items.filter((s) => s.startsWith('gc-')).length, 1000);

    // Proposals trickling in while persists are in flight join the next batch.
    const before2 = leader.storage.stats.syncedBatches;
    const trickle: Promise<unknown>[] = [];
    for (let wave = 0; wave < 50; wave++) {
      for (let i = 0; i < 20; i++) trickle.push(leader.propose(enc(`tr-${wave}-${i}`)));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(trickle);
    const batches2 = leader.storage.stats.syncedBatches - before2;
    t.diagnostic(`1000 proposals in 50 waves -> ${batches2} synced batches on the leader`);
    assert.ok(batches2 < 200, `expected far fewer than 1000 synced batches, got ${batches2}`);
  });

  test('readBarrier on a follower observes a write acknowledged by another manager', async () => {
    const leader = await c.waitLeader();
    const [f1, f2] = c.followers();
    for (let i = 0; i < 20; i++) {
      const writer = i % 2 === 0 ? leader : f1!;
      const reader = i % 2 === 0 ? f2! : leader;
      await writer.propose(enc(`rb-${i}`));
      await reader.readBarrier();
      assert.equal(c.sm(reader.id).items.at(-1), `rb-${i}`);
    }
    // Concurrent reads are batched into few ReadIndex rounds.
    let readIndexMsgs = 0;
    c.network.filter = (m) => {
      if (m.type === MessageType.ReadIndex) readIndexMsgs++;
      return true;
    };
    await Promise.all(Array.from({ length: 200 }, () => f1!.readBarrier()));
    c.network.filter = undefined;
    assert.ok(
      readIndexMsgs >= 1 && readIndexMsgs < 20,
      `200 concurrent reads took ${readIndexMsgs} ReadIndex messages`,
    );
  });

  test('a retried proposal is applied once (duplicate in the log is skipped)', async () => {
    const leader = await c.waitLeader();
    const follower = c.followers()[0]!;
    // Hold back the leader's traffic to the follower so it never sees its proposal commit and
    // re-sends it (same id) every retryAfterMs.
    c.network.filter = (m) => !(m.from === leader.id && m.to === follower.id && m.type !== MessageType.Heartbeat);
    const p = follower.propose(enc('dup-me'), { timeoutMs: 15_000 });
    await waitFor(
      'the leader to log the proposal twice',
      () => leader.storage.lastIndex() > 0 && countPayload(leader, 'dup-me') >= 2,
    );
    c.network.filter = undefined;
    const r = (await p) as { index: number };
    await c.waitApplied(leader.storage.lastIndex());
    for (const id of c.nodes.keys()) assert.equal(c.sm(id).items.filter((s) => s === 'dup-me').length, 1, `node ${id}`);
    assert.ok(r.index > 0);
  });

  test('leader sends appends while its own write is in flight, but commits only after it is durable', async () => {
    const leader = await c.waitLeader();
    const storage = leader.storage;
    const original = storage.save.bind(storage);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    storage.save = async (rd) => {
      if (!held && rd.entries.length > 0) {
        held = true;
        await gate; // the leader's fsync "takes forever"
      }
      return original(rd);
    };
    let acks = 0;
    c.network.filter = (m) => {
      if (m.type === MessageType.AppResp && m.to === leader.id && !m.reject && m.index >= storage.lastIndex() + 1)
        acks++;
      return true;
    };
    try {
      let resolved = false;
      const p = leader.propose(enc('early-send')).then((r) => {
        resolved = true;
        return r as { index: number };
      });
      const target = storage.lastIndex() + 1;
      // Followers received and persisted the entry although the leader's write has not finished.
      await waitFor('followers to persist the entry', () =>
        c.followers().every((f) => f.storage.lastIndex() >= target),
      );
      // Their acks reach the leader, which must still wait for its own write.
      await waitFor('both followers to ack', () => acks >= 2);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      assert.equal(resolved, false);
      assert.ok(
        leader.status().hardState.commit < target,
        'commit must not advance before the leader write is durable',
      );
      release();
      const r = await p;
      assert.equal(r.index, target);
    } finally {
      c.network.filter = undefined;
      release();
      storage.save = original;
    }
  });

  test('a hanging leader write holds back the acks of its entries: nothing commits before the leader copy is durable', async () => {
    const leader = await c.waitLeader();
    const storage = leader.storage;
    // Block the real durable write (inside the serial write queue), not the driver's view of it,
    // so the leader's loop goes on (heartbeat Readys are pipelined) while acks arrive.
    const wal = (storage as unknown as { wal: { append: (p: Buffer, s: boolean) => Promise<void> } }).wal;
    const originalAppend = wal.append.bind(wal);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    wal.append = async (payload, sync) => {
      if (!held && payload.length > 200) {
        held = true;
        await gate;
      }
      return originalAppend(payload, sync);
    };
    let acks = 0;
    const durableBefore = storage.lastIndex();
    c.network.filter = (m) => {
      if (m.type === MessageType.AppResp && m.to === leader.id && !m.reject && m.index > durableBefore) acks++;
      return true;
    };
    try {
      let resolved = false;
      const pa = leader.propose(enc('held-acks'.padEnd(300, '.'))).then((r) => {
        resolved = true;
        return r as { index: number };
      });
      pa.catch(() => undefined);
      await waitFor('both followers to ack the entry', () => acks >= 2);
      // Not a pause: wait until both acks reached the leader (they wait in its inbox while its loop
      // is parked on the hanging write, or its loop holds them back), or it already committed (the
      // failure checked below); then give its loop two event-loop turns (a kick runs on setImmediate).
      const internals = leader as unknown as { inbox: Array<{ t: string; m?: Message }>; heldAcks: Message[] };
      const isAck = (m: Message | undefined): boolean =>
        m !== undefined && m.type === MessageType.AppResp && !m.reject && m.index > durableBefore;
      await waitFor(
        'both acks at the leader',
        () =>
          internals.inbox.filter((a) => a.t === 'msg' && isAck(a.m)).length + internals.heldAcks.filter(isAck).length >=
            2 || leader.status().hardState.commit > durableBefore,
      );
      for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
      assert.equal(storage.lastIndex(), durableBefore, 'the leader write is still hanging');
      assert.equal(resolved, false);
      const commit = leader.status().hardState.commit;
      assert.ok(commit <= durableBefore, `commit ${commit} must not pass the leader's durable log (${durableBefore})`);
      release();
      const r = await pa;
      assert.ok(r.index > durableBefore);
    } finally {
      c.network.filter = undefined;
      release();
      wal.append = originalAppend;
    }
  });

  test('proposal deadline: TIMEOUT without quorum, then NO_LEADER once the leader steps down', async () => {
    const leader = await c.waitLeader();
    const others = [...c.nodes.keys()].filter((id) => id !== leader.id);
    c.network.isolate(leader.id, others);
    await assert.rejects(
      leader.propose(enc('lost'), { timeoutMs: 100 }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.Timeout,
    );
    // CheckQuorum makes the isolated leader step down; requests then fail with NO_LEADER.
    await waitFor('the isolated leader to step down', () => leader.leader() !== leader.id);
    await assert.rejects(
      leader.readBarrier(),
      (e: unknown) => e instanceof ClusterError && (e.code === ErrorCode.NoLeader || e.code === ErrorCode.Timeout),
    );
    c.network.heal();
    await c.waitLeader();
  });
});

function countPayload(
  node: {
    storage: {
      firstIndex(): number;
      lastIndex(): number;
      entries(lo: number, hi: number, max: number): { type: EntryType; data: Uint8Array }[];
    };
  },
  text: string,
): number {
  const s = node.storage;
  let n = 0;
  for (const e of s.entries(s.firstIndex(), s.lastIndex() + 1, Number.POSITIVE_INFINITY)) {
    if (e.type !== EntryType.Normal) continue;
    const env = unwrapProposal(e.data);
    if (env !== undefined && Buffer.from(env.payload).toString() === text) n++;
  }
  return n;
}
