export * from './executor/index.js';
export * from './agent/index.js';
export * from './network/index.js';
export { NodeMetrics, NODE_METRICS_DEFAULTS, type NodeMetricsConfig } from './metrics/node-metrics.js';
export {
  ImageFetcher,
  ImageMismatchError,
  IMAGE_FETCHER_DEFAULTS,
  type ImageFetcherConfig,
  type ImageSource,
  type ImageTransport,
  type ImageChunkMessage,
  type ImageProgress,
} from './images/image-fetcher.js';
export { ImageServer, IMAGE_SERVER_DEFAULTS, rechunk } from './images/image-server.js';
export { ImagePreparer, pinMismatch } from './images/image-preparer.js';
export { ImageInventory, inventoryOf } from './images/inventory.js';
