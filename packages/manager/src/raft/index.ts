export * from './codec.js';
export * from './level-storage.js';
export * from './transport.js';
export * from './local-network.js';
export * from './raft-node.js';
