// Shrinks a failing simulation to a minimal reproduction: the same seed with the fewest steps
// that still fails with the same property, then with every fault event disabled that is not
// needed for the failure. Deterministic: the result depends on the seed only.

import { simulate, type RaftCore, type SimOptions, type SimResult } from './simulator.js';

export interface ShrinkResult {
  options: SimOptions;
  result: SimResult;
  runs: number;
}

export interface ShrinkLimits {
  /** Max simulation runs spent shrinking. */
  maxRuns?: number;
}

export function shrink(
  core: RaftCore,
  failing: SimOptions,
  original: SimResult,
  limits: ShrinkLimits = {},
): ShrinkResult {
  if (original.ok || original.failure === undefined) throw new Error('shrink needs a failing run');
  const property = original.failure.property;
  const maxRuns = limits.maxRuns ?? 200;
  let runs = 0;
  const attempt = (o: SimOptions): SimResult | undefined => {
    if (runs >= maxRuns) return undefined;
    runs++;
    const r = simulate(core, o);
    return !r.ok && r.failure?.property === property ? r : undefined;
  };

  let best: ShrinkResult = { options: failing, result: original, runs: 0 };
  // 1. Fewest steps. A failure during the faulty phase at step s reproduces with steps = s.
  let hi = failing.steps;
  if (original.failure.step < failing.steps) {
    const o = { ...failing, steps: Math.max(1, original.failure.step) };
    const r = attempt(o);
    if (r) {
      best = { options: o, result: r, runs };
      hi = o.steps;
    }
  }
  let lo = 1;
  while (lo < hi && runs < maxRuns) {
    const mid = Math.floor((lo + hi) / 2);
    const o = { ...failing, steps: mid };
    const r = attempt(o);
    if (r) {
      best = { options: o, result: r, runs };
      hi = mid;
    } else lo = mid + 1;
  }
  // 2. Disable fault events one at a time, keeping each removal that preserves the failure.
  const disabled = new Set<number>(best.options.disabledFaults ?? []);
  for (const f of best.result.faults) {
    if (runs >= maxRuns) break;
    if (disabled.has(f.ordinal)) continue;
    disabled.add(f.ordinal);
    const o = { ...best.options, disabledFaults: new Set(disabled) };
    const r = attempt(o);
    if (r) best = { options: o, result: r, runs };
    else disabled.delete(f.ordinal);
  }
  best.runs = runs;
  return best;
}
