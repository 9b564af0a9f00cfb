// watch(): probes every interval, a hung probe does not hold up the next ones, stops when done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep } from '@clusterctl/common/testing';
import { watch } from './poll.js';

test('a hung probe does not stop the next ones; failures arrive as undefined; stops once done', async () => {
  let started = 0;
  const results: Array<number | undefined> = [];
  let release: () => void = () => {};
  const hung = new Promise<void>((r) => {
    release = r;
  });
  const t0 = Date.now();
  await watch(
    async () => {
      const n = ++started;
      if (n === 1) {
        await hung; // the first call hangs until the fourth has answered
        return n;
      }
      if (n === 2) throw new Error('no leader');
      if (n === 4) release();
      return n;
    },
    (v) => results.push(v),
    () => results.includes(4),
    { intervalMs: 10, busyIntervalMs: 20, maxInFlight: 3, deadlineMs: t0 + 5_000 },
  );
  assert.ok(results.includes(4));
  assert.ok(results.includes(undefined), 'the failed probe reported as undefined');
  assert.ok(results.includes(1), 'the hung probe was waited for before returning');
  assert.ok(started >= 4);
});

test('while a probe is in flight the next start waits busyIntervalMs; the time taken is reported', async () => {
  const starts: number[] = [];
  const took: number[] = [];
  const t0 = Date.now();
  await watch(
    async () => {
      starts.push(Date.now());
      await sleep(150);
      return true;
    },
    (_v, _at, ms) => took.push(ms),
    () => starts.length >= 3,
    { intervalMs: 5, busyIntervalMs: 60, maxInFlight: 5, deadlineMs: t0 + 5_000 },
  );
  assert.equal(starts.length, 3);
  for (let i = 1; i < starts.length; i++)
    assert.ok(starts[i]! - starts[i - 1]! >= 55, `starts ${starts.map((s) => s - t0).join(',')}`);
  assert.ok(
    took.every((ms) => ms >= 140),
    took.join(','),
  );
});

test('never more than maxInFlight at once; nothing started after the deadline', async () => {
  let inFlight = 0;
  let most = 0;
  let started = 0;
  const starts: number[] = [];
  const t0 = Date.now();
  await watch(
    async () => {
      started++;
      starts.push(Date.now());
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(50);
      inFlight--;
      return true;
    },
    () => {},
    () => false,
    { intervalMs: 5, maxInFlight: 2, deadlineMs: t0 + 200 },
  );
  assert.equal(most, 2);
  assert.ok(
    starts.every((at) => at <= t0 + 200),
    `starts ${starts.map((at) => at - t0).join(',')} ms, deadline 200 ms`,
  );
  assert.ok(started <= 2 * Math.ceil(250 / 50) + 2, `started ${started}`);
});
