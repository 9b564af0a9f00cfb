// Control API: the cluster (info, settings) and, manager to manager, the leader's view of which
// managers are reachable. Settings are checked as a whole after the merge with the current ones.

import { X509Certificate } from 'node:crypto';
import { ClusterError, ErrorCode, versionConflictDetails } from '@clusterctl/common';
import { certificateDigest } from '@clusterctl/ca';
import { DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_NETWORK, type Cluster, type Node } from '@clusterctl/store';
import { clusterNetworkToProto } from '../api/convert.js';
import { DATA_PATH_BACKENDS, isDataPathBackend } from '../network/settings.js';
import type { clusterctl } from '@clusterctl/proto';
import type { Call, ControlContext } from './context.js';
import { leaderReport } from './manager-reachability.js';
import { mergeClusterSettings } from './validate-settings.js';
import { rotationProgress, startRootRotation } from '../ca/root-rotation.js';
import { deleteUnlockKey, putNewUnlockKey, readUnlockKey } from '../at-rest/autolock.js';

/** The root CA certificate's expiry (ms since the epoch) and digest; zero/empty when unreadable. */
export function rootCaFacts(pem: string | undefined): { expiresAt: number; digest: string } {
  if (pem === undefined || pem === '') return { expiresAt: 0, digest: '' };
  try {
    const expiresAt = Date.parse(new X509Certificate(pem).validTo);
    return { expiresAt: Number.isFinite(expiresAt) ? expiresAt : 0, digest: certificateDigest(pem) };
  } catch {
    return { expiresAt: 0, digest: '' };
  }
}

function rotationInfo(cluster: Cluster, nodes: readonly Node[]): Pick<clusterctl.control.IClusterInfo, 'rootRotation'> {
  const p = rotationProgress(cluster, nodes);
  if (p === undefined) return {};
  return {
    rootRotation: {
      newRootCaDigest: p.newRootDigest,
      startedAt: cluster.rootRotation!.startedAt,
      nodesRotated: p.rotated,
      nodesTotal: p.total,
    },
  };
}

export function clusterMethods(ctx: ControlContext) {
  const { store, raft, deps, log, read, managerView, reachabilityFacts } = ctx;

  async function clusterInfo(cluster: Cluster, nodes: readonly Node[]): Promise<clusterctl.control.IClusterInfo> {
    const mv = await managerView();
    const managers = nodes
      .filter((n) => n.managerStatus !== undefined)
      .map((n) => ({
        raftId: n.managerStatus!.raftId,
        addr: n.managerStatus!.addr,
        leader: n.managerStatus!.raftId === mv.leaderRaftId,
        reachability: mv.reachability(n.managerStatus!.raftId),
      }));
    const ca = rootCaFacts(cluster.rootCaCertPem);
    return {
      clusterId: deps.clusterId,
      leaderNodeId: mv.leaderRaftId === 0 ? '' : deps.raftIds.nodeIdOf(mv.leaderRaftId),
      heartbeatPeriodMs: cluster.settings.heartbeatPeriodMs,
      nodeGraceMs: cluster.settings.nodeGraceMs,
      taskHistoryLimit: cluster.settings.taskHistoryLimit,
      nodeCertExpiryMs: cluster.settings.nodeCertExpiryMs,
      version: cluster.meta.version,
      createdAt: cluster.meta.createdAt,
      updatedAt: cluster.meta.updatedAt,
      rootCaExpiresAt: ca.expiresAt,
      rootCaDigest: ca.digest,
      rootCaCertPem: cluster.rootCaCertPem ?? '',
      managers,
      ...rotationInfo(cluster, nodes),
      network: clusterNetworkToProto(cluster.network ?? DEFAULT_CLUSTER_NETWORK),
      autolock: store.view((tx) => readUnlockKey(tx)) !== undefined,
      dashboardTokensNotBefore: cluster.dashboardTokensNotBefore ?? 0,
    };
  }

  async function getClusterInfo(): Promise<clusterctl.control.IClusterInfo> {
    const { cluster, nodes } = await read((tx) => ({
      cluster: tx.get('cluster', DEFAULT_CLUSTER_ID),
      nodes: tx.list('nodes'),
    }));
    if (cluster === undefined)
      throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', {
        hint: 'retry in a moment',
      });
    return clusterInfo(cluster, nodes);
  }

  /** Manager to manager: the leader's reachability of every raft member (NOT_LEADER elsewhere). */
  function getManagerReachability(): Promise<clusterctl.control.IManagerReachabilityResponse> {
    return Promise.resolve(leaderReport(reachabilityFacts()));
  }

  /**
   * Changes cluster settings (zero fields unchanged), checked as a whole after the merge. The
   * dispatcher reads them on every heartbeat and pushes a new heartbeat period to live sessions.
   */
  async function updateCluster(
    call: Call<clusterctl.control.UpdateClusterRequest, clusterctl.control.IClusterInfo>,
  ): Promise<clusterctl.control.IClusterInfo> {
    const req = call.request;
    const change = {
      heartbeatPeriodMs: Number(req.heartbeatPeriodMs ?? 0),
      nodeGraceMs: Number(req.nodeGraceMs ?? 0),
      taskHistoryLimit: Number(req.taskHistoryLimit ?? 0),
      nodeCertExpiryMs: Number(req.nodeCertExpiryMs ?? 0),
    };
    // networking: the data-path backend may change (agents follow the next network map)
    const backend = req.dataPathBackend ?? '';
    if (backend !== '' && !isDataPathBackend(backend))
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid --data-path-backend ${JSON.stringify(backend)}`, {
        hint: `the data-path backend is one of ${DATA_PATH_BACKENDS.join(', ')}`,
        details: { field: '--data-path-backend' },
      });
    // autolock: '' unchanged | 'true' | 'false'
    const autolock = req.autolock ?? '';
    if (autolock !== '' && autolock !== 'true' && autolock !== 'false')
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid --autolock ${JSON.stringify(autolock)}`, {
        hint: '--autolock=true or --autolock=false',
        details: { field: '--autolock' },
      });
    // dashboard: login tokens issued until now are refused from now on
    const revokeTokens = req.revokeDashboardTokens === true;
    if (Object.values(change).every((v) => v === 0) && backend === '' && autolock === '' && !revokeTokens) {
      throw new ClusterError(ErrorCode.InvalidArgument, 'no setting to change', {
        hint: 'give at least one of --heartbeat-period, --node-grace, --task-history-limit, --cert-expiry, --data-path-backend, --autolock',
      });
    }
    const version = Number(req.version ?? 0);
    await raft.readBarrier();
    const settings = await store.update((tx) => {
      const c = tx.get('cluster', DEFAULT_CLUSTER_ID);
      if (c === undefined)
        throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', {
          hint: 'retry in a moment',
        });
      if (version !== 0 && c.meta.version !== version) {
        throw new ClusterError(
          ErrorCode.Conflict,
          `the cluster settings changed since version ${version} (now ${c.meta.version})`,
          {
            hint: 'inspect the cluster again (clusterctl cluster inspect) and retry',
            details: versionConflictDetails(c.meta.version),
          },
        );
      }
      // autolock on keeps the current unlock key (a new one only when it was off)
      if (autolock === 'true' && readUnlockKey(tx) === undefined) putNewUnlockKey(tx);
      if (autolock === 'false') deleteUnlockKey(tx);
      const onlyBackend = Object.values(change).every((v) => v === 0);
      const next = onlyBackend ? c.settings : mergeClusterSettings(c.settings, change);
      const network =
        backend === ''
          ? c.network
          : { ...(c.network ?? DEFAULT_CLUSTER_NETWORK), backend: backend as typeof DEFAULT_CLUSTER_NETWORK.backend };
      const notBefore = revokeTokens ? { dashboardTokensNotBefore: Date.now() } : {};
      tx.update('cluster', { ...c, settings: next, ...(network !== undefined ? { network } : {}), ...notBefore });
      return {
        ...next,
        ...(backend !== '' ? { backend } : {}),
        ...(autolock !== '' ? { autolock } : {}),
        ...notBefore,
      };
    });
    log.info({ ...settings }, 'cluster settings updated');
    const { cluster, nodes } = store.view((tx) => ({
      cluster: tx.get('cluster', DEFAULT_CLUSTER_ID)!,
      nodes: tx.list('nodes'),
    }));
    return clusterInfo(cluster, nodes);
  }

  /**
   * Starts a root CA rotation (like `docker swarm ca --rotate`); the leader finishes it once every
   * node that is not down has a certificate from the new root. Progress: GetClusterInfo.rootRotation.
   */
  async function rotateRootCa(): Promise<clusterctl.control.IClusterInfo> {
    await raft.readBarrier();
    const cluster = await startRootRotation(store, deps.clusterId, log);
    return clusterInfo(
      cluster,
      store.view((tx) => tx.list('nodes')),
    );
  }

  /**
   * autolock: the cluster's unlock key, or a new one (rotate: every manager rewraps its data key
   * with it as it applies the change). FAILED_PRECONDITION when autolock is off.
   */
  async function getUnlockKey(
    call: Call<clusterctl.control.GetUnlockKeyRequest, clusterctl.control.IGetUnlockKeyResponse>,
  ): Promise<clusterctl.control.IGetUnlockKeyResponse> {
    await raft.readBarrier();
    const off = (): ClusterError =>
      new ClusterError(ErrorCode.FailedPrecondition, 'autolock is off: this cluster has no unlock key', {
        hint: 'turn it on with `clusterctl cluster update --autolock=true`',
      });
    if (call.request.rotate !== true) {
      const key = store.view((tx) => readUnlockKey(tx));
      if (key === undefined) throw off();
      return { unlockKey: key };
    }
    const key = await store.update((tx) => {
      if (readUnlockKey(tx) === undefined) throw off();
      return putNewUnlockKey(tx);
    });
    log.info({}, 'unlock key rotated');
    return { unlockKey: key };
  }

  return { getClusterInfo, updateCluster, getManagerReachability, rotateRootCa, getUnlockKey };
}
