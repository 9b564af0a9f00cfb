// authorizeCall: who may call, and the ClusterError (code + hint) a refused caller gets.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { ErrorCode, type ClusterError } from '@clusterctl/common';
import {
  authorizeCall,
  PEER_IDENTITY_CACHE_SIZE,
  peerIdentity,
  peerIdentityCacheSize,
  type AuthContextCarrier,
  type AuthResult,
} from './auth.js';
import { createClusterCa, issueNodeCertificate } from './pki.js';

const carrier = (certPem?: string): AuthContextCarrier => ({
  getAuthContext: () =>
    certPem === undefined ? {} : { sslPeerCertificate: { raw: new X509Certificate(certPem).raw } },
});

function refusal(r: AuthResult): ClusterError {
  assert.equal(r.ok, false);
  return (r as { ok: false; error: ClusterError }).error;
}

describe('authorizeCall', () => {
  test('admits a node of the cluster with an allowed role; refuses the rest with a ClusterError and a hint', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const worker = await issueNodeCertificate(ca, { nodeId: 'w1', role: 'worker', clusterId: 'c1' });
    const manager = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: 'c1' });
    const otherCa = await createClusterCa({ clusterId: 'c2' });
    const foreign = await issueNodeCertificate(otherCa, { nodeId: 'm9', role: 'manager', clusterId: 'c2' });

    const ok = authorizeCall(carrier(manager.certPem), { clusterId: 'c1', roles: ['manager'] });
    assert.deepEqual(ok, { ok: true, identity: { nodeId: 'm1', role: 'manager', clusterId: 'c1' } });
    assert.equal(authorizeCall(carrier(worker.certPem), { clusterId: 'c1', roles: ['worker', 'manager'] }).ok, true);

    const none = refusal(authorizeCall(carrier(), { clusterId: 'c1', roles: ['manager'] }));
    assert.equal(none.code, ErrorCode.Unauthenticated);
    assert.match(none.hint, /clusterctl join/);

    const unreadable = refusal(authorizeCall(carrier(ca.certPem), { clusterId: 'c1', roles: ['manager'] }));
    assert.equal(unreadable.code, ErrorCode.Unauthenticated);

    const otherCluster = refusal(authorizeCall(carrier(foreign.certPem), { clusterId: 'c1', roles: ['manager'] }));
    assert.equal(otherCluster.code, ErrorCode.PermissionDenied);
    assert.match(otherCluster.message, /cluster c2, not c1/);
    assert.match(otherCluster.hint, /certificate of this cluster/);

    const wrongRole = refusal(authorizeCall(carrier(worker.certPem), { clusterId: 'c1', roles: ['manager'] }));
    assert.equal(wrongRole.code, ErrorCode.PermissionDenied);
    assert.match(wrongRole.message, /node w1 has role worker/);
    assert.match(wrongRole.hint, /managers only/);
  });
});

describe('peer identities', () => {
  test('read once per certificate: the same answer every call, each certificate its own, the cache bounded', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const a = await issueNodeCertificate(ca, { nodeId: 'a1', role: 'worker', clusterId: 'c1' });
    const b = await issueNodeCertificate(ca, { nodeId: 'b1', role: 'manager', clusterId: 'c1' });
    const rawA = new X509Certificate(a.certPem).raw;
    const before = peerIdentityCacheSize();
    const first = peerIdentity(rawA);
    assert.deepEqual(first, { nodeId: 'a1', role: 'worker', clusterId: 'c1' });
    // a copy of the same bytes (every call brings its own buffer) is the same certificate
    assert.equal(peerIdentity(Buffer.from(rawA)), first);
    assert.equal(peerIdentityCacheSize(), before + 1);
    assert.deepEqual(peerIdentity(new X509Certificate(b.certPem).raw), {
      nodeId: 'b1',
      role: 'manager',
      clusterId: 'c1',
    });
    // a certificate without an identity is refused every time, and not kept
    assert.throws(() => peerIdentity(new X509Certificate(ca.certPem).raw), /no valid cluster identity|CA certificate/);
    assert.throws(() => peerIdentity(new X509Certificate(ca.certPem).raw));
    assert.equal(peerIdentityCacheSize(), before + 2);
    assert.ok(PEER_IDENTITY_CACHE_SIZE >= 10_000, 'room for a 5,000-node cluster and its renewals');
  });
});
