import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from './errors.js';
import { checkHostname, checkLabels, hostnameProblem, LABEL_LIMITS, shortForMessage } from './input-limits.js';

function refused(fn: () => unknown, re: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && re.test(e.message) && e.hint !== '',
  );
}

describe('hostnames are RFC 1123 names', () => {
  test('accepted', () => {
    for (const h of [
      'm1',
      'node-1',
      'Node-1.example.com',
      '1host',
      'a'.repeat(63),
      Array.from({ length: 4 }, () => 'a'.repeat(63))
        .join('.')
        .slice(0, 253),
    ]) {
      assert.equal(hostnameProblem(h), undefined, h);
    }
  });
  test('refused, with a short echo of the input', () => {
    for (const h of [
      '',
      '-a',
      'a-',
      'a..b',
      '.a',
      'under_score',
      'a b',
      'a/b',
      'a;b',
      '$(x)',
      'x\u001b[31m',
      'é',
      'a'.repeat(64),
      Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.'),
    ]) {
      refused(() => checkHostname('--hostname', h), /^--hostname: invalid hostname/);
    }
    assert.throws(
      () => checkHostname('join', 'x'.repeat(100_000)),
      (e: ClusterError) => e.message.length < 200,
    );
  });
});

describe('labels', () => {
  test('ordinary labels pass', () => {
    checkLabels('labels', { zone: 'eu-1', 'com.example.ssd': '', tier: 'a b=c' });
  });
  test('reserved, unprintable, oversized and too many are refused', () => {
    refused(() => checkLabels('labels', { 'com.clusterctl.task.id': 'x' }), /reserved prefix com\.clusterctl\./);
    refused(() => checkLabels('labels', { 'COM.CLUSTERCTL.x': 'x' }), /reserved/);
    refused(() => checkLabels('labels', { '': 'x' }), /empty/);
    refused(() => checkLabels('labels', { 'a b': 'x' }), /space/);
    refused(() => checkLabels('labels', { 'a\u0007': 'x' }), /control/);
    refused(() => checkLabels('labels', { a: 'x\u001b[2J' }), /control/);
    refused(() => checkLabels('labels', { ['k'.repeat(LABEL_LIMITS.maxKeyChars + 1)]: 'x' }), /longer than/);
    refused(() => checkLabels('labels', { a: 'v'.repeat(1 << 20) }), /1048576 characters/);
    refused(
      () =>
        checkLabels(
          'labels',
          Object.fromEntries(Array.from({ length: LABEL_LIMITS.maxCount + 1 }, (_, i) => [`k${i}`, ''])),
        ),
      /257 labels/,
    );
    refused(
      () =>
        checkLabels(
          'labels',
          Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'.repeat(LABEL_LIMITS.maxValueChars)])),
        ),
      /bytes, more than/,
    );
  });
  test('shortForMessage keeps short input and cuts long input with its length', () => {
    assert.equal(shortForMessage('web'), '"web"');
    assert.equal(shortForMessage('x'.repeat(100), 4), '"xxxx"... (100 characters)');
  });
});
