// Server credentials for the manager's single listener, where NodeCA.GetRootCa/Join must work for a
// node that has no certificate yet while every other call needs a cluster certificate.
//
// How grpc-js 1.14 behaves (read in its src/server-credentials.ts and src/server-interceptors.ts):
// - ServerCredentials.createSsl(ca, pairs, checkClientCertificate=false) sets `requestCert: false`:
//   the server never asks for a certificate, so NO caller would present one. Not usable.
// - experimental.createCertificateProviderServerCredentials(identity, ca, requireClientCertificate=false)
//   sets `requestCert: true, rejectUnauthorized: false`: the server asks for a certificate, a client
//   without one (or with one the CA did not sign) still completes the handshake.
// - call.getAuthContext() returns the peer certificate ONLY when the TLS socket is `authorized`
//   (verified against our CA); otherwise `{}`. So authorizeCall() (transport/auth.ts) sees no
//   certificate for both "none" and "foreign", and refuses with UNAUTHENTICATED.
// Every handler on this listener except GetRootCa/Join therefore MUST call authorizeCall (the raft
// transport, KV, Control, NodeCA.Renew and the dispatcher all do).

import * as grpc from '@grpc/grpc-js';
import type { NodeTls } from './node-files.js';

type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

/** The node's TLS material as a grpc-js certificate provider (renewable without a restart). */
export class ListenerTls implements grpc.experimental.CertificateProvider {
  private ca: { caCertificate: Buffer };
  private identity: { certificate: Buffer; privateKey: Buffer };
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();

  constructor(tls: NodeTls) {
    this.ca = { caCertificate: Buffer.from(tls.caPem) };
    this.identity = { certificate: Buffer.from(tls.certPem), privateKey: Buffer.from(tls.keyPem) };
  }

  update(tls: NodeTls): void {
    this.ca = { caCertificate: Buffer.from(tls.caPem) };
    this.identity = { certificate: Buffer.from(tls.certPem), privateKey: Buffer.from(tls.keyPem) };
    for (const l of this.caListeners) l(this.ca);
    for (const l of this.identityListeners) l(this.identity);
  }

  // grpc-js registers its server watcher only AFTER adding these listeners (CertificateProvider-
  // ServerCredentials._addWatcher): a synchronous first call is lost and the listener then drops
  // every connection ("unloaded credentials"). So the current material is delivered a microtask later.
  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    queueMicrotask(() => {
      if (this.caListeners.has(listener)) listener(this.ca);
    });
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    queueMicrotask(() => {
      if (this.identityListeners.has(listener)) listener(this.identity);
    });
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }

  /** TLS that requests a client certificate but lets callers without one in (see the header). */
  serverCredentials(): grpc.ServerCredentials {
    return grpc.experimental.createCertificateProviderServerCredentials(this, this, false);
  }
}

/** Binds `server` on `addr` with `creds`; resolves with the port. */
export function bindServer(server: grpc.Server, addr: string, creds: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(addr, creds, (err, port) => (err ? reject(err) : resolve(port))));
}
