// Restart policy for tasks whose container exited: condition none | on-failure | any, at most
// maxAttempts restarts within windowMs (0: ever), and a backoff from delayMs (default 100 ms)
// doubling per consecutive restart up to backoffMaxMs. A task that ran for stableAfterMs resets the
// backoff. State is per slot ("<service>/<slot>" or "<service>@<node>") and in memory only: a new
// leader starts with fresh counters, as Swarm's does.

import { backoffDelayMs, type Clock, type TimerHandle } from '@clusterctl/common';
import { taskStateOrder, type RestartPolicy, type Task } from '@clusterctl/store';

export interface RestartConfig {
  /** First delay when the policy's delayMs is 0/absent. Default 100. */
  defaultDelayMs?: number;
  /** Backoff cap. Default 10 000. */
  backoffMaxMs?: number;
  /** A task that ran this long before exiting resets the backoff. Default 10 000. */
  stableAfterMs?: number;
}

export const RESTART_DEFAULTS = { defaultDelayMs: 100, backoffMaxMs: 10_000, stableAfterMs: 10_000 } as const;

export type RestartDecision =
  /** Replace the task now. */
  | { kind: 'restart'; delayedMs: number }
  /** The policy says the slot is done: leave it as it is. */
  | { kind: 'finish'; reason: string }
  /** Backoff: ask again after the timer (the supervisor calls onDue). */
  | { kind: 'wait'; dueAt: number };

interface SlotState {
  /** Times of restarts made (for maxAttempts/windowMs). */
  attempts: number[];
  /** Restarts since the last stable run: the backoff exponent. */
  consecutive: number;
  runningSince?: { taskId: string; at: number };
  waiting?: { taskId: string; dueAt: number; delayMs: number; timer: TimerHandle };
}

export class RestartSupervisor {
  private readonly slots = new Map<string, SlotState>();
  private readonly cfg: Required<RestartConfig>;

  constructor(
    private readonly clock: Clock,
    /** Called (with the key's service id) when a backoff elapses. */
    private readonly onDue: (serviceId: string) => void,
    cfg: RestartConfig = {},
  ) {
    this.cfg = { ...RESTART_DEFAULTS, ...cfg };
  }

  private state(key: string): SlotState {
    let s = this.slots.get(key);
    if (s === undefined) this.slots.set(key, (s = { attempts: [], consecutive: 0 }));
    return s;
  }

  /** Notes the slot's live task (to learn how long it ran). */
  observe(key: string, t: Task, now: number): void {
    if (t.status.state !== 'running') return;
    const s = this.slots.get(key);
    if (s === undefined) {
      this.slots.set(key, { attempts: [], consecutive: 0, runningSince: { taskId: t.id, at: now } });
      return;
    }
    if (s.runningSince?.taskId !== t.id) s.runningSince = { taskId: t.id, at: now };
    else if (now - s.runningSince.at >= this.cfg.stableAfterMs) s.consecutive = 0;
  }

  /** Is the slot waiting out a backoff? */
  isWaiting(key: string): boolean {
    return this.slots.get(key)?.waiting !== undefined;
  }

  /** The slot's task `t` has exited while meant to run: what now? */
  decide(key: string, serviceId: string, t: Task, policy: RestartPolicy | undefined, now: number): RestartDecision {
    const s = this.state(key);
    if (s.waiting !== undefined) {
      if (s.waiting.taskId === t.id) {
        if (now < s.waiting.dueAt) return { kind: 'wait', dueAt: s.waiting.dueAt };
        const delayedMs = s.waiting.delayMs;
        this.clock.clearTimeout(s.waiting.timer);
        delete s.waiting;
        s.attempts.push(now);
        s.consecutive++;
        return { kind: 'restart', delayedMs };
      }
      this.clock.clearTimeout(s.waiting.timer);
      delete s.waiting;
    }
    const condition = policy?.condition ?? 'any';
    if (condition === 'none') return { kind: 'finish', reason: 'restart policy: none' };
    if (condition === 'on-failure' && t.status.state === 'complete' && (t.status.exitCode ?? 0) === 0) {
      return { kind: 'finish', reason: 'restart policy: on-failure, and the task completed' };
    }
    if (s.runningSince?.taskId === t.id && now - s.runningSince.at >= this.cfg.stableAfterMs) s.consecutive = 0;
    const max = policy?.maxAttempts ?? 0;
    if (max > 0) {
      const windowMs = policy?.windowMs ?? 0;
      const made = windowMs > 0 ? s.attempts.filter((a) => a > now - windowMs).length : s.attempts.length;
      if (made >= max) return { kind: 'finish', reason: `restart policy: ${max} restart attempts made` };
    }
    const base = policy !== undefined && policy.delayMs > 0 ? policy.delayMs : this.cfg.defaultDelayMs;
    // a delay the user chose above the cap is kept as it is (the cap never shortens it)
    const delayMs = backoffDelayMs({ initialMs: base, maxMs: Math.max(this.cfg.backoffMaxMs, base) }, s.consecutive);
    if (delayMs <= 0) {
      s.attempts.push(now);
      s.consecutive++;
      return { kind: 'restart', delayedMs: 0 };
    }
    const dueAt = now + delayMs;
    s.waiting = { taskId: t.id, dueAt, delayMs, timer: this.clock.setTimeout(() => this.onDue(serviceId), delayMs) };
    return { kind: 'wait', dueAt };
  }

  /** Forget a slot (removed, or its task replaced for another reason). Keeps the attempt history unless `all`. */
  cancel(key: string, all = false): void {
    const s = this.slots.get(key);
    if (s === undefined) return;
    if (s.waiting !== undefined) {
      this.clock.clearTimeout(s.waiting.timer);
      delete s.waiting;
    }
    if (all) this.slots.delete(key);
  }

  /** Forget every slot of a service (removed). */
  forgetService(serviceId: string): void {
    for (const k of [...this.slots.keys()])
      if (k.startsWith(serviceId + '/') || k.startsWith(serviceId + '@')) this.cancel(k, true);
  }

  stop(): void {
    for (const k of [...this.slots.keys()]) this.cancel(k, true);
  }
}

export function slotKey(serviceId: string, slot: number, nodeId: string): string {
  return slot > 0 ? `${serviceId}/${slot}` : `${serviceId}@${nodeId}`;
}

/** Exited (or never able to run). */
export function hasExited(t: Task): boolean {
  return taskStateOrder(t.status.state) > taskStateOrder('running');
}
