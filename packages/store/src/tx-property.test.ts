// Property: any sequence of create/update/delete/put calls inside ONE transaction (or spread over
// the sub-transactions of one batch) behaves like the same calls on a plain map: the same calls
// throw, reads inside see the same records, and what gets committed is the map's final content.
// This exercises how staged changes collapse (create+update, update+delete, put+delete, ...).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClusterError } from '@clusterctl/common';
import { ClusterStore } from './cluster-store.js';
import { LocalProposer } from './testing/local-proposer.js';
import { newNode } from './testing/fixtures.js';
import type { WriteTx } from './tx.js';

type Call = { op: 'create' | 'update' | 'delete' | 'put' | 'deleteStale'; id: string; val: number };

const call: fc.Arbitrary<Call> = fc.record({
  op: fc.constantFrom<Call['op']>('create', 'update', 'delete', 'put', 'deleteStale'),
  id: fc.constantFrom('a', 'b', 'c'),
  val: fc.nat(99),
});

/**
 * What the call does to `m` (id -> addr), or the error it must throw. `deleted`: ids that existed
 * and were deleted in this tx; `created`: ids created in this tx (bookkeeping only: the
 * transaction must behave exactly like the map whatever the order of calls).
 */
function modelCall(m: Map<string, string>, deleted: Set<string>, c: Call, created: Set<string>): string | undefined {
  const has = m.has(c.id);
  switch (c.op) {
    case 'create':
      if (has) return 'ALREADY_EXISTS';
      m.set(c.id, `v${c.val}`);
      created.add(c.id);
      return undefined;
    case 'update':
      if (!has) return 'skip';
      m.set(c.id, `v${c.val}`);
      return undefined;
    case 'delete':
    case 'deleteStale':
      if (!has) return 'NOT_FOUND';
      m.delete(c.id);
      if (created.has(c.id)) created.delete(c.id);
      else deleted.add(c.id);
      return undefined;
    case 'put':
      m.set(c.id, `v${c.val}`);
      deleted.delete(c.id);
      return undefined;
  }
}

function realCall(tx: WriteTx, c: Call): string | undefined {
  try {
    switch (c.op) {
      case 'create':
        tx.create('nodes', { ...newNode('h', { addr: `v${c.val}` }), id: c.id });
        return undefined;
      case 'update': {
        const cur = tx.get('nodes', c.id);
        if (cur === undefined) return 'skip';
        tx.update('nodes', { ...cur, addr: `v${c.val}` });
        return undefined;
      }
      case 'delete':
        tx.delete('nodes', c.id);
        return undefined;
      case 'deleteStale': {
        // delete by the record as read in this tx (its version, or the pending one)
        const cur = tx.get('nodes', c.id);
        tx.delete('nodes', cur ?? c.id);
        return undefined;
      }
      case 'put':
        tx.put('nodes', { ...newNode('h', { addr: `v${c.val}` }), id: c.id });
        return undefined;
    }
  } catch (e) {
    return e instanceof ClusterError ? e.code : 'Error';
  }
}

const start = fc.subarray(['a', 'b', 'c']);

async function setup(initial: string[]): Promise<{ store: ClusterStore; model: Map<string, string> }> {
  const store = new ClusterStore();
  const p = new LocalProposer({ replicas: [store] });
  store.setProposer(p);
  const model = new Map<string, string>();
  if (initial.length > 0) {
    await store.update((tx) => {
      for (const id of initial) tx.create('nodes', { ...newNode('h', { addr: `init-${id}` }), id });
    });
  }
  for (const id of initial) model.set(id, `init-${id}`);
  return { store, model };
}

function contents(store: ClusterStore): Map<string, string> {
  return new Map(store.view((tx) => tx.list('nodes').map((n) => [n.id, n.addr] as [string, string])));
}

test('calls within one transaction behave like a map', async () => {
  await fc.assert(
    fc.asyncProperty(start, fc.array(call, { minLength: 1, maxLength: 12 }), async (initial, calls) => {
      const { store, model } = await setup(initial);
      const deleted = new Set<string>();
      const created = new Set<string>();
      await store.update((tx) => {
        for (const c of calls) {
          const want = modelCall(model, deleted, c, created);
          const got = realCall(tx, c);
          assert.equal(got, want, `${c.op} ${c.id}`);
          for (const id of ['a', 'b', 'c'])
            assert.equal(tx.get('nodes', id)?.addr, model.get(id), `read ${id} after ${c.op} ${c.id}`);
          assert.equal(tx.count('nodes'), model.size);
        }
      });
      assert.deepEqual(contents(store), model);
    }),
    { numRuns: 300 },
  );
});

test('calls spread over the sub-transactions of a batch behave like a map', async () => {
  await fc.assert(
    fc.asyncProperty(
      start,
      fc.array(call, { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 4 }),
      async (initial, calls, maxOps) => {
        const { store, model } = await setup(initial);
        const store2 = new ClusterStore({ maxOpsPerProposal: maxOps });
        store2.restore(store.snapshot());
        const p = new LocalProposer({ replicas: [store2], startIndex: store2.version });
        store2.setProposer(p);
        const deleted = new Set<string>();
        const r = await store2.batch((b) => {
          for (const c of calls) {
            b.update((tx) => {
              // a batch has no "deleted earlier in this tx": each call is its own transaction
              deleted.clear();
              const want = modelCall(model, deleted, c, new Set());
              const got = realCall(tx, c);
              assert.equal(got, want, `${c.op} ${c.id}`);
              if (got !== undefined && got !== 'skip') throw new ClusterError('INVALID_ARGUMENT', 'expected failure');
            });
          }
        });
        for (const f of r.failed) assert.equal(f.error.code, 'INVALID_ARGUMENT', f.error.message);
        assert.deepEqual(contents(store2), model);
      },
    ),
    { numRuns: 300 },
  );
});
