// One node daemon per node: the agent on every node, the Manager (raft + store + manager services)
// on managers, and the local control socket for the CLI (local-socket.ts). Modes: init (new
// cluster), join (token + manager address), restart (node.json). This file owns the node's parts
// and their lifecycle; promotion and demotion (role-change.ts) switch them at run time.
import { mkdir, readFile, rm, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname as machineHostname, networkInterfaces } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import {
  Agent,
  DockerExecutor,
  managerChannelOptions,
  NodeMetrics,
  type AgentImagesConfig,
  type DispatcherClient,
  type Executor,
  type ImageEngine,
  type NetworkEngine,
} from '@clusterctl/agent';
import type { Registry } from 'prom-client';
import {
  checkHostname,
  ClusterError,
  dataPaths,
  decodeBackup,
  DEFAULT_LISTEN_ADDR,
  ErrorCode,
  type DataPaths,
  type Logger,
} from '@clusterctl/common';
import {
  CertRenewal,
  certificateRenewalAt,
  certificateDigest,
  certificateSignedBy,
  certificateValidity,
  joinCluster,
  NodeCredentials,
  parseJoinToken,
  pemCertificates,
  readNodeFile,
  readNodeTls,
  renewCertificate,
  trustBundleDigest,
  verifyNodeCertificate,
  writeNodeFile,
  writeNodeTls,
  type CertRenewalConfig,
  type JoinResult,
  type NodeFile,
  type NodeTls,
} from '@clusterctl/ca';
import {
  checkPoolsAgainstHost,
  DataKey,
  forceNewCluster,
  Manager,
  resolveAddr,
  restoreBackup,
  validateClusterNetwork,
  type HostNetwork,
  type ManagerHooks,
} from '@clusterctl/manager';
import type { NetworkFlags } from './args.js';
import { dockerNetworks, hostRoutes } from './host-networks.js';
import { DispatcherService, type clusterctl } from '@clusterctl/proto';
import { LocalSocket } from './local-socket.js';
import { DashboardServer } from './dashboard/dashboard-server.js';
import { DASHBOARD_TOKEN_DEFAULT_TTL_MS, issueDashboardToken } from './dashboard/dashboard-token.js';
import { RoleChange } from './role-change.js';

export { DAEMON_VERSION } from './local-socket.js';

export interface NodeDaemonOptions {
  dataDir: string;
  log: Logger;
  listenAddr?: string;
  advertiseAddr?: string;
  heartbeatPeriodMs?: number;
  nodeGraceMs?: number;
  hostname?: string;
  dockerSocket?: string;
  /** Another executor (tests); default DockerExecutor on dockerSocket. */
  executor?: Executor;
  /** Manager services and leader components (dispatcher, orchestrators, scheduler). */
  managerHooks?: ManagerHooks;
  /** Called once the daemon must end (after a Leave answered). */
  onExit?: (code: number) => void;
  /** Stop grace of task containers. */
  stopGraceMs?: number;
  /** init: lifetime of node certificates (cluster setting; the caller enforces the floor, 1h for users). */
  nodeCertExpiryMs?: number;
  /** Networking, init: the cluster network's settings (absent fields: defaults). */
  network?: NetworkFlags;
  /** init: autolock from the start (the managers' data keys wrapped by a new unlock key). */
  autolock?: boolean;
  /** Networking, init: the networks this machine uses (default: its routes and Docker's networks). */
  hostNetworks?: () => Promise<HostNetwork[]>;
  /** force-new-cluster: how long each old manager is given to answer (tests). */
  quorumProbeTimeoutMs?: number;
  /** Tuning of the certificate renewal loop (tests). */
  certRenewal?: Pick<CertRenewalConfig, 'checkIntervalMs' | 'retryMinMs' | 'retryMaxMs'>;
  /**
   * Networking: the node's data plane (cluster network, routing mesh, DNS). Default off here (many
   * in-process daemons share one engine in tests); the node-daemon binary's --data-plane defaults to on.
   */
  dataPlane?: 'on' | 'off';
  /**
   * Image shipping: HOST:PORT of the node's image listener (it serves the engine's images to other
   * nodes, and tasks fetch images no registry provides from them). Absent: neither (in-process test
   * daemons); the node-daemon binary's --image-addr defaults to 0.0.0.0:4281.
   */
  imageAddr?: string;
  /** Where node metrics (task containers, engine, agent) are registered (--metrics-addr). */
  metrics?: Registry;
  /** Dashboard: serve the web dashboard on HOST:PORT (managers; off when absent). */
  dashboardAddr?: string;
}

const DispatcherClientCtor = grpc.makeGenericClientConstructor(
  DispatcherService as unknown as grpc.ServiceDefinition,
  'Dispatcher',
);

/** How a daemon starts: a new cluster, joining one with a token, or the node of its data dir again. */
export type StartMode =
  | { kind: 'init' }
  | { kind: 'join'; token: string; managerAddr: string }
  | { kind: 'restart' }
  /** A new cluster from a backup file; `bytes` when the caller already read (and checked) it. */
  | { kind: 'restore'; file: string; bytes?: Uint8Array }
  /** The stopped manager of the data dir becomes the only manager of its cluster. */
  | { kind: 'force-new-cluster'; unlockKey?: string };

export interface ReadyInfo {
  event: 'ready';
  mode: StartMode['kind'];
  nodeId: string;
  role: 'manager' | 'worker';
  clusterId: string;
  hostname: string;
  listenAddr: string;
  advertiseAddr: string;
  managerAddrs: string[];
  controlSocket: string;
  pid: number;
  /** force-new-cluster and restore: the managers removed from the cluster. */
  removedManagers?: { nodeId: string; hostname: string }[];
  /** restore: what the backup held. */
  restoredFrom?: { file: string; raftIndex: number; createdAt: string };
  /** init, restore and force-new-cluster: what `clusterctl init` prints as join commands. */
  joinTokens?: { worker: string; manager: string; managerAddr: string };
  /** Dashboard: HOST:PORT it listens on (--dashboard-addr). */
  dashboardAddr?: string;
  /** init --autolock: the unlock key, shown once. */
  unlockKey?: string;
  /** A restarted manager of an autolocked cluster: it serves nothing until `clusterctl unlock`. */
  locked?: boolean;
}

/** One NodeCA.Renew attempt on one manager; the next manager is tried after this. */
const RENEW_ATTEMPT_TIMEOUT_MS = 5_000;

export class NodeDaemon {
  readonly paths: DataPaths;
  private manager: Manager | undefined;
  private agent: Agent | undefined;
  private file!: NodeFile;
  private credentials: NodeCredentials | undefined;
  /** Image shipping: the node's certificate for its image listener. */
  private imageCredentials: NodeCredentials | undefined;
  private renewal: CertRenewal | undefined;
  /** This node's trust bundle and its digest (compared with the heartbeats'). */
  private ownTrust: { caPem: string; digest: string } | undefined;
  private announcedTrust = '';
  private certRoot: { certPem: string; caPem: string; digest: string } | undefined;
  /** The renewal in flight; role changes wait for it (and renewals skip while one runs). */
  private renewing: Promise<void> | undefined;
  private socket: LocalSocket | undefined;
  private readonly roles: RoleChange;
  private readonly log: Logger;
  private readonly startedAt = Date.now();
  private stopping: Promise<void> | undefined;
  private leaving = false;
  private readonly hostname: string;

  private constructor(private readonly opts: NodeDaemonOptions) {
    this.paths = dataPaths(opts.dataDir);
    this.log = opts.log;
    // init and join without --hostname report the machine's hostname
    this.hostname = opts.hostname ?? machineHostname();
    this.roles = new RoleChange({
      log: this.log,
      closing: () => this.leaving || this.stopping !== undefined,
      renewing: () => this.renewing,
      manager: () => this.manager,
      tls: () => this.tls,
      clusterId: () => this.file.clusterId,
      caTargets: (exclude) => this.caTargets(exclude),
      managerAddrs: () => this.managerAddrs(),
      managerAddresses: () => this.promotedAddresses(),
      runAsManager: (joined, listenAddr, advertiseAddr) => this.runAsManager(joined, listenAddr, advertiseAddr),
      runAsWorker: (m, certPem, managerAddrs) => this.runAsWorker(m, certPem, managerAddrs),
    });
  }

  /** This node's TLS material; setting it hands it to every client channel (certificate provider). */
  private get tls(): NodeTls {
    if (this.credentials === undefined) throw new Error('NodeDaemon: no TLS material yet');
    return this.credentials.current;
  }

  private set tls(v: NodeTls) {
    if (this.credentials === undefined) this.credentials = new NodeCredentials(v, { listenerDelivery: 'sync' });
    else this.credentials.update(v);
    this.dashboard?.server.updateTls(v);
    this.imageCredentials?.update(v);
  }

  static async start(mode: StartMode, opts: NodeDaemonOptions): Promise<{ daemon: NodeDaemon; ready: ReadyInfo }> {
    const d = new NodeDaemon(opts);
    try {
      await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
      await d.checkEngine();
      if (mode.kind === 'init') await d.init();
      else if (mode.kind === 'join') await d.join(mode.token, mode.managerAddr);
      else if (mode.kind === 'restore') await d.restore(mode);
      else if (mode.kind === 'force-new-cluster') await d.forceNewCluster(mode.unlockKey);
      else if (!(await d.startLocked())) await d.restart();
      if (d.lock === undefined) {
        await d.startAgent();
        await d.serveSocket();
        await d.serveDashboard();
        d.startRenewal();
      }
      const ready: ReadyInfo = {
        event: 'ready',
        mode: mode.kind,
        nodeId: d.file.nodeId,
        role: d.file.role,
        clusterId: d.file.clusterId,
        hostname: d.reportedHostname(),
        listenAddr: d.file.listenAddr,
        advertiseAddr: d.manager?.advertiseAddr ?? d.file.advertiseAddr,
        managerAddrs: d.managerAddrs(),
        controlSocket: d.paths.controlSocket,
        pid: process.pid,
      };
      if (d.recovered !== undefined) Object.assign(ready, d.recovered);
      if (d.dashboard !== undefined) ready.dashboardAddr = d.dashboard.addr;
      if (mode.kind === 'init' || mode.kind === 'restore' || mode.kind === 'force-new-cluster')
        ready.joinTokens = await d.socket!.joinTokens();
      if (mode.kind === 'init' && opts.autolock === true)
        ready.unlockKey = (
          await d.socket!.callControl<clusterctl.control.GetUnlockKeyResponse>('getUnlockKey', { rotate: false })
        ).unlockKey;
      if (d.lock !== undefined) ready.locked = true;
      d.log.info({ ...ready, joinTokens: undefined, unlockKey: undefined }, 'node daemon ready');
      return { daemon: d, ready };
    } catch (e) {
      await d.stop().catch(() => undefined);
      throw e;
    }
  }

  // ------------------------------------------------------------------ modes

  private executorInstance: Executor | undefined;

  private executor(): Executor {
    this.executorInstance ??=
      this.opts.executor ??
      new DockerExecutor({
        socketPath: this.opts.dockerSocket ?? '/var/run/docker.sock',
        log: this.log.child({ component: 'executor' }),
      });
    return this.executorInstance;
  }

  /** No cluster state is created (or resumed) on a node whose container engine does not answer. */
  private async checkEngine(): Promise<void> {
    try {
      await this.executor().engineInfo();
    } catch (e) {
      throw new ClusterError(
        ErrorCode.Unavailable,
        `the container engine at ${this.opts.dockerSocket ?? '/var/run/docker.sock'} does not answer: ${e instanceof Error ? e.message : String(e)}`,
        {
          hint: 'start Docker (node scripts/ensure-docker.mjs installs and starts one) or pass --docker-socket',
          cause: e,
        },
      );
    }
  }

  private async refuseExisting(): Promise<void> {
    let exists = false;
    try {
      await readFile(this.paths.nodeFile);
      exists = true;
    } catch {
      // no node.json: a fresh data dir
    }
    if (exists) {
      throw new ClusterError(ErrorCode.FailedPrecondition, `${this.opts.dataDir} already holds a node of a cluster`, {
        hint: 'start the daemon without --init/--join to restart that node, `clusterctl leave` it first, or use another --data-dir',
      });
    }
  }

  private async init(): Promise<void> {
    await this.refuseExisting();
    const o = this.opts;
    // networking: the pools must not collide with what this machine already routes
    const network = validateClusterNetwork(o.network ?? {});
    const host =
      o.hostNetworks !== undefined
        ? await o.hostNetworks()
        : [...(await hostRoutes()), ...(await dockerNetworks(o.dockerSocket ?? '/var/run/docker.sock'))];
    checkPoolsAgainstHost(network, host);
    this.manager = await Manager.init({
      dataDir: o.dataDir,
      logger: this.log,
      listenAddr: o.listenAddr ?? DEFAULT_LISTEN_ADDR,
      ...(o.advertiseAddr === undefined ? {} : { advertiseAddr: o.advertiseAddr }),
      hostname: this.checkedHostname(),
      ...(o.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: o.heartbeatPeriodMs }),
      ...(o.nodeGraceMs === undefined ? {} : { nodeGraceMs: o.nodeGraceMs }),
      ...(o.nodeCertExpiryMs === undefined ? {} : { nodeCertExpiryMs: o.nodeCertExpiryMs }),
      ...(o.autolock === true ? { autolock: true } : {}),
      network,
      ...(o.managerHooks ?? {}),
    });
    this.file = await readNodeFile(o.dataDir);
    this.tls = this.manager.nodeTls;
    this.watchManager();
  }

  private async join(token: string, managerAddr: string): Promise<void> {
    parseJoinToken(token); // a malformed token fails here, before anything is written
    await this.refuseExisting();
    // A joining manager's address is announced before it listens: make port 0 a concrete port.
    const o = {
      ...this.opts,
      ...(this.opts.listenAddr === undefined ? {} : { listenAddr: await concretePort(this.opts.listenAddr) }),
    };
    const hostname = this.checkedHostname();
    const joined = await joinCluster({
      managerAddr,
      token,
      hostname,
      ...(o.advertiseAddr === undefined ? {} : { advertiseAddr: o.advertiseAddr }),
      ...(o.listenAddr === undefined ? {} : { listenAddr: o.listenAddr }),
    });
    this.log.info(
      { nodeId: joined.nodeId, role: joined.role, clusterId: joined.clusterId, managers: joined.managers.length },
      'joined the cluster',
    );
    if (joined.role === 'manager') {
      this.manager = await Manager.join({
        dataDir: o.dataDir,
        logger: this.log,
        listenAddr: o.listenAddr ?? DEFAULT_LISTEN_ADDR,
        ...(o.advertiseAddr === undefined ? {} : { advertiseAddr: o.advertiseAddr }),
        hostname,
        joined,
        ...(o.managerHooks ?? {}),
      });
      this.file = await readNodeFile(o.dataDir);
      this.tls = this.manager.nodeTls;
      this.watchManager();
      return;
    }
    this.tls = { caPem: joined.caCertPem, certPem: joined.certPem, keyPem: joined.keyPem };
    await writeNodeTls(o.dataDir, this.tls);
    const addrs = joined.managers.map((m) => m.addr).filter(Boolean);
    this.file = {
      nodeId: joined.nodeId,
      role: 'worker',
      clusterId: joined.clusterId,
      raftId: 0,
      // Kept for a later promotion (a worker has no listener until then).
      listenAddr: o.listenAddr ?? '',
      advertiseAddr: o.advertiseAddr ?? '',
      managerAddrs: addrs.length > 0 ? addrs : [managerAddr],
      hostname,
    };
    await writeNodeFile(o.dataDir, this.file);
  }

  /** What a recovery did, for the ready line. */
  private recovered: Pick<ReadyInfo, 'removedManagers' | 'restoredFrom'> | undefined;

  /** A new cluster of one from a backup file (same cluster id and CA), on an empty data dir. */
  private async restore(mode: { file: string; bytes?: Uint8Array }): Promise<void> {
    const bytes = mode.bytes ?? (await readBackupFile(mode.file));
    const backup = decodeBackup(bytes, mode.file); // CORRUPT before anything is written
    await this.refuseExisting();
    const o = this.opts;
    const listenAddr = await concretePort(o.listenAddr ?? DEFAULT_LISTEN_ADDR);
    const port = Number(/:(\d+)$/.exec(listenAddr)![1]);
    const advertiseAddr = resolveAddr(o.advertiseAddr ?? listenAddr, port);
    const r = await restoreBackup({
      dataDir: o.dataDir,
      backup: bytes,
      source: mode.file,
      listenAddr,
      advertiseAddr,
      hostname: this.checkedHostname(),
      logger: this.log,
    });
    this.recovered = {
      removedManagers: r.removedManagers.map((m) => ({ nodeId: m.nodeId, hostname: m.hostname })),
      restoredFrom: { file: mode.file, raftIndex: backup.header.raftIndex, createdAt: backup.header.createdAt },
    };
    await this.restart();
  }

  /** The stopped manager of this data dir becomes the only manager of its cluster, with its state. */
  private async forceNewCluster(unlockKey?: string): Promise<void> {
    const file = await readNodeFile(this.opts.dataDir);
    refuseExpired(await readNodeTls(this.opts.dataDir), file, this.opts.dataDir);
    const r = await forceNewCluster({
      dataDir: this.opts.dataDir,
      logger: this.log,
      ...(this.opts.quorumProbeTimeoutMs === undefined ? {} : { probeTimeoutMs: this.opts.quorumProbeTimeoutMs }),
      ...(unlockKey === undefined ? {} : { unlockKey }),
    });
    this.recovered = { removedManagers: r.removedManagers.map((m) => ({ nodeId: m.nodeId, hostname: m.hostname })) };
    await this.restart(unlockKey);
  }

  // ------------------------------------------------------------------ autolock

  /** Set while this manager is locked: its data key is wrapped and no unlock key was given yet. */
  private lock: { unlocking: boolean } | undefined;

  /**
   * A manager whose data key is wrapped (autolock) starts locked: only the control socket, where
   * every call answers LOCKED but Info and Unlock. Returns false for any other node.
   */
  private async startLocked(): Promise<boolean> {
    const o = this.opts;
    this.file = await readNodeFile(o.dataDir);
    if (this.file.role !== 'manager' || !(await DataKey.isLocked(o.dataDir))) return false;
    const tls = await readNodeTls(o.dataDir);
    refuseExpired(tls, this.file, o.dataDir);
    this.tls = tls;
    this.lock = { unlocking: false };
    await this.serveSocket();
    this.log.warn({ nodeId: this.file.nodeId }, 'this manager is locked (autolock): run `clusterctl unlock`');
    return true;
  }

  /** Local.Unlock: checks the key against the data key file, then starts the manager and the agent. */
  private async unlock(unlockKey: string): Promise<void> {
    const lock = this.lock;
    if (lock === undefined)
      throw new ClusterError(ErrorCode.FailedPrecondition, 'this node is not locked', {
        hint: 'nothing to unlock: the node already runs',
      });
    if (lock.unlocking)
      throw new ClusterError(ErrorCode.FailedPrecondition, 'this manager is being unlocked', {
        hint: 'wait for the unlock in progress to finish',
      });
    await DataKey.load(this.opts.dataDir, unlockKey); // INVALID_UNLOCK_KEY before anything starts
    lock.unlocking = true;
    try {
      await this.restart(unlockKey);
    } catch (e) {
      lock.unlocking = false;
      throw e;
    }
    this.lock = undefined;
    this.socket?.closeProxy();
    this.log.info({ nodeId: this.file.nodeId }, 'manager unlocked');
    await this.startAgent();
    await this.serveDashboard();
    this.startRenewal();
  }

  private async restart(unlockKey?: string): Promise<void> {
    const o = this.opts;
    this.file = await readNodeFile(o.dataDir);
    refuseExpired(await readNodeTls(o.dataDir), this.file, o.dataDir);
    if (this.file.role === 'manager') {
      this.manager = await Manager.restart({
        dataDir: o.dataDir,
        logger: this.log,
        ...(unlockKey === undefined ? {} : { unlockKey }),
        ...(o.listenAddr === undefined ? {} : { listenAddr: o.listenAddr }),
        ...(o.managerHooks ?? {}),
      });
      this.tls = this.manager.nodeTls;
      this.watchManager();
    } else {
      this.tls = await readNodeTls(o.dataDir);
    }
  }

  private watchManager(): void {
    this.manager?.onRemoved(() => this.roles.request('demote'));
    this.manager?.onFatal((err) => {
      this.log.fatal({ err }, 'the manager failed; the node daemon exits');
      this.stop()
        .catch(() => undefined)
        .finally(() => this.opts.onExit?.(1));
    });
  }

  // ------------------------------------------------------------------ agent

  /** The hostname a new node registers with (init, join): an RFC 1123 name, as the managers require. */
  private checkedHostname(): string {
    try {
      return checkHostname(
        this.opts.hostname === undefined ? `this machine's hostname` : '--hostname',
        this.reportedHostname(),
      );
    } catch (e) {
      if (this.opts.hostname !== undefined || !(e instanceof ClusterError)) throw e;
      throw new ClusterError(e.code, e.message, { hint: `give the node a name with --hostname NAME; ${e.hint}` });
    }
  }

  private reportedHostname(): string {
    return this.opts.hostname ?? this.file?.hostname ?? this.hostname ?? '';
  }

  /**
   * The address this node is reachable on: advertise host, else a specific listen host, else its
   * first external IPv4 that is not on a container bridge.
   */
  private nodeAddr(): string {
    for (const a of [
      this.manager?.advertiseAddr ?? this.file.advertiseAddr,
      this.file.listenAddr || this.opts.listenAddr,
    ]) {
      const host = a ? hostOf(a) : '';
      if (host && !isWildcard(host)) return host;
    }
    // Not a bridge of the node's container engine (docker0, br-*, the cluster bridge): their
    // addresses are the node's own, unreachable from other nodes.
    const bridge = /^(docker\d*|br-.*|clusterctl.*|veth.*)$/;
    const ifaces = Object.entries(networkInterfaces());
    for (const [, list] of [...ifaces.filter(([n]) => !bridge.test(n)), ...ifaces.filter(([n]) => bridge.test(n))]) {
      for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
    }
    return '127.0.0.1';
  }

  private managerAddrs(): string[] {
    if (this.manager) {
      let members: string[] = [];
      try {
        members = this.manager.managerList().map((m) => m.addr);
      } catch {
        // raft not started
      }
      return [...new Set([this.manager.advertiseAddr, ...members, ...this.file.managerAddrs].filter(Boolean))];
    }
    return [...this.file.managerAddrs];
  }

  private nodeMetrics: NodeMetrics | undefined;

  private async startAgent(): Promise<void> {
    const executor = this.executor();
    if (this.opts.metrics !== undefined && this.nodeMetrics === undefined) {
      this.nodeMetrics = new NodeMetrics({
        registry: this.opts.metrics,
        executor,
        clusterId: this.file.clusterId,
        nodeId: this.file.nodeId,
        logger: this.log,
      });
      this.nodeMetrics.start();
    }
    const nodeMetrics = this.nodeMetrics;
    const hostname = this.reportedHostname();
    this.agent = new Agent({
      executor,
      nodeId: this.file.nodeId,
      clusterId: this.file.clusterId,
      dir: this.paths.agentDir,
      tls: this.tls,
      // Channels through the daemon's certificate provider: reconnects after a renewal present the
      // renewed certificate (the agent's default dialer would keep the one it started with).
      dial: (addr) =>
        new DispatcherClientCtor(
          addr,
          this.credentials!.channelCredentials({ clusterId: this.file.clusterId }),
          managerChannelOptions({ clusterId: this.file.clusterId, tls: this.tls }),
        ) as unknown as DispatcherClient,
      managers: this.managerAddrs(),
      ...(hostname ? { hostname } : {}),
      addr: this.nodeAddr(),
      log: this.log,
      ...(this.opts.stopGraceMs === undefined ? {} : { stopGraceMs: this.opts.stopGraceMs }),
      ...(isNetworkEngine(executor) ? { dataPlane: { wanted: this.opts.dataPlane === 'on', engine: executor } } : {}),
      ...(nodeMetrics === undefined ? {} : { onTaskRunning: nodeMetrics.taskRunning }),
      ...(this.opts.imageAddr !== undefined && isImageEngine(executor)
        ? { images: this.imageShipping(executor, this.opts.imageAddr) }
        : {}),
      onRemoved: () => this.removedFromCluster(),
      onTrustDigest: (digest) => this.onTrustDigest(digest),
      certRootDigest: () => this.certRootDigest(),
      onManagers: (list) => {
        this.recordManagers(list.map((m) => m.addr));
        // The dispatcher pushes the manager list again whenever a node's role changes: a worker
        // asks the CA whether it was promoted.
        if (!this.manager) this.roles.request('check');
      },
    });
    await this.agent.start();
  }

  /**
   * Image shipping: the agent's image listener and channels. The listener takes the node's
   * certificate through its own provider (server credentials need the provider's deferred delivery),
   * kept current with the daemon's: a renewal reaches new handshakes without a restart.
   */
  private imageShipping(engine: ImageEngine, listenAddr: string): AgentImagesConfig {
    this.imageCredentials ??= new NodeCredentials(this.tls);
    const serverCreds = this.imageCredentials;
    return {
      engine,
      listenAddr,
      advertiseHost: this.nodeAddr(),
      serverCredentials: () => serverCreds.serverCredentials(true),
      clientCredentials: (nodeId) =>
        this.credentials!.channelCredentials({ clusterId: this.file.clusterId, nodeId, anyRole: true }),
    };
  }

  private recordingManagers: Promise<void> = Promise.resolve();

  /** Workers remember the managers the dispatcher names (node.json), for the next restart. */
  private recordManagers(addrs: string[]): void {
    if (this.manager || this.leaving) return;
    const next = [...new Set(addrs.filter(Boolean))];
    if (next.length === 0 || sameSet(next, this.file.managerAddrs)) return;
    this.file = { ...this.file, managerAddrs: next };
    const f = this.file;
    this.recordingManagers = this.recordingManagers
      .then(() => writeNodeFile(this.opts.dataDir, f))
      .catch((e: unknown) => this.log.warn({ err: e }, 'recording the manager list failed'));
  }

  /**
   * The leader refuses this node's agent: it was removed (`node rm --force` of a live node). Like a
   * leave: its task containers go (the cluster has replaced them), the node state is forgotten, and
   * the daemon exits.
   */
  private removedFromCluster(): void {
    if (this.manager || this.leaving || this.stopping) return;
    this.log.warn(
      { nodeId: this.file.nodeId },
      'this node was removed from the cluster: removing its containers and leaving',
    );
    this.leave(true).then(
      () => this.opts.onExit?.(0),
      (e: unknown) => this.log.error({ err: e }, 'leaving after removal failed'),
    );
  }

  // ------------------------------------------------------------------ promotion / demotion (role-change.ts)

  /** Managers to ask, the leader (the agent's session) first. */
  private caTargets(exclude?: string): string[] {
    const lead = this.agent?.status().addr;
    return [...new Set([...(lead ? [lead] : []), ...this.managerAddrs()])].filter((a) => a !== exclude);
  }

  /** A promoted worker's manager: the listen address from its join, advertised as configured or by its own address. */
  private promotedAddresses(): { listenAddr: string; advertiseAddr: string } {
    const o = this.opts;
    const listenAddr = this.file.listenAddr || o.listenAddr || DEFAULT_LISTEN_ADDR;
    const port = /:(\d+)$/.exec(listenAddr)?.[1] ?? '4280';
    const advertiseAddr =
      this.file.advertiseAddr ||
      o.advertiseAddr ||
      (isWildcard(hostOf(listenAddr)) ? `${this.nodeAddr()}:${port}` : listenAddr);
    return { listenAddr, advertiseAddr };
  }

  private async runAsManager(joined: JoinResult, listenAddr: string, advertiseAddr: string): Promise<void> {
    const o = this.opts;
    await this.agent?.stop();
    this.agent = undefined;
    this.manager = await Manager.join({
      dataDir: o.dataDir,
      logger: this.log,
      listenAddr,
      advertiseAddr,
      hostname: this.reportedHostname(),
      joined,
      ...(o.managerHooks ?? {}),
    });
    this.file = await readNodeFile(o.dataDir);
    this.tls = this.manager.nodeTls;
    this.socket?.closeProxy();
    this.watchManager();
    await this.startAgent();
  }

  private async runAsWorker(m: Manager, certPem: string, managerAddrs: string[]): Promise<void> {
    await this.agent?.stop();
    this.agent = undefined;
    this.manager = undefined;
    await m.stop();
    this.tls = { ...this.tls, certPem };
    await writeNodeTls(this.opts.dataDir, this.tls);
    this.file = { ...this.file, role: 'worker', raftId: 0, managerAddrs };
    await writeNodeFile(this.opts.dataDir, this.file);
    // Its raft state is of no use any more; a later promotion joins afresh.
    await rm(this.paths.raftDir, { recursive: true, force: true });
    await rm(this.paths.raftDekFile, { force: true });
    this.socket?.closeProxy();
    await this.startAgent();
  }

  // ------------------------------------------------------------------ certificate renewal

  /** The digest of the trusted root that issued the certificate in use ('' if none did), for heartbeats. */
  private certRootDigest(): string {
    const { certPem, caPem } = this.tls;
    if (this.certRoot?.certPem !== certPem || this.certRoot.caPem !== caPem) {
      const root = pemCertificates(caPem).find((r) => certificateSignedBy(certPem, r));
      this.certRoot = { certPem, caPem, digest: root === undefined ? '' : certificateDigest(root) };
    }
    return this.certRoot.digest;
  }

  /**
   * A heartbeat answer named the roots the cluster trusts: when they are not this node's (a root CA
   * rotation started or finished), renew at once; the answer brings the certificate and the roots.
   */
  private onTrustDigest(digest: string): void {
    const caPem = this.tls.caPem;
    if (this.ownTrust?.caPem !== caPem) this.ownTrust = { caPem, digest: trustBundleDigest(caPem) };
    if (digest === this.ownTrust.digest) return;
    if (this.announcedTrust !== digest) {
      this.announcedTrust = digest;
      this.log.info(
        { trustDigest: digest },
        'the cluster trusts other root CAs (root CA rotation): renewing the certificate now',
      );
    }
    this.renewal?.renewSoon();
  }

  private startRenewal(): void {
    this.renewal = new CertRenewal({
      renewalAt: () => certificateRenewalAt(this.tls.certPem),
      expiresAt: () => certificateValidity(this.tls.certPem).notAfterMs,
      renew: () => this.renewNow(),
      log: this.log.child({ component: 'cert-renewal' }),
      ...(this.opts.certRenewal ?? {}),
    });
    this.renewal.start();
  }

  /**
   * Managers to renew through: the leader first (its NodeCA answers at once), then the others; this
   * manager itself last unless it leads (a restarted manager that knows no leader yet would hold the
   * request until its raft finds one).
   */
  private renewalTargets(): string[] {
    const lead = this.manager?.leaderAddr() || (this.agent?.status().connected ? this.agent.status().addr : '');
    const all = [...new Set([...(lead ? [lead] : []), ...this.caTargets()])].filter(Boolean);
    const self = this.manager?.advertiseAddr;
    return [...all.filter((a) => a !== self || a === lead), ...all.filter((a) => a === self && a !== lead)];
  }

  /** One renewal: a new certificate for the same key from the first manager that answers, installed everywhere. */
  private renewNow(): Promise<void> {
    if (this.stopping || this.leaving) return Promise.reject(new Error('the daemon is stopping'));
    if (this.roles.inProgress) return Promise.reject(new Error('a role change is in progress'));
    const run = async (): Promise<void> => {
      const before = this.tls;
      const role = this.manager ? 'manager' : 'worker';
      let lastErr: unknown;
      for (const addr of this.renewalTargets()) {
        if (this.stopping || this.leaving) throw new Error('the daemon is stopping');
        let res: { certPem: string; role: string; caPem: string };
        try {
          res = await renewCertificate(addr, before, this.file.clusterId, RENEW_ATTEMPT_TIMEOUT_MS);
        } catch (e) {
          lastErr = e;
          this.log.debug({ err: e, addr }, 'certificate renewal through this manager failed');
          if (e instanceof ClusterError && e.code === ErrorCode.PermissionDenied) throw e; // removed: no other manager says otherwise
          continue;
        }
        if (res.role !== role) {
          // The store says this node changed role: promotion/demotion installs the certificate (a
          // demoted manager's runs once raft removed it, see Manager.onRemoved; a promoted worker is
          // asked to check now).
          this.log.info(
            { via: addr, role, storeRole: res.role },
            'renewal: the node changed role; left to the role change',
          );
          if (!this.manager) this.roles.request('check');
          throw new Error(`the cluster says this node is a ${res.role} now`);
        }
        // The roots to trust come with the answer (both roots during a root CA rotation, then the new one).
        await this.installTls({ ...before, certPem: res.certPem, caPem: res.caPem });
        const trustChanged = res.caPem !== before.caPem;
        this.log.info(
          {
            via: addr,
            notAfter: new Date(certificateValidity(res.certPem).notAfterMs).toISOString(),
            ...(trustChanged ? { trustedRoots: pemCertificates(res.caPem).map((p) => certificateDigest(p)) } : {}),
          },
          'renewed certificate installed',
        );
        return;
      }
      throw lastErr ?? new Error('no manager address known');
    };
    const p = run();
    this.renewing = p.then(
      () => undefined,
      () => undefined,
    );
    return p.finally(() => {
      this.renewing = undefined;
    });
  }

  /** Checks a renewed certificate, saves it (atomically), then hands it to the manager's listener and raft peers and to every client channel. */
  private async installTls(next: NodeTls): Promise<void> {
    verifyNodeCertificate(next.certPem, {
      caPem: next.caPem,
      keyPem: next.keyPem,
      expect: { nodeId: this.file.nodeId, clusterId: this.file.clusterId, role: this.file.role },
    });
    if (this.manager)
      await this.manager.updateTls(next); // listener + raft transport, and tls/ on disk
    else await writeNodeTls(this.opts.dataDir, next);
    this.tls = next;
  }

  // ------------------------------------------------------------------ control socket (local-socket.ts)

  private async serveSocket(): Promise<void> {
    this.socket = new LocalSocket({
      log: this.log,
      socketPath: this.paths.controlSocket,
      dataDir: this.opts.dataDir,
      startedAt: this.startedAt,
      file: () => this.file,
      manager: () => this.manager,
      agent: () => this.agent,
      hostname: () => this.reportedHostname(),
      managerAddrs: () => this.managerAddrs(),
      tls: () => this.tls,
      channelCredentials: () => this.credentials!.channelCredentials({ clusterId: this.file.clusterId }),
      leave: (force) => this.leave(force),
      exit: (code) => this.opts.onExit?.(code),
      dashboardLogin: (req) => this.dashboardLogin(req),
      locked: () => this.lock !== undefined,
      unlock: (key) => this.unlock(key),
    });
    await this.socket.start();
  }

  // ------------------------------------------------------------------ dashboard (dashboard/)

  private dashboard: { server: DashboardServer; addr: string } | undefined;

  /** --dashboard-addr: the web dashboard, read through the control socket (answers on managers only). */
  private async serveDashboard(): Promise<void> {
    const addr = this.opts.dashboardAddr;
    if (addr === undefined) return;
    const server = new DashboardServer({
      addr,
      log: this.log.child({ component: 'dashboard' }),
      tls: () => this.tls,
      clusterId: () => this.file.clusterId,
      isManager: () => this.manager !== undefined,
      controlSocket: this.paths.controlSocket,
    });
    const port = await server.start();
    this.dashboard = { server, addr: `${hostOf(addr)}:${port}` };
  }

  /** Local.DashboardLogin: a login link with a token this manager signs. */
  private dashboardLogin(req: clusterctl.local.DashboardLoginRequest): clusterctl.local.IDashboardLoginResponse {
    if (this.dashboard === undefined)
      throw new ClusterError(ErrorCode.FailedPrecondition, 'this node serves no dashboard', {
        hint: 'start the daemon of a manager with --dashboard-addr HOST:PORT (clusterctl start --dashboard-addr 127.0.0.1:4443)',
      });
    if (this.manager === undefined)
      throw new ClusterError(
        ErrorCode.FailedPrecondition,
        'this node is not a manager: only managers issue dashboard links',
        {
          hint: 'run `clusterctl dashboard` on a manager',
        },
      );
    const ttlMs = Number(req.ttlMs) > 0 ? Number(req.ttlMs) : DASHBOARD_TOKEN_DEFAULT_TTL_MS;
    const { token, claims } = issueDashboardToken(this.tls, {
      clusterId: this.file.clusterId,
      nodeId: this.file.nodeId,
      ttlMs,
      actions: req.allowActions,
    });
    const port = /:(\d+)$/.exec(this.dashboard.addr)![1]!;
    const bound = hostOf(this.dashboard.addr);
    const host = isWildcard(bound) ? hostOf(this.manager.advertiseAddr) || this.nodeAddr() : bound;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    this.log.info(
      { tokenId: claims.id, actions: claims.actions, expiresAt: claims.exp },
      'dashboard login link issued',
    );
    return {
      url: `https://${urlHost}:${port}/login?token=${token}`,
      token,
      expiresAt: claims.exp,
      allowActions: claims.actions,
      addr: this.dashboard.addr,
    };
  }

  // ------------------------------------------------------------------ leave / stop

  private async leave(force: boolean): Promise<clusterctl.local.ILeaveResponse> {
    if (this.manager && !force) {
      throw new ClusterError(ErrorCode.FailedPrecondition, `node ${this.file.nodeId} is a manager`, {
        hint: 'demote it first (`clusterctl node demote <node>` on a manager) so the cluster keeps its quorum, or leave with --force',
      });
    }
    if (this.leaving)
      throw new ClusterError(ErrorCode.FailedPrecondition, 'this node is already leaving', {
        hint: 'wait for the daemon to exit',
      });
    this.leaving = true;
    const nodeId = this.file.nodeId;
    const before = this.agent?.tasks().filter((t) => t.containerId).length ?? 0;
    this.log.info({ nodeId, force }, 'leaving the cluster');
    await this.renewal?.stop();
    await this.agent?.leave();
    this.agent = undefined;
    await this.manager?.stop();
    this.manager = undefined;
    await this.recordingManagers;
    // Forget the cluster: a later init/join on this data dir starts fresh.
    for (const p of [this.paths.nodeFile, this.paths.tlsDir, this.paths.agentDir, this.paths.raftDir])
      await rm(p, { recursive: true, force: true });
    return { nodeId, containersRemoved: before };
  }

  /** Stops the daemon: the agent session ends, containers keep running; the manager stops. */
  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    await this.renewal?.stop();
    await this.roles.inProgress;
    await this.dashboard?.server.stop();
    await this.socket?.stop();
    await this.agent?.stop().catch((e: unknown) => this.log.warn({ err: e }, 'stopping the agent failed'));
    await this.nodeMetrics?.stop();
    await this.manager?.stop().catch((e: unknown) => this.log.warn({ err: e }, 'stopping the manager failed'));
    await this.recordingManagers;
    await unlink(this.paths.controlSocket).catch(() => undefined);
    this.log.info({}, 'node daemon stopped');
  }

  get role(): 'manager' | 'worker' {
    return this.file.role;
  }
}

/**
 * A node offline longer than its certificate's lifetime cannot come back by itself: every manager
 * refuses the expired certificate at the TLS handshake (and a manager's listener would present it).
 */
function refuseExpired(tls: NodeTls, file: NodeFile, dataDir: string, now = Date.now()): void {
  const { notAfterMs } = certificateValidity(tls.certPem);
  if (now <= notAfterMs) return;
  const demote = file.role === 'manager' ? `clusterctl node demote ${file.nodeId} && ` : '';
  throw new ClusterError(
    ErrorCode.FailedPrecondition,
    `the certificate of node ${file.nodeId} expired on ${new Date(notAfterMs).toISOString()}: the node was offline longer than the certificate lifetime and the cluster no longer accepts it`,
    {
      hint:
        `rejoin this machine as a new node: on a manager run \`${demote}clusterctl node rm --force ${file.nodeId}\`; here remove its containers ` +
        `(docker rm -f $(docker ps -aq --filter label=com.clusterctl.node.id=${file.nodeId})) and the data dir ${dataDir}, then \`clusterctl join --token TOKEN MANAGER_ADDR\` ` +
        `(TOKEN from \`clusterctl join-token ${file.role}\`); if the clock of this machine is wrong, fix it instead`,
    },
  );
}

/** A backup file's bytes; a file that cannot be read is named in the error. */
export async function readBackupFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClusterError(
      code === 'ENOENT' ? ErrorCode.NotFound : ErrorCode.FailedPrecondition,
      `cannot read the backup ${file}: ${code ?? (e instanceof Error ? e.message : String(e))}`,
      {
        hint: 'give the path of a file written by `clusterctl cluster backup FILE`',
        cause: e,
      },
    );
  }
}

/** Networking: an executor that also manages the engine's networks (DockerExecutor). */
function isImageEngine(e: Executor): e is Executor & ImageEngine {
  const x = e as Partial<ImageEngine>;
  return typeof x.saveImage === 'function' && typeof x.loadImage === 'function';
}

function isNetworkEngine(e: Executor): e is Executor & NetworkEngine {
  const x = e as Partial<NetworkEngine>;
  return typeof x.ensureNetwork === 'function' && typeof x.removeNetwork === 'function';
}

/** host:0 -> host:<a port free right now>; other addresses unchanged. */
async function concretePort(addr: string): Promise<string> {
  const m = /^(.*):0$/.exec(addr);
  if (!m) return addr;
  const host = m[1]!;
  const bindHost = isWildcard(hostOf(addr)) ? '0.0.0.0' : hostOf(addr);
  const port = await new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, bindHost, () => {
      const a = srv.address();
      const p = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(p));
    });
  });
  return `${host}:${port}`;
}

function hostOf(addr: string): string {
  return addr.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
}

function isWildcard(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::';
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
