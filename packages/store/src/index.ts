export * from './objects.js';
export * from './proposer.js';
export * from './events.js';
export { Watcher, DEFAULT_WATCH_MAX_BUFFERED, DEFAULT_WATCH_YIELD_EVERY, type WatchOptions } from './watch.js';
export { PENDING_VERSION, type ReadTx, type WriteTx } from './tx.js';
export { ApplyResult, MAX_RECORD_DEPTH } from './state.js';
export {
  ClusterStore,
  STORE_DEFAULTS,
  type ClusterStoreConfig,
  type Batch,
  type BatchResult,
} from './cluster-store.js';
export { ENTRY_FORMAT_V1, SNAPSHOT_FORMAT_V1 } from './codec.js';
export { newId } from './ids.js';
