export * from './dispatcher.js';
export * from './dispatcher-service.js';
export * from './log-broker.js';
export * from './assignment-filter.js';
