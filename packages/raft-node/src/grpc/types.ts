// Types of the gRPC raft transport. The contract with the raft driver (Transport, RaftMessageSink)
// is the driver's, in ../raft/transport.ts; this adds what the gRPC side needs on top.

import type { Message } from '@clusterctl/raft';
import type { RaftMessageSink } from '../transport.js';

/**
 * What the transport calls back into (the raft driver). reportUnreachable / reportSnapshot are
 * never invoked synchronously from inside send(): they arrive a microtask later at the earliest.
 */
export interface TransportHandler extends RaftMessageSink {
  /**
   * Optional: receives a fully reassembled Snap message instead of step(). The sender is told the
   * snapshot arrived once the returned promise (if any) resolves; a rejection reports failure.
   */
  receiveSnapshot?(msg: Message): void | Promise<void>;
}
