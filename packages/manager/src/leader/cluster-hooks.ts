// Wiring for the Manager's hooks (ManagerHooks in ../manager.ts): one Dispatcher shared by the
// Dispatcher gRPC service (every manager), the leader components (started on becoming leader) and
// the `service logs` provider of the Control API. Pass the result's fields to the Manager:
//   const hooks = createClusterHooks();
//   Manager.init({ ..., leaderComponents: hooks.leaderComponents, dispatcherService: hooks.dispatcherService, logs: hooks.logs, images: hooks.images })

import type * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, type Clock } from '@clusterctl/common';
import type { DispatcherServiceDeps, LeaderComponentsFactory } from '../manager.js';
import type { ImagesProvider, LogsProvider } from '../control/control-service.js';
import { notLeaderForImages } from '../control/images.js';
import { startLeaderComponents } from './leader-components.js';
import { AutoscaleUsage } from '../orchestrator/autoscale-usage.js';
import { Dispatcher } from '../dispatcher/dispatcher.js';
import { createDispatcherService } from '../dispatcher/dispatcher-service.js';
import type { RestartConfig } from '../orchestrator/restart-supervisor.js';

export interface ClusterHooksOptions {
  clock?: Clock;
  restart?: RestartConfig;
  logDeadlineMs?: number;
}

export interface ClusterHooks {
  leaderComponents: LeaderComponentsFactory[];
  dispatcherService: (deps: DispatcherServiceDeps) => grpc.UntypedServiceImplementation;
  logs: LogsProvider;
  /** Image shipping: the leader dispatcher's image inventories. */
  images: ImagesProvider;
  /** The dispatcher, once the Manager created its service. */
  dispatcher(): Dispatcher | undefined;
}

export function createClusterHooks(opts: ClusterHooksOptions = {}): ClusterHooks {
  let dispatcher: Dispatcher | undefined;
  // autoscaling: the task CPU of heartbeats, from the dispatcher to the leader's autoscaler
  const autoscaleUsage = new AutoscaleUsage();
  return {
    dispatcher: () => dispatcher,
    dispatcherService: (deps) => {
      dispatcher?.close();
      dispatcher = new Dispatcher({
        store: deps.store,
        clusterId: deps.clusterId,
        logger: deps.logger,
        clock: opts.clock,
        isLeader: deps.isLeader,
        leaderAddr: deps.leaderAddr,
        managers: deps.managers,
        settings: deps.settings,
        trustDigest: deps.trustDigest,
        managerHeard: (nodeId) => {
          // match > 0: the member accepted an append of this leader (match is reset to 0 on
          // election); recentActive: it answered at all lately (a lagging follower rejects first)
          const raftId = deps.store.view((tx) => tx.get('nodes', nodeId))?.managerStatus?.raftId;
          if (raftId === undefined || raftId <= 0 || raftId === deps.raftId) return undefined;
          const pr = deps.raft.status().progress.get(raftId);
          return pr === undefined ? undefined : pr.match > 0 || pr.recentActive;
        },
        logDeadlineMs: opts.logDeadlineMs,
        taskCpu: autoscaleUsage,
      });
      return createDispatcherService(dispatcher);
    },
    leaderComponents: [
      (deps) =>
        startLeaderComponents({
          store: deps.store,
          logger: deps.logger,
          clock: opts.clock,
          dispatcher,
          autoscaleUsage,
          leaderSince: deps.leaderSince,
          leaderTerm: deps.leaderTerm,
          restart: opts.restart,
        }),
    ],
    images: {
      list: () => {
        if (dispatcher === undefined || !dispatcher.isLeading) throw notLeaderForImages();
        return dispatcher.images.list();
      },
      resolve: (ref) => (dispatcher?.isLeading === true ? dispatcher.images.resolve(ref) : undefined),
    },
    logs: async (req, out) => {
      if (dispatcher === undefined)
        throw new ClusterError(ErrorCode.FailedPrecondition, 'this manager serves no dispatcher', {
          hint: 'service logs need the dispatcher; check the daemon wiring',
        });
      const slots = new Map(
        req.taskIds.length === 0
          ? []
          : dispatcher.store.view((tx) => req.taskIds.map((id) => [id, tx.get('tasks', id)?.slot ?? 0] as const)),
      );
      const it = dispatcher.subscribeLogs(req.serviceId, {
        follow: req.follow,
        tail: req.tail,
        taskIds: req.taskIds.length === 0 ? undefined : req.taskIds,
      });
      out.onCancel(() => void it.return?.());
      for await (const m of it) {
        if (out.cancelled()) break;
        out.write({
          taskId: m.taskId,
          slot: slots.get(m.taskId) ?? 0,
          nodeId: m.nodeId,
          stream: m.stream,
          timestamp: m.timestamp,
          line: m.line,
        });
      }
    },
  };
}
