// NodeCA.Renew over real gRPC + mutual TLS with short-lived certificates (cluster setting
// nodeCertExpiryMs = 4 s): certificates get the cluster's lifetime, a renewal keeps the key and takes
// the role from the store, a removed node is refused, an expired certificate is refused by the TLS
// layer, and a manager that installs a renewed certificate (Manager.updateTls) keeps serving after
// its first one expired.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ErrorCode } from '@clusterctl/common';
import {
  certificateValidity,
  createCsrForKey,
  joinCluster,
  NODE_CHANNEL_OPTIONS,
  NodeCredentials,
  parseNodeIdentity,
  renewCertificate,
} from '@clusterctl/ca';
import { NodeCAService } from '@clusterctl/proto';
import { Manager } from '../manager.js';
import { waitFor } from '@clusterctl/common/testing';
import { controlClient, failure, type PromiseClient } from '../control/testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };
const LIFETIME_MS = 4_000;

const publicKeyOf = (pem: string): string =>
  new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('NodeCA.Renew with short-lived certificates', () => {
  let dir: string;
  let m1: Manager;
  const clients: PromiseClient[] = [];
  const client = (tls: Manager['nodeTls']): PromiseClient => {
    const c = controlClient(m1.advertiseAddr, tls, m1.clusterId);
    clients.push(c);
    return c;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-renew-'));
    m1 = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'm1',
      raft: FAST_RAFT,
      nodeCertExpiryMs: LIFETIME_MS,
    });
  });
  after(async () => {
    for (const c of clients) c.close();
    await m1.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('init and join issue certificates with the cluster lifetime; renewal keeps the key, moves notAfter, role from the store', async () => {
    const t0 = Date.now();
    const own = certificateValidity(m1.nodeTls.certPem);
    assert.ok(
      own.notAfterMs - t0 < LIFETIME_MS + 1_000,
      `the first manager's certificate lives ${own.notAfterMs - t0} ms`,
    );
    const token = (await client(m1.nodeTls).getJoinToken({ role: 'worker' })).token as string;
    const w = await joinCluster({ managerAddr: m1.advertiseAddr, token, hostname: 'w1' });
    const wtls = { caPem: w.caCertPem, certPem: w.certPem, keyPem: w.keyPem };
    const first = certificateValidity(w.certPem);
    assert.ok(first.notAfterMs - Date.now() <= LIFETIME_MS + 1_000, 'the worker certificate has the cluster lifetime');

    await new Promise((r) => setTimeout(r, 1_100)); // X.509 times have second precision
    const renewed = await renewCertificate(m1.advertiseAddr, wtls, m1.clusterId);
    assert.equal(renewed.role, 'worker');
    assert.ok(certificateValidity(renewed.certPem).notAfterMs > first.notAfterMs, 'later notAfter');
    assert.equal(publicKeyOf(renewed.certPem), publicKeyOf(w.certPem), 'same key');
    assert.deepEqual(parseNodeIdentity(renewed.certPem), { nodeId: w.nodeId, role: 'worker', clusterId: m1.clusterId });

    // The role follows the store, whatever the presented certificate says.
    await client(m1.nodeTls).updateNode({ node: w.nodeId, role: 'manager' });
    const asManager = await renewCertificate(m1.advertiseAddr, { ...wtls, certPem: renewed.certPem }, m1.clusterId);
    assert.equal(asManager.role, 'manager');
    assert.equal(parseNodeIdentity(asManager.certPem).role, 'manager');
    await client(m1.nodeTls).updateNode({ node: w.nodeId, role: 'worker' });
    const back = await renewCertificate(m1.advertiseAddr, { ...wtls, certPem: asManager.certPem }, m1.clusterId);
    assert.equal(parseNodeIdentity(back.certPem).role, 'worker');

    // node rm: no more renewals, with a hint saying how to come back.
    await client(m1.nodeTls).removeNode({ node: w.nodeId });
    const refused = await failure(renewCertificate(m1.advertiseAddr, { ...wtls, certPem: back.certPem }, m1.clusterId));
    assert.equal(refused.code, ErrorCode.PermissionDenied);
    assert.match(refused.message, /no longer part of the cluster/);
    assert.match(refused.hint, /join --token/);
  });

  test('an expired certificate is refused; the manager keeps serving on a renewed one (Manager.updateTls) after its first expired', async () => {
    const token = (await client(m1.nodeTls).getJoinToken({ role: 'worker' })).token as string;
    const w = await joinCluster({ managerAddr: m1.advertiseAddr, token, hostname: 'w2' });
    const old = { caPem: w.caCertPem, certPem: w.certPem, keyPem: w.keyPem };
    // Renew the manager's own certificate now and then keep renewing the worker's until the first
    // ones are past their notAfter.
    const mgrFirst = m1.nodeTls;
    const mgrExpiry = certificateValidity(mgrFirst.certPem).notAfterMs;
    const wExpiry = certificateValidity(old.certPem).notAfterMs;
    let wtls = old;
    let mgrRenewed = false;
    while (Date.now() < Math.max(mgrExpiry, wExpiry) + 1_500) {
      if (Date.now() > certificateValidity(m1.nodeTls.certPem).notAfterMs - 2_500) {
        const r = await renewCertificate(m1.advertiseAddr, m1.nodeTls, m1.clusterId);
        await m1.updateTls({ ...m1.nodeTls, certPem: r.certPem });
        mgrRenewed = true;
      }
      const r = await renewCertificate(m1.advertiseAddr, wtls, m1.clusterId);
      wtls = { ...wtls, certPem: r.certPem };
      await new Promise((res) => setTimeout(res, 700));
    }
    assert.ok(mgrRenewed);
    assert.ok(Date.now() > mgrExpiry && Date.now() > wExpiry, 'both first certificates expired');
    // The renewed ones work: the server presents its renewed certificate (a fresh client verifies it).
    const ok = await renewCertificate(m1.advertiseAddr, wtls, m1.clusterId);
    assert.equal(ok.role, 'worker');
    assert.equal(
      await readFile(join(dir, 'm1', 'tls', 'node.crt'), 'utf8'),
      m1.nodeTls.certPem,
      'the renewed certificate is on disk',
    );
    // The expired client certificate is refused at the handshake.
    const expired = await failure(renewCertificate(m1.advertiseAddr, old, m1.clusterId, 3_000));
    assert.ok(
      ([ErrorCode.Unavailable, ErrorCode.Unauthenticated, ErrorCode.Timeout] as string[]).includes(expired.code),
      `${expired.code}: ${expired.message}`,
    );
    // And a client still pinned on the manager's expired certificate is refused too (as a peer that
    // did not renew would be): the manager's first certificate as a client.
    const mgrExpired = await failure(renewCertificate(m1.advertiseAddr, mgrFirst, m1.clusterId, 3_000));
    assert.ok(
      ([ErrorCode.Unavailable, ErrorCode.Unauthenticated, ErrorCode.Timeout] as string[]).includes(mgrExpired.code),
      `${mgrExpired.code}: ${mgrExpired.message}`,
    );
    await waitFor('raft still leads', () => m1.isLeader(), { timeoutMs: 15_000 });

    // A channel that dialled with the expired certificate is not left connected-but-unauthenticated:
    // the listener closes such connections, so once the channel's provider has the renewed
    // certificate its next call goes through on a fresh handshake.
    const material = new NodeCredentials(old);
    const Ctor = grpc.makeGenericClientConstructor(NodeCAService as unknown as grpc.ServiceDefinition, 'NodeCA');
    const ch = new Ctor(m1.advertiseAddr, material.channelCredentials({ clusterId: m1.clusterId }), {
      ...NODE_CHANNEL_OPTIONS,
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': 300,
    }) as unknown as grpc.Client & {
      renew(
        req: object,
        md: grpc.Metadata,
        o: grpc.CallOptions,
        cb: (e: grpc.ServiceError | null, r?: { role: string }) => void,
      ): void;
    };
    const csrPem = await createCsrForKey(old.keyPem);
    const renewOn = (): Promise<{ role: string }> =>
      new Promise((resolve, reject) =>
        ch.renew({ csrPem }, new grpc.Metadata(), { deadline: Date.now() + 3_000 }, (e, r) =>
          e ? reject(e) : resolve(r!),
        ),
      );
    try {
      await assert.rejects(
        renewOn(),
        (e: grpc.ServiceError) => e.code === grpc.status.UNAVAILABLE,
        'refused at the connection, not answered UNAUTHENTICATED',
      );
      material.update(wtls);
      const healed = await waitFor(
        'the same channel renews with the renewed certificate',
        () => renewOn().catch(() => undefined),
        { timeoutMs: 5_000, intervalMs: 100 },
      );
      assert.equal(healed.role, 'worker');
    } finally {
      ch.close();
    }
  });
});
