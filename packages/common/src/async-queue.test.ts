import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncQueue } from './async-queue.js';
import { ClusterError, ErrorCode } from './errors.js';

const overloaded = (): ClusterError => new ClusterError(ErrorCode.Overloaded, 'behind', { hint: 'resume' });

class Stops<T> extends AsyncQueue<T> {
  stops = 0;
  protected override onStop(): void {
    this.stops++;
  }
}

test('items pushed before and while the consumer waits arrive in order', async () => {
  const q = new AsyncQueue<number>({ maxQueued: 10, overflow: overloaded });
  q.push(1);
  q.push(2);
  assert.equal(q.queued, 2);
  assert.deepEqual(await q.next(), { value: 1, done: false });
  assert.deepEqual(await q.next(), { value: 2, done: false });
  const pending = q.next();
  q.push(3);
  assert.deepEqual(await pending, { value: 3, done: false });
  assert.equal(q.queued, 0);
});

test('overflow with an error fails the queue: queued items dropped, next() rejects with it', async () => {
  const q = new Stops<number>({ maxQueued: 2, overflow: overloaded });
  q.push(1);
  q.push(2);
  q.push(3);
  assert.equal(q.closed, true);
  assert.equal(q.stops, 1);
  assert.equal(q.error?.code, ErrorCode.Overloaded);
  assert.equal(q.queued, 0);
  await assert.rejects(q.next(), (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.Overloaded);
  q.push(4);
  assert.equal(q.queued, 0, 'a failed queue takes nothing');
});

test('overflow "drop" keeps the queue open and counts what it dropped', async () => {
  const q = new AsyncQueue<number>({ maxQueued: 2, overflow: 'drop' });
  for (let i = 1; i <= 5; i++) q.push(i);
  assert.equal(q.dropped, 3);
  assert.equal(q.closed, false);
  assert.deepEqual(await q.next(), { value: 1, done: false });
  q.push(6);
  assert.deepEqual([(await q.next()).value, (await q.next()).value], [2, 6]);
});

test('end() delivers what is queued, then done; close() drops it', async () => {
  const ended = new Stops<string>({ maxQueued: 10, overflow: 'drop' });
  ended.push('a');
  ended.push('b');
  ended.end();
  ended.push('c');
  assert.equal(ended.stops, 1);
  const got: string[] = [];
  for await (const x of ended) got.push(x);
  assert.deepEqual(got, ['a', 'b']);

  const closed = new Stops<string>({ maxQueued: 10, overflow: 'drop' });
  closed.push('a');
  closed.close();
  closed.close();
  assert.equal(closed.stops, 1, 'stopping is reported once');
  assert.deepEqual(await closed.next(), { value: undefined, done: true });
});

test('a waiting consumer is released by end(), close() and fail()', async () => {
  const a = new AsyncQueue<number>({ maxQueued: 1, overflow: 'drop' });
  const pa = a.next();
  a.end();
  assert.deepEqual(await pa, { value: undefined, done: true });
  const b = new AsyncQueue<number>({ maxQueued: 1, overflow: 'drop' });
  const pb = b.next();
  b.close();
  assert.deepEqual(await pb, { value: undefined, done: true });
  const c = new AsyncQueue<number>({ maxQueued: 1, overflow: 'drop' });
  const pc = c.next();
  c.fail(overloaded());
  await assert.rejects(pc, (e: unknown) => e instanceof ClusterError);
});

test('breaking out of for-await closes the queue; a second concurrent next() is refused', async () => {
  const q = new Stops<number>({ maxQueued: 10, overflow: 'drop' });
  q.push(1);
  q.push(2);
  for await (const x of q) if (x === 1) break;
  assert.equal(q.closed, true);
  assert.equal(q.stops, 1);
  const r = new AsyncQueue<number>({ maxQueued: 10, overflow: 'drop' });
  const first = r.next();
  await assert.rejects(r.next(), /another next\(\) is pending/);
  r.push(7);
  assert.deepEqual(await first, { value: 7, done: false });
});

test('a long queue taken slowly stays correct across its compaction', async () => {
  const q = new AsyncQueue<number>({ maxQueued: 5000, overflow: overloaded });
  for (let i = 0; i < 3000; i++) q.push(i);
  for (let i = 0; i < 2000; i++) assert.equal((await q.next()).value, i);
  for (let i = 3000; i < 4000; i++) q.push(i);
  for (let i = 2000; i < 4000; i++) assert.equal((await q.next()).value, i);
  assert.equal(q.queued, 0);
});
