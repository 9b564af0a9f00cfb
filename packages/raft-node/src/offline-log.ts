// Offline operations on a raft log whose node is not running, for disaster recovery:
//  - readAppliedState: the state machine as of everything committed in the local log (snapshot,
//    then the committed entries, through the driver's own apply path), with its index, term and
//    the member table;
//  - seedRaftLog: a brand-new log that starts at a snapshot of given state, with one voter. It is
//    how a survivor becomes a single-manager cluster (force new cluster) and how a backup becomes
//    a cluster again (restore): the old log is never edited in place.

import { ClusterError, ErrorCode, silentLogger, type Logger } from '@clusterctl/common';
import type { NodeId } from '@clusterctl/raft';
import { LevelStorage } from './level-storage.js';
import type { RecordCipher } from './at-rest/index.js';
import { RaftNode } from './raft-node.js';
import { ReplicatedMeta, type Member } from './replicated-meta.js';
import type { StateMachine } from './state-machine.js';

export interface AppliedState {
  /** Index of the last applied (= committed in the local log) entry. */
  index: number;
  /** The node's current raft term. */
  term: number;
  /** Voters and learners as of `index`, with their contexts (addresses). */
  members: Member[];
}

/** An election timeout no clock reaches while the log is read: the node never campaigns. */
const NEVER_ELECT_TICKS = 1_000_000_000;

/**
 * Replays the raft log in `dir` into `sm` (a fresh state machine): its snapshot, then every entry
 * the log knows as committed. Nothing is sent (no transport) and nothing new is appended. The log
 * must not be open elsewhere (LEVEL_LOCKED otherwise).
 */
export async function readAppliedState(
  dir: string,
  id: NodeId,
  sm: StateMachine,
  logger: Logger = silentLogger(),
  cipher?: RecordCipher,
): Promise<AppliedState> {
  const probe = await LevelStorage.open(dir, { logger, ...(cipher === undefined ? {} : { cipher }) });
  const empty = probe.isEmpty();
  await probe.close();
  if (empty) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `${dir} holds no raft log`, {
      hint: 'this is not the data dir of a manager that was part of a cluster',
    });
  }
  const node = await RaftNode.start({
    id,
    dataDir: dir,
    stateMachine: sm,
    transport: { send: () => undefined },
    logger,
    ...(cipher === undefined ? {} : { cipher }),
    electionTick: NEVER_ELECT_TICKS,
    tickMs: 60_000,
  });
  try {
    const st = node.status();
    return { index: st.appliedIndex, term: st.term, members: node.members() };
  } finally {
    await node.stop();
  }
}

export interface SeedOptions {
  /** The only voter of the new log. */
  id: NodeId;
  /** Its member context (address). */
  context: Uint8Array;
  /** Index and term the log starts at (the snapshot's). */
  index: number;
  term: number;
  /** The state machine's snapshot bytes (StateMachine.snapshot()). */
  appSnapshot: Uint8Array;
}

/**
 * Writes a new raft log in `dir` (which must hold none) starting at a snapshot of `appSnapshot` at
 * `index`/`term`, with `id` as its single voter, fsynced. RaftNode.start on it is a restart.
 */
export async function seedRaftLog(
  dir: string,
  o: SeedOptions,
  logger: Logger = silentLogger(),
  cipher?: RecordCipher,
): Promise<void> {
  if (!Number.isSafeInteger(o.id) || o.id <= 0) throw new Error(`invalid raft id ${o.id}`);
  if (!Number.isSafeInteger(o.index) || o.index <= 0 || !Number.isSafeInteger(o.term) || o.term <= 0)
    throw new Error(`invalid snapshot position ${o.index}/${o.term}`);
  const storage = await LevelStorage.open(dir, { logger, ...(cipher === undefined ? {} : { cipher }) });
  try {
    if (!storage.isEmpty()) {
      throw new ClusterError(ErrorCode.FailedPrecondition, `${dir} already holds a raft log`, {
        hint: 'a new log is only written into an empty directory',
      });
    }
    const meta = new ReplicatedMeta();
    meta.members.set(o.id, { id: o.id, learner: false, context: o.context });
    const confState = { voters: [o.id], learners: [] };
    await storage.save({
      entries: [],
      hardState: { term: o.term, vote: 0, commit: o.index },
      snapshot: { metadata: { index: o.index, term: o.term, confState }, data: meta.encode(o.appSnapshot) },
      mustSync: true,
    });
  } finally {
    await storage.close();
  }
}
