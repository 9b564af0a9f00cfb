// The dashboard's access rules, in-process (a cluster CA and a manager certificate made here, no
// cluster behind the control socket): what a request without a valid token gets, the login link's
// cookie, a WebSocket closed when its token expires, and revocation (the cluster's cutoff injected;
// when it is read: the fake clock).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createClusterCa, issueNodeCertificate, type NodeTls } from '@clusterctl/ca';
import { silentLogger } from '@clusterctl/common';
import { FakeClock } from '@clusterctl/common/testing';
import {
  DASHBOARD_COOKIE,
  DashboardServer,
  REVOCATION_MAX_AGE_MS,
  WS_CLOSE_EXPIRED,
  WS_CLOSE_REVOKED,
} from './dashboard-server.js';
import { issueDashboardToken } from './dashboard-token.js';

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard server access', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-dash-'));
  let tls: NodeTls;
  let server: DashboardServer;
  let base = '';
  let port = 0;
  const token = (ttlMs: number, actions = false): string =>
    issueDashboardToken(tls, { clusterId: 'c1', nodeId: 'm1', ttlMs, actions }).token;
  /** The cluster's revocation cutoff as the server reads it (0: nothing revoked). */
  let notBefore = 0;
  const config = (over: Partial<ConstructorParameters<typeof DashboardServer>[0]> = {}) => ({
    addr: '127.0.0.1:0',
    log: silentLogger(),
    tls: () => tls,
    clusterId: () => 'c1',
    isManager: () => true,
    controlSocket: join(dir, 'control.sock'),
    readTokensNotBefore: () => Promise.resolve(notBefore),
    ...over,
  });
  /** A session: `greeted` once the server said hello, `closed` with the close code. */
  const openSocket = (t: string): { greeted: Promise<void>; closed: Promise<{ code: number; hello: unknown }> } => {
    let greet = (): void => {};
    const greeted = new Promise<void>((r) => (greet = r));
    const closed = new Promise<{ code: number; hello: unknown }>((resolve, reject) => {
      let hello: unknown;
      const ws = new WebSocket(`wss://127.0.0.1:${port}/ws`, {
        rejectUnauthorized: false,
        headers: { cookie: `${DASHBOARD_COOKIE}=${t}`, origin: `https://127.0.0.1:${port}` },
      });
      ws.on('message', (d) => {
        const m = JSON.parse(String(d)) as { type: string };
        if (m.type === 'hello') {
          hello = m;
          greet();
        }
      });
      ws.on('close', (code) => resolve({ code, hello }));
      ws.on('error', reject);
    });
    return { greeted, closed };
  };

  before(async () => {
    const ca = await createClusterCa({ clusterId: 'c1' });
    const c = await issueNodeCertificate(ca, { nodeId: 'm1', role: 'manager', clusterId: 'c1' });
    tls = { caPem: ca.certPem, certPem: c.certPem, keyPem: c.keyPem };
    server = new DashboardServer(config());
    port = await server.start();
    base = `https://127.0.0.1:${port}`;
  });

  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('no token, a bad one or an expired one: 401 on every path, naming nothing', async () => {
    const expired = issueDashboardToken(tls, {
      clusterId: 'c1',
      nodeId: 'm1',
      ttlMs: 1000,
      actions: true,
      nowMs: Date.now() - 2000,
    }).token;
    for (const path of ['/', '/app.js', '/style.css', '/api/state', '/nothing', '/login', `/login?token=${expired}`]) {
      const variants: Record<string, string>[] = [
        {},
        { authorization: 'Bearer x.y.z' },
        { cookie: `${DASHBOARD_COOKIE}=${expired}` },
      ];
      for (const headers of variants) {
        const r = await get(base + path, headers);
        assert.equal(r.status, 401, `${path} ${JSON.stringify(headers)}`);
        assert.equal(r.body, 'unauthorized\n');
      }
    }
  });

  test('the login link sets the token as a secure cookie and leaves for /; the cookie opens the page', async () => {
    const t = token(60_000);
    const r = await get(`${base}/login?token=${t}`);
    assert.equal(r.status, 303);
    assert.equal(r.headers.location, '/');
    const cookie = String(r.headers['set-cookie']);
    assert.match(cookie, new RegExp(`^${DASHBOARD_COOKIE}=${t.replace(/[.]/g, '\\.')};`));
    for (const attr of ['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/']) assert.ok(cookie.includes(attr), attr);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    assert.ok(maxAge > 50 && maxAge <= 60, `Max-Age ${maxAge}`);
    const page = await get(`${base}/`, { cookie: `${DASHBOARD_COOKIE}=${t}` });
    assert.equal(page.status, 200);
    assert.match(page.body, /<script type="module" src="\/app.js">/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    const js = await get(`${base}/app.js`, { authorization: `Bearer ${t}` });
    assert.equal(js.status, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
  });

  test('a WebSocket needs a token, the same origin, and closes when its token expires', async () => {
    const refusedWith = (headers: Record<string, string>): Promise<number> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`wss://127.0.0.1:${port}/ws`, { rejectUnauthorized: false, headers });
        ws.on('open', () => reject(new Error('opened')));
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('error', reject);
      });
    assert.equal(await refusedWith({}), 401);
    assert.equal(
      await refusedWith({ authorization: `Bearer ${token(60_000)}`, origin: 'https://elsewhere.example' }),
      403,
    );
    const closed = await openSocket(token(1500)).closed;
    assert.equal(closed.code, WS_CLOSE_EXPIRED);
    assert.deepEqual((closed.hello as { session: { actions: boolean } }).session.actions, false);
  });

  test('revoked: the open session is closed, its token refused, a token issued after works', async () => {
    const old = token(60_000);
    assert.equal((await get(`${base}/`, { authorization: `Bearer ${old}` })).status, 200);
    const session = openSocket(old);
    await session.greeted;
    notBefore = Date.now(); // `clusterctl dashboard --revoke`, as the server reads it on its next poll
    const closed = await session.closed;
    assert.equal(closed.code, WS_CLOSE_REVOKED);
    assert.ok(closed.hello !== undefined, 'the session was open before');
    assert.equal((await get(`${base}/`, { authorization: `Bearer ${old}` })).status, 401);
    const fresh = issueDashboardToken(tls, {
      clusterId: 'c1',
      nodeId: 'm1',
      ttlMs: 60_000,
      actions: false,
      nowMs: notBefore + 1,
    }).token;
    assert.equal((await get(`${base}/`, { authorization: `Bearer ${fresh}` })).status, 200);
  });

  test('while the cutoff cannot be read, every token is refused (503 for a valid one, 401 naming nothing else)', async () => {
    const blind = new DashboardServer(config({ readTokensNotBefore: () => Promise.reject(new Error('no quorum')) }));
    const p = await blind.start();
    try {
      const r = await get(`https://127.0.0.1:${p}/`, { authorization: `Bearer ${token(60_000)}` });
      assert.equal(r.status, 503);
      assert.match(r.body, /cannot check the link/);
      const bad = await get(`https://127.0.0.1:${p}/`, { authorization: 'Bearer x.y.z' });
      assert.equal(bad.status, 401);
      assert.equal(bad.body, 'unauthorized\n');
    } finally {
      await blind.stop();
    }
  });

  test('an idle dashboard reads the cutoff only to accept a token, again once the last read is 2 s old', async () => {
    const clock = new FakeClock(Date.now());
    let reads = 0;
    let cutoff = 0;
    const lazy = new DashboardServer(
      config({
        clock,
        readTokensNotBefore: () => {
          reads++;
          return Promise.resolve(cutoff);
        },
      }),
    );
    const p = await lazy.start();
    const page = async (t: string): Promise<number> =>
      (await get(`https://127.0.0.1:${p}/`, { authorization: `Bearer ${t}` })).status;
    try {
      clock.advance(60_000);
      assert.equal(reads, 0, 'no page open, no token presented: nothing read');
      assert.equal((await get(`https://127.0.0.1:${p}/`, { authorization: 'Bearer x.y.z' })).status, 401);
      assert.equal(reads, 0, 'an invalid token costs no read');
      const t = token(60_000);
      assert.equal(await page(t), 200);
      assert.equal(await page(t), 200);
      assert.equal(reads, 1, 'the second request uses the cutoff just read');
      cutoff = Date.now(); // revoked; this dashboard learns it at its next read
      clock.advance(REVOCATION_MAX_AGE_MS - 1);
      assert.equal(await page(t), 200);
      assert.equal(reads, 1);
      clock.advance(1);
      assert.equal(await page(t), 401, 'a cutoff 2 s old is read again before the token is accepted');
      assert.equal(reads, 2);
    } finally {
      await lazy.stop();
    }
  });

  test('an open page has the cutoff read every 2 s, and nothing is read once it closes', async () => {
    const clock = new FakeClock(Date.now());
    let reads = 0;
    let cutoff = 0;
    const watched = new DashboardServer(
      config({
        clock,
        readTokensNotBefore: () => {
          reads++;
          return Promise.resolve(cutoff);
        },
      }),
    );
    const wsPort = await watched.start();
    const savedPort = port;
    port = wsPort;
    try {
      const first = openSocket(token(60_000));
      await first.greeted;
      assert.equal(reads, 1, 'read to accept the socket');
      clock.advance(REVOCATION_MAX_AGE_MS);
      await waitForReads(() => reads, 2);
      cutoff = Date.now();
      clock.advance(REVOCATION_MAX_AGE_MS);
      assert.equal((await first.closed).code, WS_CLOSE_REVOKED);
      assert.equal(reads, 3);
      clock.advance(10 * REVOCATION_MAX_AGE_MS);
      assert.equal(reads, 3, 'no page open: the poll stopped');
    } finally {
      port = savedPort;
      await watched.stop();
    }
  });
});

/** Waits (on the event loop, not on time) until the counter reaches n and that read has settled. */
async function waitForReads(count: () => number, n: number): Promise<void> {
  const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
  for (let i = 0; i < 1000 && count() < n; i++) await turn();
  assert.equal(count(), n);
  await turn(); // the injected read resolves at once: one turn runs what follows it
}
