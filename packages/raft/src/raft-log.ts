// The log as the raft core sees it: durable Storage underneath, the UnstableLog on top, and the
// commit/applied cursors. All the log algebra of the paper (§5.3 log matching, §5.4 commit) lives here.
import { UnstableLog } from './log-unstable.js';
import { CompactedError, UnavailableError, type Entry, type Snapshot, type Storage } from './types.js';
import { limitSize } from './util.js';

export class RaftLog {
  readonly storage: Storage;
  readonly unstable: UnstableLog;
  /** Highest index known to be committed (on a quorum). */
  committed: number;
  /** Highest index handed to the application in a Ready (maybe not applied yet). */
  applying: number;
  /** Highest index the application reported applied (advance()). */
  applied: number;
  /** Max bytes of committed entries handed out at once (Infinity = no limit). */
  readonly maxApplyingSize: number;

  constructor(storage: Storage, maxApplyingSize = Infinity) {
    this.storage = storage;
    const first = storage.firstIndex();
    const last = storage.lastIndex();
    this.unstable = new UnstableLog(last + 1);
    this.committed = first - 1;
    this.applying = first - 1;
    this.applied = first - 1;
    this.maxApplyingSize = maxApplyingSize > 0 ? maxApplyingSize : Infinity;
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  lastTerm(): number {
    return this.term(this.lastIndex());
  }

  /** Term of entry i; valid for [firstIndex()-1, lastIndex()]. Throws CompactedError/UnavailableError. */
  term(i: number): number {
    const dummy = this.firstIndex() - 1;
    if (i < dummy) throw new CompactedError();
    if (i > this.lastIndex()) throw new UnavailableError();
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    return this.storage.term(i);
  }

  /** term(i), or 0 when i is outside the available range. */
  termOrZero(i: number): number {
    // Bounds first: building an Error (stack trace) per new entry would dominate the hot path.
    if (i < this.firstIndex() - 1 || i > this.lastIndex()) return 0;
    try {
      return this.term(i);
    } catch (err) {
      if (err instanceof CompactedError || err instanceof UnavailableError) return 0;
      throw err;
    }
  }

  matchTerm(i: number, t: number): boolean {
    if (i < this.firstIndex() - 1 || i > this.lastIndex()) return false;
    try {
      return this.term(i) === t;
    } catch (err) {
      if (err instanceof CompactedError || err instanceof UnavailableError) return false;
      throw err;
    }
  }

  /**
   * Follower side of AppendEntries: if our entry at `index` has term `logTerm`, append `ents`
   * (truncating only from the first real conflict) and advance commit to min(commit, last new index).
   * Returns the last new index, or undefined when the consistency check fails.
   */
  maybeAppend(index: number, logTerm: number, commit: number, ents: Entry[]): number | undefined {
    if (!this.matchTerm(index, logTerm)) return undefined;
    const lastNew = index + ents.length;
    const ci = this.findConflict(ents);
    if (ci !== 0) {
      if (ci <= this.committed) {
        throw new Error(`entry ${ci} conflicts with committed entry (committed ${this.committed})`);
      }
      this.append(ents.slice(ci - (index + 1)));
    }
    this.commitTo(Math.min(commit, lastNew));
    return lastNew;
  }

  /** Appends entries (which may overwrite uncommitted ones); returns the new last index. */
  append(ents: Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0]!.index - 1;
    if (after < this.committed) {
      throw new Error(`cannot append after ${after}: it is below committed ${this.committed}`);
    }
    if (after > this.lastIndex()) {
      throw new Error(`cannot append after ${after}: gap after last index ${this.lastIndex()}`);
    }
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  /**
   * Index of the first entry in `ents` that is new or conflicts with ours (same index, different
   * term); 0 if all of them are already present.
   */
  findConflict(ents: Entry[]): number {
    for (const e of ents) {
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The largest index <= `index` whose term is <= `term` (or whose term is unknown), with its term.
   * Used for fast back-off after a rejected append (both sides).
   */
  findConflictByTerm(index: number, term: number): [number, number] {
    for (; index > 0; index--) {
      let ourTerm: number;
      try {
        ourTerm = this.term(index);
      } catch (err) {
        if (err instanceof CompactedError || err instanceof UnavailableError) return [index, 0];
        throw err;
      }
      if (ourTerm <= term) return [index, ourTerm];
    }
    return [0, 0];
  }

  commitTo(toCommit: number): void {
    if (this.committed >= toCommit) return;
    if (this.lastIndex() < toCommit) {
      throw new Error(`commit ${toCommit} is out of range [last index ${this.lastIndex()}]`);
    }
    this.committed = toCommit;
  }

  /** Leader commit rule: only an entry of the current term is committed by counting replicas. */
  maybeCommit(maxIndex: number, term: number): boolean {
    if (maxIndex > this.committed && this.termOrZero(maxIndex) === term) {
      this.commitTo(maxIndex);
      return true;
    }
    return false;
  }

  appliedTo(i: number): void {
    if (i === 0) return;
    if (this.committed < i || i < this.applied) {
      throw new Error(`applied ${i} is out of range [prev applied ${this.applied}, committed ${this.committed}]`);
    }
    this.applied = i;
    if (this.applying < i) this.applying = i;
  }

  acceptApplying(i: number): void {
    if (i > this.applying) this.applying = i;
  }

  stableTo(i: number, t: number): void {
    this.unstable.stableTo(i, t);
  }

  stableSnapTo(i: number): void {
    this.unstable.stableSnapTo(i);
  }

  hasNextCommittedEnts(): boolean {
    if (this.unstable.snapshot) return false;
    const lo = Math.max(this.applying + 1, this.firstIndex());
    return this.committed + 1 > lo;
  }

  /** Committed entries not yet handed out, bounded by maxApplyingSize. */
  nextCommittedEnts(): Entry[] {
    if (!this.hasNextCommittedEnts()) return [];
    const lo = Math.max(this.applying + 1, this.firstIndex());
    return this.slice(lo, this.committed + 1, this.maxApplyingSize);
  }

  unstableEntries(): Entry[] {
    return this.unstable.entries.slice();
  }

  /** Entries from lo to the end, bounded by maxSize bytes. */
  entries(lo: number, maxSize: number): Entry[] {
    if (lo > this.lastIndex()) return [];
    return this.slice(lo, this.lastIndex() + 1, maxSize);
  }

  allEntries(): Entry[] {
    return this.entries(this.firstIndex(), Infinity);
  }

  /** Entries in [lo, hi) bounded by maxSize (at least one). Throws CompactedError if lo was compacted. */
  slice(lo: number, hi: number, maxSize: number): Entry[] {
    if (lo > hi) throw new Error(`invalid slice ${lo} > ${hi}`);
    const first = this.firstIndex();
    if (lo < first) throw new CompactedError();
    const last = this.lastIndex();
    if (hi > last + 1) throw new Error(`slice [${lo},${hi}) out of bound [${first},${last}]`);
    if (lo === hi) return [];
    let ents: Entry[] = [];
    const off = this.unstable.offset;
    if (lo < off) {
      const stored = this.storage.entries(lo, Math.min(hi, off), maxSize);
      // Storage returned fewer than asked: the size limit was hit.
      if (stored.length < Math.min(hi, off) - lo) return stored;
      ents = stored;
    }
    if (hi > off) {
      const uns = this.unstable.slice(Math.max(lo, off), hi);
      ents = ents.length > 0 ? ents.concat(uns) : uns;
    }
    return limitSize(ents, maxSize);
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  restore(s: Snapshot): void {
    this.committed = s.metadata.index;
    this.unstable.restore(s);
  }

  isUpToDate(lastIndex: number, term: number): boolean {
    const ourTerm = this.lastTerm();
    return term > ourTerm || (term === ourTerm && lastIndex >= this.lastIndex());
  }
}
