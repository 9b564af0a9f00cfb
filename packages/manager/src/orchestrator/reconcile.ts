// Desired vs actual for one service, as a list of store transactions to make. Pure apart from the
// restart supervisor's bookkeeping: reads come from a ReadTx, nothing is written here.
//
// A slot (replicated: 1..N; global: one per node) has at most one "active" task (desiredState <=
// running). Tasks are immutable: a replacement is a new task in the same slot, and the old one gets
// desiredState shutdown in the same transaction (so a conflict drops both). A slot whose task
// exited and whose restart policy says stop keeps that task with desiredState `complete`
// ("finished": counted as a replica, not replaced). Scale-down gives the surplus slots' tasks
// desiredState `remove`. History: at most historyLimit tasks per slot (the current one included);
// older ones are deleted once their container is gone (or their node is down or removed).

import {
  rollbackSpec,
  taskIsUp,
  taskStateOrder,
  type NewObject,
  type Node,
  type ReadTx,
  type Service,
  type Task,
  type TaskState,
  type UpdateConfig,
} from '@clusterctl/store';
import { constraintsOrUnmatchable, firstFailedConstraint } from '../scheduler/constraints.js';
import { hasExited, slotKey, type RestartSupervisor } from './restart-supervisor.js';
import {
  failureReason,
  inProgress,
  isPaused,
  rolloutConfig,
  slotName,
  startedStatus,
  taskHealth,
  templateKey,
} from './update-progress.js';

const RUNNING = taskStateOrder('running');
const ASSIGNED = taskStateOrder('assigned');

/** One transaction: shut/flag tasks (version-checked against what was read), create, delete. */
export interface TaskTx {
  desire: { task: Task; state: TaskState; message?: string }[];
  create: NewObject<Task>[];
  delete: Task[];
  /** The service record to write (its update status, or a rollback), version-checked against what was read. */
  service?: Service;
}

export interface ReconcileContext {
  now: number;
  supervisor: RestartSupervisor;
  historyLimit: number;
  /** Reconcile `serviceId` again at `atMs` (a rolling update waiting out its delay). */
  wakeAt?(serviceId: string, atMs: number): void;
  /** Tasks of the service's rollout that have counted (ran for the monitor): their exit is no update failure. */
  countedTasks?(serviceId: string): Set<string>;
  forgetCounted?(serviceId: string): void;
}

export function isActive(t: Task): boolean {
  return taskStateOrder(t.desiredState) <= RUNNING;
}

function nodeUnusable(n: Node | undefined): boolean {
  return n === undefined || n.status.state === 'down' || n.availability === 'drain';
}

/** Can the task's record go: it is not meant to run and its container is gone or unreachable. */
export function deletable(t: Task, node: Node | undefined): boolean {
  if (isActive(t)) return false;
  const s = taskStateOrder(t.status.state);
  if (s > RUNNING || s < ASSIGNED || t.nodeId === '') return true;
  return node === undefined || node.status.state === 'down';
}

export function newTaskFor(service: Service, slot: number, nodeId: string, now: number): NewObject<Task> {
  return {
    serviceId: service.id,
    slot,
    nodeId,
    desiredState: 'running',
    status: { state: 'pending', message: 'waiting for the scheduler', timestamp: now },
    spec: service.spec,
    serviceVersion: service.meta.version,
  };
}

/**
 * Does a task run an older spec than the service's (replica count and policies aside)? Cached per
 * task version. Also the rollout budget and the update status (see update-progress.ts): at most
 * `parallelism` slots are being updated at once (their task of the current spec has not counted
 * yet: not running, running for less than the monitor, not healthy, or exited and restarting);
 * after a replacement counts the next waits `delayMs`; a paused rollout updates no slot. Failures
 * of new tasks are counted here and the failure action decided; the status to write, if it
 * changed, is `write`.
 */
class SpecCheck {
  private readonly current: string;
  private readonly cache = new Map<number, boolean>();
  private updateSlots = 0;
  readonly config: Required<UpdateConfig>;
  /** The service record with its new update status (or rolled back), to write in this pass. */
  write: Service | undefined;
  /** The failure action rolls the service back: nothing else is planned in this pass. */
  rollingBack = false;
  constructor(
    private readonly service: Service,
    tasks: readonly Task[],
    slotOf: (t: Task) => string,
    ctx: ReconcileContext,
  ) {
    this.current = templateKey(service.spec);
    const now = ctx.now;
    const counted = ctx.countedTasks?.(service.id) ?? new Set<string>();
    // the newest active task of the current spec in each slot; the slots that held an older task
    const withOld = new Set<string>();
    const cur = new Map<string, Task>();
    const slots = new Set<string>();
    let outdatedActive = false;
    for (const t of tasks) {
      const k = slotOf(t);
      if (isActive(t)) slots.add(k);
      if (this.outdated(t)) {
        withOld.add(k);
        if (isActive(t)) outdatedActive = true;
      } else if (isActive(t)) {
        const c = cur.get(k);
        if (c === undefined || newestFirst(t, c) < 0) cur.set(k, t);
      }
    }
    let status = service.updateStatus;
    let changed = false;
    if (
      outdatedActive &&
      (status === undefined || status.state === 'completed' || status.state === 'rollback_completed')
    ) {
      // a spec change written without a status (the API writes one): an update starts
      status = startedStatus('updating', now, 'update in progress');
      changed = true;
    }
    const state = status?.state;
    this.config = rolloutConfig({ ...service, ...(status !== undefined ? { updateStatus: status } : {}) });
    const tracking = inProgress(state) || isPaused(state);
    let midUpdate = 0;
    let lastCountedAt = 0;
    const failures: Task[] = [];
    for (const [k, t] of cur) {
      if (!tracking && !withOld.has(k)) continue;
      const health = taskHealth(t);
      const healthy = health === '' || health === 'healthy';
      const countsAt = t.status.timestamp + this.config.monitorMs;
      if (t.status.state === 'running' && healthy && (counted.has(t.id) || now >= countsAt)) {
        if (tracking) counted.add(t.id);
        lastCountedAt = Math.max(lastCountedAt, Math.min(countsAt, now));
        continue;
      }
      midUpdate++;
      if (t.status.state === 'running' && healthy) ctx.wakeAt?.(service.id, countsAt);
      const failed = hasExited(t) || health === 'unhealthy';
      if (failed && inProgress(state) && !counted.has(t.id) && !status!.failedTaskIds.includes(t.id)) failures.push(t);
    }
    if (failures.length > 0 && status !== undefined) {
      const f = failures[0]!;
      const what = `task ${f.id} (${slotName(f)}) ${failureReason(f)}`;
      const failedTaskIds = [...status.failedTaskIds, ...failures.map((t) => t.id)];
      const total = Math.max(1, slots.size);
      const rollback = state === 'rollback_started';
      status = { ...status, failedTaskIds, message: `${rollback ? 'rollback' : 'update'}: ${what}` };
      changed = true;
      if (failedTaskIds.length / total > this.config.maxFailureRatio) {
        const action = this.config.failureAction;
        if (action === 'rollback' && !rollback && service.previousSpec !== undefined) {
          this.rollingBack = true;
          this.write = {
            ...service,
            spec: rollbackSpec(service.previousSpec, service.spec),
            previousSpec: service.spec,
            updateStatus: startedStatus('rollback_started', now, `update rolled back: ${what}`),
          };
          ctx.forgetCounted?.(service.id);
          return;
        }
        if (action === 'continue') {
          status = { ...status, message: `update continues after a failure: ${what}` };
        } else {
          const noPrevious = action === 'rollback' && !rollback ? ' (no previous spec to roll back to)' : '';
          status = {
            ...status,
            state: rollback ? 'rollback_paused' : 'paused',
            message: `${rollback ? 'rollback' : 'update'} paused${noPrevious}: ${what}`,
          };
        }
      }
    }
    const st = status?.state;
    if (status !== undefined && inProgress(st) && !outdatedActive && midUpdate === 0) {
      const done = st === 'updating' ? 'update completed' : 'rollback completed';
      const cause = status.message.startsWith('update rolled back: ') ? ` (${status.message})` : '';
      status = {
        ...status,
        state: st === 'updating' ? 'completed' : 'rollback_completed',
        completedAt: now,
        message: done + cause,
      };
      changed = true;
      ctx.forgetCounted?.(service.id);
    }
    if (changed) this.write = { ...service, ...(status !== undefined ? { updateStatus: status } : {}) };
    const parallelism = this.config.parallelism === 0 ? Number.POSITIVE_INFINITY : this.config.parallelism;
    this.updateSlots = isPaused(status?.state) ? 0 : Math.max(0, parallelism - midUpdate);
    if (this.updateSlots > 0 && outdatedActive && this.config.delayMs > 0 && lastCountedAt > 0) {
      // the last replacement that counted waits out the delay before the next one
      const until = lastCountedAt + this.config.delayMs;
      if (until > now) {
        this.updateSlots = 0;
        ctx.wakeAt?.(service.id, until);
      }
    }
  }
  takeUpdateSlot(): boolean {
    if (this.updateSlots <= 0) return false;
    this.updateSlots--;
    return true;
  }
  outdated(t: Task): boolean {
    if (t.serviceVersion === this.service.meta.version) return false;
    let v = this.cache.get(t.serviceVersion);
    if (v === undefined) this.cache.set(t.serviceVersion, (v = templateKey(t.spec) !== this.current));
    return v;
  }
}

/** The service record write of a pass (update status, rollback), as its own transaction. */
function statusTx(spec: SpecCheck): TaskTx[] {
  return spec.write === undefined ? [] : [{ desire: [], create: [], delete: [], service: spec.write }];
}

function newestFirst(a: Task, b: Task): number {
  return b.meta.createdAt - a.meta.createdAt || b.meta.version - a.meta.version || (a.id < b.id ? -1 : 1);
}

type Outcome = 'live' | 'starting' | 'replace' | 'waiting' | 'finished' | 'empty';

interface SlotPlan {
  key: string;
  tasks: Task[];
  outcome: Outcome;
  /** The active task that is to be shut down and replaced (outcome replace). */
  old?: Task;
  oldMessage?: string;
  /** Extra active tasks to shut down (duplicates; start-first: the old task once its replacement runs). */
  extra: Task[];
  extraMessage?: string;
  /** For 'finish' decisions: the task to flag complete. */
  finish?: { task: Task; message: string };
}

function planSlot(
  key: string,
  tasks: Task[],
  service: Service,
  spec: SpecCheck,
  getNode: (id: string) => Node | undefined,
  ctx: ReconcileContext,
): SlotPlan {
  tasks.sort(newestFirst);
  const active = tasks.filter(isActive);
  const plan: SlotPlan = { key, tasks, outcome: 'empty', extra: active.slice(1) };
  const cur = active[0];
  // start-first: the slot's older task keeps running until its replacement runs (and is healthy,
  // when it has a check; also while a failing replacement is restarted), unless its own node is gone
  if (cur !== undefined && !spec.outdated(cur)) {
    const old = plan.extra.find((t) => spec.outdated(t) && t.status.state === 'running');
    if (old !== undefined && !taskIsUp(cur.status) && !nodeUnusable(getNode(old.nodeId))) {
      plan.extra = plan.extra.filter((t) => t !== old);
    } else if (old !== undefined) {
      plan.extraMessage = 'service updated';
    }
  }
  // rebalancing: a task moved to another node (a new task of the same spec in its slot) keeps
  // running where it was until the new one runs (and is healthy), unless its own node is gone
  if (cur !== undefined && service.spec.rebalance === true && !spec.outdated(cur)) {
    const old = plan.extra.find((t) => !spec.outdated(t) && t.status.state === 'running');
    if (old !== undefined && !taskIsUp(cur.status) && !nodeUnusable(getNode(old.nodeId))) {
      plan.extra = plan.extra.filter((t) => t !== old);
    } else if (old !== undefined) {
      plan.extraMessage = `moved to node ${cur.nodeId} (rebalance)`;
    }
  }
  if (cur !== undefined) {
    if (cur.nodeId !== '' && nodeUnusable(getNode(cur.nodeId))) {
      const n = getNode(cur.nodeId);
      ctx.supervisor.cancel(key);
      return {
        ...plan,
        outcome: 'replace',
        old: cur,
        oldMessage: n === undefined ? 'node removed' : n.availability === 'drain' ? 'node drained' : 'node down',
      };
    }
    if (hasExited(cur)) {
      const d = ctx.supervisor.decide(key, service.id, cur, service.spec.restartPolicy, ctx.now);
      if (d.kind === 'restart')
        return { ...plan, outcome: 'replace', old: cur, oldMessage: `restarted after ${cur.status.state}` };
      if (d.kind === 'wait') return { ...plan, outcome: 'waiting' };
      return { ...plan, outcome: 'finished', finish: { task: cur, message: d.reason } };
    }
    if (spec.outdated(cur) && spec.takeUpdateSlot()) {
      ctx.supervisor.cancel(key);
      // start-first: a running task is stopped only once its replacement runs
      if (spec.config.order === 'start-first' && cur.status.state === 'running') return { ...plan, outcome: 'replace' };
      return { ...plan, outcome: 'replace', old: cur, oldMessage: 'service updated' };
    }
    ctx.supervisor.observe(key, cur, ctx.now);
    return { ...plan, outcome: taskIsUp(cur.status) ? 'live' : 'starting' };
  }
  const newest = tasks[0];
  if (newest !== undefined && newest.desiredState === 'complete' && !spec.outdated(newest))
    return { ...plan, outcome: 'finished' };
  return plan;
}

/** History of a slot that keeps running: at most limit tasks (those to be created included). */
function trimHistory(
  tasks: Task[],
  creating: number,
  limit: number,
  getNode: (id: string) => Node | undefined,
  out: Task[],
): void {
  let kept = creating;
  const max = Math.max(1, limit);
  for (const t of tasks) {
    if (isActive(t)) {
      kept++;
      continue;
    }
    if (kept < max) {
      kept++;
      continue;
    }
    if (deletable(t, getNode(t.nodeId))) out.push(t);
  }
}

function emitSlot(plan: SlotPlan, txs: TaskTx[], create: NewObject<Task> | undefined): void {
  const desire: TaskTx['desire'] = plan.extra.map((t) => ({
    task: t,
    state: 'shutdown' as TaskState,
    message: plan.extraMessage ?? 'duplicate task in slot',
  }));
  if (plan.old !== undefined) desire.push({ task: plan.old, state: 'shutdown', message: plan.oldMessage });
  if (plan.finish !== undefined)
    desire.push({ task: plan.finish.task, state: 'complete', message: plan.finish.message });
  if (desire.length > 0 || create !== undefined)
    txs.push({ desire, create: create === undefined ? [] : [create], delete: [] });
}

const REMOVAL_RANK: Record<Outcome, number> = { waiting: 0, finished: 1, empty: 1, replace: 2, starting: 3, live: 4 };

export function reconcileReplicated(tx: ReadTx, service: Service, tasks: Task[], ctx: ReconcileContext): TaskTx[] {
  if (service.spec.mode.kind !== 'replicated') return [];
  const replicas = service.spec.mode.replicas;
  const getNode = (id: string): Node | undefined => tx.get('nodes', id);
  const spec = new SpecCheck(service, tasks, (t) => String(t.slot), ctx);
  if (spec.rollingBack) return statusTx(spec);
  const bySlot = new Map<number, Task[]>();
  for (const t of tasks) {
    let l = bySlot.get(t.slot);
    if (l === undefined) bySlot.set(t.slot, (l = []));
    l.push(t);
  }
  const plans = new Map<number, SlotPlan>();
  for (const [slot, ts] of bySlot)
    plans.set(slot, planSlot(slotKey(service.id, slot, ''), ts, service, spec, getNode, ctx));

  const occupied = [...plans.entries()].filter(([, p]) => p.outcome !== 'empty');
  const txs: TaskTx[] = [];
  const removed = new Set<number>();
  if (occupied.length > replicas) {
    occupied.sort(([sa, a], [sb, b]) => REMOVAL_RANK[a.outcome] - REMOVAL_RANK[b.outcome] || sb - sa);
    for (const [slot] of occupied.slice(0, occupied.length - replicas)) removed.add(slot);
  }
  // slots to (re)fill: the lowest numbers without a task that is kept
  let need = replicas - (occupied.length - removed.size);
  const fill = new Set<number>();
  for (let slot = 1; need > 0; slot++) {
    if (removed.has(slot)) continue;
    const p = plans.get(slot);
    if (p === undefined || p.outcome === 'empty') {
      fill.add(slot);
      need--;
    }
  }
  const deletes: Task[] = [];
  for (const [slot, p] of plans) {
    if (removed.has(slot) || (p.outcome === 'empty' && !fill.has(slot))) {
      // the slot goes: its active task is removed, its history deleted once dead
      ctx.supervisor.cancel(p.key, true);
      const desire = p.tasks
        .filter((t) => isActive(t) || t.desiredState === 'complete')
        .map((t) => ({ task: t, state: 'remove' as TaskState, message: 'service scaled down' }));
      if (desire.length > 0) txs.push({ desire, create: [], delete: [] });
      for (const t of p.tasks)
        if (!isActive(t) && t.desiredState !== 'complete' && deletable(t, getNode(t.nodeId))) deletes.push(t);
      continue;
    }
    const create = p.outcome === 'replace' || fill.has(slot) ? newTaskFor(service, slot, '', ctx.now) : undefined;
    emitSlot(p, txs, create);
    trimHistory(p.tasks, create === undefined ? 0 : 1, ctx.historyLimit, getNode, deletes);
  }
  for (const slot of fill)
    if (!plans.has(slot)) txs.push({ desire: [], create: [newTaskFor(service, slot, '', ctx.now)], delete: [] });
  if (deletes.length > 0) txs.push({ desire: [], create: [], delete: deletes });
  return [...txs, ...statusTx(spec)];
}

export function reconcileGlobal(tx: ReadTx, service: Service, tasks: Task[], ctx: ReconcileContext): TaskTx[] {
  if (service.spec.mode.kind !== 'global') return [];
  const getNode = (id: string): Node | undefined => tx.get('nodes', id);
  const spec = new SpecCheck(service, tasks, (t) => t.nodeId, ctx);
  if (spec.rollingBack) return statusTx(spec);
  const constraints = constraintsOrUnmatchable(service.spec.constraints ?? []);
  const byNode = new Map<string, Task[]>();
  for (const t of tasks) {
    let l = byNode.get(t.nodeId);
    if (l === undefined) byNode.set(t.nodeId, (l = []));
    l.push(t);
  }
  const txs: TaskTx[] = [];
  const deletes: Task[] = [];
  for (const node of tx.list('nodes')) {
    const ts = byNode.get(node.id) ?? [];
    byNode.delete(node.id);
    const key = slotKey(service.id, 0, node.id);
    const eligible =
      node.availability !== 'drain' &&
      node.status.state !== 'down' &&
      firstFailedConstraint(node, constraints) === undefined;
    if (!eligible) {
      ctx.supervisor.cancel(key);
      const desire = ts.filter(isActive).map((t) => ({
        task: t,
        state: 'shutdown' as TaskState,
        message:
          node.availability === 'drain'
            ? 'node drained'
            : node.status.state === 'down'
              ? 'node down'
              : 'node no longer satisfies the constraints',
      }));
      if (desire.length > 0) txs.push({ desire, create: [], delete: [] });
      ts.sort(newestFirst);
      trimHistory(ts, 0, ctx.historyLimit, getNode, deletes);
      continue;
    }
    const p = planSlot(key, ts, service, spec, getNode, ctx);
    const create =
      p.outcome === 'replace' || (p.outcome === 'empty' && node.availability === 'active')
        ? newTaskFor(service, 0, node.id, ctx.now)
        : undefined;
    emitSlot(p, txs, create);
    trimHistory(p.tasks, create === undefined ? 0 : 1, ctx.historyLimit, getNode, deletes);
  }
  // tasks of nodes that were removed from the cluster (or never placed)
  for (const [nodeId, ts] of byNode) {
    ctx.supervisor.cancel(slotKey(service.id, 0, nodeId), true);
    const desire = ts
      .filter(isActive)
      .map((t) => ({ task: t, state: 'shutdown' as TaskState, message: 'node removed' }));
    if (desire.length > 0) txs.push({ desire, create: [], delete: [] });
    for (const t of ts) if (!isActive(t)) deletes.push(t);
  }
  if (deletes.length > 0) txs.push({ desire: [], create: [], delete: deletes });
  return [...txs, ...statusTx(spec)];
}

/** Tasks of a service that no longer exists: stop them, delete them once stopped (or unreachable). */
export function reapRemovedService(tx: ReadTx, tasks: Task[]): TaskTx[] {
  const desire: TaskTx['desire'] = [];
  const deletes: Task[] = [];
  for (const t of tasks) {
    const node = t.nodeId === '' ? undefined : tx.get('nodes', t.nodeId);
    if (t.desiredState !== 'remove') {
      const flagged = { ...t, desiredState: 'remove' as TaskState };
      if (deletable(flagged, node)) deletes.push(t);
      else desire.push({ task: t, state: 'remove', message: 'service removed' });
    } else if (deletable(t, node)) deletes.push(t);
  }
  const txs: TaskTx[] = [];
  if (desire.length > 0) txs.push({ desire, create: [], delete: [] });
  if (deletes.length > 0) txs.push({ desire: [], create: [], delete: deletes });
  return txs;
}
