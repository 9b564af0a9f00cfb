// Autolock: the cluster's unlock key is replicated to the managers in the store's kv table (present
// iff autolock is on), so each manager can wrap its own data key with it; the store itself reaches
// disk only inside the raft log, which that data key encrypts (as swarmkit keeps its key-encryption
// key in its raft store). Every manager follows the committed key: wraps its data key file with it,
// rewraps on a rotation, and stores the key unwrapped again when autolock is turned off.

import type { Logger } from '@clusterctl/common';
import { generateUnlockKey } from '@clusterctl/raft-node';
import type { ClusterStore, ReadTx, WriteTx } from '@clusterctl/store';
import type { DataKey } from './data-key.js';

export const KV_UNLOCK_KEY = 'clusterctl/autolock/unlock-key';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The cluster's unlock key; undefined when autolock is off. */
export function readUnlockKey(tx: ReadTx): string | undefined {
  const v = tx.kvGet(KV_UNLOCK_KEY);
  return v === undefined ? undefined : dec.decode(v);
}

/** Turns autolock on with a new unlock key (or rotates it); returns the key. */
export function putNewUnlockKey(tx: WriteTx): string {
  const key = generateUnlockKey();
  tx.kvPut(KV_UNLOCK_KEY, enc.encode(key));
  return key;
}

/** Turns autolock off. */
export function deleteUnlockKey(tx: WriteTx): void {
  if (tx.kvGet(KV_UNLOCK_KEY) !== undefined) tx.kvDelete(KV_UNLOCK_KEY);
}

/**
 * Keeps this manager's data key file wrapped with the cluster's current unlock key (or unwrapped
 * when autolock is off), from the store as applied here.
 */
export class UnlockKeyFollower {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly watcher: ReturnType<ClusterStore['watch']>;

  constructor(
    private readonly store: ClusterStore,
    private readonly dataKey: DataKey,
    private readonly log: Logger,
  ) {
    const w = store.watch({
      table: 'kv',
      filter: (e) => e.type === 'reset' || ('object' in e && e.object.id === KV_UNLOCK_KEY),
    });
    this.watcher = w;
    (async () => {
      for await (const _e of w) void this.sync();
    })().catch((err: unknown) => log.warn({ err }, 'watch of the unlock key ended'));
    void this.sync();
  }

  /** Rewraps the key file for the unlock key applied now; resolves once done (errors are logged). */
  sync(): Promise<void> {
    this.chain = this.chain
      .then(async () => {
        if (this.stopped) return;
        const key = this.store.view((tx) => readUnlockKey(tx));
        if (await this.dataKey.rewrap(key))
          this.log.info(
            { autolock: key !== undefined },
            key === undefined ? 'data key stored unwrapped (autolock off)' : 'data key wrapped with the unlock key',
          );
      })
      .catch((err: unknown) => this.log.error({ err }, 'rewrapping the data key failed; retried at the next change'));
    return this.chain;
  }

  stop(): void {
    this.stopped = true;
    this.watcher.close();
  }
}
