// PKCS#10 certificate requests: a joining node keeps its private key and sends only a CSR; the CA
// checks the request's self-signature and certifies the public key inside it (the subject the node
// asked for is ignored: identity comes from the CA).

import './pki.js'; // sets the @peculiar/x509 crypto provider (Node WebCrypto)
import * as x509 from '@peculiar/x509';
import { createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { ClusterError, ErrorCode } from '@clusterctl/common';

const KEY_ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ALG = { name: 'ECDSA', hash: 'SHA-256' } as const;
const MAX_CSR_CHARS = 16 * 1024;

function toPem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(new Uint8Array(der)).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

/** A fresh ECDSA P-256 key pair and a CSR for it: what a joining node sends. */
export async function createKeyAndCsr(commonName = 'clusterctl-node'): Promise<{ keyPem: string; csrPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(KEY_ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${commonName.replace(/[^A-Za-z0-9._-]/g, '-')}`,
    keys,
    signingAlgorithm: SIGN_ALG,
  });
  const keyPem = toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { keyPem, csrPem: csr.toString('pem') + '\n' };
}

/** A CSR for an existing key (renewal keeps the node's key). */
export async function createCsrForKey(keyPem: string, commonName = 'clusterctl-node'): Promise<string> {
  const priv = createPrivateKey(keyPem);
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    priv.export({ type: 'pkcs8', format: 'der' }),
    KEY_ALG,
    false,
    ['sign'],
  );
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    createPublicKey(priv).export({ type: 'spki', format: 'der' }),
    KEY_ALG,
    true,
    ['verify'],
  );
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${commonName.replace(/[^A-Za-z0-9._-]/g, '-')}`,
    keys: { privateKey, publicKey },
    signingAlgorithm: SIGN_ALG,
  });
  return csr.toString('pem') + '\n';
}

/** Checks a CSR (readable, self-signature valid, ECDSA P-256) and returns its public key as PEM (SPKI). */
export async function publicKeyFromCsr(csrPem: string): Promise<string> {
  const bad = (why: string, cause?: unknown): ClusterError =>
    new ClusterError(ErrorCode.InvalidArgument, `invalid certificate request: ${why}`, {
      hint: 'send a PKCS#10 CSR (PEM) for an ECDSA P-256 key, signed with that key',
      cause,
    });
  if (typeof csrPem !== 'string' || csrPem.trim() === '') throw bad('empty');
  if (csrPem.length > MAX_CSR_CHARS) throw bad('too large');
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch (e) {
    throw bad('not a readable PKCS#10 request', e);
  }
  const alg = csr.publicKey.algorithm as { name?: string; namedCurve?: string };
  if (alg.name !== 'ECDSA' || alg.namedCurve !== 'P-256')
    throw bad(`key algorithm ${alg.name ?? '?'} ${alg.namedCurve ?? ''}`.trim());
  let ok = false;
  try {
    ok = await csr.verify();
  } catch (e) {
    throw bad('signature cannot be checked', e);
  }
  if (!ok) throw bad('the signature does not match the key');
  return csr.publicKey.toString('pem') + '\n';
}
