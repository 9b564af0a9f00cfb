import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, TEST_MIN_CERT_EXPIRY_ENV } from '@clusterctl/common';
import { DEFAULT_DATA_DIR, DEFAULT_DOCKER_SOCKET, parseDaemonArgs } from './args.js';

const invalid = (pattern: RegExp) => (e: unknown) =>
  e instanceof ClusterError && e.code === 'INVALID_ARGUMENT' && pattern.test(e.message) && e.hint !== '';

describe('node daemon flags', () => {
  test("durations: the CLI's syntax (a unit is required, sums and days allowed)", () => {
    const grace = (v: string) => parseDaemonArgs(['--init', `--node-grace=${v}`], {}).nodeGraceMs;
    assert.equal(grace('500ms'), 500);
    assert.equal(grace('1.5s'), 1500);
    assert.equal(grace('1m30s'), 90_000);
    assert.equal(grace('1d'), 86_400_000);
    assert.equal(parseDaemonArgs(['--init', '--heartbeat-period', '250ms'], {}).heartbeatPeriodMs, 250);
    for (const bad of ['', '250', 'fast', '-1s', '0s', '2 days', '1e3'])
      assert.throws(() => grace(bad), invalid(/^--node-grace: /), bad);
  });

  // dashboard
  test('--dashboard-addr: off by default, HOST:PORT on any mode', () => {
    assert.equal(parseDaemonArgs(['--init'], {}).dashboardAddr, undefined);
    assert.equal(parseDaemonArgs(['--dashboard-addr', '127.0.0.1:4443'], {}).dashboardAddr, '127.0.0.1:4443');
    assert.equal(parseDaemonArgs(['--init', '--dashboard-addr', '0.0.0.0:4443'], {}).dashboardAddr, '0.0.0.0:4443');
    for (const bad of ['4443', 'host', '127.0.0.1:99999'])
      assert.throws(() => parseDaemonArgs(['--dashboard-addr', bad], {}), invalid(/^--dashboard-addr: /), bad);
  });

  test('modes and defaults', () => {
    const init = parseDaemonArgs(
      [
        '--init',
        '--listen-addr',
        '127.0.0.1:4281',
        '--heartbeat-period',
        '200ms',
        '--node-grace',
        '1s',
        '--hostname',
        'n1',
      ],
      {},
    );
    assert.deepEqual(init.mode, { kind: 'init' });
    assert.equal(init.listenAddr, '127.0.0.1:4281');
    assert.equal(init.heartbeatPeriodMs, 200);
    assert.equal(init.nodeGraceMs, 1000);
    assert.equal(init.hostname, 'n1');
    assert.equal(init.dataDir, DEFAULT_DATA_DIR);
    assert.equal(init.dockerSocket, DEFAULT_DOCKER_SOCKET);
    const join = parseDaemonArgs(['--join', 'TOKEN', '10.0.0.1:4280', '--data-dir', '/d'], {});
    assert.deepEqual(join.mode, { kind: 'join', token: 'TOKEN', managerAddr: '10.0.0.1:4280' });
    assert.equal(join.dataDir, '/d');
    const restart = parseDaemonArgs([], { CLUSTERCTL_DATA_DIR: '/env' });
    assert.deepEqual(restart.mode, { kind: 'restart' });
    assert.equal(restart.dataDir, '/env');
  });

  test('recovery modes: --init --restore FILE, --force-new-cluster', () => {
    assert.deepEqual(
      parseDaemonArgs(['--init', '--restore', '/b/cluster.backup', '--listen-addr', '127.0.0.1:4281'], {}).mode,
      { kind: 'restore', file: '/b/cluster.backup' },
    );
    assert.deepEqual(parseDaemonArgs(['--force-new-cluster', '--data-dir', '/d'], {}).mode, {
      kind: 'force-new-cluster',
    });
    assert.throws(() => parseDaemonArgs(['--restore', '/b'], {}), invalid(/goes with --init/));
    assert.throws(
      () => parseDaemonArgs(['--init', '--restore', '/b', '--node-grace', '2s'], {}),
      invalid(/cluster settings of the backup/),
    );
    assert.throws(() => parseDaemonArgs(['--force-new-cluster', '--init'], {}), invalid(/no --init or --join/));
    assert.throws(
      () => parseDaemonArgs(['--force-new-cluster', '--heartbeat-period', '1s'], {}),
      invalid(/cluster settings/),
    );
  });

  test('bad command lines are refused with a hint', () => {
    assert.throws(() => parseDaemonArgs(['--init', '--join', 'T', 'h:1'], {}), invalid(/exclude/));
    assert.throws(() => parseDaemonArgs(['--join', 'T'], {}), invalid(/MANAGER_ADDR/));
    assert.throws(() => parseDaemonArgs(['--join', 'T', 'nohost'], {}), invalid(/HOST:PORT/));
    assert.throws(() => parseDaemonArgs(['--init', '--listen-addr', 'x:99999'], {}), invalid(/HOST:PORT/));
    assert.throws(() => parseDaemonArgs(['--node-grace', '2s'], {}), invalid(/--init/));
    assert.throws(
      () => parseDaemonArgs(['--init', '--hostname', 'bad name'], {}),
      invalid(/--hostname: invalid hostname/),
    );
    assert.throws(() => parseDaemonArgs(['--init', '--bogus'], {}), invalid(/bogus/));
    assert.throws(() => parseDaemonArgs(['stray'], {}), invalid(/unexpected argument/));
  });

  test('--cert-expiry: init only, at least 1h; a smaller floor only through the test env variable', () => {
    assert.equal(parseDaemonArgs(['--init', '--cert-expiry', '2160h'], {}).nodeCertExpiryMs, 2160 * 3_600_000);
    assert.equal(parseDaemonArgs(['--init', '--cert-expiry', '1h'], {}).nodeCertExpiryMs, 3_600_000);
    assert.equal(parseDaemonArgs(['--init'], {}).nodeCertExpiryMs, undefined);
    assert.throws(() => parseDaemonArgs(['--init', '--cert-expiry', '59m'], {}), invalid(/too short.*at least 1h/));
    assert.throws(() => parseDaemonArgs(['--init', '--cert-expiry', '20s'], {}), invalid(/too short.*at least 1h/));
    assert.throws(
      () => parseDaemonArgs(['--join', 'T', '10.0.0.1:4280', '--cert-expiry', '2h'], {}),
      invalid(/with --init/),
    );
    const env = { [TEST_MIN_CERT_EXPIRY_ENV]: '5000' };
    assert.equal(parseDaemonArgs(['--init', '--cert-expiry', '20s'], env).nodeCertExpiryMs, 20_000);
    assert.throws(() => parseDaemonArgs(['--init', '--cert-expiry', '4s'], env), invalid(/too short.*at least 5s/));
    assert.throws(
      () => parseDaemonArgs(['--init', '--cert-expiry', '20s'], { [TEST_MIN_CERT_EXPIRY_ENV]: '10' }),
      invalid(/tests only/),
    );
  });

  test('networking flags: init only, values as given, backend and port checked', () => {
    const a = parseDaemonArgs(
      [
        '--init',
        '--default-addr-pool',
        '10.50.0.0/16',
        '--vip-pool',
        '10.51.0.0/16',
        '--data-path-backend',
        'vxlan',
        '--data-path-port',
        '4790',
      ],
      {},
    );
    assert.deepEqual(a.network, {
      clusterCidr: '10.50.0.0/16',
      vipCidr: '10.51.0.0/16',
      backend: 'vxlan',
      vxlanPort: 4790,
    });
    assert.equal(parseDaemonArgs(['--init'], {}).network, undefined);
    assert.throws(() => parseDaemonArgs(['--init', '--data-path-backend', 'ipip'], {}), invalid(/--data-path-backend/));
    assert.throws(() => parseDaemonArgs(['--init', '--data-path-port', 'x'], {}), invalid(/--data-path-port/));
    assert.throws(
      () => parseDaemonArgs(['--join', 'T', '10.0.0.1:4280', '--default-addr-pool', '10.50.0.0/16'], {}),
      invalid(/give them with --init/),
    );
    assert.throws(() => parseDaemonArgs(['--vip-pool', '10.51.0.0/16'], {}), invalid(/give them with --init/));
  });
});

describe('node daemon flags: networking', () => {
  test('--data-plane is on unless turned off, for every mode; other values are refused', () => {
    assert.equal(parseDaemonArgs(['--init'], {}).dataPlane, 'on');
    assert.equal(parseDaemonArgs(['--init', '--data-plane', 'off'], {}).dataPlane, 'off');
    assert.equal(parseDaemonArgs(['--join', 'T', '10.0.0.1:4280', '--data-plane=off'], {}).dataPlane, 'off');
    assert.equal(parseDaemonArgs(['--data-plane', 'on'], {}).dataPlane, 'on');
    assert.throws(() => parseDaemonArgs(['--data-plane', 'no'], {}), invalid(/^--data-plane: expected on or off/));
  });
});
