// Node liveness on the leader: one deadline per node, re-armed by heartbeats; a node whose deadline
// passes is marked down. Kept apart from the session wiring so the grace rules (first grace after an
// election, broken session, silent old leader) read in one place.
//
// A session's open and a deadline never race: while a session's ready record is being written the
// node is not marked down (a deadline that passes then waits for the open's outcome), its grace
// starts once that record is committed, and a down write decided earlier is dropped if a heartbeat
// or an open came before it was proposed.

import { agentManagerLossMs, type Clock, type Logger, type TimerHandle } from '@clusterctl/common';
import type { ClusterSettings, ClusterStore, ProposeOptions } from '@clusterctl/store';

/**
 * The longest an agent may take to notice that its leader vanished without a word (killed host, no
 * TCP RST), for a heartbeat period: a heartbeat goes out one period after the previous answer and
 * the session ends when it and its retry on the same manager ran out their deadlines
 * (agentManagerLossMs, @clusterctl/common, what the agent does). Only then does it dial the new leader.
 */
export function agentLeaderLossMs(heartbeatPeriodMs: number): number {
  return agentManagerLossMs(heartbeatPeriodMs);
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

/**
 * How long a node may stay silent (no heartbeat, no session open) before it becomes suspect: two
 * heartbeat periods or half the grace, whichever is longer, never more than the grace. So 1 s with
 * the defaults, a second before the node is marked down.
 */
export function suspectAfterMs(settings: Pick<ClusterSettings, 'heartbeatPeriodMs' | 'nodeGraceMs'>): number {
  return Math.min(settings.nodeGraceMs, Math.max(2 * settings.heartbeatPeriodMs, settings.nodeGraceMs / 2));
}

/**
 * A node's deadline whose timer runs this much after its time means this process was not running
 * meanwhile (a stalled event loop, a CPU starved by the engine starting containers on the same
 * host): heartbeats that arrived in that time may still wait unread in the sockets, and due timers
 * run before the sockets are read. Such a node gets as long again as the delay (at most its grace)
 * before it is marked down, so a leader is never faster to judge a node than to hear it.
 */
export const LATE_DEADLINE_TOLERANCE_MS = 250;

// Overload. A leader starved of CPU (or on a machine where every node is) hears heartbeats late from
// nodes that are alive; marking them down moves their tasks onto the nodes still heard, which loads
// those further, and the next round marks more (a collapse that does not end while the load lasts).
// A node silent past its grace whose session is still open (its connection was not closed) is
// therefore not marked down at once when the cause is likely not the node:
//  - this process itself was held up (an event loop delay above LATE_DEADLINE_TOLERANCE_MS within
//    about the last grace), or
//  - many nodes are late at once (manyLateNodes: at least 2, and at least a third of those watched).
// It waits until overloadGraceMs after its last heartbeat instead. A node that is really gone is
// still marked down sooner: its connection is closed (by its kernel, or by the server's keep-alive
// after a few seconds of silence) and it does not open a new session within brokenSessionGraceMs.
// As Kubernetes stops evicting from a zone where most nodes went unready at once, a leader does not
// mark down a large share of its nodes on its heartbeat clock alone.
// After an election, a node not heard yet when its first grace runs out waits the same longer time
// while other agents are still re-registering (reregistering): they all reconnect at once.
// Nor is such a node made suspect meanwhile (its endpoints would leave every node's rules and come
// back at its next heartbeat: work for every node's data plane on CPU that is short already).

/** How long after its last heartbeat a silent node with an open session waits while the leader is overloaded: five graces (10 s with the defaults; Swarm's grace is 15 s). */
export function overloadGraceMs(settings: Pick<ClusterSettings, 'nodeGraceMs'>): number {
  return 5 * settings.nodeGraceMs;
}

/** How many late nodes make "many late at once" among `watched` nodes: at least 2, and a third of them. */
export function manyLateNodes(watched: number): number {
  return Math.max(2, Math.ceil(watched / 3));
}

/** How long a count of the late nodes is reused (thousands of nodes late at once each ask for it). */
const LATE_COUNT_REUSE_MS = 100;

/** How a node's deadline was armed (what happens when it passes). */
interface DeadlineKind {
  /** First grace after a leader change: the node waits until then (see expire). */
  extendTo?: number;
  /** Why the node will be marked down (absent: an ordinary missed heartbeat). */
  why?: string;
  /** This deadline already waited once for a stalled process; it does not again. */
  lateAgain?: boolean;
  /** This deadline already waited for an overloaded leader (overloadGraceMs); it does not again. */
  widened?: boolean;
}

/** What node liveness needs from the dispatcher that owns it. */
export interface NodeLivenessContext {
  store: ClusterStore;
  clock: Clock;
  log: Logger;
  settings(): ClusterSettings;
  isLeading(): boolean;
  /** The raft term this leadership's writes are fenced to. */
  fence(): ProposeOptions | undefined;
  /** See DispatcherConfig.managerHeard. */
  managerHeard?(nodeId: string): boolean | undefined;
  /** Ends the node's session, if any (its deadline passed). */
  endSession(nodeId: string): void;
  /** A node was marked down (for the dispatcher's stats). */
  markedDown(): void;
  /** A late node's deadline was extended because this leader is overloaded (for the dispatcher's stats). */
  deadlineWidened?(): void;
  /** Has the node a session open on this leader now (its connection not closed)? */
  hasSession?(nodeId: string): boolean;
  /** The longest this process's event loop was held up within about the last grace (ms; 0: none known). */
  recentStallMs?(): number;
  /** The set of suspect nodes changed (see NodeLiveness.suspects). */
  suspectsChanged?(): void;
}

/** The deadlines of every node this leader watches, and marking a node down when one passes. */
export class NodeLiveness {
  /** beatAt: the heartbeat (or session open) that armed it with the plain grace, if one did. */
  private readonly deadlines = new Map<string, { timer: TimerHandle; at: number; beatAt?: number }>();
  /** The last heartbeat (or session open) of each node on this leadership. */
  private readonly lastBeatAt = new Map<string, number>();
  /** When a session last opened on this leadership (see reregistering). */
  private lastOpenAt: number | undefined;
  /** Bumped by every arm and every session open: a down decision holds only if it is unchanged. */
  private readonly epochs = new Map<string, number>();
  private epochSeq = 0;
  /** Session opens in flight per node (their ready record not yet committed). */
  private readonly opening = new Map<string, number>();
  /** Deadlines that passed during an open, applied if the open fails. */
  private readonly heldExpiries = new Map<string, DeadlineKind>();

  // Suspect nodes: leader-local, in memory, never written to the store. A node that stayed silent
  // for suspectAfterMs, or whose session stream broke, is suspect until its next heartbeat or session
  // open. The network map leaves out its tasks' endpoints so traffic drains from it before it is
  // marked down; its tasks are not rescheduled for it (that still waits for the down-marking).
  private readonly suspectTimers = new Map<string, TimerHandle>();
  private readonly suspectSet = new Set<string>();

  constructor(private readonly ctx: NodeLivenessContext) {}

  /** The nodes suspect now (their heartbeats are late or their session broke). */
  suspects(): ReadonlySet<string> {
    return this.suspectSet;
  }

  /**
   * Leadership began at `leaderSince`: every node not already down gets one full grace from then.
   * Agents whose session was with a leader that vanished only notice when a heartbeat times out
   * (agentLeaderLossMs, counted from the loss, which came before this election), then dial us. So
   * every node gets nodeGraceMs + agentLeaderLossMs from our start. Exception: a manager node whose
   * raft member has not answered us since we lead (the vanished old leader: silent for a whole
   * election timeout already) is marked down after silentManagerGraceMs.
   */
  startLeading(leaderSince: number): { nodes: number; graceMs: number; firstGraceMs: number } {
    const { clock, store } = this.ctx;
    const settings = this.ctx.settings();
    const { nodeGraceMs: grace } = settings;
    const firstGraceMs = this.firstGraceMs();
    const silentMs = silentManagerGraceMs(settings);
    const nodes = store.view((tx) => tx.list('nodes'));
    const now = clock.now();
    for (const n of nodes) {
      if (n.status.state !== 'down')
        this.arm(n.id, leaderSince + silentMs - now, {
          extendTo: leaderSince + firstGraceMs,
          why: `its manager did not answer the new leader within ${silentMs} ms of the election`,
        });
    }
    return { nodes: nodes.length, graceMs: grace, firstGraceMs };
  }

  /** Every node's grace after an election: its own, and the time its agent takes to notice the old leader is gone. */
  private firstGraceMs(): number {
    const { nodeGraceMs, heartbeatPeriodMs } = this.ctx.settings();
    return nodeGraceMs + agentLeaderLossMs(heartbeatPeriodMs);
  }

  /** Leadership lost: no node is watched any more. */
  stopAll(): void {
    for (const d of this.deadlines.values()) this.ctx.clock.clearTimeout(d.timer);
    this.deadlines.clear();
    this.heldExpiries.clear();
    this.lastBeatAt.clear();
    this.lastOpenAt = undefined;
    for (const t of this.suspectTimers.values()) this.ctx.clock.clearTimeout(t);
    this.suspectTimers.clear();
    this.suspectSet.clear();
  }

  /** A node record appeared: it gets one grace to open a session, unless it is already watched or down. */
  nodeCreated(nodeId: string, down: boolean): void {
    if (!this.deadlines.has(nodeId) && !down) this.arm(nodeId, this.ctx.settings().nodeGraceMs);
  }

  /** A node record was removed: forget its deadline. */
  nodeDeleted(nodeId: string): void {
    const d = this.deadlines.get(nodeId);
    if (d !== undefined) this.ctx.clock.clearTimeout(d.timer);
    this.deadlines.delete(nodeId);
    this.heldExpiries.delete(nodeId);
    this.lastBeatAt.delete(nodeId);
    this.epochs.delete(nodeId);
    const t = this.suspectTimers.get(nodeId);
    if (t !== undefined) this.ctx.clock.clearTimeout(t);
    this.suspectTimers.delete(nodeId);
    this.setSuspect(nodeId, false);
  }

  /** A session opened or a heartbeat came: the node's grace starts over. */
  heartbeat(nodeId: string, nodeGraceMs = this.ctx.settings().nodeGraceMs): void {
    this.arm(nodeId, nodeGraceMs);
    const d = this.deadlines.get(nodeId);
    if (d !== undefined) d.beatAt = this.ctx.clock.now();
    this.lastBeatAt.set(nodeId, this.ctx.clock.now());
    this.setSuspect(nodeId, false);
    this.armSuspect(nodeId, suspectAfterMs({ ...this.ctx.settings(), nodeGraceMs }));
  }

  /**
   * The cluster settings changed: a node whose deadline came from its last heartbeat gets the
   * current grace from that heartbeat at once (not from its next one), so a changed grace holds for
   * every live node from the moment it is committed. The special deadlines (first grace after an
   * election, broken session) keep theirs.
   */
  settingsChanged(): void {
    const grace = this.ctx.settings().nodeGraceMs;
    const now = this.ctx.clock.now();
    for (const [nodeId, d] of [...this.deadlines]) {
      if (d.beatAt === undefined || d.at === d.beatAt + grace) continue;
      const beatAt = d.beatAt;
      this.arm(nodeId, beatAt + grace - now);
      this.deadlines.get(nodeId)!.beatAt = beatAt;
      if (this.suspectTimers.has(nodeId)) this.armSuspect(nodeId, beatAt + suspectAfterMs(this.ctx.settings()) - now);
    }
  }

  /**
   * A session of `nodeId` is being opened (its ready record is being written). Until the returned
   * function is called the node is not marked down: a deadline that passes meanwhile is held. Call
   * it with true once the ready record is committed and the session registered (the grace starts
   * then), with false if the open failed (a held deadline marks the node down now).
   */
  sessionOpening(nodeId: string): (opened: boolean) => void {
    this.bump(nodeId);
    this.opening.set(nodeId, (this.opening.get(nodeId) ?? 0) + 1);
    let done = false;
    return (opened) => {
      if (done) return;
      done = true;
      const left = (this.opening.get(nodeId) ?? 1) - 1;
      if (left > 0) this.opening.set(nodeId, left);
      else this.opening.delete(nodeId);
      if (opened) {
        this.lastOpenAt = this.ctx.clock.now();
        this.heldExpiries.delete(nodeId);
        if (this.ctx.isLeading()) this.heartbeat(nodeId);
        return;
      }
      const held = this.heldExpiries.get(nodeId);
      if (left > 0 || held === undefined) return;
      this.heldExpiries.delete(nodeId);
      this.expire(nodeId, held);
    };
  }

  /**
   * The node's session stream broke (not on purpose): it gets brokenSessionGraceMs (not more than
   * what is left of its grace) to open a new session before it is marked down.
   */
  sessionBroke(nodeId: string): void {
    // A leader that was held up itself may be why the agent gave up: it gets its whole grace then.
    const soonMs = this.stalled() ? this.ctx.settings().nodeGraceMs : brokenSessionGraceMs(this.ctx.settings());
    this.setSuspect(nodeId, true);
    const d = this.deadlines.get(nodeId);
    if (d !== undefined && d.at <= this.ctx.clock.now() + soonMs) return;
    this.ctx.log.info({ nodeId, inMs: soonMs }, 'agent session broke; marking the node down unless it comes back');
    this.arm(nodeId, soonMs, { why: `its session broke and no new one came within ${soonMs} ms` });
  }

  /** Marks `nodeId` down in `inMs` unless it heartbeats; `kind`: what happens then (see expire). */
  private arm(nodeId: string, inMs: number, kind: DeadlineKind = {}): void {
    const { clock } = this.ctx;
    const old = this.deadlines.get(nodeId);
    if (old !== undefined) clock.clearTimeout(old.timer);
    const ms = Math.max(0, inMs);
    const at = clock.now() + ms;
    this.bump(nodeId);
    this.deadlines.set(nodeId, {
      timer: clock.setTimeout(() => this.expire(nodeId, kind, kind.lateAgain ? undefined : at), ms),
      at,
    });
  }

  /**
   * Are agents re-registering now: a session open in flight, or one opened within the last two
   * heartbeat periods? (After an election, until they stop.)
   */
  private reregistering(): boolean {
    if (this.opening.size > 0) return true;
    const within = 2 * this.ctx.settings().heartbeatPeriodMs;
    return this.lastOpenAt !== undefined && this.ctx.clock.now() - this.lastOpenAt < within;
  }

  /** Was this process held up (its event loop) within about the last grace? */
  private stalled(): boolean {
    return (this.ctx.recentStallMs?.() ?? 0) > LATE_DEADLINE_TOLERANCE_MS;
  }

  /**
   * Why a silent node (`nodeId`, its deadline just passed) is likely not the cause of its silence,
   * if it is not: this process stalled, or many nodes are late at once.
   */
  private overloaded(nodeId: string): { reason: string; lateNodes?: number } | undefined {
    if (this.stalled()) return { reason: 'this leader stalled' };
    const { late, watched } = this.lateNodes(nodeId);
    // This node is late (its deadline or suspect time passed) and watched, counted or not yet.
    const lateNodes = late.has(nodeId) ? late.size : late.size + 1;
    const watchedNodes = watched.has(nodeId) ? watched.size : watched.size + 1;
    if (lateNodes >= manyLateNodes(watchedNodes)) return { reason: 'many nodes are late at once', lateNodes };
    return undefined;
  }

  /** Counted at most once per LATE_COUNT_REUSE_MS: every late node asks when its timers run. */
  private lateCount: { at: number; late: Set<string>; watched: Set<string> } | undefined;

  /**
   * The watched nodes (those with a deadline, not down, and `asking`, whose deadline may be running
   * now) and those of them late: suspect, or silent for suspectAfterMs (under overload a late node
   * is not made suspect).
   */
  private lateNodes(asking: string): { late: ReadonlySet<string>; watched: ReadonlySet<string> } {
    const now = this.ctx.clock.now();
    const c = this.lateCount;
    if (c !== undefined && now - c.at >= 0 && now - c.at < LATE_COUNT_REUSE_MS) return c;
    const lateAfterMs = suspectAfterMs(this.ctx.settings());
    const watched = new Set(this.deadlines.keys()).add(asking);
    const late = new Set<string>();
    for (const id of watched) {
      const beatAt = this.lastBeatAt.get(id);
      if (id === asking || this.suspectSet.has(id) || (beatAt !== undefined && now - beatAt >= lateAfterMs))
        late.add(id);
    }
    this.lateCount = { at: now, late, watched };
    return this.lateCount;
  }

  /**
   * The node's deadline passed. With `extendTo` (first grace after a leader change) the node waits
   * until then, unless it is a manager whose raft member stayed silent to this leader. `dueAt`: when
   * the timer was meant to run (absent: no waiting for a stalled process).
   */
  private expire(nodeId: string, kind: DeadlineKind, dueAt?: number): void {
    const { ctx } = this;
    const { extendTo } = kind;
    let { why } = kind;
    this.deadlines.delete(nodeId);
    if (!ctx.isLeading()) return;
    const lateMs = dueAt === undefined ? 0 : ctx.clock.now() - dueAt;
    if (lateMs > LATE_DEADLINE_TOLERANCE_MS) {
      // This process was not running: the node's heartbeats of that time may be unread yet.
      const againMs = Math.min(lateMs, ctx.settings().nodeGraceMs);
      ctx.log.info({ nodeId, lateMs, againMs }, 'node deadline ran late (this process stalled); waiting as long again');
      this.arm(nodeId, againMs, { ...kind, lateAgain: true });
      return;
    }
    if (this.opening.has(nodeId)) {
      // its session is being opened: the open's outcome decides (sessionOpening)
      this.heldExpiries.set(nodeId, kind);
      return;
    }
    if (extendTo !== undefined && extendTo > ctx.clock.now() && ctx.managerHeard?.(nodeId) !== false) {
      this.arm(nodeId, extendTo - ctx.clock.now());
      return;
    }
    // The first grace ran out in full (the extension elapsed): an ordinary missed heartbeat.
    if (extendTo !== undefined && extendTo <= ctx.clock.now()) why = undefined;
    // Not heard at all since this leadership began while other agents are still re-registering: after
    // an election every agent reconnects at once, and a loaded leader takes them in one by one.
    if (why === undefined && !kind.widened && !this.lastBeatAt.has(nodeId) && this.reregistering()) {
      const waitMs = overloadGraceMs(ctx.settings()) - ctx.settings().nodeGraceMs;
      ctx.log.info(
        { nodeId, waitMs, opening: this.opening.size },
        'node not heard since the election while agents are still re-registering; waiting for it longer',
      );
      this.arm(nodeId, waitMs, { widened: true });
      ctx.deadlineWidened?.();
      return;
    }
    // Silent with its session (and connection) still open: overload rules (see overloadGraceMs).
    if (why === undefined && ctx.hasSession?.(nodeId) === true) {
      const now = ctx.clock.now();
      const since = this.lastBeatAt.get(nodeId) ?? now - ctx.settings().nodeGraceMs;
      const widenTo = since + overloadGraceMs(ctx.settings());
      const over = kind.widened ? undefined : this.overloaded(nodeId);
      if (over !== undefined && widenTo > now) {
        ctx.log.info(
          { nodeId, silentMs: now - since, waitMs: widenTo - now, ...over },
          'node heartbeat late while the leader is overloaded; waiting for it longer',
        );
        this.arm(nodeId, widenTo - now, { widened: true });
        ctx.deadlineWidened?.();
        return;
      }
    }
    ctx.endSession(nodeId);
    const grace = ctx.settings().nodeGraceMs;
    const now = ctx.clock.now();
    const message = why ?? `no heartbeat for ${grace} ms`;
    // The decision holds only while nothing revived the node: this runs again on a write conflict,
    // possibly after a session began to open or a heartbeat came (the ready write then wins).
    const epoch = this.epochOf(nodeId);
    const stillDue = (): boolean => this.epochOf(nodeId) === epoch && !this.opening.has(nodeId);
    ctx.store
      .update((tx) => {
        if (!stillDue()) {
          ctx.log.debug({ nodeId, why: message }, 'node not marked down: a session opened or a heartbeat came first');
          return false;
        }
        const n = tx.get('nodes', nodeId);
        if (n === undefined || n.status.state === 'down') return false;
        tx.update('nodes', { ...n, status: { state: 'down', message, timestamp: now } });
        return true;
      }, ctx.fence())
      .then(
        (marked) => {
          if (marked) {
            ctx.markedDown();
            ctx.log.info({ nodeId, why: message }, 'node marked down');
          }
        },
        (err: unknown) => {
          ctx.log.warn({ err, nodeId }, 'could not mark node down; retrying');
          if (ctx.isLeading() && stillDue()) this.arm(nodeId, 100, { why });
        },
      );
  }

  /** Makes `nodeId` suspect in `inMs` unless it heartbeats first. */
  private armSuspect(nodeId: string, inMs: number): void {
    const { clock } = this.ctx;
    const old = this.suspectTimers.get(nodeId);
    if (old !== undefined) clock.clearTimeout(old);
    const timer = clock.setTimeout(
      () => {
        if (this.suspectTimers.get(nodeId) !== timer) return;
        this.suspectTimers.delete(nodeId);
        if (!this.ctx.isLeading()) return;
        // Overloaded (see overloadGraceMs): the node is likely alive; taking its endpoints out of
        // the map now, and back at its next heartbeat, would make every node rewrite its rules
        // twice for nothing, on CPU that is short already. Looked at again a while later.
        if (this.ctx.hasSession?.(nodeId) === true && this.overloaded(nodeId) !== undefined) {
          this.armSuspect(nodeId, suspectAfterMs(this.ctx.settings()));
          return;
        }
        this.ctx.log.info({ nodeId, silentMs: inMs }, 'node heartbeat late; its endpoints leave the network map');
        this.setSuspect(nodeId, true);
      },
      Math.max(0, inMs),
    );
    this.suspectTimers.set(nodeId, timer);
  }

  private setSuspect(nodeId: string, suspect: boolean): void {
    if (this.suspectSet.has(nodeId) === suspect) return;
    if (suspect) this.suspectSet.add(nodeId);
    else this.suspectSet.delete(nodeId);
    this.ctx.suspectsChanged?.();
  }

  private bump(nodeId: string): void {
    this.epochs.set(nodeId, ++this.epochSeq);
  }

  private epochOf(nodeId: string): number {
    return this.epochs.get(nodeId) ?? 0;
  }
}
