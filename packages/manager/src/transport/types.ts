// The transport contract between the raft driver and the network. The driver hands outgoing
// messages to send() and never waits on the network; the transport hands incoming messages and
// delivery outcomes back through the handler.

import type { Message, NodeId, SnapshotStatus } from '@clusterctl/raft';

/** What the transport calls back into (the raft driver). Never invoked synchronously from send(). */
export interface TransportHandler {
  /** An authenticated message from a peer (to === our id). Must not block. */
  step(msg: Message): void;
  /** Messages to `id` were dropped (queue full, stream broken, peer down). */
  reportUnreachable(id: NodeId): void;
  /** Outcome of a Snap message we sent to `id`. */
  reportSnapshot(id: NodeId, status: SnapshotStatus): void;
  /**
   * Optional: receives a fully reassembled Snap message instead of step(). The sender is told the
   * snapshot arrived once the returned promise (if any) resolves; a rejection reports failure.
   */
  receiveSnapshot?(msg: Message): void | Promise<void>;
}

/** The network side of a raft node. */
export interface Transport {
  /** Queue messages for their peers. Never blocks, never throws for network reasons. */
  send(msgs: readonly Message[]): void;
  addPeer(id: NodeId, addr: string): void;
  removePeer(id: NodeId): void;
  updatePeer(id: NodeId, addr: string): void;
  stop(): Promise<void>;
}

export interface TransportTls {
  /** The cluster CA certificate (PEM): peers must present certificates it issued. */
  caPem: string;
  /** This node's certificate and key (PEM), role manager. */
  certPem: string;
  keyPem: string;
}
