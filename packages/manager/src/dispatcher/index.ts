export * from './dispatcher.js';
export * from './dispatcher-service.js';
export * from './nodes.js';
export * from './assignments.js';
export * from './task-status.js';
export * from './log-broker.js';
export * from './assignment-filter.js';
