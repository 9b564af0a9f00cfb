// Root CA rotation, the PKI side: the cross-signed certificate of the new root and what nodes accept
// in each phase, over real mutual TLS on loopback (node:tls, as grpc-js uses it). Phases: before
// (everyone trusts the old root), during (nodes trust both roots, or still only the old one until
// they hear of the rotation; certificates come from either root, new ones with the cross-signed
// root after them) and after (the new root alone).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import {
  certificateSignedBy,
  createClusterCa,
  crossSignCa,
  issueNodeCertificate,
  parseNodeIdentity,
  pemCertificates,
  rootCaGeneration,
  trustBundle,
  trustBundleDigest,
  verifyNodeCertificate,
  type ClusterCa,
} from './pki.js';
import { ClusterError, ErrorCode } from '@clusterctl/common';

interface Side {
  name: string;
  /** Trust bundle (PEM). */
  ca: string;
  cert: string;
  key: string;
}

/** Mutual TLS between a server and a client, each verifying the other: the client's view of the server and the server's of the client. */
async function handshake(
  server: Side,
  client: Side,
): Promise<{ ok: true; serverSaw: string; clientSaw: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    let serverSaw = '';
    let serverError = '';
    const srv = tls.createServer(
      { ca: server.ca, cert: server.cert, key: server.key, requestCert: true, rejectUnauthorized: true },
      (s) => {
        serverSaw = parseNodeIdentity(s.getPeerCertificate().raw).nodeId;
        s.end('hi');
      },
    );
    srv.on('tlsClientError', (e) => (serverError = (e as NodeJS.ErrnoException).code ?? e.message));
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      const c = tls.connect({
        port,
        host: '127.0.0.1',
        ca: client.ca,
        cert: client.cert,
        key: client.key,
        checkServerIdentity: () => undefined,
      });
      let done = false;
      const finish = (r: Awaited<ReturnType<typeof handshake>>): void => {
        if (done) return;
        done = true;
        c.destroy();
        srv.close();
        resolve(r);
      };
      c.on('data', () =>
        finish({ ok: true, serverSaw, clientSaw: parseNodeIdentity(c.getPeerCertificate().raw).nodeId }),
      );
      c.on('error', (e) =>
        setTimeout(
          () =>
            finish({
              ok: false,
              error: `client: ${(e as NodeJS.ErrnoException).code ?? e.message}; server: ${serverError}`,
            }),
          20,
        ),
      );
      c.on('close', () => setTimeout(() => finish({ ok: false, error: `closed; server: ${serverError}` }), 20));
    });
  });
}

async function bothWays(a: Side, b: Side): Promise<void> {
  for (const [s, c] of [
    [a, b],
    [b, a],
  ] as const) {
    const r = await handshake(s, c);
    assert.ok(r.ok, `${c.name} -> ${s.name}: ${r.ok ? '' : r.error}`);
    assert.equal(r.serverSaw, c.name);
    assert.equal(r.clientSaw, s.name);
  }
}

async function refused(server: Side, client: Side): Promise<void> {
  const r = await handshake(server, client);
  assert.equal(r.ok, false, `${client.name} -> ${server.name} must be refused`);
}

describe('root CA rotation: cross-signing and trust in each phase', () => {
  let oldCa: ClusterCa;
  let newCa: ClusterCa;
  let cross: string;
  const node = async (
    name: string,
    ca: { certPem: string; keyPem: string; chainPem?: string },
    trust: string,
  ): Promise<Side> => {
    const c = await issueNodeCertificate(ca, { nodeId: name, role: 'manager', clusterId: 'c1', validityDays: 1 });
    return { name, ca: trust, cert: c.certPem, key: c.keyPem };
  };

  before(async () => {
    oldCa = await createClusterCa({ clusterId: 'c1' });
    newCa = await createClusterCa({ clusterId: 'c1', generation: rootCaGeneration(oldCa.certPem) + 1 });
    cross = await crossSignCa(newCa.certPem, oldCa);
  });

  test("the cross-signed certificate carries the new root's name and key, issued and signed by the old root", () => {
    const x = new X509Certificate(cross);
    const n = new X509Certificate(newCa.certPem);
    const o = new X509Certificate(oldCa.certPem);
    assert.equal(x.subject, n.subject);
    assert.equal(x.issuer, o.subject);
    assert.notEqual(n.subject, o.subject, 'a rotated root has its own name');
    assert.ok(
      x.publicKey.export({ type: 'spki', format: 'der' }).equals(n.publicKey.export({ type: 'spki', format: 'der' })),
    );
    assert.ok(x.verify(o.publicKey), 'signed by the old root');
    assert.ok(!x.verify(n.publicKey), 'not self-signed');
    assert.equal(x.ca, true);
    assert.ok(Date.parse(x.validTo) <= Math.min(Date.parse(n.validTo), Date.parse(o.validTo)));
    assert.equal(rootCaGeneration(oldCa.certPem), 1);
    assert.equal(rootCaGeneration(newCa.certPem), 2);
  });

  test("crossSignCa refuses a root of the same name and a key that is not the old root's", async () => {
    const same = await createClusterCa({ clusterId: 'c1' });
    await assert.rejects(
      crossSignCa(same.certPem, oldCa),
      (e) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument,
    );
    await assert.rejects(
      crossSignCa(newCa.certPem, { certPem: oldCa.certPem, keyPem: newCa.keyPem }),
      (e) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument,
    );
  });

  test('a node certificate from the new root verifies against the old root, both roots or the new root alone; an old one not against the new root alone', async () => {
    const fresh = await issueNodeCertificate(
      { ...newCa, chainPem: cross },
      { nodeId: 'n1', role: 'worker', clusterId: 'c1', validityDays: 1 },
    );
    assert.equal(pemCertificates(fresh.certPem).length, 2, 'node certificate, then the cross-signed root');
    assert.deepEqual(parseNodeIdentity(fresh.certPem), { nodeId: 'n1', role: 'worker', clusterId: 'c1' });
    for (const trust of [oldCa.certPem, trustBundle(oldCa.certPem, newCa.certPem), newCa.certPem]) {
      assert.equal(verifyNodeCertificate(fresh.certPem, { caPem: trust, keyPem: fresh.keyPem }).nodeId, 'n1');
    }
    assert.ok(certificateSignedBy(fresh.certPem, newCa.certPem));
    assert.ok(!certificateSignedBy(fresh.certPem, oldCa.certPem));
    // Without the cross-signed root, a node that trusts only the old root cannot place it.
    const bare = await issueNodeCertificate(newCa, { nodeId: 'n2', role: 'worker', clusterId: 'c1', validityDays: 1 });
    assert.throws(
      () => verifyNodeCertificate(bare.certPem, { caPem: oldCa.certPem }),
      (e) => e instanceof ClusterError && e.code === ErrorCode.Unauthenticated,
    );
    const old = await issueNodeCertificate(oldCa, { nodeId: 'n3', role: 'worker', clusterId: 'c1', validityDays: 1 });
    assert.equal(verifyNodeCertificate(old.certPem, { caPem: trustBundle(oldCa.certPem, newCa.certPem) }).nodeId, 'n3');
    assert.throws(
      () => verifyNodeCertificate(old.certPem, { caPem: newCa.certPem }),
      (e) => e instanceof ClusterError && e.code === ErrorCode.Unauthenticated,
    );
    // A chain certificate signed by a foreign root does not help.
    const foreign = await createClusterCa({ clusterId: 'c1', generation: 3 });
    const foreignCross = await crossSignCa(newCa.certPem, foreign);
    const viaForeign = await issueNodeCertificate(
      { ...newCa, chainPem: foreignCross },
      { nodeId: 'n4', role: 'worker', clusterId: 'c1', validityDays: 1 },
    );
    assert.throws(
      () => verifyNodeCertificate(viaForeign.certPem, { caPem: oldCa.certPem }),
      (e) => e instanceof ClusterError && e.code === ErrorCode.Unauthenticated,
    );
  });

  test('trust bundles: each root once, in order; the digest follows the set and order of roots', () => {
    const both = trustBundle(oldCa.certPem, newCa.certPem, oldCa.certPem);
    assert.equal(pemCertificates(both).length, 2);
    assert.equal(trustBundleDigest(both), trustBundleDigest(oldCa.certPem + newCa.certPem));
    assert.notEqual(trustBundleDigest(both), trustBundleDigest(oldCa.certPem));
    assert.notEqual(trustBundleDigest(both), trustBundleDigest(newCa.certPem));
  });

  test('before: nodes with old-root certificates trusting the old root talk', async () => {
    await bothWays(await node('a', oldCa, oldCa.certPem), await node('b', oldCa, oldCa.certPem));
  });

  test('during: every mix of old/new certificate and old-only/both trust talks, both ways', async () => {
    const both = trustBundle(oldCa.certPem, newCa.certPem);
    const sides = [
      await node('old-cert-old-trust', oldCa, oldCa.certPem),
      await node('old-cert-both-trust', oldCa, both),
      await node('new-cert-both-trust', { ...newCa, chainPem: cross }, both),
      await node('new-cert-old-trust', { ...newCa, chainPem: cross }, oldCa.certPem),
    ];
    for (let i = 0; i < sides.length; i++)
      for (let j = i + 1; j < sides.length; j++) await bothWays(sides[i]!, sides[j]!);
  });

  test('after: new-root certificates (with or without the cross-signed root) trusting the new root alone talk; an old-root certificate is refused', async () => {
    const a = await node('after-a', { ...newCa, chainPem: cross }, newCa.certPem);
    const b = await node('after-b', newCa, newCa.certPem);
    await bothWays(a, b);
    const straggler = await node('straggler', oldCa, trustBundle(oldCa.certPem, newCa.certPem));
    await refused(a, straggler);
    await refused(straggler, b);
  });
});
