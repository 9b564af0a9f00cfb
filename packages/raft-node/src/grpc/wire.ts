// Raft messages on the wire: the core's Message <-> the proto clusterctl.raft.Message, and the
// RaftTransport service definition with serializers that avoid copies.
//
// MessageBatch (the hot path) goes through the hand-written codec in batch-codec.ts: entry data is
// copied once into the output buffer when sending and not at all when receiving (views into the
// received buffer). Snapshot chunks use the generated protobufjs code: the core's Message uses the
// proto's field names, so the encoder reads it directly, and protobufjs decodes `bytes` fields from
// a Buffer as views too.

import type * as grpc from '@grpc/grpc-js';
import { clusterctl, RaftTransportService } from '@clusterctl/proto';
import { decodeMessageBatch, encodeMessageBatch, type DecodedBatch } from './batch-codec.js';
import {
  EMPTY,
  MessageType,
  type Entry,
  type EntryType,
  type Message,
  type NodeId,
  type SnapshotMetadata,
} from '@clusterctl/raft';

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
  return encodeMessageBatch(b.clusterId, b.from, b.messages);
}

/** Decodes a batch into core messages; check each with checkWireMessage before stepping it. */
export function decodeBatch(b: Buffer): DecodedBatch {
  return decodeMessageBatch(b);
}

/** The generated protobufjs encoder, kept for compatibility tests and the benchmark. */
export function encodeBatchWithProtobufjs(b: WireBatch): Buffer {
  return asBuffer(pb.MessageBatch.encode(b as unknown as clusterctl.raft.IMessageBatch).finish());
}

export function encodeSnapshotChunk(c: WireSnapshotChunk): Buffer {
  return asBuffer(pb.SnapshotChunk.encode(c as unknown as clusterctl.raft.ISnapshotChunk).finish());
}

export function decodeSnapshotChunk(b: Buffer): clusterctl.raft.SnapshotChunk {
  return pb.SnapshotChunk.decode(b);
}

const MAX_TYPE = MessageType.ReadIndexResp;
const LOCAL_TYPES = new Set<number>([
  MessageType.Hup,
  MessageType.Beat,
  MessageType.Unreachable,
  MessageType.SnapStatus,
  MessageType.CheckQuorum,
]);

function entryFromWire(e: clusterctl.raft.IEntry): Entry {
  return { term: e.term ?? 0, index: e.index ?? 0, type: (e.type ?? 0) as EntryType, data: e.data ?? EMPTY };
}

/**
 * Refuses what a peer must never hand the core: types that only exist locally (Hup, Beat, ...),
 * out-of-range message types and unknown entry types.
 */
export function checkWireMessage(m: Message): void {
  if (m.type > MAX_TYPE || LOCAL_TYPES.has(m.type))
    throw new WireError(`message type ${m.type} may not travel between nodes`);
  for (const e of m.entries) if (e.type !== 0 && e.type !== 1) throw new WireError(`unknown entry type ${e.type}`);
}

/**
 * Builds the core Message from a decoded proto message. Refuses types that only exist locally
 * (Hup, Beat, ...) and out-of-range types. `snapshot` is attached by the snapshot receiver.
 */
export function messageFromWire(p: clusterctl.raft.IMessage): Message {
  const type = p.type ?? 0;
  const src = p.entries ?? [];
  const entries: Entry[] = new Array<Entry>(src.length);
  for (let i = 0; i < src.length; i++) entries[i] = entryFromWire(src[i]!);
  const m: Message = {
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
  checkWireMessage(m);
  return m;
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
