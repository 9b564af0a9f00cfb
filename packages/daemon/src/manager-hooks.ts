// What a manager node runs besides raft, the store, Control and NodeCA: the dispatcher service
// (agent sessions), the log broker behind `service logs`, and the leader-only components
// (orchestrators, scheduler, node-down marking). Composed here, in one place.
import type { Logger } from '@clusterctl/common';
import { createClusterHooks, type ManagerHooks } from '@clusterctl/manager';

export function managerHooks(_log: Logger): ManagerHooks {
  const hooks = createClusterHooks();
  return { leaderComponents: hooks.leaderComponents, dispatcherService: hooks.dispatcherService, logs: hooks.logs };
}
