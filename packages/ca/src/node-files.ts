// The node's identity on disk: DATA_DIR/node.json (who the node is, its addresses) and
// DATA_DIR/tls/{ca.crt,node.crt,node.key}. The data dir's entries (node.json, tls/) are named by the
// data-dir layout (@clusterctl/common data-dir.ts); the files inside tls/ are named here (TLS_FILES),
// the one definition. Every file is written atomically (temp file + rename). The key and node.json
// are 0600, the certificates 0644, the directories 0700.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClusterError, dataPaths, ErrorCode } from '@clusterctl/common';
import type { NodeTls } from './node-tls.js';
import type { NodeRole } from './pki.js';

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

/** The files in DATA_DIR/tls: the cluster CA certificate, this node's certificate and its private key. */
export const TLS_FILES = { ca: 'ca.crt', cert: 'node.crt', key: 'node.key' } as const;

export const nodeFilePath = (dataDir: string): string => dataPaths(dataDir).nodeFile;
export const tlsDir = (dataDir: string): string => dataPaths(dataDir).tlsDir;
/** Paths of the TLS files of the node whose data dir is `dataDir`. */
export function tlsFilePaths(dataDir: string): { ca: string; cert: string; key: string } {
  const dir = tlsDir(dataDir);
  return { ca: join(dir, TLS_FILES.ca), cert: join(dir, TLS_FILES.cert), key: join(dir, TLS_FILES.key) };
}

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
    throw new ClusterError(ErrorCode.Corrupt, `${nodeFilePath(dataDir)} is not valid JSON`, {
      hint: 'restore it from a backup or re-join the node',
      cause: e,
    });
  }
  if (
    typeof f.nodeId !== 'string' ||
    typeof f.clusterId !== 'string' ||
    (f.role !== 'manager' && f.role !== 'worker')
  ) {
    throw new ClusterError(ErrorCode.Corrupt, `${nodeFilePath(dataDir)} lacks nodeId/clusterId/role`, {
      hint: 'restore it from a backup or re-join the node',
    });
  }
  return {
    ...f,
    nodeId: f.nodeId,
    role: f.role,
    clusterId: f.clusterId,
    raftId: f.raftId ?? 0,
    listenAddr: f.listenAddr ?? '',
    advertiseAddr: f.advertiseAddr ?? '',
    managerAddrs: f.managerAddrs ?? [],
  };
}

export async function writeNodeTls(dataDir: string, tls: NodeTls): Promise<void> {
  await mkdir(tlsDir(dataDir), { recursive: true, mode: 0o700 });
  const p = tlsFilePaths(dataDir);
  await writeAtomic(p.key, tls.keyPem, 0o600);
  await writeAtomic(p.cert, tls.certPem, 0o644);
  await writeAtomic(p.ca, tls.caPem, 0o644);
}

export async function readNodeTls(dataDir: string): Promise<NodeTls> {
  const p = tlsFilePaths(dataDir);
  try {
    const [caPem, certPem, keyPem] = await Promise.all([
      readFile(p.ca, 'utf8'),
      readFile(p.cert, 'utf8'),
      readFile(p.key, 'utf8'),
    ]);
    return { caPem, certPem, keyPem };
  } catch (e) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `TLS files missing in ${tlsDir(dataDir)}`, {
      hint: 'the node certificate is gone: re-join the node',
      cause: e,
    });
  }
}
