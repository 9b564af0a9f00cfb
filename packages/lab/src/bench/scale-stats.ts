// The scale benchmark's pure parts (no Docker): what the engines' and the systems' listings say,
// the summary of its runs and the shape of its last output line.
//   {"ours":{"scale":{"byName":{...}}},"swarm":{"scale":{"byId":{...},"byName":{...}}},
//    "ratio":{"upVsSwarmById":..,"downVsSwarmById":..,...},"meta":{...}}
import { median, round2, type SystemKey } from './stats.js';

/** How the service names its image: by tag (`clusterctl/busybox:local`) or by the image's ID. */
export type ImageBy = 'byName' | 'byId';
export const IMAGE_BY: readonly ImageBy[] = ['byName', 'byId'];

/** One scale up and down of one system with one image reference. */
export interface ScaleRun {
  system: SystemKey;
  image: ImageBy;
  run: number;
  from: number;
  to: number;
  /** Both directions converged before the timeout. */
  ok: boolean;
  /**
   * From `service scale NAME=to` to `to` containers running in the nodes' engines: the StartedAt of
   * the last one to start (else as polled).
   */
  upS?: number;
  /** The same as first seen by polling the engines. */
  upPolledS?: number;
  /** The system's own task list (`service ps`) shows `to` tasks running (polled after upPolledS). */
  upReportedS?: number;
  /** From `service scale NAME=from` to only `from` containers left in the engines (any state). */
  downS?: number;
  downPolledS?: number;
  /** Only `from` containers left running (the rest stopped, maybe not yet removed), as polled. */
  downRunningPolledS?: number;
  /** Running containers per node at `to`. */
  placement?: Record<string, number>;
  /** Per node: seconds from the scale to its last container start. */
  upByNodeS?: Record<string, number>;
  error?: string;
}

/** The containers of a service in one engine, from `docker ps -a --format '{{.ID}} {{.State}}'`. */
export interface EngineCount {
  running: number;
  all: number;
}

export function parseEngineStates(out: string): EngineCount {
  let running = 0;
  let all = 0;
  for (const line of out.split('\n')) {
    const [id, state] = line.trim().split(/\s+/);
    if (!id) continue;
    all++;
    if (state === 'running') running++;
  }
  return { running, all };
}

/** `docker events --format '{{.TimeNano}}'` lines: the latest as ms since the epoch (undefined for none). */
export function latestEventMs(out: string): number | undefined {
  let best: bigint | undefined;
  for (const line of out.split('\n')) {
    const s = line.trim();
    if (!/^\d+$/.test(s)) continue;
    const n = BigInt(s);
    if (best === undefined || n > best) best = n;
  }
  return best === undefined ? undefined : Number(best / 1_000_000n);
}

/** Tasks running (and meant to run) in `clusterctl --format json service ps NAME`. */
export function oursRunningTasks(json: string): number {
  const rows = JSON.parse(json) as { desiredState?: string; status?: { state?: string } }[];
  return rows.filter((r) => r.desiredState === 'running' && r.status?.state === 'running').length;
}

/**
 * Tasks running in `docker service ps NAME --filter desired-state=running --format
 * '{{.CurrentState}}'` ("Running 3 seconds ago", "Starting less than a second ago", ...).
 */
export function swarmRunningTasks(out: string): number {
  return out.split('\n').filter((l) => /^Running\b/.test(l.trim())).length;
}

/** Medians over the successful runs of one system and image reference. */
export interface ScaleSummary {
  from: number;
  to: number;
  runs: number;
  failedRuns: number;
  upS: number | null;
  downS: number | null;
  /** Tasks started per second going up: (to - from) / upS. */
  upTasksPerS: number | null;
  /** Containers removed per second going down: (to - from) / downS. */
  downTasksPerS: number | null;
  upPolledS: number | null;
  upReportedS: number | null;
  downPolledS: number | null;
  downRunningPolledS: number | null;
}

const r2 = (x: number | null): number | null => (x === null ? null : round2(x));
const defined = (xs: Array<number | undefined>): number[] => xs.filter((x): x is number => x !== undefined);
const perS = (n: number, s: number | null): number | null => (s === null || s <= 0 ? null : round2(n / s));

export function summarizeScale(runs: readonly ScaleRun[]): ScaleSummary | null {
  const first = runs[0];
  if (!first) return null;
  const ok = runs.filter((r) => r.ok);
  const m = (pick: (r: ScaleRun) => number | undefined): number | null => r2(median(defined(ok.map(pick))));
  const upS = m((r) => r.upS);
  const downS = m((r) => r.downS);
  const n = first.to - first.from;
  return {
    from: first.from,
    to: first.to,
    runs: ok.length,
    failedRuns: runs.length - ok.length,
    upS,
    downS,
    upTasksPerS: perS(n, upS),
    downTasksPerS: perS(n, downS),
    upPolledS: m((r) => r.upPolledS),
    upReportedS: m((r) => r.upReportedS),
    downPolledS: m((r) => r.downPolledS),
    downRunningPolledS: m((r) => r.downRunningPolledS),
  };
}

export type SystemScale = { scale: Partial<Record<ImageBy, ScaleSummary>> };

export interface ScaleBenchSummary {
  ours: SystemScale | null;
  swarm: SystemScale | null;
  /** ours/swarm of the medians (below 1: ours is faster); Speedup: swarm/ours. */
  ratio: Record<string, number | null>;
  meta: Record<string, unknown>;
}

function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return round2(a / b);
}

const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The last line: each system's summaries per image reference (null for a system not measured) and
 * our figures (image by name: ours never pulls an image its node holds) against each of Swarm's.
 */
export function shapeScaleSummary(
  runs: readonly ScaleRun[],
  systems: readonly SystemKey[],
  meta: Record<string, unknown> = {},
): ScaleBenchSummary {
  const per = (system: SystemKey): SystemScale | null => {
    if (!systems.includes(system)) return null;
    const scale: Partial<Record<ImageBy, ScaleSummary>> = {};
    for (const by of IMAGE_BY) {
      const s = summarizeScale(runs.filter((r) => r.system === system && r.image === by));
      if (s) scale[by] = s;
    }
    return { scale };
  };
  const ours = per('ours');
  const swarm = per('swarm');
  const o = ours?.scale.byName;
  const out: Record<string, number | null> = {};
  for (const by of IMAGE_BY) {
    const w = swarm?.scale[by];
    if (!w) continue;
    out[`upVsSwarm${title(by)}`] = ratio(o?.upS, w.upS);
    out[`downVsSwarm${title(by)}`] = ratio(o?.downS, w.downS);
    out[`upSpeedupVsSwarm${title(by)}`] = ratio(w.upS, o?.upS);
    out[`downSpeedupVsSwarm${title(by)}`] = ratio(w.downS, o?.downS);
  }
  return { ours, swarm, ratio: out, meta };
}

/** A run as its JSON line: times rounded to 2 decimals. */
export function scaleRunLine(r: ScaleRun): string {
  const round = (x: number | undefined) => (x === undefined ? undefined : round2(x));
  return JSON.stringify({
    ...r,
    upS: round(r.upS),
    upPolledS: round(r.upPolledS),
    upReportedS: round(r.upReportedS),
    downS: round(r.downS),
    downPolledS: round(r.downPolledS),
    downRunningPolledS: round(r.downRunningPolledS),
  });
}
