import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode, Label } from '@clusterctl/common';
import { toDockerCreateBody } from './container-config.js';
import type { CreateContainerOptions } from './executor.js';

const ids = { clusterId: 'c1', serviceId: 'svc1', taskId: 'task1', nodeId: 'node1', slot: 2, serviceName: 'web' };

function opts(spec: Partial<CreateContainerOptions['spec']>, extra: Partial<CreateContainerOptions> = {}) {
  return { ids, spec: { image: 'clusterctl/busybox:local', ...spec }, ...extra };
}

describe('toDockerCreateBody: mounts and container options', () => {
  test('every option reaches the create body', () => {
    const body = toDockerCreateBody(
      opts(
        {
          command: ['-c', 'echo hi'],
          entrypoint: ['/bin/sh'],
          workdir: '/app',
          user: '1000:1000',
          hostname: '{{.Service.Name}}-{{.Task.Slot}}.{{.Node.Hostname}}',
          init: true,
          readOnly: true,
          capAdd: ['CAP_NET_ADMIN'],
          capDrop: ['CAP_MKNOD'],
          ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
          sysctls: { 'net.core.somaxconn': '1024' },
          groups: ['audio', '1001'],
          labels: { team: 'blue' },
          containerLabels: { tier: 'front', team: 'red' },
          tty: true,
          logDriver: { name: 'json-file', options: { 'max-size': '10m' } },
          mounts: [
            {
              type: 'volume',
              source: 'data',
              target: '/data',
              readOnly: false,
              volume: {
                driver: 'local',
                options: { type: 'tmpfs', device: 'tmpfs' },
                labels: { keep: 'yes' },
                noCopy: true,
              },
            },
            { type: 'bind', source: '/srv/conf', target: '/conf', readOnly: true, bindPropagation: 'rslave' },
            { type: 'tmpfs', target: '/cache', readOnly: false, tmpfs: { sizeBytes: 64 << 20, mode: 0o1770 } },
          ],
        },
        { nodeHostname: 'host-a' },
      ),
    );
    assert.deepEqual(body.Entrypoint, ['/bin/sh']);
    assert.deepEqual(body.Cmd, ['-c', 'echo hi']);
    assert.equal(body.WorkingDir, '/app');
    assert.equal(body.User, '1000:1000');
    assert.equal(body.Hostname, 'web-2.host-a');
    assert.equal(body.Tty, true);
    assert.equal(body.Labels.tier, 'front');
    assert.equal(body.Labels.team, 'red', 'a container label wins over the service label of the same key');
    assert.equal(body.Labels[Label.TaskId], 'task1');
    const hc = body.HostConfig;
    assert.equal(hc.Init, true);
    assert.equal(hc.ReadonlyRootfs, true);
    assert.deepEqual(hc.CapAdd, ['CAP_NET_ADMIN']);
    assert.deepEqual(hc.CapDrop, ['CAP_MKNOD']);
    assert.deepEqual(hc.Ulimits, [{ Name: 'nofile', Soft: 1024, Hard: 2048 }]);
    assert.deepEqual(hc.Sysctls, { 'net.core.somaxconn': '1024' });
    assert.deepEqual(hc.GroupAdd, ['audio', '1001']);
    assert.deepEqual(hc.LogConfig, { Type: 'json-file', Config: { 'max-size': '10m' } });
    assert.deepEqual(hc.Mounts, [
      {
        Type: 'volume',
        Source: 'data',
        Target: '/data',
        ReadOnly: false,
        VolumeOptions: {
          Labels: { keep: 'yes', [Label.ClusterId]: 'c1', [Label.NodeId]: 'node1' },
          NoCopy: true,
          DriverConfig: { Name: 'local', Options: { type: 'tmpfs', device: 'tmpfs' } },
        },
      },
      { Type: 'bind', Source: '/srv/conf', Target: '/conf', ReadOnly: true, BindOptions: { Propagation: 'rslave' } },
      { Type: 'tmpfs', Target: '/cache', ReadOnly: false, TmpfsOptions: { SizeBytes: 64 << 20, Mode: 0o1770 } },
    ]);
  });

  test('nothing set: none of the option fields appear (the image and engine defaults hold)', () => {
    const body = toDockerCreateBody(opts({}));
    for (const k of ['Entrypoint', 'WorkingDir', 'User', 'Hostname', 'Tty'] as const)
      assert.equal(body[k], undefined, k);
    for (const k of [
      'Mounts',
      'Init',
      'ReadonlyRootfs',
      'CapAdd',
      'CapDrop',
      'Ulimits',
      'Sysctls',
      'GroupAdd',
      'LogConfig',
    ] as const)
      assert.equal(body.HostConfig[k], undefined, k);
  });

  test("a named volume without options is still labelled as the cluster's; an anonymous one has no Source", () => {
    const body = toDockerCreateBody(
      opts({
        mounts: [
          { type: 'volume', source: 'v1', target: '/v', readOnly: true },
          { type: 'volume', target: '/anon', readOnly: false },
        ],
      }),
    );
    assert.deepEqual(body.HostConfig.Mounts, [
      {
        Type: 'volume',
        Source: 'v1',
        Target: '/v',
        ReadOnly: true,
        VolumeOptions: { Labels: { [Label.ClusterId]: 'c1', [Label.NodeId]: 'node1' } },
      },
      {
        Type: 'volume',
        Target: '/anon',
        ReadOnly: false,
        VolumeOptions: { Labels: { [Label.ClusterId]: 'c1', [Label.NodeId]: 'node1' } },
      },
    ]);
  });

  test('reserved labels are refused on containers and volumes', () => {
    const reserved = (spec: Partial<CreateContainerOptions['spec']>) =>
      assert.throws(
        () => toDockerCreateBody(opts(spec)),
        (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && /reserved/.test(e.message),
      );
    reserved({ containerLabels: { [Label.TaskId]: 'fake' } });
    reserved({
      mounts: [
        { type: 'volume', source: 'v', target: '/v', readOnly: false, volume: { labels: { [Label.ClusterId]: 'x' } } },
      ],
    });
  });

  test('a hostname template too long once expanded rejects the task with a hint', () => {
    assert.throws(
      () => toDockerCreateBody(opts({ hostname: '{{.Task.Name}}' }, { ids: { ...ids, taskId: 't'.repeat(64) } })),
      (e: unknown) =>
        e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && /more than 63/.test(e.message) && !!e.hint,
    );
  });

  test('a bind mount without an absolute source is refused', () => {
    assert.throws(
      () => toDockerCreateBody(opts({ mounts: [{ type: 'bind', source: 'rel', target: '/x', readOnly: false }] })),
      (e: unknown) =>
        e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && /bind source/.test(e.message),
    );
  });
});
