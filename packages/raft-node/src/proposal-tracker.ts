// The proposals of one RaftNode that wait for their entry to apply (like swarmkit's wait.go, with
// the retry logic of the driver): each gets a sequence number (its id in the replicated dedup
// table together with the node's proposer id), a timeout, and is handed to the core until the
// entry carrying it applies. Normal proposals are batched into as few Prop messages as
// maxSizePerMsg allows; conf changes go one by one. Everything here runs inside the RaftNode loop,
// except submit(), which only queues and kicks the loop.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import {
  EntryType,
  MessageType,
  NONE,
  ProposalDroppedError,
  message,
  type ConfChange,
  type Entry,
  type NodeId,
  type RawNodeApi,
} from '@clusterctl/raft';
import { wrapConfContext, wrapProposal } from './proposal-envelope.js';

/** The outcome of a proposal: the state machine's apply() result, or why it failed. */
export type ProposalOutcome = Error | { value: unknown };

interface PendingProposal {
  seq: number;
  kind: 'normal' | 'conf';
  payload: Uint8Array;
  cc?: ConfChange;
  createdAt: number;
  /** When to (re)hand it to raft; 0 = as soon as a leader is known. */
  retryAt: number;
  /** Fenced to this leader term (see RaftNode.propose()). */
  fenceTerm?: number;
  attempts: number;
  timer: NodeJS.Timeout;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** What the tracker needs from its RaftNode. */
export interface ProposalTrackerHost {
  readonly id: NodeId;
  readonly proposerId: number;
  readonly limits: {
    readonly maxPendingProposals: number;
    readonly proposalTimeoutMs: number;
    readonly maxSizePerMsg: number;
    readonly retryAfterMs: number;
    readonly tickMs: number;
  };
  /** The core (set once the node started). */
  core(): RawNodeApi;
  leader(): NodeId;
  /** NOT_LEADER if this node no longer leads in `term`. */
  fenceError(term: number): ClusterError | undefined;
  /** UNAVAILABLE once the node stopped or failed. */
  unavailableError(): ClusterError | undefined;
  /** Wakes the loop. */
  kick(): void;
}

export class ProposalTracker {
  private readonly pending = new Map<number, PendingProposal>();
  private queued: PendingProposal[] = [];
  private nextSeq = 1;
  /** Proposals handed to raft again (leader change, or no answer within retryAfterMs). */
  retries = 0;

  constructor(private readonly host: ProposalTrackerHost) {}

  /** Proposals not settled yet. */
  get size(): number {
    return this.pending.size;
  }

  /** Proposals waiting to be handed to the core by the loop. */
  get hasQueued(): boolean {
    return this.queued.length > 0;
  }

  /** Registers a proposal and queues it for the loop; settles once its entry applied (or fails). */
  submit(
    kind: 'normal' | 'conf',
    payload: Uint8Array,
    cc: ConfChange | undefined,
    timeoutMs?: number,
    fenceTerm?: number,
  ): Promise<unknown> {
    const unavailable = this.host.unavailableError();
    if (unavailable !== undefined) return Promise.reject(unavailable);
    if (this.pending.size >= this.host.limits.maxPendingProposals) {
      return Promise.reject(
        new ClusterError(ErrorCode.Overloaded, `too many proposals in flight (${this.pending.size})`, {
          hint: 'Slow down and retry; the manager is saturated.',
        }),
      );
    }
    const seq = this.nextSeq++;
    const waitMs = timeoutMs ?? this.host.limits.proposalTimeoutMs;
    return new Promise<unknown>((resolve, reject) => {
      const p: PendingProposal = {
        seq,
        kind,
        payload,
        createdAt: Date.now(),
        retryAt: 0,
        attempts: 0,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.settle(
            p,
            new ClusterError(ErrorCode.Timeout, `proposal not applied within ${waitMs} ms`, {
              hint: 'The outcome is unknown: it may still apply. Check the state before retrying.',
            }),
          );
        }, waitMs),
      };
      if (cc !== undefined) p.cc = cc;
      if (fenceTerm !== undefined) p.fenceTerm = fenceTerm;
      this.pending.set(seq, p);
      this.queued.push(p);
      this.host.kick();
    });
  }

  /** The entry of our proposal `seq` applied (or was refused by apply()): settle it, if still waiting. */
  applied(seq: number, outcome: ProposalOutcome): void {
    const p = this.pending.get(seq);
    if (p !== undefined) this.settle(p, outcome);
  }

  /** After installing a snapshot: settles those it folded in (their results are not recoverable). */
  settleFoldedIn(wasApplied: (seq: number) => boolean): void {
    for (const p of [...this.pending.values()]) if (wasApplied(p.seq)) this.settle(p, { value: undefined });
  }

  /** Hands the queued proposals to the core. */
  proposeQueued(now: number): void {
    const ps = this.queued;
    this.queued = [];
    this.proposeBatch(ps, now);
  }

  /** Hands again those whose retry time came (no answer within retryAfterMs, or refused for now). */
  retryDue(now: number): void {
    this.proposeBatch(
      [...this.pending.values()].filter((p) => p.retryAt <= now),
      now,
    );
  }

  /** A new leader: everything in flight may have been dropped with the old one; send it all again (same ids). */
  requeueAll(): void {
    this.queued = [...this.pending.values()];
  }

  /** Without a leader: fails the proposals older than `maxAgeMs` (maybeApplied: handed to raft at least once). */
  failOlderThan(now: number, maxAgeMs: number, err: (maybeApplied: boolean) => Error): void {
    for (const p of [...this.pending.values()]) {
      if (now - p.createdAt >= maxAgeMs) this.settle(p, err(p.attempts > 0));
    }
  }

  failAll(err: Error): void {
    for (const p of [...this.pending.values()]) this.settle(p, err);
    this.queued = [];
  }

  /** Resolves (value) or rejects (Error) a pending proposal exactly once. */
  private settle(p: PendingProposal, outcome: ProposalOutcome): void {
    if (this.pending.get(p.seq) !== p) return;
    this.pending.delete(p.seq);
    clearTimeout(p.timer);
    if (outcome instanceof Error) p.reject(outcome);
    else p.resolve(outcome.value);
  }

  /** The lowest sequence still waiting: replicas forget the dedup entries of this proposer below it. */
  private minPending(): number {
    for (const seq of this.pending.keys()) return seq; // Map keeps insertion (= seq) order
    return this.nextSeq;
  }

  /**
   * Hands proposals to the core (first attempts and retries), normal ones batched into as few Prop
   * messages as maxSizePerMsg allows: one App per follower per batch instead of one per proposal.
   * Conf changes go one by one.
   */
  private proposeBatch(ps: PendingProposal[], now: number): void {
    let chunk: PendingProposal[] = [];
    let chunkBytes = 0;
    const flush = (): void => {
      if (chunk.length > 0) this.proposeChunk(chunk, now);
      chunk = [];
      chunkBytes = 0;
    };
    for (const p of ps) {
      if (this.pending.get(p.seq) !== p) continue;
      if (p.fenceTerm !== undefined) {
        // Never forwarded, never carried into another term.
        const lost = this.host.fenceError(p.fenceTerm);
        if (lost !== undefined) {
          this.settle(p, lost);
          continue;
        }
      }
      if (this.host.leader() === NONE) {
        p.retryAt = 0;
        continue;
      }
      if (p.kind === 'conf') {
        this.proposeChunk([p], now);
        continue;
      }
      if (chunk.length > 0 && chunkBytes + p.payload.length > this.host.limits.maxSizePerMsg / 2) flush();
      chunk.push(p);
      chunkBytes += p.payload.length + 32;
    }
    flush();
  }

  private proposeChunk(ps: PendingProposal[], now: number): void {
    const minPending = this.minPending();
    const { proposerId } = this.host;
    const raw = this.host.core();
    try {
      if (ps.length === 1 && ps[0]!.kind === 'conf') {
        const p = ps[0]!;
        const cc = p.cc!;
        raw.proposeConfChange({
          type: cc.type,
          nodeId: cc.nodeId,
          context: wrapConfContext({ proposerId, seq: p.seq, minPending }, cc.context),
        });
      } else if (ps.length === 1) {
        const p = ps[0]!;
        raw.propose(wrapProposal({ proposerId, seq: p.seq, minPending }, p.payload, p.fenceTerm));
      } else {
        // A local Prop carrying many entries: what propose() does, for a whole batch at once.
        const entries: Entry[] = ps.map((p) => ({
          term: 0,
          index: 0,
          type: EntryType.Normal,
          data: wrapProposal({ proposerId, seq: p.seq, minPending }, p.payload, p.fenceTerm),
        }));
        raw.step(message({ type: MessageType.Prop, from: this.host.id, entries }));
      }
      for (const p of ps) {
        if (p.attempts > 0) this.retries++;
        p.attempts++;
        p.retryAt = now + this.host.limits.retryAfterMs;
      }
    } catch (err) {
      if (err instanceof ProposalDroppedError && err.reason === 'uncommitted-limit' && ps.length > 1) {
        // Admit as many as still fit, one by one; the rest get OVERLOADED.
        for (const p of ps) this.proposeChunk([p], now);
        return;
      }
      for (const p of ps) this.proposalRefused(p, err, now);
    }
  }

  private proposalRefused(p: PendingProposal, err: unknown, now: number): void {
    if (!(err instanceof ProposalDroppedError)) {
      this.settle(
        p,
        new ClusterError(ErrorCode.Internal, `raft rejected the proposal: ${(err as Error).message}`, { cause: err }),
      );
      return;
    }
    switch (err.reason) {
      case 'uncommitted-limit':
        this.settle(
          p,
          new ClusterError(ErrorCode.Overloaded, 'too much uncommitted data in the raft log', {
            hint: 'The cluster is saturated or a follower is slow; retry with backoff.',
          }),
        );
        return;
      case 'not-member':
        this.settle(
          p,
          new ClusterError(ErrorCode.FailedPrecondition, 'this manager is not a member of the raft group', {
            hint: 'Re-join this node to the cluster.',
          }),
        );
        return;
      case 'no-leader':
        p.retryAt = 0;
        return;
      default: // transferring, conf-change-pending: try again shortly
        p.retryAt = now + 2 * this.host.limits.tickMs;
        return;
    }
  }
}
