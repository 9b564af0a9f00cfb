// The renewal loop's schedule on a fake clock: when it checks, when it renews, how it backs off.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '@clusterctl/common';
import { CertRenewal, type RenewalClock } from './cert-renewal.js';

class FakeClock implements RenewalClock {
  t = 1_000_000;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private seq = 0;
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  get pending(): number {
    return this.timers.length;
  }
  /** Runs every timer due within `ms`, in order, letting the loop's promises settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (next === undefined || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

const S = 1_000;

/** A certificate model: issued at `at`, lives `life`, due at 60% of it. */
function harness(opts: { lifeMs: number; random?: () => number; failTimes?: number; checkIntervalMs?: number }) {
  const clock = new FakeClock();
  let issuedAt = clock.now();
  const renewals: number[] = [];
  let failLeft = opts.failTimes ?? 0;
  const r = new CertRenewal({
    renewalAt: () => issuedAt + 0.6 * opts.lifeMs,
    expiresAt: () => issuedAt + opts.lifeMs,
    renew: () => {
      renewals.push(clock.now());
      if (failLeft > 0) {
        failLeft--;
        return Promise.reject(new Error('no manager answered'));
      }
      issuedAt = clock.now();
      return Promise.resolve();
    },
    log: silentLogger(),
    clock,
    random: opts.random ?? (() => 0),
    ...(opts.checkIntervalMs === undefined ? {} : { checkIntervalMs: opts.checkIntervalMs }),
  });
  return { clock, r, renewals, start: clock.now(), setIssuedAt: (t: number) => (issuedAt = t) };
}

describe('certificate renewal loop', () => {
  test('checks at start; renews exactly at the renewal point when it comes before the periodic check', async () => {
    const h = harness({ lifeMs: 20 * S });
    h.r.start();
    await h.clock.advance(0);
    assert.deepEqual(h.renewals, [], 'a fresh certificate is not renewed');
    assert.equal(h.r.nextCheckAt, h.start + 12 * S, 'next check at the renewal point (60% of 20 s)');
    await h.clock.advance(12 * S);
    assert.deepEqual(h.renewals, [h.start + 12 * S]);
    // The new certificate (issued now) is due 12 s later: renewals every 12 s.
    await h.clock.advance(24 * S);
    assert.deepEqual(h.renewals, [h.start + 12 * S, h.start + 24 * S, h.start + 36 * S]);
    await h.r.stop();
    assert.equal(h.clock.pending, 0, 'stop cancels the timer');
    await h.clock.advance(60 * S);
    assert.equal(h.renewals.length, 3, 'nothing after stop');
  });

  test('a long-lived certificate is checked every minute (jittered shorter), renewed once due', async () => {
    const day = 86_400 * S;
    const h = harness({ lifeMs: 90 * day, random: () => 1 }); // jitter 20%: every 48 s
    h.r.start();
    await h.clock.advance(0);
    assert.equal(h.r.nextCheckAt, h.start + 48 * S);
    await h.clock.advance(10 * 60 * S);
    assert.equal(h.renewals.length, 0);
    assert.ok(h.r.nextCheckAt! - h.clock.now() <= 48 * S);
    await h.clock.advance(54 * day);
    assert.equal(h.renewals.length, 1, 'renewed once, at 60% of 90 days');
    assert.ok(Math.abs(h.renewals[0]! - (h.start + 54 * day)) <= 48 * S, 'within one check of the renewal point');
  });

  test('due at start (e.g. the daemon was down past the renewal point): renews at once', async () => {
    const h = harness({ lifeMs: 20 * S });
    h.setIssuedAt(h.start - 15 * S);
    h.r.start();
    await h.clock.advance(0);
    assert.deepEqual(h.renewals, [h.start]);
  });

  test('failures are retried with a doubling backoff, then the schedule resumes from the new certificate', async () => {
    const h = harness({ lifeMs: 100 * S, failTimes: 4 });
    h.setIssuedAt(h.start - 70 * S);
    h.r.start();
    await h.clock.advance(0);
    assert.equal(h.r.consecutiveFailures, 1);
    await h.clock.advance(20 * S);
    const offsets = h.renewals.map((t) => (t - h.start) / S);
    assert.deepEqual(offsets, [0, 1, 3, 7, 15], 'retries after 1, 2, 4, 8 s');
    assert.equal(h.r.consecutiveFailures, 0);
    assert.equal(h.r.nextCheckAt, h.start + 15 * S + 60 * S, 'next: min(periodic 60 s, renewal point 60 s)');
  });

  test('the backoff is capped (at the retry maximum) and jittered shorter, never longer', async () => {
    const rnd = [0.5];
    const h = harness({ lifeMs: 1_000 * S, failTimes: 100, random: () => rnd[0]! });
    h.setIssuedAt(h.start - 700 * S);
    h.r.start();
    await h.clock.advance(10 * 60 * S);
    const gaps = h.renewals.slice(1).map((t, i) => t - h.renewals[i]!);
    assert.ok(
      gaps.every((g) => g <= 60 * S),
      'no gap above 60 s',
    );
    assert.equal(gaps.at(-1), 60 * S * 0.9, 'capped at 60 s, shortened by 10% (jitter 0.2 x 0.5)');
    assert.equal(gaps[0], 1 * S * 0.9);
  });

  test('checkSoon runs a check now; concurrent checks do not overlap', async () => {
    const clock = new FakeClock();
    let inFlight = 0;
    let maxInFlight = 0;
    let release: (() => void) | undefined;
    let dueAt = 0;
    const r = new CertRenewal({
      renewalAt: () => dueAt,
      expiresAt: () => clock.now() + 1_000 * S,
      renew: () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new Promise<void>((res) => {
          release = () => {
            inFlight--;
            dueAt = clock.now() + 1_000 * S;
            res();
          };
        });
      },
      log: silentLogger(),
      clock,
      random: () => 0,
    });
    r.start();
    await clock.advance(0);
    assert.equal(inFlight, 1);
    r.checkSoon();
    await clock.advance(5 * S);
    assert.equal(maxInFlight, 1, 'no second renewal while one runs');
    release!();
    await clock.advance(0);
    assert.equal(r.nextCheckAt, clock.now() + 60 * S);
    r.checkSoon();
    assert.equal(r.nextCheckAt, clock.now(), 'checkSoon: a check now');
    await clock.advance(0);
    assert.equal(maxInFlight, 1);
    const stopped = r.stop();
    await clock.advance(0);
    await stopped;
    assert.equal(inFlight, 0);
  });
  test('renewSoon renews at once though not due, retries with the usual backoff while failing, ignores repeats, then keeps the usual schedule', async () => {
    const h = harness({ lifeMs: 100 * S, failTimes: 2 });
    h.r.start();
    await h.clock.advance(0);
    assert.deepEqual(h.renewals, [], 'a fresh certificate is not renewed');
    await h.clock.advance(5 * S);
    h.r.renewSoon();
    await h.clock.advance(0);
    assert.deepEqual(h.renewals, [h.start + 5 * S], 'renewed at once, though due only at 60 s');
    // Every heartbeat asks again while it fails: the backoff (1 s, then 2 s) is kept.
    for (let i = 0; i < 5; i++) {
      h.r.renewSoon();
      await h.clock.advance(200);
    }
    assert.deepEqual(h.renewals, [h.start + 5 * S, h.start + 6 * S], 'the first retry after 1 s, not at every call');
    await h.clock.advance(2 * S);
    assert.deepEqual(
      h.renewals,
      [h.start + 5 * S, h.start + 6 * S, h.start + 8 * S],
      'the second after 2 s more; it succeeds',
    );
    assert.equal(h.r.consecutiveFailures, 0);
    // Back to the schedule: the next renewal at 60% of the new certificate's life (or the periodic check, which finds it not due).
    await h.clock.advance(59 * S);
    assert.equal(h.renewals.length, 3, 'not renewed again before the new certificate is due');
    await h.clock.advance(2 * S);
    assert.equal(h.renewals.length, 4, 'renewed at 60% of the new certificate');
    await h.r.stop();
  });
});
