// `cluster ca`: prints the root CA; --rotate starts a rotation and follows it (nodes rotated N/M)
// until the new root replaced the old one, unless --detach; --quiet prints no progress. Against a
// stand-in for the daemon client that plays a rotation's ClusterInfo answers.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { Ctx } from '../context.js';
import type { DaemonClient } from '../daemon-client.js';
import { clusterCa, type ClusterCaConfig } from './cluster-ca.js';
import { clusterLines, clusterView } from './cluster-settings.js';

const OLD = '-----BEGIN CERTIFICATE-----\nOLD\n-----END CERTIFICATE-----\n';
const NEW = '-----BEGIN CERTIFICATE-----\nNEW\n-----END CERTIFICATE-----\n';
const info = (
  pem: string,
  digest: string,
  rotation?: { rotated: number; total: number },
): clusterctl.control.IClusterInfo => ({
  clusterId: 'c1',
  rootCaCertPem: pem,
  rootCaDigest: digest,
  ...(rotation
    ? {
        rootRotation: {
          newRootCaDigest: 'new',
          startedAt: 1,
          nodesRotated: rotation.rotated,
          nodesTotal: rotation.total,
        },
      }
    : {}),
});

function harness(answers: clusterctl.control.IClusterInfo[], format: 'table' | 'json' = 'table') {
  const calls: { method: string; req: unknown }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const client = {
    control(method: string, req: unknown): Promise<unknown> {
      calls.push({ method, req });
      if (method === 'rotateRootCa') return Promise.resolve(info(OLD, 'old', { rotated: 0, total: 4 }));
      if (method === 'updateCluster') return Promise.resolve(info(OLD, 'old'));
      return Promise.resolve(answers.length > 1 ? answers.shift() : answers[0]);
    },
  };
  const ctx = new Ctx('/nonexistent', format, false, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  ctx.client = () => client as unknown as DaemonClient;
  const cfg: ClusterCaConfig = { pollMs: 1, sleep: () => Promise.resolve() };
  return { ctx, calls, out, err, cfg };
}

describe('cluster ca', () => {
  test('without --rotate: the root CA certificate', async () => {
    const h = harness([info(OLD, 'old')]);
    const o = await clusterCa(h.ctx, {}, h.cfg);
    assert.equal(o.kind, 'text');
    assert.deepEqual(o.kind === 'text' && o.lines, OLD.trimEnd().split('\n'));
    assert.deepEqual(
      h.calls.map((c) => c.method),
      ['getClusterInfo'],
    );
  });

  test('--rotate follows the rotation, printing each new count once, then prints the new root', async () => {
    const h = harness([
      info(OLD, 'old', { rotated: 1, total: 4 }),
      info(OLD, 'old', { rotated: 1, total: 4 }),
      info(OLD, 'old', { rotated: 3, total: 4 }),
      info(NEW, 'new'),
    ]);
    const o = await clusterCa(h.ctx, { rotate: true }, h.cfg);
    assert.deepEqual(o.kind === 'text' && o.lines, NEW.trimEnd().split('\n'));
    const progress = h.out.join('');
    assert.match(progress, /root CA rotation started: new root sha256:new/);
    assert.equal(progress.match(/rotated node certificates: 1\/4 nodes/g)?.length, 1);
    assert.match(
      progress,
      /rotated node certificates: 3\/4 nodes\nrotated node certificates: 4\/4 nodes\nroot CA rotation finished/,
      'the complete count before the end, though the last read saw 3/4',
    );
    assert.deepEqual(
      h.calls.map((c) => c.method),
      ['rotateRootCa', 'getClusterInfo', 'getClusterInfo', 'getClusterInfo', 'getClusterInfo'],
    );
  });

  test('--rotate that finished before the first read still prints the complete count (the nodes counted at the start)', async () => {
    const h = harness([info(NEW, 'new')]);
    await clusterCa(h.ctx, { rotate: true }, h.cfg);
    assert.match(h.out.join(''), /rotated node certificates: 4\/4 nodes\nroot CA rotation finished/);
  });

  test('--rotate --quiet prints no progress; --format json keeps progress off stdout', async () => {
    const q = harness([info(NEW, 'new')]);
    await clusterCa(q.ctx, { rotate: true, quiet: true }, q.cfg);
    assert.equal(q.out.join(''), '');
    const j = harness([info(OLD, 'old', { rotated: 2, total: 4 }), info(NEW, 'new')], 'json');
    await clusterCa(j.ctx, { rotate: true }, j.cfg);
    assert.equal(j.out.join(''), '');
    assert.match(j.err.join(''), /2\/4 nodes/);
  });

  test('--rotate --detach returns once started; --cert-expiry is applied first', async () => {
    const h = harness([info(OLD, 'old', { rotated: 0, total: 4 })]);
    const o = await clusterCa(h.ctx, { rotate: true, detach: true, certExpiry: '30d' }, h.cfg);
    assert.deepEqual(
      h.calls.map((c) => c.method),
      ['updateCluster', 'rotateRootCa'],
    );
    assert.deepEqual(h.calls[0]!.req, { nodeCertExpiryMs: 30 * 86_400_000 });
    assert.match(o.kind === 'text' ? o.lines[0]! : '', /Root CA rotation started: new root sha256:new/);
  });

  test('a rotation that ends with another root is an error; --detach/--quiet without --rotate is a usage error', async () => {
    const h = harness([info('-----BEGIN CERTIFICATE-----\nOTHER\n-----END CERTIFICATE-----\n', 'other')]);
    await assert.rejects(
      clusterCa(h.ctx, { rotate: true }, h.cfg),
      (e) => e instanceof ClusterError && e.code === ErrorCode.Conflict,
    );
    for (const o of [{ detach: true }, { quiet: true }]) {
      await assert.rejects(
        clusterCa(harness([info(OLD, 'old')]).ctx, o),
        (e) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && /--rotate/.test(e.message),
      );
    }
  });

  test('cluster inspect shows the rotation state', () => {
    assert.ok(clusterLines(clusterView(info(OLD, 'old'))).includes('Root rotation:       none'));
    const line = clusterLines(clusterView(info(OLD, 'old', { rotated: 2, total: 4 }))).find((l) =>
      l.startsWith('Root rotation:'),
    );
    assert.match(line ?? '', /in progress since .*: 2\/4 nodes rotated \(new root sha256:new\)/);
  });
});
