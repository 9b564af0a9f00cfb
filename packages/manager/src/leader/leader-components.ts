// Everything that runs only on the raft leader: the dispatcher's node-down marking, the
// orchestrator (replicated + global + restart + reaper), the scheduler, the autoscaler and the
// rebalancer. The Manager starts them
// when it becomes leader and stops them when it loses leadership.

import {
  backoffDelayMs,
  silentLogger,
  systemClock,
  type BackoffPolicy,
  type Clock,
  type Logger,
  type TimerHandle,
} from '@clusterctl/common';
import type { ClusterStore } from '@clusterctl/store';
import { Scheduler, type SchedulerConfig } from '../scheduler/scheduler.js';
import { Orchestrator } from '../orchestrator/orchestrator.js';
import type { RestartConfig } from '../orchestrator/restart-supervisor.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import { Autoscaler, type AutoscalerConfig } from '../orchestrator/autoscaler.js';
import { AutoscaleUsage } from '../orchestrator/autoscale-usage.js';
import { Rebalancer, type RebalancerConfig } from '../orchestrator/rebalancer.js';

/** Retries of the read barrier before the first reconcile: 50 ms doubling to 1 s. */
const READ_BARRIER_RETRY: BackoffPolicy = { initialMs: 50, maxMs: 1_000 };

export interface LeaderComponentsConfig {
  store: ClusterStore;
  logger?: Logger;
  clock?: Clock;
  /** The dispatcher serving agents on this manager: it starts holding sessions and marking nodes down. */
  dispatcher?: Dispatcher;
  /** When this manager became leader: nodes get one full grace from here. Default now. */
  leaderSince?: number;
  /**
   * The raft term of this leadership: every write of these components is fenced to it, so a
   * deposed leader's late decisions never apply. Unset (tests with a local proposer): unfenced.
   */
  leaderTerm?: number;
  restart?: RestartConfig;
  scheduler?: Pick<SchedulerConfig, 'batchDelayMs'>;
  /** Autoscaling: the task CPU the dispatcher hears (shared with it). */
  autoscaleUsage?: AutoscaleUsage;
  /** Autoscaling: how often the autoscaler decides. */
  autoscaler?: Pick<AutoscalerConfig, 'syncEveryMs'>;
  /** Rebalancing: the interval between two moves of a service. */
  rebalancer?: Pick<RebalancerConfig, 'intervalMs'>;
}

export interface RunningLeaderComponents {
  readonly scheduler: Scheduler;
  readonly orchestrator: Orchestrator;
  readonly autoscaler: Autoscaler;
  readonly rebalancer: Rebalancer;
  /** Resolves once the orchestrator and scheduler run (after a read barrier). */
  readonly started: Promise<void>;
  stop(): Promise<void>;
}

export function startLeaderComponents(cfg: LeaderComponentsConfig): RunningLeaderComponents {
  const log = (cfg.logger ?? silentLogger()).child({ component: 'leader' });
  const clock = cfg.clock ?? systemClock;
  cfg.dispatcher?.startLeading(cfg.leaderSince ?? clock.now(), cfg.leaderTerm);
  const orchestrator = new Orchestrator({
    store: cfg.store,
    logger: cfg.logger,
    clock,
    restart: cfg.restart,
    leaderTerm: cfg.leaderTerm,
  });
  const scheduler = new Scheduler({
    store: cfg.store,
    logger: cfg.logger,
    clock,
    ...cfg.scheduler,
    leaderTerm: cfg.leaderTerm,
  });
  // autoscaling: from the task CPU the dispatcher hears (none without a dispatcher)
  const autoscaler = new Autoscaler({
    store: cfg.store,
    usage: cfg.autoscaleUsage ?? new AutoscaleUsage(),
    logger: cfg.logger,
    clock,
    ...cfg.autoscaler,
    leaderTerm: cfg.leaderTerm,
  });
  // rebalancing: services that ask for it get their tasks spread again when nodes return or join
  const rebalancer = new Rebalancer({
    store: cfg.store,
    logger: cfg.logger,
    clock,
    ...cfg.rebalancer,
    leaderTerm: cfg.leaderTerm,
  });
  let stopped = false;
  // The pending retry wait of the read barrier, so stop() can cut it short.
  let retryWait: { timer: TimerHandle; wake: () => void } | undefined;
  const backoff = (ms: number): Promise<void> =>
    new Promise<void>((wake) => {
      retryWait = { timer: clock.setTimeout(() => wake(), ms), wake: () => wake() };
    }).then(() => {
      retryWait = undefined;
    });
  // A new leader may not have applied everything committed before its election yet: reconciling
  // a stale view would, e.g., replace a task whose replacement is already committed. Wait for a
  // read barrier (everything committed so far applied) before the first reconcile.
  const started = (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await cfg.store.linearizableView(() => undefined);
        break;
      } catch (err) {
        log.warn({ err, attempt }, 'read barrier before starting the orchestrator failed; retrying');
        await backoff(backoffDelayMs(READ_BARRIER_RETRY, attempt));
      }
    }
    if (stopped) return;
    orchestrator.start();
    scheduler.start();
    autoscaler.start();
    rebalancer.start();
    log.info('leader components started');
  })();
  let stopping: Promise<void> | undefined;
  return {
    scheduler,
    orchestrator,
    autoscaler,
    rebalancer,
    started,
    stop(): Promise<void> {
      stopping ??= (async () => {
        stopped = true;
        if (retryWait !== undefined) {
          clock.clearTimeout(retryWait.timer);
          retryWait.wake();
        }
        cfg.dispatcher?.stopLeading();
        await started;
        await Promise.all([orchestrator.stop(), scheduler.stop(), autoscaler.stop(), rebalancer.stop()]);
        log.info('leader components stopped');
      })();
      return stopping;
    },
  };
}
