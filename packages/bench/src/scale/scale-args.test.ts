import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isClusterError } from '@clusterctl/common';
import { parseScaleArgs, processSizes, rampSteps, replicasPerService, SCALE_DEFAULTS } from './scale-args.js';
import { latencySummary } from './scale-stats.js';

function refusal(argv: string[]): { code: string; message: string; hint: string } {
  try {
    parseScaleArgs(argv);
  } catch (e) {
    assert.ok(isClusterError(e), `not a ClusterError: ${String(e)}`);
    return { code: e.code, message: e.message, hint: e.hint ?? '' };
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

test('the defaults: a ramp to the default node count, the default tasks over 10 services, 3 managers, every phase', () => {
  const a = parseScaleArgs([]);
  assert.deepEqual(a.steps, rampSteps(SCALE_DEFAULTS.nodes));
  assert.equal(a.tasks, SCALE_DEFAULTS.tasks);
  assert.equal(a.services, 10);
  assert.equal(a.managers, 3);
  assert.equal(a.skip.size, 0);
});

test('--nodes above 1,000 ramps through 1,000 first; --tasks may use digit separators', () => {
  const a = parseScaleArgs(['--nodes', '5000', '--tasks', '100_000', '--managers', '3']);
  assert.deepEqual(a.steps, [1000, 5000]);
  assert.equal(a.tasks, 100_000);
  assert.deepEqual(parseScaleArgs(['--nodes', '100']).steps, [100]);
});

test('bad values are INVALID_ARGUMENT naming the flag, with a hint that shows the usage', () => {
  for (const [argv, flag] of [
    [['--nodes', 'many'], '--nodes'],
    [['--nodes', '0'], '--nodes'],
    [['--tasks', '-5'], '--tasks'],
    [['--tasks', '200000'], '--tasks'],
    [['--managers', '2'], '--managers'],
    [['--skip', 'everything'], '--skip'],
    [['--api-samples', '1.5'], '--api-samples'],
  ] as const) {
    const r = refusal([...argv]);
    assert.equal(r.code, 'INVALID_ARGUMENT', argv.join(' '));
    assert.match(r.message, new RegExp(flag), argv.join(' '));
    assert.match(r.hint, /npm run bench:scale/, argv.join(' '));
  }
  const unknown = refusal(['--node', '5']);
  assert.equal(unknown.code, 'INVALID_ARGUMENT');
  assert.match(unknown.message, /--node/);
});

test('more tasks than 10,000 per service is refused (the CLI limit per service); fewer tasks than services too', () => {
  assert.match(refusal(['--tasks', '20001', '--services', '2']).message, /--tasks 20001 is out of range/);
  assert.match(refusal(['--tasks', '3', '--services', '5']).message, /fewer than --services/);
});

test('a single manager skips the leader kill; a single hollow process skips the worker kill', () => {
  const a = parseScaleArgs(['--managers', '1', '--nodes', '100', '--nodes-per-process', '100']);
  assert.deepEqual([...a.skip].sort(), ['leader-kill', 'worker-kill']);
  assert.deepEqual([...parseScaleArgs(['--skip', 'worker-kill']).skip], ['worker-kill']);
});

test('tasks are spread over the services as evenly as possible; nodes over processes of at most N', () => {
  assert.deepEqual(replicasPerService(100_000, 10), Array(10).fill(10_000));
  assert.deepEqual(replicasPerService(7, 3), [3, 2, 2]);
  assert.equal(
    replicasPerService(12_345, 7).reduce((s, x) => s + x, 0),
    12_345,
  );
  assert.deepEqual(processSizes(1000, 250), [250, 250, 250, 250]);
  assert.deepEqual(processSizes(4000, 300).length, 14);
  assert.deepEqual(processSizes(10, 4), [4, 4, 2]);
  assert.deepEqual(processSizes(0, 4), []);
});

test('latency summaries: nearest-rank p50 and p99 and the max, whatever the order of the samples', () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 .. 1
  assert.deepEqual(latencySummary(xs), { n: 100, p50Ms: 50, p99Ms: 99, maxMs: 100 });
  assert.deepEqual(latencySummary([7]), { n: 1, p50Ms: 7, p99Ms: 7, maxMs: 7 });
  const none = latencySummary([]);
  assert.equal(none.n, 0);
  assert.ok(Number.isNaN(none.p50Ms));
});

test('--heartbeat-period and --node-grace take durations for the cluster settings; a bad one is refused naming the flag', () => {
  const a = parseScaleArgs(['--heartbeat-period', '5s', '--node-grace', '15s']);
  assert.equal(a.heartbeatPeriodMs, 5000);
  assert.equal(a.nodeGraceMs, 15_000);
  assert.equal(parseScaleArgs([]).heartbeatPeriodMs, undefined);
  const r = refusal(['--heartbeat-period', 'soon']);
  assert.equal(r.code, 'INVALID_ARGUMENT');
  assert.match(r.message, /--heartbeat-period/);
  assert.match(r.hint, /npm run bench:scale/);
});
