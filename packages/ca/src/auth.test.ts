// authorizeCall: who may call, and the ClusterError (code + hint) a refused caller gets.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { ErrorCode, type ClusterError } from '@clusterctl/common';
import { authorizeCall, type AuthContextCarrier, type AuthResult } from './auth.js';
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
