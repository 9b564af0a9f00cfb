import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { createClusterCa, issueNodeCertificate, type NodeTls } from '@clusterctl/ca';
import { ClusterError } from '@clusterctl/common';
import { DashboardTokenError, issueDashboardToken, verifyDashboardToken } from './dashboard-token.js';

const T0 = Date.now();

describe('dashboard tokens', () => {
  let ca: { certPem: string; keyPem: string };
  let otherCa: { certPem: string; keyPem: string };
  let manager: NodeTls;
  let worker: NodeTls;
  let foreign: NodeTls;

  before(async () => {
    ca = await createClusterCa({ clusterId: 'c1' });
    otherCa = await createClusterCa({ clusterId: 'c1' });
    const node = async (
      issuer: { certPem: string; keyPem: string },
      nodeId: string,
      role: 'manager' | 'worker',
    ): Promise<NodeTls> => {
      const c = await issueNodeCertificate(issuer, { nodeId, role, clusterId: 'c1' });
      return { caPem: issuer.certPem, certPem: c.certPem, keyPem: c.keyPem };
    };
    manager = await node(ca, 'm1', 'manager');
    worker = await node(ca, 'w1', 'worker');
    foreign = await node(otherCa, 'm9', 'manager');
  });

  const refused = (token: string, why: RegExp, nowMs = T0 + 1000): void =>
    assert.throws(
      () => verifyDashboardToken(token, { clusterId: 'c1', caPem: ca.certPem, nowMs }),
      (e: unknown) => e instanceof DashboardTokenError && why.test(e.message),
    );

  test('a token a manager issued is valid until it expires, with its claims', () => {
    const { token, claims } = issueDashboardToken(manager, {
      clusterId: 'c1',
      nodeId: 'm1',
      ttlMs: 60_000,
      actions: true,
      nowMs: T0,
    });
    const got = verifyDashboardToken(token, { clusterId: 'c1', caPem: ca.certPem, nowMs: T0 + 59_999 });
    assert.deepEqual(got, claims);
    assert.equal(got.actions, true);
    assert.equal(got.exp, T0 + 60_000);
    refused(token, /expired/, T0 + 60_000);
  });

  test('read-only unless asked', () => {
    const { token } = issueDashboardToken(manager, { clusterId: 'c1', nodeId: 'm1', ttlMs: 60_000, actions: false });
    assert.equal(verifyDashboardToken(token, { clusterId: 'c1', caPem: ca.certPem }).actions, false);
  });

  test('refused: a changed claim, another CA, a worker signer, another cluster, garbage', () => {
    const { token } = issueDashboardToken(manager, {
      clusterId: 'c1',
      nodeId: 'm1',
      ttlMs: 60_000,
      actions: false,
      nowMs: T0,
    });
    const [c, cert, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, actions: true })).toString('base64url');
    refused(`${forged}.${cert}.${sig}`, /bad signature/);
    const foreignToken = issueDashboardToken(foreign, {
      clusterId: 'c1',
      nodeId: 'm9',
      ttlMs: 60_000,
      actions: true,
      nowMs: T0,
    }).token;
    refused(foreignToken, /signer certificate refused/);
    const workerToken = issueDashboardToken(worker, {
      clusterId: 'c1',
      nodeId: 'w1',
      ttlMs: 60_000,
      actions: true,
      nowMs: T0,
    }).token;
    refused(workerToken, /signer certificate refused/);
    assert.throws(
      () => verifyDashboardToken(token, { clusterId: 'c2', caPem: ca.certPem, nowMs: T0 + 1000 }),
      DashboardTokenError,
    );
    refused('', /malformed/);
    refused('a.b', /malformed/);
    refused('a.b.c', /unreadable signer certificate/);
  });

  test('lifetime between 1s and 24h', () => {
    for (const ttlMs of [999, 24 * 3600_000 + 1])
      assert.throws(
        () => issueDashboardToken(manager, { clusterId: 'c1', nodeId: 'm1', ttlMs, actions: false }),
        ClusterError,
      );
  });

  test('a token issued until the revocation cutoff is refused; one issued after it is valid', () => {
    const at = (nowMs: number): string =>
      issueDashboardToken(manager, { clusterId: 'c1', nodeId: 'm1', ttlMs: 60_000, actions: false, nowMs }).token;
    const check = (token: string, notBeforeMs: number) =>
      verifyDashboardToken(token, { clusterId: 'c1', caPem: ca.certPem, nowMs: T0 + 1000, notBeforeMs });
    for (const iat of [T0 - 1, T0])
      assert.throws(
        () => check(at(iat), T0),
        (e: unknown) => e instanceof DashboardTokenError && /^revoked/.test(e.message),
      );
    assert.equal(check(at(T0 + 1), T0).iat, T0 + 1);
    assert.equal(check(at(T0 - 1), 0).iat, T0 - 1, 'a cutoff of 0 revokes nothing');
  });
});
