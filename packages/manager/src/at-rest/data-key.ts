// This manager's raft data encryption key (DEK): loaded (or made) before raft starts, handed to the
// raft log as its record cipher, and rewrapped when the cluster's autolock setting or unlock key
// changes. The key file format and the cryptography are @clusterctl/raft-node's (at-rest/).

import { ClusterError, dataPaths, ErrorCode } from '@clusterctl/common';
import { RecordCipher, readDekFile, unwrapDek, writeDekFile } from '@clusterctl/raft-node';

/** What a locked manager answers to everything but `clusterctl unlock`. */
export function lockedError(): ClusterError {
  return new ClusterError(ErrorCode.Locked, 'this manager is locked (autolock)', {
    hint: 'run `clusterctl unlock` on this node and give the unlock key (`clusterctl cluster unlock-key` on an unlocked manager shows it)',
  });
}

export class DataKey {
  private constructor(
    readonly path: string,
    private readonly dek: Buffer,
    /** The unlock key the file is wrapped with; undefined: stored unwrapped. */
    private wrappedWith: string | undefined,
  ) {}

  /** True when the data dir's key file is wrapped: the manager cannot start without the unlock key. */
  static async isLocked(dataDir: string): Promise<boolean> {
    return (await readDekFile(dataPaths(dataDir).raftDekFile))?.kind === 'wrapped';
  }

  /**
   * The data dir's key: unwrapped with `unlockKey` when the file is wrapped (LOCKED without one,
   * INVALID_UNLOCK_KEY with a wrong one); a new key, stored unwrapped, when there is none yet (a new
   * manager, or one whose raft log was written before encryption at rest: the log encrypts itself).
   */
  static async load(dataDir: string, unlockKey?: string): Promise<DataKey> {
    const path = dataPaths(dataDir).raftDekFile;
    const f = await readDekFile(path);
    if (f === undefined) {
      const dek = RecordCipher.generateKey();
      await writeDekFile(path, dek);
      return new DataKey(path, dek, undefined);
    }
    if (f.kind === 'plain') return new DataKey(path, f.dek, undefined);
    if (unlockKey === undefined) throw lockedError();
    return new DataKey(path, unwrapDek(f, unlockKey), unlockKey);
  }

  /**
   * A new key for a raft log about to be created (a new cluster, a joining or promoted manager, a
   * restore), replacing any key file left from an earlier log of this data dir.
   */
  static async create(dataDir: string): Promise<DataKey> {
    const path = dataPaths(dataDir).raftDekFile;
    const dek = RecordCipher.generateKey();
    await writeDekFile(path, dek);
    return new DataKey(path, dek, undefined);
  }

  cipher(): RecordCipher {
    return new RecordCipher(this.dek);
  }

  /** Stores the key wrapped by `unlockKey`, or unwrapped (undefined); nothing when already so. */
  async rewrap(unlockKey: string | undefined): Promise<boolean> {
    if (unlockKey === this.wrappedWith) return false;
    await writeDekFile(this.path, this.dek, unlockKey);
    this.wrappedWith = unlockKey;
    return true;
  }
}
