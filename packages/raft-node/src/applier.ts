// Applies what raft committed, for one RaftNode: entries in log order (normal ones to the state
// machine, once each thanks to the replicated dedup table; conf changes to the core and the member
// table) and installed snapshots. It owns the applied index, the membership as applied and the
// replicated meta, settles this node's proposals with their apply() results, and tells the
// transport and the listeners about membership changes. Runs inside the RaftNode loop.

import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import {
  ConfChangeType,
  EMPTY,
  EntryType,
  decodeConfChange,
  type ConfState,
  type Entry,
  type NodeId,
  type RawNodeApi,
  type Snapshot,
} from '@clusterctl/raft';
import type { ProposalTracker } from './proposal-tracker.js';
import { unwrapConfContext, unwrapProposal } from './proposal-envelope.js';
import { ReplicatedMeta } from './replicated-meta.js';
import type { StateMachine } from './state-machine.js';

export type MembershipEvent =
  | {
      kind: 'add-voter' | 'add-learner' | 'remove';
      nodeId: NodeId;
      context: Uint8Array;
      index: number;
      confState: ConfState;
    }
  | { kind: 'restore'; index: number; confState: ConfState };

/** What the applier needs from its RaftNode. */
export interface ApplierHost {
  readonly proposerId: number;
  readonly log: Logger;
  readonly dedupRetentionEntries: number;
  readonly proposals: ProposalTracker;
  /** The core (set once the node started; not used while replaying at start). */
  core(): RawNodeApi;
  peersChanged(peers: Map<NodeId, Uint8Array>): void;
  membershipChanged(ev: MembershipEvent): void;
}

export class Applier {
  /** The index of the last entry applied (or of the installed snapshot). */
  applied = 0;
  /** The membership as of `applied`. */
  confState: ConfState = { voters: [], learners: [] };
  readonly meta = new ReplicatedMeta();

  constructor(
    private readonly sm: StateMachine,
    private readonly host: ApplierHost,
  ) {}

  /** Installs a snapshot: the state machine, the replicated meta and the membership as of its index. */
  installSnapshot(snap: Snapshot): void {
    const app = this.meta.restore(snap.data);
    this.sm.restore(app);
    this.applied = snap.metadata.index;
    this.confState = { voters: [...snap.metadata.confState.voters], learners: [...snap.metadata.confState.learners] };
    this.host.log.info(
      { index: snap.metadata.index, term: snap.metadata.term, bytes: snap.data.length },
      'installed raft snapshot',
    );
    // Our own proposals folded into the snapshot applied, but their results are not recoverable.
    this.host.proposals.settleFoldedIn((seq) => this.meta.wasApplied(this.host.proposerId, seq));
    this.host.peersChanged(this.peerMap());
    this.host.membershipChanged({ kind: 'restore', index: snap.metadata.index, confState: this.confState });
  }

  /** Applies one committed entry. `replay`: rebuilding state at start (no core, no waiters). */
  apply(e: Entry, replay: boolean): void {
    if (e.index <= this.applied) return;
    if (e.index !== this.applied + 1) throw new Error(`applying entry ${e.index} after ${this.applied}: gap`);
    if (e.type === EntryType.ConfChange) this.applyConfEntry(e, replay);
    else this.applyNormalEntry(e, replay);
    this.applied = e.index;
    if (e.index % 1024 === 0) this.meta.prune(e.index, this.host.dedupRetentionEntries);
  }

  private applyNormalEntry(e: Entry, replay: boolean): void {
    const env = unwrapProposal(e.data);
    if (env === undefined) return; // a leader's no-op
    if (this.meta.checkAndRecord(env.proposerId, env.seq, env.minPending, e.index)) return; // duplicate
    let outcome: Error | { value: unknown };
    if (env.fenceTerm !== undefined && env.fenceTerm !== e.term) {
      // A fenced decision appended in another term than it was made in: skipped on every replica.
      outcome = new ClusterError(
        ErrorCode.NotLeader,
        `the leadership of term ${env.fenceTerm} ended before its decision committed (entry term ${e.term})`,
        {
          hint: 'a leader-only decision is not carried over to another term; the current leader decides afresh',
          details: { fenceTerm: env.fenceTerm, term: e.term },
        },
      );
    } else {
      try {
        outcome = { value: this.sm.apply(env.payload, e.index) };
      } catch (err) {
        // Deterministic rejections (e.g. a failed precondition) happen on every replica alike.
        outcome = err instanceof Error ? err : new Error(String(err));
      }
    }
    if (replay || env.proposerId !== this.host.proposerId) return;
    this.host.proposals.applied(env.seq, outcome);
  }

  private applyConfEntry(e: Entry, replay: boolean): void {
    const cc = decodeConfChange(e.data);
    const env = unwrapConfContext(cc.context);
    if (env.proposerId !== 0 && this.meta.checkAndRecord(env.proposerId, env.seq, env.minPending, e.index)) return;
    const prev = this.meta.members.get(cc.nodeId);
    let kind: 'add-voter' | 'add-learner' | 'remove';
    switch (cc.type) {
      case ConfChangeType.AddNode:
        kind = 'add-voter';
        this.meta.members.set(cc.nodeId, {
          id: cc.nodeId,
          learner: false,
          context: env.payload.length > 0 || prev === undefined ? copy(env.payload) : prev.context,
        });
        break;
      case ConfChangeType.AddLearner:
        kind = 'add-learner';
        this.meta.members.set(cc.nodeId, {
          id: cc.nodeId,
          learner: true,
          context: env.payload.length > 0 || prev === undefined ? copy(env.payload) : prev.context,
        });
        break;
      case ConfChangeType.RemoveNode:
        kind = 'remove';
        this.meta.members.delete(cc.nodeId);
        break;
    }
    if (replay) return; // the persisted confState already includes it; the core is not built yet
    this.confState = this.host.core().applyConfChange({ type: cc.type, nodeId: cc.nodeId, context: env.payload });
    this.meta.reconcileMembers(this.confState); // the core may refuse a change (e.g. removing the last voter)
    this.host.log.info(
      { kind, nodeId: cc.nodeId, index: e.index, voters: this.confState.voters, learners: this.confState.learners },
      'membership changed',
    );
    this.host.peersChanged(this.peerMap());
    this.host.membershipChanged({
      kind,
      nodeId: cc.nodeId,
      context: this.meta.members.get(cc.nodeId)?.context ?? prev?.context ?? EMPTY,
      index: e.index,
      confState: this.confState,
    });
    if (env.proposerId === this.host.proposerId) {
      this.host.proposals.applied(env.seq, { value: this.confState });
    }
  }

  /** Every member's context (its address), by raft id, as the transport wants it. */
  peerMap(): Map<NodeId, Uint8Array> {
    const m = new Map<NodeId, Uint8Array>();
    for (const mem of this.meta.members.values()) m.set(mem.id, mem.context);
    return m;
  }
}

function copy(b: Uint8Array): Uint8Array {
  return b.length === 0 ? EMPTY : Uint8Array.prototype.slice.call(b);
}
