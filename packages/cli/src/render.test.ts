import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { clusterctl } from '@clusterctl/proto';
import { nodeRows, NODE_COLUMNS } from './commands/node.js';
import { taskRows } from './commands/tasks-table.js';
import { asClusterError, EXIT_CODE_OF, exitCodeOf, formatError } from './exit-codes.js';
import { ago, formatBytes, makeSink, render, renderTable } from './render.js';
import { nodeView, serviceView, taskView } from './views.js';

describe('renderer', () => {
  test('docker-style table: padded columns, three spaces apart, no trailing blanks', () => {
    const s = renderTable(
      ['ID', 'NAME', 'PORTS'],
      [
        ['abc', 'web', ''],
        ['abcdef', 'w', '*:80->80/tcp'],
      ],
    );
    assert.equal(s, 'ID       NAME   PORTS\nabc      web\nabcdef   w      *:80->80/tcp\n');
  });
  test('one Output, two formats', () => {
    const out = { kind: 'table' as const, columns: ['A'], rows: [['1']], json: [{ a: 1 }] };
    assert.equal(render(out, 'table'), 'A\n1\n');
    assert.deepEqual(JSON.parse(render(out, 'json')), [{ a: 1 }]);
    const text = { kind: 'text' as const, lines: ['hello', 'world'], json: { ok: true } };
    assert.equal(render(text, 'table'), 'hello\nworld\n');
    assert.deepEqual(JSON.parse(render(text, 'json')), { ok: true });
    assert.deepEqual(JSON.parse(render({ kind: 'json', json: [1] }, 'table')), [1]);
    assert.equal(render({ kind: 'none' }, 'json'), '');
  });
  test('streams: text lines or one JSON object per line', () => {
    const got: string[] = [];
    makeSink('table', (s) => got.push(s)).event('web.1 | hi', { line: 'hi' });
    makeSink('json', (s) => got.push(s)).event('web.1 | hi', { line: 'hi' });
    assert.deepEqual(got, ['web.1 | hi\n', '{"line":"hi"}\n']);
  });
  test('helpers', () => {
    assert.equal(ago(1000, 6000), '5 seconds ago');
    assert.equal(ago(0, 6000), '');
    assert.equal(ago(1, 70_000), 'About a minute ago');
    assert.equal(formatBytes(512 * 1024 * 1024), '512MiB');
    assert.equal(formatBytes(1536), '1.5KiB');
  });
});

describe('views of API messages', () => {
  test('decoded messages become complete plain objects (proto3 defaults included)', () => {
    const bytes = clusterctl.cluster.Node.encode({
      id: 'n1',
      hostname: 'm1',
      role: 'manager',
      availability: 'active',
      status: { state: 'ready' },
      managerStatus: { raftId: 7, leader: true },
    }).finish();
    const v = nodeView(clusterctl.cluster.Node.decode(bytes));
    assert.equal(v.id, 'n1');
    assert.deepEqual(v.managerStatus, { raftId: 7, addr: '', leader: true, reachability: '' });
    assert.deepEqual(v.resources, { nanoCpus: 0, memoryBytes: 0 });
    assert.deepEqual(v.labels, {});
    const w = nodeView(
      clusterctl.cluster.Node.decode(clusterctl.cluster.Node.encode({ id: 'n2', role: 'worker' }).finish()),
    );
    assert.equal(w.managerStatus, null);
    assert.deepEqual(JSON.parse(JSON.stringify(w)), w, 'the view survives JSON');
  });
  test('node rows: self marked, leader / reachability, capitalized states', () => {
    const nodes = [
      nodeView({
        id: 'aaa',
        hostname: 'm1',
        status: { state: 'ready' },
        availability: 'active',
        role: 'manager',
        managerStatus: { leader: true, reachability: 'reachable' },
        addr: '127.0.0.1',
      }),
      nodeView({
        id: 'bbb',
        hostname: 'm2',
        status: { state: 'down' },
        availability: 'drain',
        role: 'manager',
        managerStatus: { leader: false, reachability: 'unreachable' },
      }),
      nodeView({ id: 'ccc', hostname: 'w1', status: { state: 'ready' }, availability: 'pause', role: 'worker' }),
    ];
    assert.equal(NODE_COLUMNS.length, 6);
    assert.deepEqual(nodeRows(nodes, 'bbb'), [
      ['aaa', 'm1', 'Ready', 'Active', 'Leader', '127.0.0.1'],
      ['bbb *', 'm2', 'Down', 'Drain', 'Unreachable', ''],
      ['ccc', 'w1', 'Ready', 'Pause', '', ''],
    ]);
  });
  test('task rows: grouped by slot, current first, history marked, scheduler reason shown', () => {
    const svc = {
      service: {
        id: 'svc1',
        spec: { name: 'web', image: 'img', ports: [{ published: 8080, target: 80, protocol: 'tcp' }] },
      },
      running: 1,
      desired: 2,
    };
    const spec = svc.service.spec;
    const tasks = [
      {
        id: 'old1xxxxxxxxxxxxx',
        serviceId: 'svc1',
        slot: 1,
        nodeId: 'n1',
        desiredState: 'shutdown',
        status: { state: 'failed', err: 'exit code 1', timestamp: 1000 },
        meta: { createdAt: 1 },
        spec,
      },
      {
        id: 'new1xxxxxxxxxxxxx',
        serviceId: 'svc1',
        slot: 1,
        nodeId: 'n2',
        desiredState: 'running',
        status: { state: 'running', timestamp: 5000 },
        meta: { createdAt: 2 },
        spec,
      },
      {
        id: 'pend2xxxxxxxxxxxx',
        serviceId: 'svc1',
        slot: 2,
        nodeId: '',
        desiredState: 'running',
        status: { state: 'pending', message: 'no suitable node (1 node drained)', timestamp: 6000 },
        meta: { createdAt: 3 },
        spec,
      },
    ];
    const { rows, json } = taskRows(
      tasks,
      [svc],
      [
        { id: 'n1', hostname: 'm1' },
        { id: 'n2', hostname: 'm2' },
      ],
      10_000,
      false,
    );
    assert.deepEqual(
      rows.map((r) => r.slice(0, 7)),
      [
        ['new1xxxxxxxx', 'web.1', 'img', 'm2', 'Running', 'Running 5 seconds ago', ''],
        ['old1xxxxxxxx', ' \\_ web.1', 'img', 'm1', 'Shutdown', 'Failed 9 seconds ago', 'exit code 1'],
        ['pend2xxxxxxx', 'web.2', 'img', '', 'Running', 'Pending 4 seconds ago', 'no suitable node (1 node drained)'],
      ],
    );
    assert.equal(rows[0]![7], '*:8080->80/tcp');
    assert.deepEqual(
      json.map((t) => [t.name, t.current]),
      [
        ['web.1', true],
        ['web.1', false],
        ['web.2', true],
      ],
    );
    const full = taskRows(tasks, [svc], [], 10_000, true);
    assert.equal(full.rows[0]![0], 'new1xxxxxxxxxxxxx');
  });
  test('service and task views', () => {
    const s = serviceView({ id: 's', spec: { name: 'web', image: 'img', replicas: 3 } });
    assert.equal(s.spec.mode, 'replicated');
    assert.equal(s.spec.replicas, 3);
    const t = taskView({ id: 't', status: { state: 'failed', exitCode: 0, hasExitCode: true } });
    assert.equal(t.status.exitCode, 0);
    assert.equal(taskView({ id: 't' }).status.exitCode, null);
  });
});

describe('errors and exit codes', () => {
  test('every code has an exit code: 2 for usage errors, 1 for the cluster', () => {
    for (const code of Object.values(ErrorCode)) assert.ok(EXIT_CODE_OF[code] === 1 || EXIT_CODE_OF[code] === 2, code);
    assert.equal(exitCodeOf(new ClusterError(ErrorCode.InvalidArgument, 'x')), 2);
    assert.equal(exitCodeOf(new ClusterError(ErrorCode.Unavailable, 'x')), 1);
    assert.equal(exitCodeOf(new ClusterError(ErrorCode.NotFound, 'x')), 1);
  });
  test('one line with the code, then the hint', () => {
    assert.equal(
      formatError(
        new ClusterError(ErrorCode.NotFound, 'service "x" not found', { hint: 'list them with clusterctl service ls' }),
      ),
      'error: NOT_FOUND: service "x" not found\nhint: list them with clusterctl service ls\n',
    );
    assert.equal(formatError(new ClusterError(ErrorCode.Internal, 'two\nlines')), 'error: INTERNAL: two lines\n');
  });
  test('programmer errors become INTERNAL with a hint', () => {
    const e = asClusterError(new TypeError('x is undefined'));
    assert.equal(e.code, 'INTERNAL');
    assert.match(e.message, /x is undefined/);
    assert.match(e.hint, /--debug/);
  });
});
