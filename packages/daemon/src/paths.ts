// The data dir layout (see /work/briefs/cluster.md): node.json, tls/, raft/, agent/, control.sock,
// daemon.log, daemon.pid.
import { join } from 'node:path';

export function dataPaths(dataDir: string) {
  return {
    dataDir,
    nodeFile: join(dataDir, 'node.json'),
    tlsDir: join(dataDir, 'tls'),
    raftDir: join(dataDir, 'raft'),
    agentDir: join(dataDir, 'agent'),
    controlSocket: join(dataDir, 'control.sock'),
    log: join(dataDir, 'daemon.log'),
    pid: join(dataDir, 'daemon.pid'),
  };
}

export type DataPaths = ReturnType<typeof dataPaths>;
