// A new leader writes who it is (fenced to its term) so that leader changes are store changes too,
// and so events, like everything else the stream carries, with a cursor every manager agrees on.

import { Backoff, silentLogger, type Logger } from '@clusterctl/common';
import type { ClusterStore } from '@clusterctl/store';
import { LEADER_KV_KEY, type LeaderRecord } from './cluster-event.js';

export interface LeaderRecordConfig {
  store: ClusterStore;
  logger?: Logger;
  nodeId: string;
  raftId: number;
  /** Shown as the event's name. */
  hostname?: string;
  /** The term of this leadership: the write is fenced to it. */
  leaderTerm: number;
}

const enc = new TextEncoder();

/** Writes the leader record (retrying until written or stopped); stop() ends the retries. */
export function recordLeadership(cfg: LeaderRecordConfig): { stop(): Promise<void> } {
  const log = (cfg.logger ?? silentLogger()).child({ component: 'leader-record' });
  let stopped = false;
  let wake: (() => void) | undefined;
  const record: LeaderRecord = {
    nodeId: cfg.nodeId,
    raftId: cfg.raftId,
    term: cfg.leaderTerm,
    ...(cfg.hostname === undefined ? {} : { hostname: cfg.hostname }),
  };
  let timer: NodeJS.Timeout | undefined;
  const value = enc.encode(JSON.stringify(record));
  const run = async (): Promise<void> => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 2_000 });
    while (!stopped) {
      try {
        await cfg.store.update((tx) => tx.kvPut(LEADER_KV_KEY, value), { leaderTerm: cfg.leaderTerm });
        return;
      } catch (err) {
        log.debug({ err }, 'recording the leader failed; retrying');
      }
      await new Promise<void>((r) => {
        wake = r;
        timer = setTimeout(r, backoff.next());
      });
    }
  };
  const done = run().catch((err: unknown) => log.warn({ err }, 'could not record the leader'));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await done;
    },
  };
}
