// raft id -> node id (the CN of that manager's certificate), for the raft transport, which checks that
// a peer's certificate names the node behind a raft id (both when dialing and when receiving).
// Sources: the manager node records in the store (managerStatus.raftId), plus seeds (the peer list a
// joining manager got in its JoinResponse, before its store has caught up).

import type { ClusterStore } from '@clusterctl/store';

export class RaftIdMap {
  private readonly known = new Map<number, string>();

  constructor(private readonly store: ClusterStore) {}

  seed(raftId: number, nodeId: string): void {
    if (raftId > 0 && nodeId !== '') this.known.set(raftId, nodeId);
  }

  /** The node id for a raft id; '' when unknown (the transport then refuses the peer). */
  nodeIdOf(raftId: number): string {
    const hit = this.known.get(raftId);
    if (hit !== undefined) return hit;
    this.refresh();
    return this.known.get(raftId) ?? '';
  }

  raftIdOf(nodeId: string): number | undefined {
    for (const [r, n] of this.known) if (n === nodeId) return r;
    this.refresh();
    for (const [r, n] of this.known) if (n === nodeId) return r;
    return undefined;
  }

  refresh(): void {
    this.store.view((tx) => {
      for (const n of tx.list('nodes')) {
        const r = n.managerStatus?.raftId;
        if (r !== undefined && r > 0) this.known.set(r, n.id);
      }
    });
  }
}
