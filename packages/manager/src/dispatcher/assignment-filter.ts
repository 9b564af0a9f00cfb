// Which of a node's tasks its agent is told about: tasks from assignment on whose desired state is
// to run, and tasks that must still be stopped (desired past running while the container may run).
// Tasks that ended and are not meant to run are left out (the agent removes their containers).

import { taskStateOrder, type Task } from '@clusterctl/store';

const ASSIGNED = taskStateOrder('assigned');
const RUNNING = taskStateOrder('running');

export function sentToAgent(t: Task): boolean {
  if (t.nodeId === '') return false;
  const s = taskStateOrder(t.status.state);
  if (s < ASSIGNED) return false;
  return taskStateOrder(t.desiredState) <= RUNNING || s <= RUNNING;
}
