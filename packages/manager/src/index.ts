// @clusterctl/manager: a manager node (raft node + cluster store + its gRPC services) and the
// leader's logic (orchestrator, scheduler, dispatcher). The consensus layer is @clusterctl/raft-node.

export {
  Manager,
  resolveAddr,
  type ManagerHooks,
  type ManagerCommonOptions,
  type ManagerInitOptions,
  type ManagerJoinOptions,
  type ManagerRestartOptions,
  type LeaderComponentDeps,
  type LeaderComponents,
  type LeaderComponentsFactory,
  type DispatcherServiceDeps,
} from './manager.js';
export { createClusterHooks, type ClusterHooks, type ClusterHooksOptions } from './leader/cluster-hooks.js';
export {
  startLeaderComponents,
  type LeaderComponentsConfig,
  type RunningLeaderComponents,
} from './leader/leader-components.js';
export {
  Orchestrator,
  ORCHESTRATOR_DEFAULTS,
  type OrchestratorConfig,
  type OrchestratorStats,
} from './orchestrator/orchestrator.js';
export { RESTART_DEFAULTS, type RestartConfig } from './orchestrator/restart-supervisor.js';
export { Scheduler, SCHEDULER_DEFAULTS, type SchedulerConfig, type SchedulerStats } from './scheduler/scheduler.js';
export {
  Dispatcher,
  DISPATCHER_DEFAULTS,
  type DispatcherConfig,
  type DispatcherStats,
} from './dispatcher/dispatcher.js';
export { createDispatcherService } from './dispatcher/dispatcher-service.js';
export { agentLeaderLossMs } from './dispatcher/nodes.js';
export type { StatusReport } from './dispatcher/task-status.js';
export { kvServiceImplementation, RESERVED_KEY_PREFIX, type KvServiceDeps } from './kv/kv-service.js';
export {
  forceNewCluster,
  restoreBackup,
  QUORUM_PROBE_TIMEOUT_MS,
  type ForceNewClusterOptions,
  type RestoreBackupOptions,
  type RecoveryResult,
  type RemovedManager,
} from './recovery/recover.js';
// encryption at rest and autolock: this manager's data key (the daemon checks an unlock key with it)
export { DataKey, lockedError } from './at-rest/data-key.js';
// networking: the cluster network's settings (checked by the node daemon at init)
export {
  checkPoolsAgainstHost,
  validateClusterNetwork,
  DATA_PATH_BACKENDS,
  type HostNetwork,
} from './network/settings.js';
export {
  EventLog,
  EVENT_LOG_DEFAULTS,
  eventsGapError,
  type EventLogConfig,
  type EventLogItem,
  type SubscribeOptions,
  type Subscription,
} from './events/event-log.js';
export {
  deriveEvents,
  compareCursor,
  EVENT_TYPES,
  END_OF_INDEX_SEQ,
  type ClusterEvent,
  type EventCursor,
  type EventType,
} from './events/cluster-event.js';
export { eventMatcher, parseEventFilters, EVENT_FILTER_KEYS, type EventFilters } from './events/event-filter.js';
export { ManagerMetrics, registerDispatcherMetrics, unplaceableReasons } from './metrics/manager-metrics.js';
