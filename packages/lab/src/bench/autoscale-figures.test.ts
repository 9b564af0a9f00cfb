import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  autoscaleFigures,
  cpuSeries,
  rateFor,
  replicasNeeded,
  type EngineRound,
  type FiguresInput,
} from './autoscale-figures.js';

const STEP = 1_000_000;
const OFF = STEP + 60_000;

/** Rounds every second from STEP - 5 s; `cores(id, tMs)` is each task's CPU at that moment. */
function rounds(
  untilMs: number,
  tasksAt: (tMs: number) => Array<{ id: string; startedAtMs: number }>,
  cores: (id: string, tMs: number) => number,
): EngineRound[] {
  const used = new Map<string, number>();
  const out: EngineRound[] = [];
  for (let t = STEP - 5_000; t <= untilMs; t += 1_000) {
    const tasks = tasksAt(t).map((x) => {
      const ns = (used.get(x.id) ?? 0) + cores(x.id, t) * 1e9;
      used.set(x.id, ns);
      return { id: x.id, cpuNs: ns, atMs: t, startedAtMs: x.startedAtMs };
    });
    out.push({ atMs: t, tasks });
  }
  return out;
}

test('cpuSeries: the mean over the window of the tasks present at both ends, in percent of the base', () => {
  const rs = rounds(
    STEP + 10_000,
    (t) => [{ id: 'a', startedAtMs: 0 }, ...(t >= STEP ? [{ id: 'b', startedAtMs: STEP }] : [])],
    (id) => (id === 'a' ? 0.15 : 0.05),
  );
  const pts = cpuSeries(rs, 0.2, 3_000);
  // the first 3 rounds have no round 3 s earlier
  assert.equal(pts.length, rs.length - 3);
  const before = pts.find((p) => p.atMs === STEP - 1_000)!;
  assert.equal(before.running, 1);
  assert.ok(Math.abs(before.meanPercent! - 75) < 1e-9);
  // b is counted once it is in both ends of the window: mean of 75% and 25%
  const later = pts.find((p) => p.atMs === STEP + 5_000)!;
  assert.equal(later.running, 2);
  assert.ok(Math.abs(later.meanPercent! - 50) < 1e-9);
  const justStarted = pts.find((p) => p.atMs === STEP + 1_000)!;
  assert.ok(Math.abs(justStarted.meanPercent! - 75) < 1e-9, 'b not counted before it spans the window');
});

test('autoscaleFigures: a step answered 1 -> 2 -> 3, CPU under the target, then back to 1', () => {
  const start = (id: string, at: number): { id: string; startedAtMs: number } => ({ id, startedAtMs: at });
  const tasksAt = (t: number): Array<{ id: string; startedAtMs: number }> => {
    const all = [start('a', 0)];
    if (t >= STEP + 6_500 && t < OFF + 25_000) all.push(start('b', STEP + 6_500));
    if (t >= STEP + 12_200 && t < OFF + 25_000) all.push(start('c', STEP + 12_200));
    return all;
  };
  // 0.25 CPU of load spread evenly over the running tasks while it lasts, a task at most 0.2
  const cores = (_id: string, t: number): number =>
    t <= STEP || t > OFF ? 0.01 : Math.min(0.2, 0.25 / tasksAt(t).length);
  const rs = rounds(OFF + 30_000, tasksAt, cores);
  const input: FiguresInput = {
    stepAtMs: STEP,
    offAtMs: OFF,
    aim: 3,
    min: 1,
    desiredAtStep: 1,
    targetPercent: 50,
    decisions: [
      { atMs: STEP + 4_000, from: 1, to: 2, cpuPercent: 100, reason: 'up' },
      { atMs: STEP + 10_000, from: 2, to: 3, cpuPercent: 62, reason: 'up' },
      { atMs: OFF + 22_000, from: 3, to: 1, cpuPercent: 5, reason: 'down' },
    ],
    rounds: rs,
    cpu: cpuSeries(rs, 0.2, 3_000),
  };
  const f = autoscaleFigures(input);
  assert.equal(f.desiredEnoughS, 10);
  // the third container's start, not the round that first saw it
  assert.equal(f.runningEnoughS, 12.2);
  // 3 tasks at 0.083 CPU = 42%: the first window after c started that spans it and ends under 50%
  assert.ok(f.cpuUnderTargetS !== null && f.cpuUnderTargetS > 12.2 && f.cpuUnderTargetS <= 17, `${f.cpuUnderTargetS}`);
  assert.equal(f.cpuSettledS, f.cpuUnderTargetS);
  assert.equal(f.maxDesired, 3);
  assert.equal(f.maxRunning, 3);
  assert.equal(f.scaleInsUnderLoad, 0);
  assert.equal(f.desiredMinAfterOffS, 22);
  assert.equal(f.runningMinAfterOffS, 25);
  assert.equal(f.cpuUnderLoadEndPercent, 42);
  assert.deepEqual(
    f.timeline.map((e) => [e.desired, e.running]),
    [
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 2],
      [3, 3],
      [1, 3],
      [1, 1],
    ],
  );
  assert.equal(f.timeline[0]!.tS, 0);
});

test('autoscaleFigures: never enough, never under the target, a scale-in under load: nulls and the count', () => {
  const rs = rounds(
    OFF + 5_000,
    () => [{ id: 'a', startedAtMs: 0 }],
    (_id, t) => (t > STEP ? 0.2 : 0),
  );
  const f = autoscaleFigures({
    stepAtMs: STEP,
    offAtMs: OFF,
    aim: 3,
    min: 1,
    desiredAtStep: 1,
    targetPercent: 50,
    decisions: [
      { atMs: STEP + 4_000, from: 1, to: 2, cpuPercent: 100, reason: 'up' },
      { atMs: STEP + 30_000, from: 2, to: 1, cpuPercent: 20, reason: 'down' },
    ],
    rounds: rs,
    cpu: cpuSeries(rs, 0.2, 3_000),
  });
  assert.equal(f.desiredEnoughS, null);
  assert.equal(f.runningEnoughS, null);
  assert.equal(f.cpuUnderTargetS, null);
  assert.equal(f.cpuSettledS, null);
  assert.equal(f.maxDesired, 2);
  assert.equal(f.scaleInsUnderLoad, 1);
  assert.equal(f.desiredMinAfterOffS, null, 'the scale-in under load is not the one after the stop');
});

test('replicasNeeded and rateFor: the rate for K replicas needs K, not K - 1 or K + 1', () => {
  for (const aim of [2, 3, 4, 6])
    for (const cost of [4, 10.77, 25]) {
      const rate = rateFor(aim, cost, 50, 0.2);
      assert.equal(replicasNeeded(rate, cost, 50, 0.2), aim, `aim ${aim} cost ${cost} rate ${rate}`);
    }
  assert.equal(replicasNeeded(10, 10, 50, 0.2), 1);
  assert.equal(replicasNeeded(10.1, 10, 50, 0.2), 2);
});
