import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, backoffDelayMs, jitteredBackoffDelayMs } from './backoff.js';

const delays = (b: Backoff, n: number): number[] => Array.from({ length: n }, () => b.next());

describe('Backoff', () => {
  test('starts at initialMs, multiplies by the factor (default 2), stops at the cap', () => {
    assert.deepEqual(delays(new Backoff({ initialMs: 50, maxMs: 1_000 }), 7), [50, 100, 200, 400, 800, 1_000, 1_000]);
    assert.deepEqual(delays(new Backoff({ initialMs: 100, maxMs: 1_000, factor: 3 }), 4), [100, 300, 900, 1_000]);
    assert.deepEqual(delays(new Backoff({ initialMs: 100, maxMs: 100 }), 3), [100, 100, 100]);
  });

  test('reset starts over; attempts counts the retries since', () => {
    const b = new Backoff({ initialMs: 10, maxMs: 1_000 });
    delays(b, 3);
    assert.equal(b.attempts, 3);
    b.reset();
    assert.equal(b.attempts, 0);
    assert.equal(b.next(), 10);
  });

  test('jitter: a range of multipliers drawn with the injected random source, never above the cap', () => {
    const lo = new Backoff({ initialMs: 100, maxMs: 1_000, jitter: [0.75, 1.25], random: () => 0 });
    const hi = new Backoff({ initialMs: 100, maxMs: 1_000, jitter: [0.75, 1.25], random: () => 0.999_999 });
    assert.deepEqual(delays(lo, 5), [75, 150, 300, 600, 750]);
    assert.deepEqual(delays(hi, 5), [125, 250, 500, 1_000, 1_000]);
    const shorter = new Backoff({ initialMs: 1_000, maxMs: 60_000, jitter: [1, 0.8], random: () => 0.5 });
    assert.deepEqual(delays(shorter, 2), [900, 1_800]);
    // [from, to]: random 0 gives `from`
    assert.equal(new Backoff({ initialMs: 1_000, maxMs: 60_000, jitter: [1, 0.8], random: () => 0 }).next(), 1_000);
  });

  test('very many retries stay at the cap (no overflow to Infinity or NaN)', () => {
    const b = new Backoff({ initialMs: 1, maxMs: 5_000 });
    const all = delays(b, 2_000);
    assert.equal(all.at(-1), 5_000);
    assert.equal(backoffDelayMs({ initialMs: 1, maxMs: 5_000 }, 1e9), 5_000);
  });

  test('initialMs 0: no delay', () => {
    assert.equal(backoffDelayMs({ initialMs: 0, maxMs: 10_000 }, 50), 0);
    assert.equal(jitteredBackoffDelayMs({ initialMs: 0, maxMs: 10_000, jitter: [1, 1.2] }, 3), 0);
  });

  test('a bad policy is refused', () => {
    assert.throws(() => new Backoff({ initialMs: 100, maxMs: 50 }));
    assert.throws(() => new Backoff({ initialMs: -1, maxMs: 50 }));
    assert.throws(() => new Backoff({ initialMs: 1, maxMs: 50, factor: 0.5 }));
    assert.throws(() => new Backoff({ initialMs: 1, maxMs: 50, jitter: [0, 1] }));
    assert.throws(() => new Backoff({ initialMs: 1, maxMs: 50, jitter: [1, -0.2] }));
  });
});
