// The scale benchmark's flags: defaults, and each refusal with its code and hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { parseScaleOptions } from './scale-options.js';

const refused = (argv: string[], message: RegExp) =>
  assert.throws(
    () => parseScaleOptions(argv),
    (e: unknown) =>
      e instanceof ClusterError &&
      e.code === ErrorCode.InvalidArgument &&
      message.test(e.message) &&
      /docs\/benchmarks\.md/.test(e.hint ?? ''),
  );

test('defaults: 3 -> 100, one run, both systems, Swarm by ID and by name, the failover topology', () => {
  assert.deepEqual(parseScaleOptions([]), {
    from: 3,
    to: 100,
    runs: 1,
    swarmImages: ['byId', 'byName'],
    pollMs: 250,
    timeoutMs: 300_000,
    labPrefix: 'bench-scale',
    managers: 3,
    workers: 2,
    privileged: 'auto',
    oursTiming: 'default',
    swarmNetwork: 'none',
    oursDataPlane: 'on',
  });
  assert.equal(parseScaleOptions(['--ours-data-plane', 'off']).oursDataPlane, 'off');
  assert.equal(parseScaleOptions(['--ours-timing', 'swarm']).oursTiming, 'swarm');
  assert.equal(parseScaleOptions(['--swarm-network', 'bridge']).swarmNetwork, 'bridge');
  assert.equal(parseScaleOptions(['--swarm-network', 'overlay']).swarmNetwork, 'overlay');
});

test('flags given: one system, one image reference, a logs folder made absolute', () => {
  const o = parseScaleOptions(['--only', 'swarm', '--swarm-images', 'name', '--to', '50', '--logs', 'out']);
  assert.equal(o.only, 'swarm');
  assert.deepEqual(o.swarmImages, ['byName']);
  assert.equal(o.to, 50);
  assert.equal(o.logsDir, resolve('out'));
  assert.deepEqual(parseScaleOptions(['--swarm-images', 'name,id']).swarmImages, ['byId', 'byName']);
});

test('refusals: the shared checks, and a target not above the start', () => {
  refused(['--to', '1000'], /--to must be a whole number from 2 to 500/);
  refused(['--runs', '1.5'], /--runs must be a whole number/);
  refused(['--only', 'k8s'], /--only is ours or swarm/);
  refused(['--privileged', 'maybe'], /--privileged is auto, yes or no/);
  refused(['--swarm-images', 'digest'], /--swarm-images is a comma-separated list of id, name/);
  refused(['--swarm-images', ','], /--swarm-images/);
  refused(['--ours-timing', 'fast'], /--ours-timing is default or swarm/);
  refused(['--swarm-network', 'host'], /--swarm-network is none, bridge or overlay/);
  refused(['--ours-data-plane', 'no'], /--ours-data-plane is on or off/);
  refused(['--from', '10', '--to', '10'], /--to \(10\) must be more than --from \(10\)/);
});
