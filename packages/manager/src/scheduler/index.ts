export * from './constraints.js';
export * from './node-info.js';
export * from './filters.js';
export * from './placement.js';
export * from './scheduler.js';
