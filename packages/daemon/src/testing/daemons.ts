// Helpers for system tests with real node daemon processes: spawn a daemon on its own data dir,
// wait for its ready line, talk to it over its control socket (Control + Local), stop it by PID, and
// clean up its containers by cluster label.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { DockerExecutor } from '@clusterctl/agent';
import { dataPaths, freePort, fromGrpcError, Label, parseFailedLine, type ClusterError } from '@clusterctl/common';
import { REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { ControlService, LocalService, type clusterctl } from '@clusterctl/proto';
import type { ReadyInfo } from '../node-daemon.js';

export const DAEMON_ENTRY = join(REPO_ROOT, 'packages/daemon/dist/bin/node-daemon.js');

export interface DaemonProcess {
  proc: ChildProcess;
  pid: number;
  dataDir: string;
  ready: ReadyInfo;
  /** ms from spawn to the ready line. */
  startMs: number;
  stderr(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after timeoutMs). */
  stop(timeoutMs?: number): Promise<number | null>;
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Spawns `node node-daemon.js ARGS --data-dir DIR` and waits for its ready line (or its failure).
 * Many daemons share this machine's engine: they run with --data-plane off unless ARGS say otherwise.
 */
export async function spawnDaemon(
  dataDir: string,
  args: string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<DaemonProcess> {
  const t0 = Date.now();
  const plane = args.some((a) => a.startsWith('--data-plane')) ? [] : ['--data-plane', 'off'];
  const proc = spawn(process.execPath, [DAEMON_ENTRY, ...args, ...plane, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let out = '';
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const ready = await new Promise<ReadyInfo>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`daemon not ready within ${opts.timeoutMs ?? 30_000} ms; stderr: ${err}`)),
      opts.timeoutMs ?? 30_000,
    );
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      // complete lines only; the ready line (a start-up failure is a "failed" line, then the exit)
      const ready = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as ReadyInfo | { event: 'failed' })
        .find((v): v is ReadyInfo => v.event === 'ready');
      if (ready !== undefined) {
        clearTimeout(timer);
        resolve(ready);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`daemon exited with ${code} before it was ready: ${err.trim()}`), {
          exitCode: code,
          stderr: err,
          stdout: out,
        }),
      );
    });
  });
  const startMs = Date.now() - t0;
  const d: DaemonProcess = {
    proc,
    pid: proc.pid!,
    dataDir,
    ready,
    startMs,
    stderr: () => err,
    exited,
    async stop(timeoutMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      process.kill(proc.pid!, 'SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
    async kill() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      process.kill(proc.pid!, 'SIGKILL');
      await exited;
    },
  };
  return d;
}

/**
 * Runs a daemon that is expected to fail at start: its exit code, stderr (the text a person reads)
 * and the failure of its JSON "failed" line on stdout (what the CLI reads), if it printed one.
 */
export async function spawnDaemonExpectFailure(
  dataDir: string,
  args: string[],
): Promise<{ code: number | null; stderr: string; failure: ClusterError | undefined }> {
  try {
    const d = await spawnDaemon(dataDir, args);
    await d.kill();
    throw new Error('the daemon started, but was expected to fail');
  } catch (e) {
    const x = e as { exitCode?: number | null; stderr?: string; stdout?: string };
    if (x.stderr === undefined) throw e;
    return { code: x.exitCode ?? null, stderr: x.stderr, failure: parseFailedLine(x.stdout ?? '') };
  }
}

type Methods = Record<string, grpc.MethodDefinition<unknown, unknown>>;

/** Client of a daemon's control socket: Control (forwarded to managers) and Local. */
/** The socket clients one test file opens, closed together at its end. */
export class SocketClients {
  private readonly opened: SocketClient[] = [];

  of(dataDir: string): SocketClient {
    const c = new SocketClient(dataDir);
    this.opened.push(c);
    return c;
  }

  closeAll(): void {
    for (const c of this.opened.splice(0)) c.close();
  }
}

export class SocketClient {
  private readonly client: grpc.Client;

  constructor(readonly dataDir: string) {
    this.client = new grpc.Client(`unix:${dataPaths(dataDir).controlSocket}`, grpc.credentials.createInsecure());
  }

  control<T = unknown>(method: keyof typeof ControlService, req: object = {}, timeoutMs = 30_000): Promise<T> {
    return this.unary<T>((ControlService as unknown as Methods)[method]!, req, timeoutMs);
  }

  local<T = unknown>(method: keyof typeof LocalService, req: object = {}, timeoutMs = 30_000): Promise<T> {
    return this.unary<T>((LocalService as unknown as Methods)[method]!, req, timeoutMs);
  }

  /** A server-streaming Control call (ServiceLogs): every message until the stream ends. */
  controlStream<T = unknown>(method: keyof typeof ControlService, req: object = {}, timeoutMs = 30_000): Promise<T[]> {
    const def = (ControlService as unknown as Methods)[method]!;
    return new Promise<T[]>((resolve, reject) => {
      const out: T[] = [];
      const call = this.client.makeServerStreamRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
      );
      call.on('data', (m: T) => out.push(m));
      call.on('error', (e: unknown) => reject(fromGrpcError(e, { target: 'the local daemon' })));
      call.on('end', () => resolve(out));
    });
  }

  private unary<T>(def: grpc.MethodDefinition<unknown, unknown>, req: object, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (err, res) => (err ? reject(fromGrpcError(err, { target: 'the local daemon' })) : resolve(res as T)),
      ),
    );
  }

  close(): void {
    this.client.close();
  }
}

/** Removes every container of a cluster (by label). */
export async function removeClusterContainers(clusterId: string, socketPath = '/var/run/docker.sock'): Promise<number> {
  const ex = new DockerExecutor({ socketPath });
  const list = await ex.list({ labels: { [Label.ClusterId]: clusterId }, all: true });
  for (const c of list) await ex.remove(c.id, { force: true });
  return list.length;
}

/** Containers of a cluster on one node (by labels), as the engine sees them. */
export async function nodeContainers(
  clusterId: string,
  nodeId: string,
  socketPath = '/var/run/docker.sock',
): Promise<Array<{ id: string; taskId: string; status: string }>> {
  const ex = new DockerExecutor({ socketPath });
  const list = await ex.list({ labels: { [Label.ClusterId]: clusterId, [Label.NodeId]: nodeId }, all: true });
  return list.map((c) => ({ id: c.id, taskId: c.ids?.taskId ?? '', status: c.status }));
}

/** Entries of a daemon's log (DATA_DIR/daemon.log, pino JSON lines) whose msg is `msg`. */
export function logEntries(dataDir: string, msg: string): Array<Record<string, unknown> & { time: number }> {
  let text = '';
  try {
    text = readFileSync(dataPaths(dataDir).log, 'utf8');
  } catch {
    return [];
  }
  const out: Array<Record<string, unknown> & { time: number }> = [];
  for (const line of text.split('\n')) {
    if (!line.includes(msg)) continue;
    try {
      const e = JSON.parse(line) as Record<string, unknown> & { time: number };
      if (e.msg === msg) out.push(e);
    } catch {
      // a partly written line
    }
  }
  return out;
}

/** Containers of one service, on any node (by label). */
export async function serviceContainers(
  serviceId: string,
  socketPath = '/var/run/docker.sock',
): Promise<Array<{ id: string; nodeId: string; status: string }>> {
  const ex = new DockerExecutor({ socketPath });
  const list = await ex.list({ labels: { [Label.ServiceId]: serviceId }, all: true });
  return list.map((c) => ({ id: c.id, nodeId: c.ids?.nodeId ?? '', status: c.status }));
}

/** The daemon tests' free ports: the shared helper. */
export { freePort };

export interface DaemonCluster {
  /** m1 (init, the first leader), m2, m3. */
  managers: DaemonProcess[];
  worker: DaemonProcess;
  clusterId: string;
  /** m1's advertised address (where the agents start their sessions). */
  managerAddr: string;
}

/**
 * Three manager daemons (m1 init, m2 and m3 join) and one worker (w1) under `root`, on loopback;
 * resolves once the three are reachable voters. `initArgs` go to m1's --init (cluster settings).
 * Every process is pushed to `procs` as soon as it runs, so the caller's cleanup kills it.
 */
export async function startDaemonCluster(
  root: string,
  procs: DaemonProcess[],
  initArgs: string[] = [],
): Promise<DaemonCluster> {
  const ports = [await freePort(), await freePort(), await freePort()];
  const first = await spawnDaemon(join(root, 'm1'), [
    '--init',
    '--listen-addr',
    `127.0.0.1:${ports[0]}`,
    '--hostname',
    'm1',
    ...initArgs,
  ]);
  procs.push(first);
  const managers = [first];
  const { manager: token, worker: workerToken, managerAddr } = first.ready.joinTokens!;
  for (const i of [1, 2]) {
    const d = await spawnDaemon(join(root, `m${i + 1}`), [
      '--join',
      token,
      managerAddr,
      '--listen-addr',
      `127.0.0.1:${ports[i]}`,
      '--hostname',
      `m${i + 1}`,
    ]);
    procs.push(d);
    managers.push(d);
  }
  const worker = await spawnDaemon(join(root, 'w1'), ['--join', workerToken, managerAddr, '--hostname', 'w1']);
  procs.push(worker);
  const leader = new SocketClient(first.dataDir);
  try {
    await waitFor(
      'three reachable voters',
      async () => {
        const ci = await leader.control<clusterctl.control.ClusterInfo>('getClusterInfo');
        return ci.managers.length === 3 && ci.managers.every((x) => x.reachability === 'reachable');
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  } finally {
    leader.close();
  }
  return { managers, worker, clusterId: first.ready.clusterId, managerAddr };
}
