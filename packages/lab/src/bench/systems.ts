// The two systems the failover benchmark measures, behind one interface: clusterctl (the lab as
// `lab up` makes it) and Docker Swarm (the same lab topology, swarm mode of the nodes' own engines).
// Each answers with its own node list, read on a manager with its own command line.
import { dockerRun, type RunResult } from '../docker.js';
import { LABEL_SERVICE_NAME, WORKLOAD_IMAGE, type Lab, type PrivilegedMode } from '../lab.js';
import { LabSwarm, SWARM_SERVICE_LABEL, type SwarmNodeRow } from '../swarm.js';
import type { SystemKey } from './stats.js';
import { oursRunningTasks, swarmRunningTasks } from './scale-stats.js';

/** A node as either system's node list shows it. */
export interface NodeView {
  hostname: string;
  down: boolean;
  ready: boolean;
  leader: boolean;
  /** Managers: reachable (or the leader); null for a worker. */
  reachable: boolean | null;
}

/** What the update benchmark changes: an env value (a good update) or the image (a broken one). */
export type ServiceChange = { envAdd: string } | { image: string };

/** The rollout policy both systems get, with Docker's flag meanings. */
export interface RolloutPolicy {
  parallelism: number;
  monitorMs: number;
  failureAction: 'pause' | 'continue' | 'rollback';
}

function rolloutFlags(change: ServiceChange, p: RolloutPolicy): string[] {
  return [
    ...('envAdd' in change ? ['--env-add', change.envAdd] : ['--image', change.image]),
    '--update-parallelism',
    String(p.parallelism),
    '--update-monitor',
    `${p.monitorMs}ms`,
    '--update-failure-action',
    p.failureAction,
  ];
}

export interface TopologyOptions {
  managers: number;
  workers: number;
  privileged: PrivilegedMode;
}

export interface BenchSystem {
  readonly key: SystemKey;
  readonly lab: Lab;
  /** Label key on task containers whose value is the service name. */
  readonly serviceLabel: string;
  /** How the workload image is referenced (for the output). */
  imageRef: string;
  up(topology: TopologyOptions): Promise<void>;
  /** The node list as seen by a manager; throws when the call fails (e.g. no leader, timeout). */
  nodeList(via: string, timeoutMs: number): Promise<NodeView[]>;
  /** constraints: placement constraints such as node.hostname!=m1 (both systems' syntax). */
  createService(via: string, name: string, replicas: number, constraints?: string[]): Promise<void>;
  removeService(via: string, name: string): Promise<void>;
  /** A detached `service scale NAME=REPLICAS` (the scale benchmark). */
  scaleService(via: string, name: string, replicas: number): Promise<void>;
  /** Tasks the system's own task list (`service ps`) shows running and meant to run. */
  runningTasks(via: string, name: string, timeoutMs: number): Promise<number>;
  /** A detached `service update` with a rollout policy (the update benchmark): a new env value or image. */
  updateService(via: string, name: string, change: ServiceChange, policy: RolloutPolicy): Promise<void>;
  /** The service's update state as the system records it ('' before any update). */
  updateState(via: string, name: string): Promise<string>;
  /**
   * When the system marked `node` down (ms since the epoch, this machine's clock: the lab shares
   * the host's kernel clock), read from its own record of the node; undefined if it is not down.
   */
  downSince(via: string, node: string, timeoutMs: number): Promise<number | undefined>;
}

/** `docker ARGS` in every node's own engine at once; each node's answer as it came. */
export async function dockerInNodes(
  sys: BenchSystem,
  nodes: string[],
  args: string[],
  timeoutMs: number,
): Promise<Map<string, RunResult>> {
  const per = await Promise.all(
    nodes.map(
      async (n) => [n, await dockerRun(['exec', sys.lab.containerName(n), 'docker', ...args], { timeoutMs })] as const,
    ),
  );
  return new Map(per);
}

/** `docker ps` arguments for the full ids of the running task containers of service `name`. */
export const runningTaskIdsArgs = (sys: BenchSystem, name: string): string[] => [
  'ps',
  '-q',
  '--no-trunc',
  '--filter',
  `label=${sys.serviceLabel}=${name}`,
  '--filter',
  'status=running',
];

interface OursNodeJson {
  hostname: string;
  status?: { state?: string; timestamp?: number };
  managerStatus?: { leader?: boolean; reachability?: string } | null;
}

/** `clusterctl --format json node ls` as NodeViews. */
export function oursNodeViews(json: string): NodeView[] {
  const list = JSON.parse(json) as OursNodeJson[];
  return list.map((n) => {
    const state = n.status?.state ?? '';
    const ms = n.managerStatus ?? null;
    return {
      hostname: n.hostname,
      down: state === 'down',
      ready: state === 'ready',
      leader: ms?.leader === true,
      reachable: ms === null ? null : ms.leader === true || ms.reachability === 'reachable',
    };
  });
}

/** `docker node ls` rows as NodeViews. */
export function swarmNodeViews(rows: SwarmNodeRow[]): NodeView[] {
  return rows.map((r) => ({
    hostname: r.hostname,
    down: r.status === 'Down',
    ready: r.status === 'Ready',
    leader: r.managerStatus === 'Leader',
    reachable: r.managerStatus === '' ? null : r.managerStatus === 'Leader' || r.managerStatus === 'Reachable',
  }));
}

export class OursSystem implements BenchSystem {
  readonly key = 'ours' as const;
  readonly serviceLabel = LABEL_SERVICE_NAME;
  imageRef = `${WORKLOAD_IMAGE} (by tag; clusterctl never pulls an image present on the node)`;
  /** Each node's data plane (off: no cluster network, tasks on the engine's default bridge). */
  dataPlane: 'on' | 'off' = 'on';

  constructor(readonly lab: Lab) {}

  async up(t: TopologyOptions): Promise<void> {
    await this.lab.up({ ...t, images: [], ...(this.dataPlane === 'off' ? { nodeArgs: ['--data-plane', 'off'] } : {}) });
  }

  async nodeList(via: string, timeoutMs: number): Promise<NodeView[]> {
    const r = await dockerRun(['exec', this.lab.containerName(via), 'clusterctl', '--format', 'json', 'node', 'ls'], {
      timeoutMs,
    });
    if (r.code !== 0) throw new Error(`clusterctl node ls on ${via}: exit ${r.code}: ${(r.stderr || r.stdout).trim()}`);
    return oursNodeViews(r.stdout);
  }

  async createService(via: string, name: string, replicas: number, constraints: string[] = []): Promise<void> {
    const c = constraints.flatMap((x) => ['--constraint', x]);
    await this.lab.clusterctl(this.lab.containerName(via), [
      'service',
      'create',
      '--detach',
      '--name',
      name,
      '--replicas',
      String(replicas),
      ...c,
      WORKLOAD_IMAGE,
    ]);
  }

  async removeService(via: string, name: string): Promise<void> {
    await this.lab.clusterctl(this.lab.containerName(via), ['service', 'rm', name]);
  }

  async scaleService(via: string, name: string, replicas: number): Promise<void> {
    await this.lab.clusterctl(this.lab.containerName(via), ['service', 'scale', '--detach', `${name}=${replicas}`]);
  }

  async runningTasks(via: string, name: string, timeoutMs: number): Promise<number> {
    const out = await this.lab.clusterctl(
      this.lab.containerName(via),
      ['--format', 'json', 'service', 'ps', name],
      timeoutMs,
    );
    return oursRunningTasks(out);
  }

  async updateService(via: string, name: string, change: ServiceChange, policy: RolloutPolicy): Promise<void> {
    await this.lab.clusterctl(this.lab.containerName(via), [
      'service',
      'update',
      '--detach',
      ...rolloutFlags(change, policy),
      name,
    ]);
  }

  async updateState(via: string, name: string): Promise<string> {
    const out = await this.lab.clusterctl(this.lab.containerName(via), [
      '--format',
      'json',
      'service',
      'inspect',
      name,
    ]);
    const [s] = JSON.parse(out) as { updateStatus?: { state?: string } | null }[];
    return s?.updateStatus?.state ?? '';
  }

  /** The node record's status timestamp: set by the leader when it marked the node down. */
  async downSince(via: string, node: string, timeoutMs: number): Promise<number | undefined> {
    const r = await dockerRun(['exec', this.lab.containerName(via), 'clusterctl', '--format', 'json', 'node', 'ls'], {
      timeoutMs,
    });
    if (r.code !== 0) return undefined;
    return oursDownSince(r.stdout, node);
  }
}

/** From `clusterctl --format json node ls`: when `hostname` was marked down, if it is down. */
export function oursDownSince(json: string, hostname: string): number | undefined {
  const n = (JSON.parse(json) as OursNodeJson[]).find((x) => x.hostname === hostname);
  return n?.status?.state === 'down' && typeof n.status.timestamp === 'number' && n.status.timestamp > 0
    ? n.status.timestamp
    : undefined;
}

/** From `docker node inspect -f '{{.Status.State}} {{.UpdatedAt}}'`: the node object's last update, if it is down. */
export function swarmDownSince(out: string): number | undefined {
  const [state, updatedAt] = out.trim().split(/\s+/);
  if (state !== 'down' || updatedAt === undefined) return undefined;
  const t = Date.parse(updatedAt);
  return Number.isFinite(t) ? t : undefined;
}

export type SwarmBenchNetwork = 'none' | 'bridge' | 'overlay';
const SWARM_BENCH_NETWORK = 'bench-net';

export class SwarmSystem implements BenchSystem {
  readonly key = 'swarm' as const;
  readonly serviceLabel = SWARM_SERVICE_LABEL;
  imageRef = '';
  private readonly swarm: LabSwarm;
  private imageId = '';
  /**
   * Services created from now on name the image by its tag instead (the scale benchmark measures
   * both): then every start first tries a registry pull, which fails here, before using the local image.
   */
  imageByName = false;
  /**
   * The network the service's tasks join: none (the engine's default bridge, Swarm's default), a
   * swarm-scoped bridge network (each node's own bridge with the engine's embedded DNS, as our
   * cluster network), or an overlay network (VXLAN; endpoint mode dnsrr, as this kernel has no IPVS).
   */
  network: SwarmBenchNetwork = 'none';
  private networkMade = false;

  constructor(readonly lab: Lab) {
    this.swarm = new LabSwarm(lab);
  }

  async up(t: TopologyOptions): Promise<void> {
    const { specs } = await this.lab.upNodes({ ...t, images: [] });
    // The ID the inner engines know the loaded image by (content-addressed: the host's ID).
    const m1 = specs[0]!.node;
    this.imageId = (await this.swarm.docker(m1, ['image', 'inspect', '-f', '{{.Id}}', WORKLOAD_IMAGE])).trim();
    this.imageRef = `${this.imageId} (${WORKLOAD_IMAGE} by image ID: no registry pull before each start)`;
    await this.swarm.form(specs);
  }

  async nodeList(via: string, timeoutMs: number): Promise<NodeView[]> {
    return swarmNodeViews(await this.swarm.nodeLs(via, timeoutMs));
  }

  async createService(via: string, name: string, replicas: number, constraints: string[] = []): Promise<void> {
    const image = this.imageByName ? WORKLOAD_IMAGE : this.imageId;
    const flags: string[] = [];
    if (this.network !== 'none') {
      if (!this.networkMade) {
        const driver = this.network === 'bridge' ? ['--driver', 'bridge', '--scope', 'swarm'] : ['--driver', 'overlay'];
        await this.swarm.docker(via, ['network', 'create', ...driver, SWARM_BENCH_NETWORK]);
        this.networkMade = true;
      }
      flags.push('--network', SWARM_BENCH_NETWORK);
      if (this.network === 'overlay') flags.push('--endpoint-mode', 'dnsrr');
    }
    await this.swarm.serviceCreate(via, name, replicas, image, constraints, flags);
  }

  async removeService(via: string, name: string): Promise<void> {
    await this.swarm.serviceRm(via, name);
  }

  async scaleService(via: string, name: string, replicas: number): Promise<void> {
    await this.swarm.docker(via, ['service', 'scale', '--detach', `${name}=${replicas}`]);
  }

  async runningTasks(via: string, name: string, timeoutMs: number): Promise<number> {
    const out = await this.swarm.docker(
      via,
      ['service', 'ps', name, '--filter', 'desired-state=running', '--format', '{{.CurrentState}}'],
      timeoutMs,
    );
    return swarmRunningTasks(out);
  }

  async updateService(via: string, name: string, change: ServiceChange, policy: RolloutPolicy): Promise<void> {
    // --no-resolve-image: no registry lookup (the image is referenced by ID, or is the broken one)
    await this.swarm.docker(via, [
      'service',
      'update',
      '--detach',
      '--no-resolve-image',
      ...rolloutFlags(change, policy),
      name,
    ]);
  }

  async updateState(via: string, name: string): Promise<string> {
    const out = await this.swarm.docker(via, [
      'service',
      'inspect',
      '-f',
      '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}',
      name,
    ]);
    return out.trim();
  }

  /** The node object's UpdatedAt: the manager updates it when it marks the node down. */
  async downSince(via: string, node: string, timeoutMs: number): Promise<number | undefined> {
    const out = await this.swarm
      .docker(via, ['node', 'inspect', '-f', '{{.Status.State}} {{.UpdatedAt}}', node], timeoutMs)
      .catch(() => '');
    return swarmDownSince(out);
  }
}
