// Figures of `npm run bench:scale`: latency summaries and rounding.

import { percentile } from '../raft-bench/load.js';

export interface LatencySummary {
  n: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** `x` rounded to `digits` decimals (NaN stays NaN). */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** p50, p99 and max of latencies in ms (nearest rank; NaN for none). */
export function latencySummary(ms: number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
  };
}
