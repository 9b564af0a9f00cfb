// A compose project as the cluster objects of a stack: names, the namespace label, the service specs
// and rollout settings, and the warnings for what is ignored or not supported yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ClusterError } from '@clusterctl/common';
import { loadCompose, loadComposeFiles } from './load.js';
import { planStack, STACK_NAMESPACE_LABEL } from './stack.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
const project = (text: string) => loadCompose([{ name: 'docker-compose.yml', text, dir: '/srv' }], { env: {} });

test('services are named NAME_service and carry the namespace label', () => {
  const plan = planStack(loadComposeFiles(['anchors.yml'], {}, CORPUS), 'shop');
  assert.deepEqual(
    plan.services.map((s) => [s.shortName, s.name, s.spec.name, s.spec.labels?.[STACK_NAMESPACE_LABEL]]),
    [
      ['api', 'shop_api', 'shop_api', 'shop'],
      ['worker', 'shop_worker', 'shop_worker', 'shop'],
    ],
  );
});

test('the spec and rollout of a service come from the file', () => {
  const plan = planStack(
    project(
      [
        'services:',
        '  web:',
        '    image: example/web:1',
        '    command: serve --port 80',
        '    env_file: []',
        '    environment: { B: "2", A: "1" }',
        '    ports: ["8080:80", "53:53/udp", "9000"]',
        '    deploy:',
        '      replicas: 3',
        '      labels: { team: web }',
        '      placement: { constraints: ["node.labels.disk == ssd", "node.role!=manager"] }',
        '      resources:',
        '        limits: { cpus: "0.5", memory: 256m }',
        '        reservations: { cpus: "0.25", memory: 64m }',
        '      restart_policy: { condition: on-failure, delay: 2s, max_attempts: 4, window: 1m }',
        '      update_config: { parallelism: 2, delay: 5s, order: start-first }',
        '  agent:',
        '    image: example/agent:1',
        '    deploy: { mode: global }',
      ].join('\n'),
    ),
    'shop',
  );
  const [agent, web] = plan.services;
  assert.deepEqual(web!.spec, {
    name: 'shop_web',
    image: 'example/web:1',
    command: ['serve', '--port', '80'],
    env: ['B=2', 'A=1'],
    labels: { team: 'web', [STACK_NAMESPACE_LABEL]: 'shop' },
    mode: 'replicated',
    replicas: 3,
    constraints: ['node.labels.disk==ssd', 'node.role!=manager'],
    reservations: { nanoCpus: 250_000_000, memoryBytes: 64 * 1024 ** 2 },
    limits: { nanoCpus: 500_000_000, memoryBytes: 256 * 1024 ** 2 },
    ports: [
      { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' },
      { published: 53, target: 53, protocol: 'udp', mode: 'ingress' },
    ],
    restartPolicy: { condition: 'on-failure', delayMs: 2_000, maxAttempts: 4, windowMs: 60_000 },
    networks: ['shop_default'],
    networkAliases: [],
    endpointMode: 'vip',
    stopSignal: '',
    mounts: [],
    entrypoint: [],
    workdir: '',
    user: '',
    hostname: '',
    init: false,
    readOnly: false,
    capAdd: [],
    capDrop: [],
    ulimits: [],
    sysctls: {},
    containerLabels: { [STACK_NAMESPACE_LABEL]: 'shop' },
    updateConfig: {
      parallelism: 2,
      delayMs: 5_000,
      order: 'start-first',
      failureAction: 'pause',
      monitorMs: 5_000,
      maxFailureRatio: 0,
    },
    rollbackConfig: {
      parallelism: 1,
      delayMs: 0,
      order: 'stop-first',
      failureAction: 'pause',
      monitorMs: 5_000,
      maxFailureRatio: 0,
    },
    secrets: [],
    configs: [],
  });
  assert.ok(plan.warnings.some((w) => w.includes('ports without a published port')));
  assert.deepEqual(plan.networks, [
    { shortName: 'default', name: 'shop_default', external: false, labels: { [STACK_NAMESPACE_LABEL]: 'shop' } },
  ]);
  assert.deepEqual(web!.updateConfig, { parallelism: 2, delayMs: 5_000, order: 'start-first' });
  assert.equal(agent!.spec.mode, 'global');
  assert.equal(agent!.spec.replicas, 0);
  assert.deepEqual(agent!.spec.command, [], "no command: the image's");
  assert.deepEqual(agent!.spec.restartPolicy, { condition: 'any', delayMs: 0, maxAttempts: 0, windowMs: 0 });
  assert.deepEqual(agent!.updateConfig, { parallelism: 1, delayMs: 0, order: 'stop-first' });
});

test('ignored keys and keys not supported yet come back as warnings, never dropped silently', () => {
  const ignored = planStack(loadComposeFiles(['ignored.yml'], {}, CORPUS), 'shop');
  assert.equal(
    ignored.warnings[0],
    'Ignoring unsupported options: build, container_name, depends_on, expose, links, network_mode, restart',
  );
  const full = planStack(loadComposeFiles(['full/docker-compose.yml'], {}, CORPUS), 'shop');
  const later = full.warnings.find((w) => w.startsWith('Not supported yet, left out: '));
  assert.ok(later, full.warnings.join('\n'));
  for (const key of ['deploy.placement.preferences (web)', 'networks internal (networks.back)'])
    assert.ok(later.includes(key), `${key} in: ${later}`);
  for (const mapped of [
    'aliases',
    'secrets',
    'configs',
    'rollback_config',
    'update_config',
    'monitor',
    'failure_action',
  ])
    assert.ok(!later.includes(mapped), `${mapped} is mapped now, not in: ${later}`);
  const plain = planStack(project('services:\n  web:\n    image: web\n'), 'shop');
  assert.deepEqual(plain.warnings, []);
});

test('networks, mounts, health check and container options of the full file', () => {
  const plan = planStack(loadComposeFiles(['full/docker-compose.yml'], {}, CORPUS), 'shop');
  assert.deepEqual(plan.networks, [
    { shortName: 'front', name: 'shop_front', external: false, labels: { [STACK_NAMESPACE_LABEL]: 'shop' } },
    { shortName: 'back', name: 'shop_back', external: false, labels: { [STACK_NAMESPACE_LABEL]: 'shop' } },
  ]);
  const [cache, db, web] = plan.services;
  assert.deepEqual(cache!.spec.networks, ['shop_back']);
  assert.equal(cache!.spec.endpointMode, 'dnsrr');
  assert.deepEqual(db!.spec.mounts, [
    {
      type: 'volume',
      source: 'shop_db-data',
      target: '/var/lib/postgresql/data',
      readOnly: false,
      volumeNocopy: false,
      volumeOptions: {},
      volumeLabels: { [STACK_NAMESPACE_LABEL]: 'shop' },
    },
  ]);
  const w = web!.spec;
  assert.deepEqual(w.networks, ['shop_front', 'shop_back']);
  assert.deepEqual(w.networkAliases, [{ network: 'shop_front', aliases: ['app', 'www'] }]);
  assert.deepEqual(cache!.spec.networkAliases, []);
  assert.deepEqual(w.ports, [
    { published: 8080, target: 8000, protocol: 'tcp', mode: 'ingress' },
    { published: 9000, target: 9000, protocol: 'udp', mode: 'host' },
  ]);
  assert.deepEqual(w.healthcheck, {
    test: ['CMD', 'wget', '-qO-', 'http://localhost:8000/health'],
    intervalMs: 10_000,
    timeoutMs: 2_000,
    retries: 3,
    startPeriodMs: 30_000,
  });
  assert.equal(w.stopGracePeriodMs, 90_000);
  assert.equal(w.hasStopGracePeriod, true);
  assert.equal(w.stopSignal, 'SIGINT');
  assert.deepEqual(w.entrypoint, ['/docker-entrypoint.sh']);
  assert.equal(w.workdir, '/srv');
  assert.equal(w.user, '1000:1000');
  assert.equal(w.hostname, 'web');
  assert.equal(w.init, true);
  assert.equal(w.readOnly, true);
  assert.deepEqual(w.capAdd, ['CAP_NET_ADMIN']);
  assert.deepEqual(w.capDrop, ['ALL']);
  assert.deepEqual(w.ulimits, [
    { name: 'nproc', soft: 65535, hard: 65535 },
    { name: 'nofile', soft: 20000, hard: 40000 },
  ]);
  assert.deepEqual(w.sysctls, { 'net.core.somaxconn': '1024' });
  assert.deepEqual(w.containerLabels, { 'com.example.tier': 'front', [STACK_NAMESPACE_LABEL]: 'shop' });
  assert.deepEqual(w.logDriver, { name: 'json-file', options: { 'max-size': '10m' } });
  assert.deepEqual(
    w.mounts?.map((m) => [m.type, m.source ?? '', m.target, m.readOnly]),
    [
      ['volume', 'shop_static', '/srv/static', false],
      ['bind', `${CORPUS}full/conf`, '/etc/web', true],
      ['tmpfs', '', '/tmp', undefined],
    ],
  );
  assert.equal(w.mounts?.[2]?.tmpfsSizeBytes, 64 * 1024 * 1024);
});

test('a bad stack name, or one that makes too long a service name, is refused', () => {
  const p = project('services:\n  web:\n    image: web\n');
  for (const bad of ['-x', 'a b', 'x/y', ''])
    assert.throws(
      () => planStack(p, bad),
      (e: unknown) => e instanceof ClusterError && /invalid stack name/.test(e.message),
    );
  assert.throws(() => planStack(p, 'a'.repeat(60)), /longer than 63 characters/);
});

test('secrets and configs: the stack own ones from their files, external ones by name, referenced as stored', () => {
  const read: string[] = [];
  const plan = planStack(loadComposeFiles(['full/docker-compose.yml'], {}, CORPUS), 'shop', {
    readFile: (path) => {
      read.push(path);
      return Buffer.from(`data of ${path.slice(CORPUS.length)}`);
    },
  });
  assert.deepEqual(
    plan.secrets.map((o) => [o.shortName, o.name, o.external, o.labels, Buffer.from(o.data).toString()]),
    [
      ['api_key', 'api_key', true, {}, ''],
      ['db_password', 'shop_db_password', false, { [STACK_NAMESPACE_LABEL]: 'shop' }, 'data of full/db_password.txt'],
    ],
  );
  assert.deepEqual(
    plan.configs.map((o) => [o.name, o.external, Buffer.from(o.data).toString()]),
    [['shop_web_conf', false, 'data of full/web.conf']],
  );
  assert.deepEqual(read.sort(), [`${CORPUS}full/db_password.txt`, `${CORPUS}full/web.conf`]);
  const [, db, web] = plan.services;
  assert.deepEqual(web!.spec.secrets, [
    { name: 'shop_db_password', target: '/run/secrets/db_password', uid: '0', gid: '0', mode: 0o444 },
    { name: 'api_key', target: '/etc/web/api-key', uid: '0', gid: '0', mode: 0o400 },
  ]);
  assert.deepEqual(web!.spec.configs, [
    { name: 'shop_web_conf', target: '/etc/web/web.conf', uid: '0', gid: '0', mode: 0o444 },
  ]);
  assert.deepEqual(
    db!.spec.secrets?.map((r) => r.name),
    ['shop_db_password'],
  );

  // inline content, a variable, `name:`; a file that cannot be read or an unset variable refuses the plan
  const p = project(
    [
      'services:',
      '  web:',
      '    image: web',
      '    configs: [{ source: motd, target: motd.txt }]',
      '    secrets: [{ source: token, target: /etc/token, uid: "33", gid: "33", mode: 0400 }]',
      'configs:',
      '  motd: { content: "hello", name: motd_v2 }',
      'secrets:',
      '  token: { environment: API_TOKEN }',
    ].join('\n'),
  );
  const withVars = planStack(p, 'shop', { env: { API_TOKEN: 's3cret' } });
  assert.deepEqual(
    [...withVars.configs, ...withVars.secrets].map((o) => [o.name, Buffer.from(o.data).toString()]),
    [
      ['motd_v2', 'hello'],
      ['shop_token', 's3cret'],
    ],
  );
  assert.deepEqual(withVars.services[0]!.spec.configs, [
    { name: 'motd_v2', target: '/motd.txt', uid: '0', gid: '0', mode: 0o444 },
  ]);
  assert.deepEqual(withVars.services[0]!.spec.secrets, [
    { name: 'shop_token', target: '/etc/token', uid: '33', gid: '33', mode: 0o400 },
  ]);
  assert.throws(() => planStack(p, 'shop', { env: {} }), /secrets\.token: the variable API_TOKEN is not set/);
  assert.throws(
    () =>
      planStack(loadComposeFiles(['full/docker-compose.yml'], {}, CORPUS), 'shop', {
        readFile: () => {
          throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
        },
      }),
    /configs\.web_conf: cannot read .*web\.conf: ENOENT|secrets\.db_password: cannot read .*db_password\.txt: ENOENT/,
  );
});

test('update and rollback policies: every key of the file, the defaults when it has none', () => {
  const plan = planStack(loadComposeFiles(['full/docker-compose.yml'], {}, CORPUS), 'shop');
  const [cache, , web] = plan.services;
  assert.deepEqual(web!.spec.updateConfig, {
    parallelism: 2,
    delayMs: 10_000,
    order: 'start-first',
    failureAction: 'rollback',
    monitorMs: 30_000,
    maxFailureRatio: 0.3,
  });
  assert.deepEqual(web!.spec.rollbackConfig, {
    parallelism: 1,
    delayMs: 0,
    order: 'stop-first',
    failureAction: 'pause',
    monitorMs: 5_000,
    maxFailureRatio: 0,
  });
  const defaults = {
    parallelism: 1,
    delayMs: 0,
    order: 'stop-first',
    failureAction: 'pause',
    monitorMs: 5_000,
    maxFailureRatio: 0,
  };
  assert.deepEqual(cache!.spec.updateConfig, defaults);
  assert.deepEqual(cache!.spec.rollbackConfig, defaults);
  assert.throws(
    () =>
      project('services:\n  web:\n    image: web\n    deploy:\n      rollback_config: { failure_action: rollback }\n'),
    /services\.web\.deploy\.rollback_config\.failure_action \(line 5\): a rollback fails with continue or pause/,
  );
});
