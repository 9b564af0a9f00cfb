#!/usr/bin/env node
// `npm run bench:failover`: time from killing a node to all replicas running again, clusterctl vs
// Docker Swarm, in the same docker-in-docker lab topology (3 managers + 2 workers, a 3-replica
// service of clusterctl/busybox:local), one system after the other (never both labs at once).
//   workerKill: kill (docker kill) a worker that runs a replica.
//   leaderKill: kill the leader manager while it runs a replica.
// Measured from the kill, polling from the host every ~100 ms the same way for both systems, then,
// once an event is seen, its exact time read from the system's own records (the lab shares this
// machine's clock), so neither polling nor slow CLI calls count:
//   detectS     workerKill: the victim marked down (ours: its node record's status timestamp;
//               Swarm: the node object's UpdatedAt); leaderKill: a surviving manager reports a
//               new leader (polled: neither system records when it was elected)
//   downS       leaderKill: the dead leader marked down (same timestamps as above)
//   recoveredS  the replicas running again on the surviving nodes: the StartedAt of the last
//               replacement container, in its node's own engine
// Each run also keeps the polled times (detectPolledS, downPolledS, recoveredPolledS).
// Progress lines, one JSON line per run, and as the LAST line the summary JSON
// {"ours":{"workerKill":{...},"leaderKill":{...}},"swarm":{...},"ratio":{...},"meta":{...}}.
//
// Flags: --runs N (3)  --only ours|swarm  --faults workerKill,leaderKill  --keep (leave the last lab up)  --timeout-s S (180)
//        --poll-ms MS (100)  --lab-prefix P (bench: labs P-ours, P-swarm)
//        --managers N (3) --workers N (2)  --privileged auto|yes|no
import { parseArgs } from 'node:util';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { dockerRun } from '../docker.js';
import { REPO_ROOT, sleep, waitFor } from '@clusterctl/common/testing';
import { Lab, defaultLabConfig, labWaitOptions, type LabNodeInfo, type PrivilegedMode } from '../lab.js';
import { runBench, say, onlyFlag, privilegedFlag, uptime, wholeNumberFlag } from './lab-runs.js';
import { watch } from './poll.js';
import {
  FAULTS,
  median,
  round2,
  runLine,
  shapeSummary,
  type FaultKey,
  type RunRecord,
  type SystemKey,
} from './stats.js';
import {
  dockerInNodes,
  OursSystem,
  runningTaskIdsArgs,
  SwarmSystem,
  type BenchSystem,
  type NodeView,
} from './systems.js';

const SERVICE = 'web';
const REPLICAS = 3;
/** Services created at most until the victim runs a replica (placement is the scheduler's). */
const MAX_PLACEMENTS = 8;
/** Plain services tried before later ones exclude nodes (see place()). */
const PLAIN_PLACEMENTS = 3;
/** A node-list call (outside the measured window) that takes longer is a failure. */
const NODE_LIST_TIMEOUT_MS = 10_000;
/**
 * In the measured window: a node-list call taking longer is abandoned. Calls made while there is no
 * leader may hang (Swarm's until ~22 s after a leader kill) while calls made once a new leader is
 * elected answer at once; so while calls are in flight another one starts every
 * PROBE_BUSY_INTERVAL_MS, at most PROBE_IN_FLIGHT at once (a busy 2-core machine runs each CLI
 * call in 0.1-2 s: more at once only loads it further).
 */
const PROBE_TIMEOUT_MS = 5_000;
const PROBE_BUSY_INTERVAL_MS = 1_000;
const PROBE_IN_FLIGHT = 5;
const COUNT_TIMEOUT_MS = 10_000;
/** leaderKill: survivors' replicas are compared (ids before vs after) no earlier than this after the kill. */
const RESTART_CHECK_AFTER_MS = 30_000;
/** How long the first replicas must keep running (same containers) to show the image's command stays up. */
const WORKLOAD_CHECK_MS = 3_000;

const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

interface Options {
  faults: FaultKey[];
  runs: number;
  only?: SystemKey;
  keep: boolean;
  timeoutMs: number;
  pollMs: number;
  labPrefix: string;
  managers: number;
  workers: number;
  privileged: PrivilegedMode;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      faults: { type: 'string', default: FAULTS.join(',') },
      keep: { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '180' },
      'poll-ms': { type: 'string', default: '100' },
      'lab-prefix': { type: 'string', default: 'bench' },
      managers: { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      privileged: { type: 'string', default: 'auto' },
    },
  });
  const int = wholeNumberFlag;
  const faults = values.faults
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (faults.length === 0 || faults.some((f) => !(FAULTS as readonly string[]).includes(f))) {
    throw new ClusterError(ErrorCode.InvalidArgument, `--faults is a comma-separated list of ${FAULTS.join(', ')}`);
  }
  const o: Options = {
    faults: FAULTS.filter((f) => faults.includes(f)),
    runs: int('runs', values.runs, 1, 50),
    keep: values.keep,
    timeoutMs: int('timeout-s', values['timeout-s'], 10, 3600) * 1000,
    pollMs: int('poll-ms', values['poll-ms'], 10, 5000),
    labPrefix: values['lab-prefix'],
    managers: int('managers', values.managers, 3, 7),
    workers: int('workers', values.workers, 1, 10),
    privileged: privilegedFlag(values.privileged),
  };
  const only = onlyFlag(values.only);
  if (only) o.only = only;
  return o;
}

/** Running containers (full ids) of the service in each node's own engine; a node that does not answer counts none. */
async function running(sys: BenchSystem, nodes: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [n, r] of await dockerInNodes(sys, nodes, runningTaskIdsArgs(sys, SERVICE), COUNT_TIMEOUT_MS))
    out.set(n, r.code === 0 ? r.stdout.split('\n').filter(Boolean) : []);
  return out;
}

const total = (m: Map<string, string[]>): number => [...m.values()].reduce((a, v) => a + v.length, 0);

/**
 * When the last of the replacement containers (running on `nodes`, not among `known` ids) started,
 * from each node's own engine (ms since the epoch; the lab shares this machine's clock).
 */
async function lastReplacementStart(
  sys: BenchSystem,
  nodes: string[],
  known: Set<string>,
): Promise<number | undefined> {
  const m = await running(sys, nodes);
  const starts = await Promise.all(
    [...m].map(async ([n, ids]) => {
      const fresh = ids.filter((id) => !known.has(id));
      if (fresh.length === 0) return [];
      const r = await dockerRun(
        ['exec', sys.lab.containerName(n), 'docker', 'inspect', '-f', '{{.State.StartedAt}}', ...fresh],
        { timeoutMs: COUNT_TIMEOUT_MS },
      );
      return r.code === 0
        ? r.stdout
            .split('\n')
            .filter(Boolean)
            .map((s) => Date.parse(s))
            .filter(Number.isFinite)
        : [];
    }),
  );
  const all = starts.flat();
  return all.length ? Math.max(...all) : undefined;
}
const placementText = (m: Map<string, string[]>): string =>
  [...m]
    .filter(([, ids]) => ids.length)
    .map(([n, ids]) => `${n}:${ids.length}`)
    .join(' ');

class SystemRunner {
  private workloadChecked = false;
  readonly all: string[];
  readonly managers: string[];
  readonly workers: string[];

  constructor(
    readonly sys: BenchSystem,
    nodes: LabNodeInfo[],
    readonly opts: Options,
    readonly log: (l: string) => void,
  ) {
    this.all = nodes.map((n) => n.node);
    this.managers = nodes.filter((n) => n.role === 'manager').map((n) => n.node);
    this.workers = nodes.filter((n) => n.role === 'worker').map((n) => n.node);
  }

  /** The node list from the first manager that answers. */
  private async anyNodeList(): Promise<{ via: string; views: NodeView[] } | undefined> {
    for (const m of this.managers) {
      try {
        return { via: m, views: await this.sys.nodeList(m, NODE_LIST_TIMEOUT_MS) };
      } catch {
        // next manager
      }
    }
    return undefined;
  }

  /** Every node ready, every manager reachable, one leader: the cluster is whole. */
  async waitWhole(timeoutMs: number): Promise<void> {
    await waitFor(
      `the ${this.sys.key} cluster to be whole (every node ready, managers reachable, one leader)`,
      async () => {
        const r = await this.anyNodeList();
        if (!r) return undefined;
        const byName = new Map(r.views.map((v) => [v.hostname, v]));
        const ok =
          this.all.every((n) => byName.get(n)?.ready && (!this.managers.includes(n) || byName.get(n)?.reachable)) &&
          r.views.filter((v) => v.leader).length === 1;
        return ok ? true : undefined;
      },
      labWaitOptions(timeoutMs, 500),
    );
  }

  private async removeServiceAndWait(via: string): Promise<void> {
    await this.sys.removeService(via, SERVICE);
    await waitFor(
      `every ${SERVICE} container gone`,
      async () => (total(await running(this.sys, this.all)) === 0 ? true : undefined),
      labWaitOptions(120_000, 300),
    );
  }

  /** A service left over by a failed run is removed before the next one. */
  private async ensureNoService(via: string): Promise<void> {
    if (total(await running(this.sys, this.all)) === 0) return;
    this.log(`a ${SERVICE} service is left from before: removing it`);
    await this.sys.removeService(via, SERVICE).catch(() => undefined);
    await waitFor(
      `every ${SERVICE} container gone`,
      async () => (total(await running(this.sys, this.all)) === 0 ? true : undefined),
      labWaitOptions(120_000, 300),
    );
  }

  /**
   * Creates the service until pick() names a victim among the nodes running a replica. The rule, the
   * same for both systems: up to PLAIN_PLACEMENTS plain services; after that (a scheduler that breaks
   * ties the same way every time places the same), each new service also excludes one more node
   * that held a replica but is no candidate (`--constraint node.hostname!=X`).
   */
  private async place(
    via: string,
    pick: (placement: Map<string, string[]>) => Promise<{ victim?: string; candidates: string[] }>,
  ): Promise<{ victim: string; placement: Map<string, string[]>; placements: number; excluded: string[] }> {
    const excluded: string[] = [];
    for (let placements = 1; ; placements++) {
      await this.sys.createService(
        via,
        SERVICE,
        REPLICAS,
        excluded.map((n) => `node.hostname!=${n}`),
      );
      const placement = await waitFor(
        `${REPLICAS} running ${SERVICE} replicas`,
        async () => {
          const m = await running(this.sys, this.all);
          return total(m) === REPLICAS ? m : undefined;
        },
        labWaitOptions(120_000, 200),
      );
      if (!this.workloadChecked) {
        await sleep(WORKLOAD_CHECK_MS);
        const again = await running(this.sys, this.all);
        const before = [...placement.values()].flat().sort().join();
        if ([...again.values()].flat().sort().join() !== before) {
          throw new ClusterError(
            ErrorCode.Internal,
            `the workload's containers did not keep running for ${WORKLOAD_CHECK_MS / 1000} s (its default command exits?)`,
          );
        }
        this.log(
          `workload check: ${REPLICAS} replicas of ${this.sys.imageRef} kept running ${WORKLOAD_CHECK_MS / 1000} s (same containers)`,
        );
        this.workloadChecked = true;
      }
      const { victim, candidates } = await pick(placement);
      if (victim) return { victim, placement, placements, excluded };
      if (placements >= MAX_PLACEMENTS)
        throw new ClusterError(ErrorCode.Internal, `no suitable victim after ${placements} placements`);
      let why = 'service created again';
      if (placements >= PLAIN_PLACEMENTS) {
        const x = this.all.find(
          (n) => (placement.get(n)?.length ?? 0) > 0 && !candidates.includes(n) && !excluded.includes(n),
        );
        if (x) {
          excluded.push(x);
          why = `the next service excludes ${excluded.join(', ')} (--constraint node.hostname!=...)`;
        }
      }
      this.log(
        `placement ${placementText(placement)}: no replica on ${candidates.join(' or ') || 'a candidate'}; ${why}`,
      );
      await this.removeServiceAndWait(via);
    }
  }

  async run(fault: FaultKey, runNo: number): Promise<RunRecord> {
    const rec: RunRecord = { system: this.sys.key, fault, run: runNo, ok: false, victim: '' };
    let victim: string | undefined;
    let via = this.managers[0]!;
    let beforeVictimIds: string[] = [];
    try {
      await this.waitWhole(this.opts.timeoutMs);
      const listed = await this.anyNodeList();
      if (!listed) throw new ClusterError(ErrorCode.Unavailable, 'no manager answers');
      via = listed.via;
      await this.ensureNoService(via);
      const placed = await this.place(via, async (placement) => {
        const has = (n: string) => (placement.get(n)?.length ?? 0) > 0;
        if (fault === 'workerKill') return { victim: this.workers.find(has), candidates: this.workers };
        const leader = (await this.sys.nodeList(via, NODE_LIST_TIMEOUT_MS)).find((v) => v.leader)?.hostname;
        return { victim: leader && has(leader) ? leader : undefined, candidates: leader ? [leader] : [] };
      });
      victim = placed.victim;
      rec.victim = victim;
      rec.placements = placed.placements;
      if (placed.excluded.length) rec.excluded = placed.excluded;
      beforeVictimIds = placed.placement.get(victim) ?? [];
      const survivors = this.all.filter((n) => n !== victim);
      const survivorIds = survivors.flatMap((n) => placed.placement.get(n) ?? []);
      const watchVia = this.managers.find((m) => m !== victim)!;
      this.log(
        `${fault} run ${runNo}: replicas ${placementText(placed.placement)}; kill ${victim}${fault === 'leaderKill' ? ' (the leader)' : ''}; watching from ${watchVia}`,
      );

      const t0 = Date.now();
      await this.sys.lab.kill(victim);
      const deadlineMs = t0 + this.opts.timeoutMs;
      let detectAt: number | undefined;
      let downAt: number | undefined;
      let recoveredAt: number | undefined;
      const tookMs: number[] = [];
      const nodes = watch(
        () => this.sys.nodeList(watchVia, PROBE_TIMEOUT_MS),
        (views, at, took) => {
          if (!views) return;
          tookMs.push(took);
          const v = views.find((x) => x.hostname === victim);
          if (v?.down && downAt === undefined) downAt = at;
          if (fault === 'workerKill') {
            if (v?.down && detectAt === undefined) detectAt = at;
          } else if (detectAt === undefined && views.some((x) => x.leader && x.hostname !== victim)) {
            detectAt = at;
          }
        },
        () => detectAt !== undefined && downAt !== undefined,
        {
          intervalMs: this.opts.pollMs,
          busyIntervalMs: PROBE_BUSY_INTERVAL_MS,
          maxInFlight: PROBE_IN_FLIGHT,
          deadlineMs,
        },
      );
      const replicas = watch(
        () => running(this.sys, survivors),
        (m, at) => {
          if (m && total(m) >= REPLICAS && recoveredAt === undefined) recoveredAt = at;
        },
        () => recoveredAt !== undefined,
        { intervalMs: this.opts.pollMs, maxInFlight: 1, deadlineMs },
      );
      await Promise.all([nodes, replicas]);

      const since = (at: number | undefined) => (at === undefined ? undefined : (at - t0) / 1000);
      rec.detectPolledS = since(detectAt);
      rec.recoveredPolledS = since(recoveredAt);
      if (downAt !== undefined) rec.downPolledS = since(downAt);
      // Exact times from the systems' own records and the engines (polling only tells when to look).
      const markedDown =
        downAt === undefined
          ? undefined
          : await this.sys.downSince(watchVia, victim, PROBE_TIMEOUT_MS).catch(() => undefined);
      const started =
        recoveredAt === undefined ? undefined : await lastReplacementStart(this.sys, survivors, new Set(survivorIds));
      const exact = (at: number | undefined, polled: number | undefined) =>
        at !== undefined && polled !== undefined && at >= t0 && at <= polled ? at : polled;
      rec.detectS = since(fault === 'workerKill' ? exact(markedDown, detectAt) : detectAt);
      rec.recoveredS = since(exact(started, recoveredAt));
      const medianTook = median(tookMs);
      if (medianTook !== null) rec.nodeListMs = Math.round(medianTook);
      if (fault === 'leaderKill') {
        rec.downS = since(exact(markedDown, downAt));
        const wait = t0 + RESTART_CHECK_AFTER_MS - Date.now();
        if (wait > 0) await sleep(wait);
        const now = new Set([...(await running(this.sys, survivors)).values()].flat());
        rec.restartedOnSurvivors = survivorIds.filter((id) => !now.has(id)).length;
      }
      rec.ok =
        rec.detectS !== undefined &&
        rec.recoveredS !== undefined &&
        (fault === 'workerKill' || rec.downS !== undefined);
      if (!rec.ok) {
        const missing = [
          rec.detectS === undefined ? 'detection' : '',
          rec.recoveredS === undefined ? 'recovery' : '',
          fault === 'leaderKill' && rec.downS === undefined ? 'down' : '',
        ].filter(Boolean);
        rec.error = `timed out after ${this.opts.timeoutMs / 1000} s waiting for ${missing.join(', ')}`;
      }
      this.log(
        `${fault} run ${runNo}: ${rec.ok ? 'ok' : 'FAILED'}: detect ${rec.detectS === undefined ? '-' : secs(rec.detectS * 1000)}` +
          `${fault === 'leaderKill' ? `, down ${rec.downS === undefined ? '-' : secs(rec.downS * 1000)}` : ''}` +
          `, ${REPLICAS}/${REPLICAS} running on survivors ${rec.recoveredS === undefined ? '-' : secs(rec.recoveredS * 1000)}` +
          ` (polled: detect ${rec.detectPolledS === undefined ? '-' : secs(rec.detectPolledS * 1000)}, running ${rec.recoveredPolledS === undefined ? '-' : secs(rec.recoveredPolledS * 1000)})` +
          `${rec.restartedOnSurvivors !== undefined ? `, replicas restarted on survivors: ${rec.restartedOnSurvivors}` : ''}`,
      );
    } catch (e) {
      rec.ok = false;
      rec.error = e instanceof Error ? e.message : String(e);
      this.log(`${fault} run ${runNo}: FAILED: ${rec.error}`);
    }
    if (victim) await this.restore(victim, beforeVictimIds);
    return rec;
  }

  /** Boots the victim again and waits for the cluster to be whole, its stale replicas gone; removes the service. */
  private async restore(victim: string, staleIds: string[]): Promise<void> {
    let seen = 'nothing yet';
    try {
      const t = Date.now();
      await this.sys.lab.start(victim);
      await waitFor(
        `${victim} back (ready${this.managers.includes(victim) ? ', reachable' : ''}, its old replica gone)`,
        async () => {
          const r = await this.anyNodeList();
          const v = r?.views.find((x) => x.hostname === victim);
          const m = await running(this.sys, this.all);
          const stale = (m.get(victim) ?? []).filter((id) => staleIds.includes(id)).length;
          seen = `${victim} ${v ? `${v.ready ? 'ready' : v.down ? 'down' : 'not ready'}${v.reachable === null ? '' : v.reachable ? ', reachable' : ', unreachable'}` : 'not listed'}; running ${placementText(m) || 'none'}; old replicas running on ${victim}: ${stale}`;
          if (!v?.ready || (this.managers.includes(victim) && !v.reachable)) return undefined;
          if (total(m) !== REPLICAS || stale > 0) return undefined;
          return true;
        },
        labWaitOptions(this.opts.timeoutMs, 500),
      );
      const listed = await this.anyNodeList();
      await this.removeServiceAndWait(listed?.via ?? this.managers[0]!);
      await this.waitWhole(this.opts.timeoutMs);
      this.log(`${victim} back, cluster whole, service removed (${secs(Date.now() - t)})`);
    } catch (e) {
      this.log(
        `restoring after the kill of ${victim} failed: ${e instanceof Error ? e.message : String(e)} (last seen: ${seen})`,
      );
    }
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const systems: SystemKey[] = opts.only ? [opts.only] : ['ours', 'swarm'];
  const records: RunRecord[] = [];
  const imageRefs: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const loadBefore = uptime();
  const t0 = Date.now();
  say(
    `bench: failover, ${systems.join(' then ')}; ${opts.managers} managers + ${opts.workers} workers, ${REPLICAS} replicas; ${opts.runs} run(s) per fault; poll every ${opts.pollMs} ms; timeout ${opts.timeoutMs / 1000} s`,
  );
  say(`bench: load before: ${loadBefore}`);

  let current: Lab | undefined;
  process.once('SIGINT', () => {
    const lab = current;
    say('bench: interrupted' + (lab ? `: removing lab ${lab.cfg.name}` : ''));
    void (lab ? lab.down() : Promise.resolve()).finally(() => process.exit(130));
  });

  for (const [i, key] of systems.entries()) {
    const last = i === systems.length - 1;
    const name = `${opts.labPrefix}-${key}`;
    const log = (l: string) => say(`bench [${key}] ${l}`);
    const lab = new Lab(defaultLabConfig({ name, repoRoot: REPO_ROOT, log: (l) => log(`lab: ${l}`) }));
    if ((await lab.nodes()).length > 0) {
      // Never remove what this run did not create.
      errors[key] = `lab ${name} is already up`;
      log(
        `lab ${name} is already up (from an earlier --keep?): skipped; remove it with \`node packages/lab/dist/bin/lab.js --name ${name} down\``,
      );
      continue;
    }
    current = lab;
    const sys: BenchSystem = key === 'ours' ? new OursSystem(lab) : new SwarmSystem(lab);
    try {
      const tu = Date.now();
      await sys.up({ managers: opts.managers, workers: opts.workers, privileged: opts.privileged });
      const runner = new SystemRunner(sys, await lab.nodes(), opts, log);
      await runner.waitWhole(opts.timeoutMs);
      log(`cluster formed in ${secs(Date.now() - tu)}; image ${sys.imageRef}`);
      imageRefs[key] = sys.imageRef;
      for (const fault of opts.faults) {
        for (let r = 1; r <= opts.runs; r++) {
          const rec = await runner.run(fault, r);
          records.push(rec);
          say(runLine(rec));
        }
      }
    } catch (e) {
      errors[key] = e instanceof Error ? e.message : String(e);
      log(`FAILED: ${errors[key]}`);
    } finally {
      if (opts.keep && last) {
        log(`lab ${name} left up (--keep); remove it with \`node packages/lab/dist/bin/lab.js --name ${name} down\``);
      } else {
        const d = await lab.down();
        log(`lab ${name} removed (${d.containers} containers, ${d.networks} network, ${d.volumes} volumes)`);
      }
      current = undefined;
    }
  }

  const loadAfter = uptime();
  say(`bench: load after: ${loadAfter}`);
  const summary = shapeSummary(records, systems, {
    pollIntervalMs: opts.pollMs,
    nodeListProbe: {
      timeoutMs: PROBE_TIMEOUT_MS,
      busyIntervalMs: PROBE_BUSY_INTERVAL_MS,
      maxInFlight: PROBE_IN_FLIGHT,
    },
    runsPerFault: opts.runs,
    faults: opts.faults,
    timeoutS: opts.timeoutMs / 1000,
    topology: { managers: opts.managers, workers: opts.workers, replicas: REPLICAS },
    images: imageRefs,
    swarmSettings: 'defaults (untuned)',
    restartCheckAfterS: RESTART_CHECK_AFTER_MS / 1000,
    loadBefore,
    loadAfter,
    elapsedS: round2((Date.now() - t0) / 1000),
    ...(Object.keys(errors).length ? { errors } : {}),
  });
  say(JSON.stringify(summary));
  if (Object.keys(errors).length) process.exitCode = 1;
}

runBench(main);
