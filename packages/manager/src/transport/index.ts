export * from './types.js';
export * from './auth.js';
export * from './wire.js';
export * from './grpc-transport.js';
