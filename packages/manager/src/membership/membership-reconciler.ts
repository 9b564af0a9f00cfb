// Leader-only: makes the raft membership follow the manager node records.
// - a learner whose node record is a manager is promoted to voter once it has caught up
//   (its match index reached the leader's commit index and it is recently active);
// - a voter or learner with no manager record any more (demoted or removed node) leaves raft;
//   when that is this leader itself, it first hands leadership to a caught-up voter, and the next
//   leader removes it;
// - a learner that never catches up stays a learner (it does not count for quorum);
// - a member whose record has a new address (restart with another --advertise-addr) gets it as
//   its raft context, which is what the other managers' transports dial.
// One membership change at a time; changes are raft conf changes, applied on every manager.

import type { Logger } from '@clusterctl/common';
import type { ClusterStore } from '@clusterctl/store';
import type { RaftNode } from '@clusterctl/raft-node';

export interface MembershipReconcilerConfig {
  store: ClusterStore;
  raft: RaftNode;
  logger: Logger;
  raftId: number;
  /** Period of the check. */
  intervalMs: number;
  /** A learner is caught up when its match index is at most this far behind the commit index. */
  maxLagEntries: number;
  removalDelayMs: number;
}

/** maxLagEntries: under steady writes a learner is always a few entries behind; that is caught up. */
/**
 * removalDelayMs: a demoted manager learns it was demoted from its own node record (role worker),
 * which it applies only once a heartbeat brings it the commit index; after its removal from raft the
 * leader stops talking to it. So a demoted voter is removed once it has the entries up to the
 * demotion and this long has passed (a few heartbeats), or at once if it is not active.
 */
export const MEMBERSHIP_DEFAULTS = { intervalMs: 200, maxLagEntries: 64, removalDelayMs: 600 } as const;

export class MembershipReconciler {
  private readonly cfg: MembershipReconcilerConfig;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private stopped = false;
  private offMembership: (() => void) | undefined;
  /** Voters/learners without a manager record: when first seen, and the commit index then. */
  private readonly leaving = new Map<number, { since: number; commit: number }>();

  constructor(
    cfg: Omit<MembershipReconcilerConfig, keyof typeof MEMBERSHIP_DEFAULTS> &
      Partial<Pick<MembershipReconcilerConfig, keyof typeof MEMBERSHIP_DEFAULTS>>,
  ) {
    this.cfg = { ...MEMBERSHIP_DEFAULTS, ...cfg };
    this.log = cfg.logger.child({ component: 'membership' });
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.cfg.intervalMs);
    this.timer.unref();
    this.offMembership = this.cfg.raft.onMembershipChange(() => this.kick());
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.offMembership?.();
  }

  private kick(): void {
    if (this.busy || this.stopped) return;
    this.busy = true;
    this.reconcileOnce()
      .catch((err: unknown) => this.log.warn({ err }, 'membership change failed; will retry'))
      .finally(() => {
        this.busy = false;
      });
  }

  /** One step towards the desired membership; resolves after at most one conf change. */
  async reconcileOnce(): Promise<void> {
    const { raft, store } = this.cfg;
    if (!raft.isLeader()) return;
    const st = raft.status();
    const managerRaftIds = new Set<number>();
    const addrOf = new Map<number, string>();
    store.view((tx) => {
      for (const n of tx.list('nodes')) {
        if (n.role !== 'manager' || n.managerStatus === undefined) continue;
        managerRaftIds.add(n.managerStatus.raftId);
        addrOf.set(n.managerStatus.raftId, n.managerStatus.addr);
      }
    });
    // Until the first records exist (cluster being created) there is nothing to reconcile against.
    if (managerRaftIds.size === 0) return;
    const commit = st.hardState.commit;

    for (const id of this.leaving.keys())
      if (managerRaftIds.has(id) || !(st.confState.voters.includes(id) || st.confState.learners.includes(id)))
        this.leaving.delete(id);
    /** Whether a member without a manager record may be removed now (see removalDelayMs). */
    const mayRemove = (id: number): boolean => {
      const now = Date.now();
      let l = this.leaving.get(id);
      if (l === undefined) {
        l = { since: now, commit };
        this.leaving.set(id, l);
      }
      const p = st.progress.get(id);
      const informed = p === undefined || !p.recentActive || p.match >= l.commit;
      return informed && now - l.since >= this.cfg.removalDelayMs;
    };
    for (const id of st.confState.learners) {
      if (!managerRaftIds.has(id)) {
        if (!mayRemove(id)) continue;
        this.log.info({ raftId: id }, 'removing a learner without a manager record');
        await raft.removeMember(id);
        return;
      }
      const p = st.progress.get(id);
      // 'replicate' + match > 0: it has answered an append (a fresh progress starts recentActive
      // with match 0, which a small commit index would otherwise count as caught up).
      if (
        p !== undefined &&
        p.recentActive &&
        p.state === 'replicate' &&
        p.match > 0 &&
        p.match + this.cfg.maxLagEntries >= commit
      ) {
        this.log.info({ raftId: id, match: p.match, commit }, 'learner caught up; promoting to voter');
        await raft.promote(id);
        return;
      }
    }
    // A manager that restarted with a new advertise address updated its record: make the raft
    // member context (what the transports dial) follow it. Re-adding a member only updates it.
    const dec = new TextDecoder();
    for (const m of raft.members()) {
      const want = addrOf.get(m.id);
      if (want === undefined || want === '' || dec.decode(m.context) === want) continue;
      this.log.info(
        { raftId: m.id, from: dec.decode(m.context), to: want },
        'manager address changed; updating the raft member',
      );
      const ctx = new TextEncoder().encode(want);
      await (m.learner ? raft.addLearner(m.id, ctx) : raft.addMember(m.id, ctx));
      return;
    }
    for (const id of st.confState.voters) {
      if (managerRaftIds.has(id)) continue;
      if (id === this.cfg.raftId) {
        const target = st.confState.voters.find(
          (v) => v !== id && managerRaftIds.has(v) && (st.progress.get(v)?.match ?? 0) >= commit,
        );
        if (target === undefined) {
          this.log.warn({}, 'this leader was demoted but no other voter is caught up yet; staying until one is');
          return;
        }
        this.log.info({ to: target }, 'this manager was demoted; transferring leadership');
        await raft.transferLeadership(target);
        return;
      }
      if (!mayRemove(id)) continue;
      this.log.info({ raftId: id }, 'removing a voter that is no longer a manager');
      await raft.removeMember(id);
      return;
    }
  }
}
