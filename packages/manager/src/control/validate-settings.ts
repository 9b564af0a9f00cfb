// Validation of cluster settings changes (UpdateCluster, like `docker swarm update`): each field
// asked for is checked against its bounds, then merged into the current settings, and the result is
// checked as a whole, so a heartbeat period raised alone cannot leave the grace too short. Fields
// not asked for are not re-checked (init accepts short test values, e.g. a 4 s certificate
// lifetime). Every rule gives INVALID_ARGUMENT with a hint and `details.field`.

import { CLUSTER_SETTINGS_LIMITS, ClusterError, ErrorCode, HOUR_MS } from '@clusterctl/common';
import type { ClusterSettings } from '@clusterctl/store';

/** The bounds (@clusterctl/common, shared with the CLI's checks). */
export const SETTINGS_LIMITS = CLUSTER_SETTINGS_LIMITS;

export interface SettingsChange {
  heartbeatPeriodMs?: number;
  nodeGraceMs?: number;
  taskHistoryLimit?: number;
  nodeCertExpiryMs?: number;
}

function invalid(field: string, message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint, details: { field } });
}

function ms(v: number): string {
  if (v % HOUR_MS === 0) return `${v / HOUR_MS}h`;
  if (v % 1000 === 0) return `${v / 1000}s`;
  return `${v}ms`;
}

function wholeIn(field: string, flag: string, v: number, min: number, max: number, show: (n: number) => string): void {
  if (!Number.isSafeInteger(v) || v < min || v > max) {
    throw invalid(field, `${flag} ${show(v)} is out of range`, `${flag} is from ${show(min)} to ${show(max)}`);
  }
}

/** The settings after `change` (undefined or 0 fields keep their value), checked as a whole. */
export function mergeClusterSettings(current: ClusterSettings, change: SettingsChange): ClusterSettings {
  const L = SETTINGS_LIMITS;
  const asked = (v: number | undefined): v is number => v !== undefined && v !== 0;
  if (asked(change.heartbeatPeriodMs))
    wholeIn(
      'heartbeatPeriodMs',
      '--heartbeat-period',
      change.heartbeatPeriodMs,
      L.minHeartbeatPeriodMs,
      L.maxHeartbeatPeriodMs,
      ms,
    );
  if (asked(change.nodeGraceMs)) wholeIn('nodeGraceMs', '--node-grace', change.nodeGraceMs, 1, L.maxNodeGraceMs, ms);
  if (asked(change.taskHistoryLimit))
    wholeIn(
      'taskHistoryLimit',
      '--task-history-limit',
      change.taskHistoryLimit,
      L.minTaskHistoryLimit,
      L.maxTaskHistoryLimit,
      String,
    );
  if (asked(change.nodeCertExpiryMs))
    wholeIn(
      'nodeCertExpiryMs',
      '--cert-expiry',
      change.nodeCertExpiryMs,
      L.minNodeCertExpiryMs,
      L.maxNodeCertExpiryMs,
      ms,
    );
  const next: ClusterSettings = {
    heartbeatPeriodMs: asked(change.heartbeatPeriodMs) ? change.heartbeatPeriodMs : current.heartbeatPeriodMs,
    nodeGraceMs: asked(change.nodeGraceMs) ? change.nodeGraceMs : current.nodeGraceMs,
    taskHistoryLimit: asked(change.taskHistoryLimit) ? change.taskHistoryLimit : current.taskHistoryLimit,
    nodeCertExpiryMs: asked(change.nodeCertExpiryMs) ? change.nodeCertExpiryMs : current.nodeCertExpiryMs,
  };
  const minGrace = L.minGraceHeartbeats * next.heartbeatPeriodMs;
  if (next.nodeGraceMs < minGrace) {
    throw invalid(
      asked(change.nodeGraceMs) ? 'nodeGraceMs' : 'heartbeatPeriodMs',
      `node grace ${ms(next.nodeGraceMs)} is shorter than ${L.minGraceHeartbeats} heartbeat periods of ${ms(next.heartbeatPeriodMs)}`,
      `a node must be able to miss a heartbeat without being marked down: use --node-grace ${ms(minGrace)} or more (e.g. 4 periods), or a shorter --heartbeat-period`,
    );
  }
  return next;
}
