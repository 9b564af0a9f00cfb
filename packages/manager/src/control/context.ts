// What every Control API resource (nodes.ts, services.ts, tasks.ts, cluster.ts, join-tokens.ts)
// works with: the service's dependencies, linearizable reads, and the leader's view of which
// managers are reachable.

import type * as grpc from '@grpc/grpc-js';
import type { Logger } from '@clusterctl/common';
import type { ClusterStore, ReadTx } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import type { RaftNode } from '@clusterctl/raft-node';
import type { RaftIdMap } from '../membership/raft-id-map.js';
import type { EventLog } from '../events/event-log.js';
import type { ManagerView } from '../api/convert.js';
import { clusterNetworkOf, subnetIndex } from '../network/allocator.js';
import type { ImagesProvider } from './images.js';
import {
  LeaderReachabilityAsker,
  reachabilityOf,
  type LeaderAskerConfig,
  type ReachabilityFacts,
} from './manager-reachability.js';

/** Streams `service logs` (provided by the dispatcher's log broker). */
export type LogsProvider = (
  req: { serviceId: string; taskIds: string[]; follow: boolean; tail: number },
  out: { write(line: clusterctl.control.ILogLine): boolean; cancelled(): boolean; onCancel(fn: () => void): void },
) => Promise<void>;

export interface ControlServiceDeps {
  clusterId: string;
  store: ClusterStore;
  raft: RaftNode;
  raftIds: RaftIdMap;
  logger: Logger;
  selfNodeId: string;
  advertiseAddr(): string;
  logs?: LogsProvider;
  /** Told every call's outcome (metrics). */
  observeCall?: (service: string, method: string, code: string, seconds: number) => void;
  /** This manager's event log (the Events stream). */
  events?: EventLog;
  /** Whether this manager has a working connection to the manager with this raft id. */
  peerConnected?: (raftId: number) => boolean;
  /**
   * This manager's certificate and key: a follower asks the leader for its reachability view with
   * them (without it, a follower shows only what it sees itself).
   */
  tls?: () => { caPem: string; certPem: string; keyPem: string };
  /** Image shipping: the nodes' image inventories (the leader's dispatcher). */
  images?: ImagesProvider;
  /** Timeout / reuse of the leader's answer (tests). */
  leaderAsk?: Pick<LeaderAskerConfig, 'timeoutMs' | 'cacheMs'>;
}

/** A unary call of the Control service. */
export type Call<Req, Res> = grpc.ServerUnaryCall<Req, Res>;

export interface ControlContext {
  deps: ControlServiceDeps;
  store: ClusterStore;
  raft: RaftNode;
  log: Logger;
  /** A linearizable read (raft ReadIndex). */
  read<T>(fn: (tx: ReadTx) => T): Promise<T>;
  reachabilityFacts(): ReachabilityFacts;
  /** MANAGER STATUS as the leader sees it (a follower asks the leader; see manager-reachability.ts). */
  managerView(): Promise<ManagerView>;
  /** recentActive is cleared at every election timeout (CheckQuorum): a live stream counts too. */
  reachableFromLeader(st: ReturnType<RaftNode['status']>, id: number): boolean;
}

export function controlContext(deps: ControlServiceDeps, log: Logger): ControlContext {
  const { store, raft } = deps;
  const asker =
    deps.tls === undefined
      ? undefined
      : new LeaderReachabilityAsker({ clusterId: deps.clusterId, tls: deps.tls, ...(deps.leaderAsk ?? {}) });
  const dec = new TextDecoder();

  function reachableFromLeader(st: ReturnType<RaftNode['status']>, id: number): boolean {
    return st.progress.get(id)?.recentActive === true || deps.peerConnected?.(id) === true;
  }

  function reachabilityFacts(): ReachabilityFacts {
    const st = raft.status();
    return {
      selfRaftId: raft.id,
      leaderRaftId: st.leader,
      term: st.term,
      isLeader: raft.isLeader(),
      members: new Set([...st.confState.voters, ...st.confState.learners]),
      reachableFromLeader: (id) => reachableFromLeader(st, id),
      peerConnected: (id) => deps.peerConnected?.(id) === true,
    };
  }

  async function managerView(): Promise<ManagerView> {
    const f = reachabilityFacts();
    if (!f.isLeader && f.leaderRaftId !== 0 && asker !== undefined) {
      const member = raft.members().find((m) => m.id === f.leaderRaftId);
      const addr = member === undefined ? '' : dec.decode(member.context);
      if (addr !== '') f.report = await asker.ask(f.leaderRaftId, f.term, addr);
    }
    // networking: the backend and subnet indexes shown with each node's subnet
    const network = store.view((tx) => clusterNetworkOf(tx));
    return {
      leaderRaftId: f.leaderRaftId,
      reachability: (id) => reachabilityOf(f, id),
      backend: network.backend,
      subnetIndex: (subnet) => subnetIndex(network, subnet),
    };
  }

  return {
    deps,
    store,
    raft,
    log,
    read: (fn) => store.linearizableView(fn),
    reachabilityFacts,
    managerView,
    reachableFromLeader,
  };
}
