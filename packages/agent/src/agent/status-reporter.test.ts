import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '@clusterctl/common';
import { reconnectBackoff } from './backoff.js';
import { StatusReporter } from './status-reporter.js';
import type { AgentTaskStatus, TaskState } from './task-model.js';

const st = (state: TaskState): AgentTaskStatus => ({ state, message: state, timestamp: 1 });

describe('StatusReporter', () => {
  test('coalesces a burst into one call with the latest status per task, in first-change order', async () => {
    const r = new StatusReporter({ log: silentLogger() });
    const calls: Array<Array<[string, string]>> = [];
    r.setSender(async (u) => void calls.push(u.map((x) => [x.taskId, x.status.state])));
    r.report('a', st('accepted'));
    r.report('b', st('accepted'));
    r.report('a', st('preparing'));
    r.report('a', st('running'));
    r.report('a', st('starting')); // older than what is queued: ignored
    await r.whenIdle();
    assert.deepEqual(calls, [
      [
        ['a', 'running'],
        ['b', 'accepted'],
      ],
    ]);
  });

  test('a failed call keeps its statuses (newer ones win) until the next session', async () => {
    const r = new StatusReporter({ log: silentLogger() });
    let fail = true;
    const sent: Array<[string, string]> = [];
    r.setSender(async (u) => {
      if (fail) throw new Error('leader gone');
      for (const x of u) sent.push([x.taskId, x.status.state]);
    });
    r.report('a', st('running'));
    await r.whenIdle();
    assert.equal(r.pendingCount, 1);
    r.report('a', st('failed'));
    r.report('b', st('running'));
    fail = false;
    r.setSender(async (u) => void u.forEach((x) => sent.push([x.taskId, x.status.state])));
    await r.whenIdle();
    assert.deepEqual(sent, [
      ['a', 'failed'],
      ['b', 'running'],
    ]);
    assert.equal(r.pendingCount, 0);
  });

  test('only one call in flight for ordinary statuses; what arrives meanwhile goes in the next call', async () => {
    const r = new StatusReporter({ log: silentLogger() });
    let release!: () => void;
    const calls: string[][] = [];
    r.setSender((u) => {
      calls.push(u.map((x) => x.taskId));
      return calls.length === 1 ? new Promise<void>((res) => (release = res)) : Promise.resolve();
    });
    r.report('a', st('running'));
    await new Promise((res) => setImmediate(res));
    r.report('b', st('starting'));
    r.report('c', st('preparing'));
    await new Promise((res) => setImmediate(res));
    assert.equal(calls.length, 1);
    release();
    await r.whenIdle();
    assert.deepEqual(calls, [['a'], ['b', 'c']]);
  });

  test("a 'running' or final status does not wait behind a call in flight: a second call goes out at once, never a third", async () => {
    const r = new StatusReporter({ log: silentLogger() });
    const releases: Array<() => void> = [];
    const calls: Array<Array<[string, string]>> = [];
    r.setSender((u) => {
      calls.push(u.map((x) => [x.taskId, x.status.state]));
      return new Promise<void>((res) => releases.push(res));
    });
    r.report('a', st('starting'));
    await new Promise((res) => setImmediate(res));
    assert.equal(calls.length, 1);
    r.report('b', st('preparing'));
    r.report('a', st('running'));
    await new Promise((res) => setImmediate(res));
    assert.deepEqual(
      calls,
      [
        [['a', 'starting']],
        [
          ['b', 'preparing'],
          ['a', 'running'],
        ],
      ],
      'the running status went out while the first call was in flight',
    );
    r.report('b', st('failed'));
    await new Promise((res) => setImmediate(res));
    assert.equal(calls.length, 2, 'at most two calls in flight');
    releases[0]!();
    await new Promise((res) => setImmediate(res));
    await new Promise((res) => setImmediate(res));
    assert.deepEqual(calls[2], [['b', 'failed']], 'the next call goes when one ends');
    for (const f of releases) f();
    await r.whenIdle();
    assert.equal(r.pendingCount, 0);
  });

  test('two calls in flight, one fails: its statuses are kept, whenIdle still resolves', async () => {
    const r = new StatusReporter({ log: silentLogger() });
    const settle: Array<{ ok: () => void; fail: (e: Error) => void }> = [];
    r.setSender(() => new Promise<void>((ok, fail) => settle.push({ ok, fail })));
    r.report('a', st('starting'));
    await new Promise((res) => setImmediate(res));
    r.report('b', st('running'));
    await new Promise((res) => setImmediate(res));
    assert.equal(settle.length, 2);
    const idle = r.whenIdle();
    settle[0]!.fail(new Error('leader gone'));
    settle[1]!.ok();
    await idle;
    assert.equal(r.pendingCount, 1, "a's starting waits for the next session");
  });
});

describe('reconnect backoff', () => {
  test('doubles from the minimum up to the cap, jitter on top, and starts over after reset', () => {
    const b = reconnectBackoff({ minMs: 50, maxMs: 500, jitter: 0.5, random: () => 0 });
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map(() => b.next()),
      [50, 100, 200, 400, 500, 500],
    );
    b.reset();
    assert.equal(b.next(), 50);
    const j = reconnectBackoff({ minMs: 100, maxMs: 1000, jitter: 0.5, random: () => 1 });
    assert.equal(j.next(), 150);
    assert.throws(() => reconnectBackoff({ minMs: 0 }));
  });
});
