// The leader's logic end to end in one process: a real ClusterStore (LocalProposer), the leader
// components, and the Dispatcher gRPC service on a real mutual-TLS listener, driven by small fake
// agents (gRPC clients with node certificates from the cluster PKI) that "run" whatever they are
// assigned and report it. Default heartbeat period (500 ms) and grace (2 s).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { createClusterCa, issueNodeCertificate, serverCredentials } from '@clusterctl/ca';
import { DispatcherService, type clusterctl } from '@clusterctl/proto';
import { sleep, waitFor } from '@clusterctl/common/testing';
import { dispatcherClient, FakeAgent } from './testing/fake-agent.js';
import { ClusterStore, DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_SETTINGS, type Task } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';

import { Dispatcher } from '../dispatcher/dispatcher.js';
import { createDispatcherService } from '../dispatcher/dispatcher-service.js';
import { startLeaderComponents } from './leader-components.js';

const CLUSTER = 'itest';

/** The node record NodeCA makes on join. */
async function joined(store: ClusterStore, id: string, role: 'worker' | 'manager'): Promise<void> {
  await store.update((tx) =>
    tx.create('nodes', {
      ...fixtures.newNode(id),
      id,
      role,
      status: { state: 'unknown', message: 'joined', timestamp: Date.now() },
      resources: { nanoCpus: 0, memoryBytes: 0 },
    }),
  );
}

test('3 replicas spread over 3 nodes; a silent node is marked down within the grace and its task replaced at once; drain moves tasks', async () => {
  const ca = await createClusterCa({ clusterId: CLUSTER });
  const mgr = await issueNodeCertificate(ca, { nodeId: 'mgr1', role: 'manager', clusterId: CLUSTER });
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  await store.update((tx) =>
    tx.create('cluster', {
      id: DEFAULT_CLUSTER_ID,
      name: CLUSTER,
      settings: { ...DEFAULT_CLUSTER_SETTINGS },
      joinTokenDigests: { worker: '', manager: '' },
    }),
  );
  // Non-follow logs would end at this deadline at the latest: far beyond any wait below, so a read
  // that ends proves it ended because the live nodes answered.
  const LOG_DEADLINE_MS = 120_000;
  const dispatcher = new Dispatcher({
    store,
    clusterId: CLUSTER,
    isLeader: () => true,
    leaderAddr: () => '',
    logDeadlineMs: LOG_DEADLINE_MS,
  });
  const server = new grpc.Server();
  server.addService(DispatcherService as unknown as grpc.ServiceDefinition, createDispatcherService(dispatcher));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      serverCredentials({ caPem: ca.certPem, certPem: mgr.certPem, keyPem: mgr.keyPem }),
      (err, p) => (err ? reject(err) : resolve(p)),
    ),
  );
  const addr = `127.0.0.1:${port}`;
  const leader = startLeaderComponents({ store, dispatcher });
  const agents: FakeAgent[] = [];
  const newAgent = async (id: string, role: 'worker' | 'manager' = 'worker'): Promise<FakeAgent> => {
    const cert = await issueNodeCertificate(ca, { nodeId: id, role, clusterId: CLUSTER });
    await joined(store, id, role);
    const a = new FakeAgent({
      nodeId: id,
      clusterId: CLUSTER,
      managerAddrs: [addr],
      tls: { caPem: ca.certPem, certPem: cert.certPem, keyPem: cert.keyPem },
    });
    agents.push(a);
    await a.start();
    return a;
  };
  const tasks = (): Task[] => store.view((tx) => tx.list('tasks'));
  const runningOn = (): Map<string, Task> =>
    new Map(
      tasks()
        .filter((t) => t.desiredState === 'running' && t.status.state === 'running')
        .map((t) => [t.nodeId, t]),
    );
  let maxDesiredRunning = 0;
  const audit = store.watch({ table: 'tasks', commitEvents: true });
  void (async () => {
    for await (const e of audit)
      if (e.type === 'commit')
        maxDesiredRunning = Math.max(maxDesiredRunning, tasks().filter((t) => t.desiredState === 'running').length);
  })();
  try {
    const w1 = await newAgent('w1');
    await newAgent('w2');
    await newAgent('m1', 'manager');
    assert.deepEqual(
      store.view((tx) => tx.list('nodes').map((n) => `${n.id}:${n.role}:${n.status.state}:${n.hostname}`)).sort(),
      ['m1:manager:ready:host-m1', 'w1:worker:ready:host-w1', 'w2:worker:ready:host-w2'],
    );
    const t0 = Date.now();
    await store.update((tx) =>
      tx.create('services', fixtures.newService('web', { mode: { kind: 'replicated', replicas: 3 } })),
    );
    const tRunning = await waitFor('3 replicas running on 3 nodes', () => runningOn().size === 3 && Date.now(), {
      timeoutMs: 10_000,
      intervalMs: 5,
    });
    assert.deepEqual([...runningOn().keys()].sort(), ['m1', 'w1', 'w2']);
    const createToRunningMs = tRunning - t0;
    const svcId = store.view((tx) => tx.getByName('services', 'web')!.id);
    const readLogs = async (): Promise<string[]> => {
      const out: string[] = [];
      for await (const m of dispatcher.subscribeLogs(svcId, { tail: -1 }))
        out.push(`${m.nodeId}:${Buffer.from(m.line).toString()}`);
      return out.sort();
    };
    const logLines = await readLogs();
    assert.equal(logLines.length, 3);
    assert.deepEqual(
      logLines.map((l) => l.split(':')[0]),
      ['m1', 'w1', 'w2'],
    );
    assert.ok(
      logLines.every((l) => /^(\w+):log of \w+ on \1$/.test(l)),
      logLines.join('|'),
    );

    // a spare node joins; then w1 goes silent
    const w4 = await newAgent('w4');
    const victim = runningOn().get('w1')!;
    // Every write from here on, in commit order: the replacement must be the leader's direct answer
    // to the down, not the work of a later pass.
    const writes: Array<{ version: number; what: string }> = [];
    const writeLog = store.watch({});
    void (async () => {
      for await (const e of writeLog) {
        if (e.type !== 'create' && e.type !== 'update') continue;
        if (e.table === 'nodes')
          writes.push({ version: e.version, what: `node ${e.object.id} ${e.object.status.state}` });
        else if (e.table === 'tasks')
          writes.push({
            version: e.version,
            what: `${e.type} task ${e.object.id === victim.id ? 'victim' : e.object.slot === victim.slot ? 'replacement' : e.object.id} ${e.object.desiredState}/${e.object.status.state}`,
          });
        else writes.push({ version: e.version, what: `${e.table} ${e.object.id}` });
      }
    })();
    w1.hang();
    const lastBeat = Math.max(w1.lastHeartbeatAt, w1.lastHeartbeatSentAt);
    const tDown = await waitFor(
      'w1 marked down',
      () => store.view((tx) => tx.get('nodes', 'w1'))!.status.state === 'down' && Date.now(),
      { timeoutMs: 5000, intervalMs: 5 },
    );
    const tReplaced = await waitFor(
      'replacement assigned',
      () =>
        (tasks().some(
          (t) =>
            t.slot === victim.slot &&
            t.id !== victim.id &&
            t.desiredState === 'running' &&
            t.status.state === 'assigned',
        ) ||
          tasks().some((t) => t.slot === victim.slot && t.id !== victim.id && t.status.state === 'running')) &&
        Date.now(),
      { timeoutMs: 10_000, intervalMs: 5 },
    );
    const tReplRunning = await waitFor(
      'replacement running',
      () =>
        tasks().some((t) => t.slot === victim.slot && t.id !== victim.id && t.status.state === 'running') && Date.now(),
      { timeoutMs: 10_000, intervalMs: 5 },
    );
    const repl = tasks().find((t) => t.slot === victim.slot && t.id !== victim.id && t.status.state === 'running')!;
    assert.notEqual(repl.nodeId, 'w1');
    assert.equal(repl.nodeId, w4.nodeId, 'the replacement goes to the node without a replica');
    assert.equal(store.view((tx) => tx.get('tasks', victim.id))!.desiredState, 'shutdown');
    // Not marked down before the grace (2 s) ran out; how much later is a figure (printed below).
    const downAfterLastBeatMs = tDown - lastBeat;
    assert.ok(
      downAfterLastBeatMs >= 2000 - 600,
      `marked down ${downAfterLastBeatMs} ms after the last heartbeat, before the grace ran out`,
    );
    // "At once": the entry right after the down shuts the victim and creates its replacement, and
    // the next one assigns it; nothing (no later pass, no timer) comes in between.
    writeLog.close();
    const downAt = writes.find((w) => w.what === 'node w1 down')?.version;
    assert.ok(downAt !== undefined, JSON.stringify(writes));
    const after = writes
      .filter((w) => w.version > downAt && w.version <= downAt + 2)
      .map((w) => `${w.version - downAt} ${w.what}`)
      .sort();
    assert.deepEqual(
      after,
      [
        '1 create task replacement running/pending',
        '1 update task victim shutdown/running',
        '2 update task replacement running/assigned',
      ],
      JSON.stringify(writes),
    );

    // logs with a dead node: the live nodes answer, nothing hangs for the dead one (the broker's
    // deadline is LOG_DEADLINE_MS, so a read that ends well before it ended on the live answers)
    const stopWaiting = new AbortController();
    const afterKill = await Promise.race([
      readLogs(),
      sleep(LOG_DEADLINE_MS / 4, undefined, { signal: stopWaiting.signal }).then(() =>
        assert.fail('non-follow logs still wait for the dead node'),
      ),
    ]).finally(() => stopWaiting.abort());
    assert.ok(!afterKill.some((l) => l.startsWith('w1:')));
    assert.ok(
      afterKill.some((l) => l.startsWith('w4:')),
      'the replacement is in the logs',
    );

    // drain w2: its task moves at once; the agent stops the old one
    const onW2 = runningOn().get('w2')!;
    const tDrain = Date.now();
    await store.update((tx) => {
      const n = tx.get('nodes', 'w2')!;
      tx.update('nodes', { ...n, availability: 'drain' });
    });
    const tMoved = await waitFor(
      'drained task running elsewhere',
      () => tasks().some((t) => t.slot === onW2.slot && t.id !== onW2.id && t.status.state === 'running') && Date.now(),
      { timeoutMs: 10_000, intervalMs: 5 },
    );
    await waitFor(
      'old task stopped on the drained node',
      () => store.view((tx) => tx.get('tasks', onW2.id))?.status.state === 'shutdown' && Date.now(),
      { timeoutMs: 10_000, intervalMs: 5 },
    );
    const running = tasks().filter((t) => t.desiredState === 'running' && t.status.state === 'running');
    assert.equal(running.length, 3);
    assert.deepEqual(running.map((t) => t.slot).sort(), [1, 2, 3]);
    assert.ok(
      running.every((t) => t.nodeId === 'm1' || t.nodeId === 'w4'),
      'nothing on the down or drained node',
    );
    assert.ok(maxDesiredRunning <= 3, `never more than 3 tasks meant to run (${maxDesiredRunning})`);
    console.log(
      JSON.stringify({
        createToRunningMs,
        downAfterLastBeatMs,
        downToReplacementAssignedMs: tReplaced - tDown,
        lastBeatToReplacementRunningMs: tReplRunning - lastBeat,
        drainToMovedRunningMs: tMoved - tDrain,
      }),
    );
  } finally {
    audit.close();
    for (const a of agents) if (!a.dead) a.kill();
    await leader.stop();
    dispatcher.close();
    server.forceShutdown();
  }
});

test('the Dispatcher service refuses a session id of another node and redirects from a follower', async () => {
  const ca = await createClusterCa({ clusterId: CLUSTER });
  const mgr = await issueNodeCertificate(ca, { nodeId: 'mgr1', role: 'manager', clusterId: CLUSTER });
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  let leading = true;
  const dispatcher = new Dispatcher({
    store,
    clusterId: CLUSTER,
    isLeader: () => leading,
    leaderAddr: () => (leading ? '' : '10.9.9.9:4280'),
  });
  const server = new grpc.Server();
  server.addService(DispatcherService as unknown as grpc.ServiceDefinition, createDispatcherService(dispatcher));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      serverCredentials({ caPem: ca.certPem, certPem: mgr.certPem, keyPem: mgr.keyPem }),
      (err, p) => (err ? reject(err) : resolve(p)),
    ),
  );
  dispatcher.startLeading();
  await joined(store, 'a', 'worker');
  await joined(store, 'b', 'worker');
  const a = await issueNodeCertificate(ca, { nodeId: 'a', role: 'worker', clusterId: CLUSTER });
  const b = await issueNodeCertificate(ca, { nodeId: 'b', role: 'worker', clusterId: CLUSTER });
  const agentA = new FakeAgent({
    nodeId: 'a',
    clusterId: CLUSTER,
    managerAddrs: [`127.0.0.1:${port}`],
    tls: { caPem: ca.certPem, ...a },
  });
  const cb = dispatcherClient(`127.0.0.1:${port}`, { caPem: ca.certPem, ...b }, CLUSTER);
  try {
    await agentA.start();
    // b presents a's session id: refused (the node id comes from b's certificate)
    const err = await new Promise<grpc.ServiceError | null>((resolve) =>
      cb.heartbeat({ sessionId: agentA.sessionId }, (e: grpc.ServiceError | null) => resolve(e)),
    );
    assert.equal(err?.code, grpc.status.NOT_FOUND);
    // leadership lost: a new Session is answered with the leader's address only
    dispatcher.stopLeading();
    leading = false;
    const msg = await new Promise<clusterctl.dispatcher.SessionMessage>((resolve, reject) => {
      const s = cb.session({}) as grpc.ClientReadableStream<clusterctl.dispatcher.SessionMessage>;
      s.once('data', resolve);
      s.once('error', reject);
    });
    assert.equal(msg.leaderAddr, '10.9.9.9:4280');
    assert.equal(msg.sessionId, '');
  } finally {
    agentA.kill();
    cb.close();
    dispatcher.close();
    server.forceShutdown();
  }
});
