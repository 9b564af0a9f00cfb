// A deterministic, randomized simulation of a raft cluster: 3 or 5 RawNodes, a network that
// delays, reorders, drops and duplicates messages and can be partitioned, nodes that crash and
// restart from their durable state, clients doing puts and linearizable gets, and periodic
// snapshots with log compaction. One seed drives everything, so a seed replays exactly.
// Safety properties are checked after every step (invariants.ts); at the end the client history
// must be linearizable (linearizability.ts) and a healed cluster must commit a new write.

import {
  ConfChangeType,
  EMPTY,
  EntryType,
  MessageType,
  ProposalDroppedError,
  SnapshotStatus,
  StateRole,
  decodeConfChange,
  type ConfChange,
  type ConfState,
  type Config,
  type Entry,
  type HardState,
  type Message,
  type NodeId,
  type RawNodeApi,
  type Ready,
  type Snapshot,
  type Storage,
} from '../types.js';
import { checkKvHistory, describeOperation, type KvOperation } from './linearizability.js';
import { KvMachine, decodeCommand, digest, encodeCommand } from './kv-machine.js';
import { SafetyMonitor, SafetyViolation, type LogView, type Property } from './invariants.js';
import { Prng, hashLabel } from './prng.js';

/** The storage operations the simulator drives (MemoryStorage provides them). */
export interface SimStorage extends Storage {
  append(entries: Entry[]): void;
  applySnapshot(snap: Snapshot): void;
  compact(compactIndex: number): void;
  setHardState(hs: HardState): void;
  setConfState(cs: ConfState): void;
  createSnapshot(i: number, cs: ConfState | undefined, data: Uint8Array): Snapshot;
}

/** The raft implementation under test (injected so the simulator depends on the contract only). */
export interface RaftCore {
  newRawNode(config: Config): RawNodeApi;
  newStorage(): SimStorage;
  bootstrapStorage(voters: NodeId[]): SimStorage;
}

export interface SimOptions {
  seed: number;
  nodes: 3 | 5;
  /** Steps of the faulty phase (a step is a quarter of a raft tick). */
  steps: number;
  /** Fault event ordinals to skip (used to shrink a failing run). */
  disabledFaults?: ReadonlySet<number>;
  /** Receives every event line (verbose trace), including message deliveries. */
  onTrace?: (line: string) => void;
  clients?: number;
  keys?: number;
  /** Steps of the final fault-free period in which a new write must commit. */
  quietSteps?: number;
  /**
   * Deliberately broken application (tests only): serve gets from the contacted node's local
   * state without readIndex. Must be caught by the linearizability check.
   */
  unsafeLocalReads?: boolean;
  /** Deliberately broken application (tests only): serve a get once its read index is known, without waiting for applied >= index. */
  unsafeEarlyReads?: boolean;
  /**
   * Nemesis profile (default: drawn per seed, 1 in 4 is 'churn'). 'churn': new leaders and
   * leaders that just committed die often, and every App carries one entry, so old-term entries
   * sit half-replicated across leader changes (how the figure 8 interleaving arises).
   */
  profile?: 'mixed' | 'churn';
  /** Mean steps between fault events (default: drawn per seed from 30, 60, 120, 240, 480). */
  faultEverySteps?: number;
}

export interface FaultRecord {
  ordinal: number;
  step: number;
  description: string;
  disabled: boolean;
}

export interface SimStats {
  committedIndex: number;
  leaders: number;
  crashes: number;
  faults: number;
  messagesDelivered: number;
  messagesDropped: number;
  snapshotsCreated: number;
  snapshotsInstalled: number;
  opsCompleted: number;
  opsPending: number;
  historyCheckMs: number;
  /** Readys that carried a snapshot but said mustSync=false (persisted synced anyway). */
  unsyncedSnapshotReadys: number;
  /** Membership changes committed and applied (beyond the bootstrap entries). */
  confChangesApplied: number;
}

export interface SimFailure {
  property: Property;
  step: number;
  detail: string;
}

export interface SimResult {
  seed: number;
  nodes: number;
  steps: number;
  ok: boolean;
  failure?: SimFailure;
  faults: FaultRecord[];
  /** Summary trace: faults, crashes, leaders, client ops (no individual messages). */
  events: string[];
  /** Hash of the full verbose event stream (determinism check). */
  traceHash: string;
  stats: SimStats;
}

// Timing, in steps. A raft tick happens every TICK_STEPS steps on each node (own phase).
const TICK_STEPS = 4;
const ELECTION_TICK = 10;
const HEARTBEAT_TICK = 2;
const CLIENT_TIMEOUT_STEPS = 160;
const SNAPSHOT_EVERY_ENTRIES = 15;
const AUDIT_EVERY_STEPS = 25;

interface DiskWrite {
  hs?: HardState;
  apply?: ApplyRecord;
}

interface ApplyRecord {
  applied: number;
  machine: KvMachine;
  confState: ConfState;
}

interface ClientOp {
  op: KvOperation;
  node: NodeId;
  invokeStep: number;
  pendingCounted: boolean;
  /** For gets: the read index once known. */
  readIndex?: number;
}

type OpKind = 'put' | 'get' | 'cas';

interface Client {
  id: number;
  seq: number;
  /** Last value this client read per key (the `expected` of its next cas). */
  lastRead: Map<string, string | undefined>;
  current?: ClientOp;
  /** Step at which the client may issue its next op. */
  readyAt: number;
}

interface InFlight {
  deliverAt: number;
  seq: number;
  msg: Message;
}

class SimNode {
  up = true;
  raw!: RawNodeApi;
  storage!: SimStorage;
  machine = new KvMachine();
  applied = 0;
  confState: ConfState = { voters: [], learners: [] };
  role: StateRole = StateRole.Follower;
  lead: NodeId = 0;
  hs: HardState = { term: 0, vote: 0, commit: 0 };
  /** Durable layer of the hard state and apply record; `pending` = written without sync. */
  durableHs: HardState = { term: 0, vote: 0, commit: 0 };
  durableApply!: ApplyRecord;
  pending: DiskWrite[] = [];
  lastSnapshotIndex = 0;
  restartAt = -1;
  /** When >= 0: crash at the end of this step, down for that many steps. */
  crashAtEndOfStep = -1;
  /** A paused node (GC pause, stalled disk) neither ticks, nor receives, nor handles Readys. */
  pausedUntil = -1;
  tickPhase: number;
  /** Steps per raft tick for this node (clock rate differs per node). */
  tickSteps: number;
  readonly rng: Prng;
  /** op id -> client op proposed (put) or read (get) through this node. */
  readonly waiting = new Map<number, ClientOp>();

  constructor(
    readonly id: NodeId,
    seed: number,
  ) {
    this.rng = Prng.derive(seed, `raft-${id}`);
    this.tickSteps = TICK_STEPS - 1 + this.rng.int(3);
    this.tickPhase = this.rng.int(this.tickSteps);
  }
}

/** Thrown inside the run to stop it with a failure. */
class StopRun extends Error {
  constructor(readonly failure: SimFailure) {
    super(`${failure.property}: ${failure.detail}`);
  }
}

function ctxOf(opId: number): Uint8Array {
  return new TextEncoder().encode(`op${opId}`);
}
function opIdOfCtx(ctx: Uint8Array): number {
  const s = new TextDecoder().decode(ctx);
  return s.startsWith('op') ? Number(s.slice(2)) : -1;
}

/** FNV-1a style incremental hash of the event stream. */
class TraceHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x1234567;
  addNum(n: number): void {
    this.h1 = Math.imul(this.h1 ^ (n | 0), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ ((n / 4294967296) | 0) ^ (n | 0), 0x5bd1e995);
    this.h2 ^= this.h2 >>> 13;
  }
  addStr(s: string): void {
    this.addNum(hashLabel(s));
  }
  value(): string {
    return `${(this.h1 >>> 0).toString(16).padStart(8, '0')}${(this.h2 >>> 0).toString(16).padStart(8, '0')}`;
  }
}

export class Simulation {
  private readonly nodes = new Map<NodeId, SimNode>();
  private readonly ids: NodeId[];
  private readonly monitor = new SafetyMonitor();
  private readonly net: Prng;
  private readonly faultRng: Prng;
  private readonly clientRng: Prng;
  private readonly targeted: Prng;
  private readonly inflight: InFlight[] = [];
  private msgSeq = 0;
  /** group per node: messages flow only within a group. */
  private readonly group = new Map<NodeId, number>();
  private lossRate = 0;
  private readonly clients: Client[] = [];
  private readonly history: KvOperation[] = [];
  private nextOpId = 1;
  private now = 0;
  private logicalTime = 0;
  private faultOrdinal = 0;
  private readonly faults: FaultRecord[] = [];
  private readonly events: string[] = [];
  private readonly hash = new TraceHash();
  private readonly keys: string[];
  private readonly stats: SimStats = {
    committedIndex: 0,
    leaders: 0,
    crashes: 0,
    faults: 0,
    messagesDelivered: 0,
    messagesDropped: 0,
    snapshotsCreated: 0,
    snapshotsInstalled: 0,
    opsCompleted: 0,
    opsPending: 0,
    historyCheckMs: 0,
    unsyncedSnapshotReadys: 0,
    confChangesApplied: 0,
  };
  private readonly confChangeIndexes = new Set<number>();
  /** op id -> what its first application (on any node) did, and when ('duplicate' = no effect). */
  private readonly effects = new Map<number, { outcome: 'ok' | 'failed' | 'duplicate'; time: number }>();
  private faultsEnabled = true;
  /** Clients driven explicitly (the liveness probe), not by runClients. */
  private readonly extraClients: Client[] = [];
  private readonly faultEverySteps: number;
  /** Flow-control limits, drawn per seed (1-byte messages carry one entry each). */
  private readonly flow: { maxSizePerMsg: number; maxInflightMsgs: number };
  private readonly profile: 'mixed' | 'churn';

  constructor(
    private readonly core: RaftCore,
    private readonly opts: SimOptions,
  ) {
    this.ids = Array.from({ length: opts.nodes }, (_, i) => i + 1);
    this.net = Prng.derive(opts.seed, 'network');
    this.faultRng = Prng.derive(opts.seed, 'faults');
    this.clientRng = Prng.derive(opts.seed, 'clients');
    this.targeted = Prng.derive(opts.seed, 'targeted');
    this.profile = opts.profile ?? (Prng.derive(opts.seed, 'profile').chance(0.25) ? 'churn' : 'mixed');
    const fr = Prng.derive(opts.seed, 'flow');
    this.flow = { maxSizePerMsg: fr.pick([1, 64, 1024, 1 << 20]), maxInflightMsgs: fr.pick([1, 2, 8, 256]) };
    if (this.profile === 'churn') this.flow.maxSizePerMsg = 1;
    this.faultEverySteps = opts.faultEverySteps ?? Prng.derive(opts.seed, 'intensity').pick([30, 60, 120, 240, 480]);
    this.keys = Array.from({ length: opts.keys ?? 3 }, (_, i) => `k${i}`);
    const clients = opts.clients ?? Prng.derive(opts.seed, 'client-count').range(3, 8);
    for (let c = 0; c < clients; c++) this.clients.push({ id: c + 1, seq: 0, readyAt: 0, lastRead: new Map() });
    for (const id of this.ids) {
      const n = new SimNode(id, opts.seed);
      this.nodes.set(id, n);
      this.group.set(id, 0);
      n.storage = core.bootstrapStorage(this.ids);
      const st = n.storage;
      if (st.lastIndex() >= st.firstIndex())
        this.monitor.observeAppend(id, st.entries(st.firstIndex(), st.lastIndex() + 1, Number.MAX_SAFE_INTEGER), (i) =>
          st.term(i),
        );
      const init = n.storage.initialState();
      n.hs = { ...init.hardState };
      n.durableHs = { ...init.hardState };
      n.confState = init.confState;
      n.applied = n.storage.lastIndex(); // the bootstrap entries are applied by construction
      n.durableApply = { applied: n.applied, machine: new KvMachine(), confState: init.confState };
      n.raw = this.newRaw(n);
      this.monitor.observeRestart(id, n.hs);
    }
  }

  // ---------------------------------------------------------------- tracing

  private trace(line: string, summary: boolean): void {
    this.hash.addStr(line);
    const full = `[${this.now}] ${line}`;
    if (summary) this.events.push(full);
    this.opts.onTrace?.(full);
  }

  // ---------------------------------------------------------------- nodes

  private newRaw(n: SimNode): RawNodeApi {
    const cfg: Config = {
      id: n.id,
      electionTick: ELECTION_TICK,
      heartbeatTick: HEARTBEAT_TICK,
      storage: n.storage,
      applied: n.applied,
      maxSizePerMsg: this.flow.maxSizePerMsg,
      maxInflightMsgs: this.flow.maxInflightMsgs,
      maxUncommittedEntriesSize: 1 << 16,
      preVote: true,
      checkQuorum: true,
      random: (k: number) => n.rng.int(k),
    };
    return this.core.newRawNode(cfg);
  }

  private crash(n: SimNode, downSteps: number): void {
    n.up = false;
    n.pausedUntil = -1;
    n.restartAt = this.now + downSteps;
    this.stats.crashes++;
    // A machine crash keeps a random prefix of the unsynced writes (LevelDB sync:false).
    const keep = this.faultRng.int(n.pending.length + 1);
    for (const w of n.pending.slice(0, keep)) this.fold(n, w);
    n.pending = [];
    this.monitor.observeCrash(n.id);
    for (const [, c] of n.waiting) this.abandon(c);
    n.waiting.clear();
    this.trace(`n${n.id} crashed (kept ${keep} unsynced writes), restart at ${n.restartAt}`, true);
  }

  private fold(n: SimNode, w: DiskWrite): void {
    if (w.hs) n.durableHs = w.hs;
    if (w.apply) n.durableApply = w.apply;
  }

  private sync(n: SimNode): void {
    for (const w of n.pending) this.fold(n, w);
    n.pending = [];
  }

  private restart(n: SimNode): void {
    // Rebuild the storage from what is durable: snapshot + log (always synced) + durable hard state.
    const old = n.storage;
    const fresh = this.core.newStorage();
    const snap = old.snapshot();
    if (snap.metadata.index > 0) fresh.applySnapshot(snap);
    const first = old.firstIndex();
    const last = old.lastIndex();
    if (last >= first) fresh.append(old.entries(first, last + 1, Number.MAX_SAFE_INTEGER));
    fresh.setHardState(n.durableHs);
    let rec = n.durableApply;
    if (snap.metadata.index > rec.applied) {
      rec = {
        applied: snap.metadata.index,
        machine: KvMachine.deserialize(snap.data),
        confState: snap.metadata.confState,
      };
    }
    fresh.setConfState(rec.confState);
    n.storage = fresh;
    n.machine = rec.machine.clone();
    n.applied = rec.applied;
    n.confState = rec.confState;
    n.hs = { ...n.durableHs };
    n.role = StateRole.Follower;
    n.lead = 0;
    n.up = true;
    n.restartAt = -1;
    this.monitor.observeRestart(n.id, n.durableHs);
    n.raw = this.newRaw(n);
    const st = n.raw.status();
    if (st.hardState.term !== n.durableHs.term || st.hardState.vote !== n.durableHs.vote)
      this.stop(
        'term-vote-durability',
        `n${n.id} restarted with ${JSON.stringify(st.hardState)} but storage holds ${JSON.stringify(n.durableHs)}`,
      );
    this.trace(
      `n${n.id} restarted: term ${n.durableHs.term} commit ${n.durableHs.commit} applied ${n.applied} log [${fresh.firstIndex()}, ${fresh.lastIndex()}]`,
      true,
    );
  }

  /** Compares every node's stored log with the entries the monitor has registered. */
  private auditLogs(): void {
    for (const n of this.nodes.values()) {
      const first = n.storage.firstIndex();
      const last = n.storage.lastIndex();
      if (last < first) continue;
      this.monitor.auditLog(n.id, n.storage.entries(first, last + 1, Number.MAX_SAFE_INTEGER), (i) =>
        n.storage.term(i),
      );
    }
  }

  private logView(n: SimNode): LogView {
    const s = n.storage;
    return { firstIndex: s.firstIndex(), lastIndex: s.lastIndex(), term: (i) => s.term(i) };
  }

  private stop(property: Property, detail: string): never {
    throw new StopRun({ property, step: this.now, detail });
  }

  // ---------------------------------------------------------------- the Ready loop

  private handleReady(n: SimNode): void {
    const rd: Ready = n.raw.ready();
    // 1. Persist: snapshot, entries, hard state in one batch; synced iff mustSync.
    const hsChangedDurably =
      rd.hardState !== undefined && (rd.hardState.term !== n.durableHs.term || rd.hardState.vote !== n.durableHs.vote);
    if ((rd.entries.length > 0 || hsChangedDurably) && !rd.mustSync)
      this.stop(
        'ready-contract',
        `n${n.id} Ready has ${rd.entries.length} entries / term-vote change but mustSync=false (hardState ${JSON.stringify(rd.hardState)}, durable ${JSON.stringify(n.durableHs)})`,
      );
    const hasSnap = rd.snapshot !== undefined && rd.snapshot.metadata.index > 0;
    if (hasSnap && !rd.mustSync) this.stats.unsyncedSnapshotReadys++;
    const synced = rd.mustSync || hasSnap;
    if (hasSnap) {
      try {
        n.storage.applySnapshot(rd.snapshot!);
      } catch (err) {
        this.stop(
          'ready-contract',
          `n${n.id} could not store the Ready's snapshot at ${rd.snapshot!.metadata.index}: ${String(err)}`,
        );
      }
    }
    if (rd.entries.length > 0) {
      const first = rd.entries[0]!.index;
      if (first > n.storage.lastIndex() + 1 || first < n.storage.firstIndex())
        this.stop(
          'ready-contract',
          `n${n.id} Ready entries start at ${first}, log is [${n.storage.firstIndex()}, ${n.storage.lastIndex()}]`,
        );
      n.storage.append(rd.entries);
      this.monitor.observeAppend(n.id, rd.entries, (i) => n.storage.term(i));
    }
    const prevCommit = n.hs.commit;
    if (rd.hardState !== undefined) {
      if (rd.hardState.commit > n.storage.lastIndex())
        this.stop('ready-contract', `n${n.id} commit ${rd.hardState.commit} beyond its log ${n.storage.lastIndex()}`);
      n.storage.setHardState(rd.hardState);
      this.monitor.observeHardState(n.id, rd.hardState, synced);
      n.hs = { ...rd.hardState };
      if (synced) {
        this.sync(n); // earlier unsynced writes reach the disk first (one ordered log)
        n.durableHs = { ...rd.hardState };
      } else n.pending.push({ hs: { ...rd.hardState } });
      if (rd.hardState.commit > 0 && rd.hardState.commit >= n.storage.firstIndex() - 1) {
        this.monitor.observeCommit(n.id, rd.hardState.term, rd.hardState.commit, n.storage.term(rd.hardState.commit));
      }
      if (rd.hardState.commit > this.stats.committedIndex) this.stats.committedIndex = rd.hardState.commit;
      if (n.role === StateRole.Leader && rd.hardState.commit > prevCommit)
        this.targetedCrash(
          n,
          this.profile === 'churn' ? 0.4 : 0.02,
          `crash leader n${n.id} right after it commits ${rd.hardState.commit} (term ${rd.hardState.term})`,
        );
    }
    if (synced) this.sync(n);
    if (rd.softState !== undefined) {
      if (rd.softState.role !== n.role || rd.softState.lead !== n.lead)
        this.trace(
          `n${n.id} is ${rd.softState.role} (lead ${rd.softState.lead}, term ${n.hs.term})`,
          rd.softState.role === StateRole.Leader,
        );
      n.role = rd.softState.role;
      n.lead = rd.softState.lead;
      if (n.role === StateRole.Leader) {
        this.stats.leaders++;
        this.monitor.observeLeader(n.id, n.hs.term, this.logView(n));
        this.targetedCrash(
          n,
          this.profile === 'churn' ? 0.5 : 0.1,
          `crash new leader n${n.id} (term ${n.hs.term}) before its first entry spreads`,
        );
      }
    }
    // 2. Send. Nothing may leave before the state it depends on is durable.
    for (const m of rd.messages) {
      if (m.type !== MessageType.PreVote && m.type !== MessageType.PreVoteResp && m.term > n.durableHs.term)
        this.stop('ready-contract', `n${n.id} sends ${fmtMsg(m)} while its durable term is ${n.durableHs.term}`);
      // (A later term in the same Ready supersedes the vote: it can never be cast again.)
      if (m.type === MessageType.VoteResp && !m.reject && n.durableHs.term === m.term && n.durableHs.vote !== m.to)
        this.stop(
          'ready-contract',
          `n${n.id} grants its vote to n${m.to} in term ${m.term}, but its durable state is ${JSON.stringify(n.durableHs)}`,
        );
      if (m.type === MessageType.VoteResp && !m.reject && n.durableHs.term < m.term)
        this.stop(
          'ready-contract',
          `n${n.id} grants its vote to n${m.to} in term ${m.term}, but its durable state is ${JSON.stringify(n.durableHs)}`,
        );
      this.send(n, m);
    }
    // 3. Apply: snapshot, then committed entries.
    if (hasSnap) {
      const snap = rd.snapshot!;
      if (snap.metadata.index > n.applied) {
        n.machine = KvMachine.deserialize(snap.data);
        n.applied = snap.metadata.index;
        n.confState = snap.metadata.confState;
        this.monitor.observeState(n.id, snap.metadata.index, digest(snap.data));
        this.stats.snapshotsInstalled++;
        this.trace(`n${n.id} installed snapshot ${snap.metadata.index}`, false);
      }
    }
    for (const e of rd.committedEntries) {
      if (hasSnap && e.index <= rd.snapshot!.metadata.index) continue; // covered by the snapshot
      if (e.index <= n.applied)
        this.stop('ready-contract', `n${n.id} got committed entry ${e.index} again (applied ${n.applied})`);
      if (e.index !== n.applied + 1)
        this.stop('ready-contract', `n${n.id} got committed entry ${e.index} after applying ${n.applied}`);
      if (e.index > n.hs.commit)
        this.stop('ready-contract', `n${n.id} applied ${e.index} beyond its commit ${n.hs.commit}`);
      this.monitor.observeApply(n.id, e);
      this.applyEntry(n, e);
      n.applied = e.index;
    }
    for (const rs of rd.readStates) {
      const c = n.waiting.get(opIdOfCtx(rs.requestCtx));
      if (c !== undefined && c.op.input.kind === 'get') c.readIndex = rs.index;
    }
    this.serveReads(n);
    if (rd.committedEntries.length > 0 || hasSnap)
      n.pending.push({ apply: { applied: n.applied, machine: n.machine.clone(), confState: n.confState } });
    // 4. Advance.
    n.raw.advance(rd);
    this.maybeSnapshot(n);
  }

  private applyEntry(n: SimNode, e: Entry): void {
    if (e.type === EntryType.ConfChange) {
      const cc = decodeConfChange(e.data);
      n.confState = n.raw.applyConfChange(cc);
      if (e.index > this.ids.length && !this.confChangeIndexes.has(e.index)) {
        this.confChangeIndexes.add(e.index);
        this.stats.confChangesApplied++;
        this.trace(
          `conf change ${ConfChangeType[cc.type]} n${cc.nodeId} committed at ${e.index}: voters ${n.confState.voters.join(',')}${n.confState.learners.length ? ` learners ${n.confState.learners.join(',')}` : ''}`,
          true,
        );
      }
      return;
    }
    if (e.data.length === 0) return;
    const cmd = decodeCommand(e.data);
    const outcome = n.machine.apply(cmd);
    if (!this.effects.has(cmd.opId)) this.effects.set(cmd.opId, { outcome, time: this.tick() });
    const c = n.waiting.get(cmd.opId);
    if (c !== undefined && outcome !== 'duplicate') {
      n.waiting.delete(cmd.opId);
      this.complete(c, cmd.cas === undefined ? { kind: 'put' } : { kind: 'cas', ok: outcome === 'ok' });
    }
  }

  private serveReads(n: SimNode): void {
    for (const [opId, c] of n.waiting) {
      if (c.readIndex === undefined || (c.readIndex > n.applied && !this.opts.unsafeEarlyReads)) continue;
      n.waiting.delete(opId);
      const key = c.op.input.key;
      this.complete(c, { kind: 'get', value: n.machine.get(key) });
    }
  }

  private maybeSnapshot(n: SimNode): void {
    if (n.applied - n.lastSnapshotIndex < SNAPSHOT_EVERY_ENTRIES + n.rng.int(SNAPSHOT_EVERY_ENTRIES)) return;
    if (n.applied <= n.storage.snapshot().metadata.index) return;
    const data = n.machine.serialize();
    n.storage.createSnapshot(n.applied, n.confState, data);
    this.monitor.observeState(n.id, n.applied, digest(data));
    // Keep a few entries behind the snapshot for slow followers (random: exercises both paths).
    const keep = n.rng.int(8);
    const compactTo = n.applied - keep;
    if (compactTo >= n.storage.firstIndex()) n.storage.compact(compactTo);
    n.lastSnapshotIndex = n.applied;
    this.stats.snapshotsCreated++;
    this.sync(n); // the snapshot write is synced, which makes earlier writes durable too
    this.trace(
      `n${n.id} snapshot at ${n.applied}, log now [${n.storage.firstIndex()}, ${n.storage.lastIndex()}]`,
      false,
    );
  }

  /**
   * A fault at an interesting moment (Jepsen-style "kill at a point"): with probability p the
   * node crashes at the end of this step and comes back quickly. Counted as a fault event.
   */
  private targetedCrash(n: SimNode, p: number, description: string): void {
    const hit = this.targeted.chance(p);
    const down = this.targeted.range(1, 30);
    if (!hit || !this.faultsEnabled || n.crashAtEndOfStep >= 0) return;
    const ordinal = this.faultOrdinal++;
    const disabled = this.opts.disabledFaults?.has(ordinal) ?? false;
    if (!disabled) n.crashAtEndOfStep = down;
    this.faults.push({ ordinal, step: this.now, description: `${description}, for ${down} steps`, disabled });
    this.stats.faults++;
    this.trace(`fault #${ordinal}${disabled ? ' (disabled)' : ''}: ${description}, for ${down} steps`, true);
  }

  // ---------------------------------------------------------------- network

  private reachable(from: NodeId, to: NodeId): boolean {
    return this.group.get(from) === this.group.get(to);
  }

  private send(from: SimNode, m: Message): void {
    // Draw the same random numbers whatever happens to the message, so that disabling a fault
    // leaves the rest of the schedule unchanged.
    const longDelay = this.net.chance(0.05);
    const delay = longDelay ? this.net.range(8, 40) : this.net.range(1, 8);
    const lost = this.net.chance(this.lossRate);
    const dup = this.net.chance(0.02);
    const dupDelay = this.net.range(1, 30);
    const crashAfterVote = this.net.chance(0.2);
    const crashDownSteps = this.net.range(1, 10);
    if (
      m.type === MessageType.VoteResp &&
      !m.reject &&
      crashAfterVote &&
      this.faultsEnabled &&
      from.crashAtEndOfStep < 0
    ) {
      // Targeted fault: the voter dies right after granting its vote (its vote must be durable).
      const ordinal = this.faultOrdinal++;
      const disabled = this.opts.disabledFaults?.has(ordinal) ?? false;
      const description = `crash n${from.id} right after it grants its vote to n${m.to} (term ${m.term}), for ${crashDownSteps} steps`;
      if (!disabled) from.crashAtEndOfStep = crashDownSteps;
      this.faults.push({ ordinal, step: this.now, description, disabled });
      this.stats.faults++;
      this.trace(`fault #${ordinal}${disabled ? ' (disabled)' : ''}: ${description}`, true);
    }
    if (m.to === from.id) this.stop('ready-contract', `n${from.id} sent a message to itself: ${MessageType[m.type]}`);
    if (lost) {
      this.drop(m, 'lost');
      return;
    }
    this.inflight.push({ deliverAt: this.now + delay, seq: this.msgSeq++, msg: m });
    if (dup) this.inflight.push({ deliverAt: this.now + dupDelay, seq: this.msgSeq++, msg: m });
  }

  private drop(m: Message, why: string): void {
    this.stats.messagesDropped++;
    this.hash.addNum(m.type * 31 + m.to * 7 + m.from);
    this.opts.onTrace?.(`[${this.now}] drop ${why} ${fmtMsg(m)}`);
    const sender = this.nodes.get(m.from);
    if (m.type === MessageType.Snap && sender?.up) sender.raw.reportSnapshot(m.to, SnapshotStatus.Failure);
    if (sender?.up && why !== 'lost') sender.raw.reportUnreachable(m.to);
  }

  private deliverDue(): void {
    if (this.inflight.length === 0) return;
    const due: InFlight[] = [];
    let w = 0;
    for (const f of this.inflight) {
      if (f.deliverAt <= this.now) due.push(f);
      else this.inflight[w++] = f;
    }
    this.inflight.length = w;
    due.sort((a, b) => a.deliverAt - b.deliverAt || a.seq - b.seq);
    for (const f of due) {
      const m = f.msg;
      const to = this.nodes.get(m.to);
      if (to === undefined || !to.up) {
        this.drop(m, 'down');
        continue;
      }
      if (to.pausedUntil > this.now) {
        this.inflight.push({ deliverAt: to.pausedUntil, seq: f.seq, msg: m });
        continue;
      }
      if (!this.reachable(m.from, m.to)) {
        this.drop(m, 'partitioned');
        continue;
      }
      this.stats.messagesDelivered++;
      this.hash.addNum(m.type * 1000003 + m.to * 101 + m.from);
      this.hash.addNum(m.term * 7919 + m.index * 31 + m.entries.length);
      this.opts.onTrace?.(`[${this.now}] deliver ${fmtMsg(m)}`);
      const copy: Message = { ...m, entries: m.entries.slice() };
      this.step(to, copy);
      if (m.type === MessageType.Snap) {
        const sender = this.nodes.get(m.from);
        if (sender?.up) sender.raw.reportSnapshot(m.to, SnapshotStatus.Finish);
      }
    }
  }

  private step(n: SimNode, m: Message): void {
    try {
      n.raw.step(m);
    } catch (err) {
      if (err instanceof ProposalDroppedError) return; // a forwarded proposal was dropped: the client times out
      if (err instanceof SafetyViolation || err instanceof StopRun) throw err;
      this.stop(
        'core-error',
        `n${n.id} step(${fmtMsg(m)}) threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }

  // ---------------------------------------------------------------- faults

  private leaderId(): NodeId {
    let best: SimNode | undefined;
    for (const n of this.nodes.values())
      if (n.up && n.role === StateRole.Leader && (best === undefined || n.hs.term > best.hs.term)) best = n;
    return best?.id ?? 0;
  }

  private maybeFault(): void {
    if (!this.faultRng.chance(1 / this.faultEverySteps)) return;
    const ordinal = this.faultOrdinal++;
    const disabled = this.opts.disabledFaults?.has(ordinal) ?? false;
    const kind = this.faultRng.int(10);
    // Draw every parameter up front (same draws whether or not the fault is disabled).
    const a = this.faultRng.next();
    const b = this.faultRng.next();
    // Half of the crashes are quick restarts (the interesting case for durability bugs).
    const downSteps = this.faultRng.chance(0.5) ? this.faultRng.range(1, 20) : this.faultRng.range(20, 400);
    let description: string;
    const apply = !disabled;
    switch (kind) {
      case 0: {
        // Random split into two sides (each node picks a side).
        const sides = this.ids.map((_, i) => (a >>> i) & 1);
        description = `partition ${fmtGroups(this.ids, sides)}`;
        if (apply) this.ids.forEach((nid, i) => this.group.set(nid, sides[i]!));
        break;
      }
      case 1: {
        const lead = this.leaderId() || this.ids[a % this.ids.length]!;
        description = `isolate n${lead}${this.leaderId() === lead ? ' (leader)' : ''}`;
        if (apply) for (const id of this.ids) this.group.set(id, id === lead ? 1 : 0);
        break;
      }
      case 2:
      case 3: {
        description = 'heal partitions';
        if (apply) for (const id of this.ids) this.group.set(id, 0);
        break;
      }
      case 4: {
        const up = this.ids.filter((id) => this.nodes.get(id)!.up);
        const victim = up.length > 0 ? up[a % up.length]! : 0;
        description = victim ? `crash n${victim} for ${downSteps} steps` : 'crash: no node up';
        if (apply && victim) this.crash(this.nodes.get(victim)!, downSteps);
        break;
      }
      case 5: {
        const rate = [0, 0.05, 0.2, 0.5][a % 4]!;
        description = `message loss ${Math.round(rate * 100)}%`;
        if (apply) this.lossRate = rate;
        break;
      }
      case 6: {
        const lead = this.leaderId();
        const target = this.ids[a % this.ids.length]!;
        description =
          lead && target !== lead ? `transfer leadership n${lead} -> n${target}` : 'transfer leadership: no-op';
        if (apply && lead && target !== lead) {
          try {
            this.nodes.get(lead)!.raw.transferLeader(target);
          } catch (err) {
            if (!(err instanceof ProposalDroppedError)) throw err;
          }
        }
        break;
      }
      case 7: {
        // Pause a node (the leader half of the time): it stops and resumes with stale timers.
        const lead = this.leaderId();
        const victim = lead && b % 2 === 0 ? lead : this.ids[a % this.ids.length]!;
        const steps = 5 + (b % 120);
        description = `pause n${victim} for ${steps} steps`;
        if (apply && this.nodes.get(victim)!.up) this.nodes.get(victim)!.pausedUntil = this.now + steps;
        break;
      }
      case 8: {
        description = this.membershipChange(a, apply);
        break;
      }
      default: {
        // Crash the leader specifically (the most interesting crash).
        const lead = this.leaderId();
        description = lead ? `crash leader n${lead} for ${downSteps} steps` : 'crash leader: none';
        if (apply && lead) this.crash(this.nodes.get(lead)!, downSteps);
        break;
      }
    }
    this.faults.push({ ordinal, step: this.now, description, disabled });
    this.stats.faults++;
    this.trace(`fault #${ordinal}${disabled ? ' (disabled)' : ''}: ${description}`, true);
  }

  /**
   * One single-server membership step proposed on the leader: promote a learner, re-add a
   * removed node as learner, or remove a voter (possibly the leader) while more than two remain.
   */
  private membershipChange(a: number, apply: boolean): string {
    const lead = this.leaderId();
    if (!lead) return 'membership change: no leader';
    const cs = this.nodes.get(lead)!.raw.status().confState;
    const absent = this.ids.filter((id) => !cs.voters.includes(id) && !cs.learners.includes(id));
    let cc: ConfChange;
    if (cs.learners.length > 0)
      cc = { type: ConfChangeType.AddNode, nodeId: cs.learners[a % cs.learners.length]!, context: EMPTY };
    else if (absent.length > 0 && (cs.voters.length <= 2 || a % 2 === 0))
      cc = { type: ConfChangeType.AddLearner, nodeId: absent[a % absent.length]!, context: EMPTY };
    else if (cs.voters.length > 2)
      cc = { type: ConfChangeType.RemoveNode, nodeId: cs.voters[(a >>> 3) % cs.voters.length]!, context: EMPTY };
    else return 'membership change: nothing to do';
    const description = `propose ${ConfChangeType[cc.type]} n${cc.nodeId} on leader n${lead} (voters ${cs.voters.join(',')}${cs.learners.length ? ` learners ${cs.learners.join(',')}` : ''})`;
    if (apply) {
      try {
        this.nodes.get(lead)!.raw.proposeConfChange(cc);
      } catch (err) {
        if (!(err instanceof ProposalDroppedError)) throw err;
        return `${description}: dropped (${err.reason})`;
      }
    }
    return description;
  }

  private healAll(): void {
    for (const id of this.ids) this.group.set(id, 0);
    this.lossRate = 0;
    for (const n of this.nodes.values()) {
      if (!n.up) this.restart(n);
      n.pausedUntil = -1;
    }
    this.trace('heal: all partitions healed, loss off, all nodes up', true);
  }

  // ---------------------------------------------------------------- clients

  private complete(c: ClientOp, output: KvOperation['output']): void {
    c.op.output = output!;
    c.op.returnTime = this.tick();
    this.stats.opsCompleted++;
    const client = this.clientOf(c);
    if (client !== undefined && output?.kind === 'get') client.lastRead.set(c.op.input.key, output.value);
    if (client !== undefined && client.current === c) {
      client.current = undefined;
      client.readyAt = this.now + this.clientRng.range(0, 6);
    }
    this.trace(`done ${describeOperation(c.op)} via n${c.node}`, true);
  }

  /** Gives up on an op: it stays in the history as pending (may or may not have happened). */
  private abandon(c: ClientOp): void {
    const client = this.clientOf(c);
    if (client !== undefined && client.current === c) {
      client.current = undefined;
      client.readyAt = this.now + this.clientRng.range(0, 6);
    }
    if (c.op.returnTime === undefined && !c.pendingCounted) {
      c.pendingCounted = true;
      this.stats.opsPending++;
      this.trace(`gave up on op ${c.op.id} (pending)`, true);
    }
  }

  private clientOf(c: ClientOp): Client | undefined {
    return this.clients.find((x) => x.id === c.op.clientId) ?? this.extraClients.find((x) => x.id === c.op.clientId);
  }

  /** A strictly increasing logical clock for the history (no two events share a time). */
  private tick(): number {
    return ++this.logicalTime;
  }

  private runClients(): void {
    for (const client of this.clients) {
      const cur = client.current;
      if (cur !== undefined) {
        if (this.now - cur.invokeStep > CLIENT_TIMEOUT_STEPS) {
          this.nodes.get(cur.node)!.waiting.delete(cur.op.id);
          this.abandon(cur);
        }
        continue;
      }
      if (this.now < client.readyAt) continue;
      // Same draws regardless of outcome.
      const r = this.clientRng.int(100);
      const kind: OpKind = r < 45 ? 'put' : r < 85 ? 'get' : 'cas';
      const key = this.clientRng.pick(this.keys);
      const target = this.clientRng.pick(this.ids);
      this.issue(client, kind, key, target);
    }
  }

  private issue(client: Client, kind: OpKind, key: string, target: NodeId): void {
    const n = this.nodes.get(target)!;
    if (!n.up) {
      client.readyAt = this.now + 5; // connection refused: nothing happened, try again later
      return;
    }
    client.seq++;
    const id = this.nextOpId++;
    const op: KvOperation = {
      id,
      clientId: client.id,
      input:
        kind === 'put'
          ? { kind: 'put', key, value: `v${id}` }
          : kind === 'get'
            ? { kind: 'get', key }
            : { kind: 'cas', key, expected: client.lastRead.get(key), value: `v${id}` },
      invokeTime: this.tick(),
    };
    this.history.push(op);
    const c: ClientOp = { op, node: target, invokeStep: this.now, pendingCounted: false };
    client.current = c;
    this.trace(`invoke ${describeOperation(op).replace(/ -> pending$/, '')} via n${target}`, true);
    try {
      if (kind === 'put')
        n.raw.propose(encodeCommand({ opId: id, clientId: client.id, seq: client.seq, key, value: `v${id}` }));
      else if (kind === 'cas') {
        const cas = { expected: client.lastRead.get(key) };
        n.raw.propose(encodeCommand({ opId: id, clientId: client.id, seq: client.seq, key, value: `v${id}`, cas }));
      } else if (this.opts.unsafeLocalReads) {
        this.complete(c, { kind: 'get', value: n.machine.get(key) });
        return;
      } else n.raw.readIndex(ctxOf(id));
    } catch (err) {
      if (err instanceof ProposalDroppedError) {
        this.trace(`op ${id} dropped by n${target}: ${err.reason}`, true);
        // Refused synchronously: it certainly never happened, so it leaves the history.
        if (this.history[this.history.length - 1] === op) this.history.pop();
        c.pendingCounted = true;
        this.abandon(c);
        client.readyAt = this.now + this.clientRng.range(5, 30); // back off: no leader right now
        return;
      }
      this.stop('core-error', `n${target} ${kind === 'get' ? 'readIndex' : 'propose'} threw ${String(err)}`);
    }
    n.waiting.set(id, c);
  }

  // ---------------------------------------------------------------- main loop

  private stepOnce(): void {
    this.now++;
    this.hash.addNum(this.now);
    if (this.faultsEnabled) this.maybeFault();
    for (const n of this.nodes.values()) if (!n.up && n.restartAt >= 0 && n.restartAt <= this.now) this.restart(n);
    this.runClients();
    this.deliverDue();
    for (const n of this.nodes.values()) {
      if (!n.up) continue;
      if (n.pausedUntil > this.now) continue;
      if ((this.now + n.tickPhase) % n.tickSteps === 0) n.raw.tick();
    }
    const order = this.net.shuffle([...this.ids]);
    for (const id of order) {
      const n = this.nodes.get(id)!;
      if (!n.up || n.pausedUntil > this.now) continue;
      for (let i = 0; i < 4 && n.raw.hasReady(); i++) this.handleReady(n);
    }
    if (this.now % AUDIT_EVERY_STEPS === 0) this.auditLogs();
    for (const n of this.nodes.values()) {
      if (n.crashAtEndOfStep < 0) continue;
      const down = n.crashAtEndOfStep;
      n.crashAtEndOfStep = -1;
      if (n.up) this.crash(n, down);
    }
  }

  /** Runs the whole simulation and returns its result (never throws for a property failure). */
  run(): SimResult {
    let failure: SimFailure | undefined;
    try {
      try {
        for (let s = 0; s < this.opts.steps; s++) this.stepOnce();
        this.faultsEnabled = false;
        this.healAll();
        this.checkLiveness();
      } catch (err) {
        if (err instanceof StopRun) throw err;
        if (err instanceof SafetyViolation) this.stop(err.property, err.detail);
        this.stop('core-error', err instanceof Error ? (err.stack ?? err.message) : String(err));
      }
      // Everything still outstanding is pending.
      for (const c of this.clients) if (c.current) this.abandon(c.current);
      const t0 = performance.now();
      const r = checkKvHistory(this.resolvePending());
      this.stats.historyCheckMs = Math.round(performance.now() - t0);
      if (r.kind === 'illegal') this.stop('linearizability', r.description);
      if (r.kind === 'unknown') this.stop('linearizability', `checker gave up on key ${r.key} (${r.operations} ops)`);
    } catch (err) {
      if (!(err instanceof StopRun)) throw err;
      failure = err.failure;
      this.trace(`VIOLATION ${failure.property}: ${failure.detail}`, true);
    }
    const res: SimResult = {
      seed: this.opts.seed,
      nodes: this.opts.nodes,
      steps: this.opts.steps,
      ok: failure === undefined,
      faults: this.faults,
      events: this.events,
      traceHash: this.hash.value(),
      stats: this.stats,
    };
    if (failure !== undefined) res.failure = failure;
    return res;
  }

  /**
   * The history to check. A pending write whose entry never took effect anywhere (never
   * committed, or skipped as a stale duplicate) is dropped: it is equivalent to linearizing it
   * after everything else. One that took effect is completed as of its first application on any
   * node: it was committed by then, and raft promises every read that starts later sees it
   * (a stronger check than leaving it open-ended, and it keeps the search small).
   */
  private resolvePending(): KvOperation[] {
    const out: KvOperation[] = [];
    for (const op of this.history) {
      if (op.returnTime !== undefined || op.input.kind === 'get') {
        out.push(op);
        continue;
      }
      const effect = this.effects.get(op.id);
      if (effect === undefined || effect.outcome === 'duplicate') continue;
      out.push({
        ...op,
        output: op.input.kind === 'put' ? { kind: 'put' } : { kind: 'cas', ok: effect.outcome === 'ok' },
        returnTime: effect.time,
      });
    }
    return out;
  }

  /** After healing: a new write must commit within the quiet period, and all nodes converge. */
  private checkLiveness(): void {
    const quiet = this.opts.quietSteps ?? 1600;
    const deadline = this.now + quiet;
    const client: Client = { id: 1000, seq: 0, readyAt: 0, lastRead: new Map() };
    this.extraClients.push(client);
    let attempt: ClientOp | undefined;
    let done = false;
    while (this.now < deadline) {
      this.stepOnce();
      if (attempt !== undefined && attempt.op.returnTime !== undefined) {
        done = true;
        break;
      }
      if (client.current === undefined || this.now - client.current.invokeStep > 80) {
        if (client.current !== undefined) {
          this.nodes.get(client.current.node)!.waiting.delete(client.current.op.id);
          this.abandon(client.current);
        }
        const lead = this.leaderId();
        if (lead === 0) continue;
        this.issue(client, 'put', this.keys[0]!, lead);
        attempt = client.current;
      }
    }
    if (!done)
      this.stop(
        'liveness',
        `no new write committed within ${quiet} steps after healing (leader: n${this.leaderId() || '-'})`,
      );
    // Convergence: every member (voter or learner) applies up to the leader's commit index.
    // (The write may have committed just as its leader removed itself: wait for the next one.)
    const leaderBy = this.now + 400;
    while (this.now < leaderBy && this.leaderId() === 0) this.stepOnce();
    const lead = this.leaderId();
    if (lead === 0) this.stop('liveness', 'no leader after the liveness write committed');
    const cs = this.nodes.get(lead)!.raw.status().confState;
    const members = [...cs.voters, ...cs.learners].map((id) => this.nodes.get(id)!);
    const target = Math.max(...members.map((n) => n.hs.commit));
    const until = this.now + 400;
    while (this.now < until && members.some((n) => n.applied < target)) this.stepOnce();
    const behind = members.filter((n) => n.applied < target);
    if (behind.length > 0)
      this.stop(
        'liveness',
        `nodes ${behind.map((n) => `n${n.id}@${n.applied}`).join(', ')} did not catch up to ${target} ` +
          `(leader n${lead}, voters ${cs.voters.join(',')}${cs.learners.length ? `, learners ${cs.learners.join(',')}` : ''})`,
      );
  }
}

function fmtGroups(ids: NodeId[], sides: number[]): string {
  const a = ids.filter((_, i) => sides[i] === 0).map((id) => `n${id}`);
  const b = ids.filter((_, i) => sides[i] === 1).map((id) => `n${id}`);
  return `{${a.join(',')}} | {${b.join(',')}}`;
}

export function fmtMsg(m: Message): string {
  let s = `${MessageType[m.type]} ${m.from}->${m.to} t${m.term}`;
  if (m.type === MessageType.App || m.type === MessageType.AppResp)
    s += ` i${m.index} lt${m.logTerm} n${m.entries.length} c${m.commit}`;
  if (m.reject) s += ` reject(hint ${m.rejectHint})`;
  if (m.snapshot) s += ` snap@${m.snapshot.metadata.index}`;
  return s;
}

export function simulate(core: RaftCore, opts: SimOptions): SimResult {
  return new Simulation(core, opts).run();
}
