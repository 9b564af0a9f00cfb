// Test support for RaftNode and the gRPC transport (the "./testing" subpath; never used by
// production code): an in-process network, a cluster of RaftNodes over it, test PKI and messages.

export { LocalNetwork, LocalTransport } from './local-network.js';
export { TestCluster, ListStateMachine } from './test-cluster.js';
export { makeTestPki, RecordingHandler, appMessage, heartbeat, unusedPort, type TestPki } from './grpc-fixtures.js';
