// Our side of the benchmark: the generated clusterctl.kv.KV client (grpc-js generic client over
// the protobufjs-generated service definition, from @clusterctl/manager/testing), one unary Put per
// write, shared channels built exactly like the etcd client's.

import * as grpc from '@grpc/grpc-js';
import { makeKvClient, type KvClient } from '@clusterctl/manager/testing';
import { ChannelPool } from './channel-pool.js';
import type { PutTarget } from './load.js';

export interface OurPutTargetConfig {
  channels: number;
  credentials: grpc.ChannelCredentials;
  options?: grpc.ChannelOptions;
  deadlineMs: number;
}

export class OurPutTarget implements PutTarget {
  private readonly pool: ChannelPool<KvClient>;
  private readonly meta = new grpc.Metadata();

  constructor(
    addr: string,
    private readonly cfg: OurPutTargetConfig,
  ) {
    const poolCfg =
      cfg.options === undefined
        ? { channels: cfg.channels, credentials: cfg.credentials }
        : { channels: cfg.channels, credentials: cfg.credentials, options: cfg.options };
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
