// The mount and container option flags of `service create` / `service update`, without a daemon:
// Docker's value syntax, the spec they build, the update's add/remove forms, and commander's mapping.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { buildProgram } from '../program.js';
import {
  buildContainerOptions,
  parseEnvFileText,
  parseMount,
  parseUlimit,
  parseSysctl,
  readEnvFile,
  splitCsv,
} from './container-options.js';
import { buildServiceSpec } from './service-spec.js';
import { applyUpdate, parseUpdateFlags, replacesTasks, type ServiceUpdateOptions } from './service-update.js';

function usage(fn: () => unknown, re: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && re.test(e.message) && !!e.hint,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'clusterctl-container-opts-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

describe('--mount (Docker syntax)', () => {
  test('CSV fields, with quotes around a field that holds commas or quotes', () => {
    assert.deepEqual(splitCsv('--mount', 'a=1,b=2'), ['a=1', 'b=2']);
    assert.deepEqual(splitCsv('--mount', 'a=1,"volume-opt=o=addr=1.2.3.4,rw",c'), [
      'a=1',
      'volume-opt=o=addr=1.2.3.4,rw',
      'c',
    ]);
    assert.deepEqual(splitCsv('--mount', '"x=""q"""'), ['x="q"']);
    usage(() => splitCsv('--mount', 'a="b'), /quote inside a field/);
    usage(() => splitCsv('--mount', '"a'), /unclosed quote/);
    usage(() => splitCsv('--mount', '"a"b'), /after a closing quote/);
  });

  test('volume (the default type), with its options', () => {
    assert.deepEqual(
      parseMount(
        '--mount',
        'source=data,target=/data,volume-driver=local,volume-label=keep=yes,"volume-opt=o=size=10m,uid=1000",volume-opt=type=tmpfs,volume-nocopy',
      ),
      {
        type: 'volume',
        source: 'data',
        target: '/data',
        readOnly: false,
        volumeDriver: 'local',
        volumeNocopy: true,
        volumeOptions: { o: 'size=10m,uid=1000', type: 'tmpfs' },
        volumeLabels: { keep: 'yes' },
      },
    );
    assert.deepEqual(parseMount('--mount', 'type=volume,dst=/anon'), {
      type: 'volume',
      source: '',
      target: '/anon',
      readOnly: false,
    });
  });

  test('bind and tmpfs, readonly spellings', () => {
    assert.deepEqual(parseMount('--mount', 'type=bind,src=/srv/conf,destination=/conf,ro,bind-propagation=rslave'), {
      type: 'bind',
      source: '/srv/conf',
      target: '/conf',
      readOnly: true,
      bindPropagation: 'rslave',
    });
    assert.equal(parseMount('--mount', 'type=bind,source=/a,target=/b,readonly=false').readOnly, false);
    assert.equal(parseMount('--mount', 'type=bind,source=/a,target=/b,readonly=1').readOnly, true);
    assert.deepEqual(parseMount('--mount', 'type=tmpfs,target=/cache,tmpfs-size=64m,tmpfs-mode=1770'), {
      type: 'tmpfs',
      source: '',
      target: '/cache',
      readOnly: false,
      tmpfsSizeBytes: 64 << 20,
      tmpfsMode: 0o1770,
    });
  });

  test('refusals name the problem', () => {
    usage(() => parseMount('--mount', 'type=nfs,target=/x'), /invalid mount type "nfs"/);
    usage(() => parseMount('--mount', 'source=data'), /the target is missing/);
    usage(() => parseMount('--mount', 'target=rel'), /not an absolute path/);
    usage(() => parseMount('--mount', 'type=bind,target=/x'), /a bind mount needs a source/);
    usage(() => parseMount('--mount', 'type=bind,source=rel,target=/x'), /not an absolute path/);
    usage(() => parseMount('--mount', 'source=/srv,target=/x'), /invalid volume name/);
    usage(() => parseMount('--mount', 'type=tmpfs,source=x,target=/x'), /tmpfs mount has no source/);
    usage(
      () => parseMount('--mount', 'type=bind,source=/a,target=/x,volume-nocopy'),
      /volume-\* options do not apply to a bind mount/,
    );
    usage(() => parseMount('--mount', 'target=/x,tmpfs-size=1m'), /tmpfs-\* options do not apply to a volume mount/);
    usage(() => parseMount('--mount', 'target=/x,colour=red'), /unknown mount option "colour"/);
    usage(() => parseMount('--mount', 'target=/x,readonly=maybe'), /invalid value for readonly/);
    usage(() => parseMount('--mount', 'type=tmpfs,target=/x,tmpfs-mode=999'), /invalid tmpfs-mode/);
    usage(() => parseMount('--mount', 'target=/x,volume-label=com.clusterctl.x=1'), /reserved prefix/);
  });
});

describe('--ulimit, --sysctl', () => {
  test('NAME=SOFT[:HARD], HARD defaulting to SOFT, unlimited as -1', () => {
    assert.deepEqual(parseUlimit('--ulimit', 'nofile=1024:2048'), { name: 'nofile', soft: 1024, hard: 2048 });
    assert.deepEqual(parseUlimit('--ulimit', 'nproc=64'), { name: 'nproc', soft: 64, hard: 64 });
    assert.deepEqual(parseUlimit('--ulimit', 'core=0:unlimited'), { name: 'core', soft: 0, hard: -1 });
    usage(() => parseUlimit('--ulimit', 'nofile'), /invalid ulimit/);
    usage(() => parseUlimit('--ulimit', 'nofile=2048:1024'), /above the hard one/);
    usage(() => parseUlimit('--ulimit', 'files=1'), /unknown ulimit/);
    usage(() => parseUlimit('--ulimit', 'nofile=lots'), /invalid nofile limit/);
  });
  test('KEY=VALUE with a dotted key', () => {
    assert.deepEqual(parseSysctl('--sysctl', 'net.core.somaxconn=1024'), ['net.core.somaxconn', '1024']);
    usage(() => parseSysctl('--sysctl', 'net.core.somaxconn'), /invalid sysctl/);
    usage(() => parseSysctl('--sysctl', 'somaxconn=1'), /invalid sysctl/);
  });
});

describe('--env-file (Docker format)', () => {
  test('KEY=VALUE lines as written, comments and blank lines skipped, a bare KEY from the environment', () => {
    const text = '\uFEFF# comment\nA=1\n\n  B=two words = "x"\r\nFROM_ENV\nUNSET\n';
    assert.deepEqual(parseEnvFileText('f', text, { FROM_ENV: 'yes' }), ['A=1', 'B=two words = "x"', 'FROM_ENV=yes']);
    usage(() => parseEnvFileText('f', 'BAD KEY=1\n', {}), /line 1: invalid variable name/);
  });
  test('files are read in order and come before -e, which wins as the later entry', () => {
    const f1 = join(dir, 'a.env');
    const f2 = join(dir, 'b.env');
    writeFileSync(f1, 'A=1\nB=1\n');
    writeFileSync(f2, 'B=2\n');
    assert.deepEqual(readEnvFile(f1, {}), ['A=1', 'B=1']);
    const spec = buildServiceSpec('img', [], { envFile: [f1, f2], env: ['A=9'] });
    assert.deepEqual(spec.env, ['A=1', 'B=1', 'B=2', 'A=9']);
  });
  test('a missing file is NOT_FOUND with a hint', () => {
    assert.throws(
      () => readEnvFile(join(dir, 'nope.env')),
      (e: unknown) =>
        e instanceof ClusterError && e.code === ErrorCode.NotFound && /--env-file/.test(e.message) && !!e.hint,
    );
  });
});

describe('service create: container options', () => {
  test('every flag reaches the spec', () => {
    const spec = buildServiceSpec('img', [], {
      mount: ['source=data,target=/data', 'type=tmpfs,target=/tmp/x'],
      entrypoint: 'sh -c',
      workdir: '/app',
      user: '1000:1000',
      hostname: '{{.Service.Name}}-{{.Task.Slot}}',
      init: true,
      readOnly: true,
      capAdd: ['net_admin'],
      capDrop: ['MKNOD'],
      ulimit: ['nofile=10:20'],
      sysctl: ['net.core.somaxconn=9'],
      group: ['audio'],
      groupAdd: ['1000', 'audio'],
      containerLabel: ['tier=front'],
      tty: true,
      logDriver: 'json-file',
      logOpt: ['max-size=1m'],
    });
    assert.deepEqual(
      spec.mounts?.map((m) => m.target),
      ['/data', '/tmp/x'],
    );
    assert.deepEqual(spec.entrypoint, ['sh', '-c']);
    assert.equal(spec.workdir, '/app');
    assert.equal(spec.user, '1000:1000');
    assert.equal(spec.hostname, '{{.Service.Name}}-{{.Task.Slot}}');
    assert.equal(spec.init, true);
    assert.equal(spec.readOnly, true);
    assert.deepEqual(spec.capAdd, ['CAP_NET_ADMIN']);
    assert.deepEqual(spec.capDrop, ['CAP_MKNOD']);
    assert.deepEqual(spec.ulimits, [{ name: 'nofile', soft: 10, hard: 20 }]);
    assert.deepEqual(spec.sysctls, { 'net.core.somaxconn': '9' });
    assert.deepEqual(spec.groups, ['audio', '1000']);
    assert.deepEqual(spec.containerLabels, { tier: 'front' });
    assert.equal(spec.tty, true);
    assert.deepEqual(spec.logDriver, { name: 'json-file', options: { 'max-size': '1m' } });
  });
  test('none given: none of the fields are sent', () => {
    assert.deepEqual(buildContainerOptions({}), {});
  });
  test('refusals', () => {
    usage(() => buildContainerOptions({ containerLabel: ['com.clusterctl.task.id=x'] }), /reserved prefix/);
    usage(
      () => buildContainerOptions({ capAdd: ['NET_ADMIN'], capDrop: ['CAP_NET_ADMIN'] }),
      /both name CAP_NET_ADMIN/,
    );
    usage(() => buildContainerOptions({ hostname: '{{.Task.Bogus}}' }), /unknown template/);
    usage(() => buildContainerOptions({ workdir: 'rel' }), /not an absolute path/);
    usage(() => buildContainerOptions({ user: 'a:b:c' }), /invalid user/);
    usage(() => buildContainerOptions({ logOpt: ['max-size=1m'] }), /--log-opt needs --log-driver/);
    usage(() => buildContainerOptions({ mount: ['target=/x', 'type=tmpfs,target=/x'] }), /two mounts have the target/);
    usage(() => buildContainerOptions({ ulimit: ['nofile=1', 'nofile=2'] }), /given twice/);
  });
});

describe('service update: container options', () => {
  const current: clusterctl.cluster.IServiceSpec = {
    name: 'web',
    image: 'busybox',
    mode: 'replicated',
    replicas: 1,
    mounts: [
      { type: 'volume', source: 'data', target: '/data' },
      { type: 'tmpfs', target: '/cache' },
    ],
    capAdd: ['CAP_NET_ADMIN'],
    capDrop: ['CAP_MKNOD'],
    ulimits: [{ name: 'nofile', soft: 1, hard: 2 }],
    sysctls: { 'net.core.somaxconn': '9' },
    groups: ['audio'],
    containerLabels: { tier: 'front' },
    hostname: 'h',
    readOnly: true,
    logDriver: { name: 'json-file', options: { 'max-size': '1m' } },
  };
  const update = (o: ServiceUpdateOptions) => applyUpdate(current, parseUpdateFlags(o));

  test('fields not named by a flag are kept as they are', () => {
    const { spec, changed } = update({ image: 'busybox:2' });
    assert.deepEqual(changed, ['image']);
    assert.equal(spec.mounts?.length, 2);
    assert.deepEqual(spec.logDriver, { name: 'json-file', options: { 'max-size': '1m' } });
    assert.equal(spec.readOnly, true);
  });

  test('--mount-add replaces a mount with the same target, --mount-rm removes by target', () => {
    const { spec, changed } = update({ mountAdd: ['type=bind,source=/srv,target=/data'], mountRm: ['/cache'] });
    assert.deepEqual(
      spec.mounts?.map((m) => [m.type, m.target]),
      [['bind', '/data']],
    );
    assert.deepEqual(changed, ['mounts']);
    assert.equal(replacesTasks(changed), true);
    assert.throws(
      () => update({ mountRm: ['/nope'] }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotFound,
    );
    usage(() => parseUpdateFlags({ mountAdd: ['target=/x'], mountRm: ['/x'] }), /both name mount target/);
  });

  test('capabilities move between the add and drop lists as in Docker', () => {
    const { spec } = update({ capAdd: ['MKNOD'], capDrop: ['NET_ADMIN', 'SYS_TIME'] });
    assert.deepEqual(spec.capAdd, ['CAP_MKNOD']);
    assert.deepEqual(spec.capDrop, ['CAP_NET_ADMIN', 'CAP_SYS_TIME']);
  });

  test('the -add/-rm forms of ulimits, sysctls, groups and container labels', () => {
    const { spec, changed } = update({
      ulimitAdd: ['nofile=5:6', 'nproc=7'],
      sysctlRm: ['net.core.somaxconn'],
      sysctlAdd: ['net.ipv4.ip_forward=1'],
      groupAdd: ['1000'],
      groupRm: ['audio'],
      containerLabelAdd: ['team=blue'],
      containerLabelRm: ['tier'],
    });
    assert.deepEqual(spec.ulimits, [
      { name: 'nofile', soft: 5, hard: 6 },
      { name: 'nproc', soft: 7, hard: 7 },
    ]);
    assert.deepEqual(spec.sysctls, { 'net.ipv4.ip_forward': '1' });
    assert.deepEqual(spec.groups, ['1000']);
    assert.deepEqual(spec.containerLabels, { team: 'blue' });
    assert.deepEqual(changed, ['ulimits', 'sysctls', 'groups', 'containerLabels']);
    assert.throws(
      () => update({ ulimitRm: ['core'] }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotFound,
    );
    assert.throws(
      () => update({ containerLabelRm: ['nope'] }),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.NotFound,
    );
  });

  test('scalar options set, and "" or --no-X restores the default', () => {
    const { spec } = update({
      entrypoint: '/bin/sh -c',
      workdir: '/w',
      user: 'nobody',
      hostname: '',
      readOnly: false,
      init: true,
      tty: true,
      logDriver: '',
    });
    assert.deepEqual(spec.entrypoint, ['/bin/sh', '-c']);
    assert.equal(spec.workdir, '/w');
    assert.equal(spec.user, 'nobody');
    assert.equal(spec.hostname, '');
    assert.equal(spec.readOnly, false);
    assert.equal(spec.init, true);
    assert.equal(spec.tty, true);
    assert.equal(spec.logDriver, null);
    assert.deepEqual(update({ entrypoint: '' }).spec.entrypoint, []);
  });

  test('a container option alone is a change to make', () => {
    assert.doesNotThrow(() => parseUpdateFlags({ readOnly: false }));
    usage(() => parseUpdateFlags({ logOpt: ['a=b'] }), /--log-opt needs --log-driver/);
  });
});

/** Every option name the container flags of create and update produce. */
const OWN: Record<string, true> = Object.fromEntries(
  [
    'mount',
    'entrypoint',
    'workdir',
    'user',
    'hostname',
    'init',
    'readOnly',
    'capAdd',
    'capDrop',
    'ulimit',
    'sysctl',
    'group',
    'groupAdd',
    'envFile',
    'containerLabel',
    'tty',
    'logDriver',
    'logOpt',
    'mountAdd',
    'mountRm',
    'ulimitAdd',
    'ulimitRm',
    'sysctlAdd',
    'sysctlRm',
    'groupRm',
    'containerLabelAdd',
    'containerLabelRm',
  ].map((k) => [k, true]),
);

describe('commander maps the flags (Docker spellings and short forms)', () => {
  function options(path: string[], argv: string[]): Record<string, unknown> {
    let got: Record<string, unknown> | undefined;
    const program = buildProgram({ io: { stdout: () => {}, stderr: () => {} }, env: {}, exitCode: 0 });
    program.exitOverride();
    let cmd: Command = program;
    for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
    cmd.action((...args: unknown[]) => {
      got = (args[args.length - 1] as Command).opts();
    });
    program.parse([...path, ...argv], { from: 'user' });
    assert.ok(got, 'the action ran');
    return got;
  }
  /** The options these flags own (other features' flags have defaults of their own). */
  const own = (o: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.keys({ ...o, ...expected })
        .filter((k) => k in expected || k in OWN)
        .map((k) => [k, o[k]]),
    );

  test('service create', () => {
    const o = options(
      ['service', 'create'],
      [
        '--mount',
        'target=/d',
        '--mount',
        'type=tmpfs,target=/t',
        '-w',
        '/app',
        '-u',
        '1:2',
        '-t',
        '--init',
        '--read-only',
        '--hostname',
        'h',
        '--cap-add',
        'A',
        '--cap-drop',
        'B',
        '--ulimit',
        'nofile=1',
        '--sysctl',
        'a.b=1',
        '--group',
        'g',
        '--group-add',
        'h',
        '--env-file',
        'f',
        '--container-label',
        'x=y',
        '--log-driver',
        'local',
        '--log-opt',
        'a=b',
        '--entrypoint',
        'sh',
        'img',
      ],
    );
    const expected = {
      mount: ['target=/d', 'type=tmpfs,target=/t'],
      workdir: '/app',
      user: '1:2',
      tty: true,
      init: true,
      readOnly: true,
      hostname: 'h',
      capAdd: ['A'],
      capDrop: ['B'],
      ulimit: ['nofile=1'],
      sysctl: ['a.b=1'],
      group: ['g'],
      groupAdd: ['h'],
      envFile: ['f'],
      containerLabel: ['x=y'],
      logDriver: 'local',
      logOpt: ['a=b'],
      entrypoint: 'sh',
    };
    assert.deepEqual(own(o, expected), expected);
  });

  test('service update, with --no-X forms', () => {
    const o = options(
      ['service', 'update'],
      [
        '--mount-add',
        'target=/d',
        '--mount-rm',
        '/x',
        '--no-read-only',
        '--no-init',
        '--no-tty',
        '--ulimit-add',
        'nofile=1',
        '--ulimit-rm',
        'nproc',
        '--sysctl-add',
        'a.b=1',
        '--sysctl-rm',
        'c.d',
        '--group-add',
        'g',
        '--group-rm',
        'h',
        '--container-label-add',
        'x=y',
        '--container-label-rm',
        'z',
        'web',
      ],
    );
    const expected = {
      mountAdd: ['target=/d'],
      mountRm: ['/x'],
      readOnly: false,
      init: false,
      tty: false,
      ulimitAdd: ['nofile=1'],
      ulimitRm: ['nproc'],
      sysctlAdd: ['a.b=1'],
      sysctlRm: ['c.d'],
      groupAdd: ['g'],
      groupRm: ['h'],
      containerLabelAdd: ['x=y'],
      containerLabelRm: ['z'],
    };
    assert.deepEqual(own(o, expected), expected);
  });
});
