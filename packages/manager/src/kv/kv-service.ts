// The clusterctl.kv.KV gRPC service (proto/kv.proto) on a manager: Put goes through the cluster
// store's kv table (a raft proposal: the real replicated write path), Get reads the store locally
// (serializable) or after a ReadIndex barrier (linearizable), Status reports the raft node.
// Callers must present a certificate of this cluster (role manager) on the mutual-TLS listener.

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, toGrpcError, type Logger } from '@clusterctl/common';
import type { ClusterStore } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { authorizeCall, type AuthResult } from '@clusterctl/ca';

export interface KvServiceDeps {
  clusterId: string;
  store: ClusterStore;
  /** What Status reports (the raft node). */
  status(): {
    id: number;
    leader: number;
    term: number;
    commit: number;
    applied: number;
    role: string;
    voters: number[];
    learners: number[];
  };
  logger: Logger;
}

/**
 * Keys under this prefix hold the cluster's own secrets (the CA key, join token secrets: see
 * ca/cluster-secrets.ts). The KV API neither reads nor writes them.
 */
export const RESERVED_KEY_PREFIX = 'clusterctl/';

function checkKey(key: string): ClusterError | undefined {
  if (key === '')
    return new ClusterError(ErrorCode.InvalidArgument, 'key must not be empty', { hint: 'pass a non-empty key' });
  if (key.startsWith(RESERVED_KEY_PREFIX)) {
    return new ClusterError(
      ErrorCode.PermissionDenied,
      `keys under "${RESERVED_KEY_PREFIX}" are reserved for the cluster itself`,
      { hint: 'use another key prefix' },
    );
  }
  return undefined;
}

/**
 * Caches the authorization per TLS connection: reading the peer certificate (getPeerCertificate)
 * and parsing it on every call costs more than the rest of a Put. The connection (HTTP/2 session)
 * is reached through grpc-js internals; when that path is missing, every call is checked in full.
 */
class AuthCache {
  private readonly bySession = new WeakMap<object, AuthResult>();

  constructor(private readonly clusterId: string) {}

  private static sessionOf(call: unknown): object | undefined {
    // ServerUnaryCallImpl.call -> (ServerInterceptingCall.nextCall)* -> BaseServerInterceptingCall.stream.session
    let c = (call as { call?: unknown }).call as { nextCall?: unknown; stream?: { session?: unknown } } | undefined;
    for (let depth = 0; c !== undefined && depth < 8; depth++) {
      const session = c.stream?.session;
      if (typeof session === 'object' && session !== null) return session;
      c = c.nextCall as typeof c;
    }
    return undefined;
  }

  check(call: Parameters<typeof authorizeCall>[0]): AuthResult {
    const session = AuthCache.sessionOf(call);
    const hit = session === undefined ? undefined : this.bySession.get(session);
    if (hit !== undefined) return hit;
    const res = authorizeCall(call, { clusterId: this.clusterId, roles: ['manager'] });
    if (session !== undefined) this.bySession.set(session, res);
    return res;
  }
}

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, cb: grpc.sendUnaryData<Res>) => void;

export function kvServiceImplementation(deps: KvServiceDeps): {
  put: Unary<clusterctl.kv.PutRequest, clusterctl.kv.IPutResponse>;
  get: Unary<clusterctl.kv.GetRequest, clusterctl.kv.IGetResponse>;
  status: Unary<clusterctl.kv.StatusRequest, clusterctl.kv.IStatusResponse>;
} {
  const auth = new AuthCache(deps.clusterId);
  const log = deps.logger.child({ component: 'kv-service' });
  const { store } = deps;

  return {
    put: (call, cb) => {
      const a = auth.check(call);
      if (!a.ok) return cb(toGrpcError(a.error));
      const { key } = call.request;
      const bad = checkKey(key);
      if (bad !== undefined) return cb(toGrpcError(bad));
      const value = new Uint8Array(call.request.value);
      store
        .commit((tx) => tx.kvPut(key, value))
        .then(
          // The raft index our entry was applied at (the record's version), without reading it back.
          ({ version }) => cb(null, { index: version }),
          (err: unknown) => {
            log.debug({ key, err }, 'put failed');
            cb(toGrpcError(err));
          },
        );
    },
    get: (call, cb) => {
      const a = auth.check(call);
      if (!a.ok) return cb(toGrpcError(a.error));
      const { key, serializable } = call.request;
      const bad = checkKey(key);
      if (bad !== undefined) return cb(toGrpcError(bad));
      const read = (): clusterctl.kv.IGetResponse => {
        const row = store.view((tx) => tx.get('kv', key));
        return row === undefined ? { found: false } : { found: true, value: row.value, version: row.meta.version };
      };
      if (serializable) return cb(null, read());
      store
        .linearizableView(() => undefined)
        .then(
          () => cb(null, read()),
          (err: unknown) => cb(toGrpcError(err)),
        );
    },
    status: (call, cb) => {
      const a = auth.check(call);
      if (!a.ok) return cb(toGrpcError(a.error));
      try {
        cb(null, deps.status());
      } catch (err) {
        cb(toGrpcError(err));
      }
    },
  };
}
