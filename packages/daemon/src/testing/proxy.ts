// A ControlProxy served on a unix socket the way the daemon serves it, over plaintext gRPC to
// test managers (the proxy's own retry and error rules are what these tests look at, not TLS).
import * as grpc from '@grpc/grpc-js';
import { silentLogger } from '@clusterctl/common';
import { ControlProxy } from '../control-proxy.js';

export interface ServedProxy {
  proxy: ControlProxy;
  /** A client of the socket, as the CLI would open it. */
  client: grpc.Client;
  close(): void;
}

export async function serveProxy(
  sock: string,
  targets: () => string[],
  timeouts: { callTimeoutMs: number; attemptTimeoutMs: number },
): Promise<ServedProxy> {
  const proxy = new ControlProxy({
    clusterId: 'c',
    tls: () => ({ caPem: '', certPem: '', keyPem: '' }),
    credentials: () => grpc.credentials.createInsecure(),
    role: () => 'manager',
    targets,
    log: silentLogger(),
    ...timeouts,
  });
  const local = new grpc.Server();
  const { definition, handlers } = proxy.service();
  local.addService(definition, handlers);
  await new Promise<number>((resolve, reject) =>
    local.bindAsync(`unix:${sock}`, grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const client = new grpc.Client(`unix:${sock}`, grpc.credentials.createInsecure());
  return {
    proxy,
    client,
    close: () => {
      client.close();
      proxy.close();
      local.forceShutdown();
    },
  };
}
