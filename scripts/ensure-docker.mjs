#!/usr/bin/env node
// Makes sure a Docker engine answers on this machine, installing and starting one when none does.
// Idempotent: when the socket already answers a ping it does nothing. Used by `npm test` and
// `npm run demo` on a fresh machine (root, apt, no engine running):
//   1. GET /_ping on the unix socket; answered -> done.
//   2. no `dockerd` binary -> apt-get install docker.io (apt-get update first when the install
//      fails for want of package lists). Uses the machine's own apt configuration.
//   3. start `dockerd` detached, output to a log file, and poll the socket until it answers.
// A lock file keeps two concurrent callers from starting two engines.
//
//   node scripts/ensure-docker.mjs [--quiet]
//   import { ensureDocker } from './ensure-docker.mjs';
import { request } from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SOCKET_PATH = '/var/run/docker.sock';
export const DEFAULT_DOCKERD_LOG = '/var/log/clusterctl-dockerd.log';
const ENSURE_LOCK_PATH = '/var/run/clusterctl-ensure-docker.lock';
const DOCKERD_CANDIDATES = ['/usr/bin/dockerd', '/usr/sbin/dockerd', '/usr/local/bin/dockerd'];

/** The socket DOCKER_HOST names when it is a unix socket, else the default one. */
export function dockerSocketPath(env = process.env) {
  const host = env.DOCKER_HOST;
  if (host && host.startsWith('unix://')) return host.slice('unix://'.length);
  return DEFAULT_SOCKET_PATH;
}

/** Resolves true when the engine answers GET /_ping with 200 within timeoutMs. Never rejects. */
export function pingDocker(socketPath = dockerSocketPath(), timeoutMs = 1000) {
  return new Promise((resolve) => {
    if (!existsSync(socketPath)) return resolve(false);
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(ok);
    };
    const req = request({ socketPath, path: '/_ping', method: 'GET' }, (res) => {
      res.resume();
      finish(res.statusCode === 200);
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
    req.on('error', () => finish(false));
    req.end();
  });
}

function findDockerd() {
  return DOCKERD_CANDIDATES.find((p) => existsSync(p));
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function readPid(path) {
  try {
    return Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
  } catch {
    return NaN;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs fn holding an exclusive lock file (it holds our pid; a lock left by a dead process is taken
 * over). For setup steps that concurrent test processes might otherwise do twice.
 */
export async function withFileLock(lockPath, fn, { timeoutMs = 10 * 60_000 } = {}) {
  const release = await acquireLock(lockPath, Date.now() + timeoutMs);
  try {
    return await fn();
  } finally {
    release();
  }
}

async function acquireLock(lockPath, deadlineMs) {
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readPid(lockPath) === process.pid) unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(lockPath);
      // A lock with no pid yet may be mid-write; only break it once it is a few seconds old.
      const stale = Number.isNaN(holder) ? Date.now() - safeMtimeMs(lockPath) > 5000 : !isAlive(holder);
      if (stale) {
        try {
          unlinkSync(lockPath);
        } catch {
          /* someone else broke it */
        }
        continue;
      }
      if (Date.now() > deadlineMs) throw new Error(`timed out waiting for ${lockPath} (held by pid ${holder})`);
      await sleep(250);
    }
  }
}

function safeMtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * apt-get install the given packages non-interactively; runs `apt-get update` and retries once when
 * the first attempt fails (fresh machines often have no package lists). Throws with apt's output.
 */
export function aptInstall(packages, { log = () => {} } = {}) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt/dpkg (another engineer, unattended upgrades) instead of failing at once.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  const install = () =>
    spawnSync('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...packages], {
      env,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  let r = install();
  if (r.status !== 0) {
    log(`apt-get install ${packages.join(' ')} failed; running apt-get update and retrying`);
    const u = spawnSync('apt-get', [...lockWait, 'update'], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (u.status !== 0) throw new Error(`apt-get update failed (exit ${u.status}):\n${tail(u.stderr || u.stdout)}`);
    r = install();
  }
  if (r.error) throw new Error(`apt-get could not run: ${r.error.message} (is this a Debian/Ubuntu machine?)`);
  if (r.status !== 0)
    throw new Error(`apt-get install ${packages.join(' ')} failed (exit ${r.status}):\n${tail(r.stderr || r.stdout)}`);
}

function tail(text, lines = 15) {
  return String(text ?? '')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .join('\n');
}

/**
 * Ensure an engine answers on the socket. Returns { socketPath, installed, started, elapsedMs }.
 * Options: socketPath, logFile (dockerd output), startTimeoutMs, log (line printer; default stderr).
 */
export async function ensureDocker(opts = {}) {
  const socketPath = opts.socketPath ?? dockerSocketPath();
  const logFile = opts.logFile ?? DEFAULT_DOCKERD_LOG;
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  const log = opts.log ?? ((line) => process.stderr.write(`[ensure-docker] ${line}\n`));
  const t0 = Date.now();
  const result = (installed, started) => ({ socketPath, installed, started, elapsedMs: Date.now() - t0 });

  if (await pingDocker(socketPath)) return result(false, false);
  if (socketPath !== DEFAULT_SOCKET_PATH) {
    throw new Error(
      `no Docker engine answers on ${socketPath} (DOCKER_HOST); this script only starts the local engine on ${DEFAULT_SOCKET_PATH}`,
    );
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `no Docker engine answers on ${socketPath}, and installing/starting one needs root (run as root, or start dockerd yourself)`,
    );
  }

  return withFileLock(ENSURE_LOCK_PATH, async () => {
    // Someone may have started it while we waited for the lock.
    if (await pingDocker(socketPath)) return result(false, false);

    let installed = false;
    let dockerd = findDockerd();
    if (!dockerd) {
      log('no Docker engine installed: apt-get install docker.io (can take a minute)...');
      const ti = Date.now();
      aptInstall(['docker.io'], { log });
      dockerd = findDockerd();
      if (!dockerd)
        throw new Error('docker.io installed but no dockerd binary found in ' + DOCKERD_CANDIDATES.join(', '));
      installed = true;
      log(`installed docker.io in ${((Date.now() - ti) / 1000).toFixed(1)} s`);
    }

    let child;
    const pid = readPid('/var/run/docker.pid');
    if (isAlive(pid)) {
      log(`dockerd (pid ${pid}) is already running; waiting for ${socketPath}...`);
    } else {
      log(`starting ${dockerd} in the background (log: ${logFile})...`);
      mkdirSync(dirname(logFile), { recursive: true });
      const out = openSync(logFile, 'a');
      child = spawn(dockerd, [], { detached: true, stdio: ['ignore', out, out] });
      closeSync(out);
      child.unref();
    }

    let exitCode;
    child?.once('exit', (code, signal) => {
      exitCode = code ?? signal;
    });
    const deadline = Date.now() + startTimeoutMs;
    while (!(await pingDocker(socketPath))) {
      if (exitCode !== undefined) {
        throw new Error(
          `dockerd exited (${exitCode}) before answering. Last lines of ${logFile}:\n${tail(safeRead(logFile))}\nhint: read ${logFile}; a stale /var/run/docker.pid or another engine may be in the way`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `dockerd did not answer on ${socketPath} within ${startTimeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(safeRead(logFile))}\nhint: read ${logFile}; is another dockerd or containerd stuck?`,
        );
      }
      await sleep(200);
    }
    child?.removeAllListeners('exit');
    const r = result(installed, true);
    log(`Docker engine ready on ${socketPath} after ${(r.elapsedMs / 1000).toFixed(1)} s`);
    return r;
  });
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quiet = process.argv.includes('--quiet');
  ensureDocker(quiet ? { log: () => {} } : {}).then(
    (r) => {
      if (!quiet && !r.started) process.stderr.write(`[ensure-docker] Docker engine answers on ${r.socketPath}\n`);
    },
    (e) => {
      process.stderr.write(`[ensure-docker] error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
