// Health check and stop fields of a service spec, as the control API checks them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { normalizeStopSignal, validateServiceSpec } from './validate-spec.js';

const base = { name: 'web', image: 'busybox' };

function refused(extra: clusterctl.cluster.IServiceSpec, field: RegExp): ClusterError {
  try {
    validateServiceSpec({ ...base, ...extra });
  } catch (e) {
    assert.ok(e instanceof ClusterError);
    assert.equal(e.code, ErrorCode.InvalidArgument);
    assert.match(String(e.details?.field), field);
    assert.ok(e.hint !== undefined && e.hint !== '');
    return e;
  }
  throw new Error(`accepted ${JSON.stringify(extra)}`);
}

describe('validateServiceSpec: health check and stop', () => {
  test('absent fields stay absent (an older spec keeps its key, so no task is replaced)', () => {
    const s = validateServiceSpec(base);
    assert.equal('healthcheck' in s, false);
    assert.equal('stopGracePeriodMs' in s, false);
    assert.equal('stopSignal' in s, false);
  });

  test('a command check keeps Docker form and the timings; 0 means the default', () => {
    const s = validateServiceSpec({
      ...base,
      healthcheck: { test: ['CMD-SHELL', 'test -f /ok'], intervalMs: 1000, retries: 2 },
    });
    assert.deepEqual(s.healthcheck, {
      test: ['CMD-SHELL', 'test -f /ok'],
      intervalMs: 1000,
      timeoutMs: 0,
      retries: 2,
      startPeriodMs: 0,
    });
    const cmd = validateServiceSpec({ ...base, healthcheck: { test: ['CMD', 'true'] } });
    assert.deepEqual(cmd.healthcheck?.test, ['CMD', 'true']);
    const none = validateServiceSpec({ ...base, healthcheck: { test: ['NONE'] } });
    assert.deepEqual(none.healthcheck?.test, ['NONE']);
  });

  test('agent probes: http with its path (default /), tcp', () => {
    const h = validateServiceSpec({ ...base, healthcheck: { httpPort: 80, httpPath: '/healthz' } });
    assert.deepEqual(h.healthcheck?.http, { port: 80, path: '/healthz' });
    assert.deepEqual(h.healthcheck?.test, []);
    assert.deepEqual(validateServiceSpec({ ...base, healthcheck: { httpPort: 8080 } }).healthcheck?.http, {
      port: 8080,
      path: '/',
    });
    assert.deepEqual(validateServiceSpec({ ...base, healthcheck: { tcpPort: 6379 } }).healthcheck?.tcp, { port: 6379 });
  });

  test('refuses two kinds of test, unknown forms and bad arguments', () => {
    refused({ healthcheck: { test: ['CMD', 'true'], httpPort: 80 } }, /^healthcheck$/);
    refused({ healthcheck: { httpPort: 80, tcpPort: 81 } }, /^healthcheck$/);
    refused({ healthcheck: { test: ['SHELL', 'true'] } }, /healthcheck.test/);
    refused({ healthcheck: { test: ['CMD'] } }, /healthcheck.test/);
    refused({ healthcheck: { test: ['CMD-SHELL', ' '] } }, /healthcheck.test/);
    refused({ healthcheck: { test: ['CMD-SHELL', 'a', 'b'] } }, /healthcheck.test/);
    refused({ healthcheck: { test: ['NONE', 'x'] } }, /healthcheck.test/);
    refused({ healthcheck: { test: ['NONE'], intervalMs: 1000 } }, /^healthcheck$/);
    refused({ healthcheck: { test: ['CMD', 'a\0b'] } }, /healthcheck.test/);
  });

  test('bounds the probe ports, the path and the timings', () => {
    refused({ healthcheck: { httpPort: 70000 } }, /httpPort/);
    refused({ healthcheck: { httpPath: '/x' } }, /httpPort/);
    refused({ healthcheck: { httpPort: 80, httpPath: 'healthz' } }, /httpPath/);
    refused({ healthcheck: { httpPort: 80, httpPath: '/a b' } }, /httpPath/);
    refused({ healthcheck: { httpPort: 80, httpPath: '/' + 'a'.repeat(1024) } }, /httpPath/);
    refused({ healthcheck: { tcpPort: 65536 } }, /tcpPort/);
    refused({ healthcheck: { test: ['CMD', 'true'], intervalMs: 99 } }, /intervalMs/);
    refused({ healthcheck: { test: ['CMD', 'true'], intervalMs: 3_600_001 } }, /intervalMs/);
    refused({ healthcheck: { test: ['CMD', 'true'], timeoutMs: 5 } }, /timeoutMs/);
    refused({ healthcheck: { test: ['CMD', 'true'], startPeriodMs: 3_600_001 } }, /startPeriodMs/);
    refused({ healthcheck: { test: ['CMD', 'true'], retries: 101 } }, /retries/);
    const edge = validateServiceSpec({
      ...base,
      healthcheck: { tcpPort: 1, intervalMs: 100, timeoutMs: 10, retries: 100, startPeriodMs: 3_600_000 },
    });
    assert.equal(edge.healthcheck?.retries, 100);
  });

  test('stop grace period: 0 is a real value when given, bounded at 1h; the signal is normalized', () => {
    assert.equal(validateServiceSpec({ ...base, stopGracePeriodMs: 0, hasStopGracePeriod: true }).stopGracePeriodMs, 0);
    assert.equal(validateServiceSpec({ ...base, stopGracePeriodMs: 5000 }).stopGracePeriodMs, undefined);
    assert.equal(
      validateServiceSpec({ ...base, stopGracePeriodMs: 3_600_000, hasStopGracePeriod: true }).stopGracePeriodMs,
      3_600_000,
    );
    refused({ stopGracePeriodMs: 3_600_001, hasStopGracePeriod: true }, /stopGracePeriodMs/);
    assert.equal(validateServiceSpec({ ...base, stopSignal: 'int' }).stopSignal, 'SIGINT');
    assert.equal(validateServiceSpec({ ...base, stopSignal: 'SIGQUIT' }).stopSignal, 'SIGQUIT');
    refused({ stopSignal: 'SIGNOPE' }, /stopSignal/);
  });

  test('normalizeStopSignal takes names with or without SIG, numbers and real-time signals', () => {
    assert.equal(normalizeStopSignal('TERM'), 'SIGTERM');
    assert.equal(normalizeStopSignal(' sigusr1 '), 'SIGUSR1');
    assert.equal(normalizeStopSignal('15'), '15');
    assert.equal(normalizeStopSignal('SIGRTMIN+3'), 'SIGRTMIN+3');
    for (const bad of ['0', '65', 'SIG', 'KILL9', 'RTMIN+31', ''])
      assert.throws(() => normalizeStopSignal(bad), ClusterError, bad);
  });
});
