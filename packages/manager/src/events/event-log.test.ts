import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { ClusterStore, type Task } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { EventLog, type EventLogItem, type Subscription } from './event-log.js';
import { LEADER_KV_KEY, type ClusterEvent } from './cluster-event.js';
import { eventMatcher, parseEventFilters } from './event-filter.js';

const enc = new TextEncoder();

function cluster(replicas = 1, capacity?: number) {
  const stores = Array.from({ length: replicas }, (_, i) => new ClusterStore({ now: () => 1_000_000 + i }));
  const logs = stores.map((store) => new EventLog({ store, ...(capacity === undefined ? {} : { capacity }) }));
  const proposer = new LocalProposer({ replicas: stores });
  for (const s of stores) s.setProposer(proposer);
  return { stores, logs, proposer, store: stores[0]!, log: logs[0]! };
}

/** Lets the logs' watch loops take what the stores applied. */
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Takes `n` items from a subscription (fails after 2 s). */
async function take(sub: Subscription, n: number): Promise<EventLogItem[]> {
  const out: EventLogItem[] = [];
  const deadline = Date.now() + 2_000;
  while (out.length < n) {
    const r = await Promise.race([
      sub.next(),
      new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), Math.max(0, deadline - Date.now()))),
    ]);
    if (r === 'timeout') assert.fail(`got ${out.length} of ${n} items: ${JSON.stringify(out)}`);
    if (r.done === true) break;
    out.push(r.value);
  }
  return out;
}

/** Takes items until `n` events came. */
async function takeEvents(sub: Subscription, n: number): Promise<ClusterEvent[]> {
  const out: ClusterEvent[] = [];
  while (out.length < n) {
    const items = await take(sub, 1);
    if (items.length === 0) break;
    out.push(...eventsOf(items));
  }
  return out;
}

const eventsOf = (items: EventLogItem[]): ClusterEvent[] => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const brief = (e: ClusterEvent): string => `${e.type} ${e.action} ${e.name}`;

async function createService(store: ClusterStore, name: string, replicas = 1) {
  return store.update((tx) =>
    tx.create('services', fixtures.newService(name, { mode: { kind: 'replicated', replicas } })),
  );
}

async function setTaskState(
  store: ClusterStore,
  id: string,
  state: Task['status']['state'],
  extra: Partial<Task['status']> = {},
) {
  await store.update((tx) => {
    const t = tx.get('tasks', id)!;
    tx.update('tasks', { ...t, status: { ...t.status, state, message: `now ${state}`, ...extra } });
  });
}

test('store changes become events: service create/scale/remove, task states with reasons, node down/up, leader', async () => {
  const { store, log } = cluster();
  const node = await store.update((tx) => tx.create('nodes', fixtures.newNode('host-a')));
  const svc = await createService(store, 'web', 1);
  const task = await store.update((tx) =>
    tx.create('tasks', fixtures.newTask(svc.id, 1, svc.spec, { nodeId: node.id })),
  );
  await setTaskState(store, task.id, 'running');
  await setTaskState(store, task.id, 'failed', { err: 'exit status 3', exitCode: 3 });
  await store.update((tx) => {
    const s = tx.get('services', svc.id)!;
    tx.update('services', { ...s, spec: { ...s.spec, mode: { kind: 'replicated', replicas: 3 } } });
  });
  await store.update((tx) => {
    const n = tx.get('nodes', node.id)!;
    tx.update('nodes', { ...n, status: { state: 'down', message: 'heartbeat failure', timestamp: 5 } });
  });
  await store.update((tx) => {
    const n = tx.get('nodes', node.id)!;
    tx.update('nodes', { ...n, status: { ...n.status, timestamp: 6 } }); // no change anyone follows
  });
  await store.update((tx) => {
    const n = tx.get('nodes', node.id)!;
    tx.update('nodes', { ...n, status: { state: 'ready', message: '', timestamp: 7 } });
  });
  await store.update((tx) =>
    tx.kvPut(LEADER_KV_KEY, enc.encode(JSON.stringify({ nodeId: node.id, raftId: 1, term: 4, hostname: 'host-a' }))),
  );
  await store.update((tx) => tx.kvPut('app/other', enc.encode('x'))); // other kv keys make no events
  await store.update((tx) => tx.delete('services', svc.id));
  await settle();

  const got = log.recent();
  assert.deepEqual(got.map(brief), [
    'node create host-a',
    'service create web',
    'task create web.1',
    'task running web.1',
    'task failed web.1',
    'service update web',
    'node down host-a',
    'node up host-a',
    'node leader host-a',
    'service remove web',
  ]);
  const failed = got[4]!;
  assert.equal(failed.attributes['state.old'], 'running');
  assert.equal(failed.attributes['error'], 'exit status 3');
  assert.equal(failed.attributes['exitCode'], '3');
  assert.equal(failed.attributes['service'], 'web');
  assert.equal(failed.attributes['node'], node.id);
  assert.deepEqual(
    { old: got[5]!.attributes['replicas.old'], new: got[5]!.attributes['replicas.new'] },
    { old: '1', new: '3' },
  );
  assert.equal(got[6]!.attributes['message'], 'heartbeat failure');
  assert.equal(got[8]!.attributes['term'], '4');
  // cursors: the raft index of the change, strictly increasing; the time is the entry's
  for (let i = 1; i < got.length; i++) assert.ok(got[i]!.index > got[i - 1]!.index);
  assert.ok(got.every((e) => e.seq === 0 && e.time >= 1_000_000));
  assert.equal(log.position, store.version);
  log.close();
});

test('several events of one entry are numbered by their position in it', async () => {
  const { store, log } = cluster();
  const svc = await createService(store, 'api', 2);
  await store.update((tx) => {
    tx.create('tasks', fixtures.newTask(svc.id, 1, svc.spec));
    tx.create('tasks', fixtures.newTask(svc.id, 2, svc.spec));
  });
  await settle();
  const tasks = log.recent().filter((e) => e.type === 'task');
  assert.deepEqual(
    tasks.map((e) => [e.name, e.seq]),
    [
      ['api.1', 0],
      ['api.2', 1],
    ],
  );
  assert.equal(tasks[0]!.index, tasks[1]!.index);
  log.close();
});

test('every manager derives the same events: a stream resumes on another one without loss or repeat', async () => {
  const { stores, logs } = cluster(2);
  const [a, b] = logs as [EventLog, EventLog];
  const subA = a.subscribe();
  const svc = await createService(stores[0]!, 'web', 2);
  const t1 = await stores[0]!.update((tx) => tx.create('tasks', fixtures.newTask(svc.id, 1, svc.spec)));
  await setTaskState(stores[0]!, t1.id, 'running');
  await settle();
  assert.deepEqual(
    a.recent().map((e) => JSON.stringify(e)),
    b.recent().map((e) => JSON.stringify(e)),
  );
  const seenA = await takeEvents(subA, 3); // service create, task create, task running
  subA.close(); // manager a "dies" after the client saw the task being created, not yet running
  const last = seenA[1]!;
  await setTaskState(stores[1]!, t1.id, 'complete');
  const subB = b.subscribe({ after: { index: last.index, seq: last.seq } });
  const resumed = await takeEvents(subB, 2);
  assert.deepEqual(resumed.map(brief), ['task running web.1', 'task complete web.1']);
  assert.equal(resumed[0]!.index, seenA[2]!.index);
  subB.close();
  for (const l of logs) l.close();
});

test('a manager behind the client: resuming there repeats nothing it derives again', async () => {
  const { stores, logs, proposer } = cluster(1);
  const svc = await createService(stores[0]!, 'web', 1);
  const t = await stores[0]!.update((tx) => tx.create('tasks', fixtures.newTask(svc.id, 1, svc.spec)));
  await setTaskState(stores[0]!, t.id, 'running');
  await setTaskState(stores[0]!, t.id, 'shutdown');
  await settle();
  const seen = logs[0]!.recent();
  const cursor = seen[2]!; // task running

  // A follower that has applied only the first entry so far.
  const behind = new ClusterStore();
  const behindLog = new EventLog({ store: behind });
  behind.apply(proposer.log[0]!, 1);
  await settle();
  const sub = behindLog.subscribe({ after: { index: cursor.index, seq: cursor.seq } });
  for (let i = 1; i < proposer.log.length; i++) behind.apply(proposer.log[i]!, i + 1);
  const items = await take(sub, 2);
  assert.deepEqual(eventsOf(items).map(brief), ['task shutdown web.1']);
  assert.equal(eventsOf(items)[0]!.index, seen[3]!.index);
  sub.close();
  behindLog.close();
  logs[0]!.close();
});

test('the ring is bounded: resuming before what it keeps is refused; --since replays what it keeps', async () => {
  const { store, log } = cluster(1, 3);
  for (let i = 0; i < 5; i++) await createService(store, `s${i}`);
  await settle();
  const kept = log.recent();
  assert.deepEqual(
    kept.map((e) => e.name),
    ['s2', 's3', 's4'],
  );
  assert.throws(
    () => log.subscribe({ after: { index: kept[0]!.index - 2, seq: 0 } }), // after s0: s1 is gone
    (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.FailedPrecondition && /--since/.test(e.hint),
  );
  // right after the last dropped event is fine
  const sub = log.subscribe({ after: { index: kept[0]!.index - 1, seq: 0 } });
  assert.deepEqual(
    eventsOf(await take(sub, 4)).map((e) => e.name),
    ['s2', 's3', 's4'],
  );
  sub.close();
  const since = log.subscribe({ since: 0 });
  assert.equal(eventsOf(await take(since, 4)).length, 3);
  since.close();
  log.close();
});

test('a subscription starts with a position and coalesces positions; until ends it', async () => {
  const { store, log } = cluster();
  const sub = log.subscribe({ until: 2_000_000 });
  assert.deepEqual(await take(sub, 1), [{ kind: 'position', index: 0 }]);
  await store.update((tx) => tx.kvPut('app/a', enc.encode('1')));
  await store.update((tx) => tx.kvPut('app/b', enc.encode('2')));
  await settle();
  assert.deepEqual(await take(sub, 1), [{ kind: 'position', index: store.version }]);
  const late = new ClusterStore({ now: () => 3_000_000 });
  const lateLog = new EventLog({ store: late });
  late.setProposer(new LocalProposer({ replicas: [late] }));
  const lateSub = lateLog.subscribe({ until: 2_000_000 });
  await createService(late, 'after-until');
  await settle();
  const items = await take(lateSub, 5);
  assert.deepEqual(eventsOf(items), []);
  assert.equal(lateSub.closed, true);
  sub.close();
  log.close();
  lateLog.close();
});

test('a manager stopping fails its streams as UNAVAILABLE (the client resumes elsewhere)', async () => {
  const { log } = cluster();
  const sub = log.subscribe();
  await take(sub, 1);
  const next = sub.next();
  log.close();
  await assert.rejects(next, (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.Unavailable);
});

test('filters: keys AND, values OR; node= by resolved id or id prefix; unknown keys and types refused', () => {
  const ev = (over: Partial<ClusterEvent>): ClusterEvent => ({
    index: 1,
    seq: 0,
    time: 0,
    type: 'task',
    action: 'running',
    id: 'task1',
    name: 'web.1',
    attributes: { node: 'nodeA', service: 'web', serviceId: 'svc1' },
    ...over,
  });
  const m = eventMatcher(
    parseEventFilters([
      { key: 'type', value: 'task' },
      { key: 'type', value: 'node' },
      { key: 'node', value: 'host-a' },
    ]),
    { nodeIds: new Map([['host-a', ['nodeA']]]) },
  );
  assert.equal(m(ev({})), true);
  assert.equal(m(ev({ type: 'node', id: 'nodeA', name: 'host-a', attributes: {} })), true);
  assert.equal(m(ev({ attributes: { node: 'nodeB' } })), false);
  assert.equal(m(ev({ type: 'service', id: 'svc1', name: 'web', attributes: {} })), false);
  const byPrefix = eventMatcher(parseEventFilters([{ key: 'node', value: 'nodeA' }]));
  assert.equal(byPrefix(ev({})), true);
  const svc = eventMatcher(
    parseEventFilters([
      { key: 'service', value: 'web' },
      { key: 'event', value: 'running' },
    ]),
  );
  assert.equal(svc(ev({})), true);
  assert.equal(svc(ev({ action: 'failed' })), false);
  const name = eventMatcher(parseEventFilters([{ key: 'name', value: 'web' }]));
  assert.equal(name(ev({ type: 'service', id: 'svc1', name: 'web' })), true);
  assert.equal(name(ev({})), false);
  for (const bad of [
    { key: 'colour', value: 'red' },
    { key: 'type', value: 'container' },
    { key: 'type', value: '' },
  ]) {
    assert.throws(
      () => parseEventFilters([bad]),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && e.hint !== '',
    );
  }
});

test('an until already past still delivers the replay before the end', async () => {
  const { store, log } = cluster();
  for (let i = 0; i < 3; i++) await createService(store, `s${i}`);
  await settle();
  const sub = log.subscribe({ since: 0, until: Date.now() + 60_000 });
  sub.end(); // what the Events RPC does when until has passed
  const items = await take(sub, 10);
  assert.deepEqual(
    eventsOf(items).map((e) => e.name),
    ['s0', 's1', 's2'],
  );
  assert.equal(sub.closed, true);
  log.close();
});
