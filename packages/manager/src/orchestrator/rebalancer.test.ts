import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Task } from '@clusterctl/store';
import { Rebalancer } from './rebalancer.js';
import { rolloutEnv, type RolloutEnv } from './testing/rollout-env.js';

/** Scheduler + agents of the test: unplaced tasks go round-robin onto `onto`, preset ones run where they are. */
async function place(e: RolloutEnv, onto: string[]): Promise<void> {
  let i = 0;
  await e.store.update((tx) => {
    for (const t of tx.list('tasks')) {
      if (t.desiredState === 'running' && (t.status.state === 'pending' || t.status.state === 'new'))
        tx.update('tasks', {
          ...t,
          nodeId: t.nodeId !== '' ? t.nodeId : onto[i++ % onto.length]!,
          status: { state: 'running', message: 'running', timestamp: e.clock.now() },
        });
      else if (t.desiredState !== 'running' && t.status.state === 'running')
        tx.update('tasks', { ...t, status: { state: 'shutdown', message: 'stopped', timestamp: e.clock.now() } });
    }
  });
  await e.settle();
}

async function setNode(e: RolloutEnv, id: string, state: 'ready' | 'down'): Promise<void> {
  await e.store.update((tx) => {
    const n = tx.get('nodes', id)!;
    tx.update('nodes', { ...n, status: { ...n.status, state } });
  });
  await e.settle();
}

function spread(e: RolloutEnv): number[] {
  return e.nodes.map((n) => e.running().filter((t) => t.nodeId === n).length);
}

/** Tasks that run and are meant to (what the engine would show). */
function up(e: RolloutEnv): Task[] {
  return e.tasks().filter((t) => t.desiredState === 'running' && t.status.state === 'running');
}

/** 6 replicas on 3 nodes, the third node down and back: 3/3/0 with the service at its count. */
async function returned(rebalance: boolean): Promise<RolloutEnv> {
  const e = await rolloutEnv(6, undefined, rebalance ? { rebalance: true } : {});
  assert.deepEqual(spread(e), [2, 2, 2]);
  await setNode(e, e.nodes[2]!, 'down');
  await place(e, e.nodes.slice(0, 2));
  await setNode(e, e.nodes[2]!, 'ready');
  assert.deepEqual(spread(e), [3, 3, 0]);
  e.clock.advance(10_000); // past the update monitor
  return e;
}

describe('rebalancer', () => {
  it('moves one task at a time to a returned node, start-first: the service never drops below its count', async () => {
    const e = await returned(true);
    const r = new Rebalancer({ store: e.store, clock: e.clock });
    try {
      await r.pass();
      await e.settle();
      // the moved task's copy on the returned node is pending; the original still runs
      const moving = e.running().filter((t) => t.nodeId === e.nodes[2]);
      assert.equal(moving.length, 1);
      assert.equal(moving[0]!.status.state, 'pending');
      assert.equal(up(e).length, 6);
      await r.pass(); // one move per service at a time
      assert.equal(e.running().length, 7);
      await place(e, []);
      assert.equal(up(e).length, 6);
      const moved = e.tasks().filter((t) => t.desiredState === 'shutdown' && t.status.state === 'running');
      assert.equal(moved.length, 1);
      assert.match(moved[0]!.status.message, /moved to node .* \(rebalance\)/);
      await place(e, []);
      assert.deepEqual(spread(e).slice(0, 2).sort(), [2, 3]);
      assert.equal(spread(e)[2], 1);
      // the next move waits for the interval (and the monitor)
      await r.pass();
      assert.equal(e.running().length, 6);
      e.clock.advance(10_000);
      await r.pass();
      await e.settle();
      assert.equal(up(e).length, 6);
      await place(e, []);
      assert.deepEqual(spread(e), [2, 2, 2]);
      e.clock.advance(10_000);
      await r.pass();
      assert.equal(e.running().length, 6); // even: nothing more
      assert.equal(r.stats.moves, 2);
    } finally {
      await e.orch.stop();
    }
  });

  it('leaves services that did not ask for it, and waits while an update is paused', async () => {
    const off = await returned(false);
    try {
      await new Rebalancer({ store: off.store, clock: off.clock }).pass();
      assert.deepEqual(spread(off), [3, 3, 0]);
      assert.equal(off.running().length, 6);
    } finally {
      await off.orch.stop();
    }
    const e = await returned(true);
    try {
      await e.setService((s) => ({
        ...s,
        updateStatus: { state: 'paused', startedAt: 1, completedAt: 0, message: 'm', failedTaskIds: [] },
      }));
      const r = new Rebalancer({ store: e.store, clock: e.clock });
      await r.pass();
      assert.equal(e.running().length, 6);
    } finally {
      await e.orch.stop();
    }
  });

  it('a moved task that never runs is called off and the original kept', async () => {
    const e = await returned(true);
    const r = new Rebalancer({ store: e.store, clock: e.clock, moveTimeoutMs: 30_000 });
    try {
      await r.pass();
      await e.settle();
      assert.equal(e.running().length, 7);
      e.clock.advance(20_000);
      await r.pass();
      assert.equal(e.running().length, 7);
      e.clock.advance(11_000);
      await r.pass();
      await e.settle();
      assert.equal(e.running().length, 6);
      assert.equal(up(e).length, 6);
      assert.deepEqual(spread(e), [3, 3, 0]);
      assert.equal(r.stats.cancelled, 1);
      // and the service is left alone for a while
      e.clock.advance(60_000);
      await r.pass();
      assert.equal(e.running().length, 6);
    } finally {
      await e.orch.stop();
    }
  });

  it('a new node that joins gets its share too', async () => {
    const e = await rolloutEnv(6, undefined, { rebalance: true });
    const r = new Rebalancer({ store: e.store, clock: e.clock, intervalMs: 1_000 });
    try {
      const { fixtures } = await import('@clusterctl/store/testing');
      const id = await e.store.update((tx) => tx.create('nodes', fixtures.newNode('h3')).id);
      e.nodes.push(id);
      await e.settle();
      e.clock.advance(10_000);
      for (let i = 0; i < 4; i++) {
        await r.pass();
        await e.settle();
        assert.ok(up(e).length >= 6);
        await place(e, []);
        e.clock.advance(10_000);
      }
      const s = spread(e).sort();
      assert.deepEqual(s, [1, 1, 2, 2]);
    } finally {
      await e.orch.stop();
    }
  });
});
