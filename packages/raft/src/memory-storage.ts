// An in-memory Storage: used by tests and the simulator, and a reference for the LevelDB storage.
// ents[0] is a dummy entry holding the index and term of the last compacted entry (or 0/0).
import { bootstrapState } from './bootstrap.js';
import {
  CompactedError,
  UnavailableError,
  EntryType,
  EMPTY,
  entrySize,
  type ConfState,
  type Entry,
  type HardState,
  type NodeId,
  type Snapshot,
  type Storage,
} from './types.js';

export class SnapshotOutOfDateError extends Error {
  constructor() {
    super('requested index is older than the existing snapshot');
    this.name = 'SnapshotOutOfDateError';
  }
}

export class MemoryStorage implements Storage {
  private hardState: HardState = { term: 0, vote: 0, commit: 0 };
  private snap: Snapshot = { metadata: { index: 0, term: 0, confState: { voters: [], learners: [] } }, data: EMPTY };
  private ents: Entry[] = [{ index: 0, term: 0, type: EntryType.Normal, data: EMPTY }];

  /** A storage holding bootstrapState(voters): start the RawNode with applied = voters.length. */
  static bootstrap(voters: NodeId[]): MemoryStorage {
    const s = new MemoryStorage();
    const b = bootstrapState(voters);
    s.append(b.entries);
    s.setHardState(b.hardState);
    s.setConfState(b.confState);
    return s;
  }

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hardState }, confState: cloneConfState(this.snap.metadata.confState) };
  }

  setHardState(hs: HardState): void {
    this.hardState = { ...hs };
  }

  /**
   * Records the membership as of the applied index (what initialState() reports on restart). A real
   * storage persists it with the applied index; here it rides on the snapshot metadata.
   */
  setConfState(cs: ConfState): void {
    this.snap = { ...this.snap, metadata: { ...this.snap.metadata, confState: cloneConfState(cs) } };
  }

  entries(lo: number, hi: number, maxSize: number): Entry[] {
    const offset = this.ents[0]!.index;
    if (lo <= offset) throw new CompactedError();
    if (hi > this.lastIndex() + 1) throw new Error(`entries hi ${hi} is out of bound lastIndex ${this.lastIndex()}`);
    if (this.ents.length === 1) throw new UnavailableError();
    if (!Number.isFinite(maxSize) || maxSize <= 0) return this.ents.slice(lo - offset, hi - offset);
    // Find the cut first so that a small maxSize over a long log stays cheap.
    let size = 0;
    let end = lo - offset;
    for (; end < hi - offset; end++) {
      size += entrySize(this.ents[end]!);
      if (size > maxSize && end > lo - offset) break;
    }
    return this.ents.slice(lo - offset, end);
  }

  term(i: number): number {
    const offset = this.ents[0]!.index;
    if (i < offset) throw new CompactedError();
    if (i - offset >= this.ents.length) throw new UnavailableError();
    return this.ents[i - offset]!.term;
  }

  firstIndex(): number {
    return this.ents[0]!.index + 1;
  }

  lastIndex(): number {
    return this.ents[0]!.index + this.ents.length - 1;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  /** Replaces the log with a received snapshot. */
  applySnapshot(snap: Snapshot): void {
    if (snap.metadata.index <= this.snap.metadata.index) throw new SnapshotOutOfDateError();
    this.snap = { metadata: { ...snap.metadata, confState: cloneConfState(snap.metadata.confState) }, data: snap.data };
    this.ents = [{ index: snap.metadata.index, term: snap.metadata.term, type: EntryType.Normal, data: EMPTY }];
  }

  /** Records a snapshot of the application state at applied index i (i <= lastIndex). */
  createSnapshot(i: number, cs: ConfState | undefined, data: Uint8Array): Snapshot {
    if (i <= this.snap.metadata.index) throw new SnapshotOutOfDateError();
    if (i > this.lastIndex()) throw new Error(`snapshot ${i} is out of bound lastIndex ${this.lastIndex()}`);
    const offset = this.ents[0]!.index;
    this.snap = {
      metadata: {
        index: i,
        term: this.ents[i - offset]!.term,
        confState: cloneConfState(cs ?? this.snap.metadata.confState),
      },
      data,
    };
    return this.snap;
  }

  /** Discards entries before compactIndex; compactIndex itself becomes the dummy entry. */
  compact(compactIndex: number): void {
    const offset = this.ents[0]!.index;
    if (compactIndex <= offset) throw new CompactedError();
    if (compactIndex > this.lastIndex())
      throw new Error(`compact ${compactIndex} is out of bound lastIndex ${this.lastIndex()}`);
    const i = compactIndex - offset;
    const dummy: Entry = { index: this.ents[i]!.index, term: this.ents[i]!.term, type: EntryType.Normal, data: EMPTY };
    this.ents = [dummy, ...this.ents.slice(i + 1)];
  }

  /** Appends entries, discarding any stored entries at or after the first new index. */
  append(entries: Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const last = entries[entries.length - 1]!.index;
    if (last < first) return;
    if (first > entries[0]!.index) entries = entries.slice(first - entries[0]!.index);
    const offset = entries[0]!.index - this.ents[0]!.index;
    if (this.ents.length >= offset) {
      // Truncate (if needed) and append in place: appending is the hot path.
      this.ents.length = offset;
      for (const e of entries) this.ents.push(e);
    } else {
      throw new Error(`missing log entry [last: ${this.lastIndex()}, append at: ${entries[0]!.index}]`);
    }
  }
}

export function cloneConfState(cs: ConfState): ConfState {
  return { voters: [...cs.voters], learners: [...cs.learners] };
}
