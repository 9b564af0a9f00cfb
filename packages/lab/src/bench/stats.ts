// Summaries of the failover benchmark's runs and the shape of its last output line (pure: no Docker).
//   {"ours":{"workerKill":{"medianS":..,"maxS":..,"detectS":..,"runs":..},"leaderKill":{...}},
//    "swarm":{same},"ratio":{"workerKillMedian":ours/swarm,"leaderKillMedian":ours/swarm}}

export type SystemKey = 'ours' | 'swarm';
export type FaultKey = 'workerKill' | 'leaderKill';
export const FAULTS: readonly FaultKey[] = ['workerKill', 'leaderKill'];

/** One measured run: seconds from the kill; undefined where the event was not seen before the timeout. */
export interface RunRecord {
  system: SystemKey;
  fault: FaultKey;
  run: number;
  /** Both detection and recovery were seen in time. */
  ok: boolean;
  victim: string;
  /**
   * workerKill: the victim marked down, by the system's own timestamp on its node record (when
   * readable, else as polled); leaderKill: a surviving manager reports a new leader (polled).
   */
  detectS?: number;
  /** leaderKill: the dead leader marked down (its node record's timestamp, else as polled). */
  downS?: number;
  /**
   * All replicas running on the survivors: the StartedAt of the last replacement container in its
   * node's engine (else as polled).
   */
  recoveredS?: number;
  /** The same events as first seen by polling (every pollMs, plus the time the calls take). */
  detectPolledS?: number;
  downPolledS?: number;
  recoveredPolledS?: number;
  /** leaderKill: replicas on surviving nodes whose container was replaced (ids before vs after). */
  restartedOnSurvivors?: number;
  /** Median time a node-list call took in the measured window (detection includes it). */
  nodeListMs?: number;
  /** Services created until the victim ran a replica. */
  placements?: number;
  /** Nodes the last service excluded (node.hostname!=X) so that a candidate ran a replica. */
  excluded?: string[];
  error?: string;
}

export interface FaultSummary {
  /** Median of recoveredS over the runs that succeeded (null: none did). */
  medianS: number | null;
  maxS: number | null;
  minS: number | null;
  /** Median detection time. */
  detectS: number | null;
  /** Successful runs. */
  runs: number;
  failedRuns: number;
  /** Median of (recoveredS - detectS): the time after detection. */
  recoverAfterDetectS: number | null;
  /** Medians of the same events as first seen by polling from the host. */
  polledMedianS: number | null;
  polledDetectS: number | null;
  /** leaderKill: median time until the dead leader is shown down. */
  downS?: number | null;
  /** Median time a node-list call took (detection is when its answer arrived, so it includes this). */
  nodeListMs?: number;
  /** leaderKill: replicas on surviving nodes restarted, summed over the runs. */
  restartedOnSurvivors?: number;
}

export type SystemSummary = Record<FaultKey, FaultSummary>;

export interface BenchSummary {
  ours: SystemSummary | null;
  swarm: SystemSummary | null;
  ratio: {
    workerKillMedian: number | null;
    leaderKillMedian: number | null;
    /** swarm/ours: how many times faster ours is. */
    workerKillSpeedup: number | null;
    leaderKillSpeedup: number | null;
  };
  meta: Record<string, unknown>;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Median of the numbers (mean of the middle two for an even count); null for none. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const r2 = (x: number | null): number | null => (x === null ? null : round2(x));
const defined = (xs: Array<number | undefined>): number[] => xs.filter((x): x is number => x !== undefined);

/** One fault of one system: medians over the successful runs, failures counted. */
export function summarizeFault(runs: readonly RunRecord[], fault: FaultKey): FaultSummary {
  const ok = runs.filter((r) => r.fault === fault && r.ok);
  const failed = runs.filter((r) => r.fault === fault && !r.ok).length;
  const rec = defined(ok.map((r) => r.recoveredS));
  const out: FaultSummary = {
    medianS: r2(median(rec)),
    maxS: rec.length ? round2(Math.max(...rec)) : null,
    minS: rec.length ? round2(Math.min(...rec)) : null,
    detectS: r2(median(defined(ok.map((r) => r.detectS)))),
    runs: ok.length,
    failedRuns: failed,
    recoverAfterDetectS: r2(
      median(
        defined(
          ok.map((r) => (r.recoveredS !== undefined && r.detectS !== undefined ? r.recoveredS - r.detectS : undefined)),
        ),
      ),
    ),
    polledMedianS: r2(median(defined(ok.map((r) => r.recoveredPolledS)))),
    polledDetectS: r2(median(defined(ok.map((r) => r.detectPolledS)))),
  };
  const took = median(defined(ok.map((r) => r.nodeListMs)));
  if (took !== null) out.nodeListMs = Math.round(took);
  if (fault === 'leaderKill') {
    out.downS = r2(median(defined(ok.map((r) => r.downS))));
    out.restartedOnSurvivors = ok.reduce((a, r) => a + (r.restartedOnSurvivors ?? 0), 0);
  }
  return out;
}

export function summarizeSystem(runs: readonly RunRecord[], system: SystemKey): SystemSummary {
  const mine = runs.filter((r) => r.system === system);
  return { workerKill: summarizeFault(mine, 'workerKill'), leaderKill: summarizeFault(mine, 'leaderKill') };
}

function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return round2(a / b);
}

/** The last line: both systems (null for one not measured) and ours/swarm ratios of the medians. */
export function shapeSummary(
  runs: readonly RunRecord[],
  systems: readonly SystemKey[],
  meta: Record<string, unknown> = {},
): BenchSummary {
  const ours = systems.includes('ours') ? summarizeSystem(runs, 'ours') : null;
  const swarm = systems.includes('swarm') ? summarizeSystem(runs, 'swarm') : null;
  return {
    ours,
    swarm,
    ratio: {
      workerKillMedian: ratio(ours?.workerKill.medianS, swarm?.workerKill.medianS),
      leaderKillMedian: ratio(ours?.leaderKill.medianS, swarm?.leaderKill.medianS),
      workerKillSpeedup: ratio(swarm?.workerKill.medianS, ours?.workerKill.medianS),
      leaderKillSpeedup: ratio(swarm?.leaderKill.medianS, ours?.leaderKill.medianS),
    },
    meta,
  };
}

/** A run as its JSON line: times rounded to 2 decimals. */
export function runLine(r: RunRecord): string {
  const round = (x: number | undefined) => (x === undefined ? undefined : round2(x));
  return JSON.stringify({ ...r, detectS: round(r.detectS), downS: round(r.downS), recoveredS: round(r.recoveredS) });
}
