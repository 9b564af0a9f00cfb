// The node certificate's renewal loop. It checks at start and then at the earlier of a periodic check
// (checkIntervalMs, jittered) and the certificate's renewal point (certificateRenewalAt: 50-80% of
// its lifetime, per certificate). When due it calls renew() (the daemon asks the leader, then the
// other managers, and installs the result); a failure is retried with a jittered, doubling backoff.
// Clock and timers are injected so the schedule can be tested without waiting.
import { jitteredBackoffDelayMs, type Logger } from '@clusterctl/common';

export interface RenewalClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemRenewalClock: RenewalClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface CertRenewalConfig {
  /** When the certificate in use is due for renewal (ms since the epoch). */
  renewalAt(): number;
  /** When the certificate in use expires (ms since the epoch). */
  expiresAt(): number;
  /** Renews and installs; resolves once the new certificate is in use, throws if no manager issued one. */
  renew(): Promise<void>;
  log: Logger;
  /** Longest time between two checks. */
  checkIntervalMs?: number;
  /** First retry delay after a failed renewal; doubles up to retryMaxMs. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Periodic checks and retries are shortened by up to this fraction at random (fleet spread). */
  jitter?: number;
  clock?: RenewalClock;
  random?: () => number;
}

export const CERT_RENEWAL_DEFAULTS = {
  checkIntervalMs: 60_000,
  retryMinMs: 1_000,
  retryMaxMs: 60_000,
  jitter: 0.2,
} as const;

export class CertRenewal {
  private readonly cfg: Required<Omit<CertRenewalConfig, 'log'>> & { log: Logger };
  private timer: unknown;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;
  /** renewSoon() was called: the next check renews even if not due. */
  private forced = false;
  /** When the next check runs (ms since the epoch); undefined while a renewal runs or when stopped. */
  nextCheckAt: number | undefined;

  constructor(cfg: CertRenewalConfig) {
    this.cfg = { ...CERT_RENEWAL_DEFAULTS, clock: systemRenewalClock, random: Math.random, ...cfg };
  }

  /** Checks at once, then on schedule. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Cancels the schedule and waits for a renewal in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel();
    await this.running;
  }

  /** Checks now (e.g. after a role change), unless a renewal is running. */
  checkSoon(): void {
    if (this.stopped || this.running) return;
    this.schedule(0);
  }

  /**
   * Renews now whether due or not (the cluster trusts other roots: a root CA rotation), then keeps
   * the usual schedule. Failures are retried with the usual backoff until one succeeds; calls
   * meanwhile (every heartbeat) change nothing.
   */
  renewSoon(): void {
    if (this.stopped || this.forced) return;
    this.forced = true;
    if (!this.running) this.schedule(0);
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  private cancel(): void {
    if (this.timer !== undefined) this.cfg.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextCheckAt = undefined;
  }

  private schedule(delayMs: number): void {
    this.cancel();
    if (this.stopped) return;
    const ms = Math.max(0, Math.round(delayMs));
    this.nextCheckAt = this.cfg.clock.now() + ms;
    this.timer = this.cfg.clock.setTimeout(() => {
      this.timer = undefined;
      this.nextCheckAt = undefined;
      this.running = this.check().finally(() => {
        this.running = undefined;
      });
    }, ms);
  }

  /** Shortens `ms` by up to the jitter fraction. */
  private jittered(ms: number): number {
    return ms * (1 - this.cfg.jitter * this.cfg.random());
  }

  private async check(): Promise<void> {
    const { clock, log } = this.cfg;
    const now = clock.now();
    const dueAt = this.cfg.renewalAt();
    if (now < dueAt && !this.forced) {
      this.schedule(Math.min(this.jittered(this.cfg.checkIntervalMs), dueAt - now));
      return;
    }
    const expiresAt = this.cfg.expiresAt();
    log.info(
      {
        dueAt: new Date(dueAt).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
        attempt: this.failures + 1,
        ...(this.forced ? { reason: 'asked to renew now' } : {}),
      },
      'renewing the node certificate',
    );
    try {
      await this.cfg.renew();
      this.failures = 0;
      this.forced = false;
      const next = this.cfg.renewalAt();
      log.info(
        { expiresAt: new Date(this.cfg.expiresAt()).toISOString(), nextRenewalAt: new Date(next).toISOString() },
        'node certificate renewed',
      );
      this.schedule(Math.min(this.jittered(this.cfg.checkIntervalMs), Math.max(0, next - clock.now())));
    } catch (err) {
      this.failures++;
      const { retryMinMs, retryMaxMs, jitter, random } = this.cfg;
      const retryMs = jitteredBackoffDelayMs(
        { initialMs: retryMinMs, maxMs: retryMaxMs, jitter: [1, 1 - jitter], random },
        this.failures - 1,
      );
      if (this.stopped) return;
      if (clock.now() >= expiresAt) {
        log.error(
          { err, expiredAt: new Date(expiresAt).toISOString(), retryMs: Math.round(retryMs) },
          'the node certificate has expired and no manager renewed it: this node cannot talk to the cluster; rejoin it with a token (see docs/operations.md, certificate expiry)',
        );
      } else {
        log.warn(
          { err, failures: this.failures, expiresAt: new Date(expiresAt).toISOString(), retryMs: Math.round(retryMs) },
          'node certificate renewal failed; retrying',
        );
      }
      this.schedule(retryMs);
    }
  }
}
