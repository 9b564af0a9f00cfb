// The event log of one manager: events derived from every committed store change it applies
// (cluster-event.ts), the most recent ones kept in a bounded ring, and subscriptions that replay
// from the ring (after a cursor, or since a time) and then follow live. It is attached to the store
// before raft replays its log, so a restarted manager has again the events of the entries after its
// last snapshot; every manager derives the same events, so a stream resumes on any of them.
//
// In-process users (the Events RPC, later a dashboard or an autoscaler) subscribe directly.

import { AsyncQueue, ClusterError, ErrorCode, silentLogger, type Logger } from '@clusterctl/common';
import type { ClusterStore, Watcher } from '@clusterctl/store';
import {
  compareCursor,
  deriveEvents,
  END_OF_INDEX_SEQ,
  LEADER_KV_KEY,
  type ClusterEvent,
  type EventCursor,
} from './cluster-event.js';

export interface EventLogConfig {
  store: ClusterStore;
  logger?: Logger;
  /** Events kept for replay. Default 10_000. */
  capacity?: number;
  /** A subscriber this many items behind is closed with OVERLOADED (it may resume). Default 10_000. */
  maxQueued?: number;
}

export const EVENT_LOG_DEFAULTS = { capacity: 10_000, maxQueued: 10_000 } as const;

/** What a subscription yields: an event, or a position (every event up to that index was yielded or filtered out). */
export type EventLogItem = { kind: 'event'; event: ClusterEvent } | { kind: 'position'; index: number };

export interface SubscribeOptions {
  /** Resume strictly after this cursor (FAILED_PRECONDITION when the log no longer has what follows it). */
  after?: EventCursor;
  /** Without `after`: replay the kept events from this time (ms since the Unix epoch) on. */
  since?: number;
  /** Only events up to this time; the subscription ends at the first later event. */
  until?: number;
  /** Only events for which this returns true. */
  match?: (e: ClusterEvent) => boolean;
}

/** Resuming from a cursor the log cannot continue from (events after it were dropped or never seen). */
export function eventsGapError(after: EventCursor, coveredAfter: EventCursor): ClusterError {
  return new ClusterError(
    ErrorCode.FailedPrecondition,
    `this manager no longer has the events after index ${after.index} (it keeps those after index ${coveredAfter.index})`,
    {
      hint: 'start again with --since to see what it still keeps; events that old are gone',
      details: { afterIndex: after.index, keptAfterIndex: coveredAfter.index },
    },
  );
}

export class EventLog {
  private readonly store: ClusterStore;
  private readonly log: Logger;
  private readonly capacity: number;
  private readonly maxQueued: number;
  /** Ring storage: events [start, start + size) modulo capacity, in cursor order. */
  private readonly ring: (ClusterEvent | undefined)[];
  private start = 0;
  private size = 0;
  /** Every event after this cursor is in the ring (or still to come). */
  private covered: EventCursor;
  /** Highest index whose events were all derived. */
  private pos: number;
  private readonly subs = new Set<Subscription>();
  private watcher: Watcher | undefined;
  private closed = false;

  constructor(cfg: EventLogConfig) {
    this.store = cfg.store;
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'events' });
    this.capacity = cfg.capacity ?? EVENT_LOG_DEFAULTS.capacity;
    this.maxQueued = cfg.maxQueued ?? EVENT_LOG_DEFAULTS.maxQueued;
    if (!(this.capacity >= 1)) throw new Error('EventLog capacity must be >= 1');
    this.ring = new Array<ClusterEvent | undefined>(this.capacity);
    this.pos = this.store.version;
    this.covered = { index: this.pos, seq: END_OF_INDEX_SEQ };
    this.watch();
  }

  /** Highest raft index whose events the log has derived. */
  get position(): number {
    return this.pos;
  }

  /** The earliest cursor a subscription may resume after. */
  get coveredAfter(): EventCursor {
    return { ...this.covered };
  }

  /** The kept events, oldest first. */
  recent(): ClusterEvent[] {
    const out: ClusterEvent[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.ring[(this.start + i) % this.capacity]!);
    return out;
  }

  /**
   * Replays the kept events the options select, then follows live ones. The first item after the
   * replay is a position. Close it with close() (or by breaking a for-await).
   */
  subscribe(opts: SubscribeOptions = {}): Subscription {
    if (this.closed) throw new ClusterError(ErrorCode.Unavailable, 'this manager is stopping', { hint: 'retry' });
    if (opts.after !== undefined && compareCursor(opts.after, this.covered) < 0) {
      throw eventsGapError(opts.after, this.covered);
    }
    const sub = new Subscription(opts, this.maxQueued, (s) => this.subs.delete(s));
    for (const e of this.recent()) {
      if (opts.after === undefined && (opts.since === undefined || e.time < opts.since)) continue;
      sub.offer(e);
    }
    sub.position(this.pos);
    this.subs.add(sub);
    return sub;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.watcher?.close();
    // Not a normal end: a follower of the stream resumes on another manager.
    const stopping = new ClusterError(ErrorCode.Unavailable, 'this manager is stopping', {
      hint: 'resume on another manager (clusterctl events does so by itself)',
    });
    for (const s of [...this.subs]) s.fail(stopping);
  }

  private watch(): void {
    const w = this.store.watch({
      commitEvents: true,
      // Big: a restart replays many entries in one turn; falling behind anyway only costs a gap.
      maxBuffered: 1_000_000,
      filter: (e) => e.type === 'reset' || e.type === 'commit' || e.table !== 'kv' || e.object.id === LEADER_KV_KEY,
    });
    this.watcher = w;
    let seq = 0;
    let seqIndex = -1;
    const loop = async (): Promise<void> => {
      for await (const e of w) {
        if (e.type === 'commit') {
          this.advance(e.version);
          continue;
        }
        if (e.type === 'reset') {
          this.reset(e.version);
          continue;
        }
        if (e.version !== seqIndex) {
          seqIndex = e.version;
          seq = 0;
        }
        for (const d of deriveEvents(e)) this.append({ ...d, index: e.version, seq: seq++ });
      }
    };
    loop().then(
      () => undefined,
      (err: unknown) => {
        if (this.closed) return;
        // Fell behind: everything up to now is unknown; start again from the current state.
        this.log.warn({ err }, 'event derivation fell behind; events up to now are lost');
        this.reset(this.store.version);
        this.watch();
      },
    );
  }

  private append(e: ClusterEvent): void {
    if (this.size === this.capacity) {
      const dropped = this.ring[this.start]!;
      this.ring[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.size--;
      if (compareCursor(dropped, this.covered) > 0) this.covered = { index: dropped.index, seq: dropped.seq };
    }
    this.ring[(this.start + this.size) % this.capacity] = e;
    this.size++;
    for (const s of [...this.subs]) s.offer(e);
  }

  private advance(index: number): void {
    if (index <= this.pos) return;
    this.pos = index;
    for (const s of [...this.subs]) s.position(index);
  }

  /** The state was replaced (a snapshot installed): what happened before it is not known here. */
  private reset(index: number): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.size = 0;
    this.covered = { index, seq: END_OF_INDEX_SEQ };
    this.pos = Math.max(this.pos, index);
    for (const s of [...this.subs]) s.fail(eventsGapError({ index: index - 1, seq: 0 }, this.covered));
  }
}

/** One subscriber's queue: events and positions, bounded. */
export class Subscription extends AsyncQueue<EventLogItem> {
  /** @internal made by EventLog.subscribe() */
  constructor(
    private readonly opts: SubscribeOptions,
    maxQueued: number,
    private readonly onClose: (s: Subscription) => void,
  ) {
    super({
      maxQueued,
      overflow: () =>
        new ClusterError(ErrorCode.Overloaded, `the event stream fell more than ${maxQueued} events behind`, {
          hint: 'resume after the last event seen (clusterctl events does so by itself)',
        }),
    });
  }

  /** @internal */
  offer(e: ClusterEvent): void {
    if (this.closed) return;
    // A manager behind the one the client saw events from derives them again: skip those.
    if (this.opts.after !== undefined && compareCursor(e, this.opts.after) <= 0) return;
    if (this.opts.until !== undefined && e.time > this.opts.until) {
      this.end();
      return;
    }
    if (this.opts.match !== undefined && !this.opts.match(e)) return;
    this.push({ kind: 'event', event: e });
  }

  /** @internal positions coalesce: two in a row keep the later one. */
  position(index: number): void {
    if (this.closed || (this.opts.after !== undefined && index < this.opts.after.index)) return;
    const last = this.lastQueued();
    if (last?.kind === 'position') {
      last.index = index;
      return;
    }
    this.push({ kind: 'position', index });
  }

  protected override onStop(): void {
    this.onClose(this);
  }
}
