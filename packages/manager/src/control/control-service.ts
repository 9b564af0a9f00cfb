// The Control service (proto/control.proto) on top of the cluster store. Every call needs a manager
// certificate of this cluster. Reads are linearizable (raft ReadIndex); writes are store
// transactions (followers' proposals are forwarded to the leader by raft). Bad input is refused
// before anything is proposed, with INVALID_ARGUMENT + a hint.

import { X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { checkLabels, ClusterError, ErrorCode, toGrpcError, type Logger } from '@clusterctl/common';
import { createJoinToken, certificateDigest, newJoinTokenSecret, type NodeRole } from '@clusterctl/ca';
import { DEFAULT_CLUSTER_ID, newId, taskStateOrder, UPDATE_CONFIG_DEFAULTS, type Cluster, type ClusterStore, type Node, type ReadTx, type Service, type ServiceSpec, type Task, type TaskState } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import type { RaftNode } from '../raft/raft-node.js';
import type { RaftIdMap } from '../membership/raft-id-map.js';
import { matchConstraint, parseConstraint } from '../scheduler/constraints.js';
import { kvTokenSecretKey, putSecret, readSecret, tokenSecretDigest } from '../ca/cluster-secrets.js';
import { newRaftId } from '../ca/node-ca-service.js';
import { requireCaller, unary } from '../rpc/grpc-handler.js';
import { resolveNode, resolveService } from './lookup.js';
import { nodeToProto, serviceToProto, taskToProto, type ManagerView } from '../api/convert.js';
import { LeaderReachabilityAsker, leaderReport, reachabilityOf, type LeaderAskerConfig, type ReachabilityFacts } from './manager-reachability.js';
import { mergeClusterSettings } from './validate-settings.js';
import { publishedPortConflicts, validateReplicas, validateServiceName, validateServiceSpec, validateUpdateConfig } from './validate-spec.js';

/** Streams `service logs` (provided by the dispatcher's log broker). */
export type LogsProvider = (
  req: { serviceId: string; taskIds: string[]; follow: boolean; tail: number },
  out: { write(line: clusterctl.control.ILogLine): boolean; cancelled(): boolean; onCancel(fn: () => void): void },
) => Promise<void>;

export interface ControlServiceDeps {
  clusterId: string;
  store: ClusterStore;
  raft: RaftNode;
  raftIds: RaftIdMap;
  logger: Logger;
  selfNodeId: string;
  advertiseAddr(): string;
  logs?: LogsProvider;
  /** Whether this manager has a working connection to the manager with this raft id. */
  peerConnected?: (raftId: number) => boolean;
  /**
   * This manager's certificate and key: a follower asks the leader for its reachability view with
   * them (without it, a follower shows only what it sees itself).
   */
  tls?: () => { caPem: string; certPem: string; keyPem: string };
  /** Timeout / reuse of the leader's answer (tests). */
  leaderAsk?: Pick<LeaderAskerConfig, 'timeoutMs' | 'cacheMs'>;
}

type Call<Req, Res> = grpc.ServerUnaryCall<Req, Res>;

const AVAILABILITIES = ['active', 'pause', 'drain'] as const;
const TERMINAL: TaskState = 'complete';

function isTerminal(s: TaskState): boolean {
  return taskStateOrder(s) >= taskStateOrder(TERMINAL);
}

/** The root CA certificate's expiry (ms since the epoch) and digest; zero/empty when unreadable. */
export function rootCaFacts(pem: string | undefined): { expiresAt: number; digest: string } {
  if (pem === undefined || pem === '') return { expiresAt: 0, digest: '' };
  try {
    const expiresAt = Date.parse(new X509Certificate(pem).validTo);
    return { expiresAt: Number.isFinite(expiresAt) ? expiresAt : 0, digest: certificateDigest(pem) };
  } catch {
    return { expiresAt: 0, digest: '' };
  }
}

export function createControlService(deps: ControlServiceDeps): grpc.UntypedServiceImplementation {
  const log = deps.logger.child({ component: 'control' });
  const { store, raft } = deps;
  const auth = (call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>): void => {
    const who = requireCaller(call, deps.clusterId, ['manager']);
    // A certificate outlives a demotion or removal: the node record decides.
    const { caller, self } = store.view((tx) => ({ caller: tx.get('nodes', who.nodeId), self: tx.get('nodes', deps.selfNodeId) }));
    if (caller === undefined && self === undefined) {
      throw new ClusterError(ErrorCode.Unavailable, 'this manager is still catching up with the cluster', { hint: 'retry in a moment' });
    }
    if (caller === undefined || caller.role !== 'manager') {
      throw new ClusterError(ErrorCode.PermissionDenied, `node ${who.nodeId} is ${caller === undefined ? 'no longer part of the cluster' : 'no longer a manager'}`, {
        hint: 'this call is for managers only: run the command on a manager node',
      });
    }
  };
  const read = <T>(fn: (tx: ReadTx) => T): Promise<T> => store.linearizableView(fn);

  const asker = deps.tls === undefined ? undefined : new LeaderReachabilityAsker({ clusterId: deps.clusterId, tls: deps.tls, ...(deps.leaderAsk ?? {}) });
  const dec = new TextDecoder();

  function reachabilityFacts(): ReachabilityFacts {
    const st = raft.status();
    return {
      selfRaftId: raft.id,
      leaderRaftId: st.leader,
      term: st.term,
      isLeader: raft.isLeader(),
      members: new Set([...st.confState.voters, ...st.confState.learners]),
      reachableFromLeader: (id) => reachableFromLeader(st, id),
      peerConnected: (id) => deps.peerConnected?.(id) === true,
    };
  }

  /** MANAGER STATUS as the leader sees it (a follower asks the leader; see manager-reachability.ts). */
  async function managerView(): Promise<ManagerView> {
    const f = reachabilityFacts();
    if (!f.isLeader && f.leaderRaftId !== 0 && asker !== undefined) {
      const member = raft.members().find((m) => m.id === f.leaderRaftId);
      const addr = member === undefined ? '' : dec.decode(member.context);
      if (addr !== '') f.report = await asker.ask(f.leaderRaftId, f.term, addr);
    }
    return { leaderRaftId: f.leaderRaftId, reachability: (id) => reachabilityOf(f, id) };
  }

  /** recentActive is cleared at every election timeout (CheckQuorum): a live stream counts too. */
  function reachableFromLeader(st: ReturnType<RaftNode['status']>, id: number): boolean {
    return st.progress.get(id)?.recentActive === true || deps.peerConnected?.(id) === true;
  }

  function eligibleForGlobal(n: Node, spec: ServiceSpec): boolean {
    if (n.availability !== 'active' || n.status.state === 'down') return false;
    return spec.constraints.every((c) => matchConstraint(n, parseConstraint(c)));
  }

  function summary(tx: ReadTx, s: Service): clusterctl.control.IServiceSummary {
    const tasks = tx.findBy('tasks', 'serviceId', s.id);
    const running = tasks.filter((t) => t.status.state === 'running' && t.desiredState === 'running').length;
    const desired = s.spec.mode.kind === 'replicated' ? s.spec.mode.replicas : tx.list('nodes').filter((n) => eligibleForGlobal(n, s.spec)).length;
    const u = s.spec.update ?? UPDATE_CONFIG_DEFAULTS;
    return { service: serviceToProto(s), running, desired, updateConfig: { parallelism: u.parallelism, delayMs: u.delayMs, order: u.order } };
  }

  /** The current task of each slot (replicated) or node (global): the newest one. */
  function currentTasks(tasks: Task[]): Task[] {
    const latest = new Map<string, Task>();
    for (const t of tasks) {
      const key = `${t.serviceId}/${t.slot > 0 ? `s${t.slot}` : `n${t.nodeId}`}`;
      const prev = latest.get(key);
      if (prev === undefined || t.meta.createdAt > prev.meta.createdAt || (t.meta.createdAt === prev.meta.createdAt && t.meta.version > prev.meta.version)) latest.set(key, t);
    }
    // A slot that was scaled away (or a node the global service left) and whose container is gone
    // is history, not current.
    return [...latest.values()].filter((t) => !(taskStateOrder(t.desiredState) > taskStateOrder('running') && isTerminal(t.status.state)));
  }

  function checkPorts(tx: ReadTx, spec: ServiceSpec, selfId?: string): void {
    const conflicts = publishedPortConflicts(spec, tx.list('services'), selfId);
    if (conflicts.length > 0) {
      const c = conflicts[0]!;
      throw new ClusterError(ErrorCode.Conflict, `published port ${c.port} is already used by service ${c.service}`, {
        hint: 'publish another port, or remove/update the service that uses it',
        details: { conflicts },
      });
    }
  }

  function checkNameFree(tx: ReadTx, name: string, selfId?: string): void {
    const other = tx.getByName('services', name);
    if (other !== undefined && other.id !== selfId) {
      throw new ClusterError(ErrorCode.AlreadyExists, `a service named ${name} already exists (${other.id})`, { hint: 'choose another --name, or update the existing service' });
    }
  }

  // ---------------------------------------------------------------- nodes

  async function getNode(call: Call<clusterctl.control.GetNodeRequest, clusterctl.cluster.INode>): Promise<clusterctl.cluster.INode> {
    auth(call);
    const n = await read((tx) => resolveNode(tx, call.request.node));
    return nodeToProto(n, await managerView());
  }

  async function listNodes(call: Call<clusterctl.control.ListNodesRequest, clusterctl.control.IListNodesResponse>): Promise<clusterctl.control.IListNodesResponse> {
    auth(call);
    const f = call.request.filters ?? {};
    const nodes = await read((tx) => tx.list('nodes'));
    const mv = await managerView();
    const out = nodes.filter((n) => {
      if (f.id !== undefined && !n.id.startsWith(f.id)) return false;
      if (f.role !== undefined && n.role !== f.role) return false;
      if (f.availability !== undefined && n.availability !== f.availability) return false;
      if (f.hostname !== undefined && n.hostname !== f.hostname) return false;
      if (f.name !== undefined && n.hostname !== f.name && n.name !== f.name) return false;
      if (f.label !== undefined) {
        const [k, v] = f.label.split('=', 2) as [string, string | undefined];
        if (!(k in n.labels) || (v !== undefined && n.labels[k] !== v)) return false;
      }
      return true;
    });
    out.sort((a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id));
    return { nodes: out.map((n) => nodeToProto(n, mv)) };
  }

  async function updateNode(call: Call<clusterctl.control.UpdateNodeRequest, clusterctl.cluster.INode>): Promise<clusterctl.cluster.INode> {
    auth(call);
    const req = call.request;
    const availability = req.availability ?? '';
    if (availability !== '' && !(AVAILABILITIES as readonly string[]).includes(availability)) {
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid availability ${JSON.stringify(availability)}`, { hint: 'availability is active, pause or drain' });
    }
    const role = req.role ?? '';
    if (role !== '' && role !== 'manager' && role !== 'worker') {
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid role ${JSON.stringify(role)}`, { hint: 'role is manager or worker (clusterctl node promote/demote)' });
    }
    checkLabels('labelAdd', req.labelAdd ?? {});
    const version = Number(req.version ?? 0);
    await raft.readBarrier();
    const updated = await store.update((tx) => {
      const n = resolveNode(tx, req.node);
      if (version !== 0 && n.meta.version !== version) {
        throw new ClusterError(ErrorCode.Conflict, `node ${n.id} changed since version ${version} (now ${n.meta.version})`, { hint: 'inspect the node again and retry' });
      }
      const labels = { ...n.labels, ...(req.labelAdd ?? {}) };
      for (const k of req.labelRm ?? []) {
        if (!(k in labels)) throw new ClusterError(ErrorCode.NotFound, `node ${n.hostname} has no label ${JSON.stringify(k)}`, { hint: 'see its labels with `clusterctl node inspect`' });
        delete labels[k];
      }
      checkLabels('labels', labels);
      let next: Node = { ...n, labels, availability: availability === '' ? n.availability : (availability as Node['availability']) };
      if (role !== '' && role !== n.role) next = changeRole(tx, next, role);
      tx.update('nodes', next);
      return next.id;
    });
    const n = await read((tx) => tx.get('nodes', updated));
    if (n === undefined) throw new ClusterError(ErrorCode.NotFound, `node ${updated} was removed meanwhile`);
    return nodeToProto(n, await managerView());
  }

  function changeRole(tx: ReadTx, n: Node, role: NodeRole): Node {
    if (role === 'worker') {
      const managers = tx.list('nodes').filter((m) => m.role === 'manager');
      if (managers.length <= 1) throw new ClusterError(ErrorCode.FailedPrecondition, `node ${n.hostname} is the last manager`, { hint: 'promote another node first: a cluster needs a manager' });
      // Demoting must not cost quorum: the remaining voters must still form a majority of reachable ones.
      const st = raft.status();
      const voters = st.confState.voters.filter((v) => v !== n.managerStatus?.raftId);
      if (raft.isLeader()) {
        const reachable = voters.filter((v) => v === raft.id || reachableFromLeader(st, v)).length;
        if (reachable < Math.floor(voters.length / 2) + 1) {
          throw new ClusterError(ErrorCode.FailedPrecondition, `demoting ${n.hostname} would leave ${reachable} reachable of ${voters.length} managers: no quorum`, {
            hint: 'bring the unreachable managers back (or remove them) first',
            details: { voters: voters.map((v) => ({ raftId: v, recentActive: st.progress.get(v)?.recentActive ?? null, connected: deps.peerConnected?.(v) ?? null, match: st.progress.get(v)?.match ?? null })) },
          });
        }
      }
      const { managerStatus: _ms, ...rest } = n;
      return { ...rest, role: 'worker' };
    }
    // Promotion: the node gets a raft id now; its daemon renews its certificate (role manager) and
    // starts a manager, which the leader adds as a learner and promotes once caught up.
    const taken = new Set(tx.list('nodes').flatMap((m) => (m.managerStatus ? [m.managerStatus.raftId] : [])));
    for (const m of raft.members()) taken.add(m.id);
    return { ...n, role: 'manager', managerStatus: { raftId: newRaftId(taken), addr: '' } };
  }

  async function removeNode(call: Call<clusterctl.control.RemoveNodeRequest, clusterctl.control.IEmpty>): Promise<clusterctl.control.IEmpty> {
    auth(call);
    await raft.readBarrier();
    await store.update((tx) => {
      const n = resolveNode(tx, call.request.node);
      if (n.role === 'manager') {
        throw new ClusterError(ErrorCode.FailedPrecondition, `node ${n.hostname} (${n.id}) is a manager`, { hint: `demote it first: clusterctl node demote ${n.id}` });
      }
      if (n.status.state === 'ready' && call.request.force !== true) {
        throw new ClusterError(ErrorCode.FailedPrecondition, `node ${n.hostname} (${n.id}) is ready (its agent is connected)`, {
          hint: 'stop the node first (clusterctl leave on it), or remove it anyway with --force',
        });
      }
      tx.delete('nodes', n);
    });
    return {};
  }

  // ---------------------------------------------------------------- services

  async function createService(call: Call<clusterctl.control.CreateServiceRequest, clusterctl.cluster.IService>): Promise<clusterctl.cluster.IService> {
    auth(call);
    const reqSpec = call.request.spec;
    const id = newId();
    const validated = validateServiceSpec(reqSpec && (reqSpec.name ?? '') === '' ? { ...reqSpec, name: `svc-${id.slice(0, 10)}` } : reqSpec);
    const update = validateUpdateConfig(call.request.updateConfig);
    const spec: ServiceSpec = update === undefined ? validated : { ...validated, update };
    await raft.readBarrier();
    await store.update((tx) => {
      checkNameFree(tx, spec.name);
      checkPorts(tx, spec);
      tx.create('services', { id, spec });
    });
    const s = store.view((tx) => tx.get('services', id));
    if (s === undefined) throw new ClusterError(ErrorCode.Unavailable, 'the service was created but is not visible here yet', { hint: 'check with clusterctl service ls' });
    log.info({ serviceId: id, name: spec.name, mode: spec.mode }, 'service created');
    return serviceToProto(s);
  }

  async function getService(call: Call<clusterctl.control.GetServiceRequest, clusterctl.cluster.IService>): Promise<clusterctl.cluster.IService> {
    auth(call);
    return serviceToProto(await read((tx) => resolveService(tx, call.request.service)));
  }

  async function listServices(call: Call<clusterctl.control.ListServicesRequest, clusterctl.control.IListServicesResponse>): Promise<clusterctl.control.IListServicesResponse> {
    auth(call);
    const f = call.request.filters ?? {};
    return read((tx) => {
      const services = tx.list('services').filter((s) => {
        if (f.id !== undefined && !s.id.startsWith(f.id)) return false;
        if (f.name !== undefined && !s.spec.name.startsWith(f.name)) return false;
        if (f.mode !== undefined && s.spec.mode.kind !== f.mode) return false;
        if (f.label !== undefined) {
          const [k, v] = f.label.split('=', 2) as [string, string | undefined];
          if (!(k in s.spec.labels) || (v !== undefined && s.spec.labels[k] !== v)) return false;
        }
        return true;
      });
      services.sort((a, b) => a.spec.name.localeCompare(b.spec.name));
      return { services: services.map((s) => summary(tx, s)) };
    });
  }

  async function updateService(call: Call<clusterctl.control.UpdateServiceRequest, clusterctl.cluster.IService>): Promise<clusterctl.cluster.IService> {
    auth(call);
    // the whole new spec is checked as on create, before anything is proposed
    const validated = validateServiceSpec(call.request.spec);
    const updateConfig = validateUpdateConfig(call.request.updateConfig);
    const version = Number(call.request.version ?? 0);
    const force = call.request.force === true;
    await raft.readBarrier();
    const { id, changed } = await store.update((tx) => {
      const s = resolveService(tx, call.request.service);
      if (version !== 0 && s.meta.version !== version) {
        throw new ClusterError(ErrorCode.Conflict, `service ${s.spec.name} changed since version ${version} (now ${s.meta.version})`, {
          hint: 'inspect the service again and retry',
          details: { field: 'version', version: s.meta.version },
        });
      }
      if (s.spec.mode.kind !== validated.mode.kind) {
        throw new ClusterError(ErrorCode.InvalidArgument, `cannot change the mode of service ${s.spec.name} from ${s.spec.mode.kind} to ${validated.mode.kind}`, {
          hint: 'remove the service and create it again',
          details: { field: 'mode' },
        });
      }
      // the force counter is the server's: kept across updates, bumped by --force (a spec change
      // for the orchestrator, which then replaces every task)
      const forceUpdate = (s.spec.forceUpdate ?? 0) + (force ? 1 : 0);
      // the rollout config is kept unless one is sent
      const update = updateConfig ?? s.spec.update;
      const spec: ServiceSpec = { ...validated, ...(forceUpdate > 0 ? { forceUpdate } : {}), ...(update !== undefined ? { update } : {}) };
      if (!force && JSON.stringify(spec) === JSON.stringify(s.spec)) return { id: s.id, changed: false };
      checkNameFree(tx, spec.name, s.id);
      checkPorts(tx, spec, s.id);
      tx.update('services', { ...s, spec, previousSpec: s.spec });
      return { id: s.id, changed: true };
    });
    const s = store.view((tx) => tx.get('services', id));
    if (s === undefined) throw new ClusterError(ErrorCode.NotFound, `service ${id} was removed meanwhile`, { hint: 'check with clusterctl service ls' });
    if (changed) log.info({ serviceId: id, version: s.meta.version, force }, 'service updated');
    return serviceToProto(s);
  }

  async function scaleService(call: Call<clusterctl.control.ScaleServiceRequest, clusterctl.cluster.IService>): Promise<clusterctl.cluster.IService> {
    auth(call);
    const replicas = Number(call.request.replicas ?? 0);
    validateReplicas(replicas);
    await raft.readBarrier();
    const id = await store.update((tx) => {
      const s = resolveService(tx, call.request.service);
      if (s.spec.mode.kind !== 'replicated') {
        throw new ClusterError(ErrorCode.FailedPrecondition, `service ${s.spec.name} is global: it runs one task per eligible node and cannot be scaled`, {
          hint: 'use constraints or node availability to choose where a global service runs',
        });
      }
      if (s.spec.mode.replicas !== replicas) tx.update('services', { ...s, spec: { ...s.spec, mode: { kind: 'replicated', replicas } }, previousSpec: s.spec });
      return s.id;
    });
    return serviceToProto(store.view((tx) => tx.get('services', id))!);
  }

  async function removeService(call: Call<clusterctl.control.RemoveServiceRequest, clusterctl.control.IEmpty>): Promise<clusterctl.control.IEmpty> {
    auth(call);
    await raft.readBarrier();
    const name = await store.update((tx) => {
      const s = resolveService(tx, call.request.service);
      tx.delete('services', s);
      // Agents stop and remove the containers; the reaper deletes the tasks once they are gone.
      for (const t of tx.findBy('tasks', 'serviceId', s.id)) if (t.desiredState !== 'remove') tx.update('tasks', { ...t, desiredState: 'remove' });
      return s.spec.name;
    });
    log.info({ name }, 'service removed');
    return {};
  }

  // ---------------------------------------------------------------- tasks & logs

  async function listTasks(call: Call<clusterctl.control.ListTasksRequest, clusterctl.control.IListTasksResponse>): Promise<clusterctl.control.IListTasksResponse> {
    auth(call);
    const req = call.request;
    return read((tx) => {
      let tasks: Task[];
      const svc = (req.service ?? '') !== '' ? resolveService(tx, req.service) : undefined;
      const node = (req.node ?? '') !== '' ? resolveNode(tx, req.node) : undefined;
      if (svc !== undefined) tasks = tx.findBy('tasks', 'serviceId', svc.id);
      else if (node !== undefined) tasks = tx.findBy('tasks', 'nodeId', node.id);
      else tasks = tx.list('tasks');
      if (node !== undefined) tasks = tasks.filter((t) => t.nodeId === node.id);
      if (req.all !== true) tasks = currentTasks(tasks);
      const names = new Map(tx.list('services').map((s) => [s.id, s.spec.name]));
      tasks.sort(
        (a, b) =>
          (names.get(a.serviceId) ?? a.serviceId).localeCompare(names.get(b.serviceId) ?? b.serviceId) ||
          a.slot - b.slot ||
          a.nodeId.localeCompare(b.nodeId) ||
          b.meta.createdAt - a.meta.createdAt,
      );
      return { tasks: tasks.map(taskToProto) };
    });
  }

  function serviceLogs(call: grpc.ServerWritableStream<clusterctl.control.ServiceLogsRequest, clusterctl.control.ILogLine>): void {
    const fail = (err: unknown): void => {
      call.emit('error', toGrpcError(err));
    };
    try {
      auth(call);
    } catch (e) {
      fail(e);
      return;
    }
    const provider = deps.logs;
    if (provider === undefined) {
      fail(new ClusterError(ErrorCode.FailedPrecondition, 'service logs are not implemented yet', { hint: 'read the container logs with `docker logs` on the node running the task' }));
      return;
    }
    const req = call.request;
    read((tx) => {
      const s = resolveService(tx, req.service);
      return { serviceId: s.id, taskIds: tx.findBy('tasks', 'serviceId', s.id).map((t) => t.id) };
    })
      .then((r) =>
        provider(
          { ...r, follow: req.follow === true, tail: Number(req.tail ?? -1) },
          {
            write: (line) => call.write(line),
            cancelled: () => call.cancelled,
            onCancel: (fn) => call.on('cancelled', fn),
          },
        ),
      )
      .then(
        () => call.end(),
        (err: unknown) => fail(err),
      );
  }

  // ---------------------------------------------------------------- cluster

  async function getJoinToken(call: Call<clusterctl.control.JoinTokenRequest, clusterctl.control.IJoinTokenResponse>): Promise<clusterctl.control.IJoinTokenResponse> {
    auth(call);
    const role = call.request.role;
    if (role !== 'worker' && role !== 'manager') throw new ClusterError(ErrorCode.InvalidArgument, `invalid role ${JSON.stringify(role)}`, { hint: 'clusterctl join-token worker|manager' });
    let secret: string;
    const caPem = await read((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)?.rootCaCertPem);
    if (caPem === undefined) throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', { hint: 'retry in a moment' });
    if (call.request.rotate === true) {
      const fresh = newJoinTokenSecret();
      await store.update((tx) => {
        const c = tx.get('cluster', DEFAULT_CLUSTER_ID)!;
        tx.update('cluster', { ...c, joinTokenDigests: { ...c.joinTokenDigests, [role]: tokenSecretDigest(fresh) } });
        putSecret(tx, kvTokenSecretKey(role), fresh);
      });
      log.info({ role }, 'join token rotated');
      secret = fresh;
    } else {
      secret = await read((tx) => readSecret(tx, kvTokenSecretKey(role)));
    }
    return { token: createJoinToken({ role, caDigest: certificateDigest(caPem), secret }), managerAddr: deps.advertiseAddr() };
  }

  async function clusterInfo(cluster: Cluster, nodes: readonly Node[]): Promise<clusterctl.control.IClusterInfo> {
    const mv = await managerView();
    const managers = nodes
      .filter((n) => n.managerStatus !== undefined)
      .map((n) => ({ raftId: n.managerStatus!.raftId, addr: n.managerStatus!.addr, leader: n.managerStatus!.raftId === mv.leaderRaftId, reachability: mv.reachability(n.managerStatus!.raftId) }));
    const ca = rootCaFacts(cluster.rootCaCertPem);
    return {
      clusterId: deps.clusterId,
      leaderNodeId: mv.leaderRaftId === 0 ? '' : deps.raftIds.nodeIdOf(mv.leaderRaftId),
      heartbeatPeriodMs: cluster.settings.heartbeatPeriodMs,
      nodeGraceMs: cluster.settings.nodeGraceMs,
      taskHistoryLimit: cluster.settings.taskHistoryLimit,
      nodeCertExpiryMs: cluster.settings.nodeCertExpiryMs,
      version: cluster.meta.version,
      createdAt: cluster.meta.createdAt,
      updatedAt: cluster.meta.updatedAt,
      rootCaExpiresAt: ca.expiresAt,
      rootCaDigest: ca.digest,
      managers,
    };
  }

  async function getClusterInfo(call: Call<clusterctl.control.Empty, clusterctl.control.IClusterInfo>): Promise<clusterctl.control.IClusterInfo> {
    auth(call);
    const { cluster, nodes } = await read((tx) => ({ cluster: tx.get('cluster', DEFAULT_CLUSTER_ID), nodes: tx.list('nodes') }));
    if (cluster === undefined) throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', { hint: 'retry in a moment' });
    return clusterInfo(cluster, nodes);
  }

  /** Manager to manager: the leader's reachability of every raft member (NOT_LEADER elsewhere). */
  function getManagerReachability(call: Call<clusterctl.control.Empty, clusterctl.control.IManagerReachabilityResponse>): Promise<clusterctl.control.IManagerReachabilityResponse> {
    auth(call);
    return Promise.resolve(leaderReport(reachabilityFacts()));
  }

  /**
   * Changes cluster settings (zero fields unchanged), checked as a whole after the merge. The
   * dispatcher reads them on every heartbeat and pushes a new heartbeat period to live sessions.
   */
  async function updateCluster(call: Call<clusterctl.control.UpdateClusterRequest, clusterctl.control.IClusterInfo>): Promise<clusterctl.control.IClusterInfo> {
    auth(call);
    const req = call.request;
    const change = {
      heartbeatPeriodMs: Number(req.heartbeatPeriodMs ?? 0),
      nodeGraceMs: Number(req.nodeGraceMs ?? 0),
      taskHistoryLimit: Number(req.taskHistoryLimit ?? 0),
      nodeCertExpiryMs: Number(req.nodeCertExpiryMs ?? 0),
    };
    if (Object.values(change).every((v) => v === 0)) {
      throw new ClusterError(ErrorCode.InvalidArgument, 'no setting to change', { hint: 'give at least one of --heartbeat-period, --node-grace, --task-history-limit, --cert-expiry' });
    }
    const version = Number(req.version ?? 0);
    await raft.readBarrier();
    const settings = await store.update((tx) => {
      const c = tx.get('cluster', DEFAULT_CLUSTER_ID);
      if (c === undefined) throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', { hint: 'retry in a moment' });
      if (version !== 0 && c.meta.version !== version) {
        throw new ClusterError(ErrorCode.Conflict, `the cluster settings changed since version ${version} (now ${c.meta.version})`, { hint: 'inspect the cluster again (clusterctl cluster inspect) and retry' });
      }
      const next = mergeClusterSettings(c.settings, change);
      tx.update('cluster', { ...c, settings: next });
      return next;
    });
    log.info({ ...settings }, 'cluster settings updated');
    const { cluster, nodes } = store.view((tx) => ({ cluster: tx.get('cluster', DEFAULT_CLUSTER_ID)!, nodes: tx.list('nodes') }));
    return clusterInfo(cluster, nodes);
  }

  return {
    getNode: unary(log, 'GetNode', getNode),
    listNodes: unary(log, 'ListNodes', listNodes),
    updateNode: unary(log, 'UpdateNode', updateNode),
    removeNode: unary(log, 'RemoveNode', removeNode),
    createService: unary(log, 'CreateService', createService),
    getService: unary(log, 'GetService', getService),
    listServices: unary(log, 'ListServices', listServices),
    updateService: unary(log, 'UpdateService', updateService),
    scaleService: unary(log, 'ScaleService', scaleService),
    removeService: unary(log, 'RemoveService', removeService),
    listTasks: unary(log, 'ListTasks', listTasks),
    serviceLogs,
    getJoinToken: unary(log, 'GetJoinToken', getJoinToken),
    getClusterInfo: unary(log, 'GetClusterInfo', getClusterInfo),
    updateCluster: unary(log, 'UpdateCluster', updateCluster),
    getManagerReachability: unary(log, 'GetManagerReachability', getManagerReachability),
  };
}

export { validateServiceName };
