// Node down-marking when the leader is overloaded: a silent node whose session is still open is not
// marked down on the heartbeat clock alone while the leader itself stalled or many nodes are late at
// once; a node that is really gone (its session broke, no new one) and a lone silent node on a
// leader that runs on time are marked down as fast as before. Fake clock: no timed test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterStore } from '@clusterctl/store';
import { FakeClock } from '@clusterctl/common/testing';
import type { Dispatcher } from './dispatcher.js';
import {
  agentLeaderLossMs,
  brokenSessionGraceMs,
  LATE_DEADLINE_TOLERANCE_MS,
  manyLateNodes,
  overloadGraceMs,
} from './nodes.js';
import { addNodes, leaderDispatcher, LIVENESS_SETTINGS as settings, settle } from './testing/leader-dispatcher.js';

/** A leader with `ids` nodes, each with an open session; `stallMs` is what its loop monitor reads. */
async function setup(ids: string[]): Promise<{
  store: ClusterStore;
  clock: FakeClock;
  d: Dispatcher;
  stall: { ms: number };
  sessions: Map<string, string>;
  beat: (...which: string[]) => void;
  state: (id: string) => string;
}> {
  const clock = new FakeClock();
  const stall = { ms: 0 };
  const { store, d } = leaderDispatcher(clock, { recentStallMs: () => stall.ms });
  d.startLeading(clock.now());
  await addNodes(store, ids);
  const sessions = new Map<string, string>();
  for (const id of ids) sessions.set(id, (await d.openSession(id, { hostname: id }, '10.1.1.1')).handle.id);
  const beat = (...which: string[]): void => {
    for (const id of which) d.heartbeat(id, sessions.get(id)!);
  };
  const state = (id: string): string => store.view((tx) => tx.get('nodes', id))!.status.state;
  return { store, clock, d, stall, sessions, beat, state };
}

/** Moves the clock in heartbeat periods, `alive` heartbeating every period. */
async function run(clock: FakeClock, beat: (...ids: string[]) => void, alive: string[], ms: number): Promise<void> {
  for (let left = ms; left > 0;) {
    const step = Math.min(settings.heartbeatPeriodMs, left);
    clock.advance(step);
    left -= step;
    if (step === settings.heartbeatPeriodMs) beat(...alive);
    await settle();
  }
}

test('the rule values: five graces while overloaded, many late means at least 2 and a third', () => {
  assert.equal(overloadGraceMs(settings), 10_000);
  assert.equal(manyLateNodes(1), 2);
  assert.equal(manyLateNodes(5), 2);
  assert.equal(manyLateNodes(6), 2);
  assert.equal(manyLateNodes(7), 3);
  assert.equal(manyLateNodes(1000), 334);
});

test('a lone silent node on a leader that runs on time is marked down after the grace, as before', async () => {
  const { clock, beat, state } = await setup(['a', 'b', 'c', 'd', 'e']);
  beat('a', 'b', 'c', 'd', 'e');
  await run(clock, beat, ['b', 'c', 'd', 'e'], settings.nodeGraceMs - 1);
  assert.equal(state('a'), 'ready');
  await run(clock, beat, ['b', 'c', 'd', 'e'], 1);
  assert.equal(state('a'), 'down', 'fast failover kept for a single node');
  assert.equal(state('b'), 'ready');
});

test('a leader that stalled waits five graces from the last heartbeat before marking a silent node with an open session down', async () => {
  const { clock, d, stall, beat, state } = await setup(['a', 'b']);
  beat('a', 'b');
  stall.ms = LATE_DEADLINE_TOLERANCE_MS + 1;
  await run(clock, beat, ['b'], overloadGraceMs(settings) - 1);
  assert.equal(state('a'), 'ready', 'not marked down on the heartbeat clock while the leader itself stalls');
  assert.equal(d.stats.nodesMarkedDown, 0);
  await run(clock, beat, ['b'], 1);
  assert.equal(state('a'), 'down', 'silent for five graces: down');
  assert.equal(state('b'), 'ready');
});

test('a node that heartbeats again within the widened wait stays ready and gets its plain grace back', async () => {
  const { clock, stall, beat, state } = await setup(['a', 'b']);
  beat('a', 'b');
  stall.ms = 1_000;
  await run(clock, beat, ['b'], 6_000);
  assert.equal(state('a'), 'ready');
  beat('a'); // its heartbeats got through
  stall.ms = 0; // and the leader runs on time again
  await run(clock, beat, ['b'], settings.nodeGraceMs - 1);
  assert.equal(state('a'), 'ready');
  await run(clock, beat, ['b'], 1);
  assert.equal(state('a'), 'down', 'silent again for a grace on a leader that runs on time');
});

test('a stall of no more than the tolerance changes nothing', async () => {
  const { clock, stall, beat, state } = await setup(['a', 'b']);
  beat('a', 'b');
  stall.ms = LATE_DEADLINE_TOLERANCE_MS;
  await run(clock, beat, ['b'], settings.nodeGraceMs);
  assert.equal(state('a'), 'down');
});

test('many nodes late at once wait five graces; a lone late one among them is not needed', async () => {
  const { clock, d, beat, state } = await setup(['a', 'b', 'c', 'd', 'e']);
  beat('a', 'b', 'c', 'd', 'e');
  // a and b fall silent together (2 of 5: at least two and a third)
  await run(clock, beat, ['c', 'd', 'e'], overloadGraceMs(settings) - 1);
  assert.equal(state('a'), 'ready', 'two of five late at once: the cause is likely not the nodes');
  assert.equal(state('b'), 'ready');
  assert.equal(d.stats.nodesMarkedDown, 0);
  await run(clock, beat, ['c', 'd', 'e'], 1);
  assert.equal(state('a'), 'down', 'silent for five graces: down');
  assert.equal(state('b'), 'down');
  assert.equal(state('c'), 'ready');
});

test('a node whose session broke is marked down after the broken-session grace even when many are late; the whole grace when the leader stalled', async () => {
  {
    const { clock, d, sessions, beat, state } = await setup(['a', 'b', 'c', 'd', 'e']);
    beat('a', 'b', 'c', 'd', 'e');
    await run(clock, beat, ['c', 'd', 'e'], settings.nodeGraceMs); // a and b late: widened
    assert.equal(state('a'), 'ready');
    d.closeSession('a', sessions.get('a')!); // its connection closed: really gone unless it comes back
    await run(clock, beat, ['c', 'd', 'e'], brokenSessionGraceMs(settings) - 1);
    assert.equal(state('a'), 'ready');
    await run(clock, beat, ['c', 'd', 'e'], 1);
    assert.equal(state('a'), 'down', 'connection closed and no new session: down after the short grace');
    assert.equal(state('b'), 'ready', 'b still waits (its session is open)');
  }
  {
    const { clock, d, stall, sessions, beat, state } = await setup(['a', 'b']);
    beat('a', 'b');
    stall.ms = 600;
    d.closeSession('a', sessions.get('a')!);
    await run(clock, beat, ['b'], settings.nodeGraceMs - 1);
    assert.equal(state('a'), 'ready', 'a leader that stalled gives a broken session its whole grace');
    await run(clock, beat, ['b'], 1);
    assert.equal(state('a'), 'down');
  }
});

test('a node with no session (never opened one) is not waited for longer', async () => {
  const { store, clock, stall, beat, state } = await setup(['b']);
  await addNodes(store, ['x']);
  await settle();
  stall.ms = 1_000;
  await run(clock, beat, ['b'], settings.nodeGraceMs);
  assert.equal(state('x'), 'down', 'no open session: nothing says it is alive');
});

/** Nodes `ids` in the store, ready, and a dispatcher that starts leading after them (an election). */
async function elected(ids: string[]): Promise<{
  clock: FakeClock;
  d: Dispatcher;
  state: (id: string) => string;
  open: (id: string) => Promise<void>;
  beatAll: () => void;
  /** Milliseconds since the election. */
  since: () => number;
}> {
  const clock = new FakeClock();
  const { store, d } = leaderDispatcher(clock, { recentStallMs: () => 0 });
  await addNodes(store, ids, 'ready');
  const electedAt = clock.now();
  d.startLeading(electedAt);
  const sessions = new Map<string, string>();
  return {
    since: () => clock.now() - electedAt,
    clock,
    d,
    state: (id) => store.view((tx) => tx.get('nodes', id))!.status.state,
    open: async (id) => {
      sessions.set(id, (await d.openSession(id, { hostname: id }, '10.1.1.1')).handle.id);
    },
    beatAll: () => {
      for (const [id, sid] of sessions) d.heartbeat(id, sid);
    },
  };
}

const FIRST_GRACE_MS = settings.nodeGraceMs + agentLeaderLossMs(settings.heartbeatPeriodMs);

test('after an election a node not heard yet waits longer while other agents are still re-registering', async () => {
  const { clock, d, state, open, beatAll, since } = await elected(['a', 'b', 'c', 'd', 'e', 'f']);
  const beat = (): void => beatAll();
  // The agents come back one by one, the last of a..d shortly before the first grace runs out.
  await run(clock, beat, [], FIRST_GRACE_MS - 1_600);
  for (const id of ['a', 'b', 'c', 'd']) {
    await open(id);
    await run(clock, beat, [], 300);
  }
  await run(clock, beat, [], FIRST_GRACE_MS - since() + 1);
  assert.equal(state('e'), 'ready', 'agents were still re-registering: e is waited for');
  assert.equal(state('f'), 'ready');
  assert.equal(d.stats.nodeDeadlinesWidened, 2);
  const widenedMs = overloadGraceMs(settings) - settings.nodeGraceMs;
  await run(clock, beat, [], widenedMs / 2);
  await open('e');
  await run(clock, beat, [], widenedMs / 2 - 2);
  assert.equal(state('f'), 'ready');
  await run(clock, beat, [], 2);
  assert.equal(state('e'), 'ready', 'e came back in time');
  assert.equal(state('f'), 'down', 'f never came: down once the longer wait ran out');
  for (const id of ['a', 'b', 'c', 'd']) assert.equal(state(id), 'ready');
});

test('after an election a node not heard yet is marked down at the first grace once the others are back', async () => {
  const { clock, d, state, open, beatAll, since } = await elected(['a', 'b', 'c']);
  const beat = (): void => beatAll();
  await run(clock, beat, [], 1_000);
  await open('a');
  await open('b');
  await run(clock, beat, [], FIRST_GRACE_MS - since() - 1);
  assert.equal(state('c'), 'ready');
  await run(clock, beat, [], 1);
  assert.equal(state('c'), 'down', 're-registering ended seconds ago: nothing says c is on its way');
  assert.equal(d.stats.nodeDeadlinesWidened, 0);
  assert.equal(state('a'), 'ready');
});
