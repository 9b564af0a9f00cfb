// Durations as users type them, one grammar for the CLI and the node daemon: Docker's (Go's
// time.ParseDuration) without its sub-millisecond units and signs, plus `d` for days. A duration is
// one or more `<number><unit>` terms, the number a decimal ("1.5"), the unit ms, s, m, h or d:
// "500ms", "2s", "1.5s", "1m30s", "2160h", "90d". A bare number is refused (is "500" ms or s?),
// except "0" where zero is allowed (as Go accepts "0"). Values are rounded to whole milliseconds.
import { ClusterError, ErrorCode } from './errors.js';

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: SECOND_MS, m: MINUTE_MS, h: HOUR_MS, d: DAY_MS };
const TERM = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

export const DURATION_HINT =
  'a duration is a number with a unit ms, s, m, h or d, or a sum of them, e.g. 500ms, 2s, 1m30s, 2160h';

export interface DurationBounds {
  /** Smallest accepted value (default 1 ms: zero refused). 0 also accepts a bare "0". */
  minMs?: number;
  /** Largest accepted value (default: no bound but a safe integer). */
  maxMs?: number;
  /** The hint of a value out of bounds (default: the bounds and an example). */
  hint?: string;
}

function invalid(message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint });
}

/**
 * `v` in milliseconds, or a ClusterError INVALID_ARGUMENT naming `flag` (e.g. "--node-grace") with
 * a hint saying what a valid value looks like.
 */
export function parseDurationMs(flag: string, v: string, bounds: DurationBounds = {}): number {
  const minMs = bounds.minMs ?? 1;
  const maxMs = bounds.maxMs ?? Number.MAX_SAFE_INTEGER;
  const s = v.trim();
  let ms: number;
  if (minMs <= 0 && /^0+$/.test(s)) ms = 0;
  else {
    if (!WHOLE.test(s)) throw invalid(`${flag}: invalid duration ${JSON.stringify(v)}`, DURATION_HINT);
    ms = 0;
    for (const m of s.matchAll(TERM)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
    ms = Math.round(ms);
  }
  const range = `${flag} is from ${formatDurationMs(Math.max(minMs, 0))}${maxMs < Number.MAX_SAFE_INTEGER ? ` to ${formatDurationMs(maxMs)}` : ''}`;
  if (ms < minMs)
    throw invalid(
      `${flag}: duration ${JSON.stringify(v)} is shorter than ${formatDurationMs(Math.max(minMs, 1))}`,
      bounds.hint ?? `${range}, e.g. 500ms, 2s, 1m`,
    );
  if (!Number.isSafeInteger(ms) || ms > maxMs)
    throw invalid(
      `${flag}: duration ${JSON.stringify(v)} is longer than ${formatDurationMs(maxMs)}`,
      bounds.hint ?? `${range}, e.g. 500ms, 2s, 1m`,
    );
  return ms;
}

/** 500 -> "500ms", 2000 -> "2s", 90 days -> "90d": the largest unit that divides it (parseDurationMs reads it back). */
export function formatDurationMs(ms: number): string {
  for (const [unit, size] of [
    ['d', DAY_MS],
    ['h', HOUR_MS],
    ['m', MINUTE_MS],
    ['s', SECOND_MS],
  ] as const)
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
