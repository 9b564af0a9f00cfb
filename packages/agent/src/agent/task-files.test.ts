// Secrets and configs on the agent: files on a tmpfs only, with the reference's owner and mode,
// bound into the container, removed when the task ends; never in the persisted assignments.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode, silentLogger } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import type { CreateContainerOptions, TaskFileRef } from '../executor/index.js';
import { FakeExecutor } from '../testing/fake-executor.js';
import { ASSIGNMENTS_FILE } from './assignment-store.js';
import type { AgentTask, AgentTaskStatus } from './task-model.js';
import { isTmpfs, TaskFiles, type TaskFileData } from './task-files.js';
import { Worker } from './worker.js';

const IMAGE = 'clusterctl/busybox:local';
const SECRET = Buffer.from('s3cr3t-bytes-0123456789');
const SHM = '/dev/shm';

const ref = (over: Partial<TaskFileRef> = {}): TaskFileRef => ({
  kind: 'secret',
  id: 's1',
  name: 'pw',
  target: '/run/secrets/pw',
  uid: '0',
  gid: '0',
  mode: 0o444,
  ...over,
});

describe('TaskFiles', () => {
  let root: string;
  let fetch: (taskId: string) => Promise<TaskFileData[]>;
  let files: TaskFiles;
  beforeEach(async () => {
    assert.ok(await isTmpfs(SHM), '/dev/shm is a tmpfs on Linux');
    root = join(mkdtempSync(join(SHM, 'cc-task-files-')), 'root');
    fetch = () => Promise.resolve([{ kind: 'secret', id: 's1', data: SECRET }]);
    files = new TaskFiles({ nodeId: 'n1', log: silentLogger(), fetch: (t) => fetch(t), roots: { preferred: root } });
  });
  afterEach(async () => {
    await files.close();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  test('writes each file with its owner and mode on the tmpfs; release and close remove them', async () => {
    const mounts = await files.prepare('t1', [ref(), ref({ target: '/etc/pw', mode: 0o400, uid: '1000', gid: '50' })]);
    assert.deepEqual(
      mounts.map((m) => m.target),
      ['/run/secrets/pw', '/etc/pw'],
    );
    for (const m of mounts) {
      assert.ok(await isTmpfs(m.source));
      assert.ok(readFileSync(m.source).equals(SECRET));
    }
    const st = statSync(mounts[1]!.source);
    assert.equal(st.mode & 0o777, 0o400);
    assert.deepEqual([st.uid, st.gid], [1000, 50]);
    assert.equal(statSync(mounts[0]!.source).mode & 0o777, 0o444);
    await files.release('t1');
    assert.ok(!existsSync(mounts[0]!.source));
    await files.prepare('t2', [ref()]);
    await files.close();
    assert.ok(!existsSync(root));
  });

  test('data the manager did not send is an error naming the reference, never the data', async () => {
    fetch = () => Promise.resolve([]);
    await assert.rejects(
      files.prepare('t1', [ref()]),
      (e: ClusterError) => e.code === ErrorCode.NotFound && /secret pw/.test(e.message),
    );
  });

  test('a root that is not a tmpfs is never written to: a tmpfs is mounted there, or the task is refused', async () => {
    const disk = mkdtempSync(join(tmpdir(), 'cc-not-tmpfs-'));
    const onDisk = new TaskFiles({
      nodeId: 'n1',
      log: silentLogger(),
      fetch: (t) => fetch(t),
      roots: { preferred: disk },
    });
    try {
      const diskWasTmpfs = await isTmpfs(disk);
      const m = await onDisk.prepare('t1', [ref()]).catch((e: unknown) => e);
      if (m instanceof ClusterError) assert.equal(m.code, ErrorCode.FailedPrecondition);
      else if (Array.isArray(m)) assert.ok(diskWasTmpfs || (await isTmpfs(m[0].source)), 'written only to a tmpfs');
      else throw m;
    } finally {
      await onDisk.close();
      rmSync(disk, { recursive: true, force: true });
    }
  });
});

describe('Worker with secrets', () => {
  let dir: string;
  let root: string;
  let fake: FakeExecutor;
  let created: CreateContainerOptions[];
  let reports: Array<{ taskId: string; status: AgentTaskStatus }>;
  let fetch: (taskId: string) => Promise<TaskFileData[]>;
  let w: Worker;
  let files: TaskFiles;
  const task = (id: string): AgentTask => ({
    id,
    serviceId: 'svc1',
    serviceName: 'web',
    slot: 1,
    nodeId: 'n1',
    desiredState: 'running',
    spec: { image: IMAGE, files: [ref()] },
    managerState: 'assigned',
  });
  const last = (id: string): AgentTaskStatus | undefined => reports.filter((r) => r.taskId === id).at(-1)?.status;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-secrets-'));
    root = join(mkdtempSync(join(SHM, 'cc-task-files-')), 'root');
    fake = new FakeExecutor({ images: [IMAGE] });
    created = [];
    const create = fake.create.bind(fake);
    fake.create = (opts) => {
      created.push(opts);
      return create(opts);
    };
    reports = [];
    fetch = () => Promise.resolve([{ kind: 'secret', id: 's1', data: SECRET }]);
    files = new TaskFiles({ nodeId: 'n1', log: silentLogger(), fetch: (t) => fetch(t), roots: { preferred: root } });
    w = new Worker({
      executor: fake,
      clusterId: 'c1',
      nodeId: 'n1',
      dir,
      log: silentLogger(),
      retryDelayMs: 20,
      taskFiles: files,
      onStatus: (taskId, status) => reports.push({ taskId, status }),
    });
    await w.start();
  });
  afterEach(async () => {
    await w.close();
    await files.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  test('the container gets the file bound read-only; the assignments on disk hold no data; exit removes it', async () => {
    await w.apply({ complete: true, update: [task('t1')], remove: [] });
    await w.settle();
    assert.equal(last('t1')?.state, 'running');
    const mounts = created[0]!.fileMounts!;
    assert.equal(mounts.length, 1);
    assert.equal(mounts[0]!.target, '/run/secrets/pw');
    assert.ok(readFileSync(mounts[0]!.source).equals(SECRET));
    await w.settle();
    const onDisk = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    assert.ok(onDisk.length > 0 && readdirSync(dir).includes(ASSIGNMENTS_FILE));
    for (const b of onDisk) assert.ok(!b.includes(SECRET) && !b.includes(Buffer.from(SECRET.toString('base64'))));
    fake.exit(w.containerOf('t1')!, 0);
    await waitFor('the file removed', () => !existsSync(mounts[0]!.source), { timeoutMs: 5_000, intervalMs: 10 });
  });

  test('no data to be had: the task is rejected with the reason; no session: retried until there is one', async () => {
    fetch = () => Promise.reject(new ClusterError(ErrorCode.NotFound, 'secret pw of task t1 no longer exists'));
    await w.apply({ complete: true, update: [task('t1')], remove: [] });
    await w.settle();
    assert.equal(last('t1')?.state, 'rejected');
    assert.match(last('t1')?.err ?? '', /secret pw of task t1 no longer exists/);
    assert.equal(created.length, 0);

    let calls = 0;
    fetch = () => {
      calls++;
      if (calls < 3) return Promise.reject(new ClusterError(ErrorCode.Unavailable, 'no session'));
      return Promise.resolve([{ kind: 'secret', id: 's1', data: SECRET }]);
    };
    await w.apply({ complete: false, update: [{ ...task('t2'), slot: 2 }], remove: [] });
    await waitFor('t2 running', () => last('t2')?.state === 'running', { timeoutMs: 5_000, intervalMs: 10 });
    assert.ok(calls >= 3);
  });
});
