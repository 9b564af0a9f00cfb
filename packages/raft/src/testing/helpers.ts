// Helpers for raft core unit tests: entries, a single Raft on MemoryStorage, taking its messages.
import { RawNode } from '../raw-node.js';
import { MemoryStorage } from '../memory-storage.js';
import { testConfig } from './network.js';
import type { Raft } from '../raft.js';
import { EMPTY, EntryType, message, type Config, type Entry, type Message, type NodeId } from '../types.js';

export function ent(index: number, term: number, data: Uint8Array = EMPTY): Entry {
  return { index, term, type: EntryType.Normal, data };
}

/** Entries 1..n with the given terms. */
export function entsWithTerms(...terms: number[]): Entry[] {
  return terms.map((t, i) => ent(i + 1, t));
}

export interface TestRaftOptions extends Partial<Omit<Config, 'storage' | 'id'>> {
  voters?: NodeId[];
  learners?: NodeId[];
  entries?: Entry[];
  term?: number;
  vote?: NodeId;
  commit?: number;
  storage?: MemoryStorage;
}

export function newTestRaft(id: NodeId, o: TestRaftOptions = {}): { raft: Raft; raw: RawNode; storage: MemoryStorage } {
  const storage = o.storage ?? new MemoryStorage();
  if (!o.storage) {
    storage.append(o.entries ?? []);
    storage.setHardState({ term: o.term ?? 0, vote: o.vote ?? 0, commit: o.commit ?? 0 });
    storage.setConfState({ voters: o.voters ?? [1, 2, 3], learners: o.learners ?? [] });
  }
  const raw = new RawNode(testConfig(id, storage, o, o.random ?? (() => 0), o.applied));
  return { raft: raw.raft, raw, storage };
}

/** Takes (and clears) the messages the node produced. */
export function take(r: Raft): Message[] {
  const m = r.msgs;
  r.msgs = [];
  return m;
}

/** Persists everything unstable into the storage (what the caller does with Ready.entries). */
export function persist(r: Raft, storage: MemoryStorage): void {
  const ents = r.raftLog.unstable.entries;
  if (ents.length === 0) return;
  storage.append(ents);
  const last = ents[ents.length - 1]!;
  r.raftLog.stableTo(last.index, last.term);
}

/** Leader: replicates and commits its empty entry by acking from every follower. */
export function commitNoop(r: Raft, storage: MemoryStorage): void {
  r.bcastAppend();
  for (const m of take(r)) {
    if (m.type !== 3 /* App */) continue;
    r.step(message({ type: 4 /* AppResp */, from: m.to, to: r.id, term: r.term, index: m.index + m.entries.length }));
  }
  take(r);
  persist(r, storage);
  r.raftLog.appliedTo(r.raftLog.committed);
}
