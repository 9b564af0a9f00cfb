import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { ClusterStore, type ClusterStoreConfig } from './cluster-store.js';
import { LocalProposer, noLeaderError } from './testing/local-proposer.js';
import { newNode, newService, newTask, serviceSpec } from './testing/fixtures.js';
import { ApplyResult } from './state.js';
import { decodeSnapshot, encodeEntry, encodeOp } from './codec.js';
import type { Service, Task } from './objects.js';

function cluster(n: number, config: ClusterStoreConfig = {}): { stores: ClusterStore[]; proposer: LocalProposer } {
  const stores = Array.from({ length: n }, () => new ClusterStore(config));
  const proposer = new LocalProposer({ replicas: stores });
  for (const s of stores) s.setProposer(proposer);
  return { stores, proposer };
}

function tablesOf(s: ClusterStore): unknown {
  return decodeSnapshot(s.snapshot()).tables;
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ClusterError, `expected ClusterError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected rejection with ${code}`);
}

describe('transactions', () => {
  test('a create is applied on every replica with version = raft index and the proposal timestamp', async () => {
    let now = 1_700_000_000_000;
    const { stores, proposer } = cluster(3, { now: () => now });
    const svc = await stores[0]!.update((tx) => tx.create('services', newService('web')));
    assert.equal(svc.meta.version, 0, 'the value fn returned is the staged record');
    for (const s of stores) {
      const got = s.view((tx) => tx.getByName('services', 'web'));
      assert.ok(got);
      assert.equal(got.id, svc.id);
      assert.equal(got.meta.version, proposer.lastIndex);
      assert.equal(got.meta.createdAt, now);
      assert.equal(got.meta.updatedAt, now);
      assert.ok(Object.isFrozen(got) && Object.isFrozen(got.spec), 'records handed out are frozen');
    }
    now += 5000;
    await stores[1]!.update((tx) => {
      const cur = tx.get('services', svc.id)!;
      tx.update('services', { ...cur, spec: { ...cur.spec, image: 'nginx' } });
    });
    const after = stores[2]!.view((tx) => tx.get('services', svc.id))!;
    assert.equal(after.spec.image, 'nginx');
    assert.equal(after.meta.createdAt, now - 5000);
    assert.equal(after.meta.updatedAt, now);
    assert.deepEqual(stores[0]!.snapshot(), stores[2]!.snapshot());
  });

  test('record timestamps never go backwards when a proposer clock does', async () => {
    let now = 10_000;
    const { stores } = cluster(1, { now: () => now });
    const s = stores[0]!;
    const a = await s.update((tx) => tx.create('nodes', newNode('a')));
    now = 5_000; // a new leader with a clock behind
    await s.update((tx) => tx.update('nodes', { ...s.view((v) => v.get('nodes', a.id))!, addr: '10.0.0.9' }));
    const got = s.view((tx) => tx.get('nodes', a.id))!;
    assert.equal(got.meta.updatedAt, 10_000);
  });

  test('concurrent conflicting updates: one wins, the other is retried on the newer state', async () => {
    const { stores, proposer } = cluster(2);
    const svc = await stores[0]!.update((tx) =>
      tx.create('services', newService('api', { mode: { kind: 'replicated', replicas: 1 } })),
    );
    let runs = 0;
    const bump = (s: ClusterStore): Promise<void> =>
      s.update((tx) => {
        runs++;
        const cur = tx.get('services', svc.id)!;
        if (cur.spec.mode.kind !== 'replicated') throw new Error('unexpected');
        tx.update('services', {
          ...cur,
          spec: { ...cur.spec, mode: { kind: 'replicated', replicas: cur.spec.mode.replicas + 1 } },
        });
      });
    proposer.pause(); // both read the same version before either commits
    const p1 = bump(stores[0]!);
    const p2 = bump(stores[1]!);
    assert.equal(proposer.queued, 2);
    proposer.resume();
    await Promise.all([p1, p2]);
    assert.equal(runs, 3, 'exactly one of the two ran again');
    for (const s of stores) {
      const got = s.view((tx) => tx.get('services', svc.id))!;
      assert.deepEqual(got.spec.mode, { kind: 'replicated', replicas: 3 });
    }
  });

  test('a conflict that keeps happening fails with CONFLICT after the bounded retries', async () => {
    const { stores } = cluster(1, { maxConflictRetries: 2 });
    const s = stores[0]!;
    const n = await s.update((tx) => tx.create('nodes', newNode('a')));
    const stale = s.view((tx) => tx.get('nodes', n.id))!;
    await s.update((tx) => tx.update('nodes', { ...stale, addr: 'x' }));
    let runs = 0;
    await rejectsWith(
      s.update((tx) => {
        runs++;
        tx.update('nodes', { ...stale, addr: 'y' }); // always the stale version
      }),
      ErrorCode.Conflict,
    );
    assert.equal(runs, 3);
    assert.equal(s.view((tx) => tx.get('nodes', n.id))!.addr, 'x');
  });

  test('a stale version anywhere fails the whole transaction and applies nothing of it', async () => {
    const { stores, proposer } = cluster(2, { maxConflictRetries: 0 });
    const s = stores[0]!;
    const [a, b] = await s.update((tx) => [tx.create('nodes', newNode('a')), tx.create('nodes', newNode('b'))]);
    const before = tablesOf(s);
    // stale version for b, right version for a, in one entry built by hand
    const va = s.view((tx) => tx.get('nodes', a.id))!.meta.version;
    const tx =
      '[' +
      encodeOp('u', 'nodes', a.id, va, JSON.stringify({ ...newNode('a'), addr: 'changed' })) +
      ',' +
      encodeOp('u', 'nodes', b.id, va + 5, JSON.stringify(newNode('b'))) +
      ']';
    const out = proposer.append(encodeEntry(1, [tx]));
    assert.ok(out instanceof ClusterError);
    assert.equal(out.code, ErrorCode.Conflict);
    assert.deepEqual(tablesOf(s), before);
    assert.deepEqual(tablesOf(stores[1]!), before);
  });

  test('create of an existing id fails with ALREADY_EXISTS; update or delete of a missing one with NOT_FOUND', async () => {
    const { stores, proposer } = cluster(2);
    const s = stores[0]!;
    await s.update((tx) => tx.create('nodes', { id: 'n1', ...newNode('a') }));
    await rejectsWith(
      s.update((tx) => tx.create('nodes', { id: 'n1', ...newNode('b') })),
      ErrorCode.AlreadyExists,
    );
    // raced: both stores create the same id concurrently
    proposer.pause();
    const p1 = stores[0]!.update((tx) => tx.create('tasks', { id: 't1', ...newTask('s', 1, serviceSpec('x')) }));
    const p2 = stores[1]!.update((tx) => tx.create('tasks', { id: 't1', ...newTask('s', 2, serviceSpec('x')) }));
    proposer.resume();
    const res = await Promise.allSettled([p1, p2]);
    assert.equal(res.filter((r) => r.status === 'fulfilled').length, 1);
    const rej = res.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((rej.reason as ClusterError).code, ErrorCode.AlreadyExists);
    // delete raced with update
    const t1 = s.view((tx) => tx.get('tasks', 't1'))!;
    proposer.pause();
    const del = stores[0]!.update((tx) => tx.delete('tasks', 't1'));
    const upd = stores[1]!.update((tx) => tx.update('tasks', { ...(tx.get('tasks', 't1') ?? t1), nodeId: 'n1' }));
    proposer.resume();
    await del;
    await rejectsWith(upd, ErrorCode.NotFound);
    assert.equal(
      s.view((tx) => tx.get('tasks', 't1')),
      undefined,
    );
  });

  test('service and node names are unique, enforced on apply', async () => {
    const { stores, proposer } = cluster(2);
    const [s0, s1] = [stores[0]!, stores[1]!];
    const web = await s0.update((tx) => tx.create('services', newService('web')));
    await rejectsWith(
      s1.update((tx) => tx.create('services', newService('web'))),
      ErrorCode.AlreadyExists,
    );
    // concurrent creates of the same name from two managers: exactly one wins
    proposer.pause();
    const a = s0.update((tx) => tx.create('services', newService('db')));
    const b = s1.update((tx) => tx.create('services', newService('db')));
    proposer.resume();
    const res = await Promise.allSettled([a, b]);
    assert.deepEqual(res.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal(
      s1.view((tx) => tx.find('services', (x) => x.spec.name === 'db').length),
      1,
    );
    // renaming onto a taken name fails; swapping names within one tx works
    const cur = s0.view((tx) => tx.getByName('services', 'web'))!;
    await rejectsWith(
      s0.update((tx) => tx.update('services', { ...cur, spec: { ...cur.spec, name: 'db' } })),
      ErrorCode.AlreadyExists,
    );
    await s0.update((tx) => {
      const w = tx.getByName('services', 'web')!;
      const d = tx.getByName('services', 'db')!;
      tx.update('services', { ...w, spec: { ...w.spec, name: 'db' } });
      tx.update('services', { ...d, spec: { ...d.spec, name: 'web' } });
    });
    assert.equal(s1.view((tx) => tx.getByName('services', 'db'))!.id, web.id);
    // delete + create with the same name in one tx works; two creates with one name do not
    await s0.update((tx) => {
      tx.delete('services', tx.getByName('services', 'web')!);
      tx.create('services', newService('web', { image: 'v2' }));
    });
    assert.equal(s1.view((tx) => tx.getByName('services', 'web'))!.spec.image, 'v2');
    await rejectsWith(
      s0.update((tx) => {
        tx.create('services', newService('twin'));
        tx.create('services', newService('twin'));
      }),
      ErrorCode.AlreadyExists,
    );
    // nodes: hostnames may repeat (rejoin), names may not
    await s0.update((tx) => {
      tx.create('nodes', newNode('h'));
      tx.create('nodes', newNode('h'));
    });
    await s0.update((tx) => tx.create('nodes', newNode('h', { name: 'edge-1' })));
    await rejectsWith(
      s1.update((tx) => tx.create('nodes', newNode('h2', { name: 'edge-1' }))),
      ErrorCode.AlreadyExists,
    );
    assert.equal(
      s1.view((tx) => tx.count('nodes')),
      3,
    );
    assert.deepEqual(s0.snapshot(), s1.snapshot());
  });

  test('reads inside a tx see its own staged changes; a tx staging nothing proposes nothing', async () => {
    const { stores, proposer } = cluster(1);
    const s = stores[0]!;
    await s.update((tx) => {
      const t = tx.create('tasks', { id: 't', ...newTask('svc', 1, serviceSpec('a')) });
      assert.equal(tx.get('tasks', 't'), t);
      assert.equal(tx.findBy('tasks', 'serviceId', 'svc').length, 1);
      assert.equal(tx.count('tasks'), 1);
      tx.update('tasks', { ...t, nodeId: 'n1' });
      assert.equal(tx.findBy('tasks', 'nodeId', 'n1').length, 1);
      tx.create('tasks', { id: 'gone', ...newTask('svc', 2, serviceSpec('a')) });
      tx.delete('tasks', 'gone');
      assert.equal(tx.get('tasks', 'gone'), undefined);
    });
    const n = proposer.lastIndex;
    assert.equal(await s.update((tx) => tx.count('tasks')), 1);
    assert.equal(proposer.lastIndex, n);
    const t = s.view((tx) => tx.get('tasks', 't'))!;
    assert.equal(t.nodeId, 'n1', 'create then update in one tx = one create of the final record');
    assert.equal(t.meta.version, n);
  });

  test('secondary indexes follow updates and deletes', async () => {
    const { stores } = cluster(2);
    const s = stores[0]!;
    await s.update((tx) => {
      for (let i = 1; i <= 5; i++)
        tx.create('tasks', { id: `t${i}`, ...newTask(i <= 3 ? 'a' : 'b', i, serviceSpec('x'), { nodeId: 'n1' }) });
    });
    await s.update((tx) => {
      tx.update('tasks', { ...tx.get('tasks', 't1')!, nodeId: 'n2' });
      tx.delete('tasks', 't4');
    });
    const ids = (ts: Task[]): string[] => ts.map((t) => t.id).sort();
    for (const r of stores) {
      r.view((tx) => {
        assert.deepEqual(ids(tx.findBy('tasks', 'serviceId', 'a')), ['t1', 't2', 't3']);
        assert.deepEqual(ids(tx.findBy('tasks', 'serviceId', 'b')), ['t5']);
        assert.deepEqual(ids(tx.findBy('tasks', 'nodeId', 'n1')), ['t2', 't3', 't5']);
        assert.deepEqual(ids(tx.findBy('tasks', 'nodeId', 'n2')), ['t1']);
        assert.throws(() => tx.findBy('tasks', 'slot', '1'));
      });
    }
  });

  test('proposer errors reach the caller unchanged', async () => {
    const { stores, proposer } = cluster(1);
    proposer.failWith = noLeaderError();
    await rejectsWith(
      stores[0]!.update((tx) => tx.kvPut('k', new Uint8Array([1]))),
      ErrorCode.NoLeader,
    );
    await rejectsWith(
      stores[0]!.linearizableView((tx) => tx.count('kv')),
      ErrorCode.NoLeader,
    );
    proposer.failWith = undefined;
    await stores[0]!.update((tx) => tx.kvPut('k', new Uint8Array([1])));
    assert.equal(
      stores[0]!.view((tx) => tx.count('kv')),
      1,
    );
  });

  test('a proposer that rejects with the apply error (instead of resolving with it) works the same', async () => {
    const store = new ClusterStore({ maxConflictRetries: 3 });
    const inner = new LocalProposer({ replicas: [store] });
    let proposals = 0;
    store.setProposer({
      propose: async (d) => {
        proposals++;
        const out = await inner.propose(d);
        if (out instanceof Error) throw out;
        return out;
      },
      readBarrier: () => inner.readBarrier(),
    });
    const n = await store.update((tx) => tx.create('nodes', newNode('a')));
    const stale = store.view((tx) => tx.get('nodes', n.id))!;
    await store.update((tx) => tx.update('nodes', { ...stale, addr: '1' }));
    // stale caller version: fails fast locally, without proposing
    const before = proposals;
    await rejectsWith(
      store.update((tx) => tx.update('nodes', { ...stale, addr: '2' })),
      ErrorCode.Conflict,
    );
    assert.equal(proposals, before);
    await rejectsWith(
      store.update((tx) => tx.create('nodes', { ...newNode('b'), id: n.id })),
      ErrorCode.AlreadyExists,
    );
  });

  test('linearizableView waits for entries proposed before it', async () => {
    const { stores, proposer } = cluster(1);
    const s = stores[0]!;
    proposer.pause();
    const w = s.update((tx) => tx.kvPut('a', new Uint8Array([7])));
    const r = s.linearizableView((tx) => tx.kvGet('a'));
    assert.equal(
      s.view((tx) => tx.kvGet('a')),
      undefined,
    );
    proposer.resume();
    assert.deepEqual(await r, new Uint8Array([7]));
    await w;
  });

  test('updates travel as diffs of the fields that changed, and can remove fields', async () => {
    const { stores, proposer } = cluster(2);
    const s = stores[0]!;
    const svc = await s.update((tx) => tx.create('services', newService('web', { env: ['A='.padEnd(2000, 'x')] })));
    const t = await s.update((tx) =>
      tx.create('tasks', newTask(svc.id, 1, s.view((v) => v.get('services', svc.id))!.spec)),
    );
    const big = proposer.log.at(-1)!.length;
    await s.update((tx) => {
      const cur = tx.get('tasks', t.id)!;
      tx.update('tasks', { ...cur, nodeId: 'n1', status: { ...cur.status, state: 'assigned' } });
    });
    const small = proposer.log.at(-1)!.length;
    assert.ok(big > 2000 && small < 250, `create ${big} bytes, update ${small} bytes`);
    assert.ok(new TextDecoder().decode(proposer.log.at(-1)!.subarray(1)).includes('"m"'));
    await s.update((tx) => {
      const cur = tx.get('services', svc.id)!;
      tx.update('services', { ...cur, previousSpec: cur.spec });
    });
    await s.update((tx) => {
      const { previousSpec: _drop, ...rest } = tx.get('services', svc.id)!;
      tx.update('services', rest);
    });
    for (const r of stores) {
      const task = r.view((tx) => tx.get('tasks', t.id))!;
      assert.equal(task.nodeId, 'n1');
      assert.equal(task.status.state, 'assigned');
      assert.equal(task.spec.env[0]!.length, 2000);
      assert.ok(Object.isFrozen(task.status));
      assert.equal('previousSpec' in r.view((tx) => tx.get('services', svc.id))!, false);
    }
    assert.deepEqual(stores[0]!.snapshot(), stores[1]!.snapshot());
    // a lagging replica does not hold the version the caller read: it sends the whole record
    const lagging = new ClusterStore();
    const p2 = new LocalProposer({ replicas: [lagging], startIndex: proposer.lastIndex + 10 });
    lagging.setProposer(p2);
    const cur = s.view((tx) => tx.get('tasks', t.id))!;
    await rejectsWith(
      lagging.update((tx) => tx.update('tasks', { ...cur, nodeId: 'n2' })),
      ErrorCode.NotFound,
    );
    assert.ok(new TextDecoder().decode(p2.log.at(-1)!.subarray(1)).startsWith('[') && p2.log.at(-1)!.length > 2000);
  });

  test('fn must be synchronous', async () => {
    const { stores } = cluster(1);
    await assert.rejects(
      stores[0]!.update(async () => 1),
      /synchronous/,
    );
  });
});

describe('kv table', () => {
  test('put, get, overwrite, delete, blind delete of a missing key', async () => {
    const { stores } = cluster(2);
    const s = stores[0]!;
    await s.update((tx) => {
      tx.kvPut('a', new Uint8Array([1, 2, 3]));
      tx.kvPut('b', new Uint8Array(0));
      tx.kvPut('π/ünïcode key', new Uint8Array([255]));
    });
    await s.update((tx) => tx.kvPut('a', new Uint8Array([9])));
    await s.update((tx) => {
      tx.kvDelete('b');
      tx.kvDelete('never-there');
    });
    for (const r of stores) {
      r.view((tx) => {
        assert.deepEqual(tx.kvGet('a'), new Uint8Array([9]));
        assert.equal(tx.kvGet('b'), undefined);
        assert.deepEqual(tx.kvGet('π/ünïcode key'), new Uint8Array([255]));
        const a = tx.get('kv', 'a')!;
        assert.ok(a.meta.createdAt <= a.meta.updatedAt);
      });
    }
  });

  test('kv values survive snapshot/restore byte for byte', async () => {
    const { stores } = cluster(1);
    const bytes = new Uint8Array(300).map((_, i) => (i * 37) & 255);
    await stores[0]!.update((tx) => tx.kvPut('big', bytes));
    const fresh = new ClusterStore();
    fresh.restore(stores[0]!.snapshot());
    assert.deepEqual(
      fresh.view((tx) => tx.kvGet('big')),
      bytes,
    );
  });

  test('a captured snapshot is the state at capture, byte for byte, whatever is applied while it is encoded', async () => {
    const { stores } = cluster(1);
    const s = stores[0]!;
    // More rows than one encoding slice, in several tables, updated and deleted after the capture.
    for (let i = 0; i < 1500; i++)
      await s.update((tx) => tx.kvPut(`k/${String(1500 - i).padStart(5, '0')}`, new Uint8Array([i & 255])));
    await s.update((tx) => tx.create('services', newService('web')));
    await s.update((tx) => tx.create('nodes', newNode('n1')));
    const expected = s.snapshot();
    const encode = s.captureSnapshot();
    await s.update((tx) => tx.kvPut('k/00007', new Uint8Array([42])));
    await s.update((tx) => tx.kvDelete('k/00008'));
    await s.update((tx) => tx.kvPut('zz', new Uint8Array([1])));
    await s.update((tx) => tx.create('services', newService('db')));
    const encoding = encode();
    await s.update((tx) => tx.kvPut('k/00009', new Uint8Array([43])));
    assert.deepEqual(Buffer.from(await encoding), Buffer.from(expected));
    assert.notDeepEqual(Buffer.from(s.snapshot()), Buffer.from(expected));
  });
});

describe('malformed entries', () => {
  const bad: [string, Uint8Array][] = [
    ['unknown format byte', new Uint8Array([9, 0x5b, 0x5d])],
    ['not JSON', new Uint8Array([1, 0x7b, 0x7b])],
    ['one byte', new Uint8Array([1])],
    ['wrong shape', encodeEntry(1, ['{"a":1}'])],
    ['unknown table', encodeEntry(1, ['[' + encodeOp('c', 'nodes', 'x', 0, '{}').replace('"nodes"', '"nope"') + ']'])],
    ['bad kind', encodeEntry(1, ['[["z","nodes","x",0,{}]]'])],
    ['empty id', encodeEntry(1, ['[["c","nodes","",0,{}]]'])],
    ['fractional version', encodeEntry(1, ['[["u","nodes","x",1.5,{}]]'])],
    ['array body', encodeEntry(1, ['[["c","nodes","x",0,[1]]]'])],
    ['kv body not text', encodeEntry(1, ['[["p","kv","x",0,{}]]'])],
    ['merge into kv', encodeEntry(1, ['[["m","kv","x",0,[{},[]]]]'])],
    ['merge body not a pair', encodeEntry(1, ['[["m","nodes","x",0,{}]]'])],
    ['merge unset not names', encodeEntry(1, ['[["m","nodes","x",0,[{},[1]]]]'])],
    ['forward reference', encodeEntry(1, ['[["u","nodes","x",-1,{}]]'])],
    // a valid tx followed by a broken one: nothing of the entry may be applied
    ['valid then broken', encodeEntry(1, ['[' + encodeOp('p', 'kv', 'k', 0, '"AQ=="') + ']', '[["c","nodes"]]'])],
  ];
  for (const [name, data] of bad) {
    test(`${name}: CORRUPT result, state unchanged, replicas agree`, async () => {
      const { stores, proposer } = cluster(2);
      await stores[0]!.update((tx) => tx.create('nodes', { id: 'x', ...newNode('a') }));
      const before = tablesOf(stores[0]!);
      const out = proposer.append(data);
      assert.ok(out instanceof ClusterError, `got ${String(out)}`);
      assert.equal(out.code, ErrorCode.Corrupt);
      assert.deepEqual(tablesOf(stores[0]!), before);
      assert.deepEqual(stores[0]!.snapshot(), stores[1]!.snapshot());
      assert.equal(stores[0]!.version, proposer.lastIndex, 'the entry is consumed');
      // the store keeps working afterwards
      await stores[1]!.update((tx) => tx.kvPut('after', new Uint8Array([1])));
      assert.ok(stores[0]!.view((tx) => tx.kvGet('after')));
    });
  }

  test('records nested absurdly deep are refused (CORRUPT) deterministically; snapshots keep working', async () => {
    const { stores, proposer } = cluster(2);
    await stores[0]!.update((tx) => tx.create('nodes', { id: 'x', ...newNode('a') }));
    const before = tablesOf(stores[0]!);
    const deep = '{"labels":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    for (const op of [encodeOp('c', 'nodes', 'y', 0, deep), encodeOp('m', 'nodes', 'x', 0, '[' + deep + ',[]]')]) {
      const out = proposer.append(encodeEntry(1, ['[' + op + ']']));
      assert.ok(out instanceof ClusterError && out.code === ErrorCode.Corrupt, String(out));
    }
    const ok = '{"labels":' + '['.repeat(40) + ']'.repeat(40) + '}';
    assert.ok(
      proposer.append(encodeEntry(1, ['[' + encodeOp('m', 'nodes', 'x', 0, '[' + ok + ',[]]') + ']'])) instanceof
        ApplyResult,
    );
    assert.notDeepEqual(tablesOf(stores[0]!), before);
    assert.deepEqual(stores[0]!.snapshot(), stores[1]!.snapshot());
  });

  test('a merge cannot replace a record prototype', () => {
    const s = new ClusterStore();
    s.apply(encodeEntry(1, ['[' + encodeOp('c', 'nodes', 'x', 0, JSON.stringify(newNode('a'))) + ']']), 1);
    s.apply(
      encodeEntry(2, ['[' + encodeOp('m', 'nodes', 'x', 0, '[{"__proto__":{"evil":1},"addr":"b"},[]]') + ']']),
      2,
    );
    const n = s.view((tx) => tx.get('nodes', 'x'))! as unknown as Record<string, unknown>;
    assert.equal(n.addr, 'b');
    assert.equal(n.evil, undefined);
    assert.equal(Object.getPrototypeOf(n), Object.prototype);
  });

  test('a corrupt snapshot is refused without touching the state', async () => {
    const { stores } = cluster(1);
    await stores[0]!.update((tx) => tx.create('services', newService('web')));
    const before = stores[0]!.snapshot();
    const snap = stores[0]!.snapshot();
    for (const broken of [
      snap.slice(0, snap.length - 3),
      new Uint8Array([2, ...snap.slice(1)]),
      new TextEncoder().encode('\x01{"index":1}'),
    ]) {
      assert.throws(
        () => stores[0]!.restore(broken),
        (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.Corrupt,
      );
      assert.deepEqual(stores[0]!.snapshot(), before);
    }
  });

  test('empty entries (the leader no-op) only advance the index', () => {
    const s = new ClusterStore();
    const out = s.apply(new Uint8Array(0), 1);
    assert.ok(out instanceof ApplyResult);
    assert.equal(s.version, 1);
  });
});

describe('snapshot and restore', () => {
  test('round trip gives equal state and equal bytes; restore replaces everything', async () => {
    const { stores } = cluster(1);
    const s = stores[0]!;
    await s.update((tx) => {
      const svc = tx.create('services', newService('web'));
      for (let i = 1; i <= 3; i++) tx.create('tasks', newTask(svc.id, i, svc.spec));
      tx.create('nodes', newNode('n1', { name: 'first' }));
      tx.put('cluster', {
        id: 'default',
        name: 'default',
        settings: { heartbeatPeriodMs: 500, nodeGraceMs: 2000, taskHistoryLimit: 5, nodeCertExpiryMs: 1000 },
        joinTokenDigests: { worker: 'w', manager: 'm' },
      });
      tx.kvPut('k', new Uint8Array([1, 2]));
    });
    const snap = s.snapshot();
    const other = new ClusterStore();
    await (async () => {
      const p = new LocalProposer({ replicas: [other] });
      other.setProposer(p);
      await other.update((tx) => tx.create('services', newService('will-vanish')));
    })();
    other.restore(snap);
    assert.deepEqual(other.snapshot(), snap);
    assert.equal(other.version, s.version);
    assert.equal(
      other.view((tx) => tx.getByName('services', 'will-vanish')),
      undefined,
    );
    assert.equal(other.view((tx) => tx.getByName('nodes', 'first'))!.hostname, 'n1');
    const svc = other.view((tx) => tx.getByName('services', 'web'))!;
    assert.equal(
      other.view((tx) => tx.findBy('tasks', 'serviceId', svc.id).length),
      3,
    );
    assert.deepEqual(
      other.view((tx) => tx.list('services')),
      s.view((tx) => tx.list('services')),
    );
    assert.ok(Object.isFrozen(svc.spec));
  });

  test('a state of several MB round-trips (rows span several encoding chunks)', async () => {
    const { stores } = cluster(1);
    const s = stores[0]!;
    const svc = await s.update((tx) => tx.create('services', newService('big', { env: ['X='.padEnd(1000, 'y')] })));
    await s.batch((b) => {
      for (let i = 1; i <= 2000; i++) b.update((tx) => void tx.create('tasks', newTask(svc.id, i, svc.spec)));
    });
    const snap = s.snapshot();
    assert.ok(snap.length > 3_000_000, `${snap.length} bytes`);
    const r = new ClusterStore();
    r.restore(snap);
    assert.deepEqual(r.snapshot(), snap);
    assert.equal(
      r.view((tx) => tx.findBy('tasks', 'serviceId', svc.id).length),
      2000,
    );
  });

  test('replicas built in different orders of ids give identical snapshot bytes', async () => {
    const { stores } = cluster(1);
    await stores[0]!.update((tx) => {
      tx.kvPut('b', new Uint8Array([2]));
      tx.kvPut('a', new Uint8Array([1]));
    });
    const restored = new ClusterStore();
    restored.restore(stores[0]!.snapshot());
    assert.deepEqual(restored.snapshot(), stores[0]!.snapshot());
    assert.deepEqual(
      restored.view((tx) => tx.list('kv').map((k) => k.id)),
      ['a', 'b'],
    );
  });
});

describe('batch', () => {
  test('1000 task creates and then 1000 task updates commit in few proposals on every replica', async () => {
    const { stores, proposer } = cluster(2, { maxOpsPerProposal: 400 });
    const s = stores[0]!;
    const svc = await s.update((tx) => tx.create('services', newService('big')));
    const start = proposer.lastIndex;
    const r1 = await s.batch((b) => {
      for (let i = 1; i <= 1000; i++)
        b.update((tx) => void tx.create('tasks', { id: `t${i}`, ...newTask(svc.id, i, svc.spec) }));
    });
    assert.deepEqual(r1, { applied: 1000, failed: [], proposals: 3 });
    assert.equal(proposer.lastIndex, start + 3);
    const r2 = await s.batch((b) => {
      for (const t of s.view((tx) => tx.findBy('tasks', 'serviceId', svc.id))) {
        b.update((tx) => void tx.update('tasks', { ...t, nodeId: 'n1', status: { ...t.status, state: 'assigned' } }));
      }
    });
    assert.equal(r2.applied, 1000);
    for (const r of stores)
      assert.equal(
        r.view((tx) => tx.findBy('tasks', 'nodeId', 'n1').length),
        1000,
      );
    assert.deepEqual(stores[0]!.snapshot(), stores[1]!.snapshot());
  });

  test('transactions of a batch fail independently; later ones see earlier ones and chain on them', async () => {
    const { stores, proposer } = cluster(2, { maxOpsPerProposal: 2 });
    const s = stores[0]!;
    const taken = await s.update((tx) => tx.create('services', newService('taken')));
    const r = await s.batch((b) => {
      b.update((tx) => void tx.create('nodes', { id: 'n', ...newNode('h') })); // 0
      b.update((tx) => void tx.create('services', newService('taken'))); // 1: fails on apply
      b.update((tx) => void tx.update('nodes', { ...tx.get('nodes', 'n')!, addr: 'a1' })); // 2: chains on 0 (other proposal)
      b.update((tx) => void tx.update('nodes', { ...tx.get('nodes', 'n')!, addr: 'a2' })); // 3: chains on 2 (same proposal)
      // 4: by id (by name it would see 1's pending record, and chain on it)
      b.update(
        (tx) => void tx.update('services', { ...tx.get('services', taken.id)!, previousSpec: serviceSpec('p') }),
      );
      b.update(() => {
        throw new ClusterError(ErrorCode.InvalidArgument, 'bad'); // 5: fails before proposing
      });
      b.update((tx) => void tx.create('services', { ...newService('dup-in-batch') })); // 6
      b.update((tx) => void tx.create('services', { ...newService('dup-in-batch') })); // 7: no local check, fails on apply
    });
    assert.deepEqual(
      r.failed.map((f) => [f.position, f.error.code]),
      [
        [1, ErrorCode.AlreadyExists],
        [5, ErrorCode.InvalidArgument],
        [7, ErrorCode.AlreadyExists],
      ],
    );
    assert.equal(r.applied, 5);
    for (const x of stores) {
      assert.equal(x.view((tx) => tx.get('nodes', 'n'))!.addr, 'a2');
      assert.ok(x.view((tx) => tx.getByName('services', 'taken'))!.previousSpec);
    }
    assert.ok(proposer.lastIndex > 0);
  });

  test('a transaction building on a failed one of the same batch fails too, in the same or a later proposal', async () => {
    for (const maxOps of [1, 100]) {
      const { stores } = cluster(1, { maxOpsPerProposal: maxOps });
      const s = stores[0]!;
      await s.update((tx) => tx.create('nodes', { id: 'n', ...newNode('h', { name: 'x' }) }));
      await s.update((tx) => tx.create('nodes', { id: 'm', ...newNode('h', { name: 'y' }) }));
      const r = await s.batch((b) => {
        b.update((tx) => void tx.update('nodes', { ...tx.get('nodes', 'n')!, name: 'y' })); // 0: name taken -> fails
        b.update((tx) => void tx.update('nodes', { ...tx.get('nodes', 'n')!, addr: 'z' })); // 1: builds on 0
        b.update((tx) => void tx.update('nodes', { ...tx.get('nodes', 'm')!, addr: 'ok' })); // 2: independent
      });
      assert.deepEqual(
        r.failed.map((f) => [f.position, f.error.code]),
        [
          [0, ErrorCode.AlreadyExists],
          [1, ErrorCode.Conflict],
        ],
        `maxOps=${maxOps}`,
      );
      assert.equal(s.view((tx) => tx.get('nodes', 'n'))!.addr, '10.0.0.1');
      assert.equal(s.view((tx) => tx.get('nodes', 'm'))!.addr, 'ok');
    }
  });

  test('a plain error thrown inside a batch aborts it before anything is proposed', async () => {
    const { stores, proposer } = cluster(1);
    const n = proposer.lastIndex;
    await assert.rejects(
      stores[0]!.batch((b) => {
        b.update((tx) => tx.kvPut('a', new Uint8Array(1)));
        b.update(() => {
          throw new TypeError('bug');
        });
      }),
      TypeError,
    );
    assert.equal(proposer.lastIndex, n);
  });

  test('proposal failures are reported per transaction', async () => {
    const { stores, proposer } = cluster(1);
    proposer.failWith = noLeaderError();
    const r = await stores[0]!.batch((b) => {
      b.update((tx) => tx.kvPut('a', new Uint8Array(1)));
      b.update((tx) => tx.kvPut('b', new Uint8Array(1)));
    });
    assert.equal(r.applied, 0);
    assert.deepEqual(
      r.failed.map((f) => f.error.code),
      [ErrorCode.NoLeader, ErrorCode.NoLeader],
    );
  });
});

// type-level check that records come back typed per table
export function _typecheck(s: ClusterStore): Service | undefined {
  return s.view((tx) => tx.getByName('services', 'x'));
}

describe('edge cases', () => {
  test('an entry at or below the applied index is refused without changing anything', async () => {
    const { stores, proposer } = cluster(1);
    await stores[0]!.update((tx) => tx.kvPut('a', new Uint8Array([1])));
    const before = stores[0]!.snapshot();
    const out = stores[0]!.apply(proposer.log[0]!, 1);
    assert.ok(out instanceof ClusterError && out.code === ErrorCode.Internal);
    assert.deepEqual(stores[0]!.snapshot(), before);
  });

  test('a lagging replica proposes with the version the caller read elsewhere, as a whole record', async () => {
    const leader = new ClusterStore();
    const proposer = new LocalProposer({ replicas: [leader] });
    leader.setProposer(proposer);
    const lagging = new ClusterStore();
    lagging.setProposer(proposer); // applies nothing until caught up below
    const n = await leader.update((tx) => tx.create('nodes', newNode('a')));
    const read = leader.view((tx) => tx.get('nodes', n.id))!;
    await lagging.update((tx) => tx.update('nodes', { ...read, availability: 'pause' }));
    assert.equal(leader.view((tx) => tx.get('nodes', n.id))!.availability, 'pause');
    proposer.log.forEach((e, i) => lagging.apply(e, i + 1));
    assert.deepEqual(lagging.snapshot(), leader.snapshot());
    // by id with nothing local and nothing newer than local: NOT_FOUND at once
    await rejectsWith(
      lagging.update((tx) => tx.delete('nodes', 'nope')),
      ErrorCode.NotFound,
    );
  });

  test('delete by object checks its version; put ignores versions and keeps createdAt', async () => {
    let now = 1000;
    const { stores } = cluster(1, { now: () => now, maxConflictRetries: 0 });
    const s = stores[0]!;
    const n = await s.update((tx) => tx.create('nodes', { id: 'n', ...newNode('a') }));
    const old = s.view((tx) => tx.get('nodes', n.id))!;
    now = 2000;
    await s.update((tx) => tx.update('nodes', { ...old, addr: 'b' }));
    await rejectsWith(
      s.update((tx) => tx.delete('nodes', old)),
      ErrorCode.Conflict,
    );
    now = 3000;
    await s.update((tx) => tx.put('nodes', { ...newNode('replaced'), id: 'n' }));
    const got = s.view((tx) => tx.get('nodes', 'n'))!;
    assert.equal(got.hostname, 'replaced');
    assert.equal(got.meta.createdAt, 1000);
    assert.equal(got.meta.updatedAt, 3000);
    await s.update((tx) => tx.delete('nodes', tx.get('nodes', 'n')!));
    assert.equal(
      s.view((tx) => tx.count('nodes')),
      0,
    );
  });

  test('watchers see batch and merge changes with the old record', async () => {
    const { stores } = cluster(2, { maxOpsPerProposal: 3 });
    const w = stores[1]!.watch({ table: 'tasks' });
    const svc = await stores[0]!.update((tx) => tx.create('services', newService('s')));
    await stores[0]!.batch((b) => {
      for (let i = 1; i <= 5; i++)
        b.update((tx) => void tx.create('tasks', { id: `t${i}`, ...newTask(svc.id, i, svc.spec) }));
      b.update((tx) => void tx.update('tasks', { ...tx.get('tasks', 't1')!, nodeId: 'n9' }));
    });
    const events: { type: string; id: string; nodeId: string; old?: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const e = (await w.next()).value;
      assert.ok(e.type !== 'reset' && e.type !== 'commit' && e.table === 'tasks');
      events.push({ type: e.type, id: e.object.id, nodeId: e.object.nodeId, old: e.oldObject?.nodeId });
    }
    assert.deepEqual(events, [
      { type: 'create', id: 't1', nodeId: '', old: undefined },
      { type: 'create', id: 't2', nodeId: '', old: undefined },
      { type: 'create', id: 't3', nodeId: '', old: undefined },
      { type: 'create', id: 't4', nodeId: '', old: undefined },
      { type: 'create', id: 't5', nodeId: '', old: undefined },
      { type: 'update', id: 't1', nodeId: 'n9', old: '' },
    ]);
  });

  test('a proposal whose outcome the driver lost fails with UNAVAILABLE outcomeUnknown, without retry', async () => {
    const store = new ClusterStore();
    let calls = 0;
    store.setProposer({
      propose: (d) => {
        calls++;
        store.apply(d, store.version + 1);
        return Promise.resolve(undefined);
      },
      readBarrier: () => Promise.resolve(),
    });
    const e = await rejectsWith(
      store.update((tx) => tx.kvPut('a', new Uint8Array([1]))),
      ErrorCode.Unavailable,
    );
    assert.equal(e.details.outcomeUnknown, true);
    assert.equal(calls, 1);
    assert.ok(
      store.view((tx) => tx.kvGet('a')),
      'it was in fact applied',
    );
  });

  test('delete then create of the same id in one transaction replaces the record', async () => {
    let now = 100;
    const { stores } = cluster(2, { now: () => now });
    const s = stores[0]!;
    await s.update((tx) => tx.create('services', { id: 'x', ...newService('web') }));
    const w = stores[1]!.watch({ table: 'services' });
    now = 200;
    await s.update((tx) => {
      tx.delete('services', 'x');
      tx.create('services', { id: 'x', ...newService('web', { image: 'v2' }) });
    });
    const got = stores[1]!.view((tx) => tx.get('services', 'x'))!;
    assert.equal(got.spec.image, 'v2');
    assert.equal(got.meta.createdAt, 200);
    const e = (await w.next()).value;
    assert.ok(e.type === 'update' && e.table === 'services' && e.oldObject!.spec.image === 'busybox:latest');
    assert.deepEqual(stores[0]!.snapshot(), stores[1]!.snapshot());
  });

  test('commit() tells the index the change was applied at', async () => {
    const { stores, proposer } = cluster(1);
    const r = await stores[0]!.commit((tx) => {
      tx.kvPut('a', new Uint8Array([1]));
      return 'x';
    });
    assert.deepEqual(r, { result: 'x', version: proposer.lastIndex });
    assert.equal(stores[0]!.view((tx) => tx.get('kv', 'a'))!.meta.version, r.version);
    assert.deepEqual(await stores[0]!.commit(() => 1), { result: 1, version: proposer.lastIndex });
  });

  test('update and batch without a proposer are programmer errors', async () => {
    const s = new ClusterStore();
    await assert.rejects(
      s.update((tx) => tx.kvPut('a', new Uint8Array(1))),
      /no proposer/,
    );
    assert.equal(
      s.view((tx) => tx.count('kv')),
      0,
    );
  });
});

test('a big batch has at most maxProposalsInFlight proposals waiting at once, and all of it applies', async () => {
  const store = new ClusterStore({ maxProposalBytes: 300, maxProposalsInFlight: 2 });
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  proposer.pause();
  const done = store.batch((b) => {
    for (let i = 0; i < 40; i++) b.update((tx) => tx.kvPut(`key-${i}`, new Uint8Array(40)));
  });
  // let the batch run as far as it can without a commit
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  assert.equal(proposer.queued, 2, 'two proposals, the rest wait for them');
  let most = 0;
  for (let round = 0; round < 100 && proposer.queued > 0; round++) {
    most = Math.max(most, proposer.queued);
    proposer.flush();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }
  const res = await done;
  assert.equal(res.applied, 40);
  assert.ok(res.proposals > 4, `split (${res.proposals} proposals)`);
  assert.equal(most, 2);
  assert.equal(
    store.view((tx) => tx.list('kv').length),
    40,
  );
});
