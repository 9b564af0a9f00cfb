// Task status updates on their way to the dispatcher, batched: statuses wait in a queue (the latest
// per task, tasks in the order they first changed) and go out in one UpdateTaskStatus call as soon
// as no call is in flight. A failed call puts its statuses back (unless newer ones arrived) and the
// queue waits for the next session.
import type { Logger } from '@clusterctl/common';
import { stateOrder, type AgentTaskStatus } from './task-model.js';

export type StatusSender = (updates: Array<{ taskId: string; status: AgentTaskStatus }>) => Promise<void>;

export interface StatusReporterConfig {
  log: Logger;
  /** Most updates per call. */
  maxBatch?: number;
}

export class StatusReporter {
  private readonly pending = new Map<string, AgentTaskStatus>();
  private sender: StatusSender | undefined;
  private inFlight = false;
  private scheduled = false;
  private readonly maxBatch: number;
  private idleWaiters: Array<() => void> = [];
  /** Calls made (figures and tests). */
  calls = 0;

  constructor(private readonly cfg: StatusReporterConfig) {
    this.maxBatch = cfg.maxBatch ?? 200;
  }

  report(taskId: string, status: AgentTaskStatus): void {
    const have = this.pending.get(taskId);
    if (have && stateOrder(have.state) > stateOrder(status.state)) return;
    this.pending.set(taskId, status);
    this.schedule();
  }

  /** A session is up: statuses go out through `send`. undefined: no session, statuses wait. */
  setSender(send: StatusSender | undefined): void {
    this.sender = send;
    if (send) this.schedule();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Resolves when nothing is queued or in flight (or nothing can be sent: no session). */
  whenIdle(): Promise<void> {
    if (!this.inFlight && (this.pending.size === 0 || !this.sender)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight || !this.sender) return;
    this.scheduled = true;
    // One macrotask of coalescing: the accepted/preparing/... of one reconcile pass go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const send = this.sender;
    if (this.inFlight || !send || this.pending.size === 0) return this.notifyIdle();
    this.inFlight = true;
    const batch: Array<{ taskId: string; status: AgentTaskStatus }> = [];
    for (const [taskId, status] of this.pending) {
      batch.push({ taskId, status });
      if (batch.length >= this.maxBatch) break;
    }
    for (const u of batch) this.pending.delete(u.taskId);
    let ok = true;
    try {
      this.calls++;
      await send(batch);
    } catch (e) {
      ok = false;
      this.cfg.log.debug({ err: e, updates: batch.length }, 'task status update failed; kept for the next session');
      for (const u of batch) {
        const newer = this.pending.get(u.taskId);
        if (!newer || stateOrder(newer.state) < stateOrder(u.status.state)) this.pending.set(u.taskId, u.status);
      }
      if (this.sender === send) this.sender = undefined;
    } finally {
      this.inFlight = false;
    }
    if (ok && this.pending.size > 0) this.schedule();
    else this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.inFlight || (this.pending.size > 0 && this.sender)) return;
    for (const f of this.idleWaiters.splice(0)) f();
  }
}
