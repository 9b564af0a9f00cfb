// A deliberately light etcd client: grpc-js unary calls straight to etcdserverpb.KV/Put with the
// two messages hand-encoded by protobufjs's Writer/Reader (no generated code, no retries, no
// lease or watch machinery), so its CPU cost per put matches our own KV client's.

import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { ChannelPool } from './channel-pool.js';
import type { PutTarget } from './load.js';

const PUT_PATH = '/etcdserverpb.KV/Put';
const RANGE_PATH = '/etcdserverpb.KV/Range';

/** etcdserverpb.PutRequest { bytes key = 1; bytes value = 2; } */
export function encodePutRequest(key: Uint8Array, value: Uint8Array): Buffer {
  const bytes = protobuf.Writer.create()
    .uint32((1 << 3) | 2)
    .bytes(key)
    .uint32((2 << 3) | 2)
    .bytes(value)
    .finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** etcdserverpb.PutResponse { ResponseHeader header = 1; } -> header.revision (field 3, int64). */
export function decodePutResponseRevision(buf: Buffer): number {
  const r = protobuf.Reader.create(buf);
  let revision = 0;
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) {
      const end = r.uint32() + r.pos;
      while (r.pos < end) {
        const htag = r.uint32();
        if (htag >>> 3 === 3 && (htag & 7) === 0) revision = Number(r.int64());
        else r.skipType(htag & 7);
      }
    } else {
      r.skipType(tag & 7);
    }
  }
  return revision;
}

/** etcdserverpb.RangeRequest { bytes key = 1; } */
function encodeRangeRequest(key: Uint8Array): Buffer {
  const bytes = protobuf.Writer.create()
    .uint32((1 << 3) | 2)
    .bytes(key)
    .finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** RangeResponse { header = 1; repeated KeyValue kvs = 2; } KeyValue { key = 1; ...; value = 5 } -> first value. */
function decodeRangeFirstValue(buf: Buffer): Uint8Array | undefined {
  const r = protobuf.Reader.create(buf);
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 2 && (tag & 7) === 2) {
      const end = r.uint32() + r.pos;
      while (r.pos < end) {
        const kt = r.uint32();
        if (kt >>> 3 === 5 && (kt & 7) === 2) return r.bytes();
        r.skipType(kt & 7);
      }
    } else {
      r.skipType(tag & 7);
    }
  }
  return undefined;
}

const identity = (b: Buffer): Buffer => b;

export interface EtcdPutTargetConfig {
  channels: number;
  deadlineMs: number;
  /** Mutual TLS (PEM): the cluster CA and a client certificate. Plaintext when absent. */
  tls?: { caPem: string; certPem: string; keyPem: string };
}

export class EtcdPutTarget implements PutTarget {
  private readonly pool: ChannelPool<grpc.Client>;

  constructor(
    addr: string,
    private readonly cfg: EtcdPutTargetConfig,
  ) {
    const credentials =
      cfg.tls === undefined
        ? grpc.credentials.createInsecure()
        : grpc.credentials.createSsl(
            Buffer.from(cfg.tls.caPem),
            Buffer.from(cfg.tls.keyPem),
            Buffer.from(cfg.tls.certPem),
          );
    // The certificate also names localhost: use it as TLS server name rather than an IP (DEP0123).
    const options: grpc.ChannelOptions = cfg.tls === undefined ? {} : { 'grpc.ssl_target_name_override': 'localhost' };
    this.pool = new ChannelPool(
      addr,
      { channels: cfg.channels, credentials, options },
      (a, c, o) => new grpc.Client(a, c, o),
    );
  }

  put(key: string, value: Uint8Array): Promise<void> {
    const req = encodePutRequest(Buffer.from(key), value);
    return new Promise((resolve, reject) => {
      this.pool
        .pick()
        .makeUnaryRequest<Buffer, Buffer>(
          PUT_PATH,
          identity,
          identity,
          req,
          { deadline: Date.now() + this.cfg.deadlineMs },
          (err, res) => {
            if (err) return reject(err);
            if (res === undefined || decodePutResponseRevision(res) <= 0)
              return reject(new Error('etcd put: no revision in response'));
            resolve();
          },
        );
    });
  }

  /** Linearizable read of one key (used to check the client really wrote). */
  get(key: string): Promise<Uint8Array | undefined> {
    const req = encodeRangeRequest(Buffer.from(key));
    return new Promise((resolve, reject) => {
      this.pool
        .pick()
        .makeUnaryRequest<Buffer, Buffer>(
          RANGE_PATH,
          identity,
          identity,
          req,
          { deadline: Date.now() + this.cfg.deadlineMs },
          (err, res) => {
            if (err) return reject(err);
            resolve(res === undefined ? undefined : decodeRangeFirstValue(res));
          },
        );
    });
  }

  close(): void {
    this.pool.close();
  }
}
