// The TLS material of one node (the cluster CA it trusts, its own certificate and key) and how a node
// dials a manager with it. The cluster's listeners are the managers' and every node's image listener;
// a client checks the server by the identity its certificate carries (cluster, role or node id),
// never by host name.
import * as grpc from '@grpc/grpc-js';
import { nodeIdentityChecker } from './pki.js';

export interface NodeTls {
  /** The cluster CA certificate (PEM): peers must present certificates it issued. */
  caPem: string;
  /** This node's certificate and key (PEM). */
  certPem: string;
  keyPem: string;
}

/**
 * The TLS server name every client of a manager asks for (grpc.ssl_target_name_override). Node
 * certificates carry no host names, so it is not checked; a fixed name also keeps Node from warning
 * about IP addresses used as SNI.
 */
export const TLS_SERVER_NAME = 'clusterctl-manager';

/** Channel options for short-lived calls from a node to a manager (join, renew, probes). */
export const NODE_CHANNEL_OPTIONS = {
  'grpc.ssl_target_name_override': TLS_SERVER_NAME,
  'grpc.use_local_subchannel_pool': 1,
} as const;

/**
 * Client credentials for calls from a node to a manager with a fixed copy of `tls`: our certificate,
 * the server accepted when its certificate names `clusterId` and the manager role. (A channel that
 * must survive a certificate renewal uses NodeCredentials.channelCredentials instead.)
 */
export function managerChannelCredentials(tls: NodeTls, clusterId: string): grpc.ChannelCredentials {
  return grpc.credentials.createSsl(Buffer.from(tls.caPem), Buffer.from(tls.keyPem), Buffer.from(tls.certPem), {
    checkServerIdentity: nodeIdentityChecker({ clusterId, role: 'manager' }) as never,
  });
}

/**
 * Image shipping: client credentials for calls from a node to another node's image listener with a
 * fixed copy of `tls`: the server is accepted when its certificate names `clusterId` and `nodeId`
 * (any role).
 */
export function nodeChannelCredentials(tls: NodeTls, clusterId: string, nodeId: string): grpc.ChannelCredentials {
  return grpc.credentials.createSsl(Buffer.from(tls.caPem), Buffer.from(tls.keyPem), Buffer.from(tls.certPem), {
    checkServerIdentity: nodeIdentityChecker({ clusterId, nodeId }) as never,
  });
}
