import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatAutoscale, parseAutoscale } from './service-autoscale.js';
import { buildServiceSpec } from './service-spec.js';
import { applyUpdate, parseUpdateFlags, replacesTasks } from './service-update.js';

describe('--autoscale and --rebalance', () => {
  it('parses min, max, cpu and the optional windows; none turns autoscaling off', () => {
    assert.deepEqual(parseAutoscale('min=2,max=20,cpu=70%', 100), {
      minReplicas: 2,
      maxReplicas: 20,
      targetCpuPercent: 70,
    });
    assert.deepEqual(parseAutoscale(' max=3, cpu=50 ,min=1,down-window=1m ', 100), {
      minReplicas: 1,
      maxReplicas: 3,
      targetCpuPercent: 50,
      scaleUpWindowMs: 0,
      scaleDownWindowMs: 60_000,
      hasWindows: true,
    });
    assert.equal(parseAutoscale('none', 100), null);
    assert.equal(
      formatAutoscale(parseAutoscale('min=2,max=20,cpu=70%,up-window=30s', 100)!),
      'min=2,max=20,cpu=70%,up-window=30s,down-window=5m',
    );
    for (const bad of [
      '',
      'min=2',
      'min=0,max=2,cpu=50%',
      'min=3,max=2,cpu=50%',
      'min=1,max=2,cpu=0%',
      'min=1,max=2,cpu=x',
      'min=1,max=2,cpu=5%,min=1',
      'min=1,max=200,cpu=5%',
      'min=1,max=2,cpu=50%,down-window=2d',
    ])
      assert.throws(() => parseAutoscale(bad, 100), { code: 'INVALID_ARGUMENT' }, bad);
  });

  it('service create: the first count is within the bounds; global services cannot be autoscaled', () => {
    assert.equal(buildServiceSpec('busybox', [], { autoscale: 'min=2,max=5,cpu=50%' }).replicas, 2);
    assert.equal(buildServiceSpec('busybox', [], { autoscale: 'min=2,max=5,cpu=50%', replicas: '9' }).replicas, 5);
    const s = buildServiceSpec('busybox', [], { autoscale: 'min=2,max=5,cpu=50%', replicas: '3', rebalance: true });
    assert.equal(s.replicas, 3);
    assert.equal(s.rebalance, true);
    assert.throws(
      () => buildServiceSpec('busybox', [], { autoscale: 'min=2,max=5,cpu=50%', mode: 'global' }),
      /replicated/,
    );
  });

  it('service update: set, change, turn off; the count follows the bounds; no task is replaced', () => {
    const cur = buildServiceSpec('busybox', [], { replicas: '1' });
    const on = applyUpdate(cur, parseUpdateFlags({ autoscale: 'min=2,max=4,cpu=60%', rebalance: true }));
    assert.deepEqual(on.changed.sort(), ['autoscale', 'rebalance', 'replicas']);
    assert.equal(on.spec.replicas, 2);
    assert.equal(replacesTasks(on.changed), false);
    const off = applyUpdate(on.spec, parseUpdateFlags({ autoscale: 'none', rebalance: false }));
    assert.deepEqual(off.changed.sort(), ['autoscale', 'rebalance']);
    assert.equal(off.spec.autoscale, undefined);
    assert.equal(off.spec.rebalance, undefined);
    assert.equal(off.spec.replicas, 2);
  });
});
