import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, parseCertExpiryMs, TEST_MIN_CERT_EXPIRY_ENV } from '@clusterctl/common';
import { initDaemonArgs } from './commands/cluster.js';

const invalid = (re: RegExp) => (e: unknown) =>
  e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && re.test(e.message) && e.hint !== '';

describe('init --cert-expiry', () => {
  test('durations as Docker takes them, at least 1h for users', () => {
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

  test('only the test-only environment variable lowers the floor', () => {
    assert.equal(parseCertExpiryMs('--cert-expiry', '20s', { [TEST_MIN_CERT_EXPIRY_ENV]: '5000' }), 20_000);
    // a bad value is refused (as the node daemon refuses it), never taken for the 1h floor
    assert.throws(
      () => parseCertExpiryMs('--cert-expiry', '20s', { [TEST_MIN_CERT_EXPIRY_ENV]: 'nonsense' }),
      invalid(/tests only/),
    );
  });

  test('passed to the daemon in ms; checked before anything starts', () => {
    assert.deepEqual(initDaemonArgs({ certExpiry: '720h' }), ['--init', '--cert-expiry', `${720 * 3_600_000}ms`]);
    assert.throws(() => initDaemonArgs({ certExpiry: '10m' }), invalid(/too short/));
  });
});
