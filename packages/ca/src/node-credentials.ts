// The node's TLS material as a grpc-js certificate provider, so a renewed certificate is taken into
// use without restarting a listener or a channel: after update(), every new TLS handshake (server
// and client side) presents the new certificate. Connections already up keep the certificate they
// were authenticated with (TLS checks validity at the handshake only), so a renewal drops no session
// and no stream. The manager's listener and raft peers use one (in the raft transport); the daemon
// uses one for every client channel it opens to managers (agent session, Control forwarding).
import * as grpc from '@grpc/grpc-js';
import type { NodeTls } from './node-tls.js';
import { nodeIdentityChecker } from './pki.js';

type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

export interface NodeCredentialsOptions {
  /**
   * How a listener registered with add*Listener gets the current material.
   * - 'microtask' (default): a microtask later, as grpc-js's own file watcher does. Required when
   *   the provider backs server credentials: they register their watchers only after adding their
   *   listeners, and would miss a synchronous first update (every handshake would then fail).
   * - 'sync': at once, inside add*Listener. For providers that back channel credentials only:
   *   grpc-js channel credentials drop their listeners while no channel uses them and keep the last
   *   material they got, so a channel created later gets the current material before it connects.
   */
  listenerDelivery?: 'microtask' | 'sync';
}

export class NodeCredentials implements grpc.experimental.CertificateProvider {
  private tls: NodeTls;
  private readonly delivery: 'microtask' | 'sync';
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();
  private readonly channelCreds = new Map<string, grpc.ChannelCredentials>();

  constructor(tls: NodeTls, opts: NodeCredentialsOptions = {}) {
    this.tls = tls;
    this.delivery = opts.listenerDelivery ?? 'microtask';
  }

  /** The material in use. */
  get current(): NodeTls {
    return this.tls;
  }

  /** Replaces the material; every listener (credentials in use) gets it at once. */
  update(tls: NodeTls): void {
    const caChanged = tls.caPem !== this.tls.caPem;
    this.tls = tls;
    if (caChanged) for (const l of this.caListeners) l(this.caUpdate());
    for (const l of this.identityListeners) l(this.identityUpdate());
  }

  /**
   * Server credentials that ask for a client certificate from the CA. requireClientCertificate:
   * refuse the handshake without one (true), or admit such callers and leave the refusal to
   * authorizeCall (false; getAuthContext() then carries no certificate for them). Needs the default
   * 'microtask' listener delivery.
   */
  serverCredentials(requireClientCertificate = true): grpc.ServerCredentials {
    return grpc.experimental.createCertificateProviderServerCredentials(this, this, requireClientCertificate);
  }

  /**
   * Client credentials presenting this node's current certificate. A server is accepted when its
   * certificate (verified against the cluster CA) names `clusterId`, the manager role (any role with
   * `anyRole`: another node's image listener) and, when given, `nodeId`; host names are not checked.
   * One object per expectation, shared by channels.
   */
  channelCredentials(expect: { clusterId: string; nodeId?: string; anyRole?: boolean }): grpc.ChannelCredentials {
    const key = JSON.stringify([expect.clusterId, expect.nodeId ?? null, expect.anyRole === true]);
    let c = this.channelCreds.get(key);
    if (c === undefined) {
      const check = nodeIdentityChecker({
        clusterId: expect.clusterId,
        ...(expect.anyRole === true ? {} : { role: 'manager' as const }),
        nodeId: expect.nodeId,
      });
      c = grpc.experimental.createCertificateProviderChannelCredentials(this, this, {
        checkServerIdentity: check as never,
      });
      this.channelCreds.set(key, c);
    }
    return c;
  }

  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    this.deliver(() => {
      if (this.caListeners.has(listener)) listener(this.caUpdate());
    });
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    this.deliver(() => {
      if (this.identityListeners.has(listener)) listener(this.identityUpdate());
    });
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }

  private deliver(fn: () => void): void {
    if (this.delivery === 'sync') fn();
    else queueMicrotask(fn);
  }

  private caUpdate(): { caCertificate: Buffer } {
    return { caCertificate: Buffer.from(this.tls.caPem) };
  }

  private identityUpdate(): { certificate: Buffer; privateKey: Buffer } {
    return { certificate: Buffer.from(this.tls.certPem), privateKey: Buffer.from(this.tls.keyPem) };
  }
}
