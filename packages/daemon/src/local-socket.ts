// The daemon's control socket (DATA_DIR/control.sock), what the CLI talks to: Control forwarded to
// a manager (ControlProxy) and Local about this node (Info, Leave). Kept apart from the daemon's
// lifecycle: this file only reads the node's parts and asks the daemon to leave.
import { chmod, unlink } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import type { Agent } from '@clusterctl/agent';
import { ClusterError, ErrorCode, fromGrpcError, toGrpcError, type Logger } from '@clusterctl/common';
import type { NodeFile, NodeTls } from '@clusterctl/ca';
import { lockedError, type Manager } from '@clusterctl/manager';
import { ControlService, LocalService, type clusterctl } from '@clusterctl/proto';
import { ControlProxy } from './control-proxy.js';

export const DAEMON_VERSION = '0.1.0';
/** Backup bytes per Local.Backup message. */
const BACKUP_CHUNK_BYTES = 1024 * 1024;

/** What the socket reads from the running daemon, and the two things it asks of it. */
export interface LocalSocketHost {
  log: Logger;
  socketPath: string;
  dataDir: string;
  startedAt: number;
  file(): NodeFile;
  manager(): Manager | undefined;
  agent(): Agent | undefined;
  hostname(): string;
  managerAddrs(): string[];
  tls(): NodeTls;
  channelCredentials(): grpc.ChannelCredentials;
  /** Leaves the cluster (Local.Leave); the daemon exits after the answer went out. */
  leave(force: boolean): Promise<clusterctl.local.ILeaveResponse>;
  exit(code: number): void;
  /** Dashboard: a login link for this manager's dashboard. */
  dashboardLogin(req: clusterctl.local.DashboardLoginRequest): clusterctl.local.IDashboardLoginResponse;
  /** autolock: this manager waits for its unlock key (every Control call answers LOCKED). */
  locked(): boolean;
  /** Local.Unlock. */
  unlock(unlockKey: string): Promise<void>;
}

export class LocalSocket {
  private server: grpc.Server | undefined;
  private proxy: ControlProxy | undefined;

  constructor(private readonly host: LocalSocketHost) {}

  /** Serves Control and Local on the socket (a stale socket file is replaced; mode 0600). */
  async start(): Promise<void> {
    const { host } = this;
    const sock = host.socketPath;
    await unlink(sock).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    this.proxy = new ControlProxy({
      clusterId: host.file().clusterId,
      tls: () => host.tls(),
      credentials: () => host.channelCredentials(),
      role: () => (host.manager() ? 'manager' : 'worker'),
      targets: () => host.managerAddrs(),
      log: host.log.child({ component: 'control-proxy' }),
    });
    const server = new grpc.Server();
    const { definition, handlers } = this.proxy.service();
    server.addService(
      definition,
      lockedGuard(handlers, () => host.locked()),
    );
    server.addService(LocalService as unknown as grpc.ServiceDefinition, {
      info: (_call: unknown, cb: grpc.sendUnaryData<clusterctl.local.IInfoResponse>) => cb(null, this.info()),
      leave: (
        call: grpc.ServerUnaryCall<clusterctl.local.LeaveRequest, unknown>,
        cb: grpc.sendUnaryData<clusterctl.local.ILeaveResponse>,
      ) => {
        host.leave(call.request.force).then(
          (res) => {
            cb(null, res);
            // Answer first, then go.
            setTimeout(() => host.exit(0), 100).unref();
          },
          (e: unknown) => cb(toGrpcError(e)),
        );
      },
      backup: (call: grpc.ServerWritableStream<clusterctl.local.BackupRequest, clusterctl.local.IBackupChunk>) => {
        if (host.locked()) call.emit('error', toGrpcError(lockedError()));
        else this.backup(call);
      },
      dashboardLogin: (
        call: grpc.ServerUnaryCall<clusterctl.local.DashboardLoginRequest, unknown>,
        cb: grpc.sendUnaryData<clusterctl.local.IDashboardLoginResponse>,
      ) => {
        try {
          cb(null, host.dashboardLogin(call.request));
        } catch (e) {
          cb(toGrpcError(e));
        }
      },
      unlock: (
        call: grpc.ServerUnaryCall<clusterctl.local.UnlockRequest, unknown>,
        cb: grpc.sendUnaryData<clusterctl.local.IUnlockResponse>,
      ) => {
        host.unlock(call.request.unlockKey).then(
          () => cb(null, {}),
          (e: unknown) => cb(toGrpcError(e)),
        );
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix:${sock}`, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    await chmod(sock, 0o600);
  }

  /** The proxy's channels go (the node's role or certificate changed); new ones are dialled on demand. */
  closeProxy(): void {
    this.proxy?.close();
  }

  /** Stops serving: calls in flight finish, then the proxy's channels close. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    this.proxy?.close();
  }

  /** Local.Info: this node as the CLI shows it (`clusterctl info`). */
  info(): clusterctl.local.IInfoResponse {
    const { host } = this;
    const file = host.file();
    const manager = host.manager();
    const a = host.agent()?.status();
    let leaderAddr = '';
    if (manager) leaderAddr = manager.leaderAddr();
    else if (a?.connected && a.addr) leaderAddr = a.addr;
    return {
      nodeId: file.nodeId,
      role: file.role,
      clusterId: file.clusterId,
      hostname: host.hostname(),
      managerAddrs: host.managerAddrs(),
      leaderAddr,
      isLeader: manager?.isLeader() ?? false,
      listenAddr: file.listenAddr,
      advertiseAddr: manager?.advertiseAddr ?? file.advertiseAddr,
      dataDir: host.dataDir,
      pid: process.pid,
      agentConnected: a?.connected ?? false,
      agentSessionAddr: a?.addr ?? '',
      tasks: a?.tasks ?? 0,
      startedAt: host.startedAt,
      version: DAEMON_VERSION,
      locked: host.locked(),
    };
  }

  /** Local.Backup: this manager's applied state as a backup file, in chunks. */
  private backup(call: grpc.ServerWritableStream<clusterctl.local.BackupRequest, clusterctl.local.IBackupChunk>): void {
    const manager = this.host.manager();
    if (manager === undefined) {
      call.emit(
        'error',
        toGrpcError(
          new ClusterError(
            ErrorCode.FailedPrecondition,
            'this node is a worker: only a manager holds the cluster state',
            { hint: 'run `clusterctl cluster backup FILE` on a manager' },
          ),
        ),
      );
      return;
    }
    let b: ReturnType<typeof manager.backup>;
    try {
      b = manager.backup();
    } catch (e) {
      call.emit('error', toGrpcError(e));
      return;
    }
    this.host.log.info({ bytes: b.bytes.length, raftIndex: b.header.raftIndex }, 'backup taken');
    const total = b.bytes.length;
    let off = 0;
    const next = (): void => {
      while (off === 0 || off < total) {
        const data = b.bytes.subarray(off, Math.min(total, off + BACKUP_CHUNK_BYTES));
        const first = off === 0;
        off += Math.max(data.length, 1);
        const more = call.write(
          first
            ? {
                data,
                raftIndex: b.header.raftIndex,
                raftTerm: b.header.raftTerm,
                clusterId: this.host.file().clusterId,
                totalBytes: total,
              }
            : { data },
        );
        if (!more && off < total) {
          call.once('drain', next);
          return;
        }
      }
      call.end();
    };
    next();
  }

  /** Join tokens for both roles, fetched through Control like the CLI would. */
  async joinTokens(): Promise<{ worker: string; manager: string; managerAddr: string }> {
    const get = (role: string) =>
      this.callControl<clusterctl.control.JoinTokenResponse>('getJoinToken', { role, rotate: false });
    const [w, m] = await Promise.all([get('worker'), get('manager')]);
    return {
      worker: w.token,
      manager: m.token,
      managerAddr: w.managerAddr || this.host.manager()?.advertiseAddr || '',
    };
  }

  /** A Control call through this socket (the same path the CLI takes). */
  async callControl<T>(method: keyof typeof ControlService, req: object, timeoutMs = 30_000): Promise<T> {
    const def = (ControlService as unknown as Record<string, grpc.MethodDefinition<object, T>>)[method]!;
    const client = new grpc.Client(`unix:${this.host.socketPath}`, grpc.credentials.createInsecure());
    try {
      return await new Promise<T>((resolve, reject) =>
        client.makeUnaryRequest(
          def.path,
          def.requestSerialize,
          def.responseDeserialize,
          req,
          new grpc.Metadata(),
          { deadline: Date.now() + timeoutMs },
          (err, res) => (err ? reject(fromGrpcError(err, { target: 'the local daemon' })) : resolve(res as T)),
        ),
      );
    } finally {
      client.close();
    }
  }
}

/** autolock: while this manager is locked, every Control call answers LOCKED (nothing is forwarded). */
function lockedGuard(
  handlers: grpc.UntypedServiceImplementation,
  locked: () => boolean,
): grpc.UntypedServiceImplementation {
  const out: grpc.UntypedServiceImplementation = {};
  for (const [name, h] of Object.entries(handlers)) {
    out[name] = ((call: grpc.ServerWritableStream<unknown, unknown>, cb?: grpc.sendUnaryData<unknown>) => {
      if (!locked()) return (h as (c: unknown, cb?: unknown) => void)(call, cb);
      const err = toGrpcError(lockedError());
      if (typeof cb === 'function') cb(err);
      else call.emit('error', err);
    }) as grpc.UntypedHandleCall;
  }
  return out;
}
