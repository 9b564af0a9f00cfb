// The leader's per-follower flow control, driven message by message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bytes } from './testing/network.js';
import { commitNoop, ent, newTestRaft, take } from './testing/helpers.js';
import { MessageType, message } from './types.js';

function leader(opts: Parameters<typeof newTestRaft>[1] = {}) {
  const t = newTestRaft(1, opts);
  t.raft.becomeCandidate();
  t.raft.becomeLeader();
  commitNoop(t.raft, t.storage);
  return t;
}

const prop = (data = 'x') => message({ type: MessageType.Prop, from: 1, to: 1, entries: [ent(0, 0, bytes(data))] });

describe('leader flow control', () => {
  test('probe: at most one App per heartbeat interval until the follower answers', () => {
    const { raft: r } = leader();
    r.trk.progress.get(2)!.becomeProbe();
    r.step(prop());
    r.step(prop());
    r.step(prop());
    const apps = take(r).filter((m) => m.to === 2 && m.type === MessageType.App);
    assert.equal(apps.length, 1);
    r.step(message({ type: MessageType.HeartbeatResp, from: 2, to: 1, term: r.term }));
    assert.equal(take(r).filter((m) => m.to === 2 && m.type === MessageType.App).length, 1);
  });

  test('replicate: Apps stream until the inflight window is full, acks reopen it', () => {
    const { raft: r } = leader({ maxInflightMsgs: 3 });
    for (let i = 0; i < 5; i++) r.step(prop());
    const apps = take(r).filter((m) => m.to === 2 && m.type === MessageType.App && m.entries.length > 0);
    assert.equal(apps.length, 3);
    r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: r.term, index: apps[1]!.index + 1 }));
    const more = take(r).filter((m) => m.to === 2 && m.type === MessageType.App && m.entries.length > 0);
    assert.equal(more.length, 1, 'one slot was freed... and the rest goes in one App (no size limit)');
    assert.equal(more[0]!.entries.length, 2);
  });

  test('an unreachable follower in replicate state goes back to probe', () => {
    const { raft: r } = leader();
    assert.equal(r.trk.progress.get(2)!.state, 'replicate');
    r.step(message({ type: MessageType.Unreachable, from: 2, to: 1 }));
    assert.equal(r.trk.progress.get(2)!.state, 'probe');
  });

  test('no snapshot is sent to a follower that is not recently active', () => {
    const { raft: r, storage } = leader();
    for (let i = 0; i < 3; i++) r.step(prop());
    take(r);
    storage.append(r.raftLog.unstable.entries);
    r.raftLog.stableTo(r.raftLog.lastIndex(), r.term);
    storage.createSnapshot(4, { voters: [1, 2, 3], learners: [] }, bytes('s'));
    storage.compact(4);
    const pr = r.trk.progress.get(3)!;
    pr.becomeProbe();
    pr.match = 0;
    pr.next = 2;
    pr.recentActive = false;
    r.maybeSendAppend(3, true);
    assert.deepEqual(
      take(r).filter((m) => m.to === 3),
      [],
    );
    pr.recentActive = true;
    r.maybeSendAppend(3, true);
    const out = take(r).filter((m) => m.to === 3);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.type, MessageType.Snap);
    assert.equal(pr.state, 'snapshot');
    assert.equal(pr.pendingSnapshot, 4);
  });

  test('an AppResp claiming an index beyond the leader log is ignored', () => {
    const { raft: r } = leader();
    const before = r.trk.progress.get(2)!.match;
    r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: r.term, index: 1000 }));
    assert.equal(r.trk.progress.get(2)!.match, before);
  });

  test('heartbeats never move a follower commit past its match', () => {
    const { raft: r } = leader();
    r.step(prop());
    r.step(message({ type: MessageType.AppResp, from: 2, to: 1, term: r.term, index: r.raftLog.lastIndex() }));
    take(r);
    r.step(message({ type: MessageType.Beat, from: 1, to: 1 }));
    const hb = take(r).filter((m) => m.type === MessageType.Heartbeat);
    const commit = r.raftLog.committed;
    assert.deepEqual(
      hb.map((m) => [m.to, m.commit]),
      [
        [2, commit],
        [3, Math.min(r.trk.progress.get(3)!.match, commit)],
      ],
    );
    assert.ok(r.trk.progress.get(3)!.match < commit);
  });
});
