// Control API: the event stream (`clusterctl events`), served by any manager from its own event log
// (events/event-log.ts). The stream starts with a position and carries one every second at most
// while the cluster changes, so a client that saw no matching event still knows where to resume.

import type * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { ControlContext } from './context.js';
import type { ClusterEvent } from '../events/cluster-event.js';
import { eventMatcher, parseEventFilters } from '../events/event-filter.js';
import { resolveNode, resolveService } from './lookup.js';

/** Least time between two position messages. */
export const EVENTS_POSITION_EVERY_MS = 1_000;

export function eventToProto(e: ClusterEvent): clusterctl.control.IClusterEvent {
  return {
    index: e.index,
    seq: e.seq,
    time: e.time,
    type: e.type,
    action: e.action,
    id: e.id,
    name: e.name,
    attributes: { ...e.attributes },
  };
}

/** The ids a node= / service= value names now; none when it names nothing (then it matches id prefixes). */
function idsOf(values: string[] | undefined, resolve: (ref: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of values ?? []) {
    try {
      out.set(v, [resolve(v)]);
    } catch {
      out.set(v, []);
    }
  }
  return out;
}

export function eventMethods(ctx: ControlContext) {
  const { deps, store } = ctx;

  async function events(
    call: grpc.ServerWritableStream<clusterctl.control.EventsRequest, clusterctl.control.IEventsMessage>,
  ): Promise<void> {
    const log = deps.events;
    if (log === undefined) {
      throw new ClusterError(ErrorCode.FailedPrecondition, 'this manager keeps no event log', {
        hint: 'ask another manager',
      });
    }
    const req = call.request;
    const filters = parseEventFilters((req.filters ?? []).map((f) => ({ key: f.key ?? '', value: f.value ?? '' })));
    const resolved = store.view((tx) => ({
      nodeIds: idsOf(filters.node, (r) => resolveNode(tx, r).id),
      serviceIds: idsOf(filters.service, (r) => resolveService(tx, r).id),
    }));
    const since = Number(req.since ?? 0);
    const until = Number(req.until ?? 0);
    const sub = log.subscribe({
      ...(req.resume === true
        ? { after: { index: Number(req.afterIndex ?? 0), seq: Number(req.afterSeq ?? 0) } }
        : since > 0
          ? { since }
          : {}),
      ...(until > 0 ? { until } : {}),
      match: eventMatcher(filters, resolved),
    });
    call.on('cancelled', () => sub.close());
    let timer: NodeJS.Timeout | undefined;
    if (until > 0) timer = setTimeout(() => sub.end(), Math.max(0, until - Date.now()));
    const write = async (m: clusterctl.control.IEventsMessage): Promise<void> => {
      if (!call.write(m)) await new Promise<void>((resolve) => call.once('drain', resolve));
    };
    let lastPositionAt = -Infinity;
    try {
      for await (const item of sub) {
        if (call.cancelled) break;
        if (item.kind === 'event') {
          await write({ event: eventToProto(item.event) });
        } else if (Date.now() - lastPositionAt >= EVENTS_POSITION_EVERY_MS) {
          lastPositionAt = Date.now();
          await write({ positionIndex: item.index });
        }
      }
    } finally {
      clearTimeout(timer);
      sub.close();
    }
  }

  return { events };
}
