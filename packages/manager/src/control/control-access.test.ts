// Who may call what: every Control method refuses a worker certificate, and a method that declares
// no access rule is refused whoever calls it (the guard fails closed).

import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { ERROR_CODE_TRAILER, ErrorCode, silentLogger } from '@clusterctl/common';
import { createClusterCa, issueNodeCertificate, type NodeRole } from '@clusterctl/ca';
import { ClusterStore } from '@clusterctl/store';
import type { RaftNode } from '@clusterctl/raft-node';
import type { RaftIdMap } from '../membership/raft-id-map.js';
import { CONTROL_ACCESS, createControlService } from './control-service.js';
import { accessGuard, unary, type Rpc } from '../rpc/grpc-handler.js';

const CLUSTER = 'c-access';

/** A server call as grpc-js hands it over, presenting a certificate of `role`. */
function fakeCall(certDer: Buffer, errors: grpc.ServiceError[]): Record<string, unknown> {
  return {
    request: {},
    cancelled: false,
    getPeer: () => '127.0.0.1:1',
    getAuthContext: () => ({ sslPeerCertificate: { raw: certDer } }),
    on: () => undefined,
    write: () => true,
    end: () => undefined,
    emit: (event: string, err: grpc.ServiceError) => {
      if (event === 'error') errors.push(err);
      return true;
    },
  };
}

/** Calls one handler of a service implementation; resolves with the error it failed with, if any. */
function callHandler(
  handler: unknown,
  call: Record<string, unknown>,
  errors: grpc.ServiceError[],
): Promise<grpc.ServiceError | undefined> {
  return new Promise((resolve) => {
    (handler as (call: unknown, cb: (e: grpc.ServiceError | null) => void) => void)(call, (e) =>
      resolve(e ?? undefined),
    );
    // a server stream reports through call.emit('error') instead of a callback
    setImmediate(() => {
      if (errors.length > 0) resolve(errors[0]);
    });
  });
}

const codeOf = (e: grpc.ServiceError | undefined): unknown => e?.metadata.get(ERROR_CODE_TRAILER)[0];

describe('Control API access', () => {
  const certs = new Map<NodeRole, Buffer>();
  before(async () => {
    const ca = await createClusterCa({ clusterId: CLUSTER });
    for (const role of ['manager', 'worker'] as const) {
      const cert = await issueNodeCertificate(ca, { nodeId: `n-${role}`, role, clusterId: CLUSTER });
      certs.set(role, new X509Certificate(cert.certPem).raw);
    }
  });

  test('every Control method refuses a worker certificate with PERMISSION_DENIED', async () => {
    const store = new ClusterStore();
    const impl = createControlService({
      clusterId: CLUSTER,
      store,
      // never reached: the guard refuses before any handler runs
      raft: {} as RaftNode,
      raftIds: {} as RaftIdMap,
      logger: silentLogger(),
      selfNodeId: 'n-manager',
      advertiseAddr: () => '127.0.0.1:4242',
    });
    const methods = Object.keys(impl);
    assert.equal(methods.length, Object.keys(CONTROL_ACCESS).length, 'every method of the service has an access rule');
    for (const name of methods) {
      const errors: grpc.ServiceError[] = [];
      const err = await callHandler(impl[name], fakeCall(certs.get('worker')!, errors), errors);
      assert.equal(codeOf(err), ErrorCode.PermissionDenied, `${name}: a worker is refused`);
      assert.match(err!.details, /has role worker; this call needs manager/, name);
    }
  });

  test('a method missing from the access table is refused, even for a manager', async () => {
    let ran = 0;
    const rpc: Rpc = { log: silentLogger(), guard: accessGuard(CLUSTER, { Declared: { roles: ['manager'] } }) };
    const handler = (): Promise<object> => {
      ran++;
      return Promise.resolve({});
    };
    const errors: grpc.ServiceError[] = [];
    const declared = await callHandler(
      unary(rpc, 'Declared', handler),
      fakeCall(certs.get('manager')!, errors),
      errors,
    );
    assert.equal(declared, undefined, 'a manager may call the declared method');
    assert.equal(ran, 1);

    const undeclared = await callHandler(
      unary(rpc, 'Undeclared', handler),
      fakeCall(certs.get('manager')!, errors),
      errors,
    );
    assert.equal(codeOf(undeclared), ErrorCode.PermissionDenied);
    assert.match(undeclared!.details, /Undeclared declares no access rule/);
    assert.equal(ran, 1, 'the undeclared handler never ran');

    const inherited = await callHandler(
      unary(rpc, 'toString', handler),
      fakeCall(certs.get('manager')!, errors),
      errors,
    );
    assert.equal(codeOf(inherited), ErrorCode.PermissionDenied, 'a name only found on the prototype is not a rule');
    assert.equal(ran, 1);
  });
});
