// Control API: tasks (the current task of each slot, or the history) and service logs, which the
// dispatcher's log broker gathers from the agents running the service's tasks.

import type * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { taskStateOrder, type Task, type TaskState } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import type { Call, ControlContext } from './context.js';
import { taskToProto } from '../api/convert.js';
import { resolveNode, resolveService } from './lookup.js';

const TERMINAL: TaskState = 'complete';

function isTerminal(s: TaskState): boolean {
  return taskStateOrder(s) >= taskStateOrder(TERMINAL);
}

export function taskMethods(ctx: ControlContext) {
  const { deps, read } = ctx;

  async function listTasks(
    call: Call<clusterctl.control.ListTasksRequest, clusterctl.control.IListTasksResponse>,
  ): Promise<clusterctl.control.IListTasksResponse> {
    const req = call.request;
    return read((tx) => {
      let tasks: Task[];
      const svc = (req.service ?? '') !== '' ? resolveService(tx, req.service) : undefined;
      const node = (req.node ?? '') !== '' ? resolveNode(tx, req.node) : undefined;
      if (svc !== undefined) tasks = tx.findBy('tasks', 'serviceId', svc.id);
      else if (node !== undefined) tasks = tx.findBy('tasks', 'nodeId', node.id);
      else tasks = tx.list('tasks');
      if (node !== undefined) tasks = tasks.filter((t) => t.nodeId === node.id);
      if (req.all !== true) tasks = currentTasks(tasks);
      const names = new Map(tx.list('services').map((s) => [s.id, s.spec.name]));
      tasks.sort(
        (a, b) =>
          (names.get(a.serviceId) ?? a.serviceId).localeCompare(names.get(b.serviceId) ?? b.serviceId) ||
          a.slot - b.slot ||
          a.nodeId.localeCompare(b.nodeId) ||
          b.meta.createdAt - a.meta.createdAt,
      );
      return { tasks: tasks.map(taskToProto) };
    });
  }

  /** `service logs`: the stream ends when the provider is done (non-follow) or the caller cancels. */
  async function serviceLogs(
    call: grpc.ServerWritableStream<clusterctl.control.ServiceLogsRequest, clusterctl.control.ILogLine>,
  ): Promise<void> {
    const provider = deps.logs;
    if (provider === undefined) {
      throw new ClusterError(ErrorCode.FailedPrecondition, 'service logs are not implemented yet', {
        hint: 'read the container logs with `docker logs` on the node running the task',
      });
    }
    const req = call.request;
    const r = await read((tx) => {
      const s = resolveService(tx, req.service);
      return { serviceId: s.id, taskIds: tx.findBy('tasks', 'serviceId', s.id).map((t) => t.id) };
    });
    await provider(
      { ...r, follow: req.follow === true, tail: Number(req.tail ?? -1) },
      {
        write: (line) => call.write(line),
        cancelled: () => call.cancelled,
        onCancel: (fn) => call.on('cancelled', fn),
      },
    );
  }

  return { listTasks, serviceLogs };
}

/** The current task of each slot (replicated) or node (global): the newest one. */
function currentTasks(tasks: Task[]): Task[] {
  const latest = new Map<string, Task>();
  for (const t of tasks) {
    const key = `${t.serviceId}/${t.slot > 0 ? `s${t.slot}` : `n${t.nodeId}`}`;
    const prev = latest.get(key);
    if (
      prev === undefined ||
      t.meta.createdAt > prev.meta.createdAt ||
      (t.meta.createdAt === prev.meta.createdAt && t.meta.version > prev.meta.version)
    )
      latest.set(key, t);
  }
  // A slot that was scaled away (or a node the global service left) and whose container is gone
  // is history, not current.
  return [...latest.values()].filter(
    (t) => !(taskStateOrder(t.desiredState) > taskStateOrder('running') && isTerminal(t.status.state)),
  );
}
