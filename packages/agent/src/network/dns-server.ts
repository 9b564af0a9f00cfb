// The node's resolver for its tasks: UDP and TCP on the cluster bridge's gateway address, port 53,
// and nowhere else (tasks reach it; it is no open resolver). Names of ours are answered from
// DnsRecords; the rest are forwarded, as the bytes came, to the node's own resolvers
// (/etc/resolv.conf), each tried in turn.
import { createSocket, type Socket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import type { Logger } from '@clusterctl/common';
import { DnsRcode, encodeResponse, parseQuery } from './dns-codec.js';
import { DNS_TTL_S, type DnsRecords } from './dns-records.js';

export interface DnsServerConfig {
  host: string;
  port?: number;
  records: DnsRecords;
  /** Resolvers to forward to (host or host:port); default: the nameservers of /etc/resolv.conf. */
  upstreams?: string[];
  forwardTimeoutMs?: number;
  log: Logger;
}

export const DNS_DEFAULTS = { port: 53, forwardTimeoutMs: 2_000 } as const;
/** Largest TCP message we take (a query is far smaller). */
const MAX_TCP_MESSAGE = 4096;

/** The nameservers of a resolv.conf text (IPv4 only; loopback ones too: they answer in our namespace). */
export function parseResolvConf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\d+\.\d+\.\d+\.\d+)\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

export class DnsServer {
  private udp: Socket | undefined;
  private tcp: Server | undefined;
  private upstreams: string[] = [];
  private readonly log: Logger;

  constructor(private readonly cfg: DnsServerConfig) {
    this.log = cfg.log;
  }

  get host(): string {
    return this.cfg.host;
  }

  async start(): Promise<void> {
    this.upstreams = this.cfg.upstreams ?? parseResolvConf(await readFile('/etc/resolv.conf', 'utf8').catch(() => ''));
    const port = this.cfg.port ?? DNS_DEFAULTS.port;
    // Port 0 (tests): UDP picks a free port, which TCP may find taken; then both are tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.listen(port);
        break;
      } catch (e) {
        if (port !== 0 || attempt >= 5 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      }
    }
    this.log.info({ host: this.cfg.host, port, upstreams: this.upstreams }, 'cluster DNS listening');
  }

  /** Binds UDP, then TCP on the same port; on failure nothing stays open. */
  private async listen(port: number): Promise<void> {
    const udp = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(port, this.cfg.host, () => {
        udp.off('error', reject);
        resolve();
      });
    }).catch((e: unknown) => {
      udp.close();
      throw e;
    });
    const tcp = createServer((sock) => this.serveTcp(sock));
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        // The same port as UDP (a port 0 in tests became a concrete one).
        tcp.listen(udp.address().port, this.cfg.host, () => {
          tcp.off('error', reject);
          resolve();
        });
      });
    } catch (e) {
      udp.close();
      tcp.close();
      throw e;
    }
    udp.on('error', (e) => this.log.warn({ err: e }, 'dns socket error'));
    udp.on('message', (msg, rinfo) => {
      void this.handle(msg, rinfo.address).then((out) => {
        if (out) udp.send(out, rinfo.port, rinfo.address);
      });
    });
    tcp.on('error', (e) => this.log.warn({ err: e }, 'dns listener error'));
    this.udp = udp;
    this.tcp = tcp;
  }

  /** The bound UDP port (tests bind port 0). */
  port(): number {
    return this.udp?.address().port ?? 0;
  }

  async stop(): Promise<void> {
    const udp = this.udp;
    const tcp = this.tcp;
    this.udp = undefined;
    this.tcp = undefined;
    if (udp) await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (tcp) await new Promise<void>((resolve) => tcp.close(() => resolve()));
  }

  /** The answer to one message from `source` (undefined: nothing to send back). */
  async handle(msg: Buffer, source: string): Promise<Buffer | undefined> {
    const q = parseQuery(msg);
    if (!q) return undefined;
    if (q.opcode !== 0) return encodeResponse(q, { rcode: DnsRcode.NotImp });
    const a = this.cfg.records.answer(q.question.name, q.question.type, source);
    if (a.kind === 'records')
      return encodeResponse(q, { rcode: DnsRcode.NoError, ips: a.ips, ttlS: DNS_TTL_S, aa: true });
    if (a.kind === 'nxdomain') return encodeResponse(q, { rcode: DnsRcode.NxDomain, aa: true });
    return (await this.forward(msg)) ?? encodeResponse(q, { rcode: DnsRcode.ServFail });
  }

  private async forward(msg: Buffer): Promise<Buffer | undefined> {
    for (const up of this.upstreams) {
      const [host, portText] = up.split(':');
      const out = await forwardUdp(
        msg,
        host!,
        Number(portText ?? 53),
        this.cfg.forwardTimeoutMs ?? DNS_DEFAULTS.forwardTimeoutMs,
      );
      if (out) return out;
    }
    return undefined;
  }

  private serveTcp(sock: TcpSocket): void {
    let buf = Buffer.alloc(0);
    sock.setTimeout(10_000, () => sock.destroy());
    sock.on('error', () => undefined);
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length > MAX_TCP_MESSAGE + 2) return void sock.destroy();
      while (buf.length >= 2) {
        const len = buf.readUInt16BE(0);
        if (buf.length < 2 + len) break;
        const msg = buf.subarray(2, 2 + len);
        buf = buf.subarray(2 + len);
        void this.handle(Buffer.from(msg), sock.remoteAddress?.replace(/^::ffff:/, '') ?? '').then((out) => {
          if (!out || sock.destroyed) return;
          const head = Buffer.alloc(2);
          head.writeUInt16BE(out.length, 0);
          sock.write(Buffer.concat([head, out]));
        });
      }
    });
  }
}

function forwardUdp(msg: Buffer, host: string, port: number, timeoutMs: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    const id = msg.readUInt16BE(0);
    const done = (out: Buffer | undefined): void => {
      clearTimeout(timer);
      s.close();
      resolve(out);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    s.on('error', () => done(undefined));
    s.on('message', (m) => {
      if (m.length >= 2 && m.readUInt16BE(0) === id) done(m);
    });
    s.send(msg, port, host, (err) => {
      if (err) done(undefined);
    });
  });
}
