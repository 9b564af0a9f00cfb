// A lab cluster on this machine for system tests: real node daemons started through the real CLI
// (`clusterctl init` / `join` / `start`), each with its own data dir, port and hostname, on loopback,
// all sharing the one Docker engine (containers told apart by the com.clusterctl.node.id label).
// Teardown kills the daemons by PID and removes the cluster's containers by label, also when a test
// fails or the process exits early.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, Label, processAlive } from '@clusterctl/common';
import { REPO_ROOT, waitFor } from '@clusterctl/common/testing';

export const CLI = join(REPO_ROOT, 'packages/cli/dist/bin/clusterctl.js');
export const IMAGE = 'clusterctl/busybox:local';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The command as typed (for messages). */
  cmd: string;
}

export interface LabNode {
  name: string;
  dataDir: string;
  /** Managers: their cluster listener. */
  addr: string;
  role: 'manager' | 'worker';
  nodeId: string;
  pid: number;
}

export interface Container {
  id: string;
  name: string;
  state: string;
  nodeId: string;
  taskId: string;
  service: string;
}

/** Runs `node clusterctl.js --data-dir DIR ARGS...`; never throws on a non-zero exit. */
export function runCli(
  dataDir: string,
  args: string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const argv = [CLI, '--data-dir', dataDir, ...args];
  const cmd = `clusterctl --data-dir ${dataDir} ${args.join(' ')}`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { timeout: opts.timeoutMs ?? 120_000, env: { ...process.env, ...opts.env }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code =
          err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1;
        resolve({ code, stdout, stderr, cmd });
      },
    );
  });
}

function docker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('docker', args, { maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`docker ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

export interface LabConfig {
  managers: number;
  workers: number;
  heartbeatPeriod: string;
  nodeGrace: string;
  /** More flags for a node's init or join (e.g. --metrics-addr). */
  nodeArgs?: (name: string) => Promise<string[]>;
}

export const LAB_DEFAULTS: LabConfig = { managers: 3, workers: 2, heartbeatPeriod: '500ms', nodeGrace: '2s' };

export class Lab {
  readonly root = mkdtempSync(join(tmpdir(), 'cc-lab-'));
  readonly nodes = new Map<string, LabNode>();
  clusterId = '';
  workerToken = '';
  managerToken = '';
  /** Every daemon pid ever started (teardown kills those still alive). */
  private readonly pids = new Set<number>();
  private readonly onExit = (): void => this.teardownSync();
  /** Killed by the runner (timeout) or Ctrl-C: clean up, then die of the same signal. */
  private readonly onSignal = (sig: NodeJS.Signals): void => {
    this.teardownSync();
    process.kill(process.pid, sig);
  };
  readonly cfg: LabConfig;

  constructor(cfg: Partial<LabConfig> = {}) {
    this.cfg = { ...LAB_DEFAULTS, ...cfg };
    process.once('exit', this.onExit);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, this.onSignal);
  }

  node(name: string): LabNode {
    const n = this.nodes.get(name);
    if (n === undefined) throw new Error(`no lab node ${name}`);
    return n;
  }

  /** The CLI on one node's data dir. */
  cli(name: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<CliResult> {
    return runCli(this.node(name).dataDir, args, opts);
  }

  /** The CLI with --format json; throws with the CLI's stderr when it fails. */
  async json<T = unknown>(name: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<T> {
    const r = await this.cli(name, ['--format', 'json', ...args], opts);
    if (r.code !== 0) throw new Error(`${r.cmd} exited ${r.code}: ${r.stderr.trim()}`);
    return JSON.parse(r.stdout) as T;
  }

  /** Like cli() but throws unless it exits 0. */
  async ok(name: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<CliResult> {
    const r = await this.cli(name, args, opts);
    if (r.code !== 0) throw new Error(`${r.cmd} exited ${r.code}: ${r.stderr.trim()}`);
    return r;
  }

  private track(
    name: string,
    role: 'manager' | 'worker',
    addr: string,
    ready: { nodeId: string; pid: number },
  ): LabNode {
    const n: LabNode = { name, dataDir: join(this.root, name), addr, role, nodeId: ready.nodeId, pid: ready.pid };
    this.nodes.set(name, n);
    this.pids.add(ready.pid);
    return n;
  }

  /** m1 inits; m2.. join as managers (one at a time), workers join in parallel. */
  async start(): Promise<void> {
    const port1 = await freePort();
    const m1Dir = join(this.root, 'm1');
    const init = await runCli(m1Dir, [
      '--format',
      'json',
      'init',
      '--listen-addr',
      `127.0.0.1:${port1}`,
      '--hostname',
      'm1',
      '--heartbeat-period',
      this.cfg.heartbeatPeriod,
      '--node-grace',
      this.cfg.nodeGrace,
      // many daemons share this machine's engine: none programs the node's network
      '--data-plane',
      'off',
      ...((await this.cfg.nodeArgs?.('m1')) ?? []),
    ]);
    if (init.code !== 0) throw new Error(`init failed (${init.code}): ${init.stderr}`);
    const r = JSON.parse(init.stdout) as {
      nodeId: string;
      pid: number;
      clusterId: string;
      joinTokens: { worker: string; manager: string; managerAddr: string };
    };
    this.clusterId = r.clusterId;
    this.workerToken = r.joinTokens.worker;
    this.managerToken = r.joinTokens.manager;
    const m1 = this.track('m1', 'manager', `127.0.0.1:${port1}`, r);
    for (let i = 2; i <= this.cfg.managers; i++) await this.join(`m${i}`, 'manager', m1.addr);
    await Promise.all(Array.from({ length: this.cfg.workers }, (_, i) => this.join(`w${i + 1}`, 'worker', m1.addr)));
  }

  async join(name: string, role: 'manager' | 'worker', managerAddr: string, token?: string): Promise<LabNode> {
    const dir = join(this.root, name);
    const args = [
      '--format',
      'json',
      'join',
      '--token',
      token ?? (role === 'manager' ? this.managerToken : this.workerToken),
      '--hostname',
      name,
      '--data-plane',
      'off',
    ];
    // workers keep their --listen-addr for a later promotion (they have no listener until then)
    const addr = `127.0.0.1:${await freePort()}`;
    args.push('--listen-addr', addr, ...((await this.cfg.nodeArgs?.(name)) ?? []));
    const j = await runCli(dir, [...args, managerAddr]);
    if (j.code !== 0) throw new Error(`${name}: join failed (${j.code}): ${j.stderr}`);
    return this.track(name, role, addr, JSON.parse(j.stdout) as { nodeId: string; pid: number });
  }

  /** SIGKILL a node's daemon (its containers keep running). */
  async killDaemon(name: string): Promise<void> {
    const n = this.node(name);
    process.kill(n.pid, 'SIGKILL');
    await waitFor(`${name}'s daemon (pid ${n.pid}) to die`, () => !processAlive(n.pid), {
      timeoutMs: 30_000,
      intervalMs: 20,
    });
  }

  /** `clusterctl start`: the daemon of an existing data dir comes back. */
  async restart(name: string): Promise<number> {
    const n = this.node(name);
    // The daemon refuses to start while its pid file names a live process; a killed daemon whose
    // zombie is never reaped by this VM's init would still look alive to it.
    const pidFile = join(n.dataDir, 'daemon.pid');
    if (existsSync(pidFile) && !processAlive(Number(readFileSync(pidFile, 'utf8').trim())))
      rmSync(pidFile, { force: true });
    const t0 = Date.now();
    const r = await runCli(n.dataDir, ['--format', 'json', 'start', '--data-plane', 'off']);
    if (r.code !== 0) throw new Error(`${name}: start failed (${r.code}): ${r.stderr}`);
    const ready = JSON.parse(r.stdout) as { nodeId: string; pid: number };
    n.pid = ready.pid;
    this.pids.add(ready.pid);
    return Date.now() - t0;
  }

  /** The cluster's containers as the engine sees them (all states). */
  async containers(filter: { nodeId?: string; service?: string; running?: boolean } = {}): Promise<Container[]> {
    const args = [
      'ps',
      '-a',
      '--no-trunc',
      '--filter',
      `label=${Label.ClusterId}=${this.clusterId}`,
      '--format',
      '{{json .}}',
    ];
    if (filter.nodeId) args.push('--filter', `label=${Label.NodeId}=${filter.nodeId}`);
    if (filter.service) args.push('--filter', `label=${Label.ServiceName}=${filter.service}`);
    if (filter.running) args.push('--filter', 'status=running');
    const out = await docker(args);
    return out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const c = JSON.parse(l) as { ID: string; Names: string; State: string; Labels: string };
        const labels = Object.fromEntries(
          c.Labels.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
        );
        return {
          id: c.ID,
          name: c.Names,
          state: c.State,
          nodeId: labels[Label.NodeId] ?? '',
          taskId: labels[Label.TaskId] ?? '',
          service: labels[Label.ServiceName] ?? '',
        };
      });
  }

  /** Removes a node's containers (force), as when its machine dies. */
  async removeNodeContainers(nodeId: string): Promise<number> {
    const list = await this.containers({ nodeId });
    if (list.length > 0) await docker(['rm', '-f', ...list.map((c) => c.id)]);
    return list.length;
  }

  async dockerKill(containerId: string): Promise<void> {
    await docker(['kill', containerId]);
  }

  /** Name of the manager the cluster reports as leader (asked through `via`). */
  async leader(via: string): Promise<string> {
    const nodes = await this.json<Array<{ hostname: string; managerStatus: { leader: boolean } | null }>>(via, [
      'node',
      'ls',
    ]);
    const l = nodes.find((n) => n.managerStatus?.leader);
    if (l === undefined) throw new Error('no leader in node ls');
    return l.hostname;
  }

  /** Kills every daemon, removes the cluster's containers, its volumes and the data dirs. */
  async teardown(): Promise<void> {
    this.teardownSync();
    process.off('exit', this.onExit);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(sig, this.onSignal);
  }

  private teardownSync(): void {
    for (const pid of this.pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this.clusterId !== '') {
      const ids =
        spawnSync('docker', ['ps', '-aq', '--filter', `label=${Label.ClusterId}=${this.clusterId}`], {
          encoding: 'utf8',
        })
          .stdout?.trim()
          .split('\n')
          .filter(Boolean) ?? [];
      if (ids.length > 0) spawnSync('docker', ['rm', '-f', ...ids], { stdio: 'ignore' });
      // the named volumes the cluster's tasks created (labelled with the cluster id), once no container uses them
      const volumes =
        spawnSync('docker', ['volume', 'ls', '-q', '--filter', `label=${Label.ClusterId}=${this.clusterId}`], {
          encoding: 'utf8',
        })
          .stdout?.trim()
          .split('\n')
          .filter(Boolean) ?? [];
      if (volumes.length > 0) spawnSync('docker', ['volume', 'rm', '-f', ...volumes], { stdio: 'ignore' });
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A failed CLI call as users see it: the exit code, `error: CODE: message` first, a hint last. */
export function expectError(r: CliResult, exitCode: number, code: string, message?: RegExp): void {
  assert.equal(r.code, exitCode, `${r.cmd}: exit ${r.code}, stderr: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0]!, new RegExp(`^error: ${code}: `), `${r.cmd}: ${r.stderr}`);
  if (message) assert.match(lines[0]!, message);
  assert.match(lines[lines.length - 1]!, /^hint: \S/, `${r.cmd}: a hint is printed`);
}
