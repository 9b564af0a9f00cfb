// What the scheduler knows about one node: the record, the tasks placed on it that still hold
// resources, what those reserve, the host ports they publish, and per-service task counts (spread).

import { taskStateOrder, type Node, type Resources, type Task } from '@clusterctl/store';

const ASSIGNED = taskStateOrder('assigned');
const RUNNING = taskStateOrder('running');

/** A task holds its node's resources and ports from assignment until its container has stopped. */
export function occupiesNode(t: Task): boolean {
  if (t.nodeId === '') return false;
  const s = taskStateOrder(t.status.state);
  return s >= ASSIGNED && s <= RUNNING;
}

/** Counts for spreading: tasks meant to keep running. */
function countsForSpread(t: Task): boolean {
  return taskStateOrder(t.desiredState) <= RUNNING;
}

export function portKey(protocol: string, published: number): string {
  return `${published}/${protocol}`;
}

export class NodeInfo {
  node: Node;
  readonly tasks = new Map<string, Task>();
  readonly reserved: Resources = { nanoCpus: 0, memoryBytes: 0 };
  /** "8080/tcp" -> how many tasks publish it (more than one only if placed by someone else). */
  readonly ports = new Map<string, number>();
  readonly byService = new Map<string, number>();
  /** Tasks counted for spread. */
  active = 0;

  constructor(node: Node) {
    this.node = node;
  }

  countOf(serviceId: string): number {
    return this.byService.get(serviceId) ?? 0;
  }

  /** Adds (or replaces) a task; returns false when it does not occupy the node (and removes it then). */
  setTask(t: Task): boolean {
    this.removeTask(t.id);
    if (!occupiesNode(t)) return false;
    this.tasks.set(t.id, t);
    const r = t.spec.resources?.reservations;
    this.reserved.nanoCpus += r?.nanoCpus ?? 0;
    this.reserved.memoryBytes += r?.memoryBytes ?? 0;
    for (const p of t.spec.ports ?? []) {
      if (p.published !== undefined && p.published > 0) {
        const k = portKey(p.protocol, p.published);
        this.ports.set(k, (this.ports.get(k) ?? 0) + 1);
      }
    }
    if (countsForSpread(t)) {
      this.byService.set(t.serviceId, this.countOf(t.serviceId) + 1);
      this.active++;
    }
    return true;
  }

  removeTask(id: string): void {
    const t = this.tasks.get(id);
    if (t === undefined) return;
    this.tasks.delete(id);
    const r = t.spec.resources?.reservations;
    this.reserved.nanoCpus -= r?.nanoCpus ?? 0;
    this.reserved.memoryBytes -= r?.memoryBytes ?? 0;
    for (const p of t.spec.ports ?? []) {
      if (p.published !== undefined && p.published > 0) {
        const k = portKey(p.protocol, p.published);
        const n = (this.ports.get(k) ?? 0) - 1;
        if (n <= 0) this.ports.delete(k);
        else this.ports.set(k, n);
      }
    }
    if (countsForSpread(t)) {
      const n = this.countOf(t.serviceId) - 1;
      if (n <= 0) this.byService.delete(t.serviceId);
      else this.byService.set(t.serviceId, n);
      this.active--;
    }
  }
}

/** NodeInfos for a snapshot of nodes and tasks. */
export function buildNodeInfos(nodes: readonly Node[], tasks: Iterable<Task>): Map<string, NodeInfo> {
  const out = new Map<string, NodeInfo>();
  for (const n of nodes) out.set(n.id, new NodeInfo(n));
  for (const t of tasks) {
    const ni = out.get(t.nodeId);
    if (ni !== undefined) ni.setTask(t);
  }
  return out;
}
