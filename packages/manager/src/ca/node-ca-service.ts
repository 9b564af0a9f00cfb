// NodeCA: the root CA certificate for anyone (GetRootCa), certificates for nodes presenting a join
// token (Join) and renewal for nodes that already have one (Renew, which also carries role changes
// after promote/demote). GetRootCa and Join are the only calls on the listener allowed without a
// client certificate (see listener-credentials.ts).

import * as grpc from '@grpc/grpc-js';
import { randomInt } from 'node:crypto';
import { checkHostname, ClusterError, DEFAULT_CERT_EXPIRY_MS, ErrorCode, type Logger } from '@clusterctl/common';
import {
  certificateDigest,
  issueNodeCertificate,
  parseJoinToken,
  publicKeyFromCsr,
  type NodeRole,
} from '@clusterctl/ca';
import { DEFAULT_CLUSTER_ID, newId, type ClusterStore, type Node } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import type { RaftNode } from '@clusterctl/raft-node';
import { accessGuard, unary, type Access, type Caller, type Rpc } from '../rpc/grpc-handler.js';
import type { RaftIdMap } from '../membership/raft-id-map.js';
import { digestsEqual, tokenSecretDigest } from './cluster-secrets.js';
import { signingCa } from './root-rotation.js';
import { allocateNodeSubnet } from '../network/allocator.js';

export interface NodeCaDeps {
  clusterId: string;
  /** The root CA this manager started with: answered by GetRootCa until the cluster record is there. */
  caCertPem: string;
  store: ClusterStore;
  raft: RaftNode;
  raftIds: RaftIdMap;
  logger: Logger;
  /** Told every call's outcome (metrics). */
  observeCall?: (service: string, method: string, code: string, seconds: number) => void;
}

/** Who may call each NodeCA method. Join is authenticated by its join token instead of a certificate. */
export const NODE_CA_ACCESS = {
  GetRootCa: 'anyone',
  Join: 'anyone',
  Renew: { roles: ['manager', 'worker'] },
} as const satisfies Record<string, Access>;

/** Lifetime when the cluster record is not there yet (or holds no usable value). */
const FALLBACK_CERT_VALIDITY_MS = DEFAULT_CERT_EXPIRY_MS;

/** The lifetime of certificates issued now: the cluster setting, exactly (tests use seconds). */
export function certValidityMs(settingMs: number | undefined): number {
  return settingMs !== undefined && Number.isFinite(settingMs) && settingMs > 0 ? settingMs : FALLBACK_CERT_VALIDITY_MS;
}

function removedNode(nodeId: string): ClusterError {
  return new ClusterError(
    ErrorCode.PermissionDenied,
    `node ${nodeId} is no longer part of the cluster: its certificate is not renewed`,
    {
      hint: 'the node was removed (clusterctl node rm): on that machine run `clusterctl leave --force`, then `clusterctl join --token TOKEN MANAGER_ADDR` with a token from `clusterctl join-token worker|manager`',
    },
  );
}

/** A random raft id: positive, below 2^53, not in `taken`. */
export function newRaftId(taken: ReadonlySet<number>): number {
  for (;;) {
    const id = randomInt(1, 2 ** 47) * 64 + randomInt(0, 64);
    if (id > 0 && Number.isSafeInteger(id) && !taken.has(id)) return id;
  }
}

/** host:port check; a wildcard or empty host is replaced by `fallbackHost` (the caller's address). */
export function normalizeAdvertiseAddr(addr: string, fallbackHost: string): string {
  const m = /^(.*):(\d{1,5})$/.exec(addr.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid advertise address ${JSON.stringify(addr)}`, {
      hint: 'a manager advertises HOST:PORT (port 1-65535) where the other managers can reach it, e.g. --advertise-addr 10.0.0.5:4280',
    });
  }
  let host = m[1]!;
  if (host === '' || host === '0.0.0.0' || host === '[::]' || host === '::') host = fallbackHost;
  return `${host}:${m[2]}`;
}

/** The IP of a grpc-js peer string ("1.2.3.4:555", "[::1]:555", "ipv4:1.2.3.4:555"). */
export function peerHost(peer: string): string {
  const p = peer.replace(/^ipv[46]:/, '');
  const m = /^\[(.*)\]:\d+$/.exec(p) ?? /^(.*):\d+$/.exec(p);
  const h = (m?.[1] ?? p).replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1'); // IPv4-mapped
  return h.includes(':') ? `[${h}]` : h;
}

export function createNodeCaService(deps: NodeCaDeps): grpc.UntypedServiceImplementation {
  const log = deps.logger.child({ component: 'node-ca' });
  const { store, raft } = deps;

  /** The current root CA (the cluster record's; it changes when a root rotation finishes). */
  const rootCaPem = (): string =>
    store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)?.rootCaCertPem) ?? deps.caCertPem;

  /** Node subnets picked by joins whose node record is not in the store yet. */
  const joiningSubnets = new Set<string>();

  async function join(
    call: grpc.ServerUnaryCall<clusterctl.ca.JoinRequest, clusterctl.ca.IJoinResponse>,
  ): Promise<clusterctl.ca.IJoinResponse> {
    const req = call.request;
    const tok = parseJoinToken(req.token); // INVALID_ARGUMENT, saying which part is malformed
    // Tokens carry the root's digest: after a root rotation, tokens of the old root are refused.
    if (!digestsEqual(tok.caDigest, certificateDigest(rootCaPem()))) {
      throw new ClusterError(
        ErrorCode.Unauthenticated,
        'join token belongs to a different cluster (CA digest mismatch)',
        {
          hint: 'get a token from a manager of the cluster you want to join: `clusterctl join-token worker`',
        },
      );
    }
    // Linearizable: a token rotated a moment ago on another manager must already be refused here.
    const cluster = await store.linearizableView((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID));
    if (cluster === undefined)
      throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', {
        hint: 'retry in a moment',
      });
    const role: NodeRole = tok.role;
    if (!digestsEqual(tokenSecretDigest(tok.secret), cluster.joinTokenDigests[role])) {
      log.warn({ peer: call.getPeer(), role }, 'join refused: wrong or rotated token');
      throw new ClusterError(ErrorCode.Unauthenticated, `invalid ${role} join token (wrong or rotated secret)`, {
        hint: `print the current token with \`clusterctl join-token ${role}\` on a manager`,
      });
    }
    const publicKeyPem = await publicKeyFromCsr(req.csrPem);
    // The hostname is shown by `node ls` and matched by constraints: an RFC 1123 name, as the CLI checks.
    const hostname = checkHostname('join', req.hostname ?? '');
    const callerHost = peerHost(call.getPeer());
    let raftId = 0;
    let managerAddr = '';
    if (role === 'manager') {
      managerAddr = normalizeAdvertiseAddr(req.advertiseAddr || req.listenAddr, callerHost);
      const sameAddr = store.view((tx) => tx.find('nodes', (n) => n.managerStatus?.addr === managerAddr))[0];
      if (sameAddr !== undefined) {
        throw new ClusterError(
          ErrorCode.AlreadyExists,
          `manager ${sameAddr.hostname} (${sameAddr.id}) already uses the address ${managerAddr}`,
          {
            hint: `if that node is gone, run \`clusterctl node demote ${sameAddr.id}\` and \`clusterctl node rm ${sameAddr.id}\` first, or join with another --advertise-addr`,
          },
        );
      }
      const taken = new Set<number>(raft.members().map((m) => m.id));
      store.view((tx) => tx.list('nodes').forEach((n) => n.managerStatus && taken.add(n.managerStatus.raftId)));
      raftId = newRaftId(taken);
    }
    const nodeId = newId();
    const ca = store.view((tx) => signingCa(tx, tx.get('cluster', DEFAULT_CLUSTER_ID)));
    const cert = await issueNodeCertificate(ca, {
      nodeId,
      role,
      clusterId: deps.clusterId,
      publicKeyPem,
      validityMs: certValidityMs(cluster.settings.nodeCertExpiryMs),
    });
    const record: Omit<Node, 'meta'> = {
      id: nodeId,
      hostname,
      role,
      availability: 'active',
      status: { state: 'unknown', message: 'joined; waiting for its agent', timestamp: Date.now() },
      addr: callerHost.replace(/^\[|\]$/g, ''),
      labels: {},
      resources: { nanoCpus: 0, memoryBytes: 0 },
      engineLabels: {},
      ...(role === 'manager' ? { managerStatus: { raftId, addr: managerAddr } } : {}),
      certRootDigest: ca.rootDigest,
    };
    // networking: the node's subnet, the lowest free one, in the transaction that records it; held
    // back from the other joins in flight here until it is in the store
    let subnet: string | undefined;
    try {
      await store.update((tx) => {
        if (subnet !== undefined) joiningSubnets.delete(subnet); // a retry picks again
        subnet = allocateNodeSubnet(tx, joiningSubnets);
        joiningSubnets.add(subnet);
        tx.create('nodes', { ...record, network: { subnet } });
      });
    } finally {
      if (subnet !== undefined) joiningSubnets.delete(subnet);
    }
    if (role === 'manager') {
      deps.raftIds.seed(raftId, nodeId);
      try {
        // A learner first: it gets the log without counting for quorum; the leader's membership
        // reconciler promotes it to voter once it has caught up.
        await raft.addLearner(raftId, new TextEncoder().encode(managerAddr));
      } catch (err) {
        log.warn({ err, nodeId, raftId }, 'adding the new manager to raft failed; removing its node record');
        await store.update((tx) => tx.delete('nodes', nodeId)).catch(() => undefined);
        throw err;
      }
    }
    const managers: clusterctl.ca.IPeer[] = raft
      .members()
      .map((m) => ({ raftId: m.id, nodeId: deps.raftIds.nodeIdOf(m.id), addr: new TextDecoder().decode(m.context) }));
    log.info({ nodeId, role, hostname, raftId: raftId || undefined, addr: managerAddr || record.addr }, 'node joined');
    return { nodeId, role, certPem: cert.certPem, caCertPem: ca.trustPem, clusterId: deps.clusterId, raftId, managers };
  }

  async function renew(
    call: grpc.ServerUnaryCall<clusterctl.ca.RenewRequest, clusterctl.ca.IRenewResponse>,
    who: Caller,
  ): Promise<clusterctl.ca.IRenewResponse> {
    if (who === undefined) throw new Error('Renew is declared for nodes with a certificate (NODE_CA_ACCESS)');
    const publicKeyPem = await publicKeyFromCsr(call.request.csrPem);
    const { node, cluster, ca } = await store.linearizableView((tx) => {
      const c = tx.get('cluster', DEFAULT_CLUSTER_ID);
      return { node: tx.get('nodes', who.nodeId), cluster: c, ca: signingCa(tx, c) };
    });
    if (node === undefined) {
      log.warn({ nodeId: who.nodeId, peer: call.getPeer() }, 'renewal refused: the node was removed');
      throw removedNode(who.nodeId);
    }
    // The role comes from the store (promote/demote change it there), never from the old certificate.
    const cert = await issueNodeCertificate(ca, {
      nodeId: node.id,
      role: node.role,
      clusterId: deps.clusterId,
      publicKeyPem,
      validityMs: certValidityMs(cluster?.settings.nodeCertExpiryMs),
    });
    // Issuing takes a moment: a node removed or re-roled meanwhile must not walk away with it.
    const now = store.view((tx) => tx.get('nodes', node.id));
    if (now === undefined) throw removedNode(node.id);
    if (now.role !== node.role) {
      throw new ClusterError(
        ErrorCode.Conflict,
        `node ${node.id} changed role (${node.role} -> ${now.role}) while its certificate was issued`,
        { hint: 'retry: the next renewal gets the new role' },
      );
    }
    if (node.role !== who.role)
      log.info({ nodeId: node.id, from: who.role, to: node.role }, 'certificate renewed with a new role');
    else if (node.certRootDigest !== ca.rootDigest)
      log.info({ nodeId: node.id, root: ca.rootDigest }, 'certificate renewed from another root CA');
    else log.debug({ nodeId: node.id, role: node.role }, 'certificate renewed');
    const adv = (call.request.advertiseAddr ?? '').trim();
    if (node.role !== 'manager' || node.managerStatus === undefined || adv === '')
      return { certPem: cert.certPem, role: node.role, caCertPem: ca.trustPem };
    // A promoted node asking to join raft (idempotent: a retry after a lost answer gets the same).
    const raftId = node.managerStatus.raftId;
    const addr = normalizeAdvertiseAddr(adv, peerHost(call.getPeer()));
    if (node.managerStatus.addr !== addr) {
      await store.update((tx) => {
        const n = tx.get('nodes', node.id);
        if (n === undefined || n.role !== 'manager' || n.managerStatus?.raftId !== raftId) {
          throw new ClusterError(ErrorCode.Conflict, `node ${node.id} changed role while renewing`, { hint: 'retry' });
        }
        tx.update('nodes', { ...n, managerStatus: { raftId, addr } });
      });
    }
    deps.raftIds.seed(raftId, node.id);
    if (!raft.members().some((m) => m.id === raftId)) {
      await raft.addLearner(raftId, new TextEncoder().encode(addr));
      log.info({ nodeId: node.id, raftId, addr }, 'promoted node added to raft as a learner');
    }
    const managers = raft
      .members()
      .map((m) => ({ raftId: m.id, nodeId: deps.raftIds.nodeIdOf(m.id), addr: new TextDecoder().decode(m.context) }));
    return { certPem: cert.certPem, role: node.role, raftId, managers, caCertPem: ca.trustPem };
  }

  const rpc: Rpc = {
    log,
    guard: accessGuard(deps.clusterId, NODE_CA_ACCESS),
    ...(deps.observeCall === undefined ? {} : { observe: (m, code, s) => deps.observeCall!('NodeCA', m, code, s) }),
  };
  return {
    getRootCa: unary(rpc, 'GetRootCa', () => Promise.resolve({ caCertPem: rootCaPem() })),
    join: unary(rpc, 'Join', join),
    renew: unary(rpc, 'Renew', renew),
  };
}
