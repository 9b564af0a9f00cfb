// Docker Swarm mode on a lab's inner engines (the peer the failover benchmark compares with): the lab
// nodes' own Docker 20.10 engines form a swarm with `docker swarm init` / `join`, default settings.
// Only the command line of the inner engines is used, through `docker exec NODE docker ...`.
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { dockerRun } from './docker.js';
import type { Lab, NodeSpec } from './lab.js';

/** Swarm's label on task containers naming their service. */
export const SWARM_SERVICE_LABEL = 'com.docker.swarm.service.name';
export const SWARM_PORT = 2377;

/** One row of `docker node ls`. */
export interface SwarmNodeRow {
  id: string;
  /** The row of the node the command ran on (`*` after its id). */
  self: boolean;
  hostname: string;
  /** Ready | Down | Unknown | Disconnected */
  status: string;
  /** Active | Pause | Drain */
  availability: string;
  /** Leader | Reachable | Unreachable, '' for a worker */
  managerStatus: string;
  engineVersion: string;
}

const COLUMNS = ['ID', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION'] as const;

/**
 * Parses the default table of `docker node ls`. The columns are aligned (tabwriter): each cell starts
 * where its header starts, and a worker's MANAGER STATUS cell is blank. Throws on text without the header.
 */
export function parseSwarmNodeLs(text: string): SwarmNodeRow[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0] ?? '';
  const starts = COLUMNS.map((c) => {
    const m = new RegExp(`(^|\\s)${c}(\\s|$)`).exec(header);
    return m ? m.index + m[1]!.length : -1;
  });
  if (starts[0] !== 0 || starts.slice(1, 5).some((s) => s < 0))
    throw new Error(`not the table of docker node ls: ${JSON.stringify(header)}`);
  const present = COLUMNS.map((c, i) => ({ c, start: starts[i]! })).filter((x) => x.start >= 0);
  return lines.slice(1).map((line) => {
    const cell = (c: (typeof COLUMNS)[number]): string => {
      const i = present.findIndex((x) => x.c === c);
      if (i < 0) return '';
      const end = i + 1 < present.length ? present[i + 1]!.start : line.length;
      return line.slice(present[i]!.start, end).trim();
    };
    const idCell = cell('ID');
    return {
      id: idCell.replace(/\s*\*$/, ''),
      self: /\*$/.test(idCell),
      hostname: cell('HOSTNAME'),
      status: cell('STATUS'),
      availability: cell('AVAILABILITY'),
      managerStatus: cell('MANAGER STATUS'),
      engineVersion: cell('ENGINE VERSION'),
    };
  });
}

/** A swarm formed on a lab's nodes (the lab's node containers must be up, with no cluster in them). */
export class LabSwarm {
  constructor(readonly lab: Lab) {}

  /** `docker ARGS` in a node's own engine; stdout, or a ClusterError with docker's words. */
  async docker(node: string, args: string[], timeoutMs = 60_000): Promise<string> {
    const container = this.lab.containerName(node);
    const r = await dockerRun(['exec', container, 'docker', ...args], { timeoutMs });
    if (r.code !== 0) {
      throw new ClusterError(
        ErrorCode.Internal,
        `in ${container}: docker ${args.join(' ')} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim()}`,
      );
    }
    return r.stdout;
  }

  /**
   * `docker swarm init --advertise-addr IP` on the first manager, then `docker swarm join` on the
   * others one at a time (managers with the manager token). Default settings: nothing tuned.
   */
  async form(specs: NodeSpec[]): Promise<void> {
    const log = this.lab.cfg.log;
    const [first, ...rest] = specs;
    if (!first || first.role !== 'manager') throw new Error('the first node must be a manager');
    log(`${first.node}: docker swarm init --advertise-addr ${first.ip}`);
    await this.docker(first.node, ['swarm', 'init', '--advertise-addr', first.ip]);
    const workerToken = (await this.docker(first.node, ['swarm', 'join-token', '-q', 'worker'])).trim();
    const managerToken = (await this.docker(first.node, ['swarm', 'join-token', '-q', 'manager'])).trim();
    const addr = `${first.ip}:${SWARM_PORT}`;
    for (const s of rest) {
      const token = s.role === 'manager' ? managerToken : workerToken;
      log(`${s.node}: docker swarm join --token ${token.slice(0, 18)}... ${addr} (${s.role})`);
      await this.docker(s.node, ['swarm', 'join', '--advertise-addr', s.ip, '--token', token, addr], 120_000);
    }
  }

  /** `docker node ls` on a manager, parsed. */
  async nodeLs(node: string, timeoutMs = 10_000): Promise<SwarmNodeRow[]> {
    return parseSwarmNodeLs(await this.docker(node, ['node', 'ls'], timeoutMs));
  }

  /**
   * `docker service create --detach --name NAME --replicas N IMAGE` on a manager. Pass the image by
   * its ID (sha256:...): the executor then skips the registry pull it tries before every start of an
   * image referenced by tag (no registry is reachable here); --no-resolve-image likewise skips the
   * client's digest lookup.
   */
  async serviceCreate(
    node: string,
    name: string,
    replicas: number,
    image: string,
    constraints: string[] = [],
    flags: string[] = [],
  ): Promise<string> {
    const c = constraints.flatMap((x) => ['--constraint', x]);
    return (
      await this.docker(node, [
        'service',
        'create',
        '--detach',
        '--no-resolve-image',
        '--name',
        name,
        '--replicas',
        String(replicas),
        ...c,
        ...flags,
        image,
      ])
    ).trim();
  }

  async serviceRm(node: string, name: string): Promise<void> {
    await this.docker(node, ['service', 'rm', name]);
  }
}
