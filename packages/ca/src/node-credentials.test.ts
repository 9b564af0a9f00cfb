// Credential swapping on client channels: a channel built on NodeCredentials keeps its live
// connection across update() and presents the new certificate on its next handshake, even after the
// first certificate expired (which a static createSsl channel could no longer do).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { NodeCredentials } from './node-credentials.js';
import { TLS_SERVER_NAME } from './node-tls.js';
import { certificateValidity, createClusterCa, issueNodeCertificate, parseNodeIdentity } from './pki.js';

const CLUSTER = 'c1';
const pass = (b: Buffer): Buffer => b;
const WHO: grpc.ServiceDefinition = {
  who: {
    path: '/test.Who/Who',
    requestStream: false,
    responseStream: false,
    requestSerialize: pass,
    requestDeserialize: pass,
    responseSerialize: pass,
    responseDeserialize: pass,
  },
};

/** A mutual-TLS server answering with the serial of the client certificate of the connection. */
async function startServer(
  ca: { certPem: string; keyPem: string },
  port = 0,
): Promise<{ server: grpc.Server; port: number }> {
  const cert = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: CLUSTER });
  const server = new grpc.Server();
  server.addService(WHO, {
    who: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
      const raw = call.getAuthContext()?.sslPeerCertificate?.raw;
      cb(null, Buffer.from(raw ? new X509Certificate(raw).serialNumber : 'none'));
    },
  });
  const creds = grpc.ServerCredentials.createSsl(
    Buffer.from(ca.certPem),
    [{ cert_chain: Buffer.from(cert.certPem), private_key: Buffer.from(cert.keyPem) }],
    true,
  );
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, creds, (e, p) => (e ? reject(e) : resolve(p))),
  );
  return { server, port: bound };
}

function who(c: grpc.Client): Promise<string> {
  return new Promise((resolve, reject) =>
    c.makeUnaryRequest(
      WHO.who!.path,
      pass,
      pass,
      Buffer.alloc(0),
      new grpc.Metadata(),
      { deadline: Date.now() + 5_000 },
      (e, r) => (e ? reject(e) : resolve(r!.toString())),
    ),
  );
}

const serialOf = (pem: string): string => new X509Certificate(pem).serialNumber;

describe('NodeCredentials', () => {
  const closers: Array<() => void> = [];
  after(() => closers.forEach((c) => c()));

  test('update(): the live connection keeps going; the next handshake presents the renewed certificate, also after the first expired', async () => {
    const ca = await createClusterCa({ clusterId: CLUSTER });
    const first = await issueNodeCertificate(ca, {
      nodeId: 'w1',
      role: 'worker',
      clusterId: CLUSTER,
      validityMs: 2_000,
    });
    const creds = new NodeCredentials(
      { caPem: ca.certPem, certPem: first.certPem, keyPem: first.keyPem },
      { listenerDelivery: 'sync' },
    );
    let srv = await startServer(ca);
    const opts = {
      'grpc.ssl_target_name_override': TLS_SERVER_NAME,
      'grpc.use_local_subchannel_pool': 1,
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': 300,
    };
    const channel = new grpc.Client(`127.0.0.1:${srv.port}`, creds.channelCredentials({ clusterId: CLUSTER }), opts);
    closers.push(() => channel.close());
    assert.equal(await who(channel), serialOf(first.certPem));

    // Renewed: same key, new certificate.
    const pub = new X509Certificate(first.certPem).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const renewed = await issueNodeCertificate(ca, {
      nodeId: 'w1',
      role: 'worker',
      clusterId: CLUSTER,
      validityMs: 60_000,
      publicKeyPem: pub,
    });
    creds.update({ ...creds.current, certPem: renewed.certPem });
    assert.equal(creds.current.certPem, renewed.certPem);
    assert.equal(await who(channel), serialOf(first.certPem), 'the connection already up is kept (no reconnect)');

    // Past the first certificate's notAfter, the server restarts: the channel reconnects with the renewed one.
    const wait = certificateValidity(first.certPem).notAfterMs + 1_000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    srv.server.forceShutdown();
    srv = await startServer(ca, srv.port);
    closers.push(() => srv.server.forceShutdown());
    let got = '';
    for (let i = 0; i < 50 && got === ''; i++) {
      got = await who(channel).catch(() => '');
      if (got === '') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(got, serialOf(renewed.certPem), 'reconnected with the renewed certificate');
    assert.equal(parseNodeIdentity(renewed.certPem).nodeId, 'w1');

    // A channel with a static copy of the first (now expired) certificate is refused.
    const stale = new grpc.Client(
      `127.0.0.1:${srv.port}`,
      grpc.credentials.createSsl(Buffer.from(ca.certPem), Buffer.from(first.keyPem), Buffer.from(first.certPem), {
        checkServerIdentity: () => undefined,
      }),
      opts,
    );
    closers.push(() => stale.close());
    await assert.rejects(who(stale), (e: grpc.ServiceError) => e.code === grpc.status.UNAVAILABLE);
  });

  test('listener delivery: microtask (default) hands the material over a microtask later, sync at once; a removed listener gets nothing', async () => {
    const ca = await createClusterCa({ clusterId: CLUSTER });
    const a = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: CLUSTER });
    const tls = { caPem: ca.certPem, certPem: a.certPem, keyPem: a.keyPem };

    const lazy = new NodeCredentials(tls);
    const got: string[] = [];
    lazy.addIdentityCertificateListener((u) => got.push(u!.certificate.toString()));
    lazy.addCaCertificateListener((u) => got.push(u!.caCertificate.toString()));
    const dropped = (): void => {
      got.push('dropped');
    };
    lazy.addIdentityCertificateListener(dropped);
    lazy.removeIdentityCertificateListener(dropped);
    assert.deepEqual(got, [], 'nothing delivered inside add*Listener');
    await Promise.resolve();
    assert.deepEqual(got, [a.certPem, ca.certPem]);

    const eager = new NodeCredentials(tls, { listenerDelivery: 'sync' });
    const now: string[] = [];
    eager.addIdentityCertificateListener((u) => now.push(u!.certificate.toString()));
    assert.deepEqual(now, [a.certPem], 'delivered inside add*Listener');
  });

  test('update(): identity listeners always, CA listeners only when the CA changed', async () => {
    const ca = await createClusterCa({ clusterId: CLUSTER });
    const other = await createClusterCa({ clusterId: CLUSTER });
    const a = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: CLUSTER });
    const b = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: CLUSTER });
    const creds = new NodeCredentials(
      { caPem: ca.certPem, certPem: a.certPem, keyPem: a.keyPem },
      { listenerDelivery: 'sync' },
    );
    const cas: string[] = [];
    const ids: string[] = [];
    creds.addCaCertificateListener((u) => cas.push(u!.caCertificate.toString()));
    creds.addIdentityCertificateListener((u) => ids.push(u!.certificate.toString()));
    creds.update({ caPem: ca.certPem, certPem: b.certPem, keyPem: b.keyPem });
    assert.deepEqual(cas, [ca.certPem]);
    assert.deepEqual(ids, [a.certPem, b.certPem]);
    creds.update({ caPem: other.certPem, certPem: b.certPem, keyPem: b.keyPem });
    assert.deepEqual(cas, [ca.certPem, other.certPem]);
    assert.equal(creds.current.caPem, other.certPem);
  });

  test('channelCredentials: one object per expected server, shared by channels', async () => {
    const ca = await createClusterCa({ clusterId: CLUSTER });
    const a = await issueNodeCertificate(ca, { nodeId: 'w1', role: 'worker', clusterId: CLUSTER });
    const creds = new NodeCredentials({ caPem: ca.certPem, certPem: a.certPem, keyPem: a.keyPem });
    assert.equal(creds.channelCredentials({ clusterId: CLUSTER }), creds.channelCredentials({ clusterId: CLUSTER }));
    assert.notEqual(
      creds.channelCredentials({ clusterId: CLUSTER }),
      creds.channelCredentials({ clusterId: CLUSTER, nodeId: 'm1' }),
    );
  });
});
