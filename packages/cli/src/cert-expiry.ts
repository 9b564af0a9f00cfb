// --cert-expiry: how long node certificates live (they renew themselves at 50-80% of it). Durations
// as Docker takes them ("2160h", "90m", "1h30m", plus "d" for days); at least 1h, as in Docker Swarm.
// The floor can only be lowered for tests, by the test-only CLUSTERCTL_TEST_MIN_CERT_EXPIRY_MS.
import { usageError } from './parse.js';

export const MIN_CERT_EXPIRY_MS = 3_600_000;
export const MAX_CERT_EXPIRY_MS = 10 * 365 * 86_400_000;
/** FOR TESTS ONLY: a lower --cert-expiry floor in ms (also read by the node daemon). */
export const TEST_MIN_CERT_EXPIRY_ENV = 'CLUSTERCTL_TEST_MIN_CERT_EXPIRY_MS';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const HINT = 'a lifetime of at least 1h, e.g. --cert-expiry 2160h (90 days, the default) or 720h';

/** The floor: 1h, unless the test-only environment variable lowers it (never below 1 s). */
export function minCertExpiryMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = env[TEST_MIN_CERT_EXPIRY_ENV];
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isSafeInteger(n) && n >= 1_000 ? n : MIN_CERT_EXPIRY_MS;
}

export function parseCertExpiryMs(flag: string, v: string, env: NodeJS.ProcessEnv = process.env): number {
  const s = v.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) throw usageError(`${flag}: invalid duration ${JSON.stringify(v)}`, HINT);
  let ms = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
  ms = Math.round(ms);
  const min = minCertExpiryMs(env);
  if (ms < min) throw usageError(`${flag} ${v} is too short: node certificates live at least ${min === MIN_CERT_EXPIRY_MS ? '1h' : `${min}ms`}`, HINT);
  if (ms > MAX_CERT_EXPIRY_MS) throw usageError(`${flag} ${v} is too long (at most 10 years)`, HINT);
  return ms;
}
