import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from './errors.js';
import { MIN_CERT_EXPIRY_MS, minCertExpiryMs, parseCertExpiryMs, TEST_MIN_CERT_EXPIRY_ENV } from './cert-expiry.js';

const invalid = (re: RegExp) => (e: unknown) =>
  e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && re.test(e.message) && e.hint !== '';

describe('certificate lifetime', () => {
  test('durations as Docker takes them, at least 1h, at most 10 years', () => {
    assert.equal(parseCertExpiryMs('--cert-expiry', '2160h', {}), 90 * 86_400_000);
    assert.equal(parseCertExpiryMs('--cert-expiry', '1h30m', {}), 5_400_000);
    assert.equal(parseCertExpiryMs('--cert-expiry', '30d', {}), 30 * 86_400_000);
    assert.equal(parseCertExpiryMs('--cert-expiry', '60m', {}), 3_600_000);
    for (const v of ['59m', '20s', '3599999ms'])
      assert.throws(() => parseCertExpiryMs('--cert-expiry', v, {}), invalid(/too short.*at least 1h/));
    for (const v of ['', '90', 'soon', '-1h', '1y'])
      assert.throws(() => parseCertExpiryMs('--cert-expiry', v, {}), invalid(/invalid duration/));
    assert.throws(() => parseCertExpiryMs('--cert-expiry', '4000d', {}), invalid(/too long/));
  });

  test('the floor: 1h; only the test variable lowers it, to at least 1 s', () => {
    assert.equal(minCertExpiryMs({}), MIN_CERT_EXPIRY_MS);
    assert.equal(minCertExpiryMs({ [TEST_MIN_CERT_EXPIRY_ENV]: '' }), MIN_CERT_EXPIRY_MS);
    assert.equal(minCertExpiryMs({ [TEST_MIN_CERT_EXPIRY_ENV]: '5000' }), 5_000);
    assert.equal(parseCertExpiryMs('--cert-expiry', '20s', { [TEST_MIN_CERT_EXPIRY_ENV]: '5000' }), 20_000);
    assert.throws(
      () => parseCertExpiryMs('--cert-expiry', '4s', { [TEST_MIN_CERT_EXPIRY_ENV]: '5000' }),
      invalid(/too short.*at least 5s/),
    );
  });

  test('a bad test variable is refused, never silently ignored', () => {
    for (const v of ['nonsense', '10', '999', '1.5e3', '-5000', '5000ms']) {
      assert.throws(
        () => minCertExpiryMs({ [TEST_MIN_CERT_EXPIRY_ENV]: v }),
        invalid(new RegExp(`${TEST_MIN_CERT_EXPIRY_ENV}.*tests only`)),
        v,
      );
      assert.throws(
        () => parseCertExpiryMs('--cert-expiry', '2h', { [TEST_MIN_CERT_EXPIRY_ENV]: v }),
        invalid(/tests only/),
        v,
      );
    }
  });
});
