// Joining over real gRPC + mutual TLS: two more managers (one through a follower), a worker, and
// every way a join or a call without the right certificate is refused with nothing changed.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, freePort } from '@clusterctl/common';
import {
  createClusterCa,
  createJoinToken,
  createKeyAndCsr,
  fetchRootCa,
  issueNodeCertificate,
  joinCluster,
  newJoinTokenSecret,
  parseNodeIdentity,
  renewAsManager,
  renewCertificate,
} from '@clusterctl/ca';
import { Manager } from '../manager.js';
import { waitFor } from '@clusterctl/common/testing';
import {
  controlClient,
  controlClientWithoutCert,
  failure,
  kvClient,
  nodeCaClientWithoutCert,
  type PromiseClient,
} from '../control/testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

let dir: string;
const managers: Manager[] = [];
const clients: PromiseClient[] = [];
let ctl: PromiseClient;

function nodeRecords(m: Manager): string {
  return JSON.stringify(m.store.view((tx) => tx.list('nodes').map((n) => [n.id, n.role, n.meta.version])));
}

async function joinManager(via: Manager, token: string, name: string): Promise<Manager> {
  const port = await freePort();
  const joined = await joinCluster({
    managerAddr: via.advertiseAddr,
    token,
    hostname: name,
    advertiseAddr: `127.0.0.1:${port}`,
  });
  assert.equal(joined.role, 'manager');
  assert.ok(joined.raftId > 0);
  const m = await Manager.join({
    dataDir: join(dir, name),
    listenAddr: `127.0.0.1:${port}`,
    hostname: name,
    joined,
    raft: FAST_RAFT,
  });
  managers.push(m);
  return m;
}

describe('joining managers and workers', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-join-'));
    const m1 = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'm1',
      raft: FAST_RAFT,
    });
    managers.push(m1);
    ctl = controlClient(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
    clients.push(ctl);
  });
  after(async () => {
    for (const c of clients) c.close();
    await Promise.allSettled(managers.map((m) => m.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  test('two managers join (the second through a follower): 3 voters, all see the same records', async (t) => {
    const m1 = managers[0]!;
    const token = (await ctl.getJoinToken({ role: 'manager' })).token as string;
    const t0 = Date.now();
    const m2 = await joinManager(m1, token, 'm2');
    await waitFor('m2 promoted to voter', () => m1.raft.status().confState.voters.includes(m2.raftId), {
      timeoutMs: 15_000,
    });
    t.diagnostic(`join (CA fetch + Join + Manager.join) to raft voter: ${Date.now() - t0} ms (tick 20 ms)`);
    const m3 = await joinManager(m2, token, 'm3');
    await waitFor(
      '3 voters on every manager',
      () =>
        managers.every(
          (m) => m.raft.status().confState.voters.length === 3 && m.raft.status().confState.learners.length === 0,
        ),
      { timeoutMs: 15_000 },
    );
    for (const m of managers) {
      const nodes = m.store.view((tx) => tx.list('nodes'));
      assert.equal(nodes.filter((n) => n.role === 'manager').length, 3);
    }
    // the certificate carries the node id and role the CA chose
    const id3 = parseNodeIdentity(m3.nodeTls.certPem);
    assert.deepEqual(id3, { nodeId: m3.nodeId, role: 'manager', clusterId: m1.clusterId });
    // Control answers on a follower too, writes included (forwarded by raft)
    const c3 = controlClient(m3.advertiseAddr, m3.nodeTls, m3.clusterId);
    clients.push(c3);
    await c3.createService({ spec: { name: 'from-follower', image: 'busybox', replicas: 1 } });
    await waitFor('service visible on m1', () => m1.store.view((tx) => tx.getByName('services', 'from-follower')), {
      timeoutMs: 15_000,
    });
    const info = await c3.getClusterInfo({});
    assert.equal(info.managers.length, 3);
    assert.equal(info.leaderNodeId, m1.nodeId);
    const listed = await c3.listNodes({ filters: { role: 'manager' } });
    assert.equal(listed.nodes.length, 3);
  });

  test('a worker joins with the worker token; its certificate is refused by Control and KV but may renew', async () => {
    const m1 = managers[0]!;
    const token = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    const w = await joinCluster({ managerAddr: managers[1]!.advertiseAddr, token, hostname: 'w1' });
    assert.equal(w.role, 'worker');
    assert.equal(w.raftId, 0);
    assert.equal(w.managers.length, 3);
    await waitFor('worker record', () => m1.store.view((tx) => tx.get('nodes', w.nodeId)), { timeoutMs: 15_000 });
    assert.equal(m1.store.view((tx) => tx.get('nodes', w.nodeId))!.role, 'worker');
    assert.equal(m1.store.view((tx) => tx.get('nodes', w.nodeId))!.managerStatus, undefined);

    const before = nodeRecords(m1);
    const servicesBefore = m1.store.view((tx) => tx.count('services'));
    const wtls = { caPem: w.caCertPem, certPem: w.certPem, keyPem: w.keyPem };
    const wc = controlClient(m1.advertiseAddr, wtls, m1.clusterId);
    clients.push(wc);
    for (const call of [
      wc.listNodes({}),
      wc.createService({ spec: { name: 'evil', image: 'busybox', replicas: 1 } }),
      wc.getJoinToken({ role: 'manager' }),
      wc.updateNode({ node: w.nodeId, role: 'manager' }),
    ]) {
      const e = await failure(call);
      assert.equal(e.code, ErrorCode.PermissionDenied, e.message);
      assert.match(e.hint, /managers only/);
    }
    const wkv = kvClient(m1.advertiseAddr, wtls, m1.clusterId);
    clients.push(wkv);
    assert.equal((await failure(wkv.status({}))).code, ErrorCode.PermissionDenied);
    assert.equal((await failure(wkv.get({ key: 'clusterctl/ca/root-key' }))).code, ErrorCode.PermissionDenied);
    const renewed = await renewCertificate(m1.advertiseAddr, wtls, m1.clusterId);
    assert.equal(renewed.role, 'worker');
    assert.equal(parseNodeIdentity(renewed.certPem).nodeId, w.nodeId);
    assert.equal(nodeRecords(m1), before);
    assert.equal(
      m1.store.view((tx) => tx.count('services')),
      servicesBefore,
    );
  });

  test('wrong, rotated and malformed tokens, no certificate and a foreign CA: refused, nothing changed', async () => {
    const m1 = managers[0]!;
    const before = nodeRecords(m1);
    const good = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    const caDigest = good.split('-')[3]!;
    const wrong = createJoinToken({ role: 'worker', caDigest, secret: newJoinTokenSecret() });
    let e = await failure(joinCluster({ managerAddr: m1.advertiseAddr, token: wrong, hostname: 'x' }));
    assert.equal(e.code, ErrorCode.Unauthenticated);
    assert.match(e.hint, /join-token worker/);

    const rotated = (await ctl.getJoinToken({ role: 'worker', rotate: true })).token as string;
    e = await failure(joinCluster({ managerAddr: managers[2]!.advertiseAddr, token: good, hostname: 'x' }));
    assert.equal(e.code, ErrorCode.Unauthenticated, 'the old token stops working at once, on every manager');
    // a manager token does not become valid by rotating the worker one
    const mgrToken = (await ctl.getJoinToken({ role: 'manager' })).token as string;
    assert.notEqual(mgrToken.split('-').pop(), rotated.split('-').pop());

    e = await failure(joinCluster({ managerAddr: m1.advertiseAddr, token: 'SWMTKN-1-abc', hostname: 'x' }));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    // a token pinning another CA: the joiner refuses the manager's CA before sending anything
    const otherCa = await createClusterCa({ clusterId: 'othercluster' });
    e = await failure(
      joinCluster({
        managerAddr: m1.advertiseAddr,
        token: createJoinToken({ role: 'worker', caDigest: otherCa.digest }),
        hostname: 'x',
      }),
    );
    assert.equal(e.code, ErrorCode.Unauthenticated);
    // ... and the server refuses it too when sent anyway
    const ca = await fetchRootCa(m1.advertiseAddr, rotated);
    const raw = controlClientWithoutCert(m1.advertiseAddr, ca);
    clients.push(raw);
    const { csrPem } = await createKeyAndCsr('x');
    const ncNoCert = nodeCaClientWithoutCert(m1.advertiseAddr, ca);
    e = await failure(
      ncNoCert.join({ token: createJoinToken({ role: 'worker', caDigest: otherCa.digest }), csrPem, hostname: 'x' }),
    );
    assert.equal(e.code, ErrorCode.Unauthenticated);
    e = await failure(ncNoCert.join({ token: rotated, csrPem: 'not a csr', hostname: 'x' }));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    e = await failure(ncNoCert.join({ token: rotated, csrPem, hostname: '' }));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    e = await failure(ncNoCert.join({ token: mgrToken, csrPem, hostname: 'x', advertiseAddr: 'nope' }));
    assert.equal(e.code, ErrorCode.InvalidArgument);
    e = await failure(
      ncNoCert.join({ token: mgrToken, csrPem, hostname: 'x', advertiseAddr: managers[1]!.advertiseAddr }),
    );
    assert.equal(e.code, ErrorCode.AlreadyExists, 'the address of a current manager');
    assert.match(e.hint, /node demote/);
    // GetRootCa works without a certificate; Renew does not
    assert.equal((await ncNoCert.getRootCa({})).caCertPem, ca);
    e = await failure(ncNoCert.renew({ csrPem }));
    assert.equal(e.code, ErrorCode.Unauthenticated);
    ncNoCert.close();

    // Control without a client certificate
    e = await failure(raw.listNodes({}));
    assert.equal(e.code, ErrorCode.Unauthenticated);
    e = await failure(raw.createService({ spec: { name: 'evil', image: 'busybox', replicas: 1 } }));
    assert.equal(e.code, ErrorCode.Unauthenticated);
    // a manager certificate from another cluster's CA: the listener closes the connection once the
    // handshake shows the certificate is not verified (callers without one stay admitted for Join)
    const foreign = await issueNodeCertificate(otherCa, {
      nodeId: 'intruder',
      role: 'manager',
      clusterId: 'othercluster',
    });
    const fc = controlClient(
      m1.advertiseAddr,
      { caPem: ca, certPem: foreign.certPem, keyPem: foreign.keyPem },
      m1.clusterId,
    );
    clients.push(fc);
    e = await failure(fc.getJoinToken({ role: 'manager' }));
    assert.equal(e.code, ErrorCode.Unavailable);

    assert.equal(nodeRecords(m1), before, 'no refused call changed the nodes');
    assert.equal(
      m1.store.view((tx) => tx.getByName('services', 'evil')),
      undefined,
    );
    // the rotated token works
    const ok = await joinCluster({ managerAddr: m1.advertiseAddr, token: rotated, hostname: 'w2' });
    assert.equal(ok.role, 'worker');
  });

  test('promote a worker to manager (4 voters), then demote it (back to 3, its raft member removed)', async () => {
    const m1 = managers[0]!;
    const token = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    const w = await joinCluster({ managerAddr: m1.advertiseAddr, token, hostname: 'w-promo' });
    const wtls = { caPem: w.caCertPem, certPem: w.certPem, keyPem: w.keyPem };
    // renewing as a manager before the promotion gives nothing
    const early = await failure(renewAsManager(m1.advertiseAddr, wtls, m1.clusterId, '127.0.0.1:1'));
    assert.equal(early.code, ErrorCode.FailedPrecondition);
    const promoted = await ctl.updateNode({ node: 'w-promo', role: 'manager' });
    assert.equal(promoted.role, 'manager');
    const port = await freePort();
    const joined = await renewAsManager(managers[1]!.advertiseAddr, wtls, m1.clusterId, `127.0.0.1:${port}`);
    assert.equal(parseNodeIdentity(joined.certPem).role, 'manager');
    const m4 = await Manager.join({
      dataDir: join(dir, 'm4'),
      listenAddr: `127.0.0.1:${port}`,
      hostname: 'w-promo',
      joined,
      raft: FAST_RAFT,
    });
    managers.push(m4);
    await waitFor(
      '4 voters',
      () => m1.raft.status().confState.voters.length === 4 && m1.raft.status().confState.voters.includes(m4.raftId),
      { timeoutMs: 15_000 },
    );
    await waitFor(
      'm4 caught up',
      () => m4.store.view((tx) => tx.get('nodes', w.nodeId)?.managerStatus?.addr === `127.0.0.1:${port}`),
      { timeoutMs: 15_000 },
    );

    let removed = false;
    m4.onRemoved(() => {
      removed = true;
    });
    const demoted = await ctl.updateNode({ node: w.nodeId, role: 'worker' });
    assert.equal(demoted.role, 'worker');
    assert.equal(demoted.managerStatus, null);
    await waitFor(
      '3 voters again',
      () => m1.raft.status().confState.voters.length === 3 && !m1.raft.status().confState.voters.includes(m4.raftId),
      { timeoutMs: 15_000 },
    );
    await waitFor('m4 told it was removed', () => removed, { timeoutMs: 15_000 });
    const back = await renewCertificate(m1.advertiseAddr, { ...wtls, certPem: joined.certPem }, m1.clusterId);
    assert.equal(back.role, 'worker');
    // its manager certificate is still valid TLS-wise, but Control goes by the node record
    const stale = controlClient(m1.advertiseAddr, { ...wtls, certPem: joined.certPem }, m1.clusterId);
    clients.push(stale);
    const denied = await failure(stale.listNodes({}));
    assert.equal(denied.code, ErrorCode.PermissionDenied);
    assert.match(denied.message, /no longer a manager/);
    managers.splice(managers.indexOf(m4), 1);
    await m4.stop();
    // a demoted worker can now be removed with --force only while it is ready; it is not: removed
    await ctl.removeNode({ node: w.nodeId });
    assert.equal(
      m1.store.view((tx) => tx.get('nodes', w.nodeId)),
      undefined,
    );
  });

  test('the leader stops: a new leader is elected and Control calls succeed on it', async () => {
    const old = managers.find((m) => m.isLeader())!;
    const rest = managers.filter((m) => m !== old);
    await old.stop();
    const leader = await waitFor('a new leader', () => rest.find((m) => m.isLeader() && m.leaderComponentsRunning), {
      timeoutMs: 15_000,
    });
    const c = controlClient(leader.advertiseAddr, leader.nodeTls, leader.clusterId);
    clients.push(c);
    const created = await c.createService({ spec: { name: 'after-failover', image: 'busybox', replicas: 2 } });
    assert.equal(created.spec.name, 'after-failover');
    const list = await c.listServices({});
    assert.deepEqual(list.services.map((s: { service: { spec: { name: string } } }) => s.service.spec.name).sort(), [
      'after-failover',
      'from-follower',
    ]);
    const info = await c.getClusterInfo({});
    assert.equal(info.leaderNodeId, leader.nodeId);
    const other = rest.find((m) => m !== leader)!;
    await waitFor(
      'the follower applied it',
      () => other.store.view((tx) => tx.getByName('services', 'after-failover')),
      { timeoutMs: 15_000 },
    );
  });
});

describe('many workers joining at once', () => {
  let m: Manager | undefined;
  let root: string;
  after(async () => {
    await m?.stop();
    await rm(root, { recursive: true, force: true });
  });

  test('each joins on the first try with a subnet of its own (concurrent joins do not fight over the lowest free one)', async () => {
    root = await mkdtemp(join(tmpdir(), 'cctl-join-many-'));
    m = await Manager.init({ dataDir: join(root, 'm1'), listenAddr: '127.0.0.1:0', hostname: 'm1', raft: FAST_RAFT });
    const c = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
    const token = (await c.getJoinToken({ role: 'worker' })).token as string;
    c.close();
    const joined = await Promise.all(
      Array.from({ length: 24 }, (_, i) => joinCluster({ managerAddr: m!.advertiseAddr, token, hostname: `w${i}` })),
    );
    const nodes = m.store.view((tx) => tx.list('nodes'));
    const subnets = nodes.map((n) => n.network?.subnet);
    assert.equal(nodes.length, 25);
    assert.equal(new Set(subnets).size, 25, `subnets: ${subnets.join(' ')}`);
    for (const w of joined) assert.ok(nodes.some((n) => n.id === w.nodeId));
  });
});
