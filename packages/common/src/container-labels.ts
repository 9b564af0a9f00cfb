// The labels that tie a container to its cluster, node and task: the agent finds and adopts its
// containers by them, and the lab and the system tests read them, so they are a stable contract.

export const LABEL_PREFIX = 'com.clusterctl.';

export const Label = {
  ClusterId: 'com.clusterctl.cluster.id',
  ServiceId: 'com.clusterctl.service.id',
  ServiceName: 'com.clusterctl.service.name',
  TaskId: 'com.clusterctl.task.id',
  TaskSlot: 'com.clusterctl.task.slot',
  NodeId: 'com.clusterctl.node.id',
} as const;

/**
 * Docker's stack label: every object `stack deploy` makes carries it (`stack ls` groups by it), and a
 * stack's services answer to their short names (`db` for `shop_db`) on the networks they share.
 */
export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';
