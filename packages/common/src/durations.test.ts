import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from './errors.js';
import { DAY_MS, formatDurationMs, HOUR_MS, parseDurationMs } from './durations.js';

const invalid = (re: RegExp) => (e: unknown) =>
  e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && re.test(e.message) && e.hint !== '';

describe('durations', () => {
  test('one term with a unit: ms, s, m, h, d; decimals', () => {
    assert.equal(parseDurationMs('--x', '500ms'), 500);
    assert.equal(parseDurationMs('--x', '2s'), 2_000);
    assert.equal(parseDurationMs('--x', '1.5s'), 1_500);
    assert.equal(parseDurationMs('--x', '1m'), 60_000);
    assert.equal(parseDurationMs('--x', '1h'), HOUR_MS);
    assert.equal(parseDurationMs('--x', '90d'), 90 * DAY_MS);
    assert.equal(parseDurationMs('--x', ' 2s '), 2_000);
  });

  test('sums of terms, as Docker: 1m30s, 1h30m, 2h45m10s500ms', () => {
    assert.equal(parseDurationMs('--x', '1m30s'), 90_000);
    assert.equal(parseDurationMs('--x', '1h30m'), 90 * 60_000);
    assert.equal(parseDurationMs('--x', '2h45m10s500ms'), 2 * HOUR_MS + 45 * 60_000 + 10_500);
    assert.equal(parseDurationMs('--x', '1d12h'), 36 * HOUR_MS);
  });

  test('rounded to whole ms', () => {
    assert.equal(parseDurationMs('--x', '1.4ms'), 1);
    assert.equal(parseDurationMs('--x', '0.0015s'), 2);
  });

  test('refused with the flag named and a hint: no unit, unknown unit, signs, exponents, spaces, malformed numbers', () => {
    for (const v of [
      '',
      '500',
      '2x',
      '1y',
      '-1s',
      '+1s',
      '1e3ms',
      '2 s',
      '1m 30s',
      's',
      '1.s',
      '.5s',
      'fast',
      '1us',
      '1ns',
      'ms1',
    ]) {
      assert.throws(() => parseDurationMs('--node-grace', v), invalid(/^--node-grace: invalid duration/), v);
    }
  });

  test('zero: refused by default (at least 1 ms), a bare "0" or "0s" accepted when the minimum is 0', () => {
    for (const v of ['0s', '0ms', '0', '0.4ms']) assert.throws(() => parseDurationMs('--x', v), invalid(/--x/), v);
    assert.throws(() => parseDurationMs('--x', '0s'), invalid(/shorter than 1ms/));
    assert.equal(parseDurationMs('--x', '0', { minMs: 0 }), 0);
    assert.equal(parseDurationMs('--x', '0s', { minMs: 0 }), 0);
    assert.equal(parseDurationMs('--x', '00', { minMs: 0 }), 0);
    assert.throws(() => parseDurationMs('--x', '5', { minMs: 0 }), invalid(/invalid duration/));
  });

  test('bounds: shorter / longer than, with the range in the hint', () => {
    assert.throws(
      () => parseDurationMs('--p', '10ms', { minMs: 50 }),
      (e: unknown) => invalid(/shorter than 50ms/)(e) && /from 50ms/.test((e as ClusterError).hint),
    );
    assert.throws(
      () => parseDurationMs('--p', '25h', { maxMs: DAY_MS }),
      (e: unknown) => invalid(/longer than 1d/)(e) && /to 1d/.test((e as ClusterError).hint),
    );
    assert.equal(parseDurationMs('--p', '24h', { maxMs: DAY_MS }), DAY_MS);
    assert.throws(
      () => parseDurationMs('--p', '10ms', { minMs: 50, hint: 'custom' }),
      (e: unknown) => (e as ClusterError).hint === 'custom',
    );
    assert.throws(() => parseDurationMs('--p', '99999999999999999999d'), invalid(/longer than/));
  });

  test('formatDurationMs picks the largest unit that divides, and parses back', () => {
    for (const [ms, s] of [
      [500, '500ms'],
      [2_000, '2s'],
      [90_000, '90s'],
      [60_000, '1m'],
      [HOUR_MS, '1h'],
      [90 * DAY_MS, '90d'],
      [1_500, '1500ms'],
    ] as const) {
      assert.equal(formatDurationMs(ms), s);
      assert.equal(parseDurationMs('--x', s), ms);
    }
  });
});
