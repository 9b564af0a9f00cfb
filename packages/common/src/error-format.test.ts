import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { failedLine, formatError, parseFailedLine } from './error-format.js';
import {
  ClusterError,
  ErrorCode,
  ignoredDetails,
  isIgnored,
  isOutcomeUnknown,
  isVersionConflict,
  leaderAddrOf,
  leaderDetails,
  outcomeUnknownDetails,
  versionConflictDetails,
} from './errors.js';

describe('error renderings', () => {
  test('formatError: one line with the code, then the hint; newlines folded', () => {
    const e = new ClusterError(ErrorCode.FailedPrecondition, 'this node is\n  not a manager', {
      hint: 'run it on a manager',
    });
    assert.equal(formatError(e), 'error: FAILED_PRECONDITION: this node is not a manager\nhint: run it on a manager\n');
    assert.equal(
      formatError(new ClusterError(ErrorCode.NotFound, 'no such service')),
      'error: NOT_FOUND: no such service\n',
    );
  });

  test('the start-up failure line round-trips code, message and hint', () => {
    const e = new ClusterError(ErrorCode.Unavailable, 'the container engine at /x does not answer', {
      hint: 'start Docker',
    });
    const line = failedLine(e);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
    const back = parseFailedLine('some noise\n' + line);
    assert.ok(back instanceof ClusterError);
    assert.equal(back.code, 'UNAVAILABLE');
    assert.equal(back.message, e.message);
    assert.equal(back.hint, 'start Docker');
  });

  test('no failure line: undefined (a ready line, a partial line, an unknown code, text)', () => {
    assert.equal(parseFailedLine('{"event":"ready","nodeId":"x"}\n'), undefined);
    assert.equal(parseFailedLine('{"event":"failed","code":"UNAVAIL'), undefined);
    assert.equal(parseFailedLine('{"event":"failed","code":"NOPE","message":"m","hint":""}\n'), undefined);
    assert.equal(parseFailedLine('error: INTERNAL: boom\n'), undefined);
  });
});

describe('details that drive control flow', () => {
  test('leaderAddr', () => {
    assert.equal(
      leaderAddrOf(new ClusterError(ErrorCode.NotLeader, 'x', { details: leaderDetails('10.0.0.1:4280') })),
      '10.0.0.1:4280',
    );
    assert.equal(leaderAddrOf(new ClusterError(ErrorCode.NoLeader, 'x', { details: leaderDetails('') })), undefined);
    assert.equal(leaderAddrOf(new Error('x')), undefined);
  });

  test('outcomeUnknown and ignored', () => {
    assert.equal(
      isOutcomeUnknown(new ClusterError(ErrorCode.Unavailable, 'x', { details: outcomeUnknownDetails() })),
      true,
    );
    assert.equal(isOutcomeUnknown(new ClusterError(ErrorCode.Unavailable, 'x')), false);
    assert.equal(isIgnored(new ClusterError(ErrorCode.FailedPrecondition, 'x', { details: ignoredDetails() })), true);
    assert.equal(isIgnored(new ClusterError(ErrorCode.FailedPrecondition, 'x')), false);
    assert.equal(isIgnored('x'), false);
  });

  test('version conflicts, told apart from other conflicts', () => {
    assert.equal(
      isVersionConflict(new ClusterError(ErrorCode.Conflict, 'x', { details: versionConflictDetails(7) })),
      true,
    );
    assert.equal(isVersionConflict(new ClusterError(ErrorCode.Conflict, 'published port 80 is already used')), false);
    assert.equal(
      isVersionConflict(new ClusterError(ErrorCode.FailedPrecondition, 'x', { details: versionConflictDetails(7) })),
      false,
    );
  });
});
