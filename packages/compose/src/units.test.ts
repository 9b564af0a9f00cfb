// The value grammars of compose files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolateString } from './interpolate.js';
import { parseBytes, parseDurationMs, parseNanoCpus, parseShortPort, splitCommand, ValueError } from './units.js';

test('durations as Go writes them', () => {
  assert.equal(parseDurationMs('1m30s'), 90_000);
  assert.equal(parseDurationMs('500ms'), 500);
  assert.equal(parseDurationMs('1.5h'), 5_400_000);
  assert.equal(parseDurationMs('0'), 0);
  assert.equal(parseDurationMs(2_000_000_000), 2_000, 'a bare number is nanoseconds');
  for (const bad of ['10', 'soon', '1m 30s', '', '-1s']) assert.throws(() => parseDurationMs(bad), ValueError, bad);
});

test('sizes in binary units', () => {
  assert.equal(parseBytes('512m'), 512 * 1024 ** 2);
  assert.equal(parseBytes('1gb'), 1024 ** 3);
  assert.equal(parseBytes('2GiB'), 2 * 1024 ** 3);
  assert.equal(parseBytes('100k'), 102_400);
  assert.equal(parseBytes(4096), 4096);
  for (const bad of ['lots', '1x', '-1m']) assert.throws(() => parseBytes(bad), ValueError, bad);
});

test('CPUs', () => {
  assert.equal(parseNanoCpus('0.5'), 500_000_000);
  assert.equal(parseNanoCpus(2), 2_000_000_000);
  assert.throws(() => parseNanoCpus('half'), ValueError);
});

test('short port syntax', () => {
  assert.deepEqual(parseShortPort(80), [{ target: 80, published: 0, protocol: 'tcp', hostIp: '' }]);
  assert.deepEqual(parseShortPort('8080:80/udp'), [{ target: 80, published: 8080, protocol: 'udp', hostIp: '' }]);
  assert.deepEqual(parseShortPort('127.0.0.1:8080:80'), [
    { target: 80, published: 8080, protocol: 'tcp', hostIp: '127.0.0.1' },
  ]);
  assert.deepEqual(
    parseShortPort('9090-9091:8080-8081').map((p) => `${p.published}:${p.target}`),
    ['9090:8080', '9091:8081'],
  );
  for (const bad of ['80:80:80:80', '70000', '80/icmp', '9090-9092:8080-8081', 'http'])
    assert.throws(() => parseShortPort(bad), ValueError, bad);
});

test('command strings split as a shell splits words', () => {
  assert.deepEqual(splitCommand('sh -c "echo $HOME; sleep 1"'), ['sh', '-c', 'echo $HOME; sleep 1']);
  assert.deepEqual(splitCommand("echo 'a b' c\\ d"), ['echo', 'a b', 'c d']);
  assert.deepEqual(splitCommand('echo ""'), ['echo', '']);
  assert.throws(() => splitCommand('echo "open'), ValueError);
});

test('interpolation forms', () => {
  const vars = { A: 'x', E: '' };
  assert.equal(
    interpolateString('$A-${A}-$$A-${E:-d}-${E-d}-${U:-d}-${U-d}-${A:+y}-${E:+y}-${E+y}', vars),
    'x-x-$A-d--d-d-y--y',
  );
  assert.equal(interpolateString('cost: $', vars), 'cost: $');
  assert.throws(() => interpolateString('${U:?needed}', vars), /required variable U is not set: needed/);
  assert.equal(interpolateString('${E?needed}', vars), '', 'set but empty: no error without the colon');
});
