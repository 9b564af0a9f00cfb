import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { KVService } from '@clusterctl/proto';
import { silentLogger, ErrorCode, ClusterError, ERROR_CODE_TRAILER } from '@clusterctl/common';
import { createClusterCa, issueNodeCertificate, nodeIdentityChecker, serverCredentials } from '@clusterctl/ca';
import { ClusterStore } from '@clusterctl/store';
import { LocalProposer } from '@clusterctl/store/testing';
import { kvServiceImplementation } from './kv-service.js';
import { KvApi } from './testing/kv-client.js';

const CLUSTER = 'kvtest';

async function setup(): Promise<{
  addr: string;
  server: grpc.Server;
  proposer: LocalProposer;
  client: (role: 'manager' | 'worker', ca?: { certPem: string; keyPem: string }) => Promise<KvApi>;
}> {
  const ca = await createClusterCa({ clusterId: CLUSTER });
  const serverCert = await issueNodeCertificate(ca, { nodeId: '1', role: 'manager', clusterId: CLUSTER });
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  const server = new grpc.Server();
  server.addService(
    KVService as unknown as grpc.ServiceDefinition,
    kvServiceImplementation({
      clusterId: CLUSTER,
      store,
      logger: silentLogger(),
      status: () => ({
        id: 1,
        leader: 1,
        term: 3,
        commit: store.version,
        applied: store.version,
        role: 'leader',
        voters: [1],
        learners: [],
      }),
    }) as unknown as grpc.UntypedServiceImplementation,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      serverCredentials({ caPem: ca.certPem, certPem: serverCert.certPem, keyPem: serverCert.keyPem }),
      (err, p) => (err ? reject(err) : resolve(p)),
    ),
  );
  const addr = `127.0.0.1:${port}`;
  const client = async (
    role: 'manager' | 'worker',
    issuer: { certPem: string; keyPem: string } = ca,
  ): Promise<KvApi> => {
    const cert = await issueNodeCertificate(issuer, { nodeId: `c-${role}`, role, clusterId: CLUSTER });
    const creds = grpc.credentials.createSsl(
      Buffer.from(ca.certPem),
      Buffer.from(cert.keyPem),
      Buffer.from(cert.certPem),
      {
        checkServerIdentity: nodeIdentityChecker({ clusterId: CLUSTER, role: 'manager' }),
      },
    );
    return new KvApi(addr, { credentials: creds, options: { 'grpc.ssl_target_name_override': 'm' }, deadlineMs: 5000 });
  };
  return { addr, server, proposer, client };
}

test('kv service: put/get through the store, authorization per connection, error codes', async () => {
  const { server, proposer, client } = await setup();
  const mgr = await client('manager');
  const worker = await client('worker');
  try {
    const { index } = await mgr.put('a', Buffer.from('one'));
    assert.ok(index > 0);
    const { index: index2 } = await mgr.put('a', Buffer.from('two'));
    assert.ok(index2 > index, 'a later put has a higher index');
    const lin = await mgr.get('a');
    assert.equal(Buffer.from(lin.value).toString(), 'two');
    assert.equal(lin.version, index2);
    const ser = await mgr.get('a', { serializable: true });
    assert.equal(Buffer.from(ser.value).toString(), 'two');
    assert.equal((await mgr.get('missing')).found, false);
    assert.equal((await mgr.status()).role, 'leader');

    // A worker certificate of the same cluster is refused, on every call of its connection,
    // while the manager's connection keeps working (per-connection cache, no cross-talk).
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        worker.put('b', Buffer.from('x')),
        (err: grpc.ServiceError) => err.code === grpc.status.PERMISSION_DENIED,
      );
      await assert.rejects(worker.get('a'), (err: grpc.ServiceError) => err.code === grpc.status.PERMISSION_DENIED);
      assert.equal((await mgr.get('a', { serializable: true })).found, true);
    }
    assert.equal((await mgr.get('b')).found, false, 'the refused put changed nothing');

    // Store/proposer errors travel as gRPC codes plus the clusterctl code.
    proposer.failWith = new ClusterError(ErrorCode.NoLeader, 'no leader');
    await assert.rejects(
      mgr.put('c', Buffer.from('y')),
      (err: grpc.ServiceError) =>
        err.code === grpc.status.UNAVAILABLE && err.metadata.get(ERROR_CODE_TRAILER)[0] === ErrorCode.NoLeader,
    );
    proposer.failWith = undefined;
    await assert.rejects(
      mgr.put('', Buffer.from('y')),
      (err: grpc.ServiceError) => err.code === grpc.status.INVALID_ARGUMENT,
    );
    // The cluster's own secrets (CA key, token secrets) live under a reserved prefix: neither
    // readable nor writable through KV, even with a manager certificate.
    for (const call of [
      () => mgr.put('clusterctl/ca/root-key', Buffer.from('evil')),
      () => mgr.get('clusterctl/ca/root-key'),
    ]) {
      await assert.rejects(
        call(),
        (err: grpc.ServiceError) =>
          err.code === grpc.status.PERMISSION_DENIED &&
          err.metadata.get(ERROR_CODE_TRAILER)[0] === ErrorCode.PermissionDenied,
      );
    }
  } finally {
    mgr.close();
    worker.close();
    server.forceShutdown();
  }
});

test('kv service: a certificate from another CA cannot connect', async () => {
  const { server, client } = await setup();
  const otherCa = await createClusterCa({ clusterId: CLUSTER });
  const stranger = await client('manager', otherCa);
  try {
    await assert.rejects(
      stranger.status(2000),
      (err: grpc.ServiceError) => err.code === grpc.status.UNAVAILABLE || err.code === grpc.status.UNAUTHENTICATED,
    );
  } finally {
    stranger.close();
    server.forceShutdown();
  }
});
