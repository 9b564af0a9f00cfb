// The web dashboard of a real cluster (three managers and two workers started by the CLI, the
// host's engine; m1 serves the dashboard with --dashboard-addr), in a real headless browser (Debian's
// chromium, installed by scripts/ensure-chromium.mjs when missing, driven by playwright-core): the
// login link opens the page, it shows the nodes, services and managers, and it follows a worker's
// death live (the node down and its tasks moved, within about a second of the cluster marking it
// down). Unauthenticated and expired-token requests get a bare 401; a read-only session cannot act,
// one with --allow-actions scales a service (a cluster event); `dashboard --revoke` on another manager
// closes the open page and refuses the old link. Screenshots are kept under
// tmp/artifacts/dashboard/ (gitignored).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { freePort } from '@clusterctl/common';
import { ensureDockerAndWorkloadImage, REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { IMAGE, Lab } from './lab.js';

const ARTIFACTS = join(REPO_ROOT, 'tmp/artifacts/dashboard');
const SERVICE = 'dash-web';
/** The flags Debian's chromium needs as root on a machine without outside network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Login {
  addr: string;
  url: string;
  token: string;
  expiresAt: string;
  allowActions: boolean;
}

function ensureChromium(): string {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-chromium.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 900_000,
  });
  if (r.status !== 0) throw new Error(`scripts/ensure-chromium.mjs failed (exit ${r.status ?? r.signal})`);
  return '/usr/bin/chromium';
}

/** An HTTPS request to the dashboard (the cluster's CA is not the machine's: not checked here). */
async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A WebSocket upgrade: the HTTP status it was refused with, or 101. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { rejectUnauthorized: false, headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (e) => reject(e));
  });
}

describe('the web dashboard in a real browser', { timeout: 600_000 }, () => {
  let dashboardAddr = '';
  const lab = new Lab({
    managers: 3,
    workers: 2,
    nodeArgs: async (name) => {
      if (name !== 'm1') return [];
      dashboardAddr = `127.0.0.1:${await freePort()}`;
      return ['--dashboard-addr', dashboardAddr];
    },
  });
  let browser: Browser | undefined;
  let executablePath = '';

  before(async () => {
    ensureDockerAndWorkloadImage();
    executablePath = ensureChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    await lab.start();
    await lab.ok('m1', [
      'service',
      'create',
      '--detach',
      '--name',
      SERVICE,
      '--replicas',
      '5',
      IMAGE,
      'sh',
      '-c',
      'i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.5; done',
    ]);
    await waitFor(
      `${SERVICE} 5/5 running`,
      async () => (await lab.containers({ service: SERVICE, running: true })).length === 5,
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await lab.teardown();
    process.stdout.write(`# screenshots: ${ARTIFACTS}\n`);
  });

  const login = (args: string[] = []): Promise<Login> => lab.json<Login>('m1', ['dashboard', ...args]);

  async function openPage(l: Login): Promise<Page> {
    const context = await browser!.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const res = await page.goto(l.url);
    assert.equal(res?.status(), 200, 'the login link leads to the page');
    assert.equal(new URL(page.url()).pathname, '/', 'the token left the address bar');
    return page;
  }

  test('no token, a forged or an expired one: a bare 401 that names nothing', async () => {
    const base = `https://${dashboardAddr}`;
    const good = await login();
    const names = ['m1', 'w1', SERVICE, lab.clusterId];
    for (const [what, path, headers] of [
      ['the page without a token', '/', {}],
      ['the state without a token', '/api/state', {}],
      ['a script without a token', '/app.js', {}],
      ['a login without a token', '/login', {}],
      ['a garbage token', '/api/state', { authorization: 'Bearer not-a-token' }],
      ['a garbage cookie', '/', { cookie: 'clusterctl_dashboard=x.y.z' }],
      ['a changed token', '/api/state', { authorization: `Bearer ${good.token.slice(0, -4)}AAAA` }],
    ] as const) {
      const r = await get(base + path, headers);
      assert.equal(r.status, 401, what);
      for (const n of names) assert.ok(!r.body.includes(n), `${what}: the answer names ${n}: ${r.body}`);
    }
    assert.equal(await upgradeStatus(`wss://${dashboardAddr}/ws`), 401, 'a WebSocket without a token');
    // the token works, as a bearer token and on the socket
    const ok = await get(`${base}/api/state`, { authorization: `Bearer ${good.token}` });
    assert.equal(ok.status, 200);
    assert.ok(ok.body.includes(SERVICE));
    assert.equal(await upgradeStatus(`wss://${dashboardAddr}/ws`, { authorization: `Bearer ${good.token}` }), 101);
    // ... but not from another site's page
    assert.equal(
      await upgradeStatus(`wss://${dashboardAddr}/ws`, {
        authorization: `Bearer ${good.token}`,
        origin: 'https://elsewhere.example',
      }),
      403,
    );

    const short = await login(['--ttl', '1s']);
    const expiresAt = Date.parse(short.expiresAt);
    await waitFor('the short token to expire', () => Date.now() > expiresAt + 50, { timeoutMs: 5_000, intervalMs: 50 });
    for (const [what, r] of [
      ['login with an expired token', await get(short.url)],
      ['bearer with an expired token', await get(`${base}/api/state`, { authorization: `Bearer ${short.token}` })],
      ['cookie with an expired token', await get(`${base}/`, { cookie: `clusterctl_dashboard=${short.token}` })],
    ] as const) {
      assert.equal(r.status, 401, what);
      assert.ok(!r.body.includes(SERVICE), what);
    }
    assert.equal(
      await upgradeStatus(`wss://${dashboardAddr}/ws`, { authorization: `Bearer ${short.token}` }),
      401,
      'a WebSocket with an expired token',
    );
  });

  test('the page shows nodes, services and managers, then follows a worker kill live', async () => {
    const page = await openPage(await login());
    for (const n of ['m1', 'm2', 'm3', 'w1', 'w2'])
      await page.locator(`[data-node="${n}"][data-state="ready"]`).waitFor({ timeout: 30_000 });
    await page.locator(`#services tr[data-service="${SERVICE}"] [data-replicas="5/5"]`).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(`.task[data-service="${SERVICE}"][data-state="running"]`).count(), 5);
    assert.equal(await page.locator('#managers tr[data-manager]').count(), 3);
    assert.equal(await page.locator('#managers .badge', { hasText: 'leader' }).count(), 1);
    assert.equal(await page.locator('#services button', { hasText: 'scale' }).count(), 0, 'read-only: no actions');
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });

    // The victim: a worker running some of the service's tasks.
    const w1 = lab.node('w1');
    const onW1 = await lab.containers({ service: SERVICE, nodeId: w1.nodeId, running: true });
    assert.ok(onW1.length > 0, 'w1 runs tasks of the service');
    await page.locator(`[data-node="w1"] .task[data-service="${SERVICE}"]`).first().waitFor();
    const killedAt = Date.now();
    await lab.killDaemon('w1');
    await page.locator('[data-node="w1"][data-state="down"]').waitFor({ timeout: 30_000 });
    const shownDownAt = Date.now();
    // when the cluster knew: the time of its "node down" event (the raft entry's time)
    const events = (
      await lab.cli('m1', [
        'events',
        '--since',
        String(killedAt / 1000),
        '--until',
        String(Date.now() / 1000),
        '--filter',
        'type=node',
        '--filter',
        'event=down',
        '--format',
        'json',
      ])
    ).stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { timeMs: number; name: string; id: string });
    const down = events.find((e) => e.id === w1.nodeId || e.name === 'w1');
    assert.ok(down !== undefined, `a node down event for w1: ${JSON.stringify(events)}`);
    const lagMs = shownDownAt - down.timeMs;
    process.stdout.write(`# figure: node down shown ${lagMs} ms after the cluster marked it down\n`);
    assert.ok(lagMs <= 1_500, `the page showed w1 down ${lagMs} ms after the cluster knew`);

    // its tasks move: five running again, none on w1
    await page
      .locator(`[data-node="w1"] .task[data-service="${SERVICE}"]`)
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    await waitFor(
      'the page shows five running tasks of the service off w1',
      async () =>
        (await page.locator(`.task[data-service="${SERVICE}"][data-state="running"]`).count()) === 5 &&
        (await page.locator(`[data-node="w1"] .task`).count()) === 0,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    await page.locator(`#events [data-event="node down"]`).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'node-down.png'), fullPage: true });

    // the service's page: its tasks and a live log tail
    await page.locator(`#services a`, { hasText: SERVICE }).click();
    await page.locator(`#service[data-service="${SERVICE}"]`).waitFor();
    await waitFor('log lines in the tail', async () => /tick \d+/.test(await page.locator('pre.logs').innerText()), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const before = (await page.locator('pre.logs').innerText()).split('\n').length;
    await waitFor(
      'the tail grows',
      async () => (await page.locator('pre.logs').innerText()).split('\n').length > before,
      {
        timeoutMs: 30_000,
        intervalMs: 200,
      },
    );
    await page.screenshot({ path: join(ARTIFACTS, 'service.png'), fullPage: true });
    await page.context().close();
  });

  test('actions: refused in a read-only session, done (as a cluster event) with --allow-actions', async () => {
    // read-only: the socket refuses an action sent by hand
    const ro = await login();
    const refused = await new Promise<{ ok: boolean; error?: string }>((resolve, reject) => {
      const ws = new WebSocket(`wss://${dashboardAddr}/ws`, {
        rejectUnauthorized: false,
        headers: { authorization: `Bearer ${ro.token}` },
      });
      ws.on('open', () =>
        ws.send(JSON.stringify({ type: 'action', id: 7, action: 'scale', service: SERVICE, replicas: 1 })),
      );
      ws.on('message', (d) => {
        const m = JSON.parse(String(d)) as { type: string; id?: number; ok: boolean; error?: string };
        if (m.type === 'result' && m.id === 7) {
          ws.close();
          resolve(m);
        }
      });
      ws.on('error', reject);
    });
    assert.equal(refused.ok, false);
    assert.match(refused.error ?? '', /read-only/);

    const page = await openPage(await login(['--allow-actions']));
    const row = page.locator(`#services tr[data-service="${SERVICE}"]`);
    await row.locator('input[type="number"]').fill('3');
    await row.locator('button', { hasText: 'scale' }).click();
    await row.locator('[data-replicas="3/3"]').waitFor({ timeout: 60_000 });
    await page
      .locator(`#events [data-event="service update"]`, { hasText: 'replicas' })
      .first()
      .waitFor({ timeout: 10_000 });
    const svc = await lab.json<Array<{ spec: { replicas: number } }>>('m1', ['service', 'inspect', SERVICE]);
    assert.equal(svc[0]!.spec.replicas, 3);
    await page.screenshot({ path: join(ARTIFACTS, 'scaled.png'), fullPage: true });
    await page.context().close();
  });

  test('dashboard --revoke on another manager: the open page is told, the old link is refused, a new one works', async () => {
    const base = `https://${dashboardAddr}`;
    const old = await login();
    const page = await openPage(old);
    await page.locator('#conn[data-conn="live"]').waitFor({ timeout: 30_000 });
    const revoked = await lab.json<{ revokedBefore: string }>('m2', ['dashboard', '--revoke']);
    assert.ok(Date.parse(revoked.revokedBefore) >= Date.parse(old.expiresAt) - 3_600_000);
    await page.locator('#conn[data-conn="expired"]', { hasText: 'link revoked' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'revoked.png'), fullPage: true });
    await page.context().close();
    const refused = await get(`${base}/api/state`, { authorization: `Bearer ${old.token}` });
    assert.equal(refused.status, 401);
    assert.ok(!refused.body.includes(SERVICE));
    const fresh = await login();
    assert.equal((await get(`${base}/api/state`, { authorization: `Bearer ${fresh.token}` })).status, 200);
    const usage = await lab.cli('m1', ['dashboard', '--revoke', '--ttl', '5m']);
    assert.equal(usage.code, 2, usage.stderr);
    assert.match(usage.stderr, /--revoke issues no link/);
  });
});
