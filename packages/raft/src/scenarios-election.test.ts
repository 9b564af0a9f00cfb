// Election scenarios on the deterministic network: figure 8, PreVote, CheckQuorum, disruptive
// followers, overwriting newer logs (after the scenarios listed in etcd-io/raft's raft_test.go).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from './testing/network.js';
import { MemoryStorage } from './memory-storage.js';
import { ent } from './testing/helpers.js';
import { MessageType, StateRole, type Entry } from './types.js';

const terms = (es: Entry[]) => es.map((e) => [e.index, e.term]);

function electLoop(net: Network, id: number, max = 5): void {
  for (let i = 0; i < max && net.leader() !== id; i++) net.campaign(id);
  assert.equal(net.leader(), id, `node ${id} should win an election`);
}

describe('commit rule (figure 8)', () => {
  test('entries of an old term replicated on a majority are not committed by counting, and may be overwritten', () => {
    const net = Network.create([1, 2, 3, 4, 5], { maxSizePerMsg: 1 });
    net.campaign(1);
    const base = net.node(1).lastIndex(); // 5 bootstrap entries + the term-2 empty entry
    assert.equal(net.node(1).commit, base);

    // (a) leader 1 (term 2) gets X only onto node 2.
    net.cut(1, 3);
    net.cut(1, 4);
    net.cut(1, 5);
    net.propose(1, 'X');
    assert.equal(net.node(2).lastIndex(), base + 1);
    assert.equal(net.node(1).commit, base);

    // (b) 1 crashes; 5 wins term 3 with votes of 3 and 4 and appends its empty entry locally only.
    net.stop(1);
    net.recover();
    net.ignore(MessageType.App);
    electLoop(net, 5);
    assert.deepEqual(terms(net.node(5).entries()).at(-1), [base + 1, 3]);
    net.stop(5);
    net.recover();

    // (c) 1 restarts and wins term 4. X reaches 3 and 4 (a majority holds it), but the leader's
    // own empty entry is kept from everyone who already has X: X must stay uncommitted.
    net.start(1);
    net.msgHook = (m) =>
      !(
        m.from === 1 &&
        m.type === MessageType.App &&
        m.entries.some((e) => e.term >= 4) &&
        net.node(m.to).lastIndex() >= base + 1
      );
    electLoop(net, 1);
    net.tick(1, 3); // heartbeats: let followers catch up on X
    for (const id of [2, 3, 4]) {
      assert.deepEqual(terms(net.node(id).entries()).at(-1), [base + 1, 2], `node ${id} holds X`);
    }
    assert.equal(net.node(1).raft.trk.progress.get(3)!.match, base + 1);
    assert.equal(net.node(1).commit, base, 'X (term 2) is on a majority but must not be committed at term 4');

    // (d) 1 crashes; 5 returns and wins: it overwrites X everywhere. This is safe only because X
    // was never committed (nor applied) anywhere.
    net.stop(1);
    net.recover();
    net.start(5);
    electLoop(net, 5);
    net.tick(5, 3);
    for (const id of [2, 3, 4, 5]) {
      const n = net.node(id);
      assert.deepEqual(terms(n.entries()).slice(base, base + 1), [[base + 1, 3]], `node ${id} overwrote X`);
      assert.ok(!n.applied.includes('X'));
    }

    // Everyone converges once 1 is back.
    net.start(1);
    net.propose(5, 'Y');
    net.tickAll(3);
    for (const n of net.nodes.values()) {
      assert.deepEqual(n.applied, ['Y'], `node ${n.id}`);
      assert.deepEqual(terms(n.entries()), terms(net.node(5).entries()));
    }
  });

  test('a new leader commits old-term entries only together with an entry of its own term', () => {
    const net = Network.create([1, 2, 3], { maxSizePerMsg: 1 });
    net.campaign(1);
    net.cut(1, 3);
    net.ignore(MessageType.AppResp); // 2 gets the entry, 1 never hears about it
    net.propose(1, 'a');
    net.recover();
    assert.ok(!net.node(1).applied.includes('a'));
    net.isolate(1);
    electLoop(net, 2);
    net.recover();
    net.tickAll(2);
    for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['a'], `node ${n.id}`);
  });
});

describe('PreVote', () => {
  test('a partitioned node rejoins without raising terms or disrupting the leader', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    const term = net.node(1).term;
    net.isolate(3);
    net.propose(1, 'a');
    net.tick(3, 100); // 3 times out again and again, but only pre-campaigns
    assert.equal(net.node(3).term, term);
    assert.equal(net.node(3).role, StateRole.PreCandidate);
    net.recover();
    net.tickAll(30);
    assert.equal(net.leader(), 1);
    for (const n of net.nodes.values()) {
      assert.equal(n.term, term, `node ${n.id} term`);
      assert.deepEqual(n.applied, ['a']);
    }
  });

  test('a node behind on the log cannot collect pre-votes (even without leader leases)', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: false });
    net.campaign(1);
    const term = net.node(1).term;
    net.isolate(3);
    net.propose(1, 'a');
    net.recover();
    net.campaign(3);
    assert.equal(net.leader(), 1);
    for (const n of net.nodes.values()) assert.equal(n.term, term);
  });

  test('with PreVote a node that misses heartbeats does not force the leader down', () => {
    const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
    net.campaign(1);
    const term = net.node(1).term;
    net.isolate(3);
    net.tick(3, 25);
    net.recover();
    net.tick(1, 1); // heartbeat
    assert.equal(net.leader(), 1);
    for (const n of net.nodes.values()) assert.equal(n.term, term);
  });
});

describe('disruptive follower without PreVote', () => {
  test('a follower that timed out campaigns at a higher term and its answer forces the leader down', () => {
    const net = Network.create([1, 2, 3], { preVote: false, checkQuorum: true });
    net.campaign(1);
    const term = net.node(1).term;
    net.isolate(3);
    net.tick(3, 20); // 3 campaigns at term+1 (and more), unheard
    const t3 = net.node(3).term;
    assert.ok(t3 > term);
    assert.equal(net.node(3).role, StateRole.Candidate);
    net.recover();
    // 1 and 2 are inside the leader lease: they ignore 3's vote requests ...
    net.tick(1, 1);
    // ... but 3 answers the stale-term heartbeat with its higher term, and the leader steps down.
    assert.equal(net.node(1).role, StateRole.Follower);
    assert.equal(net.node(1).term, t3);
    net.tickAll(40);
    assert.notEqual(net.leader(), 0);
    assert.ok(net.node(net.leader()).term >= t3);
  });
});

describe('CheckQuorum', () => {
  test('a leader that loses contact with a quorum steps down after an election timeout', () => {
    const net = Network.create([1, 2, 3], { checkQuorum: true, electionTick: 10 });
    net.campaign(1);
    net.isolate(1);
    net.tick(1, 9);
    assert.equal(net.node(1).role, StateRole.Leader);
    net.tick(1, 11);
    assert.equal(net.node(1).role, StateRole.Follower);
  });

  test('without CheckQuorum an isolated leader stays leader', () => {
    const net = Network.create([1, 2, 3], { checkQuorum: false });
    net.campaign(1);
    net.isolate(1);
    net.tick(1, 50);
    assert.equal(net.node(1).role, StateRole.Leader);
  });

  test('followers in a live lease ignore vote requests; after the lease expires they vote', () => {
    const net = Network.create([1, 2, 3], { checkQuorum: true, electionTick: 10 });
    net.campaign(1);
    const term = net.node(1).term;
    net.campaign(3); // 1 and 2 heard from the leader recently
    assert.equal(net.leader(), 1);
    assert.equal(net.node(2).term, term);
    net.isolate(1);
    net.tick(2, 10);
    net.tick(3, 10); // leases expire (no heartbeats reach 2 and 3)
    net.campaign(3);
    assert.equal(net.node(3).role, StateRole.Leader);
  });

  test('a stuck candidate with a higher term is freed: the leader learns the term and steps down', () => {
    const net = Network.create([1, 2, 3], { checkQuorum: true, electionTick: 10 });
    net.campaign(1);
    net.isolate(1);
    net.tick(3, 25);
    assert.equal(net.node(3).role, StateRole.Candidate);
    net.recover();
    net.tickAll(40);
    const l = net.leader();
    assert.notEqual(l, 0);
    const t = net.node(l).term;
    for (const n of net.nodes.values()) assert.equal(n.term, t);
  });
});

describe('overwriting uncommitted entries', () => {
  test('a new leader overwrites an uncommitted entry that has a higher term', () => {
    const net = new Network();
    const mk = (es: Entry[], term: number, vote: number) => {
      const s = new MemoryStorage();
      s.append(es);
      s.setHardState({ term, vote, commit: 0 });
      s.setConfState({ voters: [1, 2, 3, 4, 5], learners: [] });
      return s;
    };
    net.addNode(1, mk([ent(1, 1)], 1, 0)); // won term 1
    net.addNode(2, mk([ent(1, 1)], 1, 0)); // got term 1's entry
    net.addNode(3, mk([ent(1, 2)], 2, 3)); // won term 2, entry not replicated
    net.addNode(4, mk([], 2, 3)); // voted in term 2, got nothing
    net.addNode(5, mk([], 2, 3));
    net.campaign(1); // term 2: 4 and 5 already voted
    assert.equal(net.node(1).role, StateRole.Follower);
    assert.equal(net.node(1).term, 2);
    net.campaign(1); // term 3: 1, 2, 4, 5 vote for 1 (3's log is newer, it refuses)
    assert.equal(net.leader(), 1);
    for (const n of net.nodes.values()) {
      assert.deepEqual(
        terms(n.entries()),
        [
          [1, 1],
          [2, 3],
        ],
        `node ${n.id}`,
      );
      assert.equal(n.term, 3);
    }
  });
});
