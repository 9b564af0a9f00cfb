// Hostile or careless input on a real manager (mutual-TLS gRPC listener): oversized references
// answered promptly with a bounded error, reserved and unbounded labels refused, hostnames held to
// RFC 1123, and a join of several MB refused (its memory use: ca/join-size.system.test.ts).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, LABEL_LIMITS } from '@clusterctl/common';
import { joinCluster } from '@clusterctl/ca';
import type { clusterctl } from '@clusterctl/proto';
import { Manager } from '../manager.js';
import { controlClient, failure, nodeCaClientWithoutCert, type PromiseClient } from './testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

let dir: string;
let m: Manager;
let ctl: PromiseClient;

const spec = (over: Partial<clusterctl.cluster.IServiceSpec> = {}): clusterctl.cluster.IServiceSpec => ({
  name: 'web',
  image: 'busybox:1.36',
  mode: 'replicated',
  replicas: 1,
  ...over,
});

function storeState(): string {
  return JSON.stringify(m.store.view((tx) => ({ services: tx.list('services'), nodes: tx.list('nodes') })));
}

describe('input limits on a real manager', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-limits-'));
    m = await Manager.init({
      dataDir: join(dir, 'm1'),
      listenAddr: '127.0.0.1:0',
      hostname: 'host-a',
      raft: FAST_RAFT,
    });
    ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
  });
  after(async () => {
    ctl.close();
    await m.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('a 100,000-character reference is answered promptly with a short error', async () => {
    for (const name of ['x'.repeat(100_000), 'é'.repeat(100_000)]) {
      const t0 = Date.now();
      const calls: [string, () => Promise<unknown>][] = [
        ['getService', () => ctl.getService({ service: name }, 5_000)],
        ['removeService', () => ctl.removeService({ service: name }, 5_000)],
        ['getNode', () => ctl.getNode({ node: name }, 5_000)],
        ['createService', () => ctl.createService({ spec: spec({ name }) }, 5_000)],
        ['createService image', () => ctl.createService({ spec: spec({ name: 'long-image', image: name }) }, 5_000)],
      ];
      for (const [what, call] of calls) {
        const e = await failure(call());
        assert.ok(
          e.code === ErrorCode.NotFound || e.code === ErrorCode.InvalidArgument,
          `${what}: ${e.code}: ${e.message.slice(0, 200)}`,
        );
        assert.ok(e.message.length < 2_000, `${what}: the message is bounded (${e.message.length} characters)`);
        assert.ok(e.hint.length > 0, `${what}: a hint`);
      }
      assert.ok(Date.now() - t0 < 5_000, `answered in ${Date.now() - t0} ms`);
    }
  });

  test('reserved com.clusterctl.* labels are refused by the API, as by the CLI', async () => {
    const before = storeState();
    for (const key of ['com.clusterctl.task.id', 'COM.ClusterCtl.service.name']) {
      const e = await failure(ctl.createService({ spec: spec({ labels: { [key]: 'x' } }) }));
      assert.equal(e.code, ErrorCode.InvalidArgument, e.message);
      assert.match(e.message, /reserved/);
    }
    const created = await ctl.createService({ spec: spec({ name: 'labelled', labels: { tier: 'front' } }) });
    const e = await failure(
      ctl.updateService({
        service: created.id,
        spec: spec({ name: 'labelled', labels: { 'com.clusterctl.node.id': 'n1' } }),
      }),
    );
    assert.equal(e.code, ErrorCode.InvalidArgument);
    await ctl.removeService({ service: created.id });
    assert.equal(
      JSON.stringify(m.store.view((tx) => tx.list('services').filter((s) => s.spec.name !== 'labelled'))),
      JSON.stringify(JSON.parse(before).services),
    );
  });

  test('node and service labels are bounded in count and size; keys are printable', async () => {
    const before = storeState();
    const tooMany = Object.fromEntries(Array.from({ length: LABEL_LIMITS.maxCount + 1 }, (_, i) => [`k${i}`, 'v']));
    const cases: Record<string, string>[] = [
      { big: 'v'.repeat(1 << 20) },
      { ['k'.repeat(LABEL_LIMITS.maxKeyChars + 1)]: 'v' },
      { 'esc\u001b[31m': 'v' },
      { ctl: 'line\nbreak\u0007' },
      tooMany,
    ];
    for (const labels of cases) {
      const n = await failure(ctl.updateNode({ node: m.nodeId, labelAdd: labels }));
      assert.equal(n.code, ErrorCode.InvalidArgument, `node labels: ${n.message.slice(0, 200)}`);
      const s = await failure(ctl.createService({ spec: spec({ labels }) }));
      assert.equal(s.code, ErrorCode.InvalidArgument, `service labels: ${s.message.slice(0, 200)}`);
    }
    // the total is bounded too: labels that each fit, adding up to more than the limit
    const perValue = LABEL_LIMITS.maxValueChars;
    const many = Object.fromEntries(
      Array.from({ length: Math.ceil(LABEL_LIMITS.maxTotalBytes / perValue) + 1 }, (_, i) => [
        `big${i}`,
        'v'.repeat(perValue),
      ]),
    );
    assert.equal((await failure(ctl.updateNode({ node: m.nodeId, labelAdd: many }))).code, ErrorCode.InvalidArgument);
    // node labels added one call at a time are bounded by what the node ends up with
    const half = Object.fromEntries(Object.entries(many).slice(0, Math.ceil(Object.keys(many).length / 2)));
    const rest = Object.fromEntries(Object.entries(many).slice(Math.ceil(Object.keys(many).length / 2)));
    await ctl.updateNode({ node: m.nodeId, labelAdd: half });
    assert.equal((await failure(ctl.updateNode({ node: m.nodeId, labelAdd: rest }))).code, ErrorCode.InvalidArgument);
    await ctl.updateNode({ node: m.nodeId, labelRm: Object.keys(half) });
    const after = JSON.parse(storeState()) as { nodes: { labels: unknown }[] };
    assert.deepEqual(
      after.nodes.map((n) => n.labels),
      (JSON.parse(before) as { nodes: { labels: unknown }[] }).nodes.map((n) => n.labels),
    );
    // ordinary labels still work
    await ctl.updateNode({ node: m.nodeId, labelAdd: { zone: 'eu-1', 'com.example.ssd': '' } });
    await ctl.updateNode({ node: m.nodeId, labelRm: ['zone', 'com.example.ssd'] });
  });

  test('join refuses hostnames that are not RFC 1123 names, before anything is written', async () => {
    const token = (await ctl.getJoinToken({ role: 'worker' })).token as string;
    const before = storeState();
    for (const hostname of [
      'evil\u001b[31mred',
      'a;rm -rf',
      '$(reboot)',
      '-lead',
      'x'.repeat(64),
      Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.'),
      'under_score',
      '',
    ]) {
      const e = await failure(joinCluster({ managerAddr: m.advertiseAddr, token, hostname, timeoutMs: 10_000 }));
      assert.equal(e.code, ErrorCode.InvalidArgument, `${JSON.stringify(hostname)}: ${e.code} ${e.message}`);
    }
    assert.equal(storeState(), before);
    const ok = await joinCluster({
      managerAddr: m.advertiseAddr,
      token,
      hostname: 'worker-1.example.com',
      timeoutMs: 10_000,
    });
    assert.equal(ok.role, 'worker');
  });

  test('a join request of several MB is refused at once with a clear code', async () => {
    const noCert = nodeCaClientWithoutCert(m.advertiseAddr, m.nodeTls.caPem);
    try {
      const big = 'A'.repeat(8 << 20);
      const t0 = Date.now();
      const e = await failure(noCert.join({ token: 'SWMTKN-x', csrPem: big, hostname: 'h' }, 10_000));
      assert.ok(e.code === ErrorCode.InvalidArgument || e.code === ErrorCode.Overloaded, `${e.code}: ${e.message}`);
      assert.match(e.message, /too large|larger than/);
      assert.ok(Date.now() - t0 < 5_000, `refused in ${Date.now() - t0} ms`);
    } finally {
      noCert.close();
    }
    // a normal authenticated call of a hundred KB or so is still served
    const created = await ctl.createService({
      spec: spec({ name: 'big-env', env: Array.from({ length: 50 }, (_, i) => `V${i}=${'x'.repeat(3000)}`) }),
    });
    await ctl.removeService({ service: created.id });
  });

  test('a whole spec is bounded well under the transport limit, each field being within its own', async () => {
    const before = storeState();
    const env = Array.from({ length: 100 }, (_, i) => `V${i}=${'x'.repeat(4000)}`);
    const e = await failure(ctl.createService({ spec: spec({ name: 'huge', env }) }));
    assert.equal(e.code, ErrorCode.InvalidArgument, e.message);
    assert.match(e.message, /^the service spec is \d+ bytes, more than 262144$/);
    const created = await ctl.createService({ spec: spec({ name: 'huge' }) });
    assert.equal(
      (
        await failure(
          ctl.updateService({
            service: created.id,
            spec: spec({ name: 'huge', command: Array.from({ length: 100 }, () => 'y'.repeat(4000)) }),
          }),
        )
      ).code,
      ErrorCode.InvalidArgument,
    );
    await ctl.removeService({ service: created.id });
    assert.equal(
      JSON.stringify(
        JSON.parse(storeState()).services.filter((s: { spec: { name: string } }) => s.spec.name !== 'huge'),
      ),
      JSON.stringify(JSON.parse(before).services),
    );
  });

  test('service ls comes in pages of a few MB at most: many large services are all listed', async () => {
    const env = Array.from({ length: 60 }, (_, i) => `V${i}=${'x'.repeat(4000)}`); // ~240 KB each
    const names = Array.from({ length: 18 }, (_, i) => `big-${String(i).padStart(2, '0')}`);
    for (const name of names) await ctl.createService({ spec: spec({ name, env }) });
    try {
      const first = await ctl.listServices({});
      assert.ok(
        first.services.length < names.length,
        `the first page stops before 4 MiB (${first.services.length} services)`,
      );
      assert.notEqual(first.nextPageToken, '');
      const seen: string[] = first.services.map((x: { service: { spec: { name: string } } }) => x.service.spec.name);
      let token: string = first.nextPageToken;
      while (token !== '') {
        const page = await ctl.listServices({ pageToken: token });
        seen.push(...page.services.map((x: { service: { spec: { name: string } } }) => x.service.spec.name));
        token = page.nextPageToken;
      }
      assert.deepEqual(seen, names, 'every service once, by name');
      const small = await ctl.listServices({ pageSize: 5 });
      assert.equal(small.services.length, 5);
      assert.equal((await failure(ctl.listServices({ pageToken: 'not-a-token' }))).code, ErrorCode.InvalidArgument);
    } finally {
      for (const name of names) await ctl.removeService({ service: name });
    }
  });
});
