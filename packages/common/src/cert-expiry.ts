// The lifetime of node certificates (`init --cert-expiry`, `cluster update --cert-expiry`, the node
// daemon's --cert-expiry): a duration (durations.ts) of at least 1h, as in Docker Swarm, and at most
// 10 years. Only tests may lower the floor, through CLUSTERCTL_TEST_MIN_CERT_EXPIRY_MS; a bad value of
// that variable is refused, never silently ignored (a test would otherwise run hour-long certificates).
import { DAY_MS, formatDurationMs, HOUR_MS, parseDurationMs } from './durations.js';
import { ClusterError, ErrorCode } from './errors.js';

export const MIN_CERT_EXPIRY_MS = HOUR_MS;
export const MAX_CERT_EXPIRY_MS = 10 * 365 * DAY_MS;
/** The default lifetime: 90 days (as Docker Swarm). */
export const DEFAULT_CERT_EXPIRY_MS = 90 * DAY_MS;
/** FOR TESTS ONLY: a lower --cert-expiry floor, a whole number of ms, at least 1000. */
export const TEST_MIN_CERT_EXPIRY_ENV = 'CLUSTERCTL_TEST_MIN_CERT_EXPIRY_MS';

const HINT = 'a lifetime of at least 1h, e.g. --cert-expiry 2160h (90 days, the default) or 720h';

/** The floor: 1h, or the test override from the environment (a bad override is INVALID_ARGUMENT). */
export function minCertExpiryMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = env[TEST_MIN_CERT_EXPIRY_ENV];
  if (v === undefined || v === '') return MIN_CERT_EXPIRY_MS;
  const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1_000) {
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `${TEST_MIN_CERT_EXPIRY_ENV}=${JSON.stringify(v)}: expected a whole number of ms >= 1000 (tests only)`,
      {
        hint: `unset ${TEST_MIN_CERT_EXPIRY_ENV}: it exists for tests only`,
      },
    );
  }
  return n;
}

/** A --cert-expiry value in ms: the duration syntax, within the floor (minCertExpiryMs) and 10 years. */
export function parseCertExpiryMs(flag: string, v: string, env: NodeJS.ProcessEnv = process.env): number {
  const min = minCertExpiryMs(env);
  const ms = parseDurationMs(flag, v, { hint: HINT });
  if (ms < min)
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `${flag} ${v} is too short: node certificates live at least ${formatDurationMs(min)}`,
      { hint: HINT },
    );
  if (ms > MAX_CERT_EXPIRY_MS)
    throw new ClusterError(ErrorCode.InvalidArgument, `${flag} ${v} is too long (at most 10 years)`, { hint: HINT });
  return ms;
}
