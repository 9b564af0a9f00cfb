// One remote manager as seen by the sender: a bounded queue, ONE long-lived Send stream that
// carries coalesced MessageBatch writes, reconnection with backoff, and snapshots on their own
// connection. Nothing here blocks or throws into the caller: failures become reportUnreachable /
// reportSnapshot(Failure) notifications.

import * as grpc from '@grpc/grpc-js';
import { Backoff, type Logger } from '@clusterctl/common';
import { SnapshotStatus, type Message, type NodeId } from '@clusterctl/raft';
import { messageSize, raftTransportDefinition, type WireBatch, type WireSnapshotChunk } from './wire.js';
import type { clusterctl } from '@clusterctl/proto';

export interface PeerLimits {
  maxQueuedMessages: number;
  maxQueuedBytes: number;
  maxBatchBytes: number;
  maxInflightWrites: number;
  snapshotChunkBytes: number;
  snapshotTimeoutMs: number;
  reconnectBackoffMinMs: number;
  reconnectBackoffMaxMs: number;
}

export interface PeerContext {
  nodeId: NodeId;
  clusterId: string;
  limits: PeerLimits;
  log: Logger;
  credentials: grpc.ChannelCredentials;
  channelOptions: grpc.ChannelOptions;
  unreachable(id: NodeId): void;
  snapshotDone(id: NodeId, status: SnapshotStatus): void;
}

type State = 'idle' | 'open' | 'backoff' | 'closed';

const sendDef = raftTransportDefinition.send;
const snapDef = raftTransportDefinition.sendSnapshot;

export class Peer {
  private state: State = 'idle';
  private client: grpc.Client | undefined;
  private stream: grpc.ClientWritableStream<WireBatch> | undefined;
  private streamOpenedAt = 0;
  private established = false;
  private queue: Message[] = [];
  private queuedBytes = 0;
  private inflight = 0;
  private flushScheduled = false;
  private readonly backoff: Backoff;
  private backoffTimer: NodeJS.Timeout | undefined;
  private snapshot: { call: grpc.ClientWritableStream<WireSnapshotChunk>; client: grpc.Client } | undefined;
  private readonly log: Logger;
  /** Counters for tests and status. */
  readonly stats = { batches: 0, messages: 0, dropped: 0, reconnects: 0 };

  constructor(
    readonly id: NodeId,
    readonly addr: string,
    private readonly ctx: PeerContext,
  ) {
    // reconnect delays spread by ±25% so peers that lost each other do not redial in lockstep
    this.backoff = new Backoff({
      initialMs: ctx.limits.reconnectBackoffMinMs,
      maxMs: ctx.limits.reconnectBackoffMaxMs,
      jitter: [0.75, 1.25],
    });
    this.log = ctx.log.child({ peer: id, addr });
  }

  get connected(): boolean {
    return this.state === 'open' && this.established;
  }

  /** Queues m for the Send stream. Returns false when it was dropped (peer down or queue full). */
  enqueue(m: Message): boolean {
    if (this.state === 'closed' || this.state === 'backoff') {
      this.stats.dropped++;
      return false;
    }
    const size = messageSize(m);
    const lim = this.ctx.limits;
    if (
      this.queue.length >= lim.maxQueuedMessages ||
      (this.queue.length > 0 && this.queuedBytes + size > lim.maxQueuedBytes)
    ) {
      this.stats.dropped++;
      return false;
    }
    this.queue.push(m);
    this.queuedBytes += size;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Coalesce everything queued in this turn of the event loop into one write.
      queueMicrotask(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
    return true;
  }

  private flush(): void {
    if (this.state === 'idle' && this.queue.length > 0) this.open();
    const stream = this.stream;
    if (this.state !== 'open' || stream === undefined) return;
    const lim = this.ctx.limits;
    while (this.queue.length > 0 && this.inflight < lim.maxInflightWrites) {
      let n = 0;
      let bytes = 0;
      while (n < this.queue.length) {
        const s = messageSize(this.queue[n]!);
        if (n > 0 && bytes + s > lim.maxBatchBytes) break;
        bytes += s;
        n++;
      }
      let messages: Message[];
      if (n === this.queue.length) {
        messages = this.queue;
        this.queue = [];
      } else {
        messages = this.queue.splice(0, n);
      }
      this.queuedBytes -= bytes;
      this.inflight++;
      this.stats.batches++;
      this.stats.messages += messages.length;
      stream.write({ clusterId: this.ctx.clusterId, from: this.ctx.nodeId, messages }, () => {
        if (stream !== this.stream) return;
        this.inflight--;
        if (this.queue.length > 0) this.flush();
      });
    }
  }

  private open(): void {
    let client: grpc.Client;
    try {
      client = this.client ??= new grpc.Client(this.addr, this.ctx.credentials, this.ctx.channelOptions);
    } catch (e) {
      // A target grpc-js cannot parse: behave like a peer that is down (drop, report, back off).
      this.log.error(
        { err: e instanceof Error ? e.message : String(e) },
        'cannot create a gRPC client for the peer address',
      );
      this.stream = undefined;
      this.failed(null);
      return;
    }
    const md = new grpc.Metadata();
    const stream: grpc.ClientWritableStream<WireBatch> = client.makeClientStreamRequest<
      WireBatch,
      clusterctl.raft.SendAck
    >(sendDef.path, sendDef.requestSerialize, sendDef.responseDeserialize, md, {}, (err) =>
      this.onStreamEnd(stream, err),
    );
    // Our server sends headers once it has authorized us: from then on the stream is established.
    stream.on('metadata', () => {
      if (stream !== this.stream) return;
      this.established = true;
      this.log.debug({}, 'raft stream established');
    });
    stream.on('error', () => {}); // errors arrive through the callback
    this.stream = stream;
    this.streamOpenedAt = Date.now();
    this.established = false;
    this.inflight = 0;
    this.state = 'open';
  }

  private onStreamEnd(stream: grpc.ClientWritableStream<WireBatch>, err: grpc.ServiceError | null): void {
    if (stream !== this.stream) return;
    this.stream = undefined;
    this.failed(err);
  }

  /** The stream is gone (or never came up): drop what is queued, report, back off. */
  private failed(err: grpc.ServiceError | null): void {
    this.inflight = 0;
    if (this.state === 'closed') return;
    const dropped = this.queue.length;
    this.stats.dropped += dropped;
    this.queue = [];
    this.queuedBytes = 0;
    const lim = this.ctx.limits;
    // A stream that was up for a while starts the backoff over; one that keeps failing backs off more.
    if (this.established && Date.now() - this.streamOpenedAt > lim.reconnectBackoffMaxMs) this.backoff.reset();
    const waitMs = this.backoff.next();
    const fields = {
      code: err?.code ?? grpc.status.OK,
      details: err?.details ?? 'stream ended',
      dropped,
      retryInMs: waitMs,
    };
    if (this.established) this.log.warn(fields, 'raft stream to peer broke');
    else this.log.debug(fields, 'could not open raft stream to peer');
    this.established = false;
    this.ctx.unreachable(this.id);
    this.state = 'backoff';
    this.backoffTimer = setTimeout(() => {
      this.backoffTimer = undefined;
      if (this.state !== 'backoff') return;
      this.state = 'idle';
      this.stats.reconnects++;
    }, waitMs);
    this.backoffTimer.unref();
  }

  /** Sends a Snap message (with its data) on its own connection, in chunks; reports the outcome. */
  sendSnapshot(m: Message): void {
    const snap = m.snapshot;
    if (this.state === 'closed' || snap === undefined || this.snapshot !== undefined) {
      this.log.warn({ closed: this.state === 'closed', busy: this.snapshot !== undefined }, 'snapshot not sent');
      this.ctx.snapshotDone(this.id, SnapshotStatus.Failure);
      return;
    }
    const lim = this.ctx.limits;
    // A separate channel (own TCP connection): a big snapshot must not queue up behind or ahead of
    // heartbeats on the raft stream's connection.
    let client: grpc.Client;
    try {
      client = new grpc.Client(this.addr, this.ctx.credentials, this.ctx.channelOptions);
    } catch (e) {
      this.log.error(
        { err: e instanceof Error ? e.message : String(e) },
        'cannot create a gRPC client for the peer address',
      );
      this.ctx.unreachable(this.id);
      this.ctx.snapshotDone(this.id, SnapshotStatus.Failure);
      return;
    }
    const started = Date.now();
    let finished = false;
    const call: grpc.ClientWritableStream<WireSnapshotChunk> = client.makeClientStreamRequest<
      WireSnapshotChunk,
      clusterctl.raft.SnapshotAck
    >(
      snapDef.path,
      snapDef.requestSerialize,
      snapDef.responseDeserialize,
      new grpc.Metadata(),
      { deadline: Date.now() + lim.snapshotTimeoutMs },
      (err, ack) => {
        if (finished) return;
        finished = true;
        if (this.snapshot?.call === call) this.snapshot = undefined;
        client.close();
        const ok = !err && ack?.applied === true;
        if (ok) {
          this.log.info(
            { index: snap.metadata.index, bytes: snap.data.length, ms: Date.now() - started },
            'snapshot sent',
          );
        } else {
          this.log.warn({ index: snap.metadata.index, code: err?.code, details: err?.details }, 'snapshot send failed');
          this.ctx.unreachable(this.id);
        }
        this.ctx.snapshotDone(this.id, ok ? SnapshotStatus.Finish : SnapshotStatus.Failure);
      },
    );
    call.on('error', () => {});
    this.snapshot = { call, client };
    const data = snap.data;
    const chunk = Math.max(1, lim.snapshotChunkBytes);
    let off = 0;
    let first = true;
    const pump = (): void => {
      while (!finished) {
        const end = Math.min(off + chunk, data.length);
        const last = end >= data.length;
        const piece: WireSnapshotChunk = { clusterId: this.ctx.clusterId, data: data.subarray(off, end), last };
        if (first) piece.message = { ...m, entries: [], snapshotMetadata: snap.metadata };
        first = false;
        off = end;
        const more = call.write(piece);
        if (last) {
          call.end();
          return;
        }
        if (!more) {
          call.once('drain', pump);
          return;
        }
      }
    };
    pump();
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.backoffTimer) clearTimeout(this.backoffTimer);
    this.backoffTimer = undefined;
    const stream = this.stream;
    this.stream = undefined;
    this.queue = [];
    this.queuedBytes = 0;
    stream?.cancel();
    this.client?.close();
    this.client = undefined;
    if (this.snapshot) {
      this.snapshot.call.cancel(); // its callback reports Failure
    }
  }
}
