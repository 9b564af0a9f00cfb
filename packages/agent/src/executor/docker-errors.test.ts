import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { engineMessage, fromDockerError } from './docker-errors.js';

/** What dockerode (docker-modem) rejects with for an engine HTTP error. */
function httpError(statusCode: number, message: string, reason = 'server error'): Error {
  const e = new Error(`(HTTP code ${statusCode}) ${reason} - ${message} `) as Error & {
    statusCode: number;
    reason: string;
    json: unknown;
  };
  e.statusCode = statusCode;
  e.reason = reason;
  e.json = { message };
  return e;
}

function sysError(code: string): Error {
  const e = new Error(`connect ${code} /var/run/docker.sock`) as Error & { code: string };
  e.code = code;
  return e;
}

describe('fromDockerError', () => {
  const cases: Array<[string, unknown, { op: string; containerId?: string; image?: string }, ErrorCode, RegExp]> = [
    [
      'missing container',
      httpError(404, 'No such container: abc'),
      { op: 'inspect', containerId: 'abc' },
      ErrorCode.NotFound,
      /gone/,
    ],
    [
      'missing image on create',
      httpError(404, 'No such image: x:1'),
      { op: 'create', image: 'x:1' },
      ErrorCode.NotFound,
      /docker load/,
    ],
    [
      'name taken',
      httpError(409, 'Conflict. The container name "/web.1.t" is already in use by container "123"'),
      { op: 'create', image: 'x' },
      ErrorCode.AlreadyExists,
      /adopt/,
    ],
    [
      'running container removal',
      httpError(
        409,
        'You cannot remove a running container abc. Stop the container before attempting removal or force remove',
      ),
      { op: 'remove', containerId: 'abc' },
      ErrorCode.Conflict,
      /state/,
    ],
    [
      'port taken',
      httpError(
        500,
        'driver failed programming external connectivity on endpoint x: Bind for 127.0.0.1:8080 failed: port is already allocated',
      ),
      { op: 'start', containerId: 'abc' },
      ErrorCode.Conflict,
      /port/,
    ],
    [
      'missing executable',
      httpError(
        400,
        'failed to create shim task: OCI runtime create failed: exec: "/nope": stat /nope: no such file or directory: unknown',
      ),
      { op: 'start', containerId: 'abc' },
      ErrorCode.InvalidArgument,
      /configuration|command/,
    ],
    [
      'engine failure',
      httpError(500, 'something broke'),
      { op: 'start', containerId: 'abc' },
      ErrorCode.Internal,
      /log/,
    ],
    ['no engine', sysError('ECONNREFUSED'), { op: 'list containers' }, ErrorCode.Unavailable, /ensure-docker/],
    ['no socket', sysError('ENOENT'), { op: 'list containers' }, ErrorCode.Unavailable, /ensure-docker/],
    ['socket permissions', sysError('EACCES'), { op: 'list containers' }, ErrorCode.PermissionDenied, /root/],
  ];
  for (const [name, err, ctx, code, hint] of cases) {
    test(name, () => {
      const e = fromDockerError(err, ctx);
      assert.ok(e instanceof ClusterError);
      assert.equal(e.code, code);
      assert.match(e.hint, hint);
      assert.equal(e.cause, err);
      assert.equal(e.details.op, ctx.op);
    });
  }

  test("keeps the engine message, without dockerode's prefix", () => {
    assert.equal(engineMessage(httpError(404, 'No such container: abc')), 'No such container: abc');
    const noJson = new Error('(HTTP code 500) server error - boom ') as Error & { statusCode: number };
    noJson.statusCode = 500;
    assert.equal(engineMessage(noJson), 'boom');
    const e = fromDockerError(httpError(404, 'No such container: abc'), {
      op: 'inspect',
      containerId: 'abcdef0123456789',
    });
    assert.equal(e.message, 'inspect container abcdef012345: No such container: abc');
    assert.equal(e.details.statusCode, 404);
  });

  test('a ClusterError passes through unchanged', () => {
    const original = new ClusterError(ErrorCode.Timeout, 'slow');
    assert.equal(fromDockerError(original, { op: 'x' }), original);
  });
});
