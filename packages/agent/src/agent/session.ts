// The agent's session with the leader's dispatcher. Dials the managers it knows (the leader first
// when known), follows leader_addr redirects, sends heartbeats at the period the dispatcher asks for,
// and feeds the Assignments and LogSubscriptions streams to its handlers. Any failure (a stream
// ends, a heartbeat fails, the leader changes) ends the session; the next attempt starts after a
// short backoff on the next manager, so a new leader is found within a few backoff steps of its
// election. A heartbeat call that runs past its deadline is first sent again at once on the same
// session (HEARTBEAT_TIMEOUT_RETRIES): a leader starved of CPU answers late, and ending every
// session it holds would load it further with re-registrations. A leader that vanishes without a
// word (killed host, no TCP RST) is noticed when the retry times out too (agentManagerLossMs at
// most); that address is then dialled last for a while (slow), and so is any that does not connect
// within connectTimeoutMs (unreachable). A follower's redirect to an unreachable address is not
// followed (it may still name the old leader); one to a slow one is, once (see manager-avoidance.ts).
import type * as grpc from '@grpc/grpc-js';
import { HEARTBEAT_TIMEOUT_RETRIES, heartbeatDeadlineMs, type Backoff, type Logger } from '@clusterctl/common';
import type { NodeTls } from '@clusterctl/ca';
import { clusterctl, DispatcherService } from '@clusterctl/proto';
import { reconnectBackoff, type BackoffConfig } from './backoff.js';
import { dialManager } from './manager-channel.js';
import { afterHeartbeatError, ManagerAvoidance } from './manager-avoidance.js';
import type { ListeningPort } from '../network/listening-ports.js';

export type SessionMessage = clusterctl.dispatcher.SessionMessage;
export type AssignmentsMessage = clusterctl.dispatcher.AssignmentsMessage;
export type LogSubscription = clusterctl.dispatcher.LogSubscription;
export type PublishLogsMessage = clusterctl.dispatcher.IPublishLogsMessage;
export type NodeDescription = clusterctl.dispatcher.INodeDescription;
export type NetworkMapMessage = clusterctl.dispatcher.NetworkMap;

/** The grpc-js client of the Dispatcher service (only what the agent uses). */
export interface DispatcherClient extends grpc.Client {
  session(
    req: clusterctl.dispatcher.ISessionRequest,
    opts?: grpc.CallOptions,
  ): grpc.ClientReadableStream<SessionMessage>;
  heartbeat(
    req: clusterctl.dispatcher.IHeartbeatRequest,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.dispatcher.HeartbeatResponse>,
  ): grpc.ClientUnaryCall;
  assignments(
    req: clusterctl.dispatcher.IAssignmentsRequest,
    opts?: grpc.CallOptions,
  ): grpc.ClientReadableStream<AssignmentsMessage>;
  updateTaskStatus(
    req: clusterctl.dispatcher.IUpdateTaskStatusRequest,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.dispatcher.UpdateTaskStatusResponse>,
  ): grpc.ClientUnaryCall;
  logSubscriptions(
    req: clusterctl.dispatcher.ILogSubscriptionsRequest,
    opts?: grpc.CallOptions,
  ): grpc.ClientReadableStream<LogSubscription>;
  publishLogs(
    cb: grpc.requestCallback<clusterctl.dispatcher.PublishLogsResponse>,
  ): grpc.ClientWritableStream<PublishLogsMessage>;
  /** Networking: the cluster network map, complete on open and after every change. */
  networkMaps?(
    req: clusterctl.dispatcher.INetworkMapRequest,
    opts?: grpc.CallOptions,
  ): grpc.ClientReadableStream<NetworkMapMessage>;
  getTaskFiles(
    req: clusterctl.dispatcher.ITaskFilesRequest,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.dispatcher.TaskFilesResponse>,
  ): grpc.ClientUnaryCall;
  /** Image shipping: the nodes that hold an image. */
  imageSources?(
    req: clusterctl.dispatcher.IImageSourcesRequest,
    opts: grpc.CallOptions,
    cb: grpc.requestCallback<clusterctl.dispatcher.ImageSourcesResponse>,
  ): grpc.ClientUnaryCall;
}

export interface SessionUp {
  sessionId: string;
  addr: string;
  heartbeatPeriodMs: number;
  updateTaskStatus: (updates: clusterctl.dispatcher.ITaskStatusUpdate[]) => Promise<void>;
  openPublishLogs: () => grpc.ClientWritableStream<PublishLogsMessage>;
  /** The data of a task's secrets and configs (GetTaskFiles). */
  getTaskFiles: (taskId: string) => Promise<clusterctl.dispatcher.ITaskFile[]>;
  /** Image shipping: the up nodes that hold `image` (with `imageId` when not ''), the best first. */
  imageSources: (image: string, imageId: string) => Promise<clusterctl.dispatcher.IImageSource[]>;
}

export interface SessionHandlers {
  onUp(up: SessionUp): void;
  onDown(): void;
  /** Applied in order; the next message waits for the previous one's promise. */
  onAssignments(msg: AssignmentsMessage, up: SessionUp): Promise<void>;
  onLogSubscription(sub: LogSubscription, up: SessionUp): void;
  onManagers?(managers: Array<{ nodeId: string; addr: string; leader: boolean }>): void;
  /** A heartbeat answer named the roots the cluster wants nodes to trust (their digest). */
  onTrustDigest?(digest: string): void;
  /** Sent with every heartbeat: the root CA digest of the certificate this node uses now. */
  certRootDigest?(): string;
  /** Autoscaling: the task containers' CPU to send with a heartbeat; whether the leader wants it. */
  autoscaleTaskCpu?(): clusterctl.dispatcher.IAutoscaleTaskCpu[];
  onAutoscaleWantsTaskCpu?(wanted: boolean): void;
  /** Sent with every heartbeat when defined: the ports processes other than ours listen on (mesh port conflicts). */
  listeningPorts?(): ListeningPort[] | undefined;
  /** The leader refused this node (PERMISSION_DENIED: it was removed from the cluster). */
  onRefused?(err: unknown): void;
  /** Networking: a network map (only asked for when set). */
  onNetworkMap?(map: NetworkMapMessage): void;
  /**
   * Image shipping: the node's image inventory, sent with a heartbeat when its digest differs from
   * the one the dispatcher last answered (undefined: nothing to send).
   */
  imageInventory?(dispatcherDigest: string | undefined): clusterctl.dispatcher.IImageInventory | undefined;
}

export interface SessionConfig {
  clusterId: string;
  tls: NodeTls;
  /** Manager addresses known at start (node.json); the session's manager list is added as it comes. */
  managers: string[];
  describe: () => Promise<NodeDescription>;
  handlers: SessionHandlers;
  log: Logger;
  backoff?: BackoffConfig;
  /** How long a manager gets to answer Session with its first message (once connected). */
  firstMessageTimeoutMs?: number;
  /**
   * How long a dial gets to have a connected channel before the attempt moves on. A manager whose
   * host vanished (killed container, no TCP RST) never connects; a live one on a LAN connects in
   * milliseconds, so this is short, and the address is then skipped for `unreachableForMs`.
   */
  connectTimeoutMs?: number;
  /** An address that did not connect (or whose heartbeats timed out) is tried last for this long. */
  unreachableForMs?: number;
  /** Redirects followed in a row before backing off. */
  maxRedirects?: number;
  /** Custom dialer (tests). */
  dial?: (addr: string) => DispatcherClient;
}

/** grpc.status.PERMISSION_DENIED (the type-only grpc import keeps grpc-js out of this module's load). */
const PERMISSION_DENIED = 7;

export const SESSION_DEFAULTS = {
  firstMessageTimeoutMs: 3_000,
  connectTimeoutMs: 1_000,
  unreachableForMs: 5_000,
  maxRedirects: 3,
} as const;

/** How long stop() waits for the dispatcher to take note that this agent is closing on purpose. */
export const CLOSING_NOTICE_MS = 500;

/** grpc.status.UNIMPLEMENTED. */
const UNIMPLEMENTED = 12;

/** grpc.status.DEADLINE_EXCEEDED. */
const DEADLINE_EXCEEDED = 4;

type Outcome =
  | { kind: 'redirect'; addr: string }
  | { kind: 'ended'; err?: unknown }
  | { kind: 'failed'; err?: unknown }
  | { kind: 'stopped' };

export interface SessionState {
  connected: boolean;
  addr: string | undefined;
  sessionId: string | undefined;
  leaderAddr: string | undefined;
  managers: string[];
  /** Sessions established since start. */
  sessions: number;
  /** Time from losing the previous session to establishing the current one (ms), if any. */
  lastReconnectMs: number | undefined;
}

export class DispatcherSession {
  private readonly clients = new Map<string, DispatcherClient>();
  private readonly backoff: Backoff;
  private managers: string[];
  private hint: string | undefined;
  private lastFailed: string | undefined;
  /** Addresses that did not connect or whose heartbeats timed out: tried last for a while. */
  private readonly avoid: ManagerAvoidance;
  private rr = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private endCurrent: (() => void) | undefined;
  /** Tells the current session's dispatcher that this agent is stopping on purpose. */
  private sayClosing: (() => Promise<void>) | undefined;
  private wake: (() => void) | undefined;
  private current: SessionUp | undefined;
  private lostAt: number | undefined;
  private sessions = 0;
  private lastReconnectMs: number | undefined;
  private readonly log: Logger;

  constructor(private readonly cfg: SessionConfig) {
    this.backoff = reconnectBackoff(cfg.backoff);
    this.managers = [...new Set(cfg.managers)];
    this.log = cfg.log;
    this.avoid = new ManagerAvoidance(() => Date.now(), cfg.unreachableForMs ?? SESSION_DEFAULTS.unreachableForMs);
    if (this.managers.length === 0) throw new Error('the agent needs at least one manager address');
  }

  start(): void {
    if (this.loop) throw new Error('session already started');
    this.loop = this.run().catch((e: unknown) => this.log.error({ err: e }, 'agent session loop crashed'));
  }

  /**
   * Stops the session. A live session first sends a heartbeat marked closing (waiting at most
   * CLOSING_NOTICE_MS), so the dispatcher gives the node its whole grace to come back (a daemon
   * restart) instead of the short grace of a session that broke because its process died.
   */
  async stop(): Promise<void> {
    if (!this.stopped) await this.sayClosing?.();
    this.stopped = true;
    this.endCurrent?.();
    this.wake?.();
    await this.loop;
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  state(): SessionState {
    return {
      connected: this.current !== undefined,
      addr: this.current?.addr,
      sessionId: this.current?.sessionId,
      leaderAddr: this.current?.addr ?? this.hint,
      managers: [...this.managers],
      sessions: this.sessions,
      lastReconnectMs: this.lastReconnectMs,
    };
  }

  /** Ends the current session (tests; a leave). The loop dials again unless stopped. */
  reconnect(): void {
    this.endCurrent?.();
  }

  private async run(): Promise<void> {
    let redirects = 0;
    while (!this.stopped) {
      const addr = this.pickAddr();
      let out: Outcome;
      try {
        out = await this.attempt(addr);
      } catch (e) {
        out = { kind: 'failed', err: e };
      }
      if (this.stopped || out.kind === 'stopped') break;
      if (out.kind === 'redirect') {
        this.log.debug({ from: addr, to: out.addr }, 'dispatcher redirects to the leader');
        this.addManagers([out.addr]);
        // A follower may still name the old leader for a moment after it vanished: do not go back
        // to an address that just failed to connect; the round robin finds the new leader. One
        // whose heartbeats were only late is alive by the followers' word: go back to it.
        if (
          redirects < (this.cfg.maxRedirects ?? SESSION_DEFAULTS.maxRedirects) &&
          this.avoid.followRedirect(out.addr)
        ) {
          redirects++;
          this.hint = out.addr;
          continue;
        }
      }
      redirects = 0;
      if (out.kind === 'ended') {
        this.log.info({ addr, err: errMsg(out.err) }, 'dispatcher session ended; reconnecting');
        this.backoff.reset();
        this.lastFailed = addr;
        // Heartbeats that timed out (and their retry): the manager (or its host) went silent or is
        // overloaded; look elsewhere first, and at once (the new leader may already be elected).
        if ((out.err as { code?: number } | undefined)?.code === DEADLINE_EXCEEDED) {
          this.avoid.markSlow(addr);
          continue;
        }
      } else if (out.kind === 'failed') {
        this.log.debug({ addr, err: errMsg(out.err) }, 'dispatcher session attempt failed');
        this.lastFailed = addr;
        // A manager only slow before that did not answer a session open either: unreachable now.
        if (this.avoid.reason(addr) === 'slow') this.avoid.markUnreachable(addr);
        if ((out.err as { code?: number } | undefined)?.code === PERMISSION_DENIED) {
          this.log.warn({ addr, err: errMsg(out.err) }, 'the dispatcher refuses this node');
          this.cfg.handlers.onRefused?.(out.err);
        }
      }
      await this.sleep(this.backoff.next());
    }
  }

  private pickAddr(): string {
    if (this.hint) {
      const h = this.hint;
      this.hint = undefined;
      return h;
    }
    const all = this.managers;
    // Reachable managers first; unreachable ones only when none is left.
    const live = all.filter((a) => !this.avoid.isAvoided(a));
    const list = live.length > 0 ? live : all;
    let addr = list[this.rr++ % list.length]!;
    if (addr === this.lastFailed && list.length > 1) addr = list[this.rr++ % list.length]!;
    return addr;
  }

  /** Resolves true once `client`'s channel is connected, false after the connect timeout. */
  private connected(client: DispatcherClient): Promise<boolean> {
    if (typeof client.waitForReady !== 'function') return Promise.resolve(true); // test doubles
    const ms = this.cfg.connectTimeoutMs ?? SESSION_DEFAULTS.connectTimeoutMs;
    return new Promise((resolve) =>
      client.waitForReady(Date.now() + ms, (err) => resolve(err === undefined || err === null)),
    );
  }

  private addManagers(addrs: string[]): void {
    for (const a of addrs) if (a && !this.managers.includes(a)) this.managers.push(a);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private client(addr: string): DispatcherClient {
    let c = this.clients.get(addr);
    if (!c) {
      c = this.cfg.dial
        ? this.cfg.dial(addr)
        : dialManager<DispatcherClient>(DispatcherService as unknown as grpc.ServiceDefinition, 'Dispatcher', addr, {
            clusterId: this.cfg.clusterId,
            tls: this.cfg.tls,
          });
      this.clients.set(addr, c);
    }
    return c;
  }

  private async attempt(addr: string): Promise<Outcome> {
    const description = await this.cfg.describe();
    if (this.stopped) return { kind: 'stopped' };
    const client = this.client(addr);
    if (!(await this.connected(client))) {
      this.avoid.markUnreachable(addr);
      return {
        kind: 'failed',
        err: new Error(
          `${addr} did not connect within ${this.cfg.connectTimeoutMs ?? SESSION_DEFAULTS.connectTimeoutMs} ms`,
        ),
      };
    }
    if (this.stopped) return { kind: 'stopped' };
    const h = this.cfg.handlers;
    return new Promise<Outcome>((resolve) => {
      const calls: Array<{ cancel(): void }> = [];
      let up: SessionUp | undefined;
      let done = false;
      let hbTimer: NodeJS.Timeout | undefined;
      let periodMs = 500;
      const end = (out: Outcome): void => {
        if (done) return;
        done = true;
        clearTimeout(firstTimer);
        clearTimeout(hbTimer);
        this.endCurrent = undefined;
        this.sayClosing = undefined;
        for (const c of calls) c.cancel();
        if (up) {
          this.current = undefined;
          this.lostAt = Date.now();
          h.onDown();
        }
        resolve(out);
      };
      // stop() sets `stopped` first (the loop ends); reconnect() only drops this session.
      this.endCurrent = () =>
        end(this.stopped ? { kind: 'stopped' } : { kind: 'ended', err: new Error('session dropped on request') });
      if (this.stopped) return end({ kind: 'stopped' });
      const firstTimer = setTimeout(
        () =>
          end({
            kind: 'failed',
            err: new Error(
              `no answer from ${addr} within ${this.cfg.firstMessageTimeoutMs ?? SESSION_DEFAULTS.firstMessageTimeoutMs} ms`,
            ),
          }),
        this.cfg.firstMessageTimeoutMs ?? SESSION_DEFAULTS.firstMessageTimeoutMs,
      );

      const call = client.session({ description });
      calls.push(call);
      const streamEnded = (what: string) => (err?: unknown) =>
        end(
          up
            ? { kind: 'ended', err: err ?? new Error(`${what} stream ended`) }
            : { kind: 'failed', err: err ?? new Error(`${what} stream ended`) },
        );
      call.on('error', streamEnded('session'));
      call.on('end', streamEnded('session'));
      call.on('data', (m: SessionMessage) => {
        if (done) return;
        if (m.leaderAddr) {
          if (m.leaderAddr !== addr) return end({ kind: 'redirect', addr: m.leaderAddr });
          return end({ kind: 'failed', err: new Error(`${addr} redirects to itself`) });
        }
        if (m.managers.length > 0) {
          const list = m.managers.map((x) => ({
            nodeId: x.nodeId ?? '',
            addr: x.addr ?? '',
            leader: x.leader ?? false,
          }));
          this.managers = [...new Set([...list.map((x) => x.addr).filter(Boolean), ...this.cfg.managers])];
          h.onManagers?.(list);
        }
        if (m.heartbeatPeriodMs > 0) periodMs = m.heartbeatPeriodMs;
        if (up) return;
        if (!m.sessionId) return end({ kind: 'failed', err: new Error(`${addr} sent no session id`) });
        clearTimeout(firstTimer);
        const sessionId = m.sessionId;
        up = {
          sessionId,
          addr,
          heartbeatPeriodMs: periodMs,
          updateTaskStatus: (updates) =>
            new Promise<void>((res, rej) => {
              if (done) return rej(new Error('session ended'));
              client.updateTaskStatus(
                { sessionId, updates },
                { deadline: Date.now() + Math.max(5_000, 4 * periodMs) },
                (err) => {
                  if (!err) return res();
                  rej(err);
                  end({ kind: 'ended', err });
                },
              );
            }),
          getTaskFiles: (taskId) =>
            new Promise((res, rej) => {
              if (done) return rej(new Error('session ended'));
              client.getTaskFiles(
                { sessionId, taskId },
                { deadline: Date.now() + Math.max(5_000, 4 * periodMs) },
                (err, r) => (err ? rej(err) : res(r?.files ?? [])),
              );
            }),
          imageSources: (image, imageId) =>
            new Promise((res, rej) => {
              if (done) return rej(new Error('session ended'));
              if (typeof client.imageSources !== 'function') return res([]);
              client.imageSources(
                { sessionId, image, imageId },
                { deadline: Date.now() + Math.max(5_000, 4 * periodMs) },
                (err, r) => (err ? rej(err) : res(r?.sources ?? [])),
              );
            }),
          openPublishLogs: () => {
            const s = client.publishLogs((err) => {
              if (err && !done) this.log.debug({ err: errMsg(err) }, 'publishing logs failed');
            });
            calls.push({ cancel: () => s.end() });
            return s;
          },
        };
        const session = up;
        // Assignments, applied strictly in order.
        const a = client.assignments({ sessionId });
        calls.push(a);
        let chain = Promise.resolve();
        a.on('data', (msg: AssignmentsMessage) => {
          chain = chain
            .then(() => (done ? undefined : h.onAssignments(msg, session)))
            .catch((e: unknown) => {
              this.log.error({ err: e }, 'applying assignments failed');
              end({ kind: 'ended', err: e });
            });
        });
        a.on('error', streamEnded('assignments'));
        a.on('end', streamEnded('assignments'));
        // Log subscriptions: a dispatcher without them does not end the session.
        const l = client.logSubscriptions({ sessionId });
        calls.push(l);
        l.on('data', (sub: LogSubscription) => {
          if (!done) h.onLogSubscription(sub, session);
        });
        l.on('error', (err: unknown) => {
          if (!done) this.log.debug({ err: errMsg(err) }, 'log subscription stream failed');
        });
        l.on('end', () => undefined);
        // Networking: the network map; a dispatcher without it does not end the session.
        if (h.onNetworkMap && typeof client.networkMaps === 'function') {
          const n = client.networkMaps({ sessionId });
          calls.push(n);
          n.on('data', (m: NetworkMapMessage) => {
            if (!done) h.onNetworkMap?.(m);
          });
          // A dispatcher without the stream (UNIMPLEMENTED) leaves the node without maps; any other
          // end of it ends the session (the next one asks again), as the assignments stream does.
          let unimplemented = false;
          n.on('error', (err: unknown) => {
            if ((err as { code?: number } | undefined)?.code === UNIMPLEMENTED) {
              unimplemented = true;
              if (!done) this.log.warn({ addr }, 'the dispatcher sends no network map');
              return;
            }
            streamEnded('network map')(err);
          });
          n.on('end', () =>
            setImmediate(() => {
              if (!unimplemented) streamEnded('network map')();
            }),
          );
        }
        // Heartbeats (image shipping: with the image inventory when the dispatcher's is older).
        let imagesDigest: string | undefined;
        let retriesInRow = 0;
        const beat = (delayMs: number): void => {
          hbTimer = setTimeout(() => {
            const imageInventory = h.imageInventory?.(imagesDigest);
            client.heartbeat(
              {
                ...heartbeatRequest(sessionId, h.certRootDigest?.() ?? '', h.listeningPorts?.()),
                autoscaleTaskCpu: h.autoscaleTaskCpu?.() ?? [],
                ...(imageInventory ? { imageInventory } : {}),
              },
              { deadline: Date.now() + heartbeatDeadlineMs(periodMs) },
              (err, res) => {
                if (done) return;
                if (err) {
                  const timedOut = (err as { code?: number }).code === DEADLINE_EXCEEDED;
                  if (afterHeartbeatError(timedOut, retriesInRow, HEARTBEAT_TIMEOUT_RETRIES) === 'end')
                    return end({ kind: 'ended', err });
                  retriesInRow++;
                  this.log.info({ addr, retriesInRow }, 'heartbeat answer late; sending it again on the same session');
                  return beat(0);
                }
                retriesInRow = 0;
                if (res && res.periodMs > 0) periodMs = res.periodMs;
                if (res?.trustDigest) h.onTrustDigest?.(res.trustDigest);
                h.onAutoscaleWantsTaskCpu?.(res?.autoscaleWantsTaskCpu === true);
                if (res) imagesDigest = res.imageInventoryDigest ?? '';
                beat(periodMs);
              },
            );
          }, delayMs);
        };
        beat(periodMs);
        this.sayClosing = () =>
          new Promise<void>((res) => {
            if (done) return res();
            client.heartbeat({ sessionId, closing: true }, { deadline: Date.now() + CLOSING_NOTICE_MS }, () => res());
          });
        this.avoid.clear(addr);
        this.current = session;
        this.sessions++;
        if (this.lostAt !== undefined) this.lastReconnectMs = Date.now() - this.lostAt;
        this.log.info(
          {
            addr,
            sessionId,
            heartbeatPeriodMs: periodMs,
            reconnectMs: this.lostAt === undefined ? undefined : this.lastReconnectMs,
          },
          'dispatcher session established',
        );
        this.lostAt = undefined;
        h.onUp(session);
      });
    });
  }
}

function errMsg(e: unknown): string | undefined {
  if (e === undefined) return undefined;
  return e instanceof Error ? e.message : String(e);
}

/** A heartbeat: the session, the certificate's root and, when known, the node's listening ports. */
export function heartbeatRequest(
  sessionId: string,
  certRootDigest: string,
  listening: ListeningPort[] | undefined,
): clusterctl.dispatcher.IHeartbeatRequest {
  if (listening === undefined) return { sessionId, certRootDigest };
  return { sessionId, certRootDigest, listeningPorts: listening, listeningPortsReported: true };
}
