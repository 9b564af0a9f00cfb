// Small helpers shared by the manager's gRPC services: every handler runs behind a guard that
// checks who may call it (a table of method -> access, failing closed for a method not in it), and
// its failure is mapped with toGrpcError.

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, isClusterError, toGrpcError, type Logger } from '@clusterctl/common';
import { authorizeCall, type AuthContextCarrier, type NodeIdentity, type NodeRole } from '@clusterctl/ca';

/**
 * Who may call a method: nodes of this cluster whose certificate has one of `roles`, or anyone (a
 * call that authenticates itself otherwise, e.g. with a join token).
 */
export type Access = { roles: readonly NodeRole[] } | 'anyone';

/** The caller as the guard let it in: its certificate identity, undefined for methods anyone may call. */
export type Caller = NodeIdentity | undefined;

/** Refuses a call (throws a ClusterError) unless its caller may call `method`. */
export type Guard = (call: AuthContextCarrier, method: string) => Caller;

/** Told every call's outcome (metrics): its method, OK or the error code, and its duration. */
export type CallObserver = (method: string, code: string, seconds: number) => void;

/** What every handler of a service shares: its logger and its guard. */
export interface Rpc {
  log: Logger;
  guard: Guard;
  observe?: CallObserver;
}

/**
 * A guard from a table of method -> access. A method missing from the table is refused, whoever
 * calls. `admit` runs after the certificate check and may refuse too (e.g. by the node record).
 */
export function accessGuard(
  clusterId: string,
  table: Readonly<Record<string, Access>>,
  admit?: (who: NodeIdentity) => void,
): Guard {
  return (call, method) => {
    const access = Object.hasOwn(table, method) ? table[method] : undefined;
    if (access === undefined) {
      throw new ClusterError(ErrorCode.PermissionDenied, `${method} declares no access rule, so nobody may call it`, {
        hint: 'this is a bug in the manager: every method must say who may call it',
      });
    }
    if (access === 'anyone') return undefined;
    const who = requireCaller(call, clusterId, access.roles);
    admit?.(who);
    return who;
  };
}

/** A unary handler from an async function run behind the guard; ClusterErrors travel with code + hint, others as INTERNAL. */
export function unary<Req, Res>(
  rpc: Rpc,
  method: string,
  fn: (call: grpc.ServerUnaryCall<Req, Res>, caller: Caller) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, cb) => {
    run(rpc, method, call, fn).then(
      (res) => cb(null, res),
      (err: unknown) => cb(toGrpcError(err)),
    );
  };
}

/** A server-streaming handler: `fn` writes the stream, which ends when it resolves and fails when it rejects. */
export function serverStream<Req, Res>(
  rpc: Rpc,
  method: string,
  fn: (call: grpc.ServerWritableStream<Req, Res>, caller: Caller) => Promise<void>,
): grpc.handleServerStreamingCall<Req, Res> {
  return (call) => {
    run(rpc, method, call, fn).then(
      () => call.end(),
      (err: unknown) => call.emit('error', toGrpcError(err)),
    );
  };
}

function run<C extends AuthContextCarrier, T>(
  rpc: Rpc,
  method: string,
  call: C,
  fn: (call: C, caller: Caller) => Promise<T>,
): Promise<T> {
  let p: Promise<T>;
  const t0 = rpc.observe === undefined ? 0 : performance.now();
  try {
    p = fn(call, rpc.guard(call, method));
  } catch (e) {
    p = Promise.reject(e);
  }
  if (rpc.observe !== undefined) {
    const observe = rpc.observe;
    const seconds = (): number => (performance.now() - t0) / 1000;
    p.then(
      () => observe(method, 'OK', seconds()),
      (err: unknown) => observe(method, isClusterError(err) ? err.code : ErrorCode.Internal, seconds()),
    );
  }
  return p.catch((err: unknown) => {
    if (isClusterError(err)) rpc.log.debug({ method, code: err.code, msg: err.message }, 'call failed');
    else rpc.log.error({ method, err }, 'call failed unexpectedly');
    throw err;
  });
}

/** The caller's identity if its certificate is of this cluster with one of `roles`; else throws its ClusterError. */
export function requireCaller(call: AuthContextCarrier, clusterId: string, roles: readonly NodeRole[]): NodeIdentity {
  const r = authorizeCall(call, { clusterId, roles });
  if (r.ok) return r.identity;
  throw r.error;
}
