// The labels the executor sets on a task's container (the constants live in @clusterctl/common: the
// lab and the system tests read them too). The agent finds and adopts its containers by these
// (after a restart, or when several nodes share one engine in tests), so they are a stable contract.
import { ClusterError, ErrorCode, Label, LABEL_PREFIX } from '@clusterctl/common';
import type { TaskIdentity } from './executor.js';

export { Label, LABEL_PREFIX };

/** The executor's labels for a task, merged over the user's (which may not use our namespace). */
export function taskLabels(ids: TaskIdentity, userLabels: Record<string, string> = {}): Record<string, string> {
  for (const key of Object.keys(userLabels)) {
    if (key.startsWith(LABEL_PREFIX)) {
      throw new ClusterError(ErrorCode.InvalidArgument, `label ${key} is reserved`, {
        hint: `labels under ${LABEL_PREFIX} are set by clusterctl itself; choose another key`,
        details: { label: key },
      });
    }
  }
  for (const field of ['clusterId', 'serviceId', 'taskId', 'nodeId'] as const) {
    if (typeof ids[field] !== 'string' || ids[field] === '')
      throw new Error(`task identity needs a non-empty ${field}`);
  }
  const labels: Record<string, string> = {
    ...userLabels,
    [Label.ClusterId]: ids.clusterId,
    [Label.ServiceId]: ids.serviceId,
    [Label.TaskId]: ids.taskId,
    [Label.NodeId]: ids.nodeId,
  };
  if (ids.slot !== undefined) labels[Label.TaskSlot] = String(ids.slot);
  if (ids.serviceName !== undefined && ids.serviceName !== '') labels[Label.ServiceName] = ids.serviceName;
  return labels;
}

/** Reads a task identity back from container labels; undefined unless all four ids are present. */
export function identityFromLabels(labels: Record<string, string> | null | undefined): TaskIdentity | undefined {
  if (!labels) return undefined;
  const clusterId = labels[Label.ClusterId];
  const serviceId = labels[Label.ServiceId];
  const taskId = labels[Label.TaskId];
  const nodeId = labels[Label.NodeId];
  if (!clusterId || !serviceId || !taskId || !nodeId) return undefined;
  const ids: TaskIdentity = { clusterId, serviceId, taskId, nodeId };
  const slot = labels[Label.TaskSlot];
  if (slot !== undefined && /^\d+$/.test(slot)) ids.slot = Number(slot);
  const serviceName = labels[Label.ServiceName];
  if (serviceName) ids.serviceName = serviceName;
  return ids;
}

/** Label filter for everything of one cluster on one node (what an agent lists on start-up). */
export function nodeFilter(clusterId: string, nodeId: string): Record<string, string> {
  return { [Label.ClusterId]: clusterId, [Label.NodeId]: nodeId };
}

/** Docker container names allow [a-zA-Z0-9][a-zA-Z0-9_.-]*: anything else becomes '-'. */
export function containerName(ids: TaskIdentity): string {
  const service = ids.serviceName || ids.serviceId;
  const middle = ids.slot !== undefined && ids.slot > 0 ? String(ids.slot) : ids.nodeId;
  const raw = `${service}.${middle}.${ids.taskId}`.replace(/[^a-zA-Z0-9_.-]/g, '-');
  return /^[a-zA-Z0-9]/.test(raw) ? raw : `t${raw}`;
}
