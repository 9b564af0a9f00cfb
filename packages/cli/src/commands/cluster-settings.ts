// cluster inspect | update: the cluster record's settings (like `docker swarm update` and the Swarm
// part of `docker info`). The flags are checked here first; the managers check the merged settings
// as a whole (grace at least 2 heartbeat periods) and the dispatcher applies them to live sessions.
import { CLUSTER_SETTINGS_LIMITS, parseCertExpiryMs, parseDurationMs as parseDuration } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { formatDurationMs, parseChoice, parseCount, usageError } from '../parse.js';
import type { Output } from '../render.js';
import { unlockKeyLines } from './autolock.js';

export interface ClusterUpdateOptions {
  heartbeatPeriod?: string;
  nodeGrace?: string;
  taskHistoryLimit?: string;
  certExpiry?: string;
  // networking
  dataPathBackend?: string;
  /** autolock: 'true' | 'false' (`--autolock=true`; a bare `--autolock` is true). */
  autolock?: string | boolean;
}

/** The managers' bounds (@clusterctl/common), checked here before anything is sent. */
export const CLUSTER_LIMITS = CLUSTER_SETTINGS_LIMITS;

function durationIn(flag: string, v: string, minMs: number, maxMs: number): number {
  return parseDuration(flag, v, { minMs, maxMs });
}

/** The UpdateCluster request for the flags (0: unchanged); every value checked before anything is sent. */
export function clusterUpdateRequest(o: ClusterUpdateOptions): clusterctl.control.IUpdateClusterRequest {
  const L = CLUSTER_LIMITS;
  const req: { heartbeatPeriodMs: number; nodeGraceMs: number; taskHistoryLimit: number; nodeCertExpiryMs: number } = {
    heartbeatPeriodMs: 0,
    nodeGraceMs: 0,
    taskHistoryLimit: 0,
    nodeCertExpiryMs: 0,
  };
  if (o.heartbeatPeriod !== undefined)
    req.heartbeatPeriodMs = durationIn(
      '--heartbeat-period',
      o.heartbeatPeriod,
      L.minHeartbeatPeriodMs,
      L.maxHeartbeatPeriodMs,
    );
  if (o.nodeGrace !== undefined) req.nodeGraceMs = durationIn('--node-grace', o.nodeGrace, 1, L.maxNodeGraceMs);
  if (
    req.heartbeatPeriodMs > 0 &&
    req.nodeGraceMs > 0 &&
    req.nodeGraceMs < L.minGraceHeartbeats * req.heartbeatPeriodMs
  ) {
    throw usageError(
      `--node-grace ${o.nodeGrace} is shorter than ${L.minGraceHeartbeats} heartbeat periods of ${o.heartbeatPeriod}`,
      `a node must be able to miss a heartbeat without being marked down: use --node-grace ${formatDurationMs(L.minGraceHeartbeats * req.heartbeatPeriodMs)} or more`,
    );
  }
  if (o.taskHistoryLimit !== undefined) {
    req.taskHistoryLimit = parseCount('--task-history-limit', o.taskHistoryLimit, L.maxTaskHistoryLimit);
    if (req.taskHistoryLimit < 1)
      throw usageError(
        '--task-history-limit: must be at least 1',
        'the current task of a slot counts: 1 keeps no history, the default is 5',
      );
  }
  // the same syntax and bounds as `init --cert-expiry` ("2160h", "1h30m", "90d"; at least 1h)
  if (o.certExpiry !== undefined) req.nodeCertExpiryMs = parseCertExpiryMs('--cert-expiry', o.certExpiry);
  // networking: how task traffic crosses nodes
  const backend =
    o.dataPathBackend === undefined
      ? undefined
      : parseChoice('--data-path-backend', o.dataPathBackend, ['auto', 'host-gw', 'vxlan'] as const);
  // autolock
  const autolock =
    o.autolock === undefined
      ? undefined
      : o.autolock === true
        ? 'true'
        : parseChoice('--autolock', String(o.autolock), ['true', 'false'] as const);
  if (Object.values(req).every((v) => v === 0) && backend === undefined && autolock === undefined) {
    throw usageError(
      'cluster update: nothing to change',
      'give at least one of --heartbeat-period, --node-grace, --task-history-limit, --cert-expiry, --data-path-backend, --autolock, e.g. clusterctl cluster update --node-grace 5s',
    );
  }
  return {
    ...req,
    ...(backend === undefined ? {} : { dataPathBackend: backend }),
    ...(autolock === undefined ? {} : { autolock }),
  };
}

export interface ClusterView {
  clusterId: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  leaderNodeId: string;
  settings: { heartbeatPeriodMs: number; nodeGraceMs: number; taskHistoryLimit: number; nodeCertExpiryMs: number };
  rootCa: { digest: string; expiresAt: number };
  /** A root CA rotation in progress (`cluster ca --rotate`); absent when none runs. */
  rootRotation?: { newRootDigest: string; startedAt: number; nodesRotated: number; nodesTotal: number };
  /** Managers start locked until `clusterctl unlock`. */
  autolock: boolean;
  managers: { raftId: number; addr: string; leader: boolean; reachability: string }[];
  /** Networking: address pools, data-path backend and port, MTU (0: each node derives it), DNS domain. */
  network: {
    clusterCidr: string;
    vipCidr: string;
    nodeSubnetBits: number;
    backend: string;
    vxlanPort: number;
    mtu: number;
    dnsDomain: string;
  };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));

export function clusterView(i: clusterctl.control.IClusterInfo): ClusterView {
  return {
    clusterId: i.clusterId ?? '',
    version: num(i.version),
    createdAt: num(i.createdAt),
    updatedAt: num(i.updatedAt),
    leaderNodeId: i.leaderNodeId ?? '',
    settings: {
      heartbeatPeriodMs: num(i.heartbeatPeriodMs),
      nodeGraceMs: num(i.nodeGraceMs),
      taskHistoryLimit: num(i.taskHistoryLimit),
      nodeCertExpiryMs: num(i.nodeCertExpiryMs),
    },
    rootCa: { digest: i.rootCaDigest ?? '', expiresAt: num(i.rootCaExpiresAt) },
    autolock: i.autolock === true,
    ...(i.rootRotation
      ? {
          rootRotation: {
            newRootDigest: i.rootRotation.newRootCaDigest ?? '',
            startedAt: num(i.rootRotation.startedAt),
            nodesRotated: num(i.rootRotation.nodesRotated),
            nodesTotal: num(i.rootRotation.nodesTotal),
          },
        }
      : {}),
    managers: (i.managers ?? []).map((m) => ({
      raftId: num(m.raftId),
      addr: m.addr ?? '',
      leader: m.leader === true,
      reachability: m.reachability ?? '',
    })),
    network: {
      clusterCidr: i.network?.clusterCidr ?? '',
      vipCidr: i.network?.vipCidr ?? '',
      nodeSubnetBits: num(i.network?.nodeSubnetBits),
      backend: i.network?.backend ?? '',
      vxlanPort: num(i.network?.vxlanPort),
      mtu: num(i.network?.mtu),
      dnsDomain: i.network?.dnsDomain ?? '',
    },
  };
}

const iso = (ms: number): string => (ms > 0 ? new Date(ms).toISOString() : 'unknown');

export function clusterLines(v: ClusterView): string[] {
  return [
    `ID:                  ${v.clusterId}`,
    `Created:             ${iso(v.createdAt)}`,
    `Updated:             ${iso(v.updatedAt)} (version ${v.version})`,
    `Leader:              ${v.leaderNodeId || 'none'}`,
    `Managers:            ${v.managers.map((m) => `${m.addr}${m.leader ? ' (leader)' : ''}`).join(', ')}`,
    `Heartbeat period:    ${formatDurationMs(v.settings.heartbeatPeriodMs)}`,
    `Node grace:          ${formatDurationMs(v.settings.nodeGraceMs)}`,
    `Task history limit:  ${v.settings.taskHistoryLimit}`,
    `Node cert expiry:    ${formatDurationMs(v.settings.nodeCertExpiryMs)}`,
    `Root CA digest:      sha256:${v.rootCa.digest}`,
    `Root CA expires:     ${iso(v.rootCa.expiresAt)}`,
    `Root rotation:       ${rotationLine(v.rootRotation)}`,
    `Autolock:            ${v.autolock ? 'on' : 'off'}`,
    `Address pool:        ${v.network.clusterCidr || 'unknown'} (/${v.network.nodeSubnetBits} per node)`,
    `VIP pool:            ${v.network.vipCidr || 'unknown'}`,
    `Data path:           ${v.network.backend || 'unknown'}, VXLAN port ${v.network.vxlanPort}, MTU ${v.network.mtu === 0 ? 'auto' : v.network.mtu}`,
  ];
}

/** The rotation line of `cluster inspect`: none, or the new root and how many nodes have a certificate from it. */
export function rotationLine(r: ClusterView['rootRotation']): string {
  if (r === undefined) return 'none';
  return `in progress since ${iso(r.startedAt)}: ${r.nodesRotated}/${r.nodesTotal} nodes rotated (new root sha256:${r.newRootDigest})`;
}

export async function clusterInspect(ctx: Ctx): Promise<Output> {
  const v = clusterView(await ctx.client().control('getClusterInfo', {}));
  return { kind: 'text', lines: clusterLines(v), json: v };
}

export async function clusterUpdate(ctx: Ctx, o: ClusterUpdateOptions): Promise<Output> {
  const req = clusterUpdateRequest(o);
  const v = clusterView(await ctx.client().control('updateCluster', req));
  // autolock on: the unlock key is shown (as docker swarm update --autolock=true does)
  if (req.autolock === 'true') {
    const key = (await ctx.client().control('getUnlockKey', { rotate: false })).unlockKey;
    return {
      kind: 'text',
      lines: ['Cluster updated.', ...clusterLines(v), '', ...unlockKeyLines(key)],
      json: { ...v, unlockKey: key },
    };
  }
  return { kind: 'text', lines: ['Cluster updated.', ...clusterLines(v)], json: v };
}
