// A store with 3 nodes, an orchestrator on a fake clock and one replicated service whose tasks all
// run, with the scheduler's and the agents' part done by hand (runAll, fail, setHealth): the rolling
// update and update failure tests drive a rollout step by step with it.
import assert from 'node:assert/strict';
import {
  ClusterStore,
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  type Service,
  type ServiceSpec,
  type Task,
  type TaskHealth,
  type TaskState,
  type UpdateConfig,
} from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import { Orchestrator } from '../orchestrator.js';

export interface RolloutEnv {
  store: ClusterStore;
  clock: FakeClock;
  orch: Orchestrator;
  nodes: string[];
  settle(): Promise<void>;
  tasks(): Task[];
  service(): Service;
  /** Tasks meant to run (desired state running). */
  running(): Task[];
  /** Scheduler + agents: every pending task placed and running; every task told to stop, stopped. */
  runAll(): Promise<void>;
  /** Agents: every task told to stop, stopped (its container gone). */
  stopAll(): Promise<void>;
  /** The task exits (failed, exit 1) or is rejected (a missing image). */
  fail(id: string, state?: Extract<TaskState, 'failed' | 'rejected' | 'complete'>): Promise<void>;
  /** The task's health as its agent would report it. */
  setHealth(id: string, health: TaskHealth): Promise<void>;
  setSpec(fn: (s: ServiceSpec) => ServiceSpec): Promise<void>;
  /** Writes the service record (e.g. its update status, as the control API does). */
  setService(fn: (s: Service) => Service): Promise<void>;
  /** A new orchestrator on the same store (a leader change). */
  failover(): Promise<void>;
}

export async function rolloutEnv(
  replicas: number,
  update?: UpdateConfig,
  over: Partial<ServiceSpec> = {},
): Promise<RolloutEnv> {
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  await store.update((tx) =>
    tx.create('cluster', {
      id: DEFAULT_CLUSTER_ID,
      name: 'c',
      settings: { ...DEFAULT_CLUSTER_SETTINGS },
      joinTokenDigests: { worker: '', manager: '' },
    }),
  );
  const nodes = await store.update((tx) => [0, 1, 2].map((i) => tx.create('nodes', fixtures.newNode(`h${i}`)).id));
  const clock = new FakeClock();
  const tasks = (): Task[] => store.view((tx) => tx.list('tasks'));
  const e: RolloutEnv = {
    store,
    clock,
    orch: new Orchestrator({ store, clock }),
    nodes,
    tasks,
    service: () => store.view((tx) => tx.list('services')[0]!),
    running: () => tasks().filter((t) => t.desiredState === 'running'),
    async settle() {
      for (let i = 0; i < 8; i++) {
        await new Promise((r) => setImmediate(r));
        await e.orch.idle();
      }
    },
    async runAll() {
      let i = 0;
      await store.update((tx) => {
        for (const t of tx.list('tasks')) {
          if (t.desiredState === 'running' && t.status.state === 'pending')
            tx.update('tasks', {
              ...t,
              nodeId: nodes[i++ % 3]!,
              status: { state: 'running', message: 'running', timestamp: clock.now() },
            });
          else if (t.desiredState !== 'running' && t.status.state === 'running')
            tx.update('tasks', { ...t, status: { state: 'shutdown', message: 'stopped', timestamp: clock.now() } });
        }
      });
    },
    async stopAll() {
      await store.update((tx) => {
        for (const t of tx.list('tasks'))
          if (t.desiredState !== 'running' && t.status.state === 'running')
            tx.update('tasks', { ...t, status: { state: 'shutdown', message: 'stopped', timestamp: clock.now() } });
      });
    },
    async fail(id, state = 'failed') {
      await store.update((tx) => {
        const t = tx.get('tasks', id)!;
        const err = state === 'rejected' ? 'No such image: broken:latest' : 'exit 1';
        tx.update('tasks', {
          ...t,
          nodeId: t.nodeId || nodes[0]!,
          status: { state, message: err, timestamp: clock.now(), exitCode: 1, err },
        });
      });
    },
    async setHealth(id, health) {
      await store.update((tx) => {
        const t = tx.get('tasks', id)!;
        tx.update('tasks', { ...t, status: { ...t.status, health, timestamp: clock.now() } });
      });
    },
    async setSpec(fn) {
      await store.update((tx) => {
        const s = tx.list('services')[0]!;
        tx.update('services', { ...s, spec: fn(s.spec) });
      });
    },
    async setService(fn) {
      await store.update((tx) => {
        tx.update('services', fn(tx.list('services')[0]!));
      });
    },
    async failover() {
      await e.orch.stop();
      e.orch = new Orchestrator({ store, clock });
      e.orch.start();
      await e.settle();
    },
  };
  e.orch.start();
  await store.update((tx) =>
    tx.create(
      'services',
      fixtures.newService('f', { mode: { kind: 'replicated', replicas }, ...(update ? { update } : {}), ...over }),
    ),
  );
  await e.settle();
  await e.runAll();
  await e.settle();
  assert.equal(e.running().length, replicas);
  return e;
}
