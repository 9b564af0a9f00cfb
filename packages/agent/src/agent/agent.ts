// The agent of a node: keeps a session with the leader's dispatcher, runs the tasks assigned to this
// node through the executor, reports their statuses (batched), and serves log subscriptions. Tasks
// are persisted under its folder (DATA_DIR/agent), so a restarted agent adopts its containers and
// keeps them running while no manager is reachable.
import { hostname as osHostname } from 'node:os';
import type { Logger } from '@clusterctl/common';
import { silentLogger } from '@clusterctl/common';
import type { NodeTls } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import type { Executor } from '../executor/index.js';
import type { BackoffConfig } from './backoff.js';
import { LogPublisher } from './log-publisher.js';
import {
  DispatcherSession,
  type DispatcherClient,
  type NetworkMapMessage,
  type NodeDescription,
  type SessionState,
  type SessionUp,
} from './session.js';
import { StatusReporter } from './status-reporter.js';
import { isTerminal, statusToProto, taskFromProto, type AgentTask, type AgentTaskStatus } from './task-model.js';
import { Worker } from './worker.js';
import type { NetworkEngine } from '../executor/index.js';
import { DataPlane, ExecRunner, netMapFromProto, type CommandRunner } from '../network/index.js';
import type { LocalTask } from '../network/nft-ruleset.js';
import { TaskFiles } from './task-files.js';
import { AutoscaleCpuSampler } from './autoscale-cpu.js';
import { ClusterError, ErrorCode, fromGrpcError } from '@clusterctl/common';
import type * as grpc from '@grpc/grpc-js';
import type { ImageEngine } from '../executor/index.js';
import { ImageInventory } from '../images/inventory.js';
import { ImageServer } from '../images/image-server.js';
import { ImageFetcher } from '../images/image-fetcher.js';
import { ImagePreparer } from '../images/image-preparer.js';
import { GrpcImageTransport } from '../images/grpc-transport.js';

export interface AgentConfig {
  executor: Executor;
  nodeId: string;
  clusterId: string;
  /** Folder of the agent's state (DATA_DIR/agent). */
  dir: string;
  tls: NodeTls;
  /** Manager addresses to dial (node.json); the session adds the ones the dispatcher names. */
  managers: string[];
  /** Reported hostname (default: the engine's, else the OS's). */
  hostname?: string;
  /** Address this node is reachable on (published ports). */
  addr?: string;
  log?: Logger;
  stopGraceMs?: number;
  retryDelayMs?: number;
  backoff?: BackoffConfig;
  firstMessageTimeoutMs?: number;
  /** The dispatcher told us the current managers (the daemon records them in node.json). */
  onManagers?: (managers: Array<{ nodeId: string; addr: string; leader: boolean }>) => void;
  /** The leader refused this node: it was removed from the cluster (`node rm`). */
  onRemoved?: (err: unknown) => void;
  /**
   * Every heartbeat answer: the digest of the roots the cluster wants nodes to trust (the daemon
   * renews its certificate at once when its own trust differs: a root CA rotation).
   */
  onTrustDigest?: (digest: string) => void;
  /** The root CA digest of the certificate this node uses now, reported with every heartbeat. */
  certRootDigest?: () => string;
  /** Where secrets and configs are written (tests); default: see TaskFiles. */
  taskFilesRoots?: { preferred: string; fallback?: string };
  /** A container this agent created runs: ms from its task's assignment (metrics). */
  onTaskRunning?: (assignedToRunningMs: number) => void;
  /** Custom dialer (tests). */
  dial?: (addr: string) => DispatcherClient;
  now?: () => number;
  /**
   * Networking: the node's data plane (probed at start; with `wanted` (--data-plane on) and a node
   * that can, programmed from the network maps). Absent: no network map is asked for and tasks use
   * Docker's default bridge, as with --data-plane off.
   */
  dataPlane?: { wanted: boolean; engine: NetworkEngine; runner?: CommandRunner };
  /**
   * Image shipping: this node serves the images its engine holds to the other nodes (its image
   * listener) and fetches a task's image from them when no registry provides it. Absent: neither.
   */
  images?: AgentImagesConfig;
}

/** Image shipping: the node's image listener and how it reaches the other nodes' listeners. */
export interface AgentImagesConfig {
  engine: ImageEngine;
  /** host:port the listener binds; a port taken falls back to any free port (logged). */
  listenAddr: string;
  /** The host other nodes reach this node on. */
  advertiseHost: string;
  /** Mutual TLS: client certificates of this cluster's nodes are required. */
  serverCredentials: () => grpc.ServerCredentials;
  /** This node's certificate, accepting only node `nodeId` as the server. */
  clientCredentials: (nodeId: string) => grpc.ChannelCredentials;
  maxConcurrentFetches?: number;
  maxConcurrentServes?: number;
}

export interface AgentStatus extends SessionState {
  tasks: number;
  pendingStatuses: number;
  logSubscriptions: number;
}

export class Agent {
  readonly worker: Worker;
  readonly reporter: StatusReporter;
  private readonly session: DispatcherSession;
  private readonly logs: LogPublisher;
  private readonly log: Logger;
  /** Networking: the node's data plane. */
  readonly dataPlane: DataPlane | undefined;
  private description: NodeDescription | undefined;
  private started = false;
  private upWaiters: Array<() => void> = [];
  private up: SessionUp | undefined;
  readonly taskFiles: TaskFiles;
  /** Autoscaling: task CPU for the leader (absent when the executor has no stats). */
  private readonly autoscaleCpu: AutoscaleCpuSampler | undefined;
  // image shipping
  private readonly imageInventory: ImageInventory | undefined;
  private readonly imageServer: ImageServer | undefined;
  readonly imageFetcher: ImageFetcher | undefined;
  private readonly imageTransport: GrpcImageTransport | undefined;
  private imageListener: grpc.Server | undefined;
  private imageAddr = '';

  constructor(private readonly cfg: AgentConfig) {
    this.log = (cfg.log ?? silentLogger()).child({ component: 'agent' });
    this.reporter = new StatusReporter({ log: this.log });
    if (cfg.dataPlane) {
      this.dataPlane = new DataPlane({
        runner: cfg.dataPlane.runner ?? new ExecRunner(),
        engine: cfg.dataPlane.engine,
        nodeId: cfg.nodeId,
        addr: cfg.addr ?? '',
        wanted: cfg.dataPlane.wanted,
        localTasks: () => this.localTasks(),
        log: this.log,
      });
    }
    const plane = this.dataPlane;
    this.taskFiles = new TaskFiles({
      nodeId: cfg.nodeId,
      log: this.log,
      ...(cfg.taskFilesRoots !== undefined ? { roots: cfg.taskFilesRoots } : {}),
      fetch: async (taskId) => {
        const up = this.up;
        if (up === undefined)
          throw new ClusterError(ErrorCode.Unavailable, 'no session with a manager to fetch secrets and configs from', {
            hint: 'the task is prepared once the node is connected again',
          });
        try {
          return (await up.getTaskFiles(taskId)).map((f) => ({
            kind: f.kind ?? '',
            id: f.id ?? '',
            data: f.data ?? new Uint8Array(0),
          }));
        } catch (e) {
          throw fromGrpcError(e, { target: 'the dispatcher' });
        }
      },
    });
    // image shipping: serve this node's images, fetch missing ones from other nodes
    let preparer: ImagePreparer | undefined;
    if (cfg.images) {
      const im = cfg.images;
      this.imageInventory = new ImageInventory({ engine: im.engine, addr: () => this.imageAddr, log: this.log });
      this.imageServer = new ImageServer({
        engine: im.engine,
        clusterId: cfg.clusterId,
        log: this.log,
        ...(im.maxConcurrentServes !== undefined ? { maxConcurrent: im.maxConcurrentServes } : {}),
      });
      this.imageTransport = new GrpcImageTransport(im.clientCredentials);
      this.imageFetcher = new ImageFetcher({
        engine: im.engine,
        transport: this.imageTransport.transport,
        log: this.log,
        ...(im.maxConcurrentFetches !== undefined ? { maxConcurrent: im.maxConcurrentFetches } : {}),
        onLoaded: () => void this.imageInventory?.refresh(),
        sources: async (image, imageId) => {
          const up = this.up;
          if (up === undefined) throw new Error('no session with a manager to ask for holders');
          return (await up.imageSources(image, imageId)).map((s) => ({
            nodeId: s.nodeId ?? '',
            hostname: s.hostname ?? '',
            addr: s.addr ?? '',
            imageId: s.imageId ?? '',
            sizeBytes: Number(s.sizeBytes ?? 0),
          }));
        },
      });
      preparer = new ImagePreparer({
        executor: cfg.executor,
        engine: im.engine,
        fetcher: this.imageFetcher,
        log: this.log,
      });
    }
    const workerCfg: ConstructorParameters<typeof Worker>[0] = {
      executor: cfg.executor,
      clusterId: cfg.clusterId,
      nodeId: cfg.nodeId,
      dir: cfg.dir,
      log: this.log,
      onStatus: (taskId, status) => {
        this.reporter.report(taskId, status);
        if (status.ip !== undefined || isTerminal(status.state)) plane?.onLocalTasksChanged();
      },
      nodeHostname: () => this.description?.hostname ?? cfg.hostname ?? osHostname(),
      taskFiles: this.taskFiles,
      ...(preparer !== undefined
        ? {
            prepareImage: (image: string, pinned: string | undefined, onProgress) =>
              preparer.prepare(image, pinned, onProgress),
          }
        : {}),
    };
    if (plane) {
      workerCfg.taskNetwork = () => plane.taskNetwork();
      workerCfg.beforeStop = (taskId) => plane.whenUnlisted(taskId);
    }
    if (cfg.stopGraceMs !== undefined) workerCfg.stopGraceMs = cfg.stopGraceMs;
    if (cfg.retryDelayMs !== undefined) workerCfg.retryDelayMs = cfg.retryDelayMs;
    if (cfg.now !== undefined) workerCfg.now = cfg.now;
    if (cfg.onTaskRunning !== undefined) workerCfg.onTaskRunning = cfg.onTaskRunning;
    this.worker = new Worker(workerCfg);
    this.logs = new LogPublisher({
      executor: cfg.executor,
      containerOf: (id) => this.worker.containerOf(id),
      log: this.log,
    });
    const ex = cfg.executor;
    if (ex.stats !== undefined) {
      this.autoscaleCpu = new AutoscaleCpuSampler({
        running: () =>
          this.worker
            .tasks()
            .filter((t) => t.status.state === 'running' && t.containerId !== undefined)
            .map((t) => ({ taskId: t.task.id, containerId: t.containerId! })),
        stats: (id) => ex.stats!(id),
        logger: this.log,
      });
    }
    const sessionCfg: ConstructorParameters<typeof DispatcherSession>[0] = {
      clusterId: cfg.clusterId,
      tls: cfg.tls,
      managers: cfg.managers,
      describe: () => this.describe(),
      log: this.log,
      handlers: {
        onUp: (up) => this.onUp(up),
        onDown: () => {
          this.up = undefined;
          this.reporter.setSender(undefined);
          this.logs.closeAll();
        },
        onAssignments: (msg) =>
          this.worker.apply({ complete: msg.type === 0, update: msg.update.map(taskFromProto), remove: msg.remove }),
        onLogSubscription: (sub, up) => this.logs.handle(sub, up.sessionId, up.openPublishLogs),
        onManagers: (m) => cfg.onManagers?.(m),
        onTrustDigest: (d) => cfg.onTrustDigest?.(d),
        certRootDigest: () => cfg.certRootDigest?.() ?? '',
        // autoscaling: the running task containers' CPU, while the leader asks for it
        autoscaleTaskCpu: () => this.autoscaleCpu?.take() ?? [],
        onAutoscaleWantsTaskCpu: (wanted) => this.autoscaleCpu?.wanted(wanted),
        listeningPorts: () => plane?.listeningPorts(),
        onRefused: (err) => cfg.onRemoved?.(err),
        ...(plane ? { onNetworkMap: (m: NetworkMapMessage) => plane.onMap(netMapFromProto(m)) } : {}),
        ...(this.imageInventory
          ? { imageInventory: (digest: string | undefined) => this.imageInventory?.forDispatcher(digest) }
          : {}),
      },
    };
    if (cfg.backoff) sessionCfg.backoff = cfg.backoff;
    if (cfg.firstMessageTimeoutMs !== undefined) sessionCfg.firstMessageTimeoutMs = cfg.firstMessageTimeoutMs;
    if (cfg.dial) sessionCfg.dial = cfg.dial;
    this.session = new DispatcherSession(sessionCfg);
  }

  /** Adopts the persisted tasks' containers, then dials the managers (in the background). */
  async start(): Promise<void> {
    if (this.started) throw new Error('agent already started');
    this.started = true;
    await this.dataPlane?.probe();
    await this.startImages();
    await this.worker.start();
    this.session.start();
  }

  /** Image shipping: the image listener (a taken port falls back to any free one) and the inventory. */
  private async startImages(): Promise<void> {
    const im = this.cfg.images;
    if (im === undefined || this.imageServer === undefined) return;
    let bound: { server: grpc.Server; port: number } | undefined;
    try {
      bound = await this.imageServer.listen(im.listenAddr, im.serverCredentials());
    } catch (err) {
      const anyPort = im.listenAddr.replace(/:\d+$/, ':0');
      this.log.warn({ addr: im.listenAddr, err }, 'the image listener cannot bind its port; using any free port');
      try {
        bound = await this.imageServer.listen(anyPort, im.serverCredentials());
      } catch (err2) {
        this.log.error({ err: err2 }, 'no image listener: this node serves no images to other nodes');
      }
    }
    if (bound !== undefined) {
      this.imageListener = bound.server;
      const host = im.advertiseHost.includes(':') ? `[${im.advertiseHost}]` : im.advertiseHost;
      this.imageAddr = `${host}:${bound.port}`;
      this.log.info({ addr: this.imageAddr }, 'image listener ready');
    }
    this.imageInventory?.start();
  }

  private stopImages(): void {
    this.imageInventory?.stop();
    this.imageTransport?.close();
    this.imageListener?.forceShutdown();
    this.imageListener = undefined;
  }

  /** Ends the session; containers keep running (a restarted agent adopts them). */
  async stop(): Promise<void> {
    this.autoscaleCpu?.stop();
    await this.session.stop();
    this.logs.closeAll();
    this.stopImages();
    await this.worker.close();
    await this.dataPlane?.close();
    // running containers keep the files they have bound; nothing stays on this node's tmpfs
    await this.taskFiles.close();
  }

  /** The node leaves the cluster: every task container is stopped and removed, then the agent stops. */
  async leave(): Promise<void> {
    this.autoscaleCpu?.stop();
    await this.session.stop();
    this.logs.closeAll();
    await this.worker.removeAll();
    this.stopImages();
    await this.worker.close();
    await this.dataPlane?.leave();
  }

  status(): AgentStatus {
    return {
      ...this.session.state(),
      tasks: this.worker.tasks().length,
      pendingStatuses: this.reporter.pendingCount,
      logSubscriptions: this.logs.activeCount,
    };
  }

  tasks(): Array<{ task: AgentTask; status: AgentTaskStatus; containerId: string | undefined }> {
    return this.worker.tasks();
  }

  /** Networking: this node's running tasks with their cluster addresses. */
  private localTasks(): LocalTask[] {
    return this.worker
      .tasks()
      .filter((t) => t.status.state === 'running' && t.status.ip)
      .map((t) => ({ taskId: t.task.id, serviceId: t.task.serviceId, ip: t.status.ip! }));
  }

  /** Resolves once a session with a dispatcher is up (or at once if it is). */
  whenConnected(): Promise<void> {
    if (this.session.state().connected) return Promise.resolve();
    return new Promise((resolve) => this.upWaiters.push(resolve));
  }

  /** Drops the current session (the agent dials again). */
  reconnect(): void {
    this.session.reconnect();
  }

  private onUp(up: SessionUp): void {
    this.up = up;
    this.reporter.setSender((updates) =>
      up.updateTaskStatus(updates.map((u) => ({ taskId: u.taskId, status: statusToProto(u.status) }))),
    );
    for (const f of this.upWaiters.splice(0)) f();
  }

  private async describe(): Promise<NodeDescription> {
    if (this.description) return this.description;
    let info: Awaited<ReturnType<Executor['engineInfo']>> | undefined;
    try {
      info = await this.cfg.executor.engineInfo();
    } catch (e) {
      // Without an engine the node still registers (it will reject its tasks); retry next session.
      this.log.warn({ err: e }, 'cannot read engine info');
    }
    const d: clusterctl.dispatcher.INodeDescription = {
      hostname: this.cfg.hostname ?? info?.hostname ?? osHostname(),
      resources: { nanoCpus: (info?.ncpu ?? 0) * 1e9, memoryBytes: info?.memoryBytes ?? 0 },
      engineLabels: info?.labels ?? {},
      os: info?.os ?? process.platform,
      arch: info?.arch ?? process.arch,
      addr: this.cfg.addr ?? '',
    };
    const caps = await this.dataPlane?.probe();
    if (caps) d.network = caps;
    if (info) this.description = d;
    return d;
  }
}
