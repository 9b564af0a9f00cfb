import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode } from './errors.js';
import {
  describeAttempts,
  ERROR_CODE_TRAILER,
  ERROR_WIRE_LIMITS,
  ERROR_HINT_TRAILER,
  failureReason,
  fromGrpcError,
  reachedServer,
  toGrpcError,
} from './grpc-errors.js';

// A real gRPC server on loopback with a one-method JSON service, so the trailers go through HTTP/2.
const json = {
  serialize: (v: unknown): Buffer => Buffer.from(JSON.stringify(v)),
  deserialize: (b: Buffer): unknown => JSON.parse(b.toString('utf8')) as unknown,
};
const definition: grpc.ServiceDefinition = {
  fail: {
    path: '/t.T/Fail',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  },
};
const Client = grpc.makeGenericClientConstructor(definition, 'T');

type Req = { kind: string };
let server: grpc.Server;
let client: grpc.Client & {
  fail(req: Req, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null) => void): void;
};

function call(req: Req, deadlineMs = 5000): Promise<grpc.ServiceError> {
  return new Promise((resolve, reject) => {
    client.fail(req, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (e) =>
      e === null ? reject(new Error('call succeeded')) : resolve(e),
    );
  });
}

describe('grpc-errors over a real gRPC call', () => {
  before(async () => {
    server = new grpc.Server();
    server.addService(definition, {
      fail: (c: grpc.ServerUnaryCall<Req, unknown>, cb: grpc.sendUnaryData<unknown>) => {
        const k = c.request.kind;
        if (k === 'cluster')
          cb(
            toGrpcError(
              new ClusterError(ErrorCode.Conflict, 'port 8080 is used by service web', {
                hint: 'pick another published port — or remove web (100%)',
                details: { port: 8080, service: 'wéb' },
              }),
            ),
          );
        else if (k === 'plain')
          cb(toGrpcError(new TypeError('cannot read properties of undefined\n    at secret (/srv/x.js:1:1)')));
        else if (k === 'echo')
          cb(
            toGrpcError(
              new ClusterError(ErrorCode.NotFound, `service ${JSON.stringify('é'.repeat(100_000))} not found`, {
                hint: `x`.repeat(100_000),
                details: { ref: 'y'.repeat(100_000), n: 1 },
              }),
            ),
          );
        else if (k === 'slow') setTimeout(() => cb(null, {}), 2000).unref();
        else cb(toGrpcError('a string'));
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as typeof client;
  });
  after(() => {
    client.close();
    server.forceShutdown();
  });

  test('a ClusterError keeps code, message and a non-ASCII hint', async () => {
    const e = await call({ kind: 'cluster' });
    assert.equal(e.code, grpc.status.ABORTED);
    assert.equal(e.metadata.get(ERROR_CODE_TRAILER)[0], 'CONFLICT');
    const ce = fromGrpcError(e);
    assert.ok(ce instanceof ClusterError);
    assert.equal(ce.code, ErrorCode.Conflict);
    assert.equal(ce.message, 'port 8080 is used by service web');
    assert.equal(ce.hint, 'pick another published port — or remove web (100%)');
    assert.deepEqual(ce.details, { port: 8080, service: 'wéb' });
  });

  test('an error echoing a huge input reaches the caller, cut with its original length', async () => {
    const t0 = Date.now();
    const e = fromGrpcError(await call({ kind: 'echo' }));
    assert.ok(Date.now() - t0 < 2_000);
    assert.equal(e.code, ErrorCode.NotFound);
    assert.ok(e.message.length <= ERROR_WIRE_LIMITS.messageChars, `${e.message.length}`);
    assert.match(e.message, /^service "éé+\.\.\. \(100020 characters\)$/);
    assert.ok(e.hint.length <= ERROR_WIRE_LIMITS.hintChars);
    assert.match(e.hint, /\.\.\. \(100000 characters\)$/);
    assert.equal(e.details.n, 1);
    assert.match(String(e.details.ref), /^y+\.\.\. \(100000 characters\)$/);
  });

  test('an unknown error becomes INTERNAL with its first line only', async () => {
    const e = await call({ kind: 'plain' });
    assert.equal(e.code, grpc.status.INTERNAL);
    const ce = fromGrpcError(e);
    assert.equal(ce.code, ErrorCode.Internal);
    assert.equal(ce.message, 'internal error: cannot read properties of undefined');
    assert.ok(!ce.message.includes('/srv/x.js') && !ce.hint.includes('/srv/x.js'));
    const s = await call({ kind: 'other' });
    assert.equal(fromGrpcError(s).message, 'internal error: a string');
  });

  test('deadline -> TIMEOUT, unreachable -> UNAVAILABLE, with hints naming the target', async () => {
    const e = await call({ kind: 'slow' }, 100);
    assert.equal(e.code, grpc.status.DEADLINE_EXCEEDED);
    const t = fromGrpcError(e, { target: 'manager 127.0.0.1:1' });
    assert.equal(t.code, ErrorCode.Timeout);
    assert.match(t.hint, /manager 127\.0\.0\.1:1/);

    const dead = new Client('127.0.0.1:1', grpc.credentials.createInsecure()) as unknown as typeof client;
    const u = await new Promise<grpc.ServiceError>((resolve) =>
      dead.fail({ kind: 'x' }, new grpc.Metadata(), { deadline: Date.now() + 5000 }, (err) => resolve(err!)),
    );
    dead.close();
    assert.equal(u.code, grpc.status.UNAVAILABLE);
    const ue = fromGrpcError(u, { target: 'manager 127.0.0.1:1' });
    assert.equal(ue.code, ErrorCode.Unavailable);
    assert.match(ue.hint, /cannot reach/);
    // the message is short and stable; grpc-js's own words stay in the cause
    assert.equal(ue.message, 'cannot reach manager 127.0.0.1:1: refused (ECONNREFUSED)');
    assert.equal(t.message, 'manager 127.0.0.1:1 did not answer in time');
    assert.equal(failureReason(ue), 'refused (ECONNREFUSED)');
  });
});

describe('grpc-errors mapping', () => {
  test('a message over the receive limit is INVALID_ARGUMENT (too large), not OVERLOADED', () => {
    const e = fromGrpcError({
      code: grpc.status.RESOURCE_EXHAUSTED,
      details: 'Received message larger than max (8388621 vs 65536)',
    });
    assert.equal(e.code, ErrorCode.InvalidArgument);
    assert.equal(e.message, 'the message is too large: 8388621 bytes, at most 65536');
    assert.equal(
      fromGrpcError({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'Bandwidth exhausted' }).code,
      ErrorCode.Overloaded,
    );
  });

  test('every code round-trips through toGrpcError/fromGrpcError', () => {
    for (const code of Object.values(ErrorCode)) {
      const back = fromGrpcError(toGrpcError(new ClusterError(code, `m-${code}`, { hint: `h-${code}` })));
      assert.equal(back.code, code);
      assert.equal(back.message, `m-${code}`);
      assert.equal(back.hint, `h-${code}`);
    }
  });

  test('an unknown code in the trailer falls back to the gRPC status; a ClusterError passes through', () => {
    const md = new grpc.Metadata();
    md.set(ERROR_CODE_TRAILER, 'NO_SUCH_CODE');
    md.set(ERROR_HINT_TRAILER, 'x');
    assert.equal(
      fromGrpcError({ code: grpc.status.NOT_FOUND, details: 'gone', metadata: md }).code,
      ErrorCode.NotFound,
    );
    const ce = new ClusterError(ErrorCode.NotFound, 'x');
    assert.equal(fromGrpcError(ce), ce);
    assert.equal(fromGrpcError(new Error('boom')).code, ErrorCode.Internal);
    assert.equal(
      fromGrpcError({ code: grpc.status.PERMISSION_DENIED, details: 'no' }).code,
      ErrorCode.PermissionDenied,
    );
  });
});

describe('failureReason / describeAttempts', () => {
  const raw = (code: grpc.status, details: string): GrpcErrorLikeWithMd => ({
    code,
    details,
    metadata: new grpc.Metadata(),
  });
  type GrpcErrorLikeWithMd = { code: number; details: string; metadata: grpc.Metadata };

  test('socket errors in a few words, whatever grpc-js wraps them in', () => {
    const cases: Array<[string, string]> = [
      [
        'No connection established. Last error: Error: connect ENETUNREACH 10.210.0.13:4280 - Local (0.0.0.0:0). Resolution note: ',
        'unreachable (ENETUNREACH)',
      ],
      [
        'No connection established. Last error: Error: connect EHOSTUNREACH 10.0.0.2:4280',
        'unreachable (EHOSTUNREACH)',
      ],
      ['No connection established. Last error: Error: connect ETIMEDOUT 10.0.0.2:4280', 'unreachable (ETIMEDOUT)'],
      ['No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1', 'refused (ECONNREFUSED)'],
      ['Name resolution failed for target dns:m1:4280: Error: getaddrinfo ENOTFOUND m1', 'unknown host (ENOTFOUND)'],
      ['read ECONNRESET', 'connection reset (ECONNRESET)'],
      [
        'No connection established. Last error: Error: unable to verify the first certificate',
        'TLS handshake failed (wrong cluster or certificate?)',
      ],
      ['Connection dropped', 'connection lost'],
      ['something else', 'unavailable'],
    ];
    for (const [details, want] of cases)
      assert.equal(failureReason(raw(grpc.status.UNAVAILABLE, details)), want, details);
    assert.equal(
      failureReason(
        raw(grpc.status.DEADLINE_EXCEEDED, 'Deadline exceeded after 1.001s,LB pick: 0.000s,remote_addr=127.0.0.1:4280'),
      ),
      'no answer in time',
    );
    assert.equal(
      failureReason(
        raw(
          grpc.status.DEADLINE_EXCEEDED,
          'Deadline exceeded after 10.001s,name resolution: 0.001s,Waiting for LB pick',
        ),
      ),
      'unreachable (no connection in time)',
    );
  });

  test('reachedServer: an answer, or a timeout on an established connection', () => {
    assert.equal(reachedServer(toGrpcError(new ClusterError(ErrorCode.NoLeader, 'x'))), true);
    assert.equal(
      reachedServer(
        raw(grpc.status.DEADLINE_EXCEEDED, 'Deadline exceeded after 1.001s,LB pick: 0.000s,remote_addr=127.0.0.1:4280'),
      ),
      true,
    );
    assert.equal(
      reachedServer(raw(grpc.status.DEADLINE_EXCEEDED, 'Deadline exceeded after 10.001s,Waiting for LB pick')),
      false,
    );
    assert.equal(
      reachedServer(
        raw(grpc.status.UNAVAILABLE, 'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1'),
      ),
      false,
    );
    assert.equal(reachedServer(fromGrpcError(raw(grpc.status.UNAVAILABLE, 'connect ENETUNREACH 10.0.0.1:1'))), false);
  });

  test("a server's own ClusterError: its code and first message line, clipped", () => {
    assert.equal(
      failureReason(toGrpcError(new ClusterError(ErrorCode.NoLeader, 'no raft leader for 2000 ms'))),
      'NO_LEADER (no raft leader for 2000 ms)',
    );
    assert.equal(
      failureReason(new ClusterError(ErrorCode.Unavailable, 'this manager is starting')),
      'UNAVAILABLE (this manager is starting)',
    );
    const long = failureReason(new ClusterError(ErrorCode.Timeout, 'x'.repeat(300) + '\nsecond line'));
    assert.ok(long.length < 100 && long.endsWith('...)'), long);
  });

  test('a transport failure already turned into a ClusterError is described by its cause', () => {
    const ce = fromGrpcError(
      raw(grpc.status.UNAVAILABLE, 'No connection established. Last error: Error: connect ENETUNREACH 10.0.0.3:4280'),
    );
    assert.equal(failureReason(ce), 'unreachable (ENETUNREACH)');
  });

  test('describeAttempts: target: reason, in order', () => {
    assert.equal(
      describeAttempts([
        { target: '10.0.0.2:4280', err: raw(grpc.status.UNAVAILABLE, 'connect ENETUNREACH 10.0.0.2:4280') },
        {
          target: '10.0.0.3:4280',
          err: toGrpcError(new ClusterError(ErrorCode.NoLeader, 'no raft leader for 900 ms')),
        },
      ]),
      '10.0.0.2:4280: unreachable (ENETUNREACH); 10.0.0.3:4280: NO_LEADER (no raft leader for 900 ms)',
    );
  });
});
