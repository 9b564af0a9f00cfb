// How long this process's event loop was held up lately: the dispatcher asks before marking a node
// down, so a leader that was not running (CPU starved) blames itself rather than the nodes it did
// not hear (see nodes.ts, overload). perf_hooks' delay histogram, rotated once per window (the
// node grace): the answer covers the current window and the one before it.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export class LoopStallMonitor {
  private histogram: IntervalHistogram | undefined;
  private rotation: NodeJS.Timeout | undefined;
  private previousMaxMs = 0;

  constructor(private readonly windowMs: () => number) {}

  start(): void {
    if (this.histogram !== undefined) return;
    const h = monitorEventLoopDelay({ resolution: 20 });
    h.enable();
    this.histogram = h;
    this.previousMaxMs = 0;
    const rotate = (): void => {
      this.previousMaxMs = maxMs(h);
      h.reset();
      this.rotation = setTimeout(rotate, this.windowMs());
      this.rotation.unref();
    };
    this.rotation = setTimeout(rotate, this.windowMs());
    this.rotation.unref();
  }

  stop(): void {
    clearTimeout(this.rotation);
    this.rotation = undefined;
    this.histogram?.disable();
    this.histogram = undefined;
  }

  /** The longest event loop delay (ms) in this window and the one before; 0 when not running. */
  recentMaxMs(): number {
    if (this.histogram === undefined) return 0;
    return Math.max(this.previousMaxMs, maxMs(this.histogram));
  }
}

/** The histogram's largest delay in ms (it reads 0 or a sentinel before any sample). */
function maxMs(h: IntervalHistogram): number {
  return h.count > 0 ? h.max / 1e6 : 0;
}
