// init, join, start, leave, join-token: the node's membership in a cluster.
import { ClusterError, ErrorCode, parseCertExpiryMs, processAlive } from '@clusterctl/common';
import { parseJoinToken } from '@clusterctl/ca';
import type { Ctx } from '../context.js';
import { parseAddr, parseDurationMs, parseHostname, usageError } from '../parse.js';
import type { Output } from '../render.js';
import { startDaemonBackground, startDaemonForeground, type ReadyInfo, type StartedDaemon } from '../spawn-daemon.js';

export interface InitOptions {
  listenAddr?: string;
  advertiseAddr?: string;
  heartbeatPeriod?: string;
  nodeGrace?: string;
  certExpiry?: string;
  hostname?: string;
  foreground?: boolean;
}

export interface JoinOptions {
  token?: string;
  listenAddr?: string;
  advertiseAddr?: string;
  hostname?: string;
  foreground?: boolean;
}

export function joinCommand(token: string, addr: string): string {
  return `clusterctl join --token ${token} ${addr}`;
}

/** The daemon's flags for init (all values checked before anything starts). */
export function initDaemonArgs(o: InitOptions): string[] {
  const args = ['--init'];
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
      throw usageError(`--node-grace ${o.nodeGrace} must be longer than the heartbeat period (${heartbeatMs ?? 500}ms)`, 'a node is marked down after missing several heartbeats: use e.g. --heartbeat-period 500ms --node-grace 2s');
    }
    args.push('--node-grace', `${graceMs}ms`);
  }
  if (o.certExpiry !== undefined) args.push('--cert-expiry', `${parseCertExpiryMs('--cert-expiry', o.certExpiry)}ms`);
  if (o.hostname !== undefined) args.push('--hostname', parseHostname(o.hostname));
  return args;
}

/** The daemon's flags for join; the token itself goes to the daemon's stdin (`--join -`), never on its command line. */
export function joinDaemonArgs(o: JoinOptions, managerAddr: string): string[] {
  joinToken(o);
  const args = ['--join', '-', parseAddr('MANAGER_ADDR', managerAddr)];
  if (o.listenAddr !== undefined) args.push('--listen-addr', parseAddr('--listen-addr', o.listenAddr));
  if (o.advertiseAddr !== undefined) args.push('--advertise-addr', parseAddr('--advertise-addr', o.advertiseAddr));
  if (o.hostname !== undefined) args.push('--hostname', parseHostname(o.hostname));
  return args;
}

function joinToken(o: JoinOptions): string {
  if (o.token === undefined || o.token === '') throw usageError('join: --token is required', 'print a token with `clusterctl join-token worker` (or manager) on a manager');
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
  };
}

/** What `init` prints: the node, then the join commands for workers and managers (as `docker swarm init`). */
export function initOutput(r: ReadyInfo): Output {
  const t = r.joinTokens;
  const lines = [`Cluster initialized: current node (${r.nodeId}) is now a manager.`, `Node daemon running as pid ${r.pid}; control socket ${r.controlSocket}.`];
  const json: Record<string, unknown> = readyJson(r);
  if (t !== undefined) {
    lines.push('', 'To add a worker to this cluster, run the following command:', '', `    ${joinCommand(t.worker, t.managerAddr)}`);
    lines.push('', 'To add a manager to this cluster, run the following command:', '', `    ${joinCommand(t.manager, t.managerAddr)}`, '');
    json.joinTokens = t;
    json.joinCommands = { worker: joinCommand(t.worker, t.managerAddr), manager: joinCommand(t.manager, t.managerAddr) };
  }
  return { kind: 'text', lines, json };
}

export function joinOutput(r: ReadyInfo): Output {
  return { kind: 'text', lines: [`This node (${r.nodeId}) joined the cluster as a ${r.role}.`], json: readyJson(r) };
}

async function runDaemon(ctx: Ctx, args: string[], foreground: boolean, out: (r: ReadyInfo) => Output, stdin?: string): Promise<Output> {
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

export async function initCmd(ctx: Ctx, o: InitOptions): Promise<Output> {
  return runDaemon(ctx, initDaemonArgs(o), o.foreground === true, initOutput);
}

export async function joinCmd(ctx: Ctx, managerAddr: string, o: JoinOptions): Promise<Output> {
  const args = joinDaemonArgs(o, managerAddr);
  return runDaemon(ctx, args, o.foreground === true, joinOutput, `${joinToken(o)}\n`);
}

/** Starts the daemon of a data dir that already holds a node (after a reboot or a crash). */
export async function startCmd(ctx: Ctx, o: { foreground?: boolean }): Promise<Output> {
  return runDaemon(ctx, [], o.foreground === true, (r) => ({ kind: 'text', lines: [`Node daemon of ${r.nodeId} (${r.role}) started as pid ${r.pid}.`], json: readyJson(r) }));
}

export const LEAVE_EXIT_TIMEOUT_MS = 20_000;

export async function leaveCmd(ctx: Ctx, o: { force?: boolean }): Promise<Output> {
  const c = ctx.client();
  const info = await c.local('info', {});
  const res = await c.local('leave', { force: o.force === true });
  const deadline = ctx.now() + LEAVE_EXIT_TIMEOUT_MS;
  while (info.pid > 0 && processAlive(info.pid)) {
    if (ctx.now() > deadline) {
      throw new ClusterError(ErrorCode.Timeout, `the node left the cluster but its daemon (pid ${info.pid}) did not exit within ${LEAVE_EXIT_TIMEOUT_MS / 1000}s`, { hint: `stop it with kill ${info.pid}` });
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
  if (role !== 'worker' && role !== 'manager') throw usageError(`join-token: unknown role ${JSON.stringify(role)}`, 'use `clusterctl join-token worker` or `clusterctl join-token manager`');
  const res = await ctx.client().control('getJoinToken', { role, rotate: o.rotate === true });
  const json = { role, token: res.token, managerAddr: res.managerAddr, joinCommand: joinCommand(res.token, res.managerAddr), rotated: o.rotate === true };
  if (o.quiet) return { kind: 'text', lines: [res.token], json };
  const lines: string[] = [];
  if (o.rotate) lines.push(`Successfully rotated ${role} join token.`, '');
  lines.push(`To add a ${role} to this cluster, run the following command:`, '', `    ${joinCommand(res.token, res.managerAddr)}`, '');
  return { kind: 'text', lines, json };
}
