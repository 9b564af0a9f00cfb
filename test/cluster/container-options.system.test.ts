// Whole-system test of mounts and container options on the real Docker engine: one manager (real
// daemon, real CLI). A named volume keeps its data across a task restart on the node; a bind of a
// missing host path gives a rejected task whose reason `service ps` shows; a read-only root, the
// user, the working directory and a hostname template are seen from inside the task.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Label } from '@clusterctl/common';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import { IMAGE, Lab, type Container } from './lab.js';

interface TaskJson {
  id: string;
  desiredState: string;
  status: { state: string; err: string; containerId: string };
}

function docker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('docker', args, { maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`docker ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

describe('mounts and container options on a real engine', { timeout: 120_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 0 });
  const suffix = randomBytes(4).toString('hex');
  const running = async (service: string): Promise<Container[]> => lab.containers({ service, running: true });

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
  });
  after(() => lab.teardown());

  test("a named volume is created on the node, labelled as the cluster's, and keeps its data across a task restart", async () => {
    const svc = 'vol';
    const volume = `cc-test-data-${suffix}`;
    await lab.ok('m1', [
      'service',
      'create',
      '--name',
      svc,
      '--mount',
      `type=volume,source=${volume},target=/data`,
      IMAGE,
      'sh',
      '-c',
      'echo run >> /data/runs; sleep 3600',
    ]);
    const [first] = await running(svc);
    assert.ok(first, 'the task runs');
    const labels = JSON.parse(await docker(['volume', 'inspect', '--format', '{{json .Labels}}', volume])) as Record<
      string,
      string
    >;
    assert.equal(labels[Label.ClusterId], lab.clusterId, 'the volume carries the cluster id label');
    assert.equal(labels[Label.NodeId], lab.node('m1').nodeId);

    await lab.dockerKill(first.id);
    const second = await waitFor(
      'a replacement task running',
      async () => (await running(svc)).find((c) => c.id !== first.id),
      { timeoutMs: 30_000 },
    );
    const runs = await waitFor(
      'the replacement wrote to the volume',
      async () => {
        const out = (await docker(['exec', second.id, 'cat', '/data/runs']).catch(() => '')).trim().split('\n');
        return out.length >= 2 ? out : undefined;
      },
      { timeoutMs: 10_000 },
    );
    assert.deepEqual(runs, ['run', 'run'], 'the second task sees what the first wrote');
    await lab.ok('m1', ['service', 'rm', svc]);
  });

  test('a bind of a missing host path is a rejected task with the reason in service ps (not a crash loop without one)', async () => {
    const svc = 'bindmiss';
    const missing = `/nonexistent-clusterctl-${suffix}`;
    await lab.ok('m1', [
      'service',
      'create',
      '--detach',
      '--name',
      svc,
      '--mount',
      `type=bind,source=${missing},target=/x`,
      IMAGE,
      'sleep',
      '3600',
    ]);
    const rejected = await waitFor(
      'a rejected task',
      async () => (await lab.json<TaskJson[]>('m1', ['service', 'ps', svc])).find((t) => t.status.state === 'rejected'),
      { timeoutMs: 30_000 },
    );
    assert.match(rejected.status.err, new RegExp(`bind source path does not exist: ${missing}`));
    assert.match(rejected.status.err, /create it there, or mount a volume/, 'the hint travels with the reason');
    const table = await lab.ok('m1', ['service', 'ps', '--no-trunc', svc]);
    assert.match(table.stdout, /Rejected/i);
    assert.match(table.stdout, /bind source path does not exist/);
    await lab.ok('m1', ['service', 'rm', svc]);
  });

  test('read-only root, user, working directory, hostname template, init and container labels, from inside the task', async () => {
    const svc = 'opts';
    await lab.ok('m1', [
      'service',
      'create',
      '--name',
      svc,
      '--read-only',
      '--user',
      '1234:2345',
      '--workdir',
      '/tmp',
      '--hostname',
      '{{.Service.Name}}-{{.Task.Slot}}-{{.Node.Hostname}}',
      '--init',
      '--mount',
      'type=tmpfs,target=/scratch',
      '--container-label',
      'tier=front',
      '--ulimit',
      'nofile=512:1024',
      IMAGE,
      'sh',
      '-c',
      'if touch /probe 2>/dev/null; then echo root=rw; else echo root=ro; fi; ' +
        'if touch /scratch/x 2>/dev/null; then echo scratch=rw; else echo scratch=ro; fi; ' +
        'echo uid=$(id -u) gid=$(id -g) pwd=$(pwd) host=$(hostname) nofile=$(ulimit -n):$(ulimit -Hn); sleep 3600',
    ]);
    const [c] = await running(svc);
    assert.ok(c, 'the task runs');
    const lines = await waitFor(
      'the task printed what it sees',
      async () => {
        const out = await docker(['logs', c.id]);
        return out.includes('uid=') ? out : undefined;
      },
      { timeoutMs: 10_000 },
    );
    assert.match(lines, /root=ro/);
    assert.match(lines, /scratch=rw/, 'a tmpfs mount is writable on a read-only root');
    assert.match(lines, /uid=1234 gid=2345 pwd=\/tmp host=opts-1-m1 nofile=512:1024/);
    const inspect = JSON.parse(await docker(['inspect', '--format', '{{json .}}', c.id])) as {
      Config: { Labels: Record<string, string> };
      HostConfig: { Init: boolean; ReadonlyRootfs: boolean };
    };
    assert.equal(inspect.HostConfig.Init, true);
    assert.equal(inspect.HostConfig.ReadonlyRootfs, true);
    assert.equal(inspect.Config.Labels.tier, 'front');
    await lab.ok('m1', ['service', 'rm', svc]);
  });

  test('reserved container labels and unknown hostname templates are refused before anything is sent', async () => {
    const r1 = await lab.cli('m1', ['service', 'create', '--container-label', 'com.clusterctl.task.id=x', IMAGE]);
    assert.equal(r1.code, 2, r1.stderr);
    assert.match(r1.stderr, /INVALID_ARGUMENT.*reserved prefix/);
    const r2 = await lab.cli('m1', ['service', 'create', '--hostname', '{{.Task.Bogus}}', IMAGE]);
    assert.match(r2.stderr, /INVALID_ARGUMENT.*unknown template/);
    assert.match(r2.stderr, /hint:/);
  });
});
