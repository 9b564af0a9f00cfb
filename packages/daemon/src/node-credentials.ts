// The node's TLS material for every client channel the daemon opens to managers (the agent's
// dispatcher session, the Control forwarding of the local socket), as a grpc-js certificate
// provider: after a renewal, update() hands the new certificate to the credentials at once, and every
// new TLS handshake of those channels (a reconnect, a new channel) presents it. Connections already
// up keep the certificate they were authenticated with (TLS checks validity at the handshake only),
// so a renewal drops no session and no stream. The manager's listener and raft peers get theirs
// through Manager.updateTls (the transport's own provider).
import * as grpc from '@grpc/grpc-js';
import { nodeIdentityChecker } from '@clusterctl/ca';
import type { NodeTls } from '@clusterctl/agent';

type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

export class NodeCredentials implements grpc.experimental.CertificateProvider {
  private tls: NodeTls;
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();
  private readonly channelCreds = new Map<string, grpc.ChannelCredentials>();

  constructor(tls: NodeTls) {
    this.tls = tls;
  }

  get current(): NodeTls {
    return this.tls;
  }

  /** New material: every listener (channel credentials in use) gets it at once. */
  update(tls: NodeTls): void {
    const caChanged = tls.caPem !== this.tls.caPem;
    this.tls = tls;
    if (caChanged) for (const l of this.caListeners) l(this.caUpdate());
    for (const l of this.identityListeners) l(this.identityUpdate());
  }

  /**
   * Client credentials presenting this node's current certificate; a server is accepted when its
   * certificate names `clusterId` and the manager role. One object per cluster id, shared by channels.
   */
  channelCredentials(clusterId: string): grpc.ChannelCredentials {
    let c = this.channelCreds.get(clusterId);
    if (c === undefined) {
      c = grpc.experimental.createCertificateProviderChannelCredentials(this, this, { checkServerIdentity: nodeIdentityChecker({ clusterId, role: 'manager' }) as never });
      this.channelCreds.set(clusterId, c);
    }
    return c;
  }

  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    // Delivered at once: grpc-js channel credentials drop their listeners when no channel uses them
    // and keep the last material they got, so a channel created later must get the current one
    // before it connects. (Only channel credentials use this provider; the manager listener's server
    // credentials use the transport's own, which delivers asynchronously as they need.)
    listener(this.caUpdate());
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    listener(this.identityUpdate());
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }

  private caUpdate(): { caCertificate: Buffer } {
    return { caCertificate: Buffer.from(this.tls.caPem) };
  }

  private identityUpdate(): { certificate: Buffer; privateKey: Buffer } {
    return { certificate: Buffer.from(this.tls.certPem), privateKey: Buffer.from(this.tls.keyPem) };
  }
}
