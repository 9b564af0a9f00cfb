// The scale benchmark's reading of the engines and task lists, and its summary line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  latestEventMs,
  oursRunningTasks,
  parseEngineStates,
  shapeScaleSummary,
  summarizeScale,
  swarmRunningTasks,
  type ScaleRun,
} from './scale-stats.js';

test('engine listing: running and all containers, blank lines ignored', () => {
  assert.deepEqual(parseEngineStates('a1 running\nb2 exited\nc3 created\n\nd4 running\n'), { running: 2, all: 4 });
  assert.deepEqual(parseEngineStates(''), { running: 0, all: 0 });
});

test('destroy events: the latest TimeNano as ms, other lines ignored; none gives undefined', () => {
  assert.equal(latestEventMs('1700000000123456789\n1700000001999000000\n1700000000500000000\n'), 1700000001999);
  assert.equal(latestEventMs('\nnot a time\n'), undefined);
});

test('our service ps: only tasks running and meant to run count (history rows do not)', () => {
  const json = JSON.stringify([
    { desiredState: 'running', status: { state: 'running' } },
    { desiredState: 'running', status: { state: 'starting' } },
    { desiredState: 'shutdown', status: { state: 'running' } },
    { desiredState: 'shutdown', status: { state: 'shutdown' } },
    { desiredState: 'running', status: { state: 'running' } },
  ]);
  assert.equal(oursRunningTasks(json), 2);
});

test("Swarm's service ps CurrentState column: only Running rows count", () => {
  const out = [
    'Running 3 seconds ago',
    'Starting less than a second ago',
    'Preparing 2 seconds ago',
    'Running less than a second ago',
    'Assigned 1 second ago',
    '',
  ].join('\n');
  assert.equal(swarmRunningTasks(out), 2);
});

const run = (over: Partial<ScaleRun>): ScaleRun => ({
  system: 'ours',
  image: 'byName',
  run: 1,
  from: 3,
  to: 100,
  ok: true,
  ...over,
});

test('a summary: medians of the successful runs, tasks/s from the medians, failures counted', () => {
  const s = summarizeScale([
    run({ upS: 10, downS: 4, upPolledS: 10.2, upReportedS: 11, downPolledS: 4.3, downRunningPolledS: 3 }),
    run({ run: 2, upS: 20, downS: 6, upPolledS: 20.4, upReportedS: 21, downPolledS: 6.1, downRunningPolledS: 5 }),
    run({ run: 3, ok: false, upS: 1, error: 'timed out' }),
  ]);
  assert.deepEqual(s, {
    from: 3,
    to: 100,
    runs: 2,
    failedRuns: 1,
    upS: 15,
    downS: 5,
    upTasksPerS: 6.47,
    downTasksPerS: 19.4,
    upPolledS: 15.3,
    upReportedS: 16,
    downPolledS: 5.2,
    downRunningPolledS: 4,
  });
  assert.equal(summarizeScale([]), null);
  const failed = summarizeScale([run({ ok: false })]);
  assert.equal(failed?.upS, null);
  assert.equal(failed?.upTasksPerS, null);
});

test('the last line: ours against each of Swarm image references; a system not measured is null', () => {
  const runs = [
    run({ upS: 10, downS: 4 }),
    run({ system: 'swarm', image: 'byId', upS: 20, downS: 8 }),
    run({ system: 'swarm', image: 'byName', upS: 30, downS: 8 }),
  ];
  const s = shapeScaleSummary(runs, ['ours', 'swarm'], { from: 3 });
  assert.equal(s.ours?.scale.byName?.upS, 10);
  assert.equal(s.ours?.scale.byId, undefined);
  assert.equal(s.swarm?.scale.byId?.upS, 20);
  assert.equal(s.swarm?.scale.byName?.upS, 30);
  assert.deepEqual(s.ratio, {
    upVsSwarmById: 0.5,
    downVsSwarmById: 0.5,
    upSpeedupVsSwarmById: 2,
    downSpeedupVsSwarmById: 2,
    upVsSwarmByName: 0.33,
    downVsSwarmByName: 0.5,
    upSpeedupVsSwarmByName: 3,
    downSpeedupVsSwarmByName: 2,
  });
  assert.deepEqual(s.meta, { from: 3 });

  const oursOnly = shapeScaleSummary(runs.slice(0, 1), ['ours']);
  assert.equal(oursOnly.swarm, null);
  assert.deepEqual(oursOnly.ratio, {});
});
