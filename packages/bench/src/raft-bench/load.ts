// Closed-loop load generator: C workers, each doing put(key, value) back to back. A warm-up
// phase runs first and is not recorded; then latencies (hrtime) of the measured phase are
// collected into one array and summarized. Works against any PutTarget.

import { randomBytes } from 'node:crypto';

export interface PutTarget {
  put(key: string, value: Uint8Array): Promise<void>;
  close(): void;
}

export interface LoadConfig {
  /** Number of concurrent workers (each has one put in flight at a time). */
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  valueBytes: number;
  /** Keys are drawn uniformly from this many distinct keys. */
  keySpace: number;
  /** Key prefix, so separate phases do not collide. */
  keyPrefix: string;
}

export const defaultLoadConfig: LoadConfig = {
  concurrency: 1,
  warmupMs: 1000,
  measureMs: 5000,
  valueBytes: 64,
  keySpace: 100_000,
  keyPrefix: 'bench/',
};

export interface LoadResult {
  concurrency: number;
  /** Writes acknowledged during the measured phase, divided by its length. */
  writesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Acknowledged writes in the measured phase. */
  writes: number;
  /** Failed puts in warm-up + measured phase. */
  errors: number;
  firstError?: string;
  measuredMs: number;
}

/** Runs hooks around the measured phase (e.g. to sample CPU counters). */
export interface LoadHooks {
  onMeasureStart?: () => void;
  onMeasureEnd?: () => void;
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * Runs the closed loop. Each worker awaits its put before issuing the next. Writes acknowledged
 * inside the measured window are counted (and their latencies recorded); later ones are not.
 */
export async function runLoad(
  target: PutTarget,
  partial: Partial<LoadConfig> = {},
  hooks: LoadHooks = {},
): Promise<LoadResult> {
  const cfg: LoadConfig = { ...defaultLoadConfig, ...partial };
  if (cfg.concurrency < 1) throw new Error('concurrency must be >= 1');
  // A pool of values so the generator itself costs nearly nothing per put.
  const values: Uint8Array[] = [];
  for (let i = 0; i < 64; i++) values.push(randomBytes(cfg.valueBytes));
  const keyWidth = String(cfg.keySpace - 1).length;

  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let errors = 0;
  let firstError: string | undefined;
  let phase: 'warmup' | 'measure' | 'done' = 'warmup';

  const record = (ms: number): void => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = ms;
  };

  let seq = 0;
  const worker = async (): Promise<void> => {
    while (phase !== 'done') {
      const n = seq++;
      const key = cfg.keyPrefix + String(Math.floor(Math.random() * cfg.keySpace)).padStart(keyWidth, '0');
      const value = values[n & 63] as Uint8Array;
      const t0 = process.hrtime.bigint();
      try {
        await target.put(key, value);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        // Throughput = completions inside the measured window (a closed loop is already in steady
        // state after the warm-up, so puts that started just before the window count too).
        if (phase === 'measure') record(ms);
      } catch (err) {
        errors++;
        if (firstError === undefined) firstError = err instanceof Error ? err.message : String(err);
        // Back off a little so a dead target does not spin the CPU.
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };

  const workers: Promise<void>[] = [];
  for (let i = 0; i < cfg.concurrency; i++) workers.push(worker());

  await new Promise((r) => setTimeout(r, cfg.warmupMs));
  phase = 'measure';
  hooks.onMeasureStart?.();
  const m0 = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, cfg.measureMs));
  phase = 'done';
  const measuredMs = Number(process.hrtime.bigint() - m0) / 1e6;
  hooks.onMeasureEnd?.();
  await Promise.all(workers);

  const sorted = latencies.subarray(0, count).sort();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i] as number;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const result: LoadResult = {
    concurrency: cfg.concurrency,
    writesPerSec: Math.round((count / measuredMs) * 1000),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(count > 0 ? (sorted[count - 1] as number) : Number.NaN),
    meanMs: round(count > 0 ? sum / count : Number.NaN),
    writes: count,
    errors,
    measuredMs: Math.round(measuredMs),
  };
  if (firstError !== undefined) result.firstError = firstError;
  return result;
}
