// Test support for other packages' tests and benchmarks (the "./testing" subpath); never used by
// production code.

export {
  KvApi,
  makeKvClient,
  type KvApiConfig,
  type KvClient,
  type KvGetResult,
  type KvStatus,
} from '../kv/testing/kv-client.js';
