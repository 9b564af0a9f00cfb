// The TLS material of one node: the cluster CA it trusts and its own certificate and key.

export interface NodeTls {
  /** The cluster CA certificate (PEM): peers must present certificates it issued. */
  caPem: string;
  /** This node's certificate and key (PEM). */
  certPem: string;
  keyPem: string;
}
