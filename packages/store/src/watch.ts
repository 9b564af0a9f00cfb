// A watcher: an async iterable of store events with a bounded buffer. The store pushes events
// synchronously after each apply; a consumer that falls more than `maxBuffered` events behind is
// closed with a ClusterError (OVERLOADED) instead of letting the buffer grow without bound. Such a
// consumer must re-list (view) and watch again.

import { ClusterError, ErrorCode } from '@clusterctl/common';
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
}

export const DEFAULT_WATCH_MAX_BUFFERED = 10_000;

export class Watcher implements AsyncIterableIterator<StoreEvent> {
  private readonly tables: ReadonlySet<TableName> | undefined;
  private readonly filter: ((e: StoreEvent) => boolean) | undefined;
  readonly commitEvents: boolean;
  private readonly maxBuffered: number;
  private buf: StoreEvent[] = [];
  private head = 0;
  private waiter: { resolve: (r: IteratorResult<StoreEvent>) => void; reject: (e: unknown) => void } | undefined;
  private done = false;
  private err: ClusterError | undefined;
  private readonly onClose: (w: Watcher) => void;

  /** @internal created by ClusterStore.watch() */
  constructor(opts: WatchOptions, onClose: (w: Watcher) => void) {
    const t = opts.table;
    this.tables = t === undefined ? undefined : new Set(typeof t === 'string' ? [t] : t);
    this.filter = opts.filter;
    this.commitEvents = opts.commitEvents ?? false;
    this.maxBuffered = opts.maxBuffered ?? DEFAULT_WATCH_MAX_BUFFERED;
    if (!(this.maxBuffered >= 1)) throw new Error('maxBuffered must be >= 1');
    this.onClose = onClose;
  }

  /** True once closed (by close(), by the store, or for falling behind). */
  get closed(): boolean {
    return this.done;
  }

  /** Why the watcher was closed by the store, if it was (e.g. OVERLOADED). */
  get error(): ClusterError | undefined {
    return this.err;
  }

  /** Events waiting to be consumed. */
  get buffered(): number {
    return this.buf.length - this.head;
  }

  /** @internal does this watcher want events of `table`? (cheap pre-check before building events) */
  wants(table: TableName): boolean {
    return !this.done && (this.tables === undefined || this.tables.has(table));
  }

  /** @internal */
  push(e: StoreEvent): void {
    if (this.done) return;
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
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: e, done: false });
      return;
    }
    if (this.buf.length - this.head >= this.maxBuffered) {
      this.fail(
        new ClusterError(
          ErrorCode.Overloaded,
          `watcher fell more than ${this.maxBuffered} events behind and was closed`,
          {
            hint: 'consume events faster, raise maxBuffered, or re-read the state and watch again',
            details: { maxBuffered: this.maxBuffered },
          },
        ),
      );
      return;
    }
    this.buf.push(e);
  }

  /** @internal close with an error: pending and later next() calls reject with it. */
  fail(err: ClusterError): void {
    if (this.done) return;
    this.err = err;
    this.finish();
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(err);
    }
  }

  /** Stop watching. Buffered events are dropped; a pending next() resolves done. */
  close(): void {
    if (this.done) return;
    this.finish();
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<StoreEvent>> {
    if (this.head < this.buf.length) {
      const value = this.buf[this.head]!;
      this.head++;
      if (this.head === this.buf.length) {
        this.buf = [];
        this.head = 0;
      } else if (this.head >= 1024 && this.head * 2 >= this.buf.length) {
        this.buf = this.buf.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.err !== undefined) return Promise.reject(this.err);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    if (this.waiter !== undefined)
      return Promise.reject(new Error('Watcher.next() called while another next() is pending'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Called by for-await on break/return: closes the watcher. */
  return(): Promise<IteratorResult<StoreEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.done = true;
    this.buf = [];
    this.head = 0;
    this.onClose(this);
  }
}
