import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  X509Certificate,
  createPrivateKey,
  createPublicKey,
  createHash,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import {
  certificateDigest,
  certificateRenewalDue,
  verifyNodeCertificate,
  createClusterCa,
  createJoinToken,
  issueNodeCertificate,
  newJoinTokenSecret,
  nodeIdentityChecker,
  parseJoinToken,
  parseNodeIdentity,
  secretsEqual,
  verifyCaAgainstToken,
  verifyJoinToken,
} from './pki.js';
import { ClusterError, ErrorCode } from '@clusterctl/common';

function isCode(code: ErrorCode) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof ClusterError, `expected ClusterError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.hint.length > 0, 'error carries a hint');
    return true;
  };
}

describe('cluster CA and node certificates', () => {
  test('CA is self-signed, a CA, and its digest is sha256 of the DER', async () => {
    const ca = await createClusterCa({ clusterId: 'c1', validityDays: 30 });
    const cert = new X509Certificate(ca.certPem);
    assert.equal(cert.ca, true);
    assert.ok(cert.checkIssued(cert));
    assert.ok(cert.verify(cert.publicKey));
    assert.equal(ca.digest, createHash('sha256').update(cert.raw).digest('hex'));
    assert.equal(certificateDigest(ca.certPem), ca.digest);
    assert.equal(certificateDigest(cert.raw), ca.digest);
    assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    const days = (Date.parse(cert.validTo) - Date.now()) / 86_400_000;
    assert.ok(days > 29 && days <= 30, `validity ${days}`);
    // The private key matches the certificate.
    assert.ok(cert.checkPrivateKey(createPrivateKey(ca.keyPem)));
  });

  test('node certificate chains to the CA and carries identity, EKU and no CA bit', async () => {
    const ca = await createClusterCa({ clusterId: 'c1', validityDays: 30 });
    const node = await issueNodeCertificate(ca, {
      nodeId: 'node-a1',
      role: 'manager',
      clusterId: 'c1',
      validityDays: 7,
    });
    const caCert = new X509Certificate(ca.certPem);
    const cert = new X509Certificate(node.certPem);
    assert.ok(cert.checkIssued(caCert), 'issued by the CA');
    assert.ok(cert.verify(caCert.publicKey), 'signature verifies with the CA key');
    assert.equal(cert.ca, false);
    assert.ok(cert.checkPrivateKey(createPrivateKey(node.keyPem)));
    assert.deepEqual([...(cert.keyUsage ?? [])].sort(), ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    assert.match(cert.subject, /CN=node-a1/);
    assert.match(cert.subject, /OU=manager/);
    assert.equal(cert.subjectAltName, 'URI:clusterctl://c1/manager/node-a1');
    assert.deepEqual(parseNodeIdentity(node.certPem), { nodeId: 'node-a1', role: 'manager', clusterId: 'c1' });
    assert.deepEqual(parseNodeIdentity(cert.raw), { nodeId: 'node-a1', role: 'manager', clusterId: 'c1' });
  });

  test('a certificate from another CA does not verify against ours', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const other = await createClusterCa({ clusterId: 'c1' });
    const node = await issueNodeCertificate(other, { nodeId: 'n1', role: 'manager', clusterId: 'c1' });
    const cert = new X509Certificate(node.certPem);
    assert.equal(cert.verify(new X509Certificate(ca.certPem).publicKey), false);
  });

  test('issuing for a key the node keeps (CSR-like) returns no private key', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const node = await issueNodeCertificate(ca, {
      nodeId: 'w1',
      role: 'worker',
      clusterId: 'c1',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    assert.equal(node.keyPem, '');
    const cert = new X509Certificate(node.certPem);
    assert.ok(cert.checkPrivateKey(privateKey));
    const sig = sign('sha256', Buffer.from('x'), privateKey);
    assert.ok(verify('sha256', Buffer.from('x'), cert.publicKey, sig));
    assert.deepEqual(parseNodeIdentity(node.certPem), { nodeId: 'w1', role: 'worker', clusterId: 'c1' });
  });

  test('bad input gives INVALID_ARGUMENT with a hint', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    await assert.rejects(createClusterCa({ clusterId: 'bad/id' }), isCode(ErrorCode.InvalidArgument));
    await assert.rejects(createClusterCa({ clusterId: 'c1', validityDays: 0 }), isCode(ErrorCode.InvalidArgument));
    await assert.rejects(
      issueNodeCertificate(ca, { nodeId: 'a,b', role: 'manager', clusterId: 'c1' }),
      isCode(ErrorCode.InvalidArgument),
    );
    await assert.rejects(
      issueNodeCertificate(ca, { nodeId: 'n', role: 'admin' as 'manager', clusterId: 'c1' }),
      isCode(ErrorCode.InvalidArgument),
    );
    await assert.rejects(
      issueNodeCertificate(ca, { nodeId: 'n', role: 'manager', clusterId: 'c2' }),
      isCode(ErrorCode.InvalidArgument),
    );
    await assert.rejects(
      issueNodeCertificate({ certPem: ca.certPem, keyPem: 'nope' }, { nodeId: 'n', role: 'manager', clusterId: 'c1' }),
      isCode(ErrorCode.InvalidArgument),
    );
    const other = await createClusterCa({ clusterId: 'c1' });
    await assert.rejects(
      issueNodeCertificate(
        { certPem: ca.certPem, keyPem: other.keyPem },
        { nodeId: 'n', role: 'manager', clusterId: 'c1' },
      ),
      isCode(ErrorCode.InvalidArgument),
    );
    await assert.rejects(
      issueNodeCertificate(ca, { nodeId: 'n', role: 'manager', clusterId: 'c1', publicKeyPem: 'junk' }),
      isCode(ErrorCode.InvalidArgument),
    );
    assert.throws(() => parseNodeIdentity('not a cert'), isCode(ErrorCode.InvalidArgument));
  });

  test('a CA certificate or a foreign certificate has no node identity (UNAUTHENTICATED)', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    assert.throws(() => parseNodeIdentity(ca.certPem), isCode(ErrorCode.Unauthenticated));
  });

  test('nodeIdentityChecker accepts the expected server and refuses others', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const m = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: 'c1' });
    const raw = new X509Certificate(m.certPem).raw;
    assert.equal(
      nodeIdentityChecker({ clusterId: 'c1', role: 'manager', nodeId: 'm1' })('127.0.0.1', { raw }),
      undefined,
    );
    assert.ok(
      nodeIdentityChecker({ clusterId: 'c1', role: 'manager', nodeId: 'm2' })('127.0.0.1', { raw }) instanceof Error,
    );
    assert.ok(nodeIdentityChecker({ clusterId: 'c2' })('127.0.0.1', { raw }) instanceof Error);
    assert.ok(nodeIdentityChecker({ clusterId: 'c1', role: 'worker' })('127.0.0.1', { raw }) instanceof Error);
    assert.ok(nodeIdentityChecker({ clusterId: 'c1' })('127.0.0.1', {}) instanceof Error);
  });
});

describe('verifying and renewing node certificates', () => {
  test('verifyNodeCertificate accepts a good certificate and says what is wrong with bad ones', async () => {
    const ca = await createClusterCa({ clusterId: 'c1', validityDays: 30 });
    const other = await createClusterCa({ clusterId: 'c1', validityDays: 30 });
    const n = await issueNodeCertificate(ca, { nodeId: 'n1', role: 'worker', clusterId: 'c1', validityDays: 10 });
    const n2 = await issueNodeCertificate(ca, { nodeId: 'n2', role: 'worker', clusterId: 'c1', validityDays: 10 });
    const foreign = await issueNodeCertificate(other, {
      nodeId: 'n1',
      role: 'worker',
      clusterId: 'c1',
      validityDays: 10,
    });
    assert.deepEqual(
      verifyNodeCertificate(n.certPem, {
        caPem: ca.certPem,
        keyPem: n.keyPem,
        expect: { nodeId: 'n1', role: 'worker', clusterId: 'c1' },
      }),
      { nodeId: 'n1', role: 'worker', clusterId: 'c1' },
    );
    const rejects = (fn: () => unknown, re: RegExp): void => {
      assert.throws(fn, (e: unknown) => {
        isCode(ErrorCode.Unauthenticated)(e);
        assert.match((e as Error).message, re);
        return true;
      });
    };
    rejects(() => verifyNodeCertificate(foreign.certPem, { caPem: ca.certPem }), /not issued by this cluster CA/);
    rejects(
      () => verifyNodeCertificate(n.certPem, { caPem: ca.certPem, keyPem: n2.keyPem }),
      /does not match the node key/,
    );
    rejects(
      () => verifyNodeCertificate(n.certPem, { caPem: ca.certPem, expect: { role: 'manager' } }),
      /role is worker, expected manager/,
    );
    rejects(
      () => verifyNodeCertificate(n.certPem, { caPem: ca.certPem, now: new Date(Date.now() + 11 * 86_400_000) }),
      /expired/,
    );
    rejects(
      () => verifyNodeCertificate(n.certPem, { caPem: ca.certPem, now: new Date(Date.now() - 86_400_000) }),
      /not valid before/,
    );
    assert.throws(() => verifyNodeCertificate('junk', { caPem: ca.certPem }), isCode(ErrorCode.InvalidArgument));
  });

  test('certificateRenewalDue: not when fresh, always past 80% of the lifetime, never before 50%', async () => {
    const ca = await createClusterCa({ clusterId: 'c1', validityDays: 365 });
    const day = 86_400_000;
    for (let i = 0; i < 5; i++) {
      const n = await issueNodeCertificate(ca, { nodeId: `n${i}`, role: 'worker', clusterId: 'c1', validityDays: 100 });
      const now = Date.now();
      assert.equal(certificateRenewalDue(n.certPem, new Date(now)), false);
      assert.equal(certificateRenewalDue(n.certPem, new Date(now + 49 * day)), false);
      assert.equal(certificateRenewalDue(n.certPem, new Date(now + 81 * day)), true);
    }
  });
});

describe('join tokens', () => {
  const digest = 'ab'.repeat(32);

  test('round trip', () => {
    const secret = newJoinTokenSecret();
    assert.match(secret, /^[0-9a-z]{25}$/);
    const tok = createJoinToken({ role: 'worker', caDigest: digest, secret });
    assert.equal(tok, `CCTL-1-worker-${digest}-${secret}`);
    assert.deepEqual(parseJoinToken(`  ${tok}\n`), { role: 'worker', caDigest: digest, secret });
    assert.notEqual(newJoinTokenSecret(), secret);
  });

  test('malformed tokens are INVALID_ARGUMENT with a reason', () => {
    const good = createJoinToken({ role: 'manager', caDigest: digest });
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['SWMTKN-1-abc-def', /Docker Swarm/],
      ['hello', /does not start/],
      [good.replace('CCTL-1-', 'CCTL-2-'), /version/],
      [good + '-x', /5 dash-separated parts/],
      [good.replace('manager', 'admin'), /unknown role/],
      [good.replace(digest, 'zz'.repeat(32)), /CA digest/],
      [good.slice(0, -1), /secret/],
      [good.slice(0, -1) + 'A', /secret/],
    ];
    for (const [tok, re] of cases) {
      assert.throws(
        () => parseJoinToken(tok),
        (e: unknown) => {
          isCode(ErrorCode.InvalidArgument)(e);
          assert.match((e as Error).message, re, tok);
          return true;
        },
      );
    }
    assert.throws(() => createJoinToken({ role: 'worker', caDigest: 'short' }), isCode(ErrorCode.InvalidArgument));
  });

  test('verifyJoinToken grants the role, refuses wrong secret, rotated secret or other cluster', () => {
    const secrets = { manager: newJoinTokenSecret(), worker: newJoinTokenSecret() };
    const w = createJoinToken({ role: 'worker', caDigest: digest, secret: secrets.worker });
    const m = createJoinToken({ role: 'manager', caDigest: digest, secret: secrets.manager });
    assert.equal(verifyJoinToken(w, { caDigest: digest, secrets }), 'worker');
    assert.equal(verifyJoinToken(m, { caDigest: digest, secrets }), 'manager');
    // A worker secret presented as a manager token does not grant manager.
    const forged = createJoinToken({ role: 'manager', caDigest: digest, secret: secrets.worker });
    assert.throws(() => verifyJoinToken(forged, { caDigest: digest, secrets }), isCode(ErrorCode.Unauthenticated));
    assert.throws(() => verifyJoinToken(w, { caDigest: 'cd'.repeat(32), secrets }), isCode(ErrorCode.Unauthenticated));
    assert.throws(
      () => verifyJoinToken(w, { caDigest: digest, secrets: { manager: secrets.manager } }),
      isCode(ErrorCode.Unauthenticated),
    );
    assert.throws(() => verifyJoinToken('garbage', { caDigest: digest, secrets }), isCode(ErrorCode.InvalidArgument));
  });

  test('secretsEqual', () => {
    assert.equal(secretsEqual('abc', 'abc'), true);
    assert.equal(secretsEqual('abc', 'abd'), false);
    assert.equal(secretsEqual('abc', 'abcd'), false);
    assert.equal(secretsEqual('', ''), true);
  });

  test('the joiner checks the fetched CA against the token digest', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const other = await createClusterCa({ clusterId: 'c1' });
    const tok = createJoinToken({ role: 'worker', caDigest: ca.digest });
    verifyCaAgainstToken(ca.certPem, tok);
    assert.throws(() => verifyCaAgainstToken(other.certPem, tok), isCode(ErrorCode.Unauthenticated));
    // The key pair types are what TLS needs.
    assert.equal(createPublicKey(ca.keyPem).asymmetricKeyType, 'ec');
  });
});
