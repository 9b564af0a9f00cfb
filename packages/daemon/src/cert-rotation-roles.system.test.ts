// Renewal across role changes, with real node daemons and 10 s certificates: a worker promoted to
// manager keeps renewing (now a manager certificate, installed into its listener and raft peers),
// and demoted again keeps renewing as a worker; the role in every certificate on disk follows the
// node record, the node stays ready and the cluster keeps its leader.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateValidity, parseNodeIdentity } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import { TEST_MIN_CERT_EXPIRY_ENV } from './args.js';
import { waitFor } from '@clusterctl/common/testing';
import { freePort, SocketClient, spawnDaemon, type DaemonProcess } from './testing/daemons.js';

const ENV = { [TEST_MIN_CERT_EXPIRY_ENV]: '5000' };
const certOf = (dir: string): string => readFileSync(join(dir, 'tls', 'node.crt'), 'utf8');

describe('certificate renewal across promotion and demotion (10 s certificates)', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-certs-roles-test-'));
  const procs: DaemonProcess[] = [];
  let m1: DaemonProcess;
  let w1: DaemonProcess;
  let mc: SocketClient;
  let wc: SocketClient;

  before(async () => {
    const [mPort, wPort] = [await freePort(), await freePort()];
    m1 = await spawnDaemon(
      join(root, 'm1'),
      ['--init', '--listen-addr', `127.0.0.1:${mPort}`, '--hostname', 'rm1', '--cert-expiry', '10s'],
      { env: ENV },
    );
    procs.push(m1);
    w1 = await spawnDaemon(
      join(root, 'w1'),
      [
        '--join',
        m1.ready.joinTokens!.worker,
        m1.ready.joinTokens!.managerAddr,
        '--listen-addr',
        `127.0.0.1:${wPort}`,
        '--hostname',
        'rw1',
      ],
      { env: ENV },
    );
    procs.push(w1);
    mc = new SocketClient(m1.dataDir);
    wc = new SocketClient(w1.dataDir);
    await waitFor(
      'worker ready',
      async () =>
        (await mc.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes.find((n) => n.hostname === 'rw1')
          ?.status?.state === 'ready',
      { timeoutMs: 20_000 },
    );
  });

  after(async () => {
    mc?.close();
    wc?.close();
    for (const p of procs) await p.kill();
    rmSync(root, { recursive: true, force: true });
  });

  /** Waits until w1's certificate on disk has `role` and was issued after `since`, i.e. renewed in that role. */
  async function renewedAs(role: 'manager' | 'worker', since: number): Promise<string> {
    return waitFor(
      `w1 renewed as a ${role}`,
      async () => {
        const pem = certOf(w1.dataDir);
        const issuedAt = certificateValidity(pem).notAfterMs - 10_000;
        return parseNodeIdentity(pem).role === role && issuedAt > since ? pem : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  }

  test('promoted: renews as a manager; demoted: renews as a worker; ready and same leader throughout', async () => {
    const leader = (await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo')).leaderNodeId;
    await mc.control('updateNode', { node: 'rw1', role: 'manager' });
    await waitFor(
      'w1 runs a manager, two reachable voters',
      async () => {
        if ((await wc.local<clusterctl.local.InfoResponse>('info')).role !== 'manager') return false;
        const c = await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        return c.managers.length === 2 && c.managers.every((x) => x.reachability === 'reachable');
      },
      { timeoutMs: 20_000 },
    );
    const promotedAt = Date.now();
    // The certificate promotion installed, then at least one renewal by the loop as a manager.
    const first = await renewedAs('manager', promotedAt - 1_000);
    await renewedAs('manager', certificateValidity(first).notAfterMs - 10_000 + 1_000);
    // Its listener presents a renewed certificate and its raft peer still hears it.
    const c = await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo');
    assert.equal(c.leaderNodeId, leader, 'same leader');
    assert.ok(
      c.managers.every((x) => x.reachability === 'reachable'),
      JSON.stringify(c.managers),
    );
    await wc.control('createService', {
      spec: { name: 'via-promoted', image: 'clusterctl/busybox:local', mode: 'replicated', replicas: 0 },
    });

    await mc.control('updateNode', { node: 'rw1', role: 'worker' });
    await waitFor(
      'w1 back to a worker',
      async () => (await wc.local<clusterctl.local.InfoResponse>('info')).role === 'worker',
      { timeoutMs: 20_000 },
    );
    const demotedAt = Date.now();
    await renewedAs('worker', demotedAt);
    const nodes = (await mc.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
    assert.deepEqual(nodes.map((n) => `${n.hostname}:${n.role}:${n.status?.state}`).sort(), [
      'rm1:manager:ready',
      'rw1:worker:ready',
    ]);
    assert.equal((await mc.control<clusterctl.control.ClusterInfo>('getClusterInfo')).leaderNodeId, leader);
    assert.equal(parseNodeIdentity(certOf(m1.dataDir)).role, 'manager');
    assert.ok(certificateValidity(certOf(m1.dataDir)).notAfterMs > Date.now(), 'the manager renewed too');
  });
});
