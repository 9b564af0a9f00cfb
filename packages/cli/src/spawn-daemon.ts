// Starts the node daemon by running its compiled entry file by path (the CLI never imports it), in
// the background (detached; stdout/stderr to DATA_DIR/daemon.out, so the daemon never writes to a
// pipe of a CLI that has exited) or in the foreground (attached; signals forwarded). Waits for the
// daemon's JSON "ready" line, or its JSON "failed" line (code, message, hint: @clusterctl/common
// failedLine), which becomes a ClusterError as it is. A daemon that exits without either (a crash) is
// INTERNAL with the end of its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClusterError, dataPaths, ErrorCode, parseFailedLine } from '@clusterctl/common';

/** The daemon's entry: CLUSTERCTL_DAEMON_ENTRY, else the workspace's packages/daemon/dist/bin/node-daemon.js. */
export function daemonEntry(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLUSTERCTL_DAEMON_ENTRY) return resolve(env.CLUSTERCTL_DAEMON_ENTRY);
  return join(dirname(fileURLToPath(import.meta.url)), '../../daemon/dist/bin/node-daemon.js');
}

export const DAEMON_READY_TIMEOUT_MS = 60_000;
const POLL_MS = 50;

/** The daemon's "ready" line (packages/daemon/src/node-daemon.ts ReadyInfo). */
export interface ReadyInfo {
  event: 'ready';
  mode: 'init' | 'join' | 'restart';
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
}

/**
 * The daemon's start-up failure as a ClusterError: its JSON "failed" line in `out` (its stdout), else
 * INTERNAL with the last lines of `text` (what it printed before it died).
 */
export function parseDaemonFailure(out: string, text: string, exitCode: number | null): ClusterError {
  const failed = parseFailedLine(out);
  if (failed !== undefined) return failed;
  const last = text.trim().split('\n').slice(-3).join(' ').trim();
  return new ClusterError(ErrorCode.Internal, `the node daemon exited (code ${exitCode}) before it was ready${last ? `: ${last}` : ''}`, {
    hint: 'see the daemon log (daemon.log in the data dir) and daemon.out next to it',
  });
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

export interface StartedDaemon {
  ready: ReadyInfo;
  child: ChildProcess;
  /** Foreground only: resolves with the daemon's exit code. */
  exited: Promise<number>;
}

/** Background: spawn detached, wait for the ready line in DATA_DIR/daemon.out (stdout and stderr), let it run on. */
export async function startDaemonBackground(dataDir: string, args: string[], timeoutMs = DAEMON_READY_TIMEOUT_MS): Promise<StartedDaemon> {
  const entry = daemonEntry();
  checkEntry(entry);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const outPath = dataPaths(dataDir).out;
  const fd = openSync(outPath, 'w', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [entry, ...args, '--data-dir', dataDir], { detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => (exitCode = code ?? (signal ? 128 : null)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = readFileSync(outPath, 'utf8');
    const ready = readyLine(text);
    if (ready !== undefined) {
      child.unref();
      return { ready, child, exited: new Promise(() => undefined) };
    }
    if (exitCode !== undefined) throw parseDaemonFailure(text, text, exitCode);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new ClusterError(ErrorCode.Timeout, `the node daemon was not ready within ${timeoutMs / 1000}s`, { hint: `see ${dataPaths(dataDir).log}` });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Foreground: spawn attached, forward SIGINT/SIGTERM, wait for the ready line; `exited` follows the daemon. */
export async function startDaemonForeground(dataDir: string, args: string[], timeoutMs = DAEMON_READY_TIMEOUT_MS): Promise<StartedDaemon> {
  const entry = daemonEntry();
  checkEntry(entry);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const child = spawn(process.execPath, [entry, ...args, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      rej(new ClusterError(ErrorCode.Timeout, `the node daemon was not ready within ${timeoutMs / 1000}s`, { hint: `see ${dataPaths(dataDir).log}` }));
    }, timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const r = readyLine(out);
      if (r !== undefined) {
        clearTimeout(timer);
        isReady = true;
        res(r);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rej(parseDaemonFailure(out, err, code));
    });
  });
  return { ready, child, exited };
}
