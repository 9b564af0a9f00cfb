// A push-based async iterable: producers push() and end(); one consumer iterates. Leaving the
// iteration (break / return) or aborting the signal closes it; close callbacks let the producer stop.

export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;
  private readonly onClose: Array<() => void> = [];

  constructor(signal?: AbortSignal) {
    if (signal?.aborted) this.ended = true;
    signal?.addEventListener('abort', () => this.close(), { once: true });
  }

  get closed(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    this.items.push(item);
    this.wake();
  }

  /** No more items: the consumer sees the ones queued so far, then the end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.wake();
    for (const f of this.onClose.splice(0)) f();
  }

  /** Called once when the queue ends for whatever reason. */
  whenClosed(f: () => void): void {
    if (this.ended) f();
    else this.onClose.push(f);
  }

  private close(): void {
    this.items.length = 0;
    this.end();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    try {
      for (;;) {
        if (this.items.length > 0) {
          yield this.items.shift() as T;
          continue;
        }
        if (this.ended) return;
        await new Promise<void>((resolve) => {
          this.waiter = resolve;
        });
      }
    } finally {
      this.close();
    }
  }
}
