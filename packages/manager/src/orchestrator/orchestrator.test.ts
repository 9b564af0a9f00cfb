import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClusterStore,
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  type Service,
  type ServiceSpec,
  type Task,
  type TaskState,
} from '@clusterctl/store';
import { LocalProposer, fixtures, noLeaderError } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import { Orchestrator } from './orchestrator.js';

interface Env {
  store: ClusterStore;
  clock: FakeClock;
  orch: Orchestrator;
  settle(): Promise<void>;
  until(pred: () => boolean, what: string): Promise<void>;
  tasks(serviceId?: string): Task[];
  active(serviceId: string): Task[];
  setStatus(id: string, state: TaskState, over?: Partial<Task['status']>): Promise<void>;
  assign(id: string, nodeId: string, state?: TaskState): Promise<void>;
}

async function env(
  historyLimit = 5,
  proposerOut?: (p: LocalProposer) => void,
  maxTaskTxsPerPass?: number,
  maxTasksReadPerPass?: number,
): Promise<Env> {
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  proposerOut?.(proposer);
  store.setProposer(proposer);
  await store.update((tx) =>
    tx.create('cluster', {
      id: DEFAULT_CLUSTER_ID,
      name: 'c',
      settings: { ...DEFAULT_CLUSTER_SETTINGS, taskHistoryLimit: historyLimit },
      joinTokenDigests: { worker: '', manager: '' },
    }),
  );
  const clock = new FakeClock();
  const orch = new Orchestrator({
    store,
    clock,
    ...(maxTaskTxsPerPass === undefined ? {} : { maxTaskTxsPerPass }),
    ...(maxTasksReadPerPass === undefined ? {} : { maxTasksReadPerPass }),
  });
  const tasks = (serviceId?: string): Task[] =>
    store.view((tx) => (serviceId === undefined ? tx.list('tasks') : tx.findBy('tasks', 'serviceId', serviceId)));
  const e: Env = {
    store,
    clock,
    orch,
    tasks,
    active: (sid) =>
      tasks(sid).filter((t) =>
        ['new', 'pending', 'assigned', 'accepted', 'preparing', 'starting', 'running'].includes(t.desiredState),
      ),
    async settle() {
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setImmediate(r));
        await orch.idle();
      }
    },
    async until(pred, what) {
      for (let i = 0; i < 200; i++) {
        if (pred()) return;
        await e.settle();
      }
      assert.fail(`timed out waiting for ${what}`);
    },
    async setStatus(id, state, over = {}) {
      await store.update((tx) => {
        const t = tx.get('tasks', id)!;
        tx.update('tasks', { ...t, status: { ...t.status, state, message: state, timestamp: clock.now(), ...over } });
      });
    },
    async assign(id, nodeId, state = 'running') {
      await store.update((tx) => {
        const t = tx.get('tasks', id)!;
        tx.update('tasks', { ...t, nodeId, status: { state, message: state, timestamp: clock.now() } });
      });
    },
  };
  orch.start();
  return e;
}

async function createService(store: ClusterStore, name: string, over: Partial<ServiceSpec> = {}): Promise<Service> {
  const id = await store.update((tx) => tx.create('services', fixtures.newService(name, over)).id);
  return store.view((tx) => tx.get('services', id)!);
}

async function addNodes(store: ClusterStore, n: number): Promise<string[]> {
  return store.update((tx) => Array.from({ length: n }, (_, i) => tx.create('nodes', fixtures.newNode(`h${i}`)).id));
}

/** Plays scheduler + agents: puts every pending unassigned task on a node (round robin) running. */
async function runAll(e: Env, nodeIds: string[]): Promise<void> {
  let i = 0;
  for (const t of e.tasks()) {
    if (t.desiredState === 'running' && t.status.state === 'pending')
      await e.assign(t.id, t.nodeId !== '' ? t.nodeId : nodeIds[i++ % nodeIds.length]!);
  }
}

const replicated = (n: number): Partial<ServiceSpec> => ({ mode: { kind: 'replicated', replicas: n } });

describe('replicated orchestrator', () => {
  test('services created at once are reconciled over several passes of bounded size, every task created once', async () => {
    const e = await env(5, undefined, 3);
    try {
      const ids = await e.store.update((tx) =>
        [1, 2, 3, 4].map((i) => tx.create('services', fixtures.newService(`s${i}`, replicated(3))).id),
      );
      await e.until(() => e.tasks().length === 12, '12 tasks');
      await e.settle();
      assert.equal(e.tasks().length, 12);
      for (const id of ids)
        assert.deepEqual(
          e
            .tasks(id)
            .map((t) => t.slot)
            .sort(),
          [1, 2, 3],
        );
      // 3 task changes per service and a pass takes no more services once it has 3: one per pass
      assert.equal(e.orch.stats.passes, 4);
      assert.equal(e.orch.stats.created, 12);
    } finally {
      await e.orch.stop();
    }
  });

  test('a task reaching running outside a rollout needs no pass: the restart supervisor learns it at once', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 2);
      const svc = await createService(e.store, 'web', replicated(3));
      await e.until(() => e.tasks(svc.id).length === 3, '3 tasks');
      for (const [i, t] of e.tasks(svc.id).entries()) await e.assign(t.id, nodes[i % 2]!, 'starting');
      await e.settle();
      const observed: string[] = [];
      const observe = e.orch.supervisor.observe.bind(e.orch.supervisor);
      e.orch.supervisor.observe = (key, t, now) => {
        observed.push(`${key} ${t.status.state}`);
        observe(key, t, now);
      };
      const passes = e.orch.stats.passes;
      for (const t of e.tasks(svc.id)) await e.setStatus(t.id, 'running');
      await e.settle();
      assert.equal(e.orch.stats.passes, passes, 'no pass');
      assert.deepEqual(observed.sort(), [`${svc.id}/1 running`, `${svc.id}/2 running`, `${svc.id}/3 running`]);
      // an exit still gets its replacement
      const first = e.tasks(svc.id).find((t) => t.slot === 1)!;
      await e.setStatus(first.id, 'failed');
      await e.settle();
      e.clock.advance(1_000);
      await e.until(
        () => e.active(svc.id).length === 3 && e.active(svc.id).every((t) => t.id !== first.id),
        'replaced',
      );
    } finally {
      await e.orch.stop();
    }
  });

  test('a pass reads the tasks of a bounded number of services; the others are reconciled in the next passes', async () => {
    const e = await env(5, undefined, undefined, 5);
    try {
      const nodes = await addNodes(e.store, 2);
      const ids = await e.store.update((tx) =>
        [1, 2, 3].map((i) => tx.create('services', fixtures.newService(`s${i}`, replicated(3))).id),
      );
      await e.until(() => e.tasks().length === 9, '9 tasks');
      await runAll(e, nodes);
      await e.settle();
      const passes = e.orch.stats.passes;
      // every service scales 3 -> 4 at once: each needs a pass that reads its 3 tasks, and a pass
      // takes no more services once it read 5 tasks (two services)
      await e.store.update((tx) => {
        for (const id of ids) {
          const svc = tx.get('services', id)!;
          tx.update('services', { ...svc, spec: { ...svc.spec, mode: { kind: 'replicated', replicas: 4 } } });
        }
      });
      await e.until(() => e.tasks().length === 12, '12 tasks');
      await e.settle();
      assert.equal(e.orch.stats.passes - passes, 2);
      for (const id of ids) assert.equal(e.active(id).length, 4);
    } finally {
      await e.orch.stop();
    }
  });

  test('creates slots 1..N, scales up with new slots and down by removing surplus slots', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 3);
      const svc = await createService(e.store, 'web', replicated(3));
      await e.until(() => e.tasks(svc.id).length === 3, '3 tasks');
      assert.deepEqual(
        e
          .tasks(svc.id)
          .map((t) => t.slot)
          .sort(),
        [1, 2, 3],
      );
      assert.ok(
        e
          .tasks(svc.id)
          .every(
            (t) =>
              t.status.state === 'pending' &&
              t.nodeId === '' &&
              t.desiredState === 'running' &&
              t.serviceVersion === svc.meta.version,
          ),
      );
      await runAll(e, nodes);

      await e.store.update((tx) => {
        const s = tx.get('services', svc.id)!;
        tx.update('services', { ...s, spec: { ...s.spec, mode: { kind: 'replicated', replicas: 5 } } });
      });
      await e.until(() => e.active(svc.id).length === 5, '5 active');
      assert.deepEqual(
        e
          .active(svc.id)
          .map((t) => t.slot)
          .sort(),
        [1, 2, 3, 4, 5],
      );
      // scaling is not a spec change: the running tasks were kept
      assert.equal(e.tasks(svc.id).length, 5);

      await e.store.update((tx) => {
        const s = tx.get('services', svc.id)!;
        tx.update('services', { ...s, spec: { ...s.spec, mode: { kind: 'replicated', replicas: 2 } } });
      });
      await e.until(() => e.active(svc.id).length === 2, '2 active');
      // the two not-yet-running slots (4, 5) go first, then the highest running slot; unassigned
      // tasks are deleted at once, the running one once its container stopped
      await e.until(() => e.tasks(svc.id).length === 3, 'unassigned removed tasks deleted');
      assert.deepEqual(
        e
          .tasks(svc.id)
          .filter((t) => t.desiredState === 'remove')
          .map((t) => t.slot),
        [3],
      );
      const slot3 = e.tasks(svc.id).find((t) => t.slot === 3)!;
      await e.setStatus(slot3.id, 'shutdown');
      await e.until(() => e.tasks(svc.id).length === 2, 'slot 3 deleted');
      assert.deepEqual(
        e
          .tasks(svc.id)
          .map((t) => t.slot)
          .sort(),
        [1, 2],
      );
    } finally {
      await e.orch.stop();
    }
  });

  test('a failed task is replaced in its slot after a backoff doubling from 100 ms; old task shut down', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 1);
      const svc = await createService(e.store, 'crash', replicated(1));
      await e.until(() => e.tasks(svc.id).length === 1, 'task');
      await runAll(e, nodes);
      const delays: number[] = [];
      for (let round = 0; round < 4; round++) {
        const cur = e.active(svc.id)[0]!;
        if (cur.status.state !== 'running') await e.assign(cur.id, nodes[0]!);
        await e.setStatus(cur.id, 'failed', { exitCode: 1 });
        await e.settle();
        assert.equal(e.tasks(svc.id).length, round + 1, 'no replacement before the delay');
        let waited = 0;
        while (e.tasks(svc.id).length === round + 1) {
          e.clock.advance(50);
          waited += 50;
          await e.settle();
          assert.ok(waited <= 10_000, 'replaced within the cap');
        }
        delays.push(waited);
        const old = e.store.view((tx) => tx.get('tasks', cur.id))!;
        assert.equal(old.desiredState, 'shutdown');
        const repl = e.active(svc.id);
        assert.equal(repl.length, 1);
        assert.equal(repl[0]!.slot, 1);
        assert.notEqual(repl[0]!.id, cur.id);
      }
      assert.deepEqual(delays, [100, 200, 400, 800]);
    } finally {
      await e.orch.stop();
    }
  });

  test('backoff resets after a stable run', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 1);
      const svc = await createService(e.store, 'x', replicated(1));
      await e.until(() => e.tasks(svc.id).length === 1, 'task');
      await runAll(e, nodes);
      // two quick crashes: 100, 200
      for (const expect of [100, 200]) {
        const cur = e.active(svc.id)[0]!;
        if (cur.status.state !== 'running') await e.assign(cur.id, nodes[0]!);
        await e.setStatus(cur.id, 'failed');
        await e.settle();
        e.clock.advance(expect - 1);
        await e.settle();
        assert.equal(e.active(svc.id)[0]!.id, cur.id, `still waiting before ${expect} ms`);
        e.clock.advance(1);
        await e.until(() => e.active(svc.id)[0]!.id !== cur.id, 'replaced');
      }
      const cur = e.active(svc.id)[0]!;
      await e.assign(cur.id, nodes[0]!);
      await e.settle();
      e.clock.advance(10_000); // ran stably
      await e.setStatus(cur.id, 'failed');
      await e.settle();
      e.clock.advance(100);
      await e.until(() => e.active(svc.id)[0]!.id !== cur.id, 'replaced after 100 ms again');
    } finally {
      await e.orch.stop();
    }
  });

  test('restart conditions none and on-failure, and max attempts, leave the slot finished', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 1);
      const none = await createService(e.store, 'none', {
        ...replicated(1),
        restartPolicy: { condition: 'none', delayMs: 100, maxAttempts: 0 },
      });
      const onf = await createService(e.store, 'onf', {
        ...replicated(1),
        restartPolicy: { condition: 'on-failure', delayMs: 100, maxAttempts: 0 },
      });
      const max = await createService(e.store, 'max', {
        ...replicated(1),
        restartPolicy: { condition: 'any', delayMs: 100, maxAttempts: 1 },
      });
      await e.until(() => e.tasks().length === 3, 'tasks');
      await runAll(e, nodes);
      await e.setStatus(e.tasks(none.id)[0]!.id, 'failed', { exitCode: 1 });
      await e.setStatus(e.tasks(onf.id)[0]!.id, 'complete', { exitCode: 0 });
      await e.setStatus(e.tasks(max.id)[0]!.id, 'failed', { exitCode: 1 });
      await e.settle();
      e.clock.advance(100);
      await e.until(() => e.tasks(max.id).length === 2, 'max: one restart');
      const second = e.active(max.id)[0]!;
      await e.assign(second.id, nodes[0]!);
      await e.setStatus(second.id, 'failed', { exitCode: 2 });
      await e.settle();
      e.clock.advance(60_000);
      await e.settle();
      assert.equal(e.tasks(max.id).length, 2, 'no second restart');
      for (const s of [none, onf, max]) {
        const ts = e.tasks(s.id);
        assert.ok(
          ts.every((t) => t.desiredState !== 'running'),
          `${s.spec.name}: nothing meant to run`,
        );
        assert.ok(
          ts.some((t) => t.desiredState === 'complete'),
          `${s.spec.name}: slot finished`,
        );
      }
      assert.equal(e.tasks(none.id).length, 1);
      assert.equal(e.tasks(onf.id).length, 1);
      // on-failure with a failure restarts
      const onf2 = await createService(e.store, 'onf2', {
        ...replicated(1),
        restartPolicy: { condition: 'on-failure', delayMs: 100, maxAttempts: 0 },
      });
      await e.until(() => e.tasks(onf2.id).length === 1, 'task');
      await runAll(e, nodes);
      await e.setStatus(e.tasks(onf2.id)[0]!.id, 'failed', { exitCode: 3 });
      await e.settle();
      e.clock.advance(100);
      await e.until(() => e.tasks(onf2.id).length === 2, 'restarted on failure');
    } finally {
      await e.orch.stop();
    }
  });

  test('tasks on a down or drained node are replaced at once (no backoff); paused nodes keep theirs', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 4);
      const svc = await createService(e.store, 'web', replicated(4));
      await e.until(() => e.tasks(svc.id).length === 4, 'tasks');
      await runAll(e, nodes);
      const on = (n: string): Task => e.tasks(svc.id).find((t) => t.nodeId === n && t.desiredState === 'running')!;
      const t0 = on(nodes[0]!);
      const t1 = on(nodes[1]!);
      const t2 = on(nodes[2]!);
      await e.store.update((tx) => {
        const a = tx.get('nodes', nodes[0]!)!;
        tx.update('nodes', { ...a, status: { state: 'down', message: 'heartbeat failure', timestamp: 1 } });
        const b = tx.get('nodes', nodes[1]!)!;
        tx.update('nodes', { ...b, availability: 'drain' });
        const c = tx.get('nodes', nodes[2]!)!;
        tx.update('nodes', { ...c, availability: 'pause' });
      });
      await e.until(() => e.active(svc.id).filter((t) => t.nodeId === '').length === 2, 'two replacements');
      const get = (id: string): Task => e.store.view((tx) => tx.get('tasks', id))!;
      assert.equal(get(t0.id).desiredState, 'shutdown');
      assert.equal(get(t0.id).status.message, 'node down');
      assert.equal(get(t1.id).desiredState, 'shutdown');
      assert.equal(get(t1.id).status.message, 'node drained');
      assert.equal(get(t2.id).desiredState, 'running');
      assert.deepEqual(
        e
          .active(svc.id)
          .map((t) => t.slot)
          .sort(),
        [1, 2, 3, 4],
      );
      assert.equal(e.active(svc.id).length, 4);
    } finally {
      await e.orch.stop();
    }
  });

  test('history per slot is trimmed to taskHistoryLimit once dead tasks are gone', async () => {
    const e = await env(3);
    try {
      const nodes = await addNodes(e.store, 1);
      const svc = await createService(e.store, 'h', {
        ...replicated(1),
        restartPolicy: { condition: 'any', delayMs: 1, maxAttempts: 0 },
      });
      await e.until(() => e.tasks(svc.id).length === 1, 'task');
      for (let i = 0; i < 6; i++) {
        const cur = e.active(svc.id)[0]!;
        await e.assign(cur.id, nodes[0]!);
        await e.setStatus(cur.id, 'failed');
        await e.settle();
        e.clock.advance(10_000);
        await e.until(() => e.active(svc.id)[0]!.id !== cur.id, 'replaced');
      }
      await e.settle();
      const ts = e.tasks(svc.id);
      assert.equal(ts.length, 3, 'current + 2 dead');
      assert.equal(ts.filter((t) => t.desiredState === 'running').length, 1);
    } finally {
      await e.orch.stop();
    }
  });

  test('a removed service: tasks told to remove, deleted once stopped (unassigned and down-node ones at once)', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 2);
      const svc = await createService(e.store, 'gone', replicated(3));
      await e.until(() => e.tasks(svc.id).length === 3, 'tasks');
      const [a, b] = e.tasks(svc.id);
      await e.assign(a!.id, nodes[0]!);
      await e.assign(b!.id, nodes[1]!);
      await e.store.update((tx) => {
        const n = tx.get('nodes', nodes[1]!)!;
        tx.update('nodes', { ...n, status: { state: 'down', message: '', timestamp: 0 } });
      });
      await e.settle();
      await e.store.update((tx) => tx.delete('services', svc.id));
      await e.until(() => e.tasks(svc.id).length === 1, 'only the running task remains');
      const left = e.tasks(svc.id)[0]!;
      assert.equal(left.id, a!.id);
      assert.equal(left.desiredState, 'remove');
      await e.setStatus(left.id, 'shutdown');
      await e.until(() => e.tasks(svc.id).length === 0, 'all deleted');
    } finally {
      await e.orch.stop();
    }
  });

  test('a spec change replaces tasks one at a time (stop-first, next once the new one ran for the monitor); a leader restart does not touch healthy tasks', async () => {
    const e = await env();
    const nodes = await addNodes(e.store, 2);
    const svc = await createService(e.store, 'u', replicated(2));
    await e.until(() => e.tasks(svc.id).length === 2, 'tasks');
    await runAll(e, nodes);
    const before = e
      .tasks(svc.id)
      .map((t) => `${t.id}:${t.meta.version}`)
      .sort();
    await e.orch.stop();
    // a new leader's orchestrator starts over the same state: nothing to do
    const orch2 = new Orchestrator({ store: e.store, clock: e.clock });
    orch2.start();
    try {
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setImmediate(r));
        await orch2.idle();
      }
      assert.deepEqual(
        e
          .tasks(svc.id)
          .map((t) => `${t.id}:${t.meta.version}`)
          .sort(),
        before,
      );
      await e.store.update((tx) => {
        const s = tx.get('services', svc.id)!;
        tx.update('services', { ...s, spec: { ...s.spec, env: ['A=1'] } });
      });
      const settle2 = async (): Promise<void> => {
        for (let i = 0; i < 6; i++) {
          await new Promise((r) => setImmediate(r));
          await orch2.idle();
        }
      };
      await settle2();
      // rolling: one slot at a time, the next once the new task ran for the monitor (default 5 s)
      let ts = e.tasks(svc.id);
      assert.equal(ts.length, 3);
      assert.equal(ts.filter((t) => t.desiredState === 'shutdown').length, 1);
      const fresh = ts.find((t) => t.spec.env[0] === 'A=1')!;
      await e.assign(fresh.id, nodes[0]!, 'starting');
      await settle2();
      assert.equal(e.tasks(svc.id).length, 3, 'not before the new task runs');
      await e.assign(fresh.id, nodes[0]!, 'running');
      await settle2();
      assert.equal(e.tasks(svc.id).length, 3, 'not before the new task ran for the monitor');
      e.clock.advance(4999);
      await settle2();
      assert.equal(e.tasks(svc.id).length, 3, 'not 1 ms before the monitor ends');
      e.clock.advance(1);
      await settle2();
      ts = e.tasks(svc.id);
      assert.equal(ts.length, 4);
      assert.equal(ts.filter((t) => t.desiredState === 'shutdown').length, 2);
      assert.ok(ts.filter((t) => t.desiredState === 'running').every((t) => t.spec.env[0] === 'A=1'));
    } finally {
      await orch2.stop();
    }
  });
});

describe('global orchestrator', () => {
  test('one task per eligible node, nodes joining later included; drained/down nodes lose theirs; constraints', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 2);
      const svc = await createService(e.store, 'agent', { mode: { kind: 'global' } });
      await e.until(() => e.tasks(svc.id).length === 2, 'one per node');
      assert.deepEqual(
        e
          .tasks(svc.id)
          .map((t) => t.nodeId)
          .sort(),
        [...nodes].sort(),
      );
      assert.ok(e.tasks(svc.id).every((t) => t.slot === 0 && t.status.state === 'pending'));
      await runAll(e, nodes);
      const [late] = await addNodes(e.store, 1);
      await e.until(() => e.active(svc.id).some((t) => t.nodeId === late), 'task on the late node');
      await e.store.update((tx) => {
        const n = tx.get('nodes', nodes[0]!)!;
        tx.update('nodes', { ...n, availability: 'drain' });
      });
      await e.until(() => !e.active(svc.id).some((t) => t.nodeId === nodes[0]), 'drained node task shut down');
      assert.equal(e.active(svc.id).length, 2, 'no replacement elsewhere');
      // removed node: its task goes
      await e.store.update((tx) => tx.delete('nodes', late!));
      await e.until(() => !e.tasks(svc.id).some((t) => t.nodeId === late), 'removed node tasks deleted');

      const mgr = await createService(e.store, 'mgr-only', {
        mode: { kind: 'global' },
        constraints: ['node.role==manager'],
      });
      await e.settle();
      assert.equal(e.tasks(mgr.id).length, 0);
      await e.store.update((tx) => {
        const n = tx.get('nodes', nodes[1]!)!;
        tx.update('nodes', { ...n, role: 'manager' });
      });
      await e.until(() => e.tasks(mgr.id).length === 1, 'task on the new manager');
      assert.equal(e.tasks(mgr.id)[0]!.nodeId, nodes[1]);
    } finally {
      await e.orch.stop();
    }
  });

  test('without a leader the orchestrator retries after a delay instead of spinning', async () => {
    let proposer: LocalProposer | undefined;
    const e = await env(5, (p) => (proposer = p));
    try {
      await e.orch.stop();
      const svc = await createService(e.store, 'x', replicated(2));
      proposer!.failWith = noLeaderError();
      const orch = new Orchestrator({ store: e.store, clock: e.clock });
      orch.start();
      try {
        for (let i = 0; i < 20; i++) {
          await new Promise((r) => setImmediate(r));
          await orch.idle();
        }
        assert.equal(orch.stats.passes, 1, 'one attempt, then it waits');
        assert.equal(e.tasks(svc.id).length, 0);
        proposer!.failWith = undefined;
        e.clock.advance(200);
        for (let i = 0; i < 200 && e.tasks(svc.id).length < 2; i++) {
          await new Promise((r) => setImmediate(r));
          await orch.idle();
        }
        assert.equal(e.tasks(svc.id).length, 2);
      } finally {
        await orch.stop();
      }
    } finally {
      await e.orch.stop();
    }
  });

  test('global: a crashed task restarts on the same node after the backoff', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 2);
      const svc = await createService(e.store, 'g', { mode: { kind: 'global' } });
      await e.until(() => e.tasks(svc.id).length === 2, 'one per node');
      await runAll(e, nodes);
      const t = e.tasks(svc.id).find((x) => x.nodeId === nodes[0])!;
      await e.setStatus(t.id, 'failed', { exitCode: 1 });
      await e.settle();
      assert.equal(e.tasks(svc.id).length, 2, 'waits for the backoff');
      e.clock.advance(100);
      await e.until(
        () => e.active(svc.id).some((x) => x.nodeId === nodes[0] && x.id !== t.id),
        'restarted on the same node',
      );
      assert.equal(e.active(svc.id).length, 2);
    } finally {
      await e.orch.stop();
    }
  });
});

describe('races', () => {
  test('a task placed on a node just after it was drained is replaced', async () => {
    const e = await env();
    try {
      const nodes = await addNodes(e.store, 2);
      const svc = await createService(e.store, 'r', replicated(1));
      await e.until(() => e.tasks(svc.id).length === 1, 'task');
      await e.store.update((tx) => {
        const n = tx.get('nodes', nodes[0]!)!;
        tx.update('nodes', { ...n, availability: 'drain' });
      });
      await e.settle();
      // a scheduler that placed it from a view before the drain commits late
      const t = e.tasks(svc.id)[0]!;
      await e.assign(t.id, nodes[0]!, 'assigned');
      await e.until(() => e.active(svc.id).some((x) => x.id !== t.id), 'replaced');
      assert.equal(e.store.view((tx) => tx.get('tasks', t.id))!.desiredState, 'shutdown');
    } finally {
      await e.orch.stop();
    }
  });
});
