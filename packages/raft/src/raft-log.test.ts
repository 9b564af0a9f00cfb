// Log algebra (after etcd-io/raft's log_test.go ideas): consistency check, conflicts, commit,
// the compaction boundary and the unstable -> stable handoff.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RaftLog } from './raft-log.js';
import { MemoryStorage } from './memory-storage.js';
import { ent, entsWithTerms as ents } from './testing/helpers.js';
import { CompactedError, EMPTY, UnavailableError, entrySize, type Entry } from './types.js';

function logWith(entries: Entry[]): RaftLog {
  const log = new RaftLog(new MemoryStorage());
  log.append(entries);
  return log;
}

const terms = (es: Entry[]) => es.map((e) => [e.index, e.term]);

describe('findConflict', () => {
  const prev = ents(1, 2, 3);
  const cases: Array<[string, Entry[], number]> = [
    ['no entries', [], 0],
    ['all present', ents(1, 2, 3), 0],
    ['suffix present', [ent(2, 2), ent(3, 3)], 0],
    ['last present', [ent(3, 3)], 0],
    ['present then new', [ent(1, 1), ent(2, 2), ent(3, 3), ent(4, 4), ent(5, 4)], 4],
    ['only new', [ent(4, 4), ent(5, 4)], 4],
    ['conflict at first', [ent(1, 4), ent(2, 4)], 1],
    ['conflict in the middle', [ent(2, 1), ent(3, 4), ent(4, 4)], 2],
    ['conflict at last', [ent(3, 1), ent(4, 2), ent(5, 4), ent(6, 4)], 3],
  ];
  for (const [name, input, want] of cases) {
    test(name, () => assert.equal(logWith(prev).findConflict(input), want));
  }
});

describe('maybeAppend', () => {
  const prev = ents(1, 2, 3);
  function fresh(): RaftLog {
    const l = logWith(prev);
    l.committed = 1;
    return l;
  }
  test('rejects when the term at prevIndex does not match', () => {
    const l = fresh();
    assert.equal(l.maybeAppend(3, 2, 3, [ent(4, 4)]), undefined);
    assert.equal(l.lastIndex(), 3);
    assert.equal(l.committed, 1);
  });
  test('rejects when prevIndex is beyond the log', () => {
    const l = fresh();
    assert.equal(l.maybeAppend(4, 3, 3, [ent(5, 4)]), undefined);
  });
  test('follower commit is min(leaderCommit, last new index), never decreasing', () => {
    const cases: Array<[number, Entry[], number, number]> = [
      // leaderCommit, entries, want lastNew, want commit
      [3, [], 3, 3],
      [4, [], 3, 3], // capped by the last new index (3), not the leader's 4
      [2, [], 3, 2],
      [0, [], 3, 1], // never decreases
      [3, [ent(4, 4)], 4, 3],
      [4, [ent(4, 4)], 4, 4],
      [5, [ent(4, 4)], 4, 4],
      [5, [ent(4, 4), ent(5, 4)], 5, 5],
    ];
    for (const [commit, es, wantLast, wantCommit] of cases) {
      const l = fresh();
      assert.equal(l.maybeAppend(3, 3, commit, es), wantLast);
      assert.equal(l.committed, wantCommit, `commit ${commit} entries ${es.length}`);
    }
  });
  test('commit is bounded by the last index covered by this message, not our log', () => {
    const l = fresh();
    // We hold 1..3; the leader only vouches for 1..2 here, so commit stops at 2 even if leaderCommit = 3.
    assert.equal(l.maybeAppend(1, 1, 3, [ent(2, 2)]), 2);
    assert.equal(l.committed, 2);
  });
  test('truncates from the first conflict only', () => {
    const l = fresh();
    assert.equal(l.maybeAppend(1, 1, 1, [ent(2, 4), ent(3, 4), ent(4, 4)]), 4);
    assert.deepEqual(terms(l.allEntries()), [
      [1, 1],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });
  test('a stale (reordered or duplicated) shorter App does not truncate', () => {
    const l = logWith(ents(1, 1, 1, 1, 1));
    l.committed = 1;
    assert.equal(l.maybeAppend(1, 1, 1, [ent(2, 1)]), 2);
    assert.equal(l.lastIndex(), 5);
    assert.equal(l.maybeAppend(0, 0, 1, ents(1, 1, 1)), 3);
    assert.equal(l.lastIndex(), 5);
  });
  test('a conflict at or below the commit index is a fatal error', () => {
    const l = fresh();
    l.committed = 2;
    assert.throws(() => l.maybeAppend(1, 1, 3, [ent(2, 4)]), /conflicts with committed/);
  });
});

describe('commitTo and maybeCommit', () => {
  test('commitTo never decreases and refuses indexes beyond the log', () => {
    const l = logWith(ents(1, 2, 3));
    l.commitTo(2);
    assert.equal(l.committed, 2);
    l.commitTo(1);
    assert.equal(l.committed, 2);
    assert.throws(() => l.commitTo(4), /out of range/);
  });
  test('maybeCommit only commits an entry of the given term (figure 8 rule)', () => {
    const l = logWith(ents(1, 2, 2, 3));
    assert.equal(l.maybeCommit(3, 3), false);
    assert.equal(l.committed, 0);
    assert.equal(l.maybeCommit(4, 3), true);
    assert.equal(l.committed, 4);
    assert.equal(l.maybeCommit(3, 2), false, 'never goes back');
  });
});

describe('compaction boundary', () => {
  function compacted(): RaftLog {
    const s = new MemoryStorage();
    s.append(ents(1, 1, 2, 3, 3));
    s.createSnapshot(3, { voters: [1], learners: [] }, EMPTY);
    s.compact(3);
    const l = new RaftLog(s);
    return l;
  }
  test('term is known at firstIndex-1 and not below', () => {
    const l = compacted();
    assert.equal(l.firstIndex(), 4);
    assert.equal(l.lastIndex(), 5);
    assert.equal(l.term(3), 2);
    assert.throws(() => l.term(2), CompactedError);
    assert.throws(() => l.term(6), UnavailableError);
    assert.equal(l.termOrZero(2), 0);
    assert.equal(l.matchTerm(3, 2), true);
  });
  test('starting on a compacted storage: committed and applied start at the snapshot', () => {
    const l = compacted();
    assert.equal(l.committed, 3);
    assert.equal(l.applied, 3);
  });
  test('slicing below the first index throws CompactedError', () => {
    const l = compacted();
    assert.throws(() => l.slice(3, 5, Infinity), CompactedError);
    assert.deepEqual(terms(l.slice(4, 6, Infinity)), [
      [4, 3],
      [5, 3],
    ]);
  });
  test('an append that only repeats the compacted prefix is accepted', () => {
    const l = compacted();
    assert.equal(l.maybeAppend(3, 2, 5, [ent(4, 3), ent(5, 3), ent(6, 3)]), 6);
    assert.equal(l.committed, 5);
  });
  test('restore replaces the log with a snapshot', () => {
    const l = compacted();
    l.restore({ metadata: { index: 10, term: 4, confState: { voters: [1], learners: [] } }, data: EMPTY });
    assert.equal(l.firstIndex(), 11);
    assert.equal(l.lastIndex(), 10);
    assert.equal(l.term(10), 4);
    assert.equal(l.committed, 10);
    assert.equal(l.hasNextCommittedEnts(), false, 'no committed entries while a snapshot is pending');
  });
});

describe('findConflictByTerm', () => {
  // index: 1 2 3 4 5 6 7
  // term:  1 1 2 2 4 4 5
  const l = logWith(ents(1, 1, 2, 2, 4, 4, 5));
  const cases: Array<[number, number, number, number]> = [
    [7, 5, 7, 5],
    [7, 4, 6, 4],
    [7, 3, 4, 2],
    [6, 3, 4, 2],
    [7, 1, 2, 1],
    [7, 0, 0, 0],
    [3, 2, 3, 2],
  ];
  for (const [index, term, wantIndex, wantTerm] of cases) {
    test(`(${index}, ${term}) -> (${wantIndex}, ${wantTerm})`, () => {
      assert.deepEqual(l.findConflictByTerm(index, term), [wantIndex, wantTerm]);
    });
  }
});

describe('unstable handoff', () => {
  test('entries move from unstable to stable only when persisted with the same term', () => {
    const s = new MemoryStorage();
    s.append(ents(1, 1));
    const l = new RaftLog(s);
    l.append([ent(3, 2), ent(4, 2)]);
    assert.deepEqual(terms(l.unstable.nextEntries()), [
      [3, 2],
      [4, 2],
    ]);
    l.unstable.acceptInProgress();
    assert.deepEqual(l.unstable.nextEntries(), [], 'handed out once');
    l.stableTo(4, 1); // wrong term: ignored
    assert.equal(l.unstable.entries.length, 2);
    s.append(l.unstable.entries);
    l.stableTo(4, 2);
    assert.equal(l.unstable.entries.length, 0);
    assert.equal(l.unstable.offset, 5);
    assert.deepEqual(terms(l.allEntries()), [
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
    ]);
  });
  test('a truncation inside the in-progress region hands the new entries out again', () => {
    const l = new RaftLog(new MemoryStorage());
    l.append(ents(1, 1, 1));
    l.unstable.acceptInProgress();
    l.append([ent(2, 2)]);
    assert.deepEqual(terms(l.unstable.nextEntries()), [[2, 2]]);
    l.stableTo(3, 1); // the old index 3 is gone: nothing becomes stable
    assert.equal(l.unstable.offset, 1);
  });
  test('an append that overwrites stable entries replaces them from the conflict', () => {
    const s = new MemoryStorage();
    s.append(ents(1, 1, 1));
    const l = new RaftLog(s);
    l.append([ent(2, 2)]);
    assert.equal(l.unstable.offset, 2);
    assert.deepEqual(terms(l.allEntries()), [
      [1, 1],
      [2, 2],
    ]);
    assert.equal(l.term(3 - 1), 2);
  });
  test('slices across storage and unstable honour maxSize (at least one entry)', () => {
    const s = new MemoryStorage();
    const data = new Uint8Array(100);
    s.append([ent(1, 1, data), ent(2, 1, data)]);
    const l = new RaftLog(s);
    l.append([ent(3, 1, data), ent(4, 1, data)]);
    const one = entrySize(ent(1, 1, data));
    assert.equal(l.slice(1, 5, Infinity).length, 4);
    assert.equal(l.slice(1, 5, one * 3).length, 3);
    assert.equal(l.slice(1, 5, 1).length, 1);
    assert.equal(l.slice(2, 5, one * 2).length, 2);
  });
  test('committed entries are handed out once, in chunks under maxApplyingSize', () => {
    const s = new MemoryStorage();
    const data = new Uint8Array(100);
    s.append([1, 2, 3, 4, 5].map((i) => ent(i, 1, data)));
    const l = new RaftLog(s, entrySize(ent(1, 1, data)) * 2);
    l.commitTo(5);
    const a = l.nextCommittedEnts();
    assert.deepEqual(
      a.map((e) => e.index),
      [1, 2],
    );
    l.acceptApplying(2);
    assert.deepEqual(
      l.nextCommittedEnts().map((e) => e.index),
      [3, 4],
    );
    l.acceptApplying(4);
    l.appliedTo(2);
    assert.deepEqual(
      l.nextCommittedEnts().map((e) => e.index),
      [5],
    );
    l.acceptApplying(5);
    assert.equal(l.hasNextCommittedEnts(), false);
  });
});
