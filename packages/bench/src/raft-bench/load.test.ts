import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, runLoad, type PutTarget } from './load.js';
import { cpuSecondsOf, selfCpuSeconds } from './proc-stat.js';

test('runLoad keeps exactly `concurrency` puts in flight and reports what the target acknowledged', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  let acked = 0;
  const keys = new Set<string>();
  const target: PutTarget = {
    put: async (key, value) => {
      assert.equal(value.length, 64);
      keys.add(key);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      acked++;
    },
    close: () => {},
  };
  const r = await runLoad(target, { concurrency: 8, warmupMs: 20, measureMs: 150, keySpace: 1000 });
  assert.equal(maxInFlight, 8);
  assert.equal(inFlight, 0, 'every worker finished before runLoad resolved');
  assert.equal(r.errors, 0);
  assert.ok(r.writes > 0 && r.writes <= acked, `writes ${r.writes} of ${acked} acknowledged`);
  assert.ok(r.p50Ms <= r.p99Ms && r.p99Ms <= r.maxMs);
  assert.ok(r.writesPerSec > 0);
  assert.ok(
    [...keys].every((k) => /^bench\/\d{3}$/.test(k)),
    'keys are prefix + zero-padded index',
  );
});

test('runLoad counts failures and does not record them as writes', async () => {
  let n = 0;
  const target: PutTarget = {
    put: async () => {
      await new Promise((r) => setTimeout(r, 1));
      if (n++ % 2 === 0) throw new Error('boom');
    },
    close: () => {},
  };
  const r = await runLoad(target, { concurrency: 2, warmupMs: 10, measureMs: 100 });
  assert.ok(r.errors > 0);
  assert.equal(r.firstError, 'boom');
  assert.ok(r.writes < n);
});

test('percentile uses the nearest rank', () => {
  const xs = Float64Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile(xs, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('cpuSecondsOf reads /proc/<pid>/stat', () => {
  const mine = cpuSecondsOf(process.pid);
  assert.ok(mine > 0 && Math.abs(mine - selfCpuSeconds()) < 0.5, `${mine} vs ${selfCpuSeconds()}`);
  assert.ok(Number.isNaN(cpuSecondsOf(2 ** 30)));
});
