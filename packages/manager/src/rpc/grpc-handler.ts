// Small helpers shared by the manager's gRPC services: run an async handler and map its failure
// with toGrpcError; authorize the caller by its certificate as a ClusterError.

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, isClusterError, toGrpcError, type Logger } from '@clusterctl/common';
import { authorizeCall, type AuthContextCarrier, type NodeIdentity, type NodeRole } from '@clusterctl/ca';

/** A unary handler from an async function; ClusterErrors travel with code + hint, others as INTERNAL. */
export function unary<Req, Res>(log: Logger, method: string, fn: (call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, cb) => {
    let p: Promise<Res>;
    try {
      p = fn(call);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      (res) => cb(null, res),
      (err: unknown) => {
        if (isClusterError(err)) log.debug({ method, code: err.code, msg: err.message }, 'call failed');
        else log.error({ method, err }, 'call failed unexpectedly');
        cb(toGrpcError(err));
      },
    );
  };
}

/** The caller's identity if its certificate is of this cluster with one of `roles`; else throws. */
export function requireCaller(call: AuthContextCarrier, clusterId: string, roles: readonly NodeRole[]): NodeIdentity {
  const r = authorizeCall(call, { clusterId, roles });
  if (r.ok) return r.identity;
  if (r.error.code === grpc.status.PERMISSION_DENIED) {
    throw new ClusterError(ErrorCode.PermissionDenied, r.error.details, {
      hint: roles.includes('worker') ? 'use a certificate of this cluster' : 'this call is for managers only: run the command on a manager node',
    });
  }
  throw new ClusterError(ErrorCode.Unauthenticated, r.error.details, { hint: 'connect with the node certificate this cluster issued (clusterctl join)' });
}
