// Smaller scenarios: commit after a removal lowers the quorum, split votes under PreVote, a node
// with a smaller term completing an election, learners and transfers together.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Network, bytes } from './testing/network.js';
import { newTestRaft, persist, take } from './testing/helpers.js';
import {
  ConfChangeType,
  EMPTY,
  EntryType,
  MessageType,
  StateRole,
  encodeConfChange,
  message,
  type Entry,
} from './types.js';

describe('misc scenarios', () => {
  test('removing a node lowers the quorum: a pending entry commits once the removal is applied', () => {
    const { raft: r, storage } = newTestRaft(1, { voters: [1, 2] });
    r.becomeCandidate();
    r.becomeLeader();
    // commit the empty entry with 2's help
    r.bcastAppend();
    r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: r.term, index: r.raftLog.lastIndex() }));
    persist(r, storage);
    r.raftLog.appliedTo(r.raftLog.committed);
    take(r);
    const cc = { type: ConfChangeType.RemoveNode, nodeId: 2, context: EMPTY };
    r.step(
      message({
        type: MessageType.Prop,
        from: 1,
        entries: [{ term: 0, index: 0, type: EntryType.ConfChange, data: encodeConfChange(cc) }],
      }),
    );
    const ccIndex = r.raftLog.lastIndex();
    r.step(
      message({
        type: MessageType.Prop,
        from: 1,
        entries: [{ term: 0, index: 0, type: EntryType.Normal, data: bytes('hello') }],
      }),
    );
    assert.equal(r.raftLog.committed, ccIndex - 1);
    r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: r.term, index: ccIndex }));
    const committed: Entry[] = r.raftLog.nextCommittedEnts();
    assert.deepEqual(
      committed.map((e) => e.type),
      [EntryType.ConfChange],
    );
    r.raftLog.acceptApplying(ccIndex);
    r.raftLog.appliedTo(ccIndex);
    r.applyConfChange(cc);
    assert.equal(r.raftLog.committed, ccIndex + 1, '"hello" commits with a quorum of {1}');
  });

  test('PreVote: a split vote resolves and leaves a single leader', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true, seed: 3 });
    net.campaign(1);
    net.isolate(1);
    // Both 2 and 3 time out (their leases expire) and start elections at the same time.
    net.tick(2, 20);
    net.tick(3, 20);
    net.recover();
    net.isolate(1);
    net.campaign(2);
    net.campaign(3);
    net.tickAll(60);
    const leaders = [2, 3].filter((id) => net.node(id).role === StateRole.Leader);
    assert.equal(leaders.length, 1);
    net.recover();
    net.tickAll(30);
    const l = net.leader();
    for (const n of net.nodes.values()) assert.equal(n.term, net.node(l).term);
  });

  test('PreVote: a node with a smaller term but an up-to-date log can still win an election', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: false });
    net.campaign(1); // term 2
    net.isolate(2); // 2 stays at term 2, its log up to date
    net.ignore(MessageType.App);
    net.campaign(3); // 3 wins term 3 with 1's vote; its empty entry reaches nobody
    assert.equal(net.node(3).role, StateRole.Leader);
    net.recover();
    net.isolate(3);
    assert.equal(net.node(2).term, 2);
    assert.equal(net.node(1).term, 3);
    net.campaign(2); // pre-vote for term 3: 1 already voted in term 3 and refuses, 2 learns term 3
    assert.equal(net.node(2).role, StateRole.Follower);
    assert.equal(net.node(2).term, 3);
    net.campaign(2); // pre-vote for term 4 succeeds
    assert.equal(net.node(2).role, StateRole.Leader);
    assert.equal(net.node(2).term, 4);
  });

  test('a promoted learner can become leader by transfer', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    net.addNode(4);
    net.proposeConfChange(1, { type: ConfChangeType.AddLearner, nodeId: 4 });
    net.propose(1, 'a');
    net.transferLeader(1, 4);
    assert.equal(net.leader(), 1, 'a learner cannot take over');
    net.proposeConfChange(1, { type: ConfChangeType.AddNode, nodeId: 4 });
    net.transferLeader(1, 4);
    assert.equal(net.leader(), 4);
    net.propose(4, 'b');
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['a', 'b'], `node ${n.id}`);
  });

  test('campaigning while leader is a no-op', () => {
    const net = Network.create([1, 2, 3]);
    net.campaign(1);
    const term = net.node(1).term;
    net.campaign(1);
    assert.equal(net.node(1).term, term);
    assert.equal(net.leader(), 1);
  });
});
