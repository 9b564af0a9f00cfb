#!/usr/bin/env node
// `npm run bench:images`: shipping an image from one node to 4 others without a registry, in one
// docker-in-docker lab (1 manager + 4 workers, separate engines), two ways:
//   script   what a user scripts today: `docker save IMAGE | ssh NODE docker load` for each node,
//            here `docker exec m1 docker save | docker exec -i NODE docker load` (the host relays the
//            bytes, as an ssh pipe through an admin machine would), one node after the other
//            (scriptSequentialS) and all four at once (scriptParallelS);
//   ours     `clusterctl service create --mode global IMAGE`: every worker fetches the image from
//            m1 over the cluster (node to node, mutual TLS); time from the create until the image
//            is in every worker's engine with m1's ID and the task runs there (oursS).
// The image (--size-mb, default 100) is the workload image plus a layer of random bytes, built on
// the host once; it is loaded into m1 only. Between the two ways the workers' copies are removed.
// Progress lines, then as the LAST line {"ours":{...},"script":{...},"ratio":{...},"meta":{...}}.
// Flags: --size-mb N (100) --workers N (4) --timeout-s S (600) --lab-name NAME (bench-images)
//        --privileged auto|yes|no
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterError, ErrorCode, Label } from '@clusterctl/common';
import { REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { copyImageInto, DOCKER_CLI, dockerRun } from '../docker.js';
import { Lab, defaultLabConfig, WORKLOAD_IMAGE, type PrivilegedMode } from '../lab.js';
import { runBench, say, privilegedFlag, wholeNumberFlag } from './lab-runs.js';
import { round2 } from './stats.js';

interface Options {
  sizeMb: number;
  workers: number;
  timeoutMs: number;
  labName: string;
  privileged: PrivilegedMode;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'size-mb': { type: 'string', default: '100' },
      workers: { type: 'string', default: '4' },
      'timeout-s': { type: 'string', default: '600' },
      'lab-name': { type: 'string', default: 'bench-images' },
      privileged: { type: 'string', default: 'auto' },
    },
  });
  const int = wholeNumberFlag;
  const privileged = privilegedFlag(values.privileged);
  return {
    sizeMb: int('size-mb', values['size-mb'], 1, 4096),
    workers: int('workers', values.workers, 1, 8),
    timeoutMs: int('timeout-s', values['timeout-s'], 10, 3600) * 1000,
    labName: values['lab-name'],
    privileged,
  };
}

/** The bench image: the workload image plus `sizeMb` of random bytes (built once per size). */
function buildImage(sizeMb: number, log: (l: string) => void): { tag: string; id: string } {
  const tag = `clusterctl-bench/ship:${sizeMb}m`;
  const have = spawnSync(DOCKER_CLI, ['image', 'inspect', '-f', '{{.Id}}', tag], { encoding: 'utf8' });
  if (have.status === 0) return { tag, id: have.stdout.trim() };
  const dir = mkdtempSync(join(tmpdir(), 'bench-images-'));
  try {
    const chunk = 1 << 20;
    const parts: Buffer[] = [];
    for (let i = 0; i < sizeMb; i++) parts.push(randomBytes(chunk));
    writeFileSync(join(dir, 'payload.bin'), Buffer.concat(parts));
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${WORKLOAD_IMAGE}\nCOPY payload.bin /payload.bin\n`);
    log(`building ${tag} (${sizeMb} MB of random bytes on ${WORKLOAD_IMAGE})`);
    const r = spawnSync(DOCKER_CLI, ['build', '-q', '-t', tag, dir], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
    if (r.status !== 0) throw new ClusterError(ErrorCode.Internal, `docker build ${tag} failed: ${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const id = spawnSync(DOCKER_CLI, ['image', 'inspect', '-f', '{{.Id}}', tag], { encoding: 'utf8' }).stdout.trim();
  return { tag, id };
}

/** `docker exec FROM docker save IMAGE | docker exec -i TO docker load`, through this host. */
function savePipeLoad(image: string, from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const save = spawn(DOCKER_CLI, ['exec', from, 'docker', 'save', image], { stdio: ['ignore', 'pipe', 'pipe'] });
    const load = spawn(DOCKER_CLI, ['exec', '-i', to, 'docker', 'load', '-q'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    save.stderr.on('data', (d: Buffer) => (err += d.toString()));
    load.stderr.on('data', (d: Buffer) => (err += d.toString()));
    save.stdout.pipe(load.stdin);
    load.stdin.on('error', () => undefined);
    save.on('error', reject);
    load.on('error', reject);
    load.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`docker save | docker load into ${to} failed: ${err.trim()}`)),
    );
  });
}

async function imageIdOn(container: string, image: string): Promise<string> {
  const r = await dockerRun(['exec', container, 'docker', 'image', 'inspect', '-f', '{{.Id}}', image]);
  return r.code === 0 ? r.stdout.trim() : '';
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const t0 = Date.now();
  const loadAtStart = loadavg().map(round2);
  const log = (l: string): void => say(`bench [images] ${l}`);
  const image = buildImage(opts.sizeMb, log);
  const lab = new Lab(defaultLabConfig({ name: opts.labName, repoRoot: REPO_ROOT, log: (l) => log(`lab: ${l}`) }));
  if ((await lab.nodes()).length > 0)
    throw new ClusterError(ErrorCode.FailedPrecondition, `lab ${opts.labName} is already up`, {
      hint: `remove it with \`node packages/lab/dist/bin/lab.js --name ${opts.labName} down\``,
    });
  process.once('SIGINT', () => void lab.down().finally(() => process.exit(130)));
  const workers = Array.from({ length: opts.workers }, (_, i) => `w${i + 1}`);
  const wait = { timeoutMs: opts.timeoutMs, intervalMs: 200 };
  let result: Record<string, unknown> | undefined;
  try {
    await lab.up({ managers: 1, workers: opts.workers, privileged: opts.privileged, images: [] });
    const m1 = lab.containerName('m1');
    await copyImageInto(image.tag, m1);
    const archiveBytes = Number(
      (
        await dockerRun(['exec', m1, 'sh', '-c', `docker save ${image.tag} | wc -c`], { timeoutMs: 300_000 })
      ).stdout.trim(),
    );
    log(`${image.tag} (${image.id.slice(7, 19)}, archive ${round2(archiveBytes / 1e6)} MB) on m1 only`);
    const clean = async (): Promise<void> => {
      for (const w of workers) await dockerRun(['exec', lab.containerName(w), 'docker', 'rmi', '-f', image.tag]);
    };
    const allHold = async (): Promise<void> => {
      for (const w of workers) {
        const id = await imageIdOn(lab.containerName(w), image.tag);
        if (id !== image.id) throw new Error(`${w} holds ${id || 'nothing'}, not ${image.id}`);
      }
    };

    // the script a user writes: one node after the other, then all at once
    await clean();
    let t = Date.now();
    for (const w of workers) await savePipeLoad(image.tag, m1, lab.containerName(w));
    const scriptSequentialS = round2((Date.now() - t) / 1000);
    await allHold();
    log(`script, one node after the other: ${scriptSequentialS} s`);
    await clean();
    t = Date.now();
    await Promise.all(workers.map((w) => savePipeLoad(image.tag, m1, lab.containerName(w))));
    const scriptParallelS = round2((Date.now() - t) / 1000);
    await allHold();
    log(`script, all nodes at once: ${scriptParallelS} s`);
    await clean();

    // ours: a global service of the image; every worker fetches it from m1
    t = Date.now();
    await lab.clusterctl(m1, [
      'service',
      'create',
      '--detach',
      '--name',
      'ship',
      '--mode',
      'global',
      image.tag,
      'sleep',
      '3600',
    ]);
    for (const w of workers) {
      await waitFor(
        `the image on ${w}`,
        async () => ((await imageIdOn(lab.containerName(w), image.tag)) === image.id ? true : undefined),
        wait,
      );
    }
    const imagesS = round2((Date.now() - t) / 1000);
    for (const w of workers) {
      await waitFor(
        `the task running on ${w}`,
        async () => {
          const r = await dockerRun([
            'exec',
            lab.containerName(w),
            'docker',
            'ps',
            '-q',
            '--filter',
            `label=${Label.ServiceName}=ship`,
            '--filter',
            'status=running',
          ]);
          return r.stdout.trim() !== '' ? true : undefined;
        },
        wait,
      );
    }
    const oursS = round2((Date.now() - t) / 1000);
    log(`ours: the image on every worker after ${imagesS} s, every task running after ${oursS} s`);
    result = {
      ours: { oursS, imagesS },
      script: { scriptSequentialS, scriptParallelS },
      ratio: {
        oursVsSequential: round2(oursS / scriptSequentialS),
        oursVsParallel: round2(oursS / scriptParallelS),
      },
      meta: {
        image: image.tag,
        imageId: image.id,
        archiveMB: round2(archiveBytes / 1e6),
        from: 'm1',
        to: workers,
        loadAtStart,
        loadAtEnd: loadavg().map(round2),
        elapsedS: round2((Date.now() - t0) / 1000),
      },
    };
  } finally {
    const d = await lab.down();
    log(`lab ${opts.labName} removed (${d.containers} containers)`);
  }
  say(JSON.stringify(result));
}

runBench(main);
