// Task status updates on their way to the dispatcher, batched: statuses wait in a queue (the latest
// per task, tasks in the order they first changed) and go out in one UpdateTaskStatus call as soon
// as no call is in flight (one macrotask of coalescing). A 'running' or final status does not wait
// behind a call in flight: it goes out at once in a second call (at most two in flight), so
// `service ps` and convergence waits see a started replacement without an extra manager round trip;
// the manager drops any status that would move a task backwards, so the order between the two calls
// does not matter. A failed call puts its statuses back (unless newer ones arrived) and the queue
// waits for the next session.
import type { Logger } from '@clusterctl/common';
import { stateOrder, type AgentTaskStatus } from './task-model.js';

export type StatusSender = (updates: Array<{ taskId: string; status: AgentTaskStatus }>) => Promise<void>;

export interface StatusReporterConfig {
  log: Logger;
  /** Most updates per call. */
  maxBatch?: number;
}

/** Calls in flight at once: one, plus one for statuses that should not wait (running, final). */
const MAX_IN_FLIGHT = 2;

/** 'running' and final states: what convergence waits on. */
function urgent(s: AgentTaskStatus): boolean {
  return stateOrder(s.state) >= stateOrder('running');
}

export class StatusReporter {
  private readonly pending = new Map<string, AgentTaskStatus>();
  private sender: StatusSender | undefined;
  private inFlight = 0;
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
    if (this.inFlight === 0 && (this.pending.size === 0 || !this.sender)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Another call may go out now: none in flight, or room for one more and something urgent queued. */
  private mayCall(): boolean {
    if (this.inFlight === 0) return true;
    if (this.inFlight >= MAX_IN_FLIGHT) return false;
    for (const s of this.pending.values()) if (urgent(s)) return true;
    return false;
  }

  private schedule(): void {
    if (this.scheduled || !this.sender || !this.mayCall()) return;
    this.scheduled = true;
    // One macrotask of coalescing: the accepted/preparing/... of one reconcile pass go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const send = this.sender;
    if (!send || this.pending.size === 0) return this.notifyIdle();
    if (!this.mayCall()) return; // the call in flight schedules the next one when it ends
    this.inFlight++;
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
      this.inFlight--;
    }
    if (ok && this.pending.size > 0 && this.sender) this.schedule();
    else this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.inFlight > 0 || (this.pending.size > 0 && this.sender)) return;
    for (const f of this.idleWaiters.splice(0)) f();
  }
}
