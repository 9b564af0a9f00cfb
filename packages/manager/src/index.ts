export {};
export * from './raft/index.js';
