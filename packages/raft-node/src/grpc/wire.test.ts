import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { prng } from '@clusterctl/common/testing';
import { clusterctl } from '@clusterctl/proto';
import { message, MessageType, type Entry, type EntryType, type Message } from '@clusterctl/raft';
import { BatchDecodeError } from './batch-codec.js';
import {
  checkWireMessage,
  decodeBatch,
  decodeSnapshotChunk,
  encodeBatch,
  encodeBatchWithProtobufjs,
  encodeSnapshotChunk,
  messageFromWire,
  snapshotMetadataFromWire,
  WireError,
} from './wire.js';
import { appMessage } from '../testing/grpc-fixtures.js';

const norm = (m: Message): unknown => ({
  type: m.type,
  to: m.to,
  from: m.from,
  term: m.term,
  logTerm: m.logTerm,
  index: m.index,
  commit: m.commit,
  reject: m.reject,
  rejectHint: m.rejectHint,
  context: Buffer.from(m.context).toString('hex'),
  entries: m.entries.map((e) => ({
    term: e.term,
    index: e.index,
    type: e.type,
    data: Buffer.from(e.data).toString('hex'),
  })),
});

function randomMessage(r: () => number): Message {
  const num = (): number => {
    const k = r();
    if (k < 0.3) return 0;
    if (k < 0.6) return Math.floor(r() * 200);
    if (k < 0.8) return Math.floor(r() * 2 ** 32);
    return Math.floor(r() * Number.MAX_SAFE_INTEGER);
  };
  const bytes = (max: number): Buffer =>
    Buffer.from(Array.from({ length: Math.floor(r() * max) }, () => Math.floor(r() * 256)));
  const entries: Entry[] = Array.from({ length: r() < 0.5 ? 0 : Math.floor(r() * 20) }, () => ({
    term: num(),
    index: num(),
    type: (r() < 0.8 ? 0 : 1) as EntryType,
    data: bytes(r() < 0.9 ? 64 : 400),
  }));
  const types = [
    MessageType.Prop,
    MessageType.App,
    MessageType.AppResp,
    MessageType.Vote,
    MessageType.VoteResp,
    MessageType.PreVote,
    MessageType.PreVoteResp,
    MessageType.Heartbeat,
    MessageType.HeartbeatResp,
    MessageType.TransferLeader,
    MessageType.TimeoutNow,
    MessageType.ReadIndex,
    MessageType.ReadIndexResp,
  ];
  return message({
    type: types[Math.floor(r() * types.length)]!,
    to: num(),
    from: num(),
    term: num(),
    logTerm: num(),
    index: num(),
    commit: num(),
    reject: r() < 0.3,
    rejectHint: num(),
    context: bytes(r() < 0.7 ? 0 : 40),
    entries,
  });
}

describe('raft wire format', () => {
  test('a batch round-trips every field of the core Message', () => {
    const msgs: Message[] = [
      appMessage(1, 2, 100, 3, 50),
      message({
        type: MessageType.AppResp,
        from: 1,
        to: 2,
        term: 2 ** 40,
        index: 2 ** 52,
        reject: true,
        rejectHint: 99,
        logTerm: 7,
        commit: 5,
        context: Buffer.from('rctx'),
      }),
      message({ type: MessageType.ReadIndex, from: 1, to: 2, context: new Uint8Array([1, 2, 3]) }),
      message({ type: MessageType.Heartbeat, from: 1, to: 2, term: 9, commit: Number.MAX_SAFE_INTEGER }),
    ];
    msgs[0]!.entries[1]!.type = 1;
    const b = decodeBatch(encodeBatch({ clusterId: 'clü', from: 1, messages: msgs }));
    assert.equal(b.clusterId, 'clü');
    assert.equal(b.from, 1);
    assert.deepEqual(b.messages.map(norm), msgs.map(norm));
    assert.deepEqual(decodeBatch(encodeBatch({ clusterId: '', from: 0, messages: [] })), {
      clusterId: '',
      from: 0,
      messages: [],
    });
  });

  test('wire-compatible with the generated protobufjs code both ways (500 random batches)', () => {
    const r = prng(42);
    for (let i = 0; i < 500; i++) {
      const msgs = Array.from({ length: Math.floor(r() * 6) }, () => randomMessage(r));
      const batch = { clusterId: r() < 0.1 ? '' : `c${i}`, from: Math.floor(r() * 1000), messages: msgs };
      const ours = encodeBatch(batch);
      const theirs = clusterctl.raft.MessageBatch.decode(ours);
      assert.equal(theirs.clusterId, batch.clusterId);
      assert.equal(theirs.from, batch.from);
      assert.deepEqual(
        theirs.messages.map((m) => norm(messageFromWire(m))),
        msgs.map(norm),
        `batch ${i}: protobufjs reads ours`,
      );
      const back = decodeBatch(encodeBatchWithProtobufjs(batch));
      assert.deepEqual(back.messages.map(norm), msgs.map(norm), `batch ${i}: we read protobufjs'`);
      assert.equal(back.clusterId, batch.clusterId);
    }
  });

  test('unknown fields are skipped (forward compatibility)', () => {
    const w = clusterctl.raft.MessageBatch.encode({
      clusterId: 'c',
      from: 3,
      messages: [
        {
          type: MessageType.Heartbeat,
          to: 2,
          from: 3,
          commit: 4,
          snapshotMetadata: { index: 5, term: 1, confState: { voters: [1] } },
        },
      ],
    });
    w.uint32((99 << 3) | 2).bytes(Buffer.from('future')); // field 99 at batch level
    const b = decodeBatch(Buffer.from(w.finish()));
    assert.equal(b.messages.length, 1);
    assert.equal(b.messages[0]!.commit, 4);
  });

  test('entry data and context are decoded as views into the received buffer (no copy)', () => {
    const m0 = appMessage(1, 2, 1, 4, 1000);
    m0.context = Buffer.from('ctx');
    const buf = encodeBatch({ clusterId: 'c', from: 1, messages: [m0] });
    const m = decodeBatch(buf).messages[0]!;
    for (const e of m.entries) assert.equal(e.data.buffer, buf.buffer, 'shares the received buffer');
    assert.equal(m.context.buffer, buf.buffer);
  });

  test('truncated or corrupt input throws BatchDecodeError, never anything else', () => {
    const buf = encodeBatch({
      clusterId: 'c',
      from: 1,
      messages: [appMessage(1, 2, 1, 3, 20), message({ type: MessageType.Heartbeat, from: 1, to: 2, term: 2 ** 45 })],
    });
    let refused = 0;
    for (let n = 0; n < buf.length; n++) {
      try {
        decodeBatch(buf.subarray(0, n));
      } catch (e) {
        assert.ok(e instanceof BatchDecodeError, `prefix ${n}: ${String(e)}`);
        refused++;
      }
    }
    assert.ok(refused > buf.length / 2, `${refused} of ${buf.length} prefixes refused`);
    const r = prng(7);
    for (let i = 0; i < 300; i++) {
      const junk = Buffer.from(buf);
      for (let k = 0; k < 4; k++) junk[Math.floor(r() * junk.length)] = Math.floor(r() * 256);
      try {
        decodeBatch(junk);
      } catch (e) {
        assert.ok(e instanceof BatchDecodeError, `corrupt ${i}: ${String(e)}`);
      }
    }
    assert.throws(
      () => decodeBatch(Buffer.from([0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])),
      BatchDecodeError,
      'beyond 2^53',
    );
  });

  test('local-only and unknown message types, and unknown entry types, are refused', () => {
    for (const type of [
      MessageType.Hup,
      MessageType.Beat,
      MessageType.Unreachable,
      MessageType.SnapStatus,
      MessageType.CheckQuorum,
      99,
    ]) {
      const m = decodeBatch(
        encodeBatch({ clusterId: 'c', from: 1, messages: [message({ type: type as MessageType, from: 1, to: 2 })] }),
      ).messages[0]!;
      assert.throws(() => checkWireMessage(m), WireError, `type ${type}`);
    }
    const bad = appMessage(1, 2, 1, 1);
    bad.entries[0]!.type = 5 as EntryType;
    assert.throws(
      () => checkWireMessage(decodeBatch(encodeBatch({ clusterId: 'c', from: 1, messages: [bad] })).messages[0]!),
      WireError,
    );
    checkWireMessage(appMessage(1, 2, 1, 2));
  });

  test('snapshot chunks carry the Snap message and its metadata', () => {
    const snap = message({
      type: MessageType.Snap,
      from: 1,
      to: 2,
      term: 4,
      snapshot: {
        metadata: { index: 10, term: 3, confState: { voters: [1, 2], learners: [3] } },
        data: Buffer.alloc(4),
      },
    });
    const buf = encodeSnapshotChunk({
      clusterId: 'c',
      message: { ...snap, snapshotMetadata: snap.snapshot!.metadata },
      data: Buffer.from('abc'),
      last: true,
    });
    const c = decodeSnapshotChunk(buf);
    assert.equal(c.last, true);
    assert.equal(Buffer.from(c.data).toString(), 'abc');
    assert.equal(messageFromWire(c.message!).type, MessageType.Snap);
    assert.deepEqual(snapshotMetadataFromWire(c.message!.snapshotMetadata), {
      index: 10,
      term: 3,
      confState: { voters: [1, 2], learners: [3] },
    });
    assert.throws(() => snapshotMetadataFromWire(undefined), WireError);
  });
});
