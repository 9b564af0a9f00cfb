// Command line of the node daemon. Only the daemon and the CLI read flags; everything below them
// gets plain config objects.
import { parseArgs } from 'node:util';
import {
  checkHostname,
  ClusterError,
  DATA_DIR_ENV,
  DEFAULT_DATA_DIR,
  DEFAULT_LISTEN_ADDR,
  ErrorCode,
  parseCertExpiryMs,
  parseDurationMs,
  resolveDataDir,
  TEST_MIN_CERT_EXPIRY_ENV,
} from '@clusterctl/common';
import type { StartMode } from './node-daemon.js';

export { DEFAULT_DATA_DIR, DEFAULT_LISTEN_ADDR, TEST_MIN_CERT_EXPIRY_ENV };
export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

export interface DaemonArgs {
  mode: StartMode;
  dataDir: string;
  listenAddr: string | undefined;
  advertiseAddr: string | undefined;
  heartbeatPeriodMs: number | undefined;
  nodeGraceMs: number | undefined;
  nodeCertExpiryMs: number | undefined;
  hostname: string | undefined;
  dockerSocket: string;
  logLevel: string | undefined;
  /** Where the ready line goes (a pipe the CLI passes), instead of stdout. */
  readyFd: number | undefined;
  /** Networking: the node's data plane (cluster network, routing mesh, DNS); default on. */
  dataPlane: 'on' | 'off';
  /** Networking, init: the cluster network's pools, data-path backend and VXLAN port (absent: defaults). */
  network: NetworkFlags | undefined;
  /** Serve Prometheus metrics on HOST:PORT. */
  metricsAddr: string | undefined;
  /** The bearer token scrapers must send is in this file. */
  metricsTokenFile: string | undefined;
  /** Dashboard: serve the web dashboard on HOST:PORT (managers). */
  dashboardAddr: string | undefined;
  /** init: autolock from the start. */
  autolock: boolean;
  /** Image shipping: HOST:PORT of the node's image listener; undefined: off. */
  imageAddr: string | undefined;
}

/** Image shipping: the image listener's default address. */
export const DEFAULT_IMAGE_ADDR = '0.0.0.0:4281';

/** Networking flags of init, as given (checked as a whole by the manager). */
export interface NetworkFlags {
  clusterCidr?: string;
  vipCidr?: string;
  backend?: 'auto' | 'host-gw' | 'vxlan';
  vxlanPort?: number;
}

export const USAGE = `usage: node-daemon [--init [--restore FILE] | --join - MANAGER_ADDR | --force-new-cluster] [options]
  (no mode: restart the node of the data dir)
  --init --restore FILE      a new cluster from a backup file (clusterctl cluster backup), on an empty data dir
  --force-new-cluster        the manager of this data dir becomes the only manager of its cluster,
                             with its state (when the other managers are lost for good)
  --unlock-key -             with --force-new-cluster of an autolocked manager: its unlock key, read from stdin
  --join - MANAGER_ADDR      join with the token read from stdin (a TOKEN in its place is visible
                             to every local user in the process list: for tests only)
  --ready-fd FD              write the JSON ready line to this inherited pipe instead of stdout
  --data-dir DIR             node state (default ${DATA_DIR_ENV}, else ${DEFAULT_DATA_DIR})
  --listen-addr HOST:PORT    managers: the cluster listener (default ${DEFAULT_LISTEN_ADDR})
  --advertise-addr HOST:PORT address other nodes use to reach this node
  --heartbeat-period DUR     init: agent heartbeat period (default 500ms)
  --node-grace DUR           init: a node is down after this long without heartbeat (default 2s)
  --autolock                 init: managers start locked until \`clusterctl unlock\` (the unlock key is in the ready line)
  --cert-expiry DUR          init: lifetime of node certificates, renewed automatically (default 2160h = 90 days, at least 1h)
  --default-addr-pool CIDR   init: task addresses, one /24 per node (default 10.240.0.0/16)
  --vip-pool CIDR            init: services' virtual IPs (default 10.241.0.0/16)
  --data-path-backend B      init: auto | host-gw | vxlan (default auto)
  --data-path-port PORT      init: UDP port of VXLAN (default 4789)
  --hostname NAME            hostname this node reports (several nodes on one machine)
  --docker-socket PATH       Docker engine socket (default ${DEFAULT_DOCKER_SOCKET})
  --log-level LEVEL          pino level (default info)
  --data-plane on|off        the cluster network on this node: task network, routing mesh, DNS
                             (default on; off: tasks on Docker's default bridge, ports bound on the node)
  --metrics-addr HOST:PORT   serve Prometheus metrics (GET /metrics); off by default
  --metrics-token-file FILE  scrapers must send this bearer token (required off loopback)
  --dashboard-addr HOST:PORT managers: serve the web dashboard over HTTPS (off by default;
                             every request needs a token from \`clusterctl dashboard\`)
  --image-addr HOST:PORT|off the image listener: other nodes fetch the images this node's engine holds
                             (mutual TLS, cluster nodes only; default 0.0.0.0:4281, another free port
                             when taken); off: no image shipping to or from this node
  DUR is a duration with a unit: 500ms, 2s, 1m30s, 2160h, 90d`;

function bad(message: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, {
    hint: USAGE.split('\n')[0]!.replace('usage: ', 'usage: '),
  });
}

function checkAddr(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(.*):(\d{1,5})$/.exec(v);
  if (!m || Number(m[2]) > 65535) throw bad(`--${flag}: expected HOST:PORT, got ${JSON.stringify(v)}`);
  return v;
}

function parseFd(v: string): number {
  if (!/^\d{1,4}$/.test(v) || Number(v) < 3)
    throw bad(`--ready-fd: expected an inherited file descriptor (3 or more), got ${JSON.stringify(v)}`);
  return Number(v);
}

export function parseDaemonArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DaemonArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        init: { type: 'boolean' },
        restore: { type: 'string' },
        'force-new-cluster': { type: 'boolean' },
        'unlock-key': { type: 'string' },
        join: { type: 'string' },
        'data-dir': { type: 'string' },
        'listen-addr': { type: 'string' },
        'advertise-addr': { type: 'string' },
        'heartbeat-period': { type: 'string' },
        'node-grace': { type: 'string' },
        'cert-expiry': { type: 'string' },
        autolock: { type: 'boolean' },
        hostname: { type: 'string' },
        'docker-socket': { type: 'string' },
        'log-level': { type: 'string' },
        'ready-fd': { type: 'string' },
        'data-plane': { type: 'string' },
        // networking
        'default-addr-pool': { type: 'string' },
        'vip-pool': { type: 'string' },
        'data-path-backend': { type: 'string' },
        'data-path-port': { type: 'string' },
        'metrics-addr': { type: 'string' },
        'metrics-token-file': { type: 'string' },
        'dashboard-addr': { type: 'string' },
        'image-addr': { type: 'string' },
      },
    });
  } catch (e) {
    throw bad(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  const pos = parsed.positionals;
  let mode: StartMode;
  if (v.init && v.join !== undefined) throw bad('--init and --join exclude each other');
  if (v['force-new-cluster'] && (v.init || v.join !== undefined))
    throw bad('--force-new-cluster runs on the data dir of a stopped manager: no --init or --join');
  if (v.restore !== undefined && !v.init) throw bad('--restore FILE goes with --init');
  if (v.restore === '') throw bad('--restore: no file given');
  if (v['force-new-cluster']) {
    if (pos.length > 0) throw bad(`unexpected argument ${JSON.stringify(pos[0])}`);
    // autolock: the unlock key comes on stdin (`--unlock-key -`), never on the command line
    if (v['unlock-key'] !== undefined && v['unlock-key'] !== '-')
      throw bad('--unlock-key takes - (the key is read from stdin, never from the command line)');
    mode = { kind: 'force-new-cluster', ...(v['unlock-key'] === '-' ? { unlockKey: '-' } : {}) };
  } else if (v.init && v.restore !== undefined) {
    if (pos.length > 0) throw bad(`unexpected argument ${JSON.stringify(pos[0])}`);
    if (v['heartbeat-period'] !== undefined || v['node-grace'] !== undefined || v['cert-expiry'] !== undefined) {
      throw bad(
        '--restore brings the cluster settings of the backup: no --heartbeat-period, --node-grace or --cert-expiry (change them later with clusterctl cluster update)',
      );
    }
    mode = { kind: 'restore', file: v.restore };
  } else if (v.init) {
    if (pos.length > 0) throw bad(`unexpected argument ${JSON.stringify(pos[0])}`);
    mode = { kind: 'init' };
  } else if (v.join !== undefined) {
    if (pos.length !== 1) throw bad('--join needs TOKEN and MANAGER_ADDR: --join TOKEN MANAGER_ADDR');
    mode = { kind: 'join', token: v.join, managerAddr: checkAddr('join', pos[0])! };
  } else {
    if (pos.length > 0) throw bad(`unexpected argument ${JSON.stringify(pos[0])}`);
    mode = { kind: 'restart' };
  }
  if (
    mode.kind !== 'init' &&
    mode.kind !== 'restore' &&
    (v['heartbeat-period'] !== undefined || v['node-grace'] !== undefined || v['cert-expiry'] !== undefined)
  ) {
    throw bad('--heartbeat-period, --node-grace and --cert-expiry are cluster settings: give them with --init');
  }
  if (v['unlock-key'] !== undefined && mode.kind !== 'force-new-cluster')
    throw bad(
      '--unlock-key - goes with --force-new-cluster (a locked manager otherwise starts and waits for `clusterctl unlock`)',
    );
  if (v.autolock === true && mode.kind !== 'init')
    throw bad(
      '--autolock is chosen when the cluster is created: give it with --init (without --restore), or use clusterctl cluster update --autolock=true',
    );
  const network = networkFlags(v);
  if (network !== undefined && mode.kind !== 'init')
    throw bad(
      '--default-addr-pool, --vip-pool, --data-path-backend and --data-path-port are chosen when the cluster is created: give them with --init (without --restore)',
    );
  // durations and the certificate lifetime: the CLI's syntax and bounds (@clusterctl/common)
  const nodeCertExpiryMs =
    v['cert-expiry'] === undefined ? undefined : parseCertExpiryMs('--cert-expiry', v['cert-expiry'], env);
  if (v.hostname !== undefined) checkHostname('--hostname', v.hostname);
  const dataPlane = v['data-plane'] ?? 'on';
  if (dataPlane !== 'on' && dataPlane !== 'off')
    throw bad(`--data-plane: expected on or off, got ${JSON.stringify(dataPlane)}`);
  if (v['metrics-token-file'] !== undefined && v['metrics-addr'] === undefined)
    throw bad('--metrics-token-file goes with --metrics-addr');
  return {
    mode,
    dataDir: resolveDataDir(v['data-dir'], env),
    listenAddr: checkAddr('listen-addr', v['listen-addr']),
    advertiseAddr: checkAddr('advertise-addr', v['advertise-addr']),
    heartbeatPeriodMs:
      v['heartbeat-period'] === undefined ? undefined : parseDurationMs('--heartbeat-period', v['heartbeat-period']),
    nodeGraceMs: v['node-grace'] === undefined ? undefined : parseDurationMs('--node-grace', v['node-grace']),
    nodeCertExpiryMs,
    hostname: v.hostname,
    dockerSocket: v['docker-socket'] ?? DEFAULT_DOCKER_SOCKET,
    logLevel: v['log-level'],
    readyFd: v['ready-fd'] === undefined ? undefined : parseFd(v['ready-fd']),
    dataPlane,
    network,
    metricsAddr: checkAddr('metrics-addr', v['metrics-addr']),
    metricsTokenFile: v['metrics-token-file'],
    dashboardAddr: checkAddr('dashboard-addr', v['dashboard-addr']),
    autolock: v.autolock === true,
    imageAddr: v['image-addr'] === 'off' ? undefined : (checkAddr('image-addr', v['image-addr']) ?? DEFAULT_IMAGE_ADDR),
  };
}

/** The networking flags given (undefined: none); the manager checks the values as a whole. */
function networkFlags(v: Record<string, string | boolean | undefined>): NetworkFlags | undefined {
  const pool = v['default-addr-pool'];
  const vip = v['vip-pool'];
  const backend = v['data-path-backend'];
  const port = v['data-path-port'];
  if (pool === undefined && vip === undefined && backend === undefined && port === undefined) return undefined;
  const out: NetworkFlags = {};
  if (typeof pool === 'string') out.clusterCidr = pool.trim();
  if (typeof vip === 'string') out.vipCidr = vip.trim();
  if (typeof backend === 'string') {
    if (backend !== 'auto' && backend !== 'host-gw' && backend !== 'vxlan')
      throw bad(`--data-path-backend: expected auto, host-gw or vxlan, got ${JSON.stringify(backend)}`);
    out.backend = backend;
  }
  if (typeof port === 'string') {
    if (!/^\d{1,5}$/.test(port)) throw bad(`--data-path-port: expected a port number, got ${JSON.stringify(port)}`);
    out.vxlanPort = Number(port);
  }
  return out;
}
