// The failover benchmark's summaries and last line, from run records (no Docker).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { median, round2, runLine, shapeSummary, summarizeFault, type RunRecord } from './stats.js';

const run = (r: Partial<RunRecord> & Pick<RunRecord, 'system' | 'fault'>): RunRecord => ({
  run: 1,
  ok: true,
  victim: 'w1',
  ...r,
});

describe('median and rounding', () => {
  test('odd and even counts, unsorted input left alone, none is null', () => {
    const xs = [3, 1, 2];
    assert.equal(median(xs), 2);
    assert.deepEqual(xs, [3, 1, 2]);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.equal(median([]), null);
  });
  test('round2', () => {
    assert.equal(round2(1.005 + 1e-9), 1.01);
    assert.equal(round2(16.8749), 16.87);
    assert.equal(round2(2), 2);
  });
});

describe('summarizeFault', () => {
  test('median, min, max of recovery and median detection over the successful runs; failures counted apart', () => {
    const runs = [
      run({
        system: 'ours',
        fault: 'workerKill',
        run: 1,
        detectS: 2.1,
        recoveredS: 2.9,
        detectPolledS: 2.3,
        recoveredPolledS: 3.2,
      }),
      run({
        system: 'ours',
        fault: 'workerKill',
        run: 2,
        detectS: 2.4,
        recoveredS: 3.6,
        detectPolledS: 2.9,
        recoveredPolledS: 3.9,
      }),
      run({
        system: 'ours',
        fault: 'workerKill',
        run: 3,
        detectS: 2.0,
        recoveredS: 2.456,
        detectPolledS: 2.2,
        recoveredPolledS: 2.8,
      }),
      run({ system: 'ours', fault: 'workerKill', run: 4, ok: false, detectS: 2.2, error: 'timed out' }),
      run({ system: 'ours', fault: 'leaderKill', run: 1, detectS: 1, recoveredS: 99 }),
    ];
    assert.deepEqual(summarizeFault(runs, 'workerKill'), {
      medianS: 2.9,
      maxS: 3.6,
      minS: 2.46,
      detectS: 2.1,
      runs: 3,
      failedRuns: 1,
      recoverAfterDetectS: 0.8,
      polledMedianS: 3.2,
      polledDetectS: 2.3,
    });
  });
  test('leaderKill adds the median down time and the restarted replicas summed', () => {
    const runs = [
      run({
        system: 'swarm',
        fault: 'leaderKill',
        detectS: 11,
        downS: 40,
        recoveredS: 45,
        restartedOnSurvivors: 0,
        nodeListMs: 90,
      }),
      run({
        system: 'swarm',
        fault: 'leaderKill',
        detectS: 12,
        downS: 42,
        recoveredS: 47,
        restartedOnSurvivors: 1,
        nodeListMs: 121,
      }),
    ];
    const s = summarizeFault(runs, 'leaderKill');
    assert.equal(s.medianS, 46);
    assert.equal(s.detectS, 11.5);
    assert.equal(s.downS, 41);
    assert.equal(s.restartedOnSurvivors, 1);
    assert.equal(s.recoverAfterDetectS, 34.5);
    assert.equal(s.nodeListMs, 106);
  });
  test('no successful run: nulls, not zeros', () => {
    const s = summarizeFault([run({ system: 'ours', fault: 'workerKill', ok: false })], 'workerKill');
    assert.deepEqual(s, {
      medianS: null,
      maxS: null,
      minS: null,
      detectS: null,
      runs: 0,
      failedRuns: 1,
      recoverAfterDetectS: null,
      polledMedianS: null,
      polledDetectS: null,
    });
  });
});

describe('shapeSummary (the last line)', () => {
  const runs: RunRecord[] = [
    run({ system: 'ours', fault: 'workerKill', detectS: 2, recoveredS: 2.5 }),
    run({
      system: 'ours',
      fault: 'leaderKill',
      victim: 'm1',
      detectS: 1,
      downS: 2.5,
      recoveredS: 3,
      restartedOnSurvivors: 0,
    }),
    run({ system: 'swarm', fault: 'workerKill', detectS: 11, recoveredS: 17 }),
    run({
      system: 'swarm',
      fault: 'leaderKill',
      victim: 'm1',
      detectS: 11.6,
      downS: 40,
      recoveredS: 45,
      restartedOnSurvivors: 0,
    }),
  ];
  test('ours, swarm, ratio ours/swarm of the medians (and the speed-up), meta passed through', () => {
    const s = shapeSummary(runs, ['ours', 'swarm'], { pollIntervalMs: 100 });
    const j = JSON.parse(JSON.stringify(s)) as Record<string, Record<string, Record<string, unknown>>>;
    assert.deepEqual(Object.keys(j), ['ours', 'swarm', 'ratio', 'meta']);
    assert.deepEqual(Object.keys(j.ours!), ['workerKill', 'leaderKill']);
    for (const k of ['medianS', 'maxS', 'detectS', 'runs']) assert.ok(k in j.swarm!.leaderKill!, k);
    assert.equal(j.ours!.workerKill!.medianS, 2.5);
    assert.equal(j.swarm!.workerKill!.detectS, 11);
    assert.deepEqual(s.ratio, {
      workerKillMedian: 0.15,
      leaderKillMedian: 0.07,
      workerKillSpeedup: 6.8,
      leaderKillSpeedup: 15,
    });
    assert.equal(j.meta!.pollIntervalMs, 100);
  });
  test('one system only: the other is null and so are the ratios', () => {
    const s = shapeSummary(
      runs.filter((r) => r.system === 'swarm'),
      ['swarm'],
    );
    assert.equal(s.ours, null);
    assert.equal(s.swarm!.workerKill.medianS, 17);
    assert.deepEqual(s.ratio, {
      workerKillMedian: null,
      leaderKillMedian: null,
      workerKillSpeedup: null,
      leaderKillSpeedup: null,
    });
  });
});

test('runLine: one JSON object, times rounded to 2 decimals, absent times left out', () => {
  const line = runLine(run({ system: 'ours', fault: 'workerKill', detectS: 2.12345, recoveredS: 3.456789 }));
  assert.ok(!line.includes('\n'));
  assert.deepEqual(JSON.parse(line), {
    system: 'ours',
    fault: 'workerKill',
    run: 1,
    ok: true,
    victim: 'w1',
    detectS: 2.12,
    recoveredS: 3.46,
  });
});
