// A direct codec for the hot message: clusterctl.raft.MessageBatch (proto/raft.proto), written by
// hand because protobufjs spends most of a 256-entry batch's encode time on per-field bookkeeping
// (fork/ldelim per entry) and its decoder builds class instances we would then convert again.
// Wire-compatible with protobufjs both ways (tests check it on random batches): proto3 rules,
// default values omitted, unknown fields skipped. Numbers are non-negative integers below 2^53.
//
// Encoding: one size pass, one Buffer, entry data copied once into it.
// Decoding: builds the core Message/Entry objects directly; entry data and contexts are views into
// the received buffer (no copy).

import { EMPTY, type Entry, type EntryType, type Message, type MessageType } from '@clusterctl/raft';

export class BatchDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchDecodeError';
  }
}

export interface DecodedBatch {
  clusterId: string;
  from: number;
  messages: Message[];
}

const TWO_7 = 2 ** 7;
const TWO_14 = 2 ** 14;
const TWO_21 = 2 ** 21;
const TWO_28 = 2 ** 28;
const TWO_35 = 2 ** 35;
const TWO_42 = 2 ** 42;
const TWO_49 = 2 ** 49;

function varintSize(v: number): number {
  if (v < TWO_7) return 1;
  if (v < TWO_14) return 2;
  if (v < TWO_21) return 3;
  if (v < TWO_28) return 4;
  if (v < TWO_35) return 5;
  if (v < TWO_42) return 6;
  if (v < TWO_49) return 7;
  return 8; // < 2^56, enough for safe integers
}

/** Size of a uint field (tag + varint), 0 when the value is the default. */
function uintField(v: number): number {
  return v === 0 ? 0 : 1 + varintSize(v);
}

function bytesField(len: number): number {
  return len === 0 ? 0 : 1 + varintSize(len) + len;
}

function entrySize(e: Entry): number {
  return uintField(e.term) + uintField(e.index) + uintField(e.type) + bytesField(e.data.length);
}

function messageBodySize(m: Message): number {
  let n =
    uintField(m.type) +
    uintField(m.to) +
    uintField(m.from) +
    uintField(m.term) +
    uintField(m.logTerm) +
    uintField(m.index);
  for (const e of m.entries) {
    const s = entrySize(e);
    n += 1 + varintSize(s) + s;
  }
  n += uintField(m.commit) + (m.reject ? 2 : 0) + uintField(m.rejectHint) + bytesField(m.context.length);
  return n;
}

class Out {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(v: number): void {
    const buf = this.buf;
    if (v < TWO_7) {
      buf[this.pos++] = v;
      return;
    }
    if (v < TWO_28) {
      while (v >= 0x80) {
        buf[this.pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      buf[this.pos++] = v;
      return;
    }
    while (v >= 0x80) {
      buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    buf[this.pos++] = v;
  }

  uint(tag: number, v: number): void {
    if (v === 0) return;
    this.buf[this.pos++] = tag;
    this.varint(v);
  }

  bytes(tag: number, b: Uint8Array): void {
    if (b.length === 0) return;
    this.buf[this.pos++] = tag;
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

/** Encodes a MessageBatch. Snapshot metadata is never encoded (snapshots use SendSnapshot). */
export function encodeMessageBatch(clusterId: string, from: number, messages: readonly Message[]): Buffer {
  const idLen = Buffer.byteLength(clusterId);
  const sizes = new Array<number>(messages.length);
  let total = bytesField(idLen) + uintField(from);
  for (let i = 0; i < messages.length; i++) {
    const s = messageBodySize(messages[i]!);
    sizes[i] = s;
    total += 1 + varintSize(s) + s;
  }
  const o = new Out(Buffer.allocUnsafe(total));
  if (idLen > 0) {
    o.buf[o.pos++] = 0x0a;
    o.varint(idLen);
    o.pos += o.buf.write(clusterId, o.pos, 'utf8');
  }
  o.uint(0x10, from);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    o.buf[o.pos++] = 0x1a;
    o.varint(sizes[i]!);
    o.uint(0x08, m.type);
    o.uint(0x10, m.to);
    o.uint(0x18, m.from);
    o.uint(0x20, m.term);
    o.uint(0x28, m.logTerm);
    o.uint(0x30, m.index);
    for (const e of m.entries) {
      o.buf[o.pos++] = 0x3a;
      o.varint(entrySize(e));
      o.uint(0x08, e.term);
      o.uint(0x10, e.index);
      o.uint(0x18, e.type);
      o.bytes(0x22, e.data);
    }
    o.uint(0x40, m.commit);
    if (m.reject) {
      o.buf[o.pos++] = 0x48;
      o.buf[o.pos++] = 1;
    }
    o.uint(0x50, m.rejectHint);
    o.bytes(0x5a, m.context);
  }
  if (o.pos !== total) throw new Error(`batch encoder size mismatch: wrote ${o.pos} of ${total}`);
  return o.buf;
}

class In {
  pos: number;
  constructor(
    readonly buf: Buffer,
    start: number,
    public end: number,
  ) {
    this.pos = start;
  }

  varint(): number {
    const buf = this.buf;
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new BatchDecodeError('truncated varint');
      const b = buf[this.pos++]!;
      if (i < 8) result += (b & 0x7f) * mul;
      else if ((b & 0x7f) !== 0) throw new BatchDecodeError('integer beyond 2^53');
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) throw new BatchDecodeError('integer beyond 2^53');
        return result;
      }
      mul *= 128;
    }
    throw new BatchDecodeError('varint too long');
  }

  /** Length of a length-delimited field, checked against the enclosing end. */
  len(): number {
    const n = this.varint();
    if (n > this.end - this.pos) throw new BatchDecodeError('length-delimited field runs past its message');
    return n;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.pos += 8;
        break;
      case 2: {
        const n = this.len(); // (not `this.pos += this.len()`: that would add to the pos from before the length)
        this.pos += n;
        return;
      }
      case 5:
        this.pos += 4;
        break;
      default:
        throw new BatchDecodeError(`unsupported wire type ${wireType}`);
    }
    if (this.pos > this.end) throw new BatchDecodeError('truncated field');
  }
}

/** Decodes the entry in [r.pos, end) with r itself (no reader allocated per entry). */
function decodeEntry(r: In, end: number): Entry {
  const outerEnd = r.end;
  r.end = end;
  const e: Entry = { term: 0, index: 0, type: 0 as EntryType, data: EMPTY };
  while (r.pos < end) {
    const tag = r.varint();
    switch (tag) {
      case 0x08:
        e.term = r.varint();
        break;
      case 0x10:
        e.index = r.varint();
        break;
      case 0x18:
        e.type = r.varint() as EntryType;
        break;
      case 0x22: {
        const n = r.len();
        e.data = r.buf.subarray(r.pos, r.pos + n);
        r.pos += n;
        break;
      }
      default:
        r.skip(tag & 7);
    }
  }
  r.end = outerEnd;
  return e;
}

function decodeMessage(buf: Buffer, start: number, end: number): Message {
  const r = new In(buf, start, end);
  const m: Message = {
    type: 0 as MessageType,
    to: 0,
    from: 0,
    term: 0,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    reject: false,
    rejectHint: 0,
    context: EMPTY,
  };
  while (r.pos < end) {
    const tag = r.varint();
    switch (tag) {
      case 0x08:
        m.type = r.varint() as MessageType;
        break;
      case 0x10:
        m.to = r.varint();
        break;
      case 0x18:
        m.from = r.varint();
        break;
      case 0x20:
        m.term = r.varint();
        break;
      case 0x28:
        m.logTerm = r.varint();
        break;
      case 0x30:
        m.index = r.varint();
        break;
      case 0x3a: {
        const n = r.len();
        m.entries.push(decodeEntry(r, r.pos + n));
        break;
      }
      case 0x40:
        m.commit = r.varint();
        break;
      case 0x48:
        m.reject = r.varint() !== 0;
        break;
      case 0x50:
        m.rejectHint = r.varint();
        break;
      case 0x5a: {
        const n = r.len();
        m.context = buf.subarray(r.pos, r.pos + n);
        r.pos += n;
        break;
      }
      default:
        r.skip(tag & 7); // includes snapshot_metadata (12), which has no place in a Send batch
    }
  }
  return m;
}

/** Decodes a MessageBatch into core messages. Throws BatchDecodeError on malformed input. */
export function decodeMessageBatch(buf: Buffer): DecodedBatch {
  const r = new In(buf, 0, buf.length);
  const out: DecodedBatch = { clusterId: '', from: 0, messages: [] };
  while (r.pos < buf.length) {
    const tag = r.varint();
    switch (tag) {
      case 0x0a: {
        const n = r.len();
        out.clusterId = buf.toString('utf8', r.pos, r.pos + n);
        r.pos += n;
        break;
      }
      case 0x10:
        out.from = r.varint();
        break;
      case 0x1a: {
        const n = r.len();
        out.messages.push(decodeMessage(buf, r.pos, r.pos + n));
        r.pos += n;
        break;
      }
      default:
        r.skip(tag & 7);
    }
  }
  return out;
}
