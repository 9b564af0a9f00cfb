// Metrics a manager serves (with --metrics-addr), in the Prometheus conventions (base units,
// `_total` counters, `_seconds` histograms, the `clusterctl_` prefix). Most are read when scraped
// from what the manager has anyway (raft status, the store); the hot paths only bump counters and
// histograms (raft proposals, log syncs, gRPC calls), and the scheduler's and orchestrator's
// figures come from the manager's own event stream. Label sets are bounded: methods, codes, states,
// kinds, and services (one series per service, never per task).

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { silentLogger, type Logger } from '@clusterctl/common';
import { TABLES, TASK_STATES, type ClusterStore, type Task } from '@clusterctl/store';
import type { RaftNode, RaftObserver } from '@clusterctl/raft-node';
import type { EventLog } from '../events/event-log.js';
import type { ClusterEvent } from '../events/cluster-event.js';
import type { Dispatcher, DispatcherStats } from '../dispatcher/dispatcher.js';

export interface ManagerMetricsConfig {
  registry: Registry;
  store: ClusterStore;
  /** The raft node once started. */
  raft: () => RaftNode | undefined;
  events: EventLog;
  logger?: Logger;
}

/** Latency buckets (seconds) for calls and proposals: 0.5 ms to 10 s. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The kind of reason a task cannot be placed ("no suitable node (2 nodes down, 1 node drained)" -> down, drained). */
export function unplaceableReasons(message: string): string[] {
  const m = /^no suitable node \((.*)\)$/.exec(message);
  if (m === null) return [];
  return m[1]!.split(', ').map((part) => {
    const r = part.replace(/^\d+ nodes? /, '');
    if (r.startsWith('failed constraint')) return 'failed constraint';
    if (r.startsWith('host port')) return 'host port in use';
    return r.replace(/\d+/g, 'N').slice(0, 48);
  });
}

export class ManagerMetrics {
  /** For the raft node (RaftNodeConfig.observer). */
  readonly raftObserver: RaftObserver;
  /** For the gRPC handlers (Rpc.observe). */
  readonly observeCall: (service: string, method: string, code: string, seconds: number) => void;
  private readonly log: Logger;
  private stopped = false;
  /** The metrics this instance registered. */
  private readonly names: string[];

  constructor(private readonly cfg: ManagerMetricsConfig) {
    this.log = (cfg.logger ?? silentLogger()).child({ component: 'manager-metrics' });
    const before = new Set(cfg.registry.getMetricsAsArray().map((m) => m.name));
    const registers = [cfg.registry];
    const raft = cfg.raft;
    const store = cfg.store;

    // ---------------------------------------------------------------- raft
    const status = (): ReturnType<RaftNode['status']> | undefined => {
      try {
        return raft()?.status();
      } catch {
        return undefined;
      }
    };
    const raftGauge = (name: string, help: string, value: (s: ReturnType<RaftNode['status']>) => number): void => {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const s = status();
          if (s !== undefined) this.set(value(s));
        },
      });
    };
    raftGauge('clusterctl_raft_term', 'Current raft term of this manager', (s) => s.term);
    raftGauge('clusterctl_raft_is_leader', '1 when this manager is the raft leader, else 0', (s) =>
      s.role === 'leader' ? 1 : 0,
    );
    raftGauge('clusterctl_raft_leader_id', 'Raft id of the leader this manager knows (0: none)', (s) => s.leader);
    raftGauge('clusterctl_raft_commit_index', 'Highest raft log index known committed', (s) => s.hardState.commit);
    raftGauge('clusterctl_raft_applied_index', 'Highest raft log index applied to the store', (s) => s.appliedIndex);
    raftGauge('clusterctl_raft_last_index', 'Last index of the raft log on this manager', (s) => s.lastIndex);
    raftGauge('clusterctl_raft_snapshot_index', 'Index of the latest raft snapshot', (s) => s.snapshotIndex);
    raftGauge(
      'clusterctl_raft_pending_proposals',
      'Proposals of this manager waiting for their outcome',
      (s) => s.pendingProposals,
    );
    new Gauge({
      name: 'clusterctl_raft_members',
      help: 'Raft members by suffrage',
      labelNames: ['suffrage'],
      registers,
      collect() {
        const s = status();
        if (s === undefined) return;
        this.set({ suffrage: 'voter' }, s.confState.voters.length);
        this.set({ suffrage: 'learner' }, s.confState.learners.length);
      },
    });
    const proposals = new Counter({
      name: 'clusterctl_raft_proposals_total',
      help: 'Store proposals made by this manager, by outcome (applied or failed)',
      labelNames: ['result'],
      registers,
    });
    const proposalSeconds = new Histogram({
      name: 'clusterctl_raft_proposal_duration_seconds',
      help: 'Time from proposing a change until it is applied here (or fails)',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    const syncSeconds = new Histogram({
      name: 'clusterctl_raft_log_sync_duration_seconds',
      help: 'Time of durable (fsynced) raft log writes',
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    const snapshotBytes = new Gauge({
      name: 'clusterctl_raft_snapshot_bytes',
      help: 'Size of the store in the latest snapshot this manager took',
      registers,
    });
    const snapshots = new Counter({
      name: 'clusterctl_raft_snapshots_total',
      help: 'Snapshots this manager took of its store',
      registers,
    });
    const applied = proposals.labels({ result: 'applied' });
    const failed = proposals.labels({ result: 'failed' });
    this.raftObserver = {
      proposal: (seconds, ok) => {
        (ok ? applied : failed).inc();
        proposalSeconds.observe(seconds);
      },
      syncedWrite: (seconds) => syncSeconds.observe(seconds),
      snapshot: (bytes) => {
        snapshots.inc();
        snapshotBytes.set(bytes);
      },
    };

    // ---------------------------------------------------------------- gRPC
    const calls = new Counter({
      name: 'clusterctl_grpc_server_handled_total',
      help: 'gRPC calls handled by this manager, by service, method and outcome (OK or the error code)',
      labelNames: ['service', 'method', 'code'],
      registers,
    });
    const callSeconds = new Histogram({
      name: 'clusterctl_grpc_server_handling_seconds',
      help: 'Time to handle a gRPC call (a stream: until it ends)',
      labelNames: ['service', 'method'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.observeCall = (service, method, code, seconds) => {
      calls.inc({ service, method, code });
      callSeconds.observe({ service, method }, seconds);
    };

    // ---------------------------------------------------------------- store and cluster state
    new Gauge({
      name: 'clusterctl_store_objects',
      help: 'Records in the cluster store, by kind',
      labelNames: ['kind'],
      registers,
      collect() {
        const counts = store.view((tx) => TABLES.map((t) => [t, tx.count(t)] as const));
        for (const [kind, n] of counts) this.set({ kind }, n);
      },
    });
    new Gauge({
      name: 'clusterctl_store_applied_index',
      help: 'Raft index of the last entry applied to the store',
      registers,
      collect() {
        this.set(store.version);
      },
    });
    new Gauge({
      name: 'clusterctl_nodes',
      help: 'Nodes by state and role',
      labelNames: ['state', 'role'],
      registers,
      collect() {
        this.reset();
        const nodes = store.view((tx) => tx.list('nodes'));
        for (const state of ['ready', 'down', 'unknown'])
          for (const role of ['manager', 'worker']) this.set({ state, role }, 0);
        for (const n of nodes) this.inc({ state: n.status.state, role: n.role });
      },
    });
    const serviceNames = (): Map<string, string> =>
      new Map(store.view((tx) => tx.list('services')).map((s) => [s.id, s.spec.name]));
    new Gauge({
      name: 'clusterctl_tasks',
      help: 'Tasks (current and kept history) by service and observed state',
      labelNames: ['service', 'state'],
      registers,
      collect() {
        this.reset();
        const names = serviceNames();
        const tasks = store.view((tx) => tx.list('tasks'));
        for (const name of names.values()) for (const state of TASK_STATES) this.set({ service: name, state }, 0);
        for (const t of tasks) {
          const service = names.get(t.serviceId);
          if (service !== undefined) this.inc({ service, state: t.status.state });
        }
      },
    });
    new Gauge({
      name: 'clusterctl_service_tasks',
      help: 'Per service: desired replicas, tasks running, and running tasks of the current spec (update progress)',
      labelNames: ['service', 'kind'],
      registers,
      collect() {
        this.reset();
        const { services, tasks } = store.view((tx) => ({ services: tx.list('services'), tasks: tx.list('tasks') }));
        const byService = new Map<string, Task[]>();
        for (const t of tasks) {
          if (t.status.state !== 'running' || t.desiredState !== 'running') continue;
          let l = byService.get(t.serviceId);
          if (l === undefined) byService.set(t.serviceId, (l = []));
          l.push(t);
        }
        for (const s of services) {
          const running = byService.get(s.id) ?? [];
          const current = JSON.stringify(templateOf(s.spec));
          const desired = s.spec.mode.kind === 'replicated' ? s.spec.mode.replicas : running.length;
          this.set({ service: s.spec.name, kind: 'desired' }, desired);
          this.set({ service: s.spec.name, kind: 'running' }, running.length);
          this.set(
            { service: s.spec.name, kind: 'up_to_date' },
            running.filter((t) => JSON.stringify(templateOf(t.spec)) === current).length,
          );
        }
      },
    });
    new Gauge({
      name: 'clusterctl_scheduler_pending_tasks',
      help: 'Tasks waiting to be placed on a node',
      registers,
      collect() {
        this.set(store.view((tx) => tx.find('tasks', (t) => t.status.state === 'pending').length));
      },
    });
    new Gauge({
      name: 'clusterctl_scheduler_unplaceable_tasks',
      help: 'Pending tasks that no node can take now, by reason (a task may count under several)',
      labelNames: ['reason'],
      registers,
      collect() {
        this.reset();
        const pending = store.view((tx) => tx.find('tasks', (t) => t.status.state === 'pending'));
        for (const t of pending)
          for (const reason of new Set(unplaceableReasons(t.status.message))) this.inc({ reason });
      },
    });

    // ---------------------------------------------------------------- from the event stream
    const placement = new Histogram({
      name: 'clusterctl_scheduler_placement_seconds',
      help: 'Time from a task being created until the scheduler assigned it a node (observed on the leader)',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    const restarts = new Counter({
      name: 'clusterctl_task_restarts_total',
      help: 'Tasks started again by the orchestrator after the previous task of their slot failed or exited (observed on the leader)',
      labelNames: ['service'],
      registers,
    });
    const transitions = new Counter({
      name: 'clusterctl_task_state_transitions_total',
      help: 'Task state changes, by service and the state reached (observed on the leader)',
      labelNames: ['service', 'state'],
      registers,
    });
    this.follow(placement, restarts, transitions);
    this.names = cfg.registry
      .getMetricsAsArray()
      .map((m) => m.name)
      .filter((n) => !before.has(n));
  }

  /** Stops following events and takes this manager's metrics off the registry (a new Manager may register them again). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const name of this.names) this.cfg.registry.removeSingleMetric(name);
  }

  /** Counts from the manager's event stream; only the leader observes, so a cluster counts each once. */
  private follow(placement: Histogram, restarts: Counter, transitions: Counter): void {
    const created = new Map<string, number>();
    /** slot -> state of the last task seen in it */
    const lastInSlot = new Map<string, string>();
    const isLeader = (): boolean => {
      try {
        return this.cfg.raft()?.isLeader() ?? false;
      } catch {
        return false;
      }
    };
    const slotOf = (e: ClusterEvent): string =>
      `${e.attributes['serviceId'] ?? ''}/${e.attributes['slot'] === '0' ? (e.attributes['node'] ?? '') : (e.attributes['slot'] ?? '')}`;
    const onEvent = (e: ClusterEvent): void => {
      if (e.type !== 'task') return;
      const service = e.attributes['service'] ?? '';
      const slot = slotOf(e);
      const leader = isLeader();
      if (e.action === 'create') {
        const before = lastInSlot.get(slot);
        if (leader && (before === 'failed' || before === 'complete' || before === 'rejected'))
          restarts.inc({ service });
        created.set(e.id, e.time);
        lastInSlot.set(slot, e.attributes['state'] ?? 'new');
        return;
      }
      if (e.action === 'remove') {
        created.delete(e.id);
        return;
      }
      if (e.action === 'desired' || e.action === 'health_status') return;
      lastInSlot.set(slot, e.action);
      if (leader) transitions.inc({ service, state: e.action });
      if (e.action === 'assigned') {
        const t0 = created.get(e.id);
        if (t0 !== undefined && leader) placement.observe(Math.max(0, e.time - t0) / 1000);
      }
      if (e.action !== 'pending' && e.action !== 'new') created.delete(e.id);
    };
    const run = async (): Promise<void> => {
      while (!this.stopped) {
        try {
          for await (const item of this.cfg.events.subscribe()) {
            if (this.stopped) return;
            if (item.kind === 'event') onEvent(item.event);
          }
          return;
        } catch (err) {
          if (this.stopped) return;
          this.log.debug({ err }, 'event stream for metrics broke; following again');
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
    };
    void run();
  }
}

/** The part of a spec its tasks are made from (how updates roll out is not part of it). */
function templateOf(spec: Task['spec']): Task['spec'] {
  return { ...spec, update: undefined };
}

/** The dispatcher's figures (agent sessions and heartbeats), read when scraped. */
export function registerDispatcherMetrics(registry: Registry, dispatcher: () => Dispatcher | undefined): void {
  const registers = [registry];
  new Gauge({
    name: 'clusterctl_dispatcher_sessions',
    help: 'Agent sessions this manager holds now (only the leader holds any)',
    registers,
    collect() {
      this.set(dispatcher()?.activeSessions ?? 0);
    },
  });
  const counter = (name: string, help: string, value: (s: DispatcherStats) => number): void => {
    new Counter({
      name,
      help,
      registers,
      collect() {
        const d = dispatcher();
        this.reset();
        if (d !== undefined) this.inc(value(d.stats));
      },
    });
  };
  counter('clusterctl_dispatcher_sessions_opened_total', 'Agent sessions opened on this manager', (s) => s.sessions);
  counter('clusterctl_dispatcher_heartbeats_total', 'Agent heartbeats received by this manager', (s) => s.heartbeats);
  counter(
    'clusterctl_dispatcher_task_status_updates_total',
    'Task status updates from agents applied',
    (s) => s.statusUpdatesApplied,
  );
  counter(
    'clusterctl_dispatcher_nodes_marked_down_total',
    'Nodes this manager marked down for missing heartbeats',
    (s) => s.nodesMarkedDown,
  );
  counter(
    'clusterctl_dispatcher_node_deadlines_widened_total',
    'Late nodes this manager waited longer for because it was overloaded (it stalled, or many nodes were late at once)',
    (s) => s.nodeDeadlinesWidened,
  );
}
