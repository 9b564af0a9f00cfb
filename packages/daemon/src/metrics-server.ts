// The node's Prometheus endpoint (`--metrics-addr HOST:PORT`, off by default, like dockerd's
// metrics-addr): GET /metrics on plain HTTP. It exposes operational data, so it is authenticated
// whenever it is reachable from elsewhere: a loopback address may go without a token, any other
// address needs --metrics-token-file (requests then carry `Authorization: Bearer TOKEN`, which
// Prometheus sends with `authorization: { credentials_file: ... }`).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { timingSafeEqual, createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import type { Registry } from 'prom-client';

export interface MetricsServerConfig {
  /** HOST:PORT to listen on (port 0: any free port). */
  addr: string;
  registry: Registry;
  /** The bearer token requests must carry; none: no authentication (loopback only). */
  token?: string;
  log: Logger;
}

/** Loopback hosts: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** HOST:PORT -> its parts; INVALID_ARGUMENT otherwise. */
export function splitMetricsAddr(addr: string, flag = '--metrics-addr'): { host: string; port: number } {
  const m = /^(.*):(\d{1,5})$/.exec(addr);
  if (m === null || m[1] === '' || Number(m[2]) > 65535)
    throw new ClusterError(ErrorCode.InvalidArgument, `${flag}: expected HOST:PORT, got ${JSON.stringify(addr)}`, {
      hint: `e.g. ${flag} 127.0.0.1:${flag === '--metrics-addr' ? 9323 : 4443}`,
    });
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

/** Reads the token file: its content without surrounding blanks, at least 16 characters. */
export async function readMetricsToken(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `--metrics-token-file: cannot read ${file}: ${(e as Error).message}`,
      {
        hint: 'give a file holding the token (e.g. openssl rand -hex 32 > FILE; chmod 600 FILE)',
      },
    );
  }
  const token = text.trim();
  if (token.length < 16 || /\s/.test(token))
    throw new ClusterError(ErrorCode.InvalidArgument, `--metrics-token-file: ${file} holds no usable token`, {
      hint: 'the token is one word of at least 16 characters (e.g. openssl rand -hex 32 > FILE)',
    });
  return token;
}

/** Refuses an address others can reach without a token. */
export function checkMetricsExposure(addr: string, hasToken: boolean): void {
  const { host } = splitMetricsAddr(addr);
  if (!hasToken && !isLoopbackHost(host))
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `--metrics-addr ${addr} is reachable from other machines: it needs --metrics-token-file`,
      {
        hint: 'serve metrics on loopback (--metrics-addr 127.0.0.1:9323), or give --metrics-token-file FILE so scrapers must send the token',
      },
    );
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export class MetricsServer {
  private server: Server | undefined;
  private readonly tokenDigest: Buffer | undefined;

  constructor(private readonly cfg: MetricsServerConfig) {
    checkMetricsExposure(cfg.addr, cfg.token !== undefined);
    this.tokenDigest = cfg.token === undefined ? undefined : digest(cfg.token);
  }

  /** Listens; resolves with the bound port. */
  async start(): Promise<number> {
    const { host, port } = splitMetricsAddr(this.cfg.addr);
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) =>
        reject(
          new ClusterError(ErrorCode.FailedPrecondition, `cannot serve metrics on ${this.cfg.addr}: ${e.message}`, {
            hint: 'another process may use that port: choose another --metrics-addr',
            cause: e,
          }),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    const a = server.address();
    const bound = typeof a === 'object' && a !== null ? a.port : port;
    this.cfg.log.info({ addr: `${host}:${bound}`, authenticated: this.tokenDigest !== undefined }, 'serving metrics');
    return bound;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s === undefined) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    if (this.tokenDigest === undefined) return true;
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return m !== null && timingSafeEqual(digest(m[1]!), this.tokenDigest);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.authorized(req)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'text/plain' }).end('unauthorized\n');
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: metrics are at GET /metrics\n');
      return;
    }
    try {
      const body = await this.cfg.registry.metrics();
      res.writeHead(200, { 'Content-Type': this.cfg.registry.contentType }).end(body);
    } catch (err) {
      this.cfg.log.warn({ err }, 'collecting metrics failed');
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('collecting metrics failed\n');
    }
  }
}
