// `cluster update` flags -> the UpdateCluster request (checked before anything is sent), and how
// `cluster inspect` shows the cluster.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { clusterLines, clusterUpdateRequest, clusterView, type ClusterUpdateOptions } from './cluster-settings.js';

describe('cluster update flags', () => {
  test('values become milliseconds; absent ones are 0 (unchanged)', () => {
    assert.deepEqual(clusterUpdateRequest({ nodeGrace: '5s' }), {
      heartbeatPeriodMs: 0,
      nodeGraceMs: 5000,
      taskHistoryLimit: 0,
      nodeCertExpiryMs: 0,
    });
    assert.deepEqual(
      clusterUpdateRequest({ heartbeatPeriod: '1s', nodeGrace: '2s', taskHistoryLimit: '10', certExpiry: '90d' }),
      {
        heartbeatPeriodMs: 1000,
        nodeGraceMs: 2000,
        taskHistoryLimit: 10,
        nodeCertExpiryMs: 90 * 86_400_000,
      },
    );
    assert.equal(clusterUpdateRequest({ certExpiry: '2160h' }).nodeCertExpiryMs, 90 * 86_400_000);
    assert.equal(clusterUpdateRequest({ certExpiry: '1h30m' }).nodeCertExpiryMs, 5_400_000);
  });

  test('every bad value is a usage error naming its flag', () => {
    const cases: [ClusterUpdateOptions, RegExp][] = [
      [{}, /nothing to change/],
      [{ heartbeatPeriod: '5' }, /--heartbeat-period/],
      [{ heartbeatPeriod: '10ms' }, /--heartbeat-period/],
      [{ heartbeatPeriod: '1h' }, /--heartbeat-period/],
      [{ nodeGrace: '2h' }, /--node-grace/],
      [{ heartbeatPeriod: '1s', nodeGrace: '1500ms' }, /--node-grace .* 2 heartbeat periods/],
      [{ taskHistoryLimit: '0' }, /--task-history-limit/],
      [{ taskHistoryLimit: '-1' }, /--task-history-limit/],
      [{ taskHistoryLimit: '5000' }, /--task-history-limit/],
      [{ certExpiry: '30m' }, /--cert-expiry/],
      [{ certExpiry: '20000d' }, /--cert-expiry/],
    ];
    for (const [o, re] of cases) {
      assert.throws(
        () => clusterUpdateRequest(o),
        (e: unknown) =>
          e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && re.test(e.message) && e.hint !== '',
        JSON.stringify(o),
      );
    }
  });
});

test('cluster inspect: a plain view and readable lines', () => {
  const v = clusterView({
    clusterId: 'c1',
    version: 7,
    heartbeatPeriodMs: 500,
    nodeGraceMs: 2000,
    taskHistoryLimit: 5,
    nodeCertExpiryMs: 90 * 86_400_000,
    rootCaDigest: 'ab',
    rootCaExpiresAt: Date.UTC(2046, 0, 1),
    managers: [{ raftId: 1, addr: '127.0.0.1:4280', leader: true }],
  });
  assert.deepEqual(v.settings, {
    heartbeatPeriodMs: 500,
    nodeGraceMs: 2000,
    taskHistoryLimit: 5,
    nodeCertExpiryMs: 90 * 86_400_000,
  });
  assert.equal(v.managers[0]!.reachability, '');
  const text = clusterLines(v).join('\n');
  assert.match(text, /Heartbeat period:\s+500ms/);
  assert.match(text, /Node grace:\s+2s/);
  assert.match(text, /Node cert expiry:\s+90d/);
  assert.match(text, /Root CA expires:\s+2046-01-01T00:00:00.000Z/);
  assert.match(text, /127\.0\.0\.1:4280 \(leader\)/);
});
