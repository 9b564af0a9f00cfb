// The durable raft log on LevelDB (classic-level).
//
// Key layout (binary keys, byte order = numeric order):
//   'log/' + u64be(index)   -> encodeEntry(entry)
//   'meta/hardState'        -> {term, vote, commit}
//   'meta/confState'        -> ConfState as of 'meta/applied'
//   'meta/applied'          -> last applied index (written with the next batch, never fsynced alone)
//   'meta/truncated'        -> {index, term} of the last entry removed by compaction (term(firstIndex-1))
//   'meta/snapshot'         -> latest snapshot (metadata + state machine bytes; empty bytes when
//                              'meta/snapshotData' is present)
//   'meta/snapshotData'     -> u64be(index): the snapshot's state machine bytes are under 'snap/' + it
//   'snap/' + u64be(index)  -> state machine bytes of a snapshot this node took (see createSnapshot)
//   'meta/atRest'           -> present iff every value is encrypted at rest (at-rest/record-cipher.ts)
//
// Reads are synchronous and served from an in-memory copy of the uncompacted tail, loaded at open
// (the tail is bounded by snapshotting + compaction in the driver). Writes go through one serial
// writer: save(ready) is ONE atomic write-ahead record (wal.ts), durable when it resolves; LevelDB
// receives the operations from checkpoints (see write()).

import { join } from 'node:path';
import { ClassicLevel, type ChainedBatch } from 'classic-level';
import { ClusterError, ErrorCode, silentLogger, type Logger } from '@clusterctl/common';
import {
  CompactedError,
  UnavailableError,
  entrySize,
  type ConfState,
  type Entry,
  type HardState,
  type Ready,
  type Snapshot,
  type Storage,
} from '@clusterctl/raft';
import {
  CodecError,
  decodeConfState,
  decodeEntry,
  decodeHardState,
  decodeIndex,
  decodeIndexTerm,
  decodeSnapshot,
  encodeConfState,
  encodeEntry,
  encodeHardState,
  encodeIndex,
  encodeIndexTerm,
  encodeSnapshot,
  readU64,
  writeU64,
} from './codec.js';
import { OpsWriter, Wal, decodeOps } from './wal.js';
import { openAtRest, type RecordCipher } from './at-rest/index.js';

/** Size of each preallocated write-ahead file (see wal.ts); a full file is checkpointed. */
export const DEFAULT_WAL_BYTES = 8 * 1024 * 1024;
/**
 * The two write-ahead files, used in turn: when the one being appended to is full, appends go on in
 * the other while the full one is checkpointed beside them (see write()).
 */
const WAL_FILES = ['RAFT-WAL', 'RAFT-WAL-2'] as const;
/** Keys a checkpoint adds to its batch between two turns of the event loop. */
const CHECKPOINT_KEYS_PER_SLICE = 2048;

const LOG_PREFIX = Buffer.from('log/');
/** First key after the log family ('0' is the byte after '/'). */
const LOG_END = Buffer.from('log0');
const META_HARD_STATE = Buffer.from('meta/hardState');
const META_CONF_STATE = Buffer.from('meta/confState');
const META_APPLIED = Buffer.from('meta/applied');
const META_TRUNCATED = Buffer.from('meta/truncated');
const META_SNAPSHOT = Buffer.from('meta/snapshot');
const META_SNAPSHOT_DATA = Buffer.from('meta/snapshotData');
const SNAP_PREFIX = Buffer.from('snap/');

const EMPTY = new Uint8Array(0);

/** Key of log entry `index`: 'log/' followed by the index as a fixed-width 8-byte big-endian integer. */
export function logKey(index: number): Buffer {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`invalid log index ${index}`);
  const k = Buffer.allocUnsafe(LOG_PREFIX.length + 8);
  LOG_PREFIX.copy(k, 0);
  writeU64(k, LOG_PREFIX.length, index);
  return k;
}

/** Key of the state machine bytes of the snapshot taken at `index` (see createSnapshot). */
export function snapKey(index: number): Buffer {
  const k = Buffer.allocUnsafe(SNAP_PREFIX.length + 8);
  SNAP_PREFIX.copy(k, 0);
  writeU64(k, SNAP_PREFIX.length, index);
  return k;
}

export function indexOfLogKey(k: Uint8Array): number {
  if (k.length !== LOG_PREFIX.length + 8) throw new CodecError(`log key of ${k.length} bytes`);
  return readU64(k, LOG_PREFIX.length);
}

/** What a save() needs from a Ready (the rest of the Ready is the driver's business). */
export type PersistableReady = Pick<Ready, 'entries' | 'hardState' | 'snapshot' | 'mustSync'>;

export interface LevelStorageOptions {
  logger?: Logger;
  /** Size of the write-ahead file (default DEFAULT_WAL_BYTES). */
  walBytes?: number;
  /** Told the time of each synced write (metrics). */
  onSyncedWrite?: (seconds: number) => void;
  /**
   * Encrypts every value written (and so every write-ahead record) under the manager's data key. A
   * log written without one is encrypted in place at open; an encrypted log does not open without it.
   */
  cipher?: RecordCipher;
}

/**
 * The operations of one write: the write-ahead record, and the same operations kept as the last value
 * of each key since the checkpoint (a checkpoint writes those to LevelDB). LevelDB itself is written
 * only by checkpoints (and by a record too large for the write-ahead file, see write()).
 */
class WriteBatch {
  readonly ops = new OpsWriter();
  /** In order: for the checkpoint's coalesced operations, or a record that goes to LevelDB directly. */
  private readonly list: Array<[Buffer, Buffer | null]> = [];
  constructor(private readonly cipher: RecordCipher | undefined) {}

  put(key: Buffer, value: Uint8Array): void {
    const v =
      this.cipher !== undefined
        ? this.cipher.seal(key, value)
        : Buffer.isBuffer(value)
          ? value
          : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.ops.put(key, v);
    this.list.push([key, v]);
  }

  del(key: Buffer): void {
    this.ops.del(key);
    this.list.push([key, null]);
  }

  /** Records the operations as the last value of their keys in `pending`. */
  addTo(pending: Map<string, Buffer | null>): void {
    for (const [k, v] of this.list) pending.set(k.toString('latin1'), v);
  }

  get length(): number {
    return this.list.length;
  }

  /** The same operations as a LevelDB batch. */
  toLevel(db: ClassicLevel<Buffer, Buffer>): ChainedBatch<ClassicLevel<Buffer, Buffer>, Buffer, Buffer> {
    const b = db.batch();
    for (const [k, v] of this.list) {
      if (v === null) b.del(k);
      else b.put(k, v);
    }
    return b;
  }
}

export interface LevelStorageStats {
  /** Batches written by save() (and bootstrap/snapshot writes). */
  batches: number;
  /** Of which written with sync:true (one fsync each). */
  syncedBatches: number;
  /** Entries written. */
  entriesWritten: number;
  /** Write-ahead file checkpoints (one synced LevelDB batch each). */
  checkpoints: number;
}

function emptySnapshot(): Snapshot {
  return { metadata: { index: 0, term: 0, confState: { voters: [], learners: [] } }, data: EMPTY };
}

function isEmptyHardState(hs: HardState): boolean {
  return hs.term === 0 && hs.vote === 0 && hs.commit === 0;
}

export class LevelStorage implements Storage {
  /** Entries (trunc.index, trunc.index + ents.length], i.e. ents[k] has index trunc.index + 1 + k. */
  private ents: Entry[];
  private trunc: { index: number; term: number };
  private hs: HardState;
  private cs: ConfState;
  private appliedIndex: number;
  private snap: Snapshot;
  /** applied/confState staged to ride along with the next batch. */
  private staged: { applied: number; confState: ConfState } | undefined;
  /**
   * `hs` is ahead of the stored hard state: a commit-index-only change was kept in memory and
   * rides along with the next batch (see save()). Term and vote changes are never deferred.
   */
  private hsDirty = false;
  /** Tail of the serial write queue. */
  private queue: Promise<void> = Promise.resolve();
  /** Range deletes of compacted prefixes run off the queue (their keys are never written again). */
  private background = new Set<Promise<void>>();
  private closed = false;
  private readonly log: Logger;
  /**
   * Last value (null: deleted) of every key written to the active write-ahead file's current
   * generation, coalesced. Its checkpoint writes it as one synced batch.
   */
  private sinceCheckpoint = new Map<string, Buffer | null>();
  /** The write-ahead file appended to; the other one is empty or being checkpointed. */
  private active: Wal;
  /** The checkpoint of the other write-ahead file running beside the writes, if any. */
  private checkpointing: Promise<void> | undefined;
  /** Why a checkpoint beside the writes failed: every later write fails with it. */
  private checkpointError: Error | undefined;
  readonly stats: LevelStorageStats = { batches: 0, syncedBatches: 0, entriesWritten: 0, checkpoints: 0 };

  /** Told the time of each synced write (LevelStorageOptions.onSyncedWrite). */
  onSyncedWrite: ((seconds: number) => void) | undefined;

  private constructor(
    private readonly db: ClassicLevel<Buffer, Buffer>,
    private readonly wals: readonly [Wal, Wal],
    private readonly cipher: RecordCipher | undefined,
    readonly location: string,
    state: {
      ents: Entry[];
      trunc: { index: number; term: number };
      hs: HardState;
      cs: ConfState;
      applied: number;
      snap: Snapshot;
    },
    logger: Logger,
  ) {
    this.ents = state.ents;
    this.trunc = state.trunc;
    this.hs = state.hs;
    this.cs = state.cs;
    this.appliedIndex = state.applied;
    this.snap = state.snap;
    this.log = logger;
    // Both files are empty after open (replayed and reset); the newer generation goes on.
    this.active = wals[0].generation > wals[1].generation ? wals[0] : wals[1];
  }

  /** The write-ahead file being appended to (tests hook its writes). */
  get wal(): Wal {
    return this.active;
  }

  /** Opens (creating if needed) the raft log in `dir` and loads the uncompacted tail into memory. */
  static async open(dir: string, opts: LevelStorageOptions = {}): Promise<LevelStorage> {
    const log = opts.logger ?? silentLogger();
    const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
    try {
      await db.open();
    } catch (err) {
      throw openError(dir, err);
    }
    const wals: Wal[] = [];
    try {
      // Batches acknowledged as durable may exist only in the write-ahead files: replay their
      // current generations into LevelDB (synced), the older generation first, then start new ones.
      const opened: Array<{ wal: Wal; records: Buffer[]; path: string; file: number }> = [];
      for (const [file, name] of WAL_FILES.entries()) {
        const path = join(dir, name);
        const o = await Wal.open(path, opts.walBytes ?? DEFAULT_WAL_BYTES);
        wals.push(o.wal);
        opened.push({ ...o, path, file });
      }
      // Older generation first; on a tie (new files) the first file last, so appends start there.
      opened.sort((x, y) =>
        x.wal.generation !== y.wal.generation ? (x.wal.generation < y.wal.generation ? -1 : 1) : y.file - x.file,
      );
      const records = opened.reduce((n, o) => n + o.records.length, 0);
      if (records > 0) {
        const batch = db.batch();
        for (const o of opened) {
          for (const rec of o.records) {
            for (const op of decodeOps(rec, o.path)) {
              if (op.type === 'put') batch.put(op.key, op.value);
              else batch.del(op.key);
            }
          }
        }
        await batch.write({ sync: true });
        log.info({ dir, records }, 'raft log: write-ahead records replayed');
      }
      // Every generation starts after both current ones, the newest on the file appended to next.
      let next = opened[1]!.wal.generation;
      for (const o of opened) await o.wal.reset((next += 1n));
      await openAtRest(db, wals, opts.cipher, dir, log);
      const state = await load(db, opts.cipher);
      const storage = new LevelStorage(db, wals as [Wal, Wal], opts.cipher, dir, state, log);
      storage.onSyncedWrite = opts.onSyncedWrite;
      if (state.staleBelowMarker) storage.clearPrefixInBackground(state.trunc.index);
      log.info(
        {
          dir,
          firstIndex: storage.firstIndex(),
          lastIndex: storage.lastIndex(),
          commit: state.hs.commit,
          applied: state.applied,
          snapshotIndex: state.snap.metadata.index,
        },
        'raft log opened',
      );
      return storage;
    } catch (err) {
      for (const wal of wals) await wal.close().catch(() => undefined);
      await db.close().catch(() => undefined);
      if (err instanceof ClusterError) throw err;
      throw new ClusterError(ErrorCode.Corrupt, `raft log in ${dir} is unreadable: ${(err as Error).message}`, {
        hint: 'The manager data directory is damaged. Restore it from a backup, or remove this manager from the cluster and re-join it with an empty data directory.',
        cause: err,
      });
    }
  }

  // ---------------------------------------------------------------- Storage (synchronous reads)

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hs }, confState: cloneConfState(this.cs) };
  }

  entries(lo: number, hi: number, maxSize: number): Entry[] {
    if (lo <= this.trunc.index) throw new CompactedError();
    if (hi > this.lastIndex() + 1) throw new UnavailableError();
    if (lo >= hi) return [];
    const base = this.trunc.index + 1;
    const out: Entry[] = [this.ents[lo - base]!];
    let size = entrySize(out[0]!);
    for (let i = lo + 1; i < hi; i++) {
      const e = this.ents[i - base]!;
      size += entrySize(e);
      if (size > maxSize) break;
      out.push(e);
    }
    return out;
  }

  term(i: number): number {
    if (i === this.trunc.index) return this.trunc.term;
    if (i < this.trunc.index) throw new CompactedError();
    if (i > this.lastIndex()) throw new UnavailableError();
    return this.ents[i - this.trunc.index - 1]!.term;
  }

  firstIndex(): number {
    return this.trunc.index + 1;
  }

  lastIndex(): number {
    return this.trunc.index + this.ents.length;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  // ---------------------------------------------------------------- extras for the driver

  /** Last applied index as persisted (>= the snapshot index). */
  applied(): number {
    return this.appliedIndex;
  }

  hardState(): HardState {
    return { ...this.hs };
  }

  /** True when nothing was ever written: a brand-new node (bootstrap or join). */
  isEmpty(): boolean {
    return (
      isEmptyHardState(this.hs) && this.ents.length === 0 && this.trunc.index === 0 && this.snap.metadata.index === 0
    );
  }

  /** The truncation marker: the index and term of the last compacted entry. */
  truncated(): { index: number; term: number } {
    return { ...this.trunc };
  }

  /**
   * Persists one Ready: new entries (discarding persisted entries >= the first new index),
   * hard state and snapshot, in ONE atomic batch, fsynced iff mustSync. Any staged applied index
   * rides along. Resolves once durable (if synced) and visible to the synchronous reads.
   *
   * A Ready with nothing to make durable (no entries, no snapshot, mustSync false: at most a new
   * commit index) is not written at all: its hard state is kept in memory and written with the
   * next batch (or at close). The commit index is recoverable (the leader tells it again), and
   * every batch that stores an applied index also stores the newest hard state, so the stored
   * applied index never passes the stored commit index.
   */
  save(rd: PersistableReady): Promise<void> {
    return this.enqueue(() => this.doSave(rd, false));
  }

  private async doSave(rd: PersistableReady, force: boolean): Promise<void> {
    const hasSnapshot = rd.snapshot !== undefined && rd.snapshot.metadata.index > 0;
    const h = rd.hardState;
    // (A term or vote change always goes to disk, even if a caller passed mustSync false.)
    if (
      !force &&
      !rd.mustSync &&
      rd.entries.length === 0 &&
      !hasSnapshot &&
      (h === undefined || (h.term === this.hs.term && h.vote === this.hs.vote))
    ) {
      if (h !== undefined && h.commit !== this.hs.commit) {
        this.hs = { term: h.term, vote: h.vote, commit: h.commit };
        this.hsDirty = true;
      }
      return;
    }
    const batch = new WriteBatch(this.cipher);
    // The in-memory view changes only after the write succeeded.
    let trunc = this.trunc;
    // In-memory log after the write: keep the first `keep` entries of the current tail (or start
    // over after a snapshot), then append the new entries. Applied only once the write succeeded.
    let resetLog = false;
    let keep = this.ents.length;
    let snap = this.snap;
    let clearUpTo = -1;
    let clearSnapsBelow = -1;
    const stagedBefore = this.staged;
    let staged = stagedBefore;
    const oldLast = this.lastIndex();

    if (rd.snapshot !== undefined && rd.snapshot.metadata.index > 0) {
      const s = rd.snapshot;
      if (s.metadata.index <= this.snap.metadata.index) {
        throw new Error(
          `snapshot at ${s.metadata.index} is not newer than the stored one at ${this.snap.metadata.index}`,
        );
      }
      snap = s;
      batch.put(META_SNAPSHOT, encodeSnapshot(s));
      // Its bytes are inline: a reference to a snapshot this node took no longer applies.
      batch.del(META_SNAPSHOT_DATA);
      clearSnapsBelow = s.metadata.index + 1;
      // The snapshot replaces the whole log: entries <= its index are hidden by the marker (and
      // cleared after the write); entries above it are stale and deleted in this batch.
      trunc = { index: s.metadata.index, term: s.metadata.term };
      batch.put(META_TRUNCATED, encodeIndexTerm(trunc.index, trunc.term));
      for (let i = Math.max(this.trunc.index, trunc.index) + 1; i <= oldLast; i++) batch.del(logKey(i));
      clearUpTo = trunc.index;
      resetLog = true;
      keep = 0;
      // The state machine will be restored from this snapshot, so applied moves with it.
      staged = { applied: s.metadata.index, confState: cloneConfState(s.metadata.confState) };
    }

    if (rd.entries.length > 0) {
      const first = rd.entries[0]!.index;
      const last = trunc.index + keep;
      if (first <= trunc.index)
        throw new Error(`append at ${first} overlaps the compacted log (truncated at ${trunc.index})`);
      if (first > last + 1) throw new Error(`append at ${first} leaves a gap after last index ${last}`);
      for (let k = 0; k < rd.entries.length; k++) {
        const e = rd.entries[k]!;
        if (e.index !== first + k)
          throw new Error(`non-contiguous entries in ready: ${e.index} at position ${k} after ${first}`);
        batch.put(logKey(e.index), encodeEntry(e));
      }
      const newLast = first + rd.entries.length - 1;
      // Conflicting persisted entries beyond the new tail go in the same batch.
      for (let i = newLast + 1; i <= last; i++) batch.del(logKey(i));
      keep = first - trunc.index - 1;
    }

    let hs = this.hs;
    if (rd.hardState !== undefined)
      hs = { term: rd.hardState.term, vote: rd.hardState.vote, commit: rd.hardState.commit };
    if (rd.hardState !== undefined || this.hsDirty) batch.put(META_HARD_STATE, encodeHardState(hs));

    if (staged !== undefined) {
      batch.put(META_APPLIED, encodeIndex(staged.applied));
      batch.put(META_CONF_STATE, encodeConfState(staged.confState));
    }

    if (batch.length === 0) return;
    const t0 = rd.mustSync && this.onSyncedWrite !== undefined ? performance.now() : 0;
    await this.write(batch, rd.mustSync);
    if (t0 !== 0) this.onSyncedWrite!((performance.now() - t0) / 1000);
    this.stats.batches++;
    if (rd.mustSync) this.stats.syncedBatches++;
    this.stats.entriesWritten += rd.entries.length;

    this.trunc = trunc;
    if (resetLog) this.ents = [];
    else if (keep < this.ents.length) this.ents.length = keep;
    for (const e of rd.entries) this.ents.push(e);
    this.snap = snap;
    this.hs = hs;
    this.hsDirty = false;
    if (staged !== undefined) {
      this.appliedIndex = staged.applied;
      this.cs = staged.confState;
      if (this.staged === stagedBefore) this.staged = undefined;
    }
    if (clearUpTo > 0) this.clearPrefixInBackground(clearUpTo);
    if (clearSnapsBelow > 0) this.clearSnapsInBackground(clearSnapsBelow);
  }

  /**
   * Stages the applied index and the ConfState as of that index. They are written with the next
   * batch (no fsync of their own: a lost value only means replaying a few entries on restart).
   */
  setApplied(applied: number, confState: ConfState): void {
    if (applied < this.appliedIndex)
      throw new Error(`applied index going backwards: ${applied} < ${this.appliedIndex}`);
    this.staged = { applied, confState: cloneConfState(confState) };
  }

  /** Writes any staged applied index and deferred commit index now (e.g. before close). */
  flushApplied(): Promise<void> {
    return this.enqueue(async () => {
      if (this.staged === undefined && !this.hsDirty) return;
      await this.doSave({ entries: [], mustSync: false }, true);
    });
  }

  /** Persists the initial state of a brand-new cluster member (see bootstrapState in @clusterctl/raft). */
  async bootstrap(
    state: { entries: Entry[]; hardState: HardState; confState: ConfState },
    applied: number,
  ): Promise<void> {
    if (!this.isEmpty()) throw new Error('bootstrap on a non-empty raft log');
    this.setApplied(applied, state.confState);
    await this.save({ entries: state.entries, hardState: state.hardState, mustSync: true });
  }

  /**
   * Stores a snapshot the local state machine took at `index` (<= applied) and compacts the log,
   * keeping `keepEntries` entries behind the snapshot for slow followers.
   *
   * The state machine bytes (megabytes for a large state) are written to LevelDB first, synced,
   * under their own key ('snap/' + index) and beside the serial write queue: a write of the log
   * does not wait behind them. Then the snapshot's metadata, a reference to those bytes and the
   * truncation marker go through the queue as one small synced batch, so the reference is never
   * durable before the bytes. The prefix of the log and older snapshot bytes are cleared
   * afterwards (an interrupted clear is harmless: reads and open honour the marker and the reference).
   */
  async createSnapshot(index: number, confState: ConfState, data: Uint8Array, keepEntries: number): Promise<Snapshot> {
    if (this.closed) throw new Error('raft log storage is closed');
    const t0 = performance.now();
    if (index > this.snap.metadata.index) {
      if (this.db.status !== 'open') throw new Error(`raft log database is ${this.db.status}`);
      const key = snapKey(index);
      const value =
        this.cipher !== undefined
          ? this.cipher.seal(key, data)
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const put = this.db.put(key, value, { sync: true });
      const tracked = put.catch(() => undefined).finally(() => this.background.delete(tracked));
      this.background.add(tracked);
      await put;
    }
    const dataMs = Math.round(performance.now() - t0);
    return this.enqueue(async () => {
      // A newer snapshot may have been stored or installed meanwhile: this one is dropped (its bytes
      // are cleared with the next snapshot's).
      if (index <= this.snap.metadata.index) return this.snap;
      if (index > this.lastIndex()) throw new Error(`snapshot index ${index} beyond last index ${this.lastIndex()}`);
      const s: Snapshot = { metadata: { index, term: this.term(index), confState: cloneConfState(confState) }, data };
      const compactTo = Math.min(index, index - keepEntries);
      const batch = new WriteBatch(this.cipher);
      batch.put(META_SNAPSHOT, encodeSnapshot({ metadata: s.metadata, data: EMPTY }));
      batch.put(META_SNAPSHOT_DATA, encodeIndex(index));
      let trunc = this.trunc;
      if (compactTo > this.trunc.index) {
        trunc = { index: compactTo, term: this.term(compactTo) };
        batch.put(META_TRUNCATED, encodeIndexTerm(trunc.index, trunc.term));
      }
      // Persist applied/confState with it: the staged pair if any, else the snapshot's own.
      const pair =
        this.staged ?? (index > this.appliedIndex ? { applied: index, confState: s.metadata.confState } : undefined);
      if (pair !== undefined) {
        batch.put(META_APPLIED, encodeIndex(pair.applied));
        batch.put(META_CONF_STATE, encodeConfState(pair.confState));
      }
      // A snapshot holds applied, so committed, state: the hard state on disk never says less than
      // its index (raft refuses a commit index below the snapshot's at the next start).
      if (this.hs.commit < index) {
        this.hs = { ...this.hs, commit: index };
        this.hsDirty = true;
      }
      const hsWritten = this.hsDirty;
      if (hsWritten) batch.put(META_HARD_STATE, encodeHardState(this.hs));
      await this.write(batch, true);
      if (hsWritten) this.hsDirty = false;
      this.stats.batches++;
      this.stats.syncedBatches++;
      if (pair !== undefined) {
        this.appliedIndex = pair.applied;
        this.cs = cloneConfState(pair.confState);
        if (this.staged === pair) this.staged = undefined;
      }
      this.snap = s;
      if (trunc !== this.trunc) {
        this.ents = this.ents.slice(trunc.index - this.trunc.index);
        this.trunc = trunc;
        this.clearPrefixInBackground(trunc.index);
      }
      this.clearSnapsInBackground(index);
      this.log.info(
        {
          index,
          term: s.metadata.term,
          bytes: data.length,
          firstIndex: this.firstIndex(),
          dataMs,
          ms: Math.round(performance.now() - t0),
        },
        'snapshot stored, log compacted',
      );
      return s;
    });
  }

  /** Waits for queued writes and background clears, then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushApplied().catch(() => undefined);
    this.closed = true;
    await this.queue.catch(() => undefined);
    await Promise.allSettled([...this.background]);
    // A clean close leaves everything in LevelDB and empty write-ahead generations.
    await this.checkpointAll().catch((err: unknown) =>
      this.log.warn({ err }, 'checkpoint at close failed; the write-ahead files are replayed at next open'),
    );
    for (const wal of this.wals) await wal.close().catch(() => undefined);
    await this.db.close();
  }

  /**
   * Writes one batch as a write-ahead record (durable when this resolves: the files are opened
   * O_DSYNC). LevelDB is not written here: the operations stay in `sinceCheckpoint` until the
   * file's checkpoint writes their last values as one synced LevelDB batch, and a restart replays
   * the records of the current generations. One thread-pool round trip per write, and no LevelDB
   * write per batch.
   *
   * When the record does not fit, appends move to the other file (waiting only if that one's own
   * checkpoint is still running) and the full one is checkpointed beside the writes, so a
   * checkpoint does not hold them up. A record larger than a whole file goes to LevelDB synced,
   * after checkpointing both files (so no older record can be replayed over it).
   */
  private async write(b: WriteBatch, sync: boolean): Promise<void> {
    // A closed database (a failed disk, a test's crash) fails every write, as LevelDB itself would.
    if (this.db.status !== 'open') throw new Error(`raft log database is ${this.db.status}`);
    if (this.checkpointError !== undefined) throw this.checkpointError;
    const payload = b.ops.finish();
    if (!this.active.canEverFit(payload.length)) {
      await this.checkpointAll();
      await b.toLevel(this.db).write({ sync: true });
      return;
    }
    if (!this.active.fits(payload.length)) await this.rotate();
    b.addTo(this.sinceCheckpoint);
    await this.active.append(payload, sync);
  }

  /** Appends go on in the other file; the full one is checkpointed beside them. */
  private async rotate(): Promise<void> {
    await this.checkpointing;
    if (this.checkpointError !== undefined) throw this.checkpointError;
    const full = this.active;
    const ops = this.sinceCheckpoint;
    this.active = full === this.wals[0] ? this.wals[1] : this.wals[0];
    this.sinceCheckpoint = new Map();
    this.checkpointing = this.checkpoint(full, ops)
      .catch((err: unknown) => {
        this.checkpointError = err as Error;
        this.log.error(
          { err, file: full.path },
          'raft log: write-ahead checkpoint failed; the log stops taking writes',
        );
      })
      .finally(() => {
        this.checkpointing = undefined;
      });
  }

  /** Checkpoints both files now (the one beside the writes first); both are empty afterwards. */
  private async checkpointAll(): Promise<void> {
    await this.checkpointing;
    if (this.checkpointError !== undefined) throw this.checkpointError;
    if (this.sinceCheckpoint.size === 0) return;
    const ops = this.sinceCheckpoint;
    this.sinceCheckpoint = new Map();
    await this.checkpoint(this.active, ops);
  }

  /**
   * Makes the operations of one write-ahead file's generation durable in LevelDB by themselves: the
   * last value of each key, as one synced batch (a synced LevelDB write alone would not cover
   * unsynced writes left in an older LevelDB log file), then starts a new generation of that file,
   * numbered after every other. Compacted log entries are left out (reads and open honour the
   * truncation marker anyway).
   */
  private async checkpoint(wal: Wal, ops: Map<string, Buffer | null>): Promise<void> {
    const t0 = performance.now();
    const batch = this.db.batch();
    let keys = 0;
    for (const [k, v] of ops) {
      // A full generation is tens of thousands of keys: build the batch in slices, letting the
      // event loop run in between.
      if (++keys % CHECKPOINT_KEYS_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const key = Buffer.from(k, 'latin1');
      const logEnd = logKey(this.trunc.index + 1);
      if (
        v !== null &&
        key.length === logEnd.length &&
        key.subarray(0, LOG_PREFIX.length).equals(LOG_PREFIX) &&
        Buffer.compare(key, logEnd) < 0
      )
        continue;
      if (v === null) batch.del(key);
      else batch.put(key, v);
    }
    await batch.write({ sync: true });
    const other = wal === this.wals[0] ? this.wals[1] : this.wals[0];
    await wal.reset((other.generation > wal.generation ? other.generation : wal.generation) + 1n);
    this.stats.checkpoints++;
    this.log.info({ keys: ops.size, ms: Math.round(performance.now() - t0) }, 'raft log: write-ahead checkpoint');
  }

  /** Raw access for tests and tools (read-only use). */
  get database(): ClassicLevel<Buffer, Buffer> {
    return this.db;
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('raft log storage is closed'));
    const run = this.queue.then(fn);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Clears the bytes of snapshots before `below` (no reference to them is left once this runs). */
  private clearSnapsInBackground(below: number): void {
    const p = this.db
      .clear({ gte: snapKey(0), lt: snapKey(below) })
      .catch((err: unknown) => this.log.warn({ err, below }, 'clearing older snapshot bytes failed (harmless)'))
      .finally(() => this.background.delete(p));
    this.background.add(p);
  }

  private clearPrefixInBackground(upTo: number): void {
    const p = this.db
      .clear({ gte: logKey(0), lt: logKey(upTo + 1) })
      .catch((err: unknown) =>
        this.log.warn({ err, upTo }, 'clearing compacted log prefix failed (harmless, retried at next open)'),
      )
      .finally(() => this.background.delete(p));
    this.background.add(p);
  }
}

function cloneConfState(cs: ConfState): ConfState {
  return { voters: [...cs.voters], learners: [...cs.learners] };
}

async function load(
  db: ClassicLevel<Buffer, Buffer>,
  cipher: RecordCipher | undefined,
): Promise<{
  ents: Entry[];
  trunc: { index: number; term: number };
  hs: HardState;
  cs: ConfState;
  applied: number;
  snap: Snapshot;
  staleBelowMarker: boolean;
}> {
  const metaKeys = [META_HARD_STATE, META_CONF_STATE, META_APPLIED, META_TRUNCATED, META_SNAPSHOT, META_SNAPSHOT_DATA];
  const [hsB, csB, appliedB, truncB, snapB, snapDataB] = (await db.getMany(metaKeys)).map((v, i) =>
    v === undefined || cipher === undefined ? v : cipher.open(metaKeys[i]!, v),
  );
  const hs = hsB === undefined ? { term: 0, vote: 0, commit: 0 } : decodeHardState(hsB);
  const trunc = truncB === undefined ? { index: 0, term: 0 } : decodeIndexTerm(truncB);
  let snap = snapB === undefined ? emptySnapshot() : decodeSnapshot(snapB);
  if (snapDataB !== undefined) {
    // The bytes of a snapshot this node took are under their own key (see createSnapshot).
    const at = decodeIndex(snapDataB);
    if (at !== snap.metadata.index)
      throw new CodecError(`snapshot bytes referenced at ${at}, but the snapshot is at ${snap.metadata.index}`);
    const key = snapKey(at);
    const data = await db.get(key);
    if (data === undefined) throw new CodecError(`the bytes of the snapshot at ${at} are missing`);
    snap = { metadata: snap.metadata, data: cipher === undefined ? data : cipher.open(key, data) };
  }
  let cs = csB === undefined ? { voters: [], learners: [] } : decodeConfState(csB);
  let applied = appliedB === undefined ? 0 : decodeIndex(appliedB);
  if (snap.metadata.index > applied) {
    applied = snap.metadata.index;
    cs = cloneConfState(snap.metadata.confState);
  }
  if (trunc.index > snap.metadata.index)
    throw new CodecError(`truncation marker ${trunc.index} is past the snapshot at ${snap.metadata.index}`);

  const ents: Entry[] = [];
  let expect = trunc.index + 1;
  for await (const [k, v] of db.iterator({ gte: logKey(trunc.index + 1), lt: LOG_END })) {
    const index = indexOfLogKey(k);
    if (index !== expect) throw new CodecError(`log has a gap: expected entry ${expect}, found ${index}`);
    const e = decodeEntry(cipher === undefined ? v : cipher.open(k, v));
    if (e.index !== index) throw new CodecError(`entry under key ${index} claims index ${e.index}`);
    ents.push(e);
    expect++;
  }
  const last = trunc.index + ents.length;
  if (hs.commit > last) throw new CodecError(`commit index ${hs.commit} is beyond the last entry ${last}`);
  if (applied > Math.max(hs.commit, snap.metadata.index))
    throw new CodecError(`applied index ${applied} is beyond commit ${hs.commit}`);

  const stale = await db.keys({ gte: logKey(0), lt: logKey(trunc.index + 1), limit: 1 }).all();
  return { ents, trunc, hs, cs, applied, snap, staleBelowMarker: stale.length > 0 };
}

function openError(dir: string, err: unknown): ClusterError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code;
  const detail = cause?.message ?? (err as Error).message;
  if (code === 'LEVEL_LOCKED') {
    return new ClusterError(ErrorCode.FailedPrecondition, `raft log in ${dir} is locked by another process`, {
      hint: 'Another clusterctl daemon (or a tool) has this data directory open. Stop it, or give this daemon its own data directory.',
      details: { dir },
      cause: err,
    });
  }
  if (code === 'LEVEL_CORRUPTION') {
    return new ClusterError(ErrorCode.Corrupt, `raft log in ${dir} is corrupt: ${detail}`, {
      hint: 'Restore the manager data directory from a backup, or remove this manager from the cluster and re-join it with an empty data directory.',
      details: { dir },
      cause: err,
    });
  }
  return new ClusterError(ErrorCode.FailedPrecondition, `cannot open raft log in ${dir}: ${detail}`, {
    hint: 'Check that the data directory exists, is writable by this user and that the disk is not full.',
    details: { dir },
    cause: err,
  });
}
