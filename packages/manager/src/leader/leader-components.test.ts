import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '@clusterctl/common/testing';
import { ClusterStore } from '@clusterctl/store';
import { LocalProposer, noLeaderError } from '@clusterctl/store/testing';
import { startLeaderComponents } from './leader-components.js';

/** A store whose read barrier fails (no leader) until the test clears `proposer.failWith`. */
function failingStore(): { store: ClusterStore; proposer: LocalProposer } {
  const store = new ClusterStore();
  const proposer = new LocalProposer({ replicas: [store] });
  store.setProposer(proposer);
  proposer.failWith = noLeaderError();
  return { store, proposer };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

test('a failed read barrier is retried after a backoff on the injected clock, then the components start', async () => {
  const { store, proposer } = failingStore();
  const clock = new FakeClock();
  const leader = startLeaderComponents({ store, clock });
  let started = false;
  void leader.started.then(() => (started = true));
  await settle();
  proposer.failWith = undefined;
  clock.advance(49);
  await settle();
  assert.equal(started, false, 'the first retry waits 50 ms');
  clock.advance(1);
  await leader.started;
  assert.equal(started, true);
  await leader.stop();
});

test('stop() during the read-barrier backoff returns without waiting for the backoff', async () => {
  const { store } = failingStore();
  const clock = new FakeClock();
  const leader = startLeaderComponents({ store, clock });
  await settle();
  assert.equal(clock.pending, 1, 'one backoff timer armed');
  await leader.stop();
  assert.equal(clock.pending, 0, 'the backoff timer was cleared');
});
