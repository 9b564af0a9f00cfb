export * from './restart-supervisor.js';
export * from './reconcile.js';
export * from './orchestrator.js';
