// The agent against fake dispatchers: real gRPC over mutual TLS with certificates from the cluster
// PKI, an in-memory executor. Covers redirects to the leader, the assignment stream, batched status
// reports, log subscriptions, and the reconnect to a new leader after the old one goes away.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { silentLogger, heartbeatDeadlineMs } from '@clusterctl/common';
import { createClusterCa, issueNodeCertificate } from '@clusterctl/ca';
import { clusterctl, DispatcherService } from '@clusterctl/proto';
import { FakeExecutor } from '../testing/fake-executor.js';
import { Agent } from './agent.js';
import { stateOrder } from './task-model.js';
import { DispatcherSession, SESSION_DEFAULTS } from './session.js';

const CLUSTER = 'c1';
const IMAGE = 'clusterctl/busybox:local';

type Tls = { caPem: string; certPem: string; keyPem: string };

class FakeDispatcher {
  server = new grpc.Server();
  addr = '';
  redirectTo: string | undefined;
  tasks: clusterctl.cluster.ITask[] = [];
  descriptions: clusterctl.dispatcher.INodeDescription[] = [];
  statusCalls: clusterctl.dispatcher.ITaskStatusUpdate[][] = [];
  heartbeats = 0;
  /** This many heartbeats (the next ones) are never answered: a leader too busy to answer in time. */
  unansweredHeartbeats = 0;
  /** What reached this dispatcher, in order: 'closing' heartbeats and 'cancelled' session streams. */
  events: string[] = [];
  published: clusterctl.dispatcher.PublishLogsMessage[] = [];
  logStreams: grpc.ServerWritableStream<unknown, clusterctl.dispatcher.ILogSubscription>[] = [];
  sessionsOpened = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly tls: Tls) {
    this.server.addService(DispatcherService as unknown as grpc.ServiceDefinition, {
      session: (
        call: grpc.ServerWritableStream<clusterctl.dispatcher.SessionRequest, clusterctl.dispatcher.ISessionMessage>,
      ) => {
        if (this.redirectTo) {
          call.write({ leaderAddr: this.redirectTo });
          call.end();
          return;
        }
        this.sessionsOpened++;
        this.descriptions.push(call.request.description ?? {});
        call.write({
          sessionId: `s-${this.addr}-${this.sessionsOpened}`,
          heartbeatPeriodMs: 100,
          managers: [{ nodeId: 'm', addr: this.addr, leader: true }],
        });
        call.on('cancelled', () => {
          this.events.push('cancelled');
          this.changed();
        });
        this.changed();
      },
      heartbeat: (
        call: grpc.ServerUnaryCall<clusterctl.dispatcher.HeartbeatRequest, unknown>,
        cb: grpc.sendUnaryData<clusterctl.dispatcher.IHeartbeatResponse>,
      ) => {
        this.heartbeats++;
        this.changed();
        if (this.unansweredHeartbeats > 0) {
          this.unansweredHeartbeats--;
          return;
        }
        if (call.request.closing) this.events.push('closing');
        cb(null, { periodMs: 100 });
      },
      assignments: (call: grpc.ServerWritableStream<unknown, clusterctl.dispatcher.IAssignmentsMessage>) => {
        call.write({ type: clusterctl.dispatcher.AssignmentsMessage.Type.COMPLETE, sequence: 1, update: this.tasks });
        call.on('cancelled', () => undefined);
      },
      updateTaskStatus: (
        call: grpc.ServerUnaryCall<clusterctl.dispatcher.UpdateTaskStatusRequest, unknown>,
        cb: grpc.sendUnaryData<clusterctl.dispatcher.IUpdateTaskStatusResponse>,
      ) => {
        this.statusCalls.push(call.request.updates);
        this.changed();
        cb(null, {});
      },
      logSubscriptions: (call: grpc.ServerWritableStream<unknown, clusterctl.dispatcher.ILogSubscription>) => {
        this.logStreams.push(call);
        call.on('cancelled', () => undefined);
        this.changed();
      },
      publishLogs: (
        call: grpc.ServerReadableStream<clusterctl.dispatcher.PublishLogsMessage, unknown>,
        cb: grpc.sendUnaryData<clusterctl.dispatcher.IPublishLogsResponse>,
      ) => {
        call.on('data', (m: clusterctl.dispatcher.PublishLogsMessage) => {
          this.published.push(m);
          this.changed();
        });
        call.on('end', () => cb(null, {}));
      },
    });
  }

  async listen(port = 0): Promise<void> {
    const creds = grpc.ServerCredentials.createSsl(
      Buffer.from(this.tls.caPem),
      [{ cert_chain: Buffer.from(this.tls.certPem), private_key: Buffer.from(this.tls.keyPem) }],
      true,
    );
    const bound = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`127.0.0.1:${port}`, creds, (err, p) => (err ? reject(err) : resolve(p))),
    );
    this.addr = `127.0.0.1:${bound}`;
  }

  statuses(taskId: string): string[] {
    return this.statusCalls
      .flat()
      .filter((u) => u.taskId === taskId)
      .map((u) => u.status?.state ?? '');
  }

  changed(): void {
    for (const f of this.waiters.splice(0)) f();
  }

  async until(what: string, pred: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

function protoTask(id: string, slot: number): clusterctl.cluster.ITask {
  return {
    id,
    serviceId: 'svc',
    slot,
    nodeId: 'node-a',
    desiredState: 'running',
    status: { state: 'assigned' },
    spec: { name: 'web', image: IMAGE },
  };
}

describe('agent session with a dispatcher (mTLS)', () => {
  let ca: Awaited<ReturnType<typeof createClusterCa>>;
  let m1: FakeDispatcher;
  let m2: FakeDispatcher;
  let workerTls: Tls;
  let dir: string;
  const fake = new FakeExecutor({ images: [IMAGE], engine: { ncpu: 3, memoryBytes: 1 << 30, labels: { zone: 'a' } } });
  let agent: Agent;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-session-'));
    ca = await createClusterCa({ clusterId: CLUSTER });
    const [c1, c2, w] = await Promise.all([
      issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: CLUSTER }),
      issueNodeCertificate(ca, { nodeId: 'm2', role: 'manager', clusterId: CLUSTER }),
      issueNodeCertificate(ca, { nodeId: 'node-a', role: 'worker', clusterId: CLUSTER }),
    ]);
    m1 = new FakeDispatcher({ caPem: ca.certPem, ...c1 });
    m2 = new FakeDispatcher({ caPem: ca.certPem, ...c2 });
    workerTls = { caPem: ca.certPem, ...w };
    await m1.listen();
    await m2.listen();
  });

  after(async () => {
    await agent?.stop();
    m1.server.forceShutdown();
    m2.server.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('follows the redirect to the leader, registers, runs its assignment and reports statuses in order, batched', async () => {
    m1.redirectTo = m2.addr;
    m2.tasks = [protoTask('t1', 1), protoTask('t2', 2)];
    agent = new Agent({
      executor: fake,
      nodeId: 'node-a',
      clusterId: CLUSTER,
      dir,
      tls: workerTls,
      managers: [m1.addr],
      hostname: 'host-a',
      addr: '127.0.0.1',
      log: silentLogger(),
    });
    await agent.start();
    await m2.until(
      'both tasks running',
      () => m2.statuses('t1').includes('running') && m2.statuses('t2').includes('running'),
    );
    assert.equal(m1.sessionsOpened, 0);
    const d = m2.descriptions[0]!;
    assert.equal(d.hostname, 'host-a');
    assert.equal(d.resources?.nanoCpus, 3e9);
    assert.equal(d.resources?.memoryBytes, 1 << 30);
    assert.deepEqual(d.engineLabels, { zone: 'a' });
    for (const id of ['t1', 't2']) {
      const seq = m2.statuses(id).map(stateOrder);
      assert.deepEqual(
        seq,
        [...seq].sort((a, b) => a - b),
        `statuses of ${id} in lifecycle order`,
      );
    }
    const updates = m2.statusCalls.flat().length;
    assert.ok(m2.statusCalls.length < updates, `batched: ${m2.statusCalls.length} calls for ${updates} updates`);
    await m2.until('heartbeats', () => m2.heartbeats >= 2);
    assert.equal(agent.status().addr, m2.addr);
  });

  test('serves a log subscription and closes it when everything is sent', async () => {
    const cid = agent.tasks().find((t) => t.task.id === 't1')!.containerId!;
    fake.emitLog(cid, 'stdout', 'hello');
    fake.emitLog(cid, 'stderr', 'oops');
    await m2.until('log stream', () => m2.logStreams.length > 0);
    m2.logStreams.at(-1)!.write({ id: 'sub1', taskIds: ['t1', 'not-here'], follow: false, tail: -1 });
    await m2.until('log close', () => m2.published.some((p) => p.subscriptionId === 'sub1' && p.close));
    const lines = m2.published.filter((p) => p.subscriptionId === 'sub1').flatMap((p) => p.lines);
    assert.deepEqual(
      lines.map((l) => [l.taskId, l.stream, Buffer.from(l.line ?? new Uint8Array()).toString()]),
      [
        ['t1', 'stdout', 'hello'],
        ['t1', 'stderr', 'oops'],
      ],
    );
  });

  test('a follow subscription streams new lines until the manager closes it', async () => {
    const cid = agent.tasks().find((t) => t.task.id === 't2')!.containerId!;
    const stream = m2.logStreams.at(-1)!;
    stream.write({ id: 'sub2', taskIds: ['t2'], follow: true, tail: 0 });
    const lines = () =>
      m2.published
        .filter((p) => p.subscriptionId === 'sub2')
        .flatMap((p) => p.lines)
        .map((l) => Buffer.from(l.line ?? new Uint8Array()).toString());
    await m2.until('subscription active', () => fake.calls.some((c) => c.op === 'logs' && c.arg === cid));
    fake.emitLog(cid, 'stdout', 'one');
    await m2.until('first line', () => lines().includes('one'));
    fake.emitLog(cid, 'stdout', 'two');
    await m2.until('second line', () => lines().includes('two'));
    stream.write({ id: 'sub2', close: true });
    await m2.until('subscription closed on the agent', () => agent.status().logSubscriptions === 0);
    fake.emitLog(cid, 'stdout', 'four');
    // A later subscription sees 'four'; the closed one never does.
    stream.write({ id: 'sub3', taskIds: ['t2'], follow: false, tail: 1 });
    await m2.until('sub3 done', () => m2.published.some((p) => p.subscriptionId === 'sub3' && p.close));
    const sub3 = m2.published
      .filter((p) => p.subscriptionId === 'sub3')
      .flatMap((p) => p.lines)
      .map((l) => Buffer.from(l.line ?? new Uint8Array()).toString());
    assert.deepEqual(sub3, ['four']);
    assert.deepEqual(lines(), ['one', 'two']);
  });

  test('reconnects to the new leader within a second of the old one going away; tasks keep running', async (t) => {
    const before = new Map(agent.tasks().map((t) => [t.task.id, t.containerId]));
    const creates = fake.calls.filter((c) => c.op === 'create').length;
    // m1 becomes the leader and knows the tasks as running.
    m1.redirectTo = undefined;
    m1.tasks = [protoTask('t1', 1), protoTask('t2', 2)].map((t) => ({ ...t, status: { state: 'running' } }));
    const t0 = Date.now();
    m2.server.forceShutdown();
    await m1.until('session on m1', () => m1.sessionsOpened > 0 && agent.status().connected);
    const reconnectMs = Date.now() - t0;
    // The broken stream moved the agent, not a missed heartbeat: it was on m1 before the heartbeat
    // deadline of its period (100 ms here) could have run out. The time itself is a figure.
    t.diagnostic(`reconnected to the new leader ${reconnectMs} ms after the old one went away`);
    assert.ok(
      reconnectMs < heartbeatDeadlineMs(100),
      `reconnected in ${reconnectMs} ms, not before the heartbeat deadline (${heartbeatDeadlineMs(100)} ms)`,
    );
    await m1.until('heartbeats on m1', () => m1.heartbeats >= 1);
    assert.equal(fake.calls.filter((c) => c.op === 'create').length, creates, 'no task restarted');
    assert.deepEqual(new Map(agent.tasks().map((t) => [t.task.id, t.containerId])), before);
    assert.equal(m1.statusCalls.length, 0, 'nothing to re-report: the new leader knows they run');
    t.diagnostic(`agent reconnect after leader loss: ${reconnectMs} ms`);
  });
});

describe('agent session: a manager that hangs (connections open, nothing answers, no RST)', () => {
  let m: FakeDispatcher;
  let silent: Server;
  let silentAddr = '';
  const sockets: Socket[] = [];
  let workerTls: Tls;

  before(async () => {
    const ca = await createClusterCa({ clusterId: CLUSTER });
    const [c, w] = await Promise.all([
      issueNodeCertificate(ca, { nodeId: 'm3', role: 'manager', clusterId: CLUSTER }),
      issueNodeCertificate(ca, { nodeId: 'node-b', role: 'worker', clusterId: CLUSTER }),
    ]);
    m = new FakeDispatcher({ caPem: ca.certPem, ...c });
    await m.listen();
    workerTls = { caPem: ca.certPem, ...w };
    // Accepts TCP connections and never says a word: a SIGSTOPped manager (the kernel still accepts).
    silent = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentAddr = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });

  after(() => {
    m.server.forceShutdown();
    for (const s of sockets) s.destroy();
    silent.close();
  });

  test('a hung manager listed first is skipped after the connect timeout, long before the first-message timeout, and tried last afterwards', async () => {
    let ups = 0;
    const session = new DispatcherSession({
      clusterId: CLUSTER,
      tls: workerTls,
      managers: [silentAddr, m.addr],
      describe: async () => ({ hostname: 'host-b' }),
      log: silentLogger(),
      handlers: {
        onUp: () => void ups++,
        onDown: () => undefined,
        onAssignments: async () => undefined,
        onLogSubscription: () => undefined,
      },
    });
    const t0 = Date.now();
    session.start();
    try {
      await m.until('session on the live manager', () => session.state().connected, 5_000);
      const ms = Date.now() - t0;
      assert.equal(session.state().addr, m.addr);
      assert.ok(sockets.length >= 1, 'the hung manager was dialled first');
      // Skipped by the connect timeout, not the (longer) first-message timeout.
      assert.ok(
        ms < SESSION_DEFAULTS.firstMessageTimeoutMs,
        `connected after ${ms} ms, not before the first-message timeout`,
      );
      // The live manager ends the session: the agent comes back to it, not to the hung one first
      // (which would open a new connection to it).
      const opened = m.sessionsOpened;
      const dialsOfHung = sockets.length;
      session.reconnect();
      await m.until('a second session', () => m.sessionsOpened > opened && session.state().connected, 5_000);
      assert.equal(sockets.length, dialsOfHung, 'the hung manager was not dialled again first');
      assert.equal(ups, 2);
    } finally {
      await session.stop();
    }
  });

  test('a heartbeat answered too late is sent again on the same session: the session stays up', async () => {
    let downs = 0;
    const session = new DispatcherSession({
      clusterId: CLUSTER,
      tls: workerTls,
      managers: [m.addr],
      describe: async () => ({ hostname: 'host-d' }),
      log: silentLogger(),
      handlers: {
        onUp: () => undefined,
        onDown: () => void downs++,
        onAssignments: async () => undefined,
        onLogSubscription: () => undefined,
      },
    });
    session.start();
    try {
      await m.until('a session', () => session.state().connected, 5_000);
      const opened = m.sessionsOpened;
      const sessionId = session.state().sessionId;
      m.events = [];
      const before = m.heartbeats;
      m.unansweredHeartbeats = 1;
      // The unanswered one runs out its deadline; the retry and the next period's are answered.
      await m.until('the retry and the next heartbeat answered', () => m.heartbeats >= before + 3, 10_000);
      assert.equal(m.sessionsOpened, opened, 'no new session');
      assert.equal(session.state().sessionId, sessionId);
      assert.equal(downs, 0, 'the session never went down');
      assert.deepEqual(m.events, [], 'its stream was not cancelled');
    } finally {
      await session.stop();
    }
  });

  test('stop() tells the dispatcher it is closing on purpose before its session stream ends; a dropped session does not', async () => {
    const session = new DispatcherSession({
      clusterId: CLUSTER,
      tls: workerTls,
      managers: [m.addr],
      describe: async () => ({ hostname: 'host-c' }),
      log: silentLogger(),
      handlers: {
        onUp: () => undefined,
        onDown: () => undefined,
        onAssignments: async () => undefined,
        onLogSubscription: () => undefined,
      },
    });
    session.start();
    try {
      await m.until('a session', () => session.state().connected, 5_000);
      m.events = [];
      const opened = m.sessionsOpened;
      session.reconnect();
      await m.until(
        'the dropped session cancelled and a new one',
        () => m.events.includes('cancelled') && m.sessionsOpened > opened && session.state().connected,
        5_000,
      );
      assert.deepEqual(m.events, ['cancelled'], 'a session dropped for a reconnect is not announced as closing');
      m.events = [];
    } finally {
      await session.stop();
    }
    await m.until('the stream cancelled', () => m.events.includes('cancelled'), 5_000);
    assert.deepEqual(m.events, ['closing', 'cancelled']);
  });
});
