import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterStore, type Task } from '@clusterctl/store';
import { LocalProposer, fixtures, noLeaderError } from '@clusterctl/store/testing';
import { FakeClock } from '@clusterctl/common/testing';
import type { AssignmentsMessage } from './assignments.js';
import { Dispatcher } from './dispatcher.js';
import { agentLeaderLossMs, brokenSessionGraceMs, silentManagerGraceMs } from './nodes.js';
import { leaderDispatcher, LIVENESS_SETTINGS as settings, settle } from './testing/leader-dispatcher.js';

function setup(managerHeard?: (nodeId: string) => boolean | undefined): {
  store: ClusterStore;
  proposer: LocalProposer;
  clock: FakeClock;
  d: Dispatcher;
} {
  const clock = new FakeClock();
  return { ...leaderDispatcher(clock, managerHeard ? { managerHeard } : {}), clock };
}

/** Node records as NodeCA makes them on join (status unknown, no resources yet). */
async function joined(store: ClusterStore, ...ids: string[]): Promise<void> {
  await store.update((tx) => {
    for (const id of ids)
      tx.create('nodes', {
        ...fixtures.newNode(id),
        id,
        status: { state: 'unknown', message: 'joined', timestamp: 0 },
        resources: { nanoCpus: 0, memoryBytes: 0 },
      });
  });
}

describe('dispatcher sessions and heartbeats', () => {
  test("heartbeats record the node's listening ports, writing only when they change", async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    const { handle } = await d.openSession('n1', { hostname: 'h1' }, '10.1.1.1');
    const ports = [{ port: 8080, protocol: 'tcp' as const, addr: '0.0.0.0', process: 'nginx', pid: 7 }];
    d.heartbeat('n1', handle.id, false, '', ports);
    await settle();
    assert.deepEqual(store.view((tx) => tx.get('nodes', 'n1'))!.listeningPorts, ports);
    const version = store.version;
    d.heartbeat('n1', handle.id, false, '', [...ports]);
    d.heartbeat('n1', handle.id); // none reported: the record stays
    await settle();
    assert.equal(store.version, version, 'the same ports again write nothing');
    d.heartbeat('n1', handle.id, false, '', []);
    await settle();
    assert.deepEqual(store.view((tx) => tx.get('nodes', 'n1'))!.listeningPorts, []);
  });

  test('a follower refuses sessions and names the leader', async () => {
    const { d } = setup();
    assert.deepEqual(d.redirect(), { leaderAddr: '10.0.0.9:4280', managers: [] });
    await assert.rejects(
      d.openSession('n1', {}, '127.0.0.1'),
      (e: { code?: string; details?: { leaderAddr?: string } }) =>
        e.code === 'NOT_LEADER' && e.details?.leaderAddr === '10.0.0.9:4280',
    );
  });

  test('a session registers the node as ready; missing heartbeats mark it down after the grace', async () => {
    const { store, clock, d } = setup();
    await assert.rejects(d.openSession('n1', {}, ''), (e: { code?: string }) => e.code === 'NOT_LEADER');
    d.startLeading(clock.now());
    await assert.rejects(
      d.openSession('n1', {}, ''),
      (e: { code?: string }) => e.code === 'PERMISSION_DENIED',
      'no record: removed node',
    );
    await joined(store, 'n1');
    const { handle, info } = await d.openSession(
      'n1',
      {
        hostname: 'h1',
        resources: { nanoCpus: 4e9, memoryBytes: 8e9 },
        engineLabels: { disk: 'ssd' },
        os: 'linux',
        arch: 'x86_64',
      },
      '10.1.1.1',
    );
    assert.equal(info.heartbeatPeriodMs, 500);
    const n = store.view((tx) => tx.get('nodes', 'n1'))!;
    assert.equal(n.status.state, 'ready');
    assert.equal(n.hostname, 'h1');
    assert.equal(n.addr, '10.1.1.1');
    assert.equal(n.role, 'worker');
    assert.equal(n.availability, 'active');
    assert.deepEqual(n.resources, { nanoCpus: 4e9, memoryBytes: 8e9 });
    assert.deepEqual(n.engineLabels, { disk: 'ssd' });
    let ended = false;
    handle.onEnd(() => (ended = true));
    for (let i = 0; i < 10; i++) {
      clock.advance(500);
      assert.equal(d.heartbeat('n1', handle.id), 500);
    }
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'n1'))!.status.state, 'ready');
    clock.advance(1999);
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'n1'))!.status.state, 'ready');
    clock.advance(1);
    await settle();
    const down = store.view((tx) => tx.get('nodes', 'n1'))!;
    assert.equal(down.status.state, 'down');
    assert.equal(down.status.message, 'no heartbeat for 2000 ms');
    assert.ok(ended, 'the session ended');
    assert.throws(
      () => d.heartbeat('n1', handle.id),
      (e: { code?: string }) => e.code === 'NOT_FOUND',
    );
    // the agent comes back with a new session: ready again
    await d.openSession('n1', { hostname: 'h1' }, '10.1.1.1');
    assert.equal(store.view((tx) => tx.get('nodes', 'n1'))!.status.state, 'ready');
  });

  test('a session that broke (its process died) marks the node down after the short grace; a new session in time keeps it ready', async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1', 'n2');
    const state = (id: string) => store.view((tx) => tx.get('nodes', id))!.status;
    const s1 = (await d.openSession('n1', {}, '')).handle;
    const s2 = (await d.openSession('n2', {}, '')).handle;
    clock.advance(500);
    d.heartbeat('n1', s1.id);
    d.heartbeat('n2', s2.id);
    // both streams break at once; n2's agent dials again 300 ms later, n1's never does
    d.closeSession('n1', s1.id);
    d.closeSession('n2', s2.id);
    clock.advance(300);
    await d.openSession('n2', {}, '');
    clock.advance(699);
    await settle();
    assert.equal(state('n1').state, 'ready', 'not before the short grace');
    clock.advance(1);
    await settle();
    assert.equal(state('n1').state, 'down', 'down 1 s after its stream broke, not 2 s after its last heartbeat');
    assert.match(state('n1').message, /session broke and no new one came within 1000 ms/);
    assert.equal(state('n2').state, 'ready');
    // the short grace never lengthens a deadline: a node already close to its grace keeps it
    const s2b = (await d.openSession('n2', {}, '')).handle;
    clock.advance(1500);
    d.closeSession('n2', s2b.id);
    clock.advance(500);
    await settle();
    assert.equal(state('n2').state, 'down');
    assert.match(state('n2').message, /no heartbeat for 2000 ms/);
  });

  test('an agent that says it is closing (daemon stop or restart) keeps the whole grace after its session ends', async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    const s = (await d.openSession('n1', {}, '')).handle;
    clock.advance(200);
    d.heartbeat('n1', s.id, true);
    d.closeSession('n1', s.id);
    clock.advance(1999);
    await settle();
    assert.equal(
      store.view((tx) => tx.get('nodes', 'n1'))!.status.state,
      'ready',
      'a restart within the grace replaces nothing',
    );
    await d.openSession('n1', {}, '');
    clock.advance(1000);
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'n1'))!.status.state, 'ready');
  });

  test('a silent old leader after an election: one heartbeat period, at least 500 ms, never above the grace', () => {
    assert.equal(silentManagerGraceMs({ heartbeatPeriodMs: 500, nodeGraceMs: 2000 }), 500);
    assert.equal(silentManagerGraceMs({ heartbeatPeriodMs: 1000, nodeGraceMs: 4000 }), 1000);
    assert.equal(silentManagerGraceMs({ heartbeatPeriodMs: 100, nodeGraceMs: 400 }), 400);
  });

  test('the short grace: half the grace, at least 1 s and two heartbeat periods, never above the grace', () => {
    assert.equal(brokenSessionGraceMs({ heartbeatPeriodMs: 500, nodeGraceMs: 2000 }), 1000);
    assert.equal(brokenSessionGraceMs({ heartbeatPeriodMs: 500, nodeGraceMs: 6000 }), 3000);
    assert.equal(brokenSessionGraceMs({ heartbeatPeriodMs: 2000, nodeGraceMs: 6000 }), 4000);
    assert.equal(brokenSessionGraceMs({ heartbeatPeriodMs: 100, nodeGraceMs: 800 }), 800);
  });

  test('agents get their worst-case time to notice a vanished leader: one period plus the heartbeat deadline and its retry', () => {
    assert.equal(agentLeaderLossMs(500), 3500);
    assert.equal(agentLeaderLossMs(1000), 7000);
    assert.equal(agentLeaderLossMs(100), 3100);
  });

  test("a new leader gives every node one full grace plus the agents' leader-loss time from its start; heartbeats of a wrong session are refused", async () => {
    const { store, clock, d } = setup();
    await store.update((tx) => {
      tx.create('nodes', { ...fixtures.newNode('a'), id: 'a' });
      tx.create('nodes', { ...fixtures.newNode('b'), id: 'b' });
      tx.create('nodes', { ...fixtures.newNode('c'), id: 'c', status: { state: 'down', message: '', timestamp: 0 } });
    });
    const since = clock.now();
    clock.advance(300); // components started a bit after the election
    d.startLeading(since);
    const { handle } = await d.openSession('a', {}, '');
    assert.throws(
      () => d.heartbeat('a', 'bogus'),
      (e: { code?: string }) => e.code === 'NOT_FOUND',
    );
    clock.advance(1500);
    d.heartbeat('a', handle.id);
    await settle();
    clock.advance(1500); // since + 3300: past the plain grace, within grace + agentLeaderLossMs (5500)
    d.heartbeat('a', handle.id);
    await settle();
    assert.equal(
      store.view((tx) => tx.get('nodes', 'b'))!.status.state,
      'ready',
      'not before grace + leader-loss time from leaderSince',
    );
    clock.advance(1500); // since + 4800
    d.heartbeat('a', handle.id);
    await settle();
    clock.advance(699); // since + 5499
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'b'))!.status.state, 'ready');
    clock.advance(1); // since + 5500
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'b'))!.status.state, 'down');
    assert.equal(store.view((tx) => tx.get('nodes', 'a'))!.status.state, 'ready');
    assert.equal(d.stats.nodesMarkedDown, 1);
    d.stopLeading();
    assert.throws(
      () => d.heartbeat('a', handle.id),
      (e: { code?: string }) => e.code === 'NOT_LEADER',
    );
    clock.advance(60_000);
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'a'))!.status.state, 'ready', 'a former leader marks nothing down');
  });
});

describe('a deadline that passes while a session is being opened', () => {
  const state = (store: ClusterStore, id: string) => store.view((tx) => tx.get('nodes', id))!.status;

  test("the session's ready record is still being written when the deadline passes: the node stays ready and its heartbeats keep it so", async () => {
    const { store, proposer, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    await settle(); // the new record gets its grace
    clock.advance(settings.nodeGraceMs - 1);
    proposer.pause(); // raft is slow: the ready write waits
    const opening = d.openSession('n1', {}, '');
    await settle();
    assert.equal(proposer.queued, 1, 'the ready write is in flight');
    clock.advance(1); // the grace the record got on join runs out meanwhile
    await settle();
    proposer.resume();
    const { handle } = await opening;
    await settle();
    assert.equal(
      state(store, 'n1').state,
      'ready',
      'a node whose session opened is not marked down by a deadline that passed during the open',
    );
    // the grace starts when the ready record is committed, and heartbeats keep the node ready
    for (let i = 0; i < 8; i++) {
      clock.advance(settings.heartbeatPeriodMs);
      d.heartbeat('n1', handle.id);
      await settle();
      assert.equal(state(store, 'n1').state, 'ready');
    }
    assert.equal(d.stats.nodesMarkedDown, 0);
    // and the ordinary rule still holds once the heartbeats stop
    clock.advance(settings.nodeGraceMs);
    await settle();
    assert.equal(state(store, 'n1').state, 'down');
    assert.equal(state(store, 'n1').message, 'no heartbeat for 2000 ms');
  });

  test('an open whose ready write fails does not save the node: the deadline that passed meanwhile marks it down', async () => {
    const { store, proposer, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    await settle();
    clock.advance(settings.nodeGraceMs - 1);
    // the next proposal (the session's ready write) is held, then fails; later ones go through
    let failHeld: ((err: unknown) => void) | undefined;
    const propose = proposer.propose.bind(proposer);
    proposer.propose = () => {
      proposer.propose = propose;
      return new Promise((_resolve, reject) => (failHeld = reject));
    };
    const opening = d.openSession('n1', {}, '');
    await settle();
    assert.ok(failHeld !== undefined, 'the ready write is in flight');
    clock.advance(1);
    await settle();
    assert.equal(state(store, 'n1').state, 'unknown', 'not decided while the open may still succeed');
    failHeld(noLeaderError());
    await assert.rejects(opening, (e: { code?: string }) => e.code === 'NO_LEADER');
    await settle();
    assert.equal(state(store, 'n1').state, 'down');
    assert.equal(state(store, 'n1').message, 'no heartbeat for 2000 ms');
  });

  test("a heartbeat on a live session of a node recorded down ends that session, and the agent's new session makes the node ready", async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    const { handle } = await d.openSession('n1', {}, '');
    let ended = false;
    handle.onEnd(() => (ended = true));
    // a down record this leader's deadlines did not order (it landed after the session opened)
    await store.update((tx) => {
      const n = tx.get('nodes', 'n1')!;
      tx.update('nodes', {
        ...n,
        status: { state: 'down', message: 'no heartbeat for 2000 ms', timestamp: clock.now() },
      });
    });
    clock.advance(settings.heartbeatPeriodMs);
    assert.throws(
      () => d.heartbeat('n1', handle.id),
      (e: { code?: string }) => e.code === 'NOT_FOUND',
    );
    assert.ok(ended, 'the session ended, so the agent registers again');
    const again = await d.openSession('n1', {}, '');
    assert.equal(state(store, 'n1').state, 'ready');
    clock.advance(settings.heartbeatPeriodMs);
    assert.equal(d.heartbeat('n1', again.handle.id), settings.heartbeatPeriodMs);
  });
});

describe('first grace after a leader change', () => {
  test('a manager node whose raft member stays silent to the new leader is marked down after the short grace; a heard one waits the full first grace', async () => {
    const heard = new Map([
      ['old-leader', false],
      ['m2', true],
    ]);
    const { store, clock, d } = setup((id) => heard.get(id));
    await store.update((tx) => {
      tx.create('nodes', {
        ...fixtures.newNode('old-leader'),
        id: 'old-leader',
        role: 'manager',
        managerStatus: { raftId: 1, addr: '10.0.0.1:4280' },
      });
      tx.create('nodes', {
        ...fixtures.newNode('m2'),
        id: 'm2',
        role: 'manager',
        managerStatus: { raftId: 2, addr: '10.0.0.2:4280' },
      });
      tx.create('nodes', { ...fixtures.newNode('w'), id: 'w' });
    });
    const since = clock.now();
    d.startLeading(since);
    clock.advance(499);
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'old-leader'))!.status.state, 'ready');
    clock.advance(1); // since + silentManagerGraceMs
    await settle();
    const old = store.view((tx) => tx.get('nodes', 'old-leader'))!.status;
    assert.equal(old.state, 'down', 'the vanished manager: the short grace');
    assert.match(old.message, /did not answer the new leader within 500 ms/);
    assert.equal(
      store.view((tx) => tx.get('nodes', 'm2'))!.status.state,
      'ready',
      'a heard manager waits for its agent',
    );
    assert.equal(store.view((tx) => tx.get('nodes', 'w'))!.status.state, 'ready', 'a worker waits for its agent');
    heard.set('m2', false); // heard or not only matters at the first deadline
    clock.advance(settings.nodeGraceMs - 500 + agentLeaderLossMs(settings.heartbeatPeriodMs) - 1);
    await settle();
    assert.equal(
      store.view((tx) => tx.get('nodes', 'w'))!.status.state,
      'ready',
      'the whole first grace for nodes whose agents must find us',
    );
    clock.advance(1);
    await settle();
    assert.equal(store.view((tx) => tx.get('nodes', 'm2'))!.status.state, 'down');
    assert.equal(store.view((tx) => tx.get('nodes', 'w'))!.status.state, 'down');
    assert.match(store.view((tx) => tx.get('nodes', 'w'))!.status.message, /no heartbeat for 2000 ms/);
    assert.equal(d.stats.nodesMarkedDown, 3);
  });
});

describe('a changed node grace', () => {
  test('holds for every live node from its commit: counted from the last heartbeat, longer or shorter', async () => {
    const store = new ClusterStore();
    store.setProposer(new LocalProposer({ replicas: [store] }));
    const clock = new FakeClock();
    // no settings override: the dispatcher reads the store's cluster record, as in a daemon
    const d = new Dispatcher({ store, clusterId: 'c1', clock, leaderAddr: () => '', isLeader: () => true });
    const setGraceMs = (nodeGraceMs: number): Promise<unknown> =>
      store.update((tx) =>
        tx.put('cluster', {
          id: 'default',
          name: 'default',
          settings: { ...settings, nodeGraceMs },
          joinTokenDigests: { worker: 'w', manager: 'm' },
        }),
      );
    await setGraceMs(2000);
    d.startLeading(clock.now());
    await joined(store, 'n1', 'n2');
    const s1 = await d.openSession('n1', { hostname: 'h1' }, '10.1.1.1');
    const s2 = await d.openSession('n2', { hostname: 'h2' }, '10.1.1.2');
    const state = (id: string): string => store.view((tx) => tx.get('nodes', id))!.status.state;

    clock.advance(500);
    d.heartbeat('n1', s1.handle.id);
    d.heartbeat('n2', s2.handle.id);
    const beatAt = clock.now();
    await setGraceMs(6000);
    await settle();
    clock.advance(5999); // far past the old grace from the last heartbeats: both still ready
    await settle();
    assert.equal(state('n1'), 'ready');
    assert.equal(state('n2'), 'ready');
    d.heartbeat('n2', s2.handle.id);
    clock.advance(1); // beatAt + 6000: n1 is down, n2 heartbeated since
    await settle();
    assert.equal(clock.now(), beatAt + 6000);
    assert.equal(state('n1'), 'down');
    assert.equal(store.view((tx) => tx.get('nodes', 'n1'))!.status.message, 'no heartbeat for 6000 ms');
    assert.equal(state('n2'), 'ready');

    // shorter: a node whose last heartbeat is older than the new grace is marked down at once
    clock.advance(3000);
    await setGraceMs(2000);
    await settle();
    clock.advance(0); // its deadline is due now, no time passes
    await settle();
    assert.equal(state('n2'), 'down');
    assert.equal(store.view((tx) => tx.get('nodes', 'n2'))!.status.message, 'no heartbeat for 2000 ms');
  });
});

describe('session updates', () => {
  test('sessions get the manager list again when managers change', async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    const { handle } = await d.openSession('n1', {}, '');
    const pushed: unknown[] = [];
    d.onSessionInfo(handle, (info) => pushed.push(info));
    await store.update(
      (tx) =>
        void tx.create('nodes', {
          ...fixtures.newNode('m2'),
          id: 'm2',
          role: 'manager',
          managerStatus: { raftId: 2, addr: '10.0.0.2:4280' },
        }),
    );
    await settle();
    assert.equal(pushed.length, 1);
    assert.equal((pushed[0] as { sessionId: string }).sessionId, handle.id);
    // a worker's change is not news
    await store.update((tx) => {
      const n = tx.get('nodes', 'n1')!;
      tx.update('nodes', { ...n, labels: { a: 'b' } });
    });
    await settle();
    assert.equal(pushed.length, 1);
  });
});

describe('assignments and task status', () => {
  test('COMPLETE then INCREMENTAL; only assigned tasks meant to run or still to stop; removals', async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    const { handle } = await d.openSession('n1', {}, '');
    const spec = fixtures.serviceSpec('web');
    const st = (state: Task['status']['state']): Task['status'] => ({ state, message: '', timestamp: 0 });
    const ids = await store.update((tx) => ({
      running: tx.create('tasks', fixtures.newTask('s', 1, spec, { nodeId: 'n1', status: st('running') })).id,
      pending: tx.create('tasks', fixtures.newTask('s', 2, spec, { nodeId: 'n1', status: st('pending') })).id,
      stopping: tx.create(
        'tasks',
        fixtures.newTask('s', 3, spec, { nodeId: 'n1', desiredState: 'shutdown', status: st('running') }),
      ).id,
      dead: tx.create(
        'tasks',
        fixtures.newTask('s', 4, spec, { nodeId: 'n1', desiredState: 'shutdown', status: st('failed') }),
      ).id,
      other: tx.create('tasks', fixtures.newTask('s', 5, spec, { nodeId: 'n2', status: st('running') })).id,
    }));
    const got: AssignmentsMessage[] = [];
    let endedWith: unknown = 'no';
    d.watchAssignments(
      'n1',
      handle.id,
      (m) => got.push(m),
      (err) => (endedWith = err),
    );
    assert.equal(got[0]!.type, 'COMPLETE');
    assert.deepEqual(got[0]!.update.map((t) => t.id).sort(), [ids.running, ids.stopping].sort());
    // the pending task gets assigned, the running one is told to stop, the stopping one stopped
    await store.update((tx) => {
      const p = tx.get('tasks', ids.pending)!;
      tx.update('tasks', { ...p, status: st('assigned') });
      const r = tx.get('tasks', ids.running)!;
      tx.update('tasks', { ...r, desiredState: 'shutdown' });
      const s = tx.get('tasks', ids.stopping)!;
      tx.update('tasks', { ...s, status: st('shutdown') });
    });
    await settle();
    assert.equal(got.length, 2);
    assert.equal(got[1]!.type, 'INCREMENTAL');
    assert.equal(got[1]!.sequence, 2);
    assert.deepEqual(got[1]!.update.map((t) => t.id).sort(), [ids.pending, ids.running].sort());
    assert.equal(got[1]!.update.find((t) => t.id === ids.running)!.desiredState, 'shutdown');
    assert.deepEqual(got[1]!.remove, [ids.stopping]);
    // deleting an assigned task removes it
    await store.update((tx) => tx.delete('tasks', ids.pending));
    await settle();
    assert.deepEqual(got[2]!.remove, [ids.pending]);
    // a task of another node changes: nothing sent
    await store.update((tx) => {
      const o = tx.get('tasks', ids.other)!;
      tx.update('tasks', { ...o, status: st('failed') });
    });
    await settle();
    assert.equal(got.length, 3);
    // a snapshot restore: the complete set again
    store.restore(store.snapshot());
    await settle();
    assert.equal(got.length, 4);
    assert.equal(got[3]!.type, 'COMPLETE');
    assert.deepEqual(got[3]!.update.map((t) => t.id).sort(), [ids.running].sort());
    d.stopLeading();
    assert.equal((endedWith as { code?: string }).code, 'UNAVAILABLE');
  });

  test('status reports: batched, only forward, only own tasks, unknown ignored', async () => {
    const { store, proposer, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'n1');
    const { handle } = await d.openSession('n1', {}, '');
    const spec = fixtures.serviceSpec('web');
    const ids = await store.update((tx) =>
      Array.from(
        { length: 200 },
        (_, i) =>
          tx.create(
            'tasks',
            fixtures.newTask('s', i + 1, spec, {
              nodeId: i < 199 ? 'n1' : 'n2',
              status: { state: 'assigned', message: '', timestamp: 0 },
            }),
          ).id,
      ),
    );
    const before = proposer.lastIndex;
    await Promise.all(
      ids.map((id, i) =>
        d.updateTaskStatus('n1', handle.id, [
          { taskId: id, status: { state: 'running', message: 'started', containerId: `c${i}`, timestamp: 5 } },
        ]),
      ),
    );
    assert.ok(proposer.lastIndex - before <= 2, `few proposals (${proposer.lastIndex - before})`);
    const tasks = store.view((tx) => ids.map((id) => tx.get('tasks', id)!));
    assert.ok(tasks.slice(0, 199).every((t) => t.status.state === 'running' && t.status.containerId !== undefined));
    assert.equal(tasks[199]!.status.state, 'assigned', "another node's task is not changed");
    // backwards and unknown are ignored; exit code kept
    await d.updateTaskStatus('n1', handle.id, [
      { taskId: ids[0]!, status: { state: 'assigned' } },
      { taskId: 'nope', status: { state: 'running' } },
      { taskId: ids[1]!, status: { state: 'bogus' } },
      { taskId: ids[2]!, status: { state: 'failed', exitCode: 3, err: 'boom' } },
    ]);
    const t0 = store.view((tx) => tx.get('tasks', ids[0]!))!;
    assert.equal(t0.status.state, 'running');
    const t2 = store.view((tx) => tx.get('tasks', ids[2]!))!;
    assert.equal(t2.status.state, 'failed');
    assert.equal(t2.status.exitCode, 3);
    assert.equal(t2.status.err, 'boom');
    await assert.rejects(
      d.updateTaskStatus('n1', 'wrong-session', [{ taskId: ids[3]!, status: { state: 'failed' } }]),
      (e: { code?: string }) => e.code === 'NOT_FOUND',
    );
  });
});

describe('log broker', () => {
  test('non-follow: lines from live nodes, ends when they are done; a disconnected node is not waited for; deadline', async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'a', 'b');
    const a = await d.openSession('a', {}, '');
    await d.openSession('b', {}, '');
    const spec = fixtures.serviceSpec('web');
    const svc = 'svc1';
    const t = await store.update((tx) => ({
      a: tx.create(
        'tasks',
        fixtures.newTask(svc, 1, spec, { nodeId: 'a', status: { state: 'running', message: '', timestamp: 0 } }),
      ).id,
      down: tx.create(
        'tasks',
        fixtures.newTask(svc, 2, spec, { nodeId: 'gone', status: { state: 'running', message: '', timestamp: 0 } }),
      ).id,
      b: tx.create(
        'tasks',
        fixtures.newTask(svc, 3, spec, { nodeId: 'b', status: { state: 'running', message: '', timestamp: 0 } }),
      ).id,
    }));
    const subsA: { id: string; taskIds: string[]; close?: boolean }[] = [];
    d.attachLogChannel('a', a.handle.id, (s) => subsA.push(s));
    // b has a session but no log channel; "gone" has neither: neither is waited for
    const it = d.subscribeLogs(svc, { follow: false, tail: 10 });
    assert.equal(subsA.length, 1);
    assert.deepEqual(subsA[0]!.taskIds, [t.a]);
    d.publishLogs(
      'a',
      a.handle.id,
      subsA[0]!.id,
      [{ taskId: t.a, stream: 'stdout', timestamp: 1, line: Buffer.from('hello') }],
      false,
    );
    d.publishLogs(
      'a',
      a.handle.id,
      subsA[0]!.id,
      [{ taskId: t.a, stream: 'stderr', timestamp: 2, line: Buffer.from('world') }],
      true,
    );
    const lines: string[] = [];
    for await (const m of it) lines.push(`${m.nodeId}:${m.stream}:${Buffer.from(m.line).toString()}`);
    assert.deepEqual(lines, ['a:stdout:hello', 'a:stderr:world']);
    assert.ok(
      subsA.some((s) => s.close === true),
      'agent told the subscription is over',
    );

    // a connected node that never answers: the deadline ends it
    const it2 = d.subscribeLogs(svc, {});
    const all: unknown[] = [];
    const done = (async () => {
      for await (const m of it2) all.push(m);
    })();
    await settle();
    clock.advance(3000);
    await done;
    assert.equal(all.length, 0);
  });

  test('follow: tasks placed later join the stream; stopping tells the agents', async () => {
    const { store, clock, d } = setup();
    d.startLeading(clock.now());
    await joined(store, 'a');
    const a = await d.openSession('a', {}, '');
    const spec = fixtures.serviceSpec('web');
    const first = await store.update(
      (tx) =>
        tx.create(
          'tasks',
          fixtures.newTask('svc', 1, spec, { nodeId: 'a', status: { state: 'running', message: '', timestamp: 0 } }),
        ).id,
    );
    const subs: { id: string; taskIds: string[]; follow: boolean; close?: boolean }[] = [];
    d.attachLogChannel('a', a.handle.id, (s) => subs.push(s));
    const it = d.subscribeLogs('svc', { follow: true, tail: 0 });
    assert.deepEqual(
      subs.map((s) => s.taskIds),
      [[first]],
    );
    const later = await store.update(
      (tx) =>
        tx.create(
          'tasks',
          fixtures.newTask('svc', 2, spec, { nodeId: 'a', status: { state: 'assigned', message: '', timestamp: 0 } }),
        ).id,
    );
    await settle();
    assert.equal(subs.length, 2);
    assert.equal(subs[1]!.id, `${subs[0]!.id}.1`, 'a subscription id of its own (agents serve an id once)');
    assert.deepEqual(subs[1]!.taskIds, [later]);
    d.publishLogs(
      'a',
      a.handle.id,
      subs[1]!.id,
      [{ taskId: later, stream: 'stdout', timestamp: 3, line: Buffer.from('late') }],
      false,
    );
    const r = await it.next();
    assert.equal(Buffer.from(r.value!.line).toString(), 'late');
    await it.return!();
    assert.deepEqual(
      subs
        .filter((x) => x.close === true)
        .map((x) => x.id)
        .sort(),
      [subs[0]!.id, subs[1]!.id].sort(),
      'both ids closed',
    );
  });
});
