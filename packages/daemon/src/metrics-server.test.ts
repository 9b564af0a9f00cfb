import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter, Registry } from 'prom-client';
import { ClusterError, ErrorCode, silentLogger } from '@clusterctl/common';
import { checkMetricsExposure, MetricsServer, readMetricsToken } from './metrics-server.js';

function registry(): Registry {
  const r = new Registry();
  new Counter({ name: 'clusterctl_test_total', help: 'a test counter', registers: [r] }).inc(3);
  return r;
}

test('loopback may go without a token; any other address needs one', () => {
  for (const a of ['127.0.0.1:9323', 'localhost:9323', '[::1]:9323']) checkMetricsExposure(a, false);
  for (const a of ['0.0.0.0:9323', '10.0.0.5:9323', '[::]:9323']) {
    assert.throws(
      () => checkMetricsExposure(a, false),
      (e: unknown) =>
        e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && /--metrics-token-file/.test(e.hint),
    );
    checkMetricsExposure(a, true);
  }
});

test('GET /metrics answers in the text format; with a token, only requests that carry it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-metrics-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'token');
  writeFileSync(file, 'abcdefghijklmnop0123\n', { mode: 0o600 });
  const token = await readMetricsToken(file);
  assert.equal(token, 'abcdefghijklmnop0123');
  writeFileSync(join(dir, 'short'), 'x');
  await assert.rejects(readMetricsToken(join(dir, 'short')), /no usable token/);

  const open = new MetricsServer({ addr: '127.0.0.1:0', registry: registry(), log: silentLogger() });
  const p1 = await open.start();
  t.after(() => open.stop());
  const r1 = await fetch(`http://127.0.0.1:${p1}/metrics`);
  assert.equal(r1.status, 200);
  assert.match(r1.headers.get('content-type') ?? '', /text\/plain/);
  assert.match(await r1.text(), /^clusterctl_test_total 3$/m);
  assert.equal((await fetch(`http://127.0.0.1:${p1}/other`)).status, 404);

  const closed = new MetricsServer({ addr: '127.0.0.1:0', registry: registry(), log: silentLogger(), token });
  const p2 = await closed.start();
  t.after(() => closed.stop());
  const url = `http://127.0.0.1:${p2}/metrics`;
  assert.equal((await fetch(url)).status, 401);
  assert.equal((await fetch(url, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 401);
  const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /clusterctl_test_total 3/);
});
