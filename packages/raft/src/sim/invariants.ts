// Raft safety properties checked by the simulator as it goes (Raft paper figure 3 plus the
// persistence rules): election safety, log matching, leader completeness, state-machine safety,
// monotonic commit on a live node, and no term/vote regression across restarts. The monitor only
// sees what the caller tells it (observations are cheap and incremental), so it can also be fed
// fabricated states in tests.

import type { Entry, HardState, NodeId } from '../types.js';
import { digest } from './kv-machine.js';

export type Property =
  | 'election-safety'
  | 'log-matching'
  | 'leader-completeness'
  | 'state-machine-safety'
  | 'commit-monotonic'
  | 'term-vote-durability'
  | 'ready-contract'
  | 'core-error'
  | 'linearizability'
  | 'liveness';

export class SafetyViolation extends Error {
  constructor(
    readonly property: Property,
    readonly detail: string,
  ) {
    super(`${property}: ${detail}`);
    this.name = 'SafetyViolation';
  }
}

/** Read access to one node's log, as far as it is available (compacted entries are not). */
export interface LogView {
  /** Index of the last compacted entry (its term is still known), 0 if none. */
  firstIndex: number;
  lastIndex: number;
  /** Term at i for i in [firstIndex-1, lastIndex]. */
  term(i: number): number;
}

interface LeaderRecord {
  node: NodeId;
  term: number;
  /** Terms of the leader's log at election time, from index base. */
  base: number;
  terms: number[];
}

function fail(property: Property, detail: string): never {
  throw new SafetyViolation(property, detail);
}

export class SafetyMonitor {
  /** term -> leader id, for every leader ever observed. */
  private readonly leaders = new Map<number, NodeId>();
  private readonly leaderLogs: LeaderRecord[] = [];
  /** index -> "term" -> {data digest, term of index-1}. Determines every prefix (log matching). */
  private readonly entriesSeen = new Map<number, Map<number, { digest: string; prevTerm: number }>>();
  /** Observer term T -> highest commit index seen by a node in term T, and that entry's term. */
  private readonly commitsByTerm = new Map<number, { index: number; term: number }>();
  /** index -> "term:digest" of the entry any node applied there. */
  private readonly applied = new Map<number, string>();
  /** snapshot index -> digest of the state machine at that index. */
  private readonly states = new Map<number, string>();
  /** Last hard state each node made durable (survives crashes). */
  private readonly durable = new Map<NodeId, HardState>();
  /** Last hard state each live node reported (reset by a crash). */
  private readonly live = new Map<NodeId, HardState>();

  leaderCount(): number {
    return this.leaders.size;
  }

  /** Node `id` reports being leader in `term`; `log` is its log right now (incl. the new entry). */
  observeLeader(id: NodeId, term: number, log: LogView): void {
    const prev = this.leaders.get(term);
    if (prev !== undefined && prev !== id)
      fail('election-safety', `nodes ${prev} and ${id} are both leader in term ${term}`);
    if (prev === id) return;
    this.leaders.set(term, id);
    const base = log.firstIndex - 1;
    const terms: number[] = [];
    for (let i = base; i <= log.lastIndex; i++) terms.push(log.term(i));
    const rec: LeaderRecord = { node: id, term, base, terms };
    this.leaderLogs.push(rec);
    for (const [obsTerm, c] of this.commitsByTerm)
      if (obsTerm < term) this.checkLeaderHas(rec, c.index, c.term, obsTerm);
  }

  private checkLeaderHas(rec: LeaderRecord, index: number, term: number, obsTerm: number): void {
    if (index < rec.base) return; // compacted on the leader: covered by state-machine safety
    const have = rec.terms[index - rec.base];
    if (have === undefined)
      fail(
        'leader-completeness',
        `leader ${rec.node} of term ${rec.term} lacks entry ${index} (term ${term}) committed by term ${obsTerm}; its log ends at ${rec.base + rec.terms.length - 1}`,
      );
    if (have !== term)
      fail(
        'leader-completeness',
        `leader ${rec.node} of term ${rec.term} has term ${have} at index ${index}, but an entry of term ${term} was committed there by term ${obsTerm}`,
      );
  }

  /** Entries node `id` just made durable; `termAt` reads its log after the append. */
  observeAppend(id: NodeId, entries: readonly Entry[], termAt: (i: number) => number): void {
    for (const e of entries) {
      const d = digest(e.data) + `/${e.type}`;
      const prevTerm = e.index > 1 ? termAt(e.index - 1) : 0;
      let byTerm = this.entriesSeen.get(e.index);
      if (byTerm === undefined) this.entriesSeen.set(e.index, (byTerm = new Map()));
      const seen = byTerm.get(e.term);
      if (seen === undefined) byTerm.set(e.term, { digest: d, prevTerm });
      else if (seen.digest !== d)
        fail('log-matching', `node ${id} holds a different entry at index ${e.index} term ${e.term} than another log`);
      else if (seen.prevTerm !== prevTerm)
        fail(
          'log-matching',
          `node ${id}: entry ${e.index} term ${e.term} follows term ${prevTerm}, elsewhere term ${seen.prevTerm}`,
        );
    }
  }

  /**
   * Audits a node's stored log against every entry seen so far: an entry at the same index and
   * term must be the same entry with the same predecessor term (catches storage that silently
   * drops or keeps entries, which the append-time check alone would miss).
   */
  auditLog(id: NodeId, entries: readonly Entry[], termAt: (i: number) => number): void {
    for (const e of entries) {
      const seen = this.entriesSeen.get(e.index)?.get(e.term);
      if (seen === undefined)
        fail('log-matching', `node ${id} stores entry ${e.index} term ${e.term} that no Ready ever handed out`);
      if (seen.digest !== digest(e.data) + `/${e.type}`)
        fail(
          'log-matching',
          `node ${id} stores a different entry at index ${e.index} term ${e.term} than was appended`,
        );
      const prevTerm = e.index > 1 ? termAt(e.index - 1) : 0;
      if (seen.prevTerm !== prevTerm)
        fail(
          'log-matching',
          `node ${id} stores entry ${e.index} term ${e.term} after term ${prevTerm}, appended after term ${seen.prevTerm}`,
        );
    }
  }

  /** A hard state node `id` reported in a Ready; `durable` when written with a synced batch. */
  observeHardState(id: NodeId, hs: HardState, durable: boolean): void {
    const last = this.live.get(id);
    if (last !== undefined) {
      if (hs.term < last.term)
        fail('term-vote-durability', `node ${id} term went back from ${last.term} to ${hs.term}`);
      if (hs.term === last.term && last.vote !== 0 && hs.vote !== last.vote)
        fail('term-vote-durability', `node ${id} changed its vote in term ${hs.term} from ${last.vote} to ${hs.vote}`);
      if (hs.commit < last.commit)
        fail('commit-monotonic', `node ${id} commit went back from ${last.commit} to ${hs.commit}`);
    }
    this.live.set(id, { ...hs });
    if (durable) this.durable.set(id, { ...hs });
  }

  /** The node crashed: its in-memory state is gone (only durable state counts from now on). */
  observeCrash(id: NodeId): void {
    this.live.delete(id);
  }

  /** The hard state a restarted node came back with (from its durable storage). */
  observeRestart(id: NodeId, hs: HardState): void {
    const d = this.durable.get(id);
    if (d !== undefined) {
      if (hs.term < d.term)
        fail('term-vote-durability', `node ${id} restarted at term ${hs.term}, below durable term ${d.term}`);
      if (hs.term === d.term && d.vote !== 0 && hs.vote !== d.vote)
        fail(
          'term-vote-durability',
          `node ${id} restarted with vote ${hs.vote} in term ${hs.term}, durable vote was ${d.vote}`,
        );
    }
    this.live.set(id, { ...hs });
  }

  /** Node `id`, currently in term `nodeTerm`, knows `index` (of term `entryTerm`) is committed. */
  observeCommit(id: NodeId, nodeTerm: number, index: number, entryTerm: number): void {
    if (index === 0) return;
    const c = this.commitsByTerm.get(nodeTerm);
    if (c !== undefined && c.index >= index) return;
    this.commitsByTerm.set(nodeTerm, { index, term: entryTerm });
    void id;
    for (const rec of this.leaderLogs) if (rec.term > nodeTerm) this.checkLeaderHas(rec, index, entryTerm, nodeTerm);
  }

  /** Node `id` applied entry e to its state machine. */
  observeApply(id: NodeId, e: Entry): void {
    const stored = this.entriesSeen.get(e.index)?.get(e.term);
    if (stored === undefined || stored.digest !== digest(e.data) + `/${e.type}`)
      fail('state-machine-safety', `node ${id} applied entry ${e.index} term ${e.term} that no log ever stored`);
    const d = `${e.term}:${digest(e.data)}/${e.type}`;
    const prev = this.applied.get(e.index);
    if (prev === undefined) this.applied.set(e.index, d);
    else if (prev !== d)
      fail('state-machine-safety', `node ${id} applied ${d} at index ${e.index}, another node applied ${prev}`);
  }

  /** Node `id`'s state machine at `index` serializes to a state with this digest. */
  observeState(id: NodeId, index: number, stateDigest: string): void {
    const prev = this.states.get(index);
    if (prev === undefined) this.states.set(index, stateDigest);
    else if (prev !== stateDigest)
      fail('state-machine-safety', `node ${id} state at index ${index} differs from another node's`);
  }
}
