// A throwaway etcd cluster on loopback for side-by-side benchmarks: installs Debian's
// etcd-server package when etcd is missing, starts N members with free ports and temporary data
// dirs (fsync on: etcd's default), waits until every member reports healthy, and stops them by
// PID and removes the data dirs at the end (also on error or SIGINT, via cleanup.ts).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '@clusterctl/common';
import { trackDir, trackPid, untrackDir, untrackPid } from './cleanup.js';
import { issueEtcdTls, type EtcdTlsFiles } from './etcd-tls.js';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

export interface EtcdMember {
  name: string;
  pid: number;
  /** host:port of the client (gRPC) listener. */
  clientAddr: string;
  clientUrl: string;
  peerUrl: string;
  dataDir: string;
  logFile: string;
}

export interface EtcdCluster {
  members: EtcdMember[];
  /** Set when the cluster runs with mutual TLS (client and peer listeners). */
  tls?: EtcdTlsFiles;
  /** The member that currently reports itself leader (from /metrics). */
  leader(): Promise<EtcdMember>;
  stop(): Promise<void>;
}

export interface EtcdClusterConfig {
  size: number;
  /** Parent of the temporary directory (default: the OS temp dir). */
  baseDir?: string;
  /** Path of the etcd binary (default: found on PATH, installed when missing). */
  etcdBin?: string;
  healthTimeoutMs: number;
  /** Mutual TLS on client and peer listeners (certificates generated in the temp dir). */
  tls?: boolean;
  /** Called with progress messages (install, start). */
  onProgress?: (msg: string) => void;
}

export const defaultEtcdClusterConfig: EtcdClusterConfig = { size: 3, healthTimeoutMs: 30_000 };

function findOnPath(bin: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, bin))) return join(dir, bin);
  }
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin']) {
    if (existsSync(join(dir, bin))) return join(dir, bin);
  }
  return undefined;
}

function aptGet(args: string[]): { ok: boolean; output: string } {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? 'apt-get' : 'sudo';
  const argv = asRoot ? args : ['-n', 'apt-get', ...args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Returns the etcd binary, installing Debian's etcd-server package (machine's own apt config) if needed. */
export function ensureEtcdInstalled(onProgress: (msg: string) => void = () => {}): string {
  const found = findOnPath('etcd');
  if (found !== undefined) return found;
  onProgress('etcd not found: apt-get install -y etcd-server');
  let r = aptGet(['install', '-y', 'etcd-server']);
  if (!r.ok) {
    onProgress('install failed; apt-get update, then retrying');
    aptGet(['update']);
    r = aptGet(['install', '-y', 'etcd-server']);
  }
  const after = findOnPath('etcd');
  if (!r.ok || after === undefined) {
    throw new Error(`could not install etcd-server with apt-get:\n${r.output.slice(-2000)}`);
  }
  return after;
}

function httpGetText(url: string, timeoutMs: number, tls?: EtcdTlsFiles): Promise<string | undefined> {
  return new Promise((resolve) => {
    const onRes = (res: import('node:http').IncomingMessage): void => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve(undefined);
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
      res.on('error', () => resolve(undefined));
    };
    const req = url.startsWith('https:')
      ? httpsGet(url, { ca: tls?.caPem, cert: tls?.certPem, key: tls?.keyPem, timeout: timeoutMs }, onRes)
      : httpGet(url, { timeout: timeoutMs }, onRes);
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

function tail(file: string, n = 2000): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.slice(-n);
  } catch {
    return '';
  }
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

/** GET a member's HTTP endpoint (health, metrics), with the cluster's client certificate if TLS. */
export function etcdHttpGet(
  cluster: Pick<EtcdCluster, 'tls'>,
  url: string,
  timeoutMs = 2000,
): Promise<string | undefined> {
  return httpGetText(url, timeoutMs, cluster.tls);
}

export async function startEtcdCluster(partial: Partial<EtcdClusterConfig> = {}): Promise<EtcdCluster> {
  const cfg: EtcdClusterConfig = { ...defaultEtcdClusterConfig, ...partial };
  const progress = cfg.onProgress ?? (() => {});
  const bin = cfg.etcdBin ?? ensureEtcdInstalled(progress);
  const root = mkdtempSync(join(cfg.baseDir ?? tmpdir(), 'etcd-bench-'));
  trackDir(root);

  const tls = cfg.tls ? await issueEtcdTls(join(root, 'tls')) : undefined;
  const scheme = tls === undefined ? 'http' : 'https';
  const ports = await freePorts(cfg.size * 2);
  const members: EtcdMember[] = [];
  for (let i = 0; i < cfg.size; i++) {
    const name = `m${i + 1}`;
    const clientPort = ports[2 * i] as number;
    const peerPort = ports[2 * i + 1] as number;
    members.push({
      name,
      pid: 0,
      clientAddr: `127.0.0.1:${clientPort}`,
      clientUrl: `${scheme}://127.0.0.1:${clientPort}`,
      peerUrl: `${scheme}://127.0.0.1:${peerPort}`,
      dataDir: join(root, name),
      logFile: join(root, `${name}.log`),
    });
  }
  const initialCluster = members.map((m) => `${m.name}=${m.peerUrl}`).join(',');
  const children: ChildProcess[] = [];

  const stop = async (): Promise<void> => {
    for (const child of children) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    for (const child of children) {
      if (!(await waitExit(child, 5000)) && child.pid !== undefined) {
        child.kill('SIGKILL');
        await waitExit(child, 2000);
      }
      if (child.pid !== undefined) untrackPid(child.pid);
    }
    rmSync(root, { recursive: true, force: true });
    untrackDir(root);
  };

  try {
    for (const m of members) {
      const log = openSync(m.logFile, 'a');
      const child = spawn(
        bin,
        [
          '--name',
          m.name,
          '--data-dir',
          m.dataDir,
          '--listen-client-urls',
          m.clientUrl,
          '--advertise-client-urls',
          m.clientUrl,
          '--listen-peer-urls',
          m.peerUrl,
          '--initial-advertise-peer-urls',
          m.peerUrl,
          '--initial-cluster',
          initialCluster,
          '--initial-cluster-state',
          'new',
          '--initial-cluster-token',
          `bench-${process.pid}`,
          '--logger',
          'zap',
          '--log-level',
          'warn',
          ...(tls === undefined
            ? []
            : [
                '--cert-file',
                tls.certFile,
                '--key-file',
                tls.keyFile,
                '--trusted-ca-file',
                tls.caFile,
                '--client-cert-auth',
                '--peer-cert-file',
                tls.certFile,
                '--peer-key-file',
                tls.keyFile,
                '--peer-trusted-ca-file',
                tls.caFile,
                '--peer-client-cert-auth',
              ]),
        ],
        { stdio: ['ignore', log, log] },
      );
      closeSync(log);
      if (child.pid === undefined) throw new Error(`could not start ${bin}`);
      trackPid(child.pid);
      children.push(child);
      m.pid = child.pid;
    }
    progress(`etcd members started: ${members.map((m) => `${m.name} pid ${m.pid} ${m.clientAddr}`).join(', ')}`);

    const deadline = Date.now() + cfg.healthTimeoutMs;
    for (const m of members) {
      for (;;) {
        const child = children[members.indexOf(m)] as ChildProcess;
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`etcd ${m.name} exited (${child.exitCode ?? child.signalCode}):\n${tail(m.logFile)}`);
        }
        const body = await httpGetText(`${m.clientUrl}/health`, 1000, tls);
        if (body !== undefined && body.includes('"health":"true"')) break;
        if (Date.now() > deadline)
          throw new Error(`etcd ${m.name} not healthy after ${cfg.healthTimeoutMs} ms:\n${tail(m.logFile)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const leader = async (): Promise<EtcdMember> => {
    const deadline = Date.now() + cfg.healthTimeoutMs;
    for (;;) {
      for (const m of members) {
        const metrics = await httpGetText(`${m.clientUrl}/metrics`, 1000, tls);
        if (metrics !== undefined && /^etcd_server_is_leader 1$/m.test(metrics)) return m;
      }
      if (Date.now() > deadline) throw new Error('no etcd member reports itself leader');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  return tls === undefined ? { members, leader, stop } : { members, tls, leader, stop };
}
