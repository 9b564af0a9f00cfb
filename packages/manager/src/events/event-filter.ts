// `clusterctl events --filter KEY=VALUE`, as docker's: values of one key are alternatives (OR), keys
// must all match (AND).

import { ClusterError, ErrorCode } from '@clusterctl/common';
import { EVENT_TYPES, type ClusterEvent } from './cluster-event.js';

export const EVENT_FILTER_KEYS = ['type', 'name', 'id', 'node', 'service', 'event'] as const;
export type EventFilterKey = (typeof EVENT_FILTER_KEYS)[number];

export type EventFilters = Partial<Record<EventFilterKey, string[]>>;

/** Most filter values taken (each is matched against every event). */
export const MAX_EVENT_FILTER_VALUES = 64;

/** Checks and groups KEY=VALUE pairs; INVALID_ARGUMENT with a hint for an unknown key or type. */
export function parseEventFilters(pairs: readonly { key: string; value: string }[]): EventFilters {
  if (pairs.length > MAX_EVENT_FILTER_VALUES) {
    throw new ClusterError(ErrorCode.InvalidArgument, `at most ${MAX_EVENT_FILTER_VALUES} filters`, {
      hint: 'combine fewer --filter options',
    });
  }
  const out: EventFilters = {};
  for (const { key, value } of pairs) {
    if (!(EVENT_FILTER_KEYS as readonly string[]).includes(key)) {
      throw new ClusterError(ErrorCode.InvalidArgument, `unknown event filter ${JSON.stringify(key)}`, {
        hint: `filter on ${EVENT_FILTER_KEYS.join(', ')} (e.g. --filter type=service)`,
      });
    }
    if (value === '') {
      throw new ClusterError(ErrorCode.InvalidArgument, `event filter ${key} needs a value`, {
        hint: `write --filter ${key}=VALUE`,
      });
    }
    if (key === 'type' && !(EVENT_TYPES as readonly string[]).includes(value)) {
      throw new ClusterError(ErrorCode.InvalidArgument, `unknown event type ${JSON.stringify(value)}`, {
        hint: `event types are ${EVENT_TYPES.join(', ')}`,
      });
    }
    (out[key as EventFilterKey] ??= []).push(value);
  }
  return out;
}

/** The node an event is about: the node itself, or the node a task is placed on. */
function nodeOf(e: ClusterEvent): string | undefined {
  if (e.type === 'node') return e.id;
  if (e.type === 'task') return e.attributes['node'];
  return undefined;
}

function idMatches(id: string | undefined, v: string): boolean {
  return id !== undefined && id !== '' && (id === v || id.startsWith(v));
}

/**
 * A predicate for the filters. `nodeIds` maps a node= value (id, prefix, name or hostname) to the
 * ids it names, resolved by the caller against the store when the stream starts; `serviceIds` the
 * same for service=.
 */
export function eventMatcher(
  f: EventFilters,
  resolved: {
    nodeIds?: ReadonlyMap<string, readonly string[]>;
    serviceIds?: ReadonlyMap<string, readonly string[]>;
  } = {},
): (e: ClusterEvent) => boolean {
  const any = <T>(vals: readonly T[] | undefined, pred: (v: T) => boolean): boolean =>
    vals === undefined || vals.some(pred);
  return (e) =>
    any(f.type, (v) => e.type === v) &&
    any(f.event, (v) => e.action === v) &&
    any(f.id, (v) => idMatches(e.id, v)) &&
    any(f.name, (v) => e.name === v || e.id === v) &&
    any(f.node, (v) => {
      const n = nodeOf(e);
      if (n === undefined) return false;
      const ids = resolved.nodeIds?.get(v);
      return ids !== undefined && ids.length > 0 ? ids.includes(n) : idMatches(n, v);
    }) &&
    any(f.service, (v) => {
      const sid = e.type === 'service' ? e.id : e.type === 'task' ? e.attributes['serviceId'] : undefined;
      const sname = e.type === 'service' ? e.name : e.type === 'task' ? e.attributes['service'] : undefined;
      if (sid === undefined) return false;
      const ids = resolved.serviceIds?.get(v);
      return sname === v || (ids !== undefined && ids.length > 0 ? ids.includes(sid) : idMatches(sid, v));
    });
}
