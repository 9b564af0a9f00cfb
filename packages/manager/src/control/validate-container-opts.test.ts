import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { containerOptionsToProto, specToProto } from '../api/convert.js';
import { validateServiceSpec } from './validate-spec.js';

const base = { name: 'web', image: 'busybox' };

function refused(extra: clusterctl.cluster.IServiceSpec, field: RegExp, message: RegExp): void {
  assert.throws(
    () => validateServiceSpec({ ...base, ...extra }),
    (e: unknown) =>
      e instanceof ClusterError &&
      e.code === ErrorCode.InvalidArgument &&
      field.test(String(e.details?.field)) &&
      message.test(e.message) &&
      !!e.hint,
  );
}

const full: clusterctl.cluster.IServiceSpec = {
  mounts: [
    {
      type: 'volume',
      source: 'data',
      target: '/data',
      volumeDriver: 'local',
      volumeOptions: { o: 'x' },
      volumeLabels: { a: 'b' },
      volumeNocopy: true,
    },
    { type: 'bind', source: '/srv', target: '/srv', readOnly: true, bindPropagation: 'rshared' },
    { type: 'tmpfs', target: '/tmp/cache', tmpfsSizeBytes: 1 << 20, tmpfsMode: 0o700 },
    { type: 'volume', target: '/anon' },
  ],
  entrypoint: ['/bin/sh', '-c'],
  workdir: '/app',
  user: 'nobody:nogroup',
  hostname: '{{.Service.Name}}-{{.Task.Slot}}',
  init: true,
  readOnly: true,
  capAdd: ['net_admin', 'CAP_SYS_TIME'],
  capDrop: ['MKNOD'],
  ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
  sysctls: { 'net.core.somaxconn': '512' },
  groups: ['audio'],
  containerLabels: { tier: 'front' },
  tty: true,
  logDriver: { name: 'json-file', options: { 'max-size': '1m' } },
};

describe('validateServiceSpec: mounts and container options', () => {
  test('a spec without them has none of the fields (stored specs stay as they were)', () => {
    const s = validateServiceSpec(base);
    for (const k of [
      'mounts',
      'entrypoint',
      'workdir',
      'user',
      'hostname',
      'init',
      'readOnly',
      'capAdd',
      'capDrop',
      'ulimits',
      'sysctls',
      'groups',
      'containerLabels',
      'tty',
      'logDriver',
    ])
      assert.equal(k in s, false, k);
  });

  test('every option is kept, capabilities normalized, and survives the API round trip', () => {
    const s = validateServiceSpec({ ...base, ...full });
    assert.deepEqual(s.capAdd, ['CAP_NET_ADMIN', 'CAP_SYS_TIME']);
    assert.deepEqual(s.capDrop, ['CAP_MKNOD']);
    assert.deepEqual(s.mounts, [
      {
        type: 'volume',
        source: 'data',
        target: '/data',
        readOnly: false,
        volume: { driver: 'local', options: { o: 'x' }, labels: { a: 'b' }, noCopy: true },
      },
      { type: 'bind', source: '/srv', target: '/srv', readOnly: true, bindPropagation: 'rshared' },
      { type: 'tmpfs', target: '/tmp/cache', readOnly: false, tmpfs: { sizeBytes: 1 << 20, mode: 0o700 } },
      { type: 'volume', target: '/anon', readOnly: false },
    ]);
    assert.equal(s.hostname, '{{.Service.Name}}-{{.Task.Slot}}');
    assert.deepEqual(s.logDriver, { name: 'json-file', options: { 'max-size': '1m' } });
    // what the API sends back validates to the same stored spec (its rollout policies made explicit)
    const { update, rollback, ...back } = validateServiceSpec(specToProto(s));
    assert.deepEqual(back, s);
    assert.ok(update !== undefined && rollback !== undefined);
    assert.equal(containerOptionsToProto(s).user, 'nobody:nogroup');
  });

  test('mount rules: type, absolute target, bind source, volume name, mixed options, duplicate targets', () => {
    refused({ mounts: [{ type: 'nfs', target: '/x' }] }, /mounts\[0\]/, /invalid mount type/);
    refused({ mounts: [{ type: 'volume', target: 'rel' }] }, /mounts\[0\]\.target/, /not an absolute path/);
    refused({ mounts: [{ type: 'volume', target: '/' }] }, /mounts\[0\]\.target/, /root filesystem/);
    refused({ mounts: [{ type: 'bind', target: '/x' }] }, /mounts\[0\]\.source/, /needs a source/);
    refused({ mounts: [{ type: 'bind', source: 'srv', target: '/x' }] }, /mounts\[0\]\.source/, /not an absolute path/);
    refused(
      { mounts: [{ type: 'volume', source: '/srv', target: '/x' }] },
      /mounts\[0\]\.source/,
      /invalid volume name/,
    );
    refused({ mounts: [{ type: 'tmpfs', source: 'x', target: '/x' }] }, /mounts\[0\]\.source/, /no source/);
    refused(
      { mounts: [{ type: 'bind', source: '/a', target: '/x', volumeNocopy: true }] },
      /mounts\[0\]/,
      /volume options/,
    );
    refused({ mounts: [{ type: 'volume', target: '/x', tmpfsSizeBytes: 5 }] }, /mounts\[0\]/, /tmpfs options/);
    refused(
      { mounts: [{ type: 'bind', source: '/a', target: '/x', bindPropagation: 'sideways' }] },
      /bindPropagation/,
      /invalid bind propagation/,
    );
    refused({ mounts: [{ type: 'tmpfs', target: '/x', tmpfsMode: 0o17777 }] }, /tmpfsMode/, /invalid tmpfs mode/);
    refused(
      {
        mounts: [
          { type: 'tmpfs', target: '/x' },
          { type: 'volume', target: '/x' },
        ],
      },
      /^mounts$/,
      /two mounts have the target \/x/,
    );
    refused(
      { mounts: Array.from({ length: 65 }, (_, i) => ({ type: 'tmpfs', target: `/t${i}` })) },
      /^mounts$/,
      /too many mounts/,
    );
  });

  test('reserved labels are refused on containers and volumes', () => {
    refused({ containerLabels: { 'com.clusterctl.task.id': 'x' } }, /containerLabels/, /reserved prefix/);
    refused(
      { mounts: [{ type: 'volume', source: 'v1', target: '/v', volumeLabels: { 'com.clusterctl.x': '1' } }] },
      /volumeLabels/,
      /reserved prefix/,
    );
  });

  test('option bounds: capabilities, ulimits, sysctls, user, workdir, hostname, groups, log driver', () => {
    refused({ capAdd: ['FLY'] }, /capAdd/, /unknown capability/);
    refused({ capAdd: ['NET_ADMIN'], capDrop: ['CAP_NET_ADMIN'] }, /capAdd/, /both added and dropped/);
    refused({ ulimits: [{ name: 'nofile', soft: 10, hard: 5 }] }, /ulimits\[0\]/, /above the hard/);
    refused(
      {
        ulimits: [
          { name: 'nofile', soft: 1, hard: 1 },
          { name: 'nofile', soft: 2, hard: 2 },
        ],
      },
      /ulimits/,
      /given twice/,
    );
    refused({ ulimits: [{ name: 'bogus', soft: 1, hard: 1 }] }, /ulimits\[0\]/, /unknown ulimit/);
    refused({ sysctls: { nodots: '1' } }, /sysctls/, /invalid sysctl/);
    refused({ user: 'a b' }, /user/, /invalid user/);
    refused({ workdir: 'app' }, /workdir/, /not an absolute path/);
    refused({ hostname: '{{.Task.Nope}}' }, /hostname/, /unknown template/);
    refused({ groups: ['a b'] }, /groups/, /invalid group/);
    refused({ logDriver: { name: '', options: { a: 'b' } } }, /logDriver/, /need a log driver/);
    refused({ logDriver: { name: 'bad driver' } }, /logDriver\.name/, /invalid log driver/);
    refused({ entrypoint: ['a\nb'] }, /entrypoint\[0\]/, /line break/);
  });
});
