export * from './types.js';
export * from './wire.js';
export * from './grpc-transport.js';
