// The host's Docker engine, through its own command line (Debian's 20.10 client at /usr/bin/docker
// when present). Only packages/lab talks to the host engine.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ClusterError, ErrorCode } from '@clusterctl/common';

export const DOCKER_CLI = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cmd ARGS...`; never throws on a non-zero exit (code -1: it could not run or timed out). */
export function runCommand(
  cmd: string,
  args: string[],
  opts: { timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 32 << 20 },
      (err, stdout, stderr) => {
        const code =
          err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1;
        resolve({ code, stdout, stderr: stderr || (err && code === -1 ? err.message : '') });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Runs `docker ARGS...`; never throws on a non-zero exit. */
export function dockerRun(args: string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<RunResult> {
  return runCommand(DOCKER_CLI, args, opts);
}

/** Runs `docker ARGS...` and returns its stdout; a non-zero exit is a ClusterError with docker's words. */
export async function docker(args: string[], opts: { timeoutMs?: number; hint?: string } = {}): Promise<string> {
  const r = await dockerRun(args, opts);
  if (r.code !== 0) {
    throw new ClusterError(
      ErrorCode.Unavailable,
      `docker ${args.slice(0, 3).join(' ')} failed: ${(r.stderr || r.stdout).trim()}`,
      {
        hint: opts.hint ?? 'is the Docker engine running? (`node scripts/ensure-docker.mjs` starts one)',
      },
    );
  }
  return r.stdout;
}

/**
 * `docker save IMAGE... | docker exec -i CONTAINER docker load`, streamed; images saved together
 * carry the layers they share once.
 */
export function copyImageInto(images: string | readonly string[], container: string): Promise<void> {
  const list = typeof images === 'string' ? [images] : [...images];
  const image = list.join(' ');
  return new Promise((resolve, reject) => {
    const save = spawn(DOCKER_CLI, ['save', ...list], { stdio: ['ignore', 'pipe', 'pipe'] });
    const load = spawn(DOCKER_CLI, ['exec', '-i', container, 'docker', 'load', '-q'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let saveErr = '';
    let loadErr = '';
    let saveCode: number | null | undefined;
    save.stderr.on('data', (d: Buffer) => {
      saveErr += d.toString();
    });
    load.stderr.on('data', (d: Buffer) => {
      loadErr += d.toString();
    });
    save.stdout.pipe(load.stdin);
    load.stdin.on('error', () => {
      /* load died early; reported by its exit code */
    });
    save.on('error', reject);
    load.on('error', reject);
    const settle = (loadCode: number | null) => {
      if (saveCode !== 0)
        reject(
          new ClusterError(ErrorCode.NotFound, `docker save ${image} failed: ${saveErr.trim()}`, {
            hint: `build or pull ${image} on this machine first`,
          }),
        );
      else if (loadCode !== 0)
        reject(
          new ClusterError(ErrorCode.Unavailable, `docker load in ${container} failed: ${loadErr.trim()}`, {
            hint: `is ${container} running? (\`lab status\`)`,
          }),
        );
      else resolve();
    };
    save.on('close', (code) => {
      saveCode = code;
    });
    load.on('close', (code) => {
      if (saveCode === undefined) save.once('close', () => settle(code));
      else settle(code);
    });
  });
}
