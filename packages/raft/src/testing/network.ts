// A deterministic in-memory network of RawNodes for tests (after etcd-io/raft's newNetwork idea).
// Each node has a MemoryStorage and a trivial state machine (the list of applied payloads). Every
// delivered message is followed by a full Ready cycle (persist, apply, advance) of its receiver, and
// messages are delivered in FIFO order until the network is quiet. Faults: drop(from,to,p), cut,
// isolate, ignore(type), a message hook, and down/up nodes. No timers, no wall clock.
import { RawNode } from '../raw-node.js';
import { MemoryStorage } from '../memory-storage.js';
import {
  EMPTY,
  EntryType,
  MessageType,
  NONE,
  SnapshotStatus,
  StateRole,
  decodeConfChange,
  isLocalMessage,
  type ConfChange,
  type ConfState,
  type Config,
  type Entry,
  type Message,
  type NodeId,
  type ReadState,
  type Snapshot,
} from '../types.js';

/** mulberry32: a tiny seeded PRNG, deterministic across runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NetworkOptions {
  preVote?: boolean;
  checkQuorum?: boolean;
  electionTick?: number;
  heartbeatTick?: number;
  maxSizePerMsg?: number;
  maxInflightMsgs?: number;
  maxInflightBytes?: number;
  maxUncommittedEntriesSize?: number;
  maxCommittedSizePerReady?: number;
  seed?: number;
  /** Deliver queued messages in a random (seeded) order instead of FIFO. */
  shuffle?: boolean;
  /** Probability that a delivered message is delivered a second time later. */
  duplicateRate?: number;
  /**
   * Act like a transport: report every Snap message to its sender (Finish once delivered, Failure
   * when dropped or the receiver is down). Off by default so tests can drive reportSnapshot.
   */
  autoReportSnapshots?: boolean;
  /** Last chance to change a node's config. */
  configure?: (c: Config) => Config;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function bytes(s: string): Uint8Array {
  return enc.encode(s);
}

export function text(b: Uint8Array): string {
  return dec.decode(b);
}

/** One member of the test network: its RawNode, storage and applied state. */
export class NetNode {
  raw: RawNode;
  /** Payloads of applied Normal entries (non-empty ones), in order: the "state machine". */
  applied: string[] = [];
  /** Every committed entry handed to this node (including empty and conf entries), in order. */
  committed: Entry[] = [];
  readStates: ReadState[] = [];
  confState: ConfState;
  appliedIndex: number;
  snapshotsRestored = 0;
  down = false;

  constructor(
    readonly id: NodeId,
    readonly storage: MemoryStorage,
    private readonly makeConfig: (id: NodeId, storage: MemoryStorage, applied: number) => Config,
    applied: number,
  ) {
    this.appliedIndex = applied;
    this.confState = storage.initialState().confState;
    this.raw = new RawNode(makeConfig(id, storage, applied));
  }

  get raft() {
    return this.raw.raft;
  }

  get role(): StateRole {
    return this.raw.raft.role;
  }

  get term(): number {
    return this.raw.raft.term;
  }

  get commit(): number {
    return this.raw.raft.raftLog.committed;
  }

  lastIndex(): number {
    return this.raw.raft.raftLog.lastIndex();
  }

  /** All entries in the log (stable + unstable). */
  entries(): Entry[] {
    return this.raw.raft.raftLog.allEntries();
  }

  /** Runs Ready cycles until there is nothing left; returns the messages to send. */
  flush(): Message[] {
    const out: Message[] = [];
    while (this.raw.hasReady()) {
      const rd = this.raw.ready();
      if (rd.snapshot) {
        this.storage.applySnapshot(rd.snapshot);
        this.restoreState(rd.snapshot);
      }
      this.storage.append(rd.entries);
      if (rd.hardState) this.storage.setHardState(rd.hardState);
      for (const e of rd.committedEntries) {
        this.committed.push(e);
        if (e.type === EntryType.ConfChange) {
          this.confState = this.raw.applyConfChange(decodeConfChange(e.data));
        } else if (e.data.length > 0) {
          this.applied.push(text(e.data));
        }
        this.appliedIndex = e.index;
      }
      this.readStates.push(...rd.readStates);
      out.push(...rd.messages);
      this.raw.advance(rd);
    }
    return out;
  }

  private restoreState(s: Snapshot): void {
    this.applied = s.data.length > 0 ? (JSON.parse(text(s.data)) as string[]) : [];
    this.confState = s.metadata.confState;
    this.appliedIndex = s.metadata.index;
    this.snapshotsRestored++;
  }

  /** Snapshots the applied state at the applied index and compacts the log up to `compactTo`. */
  compact(compactTo = this.appliedIndex): Snapshot {
    const snap = this.storage.createSnapshot(this.appliedIndex, this.confState, bytes(JSON.stringify(this.applied)));
    this.storage.compact(Math.min(compactTo, this.appliedIndex));
    return snap;
  }

  /** Simulates a process restart: unpersisted state is lost, the node restarts from storage. */
  restart(): void {
    const snap = this.storage.snapshot();
    this.applied = snap.data.length > 0 ? (JSON.parse(text(snap.data)) as string[]) : [];
    this.appliedIndex = snap.metadata.index;
    this.confState = this.storage.initialState().confState;
    this.committed = [];
    this.readStates = [];
    this.raw = new RawNode(this.makeConfig(this.id, this.storage, snap.metadata.index));
  }
}

export class Network {
  readonly nodes = new Map<NodeId, NetNode>();
  private readonly dropRates = new Map<string, number>();
  private readonly ignored = new Set<MessageType>();
  private readonly rand: () => number;
  /** Return false to drop a message (after the other filters). */
  msgHook: ((m: Message) => boolean) | undefined;
  /** Every message handed to the network (before filtering), for assertions. */
  readonly sent: Message[] = [];
  private queue: Message[] = [];
  readonly opts: NetworkOptions;

  constructor(opts: NetworkOptions = {}) {
    this.opts = opts;
    this.rand = seededRandom(opts.seed ?? 1);
  }

  /** A cluster bootstrapped with `ids` as voters (each node's storage holds bootstrapState). */
  static create(ids: NodeId[], opts: NetworkOptions = {}): Network {
    const net = new Network(opts);
    for (const id of ids) net.addNode(id, MemoryStorage.bootstrap(ids), ids.length);
    return net;
  }

  makeConfig = (id: NodeId, storage: MemoryStorage, applied: number): Config => {
    const o = this.opts;
    const rng = seededRandom((o.seed ?? 1) * 7919 + id);
    const c = testConfig(id, storage, o, (n) => Math.floor(rng() * n), applied);
    return o.configure ? o.configure(c) : c;
  };

  /** Adds a node with the given storage (an empty MemoryStorage = a node joining the cluster). */
  addNode(id: NodeId, storage: MemoryStorage = new MemoryStorage(), applied = 0): NetNode {
    const n = new NetNode(id, storage, this.makeConfig, applied);
    this.nodes.set(id, n);
    return n;
  }

  node(id: NodeId): NetNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  /** Delivers messages (and everything they cause) until the network is quiet. */
  send(...msgs: Message[]): void {
    this.queue.push(...msgs);
    this.deliverAll();
  }

  private deliverAll(): void {
    let guard = 0;
    while (this.queue.length > 0) {
      if (++guard > 1_000_000) throw new Error('network did not quiesce');
      const pick = this.opts.shuffle ? Math.floor(this.rand() * this.queue.length) : 0;
      const m = pick === 0 ? this.queue.shift()! : this.queue.splice(pick, 1)[0]!;
      if (this.opts.duplicateRate && this.rand() < this.opts.duplicateRate) this.queue.push(m);
      const n = this.nodes.get(m.to);
      if (!n || n.down) {
        this.reportSnapshot(m, false);
        continue;
      }
      if (isLocalMessage(m.type)) n.raw.raft.step(m);
      else n.raw.step(m);
      this.enqueue(n.flush());
      this.reportSnapshot(m, true);
    }
  }

  private enqueue(msgs: Message[]): void {
    for (const m of msgs) {
      this.sent.push(m);
      if (this.filtered(m)) {
        this.reportSnapshot(m, false);
        continue;
      }
      this.queue.push(m);
    }
  }

  private reportSnapshot(m: Message, delivered: boolean): void {
    if (!this.opts.autoReportSnapshots || m.type !== MessageType.Snap) return;
    const sender = this.nodes.get(m.from);
    if (!sender || sender.down) return;
    sender.raw.reportSnapshot(m.to, delivered ? SnapshotStatus.Finish : SnapshotStatus.Failure);
    this.queue.push(...sender.flush());
  }

  private filtered(m: Message): boolean {
    if (this.ignored.has(m.type)) return true;
    const p = this.dropRates.get(`${m.from}-${m.to}`) ?? 0;
    if (p >= 1 || (p > 0 && this.rand() < p)) return true;
    if (this.msgHook && !this.msgHook(m)) return true;
    return false;
  }

  /** Flushes one node's pending output into the network and delivers it. */
  flush(id: NodeId): void {
    this.enqueue(this.node(id).flush());
    this.deliverAll();
  }

  /** Flushes every node and delivers until quiet. */
  stabilize(): void {
    for (const n of this.nodes.values()) if (!n.down) this.enqueue(n.flush());
    this.deliverAll();
  }

  tick(id: NodeId, times = 1): void {
    for (let i = 0; i < times; i++) {
      const n = this.node(id);
      if (n.down) return;
      n.raw.tick();
      this.flush(id);
    }
  }

  /** Ticks every live node once per round, delivering after each round. */
  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) {
      for (const n of this.nodes.values()) {
        if (n.down) continue;
        n.raw.tick();
        this.enqueue(n.flush());
      }
      this.deliverAll();
    }
  }

  campaign(id: NodeId): void {
    this.node(id).raw.campaign();
    this.flush(id);
  }

  propose(id: NodeId, data: string): void {
    this.node(id).raw.propose(bytes(data));
    this.flush(id);
  }

  proposeConfChange(id: NodeId, cc: Omit<ConfChange, 'context'> & { context?: Uint8Array }): void {
    this.node(id).raw.proposeConfChange({ context: EMPTY, ...cc });
    this.flush(id);
  }

  readIndex(id: NodeId, ctx: string): void {
    this.node(id).raw.readIndex(bytes(ctx));
    this.flush(id);
  }

  transferLeader(leader: NodeId, transferee: NodeId): void {
    this.node(leader).raw.transferLeader(transferee);
    this.flush(leader);
  }

  /** The network's seeded random source (for tests that need more randomness). */
  random(): number {
    return this.rand();
  }

  /** The live node that believes it is leader with the highest term, or NONE. */
  leader(): NodeId {
    let best: NetNode | undefined;
    for (const n of this.nodes.values()) {
      if (n.down || n.role !== StateRole.Leader) continue;
      if (!best || n.term > best.term) best = n;
    }
    return best?.id ?? NONE;
  }

  // ---------------------------------------------------------------- faults

  /** Drops messages from -> to with probability p (deterministic, seeded). */
  drop(from: NodeId, to: NodeId, p = 1): void {
    this.dropRates.set(`${from}-${to}`, p);
  }

  cut(a: NodeId, b: NodeId): void {
    this.drop(a, b, 1);
    this.drop(b, a, 1);
  }

  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) if (other !== id) this.cut(id, other);
  }

  ignore(type: MessageType): void {
    this.ignored.add(type);
  }

  recover(): void {
    this.dropRates.clear();
    this.ignored.clear();
    this.msgHook = undefined;
  }

  /** Stops a node: messages to it are lost and it does not tick. */
  stop(id: NodeId): void {
    this.node(id).down = true;
  }

  /** Restarts a stopped node from its storage. */
  start(id: NodeId): void {
    const n = this.node(id);
    n.restart();
    n.down = false;
  }
}

/** Options with test defaults, shared by the network harness and single test rafts. */
export type TestConfigOptions = Partial<
  Pick<
    Config,
    | 'electionTick'
    | 'heartbeatTick'
    | 'maxSizePerMsg'
    | 'maxInflightMsgs'
    | 'maxInflightBytes'
    | 'maxUncommittedEntriesSize'
    | 'maxCommittedSizePerReady'
    | 'preVote'
    | 'checkQuorum'
  >
>;

/** A Config with the tests' defaults: no size limits, PreVote and CheckQuorum off unless asked. */
export function testConfig(
  id: NodeId,
  storage: MemoryStorage,
  o: TestConfigOptions,
  random: (n: number) => number,
  applied?: number,
): Config {
  return {
    id,
    storage,
    ...(applied !== undefined ? { applied } : {}),
    electionTick: o.electionTick ?? 10,
    heartbeatTick: o.heartbeatTick ?? 1,
    maxSizePerMsg: o.maxSizePerMsg ?? 0,
    maxInflightMsgs: o.maxInflightMsgs ?? 256,
    maxInflightBytes: o.maxInflightBytes ?? 0,
    maxUncommittedEntriesSize: o.maxUncommittedEntriesSize ?? 0,
    maxCommittedSizePerReady: o.maxCommittedSizePerReady ?? 0,
    preVote: o.preVote ?? false,
    checkQuorum: o.checkQuorum ?? false,
    random,
  };
}
