// `--secret`/`--config` and `service update --secret-add/-rm --config-add/-rm` without a daemon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { parseFileRef } from './file-refs.js';
import { buildServiceSpec } from './service-spec.js';
import { applyUpdate, parseUpdateFlags } from './service-update.js';
import { readData } from './secrets.js';

const usage = (fn: () => unknown, re: RegExp): void =>
  assert.throws(fn, (e: ClusterError) => e.code === ErrorCode.InvalidArgument && re.test(e.message));

test('--secret NAME and --secret source=,target=,uid=,gid=,mode= (Docker syntax)', () => {
  assert.deepEqual(parseFileRef('secret', '--secret', 'pw'), {
    id: '',
    name: 'pw',
    target: '',
    uid: '',
    gid: '',
    mode: 0,
  });
  assert.deepEqual(parseFileRef('secret', '--secret', 'source=pw,target=/etc/pw,uid=1000,gid=50,mode=0400'), {
    id: '',
    name: 'pw',
    target: '/etc/pw',
    uid: '1000',
    gid: '50',
    mode: 0o400,
  });
  assert.equal(parseFileRef('config', '--config', 'src=c,mode=644').mode, 0o644);
  usage(() => parseFileRef('secret', '--secret', 'target=/x'), /no source secret/);
  usage(() => parseFileRef('secret', '--secret', 'source=pw,mode=999'), /mode must be octal/);
  usage(() => parseFileRef('secret', '--secret', 'source=pw,uid=root'), /uid must be a number/);
  usage(() => parseFileRef('secret', '--secret', 'source=pw,owner=1'), /unknown option "owner"/);
  const spec = buildServiceSpec('busybox', [], { secret: ['pw'], config: ['app.conf'] });
  assert.deepEqual([spec.secrets?.map((s) => s.name), spec.configs?.map((c) => c.name)], [['pw'], ['app.conf']]);
});

test('service update: --secret-rm by name, --secret-add replaces one of the same name; changes are task changes', () => {
  const current = {
    ...buildServiceSpec('busybox', [], { name: 'web', secret: ['a', 'source=b,target=/etc/b'] }),
  };
  const r = applyUpdate(
    current,
    parseUpdateFlags({ secretRm: ['a'], secretAdd: ['source=b,target=/etc/b2'], configAdd: ['c'] }),
  );
  assert.deepEqual(
    r.spec.secrets!.map((s) => [s.name, s.target]),
    [['b', '/etc/b2']],
  );
  assert.deepEqual(
    r.spec.configs!.map((c) => c.name),
    ['c'],
  );
  assert.deepEqual(r.changed, ['secrets', 'configs']);
  assert.throws(
    () => applyUpdate(current, parseUpdateFlags({ secretRm: ['zz'] })),
    (e: ClusterError) => e.code === ErrorCode.NotFound && /has no secret zz/.test(e.message),
  );
  // a plain update keeps the secrets
  assert.deepEqual(applyUpdate(current, parseUpdateFlags({ image: 'busybox:2' })).spec.secrets, current.secrets);
});

test('secret data: from stdin with -, never empty, at most 500 KiB (configs 1000 KiB)', async () => {
  assert.equal(Buffer.from(await readData('secret', '-', Readable.from([Buffer.from('s3')]))).toString(), 's3');
  await assert.rejects(readData('secret', '-', Readable.from([])), /the secret data is empty/);
  await assert.rejects(readData('secret', '-', Readable.from([Buffer.alloc(500 * 1024 + 1)])), /larger than 500 KiB/);
  assert.equal((await readData('config', '-', Readable.from([Buffer.alloc(600 * 1024)]))).length, 600 * 1024);
  await assert.rejects(readData('secret', '/nonexistent/file'), /cannot read \/nonexistent\/file/);
});
