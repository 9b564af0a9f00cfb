// Placement as a pure function over NodeInfos: tasks grouped by (service, service version) share
// their requirements, so the static filters run once per group; then each task goes to the node
// with the fewest tasks of its service, then the fewest tasks overall (a heap), checked against the
// dynamic filters (resources, ports). A node failing a dynamic filter for one task of a group fails
// it for the rest of the group too (they only ask for more), so it leaves the heap.

import type { Task } from '@clusterctl/store';
import { constraintsOrUnmatchable, type Constraint } from './constraints.js';
import { checkNode, dynamicFilter, FailureTally, staticFilter } from './filters.js';
import type { NodeInfo } from './node-info.js';

export interface PlacementResult {
  assigned: { task: Task; nodeId: string }[];
  /** Tasks that fit nowhere, with the message to show. */
  unassigned: { task: Task; message: string }[];
}

/**
 * Places `tasks` (unassigned ones, or ones with a preset nodeId such as global tasks) on `nodes`.
 * MUTATES the NodeInfos: every placed task is recorded on its node (as assigned), so callers can
 * place more against the same map.
 */
export function placeTasks(nodes: ReadonlyMap<string, NodeInfo>, tasks: readonly Task[], now = 0): PlacementResult {
  const out: PlacementResult = { assigned: [], unassigned: [] };
  const groups = new Map<string, Task[]>();
  const constraintCache = new Map<string, Constraint[]>();
  for (const t of tasks) {
    if (t.nodeId !== '') {
      placePreassigned(nodes, t, constraintsFor(constraintCache, t), out, now);
      continue;
    }
    const k = `${t.serviceId}\u0000${t.serviceVersion}`;
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = []));
    g.push(t);
  }
  for (const g of groups.values()) placeGroup(nodes, g, constraintsFor(constraintCache, g[0]!), out, now);
  return out;
}

function constraintsFor(cache: Map<string, Constraint[]>, t: Task): Constraint[] {
  const k = `${t.serviceId}\u0000${t.serviceVersion}`;
  let c = cache.get(k);
  if (c === undefined) cache.set(k, (c = constraintsOrUnmatchable(t.spec.constraints ?? [])));
  return c;
}

function assignedCopy(t: Task, nodeId: string, now: number): Task {
  return { ...t, nodeId, status: { state: 'assigned', message: 'scheduler assigned task to node', timestamp: now } };
}

function placePreassigned(
  nodes: ReadonlyMap<string, NodeInfo>,
  t: Task,
  cs: Constraint[],
  out: PlacementResult,
  now: number,
): void {
  const ni = nodes.get(t.nodeId);
  if (ni === undefined) {
    out.unassigned.push({ task: t, message: `no suitable node (node ${t.nodeId} is not in the cluster)` });
    return;
  }
  const f = checkNode(ni, t, cs);
  if (f !== undefined) {
    const tally = new FailureTally();
    tally.add(f);
    out.unassigned.push({ task: t, message: tally.message() });
    return;
  }
  ni.setTask(assignedCopy(t, ni.node.id, now));
  out.assigned.push({ task: t, nodeId: ni.node.id });
}

/** Binary min-heap of nodes by (tasks of the service, tasks overall, id). */
class NodeHeap {
  private readonly a: NodeInfo[] = [];
  constructor(private readonly serviceId: string) {}

  get size(): number {
    return this.a.length;
  }

  private less(x: NodeInfo, y: NodeInfo): boolean {
    const sx = x.countOf(this.serviceId);
    const sy = y.countOf(this.serviceId);
    if (sx !== sy) return sx < sy;
    if (x.active !== y.active) return x.active < y.active;
    return x.node.id < y.node.id;
  }

  push(n: NodeInfo): void {
    const a = this.a;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): NodeInfo | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function placeGroup(
  nodes: ReadonlyMap<string, NodeInfo>,
  group: Task[],
  cs: Constraint[],
  out: PlacementResult,
  now: number,
): void {
  const tally = new FailureTally();
  const heap = new NodeHeap(group[0]!.serviceId);
  for (const ni of nodes.values()) {
    const f = staticFilter(ni, cs);
    if (f === undefined) heap.push(ni);
    else tally.add(f);
  }
  let i = 0;
  for (; i < group.length; i++) {
    const t = group[i]!;
    let placed = false;
    while (heap.size > 0) {
      const ni = heap.pop()!;
      const f = dynamicFilter(ni, t);
      if (f !== undefined) {
        tally.add(f);
        continue; // later tasks of the group need as much: this node is out for them too
      }
      ni.setTask(assignedCopy(t, ni.node.id, now));
      out.assigned.push({ task: t, nodeId: ni.node.id });
      heap.push(ni);
      placed = true;
      break;
    }
    if (!placed) break;
  }
  if (i < group.length) {
    const message = tally.message();
    for (; i < group.length; i++) out.unassigned.push({ task: group[i]!, message });
  }
}
