// The managers' web dashboard (`--dashboard-addr HOST:PORT`, off by default): one page over HTTPS
// with the node's cluster certificate, kept live over a WebSocket (the `ws` package). Every request
// needs a login token the cluster issued (`clusterctl dashboard`): the login link's token becomes
// an HttpOnly cookie, or a client sends `Authorization: Bearer TOKEN`. Without a valid token the
// answer is a bare 401, naming nothing of the cluster. Tokens are read-only unless issued with
// --allow-actions; each action goes through the Control API (and so becomes a cluster event) and is
// logged with the token's id. A WebSocket is closed when its token expires, or when the cluster's
// revocation cutoff (`clusterctl dashboard --revoke`) covers it. The cutoff is read through the
// control socket only when it matters: before a token is accepted (a cutoff read more than 2 s ago
// is read again first) and every 2 s while a page is open; an idle dashboard reads nothing.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClusterError, ErrorCode, systemClock, type Clock, type Logger, type TimerHandle } from '@clusterctl/common';
import type { NodeTls } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import { splitMetricsAddr } from '../metrics-server.js';
import {
  ControlSocketClient,
  DashboardSource,
  type DashboardSnapshot,
  type EventView,
  type LogView,
} from './dashboard-source.js';
import { DashboardTokenError, verifyDashboardToken, type DashboardClaims } from './dashboard-token.js';

export const DASHBOARD_COOKIE = 'clusterctl_dashboard';
/** WebSocket close code when the session's token expired (the page then asks for a new link). */
export const WS_CLOSE_EXPIRED = 4001;
/** WebSocket close code: the session's token was revoked (`clusterctl dashboard --revoke`). */
export const WS_CLOSE_REVOKED = 4003;
/**
 * A token is accepted only against a revocation cutoff read less than this long ago, and open
 * sessions read it again this often: a revoked link stops working within about this time.
 */
export const REVOCATION_MAX_AGE_MS = 2_000;
/** Lines of a service's log sent when its page opens, before the live tail. */
const LOG_TAIL_LINES = 100;

export interface DashboardServerConfig {
  /** HOST:PORT to listen on (port 0: any free port). */
  addr: string;
  log: Logger;
  /** The node's TLS material now (the listener presents its certificate; tokens verify against its roots). */
  tls: () => NodeTls;
  clusterId: () => string;
  /** Is this node a manager now (a demoted node's dashboard answers 503). */
  isManager: () => boolean;
  /** The daemon's control socket (what the dashboard reads through). */
  controlSocket: string;
  /** The cluster's token revocation cutoff (ms since the epoch; default: read through the control socket). */
  readTokensNotBefore?: () => Promise<number>;
  /** Times the cutoff's age and the open sessions' re-reads (default: the system clock). */
  clock?: Clock;
}

/** Who a request is, once its token is checked: its claims, or the status that refuses it. */
type Authenticated = { claims: DashboardClaims } | { refuse: 401 | 503 };

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};
const STATIC_DIR = new URL('../../static/dashboard/', import.meta.url);

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** What the page sends over its WebSocket. */
type ClientMessage =
  | { type: 'logs'; service: string | null }
  | { type: 'action'; id: number; action: 'scale'; service: string; replicas: number }
  | { type: 'action'; id: number; action: 'availability'; node: string; availability: string }
  | { type: 'action'; id: number; action: 'rollback'; service: string };

interface Session {
  ws: WebSocket;
  claims: DashboardClaims;
  stopLogs?: () => void;
  expiry: NodeJS.Timeout;
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === DASHBOARD_COOKIE) return part.slice(i + 1).trim();
  }
  return undefined;
}

function requestToken(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1] ?? cookieToken(req);
}

export class DashboardServer {
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly sessions = new Set<Session>();
  private readonly control: ControlSocketClient;
  private readonly source: DashboardSource;
  private readonly files = new Map<string, Buffer>();
  private tlsCert = '';
  private readonly clock: Clock;
  /** Tokens issued until `notBeforeMs` are refused; undefined until first read (every token is refused). */
  private cutoff: { notBeforeMs: number; readAtMs: number } | undefined;
  private cutoffRead: Promise<number | undefined> | undefined;
  /** Re-reads the cutoff while sessions are open (closing the revoked ones). */
  private revocationPoll: TimerHandle | undefined;

  constructor(private readonly cfg: DashboardServerConfig) {
    splitMetricsAddr(cfg.addr, '--dashboard-addr'); // HOST:PORT or INVALID_ARGUMENT
    this.clock = cfg.clock ?? systemClock;
    this.control = new ControlSocketClient(cfg.controlSocket);
    this.source = new DashboardSource(this.control, cfg.log);
    this.source.on('snapshot', (s) => this.broadcast({ type: 'snapshot', snapshot: s }));
    this.source.on('event', (e) => this.broadcast({ type: 'event', event: e }));
  }

  /** Listens; resolves with the bound port. */
  async start(): Promise<number> {
    for (const f of Object.values(STATIC)) this.files.set(f.file, readFileSync(new URL(f.file, STATIC_DIR)));
    const { host, port } = splitMetricsAddr(this.cfg.addr, '--dashboard-addr');
    const tls = this.cfg.tls();
    this.tlsCert = tls.certPem;
    const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => this.handle(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) =>
        reject(
          new ClusterError(
            ErrorCode.FailedPrecondition,
            `cannot serve the dashboard on ${this.cfg.addr}: ${e.message}`,
            {
              hint: 'another process may use that port: choose another --dashboard-addr',
              cause: e,
            },
          ),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    const a = server.address();
    const bound = typeof a === 'object' && a !== null ? a.port : port;
    this.cfg.log.info({ addr: `${host}:${bound}` }, 'serving the dashboard');
    return bound;
  }

  /** The node's certificate changed (renewal, role change): new connections get the new one. */
  updateTls(tls: NodeTls): void {
    if (this.server === undefined || tls.certPem === this.tlsCert) return;
    this.tlsCert = tls.certPem;
    this.server.setSecureContext({ cert: tls.certPem, key: tls.keyPem });
  }

  async stop(): Promise<void> {
    this.stopRevocationPoll();
    this.source.stop();
    for (const s of this.sessions) this.endSession(s, 1001, 'the node daemon stops');
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.wss.close();
    this.control.close();
  }

  /**
   * Checks the request's token against the cluster's current revocation cutoff. Refused with 401
   * (naming nothing) when the token is missing, invalid, expired or revoked; with 503 when it is
   * valid but the cutoff cannot be read now (fail closed). The reason goes to the debug log.
   */
  private async authenticate(token: string | undefined): Promise<Authenticated> {
    if (token === undefined || token === '') return { refuse: 401 };
    let claims: DashboardClaims;
    try {
      claims = verifyDashboardToken(token, { clusterId: this.cfg.clusterId(), caPem: this.cfg.tls().caPem });
    } catch (e) {
      if (!(e instanceof DashboardTokenError)) throw e;
      this.cfg.log.debug({ why: e.message }, 'dashboard: token refused');
      return { refuse: 401 }; // an invalid token costs no read of the cutoff
    }
    const notBeforeMs = await this.currentCutoff();
    if (notBeforeMs === undefined) {
      this.cfg.log.debug({}, 'dashboard: token refused: the revocation cutoff cannot be read');
      return { refuse: 503 };
    }
    if (claims.iat <= notBeforeMs) {
      this.cfg.log.debug({ tokenId: claims.id }, 'dashboard: token refused: revoked');
      return { refuse: 401 };
    }
    return { claims };
  }

  /** The revocation cutoff, read again first when the last read is older than REVOCATION_MAX_AGE_MS. */
  private currentCutoff(): Promise<number | undefined> {
    const c = this.cutoff;
    if (c !== undefined && this.clock.now() - c.readAtMs < REVOCATION_MAX_AGE_MS) return Promise.resolve(c.notBeforeMs);
    return this.readCutoff();
  }

  /**
   * Reads the cluster's revocation cutoff (one read at a time: callers meanwhile share it) and closes
   * the sessions of the tokens it revokes. Resolves undefined when it cannot be read.
   */
  private readCutoff(): Promise<number | undefined> {
    if (this.cutoffRead !== undefined) return this.cutoffRead;
    const read = this.fetchCutoff().finally(() => {
      if (this.cutoffRead === read) this.cutoffRead = undefined;
    });
    this.cutoffRead = read;
    return read;
  }

  private async fetchCutoff(): Promise<number | undefined> {
    const readAtMs = this.clock.now(); // the cutoff is at least this fresh
    let notBeforeMs: number;
    try {
      notBeforeMs = await (this.cfg.readTokensNotBefore ?? (() => this.clusterTokensNotBefore()))();
    } catch (e) {
      this.cfg.log.debug({ err: e }, 'dashboard: reading the token revocation cutoff failed');
      return undefined;
    }
    this.cutoff = { notBeforeMs, readAtMs };
    for (const s of [...this.sessions])
      if (s.claims.iat <= notBeforeMs) this.endSession(s, WS_CLOSE_REVOKED, 'token revoked');
    return notBeforeMs;
  }

  /** While sessions are open: the cutoff is read every REVOCATION_MAX_AGE_MS. */
  private scheduleRevocationPoll(): void {
    if (this.revocationPoll !== undefined || this.sessions.size === 0) return;
    this.revocationPoll = this.clock.setTimeout(() => {
      this.revocationPoll = undefined;
      this.scheduleRevocationPoll(); // a slow read never delays the next (reads are shared)
      void this.readCutoff();
    }, REVOCATION_MAX_AGE_MS);
  }

  private stopRevocationPoll(): void {
    if (this.revocationPoll !== undefined) this.clock.clearTimeout(this.revocationPoll);
    this.revocationPoll = undefined;
  }

  private async clusterTokensNotBefore(): Promise<number> {
    const info = await this.control.unary<clusterctl.control.IClusterInfo>('getClusterInfo', {});
    return Number(info.dashboardTokensNotBefore ?? 0);
  }

  private refuse(res: ServerResponse, status: 401 | 503): void {
    res
      .writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
      .end(status === 401 ? 'unauthorized\n' : 'cannot check the link against the cluster now: try again\n');
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.serve(req, res).catch((e: unknown) => {
      this.cfg.log.warn({ err: e }, 'dashboard: request failed');
      if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      res.end();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://dashboard');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET', 'Content-Type': 'text/plain' })
        .end('method not allowed\n');
      return;
    }
    if (url.pathname === '/login') {
      const token = url.searchParams.get('token') ?? undefined;
      const who = await this.authenticate(token);
      if ('refuse' in who) return this.refuse(res, who.refuse);
      const { claims } = who;
      const maxAgeS = Math.max(1, Math.floor((claims.exp - Date.now()) / 1000));
      res
        .writeHead(303, {
          ...SECURITY_HEADERS,
          Location: '/',
          'Set-Cookie': `${DASHBOARD_COOKIE}=${token}; Max-Age=${maxAgeS}; Path=/; Secure; HttpOnly; SameSite=Strict`,
        })
        .end();
      return;
    }
    const who = await this.authenticate(requestToken(req));
    if ('refuse' in who) return this.refuse(res, who.refuse);
    const { claims } = who;
    if (!this.cfg.isManager()) {
      res
        .writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
        .end('this node is not a manager now: open the dashboard of a manager\n');
      return;
    }
    if (url.pathname === '/api/state') {
      // The same view as the page's, for scripts: nodes, services, tasks and the recent events.
      this.source.read().then(
        (snapshot) =>
          res
            .writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json' })
            .end(JSON.stringify({ snapshot, events: this.source.recent, session: this.sessionInfo(claims) })),
        (e: unknown) =>
          res
            .writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
            .end(`reading the cluster failed: ${e instanceof Error ? e.message : String(e)}\n`),
      );
      return;
    }
    const s = STATIC[url.pathname];
    if (s === undefined) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': s.type }).end(this.files.get(s.file));
  }

  private sessionInfo(c: DashboardClaims): { actions: boolean; expiresAt: number; tokenId: string } {
    return { actions: c.actions, expiresAt: c.exp, tokenId: c.id };
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.acceptUpgrade(req, socket, head).catch((e: unknown) => {
      this.cfg.log.warn({ err: e }, 'dashboard: WebSocket upgrade failed');
      socket.destroy();
    });
  }

  private async acceptUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const reject = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'https://dashboard');
    const who = await this.authenticate(requestToken(req));
    if ('refuse' in who) return reject(who.refuse === 401 ? '401 Unauthorized' : '503 Service Unavailable');
    const { claims } = who;
    if (socket.destroyed) return;
    // A page of another site may not open a socket with the user's cookie.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `https://${req.headers.host ?? ''}`) return reject('403 Forbidden');
    if (url.pathname !== '/ws') return reject('404 Not Found');
    if (!this.cfg.isManager()) return reject('503 Service Unavailable');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, claims));
  }

  private connected(ws: WebSocket, claims: DashboardClaims): void {
    const session: Session = {
      ws,
      claims,
      expiry: setTimeout(() => this.endSession(session, WS_CLOSE_EXPIRED, 'token expired'), claims.exp - Date.now()),
    };
    this.sessions.add(session);
    this.scheduleRevocationPoll();
    ws.on('close', () => this.dropSession(session));
    ws.on('error', () => this.dropSession(session));
    ws.on('message', (data) => {
      let m: ClientMessage;
      try {
        m = JSON.parse(String(data)) as ClientMessage;
      } catch {
        return;
      }
      this.onMessage(session, m);
    });
    this.send(ws, { type: 'hello', session: this.sessionInfo(claims) });
    this.send(ws, { type: 'events', events: this.source.recent });
    if (this.source.snapshot !== undefined) this.send(ws, { type: 'snapshot', snapshot: this.source.snapshot });
    this.source.start();
    this.source.refreshSoon(0);
  }

  private endSession(s: Session, code: number, reason: string): void {
    s.ws.close(code, reason);
    this.dropSession(s);
  }

  private dropSession(s: Session): void {
    if (!this.sessions.delete(s)) return;
    clearTimeout(s.expiry);
    s.stopLogs?.();
    if (this.sessions.size === 0) this.idle();
  }

  /** Nobody watches: the event stream and the polls stop. */
  private idle(): void {
    if (this.sessions.size > 0) return;
    this.source.stop();
    this.stopRevocationPoll();
  }

  private send(ws: WebSocket, m: object): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  }

  private broadcast(m: { type: 'snapshot'; snapshot: DashboardSnapshot } | { type: 'event'; event: EventView }): void {
    const text = JSON.stringify(m);
    for (const s of this.sessions) if (s.ws.readyState === s.ws.OPEN) s.ws.send(text);
  }

  private onMessage(s: Session, m: ClientMessage): void {
    if (m.type === 'logs') {
      s.stopLogs?.();
      s.stopLogs = undefined;
      if (typeof m.service !== 'string' || m.service === '') return;
      const service = m.service;
      s.stopLogs = this.source.followLogs(
        service,
        LOG_TAIL_LINES,
        (l: LogView) => this.send(s.ws, { type: 'log', service, log: l }),
        (err) => this.send(s.ws, { type: 'logs-end', service, error: err?.message ?? null }),
      );
      return;
    }
    if (m.type === 'action') void this.action(s, m);
  }

  private async action(s: Session, m: Extract<ClientMessage, { type: 'action' }>): Promise<void> {
    const reply = (ok: boolean, error?: string): void =>
      this.send(s.ws, { type: 'result', id: m.id, ok, ...(error === undefined ? {} : { error }) });
    if (!s.claims.actions) return reply(false, 'this session is read-only: ask for a link with --allow-actions');
    const who = { tokenId: s.claims.id, issuer: s.claims.issuer };
    try {
      if (m.action === 'scale') {
        const replicas = Number(m.replicas);
        if (!Number.isSafeInteger(replicas) || replicas < 0) return reply(false, 'replicas: a whole number, 0 or more');
        this.cfg.log.info({ ...who, action: 'scale', service: m.service, replicas }, 'dashboard action');
        await this.control.unary('scaleService', { service: String(m.service), replicas });
      } else if (m.action === 'availability') {
        if (!['active', 'pause', 'drain'].includes(m.availability))
          return reply(false, 'availability: active, pause or drain');
        this.cfg.log.info(
          { ...who, action: 'availability', node: m.node, availability: m.availability },
          'dashboard action',
        );
        await this.control.unary('updateNode', { node: String(m.node), availability: m.availability });
      } else if (m.action === 'rollback') {
        this.cfg.log.info({ ...who, action: 'rollback', service: m.service }, 'dashboard action');
        await this.control.unary('updateService', { service: String(m.service), rollback: true });
      } else return reply(false, 'unknown action');
      reply(true);
      this.source.refreshSoon(0);
    } catch (e) {
      reply(false, e instanceof Error ? e.message : String(e));
    }
  }
}
