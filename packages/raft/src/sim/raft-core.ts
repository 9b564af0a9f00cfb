// The simulator's binding to this package's raft implementation.
import { MemoryStorage, RawNode } from '../index.js';
import type { RaftCore } from './simulator.js';

export const raftCore: RaftCore = {
  newRawNode: (config) => new RawNode(config),
  newStorage: () => new MemoryStorage(),
  bootstrapStorage: (voters) => MemoryStorage.bootstrap(voters),
};
