// A bounded queue between synchronous producers and one asynchronous consumer (for-await). The
// store's watchers, the events stream and the log relay are each one of these with their own
// filtering in front: what happens when the consumer falls behind (close with an error, or drop
// the item) and how the queue ends (at once, or once what is queued was taken) live here once.

import type { ClusterError } from './errors.js';

export interface AsyncQueueOptions {
  /** Items waiting to be taken before the queue overflows. At least 1. */
  maxQueued: number;
  /**
   * An item that finds the queue full: 'drop' drops it (counted in `dropped`); a function closes
   * the queue with the error it returns (pending and later next() calls reject with it).
   */
  overflow: 'drop' | (() => ClusterError);
}

export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private items: T[] = [];
  private head = 0;
  private waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  /** No more items are taken (ended, closed or failed). */
  private stopped = false;
  private err: ClusterError | undefined;
  private readonly maxQueued: number;
  private readonly overflow: AsyncQueueOptions['overflow'];
  /** Items dropped because the queue was full (overflow 'drop'). */
  dropped = 0;

  constructor(opts: AsyncQueueOptions) {
    if (!(opts.maxQueued >= 1)) throw new Error('maxQueued must be >= 1');
    this.maxQueued = opts.maxQueued;
    this.overflow = opts.overflow;
  }

  /** True once the queue takes no more items: after end(), close() or fail(). */
  get closed(): boolean {
    return this.stopped;
  }

  /** The error the queue was failed with, if it was (e.g. OVERLOADED on overflow). */
  get error(): ClusterError | undefined {
    return this.err;
  }

  /** Items waiting to be taken. */
  get queued(): number {
    return this.items.length - this.head;
  }

  /** The newest item not yet taken (producers may update it in place to coalesce). */
  protected lastQueued(): T | undefined {
    return this.head < this.items.length ? this.items[this.items.length - 1] : undefined;
  }

  /** Called once, when the queue stops taking items: producers detach here. */
  protected onStop(): void {}

  push(item: T): void {
    if (this.stopped) return;
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: item, done: false });
      return;
    }
    if (this.queued >= this.maxQueued) {
      if (this.overflow === 'drop') this.dropped++;
      else this.fail(this.overflow());
      return;
    }
    this.items.push(item);
  }

  /** Takes no more items; what is queued is still delivered, then the iteration is done. */
  end(): void {
    if (this.stop()) this.settleWaiter({ value: undefined, done: true });
  }

  /** Ends now: what is queued is dropped and a pending next() resolves done. */
  close(): void {
    if (!this.stop()) return;
    this.drop();
    this.settleWaiter({ value: undefined, done: true });
  }

  /** Ends now with an error: what is queued is dropped; pending and later next() calls reject. */
  fail(err: ClusterError): void {
    if (!this.stop()) return;
    this.err = err;
    this.drop();
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(err);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head]!;
      this.head++;
      if (this.head === this.items.length) this.drop();
      else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.err !== undefined) return Promise.reject(this.err);
    if (this.stopped) return Promise.resolve({ value: undefined, done: true });
    if (this.waiter !== undefined) return Promise.reject(new Error('next() called while another next() is pending'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Called by for-await on break/return: closes the queue. */
  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Marks the queue stopped; false if it already was. */
  private stop(): boolean {
    if (this.stopped) return false;
    this.stopped = true;
    this.onStop();
    return true;
  }

  private drop(): void {
    this.items = [];
    this.head = 0;
  }

  /** A waiting consumer only exists while nothing is queued, so it is settled at once. */
  private settleWaiter(r: IteratorResult<T>): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.resolve(r);
  }
}
