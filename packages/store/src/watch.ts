// A watcher: an async iterable of store events with a bounded buffer (an AsyncQueue). The store pushes events
// synchronously after each apply; a consumer that falls more than `maxBuffered` events behind is
// closed with a ClusterError (OVERLOADED) instead of letting the buffer grow without bound. Such a
// consumer must re-list (view) and watch again.
// A consumer is handed at most `yieldEvery` buffered events in a row within one turn; the next one
// comes after a yield to the event loop (setImmediate). A big commit (thousands of task updates)
// therefore cannot hold the process while every watcher works through it: raft ticks, heartbeats
// and I/O run between slices. Order and content are unchanged.

import { AsyncQueue, ClusterError, ErrorCode } from '@clusterctl/common';
import type { TableName } from './objects.js';
import type { StoreEvent } from './events.js';

export interface WatchOptions {
  /** Only events of this table (or these tables). Reset events are always delivered. */
  table?: TableName | readonly TableName[];
  /** Only object events for which this returns true (called synchronously inside apply: keep it cheap). */
  filter?: (e: StoreEvent) => boolean;
  /** Also deliver a 'commit' event after the changes of each applied entry. Default false. */
  commitEvents?: boolean;
  /** Close the watcher with OVERLOADED when this many events are waiting. Default 10_000. */
  maxBuffered?: number;
  /** Hand out at most this many buffered events in a row before yielding to the event loop. Default 256. */
  yieldEvery?: number;
}

export const DEFAULT_WATCH_MAX_BUFFERED = 10_000;
export const DEFAULT_WATCH_YIELD_EVERY = 256;

export class Watcher extends AsyncQueue<StoreEvent> {
  private readonly tables: ReadonlySet<TableName> | undefined;
  private readonly filter: ((e: StoreEvent) => boolean) | undefined;
  readonly commitEvents: boolean;
  private readonly onClose: (w: Watcher) => void;
  private readonly yieldEvery: number;
  /** Buffered events handed out since the last yield (or since the buffer was last empty). */
  private inARow = 0;
  /** Times next() yielded to the event loop before handing out an event. */
  yields = 0;

  /** @internal created by ClusterStore.watch() */
  constructor(opts: WatchOptions, onClose: (w: Watcher) => void) {
    const maxBuffered = opts.maxBuffered ?? DEFAULT_WATCH_MAX_BUFFERED;
    if (!(maxBuffered >= 1)) throw new Error('maxBuffered must be >= 1');
    super({
      maxQueued: maxBuffered,
      overflow: () =>
        new ClusterError(ErrorCode.Overloaded, `watcher fell more than ${maxBuffered} events behind and was closed`, {
          hint: 'consume events faster, raise maxBuffered, or re-read the state and watch again',
          details: { maxBuffered },
        }),
    });
    const t = opts.table;
    this.tables = t === undefined ? undefined : new Set(typeof t === 'string' ? [t] : t);
    this.filter = opts.filter;
    this.commitEvents = opts.commitEvents ?? false;
    this.onClose = onClose;
    const yieldEvery = opts.yieldEvery ?? DEFAULT_WATCH_YIELD_EVERY;
    if (!(yieldEvery >= 1)) throw new Error('yieldEvery must be >= 1');
    this.yieldEvery = yieldEvery;
  }

  override next(): Promise<IteratorResult<StoreEvent>> {
    if (this.queued === 0) {
      this.inARow = 0;
      return super.next();
    }
    if (++this.inARow <= this.yieldEvery) return super.next();
    this.inARow = 1;
    this.yields++;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => super.next());
  }

  /** Events waiting to be consumed. */
  get buffered(): number {
    return this.queued;
  }

  /** @internal does this watcher want events of `table`? (cheap pre-check before building events) */
  wants(table: TableName): boolean {
    return !this.closed && (this.tables === undefined || this.tables.has(table));
  }

  /** @internal */
  override push(e: StoreEvent): void {
    if (this.closed) return;
    if (e.type !== 'reset' && e.type !== 'commit') {
      if (this.tables !== undefined && !this.tables.has(e.table)) return;
      if (this.filter !== undefined) {
        let keep: boolean;
        try {
          keep = this.filter(e);
        } catch (err) {
          // a broken filter must not break apply(): it ends its own watcher only
          this.fail(new ClusterError(ErrorCode.Internal, `watch filter threw: ${String(err)}`, { cause: err }));
          return;
        }
        if (!keep) return;
      }
    }
    super.push(e);
  }

  protected override onStop(): void {
    this.onClose(this);
  }
}
