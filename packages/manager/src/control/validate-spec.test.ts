import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { meshPortConflicts, publishedPortConflicts, validateServiceSpec } from './validate-spec.js';

function refused(s: Parameters<typeof validateServiceSpec>[0]): ClusterError {
  try {
    validateServiceSpec(s);
  } catch (e) {
    assert.ok(e instanceof ClusterError);
    return e;
  }
  throw new Error('accepted');
}

describe('validateServiceSpec', () => {
  test('fills defaults and normalizes', () => {
    const s = validateServiceSpec({ name: 'web', image: 'busybox' });
    assert.deepEqual(s.mode, { kind: 'replicated', replicas: 0 });
    assert.deepEqual(s.restartPolicy, { condition: 'any', delayMs: 100, maxAttempts: 0 });
    assert.deepEqual(s.resources, {
      reservations: { nanoCpus: 0, memoryBytes: 0 },
      limits: { nanoCpus: 0, memoryBytes: 0 },
    });
    assert.deepEqual(s.ports, []);
  });

  test('accepts the edges of every rule', () => {
    const s = validateServiceSpec({
      name: 'a'.repeat(63),
      image: 'registry.local:5000/team/app@sha256:abc',
      command: ['sh', '-c', 'echo hi'],
      env: ['A=', 'B=x=y', 'lower.case-key=1'],
      labels: { 'com.example.team': 'x' },
      mode: 'replicated',
      replicas: 10_000,
      constraints: [
        'node.hostname!=h1',
        'node.labels.zone==a',
        'engine.labels.os==linux',
        'node.role==manager',
        'node.id==abc',
      ],
      reservations: { nanoCpus: 5e8, memoryBytes: 6 << 20 },
      limits: { nanoCpus: 5e8, memoryBytes: 6 << 20 },
      ports: [
        { published: 65535, target: 1, protocol: 'udp' },
        { published: 65535, target: 1, protocol: 'tcp' },
        { target: 80 },
      ],
      restartPolicy: { condition: 'on-failure', delayMs: 250, maxAttempts: 3, windowMs: 60_000 },
    });
    assert.equal(s.ports.length, 3);
    assert.equal(s.ports[2]!.published, undefined);
    assert.deepEqual(s.restartPolicy, { condition: 'on-failure', delayMs: 250, maxAttempts: 3, windowMs: 60_000 });
    assert.deepEqual(validateServiceSpec({ name: 'g', image: 'busybox', mode: 'global' }).mode, { kind: 'global' });
  });

  test('refusals name the field and carry a hint', () => {
    const cases: [Parameters<typeof validateServiceSpec>[0], string][] = [
      [{ name: '', image: 'x' }, 'name'],
      [{ name: 'web', image: '' }, 'image'],
      [{ name: 'web', image: 'x', env: ['K V=1'] }, 'env'],
      [{ name: 'web', image: 'x', labels: { '': 'v' } }, 'labels'],
      [{ name: 'web', image: 'x', constraints: ['node.labels.==x'] }, 'constraints'],
      [{ name: 'web', image: 'x', command: ['a\0b'] }, 'command[0]'],
      [{ name: 'web', image: 'x', restartPolicy: { delayMs: 4_000_000 } }, 'restartPolicy.delayMs'],
      [{ name: 'web', image: 'x', limits: { nanoCpus: 2000e9 } }, 'limits.nanoCpus'],
    ];
    for (const [spec, field] of cases) {
      const e = refused(spec);
      assert.equal(e.code, ErrorCode.InvalidArgument);
      assert.equal(e.details.field, field, e.message);
      assert.ok(e.hint !== '');
    }
  });

  test('published port conflicts ignore the service itself and other protocols', () => {
    const a = validateServiceSpec({ name: 'a', image: 'x', ports: [{ published: 80, target: 80 }] });
    const b = validateServiceSpec({
      name: 'b',
      image: 'x',
      ports: [
        { published: 80, target: 80, protocol: 'udp' },
        { published: 81, target: 81 },
      ],
    });
    const c = validateServiceSpec({ name: 'c', image: 'x', ports: [{ published: 80, target: 8080 }] });
    const others = [
      { id: 'A', spec: a },
      { id: 'B', spec: b },
    ];
    assert.deepEqual(publishedPortConflicts(c, others), [{ port: '80/tcp', service: 'a' }]);
    assert.deepEqual(publishedPortConflicts(c, others, 'A'), []);
    assert.deepEqual(
      publishedPortConflicts(validateServiceSpec({ name: 'd', image: 'x', ports: [{ target: 80 }] }), others),
      [],
    );
  });
});

describe('validateServiceSpec: networking', () => {
  test('defaults: ingress ports, endpoint mode vip, no network named (the default one is resolved later)', () => {
    const s = validateServiceSpec({ name: 'web', image: 'busybox', ports: [{ published: 8080, target: 80 }] });
    assert.deepEqual(s.ports, [{ published: 8080, target: 80, protocol: 'tcp', publishMode: 'ingress' }]);
    assert.equal(s.endpointMode, 'vip');
    assert.deepEqual(s.networks, []);
    const h = validateServiceSpec({
      name: 'web',
      image: 'busybox',
      ports: [{ published: 8080, target: 80, mode: 'host' }],
      networks: [' back ', 'back', 'front'],
      endpointMode: 'dnsrr',
    });
    assert.equal(h.ports[0]!.publishMode, 'host');
    assert.deepEqual(h.networks, ['back', 'front']);
    assert.equal(h.endpointMode, 'dnsrr');
    // an ingress port spreads unless it says local-first (spread is the default, stored as absent)
    const r = validateServiceSpec({
      name: 'r',
      image: 'busybox',
      ports: [
        { published: 8080, target: 80, route: 'local-first' },
        { published: 8081, target: 81, route: 'spread' },
        { published: 8082, target: 82 },
      ],
    });
    assert.deepEqual(
      r.ports.map((p) => p.route),
      ['local-first', undefined, undefined],
    );
  });

  test('refused: an unknown publish or endpoint mode, dnsrr with an ingress port, too many networks', () => {
    const cases: [Parameters<typeof validateServiceSpec>[0], string][] = [
      [{ name: 'w', image: 'b', ports: [{ published: 1, target: 1, mode: 'mesh' }] }, 'ports'],
      [{ name: 'w', image: 'b', ports: [{ published: 1, target: 1, route: 'nearest' }] }, 'ports'],
      [{ name: 'w', image: 'b', ports: [{ published: 1, target: 1, mode: 'host', route: 'local-first' }] }, 'ports'],
      [{ name: 'w', image: 'b', endpointMode: 'rr' }, 'endpointMode'],
      [{ name: 'w', image: 'b', endpointMode: 'dnsrr', ports: [{ published: 80, target: 80 }] }, 'endpointMode'],
      [{ name: 'w', image: 'b', networks: Array.from({ length: 17 }, (_, i) => `n${i}`) }, 'networks'],
      [{ name: 'w', image: 'b', networks: [''] }, 'networks'],
    ];
    for (const [spec, field] of cases) {
      const e = refused(spec);
      assert.equal(e.code, ErrorCode.InvalidArgument, e.message);
      assert.equal(e.details.field, field, e.message);
      assert.notEqual(e.hint, '');
    }
  });
});

describe('meshPortConflicts', () => {
  const node = (hostname: string, state: string, ports: Array<[number, 'tcp' | 'udp', string]>, name = '') => ({
    id: `id-${hostname}`,
    hostname,
    name,
    status: { state, message: '', timestamp: 0 } as never,
    listeningPorts: ports.map(([port, protocol, process]) => ({ port, protocol, addr: '0.0.0.0', process, pid: 10 })),
  });
  const nodes = [
    node('b', 'ready', [[8080, 'tcp', 'nginx']]),
    node(
      'a',
      'ready',
      [
        [8080, 'tcp', 'httpd'],
        [53, 'udp', 'dnsmasq'],
      ],
      'edge-a',
    ),
    node('c', 'down', [[8080, 'tcp', 'stale']]),
  ];
  const svc = (ports: Array<{ published?: number; target: number; protocol?: string; mode?: string }>) =>
    validateServiceSpec({ name: 's', image: 'x', ports });

  test('names every live node holding a newly published ingress port, by name, sorted; down nodes are left out', () => {
    assert.deepEqual(meshPortConflicts(svc([{ published: 8080, target: 80 }]), undefined, nodes), [
      { port: '8080/tcp', node: 'edge-a', process: 'httpd', pid: 10 },
      { port: '8080/tcp', node: 'b', process: 'nginx', pid: 10 },
    ]);
    assert.deepEqual(meshPortConflicts(svc([{ published: 53, target: 53, protocol: 'udp' }]), undefined, nodes), [
      { port: '53/udp', node: 'edge-a', process: 'dnsmasq', pid: 10 },
    ]);
  });

  test('other protocol, host mode, no published port, or a port the previous spec already published: none', () => {
    assert.deepEqual(meshPortConflicts(svc([{ published: 8080, target: 80, protocol: 'udp' }]), undefined, nodes), []);
    assert.deepEqual(meshPortConflicts(svc([{ published: 8080, target: 80, mode: 'host' }]), undefined, nodes), []);
    assert.deepEqual(meshPortConflicts(svc([{ target: 80 }]), undefined, nodes), []);
    const s = svc([{ published: 8080, target: 80 }]);
    assert.deepEqual(meshPortConflicts(s, s, nodes), []);
    assert.deepEqual(meshPortConflicts(s, svc([{ published: 8080, target: 80, mode: 'host' }]), nodes).length, 2);
  });
});
