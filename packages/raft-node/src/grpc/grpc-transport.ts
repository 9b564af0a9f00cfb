// GrpcRaftTransport: raft traffic between managers over gRPC with mutual TLS.
//
// Sending: per peer, a bounded queue drained into ONE long-lived client stream (RaftTransport.Send)
// as coalesced MessageBatch writes; Snap messages go on their own SendSnapshot call, chunked. send()
// never blocks or throws: dropped messages turn into reportUnreachable, snapshot outcomes into
// reportSnapshot — both delivered asynchronously (a microtask later), never from inside send().
//
// Receiving: a grpc-js Server whose listener requires client certificates from the cluster CA. Every
// call is authorized by the peer certificate (role manager, same cluster) and every batch's `from`
// must be the node named by that certificate; otherwise the call ends with PERMISSION_DENIED /
// UNAUTHENTICATED and nothing reaches the handler.
//
// Sharing the listener: `server` is a plain grpc.Server; other manager services (KV, control API)
// register on it with addService() — before or after start() — and authorize their callers with
// authorizeCall() from @clusterctl/ca. One port serves everything, all of it mutual TLS.

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, toGrpcError, unauthenticatedReceiveLimit, type Logger } from '@clusterctl/common';
import {
  authorizeCall,
  NodeCredentials,
  parseNodeIdentity,
  TLS_SERVER_NAME,
  type AuthContextCarrier,
  type NodeIdentity,
  type NodeTls,
} from '@clusterctl/ca';
import { MessageType, SnapshotStatus, type Message, type NodeId } from '@clusterctl/raft';
import type { clusterctl } from '@clusterctl/proto';
import { Peer, type PeerContext, type PeerLimits } from './peer.js';
import type { Transport } from '../transport.js';
import type { TransportHandler } from './types.js';
import type { DecodedBatch } from './batch-codec.js';
import {
  checkWireMessage,
  messageFromWire,
  raftTransportDefinition,
  snapshotMetadataFromWire,
  WireError,
} from './wire.js';

export interface GrpcRaftTransportConfig {
  nodeId: NodeId;
  clusterId: string;
  /** host:port to listen on; port 0 picks a free port (see start()). */
  listenAddr: string;
  tls: NodeTls;
  logger: Logger;
  handler: TransportHandler;
  /** The node id in a peer's certificate (CN) for a raft id. Default: String(id). */
  certNodeId?: (id: NodeId) => string;
  /**
   * Default true: the TLS handshake itself refuses clients without a certificate from the CA.
   * false: the listener asks for a certificate but admits callers without one, so a service such
   * as NodeCA.Join can serve nodes that have no certificate yet. Every other handler must then call
   * authorizeCall (the raft service always does: such callers get UNAUTHENTICATED).
   */
  requireClientCertificate?: boolean;
  /** Per-peer queue bounds; beyond them messages are dropped and the peer reported unreachable. */
  maxQueuedMessages?: number;
  maxQueuedBytes?: number;
  /** Target size of one MessageBatch write (a single larger message still goes alone). */
  maxBatchBytes?: number;
  /** Batch writes handed to gRPC but not yet flushed, per peer; more messages wait and coalesce. */
  maxInflightWrites?: number;
  snapshotChunkBytes?: number;
  snapshotTimeoutMs?: number;
  /** Largest snapshot accepted from a peer. */
  maxSnapshotBytes?: number;
  /** gRPC message size limit, both directions. */
  maxMessageBytes?: number;
  reconnectBackoffMinMs?: number;
  reconnectBackoffMaxMs?: number;
  keepaliveTimeMs?: number;
  keepaliveTimeoutMs?: number;
}

export const GRPC_TRANSPORT_DEFAULTS = {
  maxQueuedMessages: 4096,
  maxQueuedBytes: 64 * 1024 * 1024,
  maxBatchBytes: 4 * 1024 * 1024,
  maxInflightWrites: 2,
  snapshotChunkBytes: 1024 * 1024,
  snapshotTimeoutMs: 10 * 60_000,
  maxSnapshotBytes: 1024 * 1024 * 1024,
  maxMessageBytes: 64 * 1024 * 1024,
  reconnectBackoffMinMs: 50,
  reconnectBackoffMaxMs: 2000,
  // A connection that went dead in a network cut is found within ~5 s and dialled afresh (backoff
  // at most 2 s), so a healed manager is heard again within seconds instead of waiting on TCP's
  // retransmission backoff of the dead connection.
  keepaliveTimeMs: 2_000,
  keepaliveTimeoutMs: 3_000,
} as const;

export class GrpcRaftTransport implements Transport {
  /** The listener; other services may be added to it (see addService). */
  readonly server: grpc.Server;
  readonly nodeId: NodeId;
  readonly clusterId: string;
  private readonly cfg: GrpcRaftTransportConfig & typeof GRPC_TRANSPORT_DEFAULTS;
  private readonly log: Logger;
  private readonly handler: TransportHandler;
  private readonly certNodeId: (id: NodeId) => string;
  private readonly peers = new Map<NodeId, Peer>();
  private readonly limits: PeerLimits;
  private readonly tls: NodeCredentials;
  private boundPort: number | undefined;
  private stopped = false;
  private readonly pendingUnreachable = new Set<NodeId>();
  private readonly pendingSnapshot: Array<[NodeId, SnapshotStatus]> = [];
  private notifyScheduled = false;
  /** Counters for tests, status and benchmarks. */
  readonly stats = { received: 0, refusedCalls: 0, refusedBatches: 0, snapshotsReceived: 0, snapshotBytesReceived: 0 };

  constructor(config: GrpcRaftTransportConfig) {
    this.cfg = { ...GRPC_TRANSPORT_DEFAULTS, ...stripUndefined(config) } as GrpcRaftTransportConfig &
      typeof GRPC_TRANSPORT_DEFAULTS;
    if (!Number.isSafeInteger(config.nodeId) || config.nodeId <= 0)
      throw new Error(`GrpcRaftTransport: invalid nodeId ${config.nodeId}`);
    this.nodeId = config.nodeId;
    this.clusterId = config.clusterId;
    this.handler = config.handler;
    this.certNodeId = config.certNodeId ?? ((id) => String(id));
    this.log = config.logger.child({ component: 'raft-transport', node: config.nodeId });
    this.tls = new NodeCredentials(config.tls);
    const c = this.cfg;
    this.limits = {
      maxQueuedMessages: c.maxQueuedMessages,
      maxQueuedBytes: c.maxQueuedBytes,
      maxBatchBytes: c.maxBatchBytes,
      maxInflightWrites: c.maxInflightWrites,
      snapshotChunkBytes: c.snapshotChunkBytes,
      snapshotTimeoutMs: c.snapshotTimeoutMs,
      reconnectBackoffMinMs: c.reconnectBackoffMinMs,
      reconnectBackoffMaxMs: c.reconnectBackoffMaxMs,
    };
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': c.maxMessageBytes,
      'grpc.max_send_message_length': c.maxMessageBytes,
      'grpc.keepalive_time_ms': c.keepaliveTimeMs,
      'grpc.keepalive_timeout_ms': c.keepaliveTimeoutMs,
      // maxMessageBytes is for nodes with a certificate; anyone else (a joining node) gets a few KB
      interceptors: [unauthenticatedReceiveLimit({ log: this.log })],
    });
    this.server.addService(raftTransportDefinition, {
      send: (
        call: grpc.ServerReadableStream<DecodedBatch, clusterctl.raft.ISendAck>,
        cb: grpc.sendUnaryData<clusterctl.raft.ISendAck>,
      ) => this.onSend(call, cb),
      sendSnapshot: (
        call: grpc.ServerReadableStream<clusterctl.raft.SnapshotChunk, clusterctl.raft.ISnapshotAck>,
        cb: grpc.sendUnaryData<clusterctl.raft.ISnapshotAck>,
      ) => this.onSendSnapshot(call, cb),
    });
  }

  /** Registers another service on the same mutual-TLS listener. */
  addService(service: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation): void {
    this.server.addService(service, implementation);
  }

  /** Binds the listener; resolves with the bound port. */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.bindAsync(
        this.cfg.listenAddr,
        this.tls.serverCredentials(this.cfg.requireClientCertificate ?? true),
        (err, port) => {
          if (err) {
            reject(err);
            return;
          }
          this.boundPort = port;
          this.disableNagle();
          if (this.cfg.requireClientCertificate === false) this.refuseUnverifiedCertificates();
          this.log.info({ addr: this.cfg.listenAddr, port }, 'raft transport listening');
          resolve(port);
        },
      );
    });
  }

  /**
   * Without requireClientCertificate (NodeCA.Join serves callers that have none), TLS admits a client
   * whose certificate fails verification (expired, another CA) as if it had presented none, and that
   * connection would stay up answering UNAUTHENTICATED to every call: a node that dialled in the
   * moment its certificate expired would keep failing on that channel after renewing. So a
   * connection that presented a certificate the TLS layer did not verify is closed right after the
   * handshake: the client sees a failed connection and dials again, with its current certificate.
   * Reached through grpc-js internals like disableNagle; without them such calls stay refused.
   */
  private refuseUnverifiedCertificates(): void {
    const servers = (this.server as unknown as { http2Servers?: Map<unknown, unknown> }).http2Servers;
    if (!(servers instanceof Map)) {
      this.log.warn(
        'grpc-js server internals not found; connections with an unverified client certificate are kept (their calls are refused)',
      );
      return;
    }
    type TlsSock = {
      authorized?: boolean;
      authorizationError?: unknown;
      getPeerCertificate?: () => { raw?: Buffer } | null;
      destroy(): void;
      remoteAddress?: string;
    };
    for (const srv of servers.keys()) {
      const s = srv as {
        on?: (ev: string, fn: (sock: TlsSock) => void) => void;
        __clusterctlRefuseUnverified?: boolean;
      };
      if (typeof s.on !== 'function' || s.__clusterctlRefuseUnverified === true) continue;
      s.__clusterctlRefuseUnverified = true;
      s.on('secureConnection', (sock) => {
        if (sock.authorized === true || sock.getPeerCertificate?.()?.raw === undefined) return;
        this.log.debug(
          { peer: sock.remoteAddress, reason: String(sock.authorizationError) },
          'closed a connection whose client certificate failed verification',
        );
        sock.destroy();
      });
    }
  }

  /**
   * Turns off Nagle's algorithm on accepted connections. grpc-js sets TCP_NODELAY on the sockets it
   * dials but not on the ones its server accepts (node's net.Server default), so a unary response
   * (headers, message and trailers, written separately) could wait for the client's ACK of the
   * previous segment: ~1-2 ms per call at p50 on loopback here, tens of ms at p99. The listening
   * http2 servers are reached through grpc-js internals; if they are not there, nothing changes.
   */
  private disableNagle(): void {
    const servers = (this.server as unknown as { http2Servers?: Map<unknown, unknown> }).http2Servers;
    if (!(servers instanceof Map)) {
      this.log.debug('grpc-js server internals not found; accepted sockets keep Nagle on');
      return;
    }
    for (const srv of servers.keys()) {
      const s = srv as {
        on?: (ev: string, fn: (sock: { setNoDelay?: (v: boolean) => void }) => void) => void;
        __clusterctlNoDelay?: boolean;
      };
      if (typeof s.on !== 'function' || s.__clusterctlNoDelay === true) continue;
      s.__clusterctlNoDelay = true;
      s.on('connection', (sock) => sock.setNoDelay?.(true));
    }
  }

  get port(): number {
    if (this.boundPort === undefined) throw new Error('GrpcRaftTransport: not started');
    return this.boundPort;
  }

  /**
   * Installs renewed TLS material (e.g. a renewed node certificate). New connections, both the
   * listener's and the peers', use it at once; connections already up keep theirs. The certificate
   * must still name this cluster and a manager.
   */
  updateTls(tls: NodeTls): void {
    const id = parseNodeIdentity(tls.certPem);
    if (id.clusterId !== this.clusterId || id.role !== 'manager') {
      throw new ClusterError(
        ErrorCode.InvalidArgument,
        `certificate is for ${id.role} ${id.nodeId} of cluster ${id.clusterId}`,
        {
          hint: `the raft transport of cluster ${this.clusterId} needs a manager certificate of that cluster`,
        },
      );
    }
    this.tls.update(tls);
    this.log.info({ nodeId: id.nodeId }, 'TLS material updated');
  }

  addPeer(id: NodeId, addr: string): void {
    if (this.stopped) return;
    if (id === this.nodeId) return;
    const existing = this.peers.get(id);
    if (existing) {
      if (existing.addr === addr) return;
      existing.close();
    }
    this.peers.set(id, new Peer(id, addr, this.peerContext(id)));
    this.log.info({ peer: id, addr }, 'peer added');
  }

  updatePeer(id: NodeId, addr: string): void {
    this.addPeer(id, addr);
  }

  removePeer(id: NodeId): void {
    const p = this.peers.get(id);
    if (!p) return;
    p.close();
    this.peers.delete(id);
    this.log.info({ peer: id }, 'peer removed');
  }

  hasPeer(id: NodeId): boolean {
    return this.peers.has(id);
  }

  /** Whether the stream to `id` is open and was accepted by the peer. */
  isConnected(id: NodeId): boolean {
    return this.peers.get(id)?.connected ?? false;
  }

  peerStats(id: NodeId): Peer['stats'] | undefined {
    return this.peers.get(id)?.stats;
  }

  /**
   * The driver's member table changed: `peers` maps every member (this node included) to its
   * context, the manager's address as UTF-8. Adds, re-addresses and removes peers to match.
   */
  updatePeers(peers: ReadonlyMap<NodeId, Uint8Array>): void {
    if (this.stopped) return;
    for (const [id, ctx] of peers) {
      if (id === this.nodeId) continue;
      const addr = Buffer.from(ctx.buffer, ctx.byteOffset, ctx.byteLength).toString('utf8');
      if (!/^[^\s]+:\d+$/.test(addr)) {
        this.log.warn(
          { peer: id, context: addr.slice(0, 80) },
          'member context is not a host:port address; peer left as it was',
        );
        continue;
      }
      this.addPeer(id, addr);
    }
    for (const id of [...this.peers.keys()]) if (!peers.has(id)) this.removePeer(id);
  }

  send(msgs: readonly Message[]): void {
    for (const m of msgs) {
      const peer = this.peers.get(m.to);
      if (peer === undefined) {
        if (!this.stopped) this.log.debug({ to: m.to, type: m.type }, 'message to unknown peer dropped');
        this.notifyUnreachable(m.to);
        if (m.type === MessageType.Snap) this.notifySnapshot(m.to, SnapshotStatus.Failure);
        continue;
      }
      if (m.type === MessageType.Snap) {
        peer.sendSnapshot(m);
        continue;
      }
      if (!peer.enqueue(m)) this.notifyUnreachable(m.to);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const p of this.peers.values()) p.close();
    this.peers.clear();
    // Raft streams are long-lived: a graceful shutdown would wait for peers to hang up.
    this.server.forceShutdown();
    this.log.info({}, 'raft transport stopped');
  }

  // ---- notifications to the core (deferred, deduplicated) ----

  private notifyUnreachable(id: NodeId): void {
    this.pendingUnreachable.add(id);
    this.scheduleNotify();
  }

  private notifySnapshot(id: NodeId, status: SnapshotStatus): void {
    this.pendingSnapshot.push([id, status]);
    this.scheduleNotify();
  }

  private scheduleNotify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      if (this.stopped) {
        this.pendingUnreachable.clear();
        this.pendingSnapshot.length = 0;
        return;
      }
      const ids = [...this.pendingUnreachable];
      this.pendingUnreachable.clear();
      const snaps = this.pendingSnapshot.splice(0);
      for (const id of ids) this.callHandler('reportUnreachable', () => this.handler.reportUnreachable(id));
      for (const [id, status] of snaps)
        this.callHandler('reportSnapshot', () => this.handler.reportSnapshot(id, status));
    });
  }

  private callHandler(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log.error({ err: e, what }, 'raft transport handler threw');
    }
  }

  private peerContext(id: NodeId): PeerContext {
    const c = this.cfg;
    return {
      nodeId: this.nodeId,
      clusterId: this.clusterId,
      limits: this.limits,
      log: this.log,
      credentials: this.tls.channelCredentials({ clusterId: this.clusterId, nodeId: this.certNodeId(id) }),
      channelOptions: {
        'grpc.max_receive_message_length': c.maxMessageBytes,
        'grpc.max_send_message_length': c.maxMessageBytes,
        'grpc.keepalive_time_ms': c.keepaliveTimeMs,
        'grpc.keepalive_timeout_ms': c.keepaliveTimeoutMs,
        'grpc.keepalive_permit_without_calls': 1,
        'grpc.initial_reconnect_backoff_ms': c.reconnectBackoffMinMs,
        'grpc.max_reconnect_backoff_ms': c.reconnectBackoffMaxMs,
        // We check the server by its certificate's identity (channelCredentials), not a host name;
        // a fixed TLS server name also keeps Node from warning about IP addresses as SNI.
        'grpc.ssl_target_name_override': TLS_SERVER_NAME,
        // Our streams are not retried by gRPC: raft retries at its own level.
        'grpc.enable_retries': 0,
        // Each peer (and each snapshot) gets its own connection, even to the same address.
        'grpc.use_local_subchannel_pool': 1,
      },
      unreachable: (peer) => this.notifyUnreachable(peer),
      snapshotDone: (peer, status) => this.notifySnapshot(peer, status),
    };
  }

  // ---- server side ----

  private authorize(
    call: AuthContextCarrier & { getPeer(): string },
    cb: (err: grpc.ServiceError) => void,
  ): NodeIdentity | undefined {
    const r = authorizeCall(call, { clusterId: this.clusterId, roles: ['manager'] });
    if (r.ok) return r.identity;
    this.stats.refusedCalls++;
    this.log.warn({ peer: call.getPeer(), code: r.error.code, details: r.error.message }, 'raft call refused');
    cb(toGrpcError(r.error));
    return undefined;
  }

  private refuse(code: grpc.status, details: string): grpc.ServiceError {
    return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
  }

  /** A peer's message must be sent by the batch's (certified) sender and addressed to us. */
  private checkAddressing(m: Message, from: NodeId): void {
    if (m.from !== from) throw new WireError(`message claims to be from ${m.from} inside a batch from ${from}`);
    if (m.to !== this.nodeId) throw new WireError(`message addressed to ${m.to} delivered to node ${this.nodeId}`);
  }

  private onSend(
    call: grpc.ServerReadableStream<DecodedBatch, clusterctl.raft.ISendAck>,
    cb: grpc.sendUnaryData<clusterctl.raft.ISendAck>,
  ): void {
    const identity = this.authorize(call, cb);
    if (!identity) return;
    call.sendMetadata(new grpc.Metadata()); // tells the sender it is accepted
    let done = false;
    const fail = (code: grpc.status, details: string): void => {
      if (done) return;
      done = true;
      this.stats.refusedBatches++;
      this.log.warn({ peer: call.getPeer(), node: identity.nodeId, code, details }, 'raft stream refused');
      cb(this.refuse(code, details));
    };
    call.on('data', (batch: DecodedBatch) => {
      if (done || this.stopped) return;
      if (batch.clusterId !== this.clusterId)
        return fail(grpc.status.PERMISSION_DENIED, `batch for cluster ${batch.clusterId}, this is ${this.clusterId}`);
      const from = batch.from;
      if (this.certNodeId(from) !== identity.nodeId) {
        return fail(
          grpc.status.PERMISSION_DENIED,
          `batch claims to be from raft node ${from} but the certificate is node ${identity.nodeId}`,
        );
      }
      const msgs = batch.messages;
      try {
        for (const m of msgs) {
          if (m.type === MessageType.Snap) throw new WireError('snapshots travel on SendSnapshot');
          checkWireMessage(m);
          this.checkAddressing(m, from);
        }
      } catch (e) {
        return fail(grpc.status.INVALID_ARGUMENT, e instanceof Error ? e.message : String(e));
      }
      this.stats.received += msgs.length;
      for (const m of msgs) this.callHandler('step', () => this.handler.step(m));
    });
    call.on('end', () => {
      if (done) return;
      done = true;
      cb(null, {});
    });
    call.on('error', (e) => {
      done = true;
      this.log.debug({ err: e.message }, 'raft stream from peer errored');
    });
  }

  private onSendSnapshot(
    call: grpc.ServerReadableStream<clusterctl.raft.SnapshotChunk, clusterctl.raft.ISnapshotAck>,
    cb: grpc.sendUnaryData<clusterctl.raft.ISnapshotAck>,
  ): void {
    const identity = this.authorize(call, cb);
    if (!identity) return;
    let done = false;
    let head: Message | undefined;
    const chunks: Buffer[] = [];
    let bytes = 0;
    const fail = (code: grpc.status, details: string): void => {
      if (done) return;
      done = true;
      chunks.length = 0;
      this.log.warn({ peer: call.getPeer(), node: identity.nodeId, code, details }, 'snapshot refused');
      cb(this.refuse(code, details));
    };
    call.on('data', (c: clusterctl.raft.SnapshotChunk) => {
      if (done || this.stopped) return;
      if (c.clusterId !== this.clusterId)
        return fail(grpc.status.PERMISSION_DENIED, `snapshot for cluster ${c.clusterId}, this is ${this.clusterId}`);
      if (head === undefined) {
        if (!c.message) return fail(grpc.status.INVALID_ARGUMENT, 'first snapshot chunk carries no message');
        if (c.message.type !== MessageType.Snap)
          return fail(grpc.status.INVALID_ARGUMENT, `snapshot stream carries message type ${c.message.type}`);
        const from = c.message.from ?? 0;
        if (this.certNodeId(from) !== identity.nodeId) {
          return fail(
            grpc.status.PERMISSION_DENIED,
            `snapshot claims to be from raft node ${from} but the certificate is node ${identity.nodeId}`,
          );
        }
        try {
          head = messageFromWire(c.message);
          this.checkAddressing(head, from);
          head.snapshot = { metadata: snapshotMetadataFromWire(c.message.snapshotMetadata), data: new Uint8Array(0) };
        } catch (e) {
          return fail(grpc.status.INVALID_ARGUMENT, e instanceof Error ? e.message : String(e));
        }
      } else if (c.message) {
        return fail(grpc.status.INVALID_ARGUMENT, 'snapshot message repeated after the first chunk');
      }
      const data = c.data as Buffer;
      bytes += data.length;
      this.stats.snapshotBytesReceived += data.length;
      if (bytes > this.cfg.maxSnapshotBytes)
        return fail(grpc.status.RESOURCE_EXHAUSTED, `snapshot larger than ${this.cfg.maxSnapshotBytes} bytes`);
      if (data.length > 0) chunks.push(data);
      if (!c.last) return;
      done = true;
      const msg = head;
      msg.snapshot!.data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes);
      chunks.length = 0;
      this.stats.snapshotsReceived++;
      this.log.info({ from: msg.from, index: msg.snapshot!.metadata.index, bytes }, 'snapshot received');
      this.deliverSnapshot(msg, cb);
    });
    call.on('end', () => {
      if (done) return;
      fail(grpc.status.INVALID_ARGUMENT, 'snapshot stream ended before its last chunk');
    });
    call.on('error', (e) => {
      done = true;
      chunks.length = 0;
      this.log.debug({ err: e.message }, 'snapshot stream from peer errored');
    });
  }

  private deliverSnapshot(msg: Message, cb: grpc.sendUnaryData<clusterctl.raft.ISnapshotAck>): void {
    const receive = this.handler.receiveSnapshot;
    if (receive === undefined) {
      this.callHandler('step', () => this.handler.step(msg));
      cb(null, { applied: true });
      return;
    }
    let r: void | Promise<void>;
    try {
      r = receive.call(this.handler, msg);
    } catch (e) {
      cb(this.refuse(grpc.status.INTERNAL, `snapshot not accepted: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    if (!(r instanceof Promise)) {
      cb(null, { applied: true });
      return;
    }
    r.then(
      () => cb(null, { applied: true }),
      (e: unknown) =>
        cb(this.refuse(grpc.status.INTERNAL, `snapshot not accepted: ${e instanceof Error ? e.message : String(e)}`)),
    );
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
