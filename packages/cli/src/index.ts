export { main, buildProgram, VERSION } from './program.js';
export * from './parse.js';
export * from './render.js';
export * from './exit-codes.js';
export * from './views.js';
