// One table of the store's in-memory state: rows by id, a unique-name index for named tables, an
// index of the other unique keys (uniqueKeysOf) and
// secondary indexes on the fields listed in INDEXED_FIELDS. Only apply()/restore() mutate tables.

import { INDEXED_FIELDS, nameOf, uniqueKeysOf, type StoredObject, type TableName } from './objects.js';

export class Table {
  readonly name: TableName;
  readonly rows = new Map<string, StoredObject>();
  /** name -> id, for tables whose records carry a unique name. */
  readonly byName = new Map<string, string>();
  /** unique key (uniqueKeysOf) -> id. */
  readonly byKey = new Map<string, string>();
  /** field -> value -> ids. */
  readonly indexes = new Map<string, Map<string, Set<string>>>();

  constructor(name: TableName) {
    this.name = name;
    for (const f of INDEXED_FIELDS[name]) this.indexes.set(f, new Map());
  }

  get(id: string): StoredObject | undefined {
    return this.rows.get(id);
  }

  /** Insert or replace `obj` (old = the row it replaces, if any). */
  set(obj: StoredObject, old: StoredObject | undefined): void {
    if (old !== undefined && old.id === obj.id && this.sameKeys(old, obj)) {
      // most updates (a task's status) change nothing indexed: leave the indexes alone
      this.rows.set(obj.id, obj);
      return;
    }
    if (old !== undefined) this.unindex(old);
    this.rows.set(obj.id, obj);
    this.index(obj);
  }

  /** Do both versions of a row have the same name, unique keys and indexed field values? */
  private sameKeys(a: StoredObject, b: StoredObject): boolean {
    if (nameOf(this.name, a) !== nameOf(this.name, b)) return false;
    for (const field of this.indexes.keys()) {
      if ((a as unknown as Record<string, unknown>)[field] !== (b as unknown as Record<string, unknown>)[field])
        return false;
    }
    const ka = uniqueKeysOf(this.name, a);
    const kb = uniqueKeysOf(this.name, b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return false;
    return true;
  }

  delete(old: StoredObject): void {
    this.unindex(old);
    this.rows.delete(old.id);
  }

  clear(): void {
    this.rows.clear();
    this.byName.clear();
    this.byKey.clear();
    for (const m of this.indexes.values()) m.clear();
  }

  /** Ids whose indexed `field` equals `value` (undefined when the field is not indexed). */
  idsBy(field: string, value: string): ReadonlySet<string> | undefined {
    const idx = this.indexes.get(field);
    if (idx === undefined) return undefined;
    return idx.get(value) ?? EMPTY;
  }

  private index(obj: StoredObject): void {
    const n = nameOf(this.name, obj);
    if (n !== undefined) this.byName.set(n, obj.id);
    for (const k of uniqueKeysOf(this.name, obj)) this.byKey.set(k, obj.id);
    for (const [field, idx] of this.indexes) {
      const v = (obj as unknown as Record<string, unknown>)[field];
      if (typeof v !== 'string') continue;
      let set = idx.get(v);
      if (set === undefined) {
        set = new Set();
        idx.set(v, set);
      }
      set.add(obj.id);
    }
  }

  private unindex(obj: StoredObject): void {
    const n = nameOf(this.name, obj);
    if (n !== undefined && this.byName.get(n) === obj.id) this.byName.delete(n);
    for (const k of uniqueKeysOf(this.name, obj)) if (this.byKey.get(k) === obj.id) this.byKey.delete(k);
    for (const [field, idx] of this.indexes) {
      const v = (obj as unknown as Record<string, unknown>)[field];
      if (typeof v !== 'string') continue;
      const set = idx.get(v);
      if (set === undefined) continue;
      set.delete(obj.id);
      if (set.size === 0) idx.delete(v);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();
