// Test support for raft and the packages built on it (the "@clusterctl/raft/testing" subpath;
// not part of the production API): the in-memory network, and single-node helpers.
export * from './network.js';
export * from './helpers.js';
