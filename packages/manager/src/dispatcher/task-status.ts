// Task status reports from agents, batched: reports queued during one turn go to the store as one
// batch of updates (few proposals however many agents report), and a report that would move a task
// backwards or belongs to another node is dropped instead of failing its neighbours. A batch takes
// at most `maxReportsPerBatch` reports; the rest wait for the next one, after a turn of the event
// loop (tens of thousands of tasks starting at once never hold the leader in one go).

import { ClusterError, ErrorCode, ignoredDetails, isIgnored, type Clock } from '@clusterctl/common';
import {
  TASK_HEALTH,
  TASK_STATES,
  taskStateOrder,
  type TaskHealth,
  type ClusterStore,
  type ProposeOptions,
  type TaskState,
  type TaskStatus,
} from '@clusterctl/store';

export interface StatusReport {
  taskId: string;
  status: {
    state: string;
    message?: string;
    timestamp?: number;
    containerId?: string;
    exitCode?: number;
    err?: string;
    /** '' or absent: no health check. */
    health?: string;
    healthMessage?: string;
    /** Networking: the task's address on the cluster network ('' : none reported). */
    ip?: string;
    /** Image shipping: the ID of the image the node prepared the task with ('' : none reported). */
    imageId?: string;
  };
}

/** Reports in one store batch, by default. */
export const MAX_REPORTS_PER_BATCH = 500;

/** A health message longer than this (a probe's output) is cut. */
export const MAX_HEALTH_MESSAGE_CHARS = 1024;

interface QueuedStatus {
  nodeId: string;
  report: StatusReport;
  tries: number;
  done: () => void;
}

/** What the batcher counts, in the dispatcher's stats. */
export interface StatusStats {
  statusBatches: number;
  statusUpdatesApplied: number;
  statusUpdatesIgnored: number;
}

export class TaskStatusBatcher {
  private statusQueue: QueuedStatus[] = [];
  private statusFlushing: Promise<void> | undefined;
  private statusScheduled = false;

  constructor(
    private readonly store: ClusterStore,
    private readonly clock: Clock,
    private readonly stats: StatusStats,
    /** The raft term this leadership's writes are fenced to. */
    private readonly fence: () => ProposeOptions | undefined,
    /** A report whose update failed (not ignored) is tried this many times more. */
    private readonly retries: number,
    private readonly maxReportsPerBatch = MAX_REPORTS_PER_BATCH,
  ) {}

  /**
   * Queues a node's reports with other reports for the next batch; resolves once each is applied
   * or ignored. A report is ignored when the task is unknown, not on this node, or its state would
   * move backwards.
   */
  async submit(nodeId: string, reports: StatusReport[]): Promise<void> {
    if (reports.length === 0) return;
    const done = reports.map(
      (report) => new Promise<void>((resolve) => this.statusQueue.push({ nodeId, report, tries: 0, done: resolve })),
    );
    this.scheduleStatusFlush();
    await Promise.all(done);
  }

  /** Makes sure queued reports get flushed (called right after queueing). */
  private scheduleStatusFlush(): void {
    if (this.statusScheduled || this.statusFlushing !== undefined) return;
    this.statusScheduled = true;
    setImmediate(() => {
      this.statusScheduled = false;
      this.statusFlushing = this.flushStatus().finally(() => {
        this.statusFlushing = undefined;
        if (this.statusQueue.length > 0) this.scheduleStatusFlush();
      });
    });
  }

  private async flushStatus(): Promise<void> {
    const q = this.statusQueue.splice(0, this.maxReportsPerBatch);
    if (q.length === 0) return;
    const positions: QueuedStatus[] = [];
    let ignored = 0;
    const res = await this.store.batch((b) => {
      for (const item of q) {
        const next = statusFromReport(item.report, this.clock.now());
        if (next === undefined) {
          ignored++;
          item.done();
          continue;
        }
        positions.push(item);
        b.update((tx) => {
          const cur = tx.get('tasks', item.report.taskId);
          if (cur === undefined || cur.nodeId !== item.nodeId) throw IGNORED_UNKNOWN;
          const o = taskStateOrder(cur.status.state);
          const n = taskStateOrder(next.state);
          if (n < o) throw IGNORED_BACKWARDS;
          // networking: a later report of the same state without an address keeps the one reported
          let status =
            next.ip === undefined && n === o && cur.status.ip !== undefined ? { ...next, ip: cur.status.ip } : next;
          // image shipping: the image ID, once reported, stays with the task's later statuses
          if (status.imageId === undefined && cur.status.imageId !== undefined)
            status = { ...status, imageId: cur.status.imageId };
          if (n === o && sameStatus(cur.status, status)) throw IGNORED_NO_CHANGE;
          tx.update('tasks', { ...cur, status });
        });
      }
    }, this.fence());
    this.stats.statusBatches++;
    const retry: QueuedStatus[] = [];
    const failedAt = new Map(res.failed.map((f) => [f.position, f.error]));
    positions.forEach((item, i) => {
      const err = failedAt.get(i);
      if (err === undefined) {
        this.stats.statusUpdatesApplied++;
        item.done();
      } else if (isIgnored(err) || item.tries >= this.retries) {
        this.stats.statusUpdatesIgnored++;
        item.done();
      } else {
        item.tries++;
        retry.push(item);
      }
    });
    this.stats.statusUpdatesIgnored += ignored;
    if (retry.length > 0) this.statusQueue.unshift(...retry);
  }
}

function ignore(why: string): ClusterError {
  return new ClusterError(ErrorCode.FailedPrecondition, `status report ignored: ${why}`, { details: ignoredDetails() });
}

// Made once: thousands of repeated reports each failing their transaction must not each pay for
// building an error (its stack trace).
const IGNORED_UNKNOWN = ignore('unknown task or not on this node');
const IGNORED_BACKWARDS = ignore('state would move backwards');
const IGNORED_NO_CHANGE = ignore('no change');

function sameStatus(a: TaskStatus, b: TaskStatus): boolean {
  return (
    a.message === b.message &&
    a.containerId === b.containerId &&
    a.exitCode === b.exitCode &&
    a.err === b.err &&
    a.health === b.health &&
    a.healthMessage === b.healthMessage &&
    a.ip === b.ip &&
    a.imageId === b.imageId
  );
}

const STATES = new Set<string>(TASK_STATES);
const HEALTH = new Set<string>(TASK_HEALTH);

/** A report's status as a store TaskStatus; undefined when its state is not a task state. */
export function statusFromReport(r: StatusReport, now: number): TaskStatus | undefined {
  if (!STATES.has(r.status.state)) return undefined;
  const st: TaskStatus = {
    state: r.status.state as TaskState,
    message: r.status.message ?? '',
    timestamp: r.status.timestamp !== undefined && r.status.timestamp > 0 ? r.status.timestamp : now,
  };
  if (r.status.containerId !== undefined && r.status.containerId !== '') st.containerId = r.status.containerId;
  if (r.status.exitCode !== undefined) st.exitCode = r.status.exitCode;
  if (r.status.err !== undefined && r.status.err !== '') st.err = r.status.err;
  // health: a value this manager does not know counts as starting (not up), never as no check
  const health = r.status.health ?? '';
  if (health !== '') st.health = HEALTH.has(health) ? (health as TaskHealth) : 'starting';
  if (st.health !== undefined && (r.status.healthMessage ?? '') !== '')
    st.healthMessage = r.status.healthMessage!.slice(0, MAX_HEALTH_MESSAGE_CHARS);
  if (r.status.ip !== undefined && r.status.ip !== '') st.ip = r.status.ip;
  if (r.status.imageId !== undefined && /^sha256:[0-9a-f]{64}$/.test(r.status.imageId)) st.imageId = r.status.imageId;
  return st;
}
