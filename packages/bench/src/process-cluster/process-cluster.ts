// A cluster of benchmark KV node processes on loopback (raft + store + KV, like the managers' consensus
// layer), for system tests, the benchmark and the raft demo: each node is `node dist/bin/kv-node.js` with its own LevelDB data dir and an mTLS listener (certs
// issued here by the cluster PKI; the test client gets its own). Processes are tracked by PID and
// killed, and temporary dirs removed, even if the caller forgets stop() or the run is interrupted.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { freePorts } from '@clusterctl/common';
import { TLS_SERVER_NAME } from '@clusterctl/ca';
import { trackDir, trackPid, untrackDir, untrackPid } from '../raft-bench/cleanup.js';
import { OurPutTarget } from '../raft-bench/kv-target.js';
import { KvApi, type KvStatus } from '@clusterctl/manager/testing';
import { issueTestTls, type TestTls } from './tls-files.js';
import { LinkProxy } from './link-proxy.js';
import { sleep } from '@clusterctl/common/testing';

export interface ProcessClusterConfig {
  size: number;
  /** Parent for the cluster's temporary directory (default: OS temp dir). */
  baseDir?: string;
  /** Compiled node entry point (default: this package's dist/bin/kv-node.js). */
  nodeBin?: string;
  clusterId?: string;
  /** Log level passed to managers through CLUSTERCTL_LOG_LEVEL. */
  logLevel: string;
  /** Extra arguments appended to every manager's command line. */
  extraArgs: string[];
  /** Extra node flags, e.g. ['--cpu-prof'] for profiling. */
  nodeArgs: string[];
  /** Keep the directory after stop() (logs, data) for post-mortems. */
  keepDir: boolean;
  callDeadlineMs: number;
  /** Route every manager-to-manager link through a LinkProxy, so tests can cut links. */
  proxied: boolean;
}

export const defaultProcessClusterConfig: ProcessClusterConfig = {
  size: 3,
  logLevel: 'warn',
  extraArgs: [],
  nodeArgs: [],
  keepDir: false,
  callDeadlineMs: 5000,
  proxied: false,
};

export interface ProcessNode {
  id: number;
  /** host:port of the node's one listener (raft transport + KV API, mTLS). */
  addr: string;
  dataDir: string;
  logFile: string;
  /** PID of the current process (0 while stopped). */
  pid: number;
  alive(): boolean;
  /** Sends `signal` and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the node again with the same id, address and data dir. */
  restart(): Promise<void>;
}

export interface ProcessCluster {
  dir: string;
  nodes: ProcessNode[];
  tls: TestTls;
  credentials: grpc.ChannelCredentials;
  channelOptions: grpc.ChannelOptions;
  /** A KV client bound to node `id` (cached; closed by stop()). */
  client(id: number): KvApi;
  /** Waits for a leader that a majority of the live nodes agree on, and returns its client. */
  leaderClient(timeoutMs?: number): Promise<KvApi>;
  waitForLeader(timeoutMs?: number, opts?: { exclude?: number[] }): Promise<ProcessNode>;
  /** Statuses of every live node that answers (others omitted). */
  statuses(): Promise<Map<number, KvStatus>>;
  putTarget(id: number, opts: { channels: number; deadlineMs: number }): OurPutTarget;
  /** Tail of a node's log, for failure messages. */
  logTail(id: number, chars?: number): string;
  /** (proxied clusters) Cuts or restores the directed link from -> to. */
  setLink(from: number, to: number, up: boolean): void;
  /** (proxied clusters) Cuts every link between `id` and the others, both ways. */
  isolate(id: number): void;
  /** (proxied clusters) Restores every link. */
  heal(): void;
  stop(): Promise<void>;
}

function waitExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startProcessCluster(partial: Partial<ProcessClusterConfig> = {}): Promise<ProcessCluster> {
  const cfg: ProcessClusterConfig = { ...defaultProcessClusterConfig, ...partial };
  const here = dirname(fileURLToPath(import.meta.url));
  const nodeBin = cfg.nodeBin ?? join(here, '..', 'bin', 'kv-node.js');
  const dir = mkdtempSync(join(cfg.baseDir ?? tmpdir(), 'clusterctl-procs-'));
  trackDir(dir);
  const clusterId = cfg.clusterId ?? `test-${process.pid}-${Date.now().toString(36)}`;
  const ids = Array.from({ length: cfg.size }, (_, i) => i + 1);
  const tls = await issueTestTls(join(dir, 'tls'), ids, clusterId);
  const credentials = grpc.credentials.createSsl(tls.caPem, tls.clientKeyPem, tls.clientCertPem, {
    checkServerIdentity: tls.checkServerIdentity,
  });
  // Reconnect quickly to a restarted manager (grpc-js's default backoff starts at 1 s and grows).
  // Certificates name no host (identity is checked by checkServerIdentity), so a fixed SNI name
  // avoids sending an IP address as TLS server name (DEP0123).
  const channelOptions: grpc.ChannelOptions = {
    'grpc.initial_reconnect_backoff_ms': 100,
    'grpc.max_reconnect_backoff_ms': 1000,
    'grpc.ssl_target_name_override': TLS_SERVER_NAME,
  };
  const ports = await freePorts(cfg.size);
  const addrs = new Map(ids.map((id, i) => [id, `127.0.0.1:${ports[i] as number}`]));
  const peers = ids.map((id) => `${id}=${addrs.get(id) as string}`).join(',');
  const clients = new Map<number, KvApi>();
  // proxies.get(`${from}>${to}`): the link `from` dials to reach `to`.
  const proxies = new Map<string, LinkProxy>();
  if (cfg.proxied) {
    for (const from of ids)
      for (const to of ids)
        if (from !== to) proxies.set(`${from}>${to}`, await LinkProxy.start(addrs.get(to) as string));
  }
  const dialArgs = (from: number): string[] =>
    cfg.proxied
      ? [
          '--dial',
          ids
            .filter((to) => to !== from)
            .map((to) => `${to}=${(proxies.get(`${from}>${to}`) as LinkProxy).addr}`)
            .join(','),
        ]
      : [];
  const link = (from: number, to: number): LinkProxy => {
    const p = proxies.get(`${from}>${to}`);
    if (p === undefined)
      throw new Error(
        cfg.proxied ? `no link ${from} -> ${to}` : 'links can be cut only in a cluster started with proxied: true',
      );
    return p;
  };

  const makeNode = (id: number): ProcessNode => {
    const nodeDir = join(dir, `n${id}`);
    const dataDir = join(nodeDir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const logFile = join(nodeDir, 'node.log');
    const files = tls.nodes.get(id);
    if (files === undefined) throw new Error(`no TLS files for node ${id}`);
    let child: ChildProcess | undefined;

    const start = (): void => {
      const log = openSync(logFile, 'a');
      const args = [
        ...cfg.nodeArgs,
        nodeBin,
        '--id',
        String(id),
        '--listen',
        addrs.get(id) as string,
        '--peers',
        peers,
        '--data-dir',
        dataDir,
        '--cluster-id',
        clusterId,
        '--ca-file',
        tls.caFile,
        '--cert-file',
        files.certFile,
        '--key-file',
        files.keyFile,
        ...dialArgs(id),
        ...cfg.extraArgs,
      ];
      const c = spawn(process.execPath, args, {
        stdio: ['ignore', log, log],
        cwd: nodeDir,
        env: { ...process.env, CLUSTERCTL_LOG_LEVEL: cfg.logLevel },
      });
      closeSync(log);
      if (c.pid === undefined) throw new Error(`could not spawn node ${id}`);
      trackPid(c.pid);
      child = c;
      node.pid = c.pid;
    };

    const node: ProcessNode = {
      id,
      addr: addrs.get(id) as string,
      dataDir,
      logFile,
      pid: 0,
      alive: () => child !== undefined && child.exitCode === null && child.signalCode === null,
      kill: async (signal: NodeJS.Signals = 'SIGTERM') => {
        const c = child;
        if (c === undefined || c.pid === undefined) return;
        if (c.exitCode === null && c.signalCode === null) process.kill(c.pid, signal);
        if (!(await waitExit(c, 10_000))) {
          process.kill(c.pid, 'SIGKILL');
          await waitExit(c, 5000);
        }
        untrackPid(c.pid);
        node.pid = 0;
      },
      restart: async () => {
        if (node.alive()) throw new Error(`node ${id} is still running (pid ${node.pid})`);
        start();
      },
    };
    start();
    return node;
  };

  const nodes = ids.map(makeNode);

  const client = (id: number): KvApi => {
    let c = clients.get(id);
    if (c === undefined) {
      c = new KvApi(addrs.get(id) as string, { credentials, options: channelOptions, deadlineMs: cfg.callDeadlineMs });
      clients.set(id, c);
    }
    return c;
  };

  const logTail = (id: number, chars = 3000): string => {
    try {
      return readFileSync(join(dir, `n${id}`, 'node.log'), 'utf8').slice(-chars);
    } catch {
      return '';
    }
  };

  const statuses = async (): Promise<Map<number, KvStatus>> => {
    const out = new Map<number, KvStatus>();
    await Promise.all(
      nodes
        .filter((n) => n.alive())
        .map(async (n) => {
          try {
            out.set(n.id, await client(n.id).status(1000));
          } catch {
            // not answering (yet)
          }
        }),
    );
    return out;
  };

  const waitForLeader = async (timeoutMs = 15_000, opts: { exclude?: number[] } = {}): Promise<ProcessNode> => {
    const deadline = Date.now() + timeoutMs;
    let last = new Map<number, KvStatus>();
    for (;;) {
      const dead = nodes.filter((n) => !n.alive() && !(opts.exclude ?? []).includes(n.id));
      if (dead.length > 0 && dead.length === nodes.length)
        throw new Error(`all nodes exited:\n${logTail(nodes[0]?.id ?? 1)}`);
      last = await statuses();
      const live = nodes.filter((n) => n.alive()).length;
      const votes = new Map<number, number>();
      for (const s of last.values()) if (s.leader !== 0) votes.set(s.leader, (votes.get(s.leader) ?? 0) + 1);
      for (const [leaderId, count] of votes) {
        const leader = nodes.find((n) => n.id === leaderId);
        if (leader === undefined || !leader.alive() || (opts.exclude ?? []).includes(leaderId)) continue;
        const self = last.get(leaderId);
        if (self?.role === 'leader' && count > live / 2) return leader;
      }
      if (Date.now() > deadline) {
        const seen = [...last.values()].map((s) => `${s.id}:${s.role}/leader=${s.leader}/term=${s.term}`).join(' ');
        const logs = nodes
          .map((n) => `--- n${n.id} (pid ${n.pid}, alive ${n.alive()})\n${logTail(n.id, 1500)}`)
          .join('\n');
        throw new Error(`no leader within ${timeoutMs} ms; statuses: ${seen || 'none'}\n${logs}`);
      }
      await sleep(50);
    }
  };

  const stop = async (): Promise<void> => {
    for (const c of clients.values()) c.close();
    clients.clear();
    await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
    await Promise.all([...proxies.values()].map((p) => p.close()));
    if (!cfg.keepDir) {
      rmSync(dir, { recursive: true, force: true });
      untrackDir(dir);
    }
  };

  const cluster: ProcessCluster = {
    dir,
    nodes,
    tls,
    credentials,
    channelOptions,
    client,
    leaderClient: async (timeoutMs) => client((await waitForLeader(timeoutMs)).id),
    waitForLeader,
    statuses,
    putTarget: (id, opts) =>
      new OurPutTarget(addrs.get(id) as string, {
        channels: opts.channels,
        deadlineMs: opts.deadlineMs,
        credentials,
        options: channelOptions,
      }),
    logTail,
    setLink: (from, to, up) => (up ? link(from, to).up() : link(from, to).down()),
    isolate: (id) => {
      for (const other of ids) {
        if (other === id) continue;
        link(id, other).down();
        link(other, id).down();
      }
    },
    heal: () => {
      for (const p of proxies.values()) p.up();
    },
    stop,
  };
  return cluster;
}
