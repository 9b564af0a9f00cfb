// The clusterctl.dispatcher.Dispatcher gRPC service (proto/dispatcher.proto) over a Dispatcher.
// Every call is authorized by the caller's mutual-TLS certificate (a node of this cluster, worker or
// manager); the node id always comes from that certificate, never from the request.

import * as grpc from '@grpc/grpc-js';
import { leaderAddrOf, toGrpcError } from '@clusterctl/common';
import { authorizeCall, type AuthContextCarrier, type NodeIdentity } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import { taskToProto } from '../api/convert.js';
import { Dispatcher, type DispatcherConfig } from './dispatcher.js';
import type { StatusReport } from './task-status.js';
import type { MeshPortHolder, NetworkCapabilities } from '@clusterctl/store';
import type { NodeImageInventory } from './image-inventory.js';

/** Mesh port conflicts: at most this many listening ports are kept per node. */
const MESH_PORT_HOLDERS_MAX = 64;

function identity(d: Dispatcher, call: AuthContextCarrier): NodeIdentity | grpc.ServiceError {
  const r = authorizeCall(call, { clusterId: d.clusterId, roles: ['worker', 'manager'] });
  return r.ok ? r.identity : toGrpcError(r.error);
}

function isIdentity(x: NodeIdentity | grpc.ServiceError): x is NodeIdentity {
  return (x as NodeIdentity).nodeId !== undefined && (x as grpc.ServiceError).code === undefined;
}

/** Host part of a grpc-js peer string ("1.2.3.4:5678", "[::1]:5678", "ipv4:1.2.3.4:5678"). */
/** How a followed stream ends from the manager's side: with the error's code, or completed. */
function streamEnder(call: grpc.ServerWritableStream<unknown, unknown>): (err?: unknown) => void {
  return (err) => {
    if (call.cancelled) return;
    if (err !== undefined) call.emit('error', toGrpcError(err));
    else call.end();
  };
}

export function peerHost(peer: string): string {
  let p = peer.replace(/^(ipv4|ipv6|unix):/, '');
  if (p.startsWith('[')) return p.slice(1, p.indexOf(']'));
  const i = p.lastIndexOf(':');
  if (i > 0 && p.indexOf(':') === i) p = p.slice(0, i);
  return p;
}

/** Networking: a node's reported capabilities as the store keeps them. */
function capabilitiesFromProto(c: clusterctl.cluster.INetworkCapabilities): NetworkCapabilities {
  return {
    vxlan: c.vxlan === true,
    nftables: c.nftables === true,
    policyRouting: c.policyRouting === true,
    conntrack: c.conntrack === true,
    enabled: c.enabled === true,
    conditions: (c.conditions ?? []).slice(0, 32).map((x) => ({
      code: (x.code ?? '').slice(0, 64),
      message: (x.message ?? '').slice(0, 1024),
      hint: (x.hint ?? '').slice(0, 1024),
    })),
    underlayMtu: Number(c.underlayMtu ?? 0),
  };
}

/** Image shipping: a node's reported inventory as the dispatcher keeps it. */
function inventoryFromProto(inv: clusterctl.dispatcher.IImageInventory): NodeImageInventory {
  return {
    digest: inv.digest ?? '',
    addr: inv.addr ?? '',
    truncated: inv.truncated === true,
    images: (inv.images ?? []).map((i) => ({
      id: i.id ?? '',
      repoTags: [...(i.repoTags ?? [])],
      sizeBytes: Number(i.sizeBytes ?? 0),
      created: Number(i.created ?? 0),
    })),
  };
}

/**
 * The Dispatcher service handlers for `server.addService(DispatcherService, ...)`. Accepts a
 * Dispatcher (share it with startLeaderComponents and the logs provider) or the config to make one.
 */
export function createDispatcherService(
  dispatcherOrConfig: Dispatcher | DispatcherConfig,
): grpc.UntypedServiceImplementation {
  const d = dispatcherOrConfig instanceof Dispatcher ? dispatcherOrConfig : new Dispatcher(dispatcherOrConfig);

  function session(
    call: grpc.ServerWritableStream<clusterctl.dispatcher.SessionRequest, clusterctl.dispatcher.ISessionMessage>,
  ): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) {
      call.emit('error', id);
      return;
    }
    const redirect = (leaderAddr: string, managers: { nodeId: string; addr: string; leader: boolean }[]): void => {
      call.write({ leaderAddr, managers });
      call.end();
    };
    const r = d.redirect();
    if (r !== undefined && r.leaderAddr !== '') {
      redirect(r.leaderAddr, r.managers);
      return;
    }
    const desc = call.request.description;
    d.openSession(
      id.nodeId,
      {
        hostname: desc?.hostname ?? undefined,
        addr: desc?.addr ?? undefined,
        os: desc?.os ?? undefined,
        arch: desc?.arch ?? undefined,
        engineLabels: desc?.engineLabels ?? undefined,
        resources: desc?.resources
          ? { nanoCpus: Number(desc.resources.nanoCpus ?? 0), memoryBytes: Number(desc.resources.memoryBytes ?? 0) }
          : undefined,
        network: desc?.network ? capabilitiesFromProto(desc.network) : undefined,
      },
      peerHost(call.getPeer()),
    ).then(
      ({ handle, info }) => {
        if (call.cancelled) {
          d.closeSession(id.nodeId, handle.id);
          return;
        }
        call.write({ sessionId: info.sessionId, heartbeatPeriodMs: info.heartbeatPeriodMs, managers: info.managers });
        d.onSessionInfo(handle, (next) =>
          call.write({ sessionId: next.sessionId, heartbeatPeriodMs: next.heartbeatPeriodMs, managers: next.managers }),
        );
        handle.onEnd(() => call.end());
        call.on('cancelled', () => d.closeSession(id.nodeId, handle.id));
        call.on('error', () => d.closeSession(id.nodeId, handle.id));
      },
      (err: unknown) => {
        const addr = leaderAddrOf(err);
        if (addr !== undefined) redirect(addr, []);
        else call.emit('error', toGrpcError(err));
      },
    );
  }

  function heartbeat(
    call: grpc.ServerUnaryCall<clusterctl.dispatcher.HeartbeatRequest, clusterctl.dispatcher.IHeartbeatResponse>,
    cb: grpc.sendUnaryData<clusterctl.dispatcher.IHeartbeatResponse>,
  ): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) return cb(id);
    try {
      const periodMs = d.heartbeat(
        id.nodeId,
        call.request.sessionId,
        call.request.closing,
        call.request.certRootDigest,
        call.request.listeningPortsReported ? portHoldersFromProto(call.request.listeningPorts) : undefined,
      );
      // image shipping: the node's images, sent when they changed since the digest answered below
      const inv = call.request.imageInventory;
      if (inv) d.reportImages(id.nodeId, call.request.sessionId, inventoryFromProto(inv));
      // The roots nodes are to trust: a node whose own differ renews at once (root CA rotation).
      // autoscaling: the node's task CPU, and whether to keep sending it
      d.recordTaskCpu(id.nodeId, call.request.autoscaleTaskCpu ?? []);
      cb(null, {
        periodMs,
        trustDigest: d.trustDigest(),
        autoscaleWantsTaskCpu: d.wantsTaskCpu(),
        imageInventoryDigest: d.imageInventoryDigest(id.nodeId),
      });
    } catch (e) {
      cb(toGrpcError(e));
    }
  }

  function assignments(
    call: grpc.ServerWritableStream<
      clusterctl.dispatcher.AssignmentsRequest,
      clusterctl.dispatcher.IAssignmentsMessage
    >,
  ): void {
    nodeStream(call, (nodeId) =>
      d.watchAssignments(
        nodeId,
        call.request.sessionId,
        (m) => {
          call.write({
            type: m.type === 'COMPLETE' ? 0 : 1,
            sequence: m.sequence,
            update: m.update.map(taskToProto),
            remove: m.remove,
          });
        },
        streamEnder(call),
      ),
    );
  }

  function updateTaskStatus(
    call: grpc.ServerUnaryCall<
      clusterctl.dispatcher.UpdateTaskStatusRequest,
      clusterctl.dispatcher.IUpdateTaskStatusResponse
    >,
    cb: grpc.sendUnaryData<clusterctl.dispatcher.IUpdateTaskStatusResponse>,
  ): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) return cb(id);
    const reports: StatusReport[] = (call.request.updates ?? []).map((u) => {
      const s = u.status;
      return {
        taskId: u.taskId ?? '',
        status: {
          state: s?.state ?? '',
          message: s?.message ?? '',
          timestamp: Number(s?.timestamp ?? 0),
          containerId: s?.containerId ?? '',
          exitCode: s?.hasExitCode === true ? Number(s.exitCode ?? 0) : undefined,
          err: s?.err ?? '',
          health: s?.health ?? '',
          healthMessage: s?.healthMessage ?? '',
          ip: s?.ip ?? '',
          imageId: s?.imageId ?? '',
        },
      };
    });
    d.updateTaskStatus(id.nodeId, call.request.sessionId, reports).then(
      () => cb(null, {}),
      (e: unknown) => cb(toGrpcError(e)),
    );
  }

  function getTaskFiles(
    call: grpc.ServerUnaryCall<clusterctl.dispatcher.TaskFilesRequest, clusterctl.dispatcher.ITaskFilesResponse>,
    cb: grpc.sendUnaryData<clusterctl.dispatcher.ITaskFilesResponse>,
  ): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) return cb(id);
    try {
      cb(null, { files: d.taskFiles(id.nodeId, call.request.sessionId, call.request.taskId) });
    } catch (e) {
      cb(toGrpcError(e));
    }
  }

  function imageSources(
    call: grpc.ServerUnaryCall<clusterctl.dispatcher.ImageSourcesRequest, clusterctl.dispatcher.IImageSourcesResponse>,
    cb: grpc.sendUnaryData<clusterctl.dispatcher.IImageSourcesResponse>,
  ): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) return cb(id);
    try {
      const r = call.request;
      cb(null, { sources: d.imageSources(id.nodeId, r.sessionId, r.image.slice(0, 1024), r.imageId.slice(0, 128)) });
    } catch (e) {
      cb(toGrpcError(e));
    }
  }

  function logSubscriptions(
    call: grpc.ServerWritableStream<
      clusterctl.dispatcher.LogSubscriptionsRequest,
      clusterctl.dispatcher.ILogSubscription
    >,
  ): void {
    nodeStream(call, (nodeId) => {
      const sessionId = call.request.sessionId;
      const detach = d.attachLogChannel(nodeId, sessionId, (sub) => {
        call.write({ id: sub.id, taskIds: sub.taskIds, follow: sub.follow, tail: sub.tail, close: sub.close === true });
      });
      d.sessionHandle(nodeId, sessionId).onEnd(() => streamEnder(call)());
      return detach;
    });
  }

  function publishLogs(
    call: grpc.ServerReadableStream<
      clusterctl.dispatcher.PublishLogsMessage,
      clusterctl.dispatcher.IPublishLogsResponse
    >,
    cb: grpc.sendUnaryData<clusterctl.dispatcher.IPublishLogsResponse>,
  ): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) return cb(id);
    let finished = false;
    const finish = (err: grpc.ServiceError | null): void => {
      if (finished) return;
      finished = true;
      if (err === null) cb(null, {});
      else cb(err);
    };
    call.on('data', (m: clusterctl.dispatcher.PublishLogsMessage) => {
      if (finished) return;
      try {
        d.publishLogs(
          id.nodeId,
          m.sessionId,
          m.subscriptionId,
          (m.lines ?? []).map((l) => ({
            taskId: l.taskId ?? '',
            stream: l.stream ?? '',
            timestamp: Number(l.timestamp ?? 0),
            line: l.line ?? new Uint8Array(),
          })),
          m.close === true,
        );
      } catch (e) {
        finish(toGrpcError(e));
      }
    });
    call.on('end', () => finish(null));
    call.on('error', () => finish(null));
  }

  function networkMaps(
    call: grpc.ServerWritableStream<clusterctl.dispatcher.NetworkMapRequest, clusterctl.dispatcher.INetworkMap>,
  ): void {
    nodeStream(call, (nodeId) =>
      d.watchNetworkMaps(
        nodeId,
        call.request.sessionId,
        (m) => {
          call.write(m);
        },
        streamEnder(call),
      ),
    );
  }

  /**
   * A server stream a node opens to follow something: the caller's node identity is checked, then
   * `open` starts following and returns how to stop, called when the node cancels or the stream
   * fails. An error from `open` ends the stream with its code.
   */
  function nodeStream<Req, Res>(call: grpc.ServerWritableStream<Req, Res>, open: (nodeId: string) => () => void): void {
    const id = identity(d, call as unknown as AuthContextCarrier);
    if (!isIdentity(id)) {
      call.emit('error', id);
      return;
    }
    try {
      const stop = open(id.nodeId);
      call.on('cancelled', stop);
      call.on('error', stop);
    } catch (e) {
      call.emit('error', toGrpcError(e));
    }
  }

  return {
    session,
    heartbeat,
    assignments,
    updateTaskStatus,
    logSubscriptions,
    publishLogs,
    networkMaps,
    getTaskFiles,
    imageSources,
  } as unknown as grpc.UntypedServiceImplementation;
}

/** Mesh port conflicts: a heartbeat's listening ports (bounded; unknown protocols dropped). */
export function portHoldersFromProto(list: clusterctl.cluster.IMeshPortHolder[] | null | undefined): MeshPortHolder[] {
  const out: MeshPortHolder[] = [];
  for (const p of (list ?? []).slice(0, MESH_PORT_HOLDERS_MAX)) {
    const port = Number(p.port ?? 0);
    if (!(port > 0 && port < 65536) || (p.protocol !== 'tcp' && p.protocol !== 'udp')) continue;
    out.push({
      port,
      protocol: p.protocol,
      addr: String(p.addr ?? '').slice(0, 64),
      process: String(p.process ?? '').slice(0, 64),
      pid: Number(p.pid ?? 0),
    });
  }
  return out;
}
