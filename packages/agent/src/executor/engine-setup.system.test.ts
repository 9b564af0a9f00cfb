// The setup scripts the executor's engine tests (and npm test / npm run demo) rely on:
// scripts/ensure-docker.mjs and scripts/build-workload-image.mjs, called as other scripts import them.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

interface EnsureResult {
  socketPath: string;
  installed: boolean;
  started: boolean;
  elapsedMs: number;
}
interface BuildResult {
  tag: string;
  hash: string;
  built: boolean;
  elapsedMs: number;
}
interface EnsureDockerModule {
  ensureDocker(opts?: { socketPath?: string; log?: (l: string) => void }): Promise<EnsureResult>;
  pingDocker(socketPath?: string, timeoutMs?: number): Promise<boolean>;
}
interface BuildModule {
  buildWorkloadImage(opts?: { log?: (l: string) => void }): Promise<BuildResult>;
  contextHash(): string;
  WORKLOAD_IMAGE: string;
  CONTENT_HASH_LABEL: string;
}

const quiet = { log: () => {} };
let docker: EnsureDockerModule;
let build: BuildModule;

describe('engine setup scripts', () => {
  before(async () => {
    docker = (await import(pathToFileURL(join(repoRoot(), 'scripts/ensure-docker.mjs')).href)) as EnsureDockerModule;
    build = (await import(pathToFileURL(join(repoRoot(), 'scripts/build-workload-image.mjs')).href)) as BuildModule;
    await docker.ensureDocker(quiet);
  });

  test('ensureDocker is idempotent: with an engine answering it installs and starts nothing', async (t) => {
    const r = await docker.ensureDocker(quiet);
    assert.deepEqual(
      { installed: r.installed, started: r.started, socketPath: r.socketPath },
      { installed: false, started: false, socketPath: '/var/run/docker.sock' },
    );
    t.diagnostic(`ensureDocker with an engine answering took ${r.elapsedMs} ms`);
    assert.equal(await docker.pingDocker(), true);
  });

  test('a socket with no engine: ping says no, and ensureDocker refuses to guess (no install, clear error)', async () => {
    const socketPath = '/tmp/clusterctl-no-engine-here.sock';
    assert.equal(await docker.pingDocker(socketPath, 200), false);
    await assert.rejects(
      docker.ensureDocker({ socketPath, ...quiet }),
      /no Docker engine answers on \/tmp\/clusterctl-no-engine-here.sock/,
    );
  });

  test('the workload image is skipped when up to date and carries its content hash', async () => {
    await build.buildWorkloadImage(quiet);
    const again = await build.buildWorkloadImage(quiet);
    assert.equal(again.built, false);
    assert.equal(again.tag, build.WORKLOAD_IMAGE);
    assert.equal(again.hash, build.contextHash());
    const docker = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
    const label = execFileSync(
      docker,
      [
        'image',
        'inspect',
        '-f',
        `{{ index .Config.Labels "${build.CONTENT_HASH_LABEL}" }}|{{ json .Config.Cmd }}`,
        build.WORKLOAD_IMAGE,
      ],
      { encoding: 'utf8' },
    ).trim();
    assert.equal(label, `${again.hash}|["/bin/web"]`);
  });
});
