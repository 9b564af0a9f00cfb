// Test clients: promisified Control / NodeCA / KV clients over real mutual TLS.

import * as grpc from '@grpc/grpc-js';
import { ClusterError, fromGrpcError } from '@clusterctl/common';
import { ControlService, KVService, NodeCAService } from '@clusterctl/proto';
import { managerChannelCredentials, NODE_CHANNEL_OPTIONS } from '@clusterctl/ca';

type AnyFn = (
  req: unknown,
  md: grpc.Metadata,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, r?: unknown) => void,
) => void;

/** Every unary method the test clients may call, by name (the services' own method tables). */
type KnownMethods = typeof ControlService & typeof NodeCAService & typeof KVService;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: each test asserts the response shape it expects
type UnaryCall = (req?: unknown, timeoutMs?: number) => Promise<any>;

/** A promisified client: one function per method of the services (a misspelt method does not compile). */
export type PromiseClient = { [M in keyof KnownMethods]: UnaryCall } & { close(): void; raw: grpc.Client };

function promisify(
  def: grpc.ServiceDefinition,
  name: string,
  addr: string,
  creds: grpc.ChannelCredentials,
): PromiseClient {
  const Ctor = grpc.makeGenericClientConstructor(def, name);
  const c = new Ctor(addr, creds, NODE_CHANNEL_OPTIONS) as unknown as grpc.Client & Record<string, AnyFn>;
  const out: Record<string, unknown> = { close: () => c.close(), raw: c };
  for (const m of Object.keys(def)) {
    if (def[m]!.responseStream) continue;
    out[m] = (req: unknown = {}, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        c[m]!.call(c, req, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (e, r) =>
          e ? reject(fromGrpcError(e)) : resolve(r),
        );
      });
  }
  return out as unknown as PromiseClient;
}

export function controlClient(
  addr: string,
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
): PromiseClient {
  return promisify(
    ControlService as unknown as grpc.ServiceDefinition,
    'Control',
    addr,
    managerChannelCredentials(tls, clusterId),
  );
}

/** A Control client with TLS that trusts the CA but presents no client certificate. */
export function controlClientWithoutCert(addr: string, caPem: string): PromiseClient {
  return promisify(
    ControlService as unknown as grpc.ServiceDefinition,
    'Control',
    addr,
    grpc.credentials.createSsl(Buffer.from(caPem), null, null, { checkServerIdentity: () => undefined }),
  );
}

export function nodeCaClient(
  addr: string,
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
): PromiseClient {
  return promisify(
    NodeCAService as unknown as grpc.ServiceDefinition,
    'NodeCA',
    addr,
    managerChannelCredentials(tls, clusterId),
  );
}

/** Rejects with the ClusterError a call failed with (fails the test if it succeeded). */
export async function failure(p: Promise<unknown>): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ClusterError) return e;
    throw e;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** A NodeCA client with TLS that trusts the CA but presents no client certificate (a joining node). */
export function nodeCaClientWithoutCert(addr: string, caPem: string): PromiseClient {
  return promisify(
    NodeCAService as unknown as grpc.ServiceDefinition,
    'NodeCA',
    addr,
    grpc.credentials.createSsl(Buffer.from(caPem), null, null, { checkServerIdentity: () => undefined }),
  );
}

/** The raft status of a manager through its KV service (voters, learners, leader). */
export function kvClient(
  addr: string,
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
): PromiseClient {
  return promisify(
    KVService as unknown as grpc.ServiceDefinition,
    'KV',
    addr,
    managerChannelCredentials(tls, clusterId),
  );
}
