import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prng, seedNote, testSeed, testSeeds } from './prng.js';

test('prng: one seed, one sequence, in [0, 1)', () => {
  const a = prng(42);
  const b = prng(42);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    xs,
    Array.from({ length: 1000 }, () => b()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, prng(43)));
});

test('testSeeds: the defaults unless CLUSTERCTL_TEST_SEED names a seed or asks for a random one', () => {
  assert.deepEqual(testSeeds([1, 2, 3], {}), [1, 2, 3]);
  assert.deepEqual(testSeeds([1, 2, 3], { CLUSTERCTL_TEST_SEED: '77' }), [77]);
  assert.equal(testSeed(5, {}), 5);
  assert.equal(testSeed(5, { CLUSTERCTL_TEST_SEED: '' }), 5);
  const r = testSeeds([1], { CLUSTERCTL_TEST_SEED: 'random' });
  assert.equal(r.length, 1);
  assert.ok(Number.isSafeInteger(r[0]));
  assert.throws(() => testSeed(1, { CLUSTERCTL_TEST_SEED: 'abc' }), /CLUSTERCTL_TEST_SEED/);
  assert.match(seedNote(9), /CLUSTERCTL_TEST_SEED=9/);
});
