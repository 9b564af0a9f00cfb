import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from '@clusterctl/common';
import { checkPoolsAgainstHost, validateClusterNetwork } from '@clusterctl/manager';
import { parseProcRoutes } from './host-networks.js';

const PROC_ROUTE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
clusterctl0\t0000F00A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
clusterctl.vx\t0001F00A\t0001F00A\t0003\t0\t0\t0\t00FFFFFF\t0\t0\t0
`;

describe('init: the cluster pools against the networks of the machine', () => {
  test("/proc/net/route: every route but the default one and our own data plane's (an earlier cluster's)", () => {
    assert.deepEqual(parseProcRoutes(PROC_ROUTE), [
      { cidr: '172.17.0.0/16', what: 'route via docker0' },
      { cidr: '192.0.2.0/24', what: 'route via eth0' },
    ]);
  });

  test('defaults pass next to the usual routes; an overlap names it and the flag to change', () => {
    const host = [...parseProcRoutes(PROC_ROUTE), { cidr: '10.0.0.0/8', what: 'docker network corp' }];
    checkPoolsAgainstHost(validateClusterNetwork({}), parseProcRoutes(PROC_ROUTE));
    assert.throws(
      () => checkPoolsAgainstHost(validateClusterNetwork({}), host),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === 'INVALID_ARGUMENT' &&
        /10\.240\.0\.0\/16 overlaps 10\.0\.0\.0\/8 \(docker network corp\)/.test(e.message) &&
        e.hint.includes('--default-addr-pool') &&
        e.details.field === '--default-addr-pool',
    );
    assert.throws(
      () =>
        checkPoolsAgainstHost(validateClusterNetwork({ clusterCidr: '100.64.0.0/16', vipCidr: '172.17.5.0/24' }), host),
      (e: unknown) =>
        e instanceof ClusterError && e.details.field === '--vip-pool' && /172\.17\.0\.0\/16/.test(e.message),
    );
  });
});
