#!/usr/bin/env node
// `npm run bench:mesh`: the routing mesh, in the docker-in-docker lab (1 manager + 2 workers), one
// run, side by side. A service `web` (global on the workers: one replica each, none replaced when a
// worker dies; busybox `sleep`) publishes port 8080 -> 8000; in each task's network namespace a
// Node HTTP server (mesh-server) answers "NODE CALLER-ADDRESS". A client container on the lab network runs the load generator
// (mesh-load: C clients on raw sockets, keep-alive, then a new connection per request) against:
//   direct            w1's task address, port 8000, routed by the client through w1 (no NAT)
//   meshNoReplica     m1:8080 (m1 runs no replica: DNAT to either worker's task, no SNAT)
//   meshWithReplica   w1:8080 (a node with a replica: spread over both workers)
// then, under load on m1:8080 (a new connection per request, so every request is a new decision of
// the mesh) from a second client container that has not used the other paths, w2 is killed: failed
// requests in all, by second after the kill, and those started after the leader marked w2 down
// (aim 0), and how long after that w2's endpoint left m1's and w1's rules.
// Docker Swarm's routing mesh is tried on the same topology in a second lab (the nodes' own
// engines in swarm mode, the same service with -p 8080:8000); where the kernel has no IPVS it is
// reported unavailable with the engine's own words.
// Progress lines, one JSON line per system, and as the LAST line
// {"ours":{...},"swarm":{...},"ratio":{"meshVsDirect":...,"meshLocalVsDirect":...},"meta":{...}}.
//
// Flags: --duration-s S (5) per measurement  --connections C (16)  --rounds N (1)
//        --kill-load-s S (20)  --timeout-ms MS (1000) per request under the kill
//        --only ours|swarm  --lab-prefix P (bench-mesh)  --privileged auto|yes|no
//        --trace DIR  (ours) what happens on m1 and w1 around the kill, written to DIR (startKillTrace)
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataPaths, DEFAULT_DATA_DIR, Label } from '@clusterctl/common';
import { REPO_ROOT, sleep, waitFor } from '@clusterctl/common/testing';
import { docker, dockerRun } from '../docker.js';
import {
  LAB_NODE_IMAGE,
  LABEL_LAB,
  Lab,
  WORKLOAD_IMAGE,
  labWaitOptions,
  type LabNodeInfo,
  type PrivilegedMode,
} from '../lab.js';
import { LabSwarm, SWARM_SERVICE_LABEL } from '../swarm.js';
import type { LoadResult } from './mesh-load.js';
import { measureInLabs, runBench, say, onlyFlag, privilegedFlag, wholeNumberFlag } from './lab-runs.js';
import { round2, type SystemKey } from './stats.js';

const SERVICE = 'web';
const PUBLISHED = 8080;
const TARGET = 8000;
const SERVER_JS = join(REPO_ROOT, 'packages/lab/dist/bench/mesh-server.js');
const LOAD_JS = join(REPO_ROOT, 'packages/lab/dist/bench/mesh-load.js');

interface Options {
  durationMs: number;
  connections: number;
  rounds: number;
  killLoadMs: number;
  timeoutMs: number;
  only?: SystemKey;
  labPrefix: string;
  privileged: PrivilegedMode;
  trace?: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'duration-s': { type: 'string', default: '5' },
      connections: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '1' },
      'kill-load-s': { type: 'string', default: '20' },
      'timeout-ms': { type: 'string', default: '1000' },
      only: { type: 'string' },
      'lab-prefix': { type: 'string', default: 'bench-mesh' },
      privileged: { type: 'string', default: 'auto' },
      trace: { type: 'string' },
    },
  });
  const int = wholeNumberFlag;
  const o: Options = {
    durationMs: int('duration-s', values['duration-s'], 1, 120) * 1000,
    connections: int('connections', values.connections, 1, 256),
    rounds: int('rounds', values.rounds, 1, 10),
    killLoadMs: int('kill-load-s', values['kill-load-s'], 8, 300) * 1000,
    timeoutMs: int('timeout-ms', values['timeout-ms'], 100, 10_000),
    labPrefix: values['lab-prefix'],
    privileged: privilegedFlag(values.privileged),
  };
  const only = onlyFlag(values.only);
  if (only) o.only = only;
  if (values.trace !== undefined) o.trace = values.trace;
  return o;
}

/** One path's figures: keep-alive requests/s and new connections/s with their latencies. */
export interface PathRecord {
  target: string;
  keepAlive: { rps: number; p50Ms: number | null; p99Ms: number | null; failed: number };
  newConnections: { perS: number; p50Ms: number | null; p99Ms: number | null; failed: number };
  /** Every answer came from the client's own address. */
  clientIpKept: boolean;
  /** Answers per backend node (both modes). */
  backends: Record<string, number>;
}

export interface NodeKillRecord {
  killed: string;
  requests: number;
  failed: number;
  failedAfterDownMarked: number;
  /** From the kill to the leader's down-marking. */
  downMarkedAfterKillMs: number | null;
  /** From the down-marking to the killed node's endpoint gone from each surviving node's rules. */
  endpointGoneAfterDownMs?: Record<string, number | null>;
  errors: string[];
  /** The failures after the down-marking, by reason. */
  reasonsAfterDownMarked: Record<string, number>;
  /** Failed requests by the second after the kill they started in (index 0: the first second). */
  failedBySecondAfterKill: number[];
}

export interface MeshRecord {
  system: SystemKey;
  ok: boolean;
  available?: boolean;
  reason?: string;
  paths?: Partial<Record<'direct' | 'meshNoReplica' | 'meshWithReplica', PathRecord>>;
  nodeKill?: NodeKillRecord;
  error?: string;
}

interface TaskInfo {
  node: string;
  container: string;
  id: string;
  pid: number;
  ip: string;
}

/** `sh -c SCRIPT` in a lab node; stdout, or a ClusterError. */
async function onNode(lab: Lab, node: string, script: string, timeoutMs = 60_000): Promise<string> {
  return docker(['exec', lab.containerName(node), 'sh', '-c', script], { timeoutMs });
}

/** Running task containers of the service on the given nodes, with their pid and first address. */
async function tasksOf(lab: Lab, label: string, nodes: string[], network?: string): Promise<TaskInfo[]> {
  const out: TaskInfo[] = [];
  for (const node of nodes) {
    const r = await dockerRun(
      [
        'exec',
        lab.containerName(node),
        'docker',
        'ps',
        '-q',
        '--filter',
        `label=${label}=${SERVICE}`,
        '--filter',
        'status=running',
      ],
      { timeoutMs: 10_000 },
    );
    if (r.code !== 0) continue;
    for (const id of r.stdout.split('\n').filter(Boolean)) {
      const fmt =
        network === undefined
          ? '{{.State.Pid}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}'
          : `{{.State.Pid}} {{(index .NetworkSettings.Networks "${network}").IPAddress}}`;
      const i = await dockerRun(['exec', lab.containerName(node), 'docker', 'inspect', '-f', fmt, id], {
        timeoutMs: 10_000,
      });
      const [pid, ip] = i.stdout.trim().split(/\s+/);
      if (i.code === 0 && Number(pid) > 0)
        out.push({ node, container: lab.containerName(node), id, pid: Number(pid), ip: ip ?? '' });
    }
  }
  return out;
}

/** The backend in each task's network namespace (detached; it dies with the task or the node). */
async function startServers(tasks: TaskInfo[]): Promise<void> {
  for (const t of tasks)
    await docker([
      'exec',
      '-d',
      t.container,
      'nsenter',
      '-t',
      String(t.pid),
      '-n',
      'node',
      SERVER_JS,
      String(TARGET),
      t.node,
    ]);
}

/**
 * A client container on the lab network: the lab node image (node from the host, the repo mounted).
 * The node kill is measured from a second one (`kill-client`) that has not used the other paths:
 * one client that reaches the same task through several addresses (its own address, w1:8080,
 * m1:8080) within conntrack's two minutes of TIME_WAIT reuses its source ports across them, and w1's
 * conntrack then remaps the port of some connections entered on m1, of which a few went unanswered
 * for a second; that is not what the kill measures.
 */
async function startClient(lab: Lab, routes: Array<{ dst: string; via: string }>, suffix = 'client'): Promise<string> {
  const name = `${lab.cfg.name}-${suffix}`;
  await docker([
    'run',
    '-d',
    '--name',
    name,
    '--label',
    `${LABEL_LAB}=${lab.cfg.name}`,
    '--network',
    lab.networkName,
    '--cap-add',
    'NET_ADMIN',
    '--sysctl',
    'net.ipv4.conf.all.accept_redirects=0',
    '--sysctl',
    'net.ipv4.ip_local_port_range=10000 65000',
    '-v',
    `${REPO_ROOT}:${REPO_ROOT}:ro`,
    '-v',
    `${lab.cfg.nodeBinary}:/usr/local/bin/node:ro`,
    '--entrypoint',
    'sleep',
    LAB_NODE_IMAGE,
    'infinity',
  ]);
  for (const r of routes) await docker(['exec', name, 'ip', 'route', 'replace', `${r.dst}/32`, 'via', r.via]);
  return name;
}

async function load(
  client: string,
  target: { host: string; port: number },
  mode: 'keepalive' | 'close',
  connections: number,
  durationMs: number,
  timeoutMs: number,
): Promise<LoadResult> {
  const args = ['--host', target.host, '--port', String(target.port), '--mode', mode];
  args.push(
    '--connections',
    String(connections),
    '--duration-ms',
    String(durationMs),
    '--timeout-ms',
    String(timeoutMs),
  );
  const r = await dockerRun(['exec', client, 'node', LOAD_JS, ...args], { timeoutMs: durationMs + 60_000 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !last.startsWith('{'))
    throw new Error(`load generator on ${target.host}:${target.port} failed (exit ${r.code}): ${r.stderr.trim()}`);
  return JSON.parse(last) as LoadResult;
}

/** Waits until one request to the target is answered. */
async function answered(client: string, target: { host: string; port: number }, timeoutMs: number): Promise<void> {
  await waitFor(
    `${target.host}:${target.port} answering`,
    async () => {
      const r = await dockerRun(
        [
          'exec',
          client,
          'node',
          LOAD_JS,
          '--probe',
          '--host',
          target.host,
          '--port',
          String(target.port),
          '--timeout-ms',
          '1000',
        ],
        { timeoutMs: 10_000 },
      );
      return r.code === 0 ? true : undefined;
    },
    labWaitOptions(timeoutMs, 300),
  );
}

function mergeBackends(...rs: LoadResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rs) for (const [k, v] of Object.entries(r.backends)) out[k] = (out[k] ?? 0) + v;
  return out;
}

const mean = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : round2(v.reduce((a, b) => a + b, 0) / v.length);
};

/** Every path, keep-alive then new connections, interleaved across rounds; the mean of the rounds. */
async function measurePaths(
  client: string,
  paths: Array<[keyof NonNullable<MeshRecord['paths']>, { host: string; port: number }]>,
  opts: Options,
  log: (l: string) => void,
): Promise<NonNullable<MeshRecord['paths']>> {
  const raw = new Map<string, { ka: LoadResult[]; close: LoadResult[] }>();
  for (let round = 1; round <= opts.rounds; round++) {
    for (const [key, target] of paths) {
      const ka = await load(client, target, 'keepalive', opts.connections, opts.durationMs, 5_000);
      const close = await load(client, target, 'close', opts.connections, opts.durationMs, 5_000);
      log(
        `round ${round} ${key} (${target.host}:${target.port}): keep-alive ${ka.rps} req/s p50 ${ka.p50Ms} ms p99 ${ka.p99Ms} ms; ` +
          `new connections ${close.rps}/s p50 ${close.p50Ms} ms p99 ${close.p99Ms} ms; client IP kept ${ka.clientIpKept + close.clientIpKept}/${ka.ok + close.ok}; ` +
          `backends ${JSON.stringify(mergeBackends(ka, close))}; failed ${ka.failed + close.failed}; load ${loadavg()[0]!.toFixed(1)}`,
      );
      let e = raw.get(key);
      if (!e) raw.set(key, (e = { ka: [], close: [] }));
      e.ka.push(ka);
      e.close.push(close);
    }
  }
  const out: NonNullable<MeshRecord['paths']> = {};
  for (const [key, target] of paths) {
    const { ka, close } = raw.get(key)!;
    const all = [...ka, ...close];
    out[key] = {
      target: `${target.host}:${target.port}`,
      keepAlive: {
        rps: Math.round(mean(ka.map((r) => r.rps))!),
        p50Ms: mean(ka.map((r) => r.p50Ms)),
        p99Ms: mean(ka.map((r) => r.p99Ms)),
        failed: ka.reduce((a, r) => a + r.failed, 0),
      },
      newConnections: {
        perS: Math.round(mean(close.map((r) => r.rps))!),
        p50Ms: mean(close.map((r) => r.p50Ms)),
        p99Ms: mean(close.map((r) => r.p99Ms)),
        failed: close.reduce((a, r) => a + r.failed, 0),
      },
      clientIpKept: all.every((r) => r.clientIpKept === r.ok) && all.some((r) => r.ok > 0),
      backends: mergeBackends(...all),
    };
  }
  return out;
}

/**
 * Load through `entry` (a new connection per request) while `victim` is killed: failures in all and
 * after the system marked the victim down; `watchGone` (optional, started just before the kill)
 * resolves with when the victim's endpoint left each surviving node's rules (ms since the epoch).
 */
async function measureNodeKill(
  lab: Lab,
  client: string,
  entry: { host: string; port: number },
  victim: string,
  downSince: () => Promise<number | undefined>,
  opts: Options,
  log: (l: string) => void,
  watchGone?: () => Promise<Record<string, number | null>>,
  afterLoad?: (r: LoadResult, killedAt: number, downAt: number | undefined) => Promise<void>,
): Promise<NodeKillRecord> {
  const running = load(client, entry, 'close', opts.connections, opts.killLoadMs, opts.timeoutMs);
  await sleep(2_000);
  const goneAt = watchGone?.();
  const killedAt = Date.now();
  await lab.kill(victim);
  log(`killed ${victim} under load on ${entry.host}:${entry.port}`);
  const downAt = await waitFor(
    `${victim} marked down`,
    async () => await downSince(),
    labWaitOptions(Math.max(5_000, opts.killLoadMs - 4_000), 100),
  ).catch(() => undefined);
  const r = await running;
  await afterLoad?.(r, killedAt, downAt);
  const gone = goneAt ? await goneAt : undefined;
  const afterDown = downAt === undefined ? r.failures : r.failures.filter(([t]) => t >= downAt);
  const reasons: Record<string, number> = {};
  for (const [, why] of afterDown) reasons[why] = (reasons[why] ?? 0) + 1;
  const bySecond: number[] = [];
  for (const [t] of r.failures) {
    const i = Math.max(0, Math.floor((t - killedAt) / 1000));
    while (bySecond.length <= i) bySecond.push(0);
    bySecond[i]!++;
  }
  const rec: NodeKillRecord = {
    killed: victim,
    requests: r.ok + r.failed,
    failed: r.failed,
    failedAfterDownMarked: downAt === undefined ? r.failed : afterDown.length,
    downMarkedAfterKillMs: downAt === undefined ? null : downAt - killedAt,
    errors: [...new Set(r.failures.map(([, why]) => why))].slice(0, 5),
    reasonsAfterDownMarked: reasons,
    failedBySecondAfterKill: bySecond,
  };
  if (gone && downAt !== undefined) {
    rec.endpointGoneAfterDownMs = Object.fromEntries(
      Object.entries(gone).map(([n, t]) => [n, t === null ? null : t - downAt]),
    );
  }
  log(
    `node kill: ${rec.requests} requests, ${rec.failed} failed, ${rec.failedAfterDownMarked} of them started after ${victim} was marked down ` +
      `(${rec.downMarkedAfterKillMs} ms after the kill; ${JSON.stringify(reasons)}); by second after the kill ${JSON.stringify(bySecond)}; endpoint gone from the rules ` +
      `${JSON.stringify(rec.endpointGoneAfterDownMs ?? null)} ms after; load ${loadavg()[0]!.toFixed(1)}`,
  );
  return rec;
}

/**
 * --trace DIR (ours): first a control run of the same load through the same entry without a kill;
 * then, during the kill, on m1 and w1: `ip monitor`, `nft monitor` (timestamped), conntrack events
 * of the killed task's address, counters (conntrack, nstat of the node and of w1's task) before and
 * after, and after the load the conntrack tables, rules, routes, neighbours and daemon logs; with
 * each failed request's start and source port (kill.json). Returns what runs after the load.
 */
async function startKillTrace(
  lab: Lab,
  client: string,
  entry: { host: string; port: number },
  tasks: TaskInfo[],
  dir: string,
  opts: Options,
  log: (l: string) => void,
): Promise<(r: LoadResult, killedAt: number, downAt: number | undefined) => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const control = await load(client, entry, 'close', opts.connections, 10_000, opts.timeoutMs);
  writeFileSync(join(dir, 'control.json'), JSON.stringify(control));
  log(`trace: control run without a kill: ${control.ok} answered, ${control.failed} failed`);
  const backend = tasks.find((t) => t.node === 'w1')!;
  const victim = tasks.find((t) => t.node === 'w2')!;
  const nodes = ['m1', 'w1'];
  const T = '/tmp/clusterctl-trace';
  for (const n of nodes) {
    const c = lab.containerName(n);
    await onNode(
      lab,
      n,
      `mkdir -p ${T}; conntrack -S > ${T}/conntrack-stats-before.txt 2>&1; nstat -az > ${T}/nstat-before.txt; true`,
    );
    await docker(['exec', '-d', c, 'sh', '-c', `ip -ts monitor all > ${T}/ip-monitor.txt 2>&1`]);
    await docker([
      ...['exec', '-d', c, 'sh', '-c'],
      `nft monitor 2>&1 | while read -r l; do echo "$(date +%s%3N) $l"; done > ${T}/nft-monitor.txt`,
    ]);
    await docker([
      ...['exec', '-d', c, 'sh', '-c'],
      `conntrack -E -p tcp -o timestamp 2>&1 | grep --line-buffered -F '${victim.ip}' > ${T}/conntrack-events-killed.txt`,
    ]);
  }
  const taskNstat = (when: string): Promise<string> =>
    onNode(lab, 'w1', `nsenter -t ${backend.pid} -n nstat -az > ${T}/task-nstat-${when}.txt; true`);
  await taskNstat('before');
  return async (r, killedAt, downAt) => {
    writeFileSync(
      join(dir, 'kill.json'),
      JSON.stringify({ killedAt, downAt, ok: r.ok, failed: r.failed, failures: r.failures }),
    );
    await taskNstat('after');
    for (const n of nodes) {
      await onNode(
        lab,
        n,
        `conntrack -S > ${T}/conntrack-stats-after.txt 2>&1; nstat -az > ${T}/nstat-after.txt; ` +
          `conntrack -L -p tcp > ${T}/conntrack.txt 2>&1; ip rule > ${T}/rules.txt; ip route show table all > ${T}/routes.txt; ` +
          `ip neigh > ${T}/neigh.txt; nft list ruleset > ${T}/ruleset.txt; cp ${dataPaths(DEFAULT_DATA_DIR).log} ${T}/; true`,
        120_000,
      );
      await docker(['cp', `${lab.containerName(n)}:${T}`, join(dir, n)]);
    }
    log(`trace: written to ${dir}`);
  };
}

interface OursNodeJson {
  hostname: string;
  status?: { state?: string; timestamp?: number };
}

async function oursDownSince(lab: Lab, hostname: string): Promise<number | undefined> {
  const r = await dockerRun(['exec', lab.containerName('m1'), 'clusterctl', '--format', 'json', 'node', 'ls'], {
    timeoutMs: 10_000,
  });
  if (r.code !== 0) return undefined;
  const n = (JSON.parse(r.stdout) as OursNodeJson[]).find((x) => x.hostname === hostname);
  return n?.status?.state === 'down' && typeof n.status.timestamp === 'number' && n.status.timestamp > 0
    ? n.status.timestamp
    : undefined;
}

function nodeIp(nodes: LabNodeInfo[], node: string): string {
  const n = nodes.find((x) => x.node === node);
  if (!n) throw new Error(`no lab node ${node}`);
  return n.ip;
}

async function measureOurs(lab: Lab, opts: Options, log: (l: string) => void): Promise<MeshRecord> {
  await lab.up({ managers: 1, workers: 2, privileged: opts.privileged, images: [] });
  const nodes = await lab.nodes();
  const [m1, w1] = [nodeIp(nodes, 'm1'), nodeIp(nodes, 'w1')];
  await lab.clusterctl(lab.containerName('m1'), [
    'service',
    'create',
    '--detach',
    '--name',
    SERVICE,
    '--mode',
    'global',
    '--constraint',
    'node.role==worker',
    '-p',
    `${PUBLISHED}:${TARGET}`,
    WORKLOAD_IMAGE,
    'sleep',
    '1000000',
  ]);
  const tasks = await waitFor(
    'a web task with its cluster address on each worker',
    async () => {
      const t = await tasksOf(lab, Label.ServiceName, ['w1', 'w2'], 'clusterctl0');
      return t.length === 2 && new Set(t.map((x) => x.node)).size === 2 && t.every((x) => x.ip !== '') ? t : undefined;
    },
    labWaitOptions(120_000, 500),
  );
  await startServers(tasks);
  const onW1 = tasks.find((t) => t.node === 'w1')!;
  // each task's address routed through its own node: the shortest path, no NAT
  const client = await startClient(
    lab,
    tasks.map((t) => ({ dst: t.ip, via: nodeIp(nodes, t.node) })),
  );
  const paths: Array<[keyof NonNullable<MeshRecord['paths']>, { host: string; port: number }]> = [
    ['direct', { host: onW1.ip, port: TARGET }],
    ['meshNoReplica', { host: m1, port: PUBLISHED }],
    ['meshWithReplica', { host: w1, port: PUBLISHED }],
  ];
  for (const [, target] of paths) await answered(client, target, 60_000);
  log(`web answering on ${paths.map(([k, t]) => `${k} ${t.host}:${t.port}`).join(', ')}`);
  const rec: MeshRecord = { system: 'ours', ok: false, available: true };
  rec.paths = await measurePaths(client, paths, opts, log);

  const victim = tasks.find((t) => t.node === 'w2')!;
  // On each surviving node, a loop that prints the time (the shared kernel clock) once w2's endpoint
  // is no longer in the node's nft rules.
  const watchGone = async (): Promise<Record<string, number | null>> => {
    const out: Record<string, number | null> = {};
    const script =
      `i=0; while nft list table ip clusterctl | grep -qF ' ${victim.ip}'; do sleep 0.02; i=$((i+1)); ` +
      `[ $i -gt ${Math.ceil(opts.killLoadMs / 20)} ] && exit 1; done; date +%s%3N`;
    await Promise.all(
      ['m1', 'w1'].map(async (n) => {
        const r = await dockerRun(['exec', lab.containerName(n), 'sh', '-c', script], {
          timeoutMs: opts.killLoadMs + 60_000,
        });
        out[n] = r.code === 0 && /^\d+$/.test(r.stdout.trim()) ? Number(r.stdout.trim()) : null;
      }),
    );
    return out;
  };
  // a client that has not used the other paths (see startClient)
  const killClient = await startClient(lab, [], 'kill-client');
  const entry = { host: m1, port: PUBLISHED };
  const trace =
    opts.trace === undefined ? undefined : await startKillTrace(lab, killClient, entry, tasks, opts.trace, opts, log);
  rec.nodeKill = await measureNodeKill(
    lab,
    killClient,
    entry,
    'w2',
    () => oursDownSince(lab, 'w2'),
    opts,
    log,
    watchGone,
    trace,
  );
  rec.ok = true;
  return rec;
}

async function swarmDownSince(swarm: LabSwarm, node: string): Promise<number | undefined> {
  const out = await swarm
    .docker('m1', ['node', 'inspect', '-f', '{{.Status.State}} {{.UpdatedAt}}', node], 10_000)
    .catch(() => '');
  const [state, updatedAt] = out.trim().split(/\s+/);
  if (state !== 'down' || updatedAt === undefined) return undefined;
  const t = Date.parse(updatedAt);
  return Number.isFinite(t) ? t : undefined;
}

async function measureSwarm(lab: Lab, opts: Options, log: (l: string) => void): Promise<MeshRecord> {
  const { specs } = await lab.upNodes({ managers: 1, workers: 2, privileged: opts.privileged, images: [] });
  const swarm = new LabSwarm(lab);
  const imageId = (await swarm.docker('m1', ['image', 'inspect', '-f', '{{.Id}}', WORKLOAD_IMAGE])).trim();
  await swarm.form(specs);
  await swarm.docker('m1', [
    'service',
    'create',
    '--detach',
    '--no-resolve-image',
    '--name',
    SERVICE,
    '--mode',
    'global',
    '--constraint',
    'node.role==worker',
    '-p',
    `${PUBLISHED}:${TARGET}`,
    imageId,
    'sleep',
    '1000000',
  ]);
  const tasks = await waitFor(
    'a web task on each worker',
    async () => {
      const t = await tasksOf(lab, SWARM_SERVICE_LABEL, ['w1', 'w2']);
      return t.length === 2 && new Set(t.map((x) => x.node)).size === 2 ? t : undefined;
    },
    labWaitOptions(120_000, 500),
  );
  await startServers(tasks);
  const nodes = await lab.nodes();
  const [m1, w1] = [nodeIp(nodes, 'm1'), nodeIp(nodes, 'w1')];
  const client = await startClient(lab, []);
  const rec: MeshRecord = { system: 'swarm', ok: false };
  // The engine's own words about its load balancer (IPVS), from the manager's dockerd log.
  const ipvs = await onNode(lab, 'm1', 'test -e /proc/net/ip_vs && echo present || echo absent');
  const words = (await onNode(lab, 'm1', 'grep -i ipvs /var/log/dockerd.log | head -n 3 || true'))
    .split('\n')
    .filter(Boolean)
    .map((l) => /msg="([^"]+)"/.exec(l)?.[1] ?? l.trim());
  const reachable = await answered(client, { host: m1, port: PUBLISHED }, 20_000).then(
    () => true,
    () => false,
  );
  if (!reachable) {
    rec.available = false;
    rec.reason =
      `port ${PUBLISHED} does not answer on m1 (IPVS ${ipvs.trim()} in this kernel)` +
      (words.length > 0 ? `; dockerd: ${[...new Set(words)].join(' / ')}` : '');
    log(`routing mesh unavailable: ${rec.reason}`);
    rec.ok = true;
    return rec;
  }
  rec.available = true;
  await answered(client, { host: w1, port: PUBLISHED }, 20_000);
  rec.paths = await measurePaths(
    client,
    [
      ['meshNoReplica', { host: m1, port: PUBLISHED }],
      ['meshWithReplica', { host: w1, port: PUBLISHED }],
    ],
    opts,
    log,
  );
  rec.nodeKill = await measureNodeKill(
    lab,
    await startClient(lab, [], 'kill-client'),
    { host: m1, port: PUBLISHED },
    'w2',
    () => swarmDownSince(swarm, 'w2'),
    opts,
    log,
  );
  rec.ok = true;
  return rec;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const systems: SystemKey[] = opts.only ? [opts.only] : ['ours', 'swarm'];
  const t0 = Date.now();
  const loadAtStart = loadavg().map(round2);
  say(
    `bench: mesh, ${systems.join(' then ')}; 1 manager + 2 workers, a global service on the 2 workers; ${opts.connections} clients, ` +
      `${opts.durationMs / 1000} s per measurement, ${opts.rounds} round(s); node kill under ${opts.killLoadMs / 1000} s of load`,
  );
  const records = await measureInLabs<MeshRecord>(systems, opts.labPrefix, (key, lab, log) =>
    key === 'ours' ? measureOurs(lab, opts, log) : measureSwarm(lab, opts, log),
  );
  const p = records.ours?.paths;
  const direct = p?.direct?.keepAlive.rps;
  const ratio =
    direct !== undefined && direct > 0
      ? {
          meshVsDirect: p?.meshNoReplica ? round2(p.meshNoReplica.keepAlive.rps / direct) : null,
          meshLocalVsDirect: p?.meshWithReplica ? round2(p.meshWithReplica.keepAlive.rps / direct) : null,
        }
      : null;
  say(
    JSON.stringify({
      ours: records.ours ?? null,
      swarm: records.swarm ?? null,
      ratio,
      meta: {
        topology: { managers: 1, workers: 2 },
        service: 'global on the workers (one replica per worker)',
        connections: opts.connections,
        durationS: opts.durationMs / 1000,
        rounds: opts.rounds,
        killLoadS: opts.killLoadMs / 1000,
        requestTimeoutMsUnderKill: opts.timeoutMs,
        loadAvg: { start: loadAtStart, end: loadavg().map(round2) },
        elapsedS: round2((Date.now() - t0) / 1000),
      },
    }),
  );
}

runBench(main);
