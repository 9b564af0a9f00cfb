// A small stand-in for a node's agent, for tests of the leader's logic over the real Dispatcher
// gRPC service (mutual TLS): keeps a session with the leader (follows redirects, fails over across
// the managers it knows), heartbeats, and "runs" whatever it is assigned: a task meant to run is
// reported running, a task meant to stop is reported shutdown. No containers.

import * as grpc from '@grpc/grpc-js';
import { DispatcherService, type clusterctl } from '@clusterctl/proto';
import { managerChannelCredentials, NODE_CHANNEL_OPTIONS } from '@clusterctl/ca';

/** A raw Dispatcher client: one callback-style function per method of the service. */
export type DispatcherRawClient = grpc.Client & {
  [M in keyof typeof DispatcherService]: (...args: unknown[]) => unknown;
};
const DispatcherClient = grpc.makeGenericClientConstructor(
  DispatcherService as unknown as grpc.ServiceDefinition,
  'Dispatcher',
);

/** A Dispatcher client over mutual TLS with a node's certificate. */
export function dispatcherClient(
  addr: string,
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
): DispatcherRawClient {
  return new DispatcherClient(
    addr,
    managerChannelCredentials(tls, clusterId),
    NODE_CHANNEL_OPTIONS,
  ) as unknown as DispatcherRawClient;
}

const BEFORE_RUNNING = ['assigned', 'accepted', 'preparing', 'starting'];

export interface FakeAgentOptions {
  nodeId: string;
  clusterId: string;
  /** Managers to try, in order (the session's manager list replaces it). */
  managerAddrs: string[];
  tls: { caPem: string; certPem: string; keyPem: string };
  hostname?: string;
  reconnectDelayMs?: number;
}

export class FakeAgent {
  readonly nodeId: string;
  private readonly opts: FakeAgentOptions;
  private readonly clients = new Map<string, DispatcherRawClient>();
  private addrs: string[];
  private addrIndex = 0;
  private target: string;
  private gen = 0;
  private hbTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private streams: grpc.ClientReadableStream<unknown>[] = [];
  sessionId = '';
  lastHeartbeatAt = 0;
  /** When the last heartbeat was sent (it may reach the manager after a kill). */
  lastHeartbeatSentAt = 0;
  /** Sessions opened (1 + reconnections). */
  sessions = 0;
  /** Tasks this agent started (reported running), by id. */
  readonly started = new Set<string>();
  readonly tasks = new Map<string, clusterctl.cluster.ITask>();
  private readonly reported = new Map<string, string>();
  dead = false;
  private connectedWaiters: (() => void)[] = [];

  constructor(opts: FakeAgentOptions) {
    this.opts = opts;
    this.nodeId = opts.nodeId;
    this.addrs = [...opts.managerAddrs];
    this.target = this.addrs[0]!;
  }

  private client(addr: string): DispatcherRawClient {
    let c = this.clients.get(addr);
    if (c === undefined) {
      c = dispatcherClient(addr, this.opts.tls, this.opts.clusterId);
      this.clients.set(addr, c);
    }
    return c;
  }

  /** Connects; resolves once a session is open. */
  start(): Promise<void> {
    const p = new Promise<void>((resolve) => this.connectedWaiters.push(resolve));
    this.connect();
    return p;
  }

  private connect(): void {
    if (this.dead) return;
    const gen = ++this.gen;
    const c = this.client(this.target);
    const sess = c.session({
      description: {
        hostname: this.opts.hostname ?? `host-${this.nodeId}`,
        resources: { nanoCpus: 2e9, memoryBytes: 2 ** 31 },
        addr: '127.0.0.1',
      },
    }) as grpc.ClientReadableStream<clusterctl.dispatcher.SessionMessage>;
    this.streams.push(sess);
    let established = false;
    const lost = (): void => {
      if (gen === this.gen) this.reconnect(true);
    };
    sess.on('error', lost);
    sess.on('end', lost);
    sess.on('data', (m: clusterctl.dispatcher.SessionMessage) => {
      if (gen !== this.gen) return;
      const known = m.managers.map((x) => x.addr ?? '').filter((a) => a !== '');
      if (known.length > 0) this.addrs = known;
      if (m.leaderAddr !== '') {
        this.target = m.leaderAddr;
        this.reconnect(false);
        return;
      }
      if (m.sessionId === '') return;
      if (m.sessionId === this.sessionId && established) return; // a refresh of the manager list
      established = true;
      this.sessionId = m.sessionId;
      this.sessions++;
      this.lastHeartbeatAt = Date.now();
      this.heartbeatLoop(gen, c, Number(m.heartbeatPeriodMs));
      const asg = c.assignments({
        sessionId: this.sessionId,
      }) as grpc.ClientReadableStream<clusterctl.dispatcher.AssignmentsMessage>;
      this.streams.push(asg);
      asg.on('error', lost);
      asg.on('data', (a: clusterctl.dispatcher.AssignmentsMessage) => {
        if (gen === this.gen) this.onAssignments(c, a);
      });
      const logs = c.logSubscriptions({
        sessionId: this.sessionId,
      }) as grpc.ClientReadableStream<clusterctl.dispatcher.LogSubscription>;
      this.streams.push(logs);
      logs.on('error', () => {});
      logs.on('data', (sub: clusterctl.dispatcher.LogSubscription) => {
        if (gen === this.gen && !sub.close) this.publishLogs(c, sub);
      });
      for (const f of this.connectedWaiters.splice(0)) f();
    });
  }

  private heartbeatLoop(gen: number, c: DispatcherRawClient, periodMs: number): void {
    this.hbTimer = setTimeout(() => {
      if (gen !== this.gen || this.dead) return;
      this.lastHeartbeatSentAt = Date.now();
      c.heartbeat(
        { sessionId: this.sessionId },
        { deadline: Date.now() + periodMs * 2 },
        (err: grpc.ServiceError | null) => {
          if (gen !== this.gen) return;
          if (err === null) this.lastHeartbeatAt = Date.now();
          else this.reconnect(true);
        },
      );
      this.heartbeatLoop(gen, c, periodMs);
    }, periodMs);
  }

  private reconnect(failed: boolean): void {
    this.gen++;
    if (this.hbTimer !== undefined) clearTimeout(this.hbTimer);
    for (const s of this.streams.splice(0)) s.cancel();
    if (this.dead) return;
    if (failed) {
      this.addrIndex = (this.addrIndex + 1) % this.addrs.length;
      this.target = this.addrs[this.addrIndex]!;
    }
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), failed ? (this.opts.reconnectDelayMs ?? 50) : 0);
  }

  private onAssignments(c: DispatcherRawClient, m: clusterctl.dispatcher.AssignmentsMessage): void {
    if (m.type === 0) this.tasks.clear();
    for (const id of m.remove) this.tasks.delete(id);
    const updates: { taskId: string; status: clusterctl.cluster.ITaskStatus }[] = [];
    for (const t of m.update) {
      const id = t.id!;
      this.tasks.set(id, t);
      const want = t.desiredState === 'running' ? 'running' : 'shutdown';
      const have = t.status?.state ?? '';
      if (this.reported.get(id) === want) continue;
      if (want === 'running' && BEFORE_RUNNING.includes(have)) {
        this.reported.set(id, want);
        this.started.add(id);
        updates.push({
          taskId: id,
          status: { state: 'running', message: 'started', timestamp: Date.now(), containerId: `ctr-${id}` },
        });
      } else if (want === 'shutdown' && (BEFORE_RUNNING.includes(have) || have === 'running')) {
        this.reported.set(id, want);
        updates.push({ taskId: id, status: { state: 'shutdown', message: 'stopped', timestamp: Date.now() } });
      }
    }
    if (updates.length > 0 && !this.dead) c.updateTaskStatus({ sessionId: this.sessionId, updates }, () => {});
  }

  /** Answers a log subscription: one line per task ("log of <task> on <node>"), then done unless following. */
  private publishLogs(c: DispatcherRawClient, sub: clusterctl.dispatcher.LogSubscription): void {
    const call = c.publishLogs(() => {}) as grpc.ClientWritableStream<clusterctl.dispatcher.IPublishLogsMessage>;
    call.on('error', () => {});
    const lines = sub.taskIds.map((taskId) => ({
      taskId,
      stream: 'stdout',
      timestamp: Date.now(),
      line: Buffer.from(`log of ${taskId} on ${this.nodeId}`),
    }));
    call.write({ sessionId: this.sessionId, subscriptionId: sub.id, lines, close: !sub.follow });
    call.end();
  }

  /** The node dies: no more heartbeats or reports, connections dropped. */
  /** A hung agent (SIGSTOP, a network cut): no more heartbeats, its streams stay open. */
  hang(): void {
    this.dead = true;
    this.gen++;
    if (this.hbTimer !== undefined) clearTimeout(this.hbTimer);
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
  }

  /** A dead agent process: its streams end (the kernel closes its connections). */
  kill(): void {
    this.dead = true;
    this.gen++;
    if (this.hbTimer !== undefined) clearTimeout(this.hbTimer);
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    for (const s of this.streams.splice(0)) s.cancel();
    for (const c of this.clients.values()) c.close();
  }
}
