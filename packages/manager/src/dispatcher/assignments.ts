// Assignment streams: each agent session gets its node's tasks, a COMPLETE set first, then
// INCREMENTAL changes. One store watch of tasks feeds every stream, fanned out by node id, so a
// task change costs one lookup instead of one filter per connected node.

import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import type { ClusterStore, ObjectEvent, Task, Watcher } from '@clusterctl/store';
import { sentToAgent } from './assignment-filter.js';

export interface AssignmentsMessage {
  type: 'COMPLETE' | 'INCREMENTAL';
  sequence: number;
  update: Task[];
  remove: string[];
}

type TaskEvent = Extract<ObjectEvent, { table: 'tasks' }>;

interface TaskListener {
  onEvent(e: TaskEvent): void;
  /** The watch restarted (snapshot restore, fell behind): send the complete set again. */
  onResync(): void;
}

export class AssignmentStreams {
  private taskWatcher: Watcher | undefined;
  private readonly taskListeners = new Map<string, Set<TaskListener>>();

  constructor(
    private readonly store: ClusterStore,
    private readonly log: Logger,
    private readonly isLeading: () => boolean,
  ) {}

  /**
   * Streams `nodeId`'s assignments to `send`: a COMPLETE message at once, then INCREMENTAL ones as
   * tasks change (coalesced per turn). `onSessionEnd` registers what to do when the session ends
   * (the stream stops with UNAVAILABLE). Returns a function that stops it.
   */
  watch(
    nodeId: string,
    onSessionEnd: (fn: () => void) => void,
    send: (m: AssignmentsMessage) => void,
    onEnd: (err?: ClusterError) => void,
  ): () => void {
    let seq = 0;
    let stopped = false;
    /** Store index the last COMPLETE set was read at: events up to it are already in it. */
    let viewVersion = 0;
    const sent = new Map<string, number>();
    let pendingUpdate = new Map<string, Task>();
    let pendingRemove = new Set<string>();
    let flushScheduled = false;

    const complete = (): void => {
      const { tasks, version } = this.store.view((tx) => ({
        tasks: tx.findBy('tasks', 'nodeId', nodeId),
        version: tx.version,
      }));
      viewVersion = version;
      sent.clear();
      pendingUpdate = new Map();
      pendingRemove = new Set();
      const update = tasks.filter(sentToAgent);
      for (const t of update) sent.set(t.id, t.meta.version);
      send({ type: 'COMPLETE', sequence: ++seq, update, remove: [] });
    };

    const flush = (): void => {
      flushScheduled = false;
      if (stopped || (pendingUpdate.size === 0 && pendingRemove.size === 0)) return;
      const m: AssignmentsMessage = {
        type: 'INCREMENTAL',
        sequence: ++seq,
        update: [...pendingUpdate.values()],
        remove: [...pendingRemove],
      };
      pendingUpdate = new Map();
      pendingRemove = new Set();
      send(m);
    };

    const change = (t: Task, deleted: boolean): void => {
      const mine = !deleted && t.nodeId === nodeId && sentToAgent(t);
      if (mine) {
        if (sent.get(t.id) === t.meta.version) return;
        sent.set(t.id, t.meta.version);
        pendingRemove.delete(t.id);
        pendingUpdate.set(t.id, t);
      } else if (sent.has(t.id)) {
        sent.delete(t.id);
        pendingUpdate.delete(t.id);
        pendingRemove.add(t.id);
      } else return;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    };

    const listener: TaskListener = {
      onEvent: (e) => {
        if (!stopped && e.version > viewVersion) change(e.object, e.type === 'delete');
      },
      onResync: () => {
        if (!stopped) complete();
      },
    };
    const stop = (err?: ClusterError): void => {
      if (stopped) return;
      stopped = true;
      const set = this.taskListeners.get(nodeId);
      set?.delete(listener);
      if (set?.size === 0) this.taskListeners.delete(nodeId);
      onEnd(err);
    };
    onSessionEnd(() =>
      stop(new ClusterError(ErrorCode.Unavailable, 'the agent session ended', { hint: 'open a new session' })),
    );
    this.ensureTaskFanout();
    let set = this.taskListeners.get(nodeId);
    if (set === undefined) this.taskListeners.set(nodeId, (set = new Set()));
    set.add(listener);
    complete();
    return () => stop();
  }

  /** Leadership lost: the task watch ends (the streams end with their sessions). */
  stop(): void {
    this.taskWatcher?.close();
    this.taskWatcher = undefined;
  }

  /**
   * One store watch of tasks for all assignment streams, fanned out by node id (a watch per stream
   * would run every stream's filter on every task change: nodes x changes).
   */
  private ensureTaskFanout(): void {
    if (this.taskWatcher !== undefined && !this.taskWatcher.closed) return;
    const w = this.store.watch({ table: 'tasks', maxBuffered: 1_000_000 });
    this.taskWatcher = w;
    const forAll = (fn: (l: TaskListener) => void): void => {
      for (const set of [...this.taskListeners.values()]) for (const l of [...set]) fn(l);
    };
    void (async () => {
      try {
        for await (const e of w) {
          if (e.type === 'commit') continue;
          if (e.type === 'reset') {
            forAll((l) => l.onResync());
            continue;
          }
          if (e.table !== 'tasks') continue;
          const te = e as TaskEvent;
          const a = te.object.nodeId;
          const b = te.oldObject?.nodeId;
          const la = this.taskListeners.get(a);
          if (la !== undefined) for (const l of [...la]) l.onEvent(te);
          if (b !== undefined && b !== a) {
            const lb = this.taskListeners.get(b);
            if (lb !== undefined) for (const l of [...lb]) l.onEvent(te);
          }
        }
      } catch (err) {
        if (w !== this.taskWatcher) return;
        this.log.warn({ err }, 'assignment watch fell behind; every stream gets its complete set again');
        this.taskWatcher = undefined;
        if (this.isLeading()) {
          this.ensureTaskFanout();
          forAll((l) => l.onResync());
        }
      }
    })();
  }
}
