import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { toDockerCreateBody } from './container-config.js';
import type { CreateContainerOptions } from './executor.js';
import { containerName, identityFromLabels, Label, taskLabels } from './labels.js';
import { normalizeImageRef } from './image-ref.js';

const ids = { clusterId: 'c1', serviceId: 'svc1', taskId: 'task1', nodeId: 'node1', slot: 2, serviceName: 'web' };

function opts(
  spec: Partial<CreateContainerOptions['spec']> = {},
  extra: Partial<CreateContainerOptions> = {},
): CreateContainerOptions {
  return { ids, spec: { image: 'clusterctl/busybox:local', ...spec }, ...extra };
}

function rejects(fn: () => unknown, code: ErrorCode, pattern: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof ClusterError && e.code === code && pattern.test(e.message) && e.hint !== '',
  );
}

describe('toDockerCreateBody', () => {
  test('maps image, command, env, labels, ports and limits; restart policy is always "no"', () => {
    const body = toDockerCreateBody(
      opts(
        {
          command: ['httpd', '-f', '-p', '80'],
          env: ['A=1', 'B=two=2'],
          labels: { team: 'blue' },
          ports: [
            { published: 8080, target: 80, protocol: 'tcp' },
            { published: 5353, target: 53, protocol: 'udp' },
            { target: 9000, protocol: 'tcp' },
          ],
          resources: {
            limits: { nanoCpus: 500_000_000, memoryBytes: 64 << 20 },
            reservations: { memoryBytes: 32 << 20, nanoCpus: 100_000_000 },
          },
        },
        { hostIp: '127.0.0.1', stopGraceMs: 2500 },
      ),
    );
    assert.equal(body.Image, 'clusterctl/busybox:local');
    assert.equal(body.Entrypoint, undefined, 'the image entrypoint is kept');
    assert.deepEqual(body.Cmd, ['httpd', '-f', '-p', '80']);
    assert.deepEqual(body.Env, ['A=1', 'B=two=2']);
    assert.equal(body.Labels.team, 'blue');
    assert.equal(body.Labels[Label.TaskId], 'task1');
    assert.deepEqual(body.ExposedPorts, { '80/tcp': {}, '53/udp': {}, '9000/tcp': {} });
    assert.deepEqual(body.HostConfig.PortBindings, {
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
      '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }],
    });
    assert.deepEqual(body.HostConfig.RestartPolicy, { Name: 'no' });
    assert.equal(body.HostConfig.NanoCpus, 500_000_000);
    assert.equal(body.HostConfig.Memory, 64 << 20);
    assert.equal(body.HostConfig.MemoryReservation, 32 << 20);
    assert.equal(body.StopTimeout, 3);
    assert.equal(body.name, 'web.2.task1');
  });

  test('no command keeps the image entrypoint/cmd; no limits sets none; ports bind all interfaces by default', () => {
    const body = toDockerCreateBody(opts({ command: [], ports: [{ published: 81, target: 80, protocol: 'tcp' }] }));
    assert.equal(body.Entrypoint, undefined);
    assert.equal(body.Cmd, undefined);
    assert.equal(body.HostConfig.NanoCpus, undefined);
    assert.equal(body.HostConfig.Memory, undefined);
    assert.equal(body.StopTimeout, undefined);
    assert.deepEqual(body.HostConfig.PortBindings['80/tcp'], [{ HostIp: '', HostPort: '81' }]);
  });

  test('rejects bad specs with INVALID_ARGUMENT and a hint', () => {
    rejects(() => toDockerCreateBody(opts({ image: ' ' })), ErrorCode.InvalidArgument, /needs an image/);
    rejects(() => toDockerCreateBody(opts({ env: ['=x'] })), ErrorCode.InvalidArgument, /environment/);
    rejects(
      () => toDockerCreateBody(opts({ ports: [{ target: 0, protocol: 'tcp' }] })),
      ErrorCode.InvalidArgument,
      /target port/,
    );
    rejects(
      () => toDockerCreateBody(opts({ ports: [{ target: 80, published: 70000, protocol: 'tcp' }] })),
      ErrorCode.InvalidArgument,
      /published port/,
    );
    rejects(
      () => toDockerCreateBody(opts({ ports: [{ target: 80, protocol: 'sctp' as 'tcp' }] })),
      ErrorCode.InvalidArgument,
      /protocol/,
    );
    rejects(
      () =>
        toDockerCreateBody(
          opts({
            ports: [
              { target: 80, published: 8080, protocol: 'tcp' },
              { target: 81, published: 8080, protocol: 'tcp' },
            ],
          }),
        ),
      ErrorCode.InvalidArgument,
      /published twice/,
    );
    // Same number on tcp and udp is fine.
    toDockerCreateBody(
      opts({
        ports: [
          { target: 80, published: 8080, protocol: 'tcp' },
          { target: 80, published: 8080, protocol: 'udp' },
        ],
      }),
    );
    rejects(
      () => toDockerCreateBody(opts({ resources: { limits: { memoryBytes: 1024 } } })),
      ErrorCode.InvalidArgument,
      /6 MiB/,
    );
    rejects(
      () => toDockerCreateBody(opts({ resources: { limits: { nanoCpus: -1 } } })),
      ErrorCode.InvalidArgument,
      /nanoCpus/,
    );
    rejects(
      () => toDockerCreateBody(opts({ resources: { limits: { nanoCpus: 1.5 } } })),
      ErrorCode.InvalidArgument,
      /nanoCpus/,
    );
    rejects(
      () =>
        toDockerCreateBody(
          opts({ resources: { limits: { memoryBytes: 16 << 20 }, reservations: { memoryBytes: 32 << 20 } } }),
        ),
      ErrorCode.InvalidArgument,
      /reservation/,
    );
    rejects(
      () => toDockerCreateBody(opts({ labels: { [Label.NodeId]: 'spoofed' } })),
      ErrorCode.InvalidArgument,
      /reserved/,
    );
  });
});

describe('labels', () => {
  test('identity round-trips through labels; foreign containers have none', () => {
    assert.deepEqual(identityFromLabels(taskLabels(ids)), ids);
    const global = { clusterId: 'c', serviceId: 's', taskId: 't', nodeId: 'n', slot: 0 };
    assert.deepEqual(identityFromLabels(taskLabels(global)), global);
    assert.equal(identityFromLabels({ 'com.docker.compose.project': 'x' }), undefined);
    assert.equal(
      identityFromLabels({ [Label.ClusterId]: 'c', [Label.ServiceId]: 's', [Label.TaskId]: 't' }),
      undefined,
    );
    assert.equal(identityFromLabels(null), undefined);
  });

  test('a task identity needs all four ids (a programmer error otherwise)', () => {
    assert.throws(
      () => taskLabels({ ...ids, nodeId: '' }),
      (e: unknown) => e instanceof Error && !(e instanceof ClusterError),
    );
  });

  test('container names use Docker-safe characters; global tasks use the node id', () => {
    assert.equal(containerName(ids), 'web.2.task1');
    assert.equal(
      containerName({ clusterId: 'c', serviceId: 's', taskId: 't', nodeId: 'n1', slot: 0, serviceName: 'my app/1' }),
      'my-app-1.n1.t',
    );
    assert.equal(containerName({ clusterId: 'c', serviceId: '_s', taskId: 't', nodeId: 'n' }), 't_s.n.t');
  });
});

describe('normalizeImageRef', () => {
  test('adds :latest only when there is no tag or digest', () => {
    assert.equal(normalizeImageRef('busybox'), 'busybox:latest');
    assert.equal(normalizeImageRef('clusterctl/busybox:local'), 'clusterctl/busybox:local');
    assert.equal(normalizeImageRef('localhost:5000/app'), 'localhost:5000/app:latest');
    assert.equal(normalizeImageRef('localhost:5000/app:v2'), 'localhost:5000/app:v2');
    assert.equal(normalizeImageRef('app@sha256:abcd'), 'app@sha256:abcd');
  });
});

describe('toDockerCreateBody: health check and stop', () => {
  const check = { test: [] as string[], intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 };

  test('no health check in the spec: the image keeps its own (no Healthcheck in the body)', () => {
    assert.equal(toDockerCreateBody(opts()).Healthcheck, undefined);
  });

  test('a command check goes to the engine with its timings in ns (0: left to the image/default)', () => {
    const body = toDockerCreateBody(
      opts({ healthcheck: { ...check, test: ['CMD-SHELL', 'test -f /ok'], intervalMs: 200, retries: 2 } }),
    );
    assert.deepEqual(body.Healthcheck, { Test: ['CMD-SHELL', 'test -f /ok'], Interval: 200_000_000, Retries: 2 });
    const timingsOnly = toDockerCreateBody(opts({ healthcheck: { ...check, timeoutMs: 1500, startPeriodMs: 3000 } }));
    assert.deepEqual(timingsOnly.Healthcheck, { Timeout: 1_500_000_000, StartPeriod: 3_000_000_000 });
  });

  test("NONE and the agent's probes disable the engine's check (the image's included)", () => {
    assert.deepEqual(toDockerCreateBody(opts({ healthcheck: { ...check, test: ['NONE'] } })).Healthcheck, {
      Test: ['NONE'],
    });
    assert.deepEqual(
      toDockerCreateBody(opts({ healthcheck: { ...check, http: { port: 80, path: '/' }, intervalMs: 500 } }))
        .Healthcheck,
      { Test: ['NONE'] },
    );
    assert.deepEqual(toDockerCreateBody(opts({ healthcheck: { ...check, tcp: { port: 80 } } })).Healthcheck, {
      Test: ['NONE'],
    });
  });

  test("the spec's stop grace period and signal win over the node's default", () => {
    const body = toDockerCreateBody(opts({ stopGracePeriodMs: 30_000, stopSignal: 'SIGINT' }, { stopGraceMs: 2500 }));
    assert.equal(body.StopTimeout, 30);
    assert.equal(body.StopSignal, 'SIGINT');
    const zero = toDockerCreateBody(opts({ stopGracePeriodMs: 0 }, { stopGraceMs: 2500 }));
    assert.equal(zero.StopTimeout, 0);
    assert.equal(zero.StopSignal, undefined);
  });
});
