// The managers of `npm run bench:scale`: real node daemon processes started as users start them
// (`--init` for the first, `--join - ADDR` with the manager token on stdin for the others), each
// with its own data dir (LevelDB, fsync on), mutual TLS between them, and a metrics listener on
// loopback (heartbeats handled). The managers are drained at once, so every task goes to the hollow
// nodes (their own agents need the machine's container engine to start, and run nothing).

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@clusterctl/common';
import { REPO_ROOT } from '@clusterctl/common/testing';
import { DaemonClient } from '@clusterctl/cli';
import { trackPid, untrackPid } from '../raft-bench/cleanup.js';

export interface ManagerDaemon {
  name: string;
  nodeId: string;
  pid: number;
  dataDir: string;
  addr: string;
  metricsAddr: string;
  proc: ChildProcess;
  alive(): boolean;
  client(): DaemonClient;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ManagerCluster {
  managers: ManagerDaemon[];
  workerToken: string;
  /** Where hollow nodes join (the first manager). */
  joinAddr: string;
  stop(): Promise<void>;
}

/** The cluster network's task pool: one /24 per node, so at most MAX_NODES nodes. */
export const NODE_ADDR_POOL = '10.64.0.0/10';
export const MAX_NODES = 16_384;

/** The node daemon's entry, as `clusterctl init` and `join` start it. */
const DAEMON_ENTRY = join(REPO_ROOT, 'packages/daemon/dist/bin/node-daemon.js');

interface Ready {
  event: 'ready';
  nodeId: string;
  joinTokens?: { worker: string; manager: string; managerAddr: string };
}

function waitReady(proc: ChildProcess, timeoutMs: number, what: string): Promise<Ready> {
  let out = '';
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not ready within ${timeoutMs} ms: ${err}`)), timeoutMs);
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      for (const l of out.split('\n').slice(0, -1)) {
        if (!l.startsWith('{')) continue;
        const v = JSON.parse(l) as Ready | { event: 'failed' };
        if (v.event === 'ready') {
          clearTimeout(timer);
          resolve(v);
        }
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready: ${err.trim()} ${out.trim()}`));
    });
  });
}

export async function startManagers(opts: {
  count: number;
  dir: string;
  nodeArgs: string[];
  /** More flags of the first manager's init (cluster settings). */
  initArgs: string[];
  onEvent: (e: Record<string, unknown>) => void;
}): Promise<ManagerCluster> {
  const entry = DAEMON_ENTRY;
  const managers: ManagerDaemon[] = [];
  const spawnOne = async (i: number, mode: string[], token?: string): Promise<{ d: ManagerDaemon; ready: Ready }> => {
    const name = `m${i + 1}`;
    const dataDir = join(opts.dir, name);
    const addr = `127.0.0.1:${await freePort()}`;
    const metricsAddr = `127.0.0.1:${await freePort()}`;
    const proc = spawn(
      process.execPath,
      [
        ...opts.nodeArgs,
        entry,
        ...mode,
        '--listen-addr',
        addr,
        '--hostname',
        name,
        '--data-dir',
        dataDir,
        '--data-plane',
        'off',
        '--metrics-addr',
        metricsAddr,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    if (proc.pid === undefined) throw new Error(`could not spawn ${name}`);
    trackPid(proc.pid);
    // the join token on stdin, as `clusterctl join` passes it
    proc.stdin!.end(token === undefined ? '' : `${token}\n`);
    const ready = await waitReady(proc, 60_000, name);
    let exited = false;
    proc.once('exit', () => (exited = true));
    let client: DaemonClient | undefined;
    const d: ManagerDaemon = {
      name,
      nodeId: ready.nodeId,
      pid: proc.pid,
      dataDir,
      addr,
      metricsAddr,
      proc,
      alive: () => !exited,
      client: () => (client ??= new DaemonClient(dataDir, 120_000)),
      kill: async (signal) => {
        client?.close();
        client = undefined;
        if (exited) return;
        const gone = new Promise<void>((r) => proc.once('exit', () => r()));
        process.kill(proc.pid!, signal);
        const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
        await gone;
        clearTimeout(t);
        untrackPid(proc.pid!);
      },
    };
    managers.push(d);
    opts.onEvent({ manager: name, pid: proc.pid, addr, ready: 'yes' });
    return { d, ready };
  };
  // One /24 per node: the default pool (a /16) holds 256 nodes; this /10 holds 16,384.
  const first = await spawnOne(0, ['--init', '--default-addr-pool', NODE_ADDR_POOL, ...opts.initArgs]);
  const tokens = first.ready.joinTokens;
  if (tokens === undefined) throw new Error('the first manager printed no join tokens');
  for (let i = 1; i < opts.count; i++) await spawnOne(i, ['--join', '-', tokens.managerAddr], tokens.manager);
  const c = first.d.client();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ci = await c.control('getClusterInfo', {});
    if (ci.managers.length === opts.count && ci.managers.every((m) => m.reachability === 'reachable')) break;
    if (Date.now() > deadline) throw new Error(`the ${opts.count} managers are not all reachable voters`);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const m of managers) await c.control('updateNode', { node: m.nodeId, availability: 'drain' });
  return {
    managers,
    workerToken: tokens.worker,
    joinAddr: tokens.managerAddr,
    stop: async () => {
      await Promise.all(managers.map((m) => m.kill('SIGTERM')));
    },
  };
}

/** Resident memory of a process (bytes), or NaN if it is gone. */
export function rssBytesOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? Number.NaN : Number(m[1]) * 1024;
  } catch {
    return Number.NaN;
  }
}

/** Open file descriptors of a process, or NaN if it is gone. */
export function fdCountOf(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Number.NaN;
  }
}

/** The manager's counter of heartbeats handled (its metrics listener), or NaN. */
export async function heartbeatsTotal(metricsAddr: string): Promise<number> {
  try {
    const res = await fetch(`http://${metricsAddr}/metrics`, { signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    const m = /^clusterctl_dispatcher_heartbeats_total(?:\{[^}]*\})? (\S+)$/m.exec(text);
    return m === null ? Number.NaN : Number(m[1]);
  } catch {
    return Number.NaN;
  }
}
