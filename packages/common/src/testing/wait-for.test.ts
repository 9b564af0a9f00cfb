import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './wait-for.js';

test('waitFor resolves with the first value that is not undefined, null or false', async () => {
  let n = 0;
  const v = await waitFor('n reaches 3', () => (++n >= 3 ? n : false), { intervalMs: 1 });
  assert.equal(v, 3);
  assert.equal(await waitFor('zero counts as a value', () => 0), 0);
  assert.equal(await waitFor('async probe', async () => 'x'), 'x');
});

test('waitFor treats a throwing probe as not yet', async () => {
  let n = 0;
  const v = await waitFor(
    'third call succeeds',
    () => {
      if (++n < 3) throw new Error('not ready');
      return 'ok';
    },
    { intervalMs: 1 },
  );
  assert.equal(v, 'ok');
});

test('waitFor fails naming what it waited for and the last observed value', async () => {
  let n = 0;
  await assert.rejects(
    waitFor('the answer', () => (n++, null), { timeoutMs: 30, intervalMs: 5 }),
    (e: Error) => /timed out after 30 ms waiting for the answer; last observed: null$/.test(e.message),
  );
  assert.ok(n >= 2, 'probed more than once');
  await assert.rejects(
    waitFor(
      'a healthy peer',
      () => {
        throw new Error('connection refused');
      },
      { timeoutMs: 10, intervalMs: 5 },
    ),
    /waiting for a healthy peer; last observed: error connection refused/,
  );
});

test('waitFor: rethrow ends the wait at once; timeoutError shapes the timeout', async () => {
  let n = 0;
  const fatal = new Error('exited while starting');
  await assert.rejects(
    waitFor(
      'ready',
      () => {
        n++;
        throw fatal;
      },
      { rethrow: (e) => e === fatal, timeoutMs: 5_000 },
    ),
    (e) => e === fatal,
  );
  assert.equal(n, 1);
  class TimeoutErr extends Error {}
  await assert.rejects(
    waitFor('never', () => undefined, { timeoutMs: 5, timeoutError: (m) => new TimeoutErr(m) }),
    (e: Error) => e instanceof TimeoutErr && /waiting for never/.test(e.message),
  );
});

test('waitFor with until: resolves with the value once it holds, and reports the last value on timeout', async () => {
  let n = 0;
  const st = await waitFor('count 3', () => ({ count: ++n }), { until: (v) => v.count === 3, intervalMs: 1 });
  assert.deepEqual(st, { count: 3 });
  assert.equal(await waitFor('undefined is a value here', () => undefined, { until: () => true }), undefined);
  await assert.rejects(
    waitFor('a leader', () => ({ leader: 0, term: 7 }), { until: (v) => v.leader !== 0, timeoutMs: 10, intervalMs: 5 }),
    /waiting for a leader; last observed: \{ leader: 0, term: 7 \}/,
  );
});
