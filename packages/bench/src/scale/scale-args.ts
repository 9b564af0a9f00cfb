// Flags of `npm run bench:scale`, checked before anything starts: each refusal is an INVALID_ARGUMENT
// ClusterError naming the flag, with a hint.

import { parseArgs } from 'node:util';
import { ClusterError, ErrorCode, parseDurationMs } from '@clusterctl/common';

export interface ScaleArgs {
  /** Node counts to ramp through, ascending; the last one is the target. */
  steps: number[];
  /** Tasks in total, spread over `services` services. */
  tasks: number;
  services: number;
  managers: number;
  /** Hollow nodes per child process. */
  nodesPerProcess: number;
  /** Joins in flight per child process. */
  joinConcurrency: number;
  /** Calls per API latency figure. */
  apiSamples: number;
  /** Phases to skip (leader kill, worker kill). */
  skip: Set<'leader-kill' | 'worker-kill'>;
  /** Managers write V8 CPU profiles into this folder when they stop. */
  cpuProfDir: string | undefined;
  keepDirs: boolean;
  baseDir: string | undefined;
  /** Give up on a phase after this long. */
  phaseTimeoutMs: number;
  /** The cluster's heartbeat period and node grace (init flags); undefined: the defaults. */
  heartbeatPeriodMs: number | undefined;
  nodeGraceMs: number | undefined;
}

export const SCALE_USAGE =
  'npm run bench:scale -- [--nodes N] [--tasks N] [--services N] [--managers 3] [--nodes-per-process N] ' +
  '[--join-concurrency N] [--api-samples N] [--skip leader-kill,worker-kill] [--phase-timeout-s N] ' +
  '[--heartbeat-period DUR] [--node-grace DUR] ' +
  '[--cpu-prof DIR] [--keep-dirs] [--base-dir DIR]';

/**
 * The defaults: what finishes in about two minutes on the shared 2-core machine the figures come
 * from (see docs/benchmarks.md: 1,000 nodes take four minutes to join there, with sessions breaking
 * under the load); --nodes and --tasks go further.
 */
export const SCALE_DEFAULTS = {
  nodes: 200,
  tasks: 4_000,
  services: 10,
  managers: 3,
  nodesPerProcess: 100,
  joinConcurrency: 8,
  apiSamples: 20,
  phaseTimeoutS: 300,
} as const;

/** The most tasks one service may have (the CLI's --replicas limit). */
export const MAX_TASKS_PER_SERVICE = 10_000;

function invalid(message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint: `${hint}; usage: ${SCALE_USAGE}` });
}

function wholeNumber(flag: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined) return def;
  const s = raw.trim().replace(/_/g, '');
  if (!/^\d+$/.test(s))
    throw invalid(
      `${flag} ${JSON.stringify(raw)} is not a whole number`,
      `give ${flag} a number from ${min} to ${max}`,
    );
  const n = Number(s);
  if (n < min || n > max)
    throw invalid(`${flag} ${raw} is out of range`, `give ${flag} a number from ${min} to ${max}`);
  return n;
}

/** The ramp's steps: 1,000 first when the target is above it (the ramp 1,000 -> 5,000). */
export function rampSteps(nodes: number): number[] {
  return nodes > 1_000 ? [1_000, nodes] : [nodes];
}

export function parseScaleArgs(argv: string[]): ScaleArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        nodes: { type: 'string' },
        tasks: { type: 'string' },
        services: { type: 'string' },
        managers: { type: 'string' },
        'nodes-per-process': { type: 'string' },
        'join-concurrency': { type: 'string' },
        'api-samples': { type: 'string' },
        skip: { type: 'string' },
        'phase-timeout-s': { type: 'string' },
        'heartbeat-period': { type: 'string' },
        'node-grace': { type: 'string' },
        'cpu-prof': { type: 'string' },
        'keep-dirs': { type: 'boolean' },
        'base-dir': { type: 'string' },
      },
    }));
  } catch (e) {
    throw invalid((e as Error).message, 'check the flag names and give each a value');
  }
  const str = (k: string): string | undefined => values[k] as string | undefined;
  // the managers take 3 of the cluster network's 16,384 node subnets (manager-daemons.ts)
  const nodes = wholeNumber('--nodes', str('nodes'), SCALE_DEFAULTS.nodes, 1, 16_000);
  const services = wholeNumber('--services', str('services'), SCALE_DEFAULTS.services, 1, 1_000);
  const tasks = wholeNumber('--tasks', str('tasks'), SCALE_DEFAULTS.tasks, 0, services * MAX_TASKS_PER_SERVICE);
  if (tasks > 0 && tasks < services)
    throw invalid(`--tasks ${tasks} is fewer than --services ${services}`, 'give every service at least one task');
  const managers = wholeNumber('--managers', str('managers'), SCALE_DEFAULTS.managers, 1, 7);
  if (managers % 2 === 0)
    throw invalid(
      `--managers ${managers} is even`,
      'an odd number of managers (1, 3, 5 or 7) tolerates as many failures',
    );
  const skip = new Set<'leader-kill' | 'worker-kill'>();
  for (const s of (str('skip') ?? '').split(',').map((x) => x.trim())) {
    if (s === '') continue;
    if (s !== 'leader-kill' && s !== 'worker-kill')
      throw invalid(
        `--skip ${JSON.stringify(s)} is not a phase`,
        'the phases that can be skipped: leader-kill, worker-kill',
      );
    skip.add(s);
  }
  if (managers === 1) skip.add('leader-kill');
  const nodesPerProcess = wholeNumber(
    '--nodes-per-process',
    str('nodes-per-process'),
    SCALE_DEFAULTS.nodesPerProcess,
    1,
    5_000,
  );
  const stepList = rampSteps(nodes);
  // the worker kill needs a surviving hollow process to take the tasks over
  if (Math.ceil(nodes / nodesPerProcess) < 2) skip.add('worker-kill');
  const duration = (flag: string, raw: string | undefined, minMs: number): number | undefined => {
    if (raw === undefined) return undefined;
    try {
      return parseDurationMs(flag, raw, { minMs, maxMs: 60_000 });
    } catch (e) {
      if (e instanceof ClusterError) throw invalid(e.message, e.hint ?? `give ${flag} a duration such as 5s`);
      throw e;
    }
  };
  const heartbeatPeriodMs = duration('--heartbeat-period', str('heartbeat-period'), 100);
  const nodeGraceMs = duration('--node-grace', str('node-grace'), 100);
  return {
    heartbeatPeriodMs,
    nodeGraceMs,
    steps: stepList,
    tasks,
    services,
    managers,
    nodesPerProcess,
    joinConcurrency: wholeNumber('--join-concurrency', str('join-concurrency'), SCALE_DEFAULTS.joinConcurrency, 1, 256),
    apiSamples: wholeNumber('--api-samples', str('api-samples'), SCALE_DEFAULTS.apiSamples, 1, 10_000),
    skip,
    cpuProfDir: str('cpu-prof'),
    keepDirs: values['keep-dirs'] === true,
    baseDir: str('base-dir'),
    phaseTimeoutMs:
      wholeNumber('--phase-timeout-s', str('phase-timeout-s'), SCALE_DEFAULTS.phaseTimeoutS, 10, 86_400) * 1000,
  };
}

/** Replicas per service: `tasks` spread as evenly as possible, the first services taking the rest. */
export function replicasPerService(tasks: number, services: number): number[] {
  const base = Math.floor(tasks / services);
  const rest = tasks % services;
  return Array.from({ length: services }, (_, i) => base + (i < rest ? 1 : 0));
}

/** How many nodes each child process runs for `nodes` in total (the last may run fewer). */
export function processSizes(nodes: number, perProcess: number): number[] {
  const out: number[] = [];
  for (let left = nodes; left > 0; left -= perProcess) out.push(Math.min(perProcess, left));
  return out;
}
