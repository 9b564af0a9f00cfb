// RawNode: the caller-facing API of the core (etcd's RawNode idea). It feeds inputs to Raft and
// packages the outputs as Ready; the caller persists, sends, applies, then calls advance().
import { Raft } from './raft.js';
import {
  EntryType,
  MessageType,
  SnapshotStatus,
  StateRole,
  encodeConfChange,
  isLocalMessage,
  isResponseMessage,
  message,
  type ConfChange,
  type ConfState,
  type Config,
  type HardState,
  type Message,
  type NodeId,
  type ProgressStatus,
  type RawNodeApi,
  type Ready,
  type SoftState,
  type Status,
} from './types.js';
import { hardStateEqual, isEmptyHardState } from './util.js';

export class RawNode implements RawNodeApi {
  /** The state machine itself; exposed for tests and the simulator's invariant checks. */
  readonly raft: Raft;
  private prevSoftState: SoftState;
  private prevHardState: HardState;

  constructor(config: Config) {
    this.raft = new Raft(config);
    this.prevSoftState = this.raft.softState();
    this.prevHardState = this.raft.hardState();
  }

  tick(): void {
    this.raft.tick();
  }

  /** Starts an election now (a PreVote round first when preVote is on). */
  campaign(): void {
    this.raft.step(message({ type: MessageType.Hup, from: this.raft.id }));
  }

  propose(data: Uint8Array): void {
    this.raft.step(
      message({
        type: MessageType.Prop,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.Normal, data }],
      }),
    );
  }

  /**
   * Proposes several entries at once (one Prop, so one App per follower instead of one per entry).
   * All or nothing: throws ProposalDroppedError like propose().
   */
  proposeBatch(datas: Uint8Array[]): void {
    if (datas.length === 0) return;
    this.raft.step(
      message({
        type: MessageType.Prop,
        from: this.raft.id,
        entries: datas.map((data) => ({ term: 0, index: 0, type: EntryType.Normal, data })),
      }),
    );
  }

  proposeConfChange(cc: ConfChange): void {
    this.raft.step(
      message({
        type: MessageType.Prop,
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: EntryType.ConfChange, data: encodeConfChange(cc) }],
      }),
    );
  }

  /** Feeds a message received from a peer. Local message types and unknown responders are ignored. */
  step(m: Message): void {
    if (isLocalMessage(m.type)) return;
    // Only forwarded proposals and reads travel without a term; anything else without one is bogus.
    if (m.term === 0 && m.type !== MessageType.Prop && m.type !== MessageType.ReadIndex) return;
    if (isResponseMessage(m.type) && !this.raft.trk.progress.has(m.from) && this.raft.role === StateRole.Leader) return;
    this.raft.step(m);
  }

  hasReady(): boolean {
    const r = this.raft;
    const ss = r.softState();
    if (ss.lead !== this.prevSoftState.lead || ss.role !== this.prevSoftState.role) return true;
    const hs = r.hardState();
    if (!isEmptyHardState(hs) && !hardStateEqual(hs, this.prevHardState)) return true;
    if (r.raftLog.unstable.nextSnapshot()) return true;
    if (r.msgs.length > 0 || r.readStates.length > 0) return true;
    if (r.raftLog.unstable.nextEntries().length > 0) return true;
    return r.raftLog.hasNextCommittedEnts();
  }

  /** Everything the caller must persist, send and apply. Hand back with advance() when done. */
  ready(): Ready {
    const r = this.raft;
    const entries = r.raftLog.unstable.nextEntries();
    const snapshot = r.raftLog.unstable.nextSnapshot();
    const committedEntries = r.raftLog.nextCommittedEnts();
    const rd: Ready = {
      readStates: r.readStates,
      entries,
      committedEntries,
      messages: r.msgs,
      mustSync: false,
    };
    const ss = r.softState();
    if (ss.lead !== this.prevSoftState.lead || ss.role !== this.prevSoftState.role) {
      rd.softState = ss;
      this.prevSoftState = ss;
    }
    const hs = r.hardState();
    if (!isEmptyHardState(hs) && !hardStateEqual(hs, this.prevHardState)) rd.hardState = hs;
    if (snapshot) rd.snapshot = snapshot;
    // fsync when new entries or a new snapshot must be durable, or term/vote changed (a commit
    // index change alone can be recovered).
    rd.mustSync =
      entries.length > 0 ||
      snapshot !== undefined ||
      (rd.hardState !== undefined && (hs.term !== this.prevHardState.term || hs.vote !== this.prevHardState.vote));
    if (rd.hardState) this.prevHardState = hs;

    r.msgs = [];
    r.readStates = [];
    r.raftLog.unstable.acceptInProgress();
    if (committedEntries.length > 0) r.raftLog.acceptApplying(committedEntries[committedEntries.length - 1]!.index);
    return rd;
  }

  /** The caller persisted rd's entries/hardState/snapshot and applied its committed entries. */
  advance(rd: Ready): void {
    const r = this.raft;
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1]!;
      r.raftLog.stableTo(last.index, last.term);
    }
    if (rd.snapshot) {
      r.raftLog.stableSnapTo(rd.snapshot.metadata.index);
      if (rd.snapshot.metadata.index > r.raftLog.applied) r.raftLog.appliedTo(rd.snapshot.metadata.index);
    }
    if (rd.committedEntries.length > 0) {
      const last = rd.committedEntries[rd.committedEntries.length - 1]!;
      if (last.index > r.raftLog.applied) r.raftLog.appliedTo(last.index);
      r.reduceUncommittedSize(rd.committedEntries);
    }
    r.afterApplied();
  }

  applyConfChange(cc: ConfChange): ConfState {
    return this.raft.applyConfChange(cc);
  }

  transferLeader(transferee: NodeId): void {
    this.raft.step(message({ type: MessageType.TransferLeader, from: transferee }));
  }

  readIndex(ctx: Uint8Array): void {
    if (ctx.length === 0) throw new Error('readIndex needs a non-empty, unique ctx');
    this.raft.step(message({ type: MessageType.ReadIndex, from: this.raft.id, context: ctx }));
  }

  reportUnreachable(id: NodeId): void {
    this.raft.step(message({ type: MessageType.Unreachable, from: id }));
  }

  reportSnapshot(id: NodeId, status: SnapshotStatus): void {
    this.raft.step(message({ type: MessageType.SnapStatus, from: id, reject: status === SnapshotStatus.Failure }));
  }

  status(): Status {
    const r = this.raft;
    const progress = new Map<NodeId, ProgressStatus>();
    if (r.role === StateRole.Leader) {
      for (const [id, pr] of r.trk.progress) {
        progress.set(id, {
          match: pr.match,
          next: pr.next,
          state: pr.state,
          recentActive: pr.recentActive,
          isLearner: pr.isLearner,
        });
      }
    }
    return {
      id: r.id,
      hardState: r.hardState(),
      softState: r.softState(),
      applied: r.raftLog.applied,
      leadTransferee: r.leadTransferee,
      progress,
      confState: r.trk.confState(),
    };
  }

  /** The current leader as this node knows it (NONE if unknown). */
  get lead(): NodeId {
    return this.raft.lead;
  }
}
