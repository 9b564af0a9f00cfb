// Replication scenarios: reordered messages, fast back-off, snapshots after compaction, flow control.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Network, bytes } from './testing/network.js';
import { MemoryStorage } from './memory-storage.js';
import { entsWithTerms, newTestRaft, take } from './testing/helpers.js';
import {
  EMPTY,
  MessageType,
  ProposalDroppedError,
  SnapshotStatus,
  message,
  type Entry,
  type Message,
} from './types.js';

const terms = (es: Entry[]) => es.map((e) => [e.index, e.term]);

describe('reordered and duplicated App messages', () => {
  test('a late or duplicated App never truncates, and the leader recovers from the rejection', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    const held: Message[] = [];
    net.msgHook = (m) => {
      if (m.type === MessageType.App && m.to === 2) {
        held.push(m);
        return false;
      }
      return true;
    };
    net.propose(1, 'a');
    net.propose(1, 'b');
    net.propose(1, 'c');
    const apps = held.filter((m) => m.entries.length > 0);
    assert.equal(apps.length, 3, 'replicate state streams one App per proposal');
    net.msgHook = undefined;
    const last = net.node(1).lastIndex();

    net.send(apps[2]!); // arrives first: gap, rejected; the leader probes and resends a, b, c
    assert.equal(net.node(2).lastIndex(), last);
    assert.deepEqual(net.node(2).applied, ['a', 'b', 'c']);
    for (const m of [apps[0]!, apps[1]!, apps[0]!, apps[2]!, ...held]) {
      net.send(m); // stale or duplicate: must be a no-op
      assert.equal(net.node(2).lastIndex(), last);
    }
    net.propose(1, 'd');
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['a', 'b', 'c', 'd']);
  });
});

describe('fast back-off on rejection', () => {
  function divergent(leaderTail: number[], followerTail: number[]): { net: Network; rejects: () => number } {
    const net = new Network({ maxSizePerMsg: 1 << 20 });
    const prefix = [1, 1, 1];
    const mk = (ts: number[]) => {
      const s = new MemoryStorage();
      s.append(entsWithTerms(...ts));
      s.setHardState({ term: 9, vote: 0, commit: 3 });
      s.setConfState({ voters: [1, 2, 3], learners: [] });
      return s;
    };
    net.addNode(1, mk([...prefix, ...leaderTail]));
    net.addNode(2, mk([...prefix, ...followerTail]));
    net.addNode(3, mk([...prefix, ...leaderTail]));
    const rejects = () => net.sent.filter((m) => m.type === MessageType.AppResp && m.from === 2 && m.reject).length;
    return { net, rejects };
  }

  for (const [name, lt, ft] of [
    ['follower has a long tail of a lower term', Array(20).fill(3), Array(50).fill(2)],
    ['follower has a long tail of a higher term', [...Array(20).fill(2), 4], Array(50).fill(3)],
    ['follower is far behind', Array(60).fill(2), Array(2).fill(2)],
    ['terms interleave', [2, 2, 4, 4, 4, 6, 6, 6, 6], [2, 2, 2, 3, 3, 3, 5, 5, 5, 5, 5]],
  ] as Array<[string, number[], number[]]>) {
    test(`${name}: converges in at most two rejections`, () => {
      const { net, rejects } = divergent(lt, ft);
      for (let i = 0; i < 5 && net.leader() !== 1; i++) net.campaign(1);
      assert.equal(net.leader(), 1);
      assert.ok(rejects() <= 2, `rejections: ${rejects()}`);
      net.tick(1, 1); // the next heartbeat carries the commit index
      assert.deepEqual(terms(net.node(2).entries()), terms(net.node(1).entries()));
      assert.equal(net.node(2).commit, net.node(1).commit);
    });
  }
});

describe('snapshots', () => {
  test('a lagging follower gets a snapshot after the leader compacted its log', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.isolate(3);
    for (let i = 0; i < 10; i++) net.propose(1, `v${i}`);
    net.node(1).compact();
    assert.ok(net.node(1).storage.firstIndex() > net.node(3).lastIndex() + 1);
    net.recover();
    net.tick(1, 2);
    const n3 = net.node(3);
    assert.equal(n3.snapshotsRestored, 1);
    assert.equal(net.sent.filter((m) => m.type === MessageType.Snap && m.to === 3).length, 1);
    assert.deepEqual(n3.applied, net.node(1).applied);
    assert.equal(net.node(1).raft.trk.progress.get(3)!.state, 'replicate');
    net.propose(1, 'after');
    assert.deepEqual(n3.applied.at(-1), 'after');
    assert.deepEqual(terms(n3.entries()), terms(net.node(1).entries()));
  });

  test('a slow follower in replicate state switches to a snapshot when the leader compacts past it', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.propose(1, 'a');
    assert.equal(net.node(1).raft.trk.progress.get(3)!.state, 'replicate');
    net.drop(1, 3); // throttled: everything to 3 is lost
    for (let i = 0; i < 5; i++) net.propose(1, `v${i}`);
    net.node(1).compact();
    net.recover();
    net.tick(1, 3);
    const n3 = net.node(3);
    assert.equal(n3.snapshotsRestored, 1);
    assert.deepEqual(n3.applied, ['a', 'v0', 'v1', 'v2', 'v3', 'v4']);
    net.propose(1, 'z');
    assert.equal(n3.applied.at(-1), 'z');
  });

  test('a snapshot failure reported by the transport sends the follower back to probing, then retries', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.isolate(3);
    for (let i = 0; i < 3; i++) net.propose(1, `v${i}`);
    net.node(1).compact();
    net.recover();
    net.ignore(MessageType.Snap);
    net.tick(1, 1);
    const pr = () => net.node(1).raft.trk.progress.get(3)!;
    assert.equal(pr().state, 'snapshot');
    net.tick(1, 3);
    assert.equal(pr().state, 'snapshot', 'no App while a snapshot is in flight');
    net.node(1).raw.reportSnapshot(3, SnapshotStatus.Failure);
    assert.equal(pr().state, 'probe');
    net.recover();
    net.tick(1, 2);
    assert.equal(net.node(3).snapshotsRestored, 1);
    assert.deepEqual(net.node(3).applied, ['v0', 'v1', 'v2']);
  });

  test('a follower ignores a snapshot at or below its commit index', () => {
    const { raft: r } = newTestRaft(2, { term: 2, entries: entsWithTerms(1, 1, 2), commit: 3 });
    r.becomeFollower(2, 1);
    r.step(
      message({
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 2,
        snapshot: { metadata: { index: 2, term: 1, confState: { voters: [1, 2, 3], learners: [] } }, data: EMPTY },
      }),
    );
    assert.equal(r.raftLog.lastIndex(), 3);
    assert.equal(r.raftLog.unstable.snapshot, undefined);
    const [resp] = take(r);
    assert.equal(resp!.type, MessageType.AppResp);
    assert.equal(resp!.index, 3);
  });

  test('a follower that already holds the snapshot index and term only fast-forwards its commit', () => {
    const { raft: r } = newTestRaft(2, { term: 2, entries: entsWithTerms(1, 1, 2, 2), commit: 1 });
    r.becomeFollower(2, 1);
    r.step(
      message({
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 2,
        snapshot: { metadata: { index: 3, term: 2, confState: { voters: [1, 2, 3], learners: [] } }, data: EMPTY },
      }),
    );
    assert.equal(r.raftLog.committed, 3);
    assert.equal(r.raftLog.lastIndex(), 4, 'log kept');
    assert.equal(r.raftLog.unstable.snapshot, undefined);
  });

  test('a follower restores a newer snapshot: log replaced, membership from the snapshot, handed out in Ready', () => {
    const { raft: r, raw } = newTestRaft(2, { term: 2, entries: entsWithTerms(1, 1, 2), commit: 1 });
    r.becomeFollower(2, 1);
    const snap = {
      metadata: { index: 10, term: 2, confState: { voters: [1, 2, 3, 4], learners: [5] } },
      data: bytes('state'),
    };
    r.step(message({ type: MessageType.Snap, from: 1, to: 2, term: 2, snapshot: snap }));
    assert.equal(r.raftLog.committed, 10);
    assert.equal(r.raftLog.lastIndex(), 10);
    assert.deepEqual(raw.status().confState, { voters: [1, 2, 3, 4], learners: [5] });
    const rd = raw.ready();
    assert.equal(rd.snapshot, snap);
    assert.equal(rd.mustSync, true);
    assert.deepEqual(rd.committedEntries, []);
    raw.advance(rd);
    assert.equal(raw.status().applied, 10);
  });
});

describe('batched proposals', () => {
  test('proposeBatch appends all entries and sends one App per follower', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    const before = net.sent.length;
    net.node(1).raw.proposeBatch([bytes('a'), bytes('b'), bytes('c')]);
    net.flush(1);
    const apps = net.sent.slice(before).filter((m) => m.type === MessageType.App && m.entries.length > 0);
    assert.deepEqual(
      apps.map((m) => [m.to, m.entries.length]),
      [
        [2, 3],
        [3, 3],
      ],
    );
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['a', 'b', 'c']);
  });

  test('a follower forwards a batch; the uncommitted limit rejects it as a whole', () => {
    const net = Network.create([1, 2, 3], { maxUncommittedEntriesSize: 5 });
    net.campaign(1);
    net.node(2).raw.proposeBatch([bytes('x'), bytes('y')]);
    net.flush(2);
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['x', 'y']);
    net.isolate(1);
    net.node(1).raw.proposeBatch([bytes('1234')]);
    assert.throws(() => net.node(1).raw.proposeBatch([bytes('5'), bytes('6')]), ProposalDroppedError);
    assert.equal(net.node(1).raft.uncommittedSize, 4);
  });
});

describe('flow control', () => {
  test('the uncommitted-size limit drops proposals until entries commit', () => {
    const net = Network.create([1, 2, 3], { maxUncommittedEntriesSize: 100 });
    net.campaign(1);
    net.isolate(1);
    let accepted = 0;
    let err: unknown;
    for (let i = 0; i < 20; i++) {
      try {
        net.propose(1, 'x'.repeat(10));
        accepted++;
      } catch (e) {
        err = e;
        break;
      }
    }
    assert.equal(accepted, 10);
    assert.ok(err instanceof ProposalDroppedError);
    assert.equal(err.reason, 'uncommitted-limit');
    net.recover();
    net.tick(1, 2);
    assert.equal(net.node(1).applied.length, 10);
    assert.equal(net.node(1).raft.uncommittedSize, 0);
    net.propose(1, 'x'.repeat(10));
  });

  test('a single proposal larger than the limit is accepted when nothing is uncommitted', () => {
    const net = Network.create([1, 2, 3], { maxUncommittedEntriesSize: 10 });
    net.campaign(1);
    net.isolate(1);
    net.propose(1, 'y'.repeat(50));
    assert.throws(() => net.propose(1, 'z'), ProposalDroppedError);
  });

  test('no more than maxInflightMsgs Apps are in flight to one follower', () => {
    const net = Network.create([1, 2, 3], { maxInflightMsgs: 2, maxSizePerMsg: 1 });
    net.campaign(1);
    net.propose(1, 'warm');
    const held: Message[] = [];
    net.msgHook = (m) => {
      if (m.type === MessageType.App && m.to === 2) {
        held.push(m);
        return false;
      }
      return true;
    };
    for (let i = 0; i < 6; i++) net.propose(1, `p${i}`);
    assert.equal(held.filter((m) => m.entries.length > 0).length, 2);
    assert.equal(net.node(1).raft.trk.progress.get(2)!.isPaused(), true);
    net.msgHook = undefined;
    net.send(...held);
    net.tick(1, 2);
    assert.deepEqual(net.node(2).applied, ['warm', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  });

  test('a full window whose messages were all lost recovers through heartbeats', () => {
    const net = Network.create([1, 2, 3], { maxInflightMsgs: 2, maxSizePerMsg: 1 });
    net.campaign(1);
    net.propose(1, 'warm');
    net.drop(1, 2);
    for (let i = 0; i < 5; i++) net.propose(1, `p${i}`);
    net.recover();
    net.tick(1, 4);
    assert.deepEqual(net.node(2).applied, ['warm', 'p0', 'p1', 'p2', 'p3', 'p4']);
  });

  test('maxInflightBytes bounds the bytes in flight', () => {
    const net = Network.create([1, 2, 3], { maxInflightMsgs: 100, maxInflightBytes: 200, maxSizePerMsg: 1 });
    net.campaign(1);
    net.propose(1, 'warm');
    const held: Message[] = [];
    net.msgHook = (m) => {
      if (m.type === MessageType.App && m.to === 2 && m.entries.length > 0) {
        held.push(m);
        return false;
      }
      return true;
    };
    for (let i = 0; i < 6; i++) net.propose(1, 'b'.repeat(76)); // 100 bytes each with overhead
    assert.equal(held.length, 2);
  });

  test('maxSizePerMsg bounds entries per App and maxCommittedSizePerReady bounds a Ready', () => {
    const net = Network.create([1, 2, 3], { maxSizePerMsg: 250, maxCommittedSizePerReady: 250 });
    net.campaign(1);
    net.isolate(2);
    for (let i = 0; i < 6; i++) net.propose(1, 'c'.repeat(76));
    net.recover();
    const before = net.sent.length;
    net.tick(1, 2);
    const apps = net.sent.slice(before).filter((m) => m.type === MessageType.App && m.to === 2 && m.entries.length > 0);
    assert.ok(apps.length >= 3);
    for (const m of apps) assert.ok(m.entries.length <= 2, `App carried ${m.entries.length} entries`);
    assert.equal(net.node(2).applied.length, 6);
  });
});
