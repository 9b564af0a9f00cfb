// Raft messages on the wire: the core's Message <-> the proto clusterctl.raft.Message, and the
// RaftTransport service definition with serializers that avoid copies.
//
// Sending: the core's Message and Entry use the proto's field names, so the protobufjs encoder reads
// them directly (no intermediate objects); entry data is copied once, into the output buffer.
// Receiving: protobufjs decodes `bytes` fields from a Buffer as views into the received buffer, so
// entry data is not copied at all; we only build plain Message/Entry objects around those views.

import type * as grpc from '@grpc/grpc-js';
import { clusterctl, RaftTransportService } from '@clusterctl/proto';
import { EMPTY, MessageType, type Entry, type EntryType, type Message, type NodeId, type SnapshotMetadata } from '@clusterctl/raft';

const pb = clusterctl.raft;

/** What the sender writes on the Send stream: core messages as they are. */
export interface WireBatch {
  clusterId: string;
  from: NodeId;
  messages: readonly Message[];
}

/** What the sender writes on the SendSnapshot stream. */
export interface WireSnapshotChunk {
  clusterId: string;
  /** First chunk only: the Snap message (its snapshot metadata rides as snapshotMetadata). */
  message?: Message & { snapshotMetadata?: SnapshotMetadata };
  data: Uint8Array;
  last: boolean;
}

/** Thrown (and turned into INVALID_ARGUMENT) when a peer sends something the core must not see. */
export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireError';
  }
}

function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

export function encodeBatch(b: WireBatch): Buffer {
  return asBuffer(pb.MessageBatch.encode(b as unknown as clusterctl.raft.IMessageBatch).finish());
}

export function decodeBatch(b: Buffer): clusterctl.raft.MessageBatch {
  return pb.MessageBatch.decode(b);
}

export function encodeSnapshotChunk(c: WireSnapshotChunk): Buffer {
  return asBuffer(pb.SnapshotChunk.encode(c as unknown as clusterctl.raft.ISnapshotChunk).finish());
}

export function decodeSnapshotChunk(b: Buffer): clusterctl.raft.SnapshotChunk {
  return pb.SnapshotChunk.decode(b);
}

const MAX_TYPE = MessageType.ReadIndexResp;
const LOCAL_TYPES = new Set<number>([MessageType.Hup, MessageType.Beat, MessageType.Unreachable, MessageType.SnapStatus, MessageType.CheckQuorum]);

function entryFromWire(e: clusterctl.raft.IEntry): Entry {
  const type = e.type ?? 0;
  if (type !== 0 && type !== 1) throw new WireError(`unknown entry type ${type}`);
  return { term: e.term ?? 0, index: e.index ?? 0, type: type as EntryType, data: e.data ?? EMPTY };
}

/**
 * Builds the core Message from a decoded proto message. Refuses types that only exist locally
 * (Hup, Beat, ...) and out-of-range types. `snapshot` is attached by the snapshot receiver.
 */
export function messageFromWire(p: clusterctl.raft.IMessage): Message {
  const type = p.type ?? 0;
  if (type > MAX_TYPE || LOCAL_TYPES.has(type)) throw new WireError(`message type ${type} may not travel between nodes`);
  const src = p.entries ?? [];
  const entries: Entry[] = new Array<Entry>(src.length);
  for (let i = 0; i < src.length; i++) entries[i] = entryFromWire(src[i]!);
  return {
    type: type as MessageType,
    to: p.to ?? 0,
    from: p.from ?? 0,
    term: p.term ?? 0,
    logTerm: p.logTerm ?? 0,
    index: p.index ?? 0,
    entries,
    commit: p.commit ?? 0,
    reject: p.reject ?? false,
    rejectHint: p.rejectHint ?? 0,
    context: p.context ?? EMPTY,
  };
}

export function snapshotMetadataFromWire(p: clusterctl.raft.ISnapshotMetadata | null | undefined): SnapshotMetadata {
  if (!p) throw new WireError('snapshot message without metadata');
  return {
    index: p.index ?? 0,
    term: p.term ?? 0,
    confState: { voters: [...(p.confState?.voters ?? [])], learners: [...(p.confState?.learners ?? [])] },
  };
}

/** Approximate encoded size of a message, for queue and batch limits. */
export function messageSize(m: Message): number {
  let n = 64 + m.context.length;
  for (const e of m.entries) n += 32 + e.data.length;
  return n;
}

/**
 * The RaftTransport service with our serializers. Same paths as the generated
 * RaftTransportService (interoperable with it), but no copy of the encoded buffer.
 */
export const raftTransportDefinition = {
  send: {
    path: RaftTransportService.send.path,
    requestStream: true,
    responseStream: false,
    requestSerialize: encodeBatch,
    requestDeserialize: decodeBatch,
    responseSerialize: (m: clusterctl.raft.ISendAck): Buffer => asBuffer(pb.SendAck.encode(m).finish()),
    responseDeserialize: (b: Buffer): clusterctl.raft.SendAck => pb.SendAck.decode(b),
    originalName: 'Send',
  },
  sendSnapshot: {
    path: RaftTransportService.sendSnapshot.path,
    requestStream: true,
    responseStream: false,
    requestSerialize: encodeSnapshotChunk,
    requestDeserialize: decodeSnapshotChunk,
    responseSerialize: (m: clusterctl.raft.ISnapshotAck): Buffer => asBuffer(pb.SnapshotAck.encode(m).finish()),
    responseDeserialize: (b: Buffer): clusterctl.raft.SnapshotAck => pb.SnapshotAck.decode(b),
    originalName: 'SendSnapshot',
  },
} satisfies grpc.ServiceDefinition;
