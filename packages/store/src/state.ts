// The deterministic part of the store: the tables, the applied index and the store clock, and how
// a decoded entry changes them. No I/O, no clock, no randomness: every manager computes the same.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import { TABLES, nameOf, uniqueKeysOf, type StoredObject, type TableName } from './objects.js';
import { Table } from './table.js';
import {
  base64ToBytes,
  encodeSnapshot,
  encodeSnapshotInSlices,
  type DecodedEntry,
  type DecodedOp,
  type SnapshotState,
} from './codec.js';
import { alreadyExists, conflict, keyTaken, notFound } from './errors.js';
import type { ObjectEvent } from './events.js';

/**
 * What apply() returns for an entry whose txs could be applied or failed one by one. (An entry
 * with a single tx that failed returns that tx's ClusterError instead; a malformed entry returns a
 * ClusterError CORRUPT.)
 */
export class ApplyResult {
  /** The raft index of the entry: the meta.version of every record it wrote. */
  readonly index: number;
  /** Per tx of the entry, in order: null when applied, else why nothing of it was applied. */
  readonly errors: readonly (ClusterError | null)[];

  constructor(index: number, errors: readonly (ClusterError | null)[]) {
    this.index = index;
    this.errors = errors;
  }
}

interface StagedChange {
  table: TableName;
  id: string;
  /** Record before this tx (undefined: absent). */
  old: StoredObject | undefined;
  /** Record after (null: deleted). */
  next: StoredObject | null;
}

export class StoreState {
  readonly tables: Record<TableName, Table>;
  /** Raft index of the last applied entry (0 = nothing yet). */
  index = 0;
  /** Largest proposal timestamp seen: record timestamps never go backwards across leaders. */
  clock = 0;

  constructor() {
    const t = {} as Record<TableName, Table>;
    for (const name of TABLES) t[name] = new Table(name);
    this.tables = t;
  }

  /**
   * Applies every tx of `entry` at `index`; each tx all-or-nothing. Events of applied changes are
   * appended to `events` when given (object events only; the caller adds commit markers).
   */
  applyEntry(entry: DecodedEntry, index: number, events: ObjectEvent[] | undefined): ClusterError | ApplyResult {
    this.index = index;
    if (entry.ts > this.clock) this.clock = entry.ts;
    const ts = this.clock;
    /** table\0id -> position of the tx of this entry that last wrote it (successful txs only). */
    const writers = new Map<string, number>();
    const errors: (ClusterError | null)[] = [];
    for (let t = 0; t < entry.txs.length; t++) {
      errors.push(this.applyTx(entry.txs[t]!, t, index, ts, writers, events));
    }
    if (errors.length === 1 && errors[0] !== null) return errors[0]!;
    return new ApplyResult(index, errors);
  }

  private applyTx(
    ops: readonly DecodedOp[],
    pos: number,
    index: number,
    ts: number,
    writers: Map<string, number>,
    events: ObjectEvent[] | undefined,
  ): ClusterError | null {
    const staged = new Map<string, StagedChange>();
    // 1. check every op against the state as this tx has changed it so far; change nothing yet
    for (const op of ops) {
      const key = op.table + '\0' + op.id;
      const prev = staged.get(key);
      const base = prev !== undefined ? prev.old : this.tables[op.table].get(op.id);
      const cur = prev !== undefined ? (prev.next ?? undefined) : base;
      let next: StoredObject | null | undefined;
      switch (op.kind) {
        case 'c':
          if (cur !== undefined) return alreadyExists(op.table, op.id);
          next = buildRecord(op, index, ts, ts) ?? undefined;
          break;
        case 'u': {
          if (cur === undefined) return notFound(op.table, op.id);
          const err = checkExpect(op, cur, writers, key);
          if (err !== null) return err;
          next = buildRecord(op, index, cur.meta.createdAt, ts) ?? undefined;
          break;
        }
        case 'm': {
          if (cur === undefined) return notFound(op.table, op.id);
          const err = checkExpect(op, cur, writers, key);
          if (err !== null) return err;
          next = mergeRecord(cur, op, index, ts) ?? undefined;
          break;
        }
        case 'd': {
          if (cur === undefined) {
            if (op.expect === 0) continue;
            return notFound(op.table, op.id);
          }
          const err = checkExpect(op, cur, writers, key);
          if (err !== null) return err;
          next = null;
          break;
        }
        case 'p':
          next = buildRecord(op, index, cur?.meta.createdAt ?? ts, ts) ?? undefined;
          break;
      }
      if (next === undefined) return tooDeep(op);
      staged.set(key, { table: op.table, id: op.id, old: base, next });
    }
    // 2. unique names, against the state as it will be after this tx
    const claimed = new Map<string, string>();
    for (const c of staged.values()) {
      if (c.next === null) continue;
      const n = nameOf(c.table, c.next);
      if (n === undefined) continue;
      const ck = c.table + '\0' + n;
      const other = claimed.get(ck);
      if (other !== undefined && other !== c.id) return alreadyExists(c.table, c.id, n);
      claimed.set(ck, c.id);
      const holder = this.tables[c.table].byName.get(n);
      if (holder === undefined || holder === c.id) continue;
      const h = staged.get(c.table + '\0' + holder);
      if (h === undefined || (h.next !== null && nameOf(c.table, h.next) === n)) return alreadyExists(c.table, c.id, n);
    }
    // 2b. other unique keys (subnets, virtual IPs, published ports), the same way
    const keyClaims = new Map<string, string>();
    for (const c of staged.values()) {
      if (c.next === null) continue;
      for (const k of uniqueKeysOf(c.table, c.next)) {
        const ck = c.table + '\0' + k;
        const other = keyClaims.get(ck);
        if (other !== undefined && other !== c.id) return keyTaken(c.table, c.id, k, other);
        keyClaims.set(ck, c.id);
        const holder = this.tables[c.table].byKey.get(k);
        if (holder === undefined || holder === c.id) continue;
        const h = staged.get(c.table + '\0' + holder);
        if (h === undefined || (h.next !== null && uniqueKeysOf(c.table, h.next).includes(k)))
          return keyTaken(c.table, c.id, k, holder, nameOf(c.table, this.tables[c.table].get(holder)));
      }
    }
    // 3. commit
    for (const [key, c] of staged) {
      const table = this.tables[c.table];
      if (c.next === null) {
        if (c.old === undefined) continue; // created and deleted within the tx
        table.delete(c.old);
        events?.push({ type: 'delete', table: c.table, object: c.old, version: index, timestamp: ts } as ObjectEvent);
      } else {
        table.set(c.next, c.old);
        if (c.old === undefined)
          events?.push({
            type: 'create',
            table: c.table,
            object: c.next,
            version: index,
            timestamp: ts,
          } as ObjectEvent);
        else
          events?.push({
            type: 'update',
            table: c.table,
            object: c.next,
            oldObject: c.old,
            version: index,
            timestamp: ts,
          } as ObjectEvent);
      }
      writers.set(key, pos);
    }
    return null;
  }

  /** Whole state, deterministic bytes (rows sorted by id). */
  snapshot(): Uint8Array {
    return encodeSnapshot(this.index, this.clock, (t) => {
      const rows = this.tables[t].rows;
      const ids = Array.from(rows.keys()).sort();
      return ids.map((id) => rows.get(id)!);
    });
  }

  /**
   * The state as of now, encoded later: the bytes snapshot() gives now, produced in slices that
   * yield to the event loop (`pause`) in between. Taking it costs one pass over the row maps:
   * rows are frozen and a transaction replaces them (never changes one in place), so holding
   * the current rows is a consistent copy of this index.
   */
  captureSnapshot(pause: () => Promise<void>): () => Promise<Uint8Array> {
    const index = this.index;
    const clock = this.clock;
    const held = new Map(TABLES.map((t) => [t, Array.from(this.tables[t].rows.values())] as const));
    return () =>
      encodeSnapshotInSlices(
        index,
        clock,
        (t) => held.get(t)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
        pause,
      );
  }

  /** Replaces everything with a decoded snapshot (already validated). */
  load(s: SnapshotState): void {
    for (const name of TABLES) {
      const table = this.tables[name];
      table.clear();
      for (const row of s.tables[name]) table.set(deepFreeze(row), undefined);
    }
    this.index = s.index;
    this.clock = s.clock;
  }
}

function tooDeep(op: DecodedOp): ClusterError {
  return new ClusterError(
    ErrorCode.Corrupt,
    `${op.table} ${op.id}: record nested deeper than ${MAX_RECORD_DEPTH} levels`,
    {
      hint: 'records are plain, shallow JSON; nothing of this transaction was applied',
      details: { table: op.table, id: op.id },
    },
  );
}

function checkExpect(op: DecodedOp, cur: StoredObject, writers: Map<string, number>, key: string): ClusterError | null {
  if (op.expect > 0) {
    return cur.meta.version === op.expect ? null : conflict(op.table, op.id, cur.meta.version, op.expect);
  }
  if (op.expect < 0) {
    const ref = -op.expect - 1;
    if (writers.get(key) !== ref) {
      return new ClusterError(
        ErrorCode.Conflict,
        `${op.table} ${op.id}: the earlier change of this batch it builds on was not applied`,
        {
          hint: 'read it again and retry the change',
          details: { table: op.table, id: op.id },
        },
      );
    }
  }
  return null;
}

/** The record an op writes, frozen; null when it is nested too deep. */
function buildRecord(op: DecodedOp, version: number, createdAt: number, updatedAt: number): StoredObject | null {
  const meta = { version, createdAt, updatedAt };
  if (op.table === 'kv') {
    return Object.freeze({
      id: op.id,
      value: base64ToBytes(op.body as string),
      meta: Object.freeze(meta),
    }) as StoredObject;
  }
  const o = { id: op.id, ...(op.body as object) } as StoredObject;
  o.id = op.id;
  o.meta = meta;
  return freezeTree(o) ? o : null;
}

function mergeRecord(cur: StoredObject, op: DecodedOp, version: number, updatedAt: number): StoredObject | null {
  const [set, unset] = op.body as [Record<string, unknown>, string[]];
  const o = { ...cur } as unknown as Record<string, unknown>;
  for (const k in set) {
    if (k === 'id' || k === 'meta' || k === '__proto__') continue;
    const v = set[k];
    if (!freezeTree(v, 1)) return null;
    o[k] = v;
  }
  for (const k of unset) if (k !== 'id' && k !== 'meta') delete o[k];
  o.meta = Object.freeze({ version, createdAt: cur.meta.createdAt, updatedAt });
  return Object.freeze(o) as unknown as StoredObject;
}

/** Records nested deeper than this are refused on apply (JSON.stringify of the snapshot would overflow the stack). */
export const MAX_RECORD_DEPTH = 64;

/**
 * Freezes a freshly parsed JSON tree (typed arrays are left alone: they cannot be frozen), without
 * recursion. Returns false, deterministically, when it is nested deeper than MAX_RECORD_DEPTH.
 */
export function freezeTree(root: unknown, baseDepth = 0): boolean {
  if (root === null || typeof root !== 'object' || ArrayBuffer.isView(root)) return true;
  const stack: [object, number][] = [[root, baseDepth + 1]];
  while (stack.length > 0) {
    const [o, depth] = stack.pop()!;
    if (depth > MAX_RECORD_DEPTH) return false;
    Object.freeze(o);
    if (Array.isArray(o)) {
      for (const v of o)
        if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) stack.push([v as object, depth + 1]);
    } else {
      for (const k in o) {
        const v = (o as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) stack.push([v, depth + 1]);
      }
    }
  }
  return true;
}

export function deepFreeze<T>(o: T): T {
  freezeTree(o, -1_000_000);
  return o;
}
