// clusterctl events: the cluster's event stream, like `docker events`. Lines as docker prints them
// (`TIME TYPE ACTION ID (name=..., key=value...)`), or one JSON object per line with --format json.
// The stream comes from whichever manager the daemon reaches; when it breaks (that manager died, a
// leader change), it is resumed on another one after the last event or position seen, so nothing is
// lost or printed twice.
import { Backoff, ClusterError, DAY_MS, ErrorCode, type BackoffPolicy } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { DaemonClient } from '../daemon-client.js';
import { parseDurationMs, usageError } from '../parse.js';
import type { Output } from '../render.js';

/** Past every event of an index: a position message resumes after (index, this). */
const END_OF_INDEX_SEQ = 0xffff_ffff;

/** How long the stream is tried again after it broke, without any message in between. */
export const EVENTS_RESUME_WINDOW_MS = 60_000;
const RESUME_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 2_000, jitter: [1, 1.2] };

/** Codes after which the stream is resumed (a manager gone, an election, a slow reader cut off). */
const RESUMABLE = new Set<string>([ErrorCode.Unavailable, ErrorCode.NoLeader, ErrorCode.Timeout, ErrorCode.Overloaded]);

/**
 * --since / --until: an RFC 3339 time (2026-12-07T14:00:00Z), Unix seconds (1796000000 or with a
 * fraction), or a duration back from now (10m, 1h30m). Returns ms since the Unix epoch.
 */
export function parseEventTime(flag: string, v: string, nowMs: number): number {
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (/^\d/.test(s) && !/^\d{4}-/.test(s)) return nowMs - parseDurationMs(flag, s, 3650 * DAY_MS);
  const t = Date.parse(s);
  if (Number.isNaN(t))
    throw usageError(
      `${flag}: invalid time ${JSON.stringify(v)}`,
      'give an RFC 3339 time (2026-12-07T14:00:00Z), Unix seconds, or a duration back from now (10m)',
    );
  return t;
}

/** --filter KEY=VALUE (the managers check the keys). */
export function parseEventFilter(v: string): { key: string; value: string } {
  const i = v.indexOf('=');
  if (i <= 0 || i === v.length - 1)
    throw usageError(`--filter: expected KEY=VALUE, got ${JSON.stringify(v)}`, 'e.g. --filter type=service');
  return { key: v.slice(0, i).trim(), value: v.slice(i + 1).trim() };
}

export interface EventJson {
  time: string;
  timeMs: number;
  type: string;
  action: string;
  id: string;
  name: string;
  attributes: Record<string, string>;
  index: number;
  seq: number;
}

export function eventJson(e: clusterctl.control.IClusterEvent): EventJson {
  const timeMs = Number(e.time ?? 0);
  return {
    time: new Date(timeMs).toISOString(),
    timeMs,
    type: e.type ?? '',
    action: e.action ?? '',
    id: e.id ?? '',
    name: e.name ?? '',
    attributes: { ...(e.attributes ?? {}) },
    index: Number(e.index ?? 0),
    seq: Number(e.seq ?? 0),
  };
}

/** Docker's line: `2026-12-07T14:00:00.123Z service create ID (name=web, replicas=3)`. */
export function eventLine(e: EventJson): string {
  const attrs = Object.keys(e.attributes)
    .sort()
    .map((k) => `${k}=${e.attributes[k]}`);
  return `${e.time} ${e.type} ${e.action} ${e.id} (${[`name=${e.name}`, ...attrs].join(', ')})`;
}

export async function eventsCmd(ctx: Ctx, o: { since?: string; until?: string; filter?: string[] }): Promise<Output> {
  const now = ctx.now();
  const since = o.since === undefined ? 0 : parseEventTime('--since', o.since, now);
  const until = o.until === undefined ? 0 : parseEventTime('--until', o.until, now);
  if (since > 0 && until > 0 && until < since)
    throw usageError('--until is before --since', 'give an --until later than --since');
  const filters = (o.filter ?? []).map(parseEventFilter);
  // A client of our own, made again after a break: a restarted daemon is reached at once (a gRPC
  // channel whose socket went away waits out its reconnect backoff).
  let c: DaemonClient | undefined;
  const sink = ctx.stream();
  const ac = new AbortController();
  const stop = (): void => ac.abort();
  process.once('SIGINT', stop);
  let cursor: { index: number; seq: number } | undefined;
  let brokenSince: number | undefined;
  const backoff = new Backoff(RESUME_BACKOFF);
  try {
    for (;;) {
      const req: clusterctl.control.IEventsRequest = {
        since,
        until,
        filters,
        ...(cursor === undefined ? {} : { resume: true, afterIndex: cursor.index, afterSeq: cursor.seq }),
      };
      c ??= new DaemonClient(ctx.dataDir);
      try {
        await c.controlStream(
          'events',
          req,
          (m) => {
            brokenSince = undefined;
            backoff.reset();
            if (m.event !== null && m.event !== undefined) {
              const e = eventJson(m.event);
              cursor = { index: e.index, seq: e.seq };
              sink.event(eventLine(e), e);
            } else {
              const p = Number(m.positionIndex ?? 0);
              if (cursor === undefined || p >= cursor.index) cursor = { index: p, seq: END_OF_INDEX_SEQ };
            }
          },
          { signal: ac.signal },
        );
        return { kind: 'none' };
      } catch (e) {
        if (ac.signal.aborted) return { kind: 'none' };
        if (!(e instanceof ClusterError) || !RESUMABLE.has(e.code)) throw e;
        brokenSince ??= Date.now();
        if (Date.now() - brokenSince > EVENTS_RESUME_WINDOW_MS) throw e;
        if (ctx.debug) ctx.io.stderr(`events: stream broke (${e.code}: ${e.message}); resuming\n`);
        c.close();
        c = undefined;
        await new Promise((r) => setTimeout(r, backoff.next()));
      }
    }
  } finally {
    process.off('SIGINT', stop);
    c?.close();
  }
}
