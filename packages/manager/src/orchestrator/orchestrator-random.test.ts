// Random scenarios against the real Orchestrator + Scheduler (store + LocalProposer, fake clock)
// with a fake agent per node: scale changes, crashing tasks, nodes going down / coming back,
// drains. After every step the cluster is driven until it settles, then invariants are checked:
// exactly N tasks meant to run, in distinct slots; none on a down or drained node; at most one
// active task per slot; history per slot within taskHistoryLimit; a global service's tasks on
// exactly the ready, non-drained nodes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClusterStore,
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  taskStateOrder,
  type Task,
} from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { FakeClock, prng, seedNote, testSeeds } from '@clusterctl/common/testing';
import { Scheduler } from '../scheduler/scheduler.js';
import { Orchestrator } from './orchestrator.js';

const HISTORY = 3;
const RUNNING = taskStateOrder('running');

async function scenario(seed: number, steps: number): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.floor(rnd() * xs.length)]);
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  await store.update((tx) =>
    tx.create('cluster', {
      id: DEFAULT_CLUSTER_ID,
      name: 'c',
      settings: { ...DEFAULT_CLUSTER_SETTINGS, taskHistoryLimit: HISTORY },
      joinTokenDigests: { worker: '', manager: '' },
    }),
  );
  const nodeIds = await store.update((tx) =>
    Array.from({ length: 4 }, (_, i) => tx.create('nodes', fixtures.newNode(`n${i}`)).id),
  );
  const svcId = await store.update(
    (tx) => tx.create('services', fixtures.newService('web', { mode: { kind: 'replicated', replicas: 3 } })).id,
  );
  const globalId = await store.update(
    (tx) => tx.create('services', fixtures.newService('agent', { mode: { kind: 'global' } })).id,
  );
  const clock = new FakeClock();
  const orch = new Orchestrator({ store, clock });
  const sched = new Scheduler({ store, clock });
  orch.start();
  sched.start();
  const tasks = (): Task[] => store.view((tx) => tx.findBy('tasks', 'serviceId', svcId));
  const allTasks = (): Task[] => store.view((tx) => tx.list('tasks'));
  const nodeUp = (id: string): boolean => store.view((tx) => tx.get('nodes', id)!.status.state === 'ready');

  /** Agents on live nodes: run what is assigned, stop what is meant to stop. */
  const agents = async (): Promise<void> => {
    await store.batch((b) => {
      for (const t of allTasks()) {
        if (t.nodeId === '' || !nodeUp(t.nodeId)) continue;
        const s = taskStateOrder(t.status.state);
        if (taskStateOrder(t.desiredState) <= RUNNING && s >= taskStateOrder('assigned') && s < RUNNING) {
          b.update(
            (tx) =>
              void tx.update('tasks', {
                ...t,
                status: { state: 'running', message: 'started', timestamp: clock.now() },
              }),
          );
        } else if (taskStateOrder(t.desiredState) > RUNNING && s <= RUNNING && s >= taskStateOrder('assigned')) {
          b.update(
            (tx) =>
              void tx.update('tasks', {
                ...t,
                status: { state: 'shutdown', message: 'stopped', timestamp: clock.now() },
              }),
          );
        }
      }
    });
  };

  const settle = async (): Promise<void> => {
    let stable = 0;
    for (let round = 0; round < 60 && stable < 3; round++) {
      const before = proposer.lastIndex;
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 0));
        await orch.idle();
      }
      await agents();
      clock.advance(11_000); // past any restart backoff
      stable = proposer.lastIndex === before ? stable + 1 : 0;
    }
    assert.ok(stable >= 3, `seed ${seed}: the cluster did not settle`);
  };

  const check = (what: string): void => {
    const replicas = store.view((tx) => {
      const m = tx.get('services', svcId)!.spec.mode;
      return m.kind === 'replicated' ? m.replicas : -1;
    });
    const ts = tasks();
    const active = ts.filter((t) => taskStateOrder(t.desiredState) <= RUNNING);
    const ctx = `seed ${seed} after ${what}`;
    assert.equal(active.length, replicas, `${ctx}: ${active.length} active tasks for ${replicas} replicas`);
    assert.equal(new Set(active.map((t) => t.slot)).size, active.length, `${ctx}: one active task per slot`);
    for (const t of active) {
      if (t.nodeId === '') continue;
      const n = store.view((tx) => tx.get('nodes', t.nodeId));
      assert.ok(
        n !== undefined && n.status.state === 'ready' && n.availability !== 'drain',
        `${ctx}: active task on an unusable node`,
      );
    }
    const anyReady = store.view((tx) =>
      tx.list('nodes').some((n) => n.status.state === 'ready' && n.availability === 'active'),
    );
    if (anyReady) {
      assert.ok(
        active.every((t) => t.status.state === 'running'),
        `${ctx}: all running when a node is usable`,
      );
      const env = store.view((tx) => tx.get('services', svcId)!.spec.env.join());
      assert.ok(
        active.every((t) => t.spec.env.join() === env),
        `${ctx}: every task runs the current spec (rolling update done)`,
      );
    }
    const bySlot = new Map<number, number>();
    for (const t of ts) bySlot.set(t.slot, (bySlot.get(t.slot) ?? 0) + 1);
    for (const [slot, n] of bySlot) assert.ok(n <= HISTORY, `${ctx}: slot ${slot} keeps ${n} tasks (limit ${HISTORY})`);
    // global: one running task on each ready, non-drained node, none elsewhere
    const g = store
      .view((tx) => tx.findBy('tasks', 'serviceId', globalId))
      .filter((t) => taskStateOrder(t.desiredState) <= RUNNING);
    const eligible = store
      .view((tx) =>
        tx
          .list('nodes')
          .filter((n) => n.status.state === 'ready' && n.availability !== 'drain')
          .map((n) => n.id),
      )
      .sort();
    assert.deepEqual(g.map((t) => t.nodeId).sort(), eligible, `${ctx}: global tasks on exactly the eligible nodes`);
    assert.ok(
      g.every((t) => t.status.state === 'running'),
      `${ctx}: global tasks running`,
    );
  };

  try {
    await settle();
    check('start');
    for (let step = 0; step < steps; step++) {
      const r = rnd();
      let what: string;
      if (r < 0.25) {
        const n = Math.floor(rnd() * 7);
        what = `scale to ${n}`;
        await store.update((tx) => {
          const s = tx.get('services', svcId)!;
          tx.update('services', { ...s, spec: { ...s.spec, mode: { kind: 'replicated', replicas: n } } });
        });
      } else if (r < 0.55) {
        const t = pick(
          allTasks().filter(
            (x) => x.status.state === 'running' && taskStateOrder(x.desiredState) <= RUNNING && nodeUp(x.nodeId),
          ),
        );
        what = `crash of ${t?.id ?? 'nothing'}`;
        if (t !== undefined)
          await store.update(
            (tx) =>
              void tx.update('tasks', {
                ...t,
                status: { state: 'failed', message: 'exit 1', timestamp: clock.now(), exitCode: 1 },
              }),
          );
      } else if (r < 0.62) {
        what = `update of the spec (env V=${step})`;
        await store.update((tx) => {
          const s = tx.get('services', svcId)!;
          tx.update('services', { ...s, spec: { ...s.spec, env: [`V=${step}`] } });
        });
      } else if (r < 0.8) {
        const id = pick(nodeIds)!;
        const up = nodeUp(id);
        what = `node ${id} ${up ? 'down' : 'up'}`;
        await store.update((tx) => {
          const n = tx.get('nodes', id)!;
          tx.update('nodes', { ...n, status: { state: up ? 'down' : 'ready', message: '', timestamp: clock.now() } });
        });
      } else {
        const id = pick(nodeIds)!;
        const drained = store.view((tx) => tx.get('nodes', id)!.availability === 'drain');
        what = `node ${id} ${drained ? 'active' : 'drain'}`;
        await store.update((tx) => {
          const n = tx.get('nodes', id)!;
          tx.update('nodes', { ...n, availability: drained ? 'active' : 'drain' });
        });
      }
      await settle();
      check(what);
    }
  } finally {
    await orch.stop();
    await sched.stop();
  }
}

test('random scale / crash / node down, up and drain sequences settle to the invariants', async (t) => {
  for (const seed of testSeeds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])) {
    t.diagnostic(seedNote(seed));
    await scenario(seed, 25);
  }
});
