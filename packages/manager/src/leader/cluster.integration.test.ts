// The leader's logic end to end in one process: a real ClusterStore (LocalProposer), the leader
// components, and the Dispatcher gRPC service on a real mutual-TLS listener, driven by small fake
// agents (gRPC clients with node certificates from the cluster PKI) that "run" whatever they are
// assigned and report it. Default heartbeat period (500 ms) and grace (2 s).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { createClusterCa, issueNodeCertificate, serverCredentials } from '@clusterctl/ca';
import { DispatcherService, type clusterctl } from '@clusterctl/proto';
import { FakeAgent } from './testing/fake-agent.js';
import { ClusterStore, DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_SETTINGS, LocalProposer, fixtures, type Task } from '@clusterctl/store';
import { nodeChannelCredentials, NODE_CHANNEL_OPTIONS } from '../ca/join-client.js';

type AnyClient = grpc.Client & Record<string, (...args: unknown[]) => unknown>;
const DispatcherClient = grpc.makeGenericClientConstructor(DispatcherService as unknown as grpc.ServiceDefinition, 'Dispatcher');
import { Dispatcher } from '../dispatcher/dispatcher.js';
import { createDispatcherService } from '../dispatcher/dispatcher-service.js';
import { startLeaderComponents } from './leader-components.js';

const CLUSTER = 'itest';



/** The node record NodeCA makes on join. */
async function joined(store: ClusterStore, id: string, role: 'worker' | 'manager'): Promise<void> {
  await store.update((tx) => tx.create('nodes', { ...fixtures.newNode(id), id, role, status: { state: 'unknown', message: 'joined', timestamp: Date.now() }, resources: { nanoCpus: 0, memoryBytes: 0 } }));
}

async function waitFor(store: ClusterStore, pred: () => boolean, what: string, timeoutMs = 10_000): Promise<number> {
  if (pred()) return Date.now();
  const w = store.watch({ commitEvents: true });
  const timer = setTimeout(() => w.close(), timeoutMs);
  try {
    for await (const e of w) if (e.type === 'commit' && pred()) return Date.now();
  } finally {
    clearTimeout(timer);
    w.close();
  }
  assert.fail(`timed out waiting for ${what}`);
}

test('3 replicas spread over 3 nodes; a silent node is marked down within the grace and its task replaced at once; drain moves tasks', async () => {
  const ca = await createClusterCa({ clusterId: CLUSTER });
  const mgr = await issueNodeCertificate(ca, { nodeId: 'mgr1', role: 'manager', clusterId: CLUSTER });
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  await store.update((tx) => tx.create('cluster', { id: DEFAULT_CLUSTER_ID, name: CLUSTER, settings: { ...DEFAULT_CLUSTER_SETTINGS }, joinTokenDigests: { worker: '', manager: '' } }));
  const dispatcher = new Dispatcher({ store, clusterId: CLUSTER, isLeader: () => true, leaderAddr: () => '' });
  const server = new grpc.Server();
  server.addService(DispatcherService as unknown as grpc.ServiceDefinition, createDispatcherService(dispatcher));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', serverCredentials({ caPem: ca.certPem, certPem: mgr.certPem, keyPem: mgr.keyPem }), (err, p) => (err ? reject(err) : resolve(p))),
  );
  const addr = `127.0.0.1:${port}`;
  const leader = startLeaderComponents({ store, dispatcher });
  const agents: FakeAgent[] = [];
  const newAgent = async (id: string, role: 'worker' | 'manager' = 'worker'): Promise<FakeAgent> => {
    const cert = await issueNodeCertificate(ca, { nodeId: id, role, clusterId: CLUSTER });
    await joined(store, id, role);
    const a = new FakeAgent({ nodeId: id, clusterId: CLUSTER, managerAddrs: [addr], tls: { caPem: ca.certPem, certPem: cert.certPem, keyPem: cert.keyPem } });
    agents.push(a);
    await a.start();
    return a;
  };
  const tasks = (): Task[] => store.view((tx) => tx.list('tasks'));
  const runningOn = (): Map<string, Task> => new Map(tasks().filter((t) => t.desiredState === 'running' && t.status.state === 'running').map((t) => [t.nodeId, t]));
  let maxDesiredRunning = 0;
  const audit = store.watch({ table: 'tasks', commitEvents: true });
  void (async () => {
    for await (const e of audit) if (e.type === 'commit') maxDesiredRunning = Math.max(maxDesiredRunning, tasks().filter((t) => t.desiredState === 'running').length);
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
    await store.update((tx) => tx.create('services', fixtures.newService('web', { mode: { kind: 'replicated', replicas: 3 } })));
    const tRunning = await waitFor(store, () => runningOn().size === 3, '3 replicas running on 3 nodes');
    assert.deepEqual([...runningOn().keys()].sort(), ['m1', 'w1', 'w2']);
    const createToRunningMs = tRunning - t0;
    const svcId = store.view((tx) => tx.getByName('services', 'web')!.id);
    const readLogs = async (): Promise<string[]> => {
      const out: string[] = [];
      for await (const m of dispatcher.subscribeLogs(svcId, { tail: -1 })) out.push(`${m.nodeId}:${Buffer.from(m.line).toString()}`);
      return out.sort();
    };
    const logLines = await readLogs();
    assert.equal(logLines.length, 3);
    assert.deepEqual(logLines.map((l) => l.split(':')[0]), ['m1', 'w1', 'w2']);
    assert.ok(logLines.every((l) => /^(\w+):log of \w+ on \1$/.test(l)), logLines.join('|'));

    // a spare node joins; then w1 goes silent
    const w4 = await newAgent('w4');
    const victim = runningOn().get('w1')!;
    w1.hang();
    const lastBeat = Math.max(w1.lastHeartbeatAt, w1.lastHeartbeatSentAt);
    const tDown = await waitFor(store, () => store.view((tx) => tx.get('nodes', 'w1'))!.status.state === 'down', 'w1 marked down', 5000);
    const tReplaced = await waitFor(
      store,
      () => tasks().some((t) => t.slot === victim.slot && t.id !== victim.id && t.desiredState === 'running' && t.status.state === 'assigned') || tasks().some((t) => t.slot === victim.slot && t.id !== victim.id && t.status.state === 'running'),
      'replacement assigned',
    );
    const tReplRunning = await waitFor(store, () => tasks().some((t) => t.slot === victim.slot && t.id !== victim.id && t.status.state === 'running'), 'replacement running');
    const repl = tasks().find((t) => t.slot === victim.slot && t.id !== victim.id && t.status.state === 'running')!;
    assert.notEqual(repl.nodeId, 'w1');
    assert.equal(repl.nodeId, w4.nodeId, 'the replacement goes to the node without a replica');
    assert.equal(store.view((tx) => tx.get('tasks', victim.id))!.desiredState, 'shutdown');
    const downAfterLastBeatMs = tDown - lastBeat;
    assert.ok(downAfterLastBeatMs >= 2000 - 600 && downAfterLastBeatMs <= 2000 + 1000, `marked down ${downAfterLastBeatMs} ms after the last heartbeat`);
    assert.ok(tReplaced - tDown < 500, `replacement ${tReplaced - tDown} ms after down`);

    // logs with a dead node: the live nodes answer, nothing hangs for the dead one
    const tLogs = Date.now();
    const afterKill = await readLogs();
    assert.ok(Date.now() - tLogs < 1000, 'non-follow logs end once the live nodes answered');
    assert.ok(!afterKill.some((l) => l.startsWith('w1:')));
    assert.ok(afterKill.some((l) => l.startsWith('w4:')), 'the replacement is in the logs');

    // drain w2: its task moves at once; the agent stops the old one
    const onW2 = runningOn().get('w2')!;
    const tDrain = Date.now();
    await store.update((tx) => {
      const n = tx.get('nodes', 'w2')!;
      tx.update('nodes', { ...n, availability: 'drain' });
    });
    const tMoved = await waitFor(store, () => tasks().some((t) => t.slot === onW2.slot && t.id !== onW2.id && t.status.state === 'running'), 'drained task running elsewhere');
    await waitFor(store, () => store.view((tx) => tx.get('tasks', onW2.id))?.status.state === 'shutdown', 'old task stopped on the drained node');
    const running = tasks().filter((t) => t.desiredState === 'running' && t.status.state === 'running');
    assert.equal(running.length, 3);
    assert.deepEqual(running.map((t) => t.slot).sort(), [1, 2, 3]);
    assert.ok(running.every((t) => t.nodeId === 'm1' || t.nodeId === 'w4'), 'nothing on the down or drained node');
    assert.ok(maxDesiredRunning <= 3, `never more than 3 tasks meant to run (${maxDesiredRunning})`);
    console.log(JSON.stringify({ createToRunningMs, downAfterLastBeatMs, downToReplacementAssignedMs: tReplaced - tDown, lastBeatToReplacementRunningMs: tReplRunning - lastBeat, drainToMovedRunningMs: tMoved - tDrain }));
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
  const dispatcher = new Dispatcher({ store, clusterId: CLUSTER, isLeader: () => leading, leaderAddr: () => (leading ? '' : '10.9.9.9:4280') });
  const server = new grpc.Server();
  server.addService(DispatcherService as unknown as grpc.ServiceDefinition, createDispatcherService(dispatcher));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', serverCredentials({ caPem: ca.certPem, certPem: mgr.certPem, keyPem: mgr.keyPem }), (err, p) => (err ? reject(err) : resolve(p))),
  );
  dispatcher.startLeading();
  await joined(store, 'a', 'worker');
  await joined(store, 'b', 'worker');
  const a = await issueNodeCertificate(ca, { nodeId: 'a', role: 'worker', clusterId: CLUSTER });
  const b = await issueNodeCertificate(ca, { nodeId: 'b', role: 'worker', clusterId: CLUSTER });
  const agentA = new FakeAgent({ nodeId: 'a', clusterId: CLUSTER, managerAddrs: [`127.0.0.1:${port}`], tls: { caPem: ca.certPem, ...a } });
  const cb = new DispatcherClient(`127.0.0.1:${port}`, nodeChannelCredentials({ caPem: ca.certPem, ...b }, CLUSTER), NODE_CHANNEL_OPTIONS) as unknown as AnyClient;
  try {
    await agentA.start();
    // b presents a's session id: refused (the node id comes from b's certificate)
    const err = await new Promise<grpc.ServiceError | null>((resolve) => cb.heartbeat({ sessionId: agentA.sessionId }, (e: grpc.ServiceError | null) => resolve(e)));
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
