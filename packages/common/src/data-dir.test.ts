import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { dataPaths, DEFAULT_DATA_DIR, resolveDataDir } from './data-dir.js';
import { heartbeatDeadlineMs } from './heartbeat.js';

describe('data dir', () => {
  test('the layout', () => {
    assert.deepEqual(dataPaths('/d'), {
      dataDir: '/d',
      nodeFile: '/d/node.json',
      tlsDir: '/d/tls',
      raftDekFile: '/d/tls/raft-dek.json',
      raftDir: '/d/raft',
      raftNewDir: '/d/raft.new',
      raftOldDir: '/d/raft.old',
      agentDir: '/d/agent',
      controlSocket: '/d/control.sock',
      log: '/d/daemon.log',
      pid: '/d/daemon.pid',
      out: '/d/daemon.out',
    });
  });

  test('--data-dir, else CLUSTERCTL_DATA_DIR, else the default (empty values count as unset)', () => {
    assert.equal(resolveDataDir('/flag', { CLUSTERCTL_DATA_DIR: '/env' }), '/flag');
    assert.equal(resolveDataDir(undefined, { CLUSTERCTL_DATA_DIR: '/env' }), '/env');
    assert.equal(resolveDataDir(undefined, { CLUSTERCTL_DATA_DIR: '' }), DEFAULT_DATA_DIR);
    assert.equal(resolveDataDir(undefined, {}), DEFAULT_DATA_DIR);
  });
});

describe('heartbeat deadline', () => {
  test('max(1.5 s, 3 periods)', () => {
    assert.equal(heartbeatDeadlineMs(100), 1_500);
    assert.equal(heartbeatDeadlineMs(500), 1_500);
    assert.equal(heartbeatDeadlineMs(1_000), 3_000);
  });
});
