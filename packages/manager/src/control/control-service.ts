// The Control service (proto/control.proto) on top of the cluster store: one file per resource
// (nodes, services, tasks, networks, cluster, join tokens), wired here behind one guard. CONTROL_ACCESS says
// who may call each method; a method missing from it is refused.
// Reads are linearizable (raft ReadIndex); writes are store transactions (followers' proposals are
// forwarded to the leader by raft). Bad input is refused before anything is proposed, with
// INVALID_ARGUMENT + a hint.

import type * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { NodeIdentity } from '@clusterctl/ca';
import type { ClusterStore } from '@clusterctl/store';
import { clusterMethods } from './cluster.js';
import { controlContext, type ControlServiceDeps } from './context.js';
import { accessGuard, serverStream, unary, type Access, type Rpc } from '../rpc/grpc-handler.js';
import { joinTokenMethods } from './join-tokens.js';
import { networkMethods } from './networks.js';
import { nodeMethods } from './nodes.js';
import { serviceMethods } from './services.js';
import { taskMethods } from './tasks.js';
import { fileObjectMethods } from '../secrets/control-methods.js';
import { eventMethods } from './events.js';
import { imageMethods } from './images.js';

export type { ControlServiceDeps, LogsProvider } from './context.js';
export type { ImagesProvider } from './images.js';

const MANAGERS: Access = { roles: ['manager'] };

/** Who may call each Control method (by its name in proto/control.proto). */
export const CONTROL_ACCESS = {
  GetNode: MANAGERS,
  ListNodes: MANAGERS,
  UpdateNode: MANAGERS,
  RemoveNode: MANAGERS,
  CreateService: MANAGERS,
  GetService: MANAGERS,
  ListServices: MANAGERS,
  UpdateService: MANAGERS,
  ScaleService: MANAGERS,
  RemoveService: MANAGERS,
  ListTasks: MANAGERS,
  ServiceLogs: MANAGERS,
  Events: MANAGERS,
  GetJoinToken: MANAGERS,
  GetClusterInfo: MANAGERS,
  UpdateCluster: MANAGERS,
  RotateRootCa: MANAGERS,
  GetUnlockKey: MANAGERS,
  // secrets and configs
  CreateSecret: MANAGERS,
  GetSecret: MANAGERS,
  ListSecrets: MANAGERS,
  RemoveSecret: MANAGERS,
  CreateConfig: MANAGERS,
  GetConfig: MANAGERS,
  ListConfigs: MANAGERS,
  RemoveConfig: MANAGERS,
  GetManagerReachability: MANAGERS,
  CreateNetwork: MANAGERS,
  GetNetwork: MANAGERS,
  ListNetworks: MANAGERS,
  RemoveNetwork: MANAGERS,
  // image shipping
  ListImages: MANAGERS,
} as const satisfies Record<string, Access>;

/**
 * A certificate outlives a demotion or removal: after the certificate check, the caller's node
 * record decides whether it is still a manager.
 */
function stillManager(store: ClusterStore, selfNodeId: string): (who: NodeIdentity) => void {
  return (who) => {
    const { caller, self } = store.view((tx) => ({
      caller: tx.get('nodes', who.nodeId),
      self: tx.get('nodes', selfNodeId),
    }));
    if (caller === undefined && self === undefined) {
      throw new ClusterError(ErrorCode.Unavailable, 'this manager is still catching up with the cluster', {
        hint: 'retry in a moment',
      });
    }
    if (caller === undefined || caller.role !== 'manager') {
      throw new ClusterError(
        ErrorCode.PermissionDenied,
        `node ${who.nodeId} is ${caller === undefined ? 'no longer part of the cluster' : 'no longer a manager'}`,
        {
          hint: 'this call is for managers only: run the command on a manager node',
        },
      );
    }
  };
}

export function createControlService(deps: ControlServiceDeps): grpc.UntypedServiceImplementation {
  const log = deps.logger.child({ component: 'control' });
  const ctx = controlContext(deps, log);
  const rpc: Rpc = {
    log,
    ...(deps.observeCall === undefined ? {} : { observe: (m, code, s) => deps.observeCall!('Control', m, code, s) }),
    guard: accessGuard(deps.clusterId, CONTROL_ACCESS, stillManager(deps.store, deps.selfNodeId)),
  };
  const nodes = nodeMethods(ctx);
  const services = serviceMethods(ctx);
  const tasks = taskMethods(ctx);
  const tokens = joinTokenMethods(ctx);
  const cluster = clusterMethods(ctx);
  const networks = networkMethods(ctx);
  const files = fileObjectMethods(ctx);
  const events = eventMethods(ctx);
  const images = imageMethods(ctx);

  return {
    getNode: unary(rpc, 'GetNode', nodes.getNode),
    listNodes: unary(rpc, 'ListNodes', nodes.listNodes),
    updateNode: unary(rpc, 'UpdateNode', nodes.updateNode),
    removeNode: unary(rpc, 'RemoveNode', nodes.removeNode),
    createService: unary(rpc, 'CreateService', services.createService),
    getService: unary(rpc, 'GetService', services.getService),
    listServices: unary(rpc, 'ListServices', services.listServices),
    updateService: unary(rpc, 'UpdateService', services.updateService),
    scaleService: unary(rpc, 'ScaleService', services.scaleService),
    removeService: unary(rpc, 'RemoveService', services.removeService),
    listTasks: unary(rpc, 'ListTasks', tasks.listTasks),
    serviceLogs: serverStream(rpc, 'ServiceLogs', tasks.serviceLogs),
    events: serverStream(rpc, 'Events', events.events),
    getJoinToken: unary(rpc, 'GetJoinToken', tokens.getJoinToken),
    getClusterInfo: unary(rpc, 'GetClusterInfo', cluster.getClusterInfo),
    updateCluster: unary(rpc, 'UpdateCluster', cluster.updateCluster),
    rotateRootCa: unary(rpc, 'RotateRootCa', cluster.rotateRootCa),
    getUnlockKey: unary(rpc, 'GetUnlockKey', cluster.getUnlockKey),
    getManagerReachability: unary(rpc, 'GetManagerReachability', cluster.getManagerReachability),
    createNetwork: unary(rpc, 'CreateNetwork', networks.createNetwork),
    getNetwork: unary(rpc, 'GetNetwork', networks.getNetwork),
    listNetworks: unary(rpc, 'ListNetworks', networks.listNetworks),
    removeNetwork: unary(rpc, 'RemoveNetwork', networks.removeNetwork),
    // secrets and configs
    createSecret: unary(rpc, 'CreateSecret', files.createSecret),
    getSecret: unary(rpc, 'GetSecret', files.getSecret),
    listSecrets: unary(rpc, 'ListSecrets', files.listSecrets),
    removeSecret: unary(rpc, 'RemoveSecret', files.removeSecret),
    createConfig: unary(rpc, 'CreateConfig', files.createConfig),
    getConfig: unary(rpc, 'GetConfig', files.getConfig),
    listConfigs: unary(rpc, 'ListConfigs', files.listConfigs),
    removeConfig: unary(rpc, 'RemoveConfig', files.removeConfig),
    // image shipping
    listImages: unary(rpc, 'ListImages', images.listImages),
  };
}
