// Compact binary codec for what the raft log persists (entries, hard state, conf state, snapshots)
// and for raft messages. Fixed layout, big-endian integers, no JSON on the hot path.
// Integers are JS numbers up to 2^53 written as 8 bytes (hi u32, lo u32).

import {
  type ConfState,
  type Entry,
  type EntryType,
  type HardState,
  type Message,
  type MessageType,
  type Snapshot,
} from '@clusterctl/raft';

const TWO_32 = 0x1_0000_0000;
const EMPTY = new Uint8Array(0);

/** Thrown when bytes read back from disk or the wire do not decode. */
export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

export function writeU64(buf: Buffer, off: number, v: number): void {
  buf.writeUInt32BE(Math.floor(v / TWO_32), off);
  buf.writeUInt32BE(v >>> 0, off + 4);
}

export function readU64(buf: Uint8Array, off: number): number {
  const view = buf instanceof Buffer ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const hi = view.readUInt32BE(off);
  if (hi > 0x1f_ffff) throw new CodecError(`u64 at offset ${off} exceeds 2^53`);
  return hi * TWO_32 + view.readUInt32BE(off + 4);
}

/** Growable writer for the less hot, variable-shaped records. */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 64) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  u8(v: number): this {
    this.ensure(1);
    this.buf[this.pos++] = v;
    return this;
  }

  u32(v: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  u64(v: number): this {
    this.ensure(8);
    writeU64(this.buf, this.pos, v);
    this.pos += 8;
    return this;
  }

  /** Length-prefixed bytes. */
  bytes(b: Uint8Array): this {
    this.u32(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

export class ByteReader {
  private pos = 0;
  private readonly buf: Buffer;

  constructor(
    b: Uint8Array,
    private readonly what: string,
  ) {
    this.buf = b instanceof Buffer ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length)
      throw new CodecError(`${this.what}: truncated at byte ${this.pos} (need ${n} of ${this.buf.length})`);
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  u64(): number {
    this.need(8);
    const v = readU64(this.buf, this.pos);
    this.pos += 8;
    return v;
  }

  /** Length-prefixed bytes, copied out (callers may keep them past the source buffer). */
  bytes(): Uint8Array {
    const n = this.u32();
    this.need(n);
    const out = new Uint8Array(n);
    out.set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }

  end(): void {
    if (this.pos !== this.buf.length)
      throw new CodecError(`${this.what}: ${this.buf.length - this.pos} trailing bytes`);
  }
}

// ---- Entry: [ver u8][type u8][term u64][index u64][data ...] (data runs to the end)

const ENTRY_VERSION = 1;
const ENTRY_HEADER = 18;

export function encodeEntry(e: Entry): Buffer {
  const out = Buffer.allocUnsafe(ENTRY_HEADER + e.data.length);
  out[0] = ENTRY_VERSION;
  out[1] = e.type;
  writeU64(out, 2, e.term);
  writeU64(out, 10, e.index);
  out.set(e.data, ENTRY_HEADER);
  return out;
}

export function decodeEntry(b: Uint8Array): Entry {
  if (b.length < ENTRY_HEADER || b[0] !== ENTRY_VERSION)
    throw new CodecError(`entry: bad header (${b.length} bytes, version ${b[0]})`);
  const type = b[1] as EntryType;
  if (type !== 0 && type !== 1) throw new CodecError(`entry: unknown type ${type}`);
  // Copy the payload: LevelDB hands out views into reused buffers on some paths.
  const data = b.length === ENTRY_HEADER ? EMPTY : Uint8Array.prototype.slice.call(b, ENTRY_HEADER);
  return { type, term: readU64(b, 2), index: readU64(b, 10), data };
}

// ---- HardState: [term][vote][commit]

export function encodeHardState(hs: HardState): Buffer {
  const out = Buffer.allocUnsafe(24);
  writeU64(out, 0, hs.term);
  writeU64(out, 8, hs.vote);
  writeU64(out, 16, hs.commit);
  return out;
}

export function decodeHardState(b: Uint8Array): HardState {
  if (b.length !== 24) throw new CodecError(`hard state: expected 24 bytes, got ${b.length}`);
  return { term: readU64(b, 0), vote: readU64(b, 8), commit: readU64(b, 16) };
}

// ---- ConfState: [nVoters u32][voters u64...][nLearners u32][learners u64...]

function writeConfState(w: ByteWriter, cs: ConfState): void {
  w.u32(cs.voters.length);
  for (const v of cs.voters) w.u64(v);
  w.u32(cs.learners.length);
  for (const l of cs.learners) w.u64(l);
}

function readConfState(r: ByteReader): ConfState {
  const voters: number[] = [];
  for (let n = r.u32(); n > 0; n--) voters.push(r.u64());
  const learners: number[] = [];
  for (let n = r.u32(); n > 0; n--) learners.push(r.u64());
  return { voters, learners };
}

export function encodeConfState(cs: ConfState): Buffer {
  const w = new ByteWriter(16 + 8 * (cs.voters.length + cs.learners.length));
  writeConfState(w, cs);
  return w.finish();
}

export function decodeConfState(b: Uint8Array): ConfState {
  const r = new ByteReader(b, 'conf state');
  const cs = readConfState(r);
  r.end();
  return cs;
}

// ---- {index, term} pair (the truncation marker) and a lone index (applied)

export function encodeIndexTerm(index: number, term: number): Buffer {
  const out = Buffer.allocUnsafe(16);
  writeU64(out, 0, index);
  writeU64(out, 8, term);
  return out;
}

export function decodeIndexTerm(b: Uint8Array): { index: number; term: number } {
  if (b.length !== 16) throw new CodecError(`index/term: expected 16 bytes, got ${b.length}`);
  return { index: readU64(b, 0), term: readU64(b, 8) };
}

export function encodeIndex(index: number): Buffer {
  const out = Buffer.allocUnsafe(8);
  writeU64(out, 0, index);
  return out;
}

export function decodeIndex(b: Uint8Array): number {
  if (b.length !== 8) throw new CodecError(`index: expected 8 bytes, got ${b.length}`);
  return readU64(b, 0);
}

// ---- Snapshot: [ver u8][index][term][confState][data bytes]

const SNAPSHOT_VERSION = 1;

function writeSnapshot(w: ByteWriter, s: Snapshot): void {
  w.u8(SNAPSHOT_VERSION).u64(s.metadata.index).u64(s.metadata.term);
  writeConfState(w, s.metadata.confState);
  w.bytes(s.data);
}

function readSnapshot(r: ByteReader): Snapshot {
  const ver = r.u8();
  if (ver !== SNAPSHOT_VERSION) throw new CodecError(`snapshot: unknown version ${ver}`);
  const index = r.u64();
  const term = r.u64();
  const confState = readConfState(r);
  return { metadata: { index, term, confState }, data: r.bytes() };
}

export function encodeSnapshot(s: Snapshot): Buffer {
  const w = new ByteWriter(64 + s.data.length);
  writeSnapshot(w, s);
  return w.finish();
}

export function decodeSnapshot(b: Uint8Array): Snapshot {
  const r = new ByteReader(b, 'snapshot');
  const s = readSnapshot(r);
  r.end();
  return s;
}

// ---- Message (for transports that want a ready-made wire form)

const MESSAGE_VERSION = 1;

export function encodeMessage(m: Message): Buffer {
  let size = 96 + m.context.length;
  for (const e of m.entries) size += 22 + e.data.length;
  if (m.snapshot) size += 64 + m.snapshot.data.length;
  const w = new ByteWriter(size);
  w.u8(MESSAGE_VERSION).u8(m.type).u64(m.to).u64(m.from).u64(m.term).u64(m.logTerm).u64(m.index).u64(m.commit);
  w.u8(m.reject ? 1 : 0)
    .u64(m.rejectHint)
    .bytes(m.context);
  w.u32(m.entries.length);
  for (const e of m.entries) w.bytes(encodeEntry(e));
  if (m.snapshot) {
    w.u8(1);
    writeSnapshot(w, m.snapshot);
  } else {
    w.u8(0);
  }
  return w.finish();
}

export function decodeMessage(b: Uint8Array): Message {
  const r = new ByteReader(b, 'message');
  const ver = r.u8();
  if (ver !== MESSAGE_VERSION) throw new CodecError(`message: unknown version ${ver}`);
  const type = r.u8() as MessageType;
  const to = r.u64();
  const from = r.u64();
  const term = r.u64();
  const logTerm = r.u64();
  const index = r.u64();
  const commit = r.u64();
  const reject = r.u8() === 1;
  const rejectHint = r.u64();
  const context = r.bytes();
  const entries: Entry[] = [];
  for (let n = r.u32(); n > 0; n--) entries.push(decodeEntry(r.bytes()));
  const m: Message = { type, to, from, term, logTerm, index, commit, reject, rejectHint, context, entries };
  if (r.u8() === 1) m.snapshot = readSnapshot(r);
  r.end();
  return m;
}
