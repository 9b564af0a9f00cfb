// The compose model against the corpus (packages/compose/corpus): every key a stack honours, YAML
// anchors, merge keys and x- fields, interpolation from the environment and .env, several files
// merged, the keys a cluster ignores, and wrong files refused with every problem's path and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ClusterError } from '@clusterctl/common';
import { loadCompose, loadComposeFiles } from './load.js';
import type { ComposeProject } from './model.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

function load(files: string[], env: Record<string, string> = {}): ComposeProject {
  return loadComposeFiles(files, env, CORPUS);
}

/** The problem lines of a refused load. */
function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ClusterError, String(e));
    assert.equal(e.code, 'INVALID_ARGUMENT');
    assert.match(e.hint, /nothing was changed/);
    const m = e.message.replace(/^invalid compose file(?: \(\d+ problems\))?:\s*/, '');
    return m.split('\n').map((l) => l.trim());
  }
  assert.fail('the load was not refused');
}

const src = (text: string, name = 'docker-compose.yml') => ({ name, text, dir: '/srv/app' });

test('every key a stack honours is read into the model', () => {
  const p = load(['full/docker-compose.yml']);
  const web = p.services['web']!;
  assert.equal(web.image, 'example/web:1.4');
  assert.deepEqual(web.command, ['gunicorn', 'app:app', '--bind', '0.0.0.0:8000']);
  assert.deepEqual(web.entrypoint, ['/docker-entrypoint.sh']);
  // env_file first, environment over it
  assert.deepEqual(web.environment, { LOG_LEVEL: 'info', WORKERS: '4', DB_HOST: 'db', CACHE_HOST: 'cache' });
  assert.deepEqual(web.ports, [
    { target: 8000, published: 8080, protocol: 'tcp', mode: 'ingress', hostIp: '' },
    { target: 9000, published: 9000, protocol: 'udp', mode: 'host', hostIp: '' },
  ]);
  assert.deepEqual(web.networks, { front: { aliases: ['app', 'www'] }, back: { aliases: [] } });
  assert.deepEqual(web.volumes, [
    { type: 'volume', source: 'static', target: '/srv/static', readOnly: false, tmpfsSizeBytes: 0, noCopy: false },
    {
      type: 'bind',
      source: `${CORPUS}full/conf`,
      target: '/etc/web',
      readOnly: true,
      tmpfsSizeBytes: 0,
      noCopy: false,
    },
    { type: 'tmpfs', source: '', target: '/tmp', readOnly: false, tmpfsSizeBytes: 64 * 1024 * 1024, noCopy: false },
  ]);
  assert.deepEqual(web.secrets, [
    { source: 'db_password', target: 'db_password', uid: '', gid: '', mode: 0 },
    { source: 'api_key', target: '/etc/web/api-key', uid: '', gid: '', mode: 0o400 },
  ]);
  assert.deepEqual(web.configs, [{ source: 'web_conf', target: '/etc/web/web.conf', uid: '', gid: '', mode: 0 }]);
  assert.deepEqual(web.healthcheck, {
    test: ['CMD', 'wget', '-qO-', 'http://localhost:8000/health'],
    intervalMs: 10_000,
    timeoutMs: 2_000,
    retries: 3,
    startPeriodMs: 30_000,
    startIntervalMs: 0,
    disable: false,
  });
  assert.deepEqual(web.labels, { 'com.example.tier': 'front' });
  assert.equal(web.user, '1000:1000');
  assert.equal(web.workingDir, '/srv');
  assert.equal(web.hostname, 'web');
  assert.equal(web.stopGracePeriodMs, 90_000);
  assert.equal(web.stopSignal, 'SIGINT');
  assert.equal(web.init, true);
  assert.equal(web.readOnly, true);
  assert.deepEqual(web.capAdd, ['NET_ADMIN']);
  assert.deepEqual(web.capDrop, ['ALL']);
  assert.deepEqual(web.ulimits, { nproc: { soft: 65535, hard: 65535 }, nofile: { soft: 20000, hard: 40000 } });
  assert.deepEqual(web.sysctls, { 'net.core.somaxconn': '1024' });
  assert.deepEqual(web.logging, { driver: 'json-file', options: { 'max-size': '10m' } });
  assert.deepEqual(web.deploy, {
    mode: 'replicated',
    replicas: 3,
    constraints: ['node.role==worker'],
    preferences: ['spread=node.labels.zone'],
    maxReplicasPerNode: 0,
    limits: { nanoCpus: 500_000_000, memoryBytes: 512 * 1024 * 1024, pids: 0 },
    reservations: { nanoCpus: 250_000_000, memoryBytes: 128 * 1024 * 1024, pids: 0 },
    restartPolicy: { condition: 'on-failure', delayMs: 5_000, maxAttempts: 3, windowMs: 120_000 },
    updateConfig: {
      parallelism: 2,
      delayMs: 10_000,
      failureAction: 'rollback',
      monitorMs: 30_000,
      maxFailureRatio: 0.3,
      order: 'start-first',
    },
    rollbackConfig: {
      parallelism: 1,
      delayMs: 0,
      failureAction: 'pause',
      monitorMs: 5_000,
      maxFailureRatio: 0,
      order: 'stop-first',
    },
    labels: { 'com.example.owner': 'web-team' },
    endpointMode: 'vip',
  });

  const db = p.services['db']!;
  assert.deepEqual(db.environment, { POSTGRES_PASSWORD_FILE: '/run/secrets/db_password', POSTGRES_DB: 'app' });
  assert.deepEqual(db.networks, { back: { aliases: [] } });
  assert.deepEqual(db.deploy.constraints, ['node.labels.storage == ssd']);
  assert.equal(db.deploy.replicas, 1, 'one replica when the file says nothing');
  const cache = p.services['cache']!;
  assert.equal(cache.deploy.mode, 'global');
  assert.equal(cache.deploy.endpointMode, 'dnsrr');

  assert.deepEqual(Object.keys(p.networks), ['front', 'back', 'outside']);
  assert.equal(p.networks['back']!.internal, true);
  assert.equal(p.networks['back']!.attachable, true);
  assert.equal(p.networks['outside']!.external, true);
  assert.equal(p.volumes['db-data']!.driver, 'local');
  assert.deepEqual(p.secrets['db_password'], { external: false, file: `${CORPUS}full/db_password.txt`, labels: {} });
  assert.deepEqual(p.secrets['api_key'], { external: true, labels: {} });
  assert.deepEqual(p.configs['web_conf'], { external: false, file: `${CORPUS}full/web.conf`, labels: {} });
  assert.deepEqual(p.ignored, []);
});

test('anchors, merge keys and x- extension fields', () => {
  const p = load(['anchors.yml']);
  assert.deepEqual(Object.keys(p.services), ['api', 'worker']);
  const api = p.services['api']!;
  assert.equal(api.image, 'example/app:2');
  assert.deepEqual(api.command, ['api']);
  assert.deepEqual(api.environment, { LOG_LEVEL: 'info', REGION: 'eu' });
  assert.equal(api.deploy.replicas, 2);
  assert.equal(api.deploy.restartPolicy?.condition, 'any');
  const worker = p.services['worker']!;
  assert.deepEqual(
    worker.environment,
    { LOG_LEVEL: 'debug', REGION: 'eu' },
    'an explicit key wins over the merged one',
  );
  assert.equal(worker.deploy.replicas, 5);
  assert.equal(worker.deploy.restartPolicy, undefined, 'deploy is replaced as a whole by the explicit key');
  assert.deepEqual(p.ignored, [], 'x- fields are not reported');
});

test('interpolation: the environment over .env, defaults, required variables, $$', () => {
  const p = load(['interpolation/docker-compose.yml'], { TAG: '1.2', OVERRIDDEN: 'from the environment', EMPTY: '' });
  const web = p.services['web']!;
  assert.equal(web.image, 'example/web:1.2');
  assert.deepEqual(web.environment, {
    FROM_DOTENV: 'dotenv value',
    OVERRIDDEN: 'from the environment',
    EMPTY_COLON_DEFAULT: 'fallback',
    EMPTY_DASH_DEFAULT: '',
    UNSET_DASH_DEFAULT: 'fallback',
    NESTED: '1.2',
    PRICE: '$5',
    PLAIN: '1.2',
    ALT: 'tagged',
  });
  assert.equal(web.deploy.replicas, 2, 'an interpolated number is read as one');
  assert.equal(load(['interpolation/docker-compose.yml'], {}).services['web']!.image, 'example/web:latest');

  const required = (env: Record<string, string>) =>
    problems(() =>
      loadCompose(
        [src('services:\n  web:\n    image: web\n    environment:\n      DB: ${DB_URL:?set DB_URL to the database}\n')],
        {
          env,
        },
      ),
    );
  assert.deepEqual(required({}), [
    'services.web.environment.DB (line 5): required variable DB_URL is not set: set DB_URL to the database',
  ]);
  assert.deepEqual(required({ DB_URL: '' }), [
    'services.web.environment.DB (line 5): required variable DB_URL is empty: set DB_URL to the database',
  ]);
  assert.deepEqual(
    problems(() => loadCompose([src('services:\n  web:\n    image: "web:${TAG"\n')], { env: {} })),
    ['services.web.image (line 3): invalid interpolation format in "web:${TAG": no closing "}"'],
  );
});

test('several files merge as compose merges them', () => {
  const p = load(['merge/docker-compose.yml', 'merge/docker-compose.prod.yml']);
  const web = p.services['web']!;
  assert.equal(web.image, 'example/web:1.5', 'scalars: the later file wins');
  assert.deepEqual(web.command, ['serve'], 'command is replaced, not appended');
  assert.deepEqual(web.environment, { MODE: 'prod', KEEP: 'yes' }, 'a list and a map merge key by key');
  assert.deepEqual(
    web.ports.map((x) => `${x.published}:${x.target}`),
    ['8080:80', '8443:443'],
    'ports are appended',
  );
  assert.deepEqual(
    web.volumes.map((v) => `${v.source}:${v.target}`),
    ['data:/data', 'other:/srv'],
    'volumes are unique by target: the later file replaces /srv',
  );
  assert.deepEqual(web.labels, { tier: 'front', env: 'prod' });
  assert.equal(web.deploy.replicas, 4);
  assert.equal(web.deploy.limits.memoryBytes, 1024 ** 3);
  assert.ok(p.services['worker'], 'services of the first file stay');
});

test('keys a cluster cannot honour are reported as ignored, not refused', () => {
  const p = load(['ignored.yml']);
  assert.deepEqual(
    p.ignored.map((i) => i.path),
    [
      'services.app.build',
      'services.app.container_name',
      'services.app.depends_on',
      'services.app.links',
      'services.app.network_mode',
      'services.app.restart',
      'services.db.expose',
    ],
  );
  assert.ok(p.ignored.every((i) => i.why !== ''));
  assert.deepEqual(
    loadCompose([src('version: "3.8"\nname: shop\nservices:\n  web:\n    image: web\n')], { env: {} }).ignored.map(
      (i) => i.key,
    ),
    ['name', 'version'],
  );
});

test('a wrong file is refused with every problem, its YAML path and its line', () => {
  assert.deepEqual(
    problems(() => load(['invalid.yml'])),
    [
      'services.web.ports[0] (line 5): "80:80:80:80" is not a port mapping ([IP:][PUBLISHED:]TARGET[/PROTOCOL])',
      'services.web.deploy.resources.limits.memory (line 9): must be a size, e.g. 512m, 1g or a number of bytes (not "lots")',
      'services.web.deploy.restart_policy.condition (line 11): must be none, on-failure or any',
      'services.web.deploy.update_config.delay (line 13): must be a duration, e.g. 10s, 1m30s, 500ms (not "soon")',
      'services.web.deplyo (line 14): unknown key (not in the compose specification)',
      'services.api.deploy.replicas (line 18): must be an integer',
      'services.api.healthcheck.retries (line 20): must be at least 0',
    ],
  );
  assert.deepEqual(
    problems(() => load(['invalid-yaml.yml'])),
    ['line 6: Map keys must be unique'],
  );
});

test('schema problems: wrong types and unknown keys, with the lines of the file that wrote them', () => {
  const base = src('services:\n  web:\n    image: web\n', 'base.yml');
  const over = src(
    'services:\n  web:\n    ports: 80\n    deploy:\n      mode: replicated\n      replicas: [3]\n',
    'prod.yml',
  );
  assert.deepEqual(
    problems(() => loadCompose([base, over], { env: {} })),
    [
      'services.web.ports (prod.yml line 3): must be a list',
      'services.web.deploy.replicas (prod.yml line 6): must be an integer or a string',
    ],
  );
  assert.deepEqual(
    problems(() => loadCompose([src('servces:\n  web:\n    image: web\n')], { env: {} })),
    ['servces (line 1): unknown key (not in the compose specification)'],
  );
});

test('references to undeclared networks, volumes, secrets and configs are refused', () => {
  const text = [
    'services:',
    '  web:',
    '    image: web',
    '    networks: [front]',
    '    volumes: ["data:/data"]',
    '    secrets: [pw]',
    '    configs: [conf]',
  ].join('\n');
  assert.deepEqual(
    problems(() => loadCompose([src(text)], { env: {} })),
    [
      'services.web.networks.front (line 4): network "front" is not declared under the top-level networks',
      'services.web.volumes[0] (line 5): volume "data" is not declared under the top-level volumes',
      'services.web.secrets[0] (line 6): secret "pw" is not declared under the top-level secrets',
      'services.web.configs[0] (line 7): config "conf" is not declared under the top-level configs',
    ],
  );
});

test('a service without an image is refused (a cluster runs images)', () => {
  assert.deepEqual(
    problems(() => loadCompose([src('services:\n  web:\n    build: .\n')], { env: {} })),
    ['services.web (line 2): missing key "image" (a cluster runs images; build them before deploying)'],
  );
});

test('a missing file is refused before anything is read', () => {
  assert.throws(() => load(['nope.yml']), /cannot read compose file nope.yml/);
});
