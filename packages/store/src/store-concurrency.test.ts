// Property: concurrent read-modify-write increments from several replicas, through update() and
// batch(), interleaved at random commit points, never lose an update: each counter ends equal to
// the number of increments reported successful, and the replicas end identical.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClusterStore } from './cluster-store.js';
import { LocalProposer } from './testing/local-proposer.js';
import { newNode } from './testing/fixtures.js';
import type { WriteTx } from './tx.js';

interface Action {
  replica: number;
  counters: number[];
  via: 'update' | 'batch';
  flushBefore: boolean;
}

const action: fc.Arbitrary<Action> = fc.record({
  replica: fc.nat(2),
  counters: fc.array(fc.nat(2), { minLength: 1, maxLength: 3 }),
  via: fc.constantFrom<'update' | 'batch'>('update', 'batch'),
  flushBefore: fc.boolean(),
});

function increment(tx: WriteTx, c: number): void {
  const n = tx.get('nodes', `c${c}`)!;
  tx.update('nodes', { ...n, labels: { count: String(Number(n.labels.count) + 1) } });
}

test('no lost updates under concurrent increments from three replicas', async () => {
  let sawConflictFailure = false;
  await fc.assert(
    fc.asyncProperty(
      fc.array(action, { minLength: 1, maxLength: 25 }),
      fc.integer({ min: 0, max: 6 }),
      async (actions, retries) => {
        const stores = [0, 1, 2].map(() => new ClusterStore({ maxConflictRetries: retries }));
        const proposer = new LocalProposer({ replicas: stores });
        for (const s of stores) s.setProposer(proposer);
        await stores[0]!.update((tx) => {
          for (const c of [0, 1, 2])
            tx.create('nodes', { id: `c${c}`, ...newNode(`h${c}`, { labels: { count: '0' } }) });
        });
        proposer.pause();
        const expected = [0, 0, 0];
        const running: Promise<void>[] = [];
        for (const a of actions) {
          if (a.flushBefore) proposer.flush();
          const s = stores[a.replica]!;
          if (a.via === 'update') {
            // one transaction incrementing every listed counter (duplicates too)
            running.push(
              s
                .update((tx) => a.counters.forEach((c) => increment(tx, c)))
                .then(
                  () => a.counters.forEach((c) => expected[c]!++),
                  (e: { code?: string }) => {
                    assert.equal(e.code, 'CONFLICT');
                    sawConflictFailure = true;
                  },
                ),
            );
          } else {
            // one sub-transaction per listed counter
            running.push(
              s
                .batch((b) => a.counters.forEach((c) => b.update((tx) => increment(tx, c))))
                .then((r) => {
                  const failed = new Set(r.failed.map((f) => f.position));
                  for (const f of r.failed) assert.equal(f.error.code, 'CONFLICT');
                  a.counters.forEach((c, i) => {
                    if (!failed.has(i)) expected[c]!++;
                  });
                }),
            );
          }
        }
        proposer.resume();
        await Promise.all(running);
        for (const s of stores) {
          const got = [0, 1, 2].map((c) => Number(s.view((tx) => tx.get('nodes', `c${c}`))!.labels.count));
          assert.deepEqual(got, expected);
        }
        assert.deepEqual(stores[1]!.snapshot(), stores[0]!.snapshot());
        assert.deepEqual(stores[2]!.snapshot(), stores[0]!.snapshot());
      },
    ),
    { numRuns: 150 },
  );
  assert.ok(sawConflictFailure, 'the generator produced contention that exhausted retries at least once');
});
