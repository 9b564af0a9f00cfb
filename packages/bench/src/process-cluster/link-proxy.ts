// A TCP pass-through for one directed manager-to-manager link (from dials to through this proxy),
// so tests can cut links: down() destroys the open connections and refuses new ones until up().
// TLS passes through untouched (the proxy never looks at the bytes).

import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export class LinkProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private isUp = true;
  /** Connections refused or cut while down (for test diagnostics). */
  cut = 0;

  private constructor(
    readonly target: { host: string; port: number },
    server: Server,
  ) {
    this.server = server;
  }

  static async start(targetAddr: string, host = '127.0.0.1'): Promise<LinkProxy> {
    const [h, p] = targetAddr.split(':');
    const target = { host: h ?? host, port: Number(p) };
    const server = createServer();
    const proxy = new LinkProxy(target, server);
    server.on('connection', (client) => proxy.onConnection(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    return proxy;
  }

  get addr(): string {
    const a = this.server.address() as AddressInfo;
    return `${a.address}:${a.port}`;
  }

  private onConnection(client: Socket): void {
    if (!this.isUp) {
      this.cut++;
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  down(): void {
    this.isUp = false;
    for (const s of this.sockets) {
      this.cut++;
      s.destroy();
    }
    this.sockets.clear();
  }

  up(): void {
    this.isUp = true;
  }

  isLinkUp(): boolean {
    return this.isUp;
  }

  async close(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
