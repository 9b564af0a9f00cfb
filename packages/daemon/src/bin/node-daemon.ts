#!/usr/bin/env node
// The node daemon's entry: `node-daemon --init [--restore FILE] | --join - MANAGER_ADDR (token on stdin)
// | --force-new-cluster | (restart)`
// plus flags (see args.ts). Refuses a directory that is not a data dir before touching it. Logs JSON
// lines to DATA_DIR/daemon.log, writes DATA_DIR/daemon.pid, writes one JSON "ready" line on stdout
// or the --ready-fd pipe once the control socket answers (init: with the join tokens), and stops
// gracefully on SIGTERM/SIGINT (the agent session ends; task containers keep running).
// Start-up failures: one JSON "failed" line on stdout (code, message, hint; what the CLI reads), the
// same as text on stderr for a person, and exit code 1.
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import {
  checkDataDir,
  ClusterError,
  decodeBackup,
  createLogger,
  dataPaths,
  ErrorCode,
  failedLine,
  formatError,
  isClusterError,
  processAlive,
  type Logger,
} from '@clusterctl/common';
import { createClusterHooks, registerDispatcherMetrics } from '@clusterctl/manager';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsServer, readMetricsToken } from '../metrics-server.js';
import { parseDaemonArgs, USAGE } from '../args.js';
import { NodeDaemon, readBackupFile, type StartMode } from '../node-daemon.js';

function fail(e: unknown, log?: Logger): never {
  const err = isClusterError(e)
    ? e
    : new ClusterError(
        ErrorCode.Internal,
        `internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
        {
          hint: 'this is a bug or an unexpected failure of the node daemon; see daemon.log in the data dir',
        },
      );
  log?.fatal({ err: e }, 'node daemon failed to start');
  log?.flush();
  process.stdout.write(failedLine(err));
  process.stderr.write(formatError(err));
  process.exit(1);
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let args;
  try {
    args = parseDaemonArgs(process.argv.slice(2));
  } catch (e) {
    fail(e);
  }
  if (args.mode.kind === 'join' && args.mode.token === '-') {
    // the token comes on stdin, never on the command line (every local user can read that)
    const token = readFileSync(0, 'utf8').split('\n', 1)[0]!.trim();
    if (token === '')
      fail(
        new ClusterError(ErrorCode.InvalidArgument, '--join -: no join token on stdin', {
          hint: "write the token to the daemon's stdin (clusterctl join does)",
        }),
      );
    args = { ...args, mode: { ...args.mode, token } };
  }
  if (args.mode.kind === 'force-new-cluster' && args.mode.unlockKey === '-') {
    // autolock: the unlock key comes on stdin, like a join token
    const unlockKey = readFileSync(0, 'utf8').split('\n', 1)[0]!.trim();
    if (unlockKey === '')
      fail(
        new ClusterError(ErrorCode.InvalidUnlockKey, '--unlock-key -: no unlock key on stdin', {
          hint: "write the key to the daemon's stdin (clusterctl init --force-new-cluster does)",
        }),
      );
    args = { ...args, mode: { ...args.mode, unlockKey } };
  }
  if (args.mode.kind === 'restore') {
    // A damaged backup is refused before anything is written (not even the data dir is created).
    try {
      const bytes = await readBackupFile(args.mode.file);
      decodeBackup(bytes, args.mode.file);
      args = { ...args, mode: { ...args.mode, bytes } };
    } catch (e) {
      fail(e);
    }
  }
  const paths = dataPaths(args.dataDir);
  try {
    // refused before anything is written to or changed in a directory that is not a data dir
    checkDataDir(args.dataDir);
  } catch (e) {
    fail(e);
  }
  mkdirSync(args.dataDir, { recursive: true, mode: 0o700 });
  // The data dir holds the node key and the control socket: owner only, even if it pre-existed.
  chmodSync(args.dataDir, 0o700);
  // One daemon per data dir.
  let other = 0;
  try {
    other = Number(readFileSync(paths.pid, 'utf8').trim());
  } catch {
    // no pid file
  }
  if (other > 0 && other !== process.pid && processAlive(other, 'node-daemon')) {
    fail(
      new ClusterError(ErrorCode.FailedPrecondition, `a node daemon already runs for ${args.dataDir} (pid ${other})`, {
        hint: 'stop it first (SIGTERM), or use another --data-dir',
      }),
    );
  }
  writeFileSync(paths.pid, `${process.pid}\n`, { mode: 0o600 });
  const log = createLogger({
    name: 'node-daemon',
    destination: openSync(paths.log, 'a', 0o600),
    ...(args.logLevel === undefined ? {} : { level: args.logLevel }),
  });
  const mode: StartMode = args.mode;
  log.info(
    {
      mode: mode.kind,
      dataDir: args.dataDir,
      listenAddr: args.listenAddr,
      advertiseAddr: args.advertiseAddr,
      hostname: args.hostname,
    },
    'node daemon starting',
  );

  let daemon: NodeDaemon | undefined;
  let metricsServer: MetricsServer | undefined;
  let exiting = false;
  const exit = (code: number): void => {
    if (exiting) return;
    exiting = true;
    const done = (): void => {
      try {
        if (readFileSync(paths.pid, 'utf8').trim() === String(process.pid)) unlinkSync(paths.pid);
      } catch {
        // already gone
      }
      log.info({ code }, 'node daemon exits');
      log.flush();
      setTimeout(() => process.exit(code), 50).unref();
    };
    Promise.all([daemon?.stop(), metricsServer?.stop()]).then(done, (e: unknown) => {
      log.error({ err: e }, 'stop failed');
      done();
    });
  };
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.on(sig, () => {
      log.info({ signal: sig }, 'signal received; stopping');
      exit(0);
    });
  }
  // A terminal that goes away must not stop a node.
  process.on('SIGHUP', () => log.info({}, 'SIGHUP ignored'));
  process.on('unhandledRejection', (e) => log.error({ err: e }, 'unhandled rejection'));

  try {
    // What a manager node runs besides raft, the store, Control and NodeCA: the dispatcher service,
    // the log broker behind `service logs`, and the leader-only components.
    const hooks = createClusterHooks();
    // Metrics (--metrics-addr): served before the node starts, so a bad address fails at once.
    let registry: Registry | undefined;
    if (args.metricsAddr !== undefined) {
      registry = new Registry();
      collectDefaultMetrics({ register: registry, prefix: 'clusterctl_daemon_' });
      // gauges named like counters (promtool refuses them): not served
      for (const n of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'])
        registry.removeSingleMetric(`clusterctl_daemon_${n}`);
      registerDispatcherMetrics(registry, () => hooks.dispatcher());
      const token = args.metricsTokenFile === undefined ? undefined : await readMetricsToken(args.metricsTokenFile);
      metricsServer = new MetricsServer({
        addr: args.metricsAddr,
        registry,
        log,
        ...(token === undefined ? {} : { token }),
      });
      await metricsServer.start();
    }
    const started = await NodeDaemon.start(mode, {
      dataDir: args.dataDir,
      log,
      ...(args.listenAddr === undefined ? {} : { listenAddr: args.listenAddr }),
      ...(args.advertiseAddr === undefined ? {} : { advertiseAddr: args.advertiseAddr }),
      ...(args.heartbeatPeriodMs === undefined ? {} : { heartbeatPeriodMs: args.heartbeatPeriodMs }),
      ...(args.nodeGraceMs === undefined ? {} : { nodeGraceMs: args.nodeGraceMs }),
      ...(args.nodeCertExpiryMs === undefined ? {} : { nodeCertExpiryMs: args.nodeCertExpiryMs }),
      ...(args.network === undefined ? {} : { network: args.network }),
      ...(args.autolock ? { autolock: true } : {}),
      ...(args.hostname === undefined ? {} : { hostname: args.hostname }),
      dockerSocket: args.dockerSocket,
      dataPlane: args.dataPlane,
      ...(args.imageAddr === undefined ? {} : { imageAddr: args.imageAddr }),
      managerHooks: {
        leaderComponents: hooks.leaderComponents,
        dispatcherService: hooks.dispatcherService,
        logs: hooks.logs,
        images: hooks.images,
        ...(registry === undefined ? {} : { metrics: registry }),
      },
      ...(registry === undefined ? {} : { metrics: registry }),
      ...(args.dashboardAddr === undefined ? {} : { dashboardAddr: args.dashboardAddr }),
      onExit: exit,
    });
    daemon = started.daemon;
    if (exiting) {
      await daemon.stop();
      return;
    }
    // The ready line of init carries the join tokens: on the CLI's pipe when it gave one (never in daemon.out).
    const line = JSON.stringify(started.ready) + '\n';
    if (args.readyFd === undefined) process.stdout.write(line);
    else {
      writeSync(args.readyFd, line);
      closeSync(args.readyFd);
    }
  } catch (e) {
    try {
      if (readFileSync(paths.pid, 'utf8').trim() === String(process.pid)) unlinkSync(paths.pid);
    } catch {
      // already gone
    }
    fail(e, log);
  }
}

main().catch((e: unknown) => fail(e));
