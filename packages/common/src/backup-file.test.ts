import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ClusterError, ErrorCode } from './errors.js';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, decodeBackup, encodeBackup } from './backup-file.js';

const state = new Uint8Array(Buffer.from('store snapshot bytes: services, secrets, nodes '.repeat(6)));
const input = {
  clusterId: 'c0ffee1234',
  raftIndex: 4242,
  raftTerm: 7,
  createdAtMs: Date.UTC(2026, 11, 7, 12, 0, 0),
  state,
};

function isCorrupt(e: unknown): boolean {
  return e instanceof ClusterError && e.code === ErrorCode.Corrupt && e.hint !== '';
}

describe('backup file format', () => {
  test('round trip: header fields and state come back as written', () => {
    const bytes = encodeBackup(input);
    assert.ok(Buffer.from(bytes.subarray(0, BACKUP_MAGIC.length)).equals(BACKUP_MAGIC));
    const b = decodeBackup(bytes);
    assert.deepEqual(b.header, {
      formatVersion: BACKUP_FORMAT_VERSION,
      clusterId: 'c0ffee1234',
      raftIndex: 4242,
      raftTerm: 7,
      createdAt: '2026-12-07T12:00:00.000Z',
      stateBytes: state.length,
      stateSha256: createHash('sha256').update(state).digest('hex'),
    });
    assert.deepEqual(Buffer.from(b.state), Buffer.from(state));
  });

  test('an empty state round-trips too', () => {
    const b = decodeBackup(encodeBackup({ ...input, state: new Uint8Array(0) }));
    assert.equal(b.state.length, 0);
  });

  test('every single flipped byte (each bit pattern 0x01, 0x80, 0xff) is refused with CORRUPT', () => {
    const bytes = encodeBackup(input);
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const bad = Uint8Array.from(bytes);
        bad[i]! ^= mask;
        assert.throws(
          () => decodeBackup(bad, 'backup.ccb'),
          (e: unknown) => isCorrupt(e) && (e as Error).message.startsWith('backup.ccb'),
          `byte ${i} ^ ${mask}`,
        );
      }
    }
  });

  test('every truncation, and extra bytes appended, are refused with CORRUPT', () => {
    const bytes = encodeBackup(input);
    for (let n = 0; n < bytes.length; n++)
      assert.throws(() => decodeBackup(bytes.subarray(0, n)), isCorrupt, `cut to ${n} bytes`);
    assert.throws(() => decodeBackup(Buffer.concat([bytes, Buffer.from([0])])), isCorrupt);
  });

  test('a file that is not a backup is refused with CORRUPT', () => {
    assert.throws(() => decodeBackup(Buffer.from('{"services": []}\n'.repeat(10))), isCorrupt);
  });

  test('a well-formed file of another format version is FAILED_PRECONDITION naming the versions', () => {
    const bytes = Buffer.from(encodeBackup(input));
    const headerLen = bytes.readUInt32BE(BACKUP_MAGIC.length);
    const start = BACKUP_MAGIC.length + 4;
    const header = JSON.parse(bytes.subarray(start, start + headerLen).toString()) as Record<string, unknown>;
    const json = Buffer.from(JSON.stringify({ ...header, formatVersion: 2 }));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(json.length);
    const body = Buffer.concat([BACKUP_MAGIC, len, json, Buffer.from(state)]);
    const file = Buffer.concat([body, createHash('sha256').update(body).digest()]);
    assert.throws(
      () => decodeBackup(file),
      (e: unknown) =>
        e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition && /format 2/.test(e.message),
    );
  });
});
