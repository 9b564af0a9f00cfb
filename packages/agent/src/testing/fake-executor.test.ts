import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { ContainerEvent, CreateContainerOptions, LogLine } from '../executor/executor.js';
import { FakeExecutor } from './fake-executor.js';
import { Label } from '../executor/labels.js';

const IMAGE = 'clusterctl/busybox:local';

function task(taskId: string, extra: Partial<CreateContainerOptions['spec']> = {}): CreateContainerOptions {
  return { ids: { clusterId: 'c1', serviceId: 's1', taskId, nodeId: 'n1', slot: 1 }, spec: { image: IMAGE, ...extra } };
}

function isCode(code: ErrorCode) {
  return (e: unknown) => e instanceof ClusterError && e.code === code && e.hint !== '';
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('FakeExecutor', () => {
  test('lifecycle: create, start, crash, wait, restart, stop, remove', async () => {
    const ex = new FakeExecutor({ images: [IMAGE] });
    const id = await ex.create(task('t1'));
    assert.equal((await ex.inspect(id)).status, 'created');
    await ex.start(id);
    const info = await ex.inspect(id);
    assert.equal(info.running, true);
    assert.deepEqual(info.ids, { clusterId: 'c1', serviceId: 's1', taskId: 't1', nodeId: 'n1', slot: 1 });

    const exited = ex.wait(id);
    ex.exit(id, 3);
    assert.deepEqual(await exited, { exitCode: 3, oomKilled: false, error: '' });
    assert.equal((await ex.inspect(id)).status, 'exited');
    assert.deepEqual(
      await ex.wait(id),
      { exitCode: 3, oomKilled: false, error: '' },
      'wait on an exited container answers at once',
    );

    await ex.start(id);
    await assert.rejects(ex.remove(id), isCode(ErrorCode.Conflict), 'a running container needs force');
    await ex.stop(id, { graceMs: 500 });
    assert.deepEqual(ex.stops, [{ id, graceMs: 500, killed: false }]);
    assert.equal((await ex.inspect(id)).exitCode, 143);
    await ex.remove(id);
    await assert.rejects(ex.inspect(id), isCode(ErrorCode.NotFound));
    await ex.remove(id); // already gone: fine
  });

  test('a container ignoring its stop signal is killed (137); grace 0 kills at once', async () => {
    const ex = new FakeExecutor({ images: [IMAGE], stopBehaviour: 'ignore' });
    const a = await ex.create(task('a'));
    const b = await ex.create(task('b'));
    ex.setStopBehaviour(b, { exitCode: 0 });
    await ex.start(a);
    await ex.start(b);
    await ex.stop(a, { graceMs: 2000 });
    await ex.stop(b, { graceMs: 0 });
    assert.equal((await ex.inspect(a)).exitCode, 137);
    assert.equal((await ex.inspect(b)).exitCode, 137);
    assert.deepEqual(
      ex.stops.map((s) => s.killed),
      [true, true],
    );
    await ex.stop(a); // not running: no-op
    assert.equal(ex.stops.length, 2);
  });

  test('missing image is NOT_FOUND with a hint unless pullable; taken name is ALREADY_EXISTS; taken port is CONFLICT', async () => {
    const ex = new FakeExecutor({ images: [IMAGE], pullable: ['nginx'] });
    await assert.rejects(ex.create(task('x', { image: 'nope:1' })), isCode(ErrorCode.NotFound));
    assert.deepEqual(await ex.ensureImage('nginx'), {
      imageId: (await ex.ensureImage('nginx:latest')).imageId,
      pulled: true,
    });
    assert.deepEqual(ex.pulled, ['nginx:latest']);

    await ex.create(task('dup'));
    await assert.rejects(ex.create(task('dup')), isCode(ErrorCode.AlreadyExists));

    const ports = [{ published: 8080, target: 80, protocol: 'tcp' as const }];
    const p1 = await ex.create(task('p1', { ports }));
    const p2 = await ex.create(task('p2', { ports }));
    await ex.start(p1);
    await assert.rejects(ex.start(p2), isCode(ErrorCode.Conflict));
    assert.match((await ex.inspect(p2)).error, /already allocated/);
    await ex.stop(p1);
    await ex.start(p2);
  });

  test('spec validation is the real one', async () => {
    const ex = new FakeExecutor({ images: [IMAGE] });
    await assert.rejects(
      ex.create(task('bad', { ports: [{ target: 0, protocol: 'tcp' }] })),
      isCode(ErrorCode.InvalidArgument),
    );
  });

  test('list filters by labels', async () => {
    const ex = new FakeExecutor({ images: [IMAGE] });
    const a = await ex.create(task('a'));
    const b = await ex.create({ ...task('b'), ids: { clusterId: 'c1', serviceId: 's2', taskId: 'b', nodeId: 'n2' } });
    await ex.start(b);
    assert.deepEqual((await ex.list({ labels: { [Label.ClusterId]: 'c1' } })).map((c) => c.id).sort(), [a, b].sort());
    assert.deepEqual(
      (await ex.list({ labels: { [Label.NodeId]: 'n2' } })).map((c) => c.id),
      [b],
    );
    assert.deepEqual(
      (await ex.list({ labels: { [Label.TaskSlot]: true } })).map((c) => c.id),
      [a],
    );
    assert.deepEqual(
      (await ex.list({ all: false })).map((c) => c.id),
      [b],
    );
  });

  test('logs: tail, stream selection, follow until exit or abort', async () => {
    const ex = new FakeExecutor({ images: [IMAGE] });
    const id = await ex.create(task('l'));
    await ex.start(id);
    for (let i = 1; i <= 4; i++) ex.emitLog(id, i % 2 ? 'stdout' : 'stderr', `line${i}`);
    assert.deepEqual(
      (await collect(ex.logs(id, { tail: 2 }))).map((l) => l.line),
      ['line3', 'line4'],
    );
    assert.deepEqual(
      (await collect(ex.logs(id, { stderr: false }))).map((l) => l.line),
      ['line1', 'line3'],
    );
    assert.deepEqual(
      (await collect(ex.logs(id, { tail: 2, stderr: false }))).map((l) => l.line),
      ['line3'],
      'tail counts both streams',
    );

    const seen: LogLine[] = [];
    const following = (async () => {
      for await (const l of ex.logs(id, { follow: true, tail: 1 })) {
        seen.push(l);
        if (l.line === 'line5') ex.exit(id, 0); // ends the follow
      }
    })();
    ex.emitLog(id, 'stdout', 'line5');
    await following;
    assert.deepEqual(
      seen.map((l) => l.line),
      ['line4', 'line5'],
    );

    await ex.start(id);
    const abort = new AbortController();
    const lines: string[] = [];
    const aborted = (async () => {
      for await (const l of ex.logs(id, { follow: true, tail: 0, signal: abort.signal })) {
        lines.push(l.line);
        abort.abort();
      }
    })();
    ex.emitLog(id, 'stdout', 'after-restart');
    await aborted;
    assert.deepEqual(lines, ['after-restart']);
    await assert.rejects(collect(ex.logs('missing')), isCode(ErrorCode.NotFound));
  });

  test('events: filtered by labels, die carries the exit code', async () => {
    const ex = new FakeExecutor({ images: [IMAGE] });
    const abort = new AbortController();
    const events: ContainerEvent[] = [];
    const sub = ex.events({ labels: { [Label.TaskId]: 'e' }, signal: abort.signal });
    const done = (async () => {
      for await (const ev of sub) {
        events.push(ev);
        if (ev.action === 'destroy') abort.abort();
      }
    })();
    const other = await ex.create(task('other'));
    const id = await ex.create(task('e'));
    await ex.start(other);
    await ex.start(id);
    ex.exit(id, 7, { oomKilled: true });
    await ex.remove(id);
    await done;
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'start', 'oom', 'die', 'destroy'],
    );
    assert.equal(events[3]!.exitCode, 7);
    assert.ok(events.every((e) => e.id === id && e.ids?.taskId === 'e'));
    assert.equal((await ex.inspect(other)).running, true);
  });

  test('failNext injects errors in order, once each', async () => {
    const ex = new FakeExecutor({ images: [IMAGE] });
    const id = await ex.create(task('f'));
    ex.failNext('start', new ClusterError(ErrorCode.Unavailable, 'engine down', { hint: 'start it' }));
    await assert.rejects(ex.start(id), isCode(ErrorCode.Unavailable));
    await ex.start(id);
    assert.deepEqual(ex.calls.filter((c) => c.op === 'start').length, 2);
  });
});
