export * from './pki.js';
export * from './csr.js';
export * from './node-tls.js';
export * from './node-credentials.js';
export * from './node-files.js';
export * from './auth.js';
export * from './join-client.js';
export * from './cert-renewal.js';
