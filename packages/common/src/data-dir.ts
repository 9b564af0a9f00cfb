// The node's data dir: where it is by default and what it holds. The one place that names its files;
// the daemon, the manager, the CA files and the CLI all build their paths here (the files inside
// tls/ are named by @clusterctl/ca, which owns the node's identity files).
//
//   node.json     the node's identity and addresses        tls/          ca.crt, node.crt, node.key
//                                                          tls/raft-dek.json  a manager's raft data key
//   raft/         a manager's raft log and snapshots        agent/        the agent's assigned tasks
//   control.sock  the local control socket for the CLI      daemon.log    the daemon's log (background)
//   daemon.pid    the daemon's process id                  daemon.out    its stdout/stderr when the CLI starts it
//                                                          in the background (a start-up failed line)
//   raft.new, raft.old  only while init --force-new-cluster swaps in a new raft log
import { join } from 'node:path';

export const DEFAULT_DATA_DIR = '/var/lib/clusterctl';
/** The environment variable that names the data dir when --data-dir is not given. */
export const DATA_DIR_ENV = 'CLUSTERCTL_DATA_DIR';
/** Where a manager listens for the cluster when --listen-addr is not given. */
export const DEFAULT_LISTEN_ADDR = '0.0.0.0:4280';

/** Names of the entries of a data dir. */
export const DATA_DIR_LAYOUT = {
  nodeFile: 'node.json',
  tlsDir: 'tls',
  raftDekFile: 'tls/raft-dek.json',
  raftDir: 'raft',
  raftNewDir: 'raft.new',
  raftOldDir: 'raft.old',
  agentDir: 'agent',
  controlSocket: 'control.sock',
  log: 'daemon.log',
  pid: 'daemon.pid',
  out: 'daemon.out',
} as const;

export interface DataPaths {
  dataDir: string;
  nodeFile: string;
  tlsDir: string;
  /** A manager's raft data encryption key (wrapped by the unlock key under autolock). */
  raftDekFile: string;
  raftDir: string;
  /** A new raft log being written by a recovery, then renamed to raftDir. */
  raftNewDir: string;
  /** The raft log it replaces, while the two are swapped. */
  raftOldDir: string;
  agentDir: string;
  controlSocket: string;
  log: string;
  pid: string;
  out: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const L = DATA_DIR_LAYOUT;
  return {
    dataDir,
    nodeFile: join(dataDir, L.nodeFile),
    tlsDir: join(dataDir, L.tlsDir),
    raftDekFile: join(dataDir, L.raftDekFile),
    raftDir: join(dataDir, L.raftDir),
    raftNewDir: join(dataDir, L.raftNewDir),
    raftOldDir: join(dataDir, L.raftOldDir),
    agentDir: join(dataDir, L.agentDir),
    controlSocket: join(dataDir, L.controlSocket),
    log: join(dataDir, L.log),
    pid: join(dataDir, L.pid),
    out: join(dataDir, L.out),
  };
}

/** The data dir of --data-dir, else $CLUSTERCTL_DATA_DIR, else the default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env[DATA_DIR_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_DATA_DIR;
}
