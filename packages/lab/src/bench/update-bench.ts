#!/usr/bin/env node
// `npm run bench:update`: rolling updates, clusterctl vs Docker Swarm, in the same docker-in-docker
// lab topology (1 manager + 2 workers, a 30-replica service of clusterctl/busybox:local), one system
// after the other (never both labs at once), with the same rollout settings for both
// (--update-parallelism, --update-monitor, --update-failure-action pause):
//   rollS              time from the update to every replica replaced and running (a new env value),
//                      from the engines: no container of before left, N running
//   minRunningRoll     the fewest running replicas seen during that rollout
//   brokenPausedS      an update to an image that cannot be pulled: time until the system records
//                      its update as paused
//   minRunningBroken   the fewest running replicas seen from that update to the end of the
//                      observation window (brokenObserveS after the pause: restarts keep failing)
//   leftRunningBroken  replicas running at the end (ours must be N - parallelism at worst)
// Replicas are counted in each node's own engine (docker ps in the node containers), sampled every
// --poll-ms. Progress lines, one JSON line per system, and as the LAST line
// {"ours":{...},"swarm":{...},"ratio":{...},"meta":{...}}.
//
// Flags: --replicas N (30) --parallelism N (2) --monitor-ms MS (1000) --observe-s S (20)
//        --only ours|swarm  --poll-ms MS (250)  --timeout-s S (300)  --lab-prefix P (bench-update)
//        --privileged auto|yes|no
import { parseArgs } from 'node:util';
import { sleep, waitFor } from '@clusterctl/common/testing';
import { labWaitOptions, type PrivilegedMode } from '../lab.js';
import { measureInLabs, runBench, say, onlyFlag, privilegedFlag, wholeNumberFlag } from './lab-runs.js';
import { round2, type SystemKey } from './stats.js';
import {
  dockerInNodes,
  OursSystem,
  runningTaskIdsArgs,
  SwarmSystem,
  type BenchSystem,
  type RolloutPolicy,
} from './systems.js';

const SERVICE = 'web';
/** Nothing listens on port 1: the pull fails at once, without a registry, for both systems. */
const BROKEN_IMAGE = '127.0.0.1:1/missing:none';
const COUNT_TIMEOUT_MS = 10_000;

interface Options {
  replicas: number;
  policy: RolloutPolicy;
  observeMs: number;
  only?: SystemKey;
  pollMs: number;
  timeoutMs: number;
  labPrefix: string;
  privileged: PrivilegedMode;
}

export interface UpdateRecord {
  system: SystemKey;
  ok: boolean;
  rollS?: number;
  minRunningRoll?: number;
  brokenPausedS?: number;
  minRunningBroken?: number;
  leftRunningBroken?: number;
  samples?: number;
  error?: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      replicas: { type: 'string', default: '30' },
      parallelism: { type: 'string', default: '2' },
      'monitor-ms': { type: 'string', default: '1000' },
      'observe-s': { type: 'string', default: '20' },
      only: { type: 'string' },
      'poll-ms': { type: 'string', default: '250' },
      'timeout-s': { type: 'string', default: '300' },
      'lab-prefix': { type: 'string', default: 'bench-update' },
      privileged: { type: 'string', default: 'auto' },
    },
  });
  const int = wholeNumberFlag;
  const o: Options = {
    replicas: int('replicas', values.replicas, 2, 200),
    policy: {
      parallelism: int('parallelism', values.parallelism, 1, 50),
      monitorMs: int('monitor-ms', values['monitor-ms'], 0, 60_000),
      failureAction: 'pause',
    },
    observeMs: int('observe-s', values['observe-s'], 0, 600) * 1000,
    pollMs: int('poll-ms', values['poll-ms'], 50, 5000),
    timeoutMs: int('timeout-s', values['timeout-s'], 30, 3600) * 1000,
    labPrefix: values['lab-prefix'],
    privileged: privilegedFlag(values.privileged),
  };
  const only = onlyFlag(values.only);
  if (only) o.only = only;
  return o;
}

/** Running containers (full ids) of the service, in every node's own engine. */
async function runningIds(sys: BenchSystem, nodes: string[]): Promise<string[]> {
  const per = await dockerInNodes(sys, nodes, runningTaskIdsArgs(sys, SERVICE), COUNT_TIMEOUT_MS);
  return [...per.values()].flatMap((r) => (r.code === 0 ? r.stdout.split('\n').filter(Boolean) : []));
}

/** Samples the engines until stop(): the fewest running seen, and the last sample. */
function sampler(
  sys: BenchSystem,
  nodes: string[],
  pollMs: number,
): { last(): string[]; stop(): Promise<{ min: number; samples: number }> } {
  let stopped = false;
  let min = Number.POSITIVE_INFINITY;
  let samples = 0;
  let last: string[] = [];
  const loop = (async () => {
    while (!stopped) {
      last = await runningIds(sys, nodes);
      min = Math.min(min, last.length);
      samples++;
      await sleep(pollMs);
    }
  })();
  return {
    last: () => last,
    async stop() {
      stopped = true;
      await loop;
      return { min, samples };
    },
  };
}

async function measure(sys: BenchSystem, opts: Options, log: (l: string) => void): Promise<UpdateRecord> {
  const rec: UpdateRecord = { system: sys.key, ok: false };
  const nodes = (await sys.lab.nodes()).map((n) => n.node);
  const via = nodes[0]!;
  const n = opts.replicas;
  await sys.createService(via, SERVICE, n);
  const before = await waitFor(
    `${n} running ${SERVICE} replicas`,
    async () => {
      const ids = await runningIds(sys, nodes);
      return ids.length === n ? ids : undefined;
    },
    labWaitOptions(opts.timeoutMs, 500),
  );
  log(
    `${n} replicas running; rolling a new env value (parallelism ${opts.policy.parallelism}, monitor ${opts.policy.monitorMs} ms)`,
  );

  // a good update: every replica replaced
  const old = new Set(before);
  let s = sampler(sys, nodes, opts.pollMs);
  const t0 = Date.now();
  await sys.updateService(via, SERVICE, { envAdd: 'BENCH=2' }, opts.policy);
  await waitFor(
    'every replica replaced and running',
    async () => {
      const ids = s.last();
      return ids.length >= n && ids.every((id) => !old.has(id)) ? true : undefined;
    },
    labWaitOptions(opts.timeoutMs, 100),
  );
  rec.rollS = round2((Date.now() - t0) / 1000);
  const roll = await s.stop();
  rec.minRunningRoll = roll.min;
  log(`rolled ${n} replicas in ${rec.rollS} s; fewest running ${roll.min} (${roll.samples} samples)`);
  await waitFor(
    'the update recorded as completed',
    async () => ((await sys.updateState(via, SERVICE)) === 'completed' ? true : undefined),
    labWaitOptions(opts.timeoutMs, 500),
  );

  // a broken update: an image that cannot be pulled
  s = sampler(sys, nodes, opts.pollMs);
  const t1 = Date.now();
  await sys.updateService(via, SERVICE, { image: BROKEN_IMAGE }, opts.policy);
  await waitFor(
    'the broken update paused',
    async () => ((await sys.updateState(via, SERVICE)) === 'paused' ? true : undefined),
    labWaitOptions(opts.timeoutMs, 250),
  );
  rec.brokenPausedS = round2((Date.now() - t1) / 1000);
  log(`broken update paused after ${rec.brokenPausedS} s; observing ${opts.observeMs / 1000} s more`);
  await sleep(opts.observeMs);
  const broken = await s.stop();
  rec.minRunningBroken = broken.min;
  rec.leftRunningBroken = (await runningIds(sys, nodes)).length;
  rec.samples = roll.samples + broken.samples;
  log(`after the broken update: ${rec.leftRunningBroken} of ${n} running; fewest seen ${broken.min}`);
  rec.ok = true;
  return rec;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const systems: SystemKey[] = opts.only ? [opts.only] : ['ours', 'swarm'];
  const t0 = Date.now();
  say(
    `bench: update, ${systems.join(' then ')}; 1 manager + 2 workers, ${opts.replicas} replicas; parallelism ${opts.policy.parallelism}, monitor ${opts.policy.monitorMs} ms, failure action pause`,
  );
  const records = await measureInLabs<UpdateRecord>(systems, opts.labPrefix, async (key, lab, log) => {
    const sys: BenchSystem = key === 'ours' ? new OursSystem(lab) : new SwarmSystem(lab);
    await sys.up({ managers: 1, workers: 2, privileged: opts.privileged });
    return measure(sys, opts, log);
  });
  const o = records.ours;
  const w = records.swarm;
  const ratio =
    o?.ok && w?.ok && o.rollS !== undefined && w.rollS !== undefined && w.rollS > 0
      ? { rollS: round2(o.rollS / w.rollS) }
      : null;
  say(
    JSON.stringify({
      ours: o ?? null,
      swarm: w ?? null,
      ratio,
      meta: {
        replicas: opts.replicas,
        topology: { managers: 1, workers: 2 },
        policy: opts.policy,
        brokenImage: BROKEN_IMAGE,
        observeS: opts.observeMs / 1000,
        pollMs: opts.pollMs,
        worstAllowedLeftRunning: opts.replicas - opts.policy.parallelism,
        elapsedS: round2((Date.now() - t0) / 1000),
      },
    }),
  );
}

runBench(main);
