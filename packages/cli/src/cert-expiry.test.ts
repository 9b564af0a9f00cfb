// `init --cert-expiry` in the CLI: the lifetime grammar and its floor are common's (tested there);
// here, that the CLI checks the value before it starts anything and hands the daemon milliseconds.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from '@clusterctl/common';
import { initDaemonArgs } from './commands/cluster.js';

const invalid = (re: RegExp) => (e: unknown) =>
  e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && re.test(e.message) && e.hint !== '';

describe('init --cert-expiry', () => {
  test('passed to the daemon in ms; checked before anything starts', () => {
    assert.deepEqual(initDaemonArgs({ certExpiry: '720h' }), ['--init', '--cert-expiry', `${720 * 3_600_000}ms`]);
    assert.deepEqual(initDaemonArgs({ certExpiry: '30d' }), ['--init', '--cert-expiry', `${30 * 86_400_000}ms`]);
    assert.throws(() => initDaemonArgs({ certExpiry: '10m' }), invalid(/too short.*at least 1h/));
    assert.throws(() => initDaemonArgs({ certExpiry: 'soon' }), invalid(/invalid duration/));
    assert.throws(() => initDaemonArgs({ certExpiry: '4000d' }), invalid(/too long/));
  });
});
