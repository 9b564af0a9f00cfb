// Which directories a node may take as its data dir. `init`, `join` and `start` make the data dir
// owner-only (0700) and write logs into it, so a directory that is someone else's (`--data-dir
// /tmp`, a home directory, a typo) must be refused before anything is written or chmodded: only a
// directory that does not exist yet, an empty one of ours, or one holding nothing but a node's
// files is accepted.

import { readdirSync, statSync } from 'node:fs';
import { DATA_DIR_LAYOUT } from './data-dir.js';
import { ClusterError, ErrorCode } from './errors.js';

/** What the node daemon keeps in its data dir (files, directories, the control socket). */
const DATA_DIR_ENTRIES: readonly string[] = Object.values(DATA_DIR_LAYOUT);
/** Left by an interrupted atomic write of node.json. */
const TEMP_ENTRY_RE = /^node\.json\.tmp-\d+$/;

const MAX_NAMED = 5;
const HINT =
  'give --data-dir (or CLUSTERCTL_DATA_DIR) a directory that does not exist yet, an empty directory of yours, or the data dir of a node; nothing was changed';

/**
 * Throws FAILED_PRECONDITION unless `dir` is absent, an empty directory owned by this user, or a
 * clusterctl data dir; reads only (stat, readdir). Returns whether it exists.
 */
export function checkDataDir(dir: string, uid: number | undefined = process.geteuid?.()): 'absent' | 'present' {
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    if (code === 'EACCES' || code === 'EPERM')
      throw new ClusterError(ErrorCode.PermissionDenied, `cannot access the data dir ${dir}: permission denied`, {
        hint: 'run clusterctl as root (e.g. with sudo), or give --data-dir a directory of yours',
      });
    if (code === 'ENOTDIR')
      throw new ClusterError(
        ErrorCode.FailedPrecondition,
        `${dir} is not a clusterctl data dir: a parent of it is a file`,
        { hint: HINT },
      );
    throw e;
  }
  if (!st.isDirectory())
    throw new ClusterError(ErrorCode.FailedPrecondition, `${dir} is not a clusterctl data dir: it is not a directory`, {
      hint: HINT,
    });
  if (uid !== undefined && uid !== 0 && st.uid === 0) {
    throw new ClusterError(ErrorCode.PermissionDenied, `the data dir ${dir} belongs to root`, {
      hint: 'run clusterctl as root (e.g. with sudo), or give --data-dir a directory of yours',
    });
  }
  if (uid !== undefined && st.uid !== uid) {
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `${dir} is not a clusterctl data dir: it is owned by another user (uid ${st.uid})`,
      { hint: HINT },
    );
  }
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    throw new ClusterError(
      ErrorCode.PermissionDenied,
      `cannot read the data dir ${dir}: ${(e as NodeJS.ErrnoException).code ?? 'failed'}`,
      { hint: 'run clusterctl as root (e.g. with sudo)', cause: e },
    );
  }
  const foreign = entries.filter((n) => !DATA_DIR_ENTRIES.includes(n) && !TEMP_ENTRY_RE.test(n)).sort();
  if (foreign.length > 0) {
    const named =
      foreign
        .slice(0, MAX_NAMED)
        .map((n) => JSON.stringify(n.slice(0, 64)))
        .join(', ') + (foreign.length > MAX_NAMED ? `, ... ${foreign.length - MAX_NAMED} more` : '');
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `${dir} is not a clusterctl data dir: it holds other files (${named})`,
      { hint: HINT },
    );
  }
  return 'present';
}
