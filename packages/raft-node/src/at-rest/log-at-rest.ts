// The raft log's at-rest state, checked (and, for a log written before encryption, established) at
// open, after the write-ahead records were replayed and before anything is read.
//
// A marker record says the log is encrypted; its value is a known text sealed under the data key,
// so opening it tells a wrong key apart from damage. A log without the marker opened with a key is
// encrypted in place: every value resealed in one synced batch with the marker, the write-ahead
// files zeroed, and LevelDB compacted so no table or LevelDB log file keeps a plaintext value.

import type { ClassicLevel } from 'classic-level';
import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import type { Wal } from '../wal.js';
import { RecordAuthError, type RecordCipher } from './record-cipher.js';

export const META_AT_REST = Buffer.from('meta/atRest');
const MARKER_TEXT = Buffer.from('clusterctl raft log, encrypted at rest');

/** Hint for an encrypted log opened with a key that does not open it. */
export const WRONG_DEK_HINT =
  "this manager's data key file does not belong to its raft log (a key file restored or copied from another manager?): put back the key file that was in this data dir, or remove this manager from the cluster and join it again with an empty data dir";

export async function openAtRest(
  db: ClassicLevel<Buffer, Buffer>,
  wals: readonly Wal[],
  cipher: RecordCipher | undefined,
  dir: string,
  log: Logger,
): Promise<void> {
  const marker = await db.get(META_AT_REST);
  if (marker !== undefined) {
    if (cipher === undefined) {
      throw new ClusterError(
        ErrorCode.FailedPrecondition,
        `the raft log in ${dir} is encrypted and no data key was given`,
        {
          hint: "open it with the manager's data key (the daemon reads it from the data dir's tls/ folder)",
          details: { dir },
        },
      );
    }
    try {
      cipher.open(META_AT_REST, marker);
    } catch (err) {
      if (!(err instanceof RecordAuthError)) throw err;
      throw new ClusterError(ErrorCode.FailedPrecondition, `the data key does not open the raft log in ${dir}`, {
        hint: WRONG_DEK_HINT,
        details: { dir },
      });
    }
    return;
  }
  if (cipher === undefined) return;
  const batch = db.batch();
  let records = 0;
  for await (const [k, v] of db.iterator()) {
    batch.put(k, cipher.seal(k, v));
    records++;
  }
  batch.put(META_AT_REST, cipher.seal(META_AT_REST, MARKER_TEXT));
  await batch.write({ sync: true });
  if (records > 0) {
    for (const wal of wals) await wal.wipe();
    await db.compactRange(Buffer.alloc(0), Buffer.alloc(64, 0xff));
    log.info({ dir, records }, 'raft log: encrypted in place (it was written before encryption at rest)');
  }
}
