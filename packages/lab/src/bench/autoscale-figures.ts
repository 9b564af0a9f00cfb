// The autoscaling benchmark's figures from what it sampled (pure: no Docker). Times are ms since the
// epoch on the machine's one clock (the lab nodes share the host's kernel clock, so the leader's
// decision times, the engines' container start times and the samples compare directly).

/** One task container as its node's engine and cgroup showed it in one sampling round. */
export interface TaskSample {
  id: string;
  /** The container's CPU time so far (cgroup), in ns. */
  cpuNs: number;
  /** When its node read it. */
  atMs: number;
  /** The engine's State.StartedAt. */
  startedAtMs: number;
}

/** One sampling round over every lab node: the service's running task containers. */
export interface EngineRound {
  atMs: number;
  tasks: TaskSample[];
}

/** An autoscaling decision (the `service autoscale` event). */
export interface Decision {
  atMs: number;
  from: number;
  to: number;
  cpuPercent: number | null;
  reason: string;
}

export interface CpuPoint {
  atMs: number;
  running: number;
  /** Mean CPU of the tasks running at both ends of the window, in percent of the base; null: none. */
  meanPercent: number | null;
}

/**
 * Per round, the mean CPU over the trailing window (from the latest round at least windowMs
 * earlier) of the tasks present at both ends, in percent of baseCores (what the autoscaler's 100%
 * is: the reservation, else the limit, else one core).
 */
export function cpuSeries(rounds: readonly EngineRound[], baseCores: number, windowMs: number): CpuPoint[] {
  const out: CpuPoint[] = [];
  for (let i = 0; i < rounds.length; i++) {
    const r = rounds[i]!;
    let j = -1;
    for (let k = i - 1; k >= 0; k--)
      if (rounds[k]!.atMs <= r.atMs - windowMs) {
        j = k;
        break;
      }
    if (j < 0) continue;
    const before = new Map(rounds[j]!.tasks.map((t) => [t.id, t]));
    const pct: number[] = [];
    for (const t of r.tasks) {
      const p = before.get(t.id);
      if (p === undefined || t.atMs <= p.atMs || t.cpuNs < p.cpuNs) continue;
      const cores = (t.cpuNs - p.cpuNs) / 1e9 / ((t.atMs - p.atMs) / 1000);
      pct.push((cores / baseCores) * 100);
    }
    out.push({
      atMs: r.atMs,
      running: r.tasks.length,
      meanPercent: pct.length === 0 ? null : pct.reduce((a, b) => a + b, 0) / pct.length,
    });
  }
  return out;
}

export interface AutoscaleFigures {
  /** Seconds from the load step to the decision that set enough replicas (at least the aim). */
  desiredEnoughS: number | null;
  /** ... to that many task containers running in the engines (the aim-th one's start). */
  runningEnoughS: number | null;
  /** ... to the first window with the mean CPU under the target, after it had been above it. */
  cpuUnderTargetS: number | null;
  /** ... to the start of the last stretch under the target that lasted until the load stopped. */
  cpuSettledS: number | null;
  /** Under load: the highest replica count decided and the most containers running. */
  maxDesired: number;
  maxRunning: number;
  /** Under load: decisions that lowered the count (flapping when there are any). */
  scaleInsUnderLoad: number;
  /** Seconds from the load stop to the decision back to the minimum, and to that many running. */
  desiredMinAfterOffS: number | null;
  runningMinAfterOffS: number | null;
  /** The mean CPU, in percent of the base, over the last 10 s of load. */
  cpuUnderLoadEndPercent: number | null;
  /** From the load step: the replica count decided and running, at each change. */
  timeline: Array<{ tS: number; desired: number; running: number | null }>;
}

export interface FiguresInput {
  stepAtMs: number;
  offAtMs: number;
  aim: number;
  min: number;
  /** The count before the step (the minimum, unless something else set it). */
  desiredAtStep: number;
  targetPercent: number;
  decisions: readonly Decision[];
  rounds: readonly EngineRound[];
  cpu: readonly CpuPoint[];
}

const secs = (fromMs: number, toMs: number | undefined): number | null =>
  toMs === undefined ? null : Math.round((Math.max(0, toMs - fromMs) / 1000) * 100) / 100;

export function autoscaleFigures(x: FiguresInput): AutoscaleFigures {
  const { stepAtMs: step, offAtMs: off } = x;
  const decisions = [...x.decisions].sort((a, b) => a.atMs - b.atMs);
  const loaded = decisions.filter((d) => d.atMs >= step && d.atMs < off);
  const enough = loaded.find((d) => d.to >= x.aim);

  let runningEnoughAt: number | undefined;
  for (const r of x.rounds) {
    if (r.atMs < step || r.atMs >= off || r.tasks.length < x.aim) continue;
    const starts = r.tasks.map((t) => t.startedAtMs).sort((a, b) => a - b);
    runningEnoughAt = Math.min(r.atMs, Math.max(step, starts[x.aim - 1]!));
    break;
  }

  const cpuLoaded = x.cpu.filter((p) => p.atMs >= step && p.atMs <= off && p.meanPercent !== null);
  let above = false;
  let underAt: number | undefined;
  for (const p of cpuLoaded) {
    if (p.meanPercent! > x.targetPercent) above = true;
    else if (above && p.meanPercent! < x.targetPercent) {
      underAt = p.atMs;
      break;
    }
  }
  let settledAt: number | undefined;
  if (above) {
    for (let i = cpuLoaded.length - 1; i >= 0 && cpuLoaded[i]!.meanPercent! < x.targetPercent; i--)
      settledAt = cpuLoaded[i]!.atMs;
  }
  const lastTen = cpuLoaded.filter((p) => p.atMs >= off - 10_000).map((p) => p.meanPercent!);

  const back = decisions.find((d) => d.atMs >= off && d.to === x.min);
  const runningBack = x.rounds.find((r) => r.atMs >= off && r.tasks.length === x.min);

  // the timeline: the count decided, and running as sampled, at each change of either
  const events: Array<{ atMs: number; desired?: number; running?: number }> = [
    ...decisions.filter((d) => d.atMs >= step).map((d) => ({ atMs: d.atMs, desired: d.to })),
    ...x.rounds.filter((r) => r.atMs >= step).map((r) => ({ atMs: r.atMs, running: r.tasks.length })),
  ].sort((a, b) => a.atMs - b.atMs);
  const timeline: AutoscaleFigures['timeline'] = [];
  let desired = x.desiredAtStep;
  let running: number | null = null;
  for (const e of events) {
    const d0: number = desired;
    const r0: number | null = running;
    if (e.desired !== undefined) desired = e.desired;
    if (e.running !== undefined) running = e.running;
    if (timeline.length === 0 || d0 !== desired || r0 !== running)
      timeline.push({ tS: secs(step, e.atMs)!, desired, running });
  }

  let maxRunning = 0;
  for (const r of x.rounds) if (r.atMs >= step && r.atMs <= off) maxRunning = Math.max(maxRunning, r.tasks.length);

  return {
    desiredEnoughS: secs(step, enough?.atMs),
    runningEnoughS: secs(step, runningEnoughAt),
    cpuUnderTargetS: secs(step, underAt),
    cpuSettledS: secs(step, settledAt),
    maxDesired: Math.max(x.desiredAtStep, ...loaded.map((d) => d.to)),
    maxRunning,
    scaleInsUnderLoad: loaded.filter((d) => d.to < d.from).length,
    desiredMinAfterOffS: secs(off, back?.atMs),
    runningMinAfterOffS: secs(off, runningBack?.atMs),
    cpuUnderLoadEndPercent:
      lastTen.length === 0 ? null : Math.round(lastTen.reduce((a, b) => a + b, 0) / lastTen.length),
    timeline,
  };
}

/** Replicas the load needs under the target: ceil(total CPU / CPU per task at the target). */
export function replicasNeeded(
  ratePerS: number,
  cpuPerRequestMs: number,
  targetPercent: number,
  baseCores: number,
): number {
  return Math.ceil((ratePerS * cpuPerRequestMs) / 1000 / ((targetPercent / 100) * baseCores) - 1e-9);
}

/** The rate that needs `aim` replicas, half a replica's worth below the aim's capacity at the target. */
export function rateFor(aim: number, cpuPerRequestMs: number, targetPercent: number, baseCores: number): number {
  const perTaskCores = (targetPercent / 100) * baseCores;
  return Math.round((((aim - 0.5) * perTaskCores * 1000) / cpuPerRequestMs) * 10) / 10;
}
