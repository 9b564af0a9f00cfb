// Authorizing gRPC callers by their mutual-TLS certificate. Shared by every service on the manager
// listener: the TLS layer has already verified the chain against the cluster CA; here we read the
// identity the certificate carries and check cluster and role.

import * as grpc from '@grpc/grpc-js';
import { isClusterError } from '@clusterctl/common';
import { parseNodeIdentity, type NodeIdentity, type NodeRole } from './pki.js';

/** What grpc-js server calls offer (getAuthContext, since 1.10): the verified peer certificate. */
export interface AuthContextCarrier {
  getAuthContext(): { sslPeerCertificate?: { raw?: Buffer } } | null;
}

export type AuthResult = { ok: true; identity: NodeIdentity } | { ok: false; error: grpc.ServiceError };

function denied(code: grpc.status, details: string): AuthResult {
  const error = Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
  return { ok: false, error };
}

/** The identity of the caller of `call`, if it is a node of `clusterId` with one of `roles`. */
export function authorizeCall(call: AuthContextCarrier, expect: { clusterId: string; roles: readonly NodeRole[] }): AuthResult {
  const raw = call.getAuthContext?.()?.sslPeerCertificate?.raw;
  // No certificate, or one the TLS layer did not verify (expired, foreign CA): grpc-js reports none.
  if (!raw) return denied(grpc.status.UNAUTHENTICATED, 'no valid client certificate: none was presented, or it has expired or was not issued by this cluster CA');
  let identity: NodeIdentity;
  try {
    identity = parseNodeIdentity(raw);
  } catch (e) {
    return denied(grpc.status.UNAUTHENTICATED, isClusterError(e) ? e.message : 'unreadable client certificate');
  }
  if (identity.clusterId !== expect.clusterId) {
    return denied(grpc.status.PERMISSION_DENIED, `certificate belongs to cluster ${identity.clusterId}, not ${expect.clusterId}`);
  }
  if (!expect.roles.includes(identity.role)) {
    return denied(grpc.status.PERMISSION_DENIED, `node ${identity.nodeId} has role ${identity.role}; this call needs ${expect.roles.join(' or ')}`);
  }
  return { ok: true, identity };
}

/** Server credentials for a manager listener: mutual TLS, client certificates required. */
export function serverCredentials(tls: { caPem: string; certPem: string; keyPem: string }): grpc.ServerCredentials {
  return grpc.ServerCredentials.createSsl(Buffer.from(tls.caPem), [{ cert_chain: Buffer.from(tls.certPem), private_key: Buffer.from(tls.keyPem) }], true);
}
