// @clusterctl/raft-node: the raft driver (RaftNode), its durable log (LevelDB + write-ahead file)
// and the gRPC transport between managers. Test support is the "./testing" subpath.

export {
  RaftNode,
  RAFT_NODE_DEFAULTS,
  type RaftNodeConfig,
  type RaftObserver,
  type RaftNodeStatus,
  type StartOptions,
  type BootstrapPeer,
  type MembershipEvent,
} from './raft-node.js';
export type { Proposer, ProposeOptions, StateMachine } from './state-machine.js';
export type { Transport, RaftMessageSink } from './transport.js';
export type { Member } from './replicated-meta.js';
export { readAppliedState, seedRaftLog, type AppliedState, type SeedOptions } from './offline-log.js';
export { LevelStorage, DEFAULT_WAL_BYTES, type LevelStorageOptions, type LevelStorageStats } from './level-storage.js';
// Encryption at rest (the raft log's record cipher, the manager's data key file, unlock keys).
export {
  RecordCipher,
  RecordAuthError,
  DEK_BYTES,
  UNLOCK_KEY_PREFIX,
  WRONG_UNLOCK_KEY_HINT,
  generateUnlockKey,
  parseUnlockKey,
  readDekFile,
  writeDekFile,
  unwrapDek,
  type DekFile,
} from './at-rest/index.js';
export { GrpcRaftTransport, GRPC_TRANSPORT_DEFAULTS, type GrpcRaftTransportConfig } from './grpc/grpc-transport.js';
export type { TransportHandler } from './grpc/types.js';
