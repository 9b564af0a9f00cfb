import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { ClusterStore } from './cluster-store.js';
import { LocalProposer } from './testing/local-proposer.js';
import { newNode, newService, newTask } from './testing/fixtures.js';
import type { StoreEvent } from './events.js';
import type { Watcher } from './watch.js';

function single(): { store: ClusterStore; proposer: LocalProposer } {
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  return { store, proposer };
}

async function take(w: Watcher, n: number): Promise<StoreEvent[]> {
  const out: StoreEvent[] = [];
  for (let i = 0; i < n; i++) {
    const r = await w.next();
    assert.equal(r.done, false, `watch ended after ${i} of ${n} events`);
    out.push(r.value);
  }
  return out;
}

function brief(e: StoreEvent): string {
  if (e.type === 'reset' || e.type === 'commit') return `${e.type}@${e.version}`;
  return `${e.type} ${e.table} ${e.object.id}@${e.version}`;
}

describe('watch', () => {
  test('events arrive in commit order with versions, old objects and deletes', async () => {
    const { store, proposer } = single();
    const w = store.watch();
    const n = await store.update((tx) => tx.create('nodes', { id: 'n1', ...newNode('a') }));
    await store.update((tx) => tx.update('nodes', { ...tx.get('nodes', n.id)!, availability: 'drain' }));
    await store.update((tx) => tx.delete('nodes', 'n1'));
    const ev = await take(w, 3);
    assert.deepEqual(ev.map(brief), ['create nodes n1@1', 'update nodes n1@2', 'delete nodes n1@3']);
    const up = ev[1]!;
    assert.ok(up.type === 'update' && up.table === 'nodes');
    assert.equal(up.object.availability, 'drain');
    assert.equal(up.oldObject!.availability, 'active');
    assert.equal(ev[2]!.type === 'delete' && ev[2]!.table === 'nodes' && ev[2]!.object.availability, 'drain');
    assert.equal(proposer.lastIndex, 3);
    w.close();
    assert.deepEqual(await w.next(), { value: undefined, done: true });
  });

  test('concurrent writers from several replicas: every watcher on every replica sees the same sequence', async () => {
    const stores = [new ClusterStore(), new ClusterStore(), new ClusterStore()];
    const proposer = new LocalProposer({ replicas: stores });
    for (const s of stores) s.setProposer(proposer);
    const watchers = stores.map((s) => s.watch({ table: 'kv' }));
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) writes.push(stores[i % 3]!.update((tx) => tx.kvPut(`k${i % 7}`, new Uint8Array([i]))));
    await Promise.all(writes);
    const seqs = await Promise.all(watchers.map((w) => take(w, 60)));
    const versions = seqs[0]!.map((e) => e.version);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'in commit order',
    );
    assert.deepEqual(seqs[1]!.map(brief), seqs[0]!.map(brief));
    assert.deepEqual(seqs[2]!.map(brief), seqs[0]!.map(brief));
  });

  test('table, filter and commit events', async () => {
    const { store } = single();
    const tasks = store.watch({ table: 'tasks' });
    const running = store.watch({
      table: ['tasks', 'nodes'],
      filter: (e) =>
        e.type !== 'reset' && e.type !== 'commit' && e.table === 'tasks' && e.object.status.state === 'running',
    });
    const commits = store.watch({ table: 'services', commitEvents: true });
    const svc = await store.update((tx) => tx.create('services', newService('s')));
    await store.update((tx) => {
      tx.create('tasks', { id: 't1', ...newTask(svc.id, 1, svc.spec) });
      tx.create('tasks', {
        id: 't2',
        ...newTask(svc.id, 2, svc.spec, { status: { state: 'running', message: '', timestamp: 0 } }),
      });
      tx.create('nodes', newNode('x'));
    });
    assert.deepEqual((await take(tasks, 2)).map(brief), ['create tasks t1@2', 'create tasks t2@2']);
    assert.deepEqual((await take(running, 1)).map(brief), ['create tasks t2@2']);
    assert.deepEqual((await take(commits, 3)).map(brief), [`create services ${svc.id}@1`, 'commit@1', 'commit@2']);
    assert.equal(tasks.buffered, 0);
    assert.equal(running.buffered, 0);
  });

  test('a watcher that falls behind is closed with OVERLOADED; others keep going; memory is released', async () => {
    const { store } = single();
    const slow = store.watch({ maxBuffered: 10 });
    const fast = store.watch();
    const seen: StoreEvent[] = [];
    const consumer = (async () => {
      for await (const e of fast) {
        seen.push(e);
        if (seen.length === 25) break;
      }
    })();
    for (let i = 0; i < 25; i++) await store.update((tx) => tx.kvPut(`k${i}`, new Uint8Array([i])));
    await consumer;
    assert.equal(seen.length, 25);
    assert.ok(fast.closed, 'break closes the watcher');
    assert.ok(slow.closed);
    assert.equal(slow.buffered, 0, 'buffer dropped');
    assert.equal(slow.error?.code, ErrorCode.Overloaded);
    await assert.rejects(
      slow.next(),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === ErrorCode.Overloaded &&
        /fell more than 10 events behind/.test(e.message),
    );
    // closed watchers no longer cost anything on apply
    assert.equal((store as unknown as { watchers: Set<unknown> }).watchers.size, 0);
  });

  test('a filter that throws ends its watcher with INTERNAL, never apply()', async () => {
    const { store } = single();
    const bad = store.watch({
      filter: () => {
        throw new Error('boom');
      },
    });
    const good = store.watch();
    await store.update((tx) => tx.kvPut('a', new Uint8Array([1])));
    assert.equal(
      store.view((tx) => tx.count('kv')),
      1,
    );
    await assert.rejects(
      bad.next(),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.Internal && /boom/.test(e.message),
    );
    assert.equal((await good.next()).done, false);
  });

  test('a pending next() is woken by the next event, and by close()', async () => {
    const { store } = single();
    const w = store.watch();
    const p = w.next();
    await store.update((tx) => tx.kvPut('a', new Uint8Array([1])));
    const r = await p;
    assert.equal(r.done, false);
    const p2 = w.next();
    w.close();
    assert.deepEqual(await p2, { value: undefined, done: true });
  });

  test('store.close() ends every watcher', async () => {
    const { store } = single();
    const w = store.watch();
    let sawTwo!: () => void;
    const twoSeen = new Promise<void>((r) => (sawTwo = r));
    const ended = (async () => {
      let n = 0;
      for await (const _ of w) if (++n === 2) sawTwo();
      return n;
    })();
    await store.update((tx) => tx.kvPut('a', new Uint8Array([1])));
    await store.update((tx) => tx.kvPut('a', new Uint8Array([2])));
    await twoSeen;
    store.close();
    assert.equal(await ended, 2);
  });

  test('restore sends a reset to every watcher, whatever its table or filter', async () => {
    const { store } = single();
    const donor = new ClusterStore();
    const dp = new LocalProposer({ replicas: [donor], startIndex: 100 });
    donor.setProposer(dp);
    await donor.update((tx) => tx.create('services', newService('x')));
    const w = store.watch({ table: 'tasks', filter: () => false });
    store.restore(donor.snapshot());
    assert.deepEqual((await take(w, 1)).map(brief), ['reset@101']);
    assert.equal(store.view((tx) => tx.getByName('services', 'x'))?.meta.version, 101);
  });

  test('a view and a watch taken in the same turn neither miss nor repeat a change', async () => {
    const { store } = single();
    for (let i = 0; i < 5; i++) await store.update((tx) => tx.kvPut(`k${i}`, new Uint8Array([i])));
    const writes = [5, 6, 7].map((i) => store.update((tx) => tx.kvPut(`k${i}`, new Uint8Array([i]))));
    const known = new Set(store.view((tx) => tx.list('kv').map((k) => k.id)));
    const w = store.watch({ table: 'kv' });
    await Promise.all(writes);
    for (const e of await take(w, 3)) {
      assert.ok(e.type === 'create');
      assert.ok(!known.has(e.object.id));
      known.add(e.object.id);
    }
    assert.equal(known.size, 8);
    assert.equal(w.buffered, 0);
  });

  test('a consumer of a big commit yields to the event loop between slices, in order and complete', async () => {
    const { store } = single();
    const w = store.watch({ table: 'kv', yieldEvery: 100 });
    await store.batch((b) => {
      for (let i = 0; i < 1_000; i++) b.update((tx) => tx.kvPut(`k${String(i).padStart(4, '0')}`, new Uint8Array([1])));
    });
    assert.equal(w.buffered, 1_000);
    // a macrotask queued now runs while the consumer is still working through the commit
    let seenByOtherTask = -1;
    const seen: string[] = [];
    setImmediate(() => (seenByOtherTask = seen.length));
    for await (const e of w) {
      assert.ok(e.type === 'create' && e.table === 'kv');
      seen.push(e.object.id);
      if (seen.length === 1_000) break;
    }
    assert.equal(seenByOtherTask, 100, 'the other task ran after the first slice');
    assert.equal(w.yields, 9);
    assert.deepEqual(
      seen,
      Array.from({ length: 1_000 }, (_, i) => `k${String(i).padStart(4, '0')}`),
    );
  });
});
