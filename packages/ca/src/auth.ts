// Authorizing gRPC callers by their mutual-TLS certificate. Shared by every service on the manager
// listener: the TLS layer has already verified the chain against the cluster CA; here we read the
// identity the certificate carries and check cluster and role. A refusal is a ClusterError
// (UNAUTHENTICATED: no usable certificate; PERMISSION_DENIED: another cluster or role) with a hint;
// a service hands it to its callback through toGrpcError.

import { createHash } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, isClusterError } from '@clusterctl/common';
import { parseNodeIdentity, type NodeIdentity, type NodeRole } from './pki.js';

/** What grpc-js server calls offer (getAuthContext, since 1.10): the verified peer certificate. */
export interface AuthContextCarrier {
  getAuthContext(): { sslPeerCertificate?: { raw?: Buffer } } | null;
}

export type AuthResult = { ok: true; identity: NodeIdentity } | { ok: false; error: ClusterError };

const REJOIN_HINT = 'connect with the node certificate this cluster issued (clusterctl join)';

function unauthenticated(message: string): AuthResult {
  return { ok: false, error: new ClusterError(ErrorCode.Unauthenticated, message, { hint: REJOIN_HINT }) };
}

function denied(message: string, hint: string): AuthResult {
  return { ok: false, error: new ClusterError(ErrorCode.PermissionDenied, message, { hint }) };
}

/**
 * Identities read from peer certificates, by the certificate's SHA-256: every agent heartbeat is a
 * call whose certificate would otherwise be parsed again (ASN.1 in JavaScript: over half of a
 * leader's CPU with a few hundred nodes). The identity is a function of the certificate's bytes
 * alone, so an entry never goes stale; the oldest entries go when the cache is full.
 */
const identities = new Map<string, NodeIdentity>();

/** Certificates whose identity is kept (a cluster's nodes, with room for renewals). */
export const PEER_IDENTITY_CACHE_SIZE = 20_000;

/** parseNodeIdentity of a peer certificate (DER), read once per certificate. */
export function peerIdentity(raw: Uint8Array): NodeIdentity {
  const key = createHash('sha256').update(raw).digest('base64');
  const hit = identities.get(key);
  if (hit !== undefined) return hit;
  const identity = parseNodeIdentity(raw); // throws for a certificate without an identity: not kept
  if (identities.size >= PEER_IDENTITY_CACHE_SIZE) identities.delete(identities.keys().next().value as string);
  identities.set(key, identity);
  return identity;
}

/** Identities kept now (tests). */
export function peerIdentityCacheSize(): number {
  return identities.size;
}

/** The identity of the caller of `call`, if it is a node of `clusterId` with one of `roles`. */
export function authorizeCall(
  call: AuthContextCarrier,
  expect: { clusterId: string; roles: readonly NodeRole[] },
): AuthResult {
  const raw = call.getAuthContext?.()?.sslPeerCertificate?.raw;
  // No certificate, or one the TLS layer did not verify (expired, foreign CA): grpc-js reports none.
  if (!raw)
    return unauthenticated(
      'no valid client certificate: none was presented, or it has expired or was not issued by this cluster CA',
    );
  let identity: NodeIdentity;
  try {
    identity = peerIdentity(raw);
  } catch (e) {
    return unauthenticated(isClusterError(e) ? e.message : 'unreadable client certificate');
  }
  if (identity.clusterId !== expect.clusterId) {
    return denied(
      `certificate belongs to cluster ${identity.clusterId}, not ${expect.clusterId}`,
      'use a certificate of this cluster',
    );
  }
  if (!expect.roles.includes(identity.role)) {
    const hint =
      expect.roles.length === 1 && expect.roles[0] === 'manager'
        ? 'this call is for managers only: run the command on a manager node'
        : `this call needs a ${expect.roles.join(' or ')} certificate`;
    return denied(
      `node ${identity.nodeId} has role ${identity.role}; this call needs ${expect.roles.join(' or ')}`,
      hint,
    );
  }
  return { ok: true, identity };
}

/** Server credentials for a manager listener with a fixed copy of `tls`: mutual TLS, client certificates required. */
export function serverCredentials(tls: { caPem: string; certPem: string; keyPem: string }): grpc.ServerCredentials {
  return grpc.ServerCredentials.createSsl(
    Buffer.from(tls.caPem),
    [{ cert_chain: Buffer.from(tls.certPem), private_key: Buffer.from(tls.keyPem) }],
    true,
  );
}
