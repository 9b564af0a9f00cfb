// Agent heartbeat timing shared by both ends of a session: the agent ends a session whose heartbeat
// calls outlive this deadline (after a retry on the same manager), and the leader's dispatcher counts
// on it for the first grace it gives every node after a leader change.

/** The smallest heartbeat-call deadline, whatever the period. */
export const MIN_HEARTBEAT_DEADLINE_MS = 1_500;

/** The deadline of one heartbeat call for a heartbeat period: max(1.5 s, 3 periods). */
export function heartbeatDeadlineMs(heartbeatPeriodMs: number): number {
  return Math.max(MIN_HEARTBEAT_DEADLINE_MS, 3 * heartbeatPeriodMs);
}

/**
 * A heartbeat call that ran past its deadline is sent again at once, on the same session and
 * manager, this many times in a row before the agent ends the session: a leader that answers late
 * (its process starved of CPU) keeps its sessions instead of seeing them all reconnect at once.
 */
export const HEARTBEAT_TIMEOUT_RETRIES = 1;

/**
 * The longest an agent takes to notice that its manager vanished without a word (killed host, no
 * TCP RST): a heartbeat goes out one period after the previous answer, and it and its retries each
 * run out their deadline.
 */
export function agentManagerLossMs(heartbeatPeriodMs: number): number {
  return heartbeatPeriodMs + (1 + HEARTBEAT_TIMEOUT_RETRIES) * heartbeatDeadlineMs(heartbeatPeriodMs);
}
