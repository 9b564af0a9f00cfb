import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { Label } from '../executor/index.js';
import { FakeExecutor } from '../testing/fake-executor.js';
import { ASSIGNMENTS_FILE, AssignmentStore } from './assignment-store.js';
import { stateOrder, type AgentTask, type AgentTaskStatus } from './task-model.js';
import { Worker } from './worker.js';

const IMAGE = 'clusterctl/busybox:local';
const CLUSTER = 'c1';
const NODE = 'node-a';

function task(id: string, over: Partial<AgentTask> = {}): AgentTask {
  return {
    id,
    serviceId: 'svc1',
    serviceName: 'web',
    slot: 1,
    nodeId: NODE,
    desiredState: 'running',
    spec: { image: IMAGE },
    managerState: 'assigned',
    ...over,
  };
}

let dir: string;
let fake: FakeExecutor;
let reports: Array<{ taskId: string; status: AgentTaskStatus }>;
const workers: Worker[] = [];

function newWorker(): Worker {
  const w = new Worker({
    executor: fake,
    clusterId: CLUSTER,
    nodeId: NODE,
    dir,
    log: silentLogger(),
    stopGraceMs: 1500,
    retryDelayMs: 20,
    onStatus: (taskId, status) => reports.push({ taskId, status }),
  });
  workers.push(w);
  return w;
}

function statesOf(taskId: string): string[] {
  return reports.filter((r) => r.taskId === taskId).map((r) => r.status.state);
}

const labelCache = new Map<string, Record<string, string>>();
async function refreshLabels(): Promise<void> {
  for (const c of await fake.list({ all: true })) labelCache.set(c.id, c.labels);
}
function containersOf(taskId: string): string[] {
  return fake.containerIds().filter((id) => labelCache.get(id)?.[Label.TaskId] === taskId);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-worker-'));
  fake = new FakeExecutor({ images: [IMAGE] });
  reports = [];
  labelCache.clear();
});

afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Worker', () => {
  test('a complete assignment starts each task once; statuses go forward through the lifecycle', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('t1'), task('t2', { slot: 2 })], remove: [] });
    await w.settle();
    await refreshLabels();
    for (const id of ['t1', 't2']) {
      assert.deepEqual(statesOf(id), ['accepted', 'preparing', 'starting', 'running']);
      assert.equal(containersOf(id).length, 1);
      const info = await fake.inspect(w.containerOf(id)!);
      assert.equal(info.running, true);
      assert.equal(info.labels[Label.NodeId], NODE);
    }
    // The same assignment again (e.g. after a reconnect) changes nothing.
    await w.apply({ complete: true, update: [task('t1'), task('t2', { slot: 2 })], remove: [] });
    await w.settle();
    assert.equal(fake.calls.filter((c) => c.op === 'create').length, 2);
    assert.equal(fake.calls.filter((c) => c.op === 'start').length, 2);
  });

  test('container exits are reported as complete / failed with the exit code, promptly', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('ok'), task('bad', { slot: 2 })], remove: [] });
    await w.settle();
    fake.exit(w.containerOf('ok')!, 0);
    fake.exit(w.containerOf('bad')!, 3);
    await w.settle();
    const last = (id: string) => reports.filter((r) => r.taskId === id).at(-1)!.status;
    assert.equal(last('ok').state, 'complete');
    assert.equal(last('ok').exitCode, 0);
    assert.equal(last('bad').state, 'failed');
    assert.equal(last('bad').exitCode, 3);
    assert.match(last('bad').err ?? '', /non-zero exit \(3\)/);
    // A finished task is not restarted by the agent (the orchestrator replaces it).
    assert.equal(fake.calls.filter((c) => c.op === 'start').length, 2);
  });

  test('desired shutdown stops with the grace period and removes the container', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('t1')], remove: [] });
    await w.settle();
    const cid = w.containerOf('t1')!;
    await w.apply({
      complete: false,
      update: [task('t1', { desiredState: 'shutdown', managerState: 'running' })],
      remove: [],
    });
    await w.settle();
    assert.deepEqual(
      fake.stops.map((s) => [s.id, s.graceMs]),
      [[cid, 1500]],
    );
    assert.deepEqual(fake.containerIds(), []);
    assert.equal(statesOf('t1').at(-1), 'shutdown');
  });

  test('tasks no longer assigned (incremental remove or absent from a complete set) lose their containers', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({
      complete: true,
      update: [task('t1'), task('t2', { slot: 2 }), task('t3', { slot: 3 })],
      remove: [],
    });
    await w.settle();
    const keep = w.containerOf('t3');
    await w.apply({ complete: false, update: [], remove: ['t1'] });
    await w.settle();
    assert.equal(w.containerOf('t1'), undefined);
    await w.apply({ complete: true, update: [task('t3', { slot: 3 })], remove: [] });
    await w.settle();
    assert.deepEqual(fake.containerIds(), [keep]);
    assert.deepEqual(
      w.tasks().map((t) => t.task.id),
      ['t3'],
    );
  });

  test('a missing image rejects the task with the reason', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('t1', { spec: { image: 'nosuch/image:1' } })], remove: [] });
    await w.settle();
    const last = reports.filter((r) => r.taskId === 't1').at(-1)!.status;
    assert.equal(last.state, 'rejected');
    assert.match(last.err ?? '', /nosuch\/image/);
    assert.deepEqual(fake.containerIds(), []);
  });

  test('a restarted worker adopts its running containers (no duplicates), keeps them with no manager, reports exits it missed', async () => {
    const w1 = newWorker();
    await w1.start();
    await w1.apply({ complete: true, update: [task('t1'), task('t2', { slot: 2 })], remove: [] });
    await w1.settle();
    const c1 = w1.containerOf('t1')!;
    const c2 = w1.containerOf('t2')!;
    await w1.close();
    workers.splice(workers.indexOf(w1), 1);
    assert.ok(JSON.parse(readFileSync(join(dir, ASSIGNMENTS_FILE), 'utf8')).tasks.length === 2);
    // While the agent is down, t2's container crashes.
    fake.exit(c2, 7);
    const creates = fake.calls.filter((c) => c.op === 'create').length;
    reports = [];

    const w2 = newWorker();
    await w2.start();
    await w2.settle();
    assert.equal(fake.calls.filter((c) => c.op === 'create').length, creates, 'no container created on restart');
    assert.equal(w2.containerOf('t1'), c1);
    assert.equal((await fake.inspect(c1)).running, true);
    assert.deepEqual(statesOf('t1'), [], 'nothing new to say about t1');
    assert.deepEqual(statesOf('t2'), ['failed']);
    assert.equal(reports.find((r) => r.taskId === 't2')!.status.exitCode, 7);

    // The watcher is attached again: a later exit is reported too.
    fake.exit(c1, 0);
    await w2.settle();
    assert.equal(statesOf('t1').at(-1), 'complete');
  });

  test("strays: containers of this node with no assigned task are removed on the first complete set; other nodes' are not touched", async () => {
    const stray = await fake.create({
      ids: { clusterId: CLUSTER, serviceId: 's', taskId: 'old', nodeId: NODE, slot: 1 },
      spec: { image: IMAGE },
    });
    await fake.start(stray);
    const other = await fake.create({
      ids: { clusterId: CLUSTER, serviceId: 's', taskId: 'theirs', nodeId: 'node-b', slot: 1 },
      spec: { image: IMAGE },
    });
    await fake.start(other);
    const w = newWorker();
    await w.start();
    await w.settle();
    assert.equal((await fake.inspect(stray)).running, true, 'left alone until the manager speaks');
    await w.apply({ complete: true, update: [task('t1')], remove: [] });
    await w.settle();
    const ids = fake.containerIds();
    assert.ok(!ids.includes(stray));
    assert.ok(ids.includes(other));
    assert.equal(ids.length, 2);
  });

  test('a task the manager saw running but whose container is gone is reported failed, not re-run', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('t1', { managerState: 'running' })], remove: [] });
    await w.settle();
    assert.deepEqual(statesOf('t1'), ['failed']);
    assert.deepEqual(fake.containerIds(), []);
  });

  test('statuses never go backwards, and re-sent ones reach a manager that lags behind', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('t1')], remove: [] });
    await w.settle();
    for (const id of ['t1']) {
      const seq = statesOf(id).map(stateOrder);
      assert.deepEqual(
        seq,
        [...seq].sort((a, b) => a - b),
      );
    }
    reports = [];
    // A new leader's complete set says 'assigned' (the running report was lost): it is sent again.
    await w.apply({ complete: true, update: [task('t1', { managerState: 'assigned' })], remove: [] });
    await w.settle();
    assert.deepEqual(statesOf('t1'), ['running']);
  });

  test('engine failures are retried, not turned into rejections', async () => {
    const { ClusterError, ErrorCode } = await import('@clusterctl/common');
    fake.failNext('create', new ClusterError(ErrorCode.Unavailable, 'engine down'));
    const w = newWorker();
    await w.start();
    await w.apply({ complete: true, update: [task('t1')], remove: [] });
    // Wait on state: the retry (after retryDelayMs) creates it.
    await waitFor(
      't1 running',
      async () => {
        await w.settle();
        return statesOf('t1').at(-1) === 'running';
      },
      { intervalMs: 10 },
    );
    assert.ok(!statesOf('t1').includes('rejected'));
  });
});

describe('Worker: what a new task costs the engine', () => {
  const opsSince = (n: number) => fake.calls.slice(n).map((c) => c.op);

  test('a task new to the node: create then start, nothing before or between (no listing, no image check, no inspect)', async () => {
    const w = newWorker();
    await w.start();
    const n = fake.calls.length;
    await w.apply({ complete: false, update: [task('t1')], remove: [] });
    await w.settle();
    assert.deepEqual(statesOf('t1'), ['accepted', 'preparing', 'starting', 'running']);
    // wait: the watcher for its exit, after 'running'.
    assert.deepEqual(opsSince(n), ['create', 'start', 'wait']);
    assert.equal((await fake.inspect(w.containerOf('t1')!)).running, true);
  });

  test("once it runs, the manager's updates of the task (its state confirmed) ask the engine nothing", async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: false, update: [task('t1')], remove: [] });
    await w.settle();
    const n = fake.calls.length;
    await w.apply({ complete: false, update: [task('t1', { managerState: 'running' })], remove: [] });
    await w.settle();
    await w.apply({ complete: false, update: [task('t1', { managerState: 'running' })], remove: [] });
    await w.settle();
    assert.deepEqual(opsSince(n), []);
    assert.deepEqual(statesOf('t1'), ['accepted', 'preparing', 'starting', 'running']);
    // its exit still reaches the runner through the watcher
    fake.exit(w.containerOf('t1')!, 3);
    await waitFor('t1 failed', async () => {
      await w.settle();
      return statesOf('t1').at(-1) === 'failed';
    });
  });

  test('a task shut down and then taken off the node: its container is stopped and removed once, never looked for again', async () => {
    const w = newWorker();
    await w.start();
    await w.apply({ complete: false, update: [task('t1')], remove: [] });
    await w.settle();
    const cid = w.containerOf('t1')!;
    const n = fake.calls.length;
    await w.apply({
      complete: false,
      update: [task('t1', { desiredState: 'shutdown', managerState: 'running' })],
      remove: [],
    });
    await w.settle();
    assert.equal(statesOf('t1').at(-1), 'shutdown');
    assert.deepEqual(fake.containerIds(), []);
    const m = fake.calls.length;
    assert.ok(fake.calls.slice(n).some((c) => c.op === 'remove' && c.arg === cid));
    await w.apply({ complete: false, update: [], remove: ['t1'] });
    await w.settle();
    assert.deepEqual(opsSince(m), []);
    assert.equal(w.containerOf('t1'), undefined);
  });

  test('a container of the task that appeared after start-up (same name) is adopted on the create conflict, not duplicated', async () => {
    const w = newWorker();
    await w.start();
    const other = await fake.create({
      ids: { clusterId: CLUSTER, serviceId: 'svc1', serviceName: 'web', taskId: 't1', nodeId: NODE, slot: 1 },
      spec: { image: IMAGE },
    });
    await w.apply({ complete: false, update: [task('t1')], remove: [] });
    await w.settle();
    assert.equal(w.containerOf('t1'), other);
    assert.deepEqual(fake.containerIds(), [other]);
    assert.equal((await fake.inspect(other)).running, true);
    assert.equal(statesOf('t1').at(-1), 'running');
  });

  test('after an engine failure at create, the retry looks for the container before creating again', async () => {
    const { ClusterError, ErrorCode } = await import('@clusterctl/common');
    fake.failNext('create', new ClusterError(ErrorCode.Timeout, 'engine slow'));
    const w = newWorker();
    await w.start();
    const n = fake.calls.length;
    await w.apply({ complete: false, update: [task('t1')], remove: [] });
    await waitFor(
      't1 running',
      async () => {
        await w.settle();
        return statesOf('t1').at(-1) === 'running';
      },
      { intervalMs: 10 },
    );
    assert.deepEqual(opsSince(n), ['create', 'list', 'create', 'start', 'wait']);
  });

  test('with its state file lost, a container found at start-up is adopted at once for an incremental assignment (no listing, no create)', async () => {
    const w1 = newWorker();
    await w1.start();
    await w1.apply({ complete: false, update: [task('t1')], remove: [] });
    await w1.settle();
    const cid = w1.containerOf('t1')!;
    await w1.close();
    workers.splice(workers.indexOf(w1), 1);
    rmSync(join(dir, ASSIGNMENTS_FILE));
    reports = [];
    const w2 = newWorker();
    await w2.start();
    await w2.settle();
    const n = fake.calls.length;
    await w2.apply({ complete: false, update: [task('t1', { managerState: 'assigned' })], remove: [] });
    await w2.settle();
    assert.equal(w2.containerOf('t1'), cid);
    assert.deepEqual(opsSince(n), ['inspect', 'wait']);
    assert.deepEqual(fake.containerIds(), [cid]);
    assert.deepEqual(statesOf('t1'), ['starting', 'running']);
  });
});

describe('Worker: the assigned set on disk before anything starts', () => {
  /** The real store, with each write held until the test releases it (or failing once). */
  function gatedStore() {
    const real = new AssignmentStore(dir);
    const held: Array<() => void> = [];
    /** Every set the worker asked to write, in order (held or not). */
    const saves: Array<Parameters<AssignmentStore['save']>[0]> = [];
    let failNext = false;
    let open = false;
    const store = {
      load: real.load.bind(real),
      flush: real.flush.bind(real),
      save: async (snap: Parameters<AssignmentStore['save']>[0]) => {
        saves.push(snap);
        if (!open) await new Promise<void>((resolve) => held.push(resolve));
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        await real.save(snap);
      },
    };
    const releaseAll = () => held.splice(0).forEach((f) => f());
    // open(): writes pass straight through from now on (the rest of the test and its cleanup).
    return {
      store,
      held,
      saves,
      failOnce: () => (failNext = true),
      releaseAll,
      open: () => ((open = true), releaseAll()),
    };
  }

  test("a new task's container is created while the set is written, started only once it is on disk", async () => {
    const g = gatedStore();
    const w = new Worker({
      executor: fake,
      clusterId: CLUSTER,
      nodeId: NODE,
      dir,
      log: silentLogger(),
      retryDelayMs: 20,
      store: g.store,
      onStatus: (taskId, status) => reports.push({ taskId, status }),
    });
    workers.push(w);
    await w.start();
    const applied = w.apply({ complete: false, update: [task('t1')], remove: [] });
    await waitFor('created during the write', () => fake.calls.some((c) => c.op === 'create'), { intervalMs: 2 });
    // Not a pause: the runner hands the new container id to the worker (which writes it) right
    // before it waits for the set on disk, so once that write is asked for, the runner is parked.
    await waitFor(
      'the container id written',
      () => g.saves.some((snap) => snap.tasks.some((t) => t.task.id === 't1' && t.containerId !== undefined)),
      { intervalMs: 2 },
    );
    assert.ok(!fake.calls.some((c) => c.op === 'start'), 'not started before the set is on disk');
    assert.ok(!statesOf('t1').includes('starting'));
    g.open();
    await applied;
    await w.settle();
    assert.equal(statesOf('t1').at(-1), 'running');
    assert.equal(JSON.parse(readFileSync(join(dir, ASSIGNMENTS_FILE), 'utf8')).tasks[0].task.id, 't1');
  });

  test('a failed write: the container waits, created; it starts after a later write succeeds', async () => {
    const g = gatedStore();
    const w = new Worker({
      executor: fake,
      clusterId: CLUSTER,
      nodeId: NODE,
      dir,
      log: silentLogger(),
      retryDelayMs: 20,
      store: g.store,
      onStatus: (taskId, status) => reports.push({ taskId, status }),
    });
    workers.push(w);
    await w.start();
    g.failOnce();
    const applied = w.apply({ complete: false, update: [task('t1')], remove: [] });
    await waitFor('write pending', () => g.held.length > 0, { intervalMs: 2 });
    g.releaseAll();
    await assert.rejects(applied, /disk full/);
    assert.ok(!fake.calls.some((c) => c.op === 'start'), 'nothing started without the set on disk');
    // The runner retries (after retryDelayMs): a new write, and once it is through, the start.
    await waitFor('the retry asks for a new write', () => g.held.length > 0, { intervalMs: 2 });
    assert.ok(!fake.calls.some((c) => c.op === 'start'));
    g.open();
    await waitFor('running after a good write', () => statesOf('t1').at(-1) === 'running', { intervalMs: 2 });
    assert.equal(fake.calls.filter((c) => c.op === 'create').length, 1);
    assert.equal(JSON.parse(readFileSync(join(dir, ASSIGNMENTS_FILE), 'utf8')).tasks[0].task.id, 't1');
  });
});

describe('Worker after a restart', () => {
  test('a started task whose container was removed while the agent was down is reported failed, not re-created', async () => {
    const w1 = newWorker();
    await w1.start();
    await w1.apply({ complete: true, update: [task('t1')], remove: [] });
    await w1.settle();
    const cid = w1.containerOf('t1')!;
    await w1.close();
    workers.splice(workers.indexOf(w1), 1);
    fake.vanish(cid);
    reports = [];
    const creates = fake.calls.filter((c) => c.op === 'create').length;
    const w2 = newWorker();
    await w2.start();
    await w2.settle();
    assert.deepEqual(statesOf('t1'), ['failed']);
    assert.equal(fake.calls.filter((c) => c.op === 'create').length, creates);
  });

  test('with its state file lost or corrupt, a restarted worker adopts the running container when the manager assigns the task again', async () => {
    const w1 = newWorker();
    await w1.start();
    await w1.apply({ complete: true, update: [task('t1')], remove: [] });
    await w1.settle();
    const cid = w1.containerOf('t1')!;
    await w1.close();
    workers.splice(workers.indexOf(w1), 1);
    writeFileSync(join(dir, ASSIGNMENTS_FILE), '{not json');
    reports = [];
    const creates = fake.calls.filter((c) => c.op === 'create').length;
    const w2 = newWorker();
    await w2.start();
    await w2.settle();
    assert.equal((await fake.inspect(cid)).running, true, 'left alone until the manager speaks');
    await w2.apply({ complete: true, update: [task('t1', { managerState: 'running' })], remove: [] });
    await w2.settle();
    assert.equal(w2.containerOf('t1'), cid);
    assert.equal(fake.calls.filter((c) => c.op === 'create').length, creates, 'no second container');
    assert.deepEqual(fake.containerIds(), [cid]);
    assert.ok(!statesOf('t1').includes('failed'));
  });
});
