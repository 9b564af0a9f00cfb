// Reconnect delays: start small, double, cap, with jitter so many agents do not dial in lockstep.
export interface BackoffConfig {
  minMs?: number;
  maxMs?: number;
  /** Fraction of the delay added at random (0..jitter). */
  jitter?: number;
  random?: () => number;
}

// The cap is low on purpose: agents must find a new leader within ~1 s of its election, and a dial
// to a manager that answers NO_LEADER is cheap.
export const BACKOFF_DEFAULTS = { minMs: 50, maxMs: 250, jitter: 0.2 } as const;

export class Backoff {
  private attempt = 0;
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(cfg: BackoffConfig = {}) {
    this.minMs = cfg.minMs ?? BACKOFF_DEFAULTS.minMs;
    this.maxMs = cfg.maxMs ?? BACKOFF_DEFAULTS.maxMs;
    this.jitter = cfg.jitter ?? BACKOFF_DEFAULTS.jitter;
    this.random = cfg.random ?? Math.random;
    if (!(this.minMs > 0) || this.maxMs < this.minMs) throw new Error(`bad backoff bounds ${this.minMs}..${this.maxMs}`);
  }

  /** The delay before the next attempt. */
  next(): number {
    const base = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(Math.min(this.maxMs, base * (1 + this.jitter * this.random())));
  }

  reset(): void {
    this.attempt = 0;
  }
}
