// RawNode's Ready/advance contract, restart from storage, and the small building blocks
// (MemoryStorage, Inflights, Progress).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RawNode } from './raw-node.js';
import { MemoryStorage, SnapshotOutOfDateError } from './memory-storage.js';
import { Inflights } from './inflights.js';
import { Progress } from './progress.js';
import { bytes } from './testing/network.js';
import { ent, entsWithTerms, newTestRaft } from './testing/helpers.js';
import {
  CompactedError,
  EMPTY,
  MessageType,
  StateRole,
  UnavailableError,
  entrySize,
  message,
  type Config,
  type Entry,
} from './types.js';

const idx = (es: Entry[]) => es.map((e) => e.index);

function single(storage = MemoryStorage.bootstrap([1]), extra: Partial<Config> = {}): RawNode {
  return new RawNode({
    id: 1,
    storage,
    applied: storage.initialState().hardState.commit,
    electionTick: 10,
    heartbeatTick: 1,
    maxSizePerMsg: 0,
    maxInflightMsgs: 16,
    maxUncommittedEntriesSize: 0,
    preVote: true,
    checkQuorum: true,
    random: () => 0,
    ...extra,
  });
}

/** Persists and applies a Ready the way a driver does, then advances. */
function cycle(raw: RawNode, storage: MemoryStorage) {
  const rd = raw.ready();
  if (rd.snapshot) storage.applySnapshot(rd.snapshot);
  storage.append(rd.entries);
  if (rd.hardState) storage.setHardState(rd.hardState);
  raw.advance(rd);
  return rd;
}

describe('Ready / advance', () => {
  test('a freshly bootstrapped node (applied = n) has nothing to report', () => {
    const raw = single();
    assert.equal(raw.hasReady(), false);
  });

  test('becoming leader of a single-node cluster: soft and hard state, the empty entry, committed, mustSync', () => {
    const s = MemoryStorage.bootstrap([1]);
    const raw = single(s);
    raw.campaign();
    assert.equal(raw.hasReady(), true);
    const rd = cycle(raw, s);
    assert.deepEqual(rd.softState, { lead: 1, role: StateRole.Leader });
    assert.deepEqual(rd.hardState, { term: 2, vote: 1, commit: 2 });
    assert.deepEqual(idx(rd.entries), [2]);
    assert.deepEqual(idx(rd.committedEntries), [2]);
    assert.equal(rd.mustSync, true);
    assert.deepEqual(rd.messages, []);
    assert.equal(raw.hasReady(), false);
    assert.equal(raw.status().applied, 2);
  });

  test('soft state and hard state are reported only when they change', () => {
    const s = MemoryStorage.bootstrap([1]);
    const raw = single(s);
    raw.campaign();
    cycle(raw, s);
    raw.propose(bytes('a'));
    const rd = cycle(raw, s);
    assert.equal(rd.softState, undefined);
    assert.deepEqual(rd.hardState, { term: 2, vote: 1, commit: 3 });
    assert.deepEqual(idx(rd.entries), [3]);
    assert.deepEqual(idx(rd.committedEntries), [3]);
  });

  test('a commit-only change does not need an fsync', () => {
    const { raw, storage } = newTestRaft(2, { term: 2, entries: entsWithTerms(1, 2), commit: 1 });
    raw.ready();
    raw.step(message({ type: MessageType.Heartbeat, from: 1, to: 2, term: 2, commit: 2 }));
    const rd = cycle(raw, storage);
    assert.deepEqual(rd.hardState, { term: 2, vote: 0, commit: 2 });
    assert.equal(rd.mustSync, false);
    assert.deepEqual(idx(rd.committedEntries), [2]);
    assert.equal(rd.messages[0]!.type, MessageType.HeartbeatResp);
  });

  test('a vote must be synced before the answer is sent', () => {
    const { raw, storage } = newTestRaft(2, { term: 1 });
    raw.ready();
    raw.step(message({ type: MessageType.Vote, from: 1, to: 2, term: 2, index: 0, logTerm: 0 }));
    const rd = cycle(raw, storage);
    assert.deepEqual(rd.hardState, { term: 2, vote: 1, commit: 0 });
    assert.equal(rd.mustSync, true);
    assert.equal(rd.messages[0]!.type, MessageType.VoteResp);
  });

  test('entries handed out in a Ready are not handed out again before advance', () => {
    const s = MemoryStorage.bootstrap([1]);
    const raw = single(s);
    raw.campaign();
    const rd1 = raw.ready();
    assert.deepEqual(idx(rd1.entries), [2]);
    assert.equal(raw.hasReady(), false);
    s.append(rd1.entries);
    raw.advance(rd1);
    assert.equal(raw.hasReady(), false);
  });

  test('maxCommittedSizePerReady splits committed entries across Readys', () => {
    const s = MemoryStorage.bootstrap([1]);
    const data = new Uint8Array(100);
    const raw = single(s, { maxCommittedSizePerReady: entrySize(ent(0, 0, data)) * 2 });
    raw.campaign();
    cycle(raw, s);
    // Make 5 entries committed but not yet applied, then restart with the limit.
    for (let i = 0; i < 5; i++) raw.propose(data);
    const rd = raw.ready();
    s.append(rd.entries);
    s.setHardState(rd.hardState!);
    const restarted = single(s, { applied: 2, maxCommittedSizePerReady: entrySize(ent(0, 0, data)) * 2 });
    const got: number[][] = [];
    while (restarted.hasReady()) got.push(idx(cycle(restarted, s).committedEntries));
    assert.deepEqual(got, [[3, 4], [5, 6], [7]]);
  });

  test('restart: term, vote and commit come from storage; entries after applied are handed out again', () => {
    const s = new MemoryStorage();
    s.append(entsWithTerms(1, 1, 2, 2));
    s.setHardState({ term: 3, vote: 2, commit: 3 });
    s.setConfState({ voters: [1, 2, 3], learners: [] });
    const raw = new RawNode({
      id: 1,
      storage: s,
      applied: 1,
      electionTick: 10,
      heartbeatTick: 1,
      maxSizePerMsg: 0,
      maxInflightMsgs: 8,
      maxUncommittedEntriesSize: 0,
      preVote: false,
      checkQuorum: false,
      random: () => 0,
    });
    const st = raw.status();
    assert.deepEqual(st.hardState, { term: 3, vote: 2, commit: 3 });
    assert.equal(st.applied, 1);
    const rd = raw.ready();
    assert.deepEqual(idx(rd.committedEntries), [2, 3]);
    assert.deepEqual(rd.entries, []);
  });

  test('restart with applied ahead of the persisted commit (commit is not fsynced): commit is raised', () => {
    const s = new MemoryStorage();
    s.append(entsWithTerms(1, 1, 2, 2));
    s.setHardState({ term: 2, vote: 0, commit: 1 });
    s.setConfState({ voters: [1, 2, 3], learners: [] });
    const { raw } = newTestRaft(1, { storage: s, applied: 3 });
    assert.deepEqual(raw.status().hardState, { term: 2, vote: 0, commit: 3 });
    assert.deepEqual(raw.ready().committedEntries, []);
    assert.throws(() => newTestRaft(1, { storage: s, applied: 5 }), /out of range/);
  });

  test('status shows progress only on the leader', () => {
    const { raw, raft } = newTestRaft(1);
    assert.equal(raw.status().progress.size, 0);
    raft.becomeCandidate();
    raft.becomeLeader();
    const st = raw.status();
    assert.deepEqual([...st.progress.keys()].sort(), [1, 2, 3]);
    assert.equal(st.progress.get(1)!.state, 'replicate');
    assert.equal(st.progress.get(2)!.state, 'probe');
  });

  test('readIndex needs a context; local message types from the network are ignored', () => {
    const raw = single();
    assert.throws(() => raw.readIndex(EMPTY));
    raw.step(message({ type: MessageType.Hup, from: 1, to: 1, term: 5 }));
    raw.step(message({ type: MessageType.App, from: 2, to: 1, term: 0 }));
    assert.equal(raw.status().softState.role, StateRole.Follower);
    assert.equal(raw.hasReady(), false);
  });

  test('config validation', () => {
    assert.throws(() => single(undefined, { electionTick: 1, heartbeatTick: 1 }), /electionTick/);
    assert.throws(() => single(undefined, { id: 0 }), /id/);
    assert.throws(() => single(undefined, { maxInflightMsgs: 0 }), /maxInflightMsgs/);
    assert.throws(() => single(undefined, { random: () => 10 }), /random/);
  });
});

describe('MemoryStorage', () => {
  function stored(): MemoryStorage {
    const s = new MemoryStorage();
    s.append(entsWithTerms(1, 1, 2, 3, 3));
    return s;
  }
  test('term and entries bounds', () => {
    const s = stored();
    assert.equal(s.firstIndex(), 1);
    assert.equal(s.lastIndex(), 5);
    assert.equal(s.term(0), 0);
    assert.equal(s.term(5), 3);
    assert.throws(() => s.term(6), UnavailableError);
    assert.deepEqual(idx(s.entries(2, 5, Infinity)), [2, 3, 4]);
    assert.deepEqual(idx(s.entries(2, 5, 1)), [2]);
    assert.throws(() => s.entries(0, 2, Infinity), CompactedError);
  });
  test('append truncates from the first new index; a gap is an error', () => {
    const s = stored();
    s.append([ent(3, 4)]);
    assert.equal(s.lastIndex(), 3);
    assert.equal(s.term(3), 4);
    assert.throws(() => s.append([ent(5, 4)]), /missing log entry/);
  });
  test('compact keeps the term of the compaction point; old snapshots are refused', () => {
    const s = stored();
    const snap = s.createSnapshot(3, { voters: [1], learners: [] }, bytes('x'));
    assert.deepEqual([snap.metadata.index, snap.metadata.term], [3, 2]);
    s.compact(3);
    assert.equal(s.firstIndex(), 4);
    assert.equal(s.term(3), 2);
    assert.throws(() => s.term(2), CompactedError);
    assert.throws(() => s.compact(3), CompactedError);
    assert.throws(() => s.createSnapshot(2, undefined, EMPTY), SnapshotOutOfDateError);
    assert.throws(() => s.applySnapshot(snap), SnapshotOutOfDateError);
    // appending entries that were compacted away only keeps the new part
    s.append([ent(2, 1), ent(3, 2), ent(4, 3), ent(5, 3), ent(6, 3)]);
    assert.equal(s.lastIndex(), 6);
  });
  test('applySnapshot replaces the log and the membership', () => {
    const s = stored();
    s.applySnapshot({ metadata: { index: 10, term: 4, confState: { voters: [1, 2], learners: [3] } }, data: EMPTY });
    assert.equal(s.firstIndex(), 11);
    assert.equal(s.lastIndex(), 10);
    assert.equal(s.term(10), 4);
    assert.deepEqual(s.initialState().confState, { voters: [1, 2], learners: [3] });
  });
});

describe('Inflights', () => {
  test('bounded by count and bytes, freed up to an index', () => {
    const f = new Inflights(3, 250);
    f.add(1, 100);
    f.add(2, 100);
    assert.equal(f.full(), false);
    f.add(3, 100);
    assert.equal(f.full(), true);
    assert.throws(() => f.add(4, 1));
    f.freeLE(2);
    assert.equal(f.count, 1);
    assert.equal(f.bytes, 100);
    f.freeLE(10);
    assert.equal(f.count, 0);
    for (let i = 0; i < 500; i++) {
      f.add(i + 10, 1);
      f.freeLE(i + 10);
    }
    assert.equal(f.count, 0);
  });
});

describe('Progress', () => {
  test('probe: one App until answered; stale rejections are ignored', () => {
    const p = new Progress(6, 4, 0, false);
    assert.equal(p.isPaused(), false);
    p.sentEntries(1, 6, 10);
    assert.equal(p.isPaused(), true);
    assert.equal(p.maybeDecrTo(3, 2), false, 'not the index we probed');
    assert.equal(p.maybeDecrTo(5, 2), true);
    assert.equal(p.next, 3);
    assert.equal(p.isPaused(), false);
  });
  test('replicate: next advances optimistically; a rejection falls back to match+1', () => {
    const p = new Progress(1, 2, 0, false);
    p.maybeUpdate(5);
    p.becomeReplicate();
    p.sentEntries(2, 7, 10);
    assert.equal(p.next, 8);
    p.sentEntries(1, 8, 10);
    assert.equal(p.isPaused(), true);
    assert.equal(p.maybeDecrTo(4, 0), false, 'below match: stale');
    assert.equal(p.maybeDecrTo(7, 0), true);
    assert.equal(p.next, 6);
  });
  test('snapshot: paused; back to probe from max(match, pendingSnapshot) + 1', () => {
    const p = new Progress(1, 2, 0, false);
    p.becomeSnapshot(20);
    assert.equal(p.isPaused(), true);
    p.becomeProbe();
    assert.equal(p.next, 21);
    p.becomeSnapshot(20);
    p.pendingSnapshot = 0; // failure
    p.becomeProbe();
    assert.equal(p.next, 1);
  });
});
