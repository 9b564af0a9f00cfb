// Pending ReadIndex requests on the leader (safe mode): each waits for a quorum of heartbeat acks
// carrying its context; acks for a later request also confirm every earlier one.
import type { Message, NodeId } from './types.js';
import { bytesKey } from './util.js';

export interface ReadIndexStatus {
  req: Message;
  index: number;
  acks: Set<NodeId>;
}

export class ReadOnly {
  private pending = new Map<string, ReadIndexStatus>();
  private queue: string[] = [];

  addRequest(index: number, req: Message): void {
    const key = bytesKey(req.context);
    if (this.pending.has(key)) return;
    this.pending.set(key, { req, index, acks: new Set() });
    this.queue.push(key);
  }

  /** Records an ack; returns the acks so far for that request, or undefined if unknown. */
  recvAck(id: NodeId, ctx: Uint8Array): Set<NodeId> | undefined {
    const rs = this.pending.get(bytesKey(ctx));
    if (!rs) return undefined;
    rs.acks.add(id);
    return rs.acks;
  }

  /** Dequeues the request with ctx and all requests before it. */
  advance(ctx: Uint8Array): ReadIndexStatus[] {
    const key = bytesKey(ctx);
    const i = this.queue.indexOf(key);
    if (i < 0) return [];
    const keys = this.queue.splice(0, i + 1);
    const out: ReadIndexStatus[] = [];
    for (const k of keys) {
      const rs = this.pending.get(k);
      if (rs) out.push(rs);
      this.pending.delete(k);
    }
    return out;
  }

  /** Pending requests, oldest first. */
  pendingRequests(): ReadIndexStatus[] {
    return this.queue.map((k) => this.pending.get(k)!);
  }

  lastPendingRequestCtx(): Uint8Array | undefined {
    if (this.queue.length === 0) return undefined;
    return this.pending.get(this.queue[this.queue.length - 1]!)!.req.context;
  }

  get size(): number {
    return this.queue.length;
  }
}
