import { test } from 'node:test';
import assert from 'node:assert/strict';
import { taskFromProto } from './task-model.js';

test('taskFromProto: the mounts and container options of an assignment reach the container spec', () => {
  const t = taskFromProto({
    id: 't1',
    serviceId: 's1',
    slot: 1,
    nodeId: 'n1',
    desiredState: 'running',
    spec: {
      name: 'web',
      image: 'busybox',
      mounts: [
        {
          type: 'volume',
          source: 'data',
          target: '/data',
          readOnly: false,
          volumeLabels: { a: 'b' },
          volumeNocopy: true,
        },
        { type: 'bind', source: '/srv', target: '/srv', readOnly: true, bindPropagation: 'rslave' },
        { type: 'tmpfs', target: '/c', tmpfsSizeBytes: 1024, tmpfsMode: 0o700 },
      ],
      entrypoint: ['/bin/sh'],
      workdir: '/w',
      user: '1:2',
      hostname: '{{.Task.Slot}}',
      init: true,
      readOnly: true,
      capAdd: ['CAP_NET_ADMIN'],
      capDrop: ['CAP_MKNOD'],
      ulimits: [{ name: 'nofile', soft: 1, hard: 2 }],
      sysctls: { 'net.core.somaxconn': '9' },
      groups: ['7'],
      containerLabels: { x: 'y' },
      tty: true,
      logDriver: { name: 'local', options: {} },
    },
  });
  assert.deepEqual(t.spec, {
    image: 'busybox',
    mounts: [
      {
        type: 'volume',
        source: 'data',
        target: '/data',
        readOnly: false,
        volume: { labels: { a: 'b' }, noCopy: true },
      },
      { type: 'bind', source: '/srv', target: '/srv', readOnly: true, bindPropagation: 'rslave' },
      { type: 'tmpfs', target: '/c', readOnly: false, tmpfs: { sizeBytes: 1024, mode: 0o700 } },
    ],
    entrypoint: ['/bin/sh'],
    workdir: '/w',
    user: '1:2',
    hostname: '{{.Task.Slot}}',
    init: true,
    readOnly: true,
    capAdd: ['CAP_NET_ADMIN'],
    capDrop: ['CAP_MKNOD'],
    ulimits: [{ name: 'nofile', soft: 1, hard: 2 }],
    sysctls: { 'net.core.somaxconn': '9' },
    groups: ['7'],
    containerLabels: { x: 'y' },
    tty: true,
    logDriver: { name: 'local', options: {} },
  });
});

test('taskFromProto: a spec without options gives a container spec without them', () => {
  assert.deepEqual(taskFromProto({ id: 't', spec: { image: 'busybox' } }).spec, { image: 'busybox' });
});
