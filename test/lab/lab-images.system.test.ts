// Images without a registry in the docker-in-docker lab (1 manager, 2 workers; each node has its own
// engine and no registry is reachable): an image loaded on one node only reaches the other nodes
// through the cluster and runs there, pinned to its ID; a node whose engine holds another image
// under the same name refuses the task with both IDs. The test images are the workload image with a
// label of their own (so their IDs are new to every node).
// Run alone (`npm run test:lab`): the lab uses fixed container names and subnets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Label } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { copyImageInto, DOCKER_CLI as DOCKER, type RunResult } from '@clusterctl/lab';
import { LabUnderTest } from './testing/lab-under-test.js';

const L = new LabUnderTest(`labimg-${process.pid}`);
const BASE = 'clusterctl/busybox:local';
const NODES = ['m1', 'w1', 'w2'];
const SHIP_A = 'clusterctl-test/ship-a:v1';
const SHIP_B = 'clusterctl-test/ship-b:v1';

const run = (cmd: string, args: string[], timeoutMs?: number): Promise<RunResult> => L.run(cmd, args, timeoutMs);
const lab = (...args: string[]): Promise<string> => L.lab(...args);
const container = (node: string): string => L.container(node);
const onNode = (node: string, script: string): Promise<string> => L.onNode(node, script);

async function clusterctl(...args: string[]): Promise<string> {
  const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', ...args]);
  assert.equal(r.code, 0, `clusterctl ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The image's ID in a node's engine ('' when absent). */
async function imageIdOn(node: string, image: string): Promise<string> {
  const r = await run(DOCKER, ['exec', container(node), 'docker', 'image', 'inspect', '-f', '{{.Id}}', image]);
  return r.code === 0 ? r.stdout.trim() : '';
}

/** Builds `tag` on the host: the workload image with a label of its own (a new ID). */
function buildTestImage(tag: string, label: string): string {
  const r = spawnSync(DOCKER, ['build', '-q', '-t', tag, '-'], {
    input: `FROM ${BASE}\nLABEL com.clusterctl.test.image=${label}\n`,
    encoding: 'utf8',
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  });
  assert.equal(r.status, 0, `docker build ${tag}: ${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
}

interface TaskRow {
  node: string;
  state: string;
  message: string;
  error: string;
}

async function tasks(service: string): Promise<TaskRow[]> {
  const rows = JSON.parse(await clusterctl('service', 'ps', service, '--format', 'json')) as Array<
    Record<string, unknown>
  >;
  return rows.map((t) => ({
    node: String(t.node ?? t.nodeName ?? t.nodeId ?? ''),
    state: String((t.status as { state?: string } | undefined)?.state ?? t.currentState ?? t.state ?? ''),
    message: String((t.status as { message?: string } | undefined)?.message ?? t.message ?? ''),
    error: String((t.status as { err?: string } | undefined)?.err ?? t.error ?? ''),
  }));
}

describe('images without a registry in the lab: 1 manager, 2 workers', { timeout: 900_000 }, () => {
  let idA = '';
  let idB = '';

  before(async () => {
    L.buildImages();
    idA = buildTestImage(SHIP_A, `a-${process.pid}`);
    idB = buildTestImage(SHIP_B, `b-${process.pid}`);
    await lab('up', '--managers', '1', '--workers', '2');
    // on m1 only
    await copyImageInto(SHIP_A, container('m1'));
    await copyImageInto(SHIP_B, container('m1'));
    for (const n of ['w1', 'w2']) assert.equal(await imageIdOn(n, SHIP_A), '', `${n} has no copy of the image`);
    // the leader knows what m1 holds once its agent reported it
    await waitFor(
      "m1's images in image ls",
      async () => {
        const out = JSON.parse(await clusterctl('image', 'ls', '--format', 'json')) as Array<{
          id: string;
          nodes: Array<{ hostname: string }>;
        }>;
        const a = out.find((i) => i.id === idA);
        return a !== undefined && a.nodes.some((n) => n.hostname === 'm1') ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  });

  after(async () => {
    await L.down(120_000);
    spawnSync(DOCKER, ['rmi', SHIP_A, SHIP_B], { encoding: 'utf8' });
  });

  test('an image on one node only reaches the others through the cluster, pinned to its ID, and runs there', async () => {
    await clusterctl('service', 'create', '--detach', '--name', 'shipa', '--mode', 'global', SHIP_A, 'sleep', '3600');
    const spec = JSON.parse(await clusterctl('service', 'inspect', 'shipa', '--format', 'json')) as unknown;
    assert.match(JSON.stringify(spec), new RegExp(`"imageId":"${idA}"`), 'the service is pinned to the ID m1 holds');
    for (const node of NODES) {
      await waitFor(
        `shipa running on ${node}`,
        async () => {
          const ids = await onNode(
            node,
            `docker ps -q --filter label=${Label.ServiceName}=shipa --filter status=running`,
          );
          return ids.trim() !== '' ? true : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 1_000 },
      );
      assert.equal(await imageIdOn(node, SHIP_A), idA, `${node} runs the image m1 holds, tagged as on m1`);
    }
    // every node now holds it, as the leader sees it
    await waitFor(
      'image ls naming the three nodes',
      async () => {
        const out = JSON.parse(await clusterctl('image', 'ls', '--format', 'json')) as Array<{
          id: string;
          repoTags: string[];
          nodes: Array<{ hostname: string }>;
        }>;
        const a = out.find((i) => i.id === idA);
        return a !== undefined &&
          a.nodes
            .map((n) => n.hostname)
            .sort()
            .join(',') === 'm1,w1,w2'
          ? a
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const table = await clusterctl('image', 'ls');
    assert.match(table, /^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE\s+NODES$/m);
    assert.match(table, new RegExp(`^clusterctl-test/ship-a\\s+v1\\s+${idA.slice(7, 19)}\\s.*m1,w1,w2$`, 'm'));
  });

  test('a node whose engine holds another image under the same name refuses the task, naming both IDs', async () => {
    await clusterctl(
      'service',
      'create',
      '--detach',
      '--name',
      'shipb',
      '--constraint',
      'node.hostname==m1',
      SHIP_B,
      'sleep',
      '3600',
    );
    await waitFor(
      'shipb running on m1',
      async () => ((await tasks('shipb')).some((t) => t.state === 'running') ? true : undefined),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    // w1 gets another image under that name, then the service moves there
    await onNode('w1', `docker tag ${BASE} ${SHIP_B}`);
    const other = await imageIdOn('w1', SHIP_B);
    assert.notEqual(other, idB);
    await clusterctl(
      'service',
      'update',
      '--detach',
      '--constraint-rm',
      'node.hostname==m1',
      '--constraint-add',
      'node.hostname==w1',
      'shipb',
    );
    const rejected = await waitFor(
      'the task on w1 rejected',
      async () => (await tasks('shipb')).find((t) => t.state === 'rejected'),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    assert.match(
      rejected.error,
      new RegExp(
        `image ${SHIP_B} on this node is ${other.slice(7, 19)}, but the service was created with ${idB.slice(7, 19)}`,
      ),
    );
    const ids = await onNode('w1', `docker ps -aq --filter label=${Label.ServiceName}=shipb`);
    assert.equal(ids.trim(), '', 'no container was made from the other image');
    assert.equal(await imageIdOn('w1', SHIP_B), other, "w1's own image is left as it was");
  });
});
