// A small write-ahead file that makes the raft log's LevelDB batches durable cheaply.
//
// Why: on this disk an fdatasync after an append to a growing file (what a synced LevelDB write
// does to its log file) costs up to ~2 ms when the disk is busy, because the file size changes and
// the filesystem must commit its journal; overwriting blocks of a preallocated file stays ~0.2 ms
// (200-byte writes on ext4, load average 6-9). So every batch is appended as one record to this
// preallocated file, opened O_DSYNC (each write returns once durable, like write + fdatasync, in one
// thread-pool round trip); LevelDB receives the batches' operations only from checkpoints (the
// owner keeps them meanwhile). At open, the records of the current generation are replayed into
// LevelDB (replaying a suffix of already-applied batches is idempotent: each key ends with the value
// of its last write), written with sync, and the file starts a new generation.
//
// Layout: a 4 KiB header (two 512-byte slots of magic, generation, crc, written alternately) then
// records [u32 len][u32 crc][payload], where crc = crc32(generation u64be ++ payload). Records of
// an older generation left behind a reset fail the crc, so they end the scan, like a torn record or
// the zeroed tail.
//
// The file is never grown: when a record does not fit, the owner checkpoints (makes everything
// durable in LevelDB with one synced batch) and resets the file to a new generation.
//
// Damage a crash cannot explain (both header slots unreadable, a record that passes its crc but does
// not decode) is ClusterError CORRUPT with what the operator can do; a torn tail is not damage.

import { constants } from 'node:fs';
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { ClusterError, ErrorCode } from '@clusterctl/common';

const MAGIC = Buffer.from('CCRAFTW1');
export const WAL_HEADER_BYTES = 4096;
const RECORD_HEADER_BYTES = 8;
const SLOT_BYTES = 512;

/** What to do about a damaged write-ahead file (it holds batches not yet durable in LevelDB). */
export const WAL_CORRUPT_HINT =
  "the manager's raft write-ahead file is damaged (disk fault or outside change): restore the manager's data dir from a backup, or remove this manager from the cluster (`clusterctl node demote` and `clusterctl node rm` on another manager) and join it again with an empty data dir";

function corrupt(where: string, what: string): ClusterError {
  return new ClusterError(ErrorCode.Corrupt, `${where}: ${what}`, { hint: WAL_CORRUPT_HINT, details: { path: where } });
}

export class Wal {
  private offset = WAL_HEADER_BYTES;
  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    readonly sizeBytes: number,
    private gen: bigint,
    /** The header slot holding `gen`; a reset writes the other one. */
    private slot: number,
  ) {}

  /** The current generation (a reset moves it forward; records of older ones no longer count). */
  get generation(): bigint {
    return this.gen;
  }

  /**
   * Opens (creating and preallocating if needed) the file and returns it with the payloads of the
   * current generation's valid records, in order. The file is ready to append after them only once
   * reset() was called: callers replay, make the replay durable, then reset().
   */
  static async open(path: string, sizeBytes: number): Promise<{ wal: Wal; records: Buffer[] }> {
    let exists = true;
    try {
      await stat(path);
    } catch {
      exists = false;
    }
    if (!exists) {
      // Built under a temporary name and renamed, so a crash never leaves a half-made file.
      const tmpPath = `${path}.tmp`;
      const tmp = await open(tmpPath, 'w');
      try {
        const zero = Buffer.alloc(1024 * 1024);
        for (let off = 0; off < sizeBytes; off += zero.length)
          await tmp.write(zero, 0, Math.min(zero.length, sizeBytes - off), off);
        await tmp.write(header(0n), 0, SLOT_BYTES, 0);
        await tmp.sync();
      } finally {
        await tmp.close();
      }
      await rename(tmpPath, path);
      const d = await open(dirname(path), 'r');
      try {
        await d.sync();
      } finally {
        await d.close();
      }
    }
    // O_DSYNC: each write returns once durable, one thread-pool round trip instead of two (write,
    // then fdatasync); under CPU contention every extra wake-up of the event loop costs.
    const fh = await open(path, constants.O_RDWR | constants.O_DSYNC);
    try {
      const size = (await fh.stat()).size;
      const all = Buffer.alloc(size);
      await fh.read(all, 0, size, 0);
      // Two header slots (one 512-byte sector each), written alternately: a torn header write
      // leaves the other slot, whose generation's records are still intact (a reset completes
      // before any record of the new generation is written).
      const g0 = parseHeader(all.subarray(0, SLOT_BYTES));
      const g1 = parseHeader(all.subarray(SLOT_BYTES, 2 * SLOT_BYTES));
      if (g0 === undefined && g1 === undefined)
        throw corrupt(path, 'bad write-ahead file header (both slots unreadable)');
      const slot = g0 === undefined ? 1 : g1 === undefined ? 0 : g0 > g1 ? 0 : 1;
      const gen = slot === 0 ? g0! : g1!;
      const records: Buffer[] = [];
      const genB = u64(gen);
      let off = WAL_HEADER_BYTES;
      while (off + RECORD_HEADER_BYTES <= size) {
        const len = all.readUInt32BE(off);
        if (len === 0 || off + RECORD_HEADER_BYTES + len > size) break;
        const payload = all.subarray(off + RECORD_HEADER_BYTES, off + RECORD_HEADER_BYTES + len);
        if (crc32(payload, crc32(genB)) !== all.readUInt32BE(off + 4)) break;
        records.push(Buffer.from(payload));
        off += RECORD_HEADER_BYTES + len;
      }
      const wal = new Wal(fh, path, size, gen, slot);
      wal.offset = off;
      return { wal, records };
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
  }

  /** Bytes a record with this payload takes. */
  static recordBytes(payloadBytes: number): number {
    return RECORD_HEADER_BYTES + payloadBytes;
  }

  /** True if a record of `payloadBytes` fits after the current tail. */
  fits(payloadBytes: number): boolean {
    return this.offset + Wal.recordBytes(payloadBytes) <= this.sizeBytes;
  }

  /** True if a record of this size could fit in an empty generation. */
  canEverFit(payloadBytes: number): boolean {
    return WAL_HEADER_BYTES + Wal.recordBytes(payloadBytes) <= this.sizeBytes;
  }

  /**
   * Appends one record (caller checked fits()). The file is opened O_DSYNC, so the record is
   * durable when this resolves, `sync` or not (a non-synced batch is rare: flushes at close).
   * Serial use only.
   */
  async append(payload: Buffer, _sync: boolean): Promise<void> {
    const rec = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
    rec.writeUInt32BE(payload.length, 0);
    rec.writeUInt32BE(crc32(payload, crc32(u64(this.gen))), 4);
    payload.copy(rec, RECORD_HEADER_BYTES);
    const at = this.offset;
    this.offset += rec.length;
    await this.fh.write(rec, 0, rec.length, at);
  }

  /**
   * Starts a new generation: every record written so far becomes invalid. Only call once their
   * content is durable elsewhere (a synced LevelDB batch).
   */
  async reset(next: bigint = this.gen + 1n): Promise<void> {
    if (next <= this.gen) throw new Error(`write-ahead generation ${next} is not after ${this.gen}`);
    const slot = 1 - this.slot;
    await this.fh.write(header(next), 0, SLOT_BYTES, slot * SLOT_BYTES);
    this.gen = next;
    this.slot = slot;
    this.offset = WAL_HEADER_BYTES;
  }

  /**
   * Zeroes every record area byte (old generations included), durably; the file stays valid and
   * empty. Used once a log is encrypted in place, so no plaintext record survives in the file.
   */
  async wipe(): Promise<void> {
    const zero = Buffer.alloc(1024 * 1024);
    for (let off = WAL_HEADER_BYTES; off < this.sizeBytes; off += zero.length)
      await this.fh.write(zero, 0, Math.min(zero.length, this.sizeBytes - off), off);
    this.offset = WAL_HEADER_BYTES;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

function u64(v: bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigUInt64BE(v, 0);
  return b;
}

function header(gen: bigint): Buffer {
  const b = Buffer.alloc(SLOT_BYTES);
  MAGIC.copy(b, 0);
  b.writeBigUInt64BE(gen, 8);
  b.writeUInt32BE(crc32(b.subarray(0, 16)), 16);
  return b;
}

function parseHeader(b: Buffer): bigint | undefined {
  if (!b.subarray(0, 8).equals(MAGIC)) return undefined;
  if (crc32(b.subarray(0, 16)) !== b.readUInt32BE(16)) return undefined;
  return b.readBigUInt64BE(8);
}

/** A LevelDB batch as a record payload: [u8 op][u32 klen][key]([u32 vlen][value] for puts). */
export class OpsWriter {
  private parts: Buffer[] = [];
  private bytes = 0;

  put(key: Buffer, value: Uint8Array): void {
    const h = Buffer.allocUnsafe(5);
    h.writeUInt8(1, 0);
    h.writeUInt32BE(key.length, 1);
    const v = Buffer.allocUnsafe(4);
    v.writeUInt32BE(value.length, 0);
    this.parts.push(h, key, v, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    this.bytes += 9 + key.length + value.length;
  }

  del(key: Buffer): void {
    const h = Buffer.allocUnsafe(5);
    h.writeUInt8(2, 0);
    h.writeUInt32BE(key.length, 1);
    this.parts.push(h, key);
    this.bytes += 5 + key.length;
  }

  get length(): number {
    return this.bytes;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts, this.bytes);
  }
}

export type Op = { type: 'put'; key: Buffer; value: Buffer } | { type: 'del'; key: Buffer };

/** The ops of a record payload; a payload that does not decode is CORRUPT (`where`: the file, for the message). */
export function decodeOps(payload: Buffer, where = 'write-ahead file'): Op[] {
  const out: Op[] = [];
  let off = 0;
  const need = (n: number): void => {
    if (off + n > payload.length) throw corrupt(where, `truncated op in a record at byte ${off} of ${payload.length}`);
  };
  while (off < payload.length) {
    need(5);
    const t = payload.readUInt8(off);
    if (t !== 1 && t !== 2) throw corrupt(where, `unknown op ${t} in a record`);
    const kl = payload.readUInt32BE(off + 1);
    off += 5;
    need(kl);
    const key = payload.subarray(off, off + kl);
    off += kl;
    if (t === 1) {
      need(4);
      const vl = payload.readUInt32BE(off);
      off += 4;
      need(vl);
      const value = payload.subarray(off, off + vl);
      off += vl;
      out.push({ type: 'put', key, value });
    } else {
      out.push({ type: 'del', key });
    }
  }
  return out;
}
