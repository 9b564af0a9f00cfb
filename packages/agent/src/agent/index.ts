export { Agent, type AgentConfig, type AgentImagesConfig, type AgentStatus } from './agent.js';
export { AssignmentStore, ASSIGNMENTS_FILE, type AssignmentsSnapshot, type StoredTask } from './assignment-store.js';
export { BACKOFF_DEFAULTS, reconnectBackoff, type BackoffConfig } from './backoff.js';
export { LogPublisher } from './log-publisher.js';
export {
  dialManager,
  managerChannelOptions,
  MANAGER_CHANNEL_DEFAULTS,
  type ManagerChannelConfig,
} from './manager-channel.js';
export {
  DispatcherSession,
  SESSION_DEFAULTS,
  type DispatcherClient,
  type SessionConfig,
  type SessionState,
  type SessionUp,
} from './session.js';
export { StatusReporter } from './status-reporter.js';
export * from './task-model.js';
export { TaskRunner } from './task-runner.js';
export { Worker, WORKER_DEFAULTS, type Assignment, type WorkerConfig } from './worker.js';
