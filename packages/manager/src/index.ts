export {};
export * from './raft/index.js';
export * from './manager.js';
export { joinCluster, fetchRootCa, renewCertificate, nodeChannelCredentials, NODE_CHANNEL_OPTIONS, TLS_SERVER_NAME, type JoinResult } from './ca/join-client.js';
export { readNodeFile, writeNodeFile, readNodeTls, writeNodeTls, type NodeFile, type NodeTls } from './ca/node-files.js';
export { createKeyAndCsr, createCsrForKey } from './ca/csr.js';
