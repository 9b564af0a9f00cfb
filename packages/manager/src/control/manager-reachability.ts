// MANAGER STATUS reachability as `node ls` / `node inspect` show it: the leader's view, from any
// manager (as Docker Swarm does). The leader knows it first hand (raft progress + live streams); a
// follower rarely talks to the other followers, so it asks the leader (Control.GetManagerReachability
// over the managers' mTLS listener) and shows that answer. Without a leader, or when the leader does
// not answer, a follower says `unknown` for what it cannot see itself rather than guessing.

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { ControlService, type clusterctl } from '@clusterctl/proto';
import { managerChannelCredentials, NODE_CHANNEL_OPTIONS } from '@clusterctl/ca';

export type Reachability = 'reachable' | 'unreachable' | 'unknown';

/** What the leader answered: its raft id and term, and raft id -> reachability. */
export interface LeaderReport {
  leaderRaftId: number;
  term: number;
  managers: ReadonlyMap<number, Reachability>;
}

/** One manager's raft facts, taken once per call. */
export interface ReachabilityFacts {
  selfRaftId: number;
  /** 0: no known leader. */
  leaderRaftId: number;
  term: number;
  isLeader: boolean;
  /** Voters and learners. */
  members: ReadonlySet<number>;
  /** Leader only: raft progress recently active, or a live stream to it. */
  reachableFromLeader(raftId: number): boolean;
  /** A live raft stream to this peer. */
  peerConnected(raftId: number): boolean;
  /** Follower: the current leader's answer, if it gave one. */
  report?: LeaderReport | undefined;
}

/** Whether a leader's answer may stand for this follower's current leader. */
export function reportApplies(
  f: Pick<ReachabilityFacts, 'leaderRaftId' | 'term'>,
  r: LeaderReport | undefined,
): r is LeaderReport {
  return r !== undefined && f.leaderRaftId !== 0 && r.leaderRaftId === f.leaderRaftId && r.term === f.term;
}

export function reachabilityOf(f: ReachabilityFacts, raftId: number): Reachability {
  if (!f.members.has(raftId)) return 'unknown';
  if (raftId === f.selfRaftId) return 'reachable';
  if (f.isLeader) return f.reachableFromLeader(raftId) ? 'reachable' : 'unreachable';
  if (f.leaderRaftId === 0) return 'unknown';
  if (reportApplies(f, f.report)) return f.report.managers.get(raftId) ?? 'unknown';
  // The leader did not answer: only what this manager sees itself.
  return f.peerConnected(raftId) ? 'reachable' : 'unknown';
}

/** The leader's answer to GetManagerReachability. */
export function leaderReport(f: ReachabilityFacts): clusterctl.control.IManagerReachabilityResponse {
  if (!f.isLeader) {
    throw new ClusterError(ErrorCode.NotLeader, 'this manager is not the leader', {
      hint: 'ask the leader (clusterctl cluster inspect names it)',
    });
  }
  return {
    leaderRaftId: f.selfRaftId,
    term: f.term,
    managers: [...f.members]
      .sort((a, b) => a - b)
      .map((raftId) => ({ raftId, reachability: reachabilityOf(f, raftId) })),
  };
}

function parseReport(r: clusterctl.control.IManagerReachabilityResponse): LeaderReport {
  const managers = new Map<number, Reachability>();
  for (const m of r.managers ?? []) {
    const v = m.reachability;
    managers.set(Number(m.raftId ?? 0), v === 'reachable' || v === 'unreachable' ? v : 'unknown');
  }
  return { leaderRaftId: Number(r.leaderRaftId ?? 0), term: Number(r.term ?? 0), managers };
}

export interface LeaderAskerConfig {
  clusterId: string;
  /** This manager's current certificate and key (renewals replace them). */
  tls: () => { caPem: string; certPem: string; keyPem: string };
  /** Longest a `node ls` waits for the leader's answer before showing its own view. */
  timeoutMs?: number;
  /** How long an answer is reused for the same leader and term. */
  cacheMs?: number;
}

export const LEADER_ASKER_DEFAULTS = { timeoutMs: 1000, cacheMs: 1000 } as const;

type Method = grpc.MethodDefinition<clusterctl.control.IEmpty, clusterctl.control.ManagerReachabilityResponse>;

/** Asks the leader for its view; one call in flight per leader, answers reused for `cacheMs`. */
export class LeaderReachabilityAsker {
  private readonly cfg: LeaderAskerConfig & { timeoutMs: number; cacheMs: number };
  private cached: { key: string; at: number; report: LeaderReport } | undefined;
  private inFlight: { key: string; p: Promise<LeaderReport | undefined> } | undefined;

  constructor(cfg: LeaderAskerConfig) {
    this.cfg = { ...LEADER_ASKER_DEFAULTS, ...cfg };
  }

  /** The leader's report, or undefined when it did not answer in time (or is no longer leader). */
  ask(leaderRaftId: number, term: number, addr: string): Promise<LeaderReport | undefined> {
    const key = `${leaderRaftId}/${term}/${addr}`;
    const c = this.cached;
    if (c !== undefined && c.key === key && Date.now() - c.at < this.cfg.cacheMs) return Promise.resolve(c.report);
    if (this.inFlight?.key === key) return this.inFlight.p;
    const p = this.call(addr).then((report) => {
      if (this.inFlight?.key === key) this.inFlight = undefined;
      if (report !== undefined && report.leaderRaftId === leaderRaftId && report.term === term) {
        this.cached = { key, at: Date.now(), report };
        return report;
      }
      return undefined;
    });
    this.inFlight = { key, p };
    return p;
  }

  private call(addr: string): Promise<LeaderReport | undefined> {
    const def = (ControlService as unknown as Record<string, Method>)['getManagerReachability']!;
    let client: grpc.Client;
    try {
      client = new grpc.Client(
        addr,
        managerChannelCredentials(this.cfg.tls(), this.cfg.clusterId),
        NODE_CHANNEL_OPTIONS,
      );
    } catch {
      return Promise.resolve(undefined);
    }
    return new Promise<LeaderReport | undefined>((resolve) => {
      client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        {},
        new grpc.Metadata(),
        { deadline: Date.now() + this.cfg.timeoutMs },
        (err, res) => {
          client.close();
          resolve(err || res === undefined ? undefined : parseReport(res));
        },
      );
    });
  }
}
