// Root CA rotation (`clusterctl cluster ca --rotate`), the managers' side. Starting it creates a new
// root (key kept as a cluster secret, like the current one) and the new root's key certified by the
// old root (the cross-signed certificate), both in the replicated cluster record. From then on:
//   - every certificate a manager issues (Join, Renew) comes from the new root, followed by the
//     cross-signed certificate, so a peer that still trusts only the old root accepts it;
//   - nodes are told to trust both roots (the trust digest in every heartbeat answer differs from
//     theirs, so they renew at once and install the roots the answer carries);
//   - each node reports with its heartbeats which root issued the certificate it uses; the leader's
//     dispatcher records it on the node (certRootDigest; a join records the joiner's at once).
// The leader's reconciler finishes the rotation once every node that is not down has a certificate
// from the new root: the new root becomes the only one (its key the CA key), the old one is retired,
// and join tokens, which carry the root's digest, change with it. Nodes then trust the new root alone
// (the trust digest changes again).

import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import {
  certificateDigest,
  createClusterCa,
  crossSignCa,
  rootCaGeneration,
  trustBundle,
  trustBundleDigest,
} from '@clusterctl/ca';
import { DEFAULT_CLUSTER_ID, type Cluster, type ClusterStore, type Node, type ReadTx } from '@clusterctl/store';
import { KV_CA_KEY, KV_CA_PENDING_KEY, putSecret, readSecret } from './cluster-secrets.js';

/** The CA that issues node certificates now, and what it means for the node receiving one. */
export interface SigningCa {
  certPem: string;
  keyPem: string;
  /** Sent after the node certificate (the cross-signed new root, during a rotation). */
  chainPem?: string;
  /** sha256 of the issuing root (a joiner's record starts with it as certRootDigest). */
  rootDigest: string;
  /** The roots a node is to trust now. */
  trustPem: string;
}

/** The roots nodes are to trust: the root CA, and during a rotation the new root too. */
export function clusterTrustPem(cluster: Pick<Cluster, 'rootCaCertPem' | 'rootRotation'>): string {
  return trustBundle(cluster.rootCaCertPem, cluster.rootRotation?.caCertPem);
}

function initializing(): ClusterError {
  return new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', {
    hint: 'retry in a moment',
  });
}

/** The CA issuing certificates in `cluster` (read in `tx`, which also holds the keys). */
export function signingCa(tx: ReadTx, cluster: Cluster | undefined): SigningCa {
  if (cluster?.rootCaCertPem === undefined) throw initializing();
  const trustPem = clusterTrustPem(cluster);
  const r = cluster.rootRotation;
  if (r !== undefined) {
    return {
      certPem: r.caCertPem,
      keyPem: readSecret(tx, KV_CA_PENDING_KEY),
      chainPem: r.crossSignedCertPem,
      rootDigest: certificateDigest(r.caCertPem),
      trustPem,
    };
  }
  return {
    certPem: cluster.rootCaCertPem,
    keyPem: readSecret(tx, KV_CA_KEY),
    rootDigest: certificateDigest(cluster.rootCaCertPem),
    trustPem,
  };
}

let trustMemo: { key: string; digest: string } | undefined;

/** trustBundleDigest of the cluster's trust (what heartbeats answer); '' before the cluster exists. */
export function clusterTrustDigest(store: ClusterStore): string {
  const cluster = store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID));
  if (cluster?.rootCaCertPem === undefined) return '';
  const key = `${cluster.rootCaCertPem}\n${cluster.rootRotation?.caCertPem ?? ''}`;
  if (trustMemo?.key !== key) trustMemo = { key, digest: trustBundleDigest(clusterTrustPem(cluster)) };
  return trustMemo.digest;
}

/** How far a rotation is: nodes that are not down, and those of them with a certificate from the new root. */
export function rotationProgress(
  cluster: Cluster,
  nodes: readonly Node[],
): { rotated: number; total: number; newRootDigest: string } | undefined {
  const r = cluster.rootRotation;
  if (r === undefined) return undefined;
  const newRootDigest = certificateDigest(r.caCertPem);
  const live = nodes.filter((n) => n.status.state !== 'down');
  return { rotated: live.filter((n) => n.certRootDigest === newRootDigest).length, total: live.length, newRootDigest };
}

/**
 * Starts a rotation: a new root (the next generation of the current one) and its cross-signed
 * certificate. FAILED_PRECONDITION while one runs. Call on the leader after a read barrier.
 */
export async function startRootRotation(store: ClusterStore, clusterId: string, log: Logger): Promise<Cluster> {
  const { cluster, oldKeyPem } = store.view((tx) => {
    const c = tx.get('cluster', DEFAULT_CLUSTER_ID);
    if (c?.rootCaCertPem === undefined) throw initializing();
    return { cluster: c, oldKeyPem: readSecret(tx, KV_CA_KEY) };
  });
  const running = (): ClusterError =>
    new ClusterError(ErrorCode.FailedPrecondition, 'a root CA rotation is already in progress', {
      hint: 'follow it with `clusterctl cluster inspect` (ROOT ROTATION) or `clusterctl cluster ca --rotate` waits for it',
    });
  if (cluster.rootRotation !== undefined) throw running();
  const oldPem = cluster.rootCaCertPem!;
  const next = await createClusterCa({ clusterId, generation: rootCaGeneration(oldPem) + 1 });
  const crossSignedCertPem = await crossSignCa(next.certPem, { certPem: oldPem, keyPem: oldKeyPem });
  const updated = await store.update((tx) => {
    const c = tx.get('cluster', DEFAULT_CLUSTER_ID);
    if (c === undefined) throw initializing();
    if (c.rootRotation !== undefined) throw running();
    if (c.rootCaCertPem !== oldPem)
      throw new ClusterError(ErrorCode.Conflict, 'the root CA changed meanwhile', { hint: 'retry' });
    const u: Cluster = { ...c, rootRotation: { caCertPem: next.certPem, crossSignedCertPem, startedAt: Date.now() } };
    tx.update('cluster', u);
    putSecret(tx, KV_CA_PENDING_KEY, next.keyPem);
    return u;
  });
  log.info({ oldRoot: certificateDigest(oldPem), newRoot: next.digest }, 'root CA rotation started');
  return store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)) ?? updated;
}

/**
 * Finishes the rotation when every node that is not down has a certificate from the new root: the
 * new root becomes the root CA and its key the CA key; the old root and key are gone. Returns
 * whether it finished now. `leaderTerm` fences the write to this leadership.
 */
export async function finishRootRotationIfDone(
  store: ClusterStore,
  log: Logger,
  leaderTerm?: number,
): Promise<boolean> {
  const { cluster, nodes } = store.view((tx) => ({
    cluster: tx.get('cluster', DEFAULT_CLUSTER_ID),
    nodes: tx.list('nodes'),
  }));
  if (cluster === undefined) return false;
  const p = rotationProgress(cluster, nodes);
  if (p === undefined || p.rotated < p.total) return false;
  const newPem = cluster.rootRotation!.caCertPem;
  const done = await store.update(
    (tx) => {
      const c = tx.get('cluster', DEFAULT_CLUSTER_ID);
      if (c?.rootRotation?.caCertPem !== newPem) return false;
      const q = rotationProgress(c, tx.list('nodes'));
      if (q === undefined || q.rotated < q.total) return false;
      const { rootRotation: _done, ...rest } = c;
      tx.update('cluster', { ...rest, rootCaCertPem: newPem });
      putSecret(tx, KV_CA_KEY, readSecret(tx, KV_CA_PENDING_KEY));
      tx.kvDelete(KV_CA_PENDING_KEY);
      return true;
    },
    leaderTerm === undefined ? undefined : { leaderTerm },
  );
  if (done)
    log.info(
      { root: p.newRootDigest, nodes: p.total },
      'root CA rotation finished: the new root is the only root; join tokens changed',
    );
  return done;
}

/** On the leader: finishes a running rotation as soon as it can (checks every intervalMs and on node changes). */
export class RootRotationReconciler {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private stopped = false;
  private readonly log: Logger;

  constructor(private readonly cfg: { store: ClusterStore; logger: Logger; leaderTerm?: number; intervalMs?: number }) {
    this.log = cfg.logger.child({ component: 'root-rotation' });
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.cfg.intervalMs ?? 500);
    this.timer.unref();
    this.kick();
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    return Promise.resolve();
  }

  private kick(): void {
    if (this.busy || this.stopped) return;
    this.busy = true;
    finishRootRotationIfDone(this.cfg.store, this.log, this.cfg.leaderTerm)
      .catch((err: unknown) => this.log.warn({ err }, 'finishing the root CA rotation failed; will retry'))
      .finally(() => {
        this.busy = false;
      });
  }
}
