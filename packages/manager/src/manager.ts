// Manager: one manager node's raft node + cluster store + the single mutual-TLS listener serving
// RaftTransport, KV, Control, Dispatcher and NodeCA, and the leader-only components (started when
// this manager becomes the raft leader, stopped when it stops being it).
//
// Lifecycle (the starting state of each comes from bootstrap.ts):
//   Manager.init()    a new cluster: cluster id, root CA, this node (manager), raft bootstrap with
//                     itself as the only voter, then the cluster record, node record and secrets.
//   Manager.join()    a node whose Join returned role manager: raft starts empty as a joiner; the
//                     leader already added it as a learner and promotes it once caught up.
//   Manager.restart() from DATA_DIR/node.json + DATA_DIR/tls (raft state from DATA_DIR/raft).

import { DataKey } from './at-rest/data-key.js';
import { UnlockKeyFollower } from './at-rest/autolock.js';
import * as grpc from '@grpc/grpc-js';
import {
  Backoff,
  ClusterError,
  dataPaths,
  encodeBackup,
  ErrorCode,
  silentLogger,
  type Logger,
} from '@clusterctl/common';
import {
  renewAsManager,
  writeNodeFile,
  writeNodeTls,
  type JoinResult,
  type NodeFile,
  type NodeTls,
} from '@clusterctl/ca';
import { ClusterStore, DEFAULT_CLUSTER_ID, DEFAULT_CLUSTER_SETTINGS, type ClusterSettings } from '@clusterctl/store';
import { ControlService, DispatcherService, KVService, NodeCAService } from '@clusterctl/proto';
import type { Message, NodeId, SnapshotStatus } from '@clusterctl/raft';
import { GrpcRaftTransport, RaftNode, type RaftNodeConfig } from '@clusterctl/raft-node';
import { kvServiceImplementation } from './kv/kv-service.js';
import { withSharedMapEncoding } from './dispatcher/network-maps.js';
import {
  createClusterRecords,
  joinedManager,
  newCluster,
  restartedManager,
  type NewClusterOptions,
} from './bootstrap.js';
import { createNodeCaService } from './ca/node-ca-service.js';
import { clusterTrustDigest, RootRotationReconciler } from './ca/root-rotation.js';
import { RaftIdMap } from './membership/raft-id-map.js';
import { SeededTransport } from './membership/seeded-transport.js';
import { memberGoneAccordingTo, removedByLeader } from './membership/removal-probe.js';

/** How long a restarted manager waits for each other member's answer to its membership check. */
const REMOVAL_CHECK_TIMEOUT_MS = 2_000;
import { MembershipReconciler, type MembershipReconcilerConfig } from './membership/membership-reconciler.js';
import { createControlService, type ImagesProvider, type LogsProvider } from './control/control-service.js';
import { EventLog, type EventLogConfig } from './events/event-log.js';
import { recordLeadership } from './events/leader-record.js';
import { ManagerMetrics } from './metrics/manager-metrics.js';
import type { Registry } from 'prom-client';

/** What leader-only components get. */
export interface LeaderComponentDeps {
  store: ClusterStore;
  raft: RaftNode;
  logger: Logger;
  clusterId: string;
  /** This manager's node id. */
  nodeId: string;
  raftId: number;
  /** Current cluster settings (from the cluster record; defaults until it exists). */
  settings(): ClusterSettings;
  /** When this manager became leader (ms since the epoch): grace periods count from here. */
  leaderSince: number;
  /** The raft term of this leadership: fence leader-only writes to it (ProposeOptions.leaderTerm). */
  leaderTerm: number;
}

export interface LeaderComponents {
  stop(): Promise<void>;
}

export type LeaderComponentsFactory = (deps: LeaderComponentDeps) => LeaderComponents | Promise<LeaderComponents>;

/** What the dispatcher service (served by every manager) gets. */
export interface DispatcherServiceDeps {
  store: ClusterStore;
  raft: RaftNode;
  logger: Logger;
  clusterId: string;
  nodeId: string;
  raftId: number;
  isLeader(): boolean;
  /** The leader's advertise address, '' when none is known. */
  leaderAddr(): string;
  /** Managers (node id, address, leader flag) for agents' failover lists. */
  managers(): { nodeId: string; addr: string; leader: boolean }[];
  settings(): ClusterSettings;
  /** Digest of the roots nodes are to trust (heartbeat answers; changes with a root CA rotation). */
  trustDigest(): string;
}

export interface ManagerHooks {
  /** Leader-only components (orchestrators, scheduler, dispatcher's node-down marking ...). */
  leaderComponents?: LeaderComponentsFactory[];
  /** The Dispatcher gRPC service; without it agents cannot connect (tests of the control plane only). */
  dispatcherService?: (deps: DispatcherServiceDeps) => grpc.UntypedServiceImplementation;
  /** Relays `service logs` (the dispatcher's log broker); without it ServiceLogs is FAILED_PRECONDITION. */
  logs?: LogsProvider;
  /** Image shipping: the nodes' image inventories (`image ls`, pinning); without it none is known. */
  images?: ImagesProvider;
  /** Where this manager's metrics are registered (the daemon's --metrics-addr); none without it. */
  metrics?: Registry;
}

export interface ManagerCommonOptions extends ManagerHooks {
  dataDir: string;
  logger?: Logger;
  /** Raft tuning (tests); production uses the driver's defaults. */
  raft?: Pick<RaftNodeConfig, 'tickMs' | 'electionTick' | 'proposalTimeoutMs' | 'snapshotEveryEntries'>;
  membership?: Partial<MembershipReconcilerConfig>;
  /** restart: each other member's time to answer whether this manager is still a member (tests). */
  removalCheckTimeoutMs?: number;
  /** The event log's bounds (`clusterctl events`). */
  events?: Pick<EventLogConfig, 'capacity' | 'maxQueued'>;
  /** The cluster's unlock key, when this manager's data key file is wrapped (autolock). */
  unlockKey?: string;
}

export interface ManagerInitOptions extends ManagerCommonOptions, NewClusterOptions {}

export interface ManagerJoinOptions extends ManagerCommonOptions {
  listenAddr: string;
  advertiseAddr?: string;
  hostname?: string;
  /** What NodeCA.Join returned (role manager), with the key the CSR was made for. */
  joined: JoinResult;
}

export interface ManagerRestartOptions extends ManagerCommonOptions {
  /** Overrides node.json's listen address. */
  listenAddr?: string;
  /** Overrides node.json's advertise address (the manager's record and raft membership follow). */
  advertiseAddr?: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** host:port with port 0 replaced by the bound port and a wildcard host by 127.0.0.1. */
export function resolveAddr(addr: string, port: number): string {
  const m = /^(.*):(\d+)$/.exec(addr);
  if (!m)
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid address ${JSON.stringify(addr)}`, {
      hint: 'use HOST:PORT, e.g. 0.0.0.0:4280',
    });
  let host = m[1]!;
  if (host === '' || host === '0.0.0.0' || host === '[::]' || host === '::') host = '127.0.0.1';
  return `${host}:${m[2] === '0' ? port : m[2]}`;
}

export class Manager {
  readonly store: ClusterStore;
  readonly raftIds: RaftIdMap;
  /** Cluster events derived from the changes this manager applies (`clusterctl events`). */
  readonly events: EventLog;
  private raftNode: RaftNode | undefined;
  private transport: GrpcRaftTransport | undefined;
  private boundPort = 0;
  private file: NodeFile;
  private tls: NodeTls;
  private readonly log: Logger;
  private readonly opts: ManagerCommonOptions;
  private readonly metrics: ManagerMetrics | undefined;
  private stopped = false;
  private leaderRunning: LeaderComponents[] | undefined;
  /** The raft term the running leader components were started in. */
  private leaderRunningTerm = 0;
  private leaderChain: Promise<void> = Promise.resolve();
  private offLeader: (() => void) | undefined;
  private readonly fatalListeners = new Set<(err: Error) => void>();
  private readonly removedListeners = new Set<() => void>();
  private removedFired = false;
  private removalProbe = false;
  private dataKey!: DataKey;
  private unlockKeyFollower: UnlockKeyFollower | undefined;

  private constructor(file: NodeFile, tls: NodeTls, opts: ManagerCommonOptions) {
    this.file = file;
    this.tls = tls;
    this.opts = opts;
    this.log = (opts.logger ?? silentLogger()).child({ component: 'manager', nodeId: file.nodeId });
    this.store = new ClusterStore({ logger: this.log.child({ component: 'store' }) });
    // Before raft starts: the entries it replays make events too.
    this.events = new EventLog({ store: this.store, logger: this.log, ...(opts.events ?? {}) });
    this.metrics =
      opts.metrics === undefined
        ? undefined
        : new ManagerMetrics({
            registry: opts.metrics,
            store: this.store,
            raft: () => this.raftNode,
            events: this.events,
            logger: this.log,
          });
    this.raftIds = new RaftIdMap(this.store);
    this.raftIds.seed(file.raftId, file.nodeId);
  }

  // ------------------------------------------------------------------ lifecycle

  /** Creates a new cluster with this node as its only manager. */
  static async init(o: ManagerInitOptions): Promise<Manager> {
    const { file, tls, settings, network, ca } = await newCluster(o);
    const m = new Manager(file, tls, o);
    try {
      await m.start('bootstrap');
      await m.raft.readBarrier({ timeoutMs: 15_000 }); // waits for this single voter to lead
      await createClusterRecords(m.store, {
        settings,
        network,
        ca,
        nodeId: file.nodeId,
        hostname: file.hostname,
        raftId: file.raftId,
        advertiseAddr: m.advertiseAddr,
        ...(o.autolock === true ? { autolock: true } : {}),
      });
      await m.unlockKeyFollower?.sync(); // with autolock: the data key is wrapped before init returns
      // node.json last: a data dir without it was never a complete cluster.
      await writeNodeFile(o.dataDir, m.file);
      m.log.info(
        { clusterId: file.clusterId, raftId: file.raftId, addr: m.advertiseAddr, caDigest: ca.digest },
        'cluster created',
      );
    } catch (err) {
      await m.stop();
      throw err;
    }
    return m;
  }

  /** Starts a manager that NodeCA.Join just admitted (role manager). */
  static async join(o: ManagerJoinOptions): Promise<Manager> {
    const { file, tls } = await joinedManager(o);
    const m = new Manager(file, tls, o);
    for (const p of o.joined.managers) m.raftIds.seed(p.raftId, p.nodeId);
    try {
      await m.start('join', o.joined.managers);
      await writeNodeFile(o.dataDir, m.file);
    } catch (err) {
      await m.stop();
      throw err;
    }
    return m;
  }

  /** Restarts the manager of an existing data dir. */
  static async restart(o: ManagerRestartOptions): Promise<Manager> {
    const { file, tls } = await restartedManager(o);
    const m = new Manager(file, tls, o);
    try {
      await m.start('restart');
      await m.refuseIfRemoved();
      await writeNodeFile(o.dataDir, m.file);
      m.recordOwnAddress();
    } catch (err) {
      await m.stop();
      throw err;
    }
    return m;
  }

  private async start(mode: 'bootstrap' | 'join' | 'restart', peers: JoinResult['managers'] = []): Promise<void> {
    const f = this.file;
    // The raft log is encrypted at rest under this manager's data key (LOCKED here under autolock
    // without the unlock key: the daemon asks for it first).
    this.dataKey =
      mode === 'restart'
        ? await DataKey.load(this.opts.dataDir, this.opts.unlockKey)
        : await DataKey.create(this.opts.dataDir);
    const sink: { node?: RaftNode } = {};
    const transport = new GrpcRaftTransport({
      nodeId: f.raftId,
      clusterId: f.clusterId,
      listenAddr: f.listenAddr,
      tls: this.tls,
      logger: this.log,
      certNodeId: (id) => this.raftIds.nodeIdOf(id),
      // NodeCA.GetRootCa/Join serve nodes without a certificate; every other handler authorizes
      // its caller (grpc-js then reports no peer certificate for missing or foreign ones).
      requireClientCertificate: false,
      handler: {
        step: (msg: Message) => sink.node?.step(msg),
        reportUnreachable: (peer: NodeId) => sink.node?.reportUnreachable(peer),
        reportSnapshot: (peer: NodeId, status: SnapshotStatus) => sink.node?.reportSnapshot(peer, status),
      },
    });
    this.transport = transport;
    // Services are registered before the listener binds; until raft has started (a restart replays
    // the log first) they answer UNAVAILABLE "starting" rather than UNIMPLEMENTED.
    const starting = (): ClusterError =>
      new ClusterError(ErrorCode.Unavailable, 'this manager is starting', { hint: 'retry in a moment' });
    this.store.setProposer({
      propose: () => Promise.reject(starting()),
      readBarrier: () => Promise.reject(starting()),
    });
    this.registerServices(lateRaft(() => this.raftNode, starting));
    try {
      this.boundPort = await transport.start();
    } catch (err) {
      throw new ClusterError(
        ErrorCode.FailedPrecondition,
        `cannot listen on ${f.listenAddr}: ${err instanceof Error ? err.message : String(err)}`,
        {
          hint: 'another process may use that port: choose another --listen-addr',
          cause: err,
        },
      );
    }
    f.advertiseAddr = resolveAddr(f.advertiseAddr === '' ? f.listenAddr : f.advertiseAddr, this.boundPort);
    // A restart listens on the same port (the other managers know this address).
    f.listenAddr = f.listenAddr.replace(/:0$/, `:${this.boundPort}`);
    // A joiner's raft knows no members until the leader's log reaches it: keep the JoinResponse's peers.
    const raftTransport = new SeededTransport(
      transport,
      f.raftId,
      new Map(peers.filter((p) => p.raftId !== f.raftId).map((p) => [p.raftId, p.addr])),
    );
    raftTransport.updatePeers(new Map());

    const raft = await RaftNode.start(
      {
        id: f.raftId,
        dataDir: dataPaths(this.opts.dataDir).raftDir,
        cipher: this.dataKey.cipher(),
        stateMachine: this.store,
        transport: raftTransport,
        logger: this.log,
        ...(this.metrics === undefined ? {} : { observer: this.metrics.raftObserver }),
        ...(this.opts.raft ?? {}),
      },
      mode === 'bootstrap' ? { bootstrap: [{ id: f.raftId, context: enc.encode(f.advertiseAddr) }] } : {},
    );
    this.raftNode = raft;
    sink.node = raft;
    this.store.setProposer(raft);
    raft.onFatal((err) => {
      this.log.fatal({ err }, 'raft node failed');
      for (const l of this.fatalListeners) l(err);
    });
    raft.onMembershipChange((ev) => {
      if (ev.kind === 'remove' && ev.nodeId === f.raftId) this.fireRemoved('removed from raft');
    });
    this.watchOwnRecord();
    // autolock: the data key file follows the cluster's unlock key as applied here
    this.unlockKeyFollower = new UnlockKeyFollower(this.store, this.dataKey, this.log.child({ component: 'autolock' }));
    this.offLeader = raft.onLeaderChange(() => this.syncLeadership());
    this.syncLeadership();
    if (mode === 'bootstrap') raft.campaign(); // a single voter need not wait for its election timeout
    this.log.info(
      { mode, raftId: f.raftId, listen: f.listenAddr, port: this.boundPort, advertise: f.advertiseAddr },
      'manager started',
    );
  }

  private registerServices(raft: RaftNode): void {
    const transport = this.transport!;
    const f = this.file;
    const caCertPem = this.tls.caPem;
    const add = (def: unknown, impl: grpc.UntypedServiceImplementation): void =>
      transport.addService(def as grpc.ServiceDefinition, impl);
    add(
      NodeCAService,
      createNodeCaService({
        clusterId: f.clusterId,
        caCertPem,
        store: this.store,
        raft,
        raftIds: this.raftIds,
        logger: this.log,
        ...(this.metrics === undefined ? {} : { observeCall: this.metrics.observeCall }),
      }),
    );
    add(
      ControlService,
      createControlService({
        clusterId: f.clusterId,
        store: this.store,
        raft,
        raftIds: this.raftIds,
        logger: this.log,
        selfNodeId: f.nodeId,
        advertiseAddr: () => f.advertiseAddr,
        peerConnected: (id) => transport.isConnected(id),
        tls: () => this.tls,
        events: this.events,
        ...(this.metrics === undefined ? {} : { observeCall: this.metrics.observeCall }),
        ...(this.opts.logs === undefined ? {} : { logs: this.opts.logs }),
        ...(this.opts.images === undefined ? {} : { images: this.opts.images }),
      }),
    );
    add(
      KVService,
      kvServiceImplementation({
        clusterId: f.clusterId,
        store: this.store,
        logger: this.log,
        status: () => {
          const s = raft.status();
          return {
            id: f.raftId,
            leader: s.leader,
            term: s.term,
            commit: s.hardState.commit,
            applied: s.appliedIndex,
            role: s.role,
            voters: s.confState.voters,
            learners: s.confState.learners,
          };
        },
      }) as unknown as grpc.UntypedServiceImplementation,
    );
    if (this.opts.dispatcherService !== undefined) {
      add(
        withSharedMapEncoding(DispatcherService),
        this.opts.dispatcherService({
          store: this.store,
          raft,
          logger: this.log,
          clusterId: f.clusterId,
          nodeId: f.nodeId,
          raftId: f.raftId,
          isLeader: () => this.raftNode?.isLeader() ?? false,
          leaderAddr: () => this.leaderAddr(),
          managers: () => this.managerList(),
          settings: () => this.settings(),
          trustDigest: () => clusterTrustDigest(this.store),
        }),
      );
    }
  }

  /**
   * After a restart with a new advertise address: until the other managers know it, the leader's
   * messages go to the old address, so this manager may not even learn who leads. So it asks the
   * other managers (NodeCA.Renew with its advertise address, as a promoted node does) to record the
   * new address; the leader's membership reconciler then updates the raft member context.
   * Retried in the background until one of them accepted.
   */
  private recordOwnAddress(): void {
    const { nodeId, advertiseAddr, clusterId } = this.file;
    const current = this.store.view((tx) => tx.get('nodes', nodeId)?.managerStatus?.addr);
    if (current === undefined || current === advertiseAddr) return;
    this.log.info({ from: current, to: advertiseAddr }, 'advertise address changed; telling the other managers');
    const attempt = async (): Promise<void> => {
      const backoff = new Backoff({ initialMs: 200, maxMs: 5_000 });
      while (!this.stopped) {
        const others = this.raft
          .members()
          .filter((m) => m.id !== this.file.raftId)
          .map((m) => dec.decode(m.context));
        for (const addr of others) {
          try {
            await renewAsManager(addr, this.tls, clusterId, advertiseAddr, 5000);
            this.log.info({ via: addr, addr: advertiseAddr }, 'new advertise address recorded');
            return;
          } catch (err) {
            this.log.debug({ err, via: addr }, 'recording the advertise address failed');
          }
        }
        await new Promise((r) => setTimeout(r, backoff.next()));
      }
    };
    attempt().catch((err: unknown) => this.log.warn({ err }, 'could not record the advertise address'));
  }

  /** A restart with the data of a manager its cluster no longer has (see removedByLeader) ends here. */
  private async refuseIfRemoved(): Promise<void> {
    const { raftId, clusterId, nodeId } = this.file;
    const others = this.raft
      .members()
      .filter((m) => m.id !== raftId)
      .map((m) => dec.decode(m.context))
      .filter(Boolean);
    const by = await removedByLeader(
      others,
      this.tls,
      clusterId,
      raftId,
      this.opts.removalCheckTimeoutMs ?? REMOVAL_CHECK_TIMEOUT_MS,
    );
    if (by === undefined) return;
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `manager ${nodeId} is no longer a member of its cluster: the leader at ${by} leads a membership without it (the cluster was forced to a new one or restored elsewhere, or this manager was removed while it was down)`,
      {
        hint: `do not run this data dir again: remove its task containers (docker rm -f $(docker ps -aq --filter label=com.clusterctl.node.id=${nodeId})) and the data dir ${this.opts.dataDir}, then join again with a manager token (clusterctl join-token manager on the cluster)`,
        details: { leaderAddr: by },
      },
    );
  }

  private fireRemoved(why: string): void {
    if (this.removedFired || this.stopped) return;
    this.removedFired = true;
    this.log.warn({ why }, 'this manager was demoted or removed');
    for (const l of this.removedListeners) l();
  }

  /**
   * A demoted manager may never apply its own removal from raft (the leader stops talking to it),
   * but it does apply the change of its node record (role worker), which comes first.
   */
  private watchOwnRecord(): void {
    const id = this.file.nodeId;
    const check = (): void => {
      const n = this.store.view((tx) => tx.get('nodes', id));
      // No record yet: a brand-new cluster before init's first write, or a joiner catching up.
      if (n !== undefined && (n.role !== 'manager' || n.managerStatus?.raftId !== this.file.raftId))
        this.awaitRemoval();
    };
    const w = this.store.watch({
      table: 'nodes',
      filter: (e) => e.type === 'reset' || ('object' in e && e.object.id === id),
    });
    const loop = async (): Promise<void> => {
      for await (const e of w) {
        if (e.type === 'delete') this.awaitRemoval();
        else check();
      }
    };
    loop().catch((err: unknown) => this.log.warn({ err }, 'watch of this node record ended'));
    check();
  }

  /** Demoted: keeps serving raft until the others' membership no longer has this manager. */
  private awaitRemoval(): void {
    if (this.removalProbe || this.removedFired) return;
    this.removalProbe = true;
    this.log.info({}, 'this manager was demoted; waiting for its removal from raft');
    const probe = async (): Promise<void> => {
      while (!this.stopped && !this.removedFired) {
        const cs = this.raft.status().confState;
        if (!cs.voters.includes(this.file.raftId) && !cs.learners.includes(this.file.raftId)) {
          this.fireRemoved('removed from raft');
          return;
        }
        for (const m of this.raft.members()) {
          if (m.id === this.file.raftId) continue;
          if (
            (await memberGoneAccordingTo(dec.decode(m.context), this.tls, this.file.clusterId, this.file.raftId)) ===
            true
          ) {
            this.fireRemoved('the other managers removed it from raft');
            return;
          }
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    };
    probe().catch((err: unknown) => this.log.warn({ err }, 'removal probe failed'));
  }

  // ------------------------------------------------------------------ leadership

  private syncLeadership(): void {
    this.leaderChain = this.leaderChain.then(
      () => this.reconcileLeaderComponents(),
      () => this.reconcileLeaderComponents(),
    );
  }

  private async reconcileLeaderComponents(): Promise<void> {
    const want = !this.stopped && this.raftNode !== undefined && this.raftNode.isLeader();
    const term = this.raftNode?.status().term ?? 0;
    if (this.leaderRunning !== undefined && (!want || term !== this.leaderRunningTerm)) {
      // Lost leadership, or lost and won it again since: the old term's components stop (their
      // writes are fenced to it and would all be refused now).
      const running = this.leaderRunning;
      this.leaderRunning = undefined;
      await Promise.allSettled(running.map((c) => c.stop()));
      this.log.info({ components: running.length, term: this.leaderRunningTerm }, 'leader components stopped');
    }
    if (want && this.leaderRunning === undefined) {
      const deps: LeaderComponentDeps = {
        store: this.store,
        raft: this.raft,
        logger: this.log,
        clusterId: this.file.clusterId,
        nodeId: this.file.nodeId,
        raftId: this.file.raftId,
        settings: () => this.settings(),
        leaderSince: Date.now(),
        leaderTerm: term,
      };
      const running: LeaderComponents[] = [];
      this.leaderRunning = running;
      this.leaderRunningTerm = term;
      const membership = new MembershipReconciler({ ...deps, ...(this.opts.membership ?? {}) });
      membership.start();
      running.push(membership);
      const rootRotation = new RootRotationReconciler({ store: this.store, logger: this.log, leaderTerm: term });
      rootRotation.start();
      running.push(rootRotation);
      running.push(
        recordLeadership({
          store: this.store,
          logger: this.log,
          nodeId: this.file.nodeId,
          raftId: this.file.raftId,
          leaderTerm: term,
          ...(this.file.hostname === undefined ? {} : { hostname: this.file.hostname }),
        }),
      );
      for (const factory of this.opts.leaderComponents ?? []) {
        try {
          running.push(await factory(deps));
        } catch (err) {
          this.log.error({ err }, 'a leader component failed to start');
        }
      }
      this.log.info({ components: running.length, term }, 'leader components started');
    }
  }

  // ------------------------------------------------------------------ accessors

  get raft(): RaftNode {
    if (this.raftNode === undefined) throw new Error('Manager: not started');
    return this.raftNode;
  }

  get nodeId(): string {
    return this.file.nodeId;
  }

  get clusterId(): string {
    return this.file.clusterId;
  }

  get raftId(): number {
    return this.file.raftId;
  }

  get port(): number {
    return this.boundPort;
  }

  get advertiseAddr(): string {
    return this.file.advertiseAddr;
  }

  get nodeTls(): NodeTls {
    return { ...this.tls };
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  isLeader(): boolean {
    return this.raftNode?.isLeader() ?? false;
  }

  /** Whether leader-only components are running here (tests). */
  get leaderComponentsRunning(): boolean {
    return this.leaderRunning !== undefined;
  }

  settings(): ClusterSettings {
    return this.store.view((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)?.settings) ?? DEFAULT_CLUSTER_SETTINGS;
  }

  leaderAddr(): string {
    const lead = this.raftNode?.leader() ?? 0;
    if (lead === 0) return '';
    const m = this.raft.members().find((x) => x.id === lead);
    return m === undefined ? '' : dec.decode(m.context);
  }

  managerList(): { nodeId: string; addr: string; leader: boolean }[] {
    if (this.raftNode === undefined) return [];
    const lead = this.raftNode.leader();
    return this.raftNode
      .members()
      .filter((m) => !m.learner)
      .map((m) => ({ nodeId: this.raftIds.nodeIdOf(m.id), addr: dec.decode(m.context), leader: m.id === lead }));
  }

  /**
   * This manager left the raft group (it was demoted): the daemon should renew its certificate
   * (role worker), stop this Manager and keep only its agent.
   */
  onRemoved(listener: () => void): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  onFatal(listener: (err: Error) => void): () => void {
    this.fatalListeners.add(listener);
    return () => this.fatalListeners.delete(listener);
  }

  /**
   * A backup of this manager's applied state (the backup file's bytes): read locally, so it needs no
   * quorum; it is as new as this manager (on a follower, possibly a little behind the leader).
   */
  backup(now = Date.now()): { bytes: Uint8Array; header: { raftIndex: number; raftTerm: number } } {
    const raft = this.raft;
    // One synchronous turn: the store and the raft status are taken at the same applied index.
    const state = this.store.snapshot();
    const st = raft.status();
    const raftIndex = st.appliedIndex;
    const raftTerm = st.term;
    return {
      bytes: encodeBackup({ clusterId: this.file.clusterId, raftIndex, raftTerm, createdAtMs: now, state }),
      header: { raftIndex, raftTerm },
    };
  }

  /** Installs a renewed certificate (new TLS handshakes use it at once) and saves it. */
  async updateTls(tls: NodeTls): Promise<void> {
    this.tls = tls;
    this.transport?.updateTls(tls);
    await writeNodeTls(this.opts.dataDir, tls);
  }

  /** Stops leader components, the listener and raft (the data dir stays: restart() resumes). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.offLeader?.();
    this.unlockKeyFollower?.stop();
    this.syncLeadership();
    await this.leaderChain.catch(() => undefined);
    this.metrics?.stop();
    this.events.close();
    this.store.close();
    await Promise.allSettled([this.raftNode?.stop(), this.transport?.stop()]);
    this.log.info({}, 'manager stopped');
  }
}

/** A RaftNode stand-in for services registered before raft started: forwards once it exists. */
function lateRaft(get: () => RaftNode | undefined, starting: () => Error): RaftNode {
  return new Proxy({} as RaftNode, {
    get(_target, key) {
      const r = get();
      if (r === undefined) {
        if (key === 'then') return undefined;
        throw starting();
      }
      const v = (r as unknown as Record<PropertyKey, unknown>)[key];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(r) : v;
    },
  });
}
