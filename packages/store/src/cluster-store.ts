// The replicated cluster store: a StateMachine fed by committed raft entries, plus the client side
// (transactions, batches, reads, watches) that turns changes into proposals via a Proposer.

import { ClusterError, ErrorCode, outcomeUnknownDetails, silentLogger, type Logger } from '@clusterctl/common';
import type { ProposeOptions, Proposer, StateMachine } from './proposer.js';
import { StoreState, ApplyResult } from './state.js';
import {
  decodeEntry,
  decodeSnapshot,
  encodeBody,
  encodeEntry,
  encodeMergeBody,
  encodeOp,
  type OpKind,
} from './codec.js';
import { ReadTxImpl, WriteTxImpl, type BatchLayer, type ReadTx, type StagedOp, type WriteTx } from './tx.js';
import { Watcher, type WatchOptions } from './watch.js';
import type { ObjectEvent, StoreEvent } from './events.js';

export interface ClusterStoreConfig {
  /** How changes are replicated. May be attached later with setProposer() (the raft driver needs the store first). */
  proposer?: Proposer;
  /** Clock for the timestamp carried in proposals (ms since the Unix epoch). Default Date.now. */
  now?: () => number;
  logger?: Logger;
  /** update() re-runs its function this many more times after a CONFLICT. Default 5. */
  maxConflictRetries?: number;
  /** A batch is split into proposals of at most about this many bytes. Default 256 KiB. */
  maxProposalBytes?: number;
  /** ...and at most this many ops. Default 10_000. */
  maxOpsPerProposal?: number;
  /**
   * A batch has at most this many proposals in flight: the next is made once an earlier one was
   * applied. Default 2. Megabytes proposed at once queue in front of everything else the leader
   * sends its followers (their heartbeats too) and are applied in one go on every member.
   */
  maxProposalsInFlight?: number;
}

export const STORE_DEFAULTS = {
  maxConflictRetries: 5,
  maxProposalBytes: 256 << 10,
  maxOpsPerProposal: 10_000,
  maxProposalsInFlight: 2,
} as const;

export interface Batch {
  /**
   * Queue one transaction. `fn` runs now, synchronously, against the committed state plus the
   * changes queued earlier in this batch. Each transaction of a batch commits or fails on its own
   * (no retry); the batch is split into as few proposals as the size limits allow.
   * A ClusterError thrown by `fn` fails only that transaction; any other error aborts the batch.
   */
  update(fn: (tx: WriteTx) => void): void;
}

export interface BatchResult {
  /** Transactions applied. */
  applied: number;
  /** Transactions that failed, by position (order of Batch.update calls), with why. */
  failed: { position: number; error: ClusterError }[];
  /** Proposals made. */
  proposals: number;
}

interface PendingSub {
  position: number;
  ops: StagedOp[];
  bodies: string[];
  bytes: number;
}

export class ClusterStore implements StateMachine {
  private readonly state = new StoreState();
  private proposer: Proposer | undefined;
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly maxConflictRetries: number;
  private readonly maxProposalBytes: number;
  private readonly maxOpsPerProposal: number;
  private readonly maxProposalsInFlight: number;
  private readonly watchers = new Set<Watcher>();
  private commitWatchers = 0;

  constructor(config: ClusterStoreConfig = {}) {
    this.proposer = config.proposer;
    this.now = config.now ?? Date.now;
    this.log = config.logger ?? silentLogger();
    this.maxConflictRetries = config.maxConflictRetries ?? STORE_DEFAULTS.maxConflictRetries;
    this.maxProposalBytes = config.maxProposalBytes ?? STORE_DEFAULTS.maxProposalBytes;
    this.maxOpsPerProposal = config.maxOpsPerProposal ?? STORE_DEFAULTS.maxOpsPerProposal;
    this.maxProposalsInFlight = config.maxProposalsInFlight ?? STORE_DEFAULTS.maxProposalsInFlight;
    if (!(this.maxProposalsInFlight >= 1)) throw new Error('maxProposalsInFlight must be >= 1');
  }

  setProposer(p: Proposer): void {
    this.proposer = p;
  }

  /** Raft index of the last applied entry. */
  get version(): number {
    return this.state.index;
  }

  // ---------------------------------------------------------------------------------------------
  // StateMachine

  apply(data: Uint8Array, index: number): unknown {
    if (index <= this.state.index) {
      this.log.warn({ index, applied: this.state.index }, 'ignoring entry at or below the applied index');
      return new ClusterError(ErrorCode.Internal, `entry ${index} was already applied`);
    }
    if (data.length === 0) {
      this.state.index = index; // raft's empty entries (leader no-op)
      return new ApplyResult(index, []);
    }
    const entry = decodeEntry(data);
    if (typeof entry === 'string') {
      this.state.index = index;
      this.log.warn({ index, bytes: data.length, reason: entry }, 'rejected malformed store entry');
      return new ClusterError(ErrorCode.Corrupt, `malformed store entry at index ${index}: ${entry}`, {
        hint: 'a client or peer sent bytes the store cannot decode; nothing was changed',
        details: { index },
      });
    }
    const events: ObjectEvent[] | undefined = this.watchers.size > 0 ? [] : undefined;
    const result = this.state.applyEntry(entry, index, events);
    if (events !== undefined) this.emit(events, index);
    return result;
  }

  snapshot(): Uint8Array {
    return this.state.snapshot();
  }

  /**
   * The state as of now; the returned function encodes it (the bytes snapshot() gives now) in
   * slices, yielding to the event loop in between, so a large store does not stall everything
   * else while it is written out.
   */
  captureSnapshot(): () => Promise<Uint8Array> {
    return this.state.captureSnapshot(() => new Promise<void>((resolve) => setImmediate(resolve)));
  }

  restore(data: Uint8Array): void {
    const s = decodeSnapshot(data); // throws CORRUPT before anything changes
    this.state.load(s);
    this.log.info({ index: s.index }, 'store restored from snapshot');
    const reset: StoreEvent = { type: 'reset', version: s.index };
    for (const w of [...this.watchers]) w.push(reset);
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  /** A local read: consistent, but possibly behind the leader. `fn` must be synchronous. */
  view<T>(fn: (tx: ReadTx) => T): T {
    return fn(new ReadTxImpl(this.state));
  }

  /** A linearizable read: waits for the local state to catch up with the commit index first. */
  async linearizableView<T>(fn: (tx: ReadTx) => T): Promise<T> {
    await this.requireProposer().readBarrier();
    return this.view(fn);
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  /**
   * Runs `fn` (synchronously) against the local state, proposes the changes it staged and resolves
   * with fn's return value once they are applied. On CONFLICT (someone changed a record fn read and
   * changed) fn is re-run against the newer state, up to maxConflictRetries times. Rejects with the
   * ClusterError of apply (CONFLICT, ALREADY_EXISTS, NOT_FOUND) or of the proposer (NO_LEADER...).
   * A transaction that stages nothing proposes nothing. `opts.leaderTerm` fences the write to a
   * leader term (ProposeOptions): a leader-only component's decision.
   */
  async update<T>(fn: (tx: WriteTx) => T, opts?: ProposeOptions): Promise<T> {
    return (await this.commit(fn, opts)).result;
  }

  /**
   * update(), also telling the raft index the changes were applied at (`version`, the meta.version
   * of every record written; the applied index at the time if nothing was staged).
   */
  async commit<T>(fn: (tx: WriteTx) => T, opts?: ProposeOptions): Promise<{ result: T; version: number }> {
    for (let attempt = 0; ; attempt++) {
      const ts = this.now();
      const tx = new WriteTxImpl(this.state, ts);
      let result: T;
      try {
        result = fn(tx);
        if (isThenable(result)) throw new Error('store.update(fn): fn must be synchronous');
      } catch (e) {
        if (isConflict(e) && attempt < this.maxConflictRetries) continue;
        throw e;
      }
      const ops = tx.ops();
      if (ops.length === 0) return { result, version: this.state.index };
      const txJson =
        '[' + ops.map((op) => encodeOp(opKind(op), op.table, op.id, op.expect as number, opBody(op))).join(',') + ']';
      let err: ClusterError | null;
      let out: unknown;
      try {
        out = await this.requireProposer().propose(encodeEntry(ts, [txJson]), opts);
        err = outcomeOf(out, 0);
      } catch (e) {
        err = isClusterError(e) ? e : null;
        if (err === null) throw e;
      }
      if (err === null) return { result, version: (out as ApplyResult).index };
      if (err.code === ErrorCode.Conflict && attempt < this.maxConflictRetries) {
        this.log.debug({ attempt, details: err.details }, 'transaction conflicted; retrying');
        continue;
      }
      throw err;
    }
  }

  /**
   * Many small independent transactions in few proposals (the scheduler's thousands of task
   * updates). See Batch. Resolves when every proposal made has been applied (or failed).
   */
  async batch(fn: (b: Batch) => void | Promise<void>, opts?: ProposeOptions): Promise<BatchResult> {
    const ts = this.now();
    const layer: BatchLayer = new Map();
    const subs: PendingSub[] = [];
    const failed: { position: number; error: ClusterError }[] = [];
    let count = 0;
    const b: Batch = {
      update: (txFn) => {
        const position = count++;
        const tx = new WriteTxImpl(this.state, ts, layer);
        try {
          const r: unknown = txFn(tx);
          if (isThenable(r)) throw new Error('batch.update(fn): fn must be synchronous');
        } catch (e) {
          if (isClusterError(e)) {
            failed.push({ position, error: e });
            return;
          }
          throw e;
        }
        const ops = tx.ops();
        if (ops.length === 0) return;
        let bytes = 2;
        const bodies = ops.map((op) => {
          const body = opBody(op);
          bytes += body.length + op.id.length + 24;
          return body;
        });
        for (const op of ops) {
          let m = layer.get(op.table);
          if (m === undefined) {
            m = new Map();
            layer.set(op.table, m);
          }
          m.set(op.id, { obj: op.obj, writer: position });
        }
        subs.push({ position, ops, bodies, bytes });
      },
    };
    await fn(b);
    if (subs.length === 0) return { applied: 0, failed, proposals: 0 };
    const proposer = this.requireProposer();

    // split into chunks by size
    const chunks: PendingSub[][] = [];
    let cur: PendingSub[] = [];
    let curBytes = 0;
    let curOps = 0;
    for (const s of subs) {
      if (
        cur.length > 0 &&
        (curBytes + s.bytes > this.maxProposalBytes || curOps + s.ops.length > this.maxOpsPerProposal)
      ) {
        chunks.push(cur);
        cur = [];
        curBytes = 0;
        curOps = 0;
      }
      cur.push(s);
      curBytes += s.bytes;
      curOps += s.ops.length;
    }
    chunks.push(cur);

    const chunkOf = new Map<number, number>();
    chunks.forEach((c, i) => {
      for (const s of c) chunkOf.set(s.position, i);
    });
    /** position -> applied at index, or failed */
    const outcome = new Map<number, number | ClusterError>();
    const done: Promise<void>[] = [];
    let applied = 0;
    let proposals = 0;

    for (let ci = 0; ci < chunks.length; ci++) {
      const chunk = chunks[ci]!;
      // a tx that builds on a record written in an earlier proposal waits for that proposal
      const waitFor = new Set<number>();
      for (const s of chunk) {
        for (const op of s.ops) {
          if (typeof op.expect === 'object') {
            const c = chunkOf.get(op.expect.ref)!;
            if (c !== ci) waitFor.add(c);
          }
        }
      }
      // bounded in flight: wait for the proposal maxProposalsInFlight before this one
      if (ci >= this.maxProposalsInFlight) waitFor.add(ci - this.maxProposalsInFlight);
      if (waitFor.size > 0) await Promise.all([...waitFor].map((c) => done[c]!));
      const included: PendingSub[] = [];
      const txJson: string[] = [];
      const localPos = new Map<number, number>();
      for (const s of chunk) {
        let dependencyFailed = false;
        const opJson: string[] = [];
        s.ops.forEach((op, i) => {
          let expect: number;
          if (typeof op.expect === 'number') expect = op.expect;
          else {
            const w = op.expect.ref;
            const local = localPos.get(w);
            const o = outcome.get(w);
            if (local !== undefined) expect = -(local + 1);
            else if (typeof o === 'number') expect = o;
            else {
              dependencyFailed = true;
              return;
            }
          }
          opJson.push(encodeOp(opKind(op), op.table, op.id, expect, s.bodies[i]!));
        });
        if (dependencyFailed) {
          const error = new ClusterError(
            ErrorCode.Conflict,
            'an earlier transaction of this batch that this one builds on failed',
            {
              hint: 'read again and retry',
            },
          );
          outcome.set(s.position, error);
          failed.push({ position: s.position, error });
          continue;
        }
        localPos.set(s.position, included.length);
        included.push(s);
        txJson.push('[' + opJson.join(',') + ']');
      }
      if (included.length === 0) {
        done[ci] = Promise.resolve();
        continue;
      }
      proposals++;
      done[ci] = proposer.propose(encodeEntry(ts, txJson), opts).then(
        (out) => {
          included.forEach((s, i) => {
            const err = outcomeOf(out, i);
            if (err === null) {
              outcome.set(s.position, (out as ApplyResult).index);
              applied++;
            } else {
              outcome.set(s.position, err);
              failed.push({ position: s.position, error: err });
            }
          });
        },
        (e: unknown) => {
          const err = isClusterError(e)
            ? e
            : new ClusterError(ErrorCode.Internal, `proposal failed: ${String(e)}`, { cause: e });
          for (const s of included) {
            outcome.set(s.position, err);
            failed.push({ position: s.position, error: err });
          }
        },
      );
    }
    await Promise.all(done);
    failed.sort((a, b) => a.position - b.position);
    return { applied, failed, proposals };
  }

  // ---------------------------------------------------------------------------------------------
  // Watches

  /**
   * Events of changes applied from now on, in commit order. A view() and a watch() made in the
   * same synchronous turn see no gap and no overlap. Close with close() or by breaking a for-await.
   */
  watch(opts: WatchOptions = {}): Watcher {
    const w = new Watcher(opts, (x) => {
      if (this.watchers.delete(x) && x.commitEvents) this.commitWatchers--;
    });
    this.watchers.add(w);
    if (w.commitEvents) this.commitWatchers++;
    return w;
  }

  /** Closes every watcher (they end normally). */
  close(): void {
    for (const w of [...this.watchers]) w.close();
  }

  private emit(events: ObjectEvent[], index: number): void {
    if (events.length > 0) {
      for (const w of [...this.watchers]) {
        for (const e of events) {
          if (w.closed) break;
          w.push(e);
        }
      }
    }
    if (this.commitWatchers > 0) {
      const c: StoreEvent = { type: 'commit', version: index };
      for (const w of [...this.watchers]) if (w.commitEvents) w.push(c);
    }
  }

  private requireProposer(): Proposer {
    if (this.proposer === undefined)
      throw new Error('ClusterStore: no proposer attached (config.proposer or setProposer())');
    return this.proposer;
  }
}

/** Updates of a record we hold at the exact expected version travel as a diff ('m'). */
function opKind(op: StagedOp): OpKind {
  return op.kind === 'u' && op.base !== undefined && op.table !== 'kv' ? 'm' : op.kind;
}

function opBody(op: StagedOp): string {
  if (op.obj === null) return '0';
  if (op.kind === 'u' && op.base !== undefined && op.table !== 'kv') return encodeMergeBody(op.base, op.obj);
  return encodeBody(op.table, op.obj);
}

/** The error of tx `i` in what propose() resolved with (null: applied). */
function outcomeOf(out: unknown, i: number): ClusterError | null {
  if (out instanceof ApplyResult) {
    const e = out.errors[i];
    if (e === undefined)
      return new ClusterError(ErrorCode.Internal, `apply result has no outcome for transaction ${i}`);
    return e;
  }
  if (isClusterError(out)) return out;
  if (out === undefined) {
    // the raft driver resolves with undefined when the entry was applied but its result is lost
    // (its node caught up from a snapshot that already contained it)
    return new ClusterError(
      ErrorCode.Unavailable,
      'the change was committed but its outcome is unknown (this manager caught up from a snapshot)',
      {
        hint: 'read the records again to see whether the change took effect before retrying',
        details: outcomeUnknownDetails(),
      },
    );
  }
  return new ClusterError(
    ErrorCode.Internal,
    'the proposer resolved with something other than the store apply() result',
    {
      hint: 'this is a bug in the raft driver',
      details: { got: typeof out },
    },
  );
}

function isClusterError(e: unknown): e is ClusterError {
  return e instanceof ClusterError;
}

function isConflict(e: unknown): boolean {
  return e instanceof ClusterError && e.code === ErrorCode.Conflict;
}

function isThenable(v: unknown): boolean {
  return (
    v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}
