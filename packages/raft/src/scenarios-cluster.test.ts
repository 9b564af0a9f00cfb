// ReadIndex, membership changes and leader transfer on the deterministic network.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Network, text } from './testing/network.js';
import { MemoryStorage } from './memory-storage.js';
import { bootstrapState } from './bootstrap.js';
import { newTestRaft, take } from './testing/helpers.js';
import {
  ConfChangeType,
  EMPTY,
  EntryType,
  MessageType,
  ProposalDroppedError,
  StateRole,
  decodeConfChange,
  encodeConfChange,
  message,
} from './types.js';
import { CAMPAIGN_TRANSFER_CTX } from './raft.js';
import { bytesEqual } from './util.js';

function reads(net: Network, id: number): Array<[number, string]> {
  return net.node(id).readStates.map((rs) => [rs.index, text(rs.requestCtx)]);
}

describe('ReadIndex (safe)', () => {
  test('a single-node cluster answers at once', () => {
    const net = Network.create([1]);
    net.campaign(1);
    net.readIndex(1, 'r1');
    assert.deepEqual(reads(net, 1), [[net.node(1).commit, 'r1']]);
  });

  test('the leader answers after a heartbeat round confirms its leadership', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.propose(1, 'a');
    net.ignore(MessageType.HeartbeatResp);
    net.readIndex(1, 'r1');
    assert.deepEqual(reads(net, 1), [], 'no quorum of acks yet');
    net.recover();
    net.readIndex(1, 'r2'); // its heartbeat round also confirms r1
    assert.deepEqual(reads(net, 1), [
      [net.node(1).commit, 'r1'],
      [net.node(1).commit, 'r2'],
    ]);
  });

  test('a new leader holds reads until it has committed an entry of its term', () => {
    const net = Network.create([1, 2, 3]);
    net.ignore(MessageType.App);
    net.campaign(1);
    assert.equal(net.leader(), 1);
    const noop = net.node(1).lastIndex();
    assert.ok(net.node(1).commit < noop);
    net.readIndex(1, 'r1');
    net.tick(1, 2);
    assert.deepEqual(reads(net, 1), [], 'held back: the commit index may be stale');
    net.recover();
    net.tick(1, 1);
    assert.deepEqual(reads(net, 1), [[noop, 'r1']]);
  });

  test("a read waiting for acks completes when a removal makes the leader's own ack a quorum", () => {
    const net = Network.create([1, 2]);
    net.campaign(1);
    net.drop(2, 1); // 2 hears everything but its answers are lost
    net.readIndex(1, 'r1');
    assert.deepEqual(reads(net, 1), []);
    // The removal itself needs 2's AppResp to commit; heartbeat answers (the read acks) stay lost.
    net.recover();
    net.ignore(MessageType.HeartbeatResp);
    net.proposeConfChange(1, { type: ConfChangeType.RemoveNode, nodeId: 2 });
    assert.deepEqual(net.node(1).confState.voters, [1]);
    assert.deepEqual(
      reads(net, 1).map(([, c]) => c),
      ['r1'],
    );
  });

  test("a follower forwards the read and gets the leader's commit index back", () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.propose(1, 'a');
    net.readIndex(2, 'f1');
    assert.deepEqual(reads(net, 2), [[net.node(1).commit, 'f1']]);
    assert.equal(net.sent.filter((m) => m.type === MessageType.ReadIndexResp && m.to === 2).length, 1);
  });

  test('a follower without a known leader drops the read', () => {
    const net = Network.create([1, 2, 3]);
    net.readIndex(2, 'f1');
    assert.deepEqual(reads(net, 2), []);
  });

  test('a deposed leader cannot serve reads', () => {
    const net = Network.create([1, 2, 3]); // no CheckQuorum: 1 keeps believing it leads
    net.campaign(1);
    net.isolate(1);
    net.campaign(2);
    assert.equal(net.node(2).role, StateRole.Leader);
    net.propose(2, 'new');
    assert.equal(net.node(1).role, StateRole.Leader, 'stale leader still thinks it leads');
    net.readIndex(1, 'stale');
    net.tick(1, 5);
    net.recover();
    net.tick(1, 3); // its heartbeats are at an old term: nobody acks them
    assert.deepEqual(reads(net, 1), []);
    net.tick(2, 1);
    assert.equal(net.node(1).role, StateRole.Follower);
    assert.deepEqual(reads(net, 1), []);
    net.readIndex(2, 'fresh');
    assert.deepEqual(reads(net, 2), [[net.node(2).commit, 'fresh']]);
  });
});

describe('membership', () => {
  test('bootstrapState: conf entries 1..n at term 1, committed', () => {
    const b = bootstrapState([3, 1, 2]);
    assert.deepEqual(
      b.entries.map((e) => [e.index, e.term, e.type]),
      [
        [1, 1, EntryType.ConfChange],
        [2, 1, EntryType.ConfChange],
        [3, 1, EntryType.ConfChange],
      ],
    );
    assert.deepEqual(b.hardState, { term: 1, vote: 0, commit: 3 });
    assert.deepEqual(b.confState, { voters: [3, 1, 2], learners: [] });
    assert.throws(() => bootstrapState([]));
    assert.throws(() => bootstrapState([1, 1]));
  });

  test('a joining node replays the log from the leader and learns the members', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.propose(1, 'a');
    net.addNode(4);
    net.proposeConfChange(1, { type: ConfChangeType.AddNode, nodeId: 4 });
    net.tick(1, 2);
    const n4 = net.node(4);
    assert.deepEqual(n4.confState.voters.slice().sort(), [1, 2, 3, 4]);
    assert.deepEqual(n4.applied, ['a']);
    for (const n of net.nodes.values()) assert.deepEqual([...n.confState.voters].sort(), [1, 2, 3, 4], `node ${n.id}`);
    // 4 now counts: with 1 and 4 alone, nothing commits (quorum is 3 of 4)
    net.stop(2);
    net.stop(3);
    net.propose(1, 'b');
    assert.ok(!net.node(1).applied.includes('b'));
    net.start(2);
    net.tick(1, 2);
    assert.ok(net.node(4).applied.includes('b'));
    // and 4 can lead
    net.start(3);
    net.tickAll(2);
    net.transferLeader(1, 4);
    assert.equal(net.leader(), 4);
  });

  test('a node joining after compaction installs a snapshot that predates its addition, then learns it is a member', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    for (let i = 0; i < 5; i++) net.propose(1, `v${i}`);
    const snap = net.node(1).compact();
    assert.deepEqual(snap.metadata.confState.voters, [1, 2, 3]);
    net.addNode(4);
    net.proposeConfChange(1, { type: ConfChangeType.AddNode, nodeId: 4 });
    net.tick(1, 3);
    const n4 = net.node(4);
    assert.equal(n4.snapshotsRestored, 1);
    assert.deepEqual(n4.applied, ['v0', 'v1', 'v2', 'v3', 'v4']);
    assert.deepEqual([...n4.confState.voters].sort(), [1, 2, 3, 4]);
    assert.equal(n4.raft.promotable(), true);
    net.propose(1, 'after');
    assert.equal(n4.applied.at(-1), 'after');
  });

  test('a learner receives the log, never votes or counts, and can be promoted', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.addNode(4);
    net.proposeConfChange(1, { type: ConfChangeType.AddLearner, nodeId: 4 });
    net.propose(1, 'a');
    net.tick(1, 2);
    assert.deepEqual(net.node(4).applied, ['a']);
    assert.deepEqual(net.node(1).confState, { voters: [1, 2, 3], learners: [4] });
    // Learner acks do not count: with 2 and 3 down nothing commits.
    net.stop(2);
    net.stop(3);
    net.propose(1, 'b');
    net.tick(1, 2);
    assert.equal(net.node(4).lastIndex(), net.node(1).lastIndex(), 'learner has the entry');
    assert.ok(!net.node(1).applied.includes('b'));
    // A learner does not campaign.
    const term = net.node(4).term;
    net.tick(4, 100);
    assert.equal(net.node(4).term, term);
    assert.equal(net.node(4).role, StateRole.Follower);
    // Promote it (AddNode of a learner).
    net.start(2);
    net.start(3);
    net.tick(1, 2);
    net.proposeConfChange(1, { type: ConfChangeType.AddNode, nodeId: 4 });
    net.tick(1, 2);
    for (const n of net.nodes.values())
      assert.deepEqual(n.confState, { voters: [1, 2, 3, 4], learners: [] }, `node ${n.id}`);
  });

  test('removing a follower: it no longer counts for the quorum', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.proposeConfChange(1, { type: ConfChangeType.RemoveNode, nodeId: 3 });
    assert.deepEqual(net.node(1).confState, { voters: [1, 2], learners: [] });
    net.stop(3);
    net.propose(1, 'a');
    assert.deepEqual(net.node(2).applied, ['a']);
    net.stop(2);
    net.propose(1, 'b');
    assert.ok(!net.node(1).applied.includes('b'), 'quorum of {1,2} is 2');
  });

  test('removing the leader: it steps down, hands over, and the rest carry on without it', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    net.proposeConfChange(1, { type: ConfChangeType.RemoveNode, nodeId: 1 });
    assert.notEqual(net.node(1).role, StateRole.Leader);
    net.tickAll(30);
    const l = net.leader();
    assert.ok(l === 2 || l === 3, `new leader ${l}`);
    for (const id of [2, 3]) assert.deepEqual(net.node(id).confState, { voters: [2, 3], learners: [] });
    net.stop(1);
    net.propose(l, 'after');
    assert.deepEqual(net.node(2).applied, ['after']);
    assert.deepEqual(net.node(3).applied, ['after']);
    // The removed node never campaigns.
    net.start(1);
    net.isolate(1);
    const t = net.node(1).term;
    net.tick(1, 100);
    assert.equal(net.node(1).term, t);
  });

  test("a removed node's forwarded proposals and reads are dropped by the leader", () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.proposeConfChange(1, { type: ConfChangeType.RemoveNode, nodeId: 3 });
    assert.equal(net.node(3).raft.lead, 1, 'the removed node still knows the leader');
    const last = net.node(1).lastIndex();
    net.propose(3, 'from-removed');
    net.readIndex(3, 'r-removed');
    assert.equal(net.node(1).lastIndex(), last);
    assert.equal(net.sent.filter((m) => m.type === MessageType.ReadIndexResp).length, 0);
  });

  test('only one conf change may be pending; a proposal during it is rejected clearly', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    const raw = net.node(1).raw;
    raw.proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 4, context: EMPTY });
    assert.throws(
      () => raw.proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 5, context: EMPTY }),
      (e: unknown) => e instanceof ProposalDroppedError && e.reason === 'conf-change-pending',
    );
    net.flush(1); // commit and apply the first
    raw.proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 5, context: EMPTY });
    net.flush(1);
    assert.deepEqual(net.node(2).confState.learners, [4, 5]);
  });

  test('a new leader accepts no conf change until its first entry is applied', () => {
    const { raft: r } = newTestRaft(1);
    r.becomeCandidate();
    r.becomeLeader();
    assert.throws(
      () =>
        r.step(
          message({
            type: MessageType.Prop,
            from: 1,
            entries: [
              {
                term: 0,
                index: 0,
                type: EntryType.ConfChange,
                data: encodeConfChange({ type: ConfChangeType.AddNode, nodeId: 4, context: EMPTY }),
              },
            ],
          }),
        ),
      ProposalDroppedError,
    );
  });

  test('a node with committed but unapplied conf changes does not campaign', () => {
    const s = MemoryStorage.bootstrap([1, 2, 3]);
    const { raft: r } = newTestRaft(1, { storage: s, applied: 0 });
    r.step(message({ type: MessageType.Hup, from: 1 }));
    assert.equal(r.role, StateRole.Follower);
    assert.deepEqual(take(r), []);
    const { raft: r2 } = newTestRaft(1, { storage: s, applied: 3 });
    r2.step(message({ type: MessageType.Hup, from: 1 }));
    assert.equal(r2.role, StateRole.Candidate);
  });

  test('a TimeoutNow that arrives before a committed conf change is applied campaigns right after applying it', () => {
    const s = MemoryStorage.bootstrap([1, 2, 3]);
    const { raft: r, raw } = newTestRaft(2, { storage: s, applied: 0 });
    r.becomeFollower(1, 1);
    r.step(message({ type: MessageType.TimeoutNow, from: 1, to: 2, term: 1 }));
    assert.equal(r.role, StateRole.Follower, 'conf entries 1..3 are committed but not applied');
    const rd = raw.ready();
    assert.deepEqual(
      rd.committedEntries.map((e) => e.index),
      [1, 2, 3],
    );
    for (const e of rd.committedEntries) raw.applyConfChange(decodeConfChange(e.data));
    raw.advance(rd);
    assert.equal(r.role, StateRole.Candidate);
    const votes = take(r).filter((m) => m.type === MessageType.Vote);
    assert.equal(votes.length, 2);
    assert.ok(votes.every((m) => bytesEqual(m.context, CAMPAIGN_TRANSFER_CTX)));
  });

  test('removing the last voter is refused (deterministically on every node)', () => {
    const net = Network.create([1]);
    net.campaign(1);
    net.proposeConfChange(1, { type: ConfChangeType.RemoveNode, nodeId: 1 });
    assert.deepEqual(net.node(1).confState, { voters: [1], learners: [] });
    assert.equal(net.leader(), 1);
  });
});

describe('leader transfer', () => {
  test('to an up-to-date follower: TimeoutNow, immediate election despite leases', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    const term = net.node(1).term;
    net.transferLeader(1, 2);
    assert.equal(net.leader(), 2);
    assert.equal(net.node(2).term, term + 1);
    assert.equal(net.node(1).role, StateRole.Follower);
    net.propose(2, 'a');
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['a']);
  });

  test('a follower may ask for the transfer (forwarded to the leader)', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    net.node(3).raw.transferLeader(3);
    net.flush(3);
    assert.equal(net.leader(), 3);
  });

  test('to a lagging follower: the leader catches it up first', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    net.isolate(3);
    for (let i = 0; i < 5; i++) net.propose(1, `v${i}`);
    net.recover();
    net.transferLeader(1, 3);
    assert.equal(net.leader(), 3);
    assert.deepEqual(net.node(3).applied, ['v0', 'v1', 'v2', 'v3', 'v4']);
  });

  test('proposals are dropped during a transfer, which aborts after an election timeout', () => {
    const net = Network.create([1, 2, 3], { electionTick: 10 });
    net.campaign(1);
    net.isolate(3);
    net.transferLeader(1, 3);
    assert.equal(net.node(1).raw.status().leadTransferee, 3);
    assert.throws(
      () => net.propose(1, 'x'),
      (e: unknown) => e instanceof ProposalDroppedError && e.reason === 'transferring',
    );
    net.tick(1, 10);
    assert.equal(net.node(1).raw.status().leadTransferee, 0);
    assert.equal(net.leader(), 1);
    net.propose(1, 'y');
    assert.deepEqual(net.node(2).applied, ['y']);
  });

  test('to a follower that first needs a snapshot', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true, autoReportSnapshots: true });
    net.campaign(1);
    net.isolate(3);
    for (let i = 0; i < 5; i++) net.propose(1, `v${i}`);
    net.node(1).compact();
    net.recover();
    net.transferLeader(1, 3);
    net.tick(1, 2);
    assert.equal(net.node(3).snapshotsRestored, 1);
    assert.equal(net.leader(), 3);
  });

  test('a new transfer request replaces a pending one; removing the transferee aborts it', () => {
    const net = Network.create([1, 2, 3, 4], { electionTick: 10 });
    net.campaign(1);
    net.drop(1, 3);
    net.drop(1, 4);
    net.propose(1, 'x'); // 3 and 4 now lag behind
    net.transferLeader(1, 3);
    assert.equal(net.node(1).raw.status().leadTransferee, 3);
    net.transferLeader(1, 4);
    assert.equal(net.node(1).raw.status().leadTransferee, 4);
    // Applying the removal of the transferee aborts the transfer.
    net.tick(1, 10); // (first let this one lapse, to check the timeout too)
    assert.equal(net.node(1).raw.status().leadTransferee, 0);
    net.transferLeader(1, 4);
    net.node(1).raw.applyConfChange({ type: ConfChangeType.RemoveNode, nodeId: 4, context: EMPTY });
    assert.equal(net.node(1).raw.status().leadTransferee, 0);
  });

  test('transfer to a learner or to itself is ignored', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    net.addNode(4);
    net.proposeConfChange(1, { type: ConfChangeType.AddLearner, nodeId: 4 });
    net.transferLeader(1, 4);
    net.transferLeader(1, 1);
    assert.equal(net.node(1).raw.status().leadTransferee, 0);
    assert.equal(net.leader(), 1);
  });
});

describe('proposals', () => {
  test('a follower forwards proposals to the leader; without a leader they are dropped', () => {
    const net = Network.create([1, 2, 3]);
    assert.throws(
      () => net.propose(2, 'early'),
      (e: unknown) => e instanceof ProposalDroppedError && e.reason === 'no-leader',
    );
    net.campaign(1);
    net.propose(2, 'fwd');
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['fwd']);
  });

  test('a candidate drops proposals', () => {
    const net = Network.create([1, 2, 3]);
    net.isolate(1);
    net.campaign(1);
    assert.equal(net.node(1).role, StateRole.Candidate);
    assert.throws(() => net.propose(1, 'x'), ProposalDroppedError);
  });
});
