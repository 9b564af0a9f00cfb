// The task table of `service ps` and `node ps` (docker style): one group per slot (or node for global
// services), its current task first, then its history marked "\_".
import type { clusterctl } from '@clusterctl/proto';
import { ago, capitalize, shortId, truncate } from '../render.js';
import { portsText, serviceView, taskView, type TaskView } from '../views.js';

export const TASK_COLUMNS = ['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS'];
const ERROR_CHARS = 40;

export interface TaskRowJson extends TaskView {
  name: string;
  serviceName: string;
  node: string;
  current: boolean;
}

/** "web.2" for replicated tasks, "web.<node id>" for global ones. */
export function taskName(serviceName: string, t: TaskView): string {
  return t.slot > 0 ? `${serviceName}.${t.slot}` : `${serviceName}.${t.nodeId}`;
}

export function taskRows(
  tasks: readonly clusterctl.cluster.ITask[],
  services: readonly clusterctl.control.IServiceSummary[],
  nodes: readonly clusterctl.cluster.INode[],
  nowMs: number,
  noTrunc: boolean,
): { rows: string[][]; json: TaskRowJson[] } {
  const serviceNames = new Map<string, string>();
  for (const s of services) if (s.service) serviceNames.set(s.service.id ?? '', serviceView(s.service).spec.name);
  const hostnames = new Map(nodes.map((n) => [n.id ?? '', n.hostname ?? '']));
  const views = tasks.map(taskView);
  const group = (t: TaskView): string => `${t.serviceId}/${t.slot > 0 ? String(t.slot).padStart(8, '0') : t.nodeId}`;
  views.sort((a, b) => {
    const sa = serviceNames.get(a.serviceId) ?? a.serviceId;
    const sb = serviceNames.get(b.serviceId) ?? b.serviceId;
    return (
      sa.localeCompare(sb) ||
      group(a).localeCompare(group(b)) ||
      b.meta.createdAt - a.meta.createdAt ||
      a.id.localeCompare(b.id)
    );
  });
  const rows: string[][] = [];
  const json: TaskRowJson[] = [];
  let lastGroup = '';
  for (const t of views) {
    const g = group(t);
    const current = g !== lastGroup;
    lastGroup = g;
    const serviceName = serviceNames.get(t.serviceId) ?? shortId(t.serviceId);
    const name = taskName(serviceName, t);
    const node = hostnames.get(t.nodeId) ?? (t.nodeId === '' ? '' : shortId(t.nodeId));
    const error =
      t.status.err !== ''
        ? t.status.err
        : t.status.healthMessage !== ''
          ? t.status.healthMessage
          : t.status.state === 'pending'
            ? t.status.message
            : '';
    // docker's "Running 5 seconds ago (healthy)"
    const health = t.status.health !== '' && t.status.state === 'running' ? ` (${t.status.health})` : '';
    rows.push([
      shortId(t.id, noTrunc),
      current ? name : ` \\_ ${name}`,
      t.image,
      node,
      capitalize(t.desiredState),
      `${capitalize(t.status.state)} ${ago(t.status.timestamp, nowMs)}`.trim() + health,
      truncate(error, ERROR_CHARS, noTrunc),
      portsText(t.ports),
    ]);
    json.push({ ...t, name, serviceName, node, current });
  }
  return { rows, json };
}
