// A joining manager starts raft with an empty log, so the driver's member table is empty and it
// tells the transport "no peers" — which would drop every answer to the leader that is adding it.
// This adapter keeps the peers from the JoinResponse until the replicated member table includes
// this node (from then on the log's membership is complete and is passed through unchanged).

import type { Message, NodeId } from '@clusterctl/raft';
import type { Transport } from '@clusterctl/raft-node';

export class SeededTransport implements Transport {
  private seeds: Map<NodeId, Uint8Array> | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly selfId: NodeId,
    seeds: ReadonlyMap<NodeId, string>,
  ) {
    const enc = new TextEncoder();
    this.seeds = seeds.size === 0 ? undefined : new Map([...seeds].map(([id, addr]) => [id, enc.encode(addr)]));
  }

  send(msgs: Message[]): void {
    this.inner.send(msgs);
  }

  updatePeers(peers: ReadonlyMap<NodeId, Uint8Array>): void {
    if (this.seeds !== undefined && peers.has(this.selfId)) this.seeds = undefined;
    if (this.seeds === undefined) {
      this.inner.updatePeers?.(peers);
      return;
    }
    const merged = new Map(this.seeds);
    for (const [id, ctx] of peers) merged.set(id, ctx);
    this.inner.updatePeers?.(merged);
  }
}
