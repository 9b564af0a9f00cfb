// The async raft driver: runs the pure core (RawNode) against LevelStorage, a Transport and the
// application's StateMachine.
//
// One loop, never two persists at once:
//   drain inbox (ticks, received messages, proposals, reads, conf changes) into the core
//   -> ready() -> persist (one LevelDB batch, fsync iff mustSync) -> send messages
//   -> install snapshot / apply committed entries (applyConfChange for conf entries)
//   -> advance() -> maybe snapshot + compact.
// Everything that arrives while a persist is in flight waits in the inbox and goes into the next
// Ready: that is group commit (many concurrent proposals, one batch, one fsync).
// The proposals waiting for their entry to apply are tracked by proposal-tracker.ts, the
// linearizable reads (ReadIndex rounds) by read-rounds.ts, committed entries and snapshots are
// applied by applier.ts; all of them run inside this loop.

import type { RecordCipher } from './at-rest/index.js';
import { randomInt } from 'node:crypto';
import { ClusterError, ErrorCode, silentLogger, type Logger } from '@clusterctl/common';
import {
  ConfChangeType,
  EMPTY,
  EntryType,
  MessageType,
  NONE,
  RawNode,
  StateRole,
  bootstrapState,
  encodeConfChange,
  type ConfChange,
  type ConfState,
  type Entry,
  type Message,
  type NodeId,
  type RawNodeApi,
  type Ready,
  type Snapshot,
  type SnapshotStatus,
  type Status,
} from '@clusterctl/raft';
import { LevelStorage, type LevelStorageStats } from './level-storage.js';
import { ProposalTracker } from './proposal-tracker.js';
import { ReadRounds } from './read-rounds.js';
import { Applier, type MembershipEvent } from './applier.js';
import type { ReplicatedMeta, Member } from './replicated-meta.js';
import type { Proposer, StateMachine } from './state-machine.js';
import type { RaftMessageSink, Transport } from './transport.js';

export interface RaftNodeConfig {
  /** This manager's raft id (non-zero). */
  id: NodeId;
  /** Directory of the LevelDB raft log (owned by this node; one process per directory). */
  dataDir: string;
  stateMachine: StateMachine;
  transport: Transport;
  logger?: Logger;
  /** Period of the raft clock. */
  tickMs?: number;
  /** Election timeout in ticks (randomized in [electionTick, 2*electionTick)). */
  electionTick?: number;
  heartbeatTick?: number;
  /** Default deadline of propose(), readBarrier() and membership changes. */
  proposalTimeoutMs?: number;
  /** How long a request waits for a leader to be known before failing with NO_LEADER. */
  noLeaderTimeoutMs?: number;
  /** A proposal or read not answered after this long is sent again (same id: applied once). */
  retryAfterMs?: number;
  /** Local bound on proposals waiting to apply (beyond it: OVERLOADED). */
  maxPendingProposals?: number;
  maxSizePerMsg?: number;
  maxInflightMsgs?: number;
  /** Max bytes of uncommitted entries on the leader (beyond it: OVERLOADED). */
  maxUncommittedEntriesSize?: number;
  /** Take a snapshot and compact the log every this many applied entries. */
  snapshotEveryEntries?: number;
  /** Entries kept behind a snapshot for followers that are slightly behind. */
  keepEntries?: number;
  /** Proposers (manager incarnations) idle for this many entries are dropped from the dedup table. */
  dedupRetentionEntries?: number;
  preVote?: boolean;
  checkQuorum?: boolean;
  /** Injected randomness for election timeouts (integer in [0, n)). */
  random?: (n: number) => number;
  /** Measurements for metrics (called on the hot paths: keep them cheap). */
  observer?: RaftObserver;
  /** Encrypts the raft log at rest under the manager's data key (LevelStorageOptions.cipher). */
  cipher?: RecordCipher;
}

/** What a metrics layer is told; every field optional. */
export interface RaftObserver {
  /** A normal proposal settled: its time from propose() to its outcome, and whether it applied. */
  proposal?(seconds: number, ok: boolean): void;
  /** A durable (synced) write of the log: its time. */
  syncedWrite?(seconds: number): void;
  /** A snapshot was taken: the state machine's bytes. */
  snapshot?(bytes: number): void;
}

/** Durable writes a leader may have in flight at once (its persists overlap; see startReady). */
const MAX_PIPELINED_SYNCS = 4;

export const RAFT_NODE_DEFAULTS = {
  tickMs: 100,
  electionTick: 10,
  heartbeatTick: 1,
  proposalTimeoutMs: 10_000,
  maxPendingProposals: 10_000,
  maxSizePerMsg: 1024 * 1024,
  maxInflightMsgs: 256,
  maxUncommittedEntriesSize: 64 * 1024 * 1024,
  snapshotEveryEntries: 10_000,
  keepEntries: 1_000,
  dedupRetentionEntries: 200_000,
  preVote: true,
  checkQuorum: true,
} as const;

/** A voter of a brand-new cluster, with the context other members learn (e.g. its address). */
export interface BootstrapPeer {
  id: NodeId;
  context?: Uint8Array;
}

export interface StartOptions {
  /**
   * Brand-new cluster: these are the initial voters (this node among them). Ignored when the data
   * directory already holds a raft log (restart). Without it, an empty node starts as a joiner:
   * it learns the membership from the leader once a member adds it.
   */
  bootstrap?: BootstrapPeer[];
}

export type { MembershipEvent } from './applier.js';

export interface RaftNodeStatus extends Status {
  leader: NodeId;
  role: StateRole;
  term: number;
  appliedIndex: number;
  snapshotIndex: number;
  firstIndex: number;
  lastIndex: number;
  pendingProposals: number;
  storage: LevelStorageStats;
  readyCount: number;
  /** Proposals handed to raft again (leader change, or no answer within retryAfterMs). */
  proposalRetries: number;
}

type Action =
  | { t: 'msg'; m: Message }
  | { t: 'unreachable'; id: NodeId }
  | { t: 'snap-status'; id: NodeId; status: SnapshotStatus }
  | { t: 'transfer'; id: NodeId }
  | { t: 'campaign' };

export class RaftNode implements Proposer, RaftMessageSink {
  readonly id: NodeId;
  private readonly cfg: Required<Omit<RaftNodeConfig, 'logger' | 'random' | 'observer'>> & {
    random: (n: number) => number;
    observer?: RaftObserver;
  };
  private readonly log: Logger;
  private readonly sm: StateMachine;
  private readonly transport: Transport;
  private raw!: RawNodeApi;
  /** Identifies this incarnation's proposals in the log (fresh at every start). */
  readonly proposerId: number;
  private readonly proposals: ProposalTracker;
  private readonly inbox: Action[] = [];
  private ticksDue = 0;
  private readonly reads: ReadRounds;

  private lead: NodeId = NONE;
  private role: StateRole = StateRole.Follower;
  private term = 0;
  private noLeaderSince = Date.now();
  private readonly applier: Applier;
  private lastSnapshotIndex = 0;

  private tickTimer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private loopScheduled = false;
  private stopped = false;
  private fatalError: Error | undefined;
  private readyCount = 0;
  /** Vote of the newest hard state handed out by the core (with `term`). */
  private lastVote = 0;
  /** Readys started and not finished (more than one only while a leader pipelines). */
  private inFlight = 0;
  /** Of which with a durable write (mustSync): bounded by MAX_PIPELINED_SYNCS. */
  private inFlightSyncs = 0;
  /** The periodic snapshot being encoded and stored, if any (see maybeSnapshot). */
  private snapshotting: Promise<void> | undefined;
  /** Tail of the in-order completion of started Readys. */
  private chain: Promise<void> = Promise.resolve();
  /** AppResps acking entries beyond this leader's durable log, held until its write completes. */
  private heldAcks: Message[] = [];

  private readonly leaderListeners = new Set<(leader: NodeId, term: number) => void>();
  private readonly membershipListeners = new Set<(ev: MembershipEvent) => void>();
  private readonly fatalListeners = new Set<(err: Error) => void>();

  private constructor(
    cfg: RaftNodeConfig,
    readonly storage: LevelStorage,
  ) {
    this.id = cfg.id;
    const electionTick = cfg.electionTick ?? RAFT_NODE_DEFAULTS.electionTick;
    const tickMs = cfg.tickMs ?? RAFT_NODE_DEFAULTS.tickMs;
    this.cfg = {
      ...RAFT_NODE_DEFAULTS,
      ...stripUndefined(cfg),
      tickMs,
      electionTick,
      noLeaderTimeoutMs: cfg.noLeaderTimeoutMs ?? 2 * electionTick * tickMs + 5 * tickMs,
      retryAfterMs: cfg.retryAfterMs ?? electionTick * tickMs,
      random: cfg.random ?? ((n: number) => randomInt(n)),
    } as RaftNode['cfg'];
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'raft', raftId: cfg.id });
    this.sm = cfg.stateMachine;
    this.transport = cfg.transport;
    this.proposerId = randomInt(1, 2 ** 47);
    const host = {
      id: this.id,
      proposerId: this.proposerId,
      limits: this.cfg,
      log: this.log,
      core: () => this.raw,
      leader: () => this.lead,
      fenceError: (term: number) => this.fenceError(term),
      unavailableError: () => this.unavailableError(),
      kick: () => this.kick(),
    };
    this.proposals = new ProposalTracker(host);
    this.reads = new ReadRounds(host);
    this.applier = new Applier(this.sm, {
      proposerId: this.proposerId,
      log: this.log,
      dedupRetentionEntries: this.cfg.dedupRetentionEntries,
      proposals: this.proposals,
      core: () => this.raw,
      peersChanged: (peers) => this.transport.updatePeers?.(peers),
      membershipChanged: (ev) => this.emitMembership(ev),
    });
  }

  // The applier owns the applied index, the membership as applied and the replicated meta.
  private get applied(): number {
    return this.applier.applied;
  }

  private set applied(index: number) {
    this.applier.applied = index;
  }

  private get confState(): ConfState {
    return this.applier.confState;
  }

  private set confState(cs: ConfState) {
    this.applier.confState = cs;
  }

  private get meta(): ReplicatedMeta {
    return this.applier.meta;
  }

  /**
   * Opens the raft log in cfg.dataDir and starts the node: restart if the log holds state,
   * otherwise bootstrap (opts.bootstrap) or join (empty, waits for the leader to add it).
   */
  static async start(cfg: RaftNodeConfig, opts: StartOptions = {}): Promise<RaftNode> {
    if (!Number.isSafeInteger(cfg.id) || cfg.id <= 0) throw new Error(`invalid raft id ${cfg.id}`);
    const storage = await LevelStorage.open(cfg.dataDir, {
      ...(cfg.logger === undefined ? {} : { logger: cfg.logger.child({ component: 'raft-log' }) }),
      ...(cfg.observer?.syncedWrite === undefined ? {} : { onSyncedWrite: cfg.observer.syncedWrite }),
      ...(cfg.cipher === undefined ? {} : { cipher: cfg.cipher }),
    });
    const node = new RaftNode(cfg, storage);
    try {
      await node.init(opts);
    } catch (err) {
      await storage.close().catch(() => undefined);
      throw err;
    }
    return node;
  }

  private async init(opts: StartOptions): Promise<void> {
    const s = this.storage;
    let mode: 'restart' | 'bootstrap' | 'join' = 'restart';
    if (s.isEmpty()) {
      if (opts.bootstrap !== undefined && opts.bootstrap.length > 0) {
        if (!opts.bootstrap.some((p) => p.id === this.id))
          throw new Error(`bootstrap peers do not include this node (${this.id})`);
        const st = bootstrapState(opts.bootstrap.map((p) => p.id));
        // Carry each peer's context (address) in its AddNode entry so joiners learn it from the log.
        st.entries = st.entries.map((e, i) => ({
          ...e,
          data: encodeConfChange({
            type: ConfChangeType.AddNode,
            nodeId: opts.bootstrap![i]!.id,
            context: opts.bootstrap![i]!.context ?? EMPTY,
          }),
        }));
        await s.bootstrap(st, st.entries.length);
        mode = 'bootstrap';
      } else {
        mode = 'join';
      }
    }
    // Rebuild the in-memory state machine: latest snapshot, then committed entries up to the
    // persisted applied index (the core hands out the rest in its first Readys).
    const snap = s.snapshot();
    if (snap.metadata.index > 0) {
      this.sm.restore(this.meta.restore(snap.data));
      this.lastSnapshotIndex = snap.metadata.index;
    }
    this.applied = snap.metadata.index;
    const persistedApplied = s.applied();
    if (persistedApplied > this.applied) {
      for (const e of s.entries(this.applied + 1, persistedApplied + 1, Number.POSITIVE_INFINITY))
        this.applyEntry(e, true);
    }
    this.confState = s.initialState().confState;
    this.meta.reconcileMembers(this.confState);
    this.raw = new RawNode({
      id: this.id,
      electionTick: this.cfg.electionTick,
      heartbeatTick: this.cfg.heartbeatTick,
      storage: s,
      applied: this.applied,
      maxSizePerMsg: this.cfg.maxSizePerMsg,
      maxInflightMsgs: this.cfg.maxInflightMsgs,
      maxUncommittedEntriesSize: this.cfg.maxUncommittedEntriesSize,
      preVote: this.cfg.preVote,
      checkQuorum: this.cfg.checkQuorum,
      random: this.cfg.random,
      logger: this.log,
    });
    this.term = s.hardState().term;
    // Apply what is committed in the local log before serving anything, so the state machine is
    // at least as new as before the restart when start() resolves.
    const commit = s.hardState().commit;
    while (this.applied < commit && this.raw.hasReady()) await this.handleReady(this.raw.ready());
    this.transport.updatePeers?.(this.peerMap());
    this.log.info(
      {
        mode,
        applied: this.applied,
        commit: s.hardState().commit,
        term: this.term,
        voters: this.confState.voters,
        learners: this.confState.learners,
        proposerId: this.proposerId,
      },
      'raft node started',
    );
    this.tickTimer = setInterval(() => {
      this.ticksDue++;
      this.kick();
    }, this.cfg.tickMs);
    this.tickTimer.unref();
    this.kick();
  }

  // ------------------------------------------------------------------ Proposer

  /**
   * Replicates `data` and resolves with what the state machine's apply() returned for it on this
   * manager (works on followers too). Retried transparently across leader changes with the same id;
   * applied at most once.
   *
   * `leaderTerm` fences a decision of a leader-only component (node-down marking, scheduling) to the
   * term it was made in: refused with NOT_LEADER unless this manager leads in that term, never
   * forwarded to another leader, and applied by every replica only if its entry carries that term.
   * A leader that was paused and wakes up still believing it leads cannot get its stale decisions
   * committed by the next leader.
   */
  propose(data: Uint8Array, opts: { timeoutMs?: number; leaderTerm?: number } = {}): Promise<unknown> {
    if (opts.leaderTerm !== undefined) {
      const lost = this.fenceError(opts.leaderTerm);
      if (lost !== undefined) return Promise.reject(lost);
    }
    const p = this.proposals.submit('normal', data, undefined, opts.timeoutMs, opts.leaderTerm);
    const observe = this.cfg.observer?.proposal;
    if (observe === undefined) return p;
    const t0 = performance.now();
    p.then(
      () => observe((performance.now() - t0) / 1000, true),
      () => observe((performance.now() - t0) / 1000, false),
    );
    return p;
  }

  /** NOT_LEADER unless this manager leads in `term` now. */
  private fenceError(term: number): ClusterError | undefined {
    if (this.role === StateRole.Leader && this.term === term) return undefined;
    return new ClusterError(
      ErrorCode.NotLeader,
      `the leadership of term ${term} is over (this manager is ${this.role === StateRole.Leader ? `leader of term ${this.term}` : 'not the leader'})`,
      {
        hint: 'a leader-only decision is not carried over to another term; the current leader decides afresh',
        details: { fenceTerm: term, term: this.term },
      },
    );
  }

  /** Linearizable read barrier (raft ReadIndex, batched): resolves once applied >= read index. */
  readBarrier(opts: { timeoutMs?: number } = {}): Promise<void> {
    return this.reads.wait(opts.timeoutMs);
  }

  // ------------------------------------------------------------------ membership & leadership

  /** Adds a voter. `context` is what every member learns about it (e.g. its address). */
  addMember(id: NodeId, context: Uint8Array = EMPTY): Promise<ConfState> {
    return this.proposeConf({ type: ConfChangeType.AddNode, nodeId: id, context });
  }

  /** Adds a non-voting learner that receives the log; promote() it once caught up. */
  addLearner(id: NodeId, context: Uint8Array = EMPTY): Promise<ConfState> {
    return this.proposeConf({ type: ConfChangeType.AddLearner, nodeId: id, context });
  }

  /**
   * Turns a learner into a voter (keeps the context it was added with). Called on the leader, it
   * refuses a learner more than `maxLagEntries` (default keepEntries) behind the commit index, so a
   * cold voter cannot stall the quorum; `force` skips the check.
   */
  promote(id: NodeId, opts: { force?: boolean; maxLagEntries?: number } = {}): Promise<ConfState> {
    if (opts.force !== true && this.isLeader()) {
      const st = this.raw.status();
      const pr = st.progress.get(id);
      const maxLag = opts.maxLagEntries ?? this.cfg.keepEntries;
      if (pr === undefined || !pr.isLearner) {
        return Promise.reject(
          new ClusterError(ErrorCode.FailedPrecondition, `node ${id} is not a learner`, {
            hint: 'Add it with addLearner() first.',
          }),
        );
      }
      if (pr.match + maxLag < st.hardState.commit) {
        return Promise.reject(
          new ClusterError(
            ErrorCode.FailedPrecondition,
            `learner ${id} is ${st.hardState.commit - pr.match} entries behind`,
            {
              hint: 'Wait until it has caught up (status().progress) and promote it again.',
              details: { match: pr.match, commit: st.hardState.commit },
            },
          ),
        );
      }
    }
    return this.proposeConf({ type: ConfChangeType.AddNode, nodeId: id, context: EMPTY });
  }

  removeMember(id: NodeId): Promise<ConfState> {
    return this.proposeConf({ type: ConfChangeType.RemoveNode, nodeId: id, context: EMPTY });
  }

  private async proposeConf(cc: ConfChange): Promise<ConfState> {
    return (await this.proposals.submit('conf', cc.context, cc)) as ConfState;
  }

  /** Asks the leader to hand leadership to `id`; resolves once `id` leads. */
  transferLeadership(id: NodeId, opts: { timeoutMs?: number } = {}): Promise<void> {
    const unavailable = this.unavailableError();
    if (unavailable !== undefined) return Promise.reject(unavailable);
    if (this.lead === id) return Promise.resolve();
    const timeoutMs = opts.timeoutMs ?? 4 * this.cfg.electionTick * this.cfg.tickMs;
    return new Promise<void>((resolve, reject) => {
      const off = this.onLeaderChange((leader) => {
        if (leader !== id) return;
        clearTimeout(timer);
        off();
        resolve();
      });
      const timer = setTimeout(() => {
        off();
        reject(
          new ClusterError(ErrorCode.Timeout, `leadership transfer to ${id} did not complete`, {
            hint: 'The target may be behind or unreachable; retry once it has caught up.',
          }),
        );
      }, timeoutMs);
      this.inbox.push({ t: 'transfer', id });
      this.kick();
    });
  }

  /** Starts an election now (tests, manual failover). */
  campaign(): void {
    this.inbox.push({ t: 'campaign' });
    this.kick();
  }

  leader(): NodeId {
    return this.lead;
  }

  isLeader(): boolean {
    return this.role === StateRole.Leader;
  }

  appliedIndex(): number {
    return this.applied;
  }

  /** The replicated member table (id -> role and context given when added). */
  members(): Member[] {
    return [...this.meta.members.values()].map((m) => ({ ...m }));
  }

  status(): RaftNodeStatus {
    return {
      ...this.raw.status(),
      leader: this.lead,
      role: this.role,
      term: this.term,
      appliedIndex: this.applied,
      snapshotIndex: this.storage.snapshot().metadata.index,
      firstIndex: this.storage.firstIndex(),
      lastIndex: this.storage.lastIndex(),
      pendingProposals: this.proposals.size,
      storage: { ...this.storage.stats },
      readyCount: this.readyCount,
      proposalRetries: this.proposals.retries,
    };
  }

  onLeaderChange(listener: (leader: NodeId, term: number) => void): () => void {
    this.leaderListeners.add(listener);
    return () => this.leaderListeners.delete(listener);
  }

  onMembershipChange(listener: (ev: MembershipEvent) => void): () => void {
    this.membershipListeners.add(listener);
    return () => this.membershipListeners.delete(listener);
  }

  /** The node hit an unrecoverable error (e.g. the disk failed) and stopped. */
  onFatal(listener: (err: Error) => void): () => void {
    this.fatalListeners.add(listener);
    return () => this.fatalListeners.delete(listener);
  }

  // ------------------------------------------------------------------ RaftMessageSink (transport side)

  step(m: Message): void {
    if (this.stopped) return;
    this.inbox.push({ t: 'msg', m });
    this.kick();
  }

  reportUnreachable(id: NodeId): void {
    if (this.stopped) return;
    this.inbox.push({ t: 'unreachable', id });
    this.kick();
  }

  reportSnapshot(id: NodeId, status: SnapshotStatus): void {
    if (this.stopped) return;
    this.inbox.push({ t: 'snap-status', id, status });
    this.kick();
  }

  /** Stops ticking, finishes the Ready in progress, fails waiting callers, closes the log. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.tickTimer !== undefined) clearInterval(this.tickTimer);
    await this.loop?.catch(() => undefined);
    await this.chain;
    await this.snapshotting;
    this.failAll(
      new ClusterError(ErrorCode.Unavailable, 'raft node stopped before the request completed', {
        hint: 'The manager is shutting down. A write may or may not have been applied: check before retrying against another manager.',
      }),
    );
    if (this.applied > this.storage.applied()) this.storage.setApplied(this.applied, this.confState);
    await this.storage.close();
    this.log.info({ applied: this.applied }, 'raft node stopped');
  }

  // ------------------------------------------------------------------ internals: submission

  private unavailableError(): ClusterError | undefined {
    if (this.fatalError !== undefined) {
      return new ClusterError(ErrorCode.Unavailable, `raft node failed: ${this.fatalError.message}`, {
        hint: 'Check the manager log and its data directory disk.',
        cause: this.fatalError,
      });
    }
    if (this.stopped)
      return new ClusterError(ErrorCode.Unavailable, 'raft node stopped', {
        hint: 'The manager is shutting down; retry against another manager.',
      });
    return undefined;
  }

  private failAll(err: Error): void {
    this.proposals.failAll(err);
    this.reads.failAll(err);
  }

  // ------------------------------------------------------------------ internals: the loop

  private kick(): void {
    if (this.loop !== undefined || this.loopScheduled || this.stopped || this.fatalError !== undefined) return;
    this.loopScheduled = true;
    setImmediate(() => {
      this.loopScheduled = false;
      if (this.loop !== undefined || this.stopped || this.fatalError !== undefined) return;
      this.loop = this.runLoop()
        .catch((err: unknown) => this.fail(err as Error))
        .finally(() => {
          this.loop = undefined;
          if (
            this.inbox.length > 0 ||
            this.proposals.hasQueued ||
            this.ticksDue > 0 ||
            (this.inFlight === 0 && this.raw.hasReady())
          )
            this.kick();
        });
    });
  }

  private async runLoop(): Promise<void> {
    while (!this.stopped && this.fatalError === undefined) {
      this.drainInbox();
      if (!this.raw.hasReady()) {
        if (this.inFlight === 0) return;
        // Readys in flight and nothing new: wait for them all, letting input pile up meanwhile
        // (bigger batches; waking per input made many small writes and cost throughput under CPU
        // contention). Held acks come back through the inbox when a Ready completes.
        await this.chain;
        continue;
      }
      const rd = this.raw.ready();
      // A Ready that may not overlap others waits for those in flight and is itself waited for.
      const pipelinable = this.mayPipeline(rd);
      if (this.inFlight > 0 && !pipelinable) await this.chain;
      const done = this.startReady(rd);
      if (!pipelinable) await done;
    }
  }

  private drainInbox(): void {
    const now = Date.now();
    const ticked = this.ticksDue > 0;
    for (; this.ticksDue > 0; this.ticksDue--) this.raw.tick();
    const actions = this.inbox.splice(0);
    for (const a of actions) {
      try {
        switch (a.t) {
          case 'msg':
            if (
              this.inFlight > 0 &&
              a.m.type === MessageType.AppResp &&
              !a.m.reject &&
              this.role === StateRole.Leader &&
              a.m.term === this.term &&
              a.m.index > this.storage.lastIndex()
            ) {
              this.heldAcks.push(a.m); // see startReady: only durable leader entries may commit
              break;
            }
            this.raw.step(a.m);
            break;
          case 'unreachable':
            this.raw.reportUnreachable(a.id);
            break;
          case 'snap-status':
            this.raw.reportSnapshot(a.id, a.status);
            break;
          case 'transfer':
            this.raw.transferLeader(a.id);
            break;
          case 'campaign':
            this.raw.campaign();
            break;
        }
      } catch (err) {
        this.log.debug({ err, action: a.t }, 'raft core refused input');
      }
    }
    this.proposals.proposeQueued(now);
    if (ticked) this.checkTimers(now);
    this.reads.issue(now);
  }

  /** Retries unanswered proposals/reads and fails those that waited too long for a leader. */
  private checkTimers(now: number): void {
    if (this.lead === NONE) {
      if (now - this.noLeaderSince < this.cfg.noLeaderTimeoutMs) return;
      const err = (maybeApplied: boolean): ClusterError =>
        new ClusterError(ErrorCode.NoLeader, `no raft leader for ${now - this.noLeaderSince} ms`, {
          hint: maybeApplied
            ? 'A majority of managers is unreachable. The request may still apply if the cluster recovers; check before retrying.'
            : 'A majority of managers is unreachable or an election is in progress; retry shortly, and check that most managers are up.',
          details: { maybeApplied },
        });
      this.proposals.failOlderThan(now, this.cfg.noLeaderTimeoutMs, err);
      this.reads.failOlderThan(now, this.cfg.noLeaderTimeoutMs, () => err(false));
      return;
    }
    this.proposals.retryDue(now);
    this.reads.retryUnanswered(now);
  }

  /** Handles one Ready completely (persist, send, apply, advance) after any still in flight. */
  private async handleReady(rd: Ready): Promise<void> {
    await this.startReady(rd);
  }

  /**
   * Whether the loop may take the next Ready while this one's persist is in flight (leader
   * pipelining). Only for a leader that stays leader in the same term, without snapshots or
   * membership changes in the Ready; at most MAX_PIPELINED_SYNCS durable writes in flight.
   */
  private mayPipeline(rd: Ready): boolean {
    if (this.role !== StateRole.Leader || (rd.mustSync && this.inFlightSyncs >= MAX_PIPELINED_SYNCS)) return false;
    if (rd.softState !== undefined || rd.snapshot !== undefined) return false;
    if (rd.hardState !== undefined && (rd.hardState.term !== this.term || rd.hardState.vote !== this.lastVote))
      return false;
    for (const e of rd.entries) if (e.type === EntryType.ConfChange) return false;
    for (const e of rd.committedEntries) if (e.type === EntryType.ConfChange) return false;
    return true;
  }

  /**
   * Starts handling a Ready: the parts that may run at once (early sends, starting the persist,
   * applying what is durable when nothing is in flight) happen now; the rest (send after the
   * persist, apply, advance) runs after the previous Readys' rest, in order. Resolves when done.
   */
  private startReady(rd: Ready): Promise<void> {
    this.readyCount++;
    const prevLead = this.lead;
    const prevTerm = this.term;
    if (rd.softState !== undefined) {
      this.lead = rd.softState.lead;
      this.role = rd.softState.role;
    }
    if (rd.hardState !== undefined) {
      this.term = rd.hardState.term;
      this.lastVote = rd.hardState.vote;
    }

    // Leader optimisation (Raft thesis §10.2.1): a leader may send its appends to followers while
    // its own write is in flight. Safe here because the core counts the leader's own entries
    // towards commit at once, but acks for entries beyond the leader's durable log are held back
    // (drainInbox) until its write completed: an entry can only commit once the leader's copy is
    // durable too. Everything else (votes, responses, and any message of a non-leader) waits for
    // the write. Not when this Ready changes term or vote (a single voter elects itself within one
    // Ready): appends must never carry a term that is not durable yet.
    let rest = rd.messages;
    const persisted = this.storage.hardState();
    const termOrVoteChanges =
      rd.hardState !== undefined && (rd.hardState.term !== persisted.term || rd.hardState.vote !== persisted.vote);
    // (When pipelining, every Ready in flight is of this leader and term: see mayPipeline.)
    if (this.role === StateRole.Leader && rd.messages.length > 0 && !termOrVoteChanges) {
      const early = rd.messages.filter((m) => m.type === MessageType.App || m.type === MessageType.Heartbeat);
      if (early.length > 0) {
        rest = rd.messages.filter((m) => !(m.type === MessageType.App || m.type === MessageType.Heartbeat));
        this.send(early);
      }
    }

    // 1. persist. Committed entries are applied as early as durability allows (see "Applying
    // ahead of the commit index write" in README.md):
    //  - a Ready with nothing to fsync (mustSync false: only the commit index, messages, committed
    //    entries) is not waited for. Every entry, term and vote it could depend on is already
    //    durable (earlier fsynced Readys completed), and the commit index itself is recoverable (a
    //    restart learns it again from the leader). The serial write queue keeps the batches in
    //    order, so the stored applied index never lands before the commit it is behind.
    //  - otherwise, committed entries that were durable in the local log before this Ready (index
    //    <= the stored last index) are applied while the fsync of the new entries runs; the rest
    //    (e.g. a single voter's own fresh entries) after it. Committed entries are never truncated,
    //    so the stored entry at that index is the committed one.
    // Both only when no earlier Ready is still in flight (entries are applied in order).
    const hasSnapshot = rd.snapshot !== undefined && rd.snapshot.metadata.index > 0;
    const durableLast = this.storage.lastIndex();
    const saved = this.storage.save(rd);
    const appliedBefore = this.applied;
    const ce = rd.committedEntries;
    let k = 0;
    const idle = this.inFlight === 0;
    if (idle && !rd.mustSync) {
      saved.catch((err: unknown) => this.fail(err as Error));
      if (rest.length > 0) this.send(rest);
      rest = [];
      for (; k < ce.length; k++) this.applyEntry(ce[k]!, false);
    } else if (idle && !hasSnapshot) {
      for (; k < ce.length && ce[k]!.index <= durableLast; k++) this.applyEntry(ce[k]!, false);
      if (k > 0) this.storage.setApplied(this.applied, this.confState);
    }
    this.inFlight++;
    const sync = rd.mustSync;
    if (sync) this.inFlightSyncs++;
    const prev = this.chain;
    const done = (async () => {
      await prev;
      // Earlier Readys are done: what is durable now may be applied before this one's persist.
      if (!hasSnapshot) {
        const durable = this.storage.lastIndex();
        const k0 = k;
        for (; k < ce.length && ce[k]!.index <= durable; k++) this.applyEntry(ce[k]!, false);
        if (k > k0) this.storage.setApplied(this.applied, this.confState);
      }
      await saved;
      // 2. send
      if (rest.length > 0) this.send(rest);
      // 3. apply the rest
      if (hasSnapshot) this.installSnapshot(rd.snapshot!);
      for (; k < ce.length; k++) this.applyEntry(ce[k]!, false);
      this.reads.confirm(rd.readStates);
      if (this.applied !== appliedBefore) this.storage.setApplied(this.applied, this.confState);

      // 4. advance
      this.raw.advance(rd);

      // A new leader, or the same one in a new term (it stepped down and was re-elected within one
      // Ready): proposals in flight may have been dropped.
      if (this.lead !== prevLead || (this.term !== prevTerm && this.lead !== NONE)) this.leaderChanged(prevLead);
      this.reads.resolve(this.applied);
      this.maybeSnapshot();
    })().finally(() => {
      this.inFlight--;
      if (sync) this.inFlightSyncs--;
      // The leader's log is durable further now: let the held acks in. advance() may also have
      // made more work ready.
      for (const m of this.heldAcks.splice(0)) this.inbox.push({ t: 'msg', m });
      this.kick();
    });
    this.chain = done.catch((err: unknown) => this.fail(err as Error));
    return done;
  }

  private send(msgs: Message[]): void {
    try {
      this.transport.send(msgs);
    } catch (err) {
      // The contract says send never throws; treat a bug there like a lossy network.
      this.log.error({ err, count: msgs.length }, 'transport.send threw; messages dropped');
    }
  }

  private leaderChanged(prev: NodeId): void {
    this.log.info(
      { leader: this.lead, previous: prev, term: this.term, role: this.role },
      this.lead === NONE ? 'raft leader lost' : 'raft leader changed',
    );
    if (this.lead === NONE) {
      this.noLeaderSince = Date.now();
    } else {
      // Proposals in flight may have been dropped with the old leader: send them again (same ids).
      this.proposals.requeueAll();
      this.reads.requeueUnconfirmed();
      this.kick();
    }
    for (const l of this.leaderListeners) {
      try {
        l(this.lead, this.term);
      } catch (err) {
        this.log.warn({ err }, 'leader listener threw');
      }
    }
  }

  private installSnapshot(snap: Snapshot): void {
    this.lastSnapshotIndex = snap.metadata.index;
    this.applier.installSnapshot(snap);
  }

  private applyEntry(e: Entry, replay: boolean): void {
    this.applier.apply(e, replay);
  }

  private peerMap(): Map<NodeId, Uint8Array> {
    return this.applier.peerMap();
  }

  private emitMembership(ev: MembershipEvent): void {
    for (const l of this.membershipListeners) {
      try {
        l(ev);
      } catch (err) {
        this.log.warn({ err }, 'membership listener threw');
      }
    }
  }

  /**
   * Every snapshotEveryEntries applied entries: snapshot the state machine and compact the log.
   * The state is captured here, at the applied index; encoding it and storing it run beside the
   * loop (one snapshot at a time), so a large state does not hold up the writes behind it. The
   * log keeps every entry until the snapshot is durable, so nothing depends on when it finishes.
   */
  private maybeSnapshot(): void {
    if (this.snapshotting !== undefined) return;
    if (this.applied - this.lastSnapshotIndex < this.cfg.snapshotEveryEntries) return;
    const index = this.applied;
    this.lastSnapshotIndex = index; // on failure, try again after another snapshotEveryEntries
    let encodeApp: () => Uint8Array | Promise<Uint8Array>;
    try {
      if (this.sm.captureSnapshot !== undefined) {
        encodeApp = this.sm.captureSnapshot();
      } else {
        const app = this.sm.snapshot();
        encodeApp = () => app;
      }
    } catch (err) {
      this.log.error({ err, index }, 'state machine snapshot failed; log not compacted');
      return;
    }
    const wrap = this.meta.capture();
    const confState: ConfState = { voters: [...this.confState.voters], learners: [...this.confState.learners] };
    const run = async (): Promise<void> => {
      let app: Uint8Array;
      try {
        app = await encodeApp();
      } catch (err) {
        this.log.error({ err, index }, 'state machine snapshot failed; log not compacted');
        return;
      }
      this.cfg.observer?.snapshot?.(app.length);
      if (this.stopped) return;
      // A storage failure here is a disk failure: it stops the node.
      await this.storage.createSnapshot(index, confState, wrap(app), this.cfg.keepEntries);
    };
    this.snapshotting = run()
      .catch((err: unknown) => {
        if (!this.stopped) this.fail(err as Error);
      })
      .finally(() => {
        this.snapshotting = undefined;
      });
  }

  private fail(err: Error): void {
    if (this.fatalError !== undefined) return;
    this.fatalError = err;
    this.log.error({ err }, 'raft node failed; stopping');
    if (this.tickTimer !== undefined) clearInterval(this.tickTimer);
    this.failAll(this.unavailableError()!);
    for (const l of this.fatalListeners) {
      try {
        l(err);
      } catch {
        // listeners must not break shutdown
      }
    }
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
