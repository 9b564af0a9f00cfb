// Encryption at rest of the raft log (record cipher, the log's marker and in-place migration) and
// the manager's data key file (unwrapped, or wrapped by the cluster's unlock key under autolock).
export { RecordCipher, RecordAuthError, DEK_BYTES, sealedBytes } from './record-cipher.js';
export { openAtRest, META_AT_REST, WRONG_DEK_HINT } from './log-at-rest.js';
export {
  UNLOCK_KEY_PREFIX,
  WRONG_UNLOCK_KEY_HINT,
  generateUnlockKey,
  parseUnlockKey,
  wrapDek,
  unwrapDek,
  readDekFile,
  writeDekFile,
  type DekFile,
} from './key-file.js';
