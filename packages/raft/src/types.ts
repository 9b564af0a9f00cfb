// The contract of the raft core: plain data types shared with storage, transport and tests.
// Modelled on etcd-io/raft's raftpb (the ideas, not the code). Indexes and terms are JS numbers
// (safe up to 2^53, far beyond any log we will write). Node ids are non-zero numbers; 0 = none.

export type NodeId = number;
export const NONE: NodeId = 0;

export enum EntryType {
  Normal = 0,
  ConfChange = 1,
}

export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  /** Opaque payload. Empty for the no-op a new leader appends. For ConfChange: encodeConfChange(). */
  data: Uint8Array;
}

export interface HardState {
  term: number;
  vote: NodeId;
  commit: number;
}

export interface ConfState {
  voters: NodeId[];
  learners: NodeId[];
}

export interface SnapshotMetadata {
  index: number;
  term: number;
  confState: ConfState;
}

export interface Snapshot {
  metadata: SnapshotMetadata;
  /** The application's serialized state machine at metadata.index. */
  data: Uint8Array;
}

export enum ConfChangeType {
  AddNode = 0,
  RemoveNode = 1,
  AddLearner = 2,
}

export interface ConfChange {
  type: ConfChangeType;
  nodeId: NodeId;
  /** Opaque to raft (e.g. the new member's address); carried to the application on apply. */
  context: Uint8Array;
}

export enum MessageType {
  Hup = 0, // local: start an election
  Beat = 1, // local: leader sends heartbeats
  Prop = 2, // proposal (local, or forwarded by a follower)
  App = 3,
  AppResp = 4,
  Vote = 5,
  VoteResp = 6,
  PreVote = 7,
  PreVoteResp = 8,
  Snap = 9,
  Heartbeat = 10,
  HeartbeatResp = 11,
  Unreachable = 12, // local: transport could not reach `from`
  SnapStatus = 13, // local: outcome of sending a snapshot (reject = failure)
  CheckQuorum = 14, // local
  TransferLeader = 15,
  TimeoutNow = 16,
  ReadIndex = 17,
  ReadIndexResp = 18,
}

export interface Message {
  type: MessageType;
  to: NodeId;
  from: NodeId;
  term: number;
  /** Term of the entry at `index` (App: of the entry preceding `entries`; rejections: hint term). */
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  snapshot?: Snapshot;
  reject: boolean;
  rejectHint: number;
  /** ReadIndex request context (opaque to raft, echoed back). Heartbeats carry it too. */
  context: Uint8Array;
}

export enum StateRole {
  Follower = 'follower',
  PreCandidate = 'pre-candidate',
  Candidate = 'candidate',
  Leader = 'leader',
}

export interface SoftState {
  lead: NodeId;
  role: StateRole;
}

export interface ReadState {
  /** The commit index the read must wait for (applied >= index) before it is served. */
  index: number;
  /** The context given to readIndex(). */
  requestCtx: Uint8Array;
}

/**
 * What the core hands the caller. Caller contract (same as etcd):
 *  1. persist entries, hardState and snapshot atomically (one batch); fsync iff mustSync;
 *     appending entry i discards any persisted entries >= i;
 *  2. then send messages (never before 1 is durable);
 *  3. apply snapshot then committedEntries (call applyConfChange for conf entries);
 *  4. call advance(ready).
 */
export interface Ready {
  softState?: SoftState;
  hardState?: HardState;
  readStates: ReadState[];
  entries: Entry[];
  snapshot?: Snapshot;
  committedEntries: Entry[];
  messages: Message[];
  mustSync: boolean;
}

/** Synchronous read access to the durable log (etcd's Storage interface). */
export interface Storage {
  initialState(): { hardState: HardState; confState: ConfState };
  /** Entries in [lo, hi), total size capped by maxSize bytes (at least one entry returned). */
  entries(lo: number, hi: number, maxSize: number): Entry[];
  /** Term of entry i, valid for [firstIndex()-1, lastIndex()]. Throws CompactedError / UnavailableError. */
  term(i: number): number;
  firstIndex(): number;
  lastIndex(): number;
  snapshot(): Snapshot;
}

export class CompactedError extends Error {
  constructor() {
    super('requested index is unavailable due to compaction');
    this.name = 'CompactedError';
  }
}

export class UnavailableError extends Error {
  constructor() {
    super('requested entry at index is unavailable');
    this.name = 'UnavailableError';
  }
}

export class SnapshotTemporarilyUnavailableError extends Error {
  constructor() {
    super('snapshot is temporarily unavailable');
    this.name = 'SnapshotTemporarilyUnavailableError';
  }
}

/** Thrown by propose() and friends when the proposal cannot be accepted now. */
export class ProposalDroppedError extends Error {
  constructor(
    readonly reason: 'no-leader' | 'uncommitted-limit' | 'transferring' | 'conf-change-pending' | 'not-member',
  ) {
    super(`raft proposal dropped: ${reason}`);
    this.name = 'ProposalDroppedError';
  }
}

export interface Config {
  id: NodeId;
  /** Election timeout in ticks; the randomized timeout is in [electionTick, 2*electionTick). */
  electionTick: number;
  heartbeatTick: number;
  storage: Storage;
  /** Last applied index when restarting (entries <= applied are not handed out again). */
  applied?: number;
  /** Max bytes of entries per App message. */
  maxSizePerMsg: number;
  /** Max App messages in flight to one follower in Replicate state. */
  maxInflightMsgs: number;
  /** Max bytes in flight to one follower (0 = no limit). */
  maxInflightBytes?: number;
  /** Max total bytes of uncommitted entry payloads on the leader (0 = no limit). */
  maxUncommittedEntriesSize: number;
  /** Max bytes of committedEntries handed out in one Ready (0 = no limit). */
  maxCommittedSizePerReady?: number;
  preVote: boolean;
  checkQuorum: boolean;
  /** Injected randomness: returns an integer in [0, n). Seeded in tests. */
  random: (n: number) => number;
  /** Injected logger (no I/O inside the core otherwise). */
  logger?: RaftLogger;
}

export interface RaftLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export enum SnapshotStatus {
  Finish = 0,
  Failure = 1,
}

/** Per-peer replication progress as exposed by status() (for observability and tests). */
export interface ProgressStatus {
  match: number;
  next: number;
  state: 'probe' | 'replicate' | 'snapshot';
  recentActive: boolean;
  isLearner: boolean;
}

export interface Status {
  id: NodeId;
  hardState: HardState;
  softState: SoftState;
  applied: number;
  leadTransferee: NodeId;
  progress: Map<NodeId, ProgressStatus>; // only on the leader
  confState: ConfState;
}

/**
 * The single-threaded core (etcd's RawNode). No I/O, no timers, no clock, no randomness except
 * Config.random. Implemented in raw-node.ts.
 */
export interface RawNodeApi {
  tick(): void;
  campaign(): void;
  /** Throws ProposalDroppedError when it cannot be accepted (no leader known, limit, transfer). */
  propose(data: Uint8Array): void;
  proposeConfChange(cc: ConfChange): void;
  step(m: Message): void;
  hasReady(): boolean;
  ready(): Ready;
  advance(rd: Ready): void;
  /** Applies a committed conf change; returns the new ConfState (persist it with the next snapshot). */
  applyConfChange(cc: ConfChange): ConfState;
  transferLeader(transferee: NodeId): void;
  /** Requests a linearizable read; the answer arrives as a ReadState with the same ctx. */
  readIndex(ctx: Uint8Array): void;
  reportUnreachable(id: NodeId): void;
  reportSnapshot(id: NodeId, status: SnapshotStatus): void;
  status(): Status;
}

/** Builds a Message with defaults for the fields a caller does not care about. */
export function message(m: Partial<Message> & Pick<Message, 'type'>): Message {
  return {
    to: NONE,
    from: NONE,
    term: 0,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    reject: false,
    rejectHint: 0,
    context: EMPTY,
    ...m,
  };
}

export const EMPTY: Uint8Array = new Uint8Array(0);

export function isLocalMessage(t: MessageType): boolean {
  return (
    t === MessageType.Hup ||
    t === MessageType.Beat ||
    t === MessageType.Unreachable ||
    t === MessageType.SnapStatus ||
    t === MessageType.CheckQuorum
  );
}

export function isResponseMessage(t: MessageType): boolean {
  return (
    t === MessageType.AppResp ||
    t === MessageType.VoteResp ||
    t === MessageType.HeartbeatResp ||
    t === MessageType.Unreachable ||
    t === MessageType.PreVoteResp
  );
}

/** Payload size used for flow-control accounting. */
export function entrySize(e: Entry): number {
  return e.data.length + 24;
}

/** ConfChange wire form inside an Entry of type ConfChange: [type u8][nodeId u64be][context...]. */
export function encodeConfChange(cc: ConfChange): Uint8Array {
  const out = new Uint8Array(9 + cc.context.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, cc.type);
  view.setBigUint64(1, BigInt(cc.nodeId));
  out.set(cc.context, 9);
  return out;
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  if (data.length < 9) throw new Error(`conf change entry too short: ${data.length} bytes`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = view.getUint8(0) as ConfChangeType;
  if (!(type in ConfChangeType)) throw new Error(`unknown conf change type ${type}`);
  return { type, nodeId: Number(view.getBigUint64(1)), context: data.slice(9) };
}
