// `stack deploy | ls | services | rm` against a fake control API that keeps services as the managers
// answer them (specs through the wire encoding): first deploy creates, the same files again change
// nothing, one changed service is the only one updated, --prune removes what the files no longer
// name, a service outside the stack is not taken over, and a wrong file changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { clusterctl } from '@clusterctl/proto';
import { Ctx } from '../context.js';
import type { DaemonClient } from '../daemon-client.js';
import { canonicalMessage, stackDeploy, stackLs, stackRm, stackServicesCmd } from './stack.js';

interface Stored {
  id: string;
  version: number;
  spec: clusterctl.cluster.IServiceSpec;
  updateConfig: clusterctl.control.IUpdateConfig;
}

/** As the managers store a spec: a restart delay of 0 becomes their default, references carry ids. */
const stored = (
  s: clusterctl.cluster.IServiceSpec,
  ids: (name: string) => string = (n) => n,
  fileId: (kind: 'secret' | 'config', name: string) => string = (_k, n) => n,
): clusterctl.cluster.IServiceSpec => ({
  ...s,
  networks: (s.networks ?? []).map(ids),
  networkAliases: (s.networkAliases ?? []).map((a) => ({ ...a, network: ids(a.network ?? '') })),
  restartPolicy: { ...s.restartPolicy, delayMs: Number(s.restartPolicy?.delayMs ?? 0) || 100 },
  secrets: (s.secrets ?? []).map((r) => ({ ...r, id: fileId('secret', r.name ?? '') })),
  configs: (s.configs ?? []).map((r) => ({ ...r, id: fileId('config', r.name ?? '') })),
});

/** Specs as a manager answers them: encoded and decoded (defaults on the prototype, not own fields). */
const wire = (s: clusterctl.cluster.IServiceSpec): clusterctl.cluster.IServiceSpec =>
  clusterctl.cluster.ServiceSpec.decode(clusterctl.cluster.ServiceSpec.encode(s).finish());

function fakeCluster() {
  const services = new Map<string, Stored>();
  const networks = new Map<string, { id: string; spec: { name: string; labels: Record<string, string> } }>();
  const files = new Map<
    string,
    { id: string; kind: 'secret' | 'config'; name: string; labels: Record<string, string>; data: string }
  >();
  const writes: string[] = [];
  let next = 1;
  const fileId = (kind: 'secret' | 'config', name: string): string =>
    [...files.values()].find((f) => f.kind === kind && f.name === name)?.id ?? '';
  /** As the managers answer: the same data again with stackReuseSameData is the existing one. */
  const createFile = (kind: 'secret' | 'config', req: Record<string, unknown>) => {
    const name = req['name'] as string;
    const data = Buffer.from(req['data'] as Uint8Array).toString('base64');
    const other = [...files.values()].find((f) => f.kind === kind && f.name === name);
    if (other !== undefined) {
      assert.equal(req['stackReuseSameData'], true);
      if (other.data === data) return { id: other.id, name };
      throw new ClusterError(
        ErrorCode.FailedPrecondition,
        `${kind} ${name} exists with other data: only updates to labels are allowed`,
      );
    }
    writes.push(`create ${kind} ${name}`);
    const f = { id: `${kind}${next++}`, kind, name, labels: req['labels'] as Record<string, string>, data };
    files.set(f.id, f);
    return { id: f.id, name };
  };
  const listFiles = (kind: 'secret' | 'config', req: Record<string, unknown>) => {
    const label = (req['filters'] as Record<string, string>)['label'];
    const [k, v] = (label ?? '').split('=', 2) as [string, string];
    return [...files.values()]
      .filter((f) => f.kind === kind && (label === undefined || f.labels[k] === v))
      .map((f) => ({ id: f.id, name: f.name, labels: f.labels }));
  };
  const removeFile = (kind: 'secret' | 'config', id: string) => {
    const f = files.get(id)!;
    for (const s of services.values())
      assert.ok(!(kind === 'secret' ? s.spec.secrets : s.spec.configs)?.some((r) => r.id === id), `${f.name} in use`);
    writes.push(`remove ${kind} ${f.name}`);
    files.delete(id);
    return {};
  };
  const summary = (s: Stored): clusterctl.control.IServiceSummary => ({
    service: { id: s.id, meta: { version: s.version }, spec: wire(s.spec) },
    running: 0,
    desired: Number(s.spec.replicas ?? 0),
    updateConfig: s.updateConfig,
  });
  const networkId = (name: string): string => [...networks.values()].find((n) => n.spec.name === name)?.id ?? name;
  const find = (ref: string): Stored => {
    const s = [...services.values()].find((x) => x.id === ref || x.spec.name === ref);
    if (s === undefined) throw new Error(`no service ${ref}`);
    return s;
  };
  const client = {
    listServices: async (filters: Record<string, string> = {}) => ({
      services: [...services.values()]
        .filter((s) => {
          if (filters['name'] !== undefined && !(s.spec.name ?? '').startsWith(filters['name'])) return false;
          if (filters['label'] !== undefined) {
            const [k, v] = filters['label'].split('=', 2) as [string, string];
            if (s.spec.labels?.[k] !== v) return false;
          }
          return true;
        })
        .map(summary),
    }),
    control: async (method: string, req: Record<string, unknown>): Promise<unknown> => {
      switch (method) {
        case 'createService': {
          const spec = stored(req['spec'] as clusterctl.cluster.IServiceSpec, networkId, fileId);
          writes.push(`create ${spec.name}`);
          const s: Stored = {
            id: `id${next++}`,
            version: 1,
            spec,
            updateConfig: (req['updateConfig'] as clusterctl.control.IUpdateConfig) ?? {},
          };
          services.set(s.id, s);
          return { id: s.id, meta: { version: 1 }, spec: wire(spec) };
        }
        case 'getService': {
          const s = find(req['service'] as string);
          return { id: s.id, meta: { version: s.version }, spec: wire(s.spec) };
        }
        case 'updateService': {
          const s = find(req['service'] as string);
          writes.push(`update ${s.spec.name}`);
          assert.equal(req['version'], s.version);
          s.version++;
          s.spec = stored(req['spec'] as clusterctl.cluster.IServiceSpec, networkId, fileId);
          s.updateConfig = req['updateConfig'] as clusterctl.control.IUpdateConfig;
          return { id: s.id, meta: { version: s.version }, spec: wire(s.spec) };
        }
        case 'listNetworks': {
          const label = (req['filters'] as Record<string, string>)['label'];
          const [k, v] = (label ?? '').split('=', 2) as [string, string];
          return {
            networks: [...networks.values()]
              .filter((n) => label === undefined || n.spec.labels[k] === v)
              .map((n) => ({ network: n, services: [] })),
          };
        }
        case 'createNetwork': {
          const spec = req['spec'] as { name: string; labels: Record<string, string> };
          writes.push(`create network ${spec.name}`);
          const n = { id: `net${next++}`, spec };
          networks.set(n.id, n);
          return n;
        }
        case 'removeNetwork': {
          const n = networks.get(req['network'] as string)!;
          writes.push(`remove network ${n.spec.name}`);
          networks.delete(n.id);
          return {};
        }
        case 'createSecret':
          return createFile('secret', req);
        case 'createConfig':
          return createFile('config', req);
        case 'listSecrets':
          return { secrets: listFiles('secret', req) };
        case 'listConfigs':
          return { configs: listFiles('config', req) };
        case 'removeSecret':
          return removeFile('secret', req['secret'] as string);
        case 'removeConfig':
          return removeFile('config', req['config'] as string);
        case 'removeService': {
          const s = find(req['service'] as string);
          writes.push(`remove ${s.spec.name}`);
          services.delete(s.id);
          return {};
        }
        default:
          throw new Error(`unexpected ${method}`);
      }
    },
  };
  const out: string[] = [];
  const err: string[] = [];
  const ctx = new (class extends Ctx {
    override client(): DaemonClient {
      return client as unknown as DaemonClient;
    }
  })('/nonexistent', 'table', false, { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { ctx, services, writes, out, err };
}

function files(texts: Record<string, string>): { dir: string; path: (n: string) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'stack-test-'));
  for (const [n, t] of Object.entries(texts)) writeFileSync(join(dir, n), t);
  return { dir, path: (n) => join(dir, n), done: () => rmSync(dir, { recursive: true, force: true }) };
}

const APP = [
  'services:',
  '  web:',
  '    image: example/web:1',
  '    ports: ["8080:80"]',
  '    environment: { DB_HOST: db }',
  '    deploy:',
  '      replicas: 2',
  '      update_config: { parallelism: 1, delay: 1s }',
  '      placement: { constraints: ["node.role == worker"] }',
  '  db:',
  '    image: example/db:1',
  '    build: ./db',
].join('\n');

test('deploy creates, redeploys nothing when unchanged, updates only a changed service, prunes', async () => {
  const f = files({
    'app.yml': APP,
    'v2.yml': 'services:\n  web:\n    image: example/web:2\n',
    'small.yml': 'services:\n  web:\n    image: example/web:1\n',
  });
  try {
    const { ctx, writes, err, out } = fakeCluster();
    const deploy = (o: { composeFile: string[]; prune?: boolean }) =>
      stackDeploy(ctx, 'shop', { ...o, detach: true }, {});

    await deploy({ composeFile: [f.path('app.yml')] });
    assert.deepEqual(writes.splice(0), ['create network shop_default', 'create shop_db', 'create shop_web']);
    assert.ok(err.join('').includes('Ignoring unsupported options: build\n'), err.join(''));

    await deploy({ composeFile: [f.path('app.yml')] });
    assert.deepEqual(writes.splice(0), [], 'the same file again changes nothing');
    assert.match(out.join(''), /Stack shop is up to date \(2 services unchanged\)/);

    await deploy({ composeFile: [f.path('app.yml'), f.path('v2.yml')] });
    assert.deepEqual(writes.splice(0), ['update shop_web'], 'only the changed service');

    await deploy({ composeFile: [f.path('small.yml')] });
    assert.deepEqual(writes.splice(0), ['update shop_web'], 'without --prune, db stays');
    await deploy({ composeFile: [f.path('small.yml')], prune: true });
    assert.deepEqual(writes.splice(0), ['remove shop_db'], 'an unchanged web is left alone; db is pruned');
  } finally {
    f.done();
  }
});

test('a redeploy keeps autoscaling, the count the autoscaler chose and rebalancing, which a file cannot say', async () => {
  const f = files({ 'app.yml': APP, 'v2.yml': 'services:\n  web:\n    image: example/web:2\n' });
  try {
    const { ctx, services, writes } = fakeCluster();
    const deploy = (composeFile: string[]) => stackDeploy(ctx, 'shop', { composeFile, detach: true }, {});
    await deploy([f.path('app.yml')]);
    writes.splice(0);
    const web = [...services.values()].find((s) => s.spec.name === 'shop_web')!;
    // `service update --autoscale min=2,max=10,cpu=70% --rebalance`, then the autoscaler's choice
    const autoscale = { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 70 };
    web.spec = { ...web.spec, autoscale, rebalance: true, replicas: 7 };

    await deploy([f.path('app.yml')]);
    assert.deepEqual(writes.splice(0), [], 'the same file changes nothing: not even the count back to 2');
    assert.equal(Number(web.spec.replicas), 7);

    await deploy([f.path('app.yml'), f.path('v2.yml')]);
    assert.deepEqual(writes.splice(0), ['update shop_web']);
    assert.equal(web.spec.image, 'example/web:2', 'what the file says changed');
    assert.equal(Number(web.spec.replicas), 7, 'the autoscaled count is kept');
    assert.deepEqual(
      { min: Number(web.spec.autoscale?.minReplicas), max: Number(web.spec.autoscale?.maxReplicas) },
      { min: 2, max: 10 },
    );
    assert.equal(web.spec.rebalance, true);

    // a count outside the bounds (bounds narrowed since) comes back within them
    web.spec = { ...web.spec, autoscale: { ...autoscale, maxReplicas: 5 } };
    await deploy([f.path('app.yml')]);
    assert.deepEqual(writes.splice(0), ['update shop_web']);
    assert.equal(Number(web.spec.replicas), 5);
  } finally {
    f.done();
  }
});

test('ls, services and rm find a stack by its namespace label', async () => {
  const f = files({ 'app.yml': APP });
  try {
    const { ctx, writes, services } = fakeCluster();
    await stackDeploy(ctx, 'shop', { composeFile: [f.path('app.yml')], detach: true }, {});
    await stackDeploy(ctx, 'blog', { composeFile: [f.path('app.yml')], detach: true }, {});
    writes.splice(0);
    for (const s of services.values())
      assert.equal(s.spec.labels?.['com.docker.stack.namespace'], s.spec.name!.split('_')[0]);
    const ls = await stackLs(ctx);
    assert.equal(ls.kind, 'table');
    assert.deepEqual(ls.kind === 'table' && ls.rows, [
      ['blog', '2'],
      ['shop', '2'],
    ]);
    const svcs = await stackServicesCmd(ctx, 'shop');
    assert.deepEqual(svcs.kind === 'table' && svcs.rows.map((r) => [r[1], r[2], r[3], r[4], r[5]]), [
      ['shop_db', 'replicated', '0/1', 'example/db:1', ''],
      ['shop_web', 'replicated', '0/2', 'example/web:1', '*:8080->80/tcp'],
    ]);
    await stackRm(ctx, ['shop']);
    assert.deepEqual(writes.splice(0), ['remove shop_db', 'remove shop_web', 'remove network shop_default']);
    await assert.rejects(stackServicesCmd(ctx, 'shop'), /nothing found in stack: shop/);
    await assert.rejects(stackRm(ctx, ['shop']), /nothing found in stack: shop/);
  } finally {
    f.done();
  }
});

test('a wrong file, or a service of that name outside the stack, changes nothing', async () => {
  const f = files({
    'bad.yml': 'services:\n  web:\n    image: web\n    deploy:\n      replicas: many\n',
    'app.yml': APP,
  });
  try {
    const { ctx, writes } = fakeCluster();
    await assert.rejects(
      stackDeploy(ctx, 'shop', { composeFile: [f.path('bad.yml')], detach: true }, {}),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.message === 'invalid compose file: services.web.deploy.replicas (line 5): must be an integer',
    );
    await ctx.client().control('createService', { spec: { name: 'shop_web', image: 'other' } });
    writes.splice(0);
    await assert.rejects(
      stackDeploy(ctx, 'shop', { composeFile: [f.path('app.yml')], detach: true }, {}),
      /service shop_web exists and is not part of stack shop/,
    );
    assert.deepEqual(writes, []);
  } finally {
    f.done();
  }
});

const WITH_FILES = [
  'services:',
  '  web:',
  '    image: example/web:1',
  '    secrets: [db_password]',
  '    configs: [{ source: app_config, target: /etc/app.json }]',
  '    deploy:',
  '      update_config: { failure_action: rollback, monitor: 10s, max_failure_ratio: 0.5 }',
  '      rollback_config: { parallelism: 0 }',
  '  db:',
  '    image: example/db:1',
  '    secrets: [db_password]',
  'secrets:',
  '  db_password: { file: ./pw.txt }',
  'configs:',
  '  app_config: { file: ./app.json }',
].join('\n');

test('secrets and configs: created first, the same again changes nothing, changed data is refused, rm removes them', async () => {
  const f = files({ 'app.yml': WITH_FILES, 'pw.txt': 'hunter2\n', 'app.json': '{}\n' });
  try {
    const { ctx, writes, services } = fakeCluster();
    const deploy = () => stackDeploy(ctx, 'shop', { composeFile: [f.path('app.yml')], detach: true }, {});
    await deploy();
    assert.deepEqual(writes.splice(0), [
      'create secret shop_db_password',
      'create config shop_app_config',
      'create network shop_default',
      'create shop_db',
      'create shop_web',
    ]);
    const web = [...services.values()].find((s) => s.spec.name === 'shop_web')!;
    assert.deepEqual(
      web.spec.secrets?.map((r) => [r.name, r.target]),
      [['shop_db_password', '/run/secrets/db_password']],
    );
    assert.equal(web.spec.updateConfig?.failureAction, 'rollback');
    assert.equal(web.spec.updateConfig?.maxFailureRatio, 0.5);
    assert.equal(Number(web.spec.rollbackConfig?.parallelism), 0);

    await deploy();
    assert.deepEqual(writes.splice(0), [], 'the same files again change nothing');

    writeFileSync(f.path('pw.txt'), 'changed\n');
    await assert.rejects(
      deploy(),
      /secret shop_db_password exists with other data: only updates to labels are allowed/,
    );
    assert.deepEqual(writes.splice(0), [], 'refused before any service changed');
    writeFileSync(f.path('pw.txt'), 'hunter2\n');

    await stackRm(ctx, ['shop']);
    assert.deepEqual(writes.splice(0), [
      'remove shop_db',
      'remove shop_web',
      'remove network shop_default',
      'remove secret shop_db_password',
      'remove config shop_app_config',
    ]);
    await assert.rejects(stackRm(ctx, ['shop']), /nothing found in stack: shop/);
  } finally {
    f.done();
  }
});

test('an external secret must exist before anything changes', async () => {
  const f = files({
    'app.yml': 'services:\n  web:\n    image: web\n    secrets: [key]\nsecrets:\n  key: { external: true }\n',
  });
  try {
    const { ctx, writes } = fakeCluster();
    await assert.rejects(
      stackDeploy(ctx, 'shop', { composeFile: [f.path('app.yml')], detach: true }, {}),
      /secret key is declared as external but does not exist/,
    );
    assert.deepEqual(writes, []);
    await ctx.client().control('createSecret', { name: 'key', labels: {}, data: Buffer.from('k') });
    writes.splice(0);
    await stackDeploy(ctx, 'shop', { composeFile: [f.path('app.yml')], detach: true }, {});
    assert.deepEqual(writes.splice(0), ['create network shop_default', 'create shop_web']);
    await stackRm(ctx, ['shop']);
    assert.deepEqual(writes.splice(0), ['remove shop_web', 'remove network shop_default'], 'external: left alone');
  } finally {
    f.done();
  }
});

test('canonical specs: defaults and absent fields compare equal, map order does not matter', () => {
  const a: clusterctl.cluster.IServiceSpec = { name: 'x', replicas: 0, labels: { b: '2', a: '1' }, command: [] };
  assert.equal(canonicalMessage(a), canonicalMessage(wire({ name: 'x', labels: { a: '1', b: '2' } })));
  assert.notEqual(canonicalMessage(a), canonicalMessage({ name: 'x', replicas: 1 }));
});
