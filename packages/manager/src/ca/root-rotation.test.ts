// Root CA rotation on a real manager over gRPC + mutual TLS (in process, loopback): RotateRootCa,
// what Join and Renew issue and answer while it runs, the progress it reports, the leader finishing
// it once every node that is not down has a new-root certificate, and the cluster afterwards (the
// new root alone, the old key gone, old join tokens and old-root certificates refused). Nodes report
// the root of the certificate they use with their heartbeats (the dispatcher, tested with real
// daemons in test/cluster/ca-rotation.system.test.ts); here `uses` writes that report.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@clusterctl/common';
import {
  certificateDigest,
  certificateSignedBy,
  fetchRootCa,
  joinCluster,
  pemCertificates,
  renewCertificate,
  trustBundle,
  trustBundleDigest,
  verifyNodeCertificate,
  type NodeTls,
} from '@clusterctl/ca';
import { DEFAULT_CLUSTER_ID } from '@clusterctl/store';
import { waitFor } from '@clusterctl/common/testing';
import { Manager } from '../manager.js';
import { controlClient, failure, type PromiseClient } from '../control/testing/clients.js';
import { KV_CA_KEY, KV_CA_PENDING_KEY, readSecret } from './cluster-secrets.js';
import { clusterTrustDigest } from './root-rotation.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

describe('root CA rotation on a manager', () => {
  let dir: string;
  let m1: Manager;
  let ctl: PromiseClient;
  let oldRoot: string;
  let newRoot: string;
  let oldToken: string;
  let w: NodeTls & { nodeId: string };
  let w3: NodeTls & { nodeId: string };
  const cluster = () => m1.store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)!);
  /** What a node's heartbeat reports once it installed `certPem`: the root that issued it. */
  const uses = async (nodeId: string, certPem: string): Promise<void> => {
    const digest = certificateSignedBy(certPem, newRoot) ? certificateDigest(newRoot) : certificateDigest(oldRoot);
    await m1.store.update((tx) => {
      const n = tx.get('nodes', nodeId)!;
      tx.update('nodes', { ...n, certRootDigest: digest });
    });
  };
  const joinWorker = async (token: string, hostname: string): Promise<NodeTls & { nodeId: string }> => {
    const j = await joinCluster({ managerAddr: m1.advertiseAddr, token, hostname });
    return { nodeId: j.nodeId, caPem: j.caCertPem, certPem: j.certPem, keyPem: j.keyPem };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-root-rotation-'));
    m1 = await Manager.init({ dataDir: join(dir, 'm1'), listenAddr: '127.0.0.1:0', hostname: 'm1', raft: FAST_RAFT });
    ctl = controlClient(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
    oldRoot = m1.nodeTls.caPem;
    oldToken = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    w = await joinWorker(oldToken, 'w1');
    w3 = await joinWorker(oldToken, 'w3');
  });
  after(async () => {
    ctl.close();
    await m1.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('RotateRootCa: a new root (cross-signed by the old one) pending; progress 0 of the nodes; a second one is refused', async () => {
    assert.equal(clusterTrustDigest(m1.store), trustBundleDigest(oldRoot));
    const info = await ctl.rotateRootCa({});
    const c = cluster();
    assert.ok(c.rootRotation !== undefined);
    newRoot = c.rootRotation.caCertPem;
    assert.equal(c.rootCaCertPem, oldRoot, 'the old root stays the root while the rotation runs');
    assert.equal(info.rootCaDigest, certificateDigest(oldRoot));
    assert.equal(info.rootRotation.newRootCaDigest, certificateDigest(newRoot));
    assert.equal(Number(info.rootRotation.nodesRotated), 0);
    assert.equal(Number(info.rootRotation.nodesTotal), 3);
    assert.ok(certificateSignedBy(c.rootRotation.crossSignedCertPem, oldRoot), 'cross-signed by the old root');
    assert.equal(
      new X509Certificate(c.rootRotation.crossSignedCertPem).publicKey.export({ type: 'spki', format: 'pem' }),
      new X509Certificate(newRoot).publicKey.export({ type: 'spki', format: 'pem' }),
    );
    assert.equal(
      clusterTrustDigest(m1.store),
      trustBundleDigest(trustBundle(oldRoot, newRoot)),
      'heartbeats now name both roots',
    );
    const again = await failure(ctl.rotateRootCa({}));
    assert.equal(again.code, ErrorCode.FailedPrecondition);
  });

  test('during: a join with the old token and renewals get certificates from the new root (with the cross-signed root) and both roots to trust', async () => {
    // GetRootCa still answers the old root: tokens pin it.
    assert.equal(await fetchRootCa(m1.advertiseAddr, oldToken), oldRoot);
    const w2 = await joinWorker(oldToken, 'w2');
    assert.equal(pemCertificates(w2.caPem).length, 2, 'a joiner trusts both roots');
    assert.equal(pemCertificates(w2.certPem).length, 2, 'node certificate + cross-signed root');
    assert.ok(certificateSignedBy(w2.certPem, newRoot));
    verifyNodeCertificate(w2.certPem, { caPem: oldRoot, keyPem: w2.keyPem, expect: { nodeId: w2.nodeId } });

    const renewed = await renewCertificate(m1.advertiseAddr, w, m1.clusterId);
    assert.ok(certificateSignedBy(renewed.certPem, newRoot));
    assert.equal(renewed.caPem, trustBundle(oldRoot, newRoot));
    let info = await ctl.getClusterInfo({});
    assert.deepEqual(
      [Number(info.rootRotation.nodesRotated), Number(info.rootRotation.nodesTotal)],
      [1, 4],
      'a joiner counts at once; a renewal only once the node reports it uses the certificate',
    );
    w = { ...w, certPem: renewed.certPem, caPem: renewed.caPem };
    await uses(w.nodeId, w.certPem);
    info = await ctl.getClusterInfo({});
    assert.deepEqual([Number(info.rootRotation.nodesRotated), Number(info.rootRotation.nodesTotal)], [2, 4]);

    // The manager itself renews and installs (as its daemon does): its listener presents the new chain.
    const own = await renewCertificate(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
    await m1.updateTls({ ...m1.nodeTls, certPem: own.certPem, caPem: own.caPem });
    await uses(m1.nodeId, own.certPem);
    info = await ctl.getClusterInfo({});
    assert.deepEqual(
      [Number(info.rootRotation.nodesRotated), Number(info.rootRotation.nodesTotal)],
      [3, 4],
      'w3 has not renewed',
    );
    assert.ok(cluster().rootRotation !== undefined, 'not finished while a node that is up has an old-root certificate');
    // A node that still trusts only the old root talks to the rotated manager (through the cross-signed root).
    const viaOldTrust = await renewCertificate(m1.advertiseAddr, { ...w3, caPem: oldRoot }, m1.clusterId);
    assert.ok(certificateSignedBy(viaOldTrust.certPem, newRoot));
    // Issued is not installed: w3 does not count until it reports the new certificate.
    info = await ctl.getClusterInfo({});
    assert.deepEqual([Number(info.rootRotation.nodesRotated), Number(info.rootRotation.nodesTotal)], [3, 4]);
  });

  test('finished once the remaining node is down: the new root alone, its key the CA key, old tokens and old-root certificates refused', async () => {
    // w3 never installed its new certificate: it is marked down with its first one.
    await m1.store.update((tx) => {
      const n = tx.get('nodes', w3.nodeId)!;
      tx.update('nodes', { ...n, status: { state: 'down', message: 'test: marked down', timestamp: Date.now() } });
    });
    await waitFor('the rotation finished', () => cluster().rootRotation === undefined, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const c = cluster();
    assert.equal(c.rootCaCertPem, newRoot);
    assert.ok(
      new X509Certificate(newRoot).checkPrivateKey(createPrivateKey(m1.store.view((tx) => readSecret(tx, KV_CA_KEY)))),
      "the CA key is the new root's",
    );
    assert.equal(
      m1.store.view((tx) => tx.kvGet(KV_CA_PENDING_KEY)),
      undefined,
      'no pending key left',
    );
    assert.equal(clusterTrustDigest(m1.store), trustBundleDigest(newRoot));
    assert.equal((await ctl.getClusterInfo({})).rootRotation, null);

    const newToken = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    assert.notEqual(newToken, oldToken);
    assert.ok(newToken.includes(certificateDigest(newRoot)));
    const refused = await failure(joinCluster({ managerAddr: m1.advertiseAddr, token: oldToken, hostname: 'late' }));
    assert.equal(refused.code, ErrorCode.Unauthenticated, refused.message);
    const fresh = await joinWorker(newToken, 'w5');
    assert.equal(fresh.caPem, newRoot, 'a joiner trusts the new root alone');
    assert.equal(pemCertificates(fresh.certPem).length, 1, 'no cross-signed root after the rotation');

    // A rotated node renews once more: the new root alone to trust.
    const again = await renewCertificate(m1.advertiseAddr, w, m1.clusterId);
    assert.equal(again.caPem, newRoot);
    // The manager too (its daemon would, at the next heartbeat): its listener trusts the new root alone.
    const own = await renewCertificate(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
    assert.equal(own.caPem, newRoot);
    await m1.updateTls({ ...m1.nodeTls, certPem: own.certPem, caPem: own.caPem });
    // The node that was down kept its old-root certificate: refused at the handshake.
    const e = await failure(
      renewCertificate(m1.advertiseAddr, { ...w3, caPem: trustBundle(oldRoot, newRoot) }, m1.clusterId, 5_000),
    );
    assert.equal(e.code, ErrorCode.Unavailable, e.message);
  });
});
