// Wire formats of the store: raft entry payloads (transactions) and snapshots.
//
// Entry, format 1:  byte 0 = 0x01, then UTF-8 JSON  [ts, [tx, tx, ...]]
//   ts  = proposer's clock, ms since the Unix epoch (apply never reads a clock)
//   tx  = [op, op, ...]            applied atomically, independently of the entry's other txs
//   op  = [kind, table, id, expect, body]
//     kind   'c' create (must not exist) | 'u' update (must exist) | 'd' delete | 'p' put (upsert)
//            'm' merge (must exist): body = [fields to set, names of fields to remove], top level only;
//                the client sends it instead of 'u' when it knows the exact version it diffed against
//     expect  > 0: the record's meta.version must equal it (optimistic concurrency)
//             = 0: no version check ('d' of a missing record is then a no-op)
//             < 0: -(k+1): the record must have last been written by tx k of this same entry
//     body   the record without id/meta (an object); kv: the value as base64; 'd': 0; 'm': see above
// Snapshot, format 1: byte 0 = 0x01, then UTF-8 lines: {"index","clock","counts":{table:n}}, then
//   the rows of each table in TABLES order, one JSON object per line, sorted by id (deterministic
//   bytes for equal states); kv rows carry the value as base64.
//
// JSON was measured good enough (see bench/store-bench.ts); the leading byte lets us change it.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import { TABLES, TABLES_ADDED_LATER, isTableName, type KvPair, type StoredObject, type TableName } from './objects.js';

export const ENTRY_FORMAT_V1 = 1;
export const SNAPSHOT_FORMAT_V1 = 1;

export type OpKind = 'c' | 'u' | 'd' | 'p' | 'm';

export interface DecodedOp {
  kind: OpKind;
  table: TableName;
  id: string;
  expect: number;
  body: unknown;
}

export interface DecodedEntry {
  ts: number;
  txs: DecodedOp[][];
}

/** JSON of a record as carried in an op: without id and meta; kv records as base64 of the value. */
export function encodeBody(table: TableName, obj: StoredObject | Record<string, unknown>): string {
  if (table === 'kv') return '"' + bytesToBase64((obj as KvPair).value) + '"';
  const { id: _id, meta: _meta, ...rest } = obj as Record<string, unknown>;
  return JSON.stringify(rest);
}

/**
 * JSON of a merge body turning `base` into `next`: fields whose value is not the same reference
 * (records are frozen, so callers that spread `{ ...old, x }` keep every other reference).
 */
export function encodeMergeBody(base: StoredObject, next: StoredObject): string {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const b = base as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  for (const k in n) {
    if (k === 'id' || k === 'meta') continue;
    const v = n[k];
    if (v === undefined) {
      if (b[k] !== undefined) unset.push(k);
    } else if (v !== b[k]) set[k] = v;
  }
  for (const k in b) {
    if (k === 'id' || k === 'meta') continue;
    if (!(k in n) && b[k] !== undefined) unset.push(k);
  }
  return '[' + JSON.stringify(set) + ',' + JSON.stringify(unset) + ']';
}

/** One op as JSON text (expect already resolved to a number). */
export function encodeOp(kind: OpKind, table: TableName, id: string, expect: number, body: string): string {
  return '["' + kind + '","' + table + '",' + JSON.stringify(id) + ',' + expect + ',' + body + ']';
}

/** A whole entry from its txs, each the JSON text of an array of ops. */
export function encodeEntry(ts: number, txs: readonly string[]): Uint8Array {
  return withFormatByte(ENTRY_FORMAT_V1, '[' + ts + ',[' + txs.join(',') + ']]');
}

/** Parses and structurally checks an entry. Returns an error message instead of throwing. */
export function decodeEntry(data: Uint8Array): DecodedEntry | string {
  if (data.length < 2) return 'entry too short';
  if (data[0] !== ENTRY_FORMAT_V1) return `unknown entry format ${data[0]}`;
  let raw: unknown;
  try {
    raw = JSON.parse(bytesToString(data, 1));
  } catch (e) {
    return `entry is not JSON: ${(e as Error).message}`;
  }
  if (!Array.isArray(raw) || raw.length !== 2) return 'entry is not [ts, txs]';
  const [ts, txsRaw] = raw as [unknown, unknown];
  if (typeof ts !== 'number' || !Number.isFinite(ts)) return 'entry timestamp is not a number';
  if (!Array.isArray(txsRaw)) return 'entry txs is not an array';
  const txs: DecodedOp[][] = [];
  for (let t = 0; t < txsRaw.length; t++) {
    const txRaw: unknown = txsRaw[t];
    if (!Array.isArray(txRaw)) return `tx ${t} is not an array`;
    const ops: DecodedOp[] = [];
    for (let o = 0; o < txRaw.length; o++) {
      const op: unknown = txRaw[o];
      if (!Array.isArray(op) || op.length !== 5) return `tx ${t} op ${o} is not [kind, table, id, expect, body]`;
      const [kind, table, id, expect, body] = op as unknown[];
      if (kind !== 'c' && kind !== 'u' && kind !== 'd' && kind !== 'p' && kind !== 'm')
        return `tx ${t} op ${o}: bad kind`;
      if (!isTableName(table)) return `tx ${t} op ${o}: unknown table`;
      if (typeof id !== 'string' || id === '') return `tx ${t} op ${o}: bad id`;
      if (typeof expect !== 'number' || !Number.isSafeInteger(expect)) return `tx ${t} op ${o}: bad expected version`;
      if (expect < 0 && -expect - 1 >= t) return `tx ${t} op ${o}: reference to a later tx`;
      if (kind === 'm') {
        if (table === 'kv') return `tx ${t} op ${o}: merge into kv`;
        if (!Array.isArray(body) || body.length !== 2) return `tx ${t} op ${o}: merge body is not [set, unset]`;
        const [set, unset] = body as unknown[];
        if (set === null || typeof set !== 'object' || Array.isArray(set))
          return `tx ${t} op ${o}: merge set is not an object`;
        if (!Array.isArray(unset) || !unset.every((k) => typeof k === 'string'))
          return `tx ${t} op ${o}: merge unset is not a list of names`;
      } else if (kind !== 'd') {
        if (table === 'kv') {
          if (typeof body !== 'string') return `tx ${t} op ${o}: kv value is not base64 text`;
        } else if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          return `tx ${t} op ${o}: body is not an object`;
        }
      }
      ops.push({ kind, table, id, expect, body });
    }
    txs.push(ops);
  }
  return { ts, txs };
}

// ---------------------------------------------------------------------------------------------
// Snapshots

export interface SnapshotState {
  index: number;
  clock: number;
  tables: Record<TableName, StoredObject[]>;
}

/**
 * `rows` must be given sorted by id for deterministic bytes. Rows are written one per line (JSON
 * never contains a raw newline), so neither encoding nor decoding builds one string of the whole
 * state: V8 caps strings at ~512 MB, Buffers are not so limited.
 */
export function encodeSnapshot(
  index: number,
  clock: number,
  rows: (t: TableName) => readonly StoredObject[],
): Uint8Array {
  const enc = snapshotEncoder(index, clock, rows);
  while (!enc.next().done);
  return enc.result();
}

/**
 * encodeSnapshot in slices: the same bytes, with a pause point every `rowsPerSlice` rows, so a
 * caller can yield to the event loop between slices instead of stalling it for the whole state.
 */
export async function encodeSnapshotInSlices(
  index: number,
  clock: number,
  rows: (t: TableName) => readonly StoredObject[],
  pause: () => Promise<void>,
  rowsPerSlice = 512,
): Promise<Uint8Array> {
  const enc = snapshotEncoder(index, clock, rows, rowsPerSlice);
  while (!enc.next().done) await pause();
  return enc.result();
}

/** The snapshot encoder behind both forms: next() encodes one slice; result() once done. */
function snapshotEncoder(
  index: number,
  clock: number,
  rows: (t: TableName) => readonly StoredObject[],
  rowsPerSlice = Number.POSITIVE_INFINITY,
): { next(): IteratorResult<void>; result(): Uint8Array } {
  const perTable = TABLES.map((t) => rows(t));
  const counts: Record<string, number> = {};
  TABLES.forEach((t, i) => (counts[t] = perTable[i]!.length));
  const chunks: Buffer[] = [
    Buffer.from([SNAPSHOT_FORMAT_V1]),
    Buffer.from(JSON.stringify({ index, clock, counts }) + '\n'),
  ];
  let parts: string[] = [];
  let partChars = 0;
  const flush = (): void => {
    chunks.push(Buffer.from(parts.join(''), 'utf8'));
    parts = [];
    partChars = 0;
  };
  function* slices(): Generator<void> {
    let inSlice = 0;
    for (let ti = 0; ti < TABLES.length; ti++) {
      const t = TABLES[ti]!;
      for (const row of perTable[ti]!) {
        const json =
          t === 'kv'
            ? JSON.stringify({ id: row.id, value: bytesToBase64((row as KvPair).value), meta: row.meta })
            : JSON.stringify(row);
        parts.push(json, '\n');
        partChars += json.length + 1;
        if (partChars >= 1 << 20) flush();
        if (++inSlice >= rowsPerSlice) {
          inSlice = 0;
          yield;
        }
      }
    }
    flush();
  }
  const gen = slices();
  let out: Uint8Array | undefined;
  return {
    next: () => gen.next(),
    result: () => {
      if (out === undefined) {
        const all = Buffer.concat(chunks);
        out = new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
      }
      return out;
    },
  };
}

/** Parses and checks a snapshot; throws ClusterError CORRUPT when it is not one. */
export function decodeSnapshot(data: Uint8Array): SnapshotState {
  const corrupt = (why: string): ClusterError =>
    new ClusterError(ErrorCode.Corrupt, `store snapshot is corrupt: ${why}`, {
      hint: 'the snapshot was damaged or written by an incompatible version; restore from another manager',
    });
  if (data.length < 2 || data[0] !== SNAPSHOT_FORMAT_V1) throw corrupt(`unknown format ${data[0]}`);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let pos = 1;
  const nextLine = (): unknown => {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) throw corrupt('truncated');
    const text = buf.toString('utf8', pos, nl);
    pos = nl + 1;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw corrupt(`not JSON (${(e as Error).message})`);
    }
  };
  const head = nextLine();
  if (head === null || typeof head !== 'object') throw corrupt('no header');
  const { index, clock, counts } = head as Record<string, unknown>;
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) throw corrupt('bad index');
  if (typeof clock !== 'number' || !Number.isFinite(clock)) throw corrupt('bad clock');
  if (counts === null || typeof counts !== 'object') throw corrupt('no counts');
  const out = {} as Record<TableName, StoredObject[]>;
  for (const t of TABLES) {
    const n = (counts as Record<string, unknown>)[t] ?? (TABLES_ADDED_LATER.has(t) ? 0 : undefined);
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw corrupt(`table ${t}: bad count`);
    const rows: StoredObject[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const row = nextLine();
      if (row === null || typeof row !== 'object' || Array.isArray(row))
        throw corrupt(`table ${t}: row is not an object`);
      const r = row as Record<string, unknown>;
      if (typeof r.id !== 'string' || r.id === '' || seen.has(r.id)) throw corrupt(`table ${t}: bad or duplicate id`);
      seen.add(r.id);
      const m = r.meta as Record<string, unknown> | null;
      if (
        m === null ||
        typeof m !== 'object' ||
        typeof m.version !== 'number' ||
        typeof m.createdAt !== 'number' ||
        typeof m.updatedAt !== 'number'
      ) {
        throw corrupt(`table ${t}: row ${r.id} has no meta`);
      }
      if (t === 'kv') {
        if (typeof r.value !== 'string') throw corrupt(`kv row ${r.id} has no value`);
        r.value = base64ToBytes(r.value);
      }
      rows.push(r as unknown as StoredObject);
    }
    out[t] = rows;
  }
  if (pos !== buf.length) throw corrupt('trailing data');
  return { index, clock, tables: out };
}

// ---------------------------------------------------------------------------------------------
// Bytes helpers

function withFormatByte(format: number, text: string): Uint8Array {
  const len = Buffer.byteLength(text, 'utf8');
  const buf = Buffer.allocUnsafeSlow(len + 1);
  buf[0] = format;
  buf.write(text, 1, 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

function bytesToString(data: Uint8Array, start: number): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8', start);
}

export function bytesToBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** A plain Uint8Array view (not a Buffer, so deepEqual against Uint8Array values holds). */
export function base64ToBytes(s: string): Uint8Array {
  const b = Buffer.from(s, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
