// Test support for the dispatcher's node liveness: a leader's dispatcher on an in-memory store (a
// local proposer, the test's clock), nodes in that store, and the event-loop turns its writes need.
import type { Clock } from '@clusterctl/common';
import { ClusterStore, type ClusterSettings } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { Dispatcher, type DispatcherConfig } from '../dispatcher.js';

/** The defaults' timing: heartbeats every 500 ms, a node grace of 2 s. */
export const LIVENESS_SETTINGS: ClusterSettings = {
  heartbeatPeriodMs: 500,
  nodeGraceMs: 2000,
  taskHistoryLimit: 5,
  nodeCertExpiryMs: 1e9,
};

/** A dispatcher on a fresh store, not leading yet; `over` adds to (or replaces) its config. */
export function leaderDispatcher(
  clock: Clock,
  over: Partial<DispatcherConfig> = {},
): { store: ClusterStore; proposer: LocalProposer; d: Dispatcher } {
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  const d = new Dispatcher({
    store,
    clusterId: 'c1',
    clock,
    settings: () => LIVENESS_SETTINGS,
    leaderAddr: () => '10.0.0.9:4280',
    isLeader: () => false,
    ...over,
  });
  return { store, proposer, d };
}

/** Worker nodes `ids` in the store: just joined (`unknown`), or `ready` as before an election. */
export async function addNodes(
  store: ClusterStore,
  ids: string[],
  state: 'unknown' | 'ready' = 'unknown',
): Promise<void> {
  await store.update((tx) => {
    for (const id of ids)
      tx.create('nodes', {
        ...fixtures.newNode(id),
        id,
        status: { state, message: state === 'unknown' ? 'joined' : '', timestamp: 0 },
        resources: { nanoCpus: 0, memoryBytes: 0 },
      });
  });
}

/** A few turns of the event loop: what the store's writes and the dispatcher's follow-ups take. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}
