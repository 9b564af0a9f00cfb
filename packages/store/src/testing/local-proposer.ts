// An in-process Proposer for unit tests of the store and of components built on it (orchestrator,
// scheduler...): every proposal is "committed" by appending it to an in-memory log and applied to
// each replica in the same order. Proposals made in the same turn are applied together on the
// next macrotask (like a group commit). No raft, no disk: not for anything but tests and benches.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { Proposer, StateMachine } from '../proposer.js';

export interface LocalProposerOptions {
  /** State machines to apply to, in order; the result returned is the one of replicas[leader]. */
  replicas: StateMachine[];
  /** Default 0. */
  leader?: number;
  /** Index of the last entry already in the log (first proposal gets startIndex + 1). Default 0. */
  startIndex?: number;
}

interface Pending {
  data: Uint8Array;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class LocalProposer implements Proposer {
  readonly replicas: StateMachine[];
  leader: number;
  /** Every entry appended, in order (log[i] has index startIndex + i + 1). */
  readonly log: Uint8Array[] = [];
  readonly startIndex: number;
  private queue: Pending[] = [];
  private paused = false;
  private scheduled = false;
  private barriers: (() => void)[] = [];
  /** When set, proposals are rejected with this error (e.g. NO_LEADER) instead of being appended. */
  failWith: ClusterError | undefined;

  constructor(opts: LocalProposerOptions) {
    this.replicas = opts.replicas;
    this.leader = opts.leader ?? 0;
    this.startIndex = opts.startIndex ?? 0;
  }

  /** Index of the last appended entry. */
  get lastIndex(): number {
    return this.startIndex + this.log.length;
  }

  /** Proposals waiting (paused, or not yet flushed). */
  get queued(): number {
    return this.queue.length;
  }

  propose(data: Uint8Array): Promise<unknown> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    return new Promise((resolve, reject) => {
      this.queue.push({ data, resolve, reject });
      this.schedule();
    });
  }

  readBarrier(): Promise<void> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.barriers.push(resolve);
      this.schedule();
    });
  }

  /** Hold proposals (they queue) until resume(). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  /** Applies everything queued now, synchronously (ignores pause). */
  flush(): void {
    const q = this.queue;
    this.queue = [];
    for (const p of q) {
      try {
        p.resolve(this.append(p.data));
      } catch (e) {
        p.reject(e);
      }
    }
    const b = this.barriers;
    this.barriers = [];
    for (const r of b) r();
  }

  /** Appends one entry at once, bypassing the queue (e.g. raw bytes that no store would propose). */
  append(data: Uint8Array): unknown {
    this.log.push(data);
    const index = this.lastIndex;
    let result: unknown;
    this.replicas.forEach((r, i) => {
      const out = r.apply(data, index);
      if (i === this.leader) result = out;
    });
    return result;
  }

  private schedule(): void {
    if (this.scheduled || this.paused) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.paused) this.flush();
    });
  }
}

/** A ClusterError like the raft driver's when there is no leader (for tests of error paths). */
export function noLeaderError(): ClusterError {
  return new ClusterError(ErrorCode.NoLeader, 'no raft leader', { hint: 'wait for an election' });
}
