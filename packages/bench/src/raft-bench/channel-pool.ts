// A fixed set of gRPC channels shared round-robin by the load workers, built the same way for
// every system under test so neither gets a cheaper client.

import * as grpc from '@grpc/grpc-js';

export interface ChannelPoolConfig {
  /** How many channels (HTTP/2 connections) to open. */
  channels: number;
  credentials: grpc.ChannelCredentials;
  /** Extra channel options (e.g. TLS server name override). */
  options?: grpc.ChannelOptions;
}

/** Channels needed so that at most `clientsPerChannel` workers share one. */
export function channelsFor(concurrency: number, clientsPerChannel: number): number {
  return Math.max(1, Math.ceil(concurrency / Math.max(1, clientsPerChannel)));
}

export class ChannelPool<C extends grpc.Client> {
  readonly clients: C[] = [];
  private next = 0;

  constructor(
    addr: string,
    cfg: ChannelPoolConfig,
    make: (addr: string, creds: grpc.ChannelCredentials, opts: grpc.ChannelOptions) => C,
  ) {
    for (let i = 0; i < cfg.channels; i++) {
      // A local subchannel pool gives each client its own connection instead of grpc-js's
      // process-wide sharing of identical targets.
      this.clients.push(make(addr, cfg.credentials, { ...cfg.options, 'grpc.use_local_subchannel_pool': 1 }));
    }
  }

  pick(): C {
    const c = this.clients[this.next] as C;
    this.next = (this.next + 1) % this.clients.length;
    return c;
  }

  close(): void {
    for (const c of this.clients) c.close();
  }
}
