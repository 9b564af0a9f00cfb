export * from './args.js';
export * from './control-proxy.js';
export * from './node-daemon.js';
