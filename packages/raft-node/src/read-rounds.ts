// Linearizable reads of one RaftNode (raft ReadIndex, batched): callers of readBarrier() wait in a
// queue; one round at a time asks the leader for the read index (a heartbeat round confirms it
// still leads), every caller queued meanwhile shares the next round, and a round's waiters are
// released once the local state machine applied up to its index. Unanswered rounds (dropped by a
// leader change or the network) are asked again with a fresh context. Everything here runs inside
// the RaftNode loop, except wait(), which only queues and kicks the loop.

import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import { NONE, type NodeId, type RawNodeApi, type ReadState } from '@clusterctl/raft';
import { parseReadContext, readContext } from './proposal-envelope.js';

interface ReadWaiter {
  createdAt: number;
  timer: NodeJS.Timeout;
  resolve: () => void;
  reject: (e: Error) => void;
}

interface ReadRound {
  waiters: ReadWaiter[];
  sentAt: number;
  /** The read index, once the leader confirmed it. */
  index?: number;
}

/** What the read rounds need from their RaftNode. */
export interface ReadRoundsHost {
  readonly proposerId: number;
  readonly limits: { readonly proposalTimeoutMs: number; readonly retryAfterMs: number; readonly tickMs: number };
  readonly log: Logger;
  /** The core (set once the node started). */
  core(): RawNodeApi;
  leader(): NodeId;
  /** UNAVAILABLE once the node stopped or failed. */
  unavailableError(): ClusterError | undefined;
  /** Wakes the loop. */
  kick(): void;
}

export class ReadRounds {
  private queue: ReadWaiter[] = [];
  private readonly rounds = new Map<number, ReadRound>();
  private nextReadSeq = 1;

  constructor(private readonly host: ReadRoundsHost) {}

  /** Resolves once the local state machine applied everything committed before this call. */
  wait(timeoutMs?: number): Promise<void> {
    const unavailable = this.host.unavailableError();
    if (unavailable !== undefined) return Promise.reject(unavailable);
    return new Promise<void>((resolve, reject) => {
      const w: ReadWaiter = {
        resolve,
        reject,
        createdAt: Date.now(),
        timer: setTimeout(() => {
          this.drop(w);
          reject(
            new ClusterError(ErrorCode.Timeout, 'linearizable read barrier timed out', {
              hint: 'The raft group may be without quorum; check `clusterctl node ls` for unreachable managers.',
            }),
          );
        }, timeoutMs ?? this.host.limits.proposalTimeoutMs),
      };
      this.queue.push(w);
      this.host.kick();
    });
  }

  /** One ReadIndex round at a time; requests arriving meanwhile share the next round. */
  issue(now: number): void {
    if (this.queue.length === 0 || this.host.leader() === NONE) return;
    for (const r of this.rounds.values()) if (r.index === undefined) return;
    const readSeq = this.nextReadSeq++;
    const round: ReadRound = { waiters: this.queue, sentAt: now };
    this.queue = [];
    this.rounds.set(readSeq, round);
    try {
      this.host.core().readIndex(readContext(this.host.proposerId, readSeq));
    } catch (err) {
      this.host.log.debug({ err }, 'read index refused; will retry');
      round.sentAt = now - this.host.limits.retryAfterMs + 2 * this.host.limits.tickMs;
    }
  }

  /** The leader answered rounds of ours (a Ready's readStates): they wait for their index to apply. */
  confirm(readStates: readonly ReadState[]): void {
    for (const rs of readStates) {
      const ctx = parseReadContext(rs.requestCtx);
      if (ctx === undefined || ctx.proposerId !== this.host.proposerId) continue;
      const round = this.rounds.get(ctx.readSeq);
      if (round !== undefined) round.index = rs.index;
    }
  }

  /** Releases the rounds whose read index the state machine reached. */
  resolve(applied: number): void {
    for (const [seq, r] of this.rounds) {
      if (r.index === undefined || applied < r.index) continue;
      this.rounds.delete(seq);
      for (const w of r.waiters) {
        clearTimeout(w.timer);
        w.resolve();
      }
    }
  }

  /** Rounds unanswered for retryAfterMs go back to the queue (asked again, fresh context). */
  retryUnanswered(now: number): void {
    for (const [seq, r] of this.rounds) {
      if (r.index === undefined && now - r.sentAt >= this.host.limits.retryAfterMs) this.requeue(seq, r);
    }
  }

  /** A new leader: rounds it has not confirmed are asked again. */
  requeueUnconfirmed(): void {
    for (const [seq, r] of this.rounds) if (r.index === undefined) this.requeue(seq, r);
  }

  /** Without a leader: fails the queued reads older than `maxAgeMs`. */
  failOlderThan(now: number, maxAgeMs: number, err: () => Error): void {
    for (const w of [...this.queue]) {
      if (now - w.createdAt < maxAgeMs) continue;
      this.drop(w);
      clearTimeout(w.timer);
      w.reject(err());
    }
  }

  failAll(err: Error): void {
    for (const w of this.queue) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.queue = [];
    for (const r of this.rounds.values()) {
      for (const w of r.waiters) {
        clearTimeout(w.timer);
        w.reject(err);
      }
    }
    this.rounds.clear();
  }

  private requeue(seq: number, r: ReadRound): void {
    this.rounds.delete(seq);
    this.queue.unshift(...r.waiters);
  }

  private drop(w: ReadWaiter): void {
    const i = this.queue.indexOf(w);
    if (i >= 0) this.queue.splice(i, 1);
    for (const [seq, r] of this.rounds) {
      const k = r.waiters.indexOf(w);
      if (k < 0) continue;
      r.waiters.splice(k, 1);
      if (r.waiters.length === 0) this.rounds.delete(seq);
    }
  }
}
