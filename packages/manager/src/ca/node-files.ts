// The node's identity on disk: DATA_DIR/node.json and DATA_DIR/tls/{ca.crt,node.crt,node.key}.
// Written atomically (temp file + rename); the key is 0600. The names are the data-dir layout's
// (@clusterctl/common data-dir.ts).

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClusterError, dataPaths, ErrorCode, TLS_FILES } from '@clusterctl/common';
import { type NodeRole } from '@clusterctl/ca';

export interface NodeFile {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  /** Raft id; managers only (0 on workers). */
  raftId: number;
  listenAddr: string;
  advertiseAddr: string;
  /** Addresses of the managers this node knows (agents dial them). */
  managerAddrs: string[];
  hostname?: string;
}

export interface NodeTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

export const nodeFilePath = (dataDir: string): string => dataPaths(dataDir).nodeFile;
export const tlsDir = (dataDir: string): string => dataPaths(dataDir).tlsDir;

async function writeAtomic(path: string, data: string, mode: number): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, path);
}

export async function writeNodeFile(dataDir: string, f: NodeFile): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeAtomic(nodeFilePath(dataDir), JSON.stringify(f, null, 2) + '\n', 0o600);
}

export async function readNodeFile(dataDir: string): Promise<NodeFile> {
  let text: string;
  try {
    text = await readFile(nodeFilePath(dataDir), 'utf8');
  } catch (e) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `no node state in ${dataDir} (node.json missing)`, {
      hint: 'this data dir is not part of a cluster: run `clusterctl init` or `clusterctl join` first',
      cause: e,
    });
  }
  let f: Partial<NodeFile>;
  try {
    f = JSON.parse(text) as Partial<NodeFile>;
  } catch (e) {
    throw new ClusterError(ErrorCode.Corrupt, `${nodeFilePath(dataDir)} is not valid JSON`, { hint: 'restore it from a backup or re-join the node', cause: e });
  }
  if (typeof f.nodeId !== 'string' || typeof f.clusterId !== 'string' || (f.role !== 'manager' && f.role !== 'worker')) {
    throw new ClusterError(ErrorCode.Corrupt, `${nodeFilePath(dataDir)} lacks nodeId/clusterId/role`, { hint: 'restore it from a backup or re-join the node' });
  }
  return { ...f, nodeId: f.nodeId, role: f.role, clusterId: f.clusterId, raftId: f.raftId ?? 0, listenAddr: f.listenAddr ?? '', advertiseAddr: f.advertiseAddr ?? '', managerAddrs: f.managerAddrs ?? [] };
}

export async function writeNodeTls(dataDir: string, tls: NodeTls): Promise<void> {
  const dir = tlsDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeAtomic(join(dir, TLS_FILES.key), tls.keyPem, 0o600);
  await writeAtomic(join(dir, TLS_FILES.cert), tls.certPem, 0o644);
  await writeAtomic(join(dir, TLS_FILES.ca), tls.caPem, 0o644);
}

export async function readNodeTls(dataDir: string): Promise<NodeTls> {
  const dir = tlsDir(dataDir);
  try {
    const [caPem, certPem, keyPem] = await Promise.all([readFile(join(dir, TLS_FILES.ca), 'utf8'), readFile(join(dir, TLS_FILES.cert), 'utf8'), readFile(join(dir, TLS_FILES.key), 'utf8')]);
    return { caPem, certPem, keyPem };
  } catch (e) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `TLS files missing in ${dir}`, { hint: 'the node certificate is gone: re-join the node', cause: e });
  }
}
