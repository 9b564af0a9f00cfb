// Reconnect delays of the agent's session: start small, double, cap, with jitter so many agents do not
// dial in lockstep. The arithmetic is @clusterctl/common's Backoff; this is the agent's policy.
import { Backoff } from '@clusterctl/common';

export interface BackoffConfig {
  minMs?: number;
  maxMs?: number;
  /** Fraction of the delay added at random (0..jitter); the delay stays within maxMs. */
  jitter?: number;
  random?: () => number;
}

// The cap is low on purpose: agents must find a new leader within ~1 s of its election, and a dial
// to a manager that answers NO_LEADER is cheap.
export const BACKOFF_DEFAULTS = { minMs: 50, maxMs: 250, jitter: 0.2 } as const;

/** The session's reconnect backoff for a config (defaults: BACKOFF_DEFAULTS); a zero minimum is refused. */
export function reconnectBackoff(cfg: BackoffConfig = {}): Backoff {
  const minMs = cfg.minMs ?? BACKOFF_DEFAULTS.minMs;
  const maxMs = cfg.maxMs ?? BACKOFF_DEFAULTS.maxMs;
  const jitter = cfg.jitter ?? BACKOFF_DEFAULTS.jitter;
  if (!(minMs > 0)) throw new Error(`bad backoff bounds ${minMs}..${maxMs}`);
  return new Backoff({
    initialMs: minMs,
    maxMs,
    jitter: [1, 1 + jitter],
    ...(cfg.random === undefined ? {} : { random: cfg.random }),
  });
}
