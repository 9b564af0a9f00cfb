import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Task } from '@clusterctl/store';
import { fixtures } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import { RestartSupervisor } from './restart-supervisor.js';

function task(id: string, state: Task['status']['state'], exitCode?: number): Task {
  const t = fixtures.newTask('s', 1, fixtures.serviceSpec('s'), {
    status: { state, message: '', timestamp: 0, ...(exitCode === undefined ? {} : { exitCode }) },
  });
  return { ...t, id, meta: { version: 1, createdAt: 0, updatedAt: 0 } } as Task;
}

/** Delays the supervisor asks for, restart after restart. */
function delays(policy: Parameters<RestartSupervisor['decide']>[3], n: number, cfg = {}): number[] {
  const clock = new FakeClock();
  const sup = new RestartSupervisor(clock, () => {}, cfg);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = task(`t${i}`, 'failed', 1);
    const d = sup.decide('s/1', 's', t, policy, clock.now());
    if (d.kind !== 'wait') {
      out.push(d.kind === 'restart' ? 0 : -1);
      continue;
    }
    const wait = d.dueAt - clock.now();
    clock.advance(wait);
    const again = sup.decide('s/1', 's', t, policy, clock.now());
    assert.equal(again.kind, 'restart');
    out.push(wait);
  }
  sup.stop();
  return out;
}

test('backoff doubles from the policy delay and is capped; a longer chosen delay is kept', () => {
  assert.deepEqual(
    delays({ condition: 'any', delayMs: 100, maxAttempts: 0 }, 9),
    [100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000],
  );
  assert.deepEqual(delays({ condition: 'any', delayMs: 0, maxAttempts: 0 }, 2), [100, 200], '0 means the default');
  assert.deepEqual(delays({ condition: 'any', delayMs: 30_000, maxAttempts: 0 }, 2), [30_000, 30_000]);
  assert.deepEqual(
    delays({ condition: 'any', delayMs: 100, maxAttempts: 0 }, 3, { backoffMaxMs: 250 }),
    [100, 200, 250],
  );
});

test('max attempts within a window: counted only inside the window', () => {
  const clock = new FakeClock();
  const sup = new RestartSupervisor(clock, () => {});
  const policy = { condition: 'any' as const, delayMs: 1, maxAttempts: 2, windowMs: 60_000 };
  const restartOnce = (id: string): string => {
    const t = task(id, 'failed', 1);
    const d = sup.decide('k', 's', t, policy, clock.now());
    if (d.kind !== 'wait') return d.kind;
    clock.advance(d.dueAt - clock.now());
    return sup.decide('k', 's', t, policy, clock.now()).kind;
  };
  assert.equal(restartOnce('a'), 'restart');
  assert.equal(restartOnce('b'), 'restart');
  assert.equal(restartOnce('c'), 'finish');
  clock.advance(60_001);
  assert.equal(restartOnce('d'), 'restart', 'older attempts left the window');
  sup.stop();
});
