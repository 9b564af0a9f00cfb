// init, join, start, leave, join-token: the node's membership in a cluster.
import { ClusterError, dataPaths, decodeBackup, ErrorCode, parseCertExpiryMs, processAlive } from '@clusterctl/common';
import { parseJoinToken } from '@clusterctl/ca';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { parseAddr, parseChoice, parseDurationMs, parseHostname, usageError } from '../parse.js';
import type { Output } from '../render.js';
import { readUnlockKey, unlockKeyLines } from './autolock.js';
import { startDaemonBackground, startDaemonForeground, type ReadyInfo, type StartedDaemon } from '../spawn-daemon.js';

/** --metrics-addr / --metrics-token-file of init, join and start; --dashboard-addr too. */
export interface MetricsOptions {
  metricsAddr?: string;
  metricsTokenFile?: string;
  /** Dashboard: serve the web dashboard on HOST:PORT (managers). */
  dashboardAddr?: string;
}

/** Dashboard: the daemon's --dashboard-addr. */
export function dashboardDaemonArgs(o: MetricsOptions): string[] {
  return o.dashboardAddr === undefined ? [] : ['--dashboard-addr', parseAddr('--dashboard-addr', o.dashboardAddr)];
}

/** The daemon's metrics flags (the daemon checks the address and reads the token file itself). */
export function metricsDaemonArgs(o: MetricsOptions): string[] {
  const args: string[] = [];
  if (o.metricsAddr !== undefined) args.push('--metrics-addr', parseAddr('--metrics-addr', o.metricsAddr));
  if (o.metricsTokenFile !== undefined) {
    if (o.metricsAddr === undefined)
      throw usageError(
        '--metrics-token-file goes with --metrics-addr',
        'e.g. --metrics-addr 0.0.0.0:9323 --metrics-token-file FILE',
      );
    args.push('--metrics-token-file', resolve(o.metricsTokenFile));
  }
  return args;
}

export interface InitOptions extends MetricsOptions {
  listenAddr?: string;
  advertiseAddr?: string;
  heartbeatPeriod?: string;
  nodeGrace?: string;
  certExpiry?: string;
  hostname?: string;
  foreground?: boolean;
  /** A new cluster from this backup file. */
  restore?: string;
  /** The stopped manager of the data dir becomes the only manager of its cluster. */
  forceNewCluster?: boolean;
  /** autolock: managers start locked until `clusterctl unlock`. */
  autolock?: boolean;
  /** Networking: on | off. */
  dataPlane?: string;
  // networking
  defaultAddrPool?: string;
  vipPool?: string;
  dataPathBackend?: string;
  dataPathPort?: string;
}

const CIDR_RE = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;

/** The networking flags of init as daemon flags (the managers check the values as a whole). */
function initNetworkArgs(o: InitOptions): string[] {
  const args: string[] = [];
  for (const [flag, v] of [
    ['--default-addr-pool', o.defaultAddrPool],
    ['--vip-pool', o.vipPool],
  ] as const) {
    if (v === undefined) continue;
    if (!CIDR_RE.test(v.trim()))
      throw usageError(`${flag}: ${JSON.stringify(v)} is not an IPv4 CIDR block`, `e.g. ${flag} 10.240.0.0/16`);
    args.push(flag, v.trim());
  }
  if (o.dataPathBackend !== undefined)
    args.push(
      '--data-path-backend',
      parseChoice('--data-path-backend', o.dataPathBackend, ['auto', 'host-gw', 'vxlan'] as const),
    );
  if (o.dataPathPort !== undefined) {
    const port = o.dataPathPort.trim();
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1024 || Number(port) > 49151)
      throw usageError(
        `--data-path-port: invalid port ${JSON.stringify(o.dataPathPort)}`,
        'a UDP port from 1024 to 49151 (default 4789)',
      );
    args.push('--data-path-port', port);
  }
  return args;
}

export interface JoinOptions extends MetricsOptions {
  token?: string;
  listenAddr?: string;
  advertiseAddr?: string;
  hostname?: string;
  foreground?: boolean;
  /** Networking: on | off. */
  dataPlane?: string;
}

/** Networking: the daemon's --data-plane flag (on | off; absent: the daemon's default, on). */
export function dataPlaneArgs(v: string | undefined): string[] {
  if (v === undefined) return [];
  if (v !== 'on' && v !== 'off')
    throw usageError(
      `--data-plane: expected on or off, got ${JSON.stringify(v)}`,
      "off runs the node without the cluster network (tasks on Docker's default bridge, ports bound on the node)",
    );
  return ['--data-plane', v];
}

export function joinCommand(token: string, addr: string): string {
  return `clusterctl join --token ${token} ${addr}`;
}

/** The daemon's flags for init (all values checked before anything starts). */
export function initDaemonArgs(o: InitOptions): string[] {
  const network = initNetworkArgs(o);
  const settings =
    o.heartbeatPeriod !== undefined ||
    o.nodeGrace !== undefined ||
    o.certExpiry !== undefined ||
    o.autolock === true ||
    network.length > 0;
  if (o.forceNewCluster === true) {
    if (o.restore !== undefined)
      throw usageError(
        'init: --force-new-cluster and --restore exclude each other',
        '--force-new-cluster keeps the state of this stopped manager; --restore starts from a backup on an empty data dir',
      );
    if (settings || o.listenAddr !== undefined || o.advertiseAddr !== undefined || o.hostname !== undefined) {
      throw usageError(
        "init --force-new-cluster keeps this manager's addresses, hostname and the cluster settings",
        'give no other option (change settings afterwards with `clusterctl cluster update`)',
      );
    }
    return ['--force-new-cluster', ...dataPlaneArgs(o.dataPlane), ...metricsDaemonArgs(o), ...dashboardDaemonArgs(o)];
  }
  const args = ['--init'];
  if (o.restore !== undefined) {
    if (o.restore === '')
      throw usageError(
        'init --restore: no file given',
        'clusterctl init --restore FILE (a file written by `clusterctl cluster backup FILE`)',
      );
    if (settings)
      throw usageError(
        'init --restore brings the cluster settings of the backup',
        'leave out --heartbeat-period, --node-grace, --cert-expiry, --autolock and the address pool flags (change settings afterwards with `clusterctl cluster update`)',
      );
    args.push('--restore', resolve(o.restore));
  }
  if (o.autolock === true) args.push('--autolock');
  if (o.listenAddr !== undefined) args.push('--listen-addr', parseAddr('--listen-addr', o.listenAddr));
  if (o.advertiseAddr !== undefined) args.push('--advertise-addr', parseAddr('--advertise-addr', o.advertiseAddr));
  let heartbeatMs: number | undefined;
  if (o.heartbeatPeriod !== undefined) {
    heartbeatMs = parseDurationMs('--heartbeat-period', o.heartbeatPeriod);
    args.push('--heartbeat-period', `${heartbeatMs}ms`);
  }
  if (o.nodeGrace !== undefined) {
    const graceMs = parseDurationMs('--node-grace', o.nodeGrace);
    if (graceMs <= (heartbeatMs ?? 500)) {
      throw usageError(
        `--node-grace ${o.nodeGrace} must be longer than the heartbeat period (${heartbeatMs ?? 500}ms)`,
        'a node is marked down after missing several heartbeats: use e.g. --heartbeat-period 500ms --node-grace 2s',
      );
    }
    args.push('--node-grace', `${graceMs}ms`);
  }
  if (o.certExpiry !== undefined) args.push('--cert-expiry', `${parseCertExpiryMs('--cert-expiry', o.certExpiry)}ms`);
  if (o.hostname !== undefined) args.push('--hostname', parseHostname(o.hostname));
  args.push(...dataPlaneArgs(o.dataPlane));
  args.push(...network);
  args.push(...metricsDaemonArgs(o), ...dashboardDaemonArgs(o));
  return args;
}

/** The daemon's flags for join; the token itself goes to the daemon's stdin (`--join -`), never on its command line. */
export function joinDaemonArgs(o: JoinOptions, managerAddr: string): string[] {
  joinToken(o);
  const args = ['--join', '-', parseAddr('MANAGER_ADDR', managerAddr)];
  if (o.listenAddr !== undefined) args.push('--listen-addr', parseAddr('--listen-addr', o.listenAddr));
  if (o.advertiseAddr !== undefined) args.push('--advertise-addr', parseAddr('--advertise-addr', o.advertiseAddr));
  if (o.hostname !== undefined) args.push('--hostname', parseHostname(o.hostname));
  args.push(...dataPlaneArgs(o.dataPlane));
  args.push(...metricsDaemonArgs(o), ...dashboardDaemonArgs(o));
  return args;
}

function joinToken(o: JoinOptions): string {
  if (o.token === undefined || o.token === '')
    throw usageError(
      'join: --token is required',
      'print a token with `clusterctl join-token worker` (or manager) on a manager',
    );
  parseJoinToken(o.token);
  return o.token.trim();
}

function readyJson(r: ReadyInfo): Record<string, unknown> {
  return {
    nodeId: r.nodeId,
    role: r.role,
    clusterId: r.clusterId,
    hostname: r.hostname,
    listenAddr: r.listenAddr,
    advertiseAddr: r.advertiseAddr,
    managerAddrs: r.managerAddrs,
    controlSocket: r.controlSocket,
    pid: r.pid,
    ...(r.dashboardAddr === undefined ? {} : { dashboardAddr: r.dashboardAddr }),
  };
}

/** What `init` prints: the node, then the join commands for workers and managers (as `docker swarm init`). */
export function initOutput(r: ReadyInfo): Output {
  const t = r.joinTokens;
  const lines: string[] = [];
  const json: Record<string, unknown> = readyJson(r);
  if (r.mode === 'force-new-cluster') {
    lines.push(
      `Forced a new cluster: this node (${r.nodeId}) is now the only manager of cluster ${r.clusterId}, with its services, secrets and nodes.`,
    );
  } else if (r.mode === 'restore' && r.restoredFrom !== undefined) {
    lines.push(
      `Cluster ${r.clusterId} restored from ${r.restoredFrom.file} (raft index ${r.restoredFrom.raftIndex}, taken ${r.restoredFrom.createdAt}): this node (${r.nodeId}) is its only manager.`,
    );
    json.restoredFrom = r.restoredFrom;
  } else {
    lines.push(`Cluster initialized: current node (${r.nodeId}) is now a manager.`);
  }
  if (r.removedManagers !== undefined) {
    json.removedManagers = r.removedManagers;
    if (r.removedManagers.length > 0) {
      lines.push(`Removed managers: ${r.removedManagers.map((m) => `${m.hostname} (${m.nodeId})`).join(', ')}.`);
      lines.push(
        'Do not start them with their old data dirs: remove those first (with their daemons stopped), then join them again with the manager token below.',
      );
    }
  }
  lines.push(`Node daemon running as pid ${r.pid}; control socket ${r.controlSocket}.`);
  if (t !== undefined) {
    lines.push(
      '',
      'To add a worker to this cluster, run the following command:',
      '',
      `    ${joinCommand(t.worker, t.managerAddr)}`,
    );
    lines.push(
      '',
      'To add a manager to this cluster, run the following command:',
      '',
      `    ${joinCommand(t.manager, t.managerAddr)}`,
      '',
    );
    json.joinTokens = t;
    json.joinCommands = {
      worker: joinCommand(t.worker, t.managerAddr),
      manager: joinCommand(t.manager, t.managerAddr),
    };
  }
  if (r.unlockKey !== undefined) {
    lines.push(...unlockKeyLines(r.unlockKey));
    json.unlockKey = r.unlockKey;
  }
  return { kind: 'text', lines, json };
}

export function joinOutput(r: ReadyInfo): Output {
  return { kind: 'text', lines: [`This node (${r.nodeId}) joined the cluster as a ${r.role}.`], json: readyJson(r) };
}

async function runDaemon(
  ctx: Ctx,
  args: string[],
  foreground: boolean,
  out: (r: ReadyInfo) => Output,
  stdin?: string,
): Promise<Output> {
  let started: StartedDaemon;
  const opts = stdin === undefined ? {} : { stdin };
  if (foreground) {
    started = await startDaemonForeground(ctx.dataDir, args, opts);
    ctx.print(out(started.ready));
    ctx.exitCode = await started.exited;
    return { kind: 'none' };
  }
  started = await startDaemonBackground(ctx.dataDir, args, opts);
  return out(started.ready);
}

export async function initCmd(
  ctx: Ctx,
  o: InitOptions,
  readKey: () => Promise<string> = () => readUnlockKey(),
): Promise<Output> {
  const args = initDaemonArgs(o);
  // A damaged backup is refused before anything is written (the daemon checks it again).
  if (o.restore !== undefined) await checkBackupFile(resolve(o.restore));
  // autolock: a locked manager's state is read with its unlock key (given to the daemon on stdin)
  if (o.forceNewCluster === true && (await dataKeyWrapped(ctx.dataDir))) {
    const key = await readKey();
    return runDaemon(ctx, [...args, '--unlock-key', '-'], o.foreground === true, initOutput, `${key}\n`);
  }
  return runDaemon(ctx, args, o.foreground === true, initOutput);
}

/** autolock: the data dir's raft data key is wrapped by an unlock key. */
async function dataKeyWrapped(dataDir: string): Promise<boolean> {
  try {
    const j = JSON.parse(await readFile(dataPaths(dataDir).raftDekFile, 'utf8')) as { wrapped?: unknown };
    return j.wrapped !== undefined;
  } catch {
    return false;
  }
}

/** Reads and checks a backup file: CORRUPT if damaged, NOT_FOUND if absent. */
export async function checkBackupFile(path: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClusterError(
      code === 'ENOENT' ? ErrorCode.NotFound : ErrorCode.FailedPrecondition,
      `cannot read the backup ${path}: ${code ?? (e instanceof Error ? e.message : String(e))}`,
      {
        hint: 'give the path of a file written by `clusterctl cluster backup FILE`',
      },
    );
  }
  decodeBackup(bytes, path);
}

export async function joinCmd(ctx: Ctx, managerAddr: string, o: JoinOptions): Promise<Output> {
  const args = joinDaemonArgs(o, managerAddr);
  return runDaemon(ctx, args, o.foreground === true, joinOutput, `${joinToken(o)}\n`);
}

/**
 * `cluster backup FILE`: the local manager's applied state (no quorum needed) into FILE, atomically
 * (a temp file beside it, fsynced, renamed; the directory fsynced) with mode 0600: it holds the
 * cluster's keys.
 */
export async function backupCmd(ctx: Ctx, file: string): Promise<Output> {
  if (file === '') throw usageError('cluster backup: no file given', 'clusterctl cluster backup FILE');
  const path = resolve(file);
  const { bytes, first } = await ctx.client().backup();
  await writeFileAtomic(path, bytes, 0o600);
  const json = {
    file: path,
    bytes: bytes.length,
    clusterId: first.clusterId,
    raftIndex: first.raftIndex,
    raftTerm: first.raftTerm,
  };
  return {
    kind: 'text',
    lines: [
      `Backup of cluster ${first.clusterId} at raft index ${first.raftIndex} written to ${path} (${bytes.length} bytes).`,
    ],
    json,
  };
}

/** Writes `data` to `path` so that a reader sees the old file or the whole new one, never a part. */
export async function writeFileAtomic(path: string, data: Uint8Array, mode: number): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  let fh: FileHandle | undefined;
  try {
    fh = await open(tmp, 'wx', mode);
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, path);
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClusterError(
      code === 'EACCES' || code === 'EPERM' ? ErrorCode.PermissionDenied : ErrorCode.FailedPrecondition,
      `cannot write ${path}: ${code ?? (e instanceof Error ? e.message : String(e))}`,
      {
        hint: 'choose a file in a directory this user may write to, on a disk with room',
        cause: e,
      },
    );
  }
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Starts the daemon of a data dir that already holds a node (after a reboot or a crash). */
export async function startCmd(
  ctx: Ctx,
  o: { foreground?: boolean; dataPlane?: string } & MetricsOptions,
): Promise<Output> {
  return runDaemon(
    ctx,
    [...dataPlaneArgs(o.dataPlane), ...metricsDaemonArgs(o), ...dashboardDaemonArgs(o)],
    o.foreground === true,
    (r) => ({
      kind: 'text',
      lines: [
        `Node daemon of ${r.nodeId} (${r.role}) started as pid ${r.pid}.`,
        ...(r.locked === true
          ? ['This manager is locked (autolock): it serves nothing until you run `clusterctl unlock`.']
          : []),
      ],
      json: { ...readyJson(r), locked: r.locked === true },
    }),
  );
}

export const LEAVE_EXIT_TIMEOUT_MS = 20_000;

export async function leaveCmd(ctx: Ctx, o: { force?: boolean }): Promise<Output> {
  const c = ctx.client();
  const info = await c.local('info', {});
  const res = await c.local('leave', { force: o.force === true });
  const deadline = ctx.now() + LEAVE_EXIT_TIMEOUT_MS;
  while (info.pid > 0 && processAlive(info.pid)) {
    if (ctx.now() > deadline) {
      throw new ClusterError(
        ErrorCode.Timeout,
        `the node left the cluster but its daemon (pid ${info.pid}) did not exit within ${LEAVE_EXIT_TIMEOUT_MS / 1000}s`,
        { hint: `stop it with kill ${info.pid}` },
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const removed = Number(res.containersRemoved ?? 0);
  return {
    kind: 'text',
    lines: [`Node ${res.nodeId} left the cluster (${removed} task container${removed === 1 ? '' : 's'} removed).`],
    json: { nodeId: res.nodeId, containersRemoved: removed },
  };
}

export async function joinTokenCmd(ctx: Ctx, role: string, o: { rotate?: boolean; quiet?: boolean }): Promise<Output> {
  if (role !== 'worker' && role !== 'manager')
    throw usageError(
      `join-token: unknown role ${JSON.stringify(role)}`,
      'use `clusterctl join-token worker` or `clusterctl join-token manager`',
    );
  const res = await ctx.client().control('getJoinToken', { role, rotate: o.rotate === true });
  const json = {
    role,
    token: res.token,
    managerAddr: res.managerAddr,
    joinCommand: joinCommand(res.token, res.managerAddr),
    rotated: o.rotate === true,
  };
  if (o.quiet) return { kind: 'text', lines: [res.token], json };
  const lines: string[] = [];
  if (o.rotate) lines.push(`Successfully rotated ${role} join token.`, '');
  lines.push(
    `To add a ${role} to this cluster, run the following command:`,
    '',
    `    ${joinCommand(res.token, res.managerAddr)}`,
    '',
  );
  return { kind: 'text', lines, json };
}
