// Exponential backoff: the delay before retry n (0-based) is initialMs * factor^n, capped at maxMs,
// optionally spread at random so many callers do not retry in lockstep. Pure: no timers, and the
// random source is injected so tests can pin the spread.

export interface BackoffPolicy {
  /** The first delay (retry 0). 0 gives no delay at all. */
  initialMs: number;
  /** The longest delay, jitter included. At least initialMs. */
  maxMs: number;
  /** Growth per retry. Default 2. */
  factor?: number;
  /**
   * Random spread as a range of multipliers of the delay, [from, to]: the delay is multiplied by
   * from + (to - from) * random(). [1, 0.8] shortens it by up to 20%, [1, 1.2] lengthens it by up to
   * 20%, [0.75, 1.25] spreads it both ways. Default none ([1, 1]). The result never exceeds maxMs.
   */
  jitter?: readonly [number, number];
  /** A number in [0, 1): Math.random by default. */
  random?: () => number;
}

// 2^64 is past any cap anyone configures; bounding the exponent keeps the arithmetic finite.
const MAX_EXPONENT = 64;

function check(p: BackoffPolicy): void {
  const factor = p.factor ?? 2;
  const [from, to] = p.jitter ?? [1, 1];
  if (!(p.initialMs >= 0) || !(p.maxMs >= p.initialMs) || !(factor >= 1) || !(from > 0) || !(to > 0)) {
    throw new Error(
      `bad backoff policy: initial ${p.initialMs} ms, max ${p.maxMs} ms, factor ${factor}, jitter [${from}, ${to}]`,
    );
  }
}

/** The delay before retry `attempt` (0-based) without jitter: initialMs * factor^attempt, at most maxMs. */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number): number {
  if (policy.initialMs <= 0) return 0;
  const n = Math.min(Math.max(0, attempt), MAX_EXPONENT);
  return Math.min(policy.maxMs, policy.initialMs * (policy.factor ?? 2) ** n);
}

/** backoffDelayMs with the policy's jitter applied, rounded to whole ms, at most maxMs. */
export function jitteredBackoffDelayMs(policy: BackoffPolicy, attempt: number): number {
  const base = backoffDelayMs(policy, attempt);
  const [from, to] = policy.jitter ?? [1, 1];
  const spread = from === to ? from : from + (to - from) * (policy.random ?? Math.random)();
  return Math.round(Math.min(policy.maxMs, base * spread));
}

/** A retry counter over a policy: next() gives the delay before the next retry, reset() starts over. */
export class Backoff {
  private attempt = 0;

  constructor(readonly policy: BackoffPolicy) {
    check(policy);
  }

  /** The delay before the next retry (and counts it). */
  next(): number {
    const ms = jitteredBackoffDelayMs(this.policy, this.attempt);
    this.attempt = Math.min(this.attempt + 1, MAX_EXPONENT);
    return ms;
  }

  /** Retries counted since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /** After a success: the next delay is initialMs again. */
  reset(): void {
    this.attempt = 0;
  }
}
