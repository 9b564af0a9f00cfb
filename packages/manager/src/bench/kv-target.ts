// Our side of the benchmark: the generated clusterctl.kv.KV client (grpc-js generic client over
// the protobufjs-generated service definition), one unary Put per write, shared channels built
// exactly like the etcd client's.

import * as grpc from '@grpc/grpc-js';
import { KVService, type clusterctl } from '@clusterctl/proto';
import { ChannelPool } from './channel-pool.js';
import type { PutTarget } from './load.js';

export const KVClient = grpc.makeGenericClientConstructor(KVService, 'clusterctl.kv.KV');

/** The generated client's methods, typed (makeGenericClientConstructor returns a loose type). */
export interface KvClient extends grpc.Client {
  put(req: clusterctl.kv.IPutRequest, meta: grpc.Metadata, opts: grpc.CallOptions, cb: grpc.requestCallback<clusterctl.kv.PutResponse>): grpc.ClientUnaryCall;
  get(req: clusterctl.kv.IGetRequest, meta: grpc.Metadata, opts: grpc.CallOptions, cb: grpc.requestCallback<clusterctl.kv.GetResponse>): grpc.ClientUnaryCall;
  status(req: clusterctl.kv.IStatusRequest, meta: grpc.Metadata, opts: grpc.CallOptions, cb: grpc.requestCallback<clusterctl.kv.StatusResponse>): grpc.ClientUnaryCall;
}

export function makeKvClient(addr: string, credentials: grpc.ChannelCredentials, options: grpc.ChannelOptions = {}): KvClient {
  return new KVClient(addr, credentials, options) as unknown as KvClient;
}

export interface OurPutTargetConfig {
  channels: number;
  credentials: grpc.ChannelCredentials;
  options?: grpc.ChannelOptions;
  deadlineMs: number;
}

export class OurPutTarget implements PutTarget {
  private readonly pool: ChannelPool<KvClient>;
  private readonly meta = new grpc.Metadata();

  constructor(addr: string, private readonly cfg: OurPutTargetConfig) {
    const poolCfg = cfg.options === undefined ? { channels: cfg.channels, credentials: cfg.credentials } : { channels: cfg.channels, credentials: cfg.credentials, options: cfg.options };
    this.pool = new ChannelPool(addr, poolCfg, makeKvClient);
  }

  put(key: string, value: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pool.pick().put({ key, value }, this.meta, { deadline: Date.now() + this.cfg.deadlineMs }, (err, res) => {
        if (err) return reject(err);
        if (res === undefined || Number(res.index) <= 0) return reject(new Error('put: no index in response'));
        resolve();
      });
    });
  }

  close(): void {
    this.pool.close();
  }
}
