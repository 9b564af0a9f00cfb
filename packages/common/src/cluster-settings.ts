// The bounds of the cluster settings (`init` and `cluster update` flags): checked by the CLI before
// anything is sent and again by the managers (init, UpdateCluster), from this one table.
import { MAX_CERT_EXPIRY_MS, MIN_CERT_EXPIRY_MS } from './cert-expiry.js';
import { HOUR_MS } from './durations.js';

export const CLUSTER_SETTINGS_LIMITS = {
  minHeartbeatPeriodMs: 50,
  maxHeartbeatPeriodMs: 600_000,
  /** The grace must cover at least this many heartbeat periods (one lost heartbeat is no outage). */
  minGraceHeartbeats: 2,
  maxNodeGraceMs: HOUR_MS,
  minTaskHistoryLimit: 1,
  maxTaskHistoryLimit: 1_000,
  /** As Swarm: node certificates live at least an hour (tests may lower it: cert-expiry.ts). */
  minNodeCertExpiryMs: MIN_CERT_EXPIRY_MS,
  maxNodeCertExpiryMs: MAX_CERT_EXPIRY_MS,
} as const;
