// The cluster PKI: one root CA per cluster, node certificates that carry who a node is (node id,
// role, cluster), and join tokens that pin the CA. Every listener in the cluster is mutual TLS with
// these certificates; servers authorize callers by the identity read from the peer certificate.
// ECDSA P-256 throughout, generated and signed with Node's WebCrypto through @peculiar/x509.

import 'reflect-metadata'; // @peculiar/x509 (tsyringe) needs the Reflect metadata polyfill
import * as x509 from '@peculiar/x509';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  timingSafeEqual,
  webcrypto,
  X509Certificate as NodeX509Certificate,
} from 'node:crypto';
import { ClusterError, ErrorCode } from '@clusterctl/common';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

export type NodeRole = 'manager' | 'worker';
export const NODE_ROLES: readonly NodeRole[] = ['manager', 'worker'];

export interface ClusterCa {
  certPem: string;
  keyPem: string;
  /** sha256 of the CA certificate's DER, lowercase hex. Pinned by join tokens. */
  digest: string;
}

export interface NodeCertificate {
  certPem: string;
  keyPem: string;
}

export interface NodeIdentity {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
}

export const DEFAULT_CA_VALIDITY_DAYS = 3650;
export const DEFAULT_NODE_CERT_VALIDITY_DAYS = 90;
/** notBefore is backdated this much so a peer whose clock is slightly behind accepts a fresh cert. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const KEY_ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ALG = { name: 'ECDSA', hash: 'SHA-256' } as const;
const URI_SCHEME = 'clusterctl:';
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function checkId(what: string, v: string): void {
  if (typeof v !== 'string' || !ID_RE.test(v)) {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid ${what} ${JSON.stringify(v)}`, {
      hint: `a ${what} is 1-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit`,
    });
  }
}

function checkRole(role: string): asserts role is NodeRole {
  if (role !== 'manager' && role !== 'worker') {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid node role ${JSON.stringify(role)}`, {
      hint: "the role is 'manager' or 'worker'",
    });
  }
}

function checkDays(days: number): void {
  if (!Number.isFinite(days) || days <= 0) {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid validity ${days} days`, {
      hint: 'validityDays must be a positive number',
    });
  }
}

function serialNumber(): string {
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f; // positive INTEGER
  if (b[0] === 0) b[0] = 1; // no leading zero byte
  return b.toString('hex');
}

function toPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key));
}

async function importPrivateKey(pem: string, what: string): Promise<CryptoKey> {
  let der: Buffer;
  try {
    // Accepts PKCS#8 and SEC1 ("EC PRIVATE KEY") PEM alike; normalize to PKCS#8 for WebCrypto.
    der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, `${what} is not a readable PEM private key`, {
      hint: 'pass the PEM text of an ECDSA P-256 private key',
      cause: e,
    });
  }
  try {
    return await webcrypto.subtle.importKey('pkcs8', der, KEY_ALG, false, ['sign']);
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, `${what} is not an ECDSA P-256 key`, {
      hint: 'cluster keys are ECDSA P-256',
      cause: e,
    });
  }
}

async function importPublicKey(pem: string): Promise<CryptoKey> {
  let der: Buffer;
  try {
    der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'publicKeyPem is not a readable PEM public key', {
      hint: 'pass the PEM (SPKI) text of an ECDSA P-256 public key',
      cause: e,
    });
  }
  try {
    return await webcrypto.subtle.importKey('spki', der, KEY_ALG, true, ['verify']);
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'publicKeyPem is not an ECDSA P-256 key', {
      hint: 'node keys are ECDSA P-256',
      cause: e,
    });
  }
}

function parseCert(input: string | Uint8Array, what: string): x509.X509Certificate {
  try {
    // A PEM chain (node certificate + cross-signed root) is read by its first certificate.
    if (typeof input === 'string') return new x509.X509Certificate(pemCertificates(input)[0] ?? input);
    return new x509.X509Certificate(
      input instanceof Buffer ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : input,
    );
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, `${what} is not a readable X.509 certificate`, {
      hint: 'pass PEM text or DER bytes of a certificate',
      cause: e,
    });
  }
}

/** sha256 of a certificate's DER encoding, lowercase hex. */
export function certificateDigest(certPemOrDer: string | Uint8Array): string {
  const cert = parseCert(certPemOrDer, 'certificate');
  return createHash('sha256').update(new Uint8Array(cert.rawData)).digest('hex');
}

const ROOT_NAME = 'clusterctl root CA';

/**
 * Creates the root CA of a cluster (self-signed, ECDSA P-256, may sign node certificates). Its path
 * length allows one intermediate below it: the cross-signed certificate of a successor root during a
 * root rotation. A rotated root gets a `generation` (2, 3, ...) in its name, so that its subject
 * differs from the root it replaces (a cross-signed certificate must not look self-issued).
 */
export async function createClusterCa(opts: {
  clusterId: string;
  validityDays?: number;
  generation?: number;
}): Promise<ClusterCa> {
  checkId('cluster id', opts.clusterId);
  const days = opts.validityDays ?? DEFAULT_CA_VALIDITY_DAYS;
  checkDays(days);
  const generation = opts.generation ?? 1;
  if (!Number.isSafeInteger(generation) || generation < 1) {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid root CA generation ${generation}`, {
      hint: 'the generation counts roots from 1',
    });
  }
  const keys = (await webcrypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${generation === 1 ? ROOT_NAME : `${ROOT_NAME} ${generation}`}, O=${opts.clusterId}`,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + days * DAY_MS),
    signingAlgorithm: SIGN_ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const digest = createHash('sha256').update(new Uint8Array(cert.rawData)).digest('hex');
  return { certPem: cert.toString('pem') + '\n', keyPem: await exportPrivateKeyPem(keys.privateKey), digest };
}

/** The generation of a root CA certificate (1 for a cluster's first root), read from its name. */
export function rootCaGeneration(caCertPem: string): number {
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(parseCert(caCertPem, 'CA certificate').subject)?.[1] ?? '';
  const m = new RegExp(`^${ROOT_NAME} (\\d+)$`).exec(cn);
  return m ? Number(m[1]) : 1;
}

/**
 * Root rotation: certifies the new root's key with the old root (same subject and key as the new
 * root, issued and signed by the old one, no longer valid than either). Sent after a node
 * certificate issued by the new root, it lets a peer that still trusts only the old root verify
 * that certificate (node -> cross-signed new root -> old root); a peer that trusts the new root
 * stops at the new root itself.
 */
export async function crossSignCa(newCaCertPem: string, oldCa: { certPem: string; keyPem: string }): Promise<string> {
  const newCert = parseCert(newCaCertPem, 'new CA certificate');
  const oldCert = parseCert(oldCa.certPem, 'old CA certificate');
  if (newCert.subject === oldCert.subject) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'the new root CA has the same name as the old one', {
      hint: 'create the new root with the next generation (createClusterCa generation)',
    });
  }
  checkKeyMatches(oldCert, oldCa.keyPem, 'old CA');
  const bc = newCert.getExtension(x509.BasicConstraintsExtension);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: newCert.subject,
    issuer: oldCert.subject,
    notBefore: new Date(Math.max(newCert.notBefore.getTime(), oldCert.notBefore.getTime())),
    notAfter: new Date(Math.min(newCert.notAfter.getTime(), oldCert.notAfter.getTime())),
    signingAlgorithm: SIGN_ALG,
    publicKey: newCert.publicKey,
    signingKey: await importPrivateKey(oldCa.keyPem, 'old CA key'),
    extensions: [
      new x509.BasicConstraintsExtension(true, bc?.pathLength === undefined ? 0 : Math.max(0, bc.pathLength - 1), true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(await newCert.publicKey.export()),
      await x509.AuthorityKeyIdentifierExtension.create(oldCert, false),
    ],
  });
  return cert.toString('pem') + '\n';
}

/** The certificates of a PEM text (a chain or a trust bundle), each as its own PEM block, in order. */
export function pemCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)?.map((b) => b + '\n') ?? [];
}

/** A trust bundle: the roots' PEM blocks, each once, in the order given. */
export function trustBundle(...roots: (string | undefined)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of roots) {
    for (const b of pemCertificates(r ?? '')) {
      const d = certificateDigest(b);
      if (!seen.has(d)) {
        seen.add(d);
        out.push(b);
      }
    }
  }
  return out.join('');
}

/** sha256 hex of a trust bundle's certificates (their DER, in order): what the cluster tells nodes to trust. */
export function trustBundleDigest(bundlePem: string): string {
  const h = createHash('sha256');
  for (const b of pemCertificates(bundlePem)) h.update(certificateDigest(b));
  return h.digest('hex');
}

/** Whether the first certificate of `certPem` was signed by the key of the CA certificate `caCertPem`. */
export function certificateSignedBy(certPem: string, caCertPem: string): boolean {
  try {
    const cert = new NodeX509Certificate(pemCertificates(certPem)[0] ?? certPem);
    const ca = new NodeX509Certificate(caCertPem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}

function checkKeyMatches(caCert: x509.X509Certificate, keyPem: string, what: string): void {
  const caSpki = Buffer.from(caCert.publicKey.rawData);
  let keySpki: Buffer;
  try {
    keySpki = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, `${what} key is not a readable PEM private key`, {
      hint: 'pass the PEM text of an ECDSA P-256 private key',
      cause: e,
    });
  }
  if (!caSpki.equals(keySpki)) {
    throw new ClusterError(ErrorCode.InvalidArgument, `the ${what} key does not belong to the ${what} certificate`, {
      hint: 'pass the key that was created together with this CA certificate',
    });
  }
}

/** The URI SAN a node certificate carries: clusterctl://<clusterId>/<role>/<nodeId>. */
export function nodeIdentityUri(id: NodeIdentity): string {
  return `clusterctl://${id.clusterId}/${id.role}/${id.nodeId}`;
}

/**
 * Issues a node certificate signed by the cluster CA. CN = node id, OU = role, O = cluster id, plus
 * the identity URI SAN; usable for both TLS client and server auth. Without publicKeyPem a fresh key
 * pair is generated and its private key returned; with it (the node keeps its key, as with a CSR)
 * keyPem is ''. With ca.chainPem (a root rotation's cross-signed certificate), certPem is the node
 * certificate followed by that chain.
 */
export async function issueNodeCertificate(
  ca: { certPem: string; keyPem: string; chainPem?: string },
  opts: {
    nodeId: string;
    role: NodeRole;
    clusterId: string;
    validityDays?: number;
    /** Wins over validityDays (short-lived certificates). */ validityMs?: number;
    publicKeyPem?: string;
  },
): Promise<NodeCertificate> {
  checkId('node id', opts.nodeId);
  checkId('cluster id', opts.clusterId);
  checkRole(opts.role);
  const days =
    opts.validityMs !== undefined ? opts.validityMs / DAY_MS : (opts.validityDays ?? DEFAULT_NODE_CERT_VALIDITY_DAYS);
  checkDays(days);
  const caCert = parseCert(ca.certPem, 'CA certificate');
  const caKey = await importPrivateKey(ca.keyPem, 'CA key');
  // A mismatched CA key would produce certificates nobody can verify: refuse early.
  const caSpki = Buffer.from(caCert.publicKey.rawData);
  const keySpki = createPublicKey(createPrivateKey(ca.keyPem)).export({ type: 'spki', format: 'der' });
  if (!caSpki.equals(keySpki)) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'the CA key does not belong to the CA certificate', {
      hint: 'pass the key that was created together with this CA certificate',
    });
  }
  const caOrg = /(?:^|,\s*)O=([^,]+)/.exec(caCert.subject)?.[1];
  if (caOrg !== undefined && caOrg !== opts.clusterId) {
    throw new ClusterError(ErrorCode.InvalidArgument, `the CA belongs to cluster ${caOrg}, not ${opts.clusterId}`, {
      hint: 'issue node certificates with the CA of the same cluster',
    });
  }

  let publicKey: CryptoKey;
  let keyPem = '';
  if (opts.publicKeyPem !== undefined) {
    publicKey = await importPublicKey(opts.publicKeyPem);
  } else {
    const keys = (await webcrypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
    publicKey = keys.publicKey;
    keyPem = await exportPrivateKeyPem(keys.privateKey);
  }
  const now = Date.now();
  const notAfter = new Date(Math.min(now + days * DAY_MS, caCert.notAfter.getTime()));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${opts.nodeId}, OU=${opts.role}, O=${opts.clusterId}`,
    issuer: caCert.subject,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter,
    signingAlgorithm: SIGN_ALG,
    publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth], false),
      new x509.SubjectAlternativeNameExtension([{ type: 'url', value: nodeIdentityUri(opts) }], false),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
    ],
  });
  return { certPem: cert.toString('pem') + '\n' + (ca.chainPem ?? ''), keyPem };
}

/**
 * Reads the identity a node certificate carries. Does NOT verify the chain: call it on a certificate
 * the TLS layer already verified against the cluster CA (the peer certificate of a mutual-TLS call).
 * Throws UNAUTHENTICATED when the certificate carries no (consistent) cluster identity.
 */
export function parseNodeIdentity(certPemOrDer: string | Uint8Array): NodeIdentity {
  const cert = parseCert(certPemOrDer, 'node certificate');
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const uris = san?.names.items.filter((n) => n.type === 'url').map((n) => n.value) ?? [];
  const ours = uris.filter((u) => u.startsWith(URI_SCHEME));
  const noIdentity = (why: string): ClusterError =>
    new ClusterError(
      ErrorCode.Unauthenticated,
      `certificate ${JSON.stringify(cert.subject)} carries no valid cluster identity: ${why}`,
      {
        hint: "use a node certificate issued by this cluster's CA (clusterctl join)",
      },
    );
  if (ours.length !== 1) throw noIdentity(ours.length === 0 ? 'no clusterctl:// URI' : 'several clusterctl:// URIs');
  const m = /^clusterctl:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(ours[0]!);
  if (!m) throw noIdentity(`malformed URI ${ours[0]}`);
  const [, clusterId, role, nodeId] = m as unknown as [string, string, string, string];
  if (role !== 'manager' && role !== 'worker') throw noIdentity(`unknown role ${role}`);
  if (!ID_RE.test(clusterId) || !ID_RE.test(nodeId)) throw noIdentity('malformed id');
  const bc = cert.getExtension(x509.BasicConstraintsExtension);
  if (bc?.ca) throw noIdentity('it is a CA certificate');
  // The subject must agree with the URI (both are signed, but disagreement means a foreign issuer).
  const subject = cert.subject;
  const field = (k: string): string | undefined => new RegExp(`(?:^|,\\s*)${k}=([^,]+)`).exec(subject)?.[1];
  if (field('CN') !== nodeId || field('OU') !== role || field('O') !== clusterId)
    throw noIdentity('subject and URI disagree');
  return { nodeId, role, clusterId };
}

/**
 * A tls `checkServerIdentity` replacement for clients of cluster services: instead of matching a
 * host name, accept the server only if its (CA-verified) certificate names the expected cluster,
 * role and, optionally, node. Returns an Error to refuse, undefined to accept.
 */
export function nodeIdentityChecker(expect: {
  clusterId: string;
  role?: NodeRole;
  nodeId?: string;
}): (host: string, cert: { raw?: Buffer }) => Error | undefined {
  return (_host, cert) => {
    if (!cert.raw) return new Error('server presented no certificate');
    let id: NodeIdentity;
    try {
      id = parseNodeIdentity(cert.raw);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
    if (id.clusterId !== expect.clusterId)
      return new Error(`server belongs to cluster ${id.clusterId}, expected ${expect.clusterId}`);
    if (expect.role !== undefined && id.role !== expect.role)
      return new Error(`server is a ${id.role}, expected a ${expect.role}`);
    if (expect.nodeId !== undefined && id.nodeId !== expect.nodeId)
      return new Error(`server is node ${id.nodeId}, expected ${expect.nodeId}`);
    return undefined;
  };
}

/**
 * Checks a node certificate the way a peer's TLS stack will, before a node starts using it: issued
 * and signed by the CA, currently valid, carrying a node identity (optionally the expected one),
 * and, with keyPem, matching that private key. Returns the identity; throws UNAUTHENTICATED (or
 * INVALID_ARGUMENT for unreadable input) saying what is wrong.
 */
export function verifyNodeCertificate(
  certPem: string,
  opts: { caPem: string; keyPem?: string; expect?: Partial<NodeIdentity>; now?: Date },
): NodeIdentity {
  const read = (pem: string, what: string): NodeX509Certificate => {
    try {
      return new NodeX509Certificate(pem);
    } catch (e) {
      throw new ClusterError(ErrorCode.InvalidArgument, `${what} is not a readable X.509 certificate`, {
        hint: 'pass PEM text of a certificate',
        cause: e,
      });
    }
  };
  const [leafPem, ...chainPems] = pemCertificates(certPem);
  const cert = read(leafPem ?? certPem, 'node certificate');
  const chain = chainPems.map((p) => read(p, 'intermediate certificate'));
  const rootPems = pemCertificates(opts.caPem);
  const roots = (rootPems.length > 0 ? rootPems : [opts.caPem]).map((p) => read(p, 'CA certificate'));
  const bad = (why: string, hint: string): ClusterError =>
    new ClusterError(ErrorCode.Unauthenticated, `node certificate rejected: ${why}`, { hint });
  const now = (opts.now ?? new Date()).getTime();
  const signedBy = (c: NodeX509Certificate, issuer: NodeX509Certificate): boolean =>
    c.checkIssued(issuer) && c.verify(issuer.publicKey);
  const validNow = (c: NodeX509Certificate): boolean => now >= Date.parse(c.validFrom) && now <= Date.parse(c.validTo);
  // Directly under a trusted root, or under an intermediate (a rotation's cross-signed root) that is.
  const chained =
    roots.some((r) => signedBy(cert, r)) ||
    chain.some((i) => i.ca && validNow(i) && signedBy(cert, i) && roots.some((r) => signedBy(i, r)));
  if (!chained)
    throw bad(
      'it was not issued by this cluster CA',
      'request a certificate from a manager of this cluster (clusterctl join)',
    );
  if (now < Date.parse(cert.validFrom)) throw bad(`not valid before ${cert.validFrom}`, "check this machine's clock");
  if (now > Date.parse(cert.validTo))
    throw bad(`expired on ${cert.validTo}`, 'renew the node certificate (a manager issues a new one)');
  const id = parseNodeIdentity(cert.raw);
  for (const k of ['nodeId', 'role', 'clusterId'] as const) {
    const want = opts.expect?.[k];
    if (want !== undefined && id[k] !== want)
      throw bad(`${k} is ${id[k]}, expected ${want}`, 'use the certificate issued for this node');
  }
  if (opts.keyPem !== undefined) {
    let matches = false;
    try {
      matches = cert.checkPrivateKey(createPrivateKey(opts.keyPem));
    } catch (e) {
      throw new ClusterError(ErrorCode.InvalidArgument, 'the node key is not a readable PEM private key', {
        hint: 'pass the key the certificate was issued for',
        cause: e,
      });
    }
    if (!matches) throw bad('it does not match the node key', 'pass the key the certificate was issued for');
  }
  return id;
}

/**
 * Whether a node certificate should be renewed now: past a point between 50% and 80% of its
 * lifetime (a per-certificate point derived from its serial, so a fleet does not renew at once).
 */
export function certificateRenewalDue(certPem: string, now: Date = new Date()): boolean {
  return now.getTime() >= certificateRenewalAt(certPem);
}

/**
 * When a node certificate is due for renewal (ms since the epoch): a point between 50% and 80% of
 * its lifetime, derived from its serial. The lifetime counts from issuance: the notBefore backdating
 * for clock skew is left out (it would otherwise dominate short-lived certificates).
 */
export function certificateRenewalAt(certPem: string): number {
  const { notBeforeMs, notAfterMs, serialNumber } = certificateValidity(certPem);
  const from = notAfterMs - notBeforeMs > CLOCK_SKEW_MS ? notBeforeMs + CLOCK_SKEW_MS : notBeforeMs;
  const spread = parseInt(serialNumber.slice(-4), 16) / 0xffff; // 0..1, stable per certificate
  return from + (notAfterMs - from) * (0.5 + 0.3 * (Number.isFinite(spread) ? spread : 0.5));
}

/** A certificate's validity window (ms since the epoch) and serial (hex), without any verification. */
export function certificateValidity(certPem: string): {
  notBeforeMs: number;
  notAfterMs: number;
  serialNumber: string;
} {
  let cert: NodeX509Certificate;
  try {
    cert = new NodeX509Certificate(pemCertificates(certPem)[0] ?? certPem);
  } catch (e) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'not a readable X.509 certificate', {
      hint: 'pass PEM text of a certificate',
      cause: e,
    });
  }
  return {
    notBeforeMs: Date.parse(cert.validFrom),
    notAfterMs: Date.parse(cert.validTo),
    serialNumber: cert.serialNumber,
  };
}

// ---- join tokens: CCTL-1-<role>-<ca digest, 64 hex>-<secret, 25 base36> ----

export interface JoinToken {
  role: NodeRole;
  /** sha256 of the CA certificate DER (hex): the joiner checks the CA it downloads against it. */
  caDigest: string;
  secret: string;
}

const TOKEN_PREFIX = 'CCTL-1-';
const SECRET_LEN = 25; // 128 random bits in base36
const TOKEN_RE = /^CCTL-1-(manager|worker)-([0-9a-f]{64})-([0-9a-z]{25})$/;
const TOKEN_HINT =
  'a join token looks like CCTL-1-<manager|worker>-<64 hex digits>-<25 letters/digits>; print a valid one with `clusterctl join-token worker` (or manager) on a manager';

/** A fresh random token secret (128 bits, base36, fixed width). */
export function newJoinTokenSecret(): string {
  return BigInt('0x' + randomBytes(16).toString('hex'))
    .toString(36)
    .padStart(SECRET_LEN, '0');
}

export function createJoinToken(opts: { role: NodeRole; caDigest: string; secret?: string }): string {
  checkRole(opts.role);
  if (!/^[0-9a-f]{64}$/.test(opts.caDigest)) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'caDigest must be a sha256 digest in lowercase hex', {
      hint: 'use the digest returned by createClusterCa',
    });
  }
  const secret = opts.secret ?? newJoinTokenSecret();
  if (!/^[0-9a-z]{25}$/.test(secret)) {
    throw new ClusterError(ErrorCode.InvalidArgument, 'a join token secret is 25 lowercase letters or digits', {
      hint: 'use newJoinTokenSecret()',
    });
  }
  return `${TOKEN_PREFIX}${opts.role}-${opts.caDigest}-${secret}`;
}

/** Parses a join token's shape. Throws INVALID_ARGUMENT, saying which part is wrong. */
export function parseJoinToken(token: string): JoinToken {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new ClusterError(ErrorCode.InvalidArgument, 'join token is empty', { hint: TOKEN_HINT });
  }
  const t = token.trim();
  const m = TOKEN_RE.exec(t);
  if (m) return { role: m[1] as NodeRole, caDigest: m[2]!, secret: m[3]! };
  const parts = t.split('-');
  let why: string;
  if (!t.startsWith('CCTL-'))
    why = t.startsWith('SWMTKN-')
      ? 'that is a Docker Swarm token, not a clusterctl one'
      : 'it does not start with CCTL-';
  else if (parts[1] !== '1') why = `unsupported token version ${JSON.stringify(parts[1] ?? '')}`;
  else if (parts.length !== 5) why = `expected 5 dash-separated parts, got ${parts.length}`;
  else if (parts[2] !== 'manager' && parts[2] !== 'worker') why = `unknown role ${JSON.stringify(parts[2])}`;
  else if (!/^[0-9a-f]{64}$/.test(parts[3]!)) why = 'the CA digest is not 64 lowercase hex digits';
  else why = `the secret is not ${SECRET_LEN} lowercase letters/digits`;
  throw new ClusterError(ErrorCode.InvalidArgument, `malformed join token: ${why}`, { hint: TOKEN_HINT });
}

/** Constant-time comparison of two secrets (of any lengths). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/**
 * Server side: checks a presented token against the cluster's CA digest and the current secrets per
 * role, and returns the role it grants. Throws INVALID_ARGUMENT (malformed) or UNAUTHENTICATED.
 */
export function verifyJoinToken(
  presented: string,
  expected: { caDigest: string; secrets: Partial<Record<NodeRole, string>> },
): NodeRole {
  const tok = parseJoinToken(presented);
  if (!secretsEqual(tok.caDigest, expected.caDigest)) {
    throw new ClusterError(
      ErrorCode.Unauthenticated,
      'join token belongs to a different cluster (CA digest mismatch)',
      {
        hint: 'get a token from a manager of the cluster you want to join: `clusterctl join-token worker`',
      },
    );
  }
  const secret = expected.secrets[tok.role];
  if (secret === undefined || !secretsEqual(tok.secret, secret)) {
    throw new ClusterError(ErrorCode.Unauthenticated, `invalid ${tok.role} join token (wrong or rotated secret)`, {
      hint: `print the current token with \`clusterctl join-token ${tok.role}\` on a manager`,
    });
  }
  return tok.role;
}

/**
 * Joiner side: checks that the CA certificate it fetched (before trusting any TLS) is the one the
 * token pins. Throws UNAUTHENTICATED on mismatch.
 */
export function verifyCaAgainstToken(caCertPem: string, token: string | JoinToken): void {
  const tok = typeof token === 'string' ? parseJoinToken(token) : token;
  const digest = certificateDigest(caCertPem);
  if (!secretsEqual(digest, tok.caDigest)) {
    throw new ClusterError(
      ErrorCode.Unauthenticated,
      'the CA certificate presented by the manager does not match the join token',
      {
        hint: 'the address may point at another cluster or be intercepted; check the address and the token',
        details: { expected: tok.caDigest, got: digest },
      },
    );
  }
}
