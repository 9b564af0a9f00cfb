// The engine's event lines as the executor reads them: health states live in the action only.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvent } from './docker-executor.js';

function line(action: string, attrs: Record<string, string> = {}): string {
  return JSON.stringify({
    status: action,
    id: 'c0ffee',
    Type: 'container',
    Action: action,
    Actor: {
      ID: 'c0ffee',
      Attributes: { image: 'busybox', name: 'web.1.x', 'com.clusterctl.task.id': 't1', ...attrs },
    },
    time: 1_700_000_000,
    timeNano: 1_700_000_000_123_456_789,
  });
}

describe('parseEvent', () => {
  test('health_status: healthy / unhealthy / starting become health_status events with the state', () => {
    for (const h of ['healthy', 'unhealthy', 'starting'] as const) {
      const ev = parseEvent(line(`health_status: ${h}`));
      assert.equal(ev?.action, 'health_status');
      assert.equal(ev?.health, h);
      assert.equal(ev?.rawAction, `health_status: ${h}`);
      assert.equal(ev?.labels['com.clusterctl.task.id'], 't1');
      assert.equal(ev?.labels.image, undefined);
      assert.equal(ev?.time, 1_700_000_000_123);
    }
  });

  test('an unknown health word and the probes\' exec events stay "other"', () => {
    assert.equal(parseEvent(line('health_status: sleepy'))?.action, 'other');
    const exec = parseEvent(line('exec_start: /bin/sh -c test -f /ok', { execID: 'e1' }));
    assert.equal(exec?.action, 'other');
    assert.equal(exec?.health, undefined);
    assert.equal(exec?.labels.execID, undefined);
  });

  test('die keeps its exit code; lines that are not events are skipped', () => {
    const die = parseEvent(line('die', { exitCode: '137' }));
    assert.equal(die?.action, 'die');
    assert.equal(die?.exitCode, 137);
    assert.equal(parseEvent('not json'), undefined);
    assert.equal(parseEvent(JSON.stringify({ Action: 'start' })), undefined);
  });
});
