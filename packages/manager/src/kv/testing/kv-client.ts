// A client of the manager's KV service (proto/kv.proto) for tests and benchmarks: the generated
// client, typed, and a promise-shaped wrapper over it.

import * as grpc from '@grpc/grpc-js';
import { KVService, type clusterctl } from '@clusterctl/proto';

const KVClient = grpc.makeGenericClientConstructor(KVService, 'clusterctl.kv.KV');

/** The generated client's methods, typed (makeGenericClientConstructor returns a loose type). */
export interface KvClient extends grpc.Client {
  put(
    req: clusterctl.kv.IPutRequest,
    meta: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.kv.PutResponse>,
  ): grpc.ClientUnaryCall;
  get(
    req: clusterctl.kv.IGetRequest,
    meta: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.kv.GetResponse>,
  ): grpc.ClientUnaryCall;
  status(
    req: clusterctl.kv.IStatusRequest,
    meta: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.kv.StatusResponse>,
  ): grpc.ClientUnaryCall;
}

export function makeKvClient(
  addr: string,
  credentials: grpc.ChannelCredentials,
  options: grpc.ChannelOptions = {},
): KvClient {
  return new KVClient(addr, credentials, options) as unknown as KvClient;
}

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

  constructor(
    readonly addr: string,
    private readonly cfg: KvApiConfig,
  ) {
    this.client = makeKvClient(addr, cfg.credentials, { ...cfg.options, 'grpc.use_local_subchannel_pool': 1 });
  }

  async put(key: string, value: Uint8Array, deadlineMs = this.cfg.deadlineMs): Promise<{ index: number }> {
    const res = await unary<clusterctl.kv.PutResponse>(
      (deadline, cb) => this.client.put({ key, value }, this.meta, { deadline }, cb),
      deadlineMs,
    );
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
    const res = await unary<clusterctl.kv.StatusResponse>(
      (deadline, cb) => this.client.status({}, this.meta, { deadline }, cb),
      deadlineMs,
    );
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
