import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { message, MessageType, type EntryType, type Message } from '@clusterctl/raft';
import { decodeBatch, decodeSnapshotChunk, encodeBatch, encodeSnapshotChunk, messageFromWire, snapshotMetadataFromWire, WireError } from './wire.js';
import { appMessage } from './testing.js';

describe('raft wire format', () => {
  test('a batch round-trips every field of the core Message', () => {
    const msgs: Message[] = [
      appMessage(1, 2, 100, 3, 50),
      message({ type: MessageType.AppResp, from: 1, to: 2, term: 2 ** 40, index: 2 ** 52, reject: true, rejectHint: 99, logTerm: 7, commit: 5, context: Buffer.from('rctx') }),
      message({ type: MessageType.ReadIndex, from: 1, to: 2, context: new Uint8Array([1, 2, 3]) }),
      message({ type: MessageType.Heartbeat, from: 1, to: 2, term: 9, commit: 8 }),
    ];
    msgs[0]!.entries[1]!.type = 1;
    const buf = encodeBatch({ clusterId: 'c', from: 1, messages: msgs });
    const b = decodeBatch(buf);
    assert.equal(b.clusterId, 'c');
    assert.equal(b.from, 1);
    const back = b.messages.map(messageFromWire);
    const norm = (m: Message): unknown => ({ ...m, context: Buffer.from(m.context).toString('hex'), entries: m.entries.map((e) => ({ ...e, data: Buffer.from(e.data).toString('hex') })) });
    assert.deepEqual(back.map(norm), msgs.map(norm));
  });

  test('entry data is decoded as views into the received buffer (no copy)', () => {
    const buf = encodeBatch({ clusterId: 'c', from: 1, messages: [appMessage(1, 2, 1, 4, 1000)] });
    const m = messageFromWire(decodeBatch(buf).messages[0]!);
    for (const e of m.entries) assert.equal(e.data.buffer, buf.buffer, 'shares the received buffer');
  });

  test('local-only and unknown message types are refused', () => {
    for (const type of [MessageType.Hup, MessageType.Beat, MessageType.Unreachable, MessageType.SnapStatus, MessageType.CheckQuorum, 99]) {
      const buf = encodeBatch({ clusterId: 'c', from: 1, messages: [message({ type: type as MessageType, from: 1, to: 2 })] });
      assert.throws(() => messageFromWire(decodeBatch(buf).messages[0]!), WireError, `type ${type}`);
    }
    const bad = appMessage(1, 2, 1, 1);
    bad.entries[0]!.type = 5 as EntryType;
    assert.throws(() => messageFromWire(decodeBatch(encodeBatch({ clusterId: 'c', from: 1, messages: [bad] })).messages[0]!), WireError);
  });

  test('snapshot chunks carry the Snap message and its metadata', () => {
    const snap = message({ type: MessageType.Snap, from: 1, to: 2, term: 4, snapshot: { metadata: { index: 10, term: 3, confState: { voters: [1, 2], learners: [3] } }, data: Buffer.alloc(4) } });
    const buf = encodeSnapshotChunk({ clusterId: 'c', message: { ...snap, snapshotMetadata: snap.snapshot!.metadata }, data: Buffer.from('abc'), last: true });
    const c = decodeSnapshotChunk(buf);
    assert.equal(c.last, true);
    assert.equal(Buffer.from(c.data).toString(), 'abc');
    assert.equal(messageFromWire(c.message!).type, MessageType.Snap);
    assert.deepEqual(snapshotMetadataFromWire(c.message!.snapshotMetadata), { index: 10, term: 3, confState: { voters: [1, 2], learners: [3] } });
    assert.throws(() => snapshotMetadataFromWire(undefined), WireError);
  });
});
