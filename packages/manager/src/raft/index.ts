export * from './level-storage.js';
export * from './codec.js';
