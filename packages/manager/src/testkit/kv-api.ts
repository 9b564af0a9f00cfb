// Promise-shaped wrapper over the generated KV client, for tests and the benchmark's checks.

import * as grpc from '@grpc/grpc-js';
import type { clusterctl } from '@clusterctl/proto';
import { makeKvClient, type KvClient } from '../bench/kv-target.js';

export interface KvStatus {
  id: number;
  leader: number;
  term: number;
  commit: number;
  applied: number;
  role: string;
  voters: number[];
}

export interface KvGetResult {
  found: boolean;
  value: Uint8Array;
  version: number;
}

export interface KvApiConfig {
  credentials: grpc.ChannelCredentials;
  options?: grpc.ChannelOptions;
  /** Default per-call deadline. */
  deadlineMs: number;
}

function unary<Res>(call: (deadline: Date, cb: grpc.requestCallback<Res>) => void, deadlineMs: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    call(new Date(Date.now() + deadlineMs), (err, res) => {
      if (err) return reject(err);
      if (res === undefined) return reject(new Error('empty response'));
      resolve(res);
    });
  });
}

export class KvApi {
  private readonly client: KvClient;
  private readonly meta = new grpc.Metadata();

  constructor(readonly addr: string, private readonly cfg: KvApiConfig) {
    this.client = makeKvClient(addr, cfg.credentials, { ...cfg.options, 'grpc.use_local_subchannel_pool': 1 });
  }

  async put(key: string, value: Uint8Array, deadlineMs = this.cfg.deadlineMs): Promise<{ index: number }> {
    const res = await unary<clusterctl.kv.PutResponse>((deadline, cb) => this.client.put({ key, value }, this.meta, { deadline }, cb), deadlineMs);
    return { index: Number(res.index) };
  }

  async get(key: string, opts: { serializable?: boolean; deadlineMs?: number } = {}): Promise<KvGetResult> {
    const res = await unary<clusterctl.kv.GetResponse>(
      (deadline, cb) => this.client.get({ key, serializable: opts.serializable ?? false }, this.meta, { deadline }, cb),
      opts.deadlineMs ?? this.cfg.deadlineMs,
    );
    return { found: res.found, value: res.value, version: Number(res.version) };
  }

  async status(deadlineMs = this.cfg.deadlineMs): Promise<KvStatus> {
    const res = await unary<clusterctl.kv.StatusResponse>((deadline, cb) => this.client.status({}, this.meta, { deadline }, cb), deadlineMs);
    return {
      id: Number(res.id),
      leader: Number(res.leader),
      term: Number(res.term),
      commit: Number(res.commit),
      applied: Number(res.applied),
      role: res.role,
      voters: res.voters.map(Number),
    };
  }

  close(): void {
    this.client.close();
  }
}
