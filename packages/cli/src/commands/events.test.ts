import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { eventJson, eventLine, parseEventFilter, parseEventTime } from './events.js';

const NOW = Date.parse('2026-12-07T14:00:00Z');

test('--since/--until: RFC 3339, Unix seconds, or a duration back from now', () => {
  assert.equal(parseEventTime('--since', '2026-12-07T13:00:00Z', NOW), Date.parse('2026-12-07T13:00:00Z'));
  assert.equal(parseEventTime('--since', '1796000000', NOW), 1_796_000_000_000);
  assert.equal(parseEventTime('--since', '1796000000.5', NOW), 1_796_000_000_500);
  assert.equal(parseEventTime('--since', '10m', NOW), NOW - 600_000);
  assert.equal(parseEventTime('--until', '1h30m', NOW), NOW - 5_400_000);
  for (const bad of ['yesterday', '10 parsecs', '']) {
    assert.throws(
      () => parseEventTime('--since', bad, NOW),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && /--since/.test(e.message),
    );
  }
});

test('--filter takes KEY=VALUE', () => {
  assert.deepEqual(parseEventFilter('type=service'), { key: 'type', value: 'service' });
  assert.deepEqual(parseEventFilter('name=a=b'), { key: 'name', value: 'a=b' });
  for (const bad of ['type', '=x', 'type=']) assert.throws(() => parseEventFilter(bad), /--filter/);
});

test("lines read like docker's; JSON carries the cursor", () => {
  const e = eventJson({
    index: 42,
    seq: 1,
    time: Date.parse('2026-12-07T14:00:01.250Z'),
    type: 'service',
    action: 'update',
    id: 'abc123',
    name: 'web',
    attributes: { 'replicas.old': '1', 'replicas.new': '3' },
  });
  assert.equal(
    eventLine(e),
    '2026-12-07T14:00:01.250Z service update abc123 (name=web, replicas.new=3, replicas.old=1)',
  );
  assert.deepEqual(
    { index: e.index, seq: e.seq, timeMs: e.timeMs, time: e.time },
    { index: 42, seq: 1, timeMs: Date.parse('2026-12-07T14:00:01.250Z'), time: '2026-12-07T14:00:01.250Z' },
  );
});
