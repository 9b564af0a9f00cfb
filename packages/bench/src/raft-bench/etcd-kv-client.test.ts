import { test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import { decodePutResponseRevision, encodePutRequest } from './etcd-kv-client.js';

test('encodePutRequest writes etcdserverpb.PutRequest fields 1 (key) and 2 (value)', () => {
  const bytes = encodePutRequest(Buffer.from('ab'), Buffer.from([1, 2, 3]));
  assert.deepEqual([...bytes], [0x0a, 2, 0x61, 0x62, 0x12, 3, 1, 2, 3]);
});

test('decodePutResponseRevision reads header.revision and skips other fields', () => {
  // PutResponse { header { cluster_id=1: 7, member_id=2: 9, revision=3: 300, raft_term=4: 2 }, prev_kv=2: {...} }
  const header = protobuf.Writer.create()
    .uint32(8)
    .uint64(7)
    .uint32(16)
    .uint64(9)
    .uint32(24)
    .int64(300)
    .uint32(32)
    .uint64(2)
    .finish();
  const prev = protobuf.Writer.create().uint32(10).bytes(Buffer.from('k')).finish();
  const msg = protobuf.Writer.create().uint32(10).bytes(header).uint32(18).bytes(prev).finish();
  assert.equal(decodePutResponseRevision(Buffer.from(msg)), 300);
  assert.equal(decodePutResponseRevision(Buffer.alloc(0)), 0);
});
