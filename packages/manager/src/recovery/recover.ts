// Disaster recovery of a manager's data dir, done offline (its daemon stopped) before the manager
// starts as the only member of a cluster:
//
//   forceNewCluster  quorum lost for good: the survivor's own applied state becomes a cluster of
//                    one (same cluster id, CA, node id and certificate), the other managers are
//                    removed from the node list and raft membership. Refused while the old quorum
//                    can still be formed (a majority of the stored members, this one included,
//                    answers).
//   restoreBackup    a backup file becomes a cluster of one on an empty data dir: same cluster id,
//                    CA, services, secrets and workers; this manager is a new node; the managers
//                    of the backup are removed.
//
// Both write a new raft log that starts at a snapshot of the edited state (seedRaftLog) and leave
// the data dir for Manager.restart(). The old log is replaced only once the new one is durable.

import { rename, rm, stat } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import {
  ClusterError,
  dataPaths,
  decodeBackup,
  ErrorCode,
  silentLogger,
  type BackupHeader,
  type Logger,
} from '@clusterctl/common';
import {
  certificateDigest,
  issueNodeCertificate,
  readNodeFile,
  readNodeTls,
  writeNodeFile,
  writeNodeTls,
  type NodeFile,
  type NodeTls,
} from '@clusterctl/ca';
import { ClusterStore, DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_SETTINGS, newId } from '@clusterctl/store';
import { readAppliedState, seedRaftLog, type RecordCipher } from '@clusterctl/raft-node';
import { DataKey } from '../at-rest/data-key.js';
import { KV_CA_KEY, readSecret } from '../ca/cluster-secrets.js';
import { newRaftId } from '../ca/node-ca-service.js';
import { managerStatusAt } from '../membership/removal-probe.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** How long each old member is given to answer the quorum probe. */
export const QUORUM_PROBE_TIMEOUT_MS = 3_000;

export interface RemovedManager {
  nodeId: string;
  hostname: string;
  raftId: number;
}

export interface RecoveryResult {
  nodeId: string;
  raftId: number;
  clusterId: string;
  /** Raft index the new log starts at. */
  index: number;
  removedManagers: RemovedManager[];
}

/** A store edited in memory: its writes are applied at once at the next indexes. */
function offlineStore(logger: Logger): { store: ClusterStore; index: () => number } {
  const store = new ClusterStore({ logger });
  let index = 0;
  store.setProposer({
    propose: (data) => Promise.resolve(store.apply(data, (index = Math.max(index, store.version) + 1))),
    readBarrier: () => Promise.resolve(),
  });
  return { store, index: () => Math.max(index, store.version) };
}

/** Deletes every manager node record but `keepNodeId`'s; returns what it removed. */
async function removeOtherManagers(store: ClusterStore, keepNodeId: string): Promise<RemovedManager[]> {
  return store.update((tx) => {
    const gone: RemovedManager[] = [];
    for (const n of tx.list('nodes')) {
      if (n.id === keepNodeId || (n.role !== 'manager' && n.managerStatus === undefined)) continue;
      gone.push({ nodeId: n.id, hostname: n.hostname, raftId: n.managerStatus?.raftId ?? 0 });
      tx.delete('nodes', n);
    }
    return gone;
  });
}

/** Writes the new log beside the old one, then swaps them (the old one goes only once the new one is durable). */
async function replaceRaftLog(
  dataDir: string,
  seed: Parameters<typeof seedRaftLog>[1],
  logger: Logger,
  cipher: RecordCipher,
): Promise<void> {
  const { raftDir, raftNewDir: next, raftOldDir: old } = dataPaths(dataDir);
  await rm(next, { recursive: true, force: true });
  await seedRaftLog(next, seed, logger, cipher);
  if (await exists(raftDir)) {
    await rm(old, { recursive: true, force: true });
    await rename(raftDir, old);
  }
  await rename(next, raftDir);
  await rm(old, { recursive: true, force: true });
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * A raft log left half-swapped by a crash of an earlier forceNewCluster (the old one moved aside,
 * the new one complete but not yet in place) is put in place.
 */
async function finishInterruptedSwap(dataDir: string): Promise<void> {
  const { raftDir, raftNewDir, raftOldDir } = dataPaths(dataDir);
  if (!(await exists(raftDir)) && (await exists(raftNewDir)) && (await exists(raftOldDir))) {
    await rename(raftNewDir, raftDir);
    await rm(raftOldDir, { recursive: true, force: true });
  }
}

/**
 * Refuses while the old cluster can still work: some member reports a leader, or this manager and
 * the members that answer make a majority of the voters (starting this manager normally would then
 * bring the cluster back, with nothing lost).
 */
async function refuseReachableQuorum(
  self: number,
  voters: { id: number; addr: string }[],
  tls: NodeTls,
  clusterId: string,
  timeoutMs: number,
  log: Logger,
): Promise<void> {
  const others = voters.filter((v) => v.id !== self);
  const answers = await Promise.all(
    others.map(async (v) => ({
      ...v,
      status: v.addr === '' ? undefined : await managerStatusAt(v.addr, tls, clusterId, timeoutMs),
    })),
  );
  const answering = answers.filter((a) => a.status !== undefined);
  const withLeader = answering.filter((a) => Number(a.status!.leader) !== 0);
  const quorum = Math.floor(voters.length / 2) + 1;
  log.info(
    { voters: voters.length, answering: answering.map((a) => a.addr), withLeader: withLeader.map((a) => a.addr) },
    'force new cluster: probed the old members',
  );
  if (withLeader.length > 0 || answering.length + 1 >= quorum) {
    const who = answering.map((a) => a.addr).join(', ');
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `the old cluster is still reachable: ${answering.length + 1} of ${voters.length} managers answer (${who === '' ? 'this one' : `this one and ${who}`})${withLeader.length > 0 ? ', and it has a leader' : ''}; forcing a new cluster now would split it`,
      {
        hint:
          withLeader.length > 0
            ? 'the cluster is alive: start this manager normally (`clusterctl start`) and it rejoins; to shrink the cluster, demote and remove managers instead'
            : 'a majority can still be formed: start this manager normally (`clusterctl start`) and the cluster comes back with nothing lost; force a new cluster only when the others are gone for good',
        details: { reason: 'QUORUM_REACHABLE', voters: voters.length, answering: answering.map((a) => a.addr) },
      },
    );
  }
}

export interface ForceNewClusterOptions {
  dataDir: string;
  logger?: Logger;
  /** Per old member (tests shorten it). */
  probeTimeoutMs?: number;
  /** The cluster's unlock key, when this manager's data key is wrapped (autolock). */
  unlockKey?: string;
}

/**
 * Turns the stopped manager of `dataDir` into the only manager of its cluster, keeping its applied
 * state. See the file comment.
 */
export async function forceNewCluster(o: ForceNewClusterOptions): Promise<RecoveryResult> {
  const log = (o.logger ?? silentLogger()).child({ component: 'force-new-cluster' });
  const file = await readNodeFile(o.dataDir);
  if (file.role !== 'manager' || !(file.raftId > 0)) {
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `node ${file.nodeId} is a worker: only a manager holds the cluster state`,
      {
        hint: 'run `clusterctl init --force-new-cluster` on the data dir of a surviving manager',
      },
    );
  }
  const tls = await readNodeTls(o.dataDir);
  await finishInterruptedSwap(o.dataDir);
  const { store, index } = offlineStore(log);
  const dataKey = await DataKey.load(o.dataDir, o.unlockKey);
  const applied = await readAppliedState(dataPaths(o.dataDir).raftDir, file.raftId, store, log, dataKey.cipher());
  const voters = applied.members.filter((m) => !m.learner).map((m) => ({ id: m.id, addr: dec.decode(m.context) }));
  await refuseReachableQuorum(
    file.raftId,
    voters,
    tls,
    file.clusterId,
    o.probeTimeoutMs ?? QUORUM_PROBE_TIMEOUT_MS,
    log,
  );

  const removed = await removeOtherManagers(store, file.nodeId);
  const self = store.view((tx) => tx.get('nodes', file.nodeId));
  if (self === undefined) {
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `this manager (${file.nodeId}) has no node record in its applied state`,
      {
        hint: 'it never caught up with the cluster it joined; force a new cluster from another survivor, or restore a backup',
      },
    );
  }
  await store.update((tx) => {
    const n = tx.get('nodes', file.nodeId)!;
    tx.update('nodes', { ...n, role: 'manager', managerStatus: { raftId: file.raftId, addr: file.advertiseAddr } });
  });
  // The new log continues the old numbering, so object versions keep growing.
  const at = Math.max(index(), applied.index);
  await replaceRaftLog(
    o.dataDir,
    {
      id: file.raftId,
      context: enc.encode(file.advertiseAddr),
      index: at,
      term: applied.term,
      appSnapshot: store.snapshot(),
    },
    log,
    dataKey.cipher(),
  );
  await writeNodeFile(o.dataDir, { ...file, managerAddrs: [file.advertiseAddr].filter(Boolean) });
  log.warn({ clusterId: file.clusterId, index: at, removed }, 'forced a new cluster: this manager is its only member');
  return { nodeId: file.nodeId, raftId: file.raftId, clusterId: file.clusterId, index: at, removedManagers: removed };
}

export interface RestoreBackupOptions {
  dataDir: string;
  /** The backup file's bytes (decoded and checked here: CORRUPT before anything is written). */
  backup: Uint8Array;
  /** Where it came from (for messages). */
  source?: string;
  /** host:port with a concrete port. */
  listenAddr: string;
  /** host:port other nodes reach this manager on (concrete). */
  advertiseAddr: string;
  hostname?: string;
  logger?: Logger;
}

/** Starts a new cluster of one from a backup in an empty data dir. See the file comment. */
export async function restoreBackup(o: RestoreBackupOptions): Promise<RecoveryResult & { header: BackupHeader }> {
  const log = (o.logger ?? silentLogger()).child({ component: 'restore' });
  const { header, state } = decodeBackup(o.backup, o.source);
  const { store, index } = offlineStore(log);
  try {
    store.restore(state);
  } catch (e) {
    throw new ClusterError(
      ErrorCode.Corrupt,
      `${o.source ?? 'the backup'} holds a state the store cannot read: ${e instanceof Error ? e.message : String(e)}`,
      { hint: 'use another copy of the backup', cause: e },
    );
  }
  const cluster = store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID));
  if (cluster === undefined)
    throw new ClusterError(ErrorCode.Corrupt, `${o.source ?? 'the backup'} holds no cluster record`, {
      hint: 'use another backup',
    });
  if (cluster.rootCaCertPem === undefined)
    throw new ClusterError(ErrorCode.Corrupt, `${o.source ?? 'the backup'} holds no root CA certificate`, {
      hint: 'use another backup',
    });
  const caKeyPem = store.view((tx) => readSecret(tx, KV_CA_KEY));
  const ca = { certPem: cluster.rootCaCertPem, keyPem: caKeyPem, digest: certificateDigest(cluster.rootCaCertPem) };
  const settings = cluster.settings ?? DEFAULT_CLUSTER_SETTINGS;
  const taken = new Set(
    store.view((tx) => tx.list('nodes').flatMap((n) => (n.managerStatus ? [n.managerStatus.raftId] : []))),
  );
  const nodeId = newId();
  const raftId = newRaftId(taken);
  const hostname = o.hostname ?? osHostname();
  const cert = await issueNodeCertificate(ca, {
    nodeId,
    role: 'manager',
    clusterId: header.clusterId,
    validityMs: settings.nodeCertExpiryMs,
  });
  const removed = await removeOtherManagers(store, nodeId);
  const record = {
    id: nodeId,
    hostname,
    role: 'manager' as const,
    availability: 'active' as const,
    status: {
      state: 'unknown' as const,
      message: 'restored from a backup; waiting for its agent',
      timestamp: Date.now(),
    },
    addr: o.advertiseAddr.replace(/:\d+$/, ''),
    labels: {},
    resources: { nanoCpus: 0, memoryBytes: 0 },
    engineLabels: {},
    managerStatus: { raftId, addr: o.advertiseAddr },
  };
  await store.update((tx) => {
    tx.create('nodes', record);
  });
  // The new log continues the backup's numbering, so object versions keep growing.
  const at = Math.max(index(), header.raftIndex);
  await seedRaftLog(
    dataPaths(o.dataDir).raftDir,
    {
      id: raftId,
      context: enc.encode(o.advertiseAddr),
      index: at,
      term: header.raftTerm,
      appSnapshot: store.snapshot(),
    },
    log,
    (await DataKey.create(o.dataDir)).cipher(),
  );
  await writeNodeTls(o.dataDir, { caPem: ca.certPem, certPem: cert.certPem, keyPem: cert.keyPem });
  const file: NodeFile = {
    nodeId,
    role: 'manager',
    clusterId: header.clusterId,
    raftId,
    listenAddr: o.listenAddr,
    advertiseAddr: o.advertiseAddr,
    managerAddrs: [o.advertiseAddr],
    hostname,
  };
  // node.json last: a data dir without it was never a complete node.
  await writeNodeFile(o.dataDir, file);
  log.warn(
    { clusterId: header.clusterId, backupIndex: header.raftIndex, backupTime: header.createdAt, removed },
    'restored a cluster from a backup: this manager is its only member',
  );
  return { nodeId, raftId, clusterId: header.clusterId, index: at, removedManagers: removed, header };
}
