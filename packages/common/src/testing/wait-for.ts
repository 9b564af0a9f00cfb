// Waiting on state instead of sleeping: poll a probe until it yields a value, or fail naming what
// was awaited and what was last seen (the probe's last result, or the error it last threw).
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between probes (default 25 ms). */
  intervalMs?: number;
  /** A probe error for which this returns true ends the wait at once (rethrown); others mean "not yet". */
  rethrow?: (error: unknown) => boolean;
  /** Builds the error thrown on timeout from its message (default: a plain Error). */
  timeoutError?: (message: string) => Error;
}

/** A probe's "not yet": undefined, null or false. Any other value ends the wait. */
export type Pending = undefined | null | false;

export interface WaitUntilOptions<T> extends WaitForOptions {
  /** Done once this holds for the probe's value (then every value counts, undefined included). */
  until: (value: T) => boolean;
}

/**
 * Polls `probe` until its value is done, and resolves with that value. Done means: `opts.until`
 * holds for it when given, else it is something other than undefined, null or false. A probe that
 * throws counts as "not yet" (unless opts.rethrow says otherwise). On timeout, rejects with an Error
 * that names `what` and the last observed value (or error), so a failure says how far the state got.
 */
export function waitFor<T>(what: string, probe: () => T | Promise<T>, opts: WaitUntilOptions<T>): Promise<T>;
export function waitFor<T>(
  what: string,
  probe: () => T | Pending | Promise<T | Pending>,
  opts?: WaitForOptions,
): Promise<T>;
export async function waitFor<T>(
  what: string,
  probe: () => T | Pending | Promise<T | Pending>,
  opts: WaitForOptions & { until?: (value: T) => boolean } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const intervalMs = opts.intervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  const done = opts.until ?? ((v: T | Pending) => v !== undefined && v !== null && v !== false);
  let last: { value: unknown } | { error: unknown } | undefined;
  for (;;) {
    try {
      const v = await probe();
      if (done(v as T)) return v as T;
      last = { value: v };
    } catch (error) {
      if (opts.rethrow?.(error) === true) throw error;
      last = { error };
    }
    if (Date.now() >= deadline) {
      const message = `timed out after ${timeoutMs} ms waiting for ${what}; last observed: ${describe(last)}`;
      throw opts.timeoutError ? opts.timeoutError(message) : new Error(message);
    }
    await sleep(intervalMs);
  }
}

function describe(last: { value: unknown } | { error: unknown } | undefined): string {
  if (last === undefined) return 'nothing (the probe never returned)';
  if ('error' in last) return `error ${last.error instanceof Error ? last.error.message : inspect(last.error)}`;
  return inspect(last.value, { depth: 4, breakLength: Infinity });
}
