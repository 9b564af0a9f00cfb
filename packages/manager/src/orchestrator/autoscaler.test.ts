import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rollbackSpec, type AutoscaleSpec, type Service, type ServiceSpec } from '@clusterctl/store';
import { Autoscaler, recommend } from './autoscaler.js';
import { AutoscaleUsage } from './autoscale-usage.js';
import { rolloutEnv, type RolloutEnv } from './testing/rollout-env.js';
import { deriveEvents } from '../events/cluster-event.js';

const A: AutoscaleSpec = { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 50 };

describe('autoscaling recommendation (HPA formula)', () => {
  it('desired = ceil(current * usage / target), within the tolerance nothing changes', () => {
    assert.equal(recommend(A, { current: 3, sampled: [100, 100, 100], missing: 0 })!.replicas, 6);
    assert.equal(recommend(A, { current: 3, sampled: [80, 80, 80], missing: 0 })!.replicas, 5);
    // 54% of a 50% target is within 10%
    assert.equal(recommend(A, { current: 3, sampled: [54, 54, 54], missing: 0 })!.replicas, 3);
    assert.equal(recommend(A, { current: 3, sampled: [46, 46, 46], missing: 0 })!.replicas, 3);
    assert.equal(recommend(A, { current: 4, sampled: [10, 10, 10, 10], missing: 0 })!.replicas, 2);
  });

  it('stays within min and max, and at most doubles (or adds 4) at once', () => {
    assert.equal(recommend(A, { current: 4, sampled: [1, 1, 1, 1], missing: 0 })!.replicas, 2);
    assert.equal(
      recommend({ ...A, maxReplicas: 100 }, { current: 8, sampled: Array(8).fill(500), missing: 0 })!.replicas,
      16,
    );
    assert.equal(recommend(A, { current: 8, sampled: Array(8).fill(500), missing: 0 })!.replicas, 10);
    assert.equal(recommend({ ...A, maxReplicas: 100 }, { current: 2, sampled: [500, 500], missing: 0 })!.replicas, 6);
  });

  it('tasks without a sample count as idle when scaling up and at the target when scaling down', () => {
    // 2 of 4 at 100%: with the 2 starting at 0% the mean is 50%: no change
    assert.equal(recommend(A, { current: 4, sampled: [100, 100], missing: 2 })!.replicas, 4);
    // 1 of 4 idle, 3 unknown: at the target, they keep the count from falling to the minimum
    assert.equal(recommend(A, { current: 4, sampled: [0], missing: 3 })!.replicas, 3);
    assert.equal(recommend(A, { current: 4, sampled: [], missing: 4 }), undefined);
  });
});

describe('rollback of an autoscaled service', () => {
  const spec = (replicas: number, autoscale?: AutoscaleSpec): ServiceSpec =>
    ({
      name: 'web',
      image: 'x',
      mode: { kind: 'replicated', replicas },
      ...(autoscale ? { autoscale } : {}),
    }) as ServiceSpec;
  it("keeps the current count within the previous spec's bounds", () => {
    const previous = spec(2, A);
    assert.deepEqual(rollbackSpec(previous, spec(7, { ...A, maxReplicas: 20 })).mode, {
      kind: 'replicated',
      replicas: 7,
    });
    assert.deepEqual(rollbackSpec(previous, spec(15, { ...A, maxReplicas: 20 })).mode, {
      kind: 'replicated',
      replicas: 10,
    });
    assert.deepEqual(rollbackSpec(previous, spec(1)).mode, { kind: 'replicated', replicas: 2 });
  });
  it('a previous spec without autoscaling, or a global one, is restored as it was', () => {
    const fixed = spec(3);
    assert.equal(rollbackSpec(fixed, spec(9, A)), fixed);
    const global = { ...spec(0, A), mode: { kind: 'global' } } as ServiceSpec;
    assert.equal(rollbackSpec(global, spec(9, A)), global);
  });
});

/** The env's service with autoscaling, an autoscaler on its clock, and a way to report CPU. */
async function env(
  replicas: number,
  a: AutoscaleSpec,
): Promise<{
  e: RolloutEnv;
  usage: AutoscaleUsage;
  scaler: Autoscaler;
  /** Every running task reports `cores`, then the autoscaler decides; the orchestrator and "agents" follow. */
  step(cores: number): Promise<number>;
}> {
  const e = await rolloutEnv(replicas, undefined, { autoscale: a });
  const usage = new AutoscaleUsage();
  const scaler = new Autoscaler({ store: e.store, usage, clock: e.clock });
  const replicasOf = (s: Service): number => (s.spec.mode.kind === 'replicated' ? s.spec.mode.replicas : 0);
  return {
    e,
    usage,
    scaler,
    async step(cores) {
      for (const t of e.running()) usage.record(t.nodeId, [{ taskId: t.id, cpuCores: cores }], e.clock.now());
      await scaler.sync();
      await e.settle();
      await e.runAll();
      await e.settle();
      return replicasOf(e.service());
    },
  };
}

describe('autoscaler', () => {
  it('scales out at once under load and records why; back in only after the down-window', async () => {
    const { e, step, usage } = await env(2, A);
    try {
      assert.equal(await step(1.0), 4); // 100% of 50%: double
      assert.equal(usage.wanted, true);
      const st = e.service().autoscaleStatus!;
      assert.equal(st.previousReplicas, 2);
      assert.equal(st.replicas, 4);
      assert.equal(st.cpuPercent, 100);
      assert.match(st.reason, /above the target 50%/);
      assert.equal(e.running().length, 4);
      // load gone: nothing for 5 minutes
      for (let t = 0; t < 290_000; t += 10_000) {
        e.clock.advance(10_000);
        assert.equal(await step(0.05), 4, `still 4 after ${(t + 10_000) / 1000} s`);
      }
      e.clock.advance(15_000);
      assert.equal(await step(0.05), 2); // the minimum, not below
      assert.match(e.service().autoscaleStatus!.reason, /below the target/);
      assert.equal(e.running().length, 2);
      e.clock.advance(400_000);
      assert.equal(await step(0), 2);
    } finally {
      await e.orch.stop();
    }
  });

  it('a short dip inside the down-window does not scale in; a spike after it scales out again at once', async () => {
    const { e, step } = await env(4, { ...A, scaleDownWindowMs: 60_000 });
    try {
      e.clock.advance(61_000);
      assert.equal(await step(0.5), 4); // at the target
      e.clock.advance(10_000);
      assert.equal(await step(0.05), 4); // one low sample in a window of high ones
      e.clock.advance(10_000);
      assert.equal(await step(1.0), 8);
      e.clock.advance(3_000);
      assert.equal(await step(1.0), 10); // the maximum
    } finally {
      await e.orch.stop();
    }
  });

  it('decides nothing while an update is paused or rolling back, nor without samples', async () => {
    const { e, step, scaler } = await env(2, A);
    try {
      await scaler.sync();
      assert.equal(e.service().autoscaleStatus, undefined);
      for (const state of ['paused', 'rollback_started', 'rollback_paused'] as const) {
        await e.setService((s) => ({
          ...s,
          updateStatus: { state, startedAt: 1, completedAt: 0, message: 'm', failedTaskIds: [] },
        }));
        assert.equal(await step(1.0), 2, state);
      }
      await e.setService((s) => ({
        ...s,
        updateStatus: { state: 'completed', startedAt: 1, completedAt: 2, message: 'm', failedTaskIds: [] },
      }));
      assert.equal(await step(1.0), 4);
    } finally {
      await e.orch.stop();
    }
  });

  it('a new leader (a new autoscaler) does not scale in before it watched a whole down-window', async () => {
    const { e, step, usage } = await env(6, A);
    try {
      e.clock.advance(600_000);
      const fresh = new Autoscaler({ store: e.store, usage, clock: e.clock });
      const replicas = (): number => (e.service().spec.mode as { replicas: number }).replicas;
      for (let t = 0; t < 280_000; t += 20_000) {
        for (const task of e.running()) usage.record(task.nodeId, [{ taskId: task.id, cpuCores: 0 }], e.clock.now());
        await fresh.sync();
        assert.equal(replicas(), 6);
        e.clock.advance(20_000);
      }
      e.clock.advance(30_000);
      assert.equal(await step(0), 6); // the env's own autoscaler never ran: it too starts watching now
      for (const task of e.running()) usage.record(task.nodeId, [{ taskId: task.id, cpuCores: 0 }], e.clock.now());
      await fresh.sync();
      assert.equal(replicas(), 2);
    } finally {
      await e.orch.stop();
    }
  });

  it('samples from another node than the task is on, or too old, are not used', async () => {
    const { e, usage, scaler } = await env(2, A);
    try {
      const [a, b] = e.running();
      usage.record('some-other-node', [{ taskId: a!.id, cpuCores: 4 }], e.clock.now());
      usage.record(b!.nodeId, [{ taskId: b!.id, cpuCores: 4 }], e.clock.now() - 60_000);
      usage.record(
        b!.nodeId,
        [
          { taskId: 'x', cpuCores: Number.NaN },
          { taskId: 'y', cpuCores: -1 },
        ],
        e.clock.now(),
      );
      e.clock.advance(20_000);
      await scaler.sync();
      assert.equal(e.service().autoscaleStatus, undefined);
      assert.equal((e.service().spec.mode as { replicas: number }).replicas, 2);
    } finally {
      await e.orch.stop();
    }
  });

  it('the base is the CPU reservation, else the limit, else one CPU', async () => {
    const { e, step } = await env(2, { ...A, targetCpuPercent: 100 });
    try {
      await e.setSpec((s) => ({
        ...s,
        resources: {
          reservations: { nanoCpus: 250_000_000, memoryBytes: 0 },
          limits: { nanoCpus: 1e9, memoryBytes: 0 },
        },
      }));
      // 0.25 cores of a 0.25 reservation: at the target
      assert.equal(await step(0.25), 2);
      assert.equal(await step(0.5), 4);
    } finally {
      await e.orch.stop();
    }
  });

  it('each decision is one `autoscale` event with its reason', async () => {
    const { e, step } = await env(2, A);
    try {
      const before = e.service();
      await step(1.0);
      const after = e.service();
      const events = deriveEvents({
        table: 'services',
        type: 'update',
        object: after,
        oldObject: before,
        timestamp: 5,
      } as never);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.action, 'autoscale');
      assert.deepEqual(
        { ...events[0]!.attributes, reason: '' },
        { 'replicas.old': '2', 'replicas.new': '4', cpu: '100%', reason: '', min: '2', max: '10', target: '50%' },
      );
      assert.match(events[0]!.attributes['reason']!, /CPU 100% above the target 50%/);
    } finally {
      await e.orch.stop();
    }
  });
});
