// Opt-in tracing of a manager's write path for the benchmark (`kv-node --trace-file F`): wraps the
// raft log's save(), the transport's send(), message delivery into the node, the state machine's
// apply() and the KV Put handler, and appends one compact JSON line per event with a timestamp
// comparable across processes on the machine (performance.timeOrigin + performance.now(), in µs).
// Off by default: it costs a string and a buffered write per event.

import { openSync, writeSync, closeSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MessageType, type Message } from '@clusterctl/raft';

export interface PhaseTracer {
  ev(kind: string, fields?: Record<string, unknown>): void;
  flush(): void;
  close(): void;
}

export function nowUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

export function openPhaseTracer(file: string, node: number): PhaseTracer {
  const fd = openSync(file, 'a');
  let buf: string[] = [];
  const flush = (): void => {
    if (buf.length === 0) return;
    writeSync(fd, buf.join(''));
    buf = [];
  };
  // Event-loop delay, to tell a slow disk from a busy event loop (a save's completion callback
  // waits for the loop too): one 'eld' event per 200 ms with the mean/p99/max lag in ms.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const ev = (kind: string, fields?: Record<string, unknown>): void => {
    buf.push(JSON.stringify({ t: nowUs(), n: node, k: kind, ...fields }) + '\n');
    if (buf.length > 4096) flush();
  };
  const timer = setInterval(() => {
    // The histogram holds the full timer interval (>= the 1 ms resolution): report the lag beyond it.
    const ms = (ns: number): number => Math.max(0, Math.round(ns / 1e3) / 1e3 - 1);
    ev('eld', { mean: ms(loopDelay.mean), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) });
    loopDelay.reset();
    flush();
  }, 200);
  timer.unref();
  return {
    ev,
    flush,
    close() {
      clearInterval(timer);
      loopDelay.disable();
      flush();
      closeSync(fd);
    },
  };
}

export function describeMessages(msgs: readonly Message[]): string {
  return msgs.map((m) => `${MessageType[m.type] ?? m.type}>${m.to}:${m.entries.length}`).join(',');
}

/** Wraps obj[name] (an instance method) so `before`/`after` run around every call. */
export function wrapMethod<T extends object, K extends keyof T>(
  obj: T,
  name: K,
  around: (args: unknown[], call: () => unknown) => unknown,
): void {
  const orig = obj[name] as unknown as (...args: unknown[]) => unknown;
  (obj as Record<K, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    return around(args, () => orig.apply(obj, args));
  };
}
