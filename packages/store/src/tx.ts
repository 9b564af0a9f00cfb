// Read views and write transactions. A WriteTx runs the caller's function against the local state
// plus its own staged changes and collects those changes as ops (create/update/delete/put with the
// version the caller read). Nothing changes locally until the ops come back through apply().

import type { NamedTable, NewObject, StoredObject, TableName, TableRecords } from './objects.js';
import { nameOf } from './objects.js';
import { newId } from './ids.js';
import type { StoreState } from './state.js';
import type { OpKind } from './codec.js';
import { alreadyExists, conflict, notFound } from './errors.js';

/** Version shown on records staged in a tx or batch and not yet applied. */
export const PENDING_VERSION = 0;

/** A read-only, consistent view of the store (valid during the synchronous call that got it). */
export interface ReadTx {
  /** Raft index of the last entry applied to this view's state. */
  readonly version: number;
  get<T extends TableName>(table: T, id: string): TableRecords[T] | undefined;
  /** By unique name: services and secrets (spec.name), nodes and cluster (name). */
  getByName<T extends NamedTable>(table: T, name: string): TableRecords[T] | undefined;
  list<T extends TableName>(table: T): TableRecords[T][];
  find<T extends TableName>(table: T, pred: (o: TableRecords[T]) => boolean): TableRecords[T][];
  /** Indexed lookup (tasks: 'serviceId', 'nodeId'); throws for fields without an index. */
  findBy<T extends TableName>(table: T, field: string, value: string): TableRecords[T][];
  count(table: TableName): number;
  kvGet(key: string): Uint8Array | undefined;
}

export interface WriteTx extends ReadTx {
  /** Stage a new record (id generated when absent). Fails on apply with ALREADY_EXISTS if the id or unique name is taken. */
  create<T extends TableName>(table: T, obj: NewObject<TableRecords[T]>): TableRecords[T];
  /**
   * Stage a change. `obj.meta.version` must be the version it was read at: if the record changed
   * since, the whole transaction fails with CONFLICT (and update() retries it).
   */
  update<T extends TableName>(table: T, obj: TableRecords[T]): TableRecords[T];
  /** Stage a delete of the record as read (by object: its meta.version; by id: the version in this view). */
  delete<T extends TableName>(table: T, idOrObj: string | TableRecords[T]): void;
  /** Create or replace without any version check (blind write). */
  put<T extends TableName>(table: T, obj: NewObject<TableRecords[T]> & { id: string }): TableRecords[T];
  kvPut(key: string, value: Uint8Array): void;
  /** Blind delete; no-op if absent. */
  kvDelete(key: string): void;
}

/** A reference to the sub-transaction of the same batch that last wrote a record. */
export interface BatchRef {
  ref: number;
}

export interface StagedOp {
  kind: OpKind;
  table: TableName;
  id: string;
  /** > 0 version, 0 none, or a reference into the batch. */
  expect: number | BatchRef;
  /** The record as reads in this tx see it; null for delete. */
  obj: StoredObject | null;
  /** For updates: the exact record `expect` names, when this replica holds it (enables a merge op). */
  base?: StoredObject;
  /** A create of an id this tx deleted first: the delete's version check (sent as a 'd' op before the 'c'). */
  deleteFirst?: number | BatchRef;
}

/** Pending records layered over the committed state (a tx's own, a batch's). */
export type Layer = Map<TableName, Map<string, { obj: StoredObject | null }>>;

/** Records written by earlier sub-transactions of a batch, and which one wrote each last. */
export type BatchLayer = Map<TableName, Map<string, { obj: StoredObject | null; writer: number }>>;

export class ReadTxImpl implements ReadTx {
  protected readonly state: StoreState;
  /** Top first. */
  protected readonly layers: Layer[];

  constructor(state: StoreState, layers: Layer[] = []) {
    this.state = state;
    this.layers = layers;
  }

  get version(): number {
    return this.state.index;
  }

  get<T extends TableName>(table: T, id: string): TableRecords[T] | undefined {
    for (const l of this.layers) {
      const s = l.get(table)?.get(id);
      if (s !== undefined) return (s.obj ?? undefined) as TableRecords[T] | undefined;
    }
    return this.state.tables[table].get(id) as TableRecords[T] | undefined;
  }

  getByName<T extends NamedTable>(table: T, name: string): TableRecords[T] | undefined {
    for (const l of this.layers) {
      const m = l.get(table);
      if (m === undefined) continue;
      for (const s of m.values()) {
        if (s.obj !== null && nameOf(table, s.obj) === name) {
          // the topmost layer holding this id decides
          if (this.get(table, s.obj.id) === s.obj) return s.obj as TableRecords[T];
        }
      }
    }
    const id = this.state.tables[table].byName.get(name);
    if (id === undefined) return undefined;
    const o = this.get(table, id);
    return o !== undefined && nameOf(table, o) === name ? o : undefined;
  }

  list<T extends TableName>(table: T): TableRecords[T][] {
    return this.find(table, () => true);
  }

  find<T extends TableName>(table: T, pred: (o: TableRecords[T]) => boolean): TableRecords[T][] {
    const out: TableRecords[T][] = [];
    const touched = this.touched(table);
    for (const o of this.state.tables[table].rows.values()) {
      if (touched !== undefined && touched.has(o.id)) continue;
      if (pred(o as TableRecords[T])) out.push(o as TableRecords[T]);
    }
    if (touched !== undefined) {
      for (const o of touched.values()) if (o !== null && pred(o as TableRecords[T])) out.push(o as TableRecords[T]);
    }
    return out;
  }

  findBy<T extends TableName>(table: T, field: string, value: string): TableRecords[T][] {
    const ids = this.state.tables[table].idsBy(field, value);
    if (ids === undefined) throw new Error(`no index on ${table}.${field}`);
    const out: TableRecords[T][] = [];
    const touched = this.touched(table);
    for (const id of ids) {
      if (touched !== undefined && touched.has(id)) continue;
      out.push(this.state.tables[table].get(id) as TableRecords[T]);
    }
    if (touched !== undefined) {
      for (const o of touched.values()) {
        if (o !== null && (o as unknown as Record<string, unknown>)[field] === value) out.push(o as TableRecords[T]);
      }
    }
    return out;
  }

  count(table: TableName): number {
    const touched = this.touched(table);
    const rows = this.state.tables[table].rows;
    if (touched === undefined) return rows.size;
    let n = rows.size;
    for (const [id, o] of touched) {
      const inBase = rows.has(id);
      if (inBase && o === null) n--;
      else if (!inBase && o !== null) n++;
    }
    return n;
  }

  kvGet(key: string): Uint8Array | undefined {
    return this.get('kv', key)?.value;
  }

  /** Ids of `table` some layer overrides, with their visible record (null = deleted). */
  private touched(table: TableName): Map<string, StoredObject | null> | undefined {
    let out: Map<string, StoredObject | null> | undefined;
    for (const l of this.layers) {
      const m = l.get(table);
      if (m === undefined || m.size === 0) continue;
      out ??= new Map();
      for (const [id, s] of m) if (!out.has(id)) out.set(id, s.obj);
    }
    return out;
  }
}

export class WriteTxImpl extends ReadTxImpl implements WriteTx {
  private readonly staged: Map<TableName, Map<string, StagedOp>>;
  private readonly ts: number;
  private readonly batch: BatchLayer | undefined;

  constructor(state: StoreState, ts: number, batch?: BatchLayer) {
    const staged = new Map<TableName, Map<string, StagedOp>>();
    super(state, batch === undefined ? [staged] : [staged, batch]);
    this.staged = staged;
    this.ts = ts;
    this.batch = batch;
  }

  /** The collected ops, in staging order per table. */
  ops(): StagedOp[] {
    const out: StagedOp[] = [];
    for (const m of this.staged.values()) {
      for (const op of m.values()) {
        if (op.deleteFirst !== undefined)
          out.push({ kind: 'd', table: op.table, id: op.id, expect: op.deleteFirst, obj: null });
        out.push(op);
      }
    }
    return out;
  }

  create<T extends TableName>(table: T, obj: NewObject<TableRecords[T]>): TableRecords[T] {
    const id = obj.id ?? newId();
    checkShape(table, obj);
    const s = this.stagedOp(table, id);
    if (s !== undefined) {
      if (s.obj !== null) throw alreadyExists(table, id);
      // deleted earlier in this tx: delete, then create
      s.deleteFirst = s.expect;
      s.kind = 'c';
      s.expect = 0;
      delete s.base;
      s.obj = this.stageObj(id, obj, this.ts);
      return s.obj as TableRecords[T];
    }
    if (this.get(table, id) !== undefined) throw alreadyExists(table, id);
    const staged = this.stageObj(id, obj, this.ts);
    this.setStaged({ kind: 'c', table, id, expect: 0, obj: staged });
    return staged as TableRecords[T];
  }

  update<T extends TableName>(table: T, obj: TableRecords[T]): TableRecords[T] {
    checkShape(table, obj);
    const id = obj.id;
    if (typeof id !== 'string' || id === '') throw new Error(`update of ${table} needs the record's id`);
    const s = this.stagedOp(table, id);
    if (s !== undefined) {
      if (s.obj === null) throw notFound(table, id);
      s.obj = this.stageObj(id, obj, s.obj.meta.createdAt);
      return s.obj as TableRecords[T];
    }
    const v = obj.meta?.version;
    if (typeof v !== 'number')
      throw new Error(`update of ${table} ${id} needs the version it was read at (meta.version)`);
    const expect = this.expectFor(table, id, v);
    const cur = this.get(table, id);
    const staged = this.stageObj(id, obj, cur?.meta.createdAt ?? this.ts);
    // the record the version check names, if we hold exactly it: the op can then carry a diff
    const base = cur !== undefined && (typeof expect === 'object' || cur.meta.version === expect) ? cur : undefined;
    this.setStaged({ kind: 'u', table, id, expect, obj: staged, base });
    return staged as TableRecords[T];
  }

  delete<T extends TableName>(table: T, idOrObj: string | TableRecords[T]): void {
    const id = typeof idOrObj === 'string' ? idOrObj : idOrObj.id;
    const s = this.stagedOp(table, id);
    if (s !== undefined) {
      if (s.obj === null) throw notFound(table, id);
      if (s.kind === 'c') {
        if (s.deleteFirst !== undefined) {
          // deleted, re-created, deleted again: just the first delete
          s.kind = 'd';
          s.expect = s.deleteFirst;
          delete s.deleteFirst;
          s.obj = null;
          return;
        }
        // created and deleted in one tx: it never existed; reads fall back to the layers below,
        // which did not hold it either (create checked)
        this.staged.get(table)!.delete(id);
        return;
      }
      // update -> delete keeps the update's version check; put -> delete stays blind (expect 0)
      s.kind = 'd';
      s.obj = null;
      return;
    }
    const v = typeof idOrObj === 'string' ? undefined : idOrObj.meta?.version;
    const expect = this.expectFor(table, id, v);
    this.setStaged({ kind: 'd', table, id, expect, obj: null });
  }

  put<T extends TableName>(table: T, obj: NewObject<TableRecords[T]> & { id: string }): TableRecords[T] {
    checkShape(table, obj);
    const id = obj.id;
    if (typeof id !== 'string' || id === '') throw new Error(`put into ${table} needs an id`);
    const s = this.stagedOp(table, id);
    const cur = this.get(table, id);
    const staged = this.stageObj(id, obj, cur?.meta.createdAt ?? this.ts);
    if (s !== undefined) {
      if (s.kind === 'd') {
        s.kind = 'p';
        s.expect = 0;
      }
      s.obj = staged;
      return staged as TableRecords[T];
    }
    this.setStaged({ kind: 'p', table, id, expect: 0, obj: staged });
    return staged as TableRecords[T];
  }

  kvPut(key: string, value: Uint8Array): void {
    this.put('kv', { id: key, value });
  }

  kvDelete(key: string): void {
    const s = this.stagedOp('kv', key);
    if (s !== undefined) {
      if (s.kind === 'c' && s.deleteFirst === undefined) this.staged.get('kv')!.delete(key);
      else {
        delete s.deleteFirst;
        s.kind = 'd';
        s.expect = 0;
        s.obj = null;
      }
      return;
    }
    this.setStaged({ kind: 'd', table: 'kv', id: key, expect: 0, obj: null });
  }

  private stagedOp(table: TableName, id: string): StagedOp | undefined {
    return this.staged.get(table)?.get(id);
  }

  private setStaged(op: StagedOp): void {
    let m = this.staged.get(op.table);
    if (m === undefined) {
      m = new Map();
      this.staged.set(op.table, m);
    }
    m.set(op.id, op);
  }

  private stageObj(id: string, obj: object, createdAt: number): StoredObject {
    return { ...obj, id, meta: { version: PENDING_VERSION, createdAt, updatedAt: this.ts } };
  }

  /**
   * The version check to carry for a change of a record the caller read at `callerVersion`
   * (undefined: whatever this view holds). Fails fast when the local state already proves it stale.
   */
  private expectFor(table: TableName, id: string, callerVersion: number | undefined): number | BatchRef {
    const pending = this.batch?.get(table)?.get(id);
    if (pending !== undefined) {
      if (pending.obj === null) throw notFound(table, id);
      if (callerVersion !== undefined && callerVersion !== pending.obj.meta.version) {
        throw conflict(table, id, pending.obj.meta.version, callerVersion);
      }
      return { ref: pending.writer };
    }
    const cur = this.state.tables[table].get(id);
    const v = callerVersion ?? cur?.meta.version;
    if (cur !== undefined) {
      if (v === undefined || cur.meta.version > v) throw conflict(table, id, cur.meta.version, v);
      // cur.meta.version < v: this replica lags the one the caller read from; apply decides
      return v;
    }
    if (v !== undefined && v > this.state.index) return v; // lagging replica: may exist on the leader
    throw notFound(table, id);
  }
}

function checkShape(table: TableName, obj: unknown): void {
  if (obj === null || typeof obj !== 'object') throw new Error(`${table}: record must be an object`);
  if (table === 'kv' && !((obj as { value?: unknown }).value instanceof Uint8Array)) {
    throw new Error('kv: value must be a Uint8Array');
  }
}
