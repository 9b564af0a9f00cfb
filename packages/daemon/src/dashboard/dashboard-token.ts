// Dashboard login tokens: short-lived, signed by a manager with its node key, verifiable by every
// manager of the cluster. A token is three base64url parts joined by dots: the claims (JSON), the
// signing manager's certificate (DER) and an ECDSA P-256/SHA-256 signature over "claims.cert". A
// verifier accepts it when the certificate chains to the cluster's trusted roots, names a manager
// of this cluster and is valid now, the signature matches that certificate's key, and the token has
// not expired, and was issued after the cluster's revocation cutoff (`clusterctl dashboard --revoke`
// refuses every token issued until then). Nothing else is stored.
import { createPrivateKey, randomBytes, sign, verify, X509Certificate } from 'node:crypto';
import { ClusterError, ErrorCode, HOUR_MS } from '@clusterctl/common';
import { pemCertificates, verifyNodeCertificate, type NodeTls } from '@clusterctl/ca';

/** Default lifetime of a login token (`clusterctl dashboard --ttl`). */
export const DASHBOARD_TOKEN_DEFAULT_TTL_MS = HOUR_MS;
/** Longest lifetime a login token may have. */
export const DASHBOARD_TOKEN_MAX_TTL_MS = 24 * HOUR_MS;

export interface DashboardClaims {
  /** Format version. */
  v: 1;
  /** The cluster it is valid for. */
  cluster: string;
  /** The manager that signed it. */
  issuer: string;
  /** A random id, named in the log beside every action done with the token. */
  id: string;
  /** Issued at / expires at, ms since the Unix epoch. */
  iat: number;
  exp: number;
  /** May scale services, drain or activate nodes and roll services back. */
  actions: boolean;
}

const b64 = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

function leafDer(certPem: string): Buffer {
  const leaf = pemCertificates(certPem)[0] ?? certPem;
  return new X509Certificate(leaf).raw;
}

/** A new login token signed with this manager's key. */
export function issueDashboardToken(
  tls: NodeTls,
  o: { clusterId: string; nodeId: string; ttlMs: number; actions: boolean; nowMs?: number },
): { token: string; claims: DashboardClaims } {
  if (!(o.ttlMs >= 1000 && o.ttlMs <= DASHBOARD_TOKEN_MAX_TTL_MS))
    throw new ClusterError(ErrorCode.InvalidArgument, `dashboard token lifetime ${o.ttlMs} ms is out of range`, {
      hint: 'give --ttl between 1s and 24h (e.g. --ttl 1h)',
    });
  const now = o.nowMs ?? Date.now();
  const claims: DashboardClaims = {
    v: 1,
    cluster: o.clusterId,
    issuer: o.nodeId,
    id: randomBytes(9).toString('base64url'),
    iat: now,
    exp: now + o.ttlMs,
    actions: o.actions,
  };
  const signed = `${b64(JSON.stringify(claims))}.${b64(leafDer(tls.certPem))}`;
  const sig = sign('sha256', Buffer.from(signed), createPrivateKey(tls.keyPem));
  return { token: `${signed}.${b64(sig)}`, claims };
}

/** Why a token was refused (the server answers every refusal alike; the reason goes to the log). */
export class DashboardTokenError extends Error {}

/**
 * The claims of a token this cluster issued and that is valid now; throws DashboardTokenError
 * otherwise. caPem: the roots the cluster trusts (the node's trust bundle).
 */
export function verifyDashboardToken(
  token: string,
  o: { clusterId: string; caPem: string; nowMs?: number; notBeforeMs?: number },
): DashboardClaims {
  const now = o.nowMs ?? Date.now();
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p)))
    throw new DashboardTokenError('malformed token');
  const [claimsB64, certB64, sigB64] = parts as [string, string, string];
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(certB64, 'base64url'));
  } catch {
    throw new DashboardTokenError('unreadable signer certificate');
  }
  try {
    verifyNodeCertificate(cert.toString(), {
      caPem: o.caPem,
      expect: { clusterId: o.clusterId, role: 'manager' },
      now: new Date(now),
    });
  } catch (e) {
    throw new DashboardTokenError(`signer certificate refused: ${e instanceof Error ? e.message : String(e)}`);
  }
  const ok = verify('sha256', Buffer.from(`${claimsB64}.${certB64}`), cert.publicKey, Buffer.from(sigB64, 'base64url'));
  if (!ok) throw new DashboardTokenError('bad signature');
  let claims: DashboardClaims;
  try {
    claims = JSON.parse(Buffer.from(claimsB64, 'base64url').toString('utf8')) as DashboardClaims;
  } catch {
    throw new DashboardTokenError('unreadable claims');
  }
  if (claims.v !== 1 || typeof claims.exp !== 'number' || typeof claims.iat !== 'number')
    throw new DashboardTokenError('unknown token format');
  if (claims.cluster !== o.clusterId) throw new DashboardTokenError(`token of cluster ${claims.cluster}`);
  if (now >= claims.exp) throw new DashboardTokenError(`expired at ${new Date(claims.exp).toISOString()}`);
  if (claims.iat > now + 60_000) throw new DashboardTokenError('issued in the future');
  if (o.notBeforeMs !== undefined && claims.iat <= o.notBeforeMs)
    throw new DashboardTokenError(`revoked (issued until ${new Date(o.notBeforeMs).toISOString()})`);
  return { ...claims, actions: claims.actions === true };
}
