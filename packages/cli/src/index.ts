export { main, buildProgram, VERSION } from './program.js';
export * from './parse.js';
export * from './render.js';
export * from './exit-codes.js';
export * from './views.js';
export { DaemonClient, type ControlMethods } from './daemon-client.js';
export { buildServiceSpec, type ServiceCreateOptions } from './commands/service-spec.js';
