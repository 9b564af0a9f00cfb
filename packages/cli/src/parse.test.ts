import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from '@clusterctl/common';
import {
  checkPorts,
  parseAddr,
  parseConstraint,
  parseCount,
  parseDurationMs,
  parseEnv,
  parseLabel,
  parseLabels,
  parseMemoryBytes,
  parseNanoCpus,
  parsePort,
  parseScaleArg,
  parseServiceName,
} from './parse.js';

function invalid(fn: () => unknown, re?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ClusterError, `expected a ClusterError, got ${String(e)}`);
    assert.equal(e.code, 'INVALID_ARGUMENT');
    assert.ok(e.hint.length > 0, 'a usage error carries a hint');
    if (re) assert.match(e.message, re);
    return true;
  });
}

describe('durations', () => {
  // The grammar is common's (tested there); the CLI adds its bounds: at least 1ms, at most 24h by default.
  test('the grammar of common, up to 24h by default', () => {
    assert.equal(parseDurationMs('--x', '1m30s'), 90_000);
    assert.equal(parseDurationMs('--x', '24h'), 86_400_000);
    assert.equal(parseDurationMs('--x', '48h', 2 * 86_400_000), 2 * 86_400_000);
  });
  test('refused: no unit, unknown unit, zero, negative, empty, too long', () => {
    for (const v of ['500', '2x', '0s', '0ms', '-1s', '', 's', '1.s', '25h'])
      invalid(() => parseDurationMs('--node-grace', v), /--node-grace/);
  });
});

describe('memory sizes', () => {
  test('binary units as Docker', () => {
    assert.equal(parseMemoryBytes('--m', '512m'), 512 * 1024 * 1024);
    assert.equal(parseMemoryBytes('--m', '1g'), 1024 ** 3);
    assert.equal(parseMemoryBytes('--m', '1G'), 1024 ** 3);
    assert.equal(parseMemoryBytes('--m', '1.5g'), 1.5 * 1024 ** 3);
    assert.equal(parseMemoryBytes('--m', '64k'), 65536);
    assert.equal(parseMemoryBytes('--m', '64kb'), 65536);
    assert.equal(parseMemoryBytes('--m', '1048576'), 1048576);
    assert.equal(parseMemoryBytes('--m', '100b'), 100);
  });
  test('refused', () => {
    for (const v of ['', 'm', '1x', '-1m', '0', '0m', '1 .5g', '1e3'])
      invalid(() => parseMemoryBytes('--limit-memory', v), /--limit-memory/);
  });
});

describe('cpus', () => {
  test('decimals to nano CPUs', () => {
    assert.equal(parseNanoCpus('--c', '0.5'), 500_000_000);
    assert.equal(parseNanoCpus('--c', '2'), 2_000_000_000);
    assert.equal(parseNanoCpus('--c', '0.000000001'), 1);
    assert.equal(parseNanoCpus('--c', '1.25'), 1_250_000_000);
  });
  test('refused', () => {
    for (const v of ['', '0', '0.0', '-1', 'half', '.5', '1.0000000001', '2000'])
      invalid(() => parseNanoCpus('--reserve-cpu', v), /--reserve-cpu/);
  });
});

describe('ports', () => {
  test('published:target[/proto] and target alone', () => {
    assert.deepEqual(parsePort('8080:80'), { published: 8080, target: 80, protocol: 'tcp' });
    assert.deepEqual(parsePort('53:53/udp'), { published: 53, target: 53, protocol: 'udp' });
    assert.deepEqual(parsePort('53:53/UDP'), { published: 53, target: 53, protocol: 'udp' });
    assert.deepEqual(parsePort('80'), { published: 0, target: 80, protocol: 'tcp' });
    assert.deepEqual(parsePort('8080:80/tcp'), { published: 8080, target: 80, protocol: 'tcp' });
    // Docker's long form
    assert.deepEqual(parsePort('published=8080,target=80'), { published: 8080, target: 80, protocol: 'tcp' });
    assert.deepEqual(parsePort('target=53,published=5353,protocol=udp,mode=host'), {
      published: 5353,
      target: 53,
      protocol: 'udp',
      mode: 'host',
    });
    assert.deepEqual(parsePort('target=80,mode=ingress'), {
      published: 0,
      target: 80,
      protocol: 'tcp',
      mode: 'ingress',
    });
    assert.deepEqual(parsePort('published=8080,target=80,route=local-first'), {
      published: 8080,
      target: 80,
      protocol: 'tcp',
      route: 'local-first',
    });
    for (const bad of [
      'published=80',
      'target=80,mode=mesh',
      'published=8080,target=80,route=near',
      'target=80,target=81',
      'target=80,proto=udp',
      'target=x',
    ])
      assert.throws(() => parsePort(bad), /--publish/, bad);
  });
  test('refused', () => {
    for (const v of [
      '',
      '0:80',
      '8080:0',
      '70000:80',
      '80:70000',
      'a:80',
      '8080:80/sctp',
      '1:2:3',
      '80/tcp/x',
      '8080:',
    ])
      invalid(() => parsePort(v), /--publish/);
  });
  test('a published port given twice is refused; unpublished ones may repeat', () => {
    invalid(() => checkPorts([parsePort('8080:80'), parsePort('8080:81')]), /twice/);
    checkPorts([parsePort('8080:80'), parsePort('8080:80/udp'), parsePort('80'), parsePort('80')]);
  });
});

describe('constraints', () => {
  test('the keys Swarm knows', () => {
    assert.deepEqual(parseConstraint('node.hostname==m1'), { key: 'node.hostname', op: '==', value: 'm1' });
    assert.deepEqual(parseConstraint('node.role != manager'), { key: 'node.role', op: '!=', value: 'manager' });
    assert.deepEqual(parseConstraint('node.labels.zone==eu-1'), { key: 'node.labels.zone', op: '==', value: 'eu-1' });
    assert.deepEqual(parseConstraint('NODE.LABELS.Zone==a'), { key: 'node.labels.Zone', op: '==', value: 'a' });
    assert.deepEqual(parseConstraint('engine.labels.ssd!='), { key: 'engine.labels.ssd', op: '!=', value: '' });
    assert.deepEqual(parseConstraint('node.id==abc'), { key: 'node.id', op: '==', value: 'abc' });
  });
  test('refused: no operator, unknown key, empty value, bad role, missing label name', () => {
    for (const v of [
      'node.hostname=m1',
      'node.hostname',
      'node.name==x',
      'hostname==x',
      'node.hostname==',
      'node.role==boss',
      'node.labels.==x',
      '==x',
      'node.hostname~=x',
    ]) {
      invalid(() => parseConstraint(v), /--constraint: invalid constraint/);
    }
  });
});

describe('env and labels', () => {
  test('env KEY=VALUE keeps = and empty values', () => {
    assert.equal(parseEnv('A=1'), 'A=1');
    assert.equal(parseEnv('A='), 'A=');
    assert.equal(parseEnv('URL=x=y'), 'URL=x=y');
    for (const v of ['A', '=1', 'A B=1', '']) invalid(() => parseEnv(v), /--env/);
  });
  test('labels KEY=VALUE or KEY', () => {
    assert.deepEqual(parseLabel('-l', 'a=b'), ['a', 'b']);
    assert.deepEqual(parseLabel('-l', 'a'), ['a', '']);
    assert.deepEqual(parseLabel('-l', 'a=b=c'), ['a', 'b=c']);
    assert.deepEqual(parseLabels('-l', ['a=1', 'b=2', 'a=3']), { a: '3', b: '2' });
    for (const v of ['', '=x', 'a b=1', 'com.clusterctl.node.id=x']) invalid(() => parseLabel('--label', v), /--label/);
  });
});

describe('other arguments', () => {
  test('counts', () => {
    assert.equal(parseCount('--replicas', '0'), 0);
    assert.equal(parseCount('--replicas', '3'), 3);
    for (const v of ['-1', '1.5', 'x', '', '10001']) invalid(() => parseCount('--replicas', v, 10_000), /--replicas/);
  });
  test('scale SERVICE=N', () => {
    assert.deepEqual(parseScaleArg('web=5'), { service: 'web', replicas: 5 });
    assert.deepEqual(parseScaleArg('a=b=0'), { service: 'a=b', replicas: 0 });
    for (const v of ['web', '=3', 'web=', 'web=-1', 'web=x']) invalid(() => parseScaleArg(v));
  });
  test('addresses', () => {
    assert.equal(parseAddr('--listen-addr', '127.0.0.1:4280'), '127.0.0.1:4280');
    assert.equal(parseAddr('--listen-addr', 'm1.example:4280'), 'm1.example:4280');
    assert.equal(parseAddr('--listen-addr', '[::1]:4280'), '[::1]:4280');
    for (const v of ['127.0.0.1', ':4280', '127.0.0.1:0', '127.0.0.1:99999', 'a b:1'])
      invalid(() => parseAddr('--listen-addr', v), /--listen-addr/);
  });
  test('service names', () => {
    assert.equal(parseServiceName('web-1.a_b'), 'web-1.a_b');
    for (const v of ['', '-web', 'we b', 'x'.repeat(64), 'web/1']) invalid(() => parseServiceName(v), /--name/);
  });
});
