// Starts the node daemon by running its compiled entry file by path (the CLI never imports it), in
// the background (detached; stdout/stderr to DATA_DIR/daemon.out, so the daemon never writes to a
// pipe of a CLI that has exited) or in the foreground (attached; signals forwarded). Waits for the
// daemon's JSON "ready" line, or its JSON "failed" line (code, message, hint: @clusterctl/common
// failedLine), which becomes a ClusterError as it is. A daemon that exits without either (a crash) is
// INTERNAL with the end of its output.
// Secrets never pass through the command line (readable by every local user in /proc/PID/cmdline)
// or a file: a join token goes to the daemon's stdin (`--join - ADDR`), and the ready line, which
// carries the join tokens after init, comes back on a pipe of its own (fd 3, `--ready-fd 3`).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDataDir, ClusterError, dataPaths, ErrorCode, parseFailedLine } from '@clusterctl/common';

/** The daemon's entry: CLUSTERCTL_DAEMON_ENTRY, else the workspace's packages/daemon/dist/bin/node-daemon.js. */
export function daemonEntry(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLUSTERCTL_DAEMON_ENTRY) return resolve(env.CLUSTERCTL_DAEMON_ENTRY);
  return join(dirname(fileURLToPath(import.meta.url)), '../../daemon/dist/bin/node-daemon.js');
}

export const DAEMON_READY_TIMEOUT_MS = 60_000;

/** The daemon's "ready" line (packages/daemon/src/node-daemon.ts ReadyInfo). */
export interface ReadyInfo {
  event: 'ready';
  mode: 'init' | 'join' | 'restart' | 'restore' | 'force-new-cluster';
  nodeId: string;
  role: 'manager' | 'worker';
  clusterId: string;
  hostname: string;
  listenAddr: string;
  advertiseAddr: string;
  managerAddrs: string[];
  controlSocket: string;
  pid: number;
  joinTokens?: { worker: string; manager: string; managerAddr: string };
  /** force-new-cluster and restore: the managers removed from the cluster. */
  removedManagers?: { nodeId: string; hostname: string }[];
  /** restore: what the backup held. */
  restoredFrom?: { file: string; raftIndex: number; createdAt: string };
  /** Dashboard: HOST:PORT it listens on. */
  dashboardAddr?: string;
  /** init --autolock: the unlock key, shown once. */
  unlockKey?: string;
  /** A restarted manager of an autolocked cluster, waiting for `clusterctl unlock`. */
  locked?: boolean;
}

/**
 * The daemon's start-up failure as a ClusterError: its JSON "failed" line in `out` (its stdout), else
 * INTERNAL with the last lines of `text` (what it printed before it died).
 */
export function parseDaemonFailure(out: string, text: string, exitCode: number | null): ClusterError {
  const failed = parseFailedLine(out);
  if (failed !== undefined) return failed;
  const last = text.trim().split('\n').slice(-3).join(' ').trim();
  return new ClusterError(
    ErrorCode.Internal,
    `the node daemon exited (code ${exitCode}) before it was ready${last ? `: ${last}` : ''}`,
    {
      hint: 'see the daemon log (daemon.log in the data dir) and daemon.out next to it',
    },
  );
}

function readyLine(text: string): ReadyInfo | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const v = JSON.parse(line) as ReadyInfo;
      if (v.event === 'ready') return v;
    } catch {
      // a partial line: wait for the rest
    }
  }
  return undefined;
}

function checkEntry(entry: string): void {
  if (!existsSync(entry)) {
    throw new ClusterError(ErrorCode.FailedPrecondition, `the node daemon is not built: ${entry} does not exist`, {
      hint: 'build it with `pnpm exec tsc -b packages/daemon` (or `npm run build`), or set CLUSTERCTL_DAEMON_ENTRY to its node-daemon.js',
    });
  }
}

/** The daemon's file descriptor for the ready line: a pipe to this CLI, never daemon.out. */
const READY_FD = 3;

export interface StartOptions {
  /** Written to the daemon's stdin (the join token for `--join -`), then stdin is closed. */
  stdin?: string;
  timeoutMs?: number;
}

/** Reads the ready line from the daemon's ready pipe; resolves undefined if the pipe closes without one. */
function readyFromPipe(child: ChildProcess): Promise<ReadyInfo | undefined> {
  const pipe = child.stdio[READY_FD] as NodeJS.ReadableStream | null | undefined;
  if (pipe === null || pipe === undefined) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let text = '';
    pipe.setEncoding('utf8');
    pipe.on('data', (d: string) => {
      text += d;
      const r = readyLine(text);
      if (r !== undefined) resolve(r);
    });
    pipe.on('end', () => resolve(readyLine(text)));
    pipe.on('error', () => resolve(undefined));
  });
}

function feedStdin(child: ChildProcess, input: string | undefined): void {
  if (child.stdin === null) return;
  child.stdin.on('error', () => undefined); // a daemon that exits first: its failure is reported instead
  child.stdin.end(input ?? '');
}

/** Refuses a directory that is not a data dir (before any write), then creates it owner-only. */
function prepareDataDir(dataDir: string): void {
  if (checkDataDir(dataDir) === 'absent') mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export interface StartedDaemon {
  ready: ReadyInfo;
  child: ChildProcess;
  /** Foreground only: resolves with the daemon's exit code. */
  exited: Promise<number>;
}

/** Background: spawn detached (stdout and stderr to DATA_DIR/daemon.out), wait for the ready line on its ready pipe, let it run on. */
export async function startDaemonBackground(
  dataDir: string,
  args: string[],
  opts: StartOptions = {},
): Promise<StartedDaemon> {
  const timeoutMs = opts.timeoutMs ?? DAEMON_READY_TIMEOUT_MS;
  const entry = daemonEntry();
  checkEntry(entry);
  prepareDataDir(dataDir);
  const outPath = dataPaths(dataDir).out;
  const fd = openSync(outPath, 'w', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [entry, ...args, '--data-dir', dataDir, '--ready-fd', String(READY_FD)], {
      detached: true,
      stdio: ['pipe', fd, fd, 'pipe'],
    });
  } finally {
    closeSync(fd);
  }
  feedStdin(child, opts.stdin);
  const exited = new Promise<number | null>((res) =>
    child.once('exit', (code, signal) => res(code ?? (signal ? 128 : null))),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), timeoutMs)));
  const first = await Promise.race([readyFromPipe(child), exited.then((code) => ({ exitCode: code })), timedOut]);
  clearTimeout(timer);
  (child.stdio[READY_FD] as { destroy?: () => void } | null)?.destroy?.();
  if (first === 'timeout') {
    child.kill('SIGTERM');
    throw new ClusterError(ErrorCode.Timeout, `the node daemon was not ready within ${timeoutMs / 1000}s`, {
      hint: `see ${dataPaths(dataDir).log}`,
    });
  }
  if (first === undefined || 'exitCode' in first) {
    // the pipe closed without a ready line: the daemon failed (its failed line is in daemon.out)
    const code = first === undefined ? await exited : first.exitCode;
    const text = readFileSync(outPath, 'utf8');
    throw parseDaemonFailure(text, text, code);
  }
  child.unref();
  return { ready: first, child, exited: new Promise(() => undefined) };
}

/** Foreground: spawn attached, forward SIGINT/SIGTERM, wait for the ready line; `exited` follows the daemon. */
export async function startDaemonForeground(
  dataDir: string,
  args: string[],
  opts: StartOptions = {},
): Promise<StartedDaemon> {
  const timeoutMs = opts.timeoutMs ?? DAEMON_READY_TIMEOUT_MS;
  const entry = daemonEntry();
  checkEntry(entry);
  prepareDataDir(dataDir);
  const child = spawn(process.execPath, [entry, ...args, '--data-dir', dataDir, '--ready-fd', String(READY_FD)], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  feedStdin(child, opts.stdin);
  const forward = (sig: NodeJS.Signals): void => void child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  let out = '';
  let err = '';
  let isReady = false;
  // Before ready, stderr is kept for a crash report (a failure is the JSON line on stdout); after, it passes through.
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    if (isReady) process.stderr.write(d);
    else err += d;
  });
  const exited = new Promise<number>((res) =>
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      res(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
    }),
  );
  const ready = await new Promise<ReadyInfo>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      rej(
        new ClusterError(ErrorCode.Timeout, `the node daemon was not ready within ${timeoutMs / 1000}s`, {
          hint: `see ${dataPaths(dataDir).log}`,
        }),
      );
    }, timeoutMs);
    // stdout carries a start-up failure line; after ready, it passes through
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      if (isReady) process.stdout.write(d);
      else out += d;
    });
    void readyFromPipe(child).then((r) => {
      if (r === undefined) return; // the daemon failed: reported when it exits
      clearTimeout(timer);
      isReady = true;
      res(r);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(parseDaemonFailure(out, err, code));
    });
  });
  return { ready, child, exited };
}
