// Docker's defaults for a health check's timings: the managers store a check with 0 meaning these,
// and the agent runs it with them, so both read the one table.

/** Docker's defaults for a check's timings (used where a check says 0). */
export const HEALTHCHECK_DEFAULTS = Object.freeze({
  intervalMs: 30_000,
  timeoutMs: 30_000,
  retries: 3,
  startPeriodMs: 0,
});
