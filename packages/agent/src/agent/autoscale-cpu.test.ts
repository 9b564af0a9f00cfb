import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AutoscaleCpuSampler } from './autoscale-cpu.js';

describe('autoscale task CPU sampler', () => {
  it('reports each running task container as CPU seconds per second between two samples, each sample once', async () => {
    let now = 1_000;
    const cpu = new Map([
      ['c1', 10],
      ['c2', 0],
    ]);
    const running = [
      { taskId: 't1', containerId: 'c1' },
      { taskId: 't2', containerId: 'c2' },
    ];
    const s = new AutoscaleCpuSampler({
      running: () => running,
      stats: async (id) => {
        const v = cpu.get(id);
        if (v === undefined) throw new Error('gone');
        return { cpuSeconds: v, memoryBytes: 0, networkReceiveBytes: 0, networkTransmitBytes: 0 };
      },
      now: () => now,
    });
    await s.sample();
    assert.deepEqual(s.take(), []); // one sample is no rate yet
    now += 2_000;
    cpu.set('c1', 12); // 2 s of CPU in 2 s: one core
    cpu.set('c2', 0.5);
    await s.sample();
    const r = s.take().sort((a, b) => (a.taskId! < b.taskId! ? -1 : 1));
    assert.deepEqual(r, [
      { taskId: 't1', cpuCores: 1, windowMs: 2_000 },
      { taskId: 't2', cpuCores: 0.25, windowMs: 2_000 },
    ]);
    assert.deepEqual(s.take(), []);
    // a container replaced under the same task starts over; one that vanished is skipped
    running[0] = { taskId: 't1', containerId: 'c3' };
    cpu.set('c3', 100);
    cpu.delete('c2');
    now += 2_000;
    await s.sample();
    assert.deepEqual(s.take(), []);
    s.stop();
  });

  it('samples only while the leader asks', async () => {
    let calls = 0;
    const s = new AutoscaleCpuSampler({
      running: () => [{ taskId: 't', containerId: 'c' }],
      stats: async () => {
        calls++;
        return { cpuSeconds: calls, memoryBytes: 0, networkReceiveBytes: 0, networkTransmitBytes: 0 };
      },
      sampleEveryMs: 1,
    });
    s.wanted(false); // nothing is scheduled: no sampling starts
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 0);
    s.wanted(true);
    while (calls < 3) await new Promise((r) => setTimeout(r, 5));
    s.stop();
  });
});
