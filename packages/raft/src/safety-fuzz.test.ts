// A small seeded randomized safety check of the core on the test network (the full simulator
// lives in sim/). Random partitions, drops, reordering, duplication, restarts, compaction,
// transfers, reads and membership changes (node 6 as learner, voter, removed); after every step: election safety, committed-entry agreement (log
// matching / state machine safety), leader completeness, monotonic commit. At the end the network
// heals and the cluster must make progress again (no stuck replication).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from './testing/network.js';
import { ConfChangeType, ProposalDroppedError, StateRole, type NodeId } from './types.js';

const SEEDS = Number(process.env.RAFT_FUZZ_SEEDS ?? 40);
const STEPS = 250;

function runSeed(
  seed: number,
  opts: { preVote: boolean; checkQuorum: boolean; shuffle: boolean },
): { terms: number; committed: number; snaps: number; maxApplied: number } {
  const ids = [1, 2, 3, 4, 5];
  const net = Network.create(ids, {
    ...opts,
    seed,
    electionTick: 8,
    heartbeatTick: 2,
    maxSizePerMsg: 200,
    maxInflightMsgs: 4,
    duplicateRate: opts.shuffle ? 0.05 : 0,
    autoReportSnapshots: true,
  });
  const rnd = () => net.random();
  const pickId = (): NodeId => ids[Math.floor(rnd() * ids.length)]!;
  const leaders = new Map<number, NodeId>(); // term -> leader
  const committed = new Map<number, string>(); // index -> term:payload
  const committedSeenInTerm = new Map<number, number>(); // index -> lowest current term of a node that applied it
  const lastCommit = new Map<NodeId, number>();
  let proposals = 0;

  const check = (step: string) => {
    for (const n of net.nodes.values()) {
      if (n.down) continue;
      const r = n.raft;
      if (r.role === StateRole.Leader) {
        const prev = leaders.get(r.term);
        assert.ok(
          prev === undefined || prev === n.id,
          `seed ${seed} ${step}: two leaders in term ${r.term}: ${prev} and ${n.id}`,
        );
        leaders.set(r.term, n.id);
        // Leader completeness: a leader of a later term than the one an entry was committed in
        // holds it (a stale leader of an older term may legitimately lack it).
        const first = r.raftLog.firstIndex();
        for (const [i, v] of committed) {
          if (r.term <= committedSeenInTerm.get(i)!) continue;
          if (i < first || i > r.raftLog.lastIndex()) {
            assert.ok(i < first, `seed ${seed} ${step}: leader ${n.id} (term ${r.term}) lacks committed index ${i}`);
            continue;
          }
          assert.equal(
            String(r.raftLog.term(i)),
            v.split(':')[0],
            `seed ${seed} ${step}: leader ${n.id} differs at committed ${i}`,
          );
        }
      }
      const c = r.raftLog.committed;
      assert.ok(c >= (lastCommit.get(n.id) ?? 0), `seed ${seed} ${step}: commit of ${n.id} went back`);
      lastCommit.set(n.id, c);
      for (const e of n.committed.splice(0)) {
        const v = `${e.term}:${Buffer.from(e.data).toString('hex')}`;
        const prev = committed.get(e.index);
        assert.ok(
          prev === undefined || prev === v,
          `seed ${seed} ${step}: node ${n.id} applied ${v} at ${e.index}, another applied ${prev}`,
        );
        committed.set(e.index, v);
        committedSeenInTerm.set(e.index, Math.min(committedSeenInTerm.get(e.index) ?? Infinity, r.term));
      }
    }
    // State machine safety: applied payload sequences are prefixes of one another.
    const seqs = [...net.nodes.values()].map((n) => n.applied);
    const longest = seqs.reduce((a, b) => (b.length > a.length ? b : a));
    for (const sq of seqs)
      assert.deepEqual(sq, longest.slice(0, sq.length), `seed ${seed} ${step}: diverging state machines`);
  };

  for (let s = 0; s < STEPS; s++) {
    const x = rnd();
    let what = '';
    try {
      if (x < 0.45) {
        what = 'tick';
        net.tickAll(1);
      } else if (x < 0.65) {
        const id = pickId();
        what = `propose@${id}`;
        if (!net.node(id).down) net.propose(id, `p${seed}-${proposals++}`);
      } else if (x < 0.7) {
        what = 'partition';
        net.recover();
        const a = pickId();
        const b = pickId();
        if (rnd() < 0.5) net.isolate(a);
        else if (a !== b) net.cut(a, b);
      } else if (x < 0.76) {
        what = 'heal';
        net.recover();
      } else if (x < 0.8) {
        what = 'lossy';
        net.drop(pickId(), pickId(), 0.5);
      } else if (x < 0.84) {
        const id = pickId();
        what = `crash@${id}`;
        const n = net.node(id);
        if (n.down) net.start(id);
        else if ([...net.nodes.values()].filter((m) => m.down).length < 2) net.stop(id);
      } else if (x < 0.88) {
        const id = pickId();
        what = `compact@${id}`;
        const n = net.node(id);
        if (!n.down && n.appliedIndex > n.storage.snapshot().metadata.index && n.appliedIndex <= n.storage.lastIndex())
          n.compact();
      } else if (x < 0.91) {
        const l = net.leader();
        what = `transfer@${l}`;
        if (l !== 0) net.transferLeader(l, pickId());
      } else if (x < 0.94) {
        const id = pickId();
        what = `read@${id}`;
        if (!net.node(id).down) net.readIndex(id, `r${s}`);
      } else if (x < 0.97) {
        const l = net.leader();
        what = `member-churn@${l}`;
        // Add or remove learner 6, one change at a time.
        // Node 6 cycles: absent -> learner -> voter -> removed -> ... one change at a time.
        if (l !== 0) {
          if (!net.nodes.has(6)) net.addNode(6);
          const cs = net.node(l).confState;
          const type = cs.voters.includes(6)
            ? ConfChangeType.RemoveNode
            : cs.learners.includes(6)
              ? ConfChangeType.AddNode
              : ConfChangeType.AddLearner;
          net.proposeConfChange(l, { type, nodeId: 6 });
        }
      } else {
        const id = pickId();
        what = `campaign@${id}`;
        if (!net.node(id).down) net.campaign(id);
      }
    } catch (e) {
      if (!(e instanceof ProposalDroppedError))
        throw new Error(`seed ${seed} step ${s} (${what}): ${(e as Error).stack}`);
    }
    check(`step ${s} (${what})`);
  }

  // Heal everything: the cluster must elect a leader and commit a new entry on every voter.
  net.recover();
  for (const id of ids) if (net.node(id).down) net.start(id);
  let done = false;
  for (let round = 0; round < 200 && !done; round++) {
    net.tickAll(1);
    const l = net.leader();
    if (l === 0) continue;
    try {
      net.propose(l, `final-${seed}`);
    } catch (e) {
      if (e instanceof ProposalDroppedError) continue;
      throw e;
    }
    net.tickAll(6);
    done = ids.every((id) => net.node(id).applied.includes(`final-${seed}`));
  }
  check('final');
  if (!done && process.env.RAFT_FUZZ_DEBUG) {
    for (const n of net.nodes.values()) {
      const st = n.raw.status();
      process.stderr.write(
        `${n.id} down=${n.down} role=${st.softState.role} lead=${st.softState.lead} term=${st.hardState.term} vote=${st.hardState.vote} commit=${st.hardState.commit} applied=${st.applied} last=${n.lastIndex()} conf=${JSON.stringify(st.confState)} elapsed=${n.raft.electionElapsed}/${n.raft.randomizedElectionTimeout} unappliedCC=${n.raft.hasUnappliedConfChanges()} prog=${JSON.stringify([...st.progress])}\n`,
      );
    }
  }
  assert.ok(done, `seed ${seed}: cluster did not make progress after healing`);
  const snaps = [...net.nodes.values()].reduce((a, n) => a + n.snapshotsRestored, 0);
  return {
    terms: leaders.size,
    committed: committed.size,
    snaps,
    maxApplied: Math.max(...[...net.nodes.values()].map((n) => n.applied.length)),
  };
}

describe('randomized safety (seeded)', () => {
  for (const [name, opts] of [
    ['PreVote + CheckQuorum, FIFO', { preVote: true, checkQuorum: true, shuffle: false }],
    ['PreVote + CheckQuorum, reordered + duplicated', { preVote: true, checkQuorum: true, shuffle: true }],
    ['plain Raft, reordered + duplicated', { preVote: false, checkQuorum: false, shuffle: true }],
    ['CheckQuorum only, reordered + duplicated', { preVote: false, checkQuorum: true, shuffle: true }],
    ['PreVote only, FIFO', { preVote: true, checkQuorum: false, shuffle: false }],
  ] as const) {
    test(`${name}: ${SEEDS} seeds x ${STEPS} steps`, () => {
      const total = { terms: 0, committed: 0, snaps: 0, maxApplied: 0 };
      for (let seed = 1; seed <= SEEDS; seed++) {
        const st = runSeed(seed, opts);
        total.terms += st.terms;
        total.committed += st.committed;
        total.snaps += st.snaps;
        total.maxApplied += st.maxApplied;
      }
      // The run must actually exercise elections, commits and snapshots.
      assert.ok(total.terms > SEEDS * 3, `leaders elected: ${total.terms}`);
      assert.ok(total.snaps > 0, 'some snapshots were installed');
      assert.ok(total.maxApplied > SEEDS * 10, `applied: ${total.maxApplied}`);
      if (process.env.RAFT_FUZZ_STATS) process.stderr.write(`${name}: ${JSON.stringify(total)}\n`);
    });
  }
});
