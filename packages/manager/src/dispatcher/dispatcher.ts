// The dispatcher: agent sessions on the leader. Every manager serves the Dispatcher service; only
// the leader (once startLeading ran) holds sessions, others send agents to the leader's address.
// A session registers its node as ready. This file keeps the session wiring; the work is done by
// node liveness (nodes.ts), assignment streams (assignments.ts) and task status (task-status.ts).
// Every store write is fenced to the leader's raft term.

import {
  ClusterError,
  ErrorCode,
  leaderDetails,
  silentLogger,
  systemClock,
  type Clock,
  type Logger,
} from '@clusterctl/common';
import {
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  newId,
  taskStateOrder,
  type ClusterSettings,
  type NetworkCapabilities,
  type ClusterStore,
  type MeshPortHolder,
  type ProposeOptions,
  type Node,
  type Task,
  type Watcher,
} from '@clusterctl/store';
import { AssignmentStreams, type AssignmentsMessage } from './assignments.js';
import { LogBroker, notLeaderForLogs, type LogMessage, type SubscribeLogsOptions } from './log-broker.js';
import { NodeLiveness } from './nodes.js';
import { LoopStallMonitor } from './loop-stall.js';
import { TaskStatusBatcher, type StatusReport } from './task-status.js';
import { mapStreamEnded, NetworkMapPublisher, type NetworkMap } from './network-maps.js';
import { allocateNodeSubnet } from '../network/allocator.js';
import type { clusterctl } from '@clusterctl/proto';
import { ImageInventories, type ImageSourceInfo, type NodeImageInventory } from './image-inventory.js';

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
  /** Digest of the roots nodes are to trust, answered with every heartbeat ('' : none). */
  trustDigest?(): string;
  /** A just-elected leader waits this long for its components before refusing sessions. Default 3000. */
  leaderStartWaitMs?: number;
  /** Log broker: non-follow `service logs` end after this long at most. Default 3000. */
  logDeadlineMs?: number;
  /** Autoscaling: where the task CPU of heartbeats goes (the leader's autoscaler reads it). */
  taskCpu?: {
    record(nodeId: string, entries: readonly clusterctl.dispatcher.IAutoscaleTaskCpu[], nowMs: number): void;
    readonly wanted: boolean;
  };
  /** Network maps: a change is sent this long after the first change it follows. Default 50. */
  networkMapCoalesceMs?: number;
  /**
   * The longest this process's event loop was held up within about the last grace (ms), asked before
   * a node is marked down. Default: measured (perf_hooks) when the clock is the system clock, else 0.
   */
  recentStallMs?: () => number;
}

export const DISPATCHER_DEFAULTS = { leaderStartWaitMs: 3000, logDeadlineMs: 3000, statusRetries: 3 } as const;

export interface NodeDescriptionInput {
  hostname?: string;
  resources?: { nanoCpus: number; memoryBytes: number };
  engineLabels?: Record<string, string>;
  os?: string;
  arch?: string;
  addr?: string;
  /** Networking: what the node's kernel and tools allow (absent: an agent that does not say). */
  network?: NetworkCapabilities;
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

export interface DispatcherStats {
  sessions: number;
  heartbeats: number;
  statusBatches: number;
  statusUpdatesApplied: number;
  statusUpdatesIgnored: number;
  nodesMarkedDown: number;
  /** Late nodes given overloadGraceMs instead of their grace (this leader stalled, or many were late at once). */
  nodeDeadlinesWidened: number;
}

export class Dispatcher {
  readonly store: ClusterStore;
  readonly clusterId: string;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly cfg: DispatcherConfig;
  readonly logs: LogBroker;
  /** The cluster network map and its streams (NetworkMaps). */
  readonly networkMaps: NetworkMapPublisher;
  private leading = false;
  /** Writes of this leadership are fenced to its raft term (when known). */
  private fence: ProposeOptions | undefined;
  private leadingWaiters: (() => void)[] = [];
  private readonly sessions = new Map<string, SessionState>();
  private readonly liveness: NodeLiveness;
  private readonly assignments: AssignmentStreams;
  /** This process's event loop delays while leading (when measured; see DispatcherConfig.recentStallMs). */
  private readonly loopStall: LoopStallMonitor | undefined;
  private readonly taskStatus: TaskStatusBatcher;
  private nodeWatcher: Watcher | undefined;
  private broadcastScheduled = false;
  /** Image shipping: the images each node holds (leader memory; agents report with heartbeats). */
  readonly images = new ImageInventories();
  private imageSpread = 0;
  /** Agent sessions held now. */
  get activeSessions(): number {
    return this.sessions.size;
  }

  readonly stats: DispatcherStats = {
    sessions: 0,
    heartbeats: 0,
    statusBatches: 0,
    statusUpdatesApplied: 0,
    statusUpdatesIgnored: 0,
    nodesMarkedDown: 0,
    nodeDeadlinesWidened: 0,
  };

  constructor(cfg: DispatcherConfig) {
    this.cfg = cfg;
    this.store = cfg.store;
    this.clusterId = cfg.clusterId;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'dispatcher' });
    this.clock = cfg.clock ?? systemClock;
    this.logs = new LogBroker(this.clock, { deadlineMs: cfg.logDeadlineMs ?? DISPATCHER_DEFAULTS.logDeadlineMs });
    const isLeading = (): boolean => this.leading;
    const fence = (): ProposeOptions | undefined => this.fence;
    this.loopStall =
      cfg.recentStallMs === undefined && this.clock === systemClock
        ? new LoopStallMonitor(() => this.settings().nodeGraceMs)
        : undefined;
    const recentStallMs = cfg.recentStallMs ?? (() => this.loopStall?.recentMaxMs() ?? 0);
    this.liveness = new NodeLiveness({
      store: this.store,
      clock: this.clock,
      log: this.log,
      settings: () => this.settings(),
      isLeading,
      fence,
      managerHeard: (nodeId) => cfg.managerHeard?.(nodeId),
      endSession: (nodeId) => {
        const s = this.sessions.get(nodeId);
        if (s !== undefined) this.endSession(s);
      },
      markedDown: () => {
        this.stats.nodesMarkedDown++;
      },
      deadlineWidened: () => {
        this.stats.nodeDeadlinesWidened++;
      },
      hasSession: (nodeId) => this.sessions.has(nodeId),
      recentStallMs,
      suspectsChanged: () => {
        if (this.leading) this.networkMaps.changed();
      },
    });
    this.assignments = new AssignmentStreams(this.store, this.log, isLeading);
    this.networkMaps = new NetworkMapPublisher(this.store, this.clock, this.log, cfg.networkMapCoalesceMs, () =>
      this.liveness.suspects(),
    );
    this.taskStatus = new TaskStatusBatcher(
      this.store,
      this.clock,
      this.stats,
      fence,
      DISPATCHER_DEFAULTS.statusRetries,
    );
  }

  trustDigest(): string {
    return this.cfg.trustDigest?.() ?? '';
  }

  settings(): ClusterSettings {
    if (this.cfg.settings !== undefined) return this.cfg.settings();
    return (
      this.store.view((tx) => (tx.get('cluster', DEFAULT_CLUSTER_ID) ?? tx.list('cluster')[0])?.settings) ??
      DEFAULT_CLUSTER_SETTINGS
    );
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
    this.loopStall?.start();
    const armed = this.liveness.startLeading(leaderSince);
    this.nodeWatcher = this.store.watch({ table: ['nodes', 'cluster'], maxBuffered: 100_000 });
    void this.watchNodes(this.nodeWatcher);
    this.networkMaps.start(leaderTerm ?? 0);
    this.log.info(armed, 'dispatcher leading');
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
    this.assignments.stop();
    this.networkMaps.stop();
    this.liveness.stopAll();
    this.loopStall?.stop();
    for (const s of [...this.sessions.values()]) this.endSession(s);
    this.logs.closeAll();
    this.images.clear();
    this.log.info('dispatcher stopped leading');
  }

  private async watchNodes(w: Watcher): Promise<void> {
    try {
      for await (const e of w) {
        if (e.type === 'reset' || e.type === 'commit') continue;
        if (
          e.table === 'cluster' ||
          (e.table === 'nodes' && isManagerChange(e.object as Node, e.oldObject as Node | undefined, e.type))
        )
          this.scheduleBroadcast();
        if (e.table === 'cluster') this.liveness.settingsChanged();
        if (e.type === 'create' && e.table === 'nodes') {
          this.liveness.nodeCreated(e.object.id, e.object.status.state === 'down');
        } else if (e.type === 'delete' && e.table === 'nodes') {
          this.liveness.nodeDeleted(e.object.id);
          this.images.delete(e.object.id);
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
    return new ClusterError(
      addr === '' ? ErrorCode.NoLeader : ErrorCode.NotLeader,
      addr === '' ? 'no leader manager is known' : `this manager is not the leader; the leader is at ${addr}`,
      {
        hint: addr === '' ? 'retry after the election' : `reconnect to ${addr}`,
        details: leaderDetails(addr),
      },
    );
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
   * PERMISSION_DENIED for a node without a record (removed). While the ready record is being
   * written the node is not marked down; its grace starts once the record is committed.
   */
  async openSession(
    nodeId: string,
    desc: NodeDescriptionInput,
    peerAddr: string,
  ): Promise<{ handle: SessionHandle; info: SessionInfo }> {
    await this.waitLeading();
    const opened = this.liveness.sessionOpening(nodeId);
    try {
      const out = await this.registerSession(nodeId, desc, peerAddr);
      opened(true);
      return out;
    } catch (e) {
      opened(false);
      throw e;
    }
  }

  private async registerSession(
    nodeId: string,
    desc: NodeDescriptionInput,
    peerAddr: string,
  ): Promise<{ handle: SessionHandle; info: SessionInfo }> {
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
        throw new ClusterError(
          ErrorCode.PermissionDenied,
          `node ${nodeId} is not a member of this cluster (it was removed)`,
          {
            hint: 'leave the old cluster state on that node (clusterctl leave --force) and join again with a token',
            details: { nodeId },
          },
        );
      }
      // Networking: the capabilities the agent reports; a subnet for a node that has none yet (it
      // joined before the cluster network existed)
      const network = {
        subnet: cur.network?.subnet ?? allocateNodeSubnet(tx),
        ...(desc.network !== undefined
          ? { capabilities: desc.network }
          : cur.network?.capabilities !== undefined
            ? { capabilities: cur.network.capabilities }
            : {}),
      };
      tx.update('nodes', { ...cur, ...fields, network });
    }, this.fence);
    if (!this.leading) throw this.notLeader();
    const old = this.sessions.get(nodeId);
    if (old !== undefined) this.endSession(old);
    const s: SessionState = { id: newId(), nodeId, ended: false, closing: false, endFns: [] };
    this.sessions.set(nodeId, s);
    this.stats.sessions++;
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
    this.liveness.sessionBroke(nodeId);
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
      throw new ClusterError(ErrorCode.NotFound, `no session ${sessionId} for node ${nodeId} on this manager`, {
        hint: 'open a new session (Session)',
      });
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
   * A node recorded down has no session: a heartbeat of one that outlived the down record (the
   * record landed after the session opened) ends it with NOT_FOUND, and the agent opens a new
   * session, which records the node ready again.
   */
  /** Autoscaling: a heartbeat's task CPU (kept only on the leader, where the autoscaler runs). */
  recordTaskCpu(nodeId: string, entries: readonly clusterctl.dispatcher.IAutoscaleTaskCpu[]): void {
    if (entries.length === 0 || !this.leading) return;
    this.cfg.taskCpu?.record(nodeId, entries, this.clock.now());
  }

  /** Autoscaling: do nodes send their tasks' CPU with their heartbeats (some service is autoscaled)? */
  wantsTaskCpu(): boolean {
    return this.leading && this.cfg.taskCpu?.wanted === true;
  }

  heartbeat(
    nodeId: string,
    sessionId: string,
    closing = false,
    certRootDigest = '',
    listeningPorts?: MeshPortHolder[],
  ): number {
    const s = this.session(nodeId, sessionId);
    const rec = this.store.view((tx) => tx.get('nodes', nodeId));
    const status = rec?.status;
    if (status?.state === 'down') {
      this.log.warn(
        { nodeId, sessionId, why: status.message },
        'heartbeat from a node recorded down; ending its session so it registers again',
      );
      this.endSession(s);
      throw new ClusterError(
        ErrorCode.NotFound,
        `node ${nodeId} is recorded down (${status.message}); session ${sessionId} is over`,
        { hint: 'open a new session (Session)' },
      );
    }
    if (closing) s.closing = true;
    if (certRootDigest !== '' && rec !== undefined && rec.certRootDigest !== certRootDigest)
      this.recordCertRoot(nodeId, certRootDigest);
    if (listeningPorts !== undefined && rec !== undefined && !samePortHolders(rec.listeningPorts, listeningPorts))
      this.recordListeningPorts(nodeId, listeningPorts);
    this.stats.heartbeats++;
    const st = this.settings();
    this.liveness.heartbeat(nodeId, st.nodeGraceMs);
    return st.heartbeatPeriodMs;
  }

  /** Nodes whose reported certificate root is being written (one write at a time per node). */
  private readonly certRootWrites = new Set<string>();

  /** Records the root CA of the certificate a node reports it uses (root CA rotation progress). */
  private recordCertRoot(nodeId: string, digest: string): void {
    if (this.certRootWrites.has(nodeId)) return;
    this.certRootWrites.add(nodeId);
    this.store
      .update((tx) => {
        const n = tx.get('nodes', nodeId);
        if (n !== undefined && n.certRootDigest !== digest) tx.update('nodes', { ...n, certRootDigest: digest });
      }, this.fence)
      .then(() => this.log.info({ nodeId, certRoot: digest }, 'the node uses a certificate from another root CA'))
      .catch((err: unknown) =>
        this.log.debug({ err, nodeId }, "recording the node's certificate root failed; the next heartbeat retries"),
      )
      .finally(() => this.certRootWrites.delete(nodeId));
  }

  // Mesh port conflicts: the node's listening ports, written only when they changed.
  private readonly listeningWrites = new Set<string>();

  private recordListeningPorts(nodeId: string, ports: MeshPortHolder[]): void {
    if (this.listeningWrites.has(nodeId)) return;
    this.listeningWrites.add(nodeId);
    this.store
      .update((tx) => {
        const n = tx.get('nodes', nodeId);
        if (n !== undefined && !samePortHolders(n.listeningPorts, ports))
          tx.update('nodes', { ...n, listeningPorts: ports });
      }, this.fence)
      .catch((err: unknown) =>
        this.log.debug({ err, nodeId }, "recording the node's listening ports failed; the next heartbeat retries"),
      )
      .finally(() => this.listeningWrites.delete(nodeId));
  }

  // ------------------------------------------------------------------ assignments

  /**
   * The node's assignments: `send` gets a COMPLETE message at once, then INCREMENTAL ones as tasks
   * change (coalesced per turn). Returns a function that stops it; it also stops when the session ends.
   */
  watchAssignments(
    nodeId: string,
    sessionId: string,
    send: (m: AssignmentsMessage) => void,
    onEnd: (err?: ClusterError) => void,
  ): () => void {
    const s = this.session(nodeId, sessionId);
    return this.assignments.watch(nodeId, (fn) => s.endFns.push(fn), send, onEnd);
  }

  // ------------------------------------------------------------------ network maps

  /**
   * The cluster network map for `nodeId`'s agent: `send` gets it complete at once and after every
   * change. Returns a function that stops it; it also stops (UNAVAILABLE) when the session ends.
   */
  watchNetworkMaps(
    nodeId: string,
    sessionId: string,
    send: (m: NetworkMap) => void,
    onEnd: (err?: ClusterError) => void,
  ): () => void {
    const s = this.session(nodeId, sessionId);
    let ended = false;
    const end = (err?: ClusterError): void => {
      if (ended) return;
      ended = true;
      unsubscribe();
      onEnd(err);
    };
    const unsubscribe = this.networkMaps.subscribe(send, () => end(mapStreamEnded()));
    s.endFns.push(() => end(mapStreamEnded()));
    return () => end();
  }

  // ------------------------------------------------------------------ task status

  /**
   * Task status reports from a node, batched with other reports into few proposals. A report is
   * ignored when the task is unknown, not on this node, or its state would move backwards.
   */
  async updateTaskStatus(nodeId: string, sessionId: string, reports: StatusReport[]): Promise<void> {
    this.session(nodeId, sessionId);
    await this.taskStatus.submit(nodeId, reports);
    await this.pinImages(nodeId, reports);
  }

  // ------------------------------------------------------------------ image shipping

  /** A node's image inventory, sent with a heartbeat when it changed. */
  reportImages(nodeId: string, sessionId: string, inv: NodeImageInventory): void {
    this.session(nodeId, sessionId);
    this.images.set(nodeId, inv);
  }

  /** The digest of the inventory this leader holds for the node ('' : none). */
  imageInventoryDigest(nodeId: string): string {
    return this.images.digest(nodeId);
  }

  /** The up nodes, other than the caller's, whose engines hold `image` (`imageId` when given). */
  imageSources(nodeId: string, sessionId: string, image: string, imageId: string): ImageSourceInfo[] {
    this.session(nodeId, sessionId);
    const up = new Map(
      this.store.view((tx) =>
        tx
          .list('nodes')
          .filter((n) => n.status.state === 'ready')
          .map((n) => [n.id, n.name || n.hostname] as const),
      ),
    );
    // rotated per request, so concurrent fetchers of one image spread over its holders
    return this.images.sources(image, imageId, nodeId, up, this.imageSpread++);
  }

  /**
   * Image pinning: a service created before any node reported its image is pinned to the ID the
   * first node that prepared one of its tasks reports. Not part of the task template, so no task is
   * replaced; a failure is left to the next report.
   */
  private async pinImages(nodeId: string, reports: StatusReport[]): Promise<void> {
    const withId = reports.filter((r) => (r.status.imageId ?? '') !== '');
    if (withId.length === 0) return;
    try {
      await this.store.update((tx) => {
        for (const r of withId) {
          const t = tx.get('tasks', r.taskId);
          if (t === undefined || t.nodeId !== nodeId || t.status.imageId !== r.status.imageId) continue;
          const s = tx.get('services', t.serviceId);
          if (s === undefined || s.spec.imageId !== undefined || s.spec.image !== t.spec.image) continue;
          tx.update('services', { ...s, spec: { ...s.spec, imageId: r.status.imageId! } });
          this.log.info({ serviceId: s.id, image: s.spec.image, imageId: r.status.imageId, nodeId }, 'image pinned');
        }
      }, this.fence);
    } catch (err) {
      this.log.debug({ err }, 'pinning an image failed; the next report tries again');
    }
  }

  // ------------------------------------------------------------------ secrets and configs

  /**
   * The data of the secrets and configs task `taskId` uses, for the agent preparing it: only for a
   * task assigned to the caller's node that is still to run (the certificate names the node).
   */
  taskFiles(
    nodeId: string,
    sessionId: string,
    taskId: string,
  ): { kind: 'secret' | 'config'; id: string; data: Uint8Array }[] {
    this.session(nodeId, sessionId);
    return this.store.view((tx) => {
      const t = tx.get('tasks', taskId);
      if (t === undefined || t.nodeId !== nodeId || taskStateOrder(t.desiredState) > taskStateOrder('running'))
        throw new ClusterError(ErrorCode.PermissionDenied, `task ${taskId} is not to run on node ${nodeId}`, {
          hint: 'an agent gets the secrets and configs of the tasks assigned to its node only',
        });
      const out: { kind: 'secret' | 'config'; id: string; data: Uint8Array }[] = [];
      for (const [kind, refs] of [
        ['secret', t.spec.secrets ?? []],
        ['config', t.spec.configs ?? []],
      ] as const) {
        for (const r of refs) {
          const o = kind === 'secret' ? tx.get('secrets', r.id) : tx.get('configs', r.id);
          if (o === undefined)
            throw new ClusterError(ErrorCode.NotFound, `${kind} ${r.name} of task ${taskId} no longer exists`, {
              hint: `create the ${kind} again, or update the service to drop it`,
            });
          out.push({ kind, id: o.id, data: Buffer.from(o.data, 'base64') });
        }
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ logs

  /** An agent's LogSubscriptions stream: `send` gets subscriptions for its tasks. */
  attachLogChannel(
    nodeId: string,
    sessionId: string,
    send: (sub: { id: string; taskIds: string[]; follow: boolean; tail: number; close?: boolean }) => void,
  ): () => void {
    const s = this.session(nodeId, sessionId);
    const detach = this.logs.attach({ nodeId, send });
    s.endFns.push(detach);
    return detach;
  }

  publishLogs(
    nodeId: string,
    sessionId: string,
    subscriptionId: string,
    lines: Omit<LogMessage, 'nodeId'>[],
    close: boolean,
  ): void {
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
      const w = this.store.watch({
        table: 'tasks',
        filter: (e) =>
          e.type !== 'reset' && e.type !== 'commit' && e.table === 'tasks' && e.object.serviceId === serviceId,
      });
      this.logs.onEnd(sub.id, () => w.close());
      void (async () => {
        try {
          for await (const e of w) {
            if (e.type !== 'update' && e.type !== 'create') continue;
            const t = e.object as Task;
            if (known.has(t.id) || t.nodeId === '' || taskStateOrder(t.status.state) < taskStateOrder('assigned'))
              continue;
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
    return (
      (n.role === 'manager' || old.role === 'manager') &&
      (n.role !== old.role || n.managerStatus?.addr !== old.managerStatus?.addr)
    );
  }
  return n.role === 'manager';
}

function nonEmpty(s: string | undefined | null): string | undefined {
  return s === undefined || s === null || s === '' ? undefined : s;
}

function num(v: unknown): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Mesh port conflicts: the same listening ports (port, protocol, process) in the same order. */
function samePortHolders(a: readonly MeshPortHolder[] | undefined, b: readonly MeshPortHolder[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return a.every(
    (x, i) =>
      x.port === b[i]!.port &&
      x.protocol === b[i]!.protocol &&
      x.process === b[i]!.process &&
      x.pid === b[i]!.pid &&
      x.addr === b[i]!.addr,
  );
}
