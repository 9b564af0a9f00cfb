export * from './executor/index.js';
export * from './agent/index.js';
export * from './network/index.js';
export { NodeMetrics, NODE_METRICS_DEFAULTS, type NodeMetricsConfig } from './metrics/node-metrics.js';
