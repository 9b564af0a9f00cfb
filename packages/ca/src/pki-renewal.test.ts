// Short-lived node certificates (validityMs) and when they are due for renewal.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  certificateRenewalAt,
  certificateRenewalDue,
  certificateValidity,
  createClusterCa,
  issueNodeCertificate,
  verifyNodeCertificate,
} from './pki.js';
import { ClusterError } from '@clusterctl/common';

describe('short-lived node certificates', () => {
  test('validityMs sets notAfter to the second; renewal falls between 50% and 80% of the time since issuance', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    for (let i = 0; i < 4; i++) {
      // Bracketed by the clock read before (t0) and after (t1) the issuance, so however long it took;
      // X.509 times have second precision: 1 s of slack for the rounding.
      const t0 = Date.now();
      const n = await issueNodeCertificate(ca, {
        nodeId: `n${i}`,
        role: 'worker',
        clusterId: 'c1',
        validityMs: 20_000,
        validityDays: 90,
      });
      const t1 = Date.now();
      const v = certificateValidity(n.certPem);
      assert.ok(
        v.notAfterMs >= t0 + 20_000 - 1_000 && v.notAfterMs <= t1 + 20_000 + 1_000,
        `notAfter ${v.notAfterMs - t0} ms after issuance (took ${t1 - t0} ms)`,
      );
      const at = certificateRenewalAt(n.certPem);
      assert.ok(
        at >= t0 + 10_000 - 1_000 && at <= t1 + 16_000 + 1_000,
        `renewal ${at - t0} ms after issuance (took ${t1 - t0} ms)`,
      );
      assert.equal(
        certificateRenewalDue(n.certPem, new Date(t0)),
        false,
        'a fresh certificate is not due (the skew backdating is not counted)',
      );
      assert.equal(certificateRenewalDue(n.certPem, new Date(t0 + 17_500)), true);
    }
  });

  test('a 90-day certificate is due between day 45 and day 72', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const n = await issueNodeCertificate(ca, {
      nodeId: 'n1',
      role: 'manager',
      clusterId: 'c1',
      validityMs: 90 * 86_400_000,
    });
    const at = certificateRenewalAt(n.certPem) - Date.now();
    assert.ok(at > 44.9 * 86_400_000 && at < 72.1 * 86_400_000, `${at / 86_400_000} days`);
  });

  test('an expired certificate is refused by verifyNodeCertificate', async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const n = await issueNodeCertificate(ca, { nodeId: 'n1', role: 'worker', clusterId: 'c1', validityMs: 1_000 });
    const { notAfterMs } = certificateValidity(n.certPem);
    assert.doesNotThrow(() =>
      verifyNodeCertificate(n.certPem, { caPem: ca.certPem, keyPem: n.keyPem, now: new Date(notAfterMs - 500) }),
    );
    assert.throws(
      () => verifyNodeCertificate(n.certPem, { caPem: ca.certPem, now: new Date(notAfterMs + 1_000) }),
      (e: unknown) => e instanceof ClusterError && /expired/.test(e.message),
    );
  });
});
