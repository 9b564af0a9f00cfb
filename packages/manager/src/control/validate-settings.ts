// Validation of cluster settings changes (UpdateCluster, like `docker swarm update`): the request's
// non-zero fields are merged into the current settings and the result is checked as a whole, so a
// heartbeat period raised alone cannot leave the grace too short. Every rule gives
// INVALID_ARGUMENT with a hint and `details.field`.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { ClusterSettings } from '@clusterctl/store';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const SETTINGS_LIMITS = {
  minHeartbeatPeriodMs: 100,
  maxHeartbeatPeriodMs: 60_000,
  /** The grace must cover at least this many heartbeat periods (one lost heartbeat is no outage). */
  minGraceHeartbeats: 2,
  maxNodeGraceMs: HOUR_MS,
  minTaskHistoryLimit: 1,
  maxTaskHistoryLimit: 1_000,
  /** As Swarm: node certificates live at least an hour. */
  minNodeCertExpiryMs: HOUR_MS,
  maxNodeCertExpiryMs: 10 * 365 * DAY_MS,
} as const;

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
  const pick = (v: number | undefined, cur: number): number => (v === undefined || v === 0 ? cur : v);
  const next: ClusterSettings = {
    heartbeatPeriodMs: pick(change.heartbeatPeriodMs, current.heartbeatPeriodMs),
    nodeGraceMs: pick(change.nodeGraceMs, current.nodeGraceMs),
    taskHistoryLimit: pick(change.taskHistoryLimit, current.taskHistoryLimit),
    nodeCertExpiryMs: pick(change.nodeCertExpiryMs, current.nodeCertExpiryMs),
  };
  validateClusterSettings(next, change);
  return next;
}

/** Checks complete settings; `change` only says which fields were asked for (for the messages). */
export function validateClusterSettings(s: ClusterSettings, change: SettingsChange = {}): void {
  const L = SETTINGS_LIMITS;
  wholeIn('heartbeatPeriodMs', '--heartbeat-period', s.heartbeatPeriodMs, L.minHeartbeatPeriodMs, L.maxHeartbeatPeriodMs, ms);
  wholeIn('nodeGraceMs', '--node-grace', s.nodeGraceMs, 1, L.maxNodeGraceMs, ms);
  const minGrace = L.minGraceHeartbeats * s.heartbeatPeriodMs;
  if (s.nodeGraceMs < minGrace) {
    const asked = change.nodeGraceMs !== undefined && change.nodeGraceMs !== 0;
    throw invalid(
      asked ? 'nodeGraceMs' : 'heartbeatPeriodMs',
      `node grace ${ms(s.nodeGraceMs)} is shorter than ${L.minGraceHeartbeats} heartbeat periods of ${ms(s.heartbeatPeriodMs)}`,
      `a node must be able to miss a heartbeat without being marked down: use --node-grace ${ms(minGrace)} or more (e.g. 4 periods), or a shorter --heartbeat-period`,
    );
  }
  wholeIn('taskHistoryLimit', '--task-history-limit', s.taskHistoryLimit, L.minTaskHistoryLimit, L.maxTaskHistoryLimit, String);
  wholeIn('nodeCertExpiryMs', '--cert-expiry', s.nodeCertExpiryMs, L.minNodeCertExpiryMs, L.maxNodeCertExpiryMs, ms);
}
