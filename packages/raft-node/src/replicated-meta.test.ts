import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EntryType, MessageType, message } from '@clusterctl/raft';
import { decodeMessage, encodeMessage, decodeEntry, encodeEntry, CodecError } from './codec.js';
import {
  parseReadContext,
  readContext,
  unwrapConfContext,
  unwrapProposal,
  wrapConfContext,
  wrapProposal,
} from './proposal-envelope.js';
import { ReplicatedMeta } from './replicated-meta.js';

describe('ReplicatedMeta dedup table', () => {
  test('a seq applies once; retries and out-of-order commits are handled', () => {
    const m = new ReplicatedMeta();
    assert.equal(m.checkAndRecord(7, 2, 1, 10), false);
    assert.equal(m.checkAndRecord(7, 1, 1, 11), false); // older seq committed later: still applies
    assert.equal(m.checkAndRecord(7, 2, 1, 12), true); // retry of seq 2
    assert.equal(m.checkAndRecord(8, 2, 1, 13), false); // another proposer's seq 2 is distinct
  });

  test('minPending settles older seqs: a late copy of an abandoned proposal does not apply', () => {
    const m = new ReplicatedMeta();
    assert.equal(m.checkAndRecord(7, 5, 3, 10), false);
    assert.equal(m.checkAndRecord(7, 9, 9, 11), false); // proposer no longer waits on anything < 9
    assert.equal(m.checkAndRecord(7, 4, 3, 12), true); // seq 4 was given up (timed out)
    assert.equal(m.wasApplied(7, 5), true);
  });

  test('idle proposers are pruned; snapshot encoding round-trips members, dedup and app data', () => {
    const m = new ReplicatedMeta();
    m.checkAndRecord(1, 1, 1, 10);
    m.checkAndRecord(2, 1, 1, 500);
    m.members.set(3, { id: 3, learner: true, context: Buffer.from('addr-3') });
    m.prune(1000, 600);
    assert.equal(m.proposerCount, 1);
    const blob = m.encode(Buffer.from('app-state'));
    const r = new ReplicatedMeta();
    assert.equal(Buffer.from(r.restore(blob)).toString(), 'app-state');
    assert.equal(r.checkAndRecord(2, 1, 1, 1001), true);
    assert.deepEqual(r.members.get(3), { id: 3, learner: true, context: new Uint8Array(Buffer.from('addr-3')) });
    assert.throws(() => r.restore(blob.subarray(0, blob.length - 3)), CodecError);
  });

  test('reconcileMembers follows the ConfState', () => {
    const m = new ReplicatedMeta();
    m.members.set(1, { id: 1, learner: false, context: Buffer.from('a') });
    m.members.set(2, { id: 2, learner: true, context: Buffer.from('b') });
    m.reconcileMembers({ voters: [2, 4], learners: [] });
    assert.deepEqual([...m.members.keys()].sort(), [2, 4]);
    assert.equal(m.members.get(2)!.learner, false);
  });
});

describe('codec and envelopes', () => {
  test('messages round-trip, with entries and a snapshot', () => {
    const m = message({
      type: MessageType.App,
      to: 2,
      from: 1,
      term: 2 ** 40,
      logTerm: 3,
      index: 2 ** 53 - 1,
      commit: 9,
      reject: true,
      rejectHint: 4,
      context: Buffer.from('ctx'),
      entries: [{ index: 5, term: 3, type: EntryType.ConfChange, data: Buffer.from('cc') }],
      snapshot: {
        metadata: { index: 4, term: 2, confState: { voters: [1, 2], learners: [3] } },
        data: Buffer.from('s'),
      },
    });
    const d = decodeMessage(encodeMessage(m));
    assert.deepEqual(
      {
        ...d,
        context: Buffer.from(d.context),
        entries: d.entries.map((e) => ({ ...e, data: Buffer.from(e.data) })),
        snapshot: { ...d.snapshot!, data: Buffer.from(d.snapshot!.data) },
      },
      {
        ...m,
        context: Buffer.from('ctx'),
        entries: [{ index: 5, term: 3, type: EntryType.ConfChange, data: Buffer.from('cc') }],
        snapshot: { ...m.snapshot!, data: Buffer.from('s') },
      },
    );
    const plain = decodeMessage(encodeMessage(message({ type: MessageType.Heartbeat, to: 1, from: 2 })));
    assert.equal(plain.snapshot, undefined);
    assert.throws(() => decodeMessage(encodeMessage(m).subarray(0, 20)), CodecError);
  });

  test('entries round-trip and reject garbage', () => {
    const e = { index: 12, term: 3, type: EntryType.Normal, data: Buffer.from('hello') };
    const d = decodeEntry(encodeEntry(e));
    assert.deepEqual({ ...d, data: Buffer.from(d.data) }, e);
    assert.throws(() => decodeEntry(Buffer.from('xx')), CodecError);
  });

  test('proposal, conf and read envelopes', () => {
    const id = { proposerId: 2 ** 47 - 1, seq: 42, minPending: 40 };
    const p = unwrapProposal(wrapProposal(id, Buffer.from('data')))!;
    assert.deepEqual({ ...p, payload: Buffer.from(p.payload).toString() }, { ...id, payload: 'data' });
    assert.equal(unwrapProposal(new Uint8Array(0)), undefined);
    const c = unwrapConfContext(wrapConfContext(id, Buffer.from('addr')));
    assert.equal(Buffer.from(c.payload).toString(), 'addr');
    assert.equal(c.seq, 42);
    const raw = unwrapConfContext(Buffer.from('bootstrap-addr'));
    assert.equal(raw.proposerId, 0);
    assert.equal(Buffer.from(raw.payload).toString(), 'bootstrap-addr');
    assert.deepEqual(parseReadContext(readContext(5, 6)), { proposerId: 5, readSeq: 6 });
  });
});
