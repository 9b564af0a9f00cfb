// Agent heartbeat timing shared by both ends of a session: the agent ends a session whose heartbeat
// call outlives this deadline, and the leader's dispatcher counts on it for the first grace it gives
// every node after a leader change.

/** The smallest heartbeat-call deadline, whatever the period. */
export const MIN_HEARTBEAT_DEADLINE_MS = 1_500;

/** The deadline of one heartbeat call for a heartbeat period: max(1.5 s, 3 periods). */
export function heartbeatDeadlineMs(heartbeatPeriodMs: number): number {
  return Math.max(MIN_HEARTBEAT_DEADLINE_MS, 3 * heartbeatPeriodMs);
}
