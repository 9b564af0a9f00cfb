// Prometheus metrics of a real cluster (three managers and a worker, node daemons started by the
// CLI with --metrics-addr, the host's engine) scraped by a real Prometheus server (Debian's package,
// installed by scripts/ensure-prometheus.mjs when missing): every target up, a few series with the
// values the cluster has, and `promtool check metrics` clean on every node's output. The worker
// serves with a bearer token: Prometheus scrapes it with the token file, a request without it is
// refused.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@clusterctl/common';
import { ensureDockerAndWorkloadImage, REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { IMAGE, Lab } from './lab.js';

const TOKEN = 'test-token-0123456789abcdef';

function ensurePrometheus(): { prometheus: string; promtool: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-prometheus.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`scripts/ensure-prometheus.mjs failed (exit ${r.status ?? r.signal})`);
  return { prometheus: 'prometheus', promtool: 'promtool' };
}

describe('metrics scraped by a real Prometheus server', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-prom-'));
  const tokenFile = join(dir, 'metrics.token');
  writeFileSync(tokenFile, TOKEN + '\n', { mode: 0o600 });
  /** node name -> its metrics address */
  const metricsAddr = new Map<string, string>();
  const lab = new Lab({
    managers: 3,
    workers: 1,
    nodeGrace: '10s',
    nodeArgs: async (name) => {
      const addr = `127.0.0.1:${await freePort()}`;
      metricsAddr.set(name, addr);
      return name.startsWith('w')
        ? ['--metrics-addr', addr, '--metrics-token-file', tokenFile]
        : ['--metrics-addr', addr];
    },
  });
  let prom: ChildProcess | undefined;
  let promAddr = '';
  let bins: { prometheus: string; promtool: string };

  before(async () => {
    ensureDockerAndWorkloadImage();
    bins = ensurePrometheus();
    await lab.start();
  });

  after(async () => {
    if (prom !== undefined && prom.exitCode === null) {
      prom.kill('SIGTERM');
      await new Promise((r) => prom!.once('exit', r));
    }
    await lab.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  async function query(q: string): Promise<number[]> {
    const r = await fetch(`http://${promAddr}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = (await r.json()) as { data: { result: { value: [number, string] }[] } };
    return body.data.result.map((x) => Number(x.value[1]));
  }

  test('targets up, sane values, promtool clean', async () => {
    await lab.ok('m1', [
      'service',
      'create',
      '--detach',
      '--name',
      'pm-web',
      '--replicas',
      '3',
      IMAGE,
      'sleep',
      '3600',
    ]);

    const managers = ['m1', 'm2', 'm3'].map((n) => metricsAddr.get(n)!);
    const worker = metricsAddr.get('w1')!;
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        'scrape_configs:',
        '  - job_name: clusterctl-managers',
        '    static_configs:',
        `      - targets: [${managers.map((a) => `'${a}'`).join(', ')}]`,
        '  - job_name: clusterctl-workers',
        '    authorization:',
        `      credentials_file: ${tokenFile}`,
        '    static_configs:',
        `      - targets: ['${worker}']`,
        '',
      ].join('\n'),
    );
    promAddr = `127.0.0.1:${await freePort()}`;
    prom = spawn(
      bins.prometheus,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=${promAddr}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let promLog = '';
    prom.stderr!.on('data', (b: Buffer) => (promLog = (promLog + b.toString()).slice(-4000)));

    const targets = await waitFor(
      'Prometheus to scrape all four nodes',
      async () => {
        const r = await fetch(`http://${promAddr}/api/v1/targets`).catch(() => undefined);
        if (r === undefined || !r.ok) return undefined;
        const b = (await r.json()) as {
          data: { activeTargets: { health: string; scrapeUrl: string; lastError: string }[] };
        };
        const t = b.data.activeTargets;
        return t.length === 4 && t.every((x) => x.health === 'up') ? t : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}\nprometheus log:\n${promLog}`);
    });
    assert.equal(targets.length, 4);

    // a few series with the values the cluster has
    const eventually = (what: string, q: string, ok: (v: number[]) => boolean): Promise<number[]> =>
      waitFor(
        what,
        async () => {
          const v = await query(q);
          return ok(v) ? v : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    await eventually('one leader', 'sum(clusterctl_raft_is_leader)', (v) => v[0] === 1);
    await eventually(
      'three voters seen by every manager',
      'clusterctl_raft_members{suffrage="voter"}',
      (v) => v.length === 3 && v.every((x) => x === 3),
    );
    await eventually(
      'the managers agree on the term',
      'count(count by (value) (clusterctl_raft_term))',
      (v) => v[0] === 1,
    );
    await eventually('commit index moving', 'min(clusterctl_raft_commit_index)', (v) => (v[0] ?? 0) > 10);
    await eventually('four nodes ready', 'max(sum by (instance) (clusterctl_nodes{state="ready"}))', (v) => v[0] === 4);
    await eventually(
      '3 of 3 pm-web tasks running',
      'max(clusterctl_service_tasks{service="pm-web",kind="running"})',
      (v) => v[0] === 3,
    );
    await eventually('four agent sessions on the leader', 'sum(clusterctl_dispatcher_sessions)', (v) => v[0] === 4);
    await eventually('every engine up', 'min(clusterctl_engine_up)', (v) => v.length === 1 && v[0] === 1);
    await eventually(
      'memory of the three pm-web containers, sampled by their nodes',
      'count(clusterctl_container_memory_bytes{service="pm-web"} > 0)',
      (v) => v[0] === 3,
    );
    await eventually(
      'placements observed',
      'sum(clusterctl_scheduler_placement_seconds_count)',
      (v) => (v[0] ?? 0) >= 3,
    );
    await eventually(
      'Control calls counted',
      'sum(clusterctl_grpc_server_handled_total{service="Control",code="OK"})',
      (v) => (v[0] ?? 0) > 0,
    );
    await eventually(
      'proposal latency observed',
      'sum(clusterctl_raft_proposal_duration_seconds_count)',
      (v) => (v[0] ?? 0) > 0,
    );

    // promtool check metrics on every node's output
    for (const [name, addr] of metricsAddr) {
      const headers = name.startsWith('w') ? { authorization: `Bearer ${TOKEN}` } : undefined;
      const r = await fetch(`http://${addr}/metrics`, headers === undefined ? {} : { headers });
      assert.equal(r.status, 200, `${name} /metrics`);
      const text = await r.text();
      const check = spawnSync(bins.promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      assert.equal(check.status, 0, `promtool check metrics on ${name}:\n${check.stdout}${check.stderr}`);
      assert.equal(`${check.stdout}${check.stderr}`.trim(), '', `promtool findings on ${name}`);
    }
    // the worker's endpoint refuses requests without its token
    assert.equal((await fetch(`http://${worker}/metrics`)).status, 401);
  });
});
