// Certificate rotation with real node daemon processes: 3 managers and 2 workers (real gRPC over
// mutual TLS, real LevelDB), node certificates living 20 s (init --cert-expiry 20s, allowed by the
// test-only floor CLUSTERCTL_TEST_MIN_CERT_EXPIRY_MS). The cluster keeps working past the expiry of
// every node's first certificate: writes through the control sockets succeed, raft keeps its leader,
// no node is marked down; every node's certificate on disk has a later notAfter. After that, a
// restarted follower manager and a restarted worker connect again (fresh handshakes on both sides
// with renewed certificates), while the expired first certificate is refused.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError } from '@clusterctl/common';
import { certificateValidity, parseNodeIdentity, renewCertificate } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import { TEST_MIN_CERT_EXPIRY_ENV } from './args.js';
import { keepTestDirs, waitFor } from '@clusterctl/common/testing';
import {
  freePort,
  logEntries,
  SocketClient,
  SocketClients,
  spawnDaemon,
  spawnDaemonExpectFailure,
  type DaemonProcess,
} from './testing/daemons.js';

const LIFETIME = '20s';
const ENV = { [TEST_MIN_CERT_EXPIRY_ENV]: '5000' };

const tlsOf = (dir: string): { caPem: string; certPem: string; keyPem: string } => ({
  caPem: readFileSync(join(dir, 'tls', 'ca.crt'), 'utf8'),
  certPem: readFileSync(join(dir, 'tls', 'node.crt'), 'utf8'),
  keyPem: readFileSync(join(dir, 'tls', 'node.key'), 'utf8'),
});

describe('node certificates renew themselves (20 s certificates, 3 managers + 2 workers)', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterctl-certs-test-'));
  const procs: DaemonProcess[] = [];
  const clients = new SocketClients();
  const nodes: DaemonProcess[] = [];
  const firstCerts = new Map<string, { certPem: string; notAfterMs: number }>();
  const figures: string[] = [];
  const client = (dir: string): SocketClient => clients.of(dir);
  const ports: number[] = [];
  /** Each node's first certificate, read right after its daemon is ready (before it could renew). */
  const track = (d: DaemonProcess): void => {
    procs.push(d);
    nodes.push(d);
    const certPem = tlsOf(d.dataDir).certPem;
    firstCerts.set(d.ready.nodeId, { certPem, notAfterMs: certificateValidity(certPem).notAfterMs });
  };

  before(async () => {
    for (let i = 0; i < 3; i++) ports.push(await freePort());
    const m1 = await spawnDaemon(
      join(root, 'm1'),
      ['--init', '--listen-addr', `127.0.0.1:${ports[0]}`, '--hostname', 'm1', '--cert-expiry', LIFETIME],
      { env: ENV },
    );
    track(m1);
    const { manager: mtoken, worker: wtoken, managerAddr } = m1.ready.joinTokens!;
    for (const i of [1, 2]) {
      const d = await spawnDaemon(
        join(root, `m${i + 1}`),
        ['--join', mtoken, managerAddr, '--listen-addr', `127.0.0.1:${ports[i]}`, '--hostname', `m${i + 1}`],
        { env: ENV },
      );
      track(d);
    }
    for (const name of ['w1', 'w2']) {
      track(await spawnDaemon(join(root, name), ['--join', wtoken, managerAddr, '--hostname', name], { env: ENV }));
    }
    const c1 = client(m1.dataDir);
    await waitFor(
      '3 reachable managers, every node ready',
      async () => {
        const ci = await c1.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        const ns = (await c1.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
        return (
          ci.managers.length === 3 &&
          ci.managers.every((x) => x.reachability === 'reachable') &&
          ns.length === 5 &&
          ns.every((n) => n.status?.state === 'ready')
        );
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  after(async () => {
    clients.closeAll();
    for (const p of procs) await p.kill();
    if (keepTestDirs()) process.stdout.write(`# kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
    for (const f of figures) process.stdout.write(`# figure: ${f}\n`);
  });

  test('first certificates live 20 s', () => {
    for (const [id, c] of firstCerts) {
      const life = c.notAfterMs - Date.now();
      assert.ok(life < 21_000, `node ${id}: first certificate expires in ${life} ms`);
      assert.equal(parseNodeIdentity(c.certPem).nodeId, id);
    }
  });

  test('past every first certificate expiry: writes succeed, same leader, nobody down, later notAfter on disk', async () => {
    const [m1, m2, m3] = nodes as [DaemonProcess, DaemonProcess, DaemonProcess];
    const sockets = [client(m1.dataDir), client(m2.dataDir), client(m3.dataDir)];
    const leaderBefore = (await sockets[0]!.control<clusterctl.control.ClusterInfo>('getClusterInfo')).leaderNodeId;
    assert.equal(leaderBefore, m1.ready.nodeId);
    const allExpiredAt = Math.max(...[...firstCerts.values()].map((c) => c.notAfterMs));
    let writes = 0;
    for (let i = 0; Date.now() < allExpiredAt + 2_000; i++) {
      const s = sockets[i % 3]!;
      // A write (raft proposal through whichever manager this socket forwards to), then a read.
      await s.control(
        'createService',
        { spec: { name: `svc-${i}`, image: 'clusterctl/busybox:local', mode: 'replicated', replicas: 0 } },
        10_000,
      );
      writes++;
      const ci = await s.control<clusterctl.control.ClusterInfo>('getClusterInfo', {}, 10_000);
      assert.equal(ci.leaderNodeId, leaderBefore, 'raft keeps its leader');
      // Followers answer 'unknown' (only the leader tracks its peers).
      assert.ok(
        ci.managers.length === 3 && ci.managers.every((x) => x.reachability !== 'unreachable'),
        `no manager unreachable: ${JSON.stringify(ci.managers)}`,
      );
      const ns = (await s.control<clusterctl.control.ListNodesResponse>('listNodes', {}, 10_000)).nodes;
      const notReady = ns.filter((n) => n.status?.state !== 'ready');
      assert.deepEqual(
        notReady.map((n) => `${n.hostname}:${n.status?.state}`),
        [],
        'no node marked down',
      );
      await new Promise((r) => setTimeout(r, 700));
    }
    figures.push(`${writes} writes through the 3 managers' sockets while every first certificate expired`);
    for (const d of nodes) {
      const first = firstCerts.get(d.ready.nodeId)!;
      const now = tlsOf(d.dataDir);
      const notAfter = certificateValidity(now.certPem).notAfterMs;
      assert.ok(notAfter > first.notAfterMs, `${d.ready.hostname}: renewed certificate on disk`);
      assert.ok(notAfter > Date.now(), `${d.ready.hostname}: the certificate on disk is valid now`);
      assert.deepEqual(
        parseNodeIdentity(now.certPem),
        parseNodeIdentity(first.certPem),
        'same node id, role and cluster',
      );
      const renewals = logEntries(d.dataDir, 'renewed certificate installed');
      assert.ok(renewals.length >= 1, `${d.ready.hostname}: renewal logged`);
      figures.push(
        `${d.ready.hostname}: ${renewals.length} renewals, first ${renewals[0]!.time - (first.notAfterMs - 20_000)} ms after issuance`,
      );
    }
    for (const d of nodes) assert.equal(d.proc.exitCode, null, `${d.ready.hostname} still runs`);
  });

  test('after the expiry: the first certificate is refused; after the leader stops, agents redial and restarted nodes connect with renewed certificates', async () => {
    const [m1, , , , w2] = nodes as [DaemonProcess, DaemonProcess, DaemonProcess, DaemonProcess, DaemonProcess];
    const w1 = nodes[3]!;
    // The proof that renewal matters: the expired certificate no longer gets through (the listener
    // admits callers without a certificate for NodeCA.Join, but closes a connection whose
    // certificate fails verification).
    const first = firstCerts.get(w1.ready.nodeId)!;
    const current = tlsOf(w1.dataDir);
    await assert.rejects(
      renewCertificate(m1.ready.advertiseAddr, { ...current, certPem: first.certPem }, m1.ready.clusterId, 5_000),
      (e: unknown) => {
        assert.ok(e instanceof ClusterError);
        assert.equal(e.code, 'UNAVAILABLE', e.message);
        return true;
      },
    );
    // The current certificate gets through on every manager, and the client verified each listener's
    // certificate (expiry included): every listener presents a renewed one, its first expired.
    for (const m of nodes.slice(0, 3)) {
      const ok = await renewCertificate(m.ready.advertiseAddr, current, m1.ready.clusterId, 5_000);
      assert.equal(ok.role, 'worker');
    }

    // Fresh handshakes everywhere, with renewed certificates only (every first one has expired): the
    // leader stops, so the others elect a new one and every agent still up (w1's, the managers' own)
    // redials on its existing channel, which presents the renewed certificate through its provider;
    // then the old leader and a worker restart from the certificates on disk, and the raft peers dial
    // the restarted manager.
    const [, m2] = nodes as [DaemonProcess, DaemonProcess];
    const t0 = Date.now();
    await m1.stop();
    await w2.stop();
    const c2 = client(m2.dataDir);
    const leaderId = await waitFor(
      'a new leader',
      async () => {
        const ci = await c2.control<clusterctl.control.ClusterInfo>('getClusterInfo', {}, 5_000);
        return ci.leaderNodeId !== '' && ci.leaderNodeId !== m1.ready.nodeId ? ci.leaderNodeId : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    const leader = nodes.find((d) => d.ready.nodeId === leaderId)!;
    const w1c = client(w1.dataDir);
    await waitFor(
      'the agent of w1 (not restarted) in session with the new leader',
      async () => {
        const i = await w1c.local<clusterctl.local.InfoResponse>('info');
        return i.agentConnected && i.agentSessionAddr === leader.ready.advertiseAddr;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    figures.push(`w1's agent in session with the new leader ${Date.now() - t0} ms after the leader stopped`);
    // Each restarted daemon joins the cleanup list at once: a failing second start must not leak the first.
    const m1b = await spawnDaemon(m1.dataDir, [], { env: ENV });
    procs.push(m1b);
    const w2b = await spawnDaemon(w2.dataDir, [], { env: ENV });
    procs.push(w2b);
    const cl = client(leader.dataDir);
    await waitFor(
      'every manager reachable from the new leader, every node ready',
      async () => {
        const ci = await cl.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        const ns = (await cl.control<clusterctl.control.ListNodesResponse>('listNodes')).nodes;
        return (
          ci.leaderNodeId === leaderId &&
          ci.managers.every((x) => x.reachability === 'reachable') &&
          ns.every((n) => n.status?.state === 'ready')
        );
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    figures.push(`old leader + worker restarted: all reachable and ready ${Date.now() - t0} ms after the stop`);
    // A write through the restarted manager's socket (forwarded over its renewed certificate).
    await client(m1b.dataDir).control('createService', {
      spec: { name: 'after-restart', image: 'clusterctl/busybox:local', mode: 'replicated', replicas: 0 },
    });
  });

  test('a node offline past its certificate expiry does not start; the error says how to rejoin', async () => {
    const w1 = nodes[3]!;
    // A copy of the worker's node state with its first (expired) certificate: as if it had been off.
    const dir = join(root, 'w1-offline');
    cpSync(w1.dataDir, dir, { recursive: true, filter: (src) => !/control\.sock$|daemon\.pid$/.test(src) });
    writeFileSync(join(dir, 'tls', 'node.crt'), firstCerts.get(w1.ready.nodeId)!.certPem);
    const r = await spawnDaemonExpectFailure(dir, []);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /FAILED_PRECONDITION: the certificate of node \w+ expired on/);
    assert.match(r.stderr, /hint: .*clusterctl node rm --force .*clusterctl join --token/);
  });
});
