// Following a service until its tasks run (service create / scale without --detach): one line per
// slot whenever its state changes, the overall count, and an end: converged, or a clear error when
// the tasks cannot run (no suitable node ... for a while) or the deadline passes.
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { taskUp, taskView, type TaskView } from '../views.js';

export interface ProgressConfig {
  /** Give up (TIMEOUT) after this long. */
  deadlineMs: number;
  /** Give up (FAILED_PRECONDITION) when every missing task has been unschedulable this long. */
  stalledMs: number;
  pollMs: number;
  /** Converged only once the same tasks have kept running this long (a task that exits at once was running for a moment). */
  stableMs: number;
}

export const PROGRESS_DEFAULTS: ProgressConfig = {
  deadlineMs: 120_000,
  stalledMs: 4_000,
  pollMs: 200,
  stableMs: 1_000,
};

export const UNSCHEDULABLE_PREFIX = 'no suitable node';

export interface SlotState {
  /** "1/3" (replicated) or a node's hostname (global). */
  key: string;
  state: string;
  /** Why it is not running yet (scheduler message, task error). */
  reason: string;
  /** Running and, with a health check, healthy. */
  up: boolean;
  task: TaskView;
}

export interface ProgressSnapshot {
  running: number;
  desired: number;
  slots: SlotState[];
  converged: boolean;
  /** Slots whose task ended for good (the restart policy gives up: desired state complete). */
  finished: SlotState[];
  /** Every slot runs or has finished, and at least one finished: nothing more will happen. */
  ended: boolean;
  /** Every task not running is waiting for a node (pending with the scheduler's reason). */
  unschedulable: boolean;
  /** Slots whose current task was created from a service version older than the one waited for (an update still to roll out). */
  outdated: number;
}

export interface FollowOptions {
  /** Wait until every slot's task was created from this service version or a later one (service update). */
  minServiceVersion?: number;
  /**
   * Follow the service's update status too (an update or rollback the managers roll out): done when
   * it completes; a paused update, or an update rolled back, ends with an error (exit 1).
   */
  rollout?: 'update' | 'rollback';
}

/** The end of a followed rollout, from the service's update status: undefined while it goes on. */
export function rolloutEnd(
  following: 'update' | 'rollback',
  status: clusterctl.cluster.IUpdateStatus | null | undefined,
  name: string,
): 'completed' | ClusterError | undefined {
  const state = status?.state ?? '';
  const message = status?.message ?? '';
  if (state === 'completed' && following === 'update') return 'completed';
  if (state === 'rollback_completed' && following === 'rollback') return 'completed';
  if (state === 'paused' || state === 'rollback_paused') {
    const what = state === 'paused' ? 'update' : 'rollback';
    return new ClusterError(ErrorCode.FailedPrecondition, `${what} of service ${name} paused: ${message}`, {
      hint: `the other tasks keep the ${what === 'update' ? 'previous' : 'current'} spec; see why with \`clusterctl service ps ${name}\`, then fix and resume with \`clusterctl service update ${name}\` (a bare update), or return to the previous spec with \`clusterctl service rollback ${name}\``,
      details: { updateStatus: { state, message } },
    });
  }
  if (state === 'rollback_completed' && following === 'update') {
    return new ClusterError(
      ErrorCode.FailedPrecondition,
      `update of service ${name} failed and was rolled back: ${message}`,
      {
        hint: `the service runs its previous spec again; see why with \`clusterctl service ps ${name}\` and \`clusterctl service logs ${name}\``,
        details: { updateStatus: { state, message } },
      },
    );
  }
  return undefined;
}

/** One look at a service: its summary (running/desired) and its current tasks. */
export function progressSnapshot(
  summary: clusterctl.control.IServiceSummary,
  tasks: readonly clusterctl.cluster.ITask[],
  hostnames: ReadonlyMap<string, string>,
  minServiceVersion = 0,
): ProgressSnapshot {
  const running = Number(summary.running ?? 0);
  const desired = Number(summary.desired ?? 0);
  const replicas = Number(summary.service?.spec?.replicas ?? 0);
  const global = summary.service?.spec?.mode === 'global';
  // tasks meant to run, and those the restart policy let end (desired state complete)
  const views = tasks.map(taskView).filter((t) => t.desiredState === 'running' || t.desiredState === 'complete');
  // the newest task of each slot / node
  const bySlot = new Map<string, TaskView>();
  for (const t of views) {
    const k = global ? t.nodeId : String(t.slot);
    const prev = bySlot.get(k);
    if (prev === undefined || t.meta.createdAt > prev.meta.createdAt) bySlot.set(k, t);
  }
  const slots = [...bySlot.entries()]
    .filter(([, t]) => global || t.slot <= replicas)
    .sort(([a], [b]) => (global ? (hostnames.get(a) ?? a).localeCompare(hostnames.get(b) ?? b) : Number(a) - Number(b)))
    .map(([k, t]) => ({
      key: global ? (hostnames.get(k) ?? k) : `${k}/${replicas}`,
      // a task with a health check: "running (starting)" until healthy
      state: t.status.state === 'running' && t.status.health !== '' ? `running (${t.status.health})` : t.status.state,
      reason:
        t.status.err !== ''
          ? t.status.err
          : t.status.healthMessage !== '' && !taskUp(t)
            ? t.status.healthMessage
            : t.status.state === 'pending'
              ? t.status.message
              : '',
      up: taskUp(t),
      task: t,
    }));
  const finished = slots.filter((s) => s.task.desiredState === 'complete');
  const missing = slots.filter((s) => !s.up && s.task.desiredState !== 'complete');
  // the scheduler's reason for a task it cannot place ("no suitable node (2 nodes drained ...)")
  const unschedulable =
    missing.length > 0 && missing.every((s) => s.state === 'pending' && s.reason.startsWith(UNSCHEDULABLE_PREFIX));
  const complete = global || slots.length === replicas;
  const outdated = slots.filter((s) => s.task.serviceVersion < minServiceVersion).length;
  return {
    running,
    desired,
    slots,
    converged: finished.length === 0 && running === desired && missing.length === 0 && complete && outdated === 0,
    finished,
    ended: finished.length > 0 && missing.length === 0 && complete && outdated === 0,
    unschedulable,
    outdated,
  };
}

export function slotLine(s: SlotState): string {
  return `${s.key}: ${s.state}${s.reason !== '' ? `: ${s.reason}` : ''}`;
}

/** Waits for a service to converge, printing changes; returns the final snapshot or throws. */
export async function followService(
  ctx: Ctx,
  serviceId: string,
  cfg: ProgressConfig = PROGRESS_DEFAULTS,
  opts: FollowOptions = {},
): Promise<ProgressSnapshot> {
  let minVersion = opts.minServiceVersion ?? 0;
  let following = opts.rollout;
  let lastStatus = '';
  const c = ctx.client();
  const sink = ctx.progress();
  let started = ctx.now();
  const printed = new Map<string, string>();
  let lastOverall = '';
  let stalledSince: number | undefined;
  let stable: { since: number; tasks: string } | undefined;
  let hostnames = new Map<string, string>();
  let nodesFetched = false;
  for (;;) {
    const [list, tasks] = await Promise.all([
      c.control('listServices', { filters: { id: serviceId } }),
      c.control('listTasks', { service: serviceId, all: true }),
    ]);
    const summary = list.services.find((s) => s.service?.id === serviceId);
    if (summary === undefined)
      throw new ClusterError(ErrorCode.NotFound, `service ${serviceId} was removed while waiting for it`, {
        hint: 'someone ran `clusterctl service rm`; check with `clusterctl service ls`',
      });
    if (summary.service?.spec?.mode === 'global' && !nodesFetched) {
      hostnames = new Map(
        (await c.control('listNodes', { filters: {} })).nodes.map((n): [string, string] => [
          n.id ?? '',
          n.hostname ?? '',
        ]),
      );
      nodesFetched = true;
    }
    if (following !== undefined) {
      const st = summary.service?.updateStatus;
      const name = summary.service?.spec?.name || serviceId;
      const line = `${(st?.state ?? '').replace('_', ' ')}: ${st?.message ?? ''}`;
      if (st && line !== lastStatus) {
        sink.event(line, { updateStatus: { state: st.state ?? '', message: st.message ?? '' } });
        lastStatus = line;
      }
      // an update rolled back: what runs now is the previous spec, in slots old and new
      if (following === 'update' && (st?.state === 'rollback_started' || st?.state === 'rollback_completed'))
        minVersion = 0;
      const end = rolloutEnd(following, st, name);
      if (end instanceof ClusterError) throw end;
      if (end === 'completed') {
        const snap = progressSnapshot(summary, tasks.tasks, hostnames, 0);
        sink.event(`verify: Service ${following === 'update' ? 'updated' : 'rolled back'}`, { converged: true });
        following = undefined;
        return snap;
      }
    }
    const snap = progressSnapshot(summary, tasks.tasks, hostnames, minVersion);
    const overall =
      minVersion > 0
        ? `overall progress: ${snap.slots.length - snap.outdated} out of ${snap.slots.length} tasks updated, ${snap.running} running`
        : `overall progress: ${snap.running} out of ${snap.desired} tasks`;
    if (overall !== lastOverall) {
      // a rollout that makes progress is not stuck: the deadline counts from its last step
      if (following !== undefined) started = ctx.now();
      sink.event(
        overall,
        minVersion > 0
          ? { running: snap.running, desired: snap.desired, outdated: snap.outdated }
          : { running: snap.running, desired: snap.desired },
      );
      lastOverall = overall;
    }
    for (const s of snap.slots) {
      const line = slotLine(s) + (s.task.serviceVersion < minVersion ? ' (old spec)' : '');
      if (printed.get(s.key) !== line) {
        sink.event(line, { slot: s.key, state: s.state, reason: s.reason, taskId: s.task.id });
        printed.set(s.key, line);
      }
    }
    if (snap.converged && following === undefined) {
      const ids = snap.slots.map((s) => s.task.id).join(',');
      if (stable === undefined || stable.tasks !== ids) {
        if (stable === undefined)
          sink.event(`verify: waiting ${cfg.stableMs / 1000}s to check that the tasks keep running`, {
            verifying: true,
          });
        stable = { since: ctx.now(), tasks: ids };
      }
      if (ctx.now() - stable.since >= cfg.stableMs) {
        sink.event('verify: Service converged', { converged: true });
        return snap;
      }
    } else {
      stable = undefined;
    }
    if (snap.ended) {
      const failed = snap.finished.filter((s) => s.state !== 'complete');
      if (failed.length > 0) {
        const name = summary.service?.spec?.name || serviceId;
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `${failed.length} of ${snap.slots.length} tasks ended and will not be restarted: ${[...new Set(failed.map((s) => s.reason || s.state))].join('; ')}`,
          {
            hint: `the restart policy (--restart-condition, --restart-max-attempts) lets them end; see why with \`clusterctl service logs ${name}\` and \`clusterctl service ps ${name}\``,
            details: { serviceId },
          },
        );
      }
      sink.event('verify: Service tasks completed', { completed: true });
      return snap;
    }
    const now = ctx.now();
    stalledSince = snap.unschedulable ? (stalledSince ?? now) : undefined;
    if (stalledSince !== undefined && now - stalledSince >= cfg.stalledMs) {
      const missing = snap.slots.filter((s) => !s.up);
      const reasons = [...new Set(missing.map((s) => s.reason))].join('; ');
      throw new ClusterError(
        ErrorCode.FailedPrecondition,
        `${missing.length} of ${snap.desired} tasks cannot run: ${reasons}`,
        {
          hint: 'the service exists and its tasks start when a node fits: check the constraints and reservations against `clusterctl node ls`, change nodes, or remove the service with `clusterctl service rm`',
          details: { serviceId },
        },
      );
    }
    if (now - started >= cfg.deadlineMs) {
      const missing = snap.slots.filter((s) => !s.up).map(slotLine);
      throw new ClusterError(
        ErrorCode.Timeout,
        `service ${serviceId} did not converge within ${cfg.deadlineMs / 1000}s: ${snap.running} of ${snap.desired} tasks running${snap.outdated > 0 ? `, ${snap.outdated} still on the old spec` : ''}${missing.length > 0 ? ` (${missing.join('; ')})` : ''}`,
        {
          hint: 'the service exists; follow it with `clusterctl service ps`, and see `clusterctl service logs` for crashing tasks',
          details: { serviceId },
        },
      );
    }
    await new Promise((r) => setTimeout(r, cfg.pollMs));
  }
}
