// Encryption at rest of what the raft log writes: every value of every LevelDB record (log entries,
// snapshots, raft metadata), and so every write-ahead record (a batch of those same values).
//
// AES-256-GCM under the manager's data encryption key (DEK), a fresh random 96-bit nonce per
// record, and the record's key as additional authenticated data: a log entry's key is its index,
// so an entry moved to another index (or a snapshot put in place of an entry) fails to open.
//
// Sealed value: [u8 version = 1][12-byte nonce][16-byte tag][ciphertext].

import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { readU64 } from '../codec.js';

/** Bytes of a data encryption key. */
export const DEK_BYTES = 32;
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;
/** Nonces are drawn from the system CSPRNG this many at a time (one call per record cost ~4x a seal). */
const NONCES_PER_DRAW = 1024;
/** Domain separation: these records, not any other use of the same key. */
const AAD_PREFIX = Buffer.from('clusterctl/raft-record/1\0');

/** Bytes a sealed value of `plainBytes` takes. */
export function sealedBytes(plainBytes: number): number {
  return HEADER_BYTES + plainBytes;
}

/** Thrown when a stored record does not open: tampered with, moved, or sealed under another key. */
export class RecordAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordAuthError';
  }
}

/** Seals and opens raft log records under one data encryption key. */
export class RecordCipher {
  private readonly dek: KeyObject;
  private nonces = Buffer.alloc(0);
  private nonceAt = 0;

  constructor(dek: Uint8Array) {
    if (dek.length !== DEK_BYTES)
      throw new ClusterError(
        ErrorCode.InvalidArgument,
        `a data encryption key has ${DEK_BYTES} bytes, not ${dek.length}`,
      );
    this.dek = createSecretKey(Buffer.from(dek));
  }

  /** A fresh random nonce, written at out[at]. */
  private nonceInto(out: Buffer, at: number): Buffer {
    if (this.nonceAt + NONCE_BYTES > this.nonces.length) {
      this.nonces = randomBytes(NONCE_BYTES * NONCES_PER_DRAW);
      this.nonceAt = 0;
    }
    const nonce = this.nonces.subarray(this.nonceAt, this.nonceAt + NONCE_BYTES);
    this.nonceAt += NONCE_BYTES;
    nonce.copy(out, at);
    return nonce;
  }

  /** A new random data encryption key. */
  static generateKey(): Buffer {
    return randomBytes(DEK_BYTES);
  }

  /** `value` encrypted and authenticated together with `key` (the record's LevelDB key). */
  seal(key: Uint8Array, value: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(HEADER_BYTES + value.length);
    out[0] = VERSION;
    const nonce = this.nonceInto(out, 1);
    const c = createCipheriv('aes-256-gcm', this.dek, nonce, { authTagLength: TAG_BYTES });
    c.setAAD(aad(key));
    const body = c.update(value);
    body.copy(out, HEADER_BYTES);
    // GCM is a stream mode: update() returns every byte, final() none.
    c.final();
    c.getAuthTag().copy(out, 1 + NONCE_BYTES);
    return out;
  }

  /** The plaintext of a sealed value stored under `key`; RecordAuthError if it does not authenticate. */
  open(key: Uint8Array, sealed: Uint8Array): Buffer {
    const s = Buffer.isBuffer(sealed) ? sealed : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (s.length < HEADER_BYTES || s[0] !== VERSION)
      throw new RecordAuthError(`record ${describeKey(key)} is not an encrypted record`);
    const d = createDecipheriv('aes-256-gcm', this.dek, s.subarray(1, 1 + NONCE_BYTES), { authTagLength: TAG_BYTES });
    d.setAAD(aad(key));
    d.setAuthTag(s.subarray(1 + NONCE_BYTES, HEADER_BYTES));
    const body = d.update(s.subarray(HEADER_BYTES));
    try {
      d.final();
    } catch {
      throw new RecordAuthError(
        `record ${describeKey(key)} does not authenticate (damaged, moved, or sealed under another data key)`,
      );
    }
    return body;
  }
}

function aad(key: Uint8Array): Buffer {
  return Buffer.concat([AAD_PREFIX, key]);
}

function describeKey(key: Uint8Array): string {
  const k = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  if (k.length === 12 && k.subarray(0, 4).toString('latin1') === 'log/') return `log entry ${readU64(k, 4)}`;
  return /^[\x20-\x7e]*$/.test(k.toString('latin1')) ? k.toString('latin1') : k.toString('hex');
}
