export * from './errors.js';
export * from './logger.js';
export * from './grpc-errors.js';
export * from './process-alive.js';
export * from './free-port.js';
export { systemClock, type Clock, type TimerHandle } from './clock.js';
export * from './input-limits.js';
export * from './grpc-receive-limit.js';
export * from './error-format.js';
export * from './durations.js';
export * from './cert-expiry.js';
export * from './data-dir.js';
export * from './heartbeat.js';
export * from './backoff.js';
export * from './async-queue.js';
export * from './data-dir-guard.js';
export * from './cluster-settings.js';
export * from './container-labels.js';
export * from './container-options.js';
export {
  encodeBackup,
  decodeBackup,
  BACKUP_MAGIC,
  BACKUP_FORMAT_VERSION,
  type Backup,
  type BackupHeader,
} from './backup-file.js';
export * from './health-check.js';
export * from './image-ref.js';
