export * from './errors.js';
export * from './logger.js';
export * from './grpc-errors.js';
export * from './process-alive.js';
export * from './free-port.js';
export { systemClock, type Clock, type TimerHandle } from './clock.js';
export * from './input-limits.js';
export * from './grpc-receive-limit.js';
