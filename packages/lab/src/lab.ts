// A docker-in-docker lab: each node is a container of the host engine with its own Docker engine
// inside, running the real clusterctl node daemon, on a lab network with fixed addresses. Everything
// the lab creates carries the label com.clusterctl.lab=NAME, and `down` removes exactly that.
import { existsSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ClusterError, dataPaths, DEFAULT_DATA_DIR, ErrorCode, Label } from '@clusterctl/common';
import { waitFor, type WaitForOptions } from '@clusterctl/common/testing';
import { copyImageInto, docker, dockerRun } from './docker.js';

export const LABEL_LAB = 'com.clusterctl.lab';
export const LABEL_LAB_NODE = 'com.clusterctl.lab.node';
export const LABEL_LAB_ROLE = 'com.clusterctl.lab.role';
export const LABEL_LAB_IP = 'com.clusterctl.lab.ip';
export const LABEL_SERVICE_NAME = Label.ServiceName;
export const LAB_NODE_IMAGE = 'clusterctl/lab-node:latest';
export const WORKLOAD_IMAGE = 'clusterctl/busybox:local';
export const CLUSTER_PORT = 4280;
/** The lab network is the first free 10.210.N.0/24. */
const SUBNET_PREFIX = '10.210';
const SUBNET_TRIES = 64;
/** Inside a node: written by the entrypoint once its engine answers (and the daemon was started). */
const NODE_READY_FILE = '/run/lab-node-ready';
/** The set that works where --privileged does not (machine facts): all caps but SYS_RESOURCE. */
const UNPRIVILEGED_FLAGS = [
  '--cap-add',
  'ALL',
  '--cap-drop',
  'SYS_RESOURCE',
  '--security-opt',
  'seccomp=unconfined',
  '--security-opt',
  'apparmor=unconfined',
  '--security-opt',
  'systempaths=unconfined',
  '--device-cgroup-rule',
  'a *:* rwm',
];
const PARTITION_CHAIN = 'LAB-PARTITION';

export type Role = 'manager' | 'worker';
export type PrivilegedMode = 'auto' | 'yes' | 'no';

export interface LabConfig {
  /** Lab name: container names NAME-m1..., label value. */
  name: string;
  /** The clusterctl checkout (mounted read-only at the same path in every node). */
  repoRoot: string;
  /** The node binary to mount into nodes (the host's). */
  nodeBinary: string;
  image: string;
  /** Progress lines. */
  log: (line: string) => void;
}

export interface LabNodeInfo {
  node: string;
  container: string;
  role: Role;
  ip: string;
  /** running | paused | exited | created | ... */
  state: string;
  /** Attached to the lab network (false after `partition NODE`). */
  connected: boolean;
}

export interface UpOptions {
  managers: number;
  workers: number;
  privileged: PrivilegedMode;
  images: string[];
  /** Daemon options every node's `clusterctl init` / `join` gets (e.g. `--data-plane off`). */
  nodeArgs?: string[];
}

/** A node as `upNodes` planned it: name, role and fixed address. */
export interface NodeSpec {
  node: string;
  role: Role;
  ip: string;
}

export interface UpNodesResult {
  specs: NodeSpec[];
  privileged: boolean;
  elapsedMs: number;
}

export interface UpResult {
  nodes: LabNodeInfo[];
  elapsedMs: number;
  privileged: boolean;
}

/** The lab's waits: poll until check() yields a value; its errors end the wait; TIMEOUT on timeout. */
export function labWaitOptions(timeoutMs: number, intervalMs = 200): WaitForOptions {
  return { timeoutMs, intervalMs, rethrow: () => true, timeoutError: (m) => new ClusterError(ErrorCode.Timeout, m) };
}

export function defaultLabConfig(overrides: Partial<LabConfig> & { repoRoot: string }): LabConfig {
  return {
    name: 'lab',
    nodeBinary: realpathSync(process.execPath),
    image: LAB_NODE_IMAGE,
    log: () => {},
    ...overrides,
  };
}

export class Lab {
  readonly cfg: LabConfig;

  constructor(cfg: LabConfig) {
    if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(cfg.name)) {
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid lab name ${JSON.stringify(cfg.name)}`, {
        hint: 'use lowercase letters, digits and dashes',
      });
    }
    this.cfg = cfg;
  }

  get networkName(): string {
    return `clusterctl-${this.cfg.name}`;
  }

  containerName(node: string): string {
    return `${this.cfg.name}-${node}`;
  }

  /** "m1", "lab-m1" -> the node of this lab, or NOT_FOUND. */
  async resolve(nodeOrContainer: string): Promise<LabNodeInfo> {
    const nodes = await this.nodes();
    const n = nodes.find((x) => x.node === nodeOrContainer || x.container === nodeOrContainer);
    if (!n) {
      throw new ClusterError(ErrorCode.NotFound, `no node ${nodeOrContainer} in lab ${this.cfg.name}`, {
        hint: nodes.length
          ? `nodes: ${nodes.map((x) => x.node).join(', ')}`
          : 'the lab is not up: `lab up --managers 3 --workers 2`',
      });
    }
    return n;
  }

  /** The lab's node containers, managers first, in name order. */
  async nodes(): Promise<LabNodeInfo[]> {
    const ids = (await docker(['ps', '-aq', '--filter', `label=${LABEL_LAB}=${this.cfg.name}`]))
      .split('\n')
      .filter(Boolean);
    if (ids.length === 0) return [];
    const out = await docker(['inspect', ...ids]);
    const raw = JSON.parse(out) as Array<{
      Name: string;
      State: { Status: string };
      Config: { Labels: Record<string, string> };
      NetworkSettings: { Networks: Record<string, unknown> };
    }>;
    const nodes = raw
      .filter((c) => c.Config.Labels[LABEL_LAB_NODE])
      .map((c) => ({
        node: c.Config.Labels[LABEL_LAB_NODE]!,
        container: c.Name.replace(/^\//, ''),
        role: c.Config.Labels[LABEL_LAB_ROLE] as Role,
        ip: c.Config.Labels[LABEL_LAB_IP]!,
        state: c.State.Status,
        connected: Object.hasOwn(c.NetworkSettings.Networks, this.networkName),
      }));
    return nodes.sort((a, b) =>
      a.role === b.role ? a.node.localeCompare(b.node, 'en', { numeric: true }) : a.role === 'manager' ? -1 : 1,
    );
  }

  /**
   * The lab's node containers only: network, node containers (each with its engine answering) and
   * images loaded into every inner engine; no `clusterctl init`/`join`, so the inner engines are free
   * for something else (the failover benchmark forms a Docker Swarm on them). `up()` starts with this.
   */
  async upNodes(opts: UpOptions): Promise<UpNodesResult> {
    const t0 = Date.now();
    const log = this.cfg.log;
    if (opts.managers < 1)
      throw new ClusterError(ErrorCode.InvalidArgument, 'a lab needs at least one manager', {
        hint: '--managers 1 or more',
      });
    if ((await this.nodes()).length > 0) {
      throw new ClusterError(ErrorCode.AlreadyExists, `lab ${this.cfg.name} is already up`, {
        hint: `\`lab status\` shows it; \`lab down\` removes it`,
      });
    }
    await this.ensureImage();
    const privileged = await this.choosePrivileged(opts.privileged);
    log(
      `${opts.managers} managers, ${opts.workers} workers (${privileged ? '--privileged' : 'capabilities without --privileged'})`,
    );
    const subnet = await this.createNetwork();
    log(`network ${this.networkName} ${subnet}.0/24`);

    const specs: NodeSpec[] = [];
    for (let i = 1; i <= opts.managers; i++) specs.push({ node: `m${i}`, role: 'manager', ip: `${subnet}.${10 + i}` });
    for (let i = 1; i <= opts.workers; i++) specs.push({ node: `w${i}`, role: 'worker', ip: `${subnet}.${100 + i}` });

    const tc = Date.now();
    await Promise.all(specs.map((s) => this.runNode(s, privileged)));
    await Promise.all(specs.map((s) => this.waitReady(this.containerName(s.node), 60_000)));
    log(
      `${specs.length} node containers up, each with its own Docker engine (${((Date.now() - tc) / 1000).toFixed(1)} s)`,
    );

    const images = opts.images.length ? opts.images : [WORKLOAD_IMAGE];
    const ti = Date.now();
    await this.loadImages(
      images,
      specs.map((s) => this.containerName(s.node)),
    );
    log(`loaded ${images.join(', ')} into every node's engine (${((Date.now() - ti) / 1000).toFixed(1)} s)`);
    return { specs, privileged, elapsedMs: Date.now() - t0 };
  }

  async up(opts: UpOptions): Promise<UpResult> {
    const t0 = Date.now();
    const log = this.cfg.log;
    const { specs, privileged } = await this.upNodes(opts);

    const [first, ...rest] = specs;
    const m1 = this.containerName(first!.node);
    const addr = `${first!.ip}:${CLUSTER_PORT}`;
    log(`${first!.node}: clusterctl init --advertise-addr ${addr}`);
    await this.clusterctl(m1, [
      'init',
      '--listen-addr',
      `0.0.0.0:${CLUSTER_PORT}`,
      '--advertise-addr',
      addr,
      '--hostname',
      first!.node,
      ...(opts.nodeArgs ?? []),
    ]);
    const workerToken = (await this.clusterctl(m1, ['join-token', '-q', 'worker'])).trim();
    const managerToken = (await this.clusterctl(m1, ['join-token', '-q', 'manager'])).trim();
    // One at a time: each manager join is a raft membership change.
    for (const s of rest) {
      const token = s.role === 'manager' ? managerToken : workerToken;
      log(`${s.node}: clusterctl join --token ${token.slice(0, 18)}... ${addr} (${s.role})`);
      const args = ['join', '--token', token, '--hostname', s.node, ...(opts.nodeArgs ?? [])];
      if (s.role === 'manager')
        args.push('--listen-addr', `0.0.0.0:${CLUSTER_PORT}`, '--advertise-addr', `${s.ip}:${CLUSTER_PORT}`);
      args.push(addr);
      await this.clusterctl(this.containerName(s.node), args);
    }
    return { nodes: await this.nodes(), elapsedMs: Date.now() - t0, privileged };
  }

  /** A new node joins the running lab (real `clusterctl join` with a token from a manager). */
  async add(role: Role, images: string[] = []): Promise<LabNodeInfo> {
    const nodes = await this.nodes();
    const manager = nodes.find((n) => n.role === 'manager' && n.state === 'running' && n.connected);
    if (!manager)
      throw new ClusterError(ErrorCode.FailedPrecondition, `lab ${this.cfg.name} has no running manager`, {
        hint: '`lab up` first, or `lab start` a manager',
      });
    const subnet = manager.ip.split('.').slice(0, 3).join('.');
    const prefix = role === 'manager' ? 'm' : 'w';
    let i = 1;
    while (nodes.some((n) => n.node === `${prefix}${i}`)) i++;
    const spec: NodeSpec = { node: `${prefix}${i}`, role, ip: `${subnet}.${(role === 'manager' ? 10 : 100) + i}` };
    const container = this.containerName(spec.node);
    const privileged =
      (await dockerRun(['inspect', '-f', '{{.HostConfig.Privileged}}', manager.container])).stdout.trim() === 'true';
    await this.runNode(spec, privileged);
    await this.waitReady(container, 60_000);
    await this.loadImages(images.length ? images : [WORKLOAD_IMAGE], [container]);
    const token = (await this.clusterctl(manager.container, ['join-token', '-q', role])).trim();
    const args = ['join', '--token', token, '--hostname', spec.node];
    if (role === 'manager')
      args.push('--listen-addr', `0.0.0.0:${CLUSTER_PORT}`, '--advertise-addr', `${spec.ip}:${CLUSTER_PORT}`);
    args.push(`${manager.ip}:${CLUSTER_PORT}`);
    this.cfg.log(
      `${spec.node}: clusterctl join --token ${token.slice(0, 18)}... ${manager.ip}:${CLUSTER_PORT} (${role})`,
    );
    await this.clusterctl(container, args);
    return this.resolve(spec.node);
  }

  /** Runs clusterctl in a node; its output, or a ClusterError carrying clusterctl's own error lines. */
  async clusterctl(container: string, args: string[], timeoutMs = 120_000): Promise<string> {
    const r = await dockerRun(['exec', container, 'clusterctl', ...args], { timeoutMs });
    if (r.code !== 0) {
      throw new ClusterError(
        ErrorCode.Internal,
        `in ${container}: clusterctl ${args.join(' ')} failed (exit ${r.code}):\n${(r.stderr + r.stdout).trim()}`,
        {
          hint: `look inside: docker exec -it ${container} sh (daemon log: ${dataPaths(DEFAULT_DATA_DIR).log})`,
        },
      );
    }
    return r.stdout;
  }

  async down(): Promise<{ containers: number; networks: number; volumes: number }> {
    const filter = ['--filter', `label=${LABEL_LAB}=${this.cfg.name}`];
    const ids = (await docker(['ps', '-aq', ...filter])).split('\n').filter(Boolean);
    if (ids.length) await docker(['rm', '-f', '-v', ...ids]);
    const nets = (await docker(['network', 'ls', '-q', ...filter])).split('\n').filter(Boolean);
    if (nets.length) await docker(['network', 'rm', ...nets]);
    const vols = (await docker(['volume', 'ls', '-q', ...filter])).split('\n').filter(Boolean);
    if (vols.length) await docker(['volume', 'rm', '-f', ...vols]);
    return { containers: ids.length, networks: nets.length, volumes: vols.length };
  }

  /** Crash: SIGKILL the node container (its daemon, engine and task containers die with it). */
  async kill(node: string): Promise<LabNodeInfo> {
    const n = await this.resolve(node);
    await docker(['kill', n.container]);
    return n;
  }

  /** Boot a killed or stopped node again: its engine starts, then its daemon (`clusterctl start`). */
  async start(node: string): Promise<LabNodeInfo> {
    const n = await this.resolve(node);
    if (n.state === 'paused') await docker(['unpause', n.container]);
    else if (n.state !== 'running') await docker(['start', n.container]);
    await this.waitReady(n.container, 60_000);
    return n;
  }

  async pause(node: string): Promise<LabNodeInfo> {
    const n = await this.resolve(node);
    await docker(['pause', n.container]);
    return n;
  }

  async unpause(node: string): Promise<LabNodeInfo> {
    const n = await this.resolve(node);
    await docker(['unpause', n.container]);
    return n;
  }

  /**
   * Without `from`: the node leaves the lab network (a full partition). With `from`: the two nodes
   * drop each other's packets (raw table, PREROUTING and OUTPUT, in both nodes).
   */
  async partition(node: string, from?: string): Promise<string> {
    const n = await this.resolve(node);
    if (from === undefined) {
      if (!n.connected) return `${n.node} is already cut off`;
      await docker(['network', 'disconnect', this.networkName, n.container]);
      return `${n.node} cut off from every node`;
    }
    const o = await this.resolve(from);
    if (o.node === n.node)
      throw new ClusterError(ErrorCode.InvalidArgument, 'a node cannot be partitioned from itself');
    for (const [a, b] of [
      [n, o],
      [o, n],
    ] as const) {
      if (a.state !== 'running')
        throw new ClusterError(ErrorCode.FailedPrecondition, `${a.node} is ${a.state}`, {
          hint: `\`lab start ${a.node}\` first`,
        });
      await this.ensurePartitionChain(a.container);
      await docker(['exec', a.container, 'iptables', '-t', 'raw', '-A', PARTITION_CHAIN, '-s', b.ip, '-j', 'DROP']);
      await docker(['exec', a.container, 'iptables', '-t', 'raw', '-A', PARTITION_CHAIN, '-d', b.ip, '-j', 'DROP']);
    }
    return `${n.node} and ${o.node} cut off from each other`;
  }

  /** Undo every partition: reconnect nodes with their address, flush the drop rules. */
  async heal(): Promise<string[]> {
    const done: string[] = [];
    for (const n of await this.nodes()) {
      if (!n.connected) {
        await docker(['network', 'connect', '--ip', n.ip, this.networkName, n.container]);
        done.push(`${n.node} reconnected`);
      }
      if (n.state === 'running') {
        const r = await dockerRun(['exec', n.container, 'iptables', '-t', 'raw', '-F', PARTITION_CHAIN]);
        if (r.code === 0) done.push(`${n.node}: drop rules flushed`);
      }
    }
    return done;
  }

  /** Copy host images into every running node's engine (saved together: shared layers copied once). */
  async loadImages(images: string[], containers?: string[]): Promise<void> {
    const targets = containers ?? (await this.nodes()).filter((n) => n.state === 'running').map((n) => n.container);
    if (images.length > 0) await Promise.all(targets.map((c) => copyImageInto(images, c)));
  }

  /** Running task containers of a service (or all task containers) in every running node's engine. */
  async taskContainers(service?: string): Promise<Array<{ node: string; name: string }>> {
    const nodes = (await this.nodes()).filter((n) => n.state === 'running');
    const filter = service ? `label=${LABEL_SERVICE_NAME}=${service}` : `label=${Label.TaskId}`;
    const per = await Promise.all(
      nodes.map(async (n) => {
        const r = await dockerRun(
          [
            'exec',
            n.container,
            'docker',
            'ps',
            '-q',
            '--filter',
            filter,
            '--filter',
            'status=running',
            '--format',
            '{{.Names}}',
          ],
          { timeoutMs: 20_000 },
        );
        return r.code === 0
          ? r.stdout
              .split('\n')
              .filter(Boolean)
              .map((name) => ({ node: n.node, name }))
          : [];
      }),
    );
    return per.flat();
  }

  private async ensurePartitionChain(container: string): Promise<void> {
    const have = await dockerRun(['exec', container, 'iptables', '-t', 'raw', '-S', PARTITION_CHAIN]);
    if (have.code === 0) return;
    await docker(['exec', container, 'iptables', '-t', 'raw', '-N', PARTITION_CHAIN]);
    await docker(['exec', container, 'iptables', '-t', 'raw', '-I', 'PREROUTING', '-j', PARTITION_CHAIN]);
    await docker(['exec', container, 'iptables', '-t', 'raw', '-I', 'OUTPUT', '-j', PARTITION_CHAIN]);
  }

  private async waitReady(container: string, timeoutMs: number): Promise<void> {
    await waitFor(
      `${container} to be ready (its engine answering)`,
      async () => {
        const r = await dockerRun(['exec', container, 'test', '-f', NODE_READY_FILE], { timeoutMs: 10_000 });
        if (r.code === 0) return true;
        const st = await dockerRun(['inspect', '-f', '{{.State.Status}}', container]);
        if (st.stdout.trim() === 'exited') {
          const logs = await dockerRun(['logs', '--tail', '20', container]);
          throw new ClusterError(
            ErrorCode.Internal,
            `${container} exited while starting:\n${(logs.stdout + logs.stderr).trim()}`,
          );
        }
        return undefined;
      },
      labWaitOptions(timeoutMs),
    );
  }

  private async ensureImage(): Promise<void> {
    const have = await dockerRun(['image', 'inspect', '-f', '{{.Id}}', this.cfg.image]);
    if (have.code === 0) return;
    const script = join(this.cfg.repoRoot, 'scripts/build-lab-image.mjs');
    if (this.cfg.image !== LAB_NODE_IMAGE || !existsSync(script)) {
      throw new ClusterError(ErrorCode.NotFound, `no image ${this.cfg.image}`, {
        hint: 'build it with `node scripts/build-lab-image.mjs`',
      });
    }
    this.cfg.log(`building the lab node image (node scripts/build-lab-image.mjs)...`);
    const r = spawnSync(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0)
      throw new ClusterError(ErrorCode.Internal, 'building the lab node image failed', {
        hint: 'see the output above',
      });
  }

  private async choosePrivileged(mode: PrivilegedMode): Promise<boolean> {
    if (mode !== 'auto') return mode === 'yes';
    const r = await dockerRun(
      ['run', '--rm', '--privileged', '--network', 'none', '--entrypoint', 'true', this.cfg.image],
      { timeoutMs: 60_000 },
    );
    return r.code === 0;
  }

  private async createNetwork(): Promise<string> {
    let last = '';
    for (let n = 0; n < SUBNET_TRIES; n++) {
      const subnet = `${SUBNET_PREFIX}.${n}`;
      const r = await dockerRun([
        'network',
        'create',
        '--driver',
        'bridge',
        '--label',
        `${LABEL_LAB}=${this.cfg.name}`,
        '--subnet',
        `${subnet}.0/24`,
        this.networkName,
      ]);
      if (r.code === 0) return subnet;
      last = r.stderr.trim();
      if (!/overlap/i.test(last)) break;
    }
    throw new ClusterError(ErrorCode.Unavailable, `could not create network ${this.networkName}: ${last}`, {
      hint: `\`lab down --name ${this.cfg.name}\` removes a leftover one`,
    });
  }

  private async runNode(s: NodeSpec, privileged: boolean): Promise<void> {
    const container = this.containerName(s.node);
    const labels = [
      `${LABEL_LAB}=${this.cfg.name}`,
      `${LABEL_LAB_NODE}=${s.node}`,
      `${LABEL_LAB_ROLE}=${s.role}`,
      `${LABEL_LAB_IP}=${s.ip}`,
    ];
    const volume = `${container}-docker`;
    await docker(['volume', 'create', '--label', `${LABEL_LAB}=${this.cfg.name}`, volume]);
    const args = ['run', '-d', '--name', container, '--hostname', s.node, '--init'];
    for (const l of labels) args.push('--label', l);
    args.push('--network', this.networkName, '--ip', s.ip);
    args.push(...(privileged ? ['--privileged'] : UNPRIVILEGED_FLAGS));
    args.push(
      '-v',
      `${volume}:/var/lib/docker`,
      '-v',
      `${this.cfg.repoRoot}:${this.cfg.repoRoot}:ro`,
      '-v',
      `${this.cfg.nodeBinary}:/usr/local/bin/node:ro`,
      '-e',
      `LAB_REPO=${this.cfg.repoRoot}`,
      this.cfg.image,
    );
    await docker(args);
  }
}
