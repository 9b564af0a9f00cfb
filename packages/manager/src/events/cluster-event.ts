// Cluster events (`clusterctl events`) derived from committed store changes. Every manager applies
// the same entries in the same order, and derivation looks only at the change itself (the record
// before and after, the entry's index and time), so every manager derives the same events with the
// same cursors: (raft index of the entry, position among the events of that entry). A client that
// saw an event can resume after it on any manager without losing or repeating one.

import type { Cluster, Node, ObjectEvent, Secret, Service, Task } from '@clusterctl/store';

export const EVENT_TYPES = ['service', 'node', 'task', 'secret', 'config', 'cluster'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where an event sits in the stream: after (index, seq) means strictly later. */
export interface EventCursor {
  /** Raft index of the entry whose change made the event. */
  index: number;
  /** Position among the events of that entry, from 0. */
  seq: number;
}

/** Past every event of an index (a position marker). */
export const END_OF_INDEX_SEQ = 0xffff_ffff;

export interface ClusterEvent extends EventCursor {
  /** The entry's time, ms since the Unix epoch (the same on every manager). */
  time: number;
  type: EventType;
  /** create | update | remove; services also autoscale; tasks: the state they moved to; nodes also up | down | leader. */
  action: string;
  /** The object's id. */
  id: string;
  /** Its name (service name, node name or hostname, task `service.slot`, secret name). */
  name: string;
  /** What changed and about what (old/new values, the task's service and node, reasons). */
  attributes: Record<string, string>;
}

export function compareCursor(a: EventCursor, b: EventCursor): number {
  return a.index !== b.index ? a.index - b.index : a.seq - b.seq;
}

/** The kv record a new leader writes (fenced to its term): leader changes become events. */
export const LEADER_KV_KEY = 'clusterctl/events/leader';

export interface LeaderRecord {
  nodeId: string;
  raftId: number;
  term: number;
  hostname?: string;
}

/** The events of one store change, without cursors (the log numbers them). */
export type DerivedEvent = Omit<ClusterEvent, 'index' | 'seq'>;

/** Longest attribute value kept (task error texts can be long). */
const MAX_ATTRIBUTE_CHARS = 256;

function attr(v: string): string {
  return v.length > MAX_ATTRIBUTE_CHARS ? v.slice(0, MAX_ATTRIBUTE_CHARS - 1) + '…' : v;
}

/** The events one store change makes (none for changes nobody follows, like heartbeats' bookkeeping). */
export function deriveEvents(e: ObjectEvent): DerivedEvent[] {
  const time = e.timestamp;
  switch (e.table) {
    case 'services':
      return serviceEvents(e.type, e.object, e.type === 'update' ? e.oldObject : undefined, time);
    case 'nodes':
      return nodeEvents(e.type, e.object, e.type === 'update' ? e.oldObject : undefined, time);
    case 'tasks':
      return taskEvents(e.type, e.object, e.type === 'update' ? e.oldObject : undefined, time);
    case 'secrets':
      return secretEvents(e.type, e.object, time);
    case 'cluster':
      if (e.type !== 'update' || e.oldObject === undefined) return [];
      return clusterEvents(e.object, e.oldObject, time);
    case 'kv':
      if (e.object.id !== LEADER_KV_KEY || e.type === 'delete') return [];
      return leaderEvents(e.object.value, time);
    default:
      return [];
  }
}

const ACTION = { create: 'create', update: 'update', delete: 'remove' } as const;

function serviceEvents(type: ObjectEvent['type'], s: Service, old: Service | undefined, time: number): DerivedEvent[] {
  const base = { time, type: 'service' as const, id: s.id, name: s.spec.name };
  if (type !== 'update' || old === undefined) {
    return [{ ...base, action: ACTION[type], attributes: { image: attr(s.spec.image), ...replicasOf(s, 'replicas') } }];
  }
  // autoscaling: a decision is its own event, with its reason (the count it changed included)
  const a = s.autoscaleStatus;
  if (a !== undefined && a.decidedAt !== old.autoscaleStatus?.decidedAt) {
    const attributes: Record<string, string> = {
      'replicas.old': String(a.previousReplicas),
      'replicas.new': String(a.replicas),
      cpu: `${a.cpuPercent}%`,
      reason: attr(a.reason),
    };
    if (s.spec.autoscale !== undefined) {
      attributes['min'] = String(s.spec.autoscale.minReplicas);
      attributes['max'] = String(s.spec.autoscale.maxReplicas);
      attributes['target'] = `${s.spec.autoscale.targetCpuPercent}%`;
    }
    return [{ ...base, action: 'autoscale', attributes }];
  }
  const attributes = changed(serviceFacts(old), serviceFacts(s));
  // A record rewrite that changes none of what an operator sees (e.g. bookkeeping) is no event.
  if (Object.keys(attributes).length === 0 && JSON.stringify(old.spec) === JSON.stringify(s.spec)) return [];
  if (Object.keys(attributes).length === 0) attributes['spec'] = 'changed';
  return [{ ...base, action: 'update', attributes }];
}

function replicasOf(s: Service, key: string): Record<string, string> {
  return s.spec.mode.kind === 'replicated' ? { [key]: String(s.spec.mode.replicas) } : { mode: 'global' };
}

function serviceFacts(s: Service): Record<string, string> {
  return {
    image: attr(s.spec.image),
    ...replicasOf(s, 'replicas'),
    ...(s.spec.forceUpdate === undefined ? {} : { forceUpdate: String(s.spec.forceUpdate) }),
  };
}

function nodeName(n: Node): string {
  return n.name !== undefined && n.name !== '' ? n.name : n.hostname;
}

function nodeEvents(type: ObjectEvent['type'], n: Node, old: Node | undefined, time: number): DerivedEvent[] {
  const base = { time, type: 'node' as const, id: n.id, name: nodeName(n) };
  if (type !== 'update' || old === undefined) {
    return [{ ...base, action: ACTION[type], attributes: { role: n.role, hostname: n.hostname } }];
  }
  const out: DerivedEvent[] = [];
  if (old.status.state !== n.status.state) {
    const action = n.status.state === 'ready' ? 'up' : n.status.state === 'down' ? 'down' : 'update';
    out.push({
      ...base,
      action,
      attributes: {
        'state.old': old.status.state,
        'state.new': n.status.state,
        ...(n.status.message === '' ? {} : { message: attr(n.status.message) }),
      },
    });
  }
  const attributes = changed(nodeFacts(old), nodeFacts(n));
  if (Object.keys(attributes).length > 0) out.push({ ...base, action: 'update', attributes });
  return out;
}

function nodeFacts(n: Node): Record<string, string> {
  const labels = Object.entries(n.labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return { role: n.role, availability: n.availability, name: n.name ?? '', labels: attr(labels) };
}

function taskName(t: Task): string {
  return `${t.spec.name}.${t.slot > 0 ? String(t.slot) : t.nodeId}`;
}

function taskEvents(type: ObjectEvent['type'], t: Task, old: Task | undefined, time: number): DerivedEvent[] {
  const base = {
    time,
    type: 'task' as const,
    id: t.id,
    name: taskName(t),
  };
  const about = { service: t.spec.name, serviceId: t.serviceId, node: t.nodeId, slot: String(t.slot) };
  if (type === 'delete') return [{ ...base, action: 'remove', attributes: { ...about, state: t.status.state } }];
  if (type === 'create' || old === undefined) {
    return [
      { ...base, action: 'create', attributes: { ...about, state: t.status.state, desiredState: t.desiredState } },
    ];
  }
  const out: DerivedEvent[] = [];
  if (old.status.state !== t.status.state) {
    out.push({
      ...base,
      action: t.status.state,
      attributes: {
        ...about,
        'state.old': old.status.state,
        'state.new': t.status.state,
        ...(t.status.message === '' ? {} : { message: attr(t.status.message) }),
        ...(t.status.err === undefined || t.status.err === '' ? {} : { error: attr(t.status.err) }),
        ...(t.status.exitCode === undefined ? {} : { exitCode: String(t.status.exitCode) }),
      },
    });
  }
  if ((old.status.health ?? '') !== (t.status.health ?? '') && t.status.health !== undefined) {
    out.push({
      ...base,
      action: 'health_status',
      attributes: {
        ...about,
        'health.old': old.status.health ?? '',
        'health.new': t.status.health,
        ...(t.status.healthMessage === undefined || t.status.healthMessage === ''
          ? {}
          : { message: attr(t.status.healthMessage) }),
      },
    });
  }
  if (old.desiredState !== t.desiredState) {
    out.push({
      ...base,
      action: 'desired',
      attributes: { ...about, 'desiredState.old': old.desiredState, 'desiredState.new': t.desiredState },
    });
  }
  return out;
}

function secretEvents(type: ObjectEvent['type'], s: Secret, time: number): DerivedEvent[] {
  return [{ time, type: 'secret', action: ACTION[type], id: s.id, name: s.spec.name, attributes: {} }];
}

function clusterEvents(c: Cluster, old: Cluster, time: number): DerivedEvent[] {
  const attributes = changed(settingsOf(old), settingsOf(c));
  if ((old.rootRotation === undefined) !== (c.rootRotation === undefined))
    attributes['rootRotation'] = c.rootRotation === undefined ? 'finished' : 'started';
  if (Object.keys(attributes).length === 0) return [];
  return [{ time, type: 'cluster', action: 'update', id: c.id, name: c.name, attributes }];
}

function settingsOf(c: { settings: object }): Record<string, string> {
  return Object.fromEntries(Object.entries(c.settings).map(([k, v]) => [k, String(v)]));
}

const dec = new TextDecoder();

function leaderEvents(value: Uint8Array, time: number): DerivedEvent[] {
  let r: Partial<LeaderRecord>;
  try {
    r = JSON.parse(dec.decode(value)) as Partial<LeaderRecord>;
  } catch {
    return [];
  }
  if (typeof r.nodeId !== 'string') return [];
  return [
    {
      time,
      type: 'node',
      action: 'leader',
      id: r.nodeId,
      name: typeof r.hostname === 'string' && r.hostname !== '' ? r.hostname : r.nodeId,
      attributes: { term: String(r.term ?? 0), raftId: String(r.raftId ?? 0) },
    },
  ];
}

/** `key.old`/`key.new` for every key whose value differs. */
function changed(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[k] === b[k]) continue;
    out[`${k}.old`] = a[k] ?? '';
    out[`${k}.new`] = b[k] ?? '';
  }
  return out;
}
