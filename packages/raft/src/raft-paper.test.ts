// Tests written from the rules of the Raft paper, §5 (after the idea of etcd-io/raft's
// raft_paper_test.go: one test per rule, driving a single node with hand-made messages).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Network, bytes } from './testing/network.js';
import { MemoryStorage } from './memory-storage.js';
import { commitNoop, ent, entsWithTerms, newTestRaft, persist, take } from './testing/helpers.js';
import { EntryType, MessageType, NONE, StateRole, message, type Entry, type NodeId } from './types.js';

const terms = (es: Entry[]) => es.map((e) => [e.index, e.term]);

describe('§5.1 terms', () => {
  for (const role of [StateRole.Follower, StateRole.Candidate, StateRole.Leader]) {
    test(`a ${role} seeing a higher term adopts it and becomes follower`, () => {
      const { raft: r } = newTestRaft(1);
      if (role === StateRole.Follower) r.becomeFollower(1, 2);
      if (role === StateRole.Candidate) r.becomeCandidate();
      if (role === StateRole.Leader) {
        r.becomeCandidate();
        r.becomeLeader();
      }
      r.step(message({ type: MessageType.App, from: 2, to: 1, term: 2 }));
      assert.equal(r.term, 2);
      assert.equal(r.role, StateRole.Follower);
      assert.equal(r.lead, 2);
    });
  }

  test('a request with a stale term is rejected (ignored) without changing state', () => {
    const { raft: r } = newTestRaft(1, { term: 2, entries: entsWithTerms(1, 2) });
    r.step(message({ type: MessageType.App, from: 2, to: 1, term: 1, index: 2, logTerm: 2, entries: [ent(3, 1)] }));
    assert.equal(r.raftLog.lastIndex(), 2);
    assert.equal(r.term, 2);
    assert.deepEqual(take(r), []);
  });

  test('with CheckQuorum, a stale leader is told the current term', () => {
    const { raft: r } = newTestRaft(1, { term: 2, checkQuorum: true });
    r.step(message({ type: MessageType.Heartbeat, from: 2, to: 1, term: 1 }));
    const out = take(r);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.type, MessageType.AppResp);
    assert.equal(out[0]!.term, 2);
  });
});

describe('§5.2 leader election', () => {
  test('servers start as followers', () => {
    const { raft: r } = newTestRaft(1);
    assert.equal(r.role, StateRole.Follower);
  });

  test('a leader sends heartbeats every heartbeat interval, carrying min(match, commit)', () => {
    const { raft: r, storage } = newTestRaft(1, { heartbeatTick: 2 });
    r.becomeCandidate();
    r.becomeLeader();
    commitNoop(r, storage);
    take(r);
    r.tick();
    assert.deepEqual(take(r), []);
    r.tick();
    const hb = take(r);
    assert.deepEqual(
      hb.map((m) => [m.type, m.to, m.commit]),
      [
        [MessageType.Heartbeat, 2, 1],
        [MessageType.Heartbeat, 3, 1],
      ],
    );
  });

  for (const role of [StateRole.Follower, StateRole.Candidate]) {
    test(`a ${role} that hears nothing for an election timeout starts an election`, () => {
      const { raft: r } = newTestRaft(1);
      if (role === StateRole.Follower) r.becomeFollower(1, 2);
      else r.becomeCandidate();
      for (let i = 0; i < 10; i++) r.tick(); // random pinned to 0: timeout = electionTick
      assert.equal(r.term, 2);
      assert.equal(r.role, StateRole.Candidate);
      assert.equal(r.vote, 1, 'votes for itself');
      const out = take(r).filter((m) => m.type === MessageType.Vote);
      assert.deepEqual(
        out.map((m) => [m.to, m.term]),
        [
          [2, 2],
          [3, 2],
        ],
      );
    });
  }

  const elections: Array<[number, Record<number, boolean>, StateRole]> = [
    [1, {}, StateRole.Leader],
    [3, { 2: true, 3: true }, StateRole.Leader],
    [3, { 2: true }, StateRole.Leader],
    [5, { 2: true, 3: true, 4: true, 5: true }, StateRole.Leader],
    [5, { 2: true, 3: true, 4: true }, StateRole.Leader],
    [5, { 2: true, 3: true }, StateRole.Leader],
    [3, { 2: false, 3: false }, StateRole.Follower],
    [5, { 2: false, 3: false, 4: false, 5: false }, StateRole.Follower],
    [5, { 2: true, 3: false, 4: false, 5: false }, StateRole.Follower],
    [3, {}, StateRole.Candidate],
    [5, { 2: true }, StateRole.Candidate],
    [5, { 2: false, 3: false }, StateRole.Candidate],
    [5, {}, StateRole.Candidate],
  ];
  for (const [size, votes, want] of elections) {
    test(`one round: ${size} voters, votes ${JSON.stringify(votes)} -> ${want}`, () => {
      const voters = Array.from({ length: size }, (_, i) => i + 1);
      const { raft: r } = newTestRaft(1, { voters });
      r.step(message({ type: MessageType.Hup, from: 1, to: 1 }));
      for (const [id, granted] of Object.entries(votes)) {
        r.step(message({ type: MessageType.VoteResp, from: Number(id), to: 1, term: r.term, reject: !granted }));
      }
      assert.equal(r.role, want);
      assert.equal(r.term, 1);
    });
  }

  const votes: Array<[NodeId, NodeId, boolean]> = [
    [NONE, 1, false],
    [NONE, 2, false],
    [1, 1, false],
    [2, 2, false],
    [1, 2, true],
    [2, 1, true],
  ];
  for (const [vote, from, reject] of votes) {
    test(`one vote per term, first come first served (voted ${vote}, asked by ${from})`, () => {
      const { raft: r } = newTestRaft(3, { term: 1, vote });
      r.step(message({ type: MessageType.Vote, from, to: 3, term: 1 }));
      const out = take(r);
      assert.equal(out.length, 1);
      assert.equal(out[0]!.type, MessageType.VoteResp);
      assert.equal(out[0]!.reject, reject);
    });
  }

  test('a candidate receiving an App from a leader of its term becomes follower', () => {
    for (const term of [1, 2]) {
      const { raft: r } = newTestRaft(1);
      r.step(message({ type: MessageType.Hup, from: 1, to: 1 }));
      assert.equal(r.role, StateRole.Candidate);
      r.step(message({ type: MessageType.App, from: 2, to: 1, term }));
      assert.equal(r.role, StateRole.Follower);
      assert.equal(r.term, term);
      assert.equal(r.lead, 2);
    }
  });

  test('election timeouts are randomized over [electionTick, 2*electionTick)', () => {
    let k = 0;
    const { raft: r } = newTestRaft(1, { random: (n) => k++ % n });
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      r.becomeFollower(r.term + 1, NONE);
      seen.add(r.randomizedElectionTimeout);
    }
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    );
  });

  test('a follower times out exactly at its randomized timeout', () => {
    const { raft: r } = newTestRaft(1, { random: (n) => n - 1 });
    r.becomeFollower(1, NONE);
    for (let i = 0; i < 18; i++) r.tick();
    assert.equal(r.role, StateRole.Follower);
    r.tick();
    assert.equal(r.role, StateRole.Candidate);
  });
});

describe('§5.3 log replication', () => {
  test('a leader appends a proposal and sends it with the previous index/term and its commit', () => {
    const { raft: r, storage } = newTestRaft(1);
    r.becomeCandidate();
    r.becomeLeader();
    commitNoop(r, storage);
    r.step(message({ type: MessageType.Prop, from: 1, to: 1, entries: [ent(0, 0, bytes('some data'))] }));
    assert.equal(r.raftLog.lastIndex(), 2);
    const out = take(r);
    assert.deepEqual(
      out.map((m) => [m.type, m.to, m.index, m.logTerm, m.commit, terms(m.entries)]),
      [
        [MessageType.App, 2, 1, 1, 1, [[2, 1]]],
        [MessageType.App, 3, 1, 1, 1, [[2, 1]]],
      ],
    );
  });

  test('an entry is committed once a majority has it, and the commit is broadcast', () => {
    const { raft: r, storage } = newTestRaft(1);
    r.becomeCandidate();
    r.becomeLeader();
    commitNoop(r, storage);
    r.step(message({ type: MessageType.Prop, from: 1, to: 1, entries: [ent(0, 0, bytes('x'))] }));
    take(r);
    r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: 1, index: 2 }));
    assert.equal(r.raftLog.committed, 2);
    const out = take(r);
    assert.deepEqual(
      out.map((m) => [m.to, m.commit]),
      [
        [2, 2],
        [3, 2],
      ],
    );
  });

  const acks: Array<[number, NodeId[], boolean]> = [
    [1, [], true],
    [3, [], false],
    [3, [2], true],
    [3, [2, 3], true],
    [5, [], false],
    [5, [2], false],
    [5, [2, 3], true],
    [5, [2, 3, 4], true],
    [5, [2, 3, 4, 5], true],
  ];
  for (const [size, ackers, committed] of acks) {
    test(`commit needs a majority: ${size} voters, acks from ${JSON.stringify(ackers)} -> ${committed}`, () => {
      const voters = Array.from({ length: size }, (_, i) => i + 1);
      const { raft: r, storage } = newTestRaft(1, { voters });
      r.becomeCandidate();
      r.becomeLeader();
      commitNoop(r, storage);
      r.step(message({ type: MessageType.Prop, from: 1, to: 1, entries: [ent(0, 0, bytes('x'))] }));
      take(r);
      for (const id of ackers) r.step(message({ type: MessageType.AppResp, from: id, to: 1, term: 1, index: 2 }));
      assert.equal(r.raftLog.committed >= 2, committed);
    });
  }

  test('committing an entry of the current term commits all preceding entries', () => {
    const prev = entsWithTerms(1, 2);
    const { raft: r } = newTestRaft(1, { term: 2, entries: prev });
    r.becomeCandidate();
    r.becomeLeader();
    r.step(message({ type: MessageType.Prop, from: 1, to: 1, entries: [ent(0, 0, bytes('x'))] }));
    for (const id of [2, 3]) r.step(message({ type: MessageType.AppResp, from: id, to: 1, term: 3, index: 4 }));
    assert.equal(r.raftLog.committed, 4);
    assert.deepEqual(terms(r.raftLog.nextCommittedEnts()), [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 3],
    ]);
  });

  test('a follower learns the commit index from the leader and hands those entries out', () => {
    const { raft: r } = newTestRaft(1, { term: 1 });
    r.becomeFollower(1, 2);
    r.step(
      message({
        type: MessageType.App,
        from: 2,
        to: 1,
        term: 1,
        index: 0,
        logTerm: 0,
        entries: [ent(1, 1), ent(2, 1)],
        commit: 1,
      }),
    );
    assert.equal(r.raftLog.committed, 1);
    assert.deepEqual(terms(r.raftLog.nextCommittedEnts()), [[1, 1]]);
  });

  const checks: Array<[string, number, number, boolean, number, number, number]> = [
    // name, logTerm, index, reject, respIndex, hintIndex, hintTerm
    ['below commit', 0, 0, false, 1, 0, 0],
    ['matches a committed entry', 1, 1, false, 1, 0, 0],
    ['matches an uncommitted entry', 2, 2, false, 2, 0, 0],
    ['term mismatch at an existing index', 1, 2, true, 2, 1, 1],
    ['index beyond the log', 3, 3, true, 3, 2, 2],
  ];
  for (const [name, logTerm, index, reject, respIndex, hintIndex, hintTerm] of checks) {
    test(`consistency check: ${name}`, () => {
      const { raft: r } = newTestRaft(1, { term: 2, entries: entsWithTerms(1, 2), commit: 1 });
      r.becomeFollower(2, 2);
      r.step(message({ type: MessageType.App, from: 2, to: 1, term: 2, logTerm, index, commit: 1 }));
      const [resp] = take(r);
      assert.equal(resp!.type, MessageType.AppResp);
      assert.equal(resp!.reject, reject);
      assert.equal(resp!.index, respIndex);
      assert.equal(resp!.rejectHint, hintIndex);
      assert.equal(resp!.logTerm, hintTerm);
    });
  }

  const appends: Array<[number, number, Entry[], number[][]]> = [
    [
      2,
      2,
      [ent(3, 3)],
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    ],
    [
      1,
      1,
      [ent(2, 3), ent(3, 4)],
      [
        [1, 1],
        [2, 3],
        [3, 4],
      ],
    ],
    [
      0,
      0,
      [ent(1, 1)],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [0, 0, [ent(1, 3)], [[1, 3]]],
  ];
  for (const [index, logTerm, es, want] of appends) {
    test(`a follower appends new entries and deletes only conflicting ones (${index}/${logTerm} + ${JSON.stringify(terms(es))})`, () => {
      const { raft: r } = newTestRaft(1, { term: 2, entries: entsWithTerms(1, 2) });
      r.becomeFollower(2, 2);
      r.step(message({ type: MessageType.App, from: 2, to: 1, term: 2, logTerm, index, entries: es }));
      assert.deepEqual(terms(r.raftLog.allEntries()), want);
    });
  }

  // Figure 7: whatever the follower holds, the leader brings its log to match its own.
  const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
  const followers: Record<string, number[]> = {
    a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
    b: [1, 1, 1, 4],
    c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
    d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
    e: [1, 1, 1, 4, 4, 4, 4],
    f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
  };
  for (const [name, flog] of Object.entries(followers)) {
    test(`figure 7 (${name}): the leader forces the follower's log to duplicate its own`, () => {
      const net = new Network();
      const mk = (ts: number[]) => {
        const s = new MemoryStorage();
        s.append(entsWithTerms(...ts));
        s.setHardState({ term: 7, vote: 0, commit: 0 });
        s.setConfState({ voters: [1, 2, 3], learners: [] });
        return s;
      };
      net.addNode(1, mk(leaderLog));
      net.addNode(2, mk(flog));
      net.addNode(3, mk(leaderLog));
      net.campaign(1);
      assert.equal(net.leader(), 1);
      net.propose(1, 'x');
      const want = terms(net.node(1).entries());
      assert.deepEqual(terms(net.node(2).entries()), want);
      assert.equal(net.node(2).commit, net.node(1).commit);
      assert.equal(net.node(1).commit, leaderLog.length + 2);
    });
  }
});

describe('§5.4 safety', () => {
  test('a candidate asks for votes with its last log index and term', () => {
    const { raft: r } = newTestRaft(1, { entries: entsWithTerms(1, 2), term: 2 });
    r.step(message({ type: MessageType.Hup, from: 1, to: 1 }));
    const out = take(r);
    assert.deepEqual(
      out.map((m) => [m.type, m.to, m.term, m.index, m.logTerm]),
      [
        [MessageType.Vote, 2, 3, 2, 2],
        [MessageType.Vote, 3, 3, 2, 2],
      ],
    );
  });

  const voter: Array<[number[], number, number, boolean]> = [
    // our log terms, candidate lastIndex, candidate lastTerm, reject
    [[1], 1, 1, false],
    [[1], 2, 1, false],
    [[1, 1], 1, 1, true], // same last term, shorter log
    [[1], 1, 2, false], // higher last term wins even if shorter
    [[1], 2, 2, false],
    [[1], 3, 2, false],
    [[2], 1, 1, true], // lower last term
    [[2], 2, 1, true],
  ];
  for (const [ours, index, logTerm, reject] of voter) {
    test(`vote restriction: ours ${JSON.stringify(ours)} vs candidate (${index}, term ${logTerm}) -> ${reject ? 'reject' : 'grant'}`, () => {
      const { raft: r } = newTestRaft(1, { entries: entsWithTerms(...ours), term: 2 });
      r.step(message({ type: MessageType.Vote, from: 2, to: 1, term: 3, index, logTerm }));
      const [resp] = take(r);
      assert.equal(resp!.type, MessageType.VoteResp);
      assert.equal(resp!.reject, reject);
    });
  }

  for (const [ackIndex, wantCommit] of [
    [1, 0],
    [2, 0],
    [3, 3],
  ] as const) {
    test(`a leader only commits entries of its own term by counting replicas (ack ${ackIndex})`, () => {
      const { raft: r } = newTestRaft(1, { entries: entsWithTerms(1, 2), term: 2 });
      r.becomeCandidate();
      r.becomeLeader();
      take(r);
      r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: r.term, index: ackIndex }));
      assert.equal(r.raftLog.committed, wantCommit);
    });
  }

  test('leader append-only: a leader never overwrites or deletes its own entries', () => {
    const { raft: r, storage } = newTestRaft(1, { entries: entsWithTerms(1, 1), term: 1 });
    r.becomeCandidate();
    r.becomeLeader();
    persist(r, storage);
    const before = terms(r.raftLog.allEntries());
    // A lower-term App claiming a different history is ignored, and a same-term one is impossible
    // (one leader per term), so the log only grows.
    r.step(
      message({
        type: MessageType.App,
        from: 2,
        to: 1,
        term: 1,
        index: 0,
        logTerm: 0,
        entries: [ent(1, 1, bytes('other'))],
      }),
    );
    r.step(
      message({
        type: MessageType.Prop,
        from: 1,
        to: 1,
        entries: [{ ...ent(0, 0, bytes('y')), type: EntryType.Normal }],
      }),
    );
    const after = terms(r.raftLog.allEntries());
    assert.deepEqual(after.slice(0, before.length), before);
    assert.equal(after.length, before.length + 1);
  });
});
