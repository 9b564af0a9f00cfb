// Unit tests of MANAGER STATUS reachability: the leader's first-hand view, a follower showing the
// leader's answer, and `unknown` when there is no leader or the answer is not for the current leader.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@clusterctl/common';
import {
  leaderReport,
  reachabilityOf,
  reportApplies,
  type LeaderReport,
  type ReachabilityFacts,
} from './manager-reachability.js';

function facts(over: Partial<ReachabilityFacts>): ReachabilityFacts {
  return {
    selfRaftId: 1,
    leaderRaftId: 1,
    term: 5,
    isLeader: true,
    members: new Set([1, 2, 3]),
    reachableFromLeader: (id) => id === 2,
    peerConnected: () => false,
    ...over,
  };
}

const report = (
  leaderRaftId: number,
  term: number,
  entries: Array<[number, 'reachable' | 'unreachable']>,
): LeaderReport => ({ leaderRaftId, term, managers: new Map(entries) });

describe('reachabilityOf', () => {
  test('the leader: itself reachable, peers by its raft progress / streams', () => {
    const f = facts({});
    assert.deepEqual(
      [1, 2, 3].map((id) => reachabilityOf(f, id)),
      ['reachable', 'reachable', 'unreachable'],
    );
  });

  test('a raft id that is not a member is unknown (a node promoted but not joined yet)', () => {
    assert.equal(reachabilityOf(facts({}), 9), 'unknown');
    assert.equal(
      reachabilityOf(facts({ isLeader: false, selfRaftId: 2, report: report(1, 5, [[9, 'reachable']]) }), 9),
      'unknown',
    );
  });

  test("a follower shows the leader's answer, including peers it has no stream to", () => {
    const f = facts({
      selfRaftId: 2,
      isLeader: false,
      report: report(1, 5, [
        [1, 'reachable'],
        [2, 'reachable'],
        [3, 'unreachable'],
      ]),
    });
    assert.deepEqual(
      [1, 2, 3].map((id) => reachabilityOf(f, id)),
      ['reachable', 'reachable', 'unreachable'],
    );
    const healed = facts({
      selfRaftId: 2,
      isLeader: false,
      report: report(1, 5, [
        [1, 'reachable'],
        [2, 'reachable'],
        [3, 'reachable'],
      ]),
    });
    assert.equal(reachabilityOf(healed, 3), 'reachable');
  });

  test('a follower is reachable to itself whatever the report says', () => {
    const f = facts({ selfRaftId: 2, isLeader: false, report: report(1, 5, [[2, 'unreachable']]) });
    assert.equal(reachabilityOf(f, 2), 'reachable');
  });

  test('no leader: unknown for every other manager, even with a live stream or an old report', () => {
    const f = facts({
      selfRaftId: 2,
      leaderRaftId: 0,
      isLeader: false,
      peerConnected: () => true,
      report: report(1, 5, [[3, 'reachable']]),
    });
    assert.deepEqual(
      [1, 2, 3].map((id) => reachabilityOf(f, id)),
      ['unknown', 'reachable', 'unknown'],
    );
  });

  test("a report from another leader or term is not used; without one, only the follower's own streams count", () => {
    for (const stale of [
      report(3, 5, [
        [1, 'unreachable'],
        [3, 'reachable'],
      ]),
      report(1, 4, [
        [1, 'unreachable'],
        [3, 'reachable'],
      ]),
      undefined,
    ]) {
      const f = facts({ selfRaftId: 2, isLeader: false, peerConnected: (id) => id === 1, report: stale });
      assert.deepEqual(
        [1, 2, 3].map((id) => reachabilityOf(f, id)),
        ['reachable', 'reachable', 'unknown'],
        JSON.stringify(stale && [...stale.managers]),
      );
    }
  });
});

describe('reportApplies', () => {
  test('same leader and term only, and never without a leader', () => {
    assert.equal(reportApplies({ leaderRaftId: 1, term: 5 }, report(1, 5, [])), true);
    assert.equal(reportApplies({ leaderRaftId: 1, term: 6 }, report(1, 5, [])), false);
    assert.equal(reportApplies({ leaderRaftId: 2, term: 5 }, report(1, 5, [])), false);
    assert.equal(reportApplies({ leaderRaftId: 0, term: 5 }, report(0, 5, [])), false);
    assert.equal(reportApplies({ leaderRaftId: 1, term: 5 }, undefined), false);
  });
});

describe('leaderReport', () => {
  test('the leader answers with its id, term and every member (sorted)', () => {
    const r = leaderReport(facts({ members: new Set([3, 1, 2]) }));
    assert.deepEqual(r, {
      leaderRaftId: 1,
      term: 5,
      managers: [
        { raftId: 1, reachability: 'reachable' },
        { raftId: 2, reachability: 'reachable' },
        { raftId: 3, reachability: 'unreachable' },
      ],
    });
  });

  test('a follower refuses with NOT_LEADER (no second-hand answers)', () => {
    assert.throws(
      () => leaderReport(facts({ selfRaftId: 2, isLeader: false })),
      (e: { code?: string }) => e.code === ErrorCode.NotLeader,
    );
  });
});
