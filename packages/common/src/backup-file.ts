// The cluster backup file (written by a manager, checked by the CLI and the daemon before a restore) (`clusterctl cluster backup FILE`, `clusterctl init --restore FILE`):
//
//   magic      8 bytes  "CCTLBAK\n"
//   header     u32 BE length, then that many bytes of JSON:
//              { formatVersion, clusterId, raftIndex, raftTerm, createdAt (ISO 8601), stateBytes, stateSha256 }
//   state      stateBytes bytes: the store snapshot (services, secrets incl. the CA key, nodes, tasks)
//   checksum   32 bytes: sha256 of everything before it
//
// Any flipped byte fails the final checksum (or the magic, or the header's own checks) and a cut
// file fails the lengths, so a damaged backup is refused as a whole (CORRUPT) before anything is
// written. The state's own digest in the header lets a person check it with standard tools.

import { createHash } from 'node:crypto';
import { ClusterError, ErrorCode } from './errors.js';

export const BACKUP_MAGIC = Buffer.from('CCTLBAK\n', 'latin1');
export const BACKUP_FORMAT_VERSION = 1;
/** A header is a few hundred bytes; anything bigger is damage. */
const MAX_HEADER_BYTES = 64 * 1024;
const SHA256_BYTES = 32;

export interface BackupHeader {
  formatVersion: number;
  clusterId: string;
  /** Raft index and term of the manager's applied state the backup holds. */
  raftIndex: number;
  raftTerm: number;
  /** When the backup was taken (ISO 8601). */
  createdAt: string;
  stateBytes: number;
  /** sha256 of the state, lowercase hex. */
  stateSha256: string;
}

export interface Backup {
  header: BackupHeader;
  /** The store snapshot (ClusterStore.snapshot()). */
  state: Uint8Array;
}

function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

export function encodeBackup(o: {
  clusterId: string;
  raftIndex: number;
  raftTerm: number;
  createdAtMs: number;
  state: Uint8Array;
}): Uint8Array {
  const header: BackupHeader = {
    formatVersion: BACKUP_FORMAT_VERSION,
    clusterId: o.clusterId,
    raftIndex: o.raftIndex,
    raftTerm: o.raftTerm,
    createdAt: new Date(o.createdAtMs).toISOString(),
    stateBytes: o.state.length,
    stateSha256: sha256(o.state).toString('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const body = Buffer.concat([BACKUP_MAGIC, len, json, o.state]);
  return Buffer.concat([body, sha256(body)]);
}

function corrupt(what: string, source: string): ClusterError {
  return new ClusterError(ErrorCode.Corrupt, `${source} is not a usable cluster backup: ${what}`, {
    hint: 'the file is damaged or is not a clusterctl backup (`clusterctl cluster backup FILE` writes one); use another copy of the backup',
  });
}

/** Checks and decodes a backup file; any damage is ClusterError CORRUPT naming `source`. */
export function decodeBackup(bytes: Uint8Array, source = 'the backup'): Backup {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const min = BACKUP_MAGIC.length + 4 + SHA256_BYTES;
  if (b.length < min) throw corrupt(`${b.length} bytes, shorter than any backup`, source);
  if (!b.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw corrupt('no backup signature at its start', source);
  const body = b.subarray(0, b.length - SHA256_BYTES);
  if (!sha256(body).equals(b.subarray(b.length - SHA256_BYTES)))
    throw corrupt('checksum mismatch (the file was changed or cut short)', source);
  const headerLen = b.readUInt32BE(BACKUP_MAGIC.length);
  const headerStart = BACKUP_MAGIC.length + 4;
  if (headerLen > MAX_HEADER_BYTES || headerStart + headerLen > body.length)
    throw corrupt(`header length ${headerLen} out of bounds`, source);
  let header: BackupHeader;
  try {
    header = JSON.parse(body.subarray(headerStart, headerStart + headerLen).toString('utf8')) as BackupHeader;
  } catch {
    throw corrupt('unreadable header', source);
  }
  if (header === null || typeof header !== 'object') throw corrupt('unreadable header', source);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `${source} has backup format ${String(header.formatVersion)}; this clusterctl reads format ${BACKUP_FORMAT_VERSION}`,
      {
        hint: 'restore it with the clusterctl version that wrote it',
      },
    );
  }
  const ok =
    typeof header.clusterId === 'string' &&
    header.clusterId !== '' &&
    Number.isSafeInteger(header.raftIndex) &&
    header.raftIndex > 0 &&
    Number.isSafeInteger(header.raftTerm) &&
    header.raftTerm > 0 &&
    typeof header.createdAt === 'string' &&
    Number.isSafeInteger(header.stateBytes) &&
    typeof header.stateSha256 === 'string';
  if (!ok) throw corrupt('header fields missing or invalid', source);
  const state = body.subarray(headerStart + headerLen);
  if (state.length !== header.stateBytes)
    throw corrupt(`state of ${state.length} bytes, the header says ${header.stateBytes}`, source);
  if (sha256(state).toString('hex') !== header.stateSha256) throw corrupt('state checksum mismatch', source);
  return { header, state: new Uint8Array(state) };
}
