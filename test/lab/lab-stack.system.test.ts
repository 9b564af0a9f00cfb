// The example stack (examples/counter) in the docker-in-docker lab (1 manager, 2 workers, the real
// daemons and CLI), one lab for every case: `stack deploy` brings it up and it answers through the
// published port of every node, with a visit counter kept in PostgreSQL and remembered in Redis,
// both reached by their service names; deploying again changes nothing; a changed web service is the
// only one rolled (the database keeps its task and its data); --prune removes a service the file no
// longer names; `stack rm` leaves no service, network, secret, config or container of the stack.
// Run alone (`npm run test:lab`): the lab uses fixed container names and subnets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { Label, STACK_NAMESPACE_LABEL } from '@clusterctl/common';
import { REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { LabUnderTest } from './testing/lab-under-test.js';
import { DOCKER_CLI as DOCKER, Lab, defaultLabConfig, type RunResult } from '@clusterctl/lab';

const L = new LabUnderTest(`labstack-${process.pid}`, { labTimeoutMs: 480_000, commandTimeoutMs: 180_000 });
const NODES = ['m1', 'w1', 'w2'];
const EXAMPLE = join(REPO_ROOT, 'examples/counter');
const COMPOSE_FILE = join(EXAMPLE, 'docker-compose.yml');
const STACK = 'counter';
const PORT = 8080;

const run = (cmd: string, args: string[], timeoutMs?: number): Promise<RunResult> => L.run(cmd, args, timeoutMs);

const lab = (...args: string[]): Promise<string> => L.lab(...args);

const container = (node: string): string => L.container(node);

async function clusterctl(...args: string[]): Promise<string> {
  const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', ...args]);
  assert.equal(r.code, 0, `clusterctl ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function json<T>(...args: string[]): Promise<T> {
  return JSON.parse(await clusterctl('--format', 'json', ...args)) as T;
}

/** Writes a file into the manager node (the compose files of the changed deploys live there). */
function writeOnManager(path: string, text: string): void {
  const r = spawnSync(DOCKER, ['exec', '-i', container('m1'), 'sh', '-c', `cat > ${path}`], {
    input: text,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
}

interface Api {
  greeting: string;
  visits: number;
  cached: number | null;
  replica: string;
}

/** GET http://ip:PORT/api on a new connection. */
function api(ip: string): Promise<Api> {
  return new Promise((resolve, reject) => {
    const req = request({ host: ip, port: PORT, path: '/api', agent: false, timeout: 5_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(text) as Api)
          : reject(new Error(`HTTP ${res.statusCode}: ${text}`)),
      );
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', reject);
    req.end();
  });
}

interface TaskJson {
  id: string;
  serviceName: string;
  desiredState: string;
  status?: { state?: string };
}

/** The ids of the tasks meant to run, by service. */
async function runningTasks(): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await json<TaskJson[]>('stack', 'ps', STACK)) {
    if (t.desiredState !== 'running') continue;
    out.set(t.serviceName, [...(out.get(t.serviceName) ?? []), t.id].sort());
  }
  return out;
}

/** Each service's version (a spec change bumps it). */
async function serviceVersions(): Promise<Map<string, number>> {
  const services = await json<{ meta: { version: number }; spec: { name: string } }[]>('stack', 'services', STACK);
  return new Map(services.map((s) => [s.spec.name, s.meta.version]));
}

interface DeployJson {
  created: { name: string }[];
  updated: { name: string }[];
  unchanged: { name: string }[];
  removed: { name: string }[];
  secretsCreated: { name: string }[];
  configsCreated: { name: string }[];
  networksCreated: { name: string }[];
}

const names = (l: { name: string }[]): string[] => l.map((x) => x.name).sort();

let nodeIps: string[] = [];

describe('the example stack in the lab: 1 manager, 2 workers', { timeout: 900_000 }, () => {
  before(async () => {
    L.buildImages(['scripts/build-lab-image.mjs', 'scripts/build-example-images.mjs']);
    const images = ['web', 'db', 'cache'].flatMap((s) => ['--image', `clusterctl/example-${s}:local`]);
    await lab('up', '--managers', '1', '--workers', '2', ...images);
    const nodes = await new Lab(defaultLabConfig({ name: L.name, repoRoot: REPO_ROOT })).nodes();
    nodeIps = NODES.map((n) => nodes.find((x) => x.node === n)?.ip ?? '');
    assert.ok(
      nodeIps.every((ip) => ip !== ''),
      JSON.stringify(nodes),
    );
  });
  after(async () => {
    await L.down(240_000);
  });

  test('deployed, it answers through every node; the counter lives in the database and the cache, reached by name', async () => {
    const d = await json<DeployJson>('stack', 'deploy', '-c', COMPOSE_FILE, STACK);
    assert.deepEqual(names(d.created), ['counter_cache', 'counter_db', 'counter_web']);
    assert.deepEqual(names(d.secretsCreated), ['counter_db_password']);
    assert.deepEqual(names(d.configsCreated), ['counter_app_config']);
    assert.deepEqual(names(d.networksCreated), ['counter_default']);
    const tasks = await runningTasks();
    assert.equal(tasks.get('counter_web')?.length, 3);

    let last = 0;
    const replicas = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (const ip of nodeIps) {
        // the mesh answers on every node, whichever replica serves
        const a = await waitFor(`the app through ${ip}:${PORT}`, () => api(ip), { timeoutMs: 60_000, intervalMs: 250 });
        assert.equal(a.greeting, 'Hello from the counter example', 'the config file is in place');
        assert.ok(a.visits > last, `one counter for every replica and node: ${a.visits} after ${last}`);
        assert.equal(a.cached, a.visits, 'the cache (reached as cache) holds the count');
        last = a.visits;
        replicas.add(a.replica);
      }
    }
    assert.ok(replicas.size >= 2, `the mesh spreads the requests: ${[...replicas].join(', ')}`);
  });

  test('the same file again changes nothing; a changed web service is the only one rolled, the data stays', async () => {
    const versions = await serviceVersions();
    const same = await json<DeployJson>('stack', 'deploy', '-c', COMPOSE_FILE, STACK);
    assert.deepEqual(names(same.unchanged), ['counter_cache', 'counter_db', 'counter_web']);
    assert.deepEqual([...same.created, ...same.updated, ...same.secretsCreated, ...same.configsCreated], []);
    assert.deepEqual(await serviceVersions(), versions, 'no service changed');

    const before = await runningTasks();

    const visitsBefore = (await api(nodeIps[0]!)).visits;
    writeOnManager('/tmp/web-v2.yml', 'services:\n  web:\n    environment:\n      RELEASE: "2"\n');
    const changed = await json<DeployJson>('stack', 'deploy', '-c', COMPOSE_FILE, '-c', '/tmp/web-v2.yml', STACK);
    assert.deepEqual(names(changed.updated), ['counter_web']);
    assert.deepEqual(names(changed.unchanged), ['counter_cache', 'counter_db']);
    const after = await runningTasks();
    assert.deepEqual(after.get('counter_db'), before.get('counter_db'), 'the database task was not replaced');
    assert.deepEqual(after.get('counter_cache'), before.get('counter_cache'));
    const changedVersions = await serviceVersions();
    assert.equal(changedVersions.get('counter_db'), versions.get('counter_db'));
    assert.equal(changedVersions.get('counter_cache'), versions.get('counter_cache'));
    assert.ok(changedVersions.get('counter_web')! > versions.get('counter_web')!);
    assert.equal(after.get('counter_web')?.length, 3);
    for (const id of after.get('counter_web') ?? [])
      assert.ok(!before.get('counter_web')?.includes(id), 'every web task replaced by the update');
    const a = await waitFor('the updated app', () => api(nodeIps[1]!), { timeoutMs: 60_000, intervalMs: 250 });
    assert.ok(a.visits > visitsBefore, `the count goes on from ${visitsBefore}: ${a.visits}`);
  });

  test('--prune removes the service the file no longer names', async () => {
    // the example without its cache (files named by absolute path: the copy lives elsewhere)
    const text = spawnSync('cat', [COMPOSE_FILE], { encoding: 'utf8' })
      .stdout.replace(/\n {2}cache:\n[\s\S]*?\n(?=\S)/, '\n')
      .replace('./db_password.txt', join(EXAMPLE, 'db_password.txt'))
      .replace('./app.json', join(EXAMPLE, 'app.json'));
    assert.ok(!/^ {2}cache:/m.test(text), text);
    writeOnManager('/tmp/no-cache.yml', text);
    const kept = await json<DeployJson>('stack', 'deploy', '--prune', '-c', '/tmp/no-cache.yml', STACK);
    assert.deepEqual(names(kept.removed), ['counter_cache']);
    assert.deepEqual(names(kept.updated), ['counter_web'], 'web returns to the file without the RELEASE variable');
    const services = await json<{ spec: { name: string } }[]>('stack', 'services', STACK);
    assert.deepEqual(services.map((s) => s.spec.name).sort(), ['counter_db', 'counter_web']);
    const a = await waitFor('the app without its cache', () => api(nodeIps[2]!), {
      until: (x) => x.cached === null,
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    assert.ok(a.visits > 0);
  });

  test('stack rm leaves nothing of the stack: services, network, secret, config, containers', async () => {
    await clusterctl('stack', 'rm', STACK);
    const services = await json<unknown[]>('service', 'ls');
    assert.ok(!JSON.stringify(services).includes(`"${STACK_NAMESPACE_LABEL}":"${STACK}"`), JSON.stringify(services));
    assert.ok(!JSON.stringify(services).includes('counter_'), JSON.stringify(services));
    const networks = await json<{ name?: string; spec?: { name?: string } }[]>('network', 'ls');
    assert.ok(!JSON.stringify(networks).includes('counter_default'), JSON.stringify(networks));
    const secrets = await json<{ name: string }[]>('secret', 'ls');
    assert.ok(!secrets.some((s) => s.name.startsWith('counter_')), JSON.stringify(secrets));
    const configs = await json<{ name: string }[]>('config', 'ls');
    assert.ok(!configs.some((c) => c.name.startsWith('counter_')), JSON.stringify(configs));
    for (const node of NODES)
      await waitFor(
        `no container of the stack on ${node}`,
        async () => {
          const r = await run(DOCKER, [
            'exec',
            container(node),
            'docker',
            'ps',
            '-aq',
            '--filter',
            `label=${Label.ServiceName}`,
          ]);
          return r.code === 0 && r.stdout.trim() === '';
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
    const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', 'stack', 'ps', STACK]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /nothing found in stack: counter/);
  });
});
