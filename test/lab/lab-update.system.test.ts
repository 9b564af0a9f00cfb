// A rolling update under steady load in the docker-in-docker lab (1 manager, 2 workers, the real
// daemons and CLI): a healthy published service is updated twice (a new env value, then a new
// image) while a client on the lab network sends requests, one after the other, to the published
// port of every node; not one request fails, and every replica is replaced.
// Workloads are busybox: httpd with a CGI that prints the container's hostname; requests go
// through nc.
// Run alone (`npm run test:lab`): the lab uses fixed container names and subnets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Label } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { LabUnderTest, WHO_FN, WHO_SERVER } from './testing/lab-under-test.js';
import { DOCKER_CLI as DOCKER, type RunResult } from '@clusterctl/lab';

const L = new LabUnderTest(`labupd-${process.pid}`);
const IMAGE = 'clusterctl/busybox:local';
/** The same image under another name: an image change for the update. */
const IMAGE_V2 = 'clusterctl/busybox:v2';
const NODES = ['m1', 'w1', 'w2'];
const REPLICAS = 4;

const run = (cmd: string, args: string[], timeoutMs?: number): Promise<RunResult> => L.run(cmd, args, timeoutMs);

const lab = (...args: string[]): Promise<string> => L.lab(...args);

const container = (node: string): string => L.container(node);

const onNode = (node: string, script: string, timeoutMs?: number): Promise<string> => L.onNode(node, script, timeoutMs);

async function clusterctl(args: string[], timeoutMs = 120_000): Promise<string> {
  const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', ...args], timeoutMs);
  assert.equal(r.code, 0, `clusterctl ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Running containers of the service, in every node's own engine. */
async function runningIds(service: string): Promise<string[]> {
  const per = await Promise.all(
    NODES.map(async (n) =>
      (
        await onNode(
          n,
          `docker ps -q --no-trunc --filter label=${Label.ServiceName}=${service} --filter status=running`,
        )
      )
        .split('\n')
        .filter(Boolean),
    ),
  );
  return per.flat();
}

describe('a rolling update under load in the lab: 1 manager, 2 workers', { timeout: 600_000 }, () => {
  let labNet = '';
  const nodeIp = new Map<string, string>();

  before(async () => {
    L.buildImages();
    await lab('up', '--managers', '1', '--workers', '2');
    labNet = await L.network();
    for (const n of NODES) {
      nodeIp.set(n, await L.nodeIp(n));
      await onNode(n, `docker tag ${IMAGE} ${IMAGE_V2}`);
    }
    // This test is about the data plane during rollouts: a loaded machine must not get a node marked
    // down meanwhile (its tasks would be replaced, not rolled), so the grace is far above the lab's 2 s.
    await clusterctl(['cluster', 'update', '--node-grace', '30s']);
    await clusterctl([
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      String(REPLICAS),
      '-p',
      '8080:80',
      '--health-tcp',
      '80',
      '--health-interval',
      '500ms',
      '--update-monitor',
      '2s',
      IMAGE,
      'sh',
      '-c',
      WHO_SERVER,
    ]);
    await waitFor(
      `${REPLICAS} web replicas running`,
      async () => ((await runningIds('web')).length === REPLICAS ? true : undefined),
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  });

  after(async () => {
    await L.down(120_000);
  });

  test('service update --env-add, then --image, of a healthy published service: no request fails', async () => {
    const before = new Set(await runningIds('web'));
    const targets = NODES.map((n) => nodeIp.get(n)!).join(' ');
    // one request at a time, to each node's published port in turn, until the container is removed
    const client = spawn(
      DOCKER,
      [
        'run',
        '--rm',
        '--name',
        `${L.name}-client`,
        '--label',
        `com.clusterctl.lab=${L.name}`,
        '--network',
        labNet,
        IMAGE,
        'sh',
        '-c',
        // each line: the machine's uptime (s) when the request began-ended, the node asked, who answered
        // and the address it saw (or FAIL)
        `${WHO_FN}; while true; do for n in ${targets}; do t=$(cut -d' ' -f1 /proc/uptime); r=$(who $n 8080); echo "$t-$(cut -d' ' -f1 /proc/uptime) $n $r"; done; done`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    client.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const ended = new Promise<void>((resolve) => client.once('exit', () => resolve()));
    const lines = (): string[] => out.split('\n').filter(Boolean);
    try {
      await waitFor('the client answered', () => (lines().length > 10 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      const t0 = Date.now();
      process.stdout.write(
        `# updates start at uptime ${(await onNode('m1', 'cut -d" " -f1 /proc/uptime; date +%s')).trim().replace('\n', ' s, epoch s ')}\n`,
      );
      await clusterctl(['service', 'update', '--env-add', 'VERSION=2', 'web'], 240_000);
      const envMs = Date.now() - t0;
      const t1 = Date.now();
      await clusterctl(['service', 'update', '--image', IMAGE_V2, 'web'], 240_000);
      const imageMs = Date.now() - t1;
      const seen = lines().length;
      await waitFor('more requests after the updates', () => (lines().length > seen + 30 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      process.stdout.write(
        `# figure: ${REPLICAS} replicas rolled under load: --env-add in ${envMs} ms, --image in ${imageMs} ms\n`,
      );
    } finally {
      await run(DOCKER, ['rm', '-f', `${L.name}-client`]);
      await ended;
    }
    const results = lines();
    const failed = results.filter((l) => !/^\S+ \S+ \S+ \S+$/.test(l) || l.endsWith(' FAIL'));
    process.stdout.write(`# figure: ${results.length} requests during the two rollouts, ${failed.length} failed\n`);
    assert.ok(results.length > 100, `requests made: ${results.length}`);
    assert.deepEqual(failed, [], `${failed.length} of ${results.length} requests failed during the rollouts`);
    // an old task may still be within its stop grace when the update completes: then only new ones run
    await waitFor(
      `${REPLICAS} replicas running, none of before`,
      async () => {
        const ids = await runningIds('web');
        return ids.length === REPLICAS && ids.every((id) => !before.has(id)) ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const svc = (
      JSON.parse(await clusterctl(['--format', 'json', 'service', 'inspect', 'web'])) as Array<{
        spec: { image: string; env: string[] };
        updateStatus: { state: string } | null;
      }>
    )[0]!;
    assert.equal(svc.spec.image, IMAGE_V2);
    assert.ok(svc.spec.env.includes('VERSION=2'));
    assert.equal(svc.updateStatus?.state, 'completed');
  });
});
