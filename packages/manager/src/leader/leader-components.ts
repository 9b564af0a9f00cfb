// Everything that runs only on the raft leader: the dispatcher's node-down marking, the
// orchestrator (replicated + global + restart + reaper) and the scheduler. The Manager starts them
// when it becomes leader and stops them when it loses leadership.

import { silentLogger, type Logger } from '@clusterctl/common';
import type { ClusterStore } from '@clusterctl/store';
import { systemClock, type Clock } from './clock.js';
import { Scheduler, type SchedulerConfig } from '../scheduler/scheduler.js';
import { Orchestrator } from '../orchestrator/orchestrator.js';
import type { RestartConfig } from '../orchestrator/restart-supervisor.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';

export interface LeaderComponentsConfig {
  store: ClusterStore;
  logger?: Logger;
  clock?: Clock;
  /** The dispatcher serving agents on this manager: it starts holding sessions and marking nodes down. */
  dispatcher?: Dispatcher;
  /** When this manager became leader: nodes get one full grace from here. Default now. */
  leaderSince?: number;
  restart?: RestartConfig;
  scheduler?: Pick<SchedulerConfig, 'batchDelayMs'>;
}

export interface RunningLeaderComponents {
  readonly scheduler: Scheduler;
  readonly orchestrator: Orchestrator;
  stop(): Promise<void>;
}

export function startLeaderComponents(cfg: LeaderComponentsConfig): RunningLeaderComponents {
  const log = (cfg.logger ?? silentLogger()).child({ component: 'leader' });
  const clock = cfg.clock ?? systemClock;
  cfg.dispatcher?.startLeading(cfg.leaderSince ?? clock.now());
  const orchestrator = new Orchestrator({ store: cfg.store, logger: cfg.logger, clock, restart: cfg.restart });
  const scheduler = new Scheduler({ store: cfg.store, logger: cfg.logger, clock, ...cfg.scheduler });
  orchestrator.start();
  scheduler.start();
  log.info('leader components started');
  let stopping: Promise<void> | undefined;
  return {
    scheduler,
    orchestrator,
    stop(): Promise<void> {
      stopping ??= (async () => {
        cfg.dispatcher?.stopLeading();
        await Promise.all([orchestrator.stop(), scheduler.stop()]);
        log.info('leader components stopped');
      })();
      return stopping;
    },
  };
}
