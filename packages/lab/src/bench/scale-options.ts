// The scale benchmark's flags (`npm run bench:scale-lab`), checked with the lab benchmarks' shared
// checks: a refusal names the flag and points to where the flags are listed.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { PrivilegedMode } from '../lab.js';
import { FLAGS_HINT, onlyFlag, privilegedFlag, wholeNumberFlag } from './lab-runs.js';
import type { ImageBy } from './scale-stats.js';
import type { SystemKey } from './stats.js';
import type { SwarmBenchNetwork } from './systems.js';

export interface ScaleOptions {
  from: number;
  to: number;
  runs: number;
  only?: SystemKey;
  swarmImages: ImageBy[];
  pollMs: number;
  timeoutMs: number;
  labPrefix: string;
  managers: number;
  workers: number;
  privileged: PrivilegedMode;
  logsDir?: string;
  /**
   * Our heartbeat period and node grace: the defaults (500 ms, 2 s), or Swarm's defaults (5 s, and
   * down after 3 missed heartbeats: 15 s), set with `cluster update` once the cluster is formed.
   */
  oursTiming: OursTiming;
  /** The network Swarm's service joins (none: the engine's default bridge). */
  swarmNetwork: SwarmBenchNetwork;
  /** Our nodes' data plane (off: no cluster network; tasks on the engine's default bridge). */
  oursDataPlane: 'on' | 'off';
}

export type OursTiming = 'default' | 'swarm';

const IMAGE_FLAG: Record<string, ImageBy> = { id: 'byId', name: 'byName' };

/** The options from the command line (defaults in the usage line of scale-lab-bench.ts). */
export function parseScaleOptions(argv: string[]): ScaleOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string', default: '3' },
      to: { type: 'string', default: '100' },
      runs: { type: 'string', default: '1' },
      only: { type: 'string' },
      'swarm-images': { type: 'string', default: 'id,name' },
      'poll-ms': { type: 'string', default: '250' },
      'timeout-s': { type: 'string', default: '300' },
      'lab-prefix': { type: 'string', default: 'bench-scale' },
      managers: { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      privileged: { type: 'string', default: 'auto' },
      logs: { type: 'string' },
      'ours-timing': { type: 'string', default: 'default' },
      'swarm-network': { type: 'string', default: 'none' },
      'ours-data-plane': { type: 'string', default: 'on' },
    },
  });
  const int = wholeNumberFlag;
  const images = values['swarm-images']
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (images.length === 0 || images.some((x) => IMAGE_FLAG[x] === undefined))
    throw new ClusterError(ErrorCode.InvalidArgument, '--swarm-images is a comma-separated list of id, name', {
      hint: FLAGS_HINT,
    });
  const o: ScaleOptions = {
    from: int('from', values.from, 1, 50),
    to: int('to', values.to, 2, 500),
    runs: int('runs', values.runs, 1, 20),
    swarmImages: (['id', 'name'] as const).filter((x) => images.includes(x)).map((x) => IMAGE_FLAG[x]!),
    pollMs: int('poll-ms', values['poll-ms'], 50, 5000),
    timeoutMs: int('timeout-s', values['timeout-s'], 30, 3600) * 1000,
    labPrefix: values['lab-prefix'],
    managers: int('managers', values.managers, 1, 7),
    workers: int('workers', values.workers, 0, 10),
    privileged: privilegedFlag(values.privileged),
    oursTiming: oursTimingFlag(values['ours-timing']),
    swarmNetwork: swarmNetworkFlag(values['swarm-network']),
    oursDataPlane: oursDataPlaneFlag(values['ours-data-plane']),
  };
  if (o.to <= o.from)
    throw new ClusterError(ErrorCode.InvalidArgument, `--to (${o.to}) must be more than --from (${o.from})`, {
      hint: FLAGS_HINT,
    });
  const only = onlyFlag(values.only);
  if (only) o.only = only;
  if (values.logs !== undefined) o.logsDir = resolve(values.logs);
  return o;
}

function oursDataPlaneFlag(v: string): 'on' | 'off' {
  if (v !== 'on' && v !== 'off')
    throw new ClusterError(ErrorCode.InvalidArgument, '--ours-data-plane is on or off', { hint: FLAGS_HINT });
  return v;
}

function swarmNetworkFlag(v: string): SwarmBenchNetwork {
  if (v !== 'none' && v !== 'bridge' && v !== 'overlay')
    throw new ClusterError(ErrorCode.InvalidArgument, '--swarm-network is none, bridge or overlay', {
      hint: FLAGS_HINT,
    });
  return v;
}

function oursTimingFlag(v: string): OursTiming {
  if (v !== 'default' && v !== 'swarm')
    throw new ClusterError(ErrorCode.InvalidArgument, '--ours-timing is default or swarm', { hint: FLAGS_HINT });
  return v;
}
