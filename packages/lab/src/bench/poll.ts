// Polling from the host, the same way for every system measured: a probe started every intervalMs
// while none is in flight; while one is (a slow or hung call, e.g. a node list during an election),
// another one is started every busyIntervalMs, at most maxInFlight at once. So a call that hangs does
// not stop the next ones from being made, and slow calls do not pile up and load the machine.

import { setTimeout as sleep } from 'node:timers/promises';

export interface WatchOptions {
  intervalMs: number;
  /** Spacing of starts while probes are in flight (default: intervalMs). */
  busyIntervalMs?: number;
  maxInFlight: number;
  /** Absolute time (ms since epoch) after which no probe is started. */
  deadlineMs: number;
}

/**
 * Starts `probe` as above until done() or the deadline; each result (undefined when the probe
 * failed) goes to onResult with the time it arrived and how long the call took. Resolves once the
 * probes in flight have ended (each probe must bound its own duration).
 */
export async function watch<T>(
  probe: () => Promise<T>,
  onResult: (value: T | undefined, atMs: number, tookMs: number) => void,
  done: () => boolean,
  opts: WatchOptions,
): Promise<void> {
  const busyMs = opts.busyIntervalMs ?? opts.intervalMs;
  let inFlight = 0;
  let lastStart = -Infinity;
  const pending = new Set<Promise<void>>();
  const tick = Math.max(1, Math.min(opts.intervalMs, busyMs));
  while (!done() && Date.now() < opts.deadlineMs) {
    const now = Date.now();
    const due =
      inFlight === 0 ? now - lastStart >= opts.intervalMs : inFlight < opts.maxInFlight && now - lastStart >= busyMs;
    if (due) {
      inFlight++;
      lastStart = now;
      const p: Promise<void> = probe()
        .then(
          (v) => onResult(v, Date.now(), Date.now() - now),
          () => onResult(undefined, Date.now(), Date.now() - now),
        )
        .finally(() => {
          inFlight--;
          pending.delete(p);
        });
      pending.add(p);
    }
    await sleep(Math.min(tick, 25));
  }
  await Promise.allSettled([...pending]);
}
