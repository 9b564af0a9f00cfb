// What a manager node is before it runs: the identity and first state that Manager.init (a new
// cluster), Manager.join (admitted by NodeCA.Join) and Manager.restart (the data dir) start from.
// Kept apart from manager.ts, which runs the node (listener, raft, leadership).

import { putNewUnlockKey } from './at-rest/autolock.js';
import { readdir } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { CLUSTER_SETTINGS_LIMITS, ClusterError, dataPaths, ErrorCode } from '@clusterctl/common';
import {
  createClusterCa,
  issueNodeCertificate,
  newJoinTokenSecret,
  readNodeFile,
  readNodeTls,
  writeNodeTls,
  type ClusterCa,
  type JoinResult,
  type NodeFile,
  type NodeTls,
} from '@clusterctl/ca';
import {
  DEFAULT_CLUSTER_ID,
  DEFAULT_CLUSTER_SETTINGS,
  newId,
  type ClusterNetworkSettings,
  type ClusterSettings,
  type ClusterStore,
} from '@clusterctl/store';
import { allocateNodeSubnet, defaultNetwork } from './network/allocator.js';
import { validateClusterNetwork } from './network/settings.js';
import { KV_CA_KEY, kvTokenSecretKey, putSecret, tokenSecretDigest } from './ca/cluster-secrets.js';
import { newRaftId } from './ca/node-ca-service.js';

/** A node's starting point: its node.json contents and its TLS material. */
export interface NodeStart {
  file: NodeFile;
  tls: NodeTls;
}

/** What `clusterctl init` chooses for a new cluster and its first manager. */
export interface NewClusterOptions {
  /** host:port; port 0 picks a free port (the advertised address then uses the bound port). */
  listenAddr: string;
  /** host:port other nodes reach this manager on; default listenAddr (with the bound port). */
  advertiseAddr?: string;
  hostname?: string;
  heartbeatPeriodMs?: number;
  nodeGraceMs?: number;
  /** Lifetime of node certificates (cluster setting; default 90 days). The caller enforces its floor. */
  nodeCertExpiryMs?: number;
  /** Networking: address pools, data-path backend and port (defaults: DEFAULT_CLUSTER_NETWORK). */
  network?: Partial<ClusterNetworkSettings>;
  /** Autolock from the start: the managers' data keys are wrapped by a new unlock key. */
  autolock?: boolean;
}

/**
 * A new cluster: cluster, node and raft ids, the root CA and this first manager's certificate
 * (written to tls/; node.json is written once the cluster records are in the store).
 */
export async function newCluster(o: NewClusterOptions & { dataDir: string }): Promise<{
  file: NodeFile & { hostname: string };
  tls: NodeTls;
  settings: ClusterSettings;
  network: ClusterNetworkSettings;
  ca: ClusterCa;
}> {
  await requireNoRaftLog(o.dataDir);
  const network = validateClusterNetwork(o.network ?? {});
  const settings: ClusterSettings = {
    ...DEFAULT_CLUSTER_SETTINGS,
    ...(o.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: o.heartbeatPeriodMs }),
    ...(o.nodeGraceMs === undefined ? {} : { nodeGraceMs: o.nodeGraceMs }),
    ...(o.nodeCertExpiryMs === undefined ? {} : { nodeCertExpiryMs: o.nodeCertExpiryMs }),
  };
  checkSettings(settings);
  const clusterId = newId();
  const nodeId = newId();
  const raftId = newRaftId(new Set());
  const ca = await createClusterCa({ clusterId });
  const cert = await issueNodeCertificate(ca, {
    nodeId,
    role: 'manager',
    clusterId,
    validityMs: settings.nodeCertExpiryMs,
  });
  const tls: NodeTls = { caPem: ca.certPem, certPem: cert.certPem, keyPem: cert.keyPem };
  await writeNodeTls(o.dataDir, tls);
  const hostname = o.hostname ?? osHostname();
  const file = {
    nodeId,
    role: 'manager' as const,
    clusterId,
    raftId,
    listenAddr: o.listenAddr,
    advertiseAddr: o.advertiseAddr ?? '',
    managerAddrs: [],
    hostname,
  };
  return { file, tls, settings, network, ca };
}

/**
 * A new cluster's first records, in one write: the cluster record (settings, join token digests,
 * root CA), this manager's node record, and the secrets every manager needs (CA key, token secrets).
 */
export async function createClusterRecords(
  store: ClusterStore,
  c: {
    settings: ClusterSettings;
    /** Networking (absent: the defaults). */
    network?: ClusterNetworkSettings;
    ca: ClusterCa;
    nodeId: string;
    hostname: string;
    raftId: number;
    advertiseAddr: string;
    autolock?: boolean;
  },
): Promise<void> {
  const { settings, ca } = c;
  const workerSecret = newJoinTokenSecret();
  const managerSecret = newJoinTokenSecret();
  await store.update((tx) => {
    tx.create('cluster', {
      id: DEFAULT_CLUSTER_ID,
      name: 'default',
      settings,
      joinTokenDigests: { worker: tokenSecretDigest(workerSecret), manager: tokenSecretDigest(managerSecret) },
      rootCaCertPem: ca.certPem,
      network: c.network ?? validateClusterNetwork({}),
    });
    defaultNetwork(tx);
    tx.create('nodes', {
      id: c.nodeId,
      hostname: c.hostname,
      role: 'manager',
      availability: 'active',
      status: { state: 'unknown', message: 'cluster created; waiting for its agent', timestamp: Date.now() },
      addr: c.advertiseAddr.replace(/:\d+$/, ''),
      labels: {},
      resources: { nanoCpus: 0, memoryBytes: 0 },
      engineLabels: {},
      managerStatus: { raftId: c.raftId, addr: c.advertiseAddr },
      certRootDigest: ca.digest,
      network: { subnet: allocateNodeSubnet(tx) },
    });
    putSecret(tx, KV_CA_KEY, ca.keyPem);
    putSecret(tx, kvTokenSecretKey('worker'), workerSecret);
    putSecret(tx, kvTokenSecretKey('manager'), managerSecret);
    if (c.autolock === true) putNewUnlockKey(tx);
  });
}

/** A manager NodeCA.Join just admitted: its certificate (written to tls/) and node.json contents. */
export async function joinedManager(o: {
  dataDir: string;
  listenAddr: string;
  advertiseAddr?: string;
  hostname?: string;
  joined: JoinResult;
}): Promise<NodeStart> {
  const j = o.joined;
  if (j.role !== 'manager' || !(j.raftId > 0)) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `the join answer is for a ${j.role}, not a manager`, {
      hint: 'join with a manager token to run a manager',
    });
  }
  await requireNoRaftLog(o.dataDir);
  const tls: NodeTls = { caPem: j.caCertPem, certPem: j.certPem, keyPem: j.keyPem };
  await writeNodeTls(o.dataDir, tls);
  const self = j.managers.find((p) => p.raftId === j.raftId);
  const file: NodeFile = {
    nodeId: j.nodeId,
    role: 'manager',
    clusterId: j.clusterId,
    raftId: j.raftId,
    listenAddr: o.listenAddr,
    advertiseAddr: o.advertiseAddr ?? self?.addr ?? '',
    managerAddrs: j.managers.map((p) => p.addr),
    hostname: o.hostname ?? osHostname(),
  };
  return { file, tls };
}

/** The manager of an existing data dir, with the listen/advertise overrides of this start. */
export async function restartedManager(o: {
  dataDir: string;
  listenAddr?: string;
  advertiseAddr?: string;
}): Promise<NodeStart> {
  const file = await readNodeFile(o.dataDir);
  if (file.role !== 'manager' || !(file.raftId > 0)) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `node ${file.nodeId} is a ${file.role}, not a manager`, {
      hint: 'only managers run the Manager',
    });
  }
  const tls = await readNodeTls(o.dataDir);
  if (o.listenAddr !== undefined) file.listenAddr = o.listenAddr;
  if (o.advertiseAddr !== undefined) file.advertiseAddr = o.advertiseAddr;
  return { file, tls };
}

/** init/join need a data dir without a raft log (a restart would otherwise mix two clusters). */
async function requireNoRaftLog(dataDir: string): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(dataPaths(dataDir).raftDir);
  } catch {
    return;
  }
  if (entries.length > 0) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `${dataDir} already holds a manager's raft log`, {
      hint: 'this data dir belongs to a cluster: restart the node, or leave the cluster and remove the data dir before init/join',
    });
  }
}

function checkSettings(s: ClusterSettings): void {
  const L = CLUSTER_SETTINGS_LIMITS;
  if (!Number.isSafeInteger(s.nodeCertExpiryMs) || s.nodeCertExpiryMs < 1_000) {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid certificate expiry ${s.nodeCertExpiryMs} ms`, {
      hint: 'node certificates live at least 1h, e.g. --cert-expiry 2160h (90 days)',
    });
  }
  if (
    !Number.isSafeInteger(s.heartbeatPeriodMs) ||
    s.heartbeatPeriodMs < L.minHeartbeatPeriodMs ||
    s.heartbeatPeriodMs > L.maxHeartbeatPeriodMs
  ) {
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid heartbeat period ${s.heartbeatPeriodMs} ms`, {
      hint: 'use a period between 50ms and 10m, e.g. --heartbeat-period 500ms',
    });
  }
  if (
    !Number.isSafeInteger(s.nodeGraceMs) ||
    s.nodeGraceMs < L.minGraceHeartbeats * s.heartbeatPeriodMs ||
    s.nodeGraceMs > L.maxNodeGraceMs
  ) {
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `invalid node grace ${s.nodeGraceMs} ms for a ${s.heartbeatPeriodMs} ms heartbeat`,
      {
        hint: 'the grace must be at least two heartbeat periods (and at most 1h), e.g. --node-grace 2s with --heartbeat-period 500ms',
      },
    );
  }
}
