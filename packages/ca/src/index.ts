export * from './pki.js';
export * from './node-tls.js';
export * from './auth.js';
export * from './tls-material.js';
