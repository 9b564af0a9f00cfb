// Networking flags of init and cluster update, checked before any daemon is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from '@clusterctl/common';
import { initDaemonArgs } from './cluster.js';
import { clusterUpdateRequest } from './cluster-settings.js';

const usage = (fn: () => unknown, re: RegExp): void =>
  assert.throws(fn, (e: unknown) => e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && re.test(e.message));

test('init: address pools, data-path backend and port go to the daemon as given', () => {
  assert.deepEqual(
    initDaemonArgs({
      defaultAddrPool: '10.50.0.0/16',
      vipPool: '10.51.0.0/16',
      dataPathBackend: 'host-gw',
      dataPathPort: '4790',
    }),
    [
      '--init',
      '--default-addr-pool',
      '10.50.0.0/16',
      '--vip-pool',
      '10.51.0.0/16',
      '--data-path-backend',
      'host-gw',
      '--data-path-port',
      '4790',
    ],
  );
  usage(() => initDaemonArgs({ defaultAddrPool: '10.50.0.0' }), /--default-addr-pool/);
  usage(() => initDaemonArgs({ vipPool: 'big' }), /--vip-pool/);
  usage(() => initDaemonArgs({ dataPathBackend: 'ipip' }), /--data-path-backend/);
  usage(() => initDaemonArgs({ dataPathPort: '80' }), /--data-path-port/);
  usage(() => initDaemonArgs({ restore: '/b', vipPool: '10.51.0.0/16' }), /settings of the backup/);
});

test('cluster update --data-path-backend alone is a change', () => {
  assert.deepEqual(clusterUpdateRequest({ dataPathBackend: 'vxlan' }), {
    heartbeatPeriodMs: 0,
    nodeGraceMs: 0,
    taskHistoryLimit: 0,
    nodeCertExpiryMs: 0,
    dataPathBackend: 'vxlan',
  });
  usage(() => clusterUpdateRequest({ dataPathBackend: 'fast' }), /--data-path-backend/);
});
