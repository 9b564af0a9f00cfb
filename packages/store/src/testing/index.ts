// Test support for the store and its users (the "@clusterctl/store/testing" subpath; not part of
// the production API): a proposer that applies locally, and record fixtures.
export { LocalProposer, noLeaderError, type LocalProposerOptions } from './local-proposer.js';
export * as fixtures from './fixtures.js';
