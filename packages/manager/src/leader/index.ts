export * from './leader-components.js';
export * from './cluster-hooks.js';
