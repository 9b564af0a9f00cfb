// The raft state machine proper (roles, elections, replication, commit, reads, membership,
// transfer). Single-threaded and deterministic: input is step()/tick(), output accumulates in
// `msgs` and `readStates` and in the log, and RawNode turns that into Ready. Written after the
// ideas of etcd-io/raft's raft.go and the Raft paper/thesis; our own code.
import { RaftLog } from './raft-log.js';
import { ReadOnly } from './read-only.js';
import { ProgressTracker } from './tracker.js';
import {
  CompactedError,
  ConfChangeType,
  EMPTY,
  EntryType,
  MessageType,
  NONE,
  ProposalDroppedError,
  SnapshotTemporarilyUnavailableError,
  StateRole,
  UnavailableError,
  message,
  type ConfChange,
  type ConfState,
  type Config,
  type Entry,
  type HardState,
  type Message,
  type NodeId,
  type RaftLogger,
  type ReadState,
  type Snapshot,
  type SoftState,
} from './types.js';
import { bytesEqual, payloadSize, silentRaftLogger, sumEntrySize } from './util.js';

/** Context of a Vote sent because of TimeoutNow: voters in a leader lease must not ignore it. */
export const CAMPAIGN_TRANSFER_CTX: Uint8Array = Uint8Array.from([
  0x63, 0x61, 0x6d, 0x70, 0x61, 0x69, 0x67, 0x6e, 0x2d, 0x74, 0x72, 0x61, 0x6e, 0x73, 0x66, 0x65, 0x72,
]); // "campaign-transfer"

type CampaignKind = 'pre-election' | 'election' | 'transfer';

export function validateConfig(c: Config): void {
  if (!Number.isSafeInteger(c.id) || c.id <= 0) throw new Error(`invalid raft node id ${c.id}`);
  if (!(c.heartbeatTick > 0)) throw new Error('heartbeatTick must be > 0');
  if (!(c.electionTick > c.heartbeatTick)) throw new Error('electionTick must be > heartbeatTick');
  if (!(c.maxInflightMsgs > 0)) throw new Error('maxInflightMsgs must be > 0');
  if (!(c.maxSizePerMsg >= 0)) throw new Error('maxSizePerMsg must be >= 0');
  if (typeof c.random !== 'function') throw new Error('config.random is required');
}

export class Raft {
  readonly id: NodeId;
  term = 0;
  vote: NodeId = NONE;
  lead: NodeId = NONE;
  role: StateRole = StateRole.Follower;
  readonly raftLog: RaftLog;
  trk: ProgressTracker;
  msgs: Message[] = [];
  readStates: ReadState[] = [];

  readonly electionTimeout: number;
  readonly heartbeatTimeout: number;
  randomizedElectionTimeout = 0;
  /** Ticks since the last election timeout reset (leader: since the last CheckQuorum round). */
  electionElapsed = 0;
  heartbeatElapsed = 0;

  readonly checkQuorum: boolean;
  readonly preVote: boolean;
  leadTransferee: NodeId = NONE;
  /** Index of the latest conf change the leader appended; no new one until it is applied. */
  pendingConfIndex = 0;
  uncommittedSize = 0;
  readOnly = new ReadOnly();
  /** ReadIndex requests held until the leader commits an entry of its own term. */
  pendingReadIndexMessages: Message[] = [];
  /**
   * A TimeoutNow arrived while a committed conf change was not applied yet (typically the leader's
   * own removal, which travels just ahead of it): campaign as soon as it is applied, same term only.
   */
  private deferredTransferTerm = 0;

  private readonly maxMsgSize: number;
  private readonly maxUncommittedSize: number;
  private readonly random: (n: number) => number;
  private readonly log: RaftLogger;

  constructor(c: Config) {
    validateConfig(c);
    this.id = c.id;
    this.electionTimeout = c.electionTick;
    this.heartbeatTimeout = c.heartbeatTick;
    this.checkQuorum = c.checkQuorum;
    this.preVote = c.preVote;
    this.maxMsgSize = c.maxSizePerMsg > 0 ? c.maxSizePerMsg : Infinity;
    this.maxUncommittedSize = c.maxUncommittedEntriesSize > 0 ? c.maxUncommittedEntriesSize : Infinity;
    this.random = c.random;
    this.log = c.logger ?? silentRaftLogger;
    this.raftLog = new RaftLog(c.storage, c.maxCommittedSizePerReady ?? 0);
    this.trk = new ProgressTracker(c.maxInflightMsgs, c.maxInflightBytes ?? 0);

    const { hardState, confState } = c.storage.initialState();
    this.applyConfState(confState);
    if (hardState.term !== 0 || hardState.vote !== 0 || hardState.commit !== 0) this.loadState(hardState);
    if (c.applied !== undefined && c.applied > 0) {
      if (c.applied > this.raftLog.committed && c.applied <= this.raftLog.lastIndex()) {
        // Applied entries were committed by definition; the persisted commit index can lag (a
        // commit-only HardState change is not fsynced).
        this.log.warn(
          { id: this.id, applied: c.applied, commit: this.raftLog.committed },
          'applied index ahead of the persisted commit index: raising commit',
        );
        this.raftLog.commitTo(c.applied);
      }
      this.raftLog.appliedTo(c.applied);
    }
    this.becomeFollower(this.term, NONE);
    this.log.info(
      {
        id: this.id,
        term: this.term,
        commit: this.raftLog.committed,
        applied: this.raftLog.applied,
        lastIndex: this.raftLog.lastIndex(),
        voters: confState.voters,
        learners: confState.learners,
      },
      'raft node started',
    );
  }

  private loadState(hs: HardState): void {
    if (hs.commit < this.raftLog.committed || hs.commit > this.raftLog.lastIndex()) {
      throw new Error(
        `hard state commit ${hs.commit} is out of range [${this.raftLog.committed}, ${this.raftLog.lastIndex()}]`,
      );
    }
    this.raftLog.committed = hs.commit;
    this.term = hs.term;
    this.vote = hs.vote;
  }

  private applyConfState(cs: ConfState): void {
    this.trk = new ProgressTracker(this.trk.maxInflightMsgs, this.trk.maxInflightBytes);
    const next = this.raftLog.lastIndex() + 1;
    for (const id of cs.voters) this.trk.addNode(id, false, next);
    for (const id of cs.learners) this.trk.addNode(id, true, next);
  }

  softState(): SoftState {
    return { lead: this.lead, role: this.role };
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.raftLog.committed };
  }

  promotable(): boolean {
    return this.trk.voters.has(this.id);
  }

  // ---------------------------------------------------------------- role transitions

  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.abortLeaderTransfer();
    this.trk.resetVotes();
    const last = this.raftLog.lastIndex();
    for (const [id, pr] of this.trk.progress) {
      pr.becomeProbe();
      pr.match = 0;
      pr.next = last + 1;
      pr.recentActive = false;
      pr.sentCommit = 0;
      if (id === this.id) pr.match = last;
    }
    this.pendingConfIndex = 0;
    this.uncommittedSize = 0;
    this.readOnly = new ReadOnly();
    this.pendingReadIndexMessages = [];
    this.deferredTransferTerm = 0;
  }

  private resetRandomizedElectionTimeout(): void {
    const r = this.random(this.electionTimeout);
    if (!Number.isInteger(r) || r < 0 || r >= this.electionTimeout) {
      throw new Error(
        `config.random(${this.electionTimeout}) returned ${r}, want an integer in [0, ${this.electionTimeout})`,
      );
    }
    this.randomizedElectionTimeout = this.electionTimeout + r;
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.reset(term);
    this.lead = lead;
    this.role = StateRole.Follower;
    this.log.debug({ id: this.id, term, lead }, 'became follower');
  }

  /** @internal (tests) */
  becomePreCandidate(): void {
    if (this.role === StateRole.Leader) throw new Error('invalid transition [leader -> pre-candidate]');
    // A pre-candidate changes neither term nor vote.
    this.trk.resetVotes();
    this.lead = NONE;
    this.role = StateRole.PreCandidate;
    this.log.debug({ id: this.id, term: this.term }, 'became pre-candidate');
  }

  /** @internal (tests) */
  becomeCandidate(): void {
    if (this.role === StateRole.Leader) throw new Error('invalid transition [leader -> candidate]');
    this.reset(this.term + 1);
    this.vote = this.id;
    this.role = StateRole.Candidate;
    this.log.debug({ id: this.id, term: this.term }, 'became candidate');
  }

  /** @internal (tests) */
  becomeLeader(): void {
    if (this.role === StateRole.Follower) throw new Error('invalid transition [follower -> leader]');
    this.reset(this.term);
    this.lead = this.id;
    this.role = StateRole.Leader;
    const self = this.trk.progress.get(this.id);
    if (self) {
      self.becomeReplicate();
      self.recentActive = true;
    }
    // The empty entry of the new term: once it commits, everything before it is committed too
    // (§5.4.2), and no conf change may be proposed before that (pendingConfIndex).
    this.appendEntries([{ term: 0, index: 0, type: EntryType.Normal, data: EMPTY }]);
    this.pendingConfIndex = this.raftLog.lastIndex();
    this.log.info({ id: this.id, term: this.term }, 'became leader');
  }

  // ---------------------------------------------------------------- ticks

  tick(): void {
    if (this.role === StateRole.Leader) this.tickHeartbeat();
    else this.tickElection();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      this.step(message({ type: MessageType.Hup, from: this.id }));
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.electionTimeout) {
      this.electionElapsed = 0;
      if (this.checkQuorum) this.step(message({ type: MessageType.CheckQuorum, from: this.id }));
      // A transfer that did not finish within an election timeout is abandoned.
      if (this.role === StateRole.Leader && this.leadTransferee !== NONE) {
        this.log.info({ id: this.id, transferee: this.leadTransferee }, 'leader transfer timed out');
        this.abortLeaderTransfer();
      }
    }
    if (this.role !== StateRole.Leader) return;
    if (this.heartbeatElapsed >= this.heartbeatTimeout) {
      this.heartbeatElapsed = 0;
      this.step(message({ type: MessageType.Beat, from: this.id }));
    }
  }

  // ---------------------------------------------------------------- sending

  private send(m: Message): void {
    const out = { ...m };
    if (out.from === NONE) out.from = this.id;
    if (
      out.type === MessageType.Vote ||
      out.type === MessageType.VoteResp ||
      out.type === MessageType.PreVote ||
      out.type === MessageType.PreVoteResp
    ) {
      if (out.term === 0) throw new Error(`term must be set when sending ${MessageType[out.type]}`);
    } else if (out.type === MessageType.Prop || out.type === MessageType.ReadIndex) {
      // Forwarded requests behave like local ones at the leader: no term.
      out.term = 0;
    } else {
      out.term = this.term;
    }
    this.msgs.push(out);
  }

  /** Sends an App (or a Snap when the entries were compacted). Returns whether a message was sent. */
  maybeSendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const pr = this.trk.progress.get(to);
    if (!pr || pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    let prevTerm: number;
    let ents: Entry[] = [];
    try {
      prevTerm = this.raftLog.term(prevIndex);
      // A throttled replicate stream still sends an empty App so that lost messages are noticed.
      if (pr.state !== 'replicate' || !pr.inflights.full()) ents = this.raftLog.entries(pr.next, this.maxMsgSize);
    } catch (err) {
      if (err instanceof CompactedError) return this.maybeSendSnapshot(to);
      if (err instanceof UnavailableError) {
        throw new Error(`progress of ${to} is beyond the log: next ${pr.next}, last ${this.raftLog.lastIndex()}`);
      }
      throw err;
    }
    if (ents.length === 0 && !sendIfEmpty) return false;
    this.send(
      message({
        type: MessageType.App,
        to,
        index: prevIndex,
        logTerm: prevTerm,
        entries: ents,
        commit: this.raftLog.committed,
      }),
    );
    // The follower commits min(commit, last index of this message).
    pr.sentCommit = Math.max(pr.sentCommit, Math.min(this.raftLog.committed, prevIndex + ents.length));
    pr.sentEntries(ents.length, ents.length > 0 ? ents[ents.length - 1]!.index : 0, sumEntrySize(ents));
    return true;
  }

  private sendAppend(to: NodeId): void {
    this.maybeSendAppend(to, true);
  }

  private maybeSendSnapshot(to: NodeId): boolean {
    const pr = this.trk.progress.get(to)!;
    if (!pr.recentActive) {
      this.log.debug({ id: this.id, to }, 'not sending snapshot: peer not recently active');
      return false;
    }
    let snap: Snapshot;
    try {
      snap = this.raftLog.snapshot();
    } catch (err) {
      if (err instanceof SnapshotTemporarilyUnavailableError) {
        this.log.debug({ id: this.id, to }, 'snapshot temporarily unavailable');
        return false;
      }
      throw err;
    }
    if (snap.metadata.index === 0) throw new Error('need a non-empty snapshot to send');
    this.log.debug({ id: this.id, to, index: snap.metadata.index, term: snap.metadata.term }, 'sending snapshot');
    pr.becomeSnapshot(snap.metadata.index);
    this.send(message({ type: MessageType.Snap, to, snapshot: snap }));
    return true;
  }

  bcastAppend(): void {
    for (const id of this.trk.progress.keys()) if (id !== this.id) this.sendAppend(id);
  }

  private bcastHeartbeat(ctx: Uint8Array = this.readOnly.lastPendingRequestCtx() ?? EMPTY): void {
    for (const [id, pr] of this.trk.progress) {
      if (id === this.id) continue;
      // Never move a follower's commit past what it is known to hold.
      const commit = Math.min(pr.match, this.raftLog.committed);
      pr.sentCommit = Math.max(pr.sentCommit, commit);
      this.send(message({ type: MessageType.Heartbeat, to: id, commit, context: ctx }));
    }
  }

  private sendTimeoutNow(to: NodeId): void {
    this.send(message({ type: MessageType.TimeoutNow, to }));
  }

  // ---------------------------------------------------------------- log helpers

  /** Leader: stamps term/index on new entries and appends them. Throws on the uncommitted limit. */
  private appendEntries(ents: Entry[]): void {
    const li = this.raftLog.lastIndex();
    const stamped = ents.map((e, i) => ({ ...e, term: this.term, index: li + 1 + i }));
    const size = payloadSize(stamped);
    if (this.uncommittedSize > 0 && size > 0 && this.uncommittedSize + size > this.maxUncommittedSize) {
      throw new ProposalDroppedError('uncommitted-limit');
    }
    this.uncommittedSize += size;
    const last = this.raftLog.append(stamped);
    // The leader's own log counts as one replica (the caller persists before sending anything).
    this.trk.progress.get(this.id)?.maybeUpdate(last);
    this.maybeCommit();
  }

  reduceUncommittedSize(ents: Entry[]): void {
    if (this.role !== StateRole.Leader) return;
    this.uncommittedSize = Math.max(0, this.uncommittedSize - payloadSize(ents));
  }

  maybeCommit(): boolean {
    return this.raftLog.maybeCommit(this.trk.committed(), this.term);
  }

  private committedEntryInCurrentTerm(): boolean {
    return this.raftLog.termOrZero(this.raftLog.committed) === this.term;
  }

  hasUnappliedConfChanges(): boolean {
    if (this.raftLog.applied >= this.raftLog.committed) return false;
    const lo = Math.max(this.raftLog.applied + 1, this.raftLog.firstIndex());
    const hi = this.raftLog.committed + 1;
    if (lo >= hi) return false;
    const ents = this.raftLog.slice(lo, hi, Infinity);
    return ents.some((e) => e.type === EntryType.ConfChange);
  }

  // ---------------------------------------------------------------- elections

  private hup(kind: CampaignKind): void {
    if (this.role === StateRole.Leader) {
      this.log.debug({ id: this.id }, 'ignoring campaign request: already leader');
      return;
    }
    if (!this.promotable()) {
      this.log.warn({ id: this.id }, 'not promotable (not a voter): not campaigning');
      return;
    }
    if (this.hasUnappliedConfChanges()) {
      if (kind === 'transfer') this.deferredTransferTerm = this.term;
      this.log.warn(
        { id: this.id, applied: this.raftLog.applied, committed: this.raftLog.committed, kind },
        'unapplied conf changes: not campaigning yet',
      );
      return;
    }
    this.campaign(kind);
  }

  private campaign(kind: CampaignKind): void {
    let voteType: MessageType;
    let term: number;
    if (kind === 'pre-election') {
      this.becomePreCandidate();
      voteType = MessageType.PreVote;
      term = this.term + 1; // the term we would campaign for, without raising ours
    } else {
      this.becomeCandidate();
      voteType = MessageType.Vote;
      term = this.term;
    }
    this.trk.recordVote(this.id, true);
    if (this.trk.tallyVotes().result === 'won') {
      // Single-voter cluster.
      if (kind === 'pre-election') this.campaign('election');
      else this.becomeLeader();
      return;
    }
    const lastIndex = this.raftLog.lastIndex();
    const lastTerm = this.raftLog.lastTerm();
    const ids = [...this.trk.voters].sort((a, b) => a - b);
    for (const id of ids) {
      if (id === this.id) continue;
      this.send(
        message({
          type: voteType,
          to: id,
          term,
          index: lastIndex,
          logTerm: lastTerm,
          context: kind === 'transfer' ? CAMPAIGN_TRANSFER_CTX : EMPTY,
        }),
      );
    }
  }

  // ---------------------------------------------------------------- step

  step(m: Message): void {
    if (m.term === 0) {
      // local message, or a forwarded proposal/read
    } else if (m.term > this.term) {
      if (m.type === MessageType.Vote || m.type === MessageType.PreVote) {
        const force = m.type === MessageType.Vote && bytesEqual(m.context, CAMPAIGN_TRANSFER_CTX);
        const inLease = this.checkQuorum && this.lead !== NONE && this.electionElapsed < this.electionTimeout;
        if (!force && inLease) {
          // We heard from a live leader within the election timeout: the request is disruptive.
          this.log.debug(
            { id: this.id, term: this.term, from: m.from, msgTerm: m.term },
            'ignoring vote request: leader lease not expired',
          );
          return;
        }
      }
      if (m.type === MessageType.PreVote) {
        // A pre-vote never changes our term.
      } else if (m.type === MessageType.PreVoteResp && !m.reject) {
        // The term in a granted pre-vote is the one we will campaign for; we move to it when we win.
      } else if (m.type === MessageType.App || m.type === MessageType.Heartbeat || m.type === MessageType.Snap) {
        this.becomeFollower(m.term, m.from);
      } else {
        this.becomeFollower(m.term, NONE);
      }
    } else if (m.term < this.term) {
      if ((this.checkQuorum || this.preVote) && (m.type === MessageType.Heartbeat || m.type === MessageType.App)) {
        // A stale leader (e.g. back from a partition): tell it our term so it steps down. Without
        // this, a node that raised its term without disrupting anyone (PreVote/CheckQuorum) and a
        // stale leader could wait on each other forever.
        this.send(message({ type: MessageType.AppResp, to: m.from }));
      } else if (m.type === MessageType.PreVote) {
        this.send(message({ type: MessageType.PreVoteResp, to: m.from, term: this.term, reject: true }));
      }
      return;
    }

    switch (m.type) {
      case MessageType.Hup:
        this.hup(this.preVote ? 'pre-election' : 'election');
        return;
      case MessageType.Vote:
      case MessageType.PreVote: {
        const canVote =
          this.vote === m.from ||
          (this.vote === NONE && this.lead === NONE) ||
          (m.type === MessageType.PreVote && m.term > this.term);
        const respType = m.type === MessageType.Vote ? MessageType.VoteResp : MessageType.PreVoteResp;
        if (canVote && this.raftLog.isUpToDate(m.index, m.logTerm)) {
          // Answer with the term of the request: a pre-vote's term is not ours yet.
          this.send(message({ type: respType, to: m.from, term: m.term }));
          if (m.type === MessageType.Vote) {
            this.electionElapsed = 0;
            this.vote = m.from;
          }
        } else {
          this.send(message({ type: respType, to: m.from, term: this.term, reject: true }));
        }
        return;
      }
      default:
        break;
    }

    try {
      switch (this.role) {
        case StateRole.Leader:
          this.stepLeader(m);
          break;
        case StateRole.Candidate:
        case StateRole.PreCandidate:
          this.stepCandidate(m);
          break;
        case StateRole.Follower:
          this.stepFollower(m);
          break;
      }
    } catch (err) {
      // A proposal forwarded by another node that we cannot take is dropped silently (the
      // proposer times out); a local proposal gets the error.
      if (err instanceof ProposalDroppedError && m.type === MessageType.Prop && m.from !== this.id) {
        this.log.debug({ id: this.id, from: m.from, reason: err.reason }, 'dropping forwarded proposal');
        return;
      }
      throw err;
    }
  }

  private stepLeader(m: Message): void {
    if (
      (m.type === MessageType.Prop || m.type === MessageType.ReadIndex) &&
      m.from !== this.id &&
      m.from !== NONE &&
      !this.trk.progress.has(m.from)
    ) {
      // A node that is not (or no longer) a member would never see the outcome: drop it, so that
      // its request is definitely not applied rather than applied unseen.
      this.log.debug(
        { id: this.id, from: m.from, type: MessageType[m.type] },
        'dropping request forwarded by a non-member',
      );
      return;
    }
    switch (m.type) {
      case MessageType.Beat:
        this.bcastHeartbeat();
        return;
      case MessageType.CheckQuorum:
        if (!this.trk.quorumActive(this.id)) {
          this.log.warn({ id: this.id, term: this.term }, 'stepping down: quorum not active');
          this.becomeFollower(this.term, NONE);
        }
        for (const [id, pr] of this.trk.progress) if (id !== this.id) pr.recentActive = false;
        return;
      case MessageType.Prop:
        this.leaderPropose(m);
        return;
      case MessageType.ReadIndex:
        if (this.trk.isSingleton() && this.trk.voters.has(this.id)) {
          this.respondToReadIndex(m, this.raftLog.committed);
          return;
        }
        if (!this.committedEntryInCurrentTerm()) {
          // Until an entry of our term commits, our commit index may lag the cluster's.
          this.pendingReadIndexMessages.push(m);
          return;
        }
        this.confirmReadIndex(m);
        return;
      default:
        break;
    }

    const pr = this.trk.progress.get(m.from);
    if (!pr) {
      this.log.debug({ id: this.id, from: m.from, type: MessageType[m.type] }, 'no progress for sender');
      return;
    }
    switch (m.type) {
      case MessageType.AppResp: {
        pr.recentActive = true;
        if (m.reject) {
          let nextProbe = m.rejectHint;
          if (m.logTerm > 0) {
            // Skip every entry of ours whose term is above the follower's term at the hint: they
            // cannot match (etcd's findConflictByTerm trick, one round trip per term).
            nextProbe = this.raftLog.findConflictByTerm(m.rejectHint, m.logTerm)[0];
          }
          if (pr.maybeDecrTo(m.index, nextProbe)) {
            this.log.debug({ id: this.id, from: m.from, rejected: m.index, next: pr.next }, 'append rejected');
            if (pr.state === 'replicate') pr.becomeProbe();
            this.sendAppend(m.from);
          }
          return;
        }
        if (m.index > this.raftLog.lastIndex()) {
          // Cannot be an answer to anything this leader sent in this term.
          this.log.warn(
            { id: this.id, from: m.from, index: m.index, lastIndex: this.raftLog.lastIndex() },
            'ignoring AppResp beyond our log',
          );
          return;
        }
        if (pr.maybeUpdate(m.index) || (pr.match === m.index && pr.state === 'probe')) {
          if (pr.state === 'probe') {
            pr.becomeReplicate();
          } else if (pr.state === 'snapshot' && pr.match + 1 >= this.raftLog.firstIndex()) {
            // The follower caught up (through the snapshot or otherwise): resume from the log.
            pr.becomeProbe();
            pr.becomeReplicate();
          } else if (pr.state === 'replicate') {
            pr.inflights.freeLE(m.index);
          }
          if (this.maybeCommit()) {
            this.releasePendingReadIndexMessages();
            this.bcastAppend();
          }
          while (this.maybeSendAppend(m.from, false)) {
            // keep streaming while the window allows
          }
          // Nothing new to send, but the follower may not know the commit index yet (it was
          // paused or behind when the index advanced): tell it now rather than at the next heartbeat.
          if (pr.sentCommit < Math.min(this.raftLog.committed, pr.next - 1)) this.maybeSendAppend(m.from, true);
          if (m.from === this.leadTransferee && pr.match === this.raftLog.lastIndex()) {
            this.log.info({ id: this.id, transferee: m.from }, 'transferee caught up: sending TimeoutNow');
            this.sendTimeoutNow(m.from);
          }
        }
        return;
      }
      case MessageType.HeartbeatResp: {
        pr.recentActive = true;
        pr.msgAppFlowPaused = false;
        if (pr.match < this.raftLog.lastIndex() || pr.state === 'probe') this.sendAppend(m.from);
        if (m.context.length === 0) return;
        const acks = this.readOnly.recvAck(m.from, m.context);
        if (!acks || !this.hasQuorumAcks(acks)) return;
        for (const rs of this.readOnly.advance(m.context)) this.respondToReadIndex(rs.req, rs.index);
        return;
      }
      case MessageType.SnapStatus:
        if (pr.state !== 'snapshot') return;
        if (m.reject) pr.pendingSnapshot = 0;
        pr.becomeProbe();
        // Wait for the follower's AppResp (success) or a heartbeat interval (failure).
        pr.msgAppFlowPaused = true;
        this.log.debug({ id: this.id, to: m.from, failed: m.reject }, 'snapshot status reported');
        return;
      case MessageType.Unreachable:
        if (pr.state === 'replicate') pr.becomeProbe();
        return;
      case MessageType.TransferLeader: {
        if (pr.isLearner) {
          this.log.info({ id: this.id, transferee: m.from }, 'ignoring transfer to a learner');
          return;
        }
        const last = this.leadTransferee;
        if (last !== NONE) {
          if (last === m.from) return;
          this.abortLeaderTransfer();
        }
        if (m.from === this.id) return;
        // The transfer must finish within one election timeout.
        this.electionElapsed = 0;
        this.leadTransferee = m.from;
        this.log.info({ id: this.id, transferee: m.from }, 'starting leader transfer');
        if (pr.match === this.raftLog.lastIndex()) this.sendTimeoutNow(m.from);
        else this.sendAppend(m.from);
        return;
      }
      default:
        return;
    }
  }

  private leaderPropose(m: Message): void {
    if (m.entries.length === 0) throw new Error('empty proposal');
    if (!this.trk.progress.has(this.id)) throw new ProposalDroppedError('not-member');
    if (this.leadTransferee !== NONE) throw new ProposalDroppedError('transferring');
    const ccs = m.entries.filter((e) => e.type === EntryType.ConfChange).length;
    if (ccs > 1) throw new ProposalDroppedError('conf-change-pending');
    if (ccs === 1 && this.pendingConfIndex > this.raftLog.applied)
      throw new ProposalDroppedError('conf-change-pending');
    this.appendEntries(m.entries);
    if (ccs === 1) {
      const ents = m.entries;
      const ccOffset = ents.findIndex((e) => e.type === EntryType.ConfChange);
      this.pendingConfIndex = this.raftLog.lastIndex() - (ents.length - 1 - ccOffset);
    }
    this.bcastAppend();
  }

  private confirmReadIndex(m: Message): void {
    this.readOnly.addRequest(this.raftLog.committed, m);
    this.readOnly.recvAck(this.id, m.context);
    this.bcastHeartbeat(m.context);
  }

  private hasQuorumAcks(acks: Set<NodeId>): boolean {
    let voterAcks = 0;
    for (const id of acks) if (this.trk.voters.has(id)) voterAcks++;
    return voterAcks >= this.trk.quorum();
  }

  /** After a membership change the acks already received may form a quorum. */
  private recheckPendingReads(): void {
    const pending = this.readOnly.pendingRequests();
    for (let i = pending.length - 1; i >= 0; i--) {
      if (!this.hasQuorumAcks(pending[i]!.acks)) continue;
      for (const rs of this.readOnly.advance(pending[i]!.req.context)) this.respondToReadIndex(rs.req, rs.index);
      return;
    }
  }

  private releasePendingReadIndexMessages(): void {
    if (this.pendingReadIndexMessages.length === 0 || !this.committedEntryInCurrentTerm()) return;
    const msgs = this.pendingReadIndexMessages;
    this.pendingReadIndexMessages = [];
    for (const m of msgs) this.confirmReadIndex(m);
  }

  private respondToReadIndex(req: Message, index: number): void {
    if (req.from === NONE || req.from === this.id) {
      this.readStates.push({ index, requestCtx: req.context });
    } else {
      this.send(message({ type: MessageType.ReadIndexResp, to: req.from, index, context: req.context }));
    }
  }

  private stepCandidate(m: Message): void {
    const myVoteResp = this.role === StateRole.PreCandidate ? MessageType.PreVoteResp : MessageType.VoteResp;
    switch (m.type) {
      case MessageType.Prop:
        throw new ProposalDroppedError('no-leader');
      case MessageType.App:
        this.becomeFollower(m.term, m.from);
        this.handleAppendEntries(m);
        return;
      case MessageType.Heartbeat:
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return;
      case MessageType.ReadIndex:
        this.log.debug({ id: this.id }, 'no leader: dropping ReadIndex');
        return;
      default:
        break;
    }
    if (m.type !== myVoteResp) return;
    this.trk.recordVote(m.from, !m.reject);
    const { granted, rejected, result } = this.trk.tallyVotes();
    this.log.debug({ id: this.id, term: this.term, granted, rejected, type: MessageType[m.type] }, 'vote tally');
    if (result === 'won') {
      if (this.role === StateRole.PreCandidate) {
        this.campaign('election');
      } else {
        this.becomeLeader();
        this.bcastAppend();
      }
    } else if (result === 'lost') {
      // A pre-candidate that lost keeps its term; a candidate keeps the term it campaigned for.
      this.becomeFollower(this.term, NONE);
    }
  }

  private stepFollower(m: Message): void {
    switch (m.type) {
      case MessageType.Prop:
        if (this.lead === NONE) throw new ProposalDroppedError('no-leader');
        this.send({ ...m, to: this.lead });
        return;
      case MessageType.App:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleAppendEntries(m);
        return;
      case MessageType.Heartbeat:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleSnapshot(m);
        return;
      case MessageType.TransferLeader:
        if (this.lead === NONE) {
          this.log.info({ id: this.id }, 'no leader: dropping leader transfer');
          return;
        }
        this.send({ ...m, to: this.lead });
        return;
      case MessageType.TimeoutNow:
        this.log.info(
          { id: this.id, term: this.term, from: m.from },
          'TimeoutNow received: campaigning for leader transfer',
        );
        // Leader transfer skips PreVote: the leader asked for this election.
        this.hup('transfer');
        return;
      case MessageType.ReadIndex:
        if (this.lead === NONE) {
          this.log.debug({ id: this.id }, 'no leader: dropping ReadIndex');
          return;
        }
        this.send({ ...m, to: this.lead });
        return;
      case MessageType.ReadIndexResp:
        this.readStates.push({ index: m.index, requestCtx: m.context });
        return;
      default:
        return;
    }
  }

  // ---------------------------------------------------------------- follower handlers

  private handleAppendEntries(m: Message): void {
    if (m.index < this.raftLog.committed) {
      this.send(message({ type: MessageType.AppResp, to: m.from, index: this.raftLog.committed }));
      return;
    }
    const lastNew = this.raftLog.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
    if (lastNew !== undefined) {
      this.send(message({ type: MessageType.AppResp, to: m.from, index: lastNew }));
      return;
    }
    // Reject with a hint: the largest index <= min(m.index, lastIndex) whose term is <= m.logTerm.
    const hintIndex = Math.min(m.index, this.raftLog.lastIndex());
    const [idx, term] = this.raftLog.findConflictByTerm(hintIndex, m.logTerm);
    this.log.debug(
      { id: this.id, index: m.index, logTerm: m.logTerm, hintIndex: idx, hintTerm: term },
      'rejecting append',
    );
    this.send(
      message({ type: MessageType.AppResp, to: m.from, index: m.index, reject: true, rejectHint: idx, logTerm: term }),
    );
  }

  private handleHeartbeat(m: Message): void {
    this.raftLog.commitTo(m.commit);
    this.send(message({ type: MessageType.HeartbeatResp, to: m.from, context: m.context }));
  }

  private handleSnapshot(m: Message): void {
    const s = m.snapshot;
    if (!s) return;
    if (this.restore(s)) {
      this.log.info({ id: this.id, index: s.metadata.index, term: s.metadata.term }, 'restored snapshot');
      this.send(message({ type: MessageType.AppResp, to: m.from, index: this.raftLog.lastIndex() }));
    } else {
      this.log.debug({ id: this.id, index: s.metadata.index, committed: this.raftLog.committed }, 'ignored snapshot');
      this.send(message({ type: MessageType.AppResp, to: m.from, index: this.raftLog.committed }));
    }
  }

  /** Installs a snapshot from the leader. Returns false if it was ignored. */
  private restore(s: Snapshot): boolean {
    if (s.metadata.index <= this.raftLog.committed) return false;
    if (this.role !== StateRole.Follower) return false;
    if (this.raftLog.matchTerm(s.metadata.index, s.metadata.term)) {
      // We already hold the snapshot's last entry: just fast-forward the commit index.
      this.raftLog.commitTo(s.metadata.index);
      return false;
    }
    this.raftLog.restore(s);
    this.applyConfState(s.metadata.confState);
    const self = this.trk.progress.get(this.id);
    if (self) self.match = this.raftLog.lastIndex();
    return true;
  }

  // ---------------------------------------------------------------- membership

  applyConfChange(cc: ConfChange): ConfState {
    const before = this.trk.confState();
    const isVoter = this.trk.voters.has(cc.nodeId);
    switch (cc.type) {
      case ConfChangeType.AddNode:
        this.trk.addNode(cc.nodeId, false, this.raftLog.lastIndex() + 1);
        break;
      case ConfChangeType.AddLearner:
        if (isVoter && this.trk.voters.size === 1) {
          this.log.warn({ id: this.id, nodeId: cc.nodeId }, 'ignoring conf change: would demote the last voter');
          return before;
        }
        this.trk.addNode(cc.nodeId, true, this.raftLog.lastIndex() + 1);
        break;
      case ConfChangeType.RemoveNode:
        if (isVoter && this.trk.voters.size === 1) {
          this.log.warn({ id: this.id, nodeId: cc.nodeId }, 'ignoring conf change: would remove the last voter');
          return before;
        }
        this.trk.removeNode(cc.nodeId);
        break;
      default:
        throw new Error(`unknown conf change type ${String(cc.type)}`);
    }
    const after = this.trk.confState();
    this.log.info(
      { id: this.id, type: ConfChangeType[cc.type], nodeId: cc.nodeId, voters: after.voters, learners: after.learners },
      'applied conf change',
    );

    if (this.role === StateRole.Leader) {
      if (this.leadTransferee !== NONE && !this.trk.voters.has(this.leadTransferee)) this.abortLeaderTransfer();
      if (!this.trk.voters.has(this.id)) {
        this.stepDownAfterRemoval();
      } else {
        this.recheckPendingReads();
        if (this.maybeCommit()) {
          this.releasePendingReadIndexMessages();
          this.bcastAppend();
        } else {
          for (const id of this.trk.progress.keys()) if (id !== this.id) this.maybeSendAppend(id, false);
          const pr = this.trk.progress.get(cc.nodeId);
          if (pr && cc.nodeId !== this.id && pr.match === 0) this.sendAppend(cc.nodeId);
        }
      }
    }
    return after;
  }

  /**
   * A leader that is no longer a voter stops leading: it tells the others the commit index, hands
   * leadership to the most caught-up voter if one is fully caught up, and steps down.
   */
  private stepDownAfterRemoval(): void {
    this.maybeCommit();
    this.bcastAppend();
    this.bcastHeartbeat(EMPTY);
    let best: NodeId = NONE;
    let bestMatch = -1;
    for (const id of [...this.trk.voters].sort((a, b) => a - b)) {
      const pr = this.trk.progress.get(id)!;
      if (pr.match > bestMatch) {
        best = id;
        bestMatch = pr.match;
      }
    }
    if (best !== NONE && bestMatch === this.raftLog.lastIndex()) this.sendTimeoutNow(best);
    this.log.info(
      { id: this.id, term: this.term, handoff: bestMatch === this.raftLog.lastIndex() ? best : NONE },
      'leader removed from voters: stepping down',
    );
    this.becomeFollower(this.term, NONE);
  }

  /** Called after the application reported progress (advance): runs a deferred transfer campaign. */
  afterApplied(): void {
    if (this.deferredTransferTerm === 0) return;
    if (this.deferredTransferTerm !== this.term || this.role !== StateRole.Follower) {
      this.deferredTransferTerm = 0;
      return;
    }
    if (this.hasUnappliedConfChanges()) return;
    this.deferredTransferTerm = 0;
    this.hup('transfer');
  }

  abortLeaderTransfer(): void {
    this.leadTransferee = NONE;
  }
}
