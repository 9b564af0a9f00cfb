// The node's TLS material as a grpc-js certificate provider, so certificates can be renewed without
// restarting the listener or the peer channels: new TLS handshakes (server and client side) use the
// latest material; connections already up keep the certificate they were authenticated with.

import * as grpc from '@grpc/grpc-js';
import type { NodeTls } from './node-tls.js';

type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

export class TlsMaterial implements grpc.experimental.CertificateProvider {
  private ca: { caCertificate: Buffer };
  private identity: { certificate: Buffer; privateKey: Buffer };
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();

  constructor(tls: NodeTls) {
    this.ca = { caCertificate: Buffer.from(tls.caPem) };
    this.identity = { certificate: Buffer.from(tls.certPem), privateKey: Buffer.from(tls.keyPem) };
  }

  /** Replaces the material; listeners (grpc-js credentials) get it at once. */
  update(tls: NodeTls): void {
    this.ca = { caCertificate: Buffer.from(tls.caPem) };
    this.identity = { certificate: Buffer.from(tls.certPem), privateKey: Buffer.from(tls.keyPem) };
    for (const l of this.caListeners) l(this.ca);
    for (const l of this.identityListeners) l(this.identity);
  }

  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    // Delivered asynchronously, as grpc-js's own file watcher does: its server credentials register
    // their watchers only after adding these listeners, and would miss a synchronous first update.
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

  /**
   * Server credentials that ask for a client certificate from the CA. requireClientCertificate:
   * refuse the handshake without one (true), or admit such callers and leave the refusal to
   * authorizeCall (false; getAuthContext() then carries no certificate for them).
   */
  serverCredentials(requireClientCertificate = true): grpc.ServerCredentials {
    return grpc.experimental.createCertificateProviderServerCredentials(this, this, requireClientCertificate);
  }

  /** Client credentials presenting our certificate; the server is checked by checkServerIdentity. */
  channelCredentials(checkServerIdentity: (host: string, cert: { raw?: Buffer }) => Error | undefined): grpc.ChannelCredentials {
    return grpc.experimental.createCertificateProviderChannelCredentials(this, this, { checkServerIdentity: checkServerIdentity as never });
  }
}
