// Control API: services (create, get, list with running/desired counts, update, scale, remove).
// A spec is checked as a whole before anything is proposed; names and published ports are
// checked against the other services inside the write.

import { ClusterError, ErrorCode, versionConflictDetails } from '@clusterctl/common';
import {
  fullUpdateConfig,
  isUpdatePaused as isPaused,
  newId,
  rollbackSpec,
  taskIsUp,
  startedUpdateStatus as startedStatus,
  taskTemplateKey as templateKey,
  ROLLBACK_CONFIG_DEFAULTS,
  UPDATE_CONFIG_DEFAULTS,
  type UpdateConfig,
  type Node,
  type ReadTx,
  type Service,
  type ServiceSpec,
} from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { matchConstraint, parseConstraint } from '../scheduler/constraints.js';
import type { Call, ControlContext } from './context.js';
import { serviceToProto } from '../api/convert.js';
import { resolveService } from './lookup.js';
import { clusterNetworkOf, networkedService } from '../network/allocator.js';
import { resolveFileRefs } from '../secrets/file-refs.js';
import {
  meshPortConflicts,
  publishedPortConflicts,
  validateReplicas,
  validateServiceSpec,
  validateUpdateConfig,
} from './validate-spec.js';

export function serviceMethods(ctx: ControlContext) {
  const { store, raft, log, read } = ctx;

  /**
   * Image pinning: a new ID sent with the spec is taken; otherwise the stored pin stays while the
   * image does not change (a spec read back and sent again carries it), and a new image (or
   * --force) is pinned to the ID the nodes hold for it now.
   */
  function pinImage(spec: ServiceSpec, stored: ServiceSpec | undefined, force: boolean): ServiceSpec {
    const { imageId: sent, ...rest } = spec;
    const keep = stored !== undefined && stored.image === spec.image && !force ? stored.imageId : undefined;
    const echoed = sent !== undefined && stored !== undefined && sent === stored.imageId;
    let imageId = sent !== undefined && !echoed ? sent : keep;
    if (imageId === undefined) {
      try {
        imageId = ctx.deps.images?.resolve(spec.image);
      } catch {
        imageId = undefined; // not the leader: the first node that runs a task pins it
      }
    }
    return imageId === undefined ? rest : { ...rest, imageId };
  }

  /** Virtual IPs picked by creates whose service is not in the store yet. */
  const creatingVips = new Set<string>();

  async function createService(
    call: Call<clusterctl.control.CreateServiceRequest, clusterctl.cluster.IService>,
  ): Promise<clusterctl.cluster.IService> {
    const reqSpec = call.request.spec;
    const id = newId();
    const validated = validateServiceSpec(
      reqSpec && (reqSpec.name ?? '') === '' ? { ...reqSpec, name: `svc-${id.slice(0, 10)}` } : reqSpec,
    );
    // the first form of the rollout config, beside the spec (the spec's own wins)
    const legacy = validateUpdateConfig(call.request.updateConfig);
    const withPolicy: ServiceSpec =
      legacy === undefined || validated.update !== undefined ? validated : { ...validated, update: legacy };
    // image pinning: the ID the nodes hold for the image (else the first node that runs a task pins it)
    const spec = pinImage(withPolicy, undefined, false);
    await raft.readBarrier();
    // networking: networks resolved to ids, a virtual IP for endpoint mode vip; held back from the
    // other creates in flight here until the service is in the store (else they all pick the same)
    let vip: string | undefined;
    try {
      await store.update((tx) => {
        if (vip !== undefined) creatingVips.delete(vip); // a retry picks again
        checkNameFree(tx, spec.name);
        checkPorts(tx, spec);
        const net = networkedService(tx, resolveFileRefs(tx, spec), undefined, creatingVips);
        vip = net.vip;
        if (vip !== undefined) creatingVips.add(vip);
        tx.create('services', { id, spec: net.spec, ...(net.vip !== undefined ? { vip: net.vip } : {}) });
      });
    } finally {
      if (vip !== undefined) creatingVips.delete(vip);
    }
    const s = store.view((tx) => tx.get('services', id));
    if (s === undefined)
      throw new ClusterError(ErrorCode.Unavailable, 'the service was created but is not visible here yet', {
        hint: 'check with clusterctl service ls',
      });
    log.info({ serviceId: id, name: spec.name, mode: spec.mode, vip: s.vip }, 'service created');
    return store.view((tx) => toProto(tx, s));
  }

  async function getService(
    call: Call<clusterctl.control.GetServiceRequest, clusterctl.cluster.IService>,
  ): Promise<clusterctl.cluster.IService> {
    return read((tx) => toProto(tx, resolveService(tx, call.request.service)));
  }

  async function listServices(
    call: Call<clusterctl.control.ListServicesRequest, clusterctl.control.IListServicesResponse>,
  ): Promise<clusterctl.control.IListServicesResponse> {
    const f = call.request.filters ?? {};
    const after = parsePageToken(call.request.pageToken ?? '');
    const pageSize = Math.min(Number(call.request.pageSize ?? 0) || LIST_PAGE.maxServices, LIST_PAGE.maxServices);
    return read((tx) => {
      const services = tx.list('services').filter((s) => {
        if (after !== undefined && compareNameId(s, after) <= 0) return false;
        if (f.id !== undefined && !s.id.startsWith(f.id)) return false;
        if (f.name !== undefined && !s.spec.name.startsWith(f.name)) return false;
        if (f.mode !== undefined && s.spec.mode.kind !== f.mode) return false;
        if (f.label !== undefined) {
          const [k, v] = f.label.split('=', 2) as [string, string | undefined];
          if (!(k in s.spec.labels) || (v !== undefined && s.spec.labels[k] !== v)) return false;
        }
        return true;
      });
      services.sort((a, b) => compareNameId(a, { name: b.spec.name, id: b.id }));
      // a page ends at pageSize services or before it passes LIST_PAGE.maxBytes (one service always fits)
      const page: Service[] = [];
      let bytes = 0;
      for (const s of services) {
        const size =
          Buffer.byteLength(JSON.stringify(s.spec)) +
          (s.previousSpec === undefined ? 0 : Buffer.byteLength(JSON.stringify(s.previousSpec)));
        if (page.length >= pageSize || (page.length > 0 && bytes + size > LIST_PAGE.maxBytes)) break;
        page.push(s);
        bytes += size;
      }
      const last = page[page.length - 1];
      const more = page.length < services.length && last !== undefined;
      return { services: page.map((s) => summary(tx, s)), nextPageToken: more ? pageToken(last) : '' };
    });
  }

  async function updateService(
    call: Call<clusterctl.control.UpdateServiceRequest, clusterctl.cluster.IService>,
  ): Promise<clusterctl.cluster.IService> {
    const version = Number(call.request.version ?? 0);
    if (call.request.rollback === true) return rollbackService(call.request.service, version);
    // the whole new spec is checked as on create, before anything is proposed
    const validated = validateServiceSpec(call.request.spec);
    const legacyUpdate = validateUpdateConfig(call.request.updateConfig);
    const force = call.request.force === true;
    await raft.readBarrier();
    const { id, changed, resumed } = await store.update((tx) => {
      const s = resolveService(tx, call.request.service);
      checkVersion(s, version);
      if (s.spec.mode.kind !== validated.mode.kind) {
        throw new ClusterError(
          ErrorCode.InvalidArgument,
          `cannot change the mode of service ${s.spec.name} from ${s.spec.mode.kind} to ${validated.mode.kind}`,
          {
            hint: 'remove the service and create it again',
            details: { field: 'mode' },
          },
        );
      }
      // the force counter is the server's: kept across updates, bumped by --force (a spec change
      // for the orchestrator, which then replaces every task)
      const forceUpdate = (s.spec.forceUpdate ?? 0) + (force ? 1 : 0);
      // the rollout policies are kept unless sent (in the spec, or in the first form beside it)
      // (a policy sent back as read, its defaults filled in, is no change)
      const update = samePolicy(
        validated.update ?? (legacyUpdate !== undefined ? { ...s.spec.update, ...legacyUpdate } : undefined),
        s.spec.update,
        UPDATE_CONFIG_DEFAULTS,
      );
      const rollback = samePolicy(validated.rollback, s.spec.rollback, ROLLBACK_CONFIG_DEFAULTS);
      const { update: _u, rollback: _r, ...template } = pinImage(validated, s.spec, force);
      // networking: networks resolved to ids; the virtual IP kept (or allocated, or dropped for dnsrr)
      const net = networkedService(
        tx,
        {
          ...resolveFileRefs(tx, template),
          ...(forceUpdate > 0 ? { forceUpdate } : {}),
          ...(update !== undefined ? { update } : {}),
          ...(rollback !== undefined ? { rollback } : {}),
        },
        s,
      );
      const spec: ServiceSpec = net.spec;
      const st = s.updateStatus;
      if (!force && JSON.stringify(spec) === JSON.stringify(s.spec) && net.vip === s.vip) {
        // the same spec: a paused update (or rollback) resumes, as a bare `docker service update`
        if (st === undefined || !isPaused(st.state)) return { id: s.id, changed: false, resumed: false };
        const state = st.state === 'paused' ? 'updating' : 'rollback_started';
        const what = state === 'updating' ? 'update' : 'rollback';
        tx.update('services', {
          ...s,
          updateStatus: { ...st, state, message: `${what} resumed`, failedTaskIds: [] },
        });
        return { id: s.id, changed: true, resumed: true };
      }
      checkNameFree(tx, spec.name, s.id);
      checkPorts(tx, spec, s.id, s.spec);
      // a new task template (or --force) starts an update; a count or policy change keeps the status
      const replaces = force || templateKey(spec) !== templateKey(s.spec);
      const updateStatus = replaces ? startedStatus('updating', Date.now(), 'update in progress') : st;
      const { vip: _oldVip, ...rest } = s;
      tx.update('services', {
        ...rest,
        spec,
        previousSpec: s.spec,
        ...(net.vip !== undefined ? { vip: net.vip } : {}),
        ...(updateStatus !== undefined ? { updateStatus } : {}),
      });
      return { id: s.id, changed: true, resumed: false };
    });
    const s = store.view((tx) => tx.get('services', id));
    if (s === undefined)
      throw new ClusterError(ErrorCode.NotFound, `service ${id} was removed meanwhile`, {
        hint: 'check with clusterctl service ls',
      });
    if (resumed) log.info({ serviceId: id, version: s.meta.version }, 'paused update resumed');
    else if (changed) log.info({ serviceId: id, version: s.meta.version, force }, 'service updated');
    return store.view((tx) => toProto(tx, s));
  }

  /** Back to the previous spec (kept in the store), rolled out with the rollback policy. */
  async function rollbackService(
    ref: string | null | undefined,
    version: number,
  ): Promise<clusterctl.cluster.IService> {
    await raft.readBarrier();
    const id = await store.update((tx) => {
      const s = resolveService(tx, ref ?? '');
      checkVersion(s, version);
      if (s.previousSpec === undefined) {
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `service ${s.spec.name} has no previous spec to roll back to`,
          {
            hint: 'a service gets one with its first update; see `clusterctl service inspect`',
          },
        );
      }
      const previous = rollbackSpec(s.previousSpec, s.spec);
      checkNameFree(tx, previous.name, s.id);
      checkPorts(tx, previous, s.id, s.spec);
      // networking: the previous spec's networks (still there?) and its endpoint mode's virtual IP
      const net = networkedService(tx, previous, s);
      const { vip: _oldVip, ...rest } = s;
      tx.update('services', {
        ...rest,
        spec: net.spec,
        previousSpec: s.spec,
        ...(net.vip !== undefined ? { vip: net.vip } : {}),
        updateStatus: startedStatus('rollback_started', Date.now(), 'rollback requested'),
      });
      return s.id;
    });
    const s = store.view((tx) => tx.get('services', id))!;
    log.info({ serviceId: id, version: s.meta.version }, 'service rolled back');
    return store.view((tx) => toProto(tx, s));
  }

  async function scaleService(
    call: Call<clusterctl.control.ScaleServiceRequest, clusterctl.cluster.IService>,
  ): Promise<clusterctl.cluster.IService> {
    const replicas = Number(call.request.replicas ?? 0);
    validateReplicas(replicas);
    await raft.readBarrier();
    const id = await store.update((tx) => {
      const s = resolveService(tx, call.request.service);
      if (s.spec.mode.kind !== 'replicated') {
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `service ${s.spec.name} is global: it runs one task per eligible node and cannot be scaled`,
          {
            hint: 'use constraints or node availability to choose where a global service runs',
          },
        );
      }
      // autoscaling: a manual count within the bounds is where the autoscaler goes on from; outside
      // them it would be undone at once, so it is refused
      const a = s.spec.autoscale;
      if (a !== undefined && (replicas < a.minReplicas || replicas > a.maxReplicas)) {
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `service ${s.spec.name} is autoscaled between ${a.minReplicas} and ${a.maxReplicas} replicas; ${replicas} is outside`,
          {
            hint: 'scale within the bounds, change them with `service update --autoscale min=N,max=M,cpu=P%`, or stop autoscaling with `--autoscale none`',
            details: { field: 'replicas' },
          },
        );
      }
      if (s.spec.mode.replicas !== replicas)
        tx.update('services', {
          ...s,
          spec: { ...s.spec, mode: { kind: 'replicated', replicas } },
          previousSpec: s.spec,
        });
      return s.id;
    });
    return store.view((tx) => toProto(tx, tx.get('services', id)!));
  }

  async function removeService(
    call: Call<clusterctl.control.RemoveServiceRequest, clusterctl.control.IEmpty>,
  ): Promise<clusterctl.control.IEmpty> {
    await raft.readBarrier();
    const name = await store.update((tx) => {
      const s = resolveService(tx, call.request.service);
      tx.delete('services', s);
      // Agents stop and remove the containers; the reaper deletes the tasks once they are gone.
      for (const t of tx.findBy('tasks', 'serviceId', s.id))
        if (t.desiredState !== 'remove') tx.update('tasks', { ...t, desiredState: 'remove' });
      return s.spec.name;
    });
    log.info({ name }, 'service removed');
    return {};
  }

  return { createService, getService, listServices, updateService, scaleService, removeService };
}

/** The sent policy, or the current one when none was sent or it is the same once defaults are filled in. */
function samePolicy(
  sent: UpdateConfig | undefined,
  cur: UpdateConfig | undefined,
  defaults: Readonly<Required<UpdateConfig>>,
): UpdateConfig | undefined {
  if (sent === undefined) return cur;
  const same = JSON.stringify(fullUpdateConfig(sent, defaults)) === JSON.stringify(fullUpdateConfig(cur, defaults));
  return same ? cur : sent;
}

function checkVersion(s: Service, version: number): void {
  if (version !== 0 && s.meta.version !== version) {
    throw new ClusterError(
      ErrorCode.Conflict,
      `service ${s.spec.name} changed since version ${version} (now ${s.meta.version})`,
      {
        hint: 'inspect the service again and retry',
        details: versionConflictDetails(s.meta.version),
      },
    );
  }
}

function eligibleForGlobal(n: Node, spec: ServiceSpec): boolean {
  if (n.availability !== 'active' || n.status.state === 'down') return false;
  return spec.constraints.every((c) => matchConstraint(n, parseConstraint(c)));
}

/** A page of ListServices: a service list of many large specs would not fit in one message. */
export const LIST_PAGE = { maxServices: 1000, maxBytes: 4 * 1024 * 1024 } as const;

function compareNameId(s: Service, k: { name: string; id: string }): number {
  return s.spec.name < k.name ? -1 : s.spec.name > k.name ? 1 : s.id < k.id ? -1 : s.id > k.id ? 1 : 0;
}

/** Where the next page starts: after this service (by name, then id). */
function pageToken(s: Service): string {
  return Buffer.from(JSON.stringify([s.spec.name, s.id])).toString('base64url');
}

function parsePageToken(token: string): { name: string; id: string } | undefined {
  if (token === '') return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { name: v[0], id: v[1] };
  } catch {
    // not ours
  }
  throw new ClusterError(ErrorCode.InvalidArgument, 'invalid page token', {
    hint: 'pass the next_page_token of the previous ListServices answer, or none for the first page',
  });
}

/** A service as the API shows it (its virtual IPs with the VIP pool's prefix length). */
function toProto(tx: ReadTx, s: Service): clusterctl.cluster.IService {
  return serviceToProto(s, Number(clusterNetworkOf(tx).vipCidr.split('/')[1]));
}

function summary(tx: ReadTx, s: Service): clusterctl.control.IServiceSummary {
  const tasks = tx.findBy('tasks', 'serviceId', s.id);
  // a task with a health check counts once healthy
  const running = tasks.filter((t) => taskIsUp(t.status) && t.desiredState === 'running').length;
  const desired =
    s.spec.mode.kind === 'replicated'
      ? s.spec.mode.replicas
      : tx.list('nodes').filter((n) => eligibleForGlobal(n, s.spec)).length;
  const u = s.spec.update ?? UPDATE_CONFIG_DEFAULTS;
  return {
    service: toProto(tx, s),
    running,
    desired,
    updateConfig: { parallelism: u.parallelism, delayMs: u.delayMs, order: u.order },
  };
}

/** `previous`: the spec being replaced (its mesh ports are not checked against the nodes again). */
function checkPorts(tx: ReadTx, spec: ServiceSpec, selfId?: string, previous?: ServiceSpec): void {
  const conflicts = publishedPortConflicts(spec, tx.list('services'), selfId);
  if (conflicts.length > 0) {
    const c = conflicts[0]!;
    throw new ClusterError(ErrorCode.Conflict, `published port ${c.port} is already used by service ${c.service}`, {
      hint: 'publish another port, or remove/update the service that uses it',
      details: { conflicts },
    });
  }
  // mesh port conflicts: a port some node's own process listens on
  const held = meshPortConflicts(spec, previous, tx.list('nodes'));
  if (held.length > 0) {
    const c = held[0]!;
    const by = c.process !== '' ? `${c.process}${c.pid > 0 ? ` (pid ${c.pid})` : ''}` : 'a process';
    const nodes = [...new Set(held.filter((h) => h.port === c.port).map((h) => h.node))];
    throw new ClusterError(
      ErrorCode.Conflict,
      `published port ${c.port} is already bound on node ${c.node} by ${by}${nodes.length > 1 ? ` (also on ${nodes.slice(1).join(', ')})` : ''}; the routing mesh takes a published port on every node`,
      {
        hint: `publish another port, stop ${by} on ${c.node}, or publish it only where the tasks run (--publish published=${c.port.split('/')[0]},target=...,mode=host)`,
        details: { holders: held },
      },
    );
  }
}

function checkNameFree(tx: ReadTx, name: string, selfId?: string): void {
  const other = tx.getByName('services', name);
  if (other !== undefined && other.id !== selfId) {
    throw new ClusterError(ErrorCode.AlreadyExists, `a service named ${name} already exists (${other.id})`, {
      hint: 'choose another --name, or update the existing service',
    });
  }
}
