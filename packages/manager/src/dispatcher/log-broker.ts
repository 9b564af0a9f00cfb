// Log broker: `service logs` asks the agents holding the service's tasks (over their
// LogSubscriptions streams) and merges what they publish. A node that is not connected is not
// waited for; a non-follow request ends when every asked node said it is done, or at the deadline,
// so a dead node never makes `service logs` hang.

import { AsyncQueue, ClusterError, ErrorCode, type Clock, type TimerHandle } from '@clusterctl/common';
import { newId } from '@clusterctl/store';

export interface LogMessage {
  taskId: string;
  nodeId: string;
  stream: string;
  /** ms since the epoch (the agent's clock) */
  timestamp: number;
  line: Uint8Array;
}

export interface LogSubscriptionRequest {
  id: string;
  taskIds: string[];
  follow: boolean;
  tail: number;
  close?: boolean;
}

/** An agent's LogSubscriptions stream, as the broker sees it. */
export interface LogChannel {
  nodeId: string;
  send(sub: LogSubscriptionRequest): void;
}

export interface SubscribeLogsOptions {
  follow?: boolean;
  /** Last N lines per task; -1 (default) all. */
  tail?: number;
  /** Only these tasks (default: every task of the service placed on a node). */
  taskIds?: string[];
}

export const LOG_BROKER_DEFAULTS = { deadlineMs: 3000, maxBufferedLines: 50_000 } as const;

/** One `service logs` request: lines from every node asked, bounded (lines beyond it are dropped). */
class Subscription extends AsyncQueue<LogMessage> {
  readonly waiting = new Set<string>();
  /** Nodes asked (told to stop when the subscription ends). */
  readonly nodes = new Set<string>();
  readonly endFns: (() => void)[] = [];
  /** Extra subscription ids sent for tasks placed later (follow), and to which node. */
  readonly aliases: { id: string; nodeId: string }[] = [];
  extensions = 0;
  deadline: TimerHandle | undefined;

  constructor(
    readonly id: string,
    readonly follow: boolean,
    maxBuffered: number,
    private readonly onClose: (s: Subscription) => void,
  ) {
    super({ maxQueued: maxBuffered, overflow: 'drop' });
  }

  nodeDone(nodeId: string): void {
    this.waiting.delete(nodeId);
    if (!this.follow && this.waiting.size === 0) this.end();
  }

  protected override onStop(): void {
    this.onClose(this);
  }
}

export class LogBroker {
  private readonly channels = new Map<string, LogChannel>();
  private readonly subs = new Map<string, Subscription>();
  private readonly deadlineMs: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly clock: Clock,
    cfg: { deadlineMs?: number; maxBufferedLines?: number } = {},
  ) {
    this.deadlineMs = cfg.deadlineMs ?? LOG_BROKER_DEFAULTS.deadlineMs;
    this.maxBuffered = cfg.maxBufferedLines ?? LOG_BROKER_DEFAULTS.maxBufferedLines;
  }

  /** An agent opened its LogSubscriptions stream; returns the function to call when it closes. */
  attach(ch: LogChannel): () => void {
    this.channels.set(ch.nodeId, ch);
    return () => {
      if (this.channels.get(ch.nodeId) !== ch) return;
      this.channels.delete(ch.nodeId);
      for (const s of new Set(this.subs.values())) s.nodeDone(ch.nodeId);
    };
  }

  connected(nodeId: string): boolean {
    return this.channels.has(nodeId);
  }

  /**
   * Starts a subscription for tasks grouped by node. Lines arrive as agents publish them; a
   * non-follow subscription ends once every connected node involved said it is done, or after the
   * deadline. Breaking out of the iteration (return()) tells the agents to stop.
   */
  subscribe(
    tasksByNode: Map<string, string[]>,
    opts: { follow: boolean; tail: number },
  ): AsyncIterableIterator<LogMessage> & { id: string } {
    const id = newId();
    const sub = new Subscription(id, opts.follow, this.maxBuffered, (s) => {
      this.subs.delete(s.id);
      if (s.deadline !== undefined) this.clock.clearTimeout(s.deadline);
      for (const nodeId of s.nodes)
        this.channels.get(nodeId)?.send({ id, taskIds: [], follow: false, tail: 0, close: true });
      for (const a of s.aliases) {
        this.subs.delete(a.id);
        this.channels.get(a.nodeId)?.send({ id: a.id, taskIds: [], follow: false, tail: 0, close: true });
      }
      for (const f of s.endFns.splice(0)) f();
    });
    this.subs.set(id, sub);
    for (const [nodeId, taskIds] of tasksByNode) {
      const ch = this.channels.get(nodeId);
      if (ch === undefined || taskIds.length === 0) continue;
      sub.waiting.add(nodeId);
      sub.nodes.add(nodeId);
      ch.send({ id, taskIds, follow: opts.follow, tail: opts.tail });
    }
    if (!opts.follow) {
      if (sub.waiting.size === 0) sub.end();
      else sub.deadline = this.clock.setTimeout(() => sub.end(), this.deadlineMs);
    }
    return sub;
  }

  /**
   * Follow mode: tasks placed after the subscription started. The node gets a LogSubscription of
   * its own (id "<subscription>.<n>": agents serve each id once) whose lines join this stream.
   */
  extend(subscriptionId: string, nodeId: string, taskIds: string[], opts: { tail: number }): void {
    const sub = this.subs.get(subscriptionId);
    const ch = this.channels.get(nodeId);
    if (sub === undefined || ch === undefined || taskIds.length === 0) return;
    const alias = `${subscriptionId}.${++sub.extensions}`;
    this.subs.set(alias, sub);
    sub.aliases.push({ id: alias, nodeId });
    ch.send({ id: alias, taskIds, follow: true, tail: opts.tail });
  }

  /** Calls `fn` when the subscription ends. */
  onEnd(subscriptionId: string, fn: () => void): void {
    const sub = this.subs.get(subscriptionId);
    if (sub === undefined) fn();
    else sub.endFns.push(fn);
  }

  /** Lines an agent published for a subscription. */
  publish(nodeId: string, subscriptionId: string, lines: Omit<LogMessage, 'nodeId'>[], close: boolean): void {
    const sub = this.subs.get(subscriptionId);
    if (sub === undefined) return;
    if (!sub.waiting.has(nodeId) && !sub.follow) return;
    for (const l of lines) sub.push({ ...l, nodeId });
    if (close) sub.nodeDone(nodeId);
  }

  /** Ends every subscription (leadership lost). */
  closeAll(): void {
    for (const s of new Set(this.subs.values())) s.end();
  }
}

export function notLeaderForLogs(): ClusterError {
  return new ClusterError(
    ErrorCode.NotLeader,
    'service logs are relayed by the leader manager, and this manager is not the leader',
    {
      hint: 'retry: the call goes to the leader once one is elected',
    },
  );
}
