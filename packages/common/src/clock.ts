// Time for components that wait: a wall clock plus timers, injected so unit tests can drive
// backoff and grace periods with a fake clock (@clusterctl/common/testing) instead of sleeping.

export interface TimerHandle {
  /** Opaque. */
  readonly _timer: unknown;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(h: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref?.();
    return { _timer: t };
  },
  clearTimeout: (h) => clearTimeout(h._timer as NodeJS.Timeout),
};
