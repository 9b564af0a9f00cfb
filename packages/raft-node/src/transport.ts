// What the raft driver needs from the network between managers. The gRPC implementation (long-lived
// stream per peer, mTLS) lives in grpc/; LocalNetwork (testing/local-network.ts) is the in-process one.

import type { Message, NodeId, SnapshotStatus } from '@clusterctl/raft';

/** The receiving side: a transport delivers into this (RaftNode implements it). */
export interface RaftMessageSink {
  /** An incoming message from a peer. Never throws; never blocks. */
  step(m: Message): void;
  /** The transport could not reach `id` (raft backs off its replication to it). */
  reportUnreachable(id: NodeId): void;
  /** Outcome of sending a MsgSnap to `id` (call once the stream finished or failed). */
  reportSnapshot(id: NodeId, status: SnapshotStatus): void;
}

export interface Transport {
  /**
   * Sends messages, best effort and without blocking: failures are reported back through the
   * sink's reportUnreachable / reportSnapshot, never thrown. Messages carrying a snapshot
   * (type Snap) must be followed by exactly one reportSnapshot(to, ...) call.
   */
  send(msgs: Message[]): void;
  /**
   * The replicated member table changed: `peers` maps every member id (this node included) to the
   * context it was added with (the manager's address, as chosen by whoever called addMember).
   */
  updatePeers?(peers: ReadonlyMap<NodeId, Uint8Array>): void;
}
