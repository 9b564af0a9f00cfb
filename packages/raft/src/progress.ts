// The leader's view of one follower's log (etcd's tracker.Progress, our own code).
//  probe:     we don't know where the follower's log matches; send one App per heartbeat interval.
//  replicate: streaming optimistically; next advances on send, bounded by the inflight window.
//  snapshot:  a snapshot is being sent; no App until reportSnapshot() or an AppResp shows catch-up.
import { Inflights } from './inflights.js';

export type ProgressState = 'probe' | 'replicate' | 'snapshot';

export class Progress {
  match = 0;
  next: number;
  state: ProgressState = 'probe';
  /** Index of the snapshot being sent (snapshot state). */
  pendingSnapshot = 0;
  /** Heard from this peer during the current election timeout (CheckQuorum). */
  recentActive = false;
  /**
   * Sending Apps is paused: in probe state after one App (until an answer or a heartbeat
   * response); in replicate state when the inflight window is full (a heartbeat response lets one
   * empty App through, so that a window of lost messages is noticed).
   */
  msgAppFlowPaused = false;
  isLearner: boolean;
  /** Highest commit index this follower can have learned from what we sent (App or heartbeat). */
  sentCommit = 0;
  readonly inflights: Inflights;

  constructor(next: number, maxInflightMsgs: number, maxInflightBytes: number, isLearner: boolean) {
    this.next = next;
    this.isLearner = isLearner;
    this.inflights = new Inflights(maxInflightMsgs, maxInflightBytes);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    if (this.state === 'snapshot') {
      const pending = this.pendingSnapshot;
      this.resetState('probe');
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState('probe');
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
    this.next = snapshotIndex + 1;
  }

  /** An App covering up to `last` (with `bytes` of entries) was sent. */
  sentEntries(entries: number, last: number, bytes: number): void {
    if (this.state === 'replicate') {
      if (entries > 0) {
        this.next = last + 1;
        this.inflights.add(last, bytes);
      }
      this.msgAppFlowPaused = this.inflights.full();
    } else if (this.state === 'probe') {
      this.msgAppFlowPaused = true;
    }
  }

  /** An accepting AppResp for index n. Returns false if it is stale. */
  maybeUpdate(n: number): boolean {
    let updated = false;
    if (this.match < n) {
      this.match = n;
      updated = true;
      this.msgAppFlowPaused = false;
    }
    this.next = Math.max(this.next, n + 1);
    return updated;
  }

  /**
   * A rejected App for `rejected` (the prevIndex we sent) with a hint of where the follower's log may
   * match. Returns false if the rejection is stale.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'replicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1, 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  isPaused(): boolean {
    switch (this.state) {
      case 'probe':
      case 'replicate':
        return this.msgAppFlowPaused;
      case 'snapshot':
        return true;
    }
  }
}
