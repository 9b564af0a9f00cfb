// What a Control call through the daemon ends with when no manager answers: the managers tried and
// a short reason each, a stable code, a hint, no gRPC internals. Unit tests of the formatting, then
// the real ControlProxy on a unix socket forwarding to a real gRPC server that answers NO_LEADER and
// to a closed port.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import {
  ClusterError,
  ErrorCode,
  fromGrpcError,
  isOutcomeUnknown,
  outcomeUnknownDetails,
  toGrpcError,
} from '@clusterctl/common';
import { ControlService } from '@clusterctl/proto';
import { serveProxy, type ServedProxy } from './testing/proxy.js';
import {
  forwardedError,
  HINT_NO_ADDRESS,
  HINT_NO_LEADER,
  HINT_NONE_REACHED,
  HINT_OUTCOME_UNKNOWN,
  noManagerError,
  retryable,
} from './control-proxy-errors.js';

/** A transport failure as grpc-js reports it (no trailers). */
function transportError(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: new grpc.Metadata(),
  }) as grpc.ServiceError;
}
const UNREACH_13 = transportError(
  grpc.status.UNAVAILABLE,
  'No connection established. Last error: Error: connect ENETUNREACH 10.210.0.13:4280 - Local (0.0.0.0:0). Resolution note: ',
);
const UNREACH_12 = transportError(
  grpc.status.UNAVAILABLE,
  'No connection established. Last error: Error: connect ENETUNREACH 10.210.0.12:4280 - Local (0.0.0.0:0). Resolution note: ',
);
const REFUSED = transportError(
  grpc.status.UNAVAILABLE,
  'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:4281. Resolution note: ',
);
const TLS = transportError(
  grpc.status.UNAVAILABLE,
  'No connection established. Last error: Error: self-signed certificate in certificate chain. Resolution note: ',
);
const DEADLINE = transportError(
  grpc.status.DEADLINE_EXCEEDED,
  'Deadline exceeded after 10.001s,LB pick: 0.000s,remote_addr=10.210.0.11:4280',
);
const NO_LEADER = toGrpcError(
  new ClusterError(ErrorCode.NoLeader, 'no raft leader for 2100 ms', { hint: 'retry shortly' }),
);

const INTERNALS = /No connection established|Last error|Resolution note|LB pick|remote_addr|Local \(/;

function decoded(e: grpc.ServiceError): ClusterError {
  return fromGrpcError(e, { target: 'the local node daemon' });
}

describe('noManagerError', () => {
  test('the cut-off manager: every manager with a short reason, TIMEOUT, a hint, no gRPC internals', () => {
    const attempts = new Map([
      ['10.210.0.11:4280', NO_LEADER],
      ['10.210.0.12:4280', UNREACH_12],
      ['10.210.0.13:4280', UNREACH_13],
    ]);
    const e = decoded(noManagerError({ attempts, lastErr: UNREACH_13, timedOut: true, waitedMs: 29_750 }));
    assert.equal(e.code, ErrorCode.Timeout);
    assert.equal(
      e.message,
      'no manager answered within 30 s: 10.210.0.11:4280: NO_LEADER (no raft leader for 2100 ms); 10.210.0.12:4280: unreachable (ENETUNREACH); 10.210.0.13:4280: unreachable (ENETUNREACH)',
    );
    assert.equal(e.hint, HINT_NO_LEADER);
    assert.doesNotMatch(e.message, INTERNALS);
    assert.deepEqual(e.details, { managers: ['10.210.0.11:4280', '10.210.0.12:4280', '10.210.0.13:4280'] });
  });

  test('no manager reached at all, before the deadline: UNAVAILABLE and the network hint', () => {
    const attempts = new Map([
      ['127.0.0.1:4281', REFUSED],
      ['10.0.0.9:4280', TLS],
    ]);
    const e = decoded(noManagerError({ attempts, lastErr: TLS, timedOut: false, waitedMs: 400 }));
    assert.equal(e.code, ErrorCode.Unavailable);
    assert.equal(
      e.message,
      'no manager answered: 127.0.0.1:4281: refused (ECONNREFUSED); 10.0.0.9:4280: TLS handshake failed (wrong cluster or certificate?)',
    );
    assert.equal(e.hint, HINT_NONE_REACHED);
  });

  test("the code stays what it was: the last manager's own code when it answered", () => {
    const attempts = new Map([
      ['a:1', UNREACH_12],
      ['b:1', NO_LEADER],
    ]);
    const e = decoded(noManagerError({ attempts, lastErr: NO_LEADER, timedOut: true, waitedMs: 3_000 }));
    assert.equal(e.code, ErrorCode.NoLeader);
    assert.match(e.message, /^no manager answered within 3 s: a:1: unreachable \(ENETUNREACH\); b:1: NO_LEADER/);
    assert.equal(e.hint, HINT_NO_LEADER);
  });

  test('a single manager that answered itself, and a refusal, pass through unchanged', () => {
    assert.equal(
      noManagerError({ attempts: new Map([['a:1', NO_LEADER]]), lastErr: NO_LEADER, timedOut: true, waitedMs: 1 }),
      NO_LEADER,
    );
    const notFound = toGrpcError(new ClusterError(ErrorCode.NotFound, 'no service x'));
    assert.equal(
      noManagerError({ attempts: new Map([['a:1', notFound]]), lastErr: notFound, timedOut: false, waitedMs: 1 }),
      notFound,
    );
  });

  test('a manager that takes the call but does not answer counts as reached (no leader), not as a network problem', () => {
    const attempts = new Map([
      ['127.0.0.1:4280', DEADLINE],
      ['127.0.0.1:4281', REFUSED],
    ]);
    const e = decoded(noManagerError({ attempts, lastErr: REFUSED, timedOut: true, waitedMs: 30_000 }));
    assert.equal(
      e.message,
      'no manager answered within 30 s: 127.0.0.1:4280: no answer in time; 127.0.0.1:4281: refused (ECONNREFUSED)',
    );
    assert.equal(e.hint, HINT_NO_LEADER);
  });

  test('a write whose last attempt timed out: TIMEOUT even before the deadline, and the outcome is unknown', () => {
    const attempts = new Map([
      ['127.0.0.1:4281', REFUSED],
      ['127.0.0.1:4280', DEADLINE],
    ]);
    const e = decoded(
      noManagerError({ attempts, lastErr: DEADLINE, timedOut: false, waitedMs: 10_400, outcomeUnknown: true }),
    );
    assert.equal(e.code, ErrorCode.Timeout);
    assert.equal(
      e.message,
      'no manager answered: 127.0.0.1:4281: refused (ECONNREFUSED); 127.0.0.1:4280: no answer in time',
    );
    assert.equal(e.hint, `${HINT_NO_LEADER}; ${HINT_OUTCOME_UNKNOWN}`);
    assert.equal(isOutcomeUnknown(e), true);
    assert.equal(
      isOutcomeUnknown(decoded(noManagerError({ attempts, lastErr: DEADLINE, timedOut: true, waitedMs: 30_000 }))),
      false,
    );
  });

  test('no manager address known', () => {
    const e = decoded(noManagerError({ attempts: new Map(), lastErr: undefined, timedOut: true, waitedMs: 30_000 }));
    assert.equal(e.code, ErrorCode.Timeout);
    assert.equal(e.hint, HINT_NO_ADDRESS);
  });
});

describe('forwardedError', () => {
  test("a manager's own error passes unchanged; a write without an answer in time says the outcome is unknown", () => {
    assert.equal(forwardedError('a:1', NO_LEADER, { idempotent: false }), NO_LEADER);
    const w = decoded(forwardedError('10.210.0.11:4280', DEADLINE, { idempotent: false }));
    assert.equal(w.code, ErrorCode.Timeout);
    assert.equal(w.message, 'manager 10.210.0.11:4280 did not answer in time');
    assert.match(w.hint, /outcome is unknown/);
    assert.equal(isOutcomeUnknown(w), true);
    const lost = decoded(
      forwardedError('10.210.0.11:4280', transportError(grpc.status.UNAVAILABLE, 'Connection dropped'), {
        idempotent: true,
      }),
    );
    assert.equal(lost.code, ErrorCode.Unavailable);
    assert.equal(lost.message, 'manager 10.210.0.11:4280: connection lost');
    assert.doesNotMatch(lost.hint, /local node daemon/);
  });
});

describe('retryable', () => {
  const COMMITTED = toGrpcError(
    new ClusterError(ErrorCode.Unavailable, 'committed, outcome unknown', { details: outcomeUnknownDetails() }),
  );
  test('UNAVAILABLE is tried on the next manager, except a write a manager committed without knowing its outcome', () => {
    for (const readOnly of [true, false]) {
      assert.equal(retryable(readOnly, UNREACH_12), true);
      assert.equal(retryable(readOnly, NO_LEADER), true);
    }
    assert.equal(retryable(false, COMMITTED), false);
    assert.equal(retryable(true, COMMITTED), true);
    // a connection lost with the call on it: a read again, a write never (it may be applied)
    const dropped = transportError(grpc.status.UNAVAILABLE, 'Connection dropped');
    assert.equal(retryable(true, dropped), true);
    assert.equal(retryable(false, dropped), false);
    assert.equal(retryable(false, REFUSED), true);
  });
  test('a timeout only for the reads the .proto marks NO_SIDE_EFFECTS; refusals never', () => {
    assert.equal(retryable(true, DEADLINE), true);
    assert.equal(retryable(false, DEADLINE), false);
    assert.equal(retryable(true, toGrpcError(new ClusterError(ErrorCode.NotFound, 'x'))), false);
  });
  test('the reads are the ones marked in the .proto', () => {
    const reads = Object.entries(ControlService as unknown as Record<string, { noSideEffects: boolean }>)
      .filter(([, d]) => d.noSideEffects)
      .map(([n]) => n);
    assert.deepEqual(reads.sort(), [
      'events',
      'getClusterInfo',
      'getConfig',
      'getNetwork',
      'getNode',
      'getSecret',
      'getService',
      'listConfigs',
      'listImages',
      'listNetworks',
      'listNodes',
      'listSecrets',
      'listServices',
      'listTasks',
    ]);
  });
});

async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

describe('ControlProxy when no manager answers (real gRPC)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cctl-proxy-err-'));
  const sock = join(dir, 'control.sock');
  let manager: grpc.Server;
  let hanging: grpc.Server;
  let hangAddr = '';
  let served: ServedProxy;
  let client: grpc.Client;
  let targets: string[] = [];

  before(async () => {
    // a "manager" whose every Control call answers NO_LEADER
    manager = new grpc.Server();
    const impl: grpc.UntypedServiceImplementation = {};
    for (const name of Object.keys(ControlService))
      impl[name] = (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(NO_LEADER);
    manager.addService(ControlService as unknown as grpc.ServiceDefinition, impl);
    const port = await new Promise<number>((resolve, reject) =>
      manager.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    targets = [`127.0.0.1:${port}`, `127.0.0.1:${await closedPort()}`];
    // a "manager" that takes every call and never answers
    hanging = new grpc.Server();
    const never: grpc.UntypedServiceImplementation = {};
    for (const name of Object.keys(ControlService)) never[name] = () => undefined;
    hanging.addService(ControlService as unknown as grpc.ServiceDefinition, never);
    hangAddr = `127.0.0.1:${await new Promise<number>((resolve, reject) => hanging.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))))}`;
    served = await serveProxy(sock, () => targets, { callTimeoutMs: 1_200, attemptTimeoutMs: 500 });
    client = served.client;
  });
  after(() => {
    served.close();
    manager.forceShutdown();
    hanging.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  function listNodes(): Promise<ClusterError> {
    return failing('listNodes', {});
  }

  function failing(method: string, req: unknown): Promise<ClusterError> {
    const def = (ControlService as unknown as Record<string, grpc.MethodDefinition<unknown, unknown>>)[method]!;
    return new Promise((resolve, reject) =>
      client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + 5_000 },
        (err) => (err ? resolve(decoded(err)) : reject(new Error('the call succeeded'))),
      ),
    );
  }

  test('lists each manager tried with its reason, keeps the code, gives a hint', async () => {
    const e = await listNodes();
    // It ends at the proxy's deadline (1 s), not the caller's (5 s): the answer is the proxy's own
    // TIMEOUT naming every manager it tried, not a client-side DEADLINE_EXCEEDED.
    assert.equal(e.code, ErrorCode.Timeout, e.message);
    assert.equal(
      e.message,
      `no manager answered within 1 s: ${targets[0]}: NO_LEADER (no raft leader for 2100 ms); ${targets[1]}: refused (ECONNREFUSED)`,
    );
    assert.equal(e.hint, HINT_NO_LEADER);
    assert.doesNotMatch(e.message, INTERNALS);
  });

  test('a write that a manager takes but does not answer: every manager tried, TIMEOUT, outcome unknown', async () => {
    const saved = targets;
    targets = [saved[1]!, hangAddr];
    try {
      const e = await failing('createService', { spec: { name: 'x', image: 'busybox' } });
      assert.equal(e.code, ErrorCode.Timeout, e.message);
      assert.equal(
        e.message,
        `no manager answered: ${saved[1]}: refused (ECONNREFUSED); ${hangAddr}: no answer in time`,
      );
      assert.equal(e.hint, `${HINT_NO_LEADER}; ${HINT_OUTCOME_UNKNOWN}`);
    } finally {
      targets = saved;
    }
  });

  test('a node that knows no manager address says so', async () => {
    const saved = targets;
    targets = [];
    try {
      const e = await listNodes();
      assert.equal(e.hint, HINT_NO_ADDRESS);
      assert.ok(e.code === ErrorCode.Timeout || e.code === ErrorCode.Unavailable, e.code);
    } finally {
      targets = saved;
    }
  });
});
