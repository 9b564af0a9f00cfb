// An in-process network of raft nodes for tests: every message is encoded and decoded with the wire
// codec (so nodes never share objects) and delivered asynchronously. Links can be cut both ways.

import { MessageType, SnapshotStatus, type Message, type NodeId } from '@clusterctl/raft';
import { decodeMessage, encodeMessage } from '../codec.js';
import type { RaftMessageSink, Transport } from '../transport.js';

export class LocalNetwork {
  private readonly sinks = new Map<NodeId, RaftMessageSink>();
  private readonly cutLinks = new Set<string>();
  /** Optional filter: return false to drop a message. */
  filter: ((m: Message) => boolean) | undefined;
  readonly stats = { delivered: 0, dropped: 0 };

  /** The transport node `id` sends with. */
  transport(id: NodeId): LocalTransport {
    return new LocalTransport(this, id);
  }

  /** Makes `id` reachable, delivering into `sink` (call again after a restart). */
  attach(id: NodeId, sink: RaftMessageSink): void {
    this.sinks.set(id, sink);
  }

  detach(id: NodeId): void {
    this.sinks.delete(id);
  }

  /** Drops all traffic between a and b (both directions). */
  cut(a: NodeId, b: NodeId): void {
    this.cutLinks.add(`${a}>${b}`);
    this.cutLinks.add(`${b}>${a}`);
  }

  /** Cuts `id` off from every other node. */
  isolate(id: NodeId, others: Iterable<NodeId>): void {
    for (const o of others) if (o !== id) this.cut(id, o);
  }

  heal(): void {
    this.cutLinks.clear();
  }

  /** @internal */
  deliver(from: NodeId, msgs: Message[]): void {
    const sender = this.sinks.get(from);
    for (const m of msgs) {
      const reachable = this.sinks.has(m.to) && !this.cutLinks.has(`${from}>${m.to}`);
      const pass = reachable && (this.filter === undefined || this.filter(m));
      if (!pass) {
        this.stats.dropped++;
        if (sender !== undefined) {
          const to = m.to;
          setImmediate(() => {
            if (!reachable) sender.reportUnreachable(to);
            if (m.type === MessageType.Snap) sender.reportSnapshot(to, SnapshotStatus.Failure);
          });
        }
        continue;
      }
      const bytes = encodeMessage(m);
      setImmediate(() => {
        const sink = this.sinks.get(m.to);
        if (sink === undefined || this.cutLinks.has(`${from}>${m.to}`)) {
          this.stats.dropped++;
          return;
        }
        this.stats.delivered++;
        sink.step(decodeMessage(bytes));
        if (m.type === MessageType.Snap) this.sinks.get(from)?.reportSnapshot(m.to, SnapshotStatus.Finish);
      });
    }
  }
}

export class LocalTransport implements Transport {
  peers: ReadonlyMap<NodeId, Uint8Array> = new Map();

  constructor(
    private readonly network: LocalNetwork,
    readonly id: NodeId,
  ) {}

  send(msgs: Message[]): void {
    this.network.deliver(this.id, msgs);
  }

  updatePeers(peers: ReadonlyMap<NodeId, Uint8Array>): void {
    this.peers = peers;
  }
}
