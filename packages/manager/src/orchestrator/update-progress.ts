// Where a service's update (or rollback) stands, seen from its tasks, and what its status becomes.
//
// A slot is being updated while its task of the current spec has not yet counted: not running, or
// running for less than the rollout's monitor, or not healthy (with a health check). At most
// `parallelism` slots are being updated at once, whatever happens to them: a new task that fails is
// restarted in its slot, which stays counted, so a broken update never takes more slots out of
// service. A new task that exits (failed, rejected, or stopped by itself) before it counted, or
// reports unhealthy, is a failure (each task once); once the failures pass maxFailureRatio of the
// service's slots the failure action applies: pause (no further slot is updated; the others keep
// the old spec), continue, or rollback (back to the previous spec with the rollback policy).

import {
  fullUpdateConfig,
  isUpdatePaused,
  startedUpdateStatus,
  taskTemplateKey,
  ROLLBACK_CONFIG_DEFAULTS,
  taskStateOrder,
  UPDATE_CONFIG_DEFAULTS,
  type Service,
  type Task,
  type UpdateConfig,
  type UpdateState,
} from '@clusterctl/store';

export function isRollbackState(s: UpdateState | undefined): boolean {
  return s === 'rollback_started' || s === 'rollback_paused' || s === 'rollback_completed';
}

/** The rollout goes on (tasks are being replaced). */
export function inProgress(s: UpdateState | undefined): boolean {
  return s === 'updating' || s === 'rollback_started';
}

export { isUpdatePaused as isPaused, startedUpdateStatus as startedStatus, taskTemplateKey as templateKey };

/** The policy the current rollout follows: the update policy, or the rollback policy during a rollback. */
export function rolloutConfig(service: Service): Required<UpdateConfig> {
  if (!isRollbackState(service.updateStatus?.state))
    return fullUpdateConfig(service.spec.update, UPDATE_CONFIG_DEFAULTS);
  const c = fullUpdateConfig(service.spec.rollback, ROLLBACK_CONFIG_DEFAULTS);
  // a rollback that fails cannot roll back again
  return c.failureAction === 'rollback' ? { ...c, failureAction: 'pause' } : c;
}

/** The task's health as its node reports it ('' without a health check). */
export function taskHealth(t: Task): string {
  return t.status.health ?? '';
}

/** Bounded reason text for a status message. */
export function failureReason(t: Task): string {
  if (taskHealth(t) === 'unhealthy' && t.status.state === 'running') return 'unhealthy';
  const why = t.status.err || t.status.message;
  const text = why !== '' && why !== t.status.state ? `${t.status.state}: ${why}` : t.status.state;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function slotName(t: Task): string {
  return t.slot > 0 ? `slot ${t.slot}` : `node ${t.nodeId}`;
}

export const RUNNING_ORDER = taskStateOrder('running');
