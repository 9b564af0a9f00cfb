// The initial state of a brand-new cluster: one ConfChange(AddNode) entry per voter at indexes
// 1..n, term 1, committed. A node that joins later replays these entries and learns the members.
import {
  ConfChangeType,
  EMPTY,
  EntryType,
  encodeConfChange,
  type ConfState,
  type Entry,
  type HardState,
  type NodeId,
} from './types.js';

export function bootstrapState(voters: NodeId[]): { entries: Entry[]; hardState: HardState; confState: ConfState } {
  if (voters.length === 0) throw new Error('bootstrap needs at least one voter');
  const seen = new Set<NodeId>();
  for (const id of voters) {
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`invalid node id ${id}`);
    if (seen.has(id)) throw new Error(`duplicate node id ${id}`);
    seen.add(id);
  }
  const entries: Entry[] = voters.map((nodeId, i) => ({
    term: 1,
    index: i + 1,
    type: EntryType.ConfChange,
    data: encodeConfChange({ type: ConfChangeType.AddNode, nodeId, context: EMPTY }),
  }));
  return {
    entries,
    hardState: { term: 1, vote: 0, commit: voters.length },
    confState: { voters: [...voters], learners: [] },
  };
}
