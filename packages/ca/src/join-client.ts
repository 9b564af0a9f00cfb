// The client side of NodeCA (the manager serves it): join — fetch the root CA over TLS without
// trusting it yet, check it against the digest pinned in the join token, then Join over TLS pinned to
// that CA (no client certificate: the token authorizes), sending a CSR for a key that never leaves the
// node — and renew (same key, a new certificate carrying the node's current role).

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, fromGrpcError } from '@clusterctl/common';
import { NodeCAService, type clusterctl } from '@clusterctl/proto';
import { createCsrForKey, createKeyAndCsr } from './csr.js';
import { managerChannelCredentials, NODE_CHANNEL_OPTIONS, type NodeTls } from './node-tls.js';
import { nodeIdentityChecker, parseJoinToken, parseNodeIdentity, verifyCaAgainstToken, type NodeRole } from './pki.js';

const NodeCAClient = grpc.makeGenericClientConstructor(NodeCAService as unknown as grpc.ServiceDefinition, 'NodeCA');

type Cb<T> = (err: grpc.ServiceError | null, res?: T) => void;
interface NodeCaClient extends grpc.Client {
  getRootCa(
    req: clusterctl.ca.IGetRootCaRequest,
    md: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: Cb<clusterctl.ca.GetRootCaResponse>,
  ): void;
  join(
    req: clusterctl.ca.IJoinRequest,
    md: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: Cb<clusterctl.ca.JoinResponse>,
  ): void;
  renew(
    req: clusterctl.ca.IRenewRequest,
    md: grpc.Metadata,
    opts: grpc.CallOptions,
    cb: Cb<clusterctl.ca.RenewResponse>,
  ): void;
}

export interface JoinResult {
  keyPem: string;
  nodeId: string;
  role: NodeRole;
  certPem: string;
  caCertPem: string;
  clusterId: string;
  raftId: number;
  managers: { raftId: number; nodeId: string; addr: string }[];
}

function call<T>(fn: (cb: Cb<T>) => void, target: string): Promise<T> {
  return new Promise((resolve, reject) =>
    fn((err, res) => (err ? reject(fromGrpcError(err, { target })) : resolve(res as T))),
  );
}

/** A server checker accepting any manager certificate (the chain is verified against the pinned CA). */
function anyManager(host: string, cert: { raw?: Buffer }): Error | undefined {
  if (!cert.raw) return new Error('server presented no certificate');
  try {
    const id = parseNodeIdentity(cert.raw);
    return nodeIdentityChecker({ clusterId: id.clusterId, role: 'manager' })(host, cert);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Fetches the root CA from `managerAddr` and checks it against the token's digest. */
export async function fetchRootCa(managerAddr: string, token: string, timeoutMs = 10_000): Promise<string> {
  const tok = parseJoinToken(token);
  // Unverified TLS on purpose: what we get is checked against the digest the token pins.
  const insecureTls = grpc.credentials.createSsl(null, null, null, { rejectUnauthorized: false });
  const c = new NodeCAClient(managerAddr, insecureTls, NODE_CHANNEL_OPTIONS) as unknown as NodeCaClient;
  try {
    const res = await call<clusterctl.ca.GetRootCaResponse>(
      (cb) => c.getRootCa({}, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, cb),
      `manager ${managerAddr}`,
    );
    verifyCaAgainstToken(res.caCertPem, tok);
    return res.caCertPem;
  } finally {
    c.close();
  }
}

/** The whole join: CA check, key + CSR, Join. */
export async function joinCluster(opts: {
  managerAddr: string;
  token: string;
  hostname: string;
  advertiseAddr?: string;
  listenAddr?: string;
  timeoutMs?: number;
}): Promise<JoinResult> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const caCertPem = await fetchRootCa(opts.managerAddr, opts.token, timeoutMs);
  const { keyPem, csrPem } = await createKeyAndCsr(opts.hostname);
  const creds = grpc.credentials.createSsl(Buffer.from(caCertPem), null, null, {
    checkServerIdentity: anyManager as never,
  });
  const c = new NodeCAClient(opts.managerAddr, creds, NODE_CHANNEL_OPTIONS) as unknown as NodeCaClient;
  try {
    const res = await call<clusterctl.ca.JoinResponse>(
      (cb) =>
        c.join(
          {
            token: opts.token,
            csrPem,
            hostname: opts.hostname,
            advertiseAddr: opts.advertiseAddr ?? '',
            listenAddr: opts.listenAddr ?? '',
          },
          new grpc.Metadata(),
          { deadline: Date.now() + timeoutMs },
          cb,
        ),
      `manager ${opts.managerAddr}`,
    );
    return {
      keyPem,
      nodeId: res.nodeId,
      role: res.role as NodeRole,
      certPem: res.certPem,
      caCertPem: res.caCertPem,
      clusterId: res.clusterId,
      raftId: Number(res.raftId),
      managers: res.managers.map((m) => ({ raftId: Number(m.raftId), nodeId: m.nodeId ?? '', addr: m.addr ?? '' })),
    };
  } finally {
    c.close();
  }
}

/**
 * A node promoted to manager: renews its certificate (role manager) and has the answering manager
 * add it to raft. The result feeds Manager.join (same key; raft id and peers from the answer).
 */
export async function renewAsManager(
  managerAddr: string,
  tls: NodeTls,
  clusterId: string,
  advertiseAddr: string,
  timeoutMs = 30_000,
): Promise<JoinResult> {
  const csrPem = await createCsrForKey(tls.keyPem);
  const c = new NodeCAClient(
    managerAddr,
    managerChannelCredentials(tls, clusterId),
    NODE_CHANNEL_OPTIONS,
  ) as unknown as NodeCaClient;
  try {
    const res = await call<clusterctl.ca.RenewResponse>(
      (cb) => c.renew({ csrPem, advertiseAddr }, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, cb),
      `manager ${managerAddr}`,
    );
    if (res.role !== 'manager' || !(Number(res.raftId) > 0)) {
      throw new ClusterError(ErrorCode.FailedPrecondition, `this node is a ${res.role}, not a manager`, {
        hint: 'promote it first: clusterctl node promote NODE',
      });
    }
    const id = parseNodeIdentity(res.certPem);
    return {
      keyPem: tls.keyPem,
      nodeId: id.nodeId,
      role: 'manager',
      certPem: res.certPem,
      caCertPem: res.caCertPem || tls.caPem,
      clusterId: id.clusterId,
      raftId: Number(res.raftId),
      managers: res.managers.map((m) => ({ raftId: Number(m.raftId), nodeId: m.nodeId ?? '', addr: m.addr ?? '' })),
    };
  } finally {
    c.close();
  }
}

/**
 * Renews this node's certificate (same key); the answer carries its current role and the roots the
 * node is to trust from now on (caPem: changes with a root CA rotation; the node's own when the
 * manager answered none).
 */
export async function renewCertificate(
  managerAddr: string,
  tls: NodeTls,
  clusterId: string,
  timeoutMs = 10_000,
): Promise<{ certPem: string; role: NodeRole; caPem: string }> {
  const csrPem = await createCsrForKey(tls.keyPem);
  const c = new NodeCAClient(
    managerAddr,
    managerChannelCredentials(tls, clusterId),
    NODE_CHANNEL_OPTIONS,
  ) as unknown as NodeCaClient;
  try {
    const res = await call<clusterctl.ca.RenewResponse>(
      (cb) => c.renew({ csrPem }, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, cb),
      `manager ${managerAddr}`,
    );
    return { certPem: res.certPem, role: res.role as NodeRole, caPem: res.caCertPem || tls.caPem };
  } finally {
    c.close();
  }
}
