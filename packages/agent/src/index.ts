export * from './executor/index.js';
export * from './agent/index.js';
export * from './network/index.js';
