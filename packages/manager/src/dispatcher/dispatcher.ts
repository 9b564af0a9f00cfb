// The dispatcher: agent sessions on the leader. Every manager serves the Dispatcher gRPC service;
// only the leader (once its leader components started: startLeading) holds sessions, others answer
// Session with the leader's address. A session registers the node (description, address, status
// ready); heartbeats keep it alive in memory only (no store write per heartbeat); a node without a
// heartbeat for nodeGraceMs is marked down. One whose session stream broke (its process or host
// died: the kernel closed its connection) and that opens no new session is marked down sooner, after
// brokenSessionGraceMs, unless the agent said it was closing on purpose. After a leadership change
// every node gets one full grace counted from the new leader's start, plus the time an agent needs
// to notice that a vanished leader is gone (agentLeaderLossMs), except the manager node that
// vanished with it (silentManagerGraceMs). Every store write is fenced to the leader's raft term.
// Assignments stream a node's tasks (COMPLETE then INCREMENTAL) from a store watch; task status
// reports are batched into few proposals.

import { ClusterError, ErrorCode, silentLogger, type Logger } from '@clusterctl/common';
import {
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  TASK_STATES,
  newId,
  taskStateOrder,
  type ClusterSettings,
  type ClusterStore,
  type ObjectEvent,
  type ProposeOptions,
  type Node,
  type Task,
  type TaskState,
  type TaskStatus,
  type Watcher,
} from '@clusterctl/store';
import { systemClock, type Clock, type TimerHandle } from '../leader/clock.js';
import { sentToAgent } from './assignment-filter.js';
import { LogBroker, notLeaderForLogs, type LogMessage, type SubscribeLogsOptions } from './log-broker.js';

export interface DispatcherConfig {
  store: ClusterStore;
  clusterId: string;
  logger?: Logger;
  clock?: Clock;
  /** Is this manager the raft leader? Default: true once startLeading() ran. */
  isLeader?(): boolean;
  /** The leader's address ('' when unknown), given to agents that reach a follower. */
  leaderAddr?(): string;
  /** Managers for agents' failover lists. */
  managers?(): { nodeId: string; addr: string; leader: boolean }[];
  /**
   * Has the manager on node `nodeId` been heard by this leader's raft since it became leader?
   * undefined: not a manager node (or unknown). A manager node not heard from (the old leader that
   * vanished) gets no extension of its first grace: its tasks are replaced soonest.
   */
  managerHeard?(nodeId: string): boolean | undefined;
  /** Cluster settings (heartbeat period, grace). Default: the store's cluster record. */
  settings?(): ClusterSettings;
  /** A just-elected leader waits this long for its components before refusing sessions. Default 3000. */
  leaderStartWaitMs?: number;
  /** Log broker: non-follow `service logs` end after this long at most. Default 3000. */
  logDeadlineMs?: number;
}

export const DISPATCHER_DEFAULTS = { leaderStartWaitMs: 3000, logDeadlineMs: 3000, statusRetries: 3 } as const;

/**
 * The longest an agent may take to notice that its leader vanished without a word (killed host, no
 * TCP RST), for a heartbeat period: a heartbeat goes out one period after the previous answer and
 * the session ends when its deadline passes (the agent's heartbeatDeadlineMs: max(1.5 s, 3 periods),
 * packages/agent/src/agent/session.ts; keep them in step). Only then does it dial the new leader.
 */
export function agentLeaderLossMs(heartbeatPeriodMs: number): number {
  return heartbeatPeriodMs + Math.max(1_500, 3 * heartbeatPeriodMs);
}

/**
 * How long a node whose session stream broke without a word (its agent's process or host died and
 * the kernel closed the connection) gets to open a new session before it is marked down: half the
 * grace, at least 1 s and two heartbeat periods (an agent that lost a session dials again within a
 * few hundred ms; a daemon restarted after a crash needs about a second), never more than the grace
 * itself. So 1 s with the defaults, and a longer grace set for slow restarts or networks lengthens
 * it too. A hang or a network cut breaks no stream: those are found by the heartbeat grace.
 */
export function brokenSessionGraceMs(settings: Pick<ClusterSettings, 'heartbeatPeriodMs' | 'nodeGraceMs'>): number {
  return Math.min(settings.nodeGraceMs, Math.max(1_000, 2 * settings.heartbeatPeriodMs, settings.nodeGraceMs / 2));
}

/**
 * After an election, how long a manager node whose raft member has not answered the new leader
 * (the old leader that died or hung: the election itself needed a whole election timeout of its
 * silence) has before it is marked down: one heartbeat period, at least 500 ms (a live follower
 * answers the new leader's first append within milliseconds), never more than the grace.
 */
export function silentManagerGraceMs(settings: Pick<ClusterSettings, 'heartbeatPeriodMs' | 'nodeGraceMs'>): number {
  return Math.min(settings.nodeGraceMs, Math.max(500, settings.heartbeatPeriodMs));
}

export interface NodeDescriptionInput {
  hostname?: string;
  resources?: { nanoCpus: number; memoryBytes: number };
  engineLabels?: Record<string, string>;
  os?: string;
  arch?: string;
  addr?: string;
}

export interface SessionHandle {
  id: string;
  nodeId: string;
  /** Called when the session ends on the leader's side (replaced, node marked down, leadership lost). */
  onEnd(fn: () => void): void;
}

/** What a session sends its agent first (and again when managers change). */
export interface SessionInfo {
  sessionId: string;
  heartbeatPeriodMs: number;
  managers: { nodeId: string; addr: string; leader: boolean }[];
}

export interface AssignmentsMessage {
  type: 'COMPLETE' | 'INCREMENTAL';
  sequence: number;
  update: Task[];
  remove: string[];
}

export interface StatusReport {
  taskId: string;
  status: { state: string; message?: string; timestamp?: number; containerId?: string; exitCode?: number; err?: string };
}

interface SessionState {
  id: string;
  nodeId: string;
  ended: boolean;
  /** The agent said it is stopping on purpose (a heartbeat with closing set). */
  closing: boolean;
  endFns: (() => void)[];
  /** Sends the agent a fresh SessionMessage (manager list or heartbeat period changed). */
  push?: (info: SessionInfo) => void;
}

type TaskEvent = Extract<ObjectEvent, { table: 'tasks' }>;

interface TaskListener {
  onEvent(e: TaskEvent): void;
  /** The watch restarted (snapshot restore, fell behind): send the complete set again. */
  onResync(): void;
}

interface QueuedStatus {
  nodeId: string;
  report: StatusReport;
  tries: number;
  done: () => void;
}

export interface DispatcherStats {
  sessions: number;
  heartbeats: number;
  statusBatches: number;
  statusUpdatesApplied: number;
  statusUpdatesIgnored: number;
  nodesMarkedDown: number;
}

export class Dispatcher {
  readonly store: ClusterStore;
  readonly clusterId: string;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly cfg: DispatcherConfig;
  readonly logs: LogBroker;
  private leading = false;
  /** Writes of this leadership are fenced to its raft term (when known). */
  private fence: ProposeOptions | undefined;
  private leadingWaiters: (() => void)[] = [];
  private readonly sessions = new Map<string, SessionState>();
  private readonly deadlines = new Map<string, { timer: TimerHandle; at: number }>();
  private nodeWatcher: Watcher | undefined;
  private taskWatcher: Watcher | undefined;
  private readonly taskListeners = new Map<string, Set<TaskListener>>();
  private statusQueue: QueuedStatus[] = [];
  private broadcastScheduled = false;
  private statusFlushing: Promise<void> | undefined;
  private statusScheduled = false;
  readonly stats: DispatcherStats = { sessions: 0, heartbeats: 0, statusBatches: 0, statusUpdatesApplied: 0, statusUpdatesIgnored: 0, nodesMarkedDown: 0 };

  constructor(cfg: DispatcherConfig) {
    this.cfg = cfg;
    this.store = cfg.store;
    this.clusterId = cfg.clusterId;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'dispatcher' });
    this.clock = cfg.clock ?? systemClock;
    this.logs = new LogBroker(this.clock, { deadlineMs: cfg.logDeadlineMs ?? DISPATCHER_DEFAULTS.logDeadlineMs });
  }

  settings(): ClusterSettings {
    if (this.cfg.settings !== undefined) return this.cfg.settings();
    return this.store.view((tx) => (tx.get('cluster', DEFAULT_CLUSTER_ID) ?? tx.list('cluster')[0])?.settings) ?? DEFAULT_CLUSTER_SETTINGS;
  }

  get isLeading(): boolean {
    return this.leading;
  }

  // ------------------------------------------------------------------ leadership

  /**
   * This manager became leader (called by the leader components): accept sessions, and give every
   * node not already down one full grace from `leaderSince` before marking it down. `leaderTerm`
   * fences every write of this leadership to that raft term (a deposed leader's timers that fire
   * late, e.g. after it was paused, cannot mark nodes down).
   */
  startLeading(leaderSince = this.clock.now(), leaderTerm?: number): void {
    if (this.leading) return;
    this.leading = true;
    this.fence = leaderTerm === undefined ? undefined : { leaderTerm };
    // The first grace after a leader change: agents whose session was with a leader that vanished
    // only notice when a heartbeat times out (agentLeaderLossMs, counted from the loss, which came
    // before this election), then dial us. So every node gets nodeGraceMs + agentLeaderLossMs from
    // our start. Exception: a manager node whose raft member has not answered us since we lead
    // (the vanished old leader: silent for a whole election timeout already) is marked down after
    // silentManagerGraceMs.
    const settings = this.settings();
    const { nodeGraceMs: grace, heartbeatPeriodMs } = settings;
    const firstGraceMs = grace + agentLeaderLossMs(heartbeatPeriodMs);
    const silentMs = silentManagerGraceMs(settings);
    const nodes = this.store.view((tx) => tx.list('nodes'));
    this.nodeWatcher = this.store.watch({ table: ['nodes', 'cluster'], maxBuffered: 100_000 });
    const now = this.clock.now();
    for (const n of nodes) {
      if (n.status.state !== 'down') this.arm(n.id, leaderSince + silentMs - now, leaderSince + firstGraceMs, `its manager did not answer the new leader within ${silentMs} ms of the election`);
    }
    void this.watchNodes(this.nodeWatcher);
    this.log.info({ nodes: nodes.length, graceMs: grace, firstGraceMs }, 'dispatcher leading');
    const w = this.leadingWaiters;
    this.leadingWaiters = [];
    for (const f of w) f();
  }

  /** Leadership lost: drop every session (agents reconnect and find the new leader), stop timers. */
  stopLeading(): void {
    if (!this.leading) return;
    this.leading = false;
    this.nodeWatcher?.close();
    this.nodeWatcher = undefined;
    this.taskWatcher?.close();
    this.taskWatcher = undefined;
    for (const d of this.deadlines.values()) this.clock.clearTimeout(d.timer);
    this.deadlines.clear();
    for (const s of [...this.sessions.values()]) this.endSession(s);
    this.logs.closeAll();
    this.log.info('dispatcher stopped leading');
  }

  private async watchNodes(w: Watcher): Promise<void> {
    try {
      for await (const e of w) {
        if (e.type === 'reset' || e.type === 'commit') continue;
        if (e.table === 'cluster' || (e.table === 'nodes' && isManagerChange(e.object as Node, e.oldObject as Node | undefined, e.type))) this.scheduleBroadcast();
        if (e.type === 'create' && e.table === 'nodes' && !this.deadlines.has(e.object.id) && e.object.status.state !== 'down') {
          this.arm(e.object.id, this.settings().nodeGraceMs);
        } else if (e.type === 'delete' && e.table === 'nodes') {
          const d = this.deadlines.get(e.object.id);
          if (d !== undefined) this.clock.clearTimeout(d.timer);
          this.deadlines.delete(e.object.id);
          const s = this.sessions.get(e.object.id);
          if (s !== undefined) this.endSession(s);
        }
      }
    } catch (e) {
      this.log.warn({ err: e }, 'node watch ended');
    }
  }

  /** Sends every session the current manager list and heartbeat period (coalesced per turn). */
  private scheduleBroadcast(): void {
    if (this.broadcastScheduled) return;
    this.broadcastScheduled = true;
    setImmediate(() => {
      this.broadcastScheduled = false;
      if (!this.leading) return;
      const heartbeatPeriodMs = this.settings().heartbeatPeriodMs;
      const managers = this.managers();
      for (const s of this.sessions.values()) s.push?.({ sessionId: s.id, heartbeatPeriodMs, managers });
    });
  }

  /** Registers how to send a session's agent a fresh SessionMessage. */
  onSessionInfo(handle: SessionHandle, push: (info: SessionInfo) => void): void {
    const s = this.sessions.get(handle.nodeId);
    if (s !== undefined && s.id === handle.id) s.push = push;
  }

  /** Marks `nodeId` down in `inMs` unless it heartbeats; `extendTo`: see expire. */
  private arm(nodeId: string, inMs: number, extendTo?: number, why?: string): void {
    const old = this.deadlines.get(nodeId);
    if (old !== undefined) this.clock.clearTimeout(old.timer);
    const ms = Math.max(0, inMs);
    this.deadlines.set(nodeId, { timer: this.clock.setTimeout(() => this.expire(nodeId, extendTo, why), ms), at: this.clock.now() + ms });
  }

  /**
   * The node's deadline passed. With `extendTo` (first grace after a leader change) the node waits
   * until then, unless it is a manager whose raft member stayed silent to this leader.
   */
  private expire(nodeId: string, extendTo?: number, why?: string): void {
    this.deadlines.delete(nodeId);
    if (!this.leading) return;
    if (extendTo !== undefined && extendTo > this.clock.now() && this.cfg.managerHeard?.(nodeId) !== false) {
      this.arm(nodeId, extendTo - this.clock.now());
      return;
    }
    // The first grace ran out in full (the extension elapsed): an ordinary missed heartbeat.
    if (extendTo !== undefined && extendTo <= this.clock.now()) why = undefined;
    const s = this.sessions.get(nodeId);
    if (s !== undefined) this.endSession(s);
    const grace = this.settings().nodeGraceMs;
    const now = this.clock.now();
    const message = why ?? `no heartbeat for ${grace} ms`;
    this.store
      .update((tx) => {
        const n = tx.get('nodes', nodeId);
        if (n === undefined || n.status.state === 'down') return false;
        tx.update('nodes', { ...n, status: { state: 'down', message, timestamp: now } });
        return true;
      }, this.fence)
      .then(
        (marked) => {
          if (marked) {
            this.stats.nodesMarkedDown++;
            this.log.info({ nodeId, why: message }, 'node marked down');
          }
        },
        (err: unknown) => {
          this.log.warn({ err, nodeId }, 'could not mark node down; retrying');
          if (this.leading && !this.sessions.has(nodeId)) this.arm(nodeId, 100, undefined, why);
        },
      );
  }

  private async waitLeading(): Promise<void> {
    if (this.leading) return;
    const raftLeader = this.cfg.isLeader?.() ?? false;
    if (!raftLeader) throw this.notLeader();
    // raft says leader, components not started yet: wait a little
    await new Promise<void>((resolve) => {
      const t = this.clock.setTimeout(resolve, this.cfg.leaderStartWaitMs ?? DISPATCHER_DEFAULTS.leaderStartWaitMs);
      this.leadingWaiters.push(() => {
        this.clock.clearTimeout(t);
        resolve();
      });
    });
    if (!this.leading) throw this.notLeader();
  }

  private notLeader(): ClusterError {
    const addr = this.cfg.leaderAddr?.() ?? '';
    return new ClusterError(addr === '' ? ErrorCode.NoLeader : ErrorCode.NotLeader, addr === '' ? 'no leader manager is known' : `this manager is not the leader; the leader is at ${addr}`, {
      hint: addr === '' ? 'retry after the election' : `reconnect to ${addr}`,
      details: { leaderAddr: addr },
    });
  }

  /** Where agents should go instead, when this manager is not (or not yet) the leader. */
  redirect(): { leaderAddr: string; managers: SessionInfo['managers'] } | undefined {
    if (this.leading) return undefined;
    if (this.cfg.isLeader?.() === true) return undefined; // about to lead: openSession waits
    return { leaderAddr: this.cfg.leaderAddr?.() ?? '', managers: this.managers() };
  }

  private managers(): SessionInfo['managers'] {
    return this.cfg.managers?.() ?? [];
  }

  // ------------------------------------------------------------------ sessions

  /**
   * Opens a session for `nodeId` (the id from its certificate): registers/updates the node record
   * (status ready). A previous session of the node ends. Throws NOT_LEADER/NO_LEADER on followers,
   * PERMISSION_DENIED for a node without a record (removed).
   */
  async openSession(nodeId: string, _role: 'manager' | 'worker', desc: NodeDescriptionInput, peerAddr: string): Promise<{ handle: SessionHandle; info: SessionInfo }> {
    await this.waitLeading();
    const now = this.clock.now();
    await this.store.update((tx) => {
      const cur = tx.get('nodes', nodeId);
      const fields = {
        hostname: nonEmpty(desc.hostname) ?? cur?.hostname ?? nodeId,
        addr: nonEmpty(desc.addr) ?? nonEmpty(peerAddr) ?? cur?.addr ?? '',
        resources: { nanoCpus: num(desc.resources?.nanoCpus), memoryBytes: num(desc.resources?.memoryBytes) },
        engineLabels: { ...(desc.engineLabels ?? {}) },
        platform: { os: desc.os ?? cur?.platform?.os ?? '', arch: desc.arch ?? cur?.platform?.arch ?? '' },
        status: { state: 'ready' as const, message: '', timestamp: now },
      };
      if (cur === undefined) {
        // node records are made on init/join (NodeCA); none means the node was removed (node rm)
        throw new ClusterError(ErrorCode.PermissionDenied, `node ${nodeId} is not a member of this cluster (it was removed)`, {
          hint: 'leave the old cluster state on that node (clusterctl leave --force) and join again with a token',
          details: { nodeId },
        });
      }
      tx.update('nodes', { ...cur, ...fields });
    }, this.fence);
    if (!this.leading) throw this.notLeader();
    const old = this.sessions.get(nodeId);
    if (old !== undefined) this.endSession(old);
    const s: SessionState = { id: newId(), nodeId, ended: false, closing: false, endFns: [] };
    this.sessions.set(nodeId, s);
    this.stats.sessions++;
    this.arm(nodeId, this.settings().nodeGraceMs);
    this.log.info({ nodeId, sessionId: s.id }, 'agent session opened');
    return {
      handle: {
        id: s.id,
        nodeId,
        onEnd: (fn) => {
          if (s.ended) fn();
          else s.endFns.push(fn);
        },
      },
      info: { sessionId: s.id, heartbeatPeriodMs: this.settings().heartbeatPeriodMs, managers: this.managers() },
    };
  }

  /**
   * The agent's session stream closed (its side: cancelled, or the connection broke). Unless the
   * agent said it was closing on purpose, the node gets brokenSessionGraceMs (not more than what is
   * left of its grace) to open a new session before it is marked down: a dead process or host is
   * found in about a second instead of a whole grace.
   */
  closeSession(nodeId: string, sessionId: string): void {
    const s = this.sessions.get(nodeId);
    if (s === undefined || s.id !== sessionId) return;
    this.endSession(s);
    if (s.closing || !this.leading) return;
    const soonMs = brokenSessionGraceMs(this.settings());
    const d = this.deadlines.get(nodeId);
    if (d !== undefined && d.at <= this.clock.now() + soonMs) return;
    this.log.info({ nodeId, inMs: soonMs }, 'agent session broke; marking the node down unless it comes back');
    this.arm(nodeId, soonMs, undefined, `its session broke and no new one came within ${soonMs} ms`);
  }

  private endSession(s: SessionState): void {
    if (s.ended) return;
    s.ended = true;
    if (this.sessions.get(s.nodeId) === s) this.sessions.delete(s.nodeId);
    for (const f of s.endFns.splice(0)) {
      try {
        f();
      } catch (err) {
        this.log.warn({ err }, 'session end handler threw');
      }
    }
  }

  /** The live session of `nodeId` with this id, or a ClusterError. */
  private session(nodeId: string, sessionId: string): SessionState {
    if (!this.leading) throw this.notLeader();
    const s = this.sessions.get(nodeId);
    if (s === undefined || s.id !== sessionId) {
      throw new ClusterError(ErrorCode.NotFound, `no session ${sessionId} for node ${nodeId} on this manager`, { hint: 'open a new session (Session)' });
    }
    return s;
  }

  sessionHandle(nodeId: string, sessionId: string): SessionHandle {
    const s = this.session(nodeId, sessionId);
    return { id: s.id, nodeId, onEnd: (fn) => (s.ended ? fn() : void s.endFns.push(fn)) };
  }

  /**
   * A heartbeat: the node's grace starts over. `closing`: the agent is stopping on purpose, so the
   * end of its session that follows gets the whole grace. Returns the period the agent should use.
   */
  heartbeat(nodeId: string, sessionId: string, closing = false): number {
    const s = this.session(nodeId, sessionId);
    if (closing) s.closing = true;
    this.stats.heartbeats++;
    const st = this.settings();
    this.arm(nodeId, st.nodeGraceMs);
    return st.heartbeatPeriodMs;
  }

  // ------------------------------------------------------------------ assignments

  /**
   * The node's assignments: `send` gets a COMPLETE message at once, then INCREMENTAL ones as tasks
   * change (coalesced per turn). Returns a function that stops it; it also stops when the session ends.
   */
  watchAssignments(nodeId: string, sessionId: string, send: (m: AssignmentsMessage) => void, onEnd: (err?: ClusterError) => void): () => void {
    const s = this.session(nodeId, sessionId);
    let seq = 0;
    let stopped = false;
    /** Store index the last COMPLETE set was read at: events up to it are already in it. */
    let viewVersion = 0;
    const sent = new Map<string, number>();
    let pendingUpdate = new Map<string, Task>();
    let pendingRemove = new Set<string>();
    let flushScheduled = false;

    const complete = (): void => {
      const { tasks, version } = this.store.view((tx) => ({ tasks: tx.findBy('tasks', 'nodeId', nodeId), version: tx.version }));
      viewVersion = version;
      sent.clear();
      pendingUpdate = new Map();
      pendingRemove = new Set();
      const update = tasks.filter(sentToAgent);
      for (const t of update) sent.set(t.id, t.meta.version);
      send({ type: 'COMPLETE', sequence: ++seq, update, remove: [] });
    };

    const flush = (): void => {
      flushScheduled = false;
      if (stopped || (pendingUpdate.size === 0 && pendingRemove.size === 0)) return;
      const m: AssignmentsMessage = { type: 'INCREMENTAL', sequence: ++seq, update: [...pendingUpdate.values()], remove: [...pendingRemove] };
      pendingUpdate = new Map();
      pendingRemove = new Set();
      send(m);
    };

    const change = (t: Task, deleted: boolean): void => {
      const mine = !deleted && t.nodeId === nodeId && sentToAgent(t);
      if (mine) {
        if (sent.get(t.id) === t.meta.version) return;
        sent.set(t.id, t.meta.version);
        pendingRemove.delete(t.id);
        pendingUpdate.set(t.id, t);
      } else if (sent.has(t.id)) {
        sent.delete(t.id);
        pendingUpdate.delete(t.id);
        pendingRemove.add(t.id);
      } else return;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    };

    const listener: TaskListener = {
      onEvent: (e) => {
        if (!stopped && e.version > viewVersion) change(e.object, e.type === 'delete');
      },
      onResync: () => {
        if (!stopped) complete();
      },
    };
    const stop = (err?: ClusterError): void => {
      if (stopped) return;
      stopped = true;
      const set = this.taskListeners.get(nodeId);
      set?.delete(listener);
      if (set?.size === 0) this.taskListeners.delete(nodeId);
      onEnd(err);
    };
    s.endFns.push(() => stop(new ClusterError(ErrorCode.Unavailable, 'the agent session ended', { hint: 'open a new session' })));
    this.ensureTaskFanout();
    let set = this.taskListeners.get(nodeId);
    if (set === undefined) this.taskListeners.set(nodeId, (set = new Set()));
    set.add(listener);
    complete();
    return () => stop();
  }

  /**
   * One store watch of tasks for all assignment streams, fanned out by node id (a watch per stream
   * would run every stream's filter on every task change: nodes x changes).
   */
  private ensureTaskFanout(): void {
    if (this.taskWatcher !== undefined && !this.taskWatcher.closed) return;
    const w = this.store.watch({ table: 'tasks', maxBuffered: 1_000_000 });
    this.taskWatcher = w;
    const forAll = (fn: (l: TaskListener) => void): void => {
      for (const set of [...this.taskListeners.values()]) for (const l of [...set]) fn(l);
    };
    void (async () => {
      try {
        for await (const e of w) {
          if (e.type === 'commit') continue;
          if (e.type === 'reset') {
            forAll((l) => l.onResync());
            continue;
          }
          if (e.table !== 'tasks') continue;
          const te = e as TaskEvent;
          const a = te.object.nodeId;
          const b = te.oldObject?.nodeId;
          const la = this.taskListeners.get(a);
          if (la !== undefined) for (const l of [...la]) l.onEvent(te);
          if (b !== undefined && b !== a) {
            const lb = this.taskListeners.get(b);
            if (lb !== undefined) for (const l of [...lb]) l.onEvent(te);
          }
        }
      } catch (err) {
        if (w !== this.taskWatcher) return;
        this.log.warn({ err }, 'assignment watch fell behind; every stream gets its complete set again');
        this.taskWatcher = undefined;
        if (this.leading) {
          this.ensureTaskFanout();
          forAll((l) => l.onResync());
        }
      }
    })();
  }

  // ------------------------------------------------------------------ task status

  /**
   * Task status reports from a node, batched with other reports into few proposals. A report is
   * ignored when the task is unknown, not on this node, or its state would move backwards.
   */
  async updateTaskStatus(nodeId: string, sessionId: string, reports: StatusReport[]): Promise<void> {
    this.session(nodeId, sessionId);
    if (reports.length === 0) return;
    const done = reports.map((report) => new Promise<void>((resolve) => this.statusQueue.push({ nodeId, report, tries: 0, done: resolve })));
    this.scheduleStatusFlush();
    await Promise.all(done);
  }

  /** Makes sure queued reports get flushed (called right after queueing). */
  private scheduleStatusFlush(): void {
    if (this.statusScheduled || this.statusFlushing !== undefined) return;
    this.statusScheduled = true;
    setImmediate(() => {
      this.statusScheduled = false;
      this.statusFlushing = this.flushStatus().finally(() => {
        this.statusFlushing = undefined;
        if (this.statusQueue.length > 0) this.scheduleStatusFlush();
      });
    });
  }

  private async flushStatus(): Promise<void> {
    const q = this.statusQueue;
    this.statusQueue = [];
    if (q.length === 0) return;
    const positions: QueuedStatus[] = [];
    let ignored = 0;
    const res = await this.store.batch((b) => {
      for (const item of q) {
        const next = statusFromReport(item.report, this.clock.now());
        if (next === undefined) {
          ignored++;
          item.done();
          continue;
        }
        positions.push(item);
        b.update((tx) => {
          const cur = tx.get('tasks', item.report.taskId);
          if (cur === undefined || cur.nodeId !== item.nodeId) throw ignore('unknown task or not on this node');
          const o = taskStateOrder(cur.status.state);
          const n = taskStateOrder(next.state);
          if (n < o) throw ignore('state would move backwards');
          if (n === o && sameStatus(cur.status, next)) throw ignore('no change');
          tx.update('tasks', { ...cur, status: next });
        });
      }
    }, this.fence);
    this.stats.statusBatches++;
    const retry: QueuedStatus[] = [];
    const failedAt = new Map(res.failed.map((f) => [f.position, f.error]));
    positions.forEach((item, i) => {
      const err = failedAt.get(i);
      if (err === undefined) {
        this.stats.statusUpdatesApplied++;
        item.done();
      } else if (err.details.ignored === true || item.tries >= DISPATCHER_DEFAULTS.statusRetries) {
        this.stats.statusUpdatesIgnored++;
        item.done();
      } else {
        item.tries++;
        retry.push(item);
      }
    });
    this.stats.statusUpdatesIgnored += ignored;
    if (retry.length > 0) this.statusQueue.unshift(...retry);
  }

  // ------------------------------------------------------------------ logs

  /** An agent's LogSubscriptions stream: `send` gets subscriptions for its tasks. */
  attachLogChannel(nodeId: string, sessionId: string, send: (sub: { id: string; taskIds: string[]; follow: boolean; tail: number; close?: boolean }) => void): () => void {
    const s = this.session(nodeId, sessionId);
    const detach = this.logs.attach({ nodeId, send });
    s.endFns.push(detach);
    return detach;
  }

  publishLogs(nodeId: string, sessionId: string, subscriptionId: string, lines: Omit<LogMessage, 'nodeId'>[], close: boolean): void {
    this.session(nodeId, sessionId);
    this.logs.publish(nodeId, subscriptionId, lines, close);
  }

  /**
   * Logs of a service's tasks (for `service logs`), from the agents connected to this leader.
   * Non-follow: ends once every live node involved answered, or after the deadline (a down node
   * never makes it hang). Follow: until the caller stops iterating.
   */
  subscribeLogs(serviceId: string, opts: SubscribeLogsOptions = {}): AsyncIterableIterator<LogMessage> {
    if (!this.leading) throw notLeaderForLogs();
    const only = opts.taskIds === undefined ? undefined : new Set(opts.taskIds);
    const byNode = new Map<string, string[]>();
    this.store.view((tx) => {
      for (const t of tx.findBy('tasks', 'serviceId', serviceId)) {
        if (t.nodeId === '' || (only !== undefined && !only.has(t.id))) continue;
        if (taskStateOrder(t.status.state) < taskStateOrder('assigned')) continue;
        let l = byNode.get(t.nodeId);
        if (l === undefined) byNode.set(t.nodeId, (l = []));
        l.push(t.id);
      }
    });
    const tail = opts.tail ?? -1;
    const sub = this.logs.subscribe(byNode, { follow: opts.follow === true, tail });
    if (opts.follow === true && only === undefined) {
      // tasks of the service placed later (replacements, scale-up) join the stream
      const known = new Set([...byNode.values()].flat());
      const w = this.store.watch({ table: 'tasks', filter: (e) => e.type !== 'reset' && e.type !== 'commit' && e.table === 'tasks' && e.object.serviceId === serviceId });
      this.logs.onEnd(sub.id, () => w.close());
      void (async () => {
        try {
          for await (const e of w) {
            if (e.type !== 'update' && e.type !== 'create') continue;
            const t = e.object as Task;
            if (known.has(t.id) || t.nodeId === '' || taskStateOrder(t.status.state) < taskStateOrder('assigned')) continue;
            known.add(t.id);
            this.logs.extend(sub.id, t.nodeId, [t.id], { tail });
          }
        } catch (err) {
          this.log.debug({ err }, 'log follow watch ended');
        }
      })();
    }
    return sub;
  }

  /** Stops everything (manager shutdown). */
  close(): void {
    this.stopLeading();
    for (const s of [...this.sessions.values()]) this.endSession(s);
  }

}

function isManagerChange(n: Node, old: Node | undefined, type: string): boolean {
  if (type === 'update' && old !== undefined) {
    return (n.role === 'manager' || old.role === 'manager') && (n.role !== old.role || n.managerStatus?.addr !== old.managerStatus?.addr);
  }
  return n.role === 'manager';
}

function ignore(why: string): ClusterError {
  return new ClusterError(ErrorCode.FailedPrecondition, `status report ignored: ${why}`, { details: { ignored: true } });
}

function sameStatus(a: TaskStatus, b: TaskStatus): boolean {
  return a.message === b.message && a.containerId === b.containerId && a.exitCode === b.exitCode && a.err === b.err;
}

const STATES = new Set<string>(TASK_STATES);

/** A report's status as a store TaskStatus; undefined when its state is not a task state. */
export function statusFromReport(r: StatusReport, now: number): TaskStatus | undefined {
  if (!STATES.has(r.status.state)) return undefined;
  const st: TaskStatus = { state: r.status.state as TaskState, message: r.status.message ?? '', timestamp: r.status.timestamp !== undefined && r.status.timestamp > 0 ? r.status.timestamp : now };
  if (r.status.containerId !== undefined && r.status.containerId !== '') st.containerId = r.status.containerId;
  if (r.status.exitCode !== undefined) st.exitCode = r.status.exitCode;
  if (r.status.err !== undefined && r.status.err !== '') st.err = r.status.err;
  return st;
}

function nonEmpty(s: string | undefined | null): string | undefined {
  return s === undefined || s === null || s === '' ? undefined : s;
}

function num(v: unknown): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
