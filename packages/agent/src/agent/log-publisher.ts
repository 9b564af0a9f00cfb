// Serves the manager's log subscriptions (`clusterctl service logs`): for each subscribed task that
// runs on this node, reads the container's logs from the executor and publishes them in batches on
// a PublishLogs stream. A non-follow subscription ends with close=true once everything is sent; a
// subscription the manager closes (or a session that ends) stops its readers.
import { once } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import type { Logger } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Executor } from '../executor/index.js';
import type { LogSubscription, PublishLogsMessage } from './session.js';

export interface LogPublisherConfig {
  executor: Executor;
  containerOf: (taskId: string) => string | undefined;
  log: Logger;
  /** Most lines per message. */
  maxLinesPerMessage?: number;
}

export class LogPublisher {
  private readonly active = new Map<string, AbortController>();

  constructor(private readonly cfg: LogPublisherConfig) {}

  get activeCount(): number {
    return this.active.size;
  }

  handle(sub: LogSubscription, sessionId: string, open: () => grpc.ClientWritableStream<PublishLogsMessage>): void {
    if (sub.close) {
      this.active.get(sub.id)?.abort();
      this.active.delete(sub.id);
      return;
    }
    if (this.active.has(sub.id)) return;
    const ac = new AbortController();
    this.active.set(sub.id, ac);
    this.serve(sub, sessionId, open(), ac.signal)
      .catch((e: unknown) => this.cfg.log.warn({ err: e, subscription: sub.id }, 'serving a log subscription failed'))
      .finally(() => {
        if (this.active.get(sub.id) === ac) this.active.delete(sub.id);
      });
  }

  /** Stops every subscription (the session ended). */
  closeAll(): void {
    for (const ac of this.active.values()) ac.abort();
    this.active.clear();
  }

  private async serve(
    sub: LogSubscription,
    sessionId: string,
    stream: grpc.ClientWritableStream<PublishLogsMessage>,
    signal: AbortSignal,
  ): Promise<void> {
    const max = this.cfg.maxLinesPerMessage ?? 500;
    let buf: clusterctl.dispatcher.ILogChunk[] = [];
    let flushing: Promise<void> = Promise.resolve();
    let scheduled = false;
    const write = async (msg: PublishLogsMessage): Promise<void> => {
      if (signal.aborted) return;
      if (!stream.write(msg)) await Promise.race([once(stream, 'drain'), once(signal, 'abort')]);
    };
    const flush = (): Promise<void> => {
      scheduled = false;
      const lines = buf;
      buf = [];
      if (lines.length === 0) return flushing;
      flushing = flushing.then(() => write({ sessionId, subscriptionId: sub.id, lines }));
      return flushing;
    };
    stream.on('error', () => undefined);
    const tail = sub.tail >= 0 ? sub.tail : undefined;
    const readers = sub.taskIds.map(async (taskId) => {
      const containerId = this.cfg.containerOf(taskId);
      if (!containerId) return;
      const opts: Parameters<Executor['logs']>[1] = { follow: sub.follow, signal };
      if (tail !== undefined) opts.tail = tail;
      try {
        for await (const l of this.cfg.executor.logs(containerId, opts)) {
          buf.push({ taskId, stream: l.stream, timestamp: l.timestamp, line: Buffer.from(l.line, 'utf8') });
          if (buf.length >= max) await flush();
          else if (!scheduled) {
            scheduled = true;
            setImmediate(() => void flush());
          }
        }
      } catch (e) {
        if (!signal.aborted) this.cfg.log.debug({ err: e, taskId }, 'reading task logs failed');
      }
    });
    await Promise.all(readers);
    await flush();
    if (!signal.aborted) await write({ sessionId, subscriptionId: sub.id, close: true });
    stream.end();
  }
}
