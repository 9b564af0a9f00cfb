export * from './lab.js';
export * from './docker.js';
