#!/usr/bin/env node
// Builds the images of the example stack (examples/counter) with no registry, in two cached steps:
//   1. base: `mmdebstrap --variant=minbase` of the host's Debian suite with python3, psycopg2, redis
//      (the Python client), postgresql and redis-server from the HOST's own apt sources files, piped
//      into `docker import` as clusterctl/example-base:<hash> (suite, packages and sources hashed; an
//      existing tag is reused).
//   2. one small legacy `docker build` per service folder (web, db, cache) on that base, tagged
//      clusterctl/example-<service>:local with a content-hash label; skipped when the label matches.
// The three images share the base's layer, so saving them together copies it once.
//
//   node scripts/build-example-images.mjs [--force] [--quiet]
//   import { buildExampleImages, EXAMPLE_IMAGES } from './build-example-images.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDocker, aptInstall, withFileLock } from './ensure-docker.mjs';
import { dockerCli, CONTENT_HASH_LABEL } from './build-workload-image.mjs';
import { hostSourcesFiles, hostSuite, mmdebstrapImport } from './build-lab-image.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLE_DIR = join(root, 'examples/counter');
export const EXAMPLE_BASE_REPO = 'clusterctl/example-base';
/** The example's services with an image of their own (a folder with a Dockerfile each). */
export const EXAMPLE_SERVICES = ['web', 'db', 'cache'];
export const EXAMPLE_IMAGES = EXAMPLE_SERVICES.map((s) => `clusterctl/example-${s}:local`);
/** Debian's packages of the web application, its database and its cache. */
export const EXAMPLE_PACKAGES = ['python3', 'python3-psycopg2', 'python3-redis', 'postgresql', 'redis-server'];
/**
 * Smaller images: no documentation, manuals or translations, and without the LLVM library of
 * PostgreSQL's JIT compiler (the db service runs with jit=off), about half the size.
 */
const SLIM_ARGS = [
  ...['/usr/share/doc/*', '/usr/share/man/*', '/usr/share/info/*', '/usr/share/locale/*'].map(
    (p) => `--dpkgopt=path-exclude=${p}`,
  ),
  '--customize-hook=rm -f "$1"/usr/lib/*-linux-gnu/libLLVM-*.so* "$1"/usr/lib/postgresql/*/lib/llvmjit*',
];

function baseHash(suite, sources) {
  const h = createHash('sha256');
  h.update(`v1\0${suite}\0${EXAMPLE_PACKAGES.join(',')}\0${SLIM_ARGS.join('\0')}\0`);
  for (const f of sources) h.update(`${f}\0${readFileSync(f)}\0`);
  return h.digest('hex').slice(0, 16);
}

function contextHash(baseTag, dir) {
  const h = createHash('sha256');
  h.update(`${baseTag}\0`);
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    h.update(`${relative(dir, file)}\0${statSync(file).mode & 0o111 ? 'x' : '-'}\0`);
    h.update(readFileSync(file));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

function imageLabel(tag, label) {
  const r = spawnSync(dockerCli(), ['image', 'inspect', '-f', `{{ index .Config.Labels "${label}" }}`, tag], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Builds what is missing. Returns { images, baseTag, built: [tags built now], elapsedMs }.
 * Options: force (rebuild all), log (line printer), skipEnsureDocker.
 */
export async function buildExampleImages(opts = {}) {
  const log = opts.log ?? ((line) => process.stderr.write(`[example-images] ${line}\n`));
  const t0 = Date.now();
  if (!opts.skipEnsureDocker) await ensureDocker({ log });
  return withFileLock(join(tmpdir(), 'clusterctl-example-images.lock'), async () => {
    const suite = hostSuite();
    const sources = hostSourcesFiles();
    if (sources.length === 0)
      throw new Error('no apt sources files on this host: the example base image is built from them');
    const baseTag = `${EXAMPLE_BASE_REPO}:${baseHash(suite, sources)}`;
    const built = [];
    const haveBase =
      spawnSync(dockerCli(), ['image', 'inspect', '-f', '{{ .Id }}', baseTag], { stdio: 'ignore' }).status === 0;
    if (opts.force || !haveBase) {
      if (spawnSync('mmdebstrap', ['--version'], { stdio: 'ignore' }).status !== 0) {
        log('installing mmdebstrap with apt-get...');
        aptInstall(['mmdebstrap'], { log });
      }
      log(`building ${baseTag}: mmdebstrap ${suite} minbase + ${EXAMPLE_PACKAGES.join(' ')} (a minute or two)...`);
      const tb = Date.now();
      await mmdebstrapImport(suite, sources, baseTag, EXAMPLE_PACKAGES, ['/bin/sh'], SLIM_ARGS);
      built.push(baseTag);
      log(`imported ${baseTag} in ${((Date.now() - tb) / 1000).toFixed(1)} s`);
    }
    for (const [i, service] of EXAMPLE_SERVICES.entries()) {
      const tag = EXAMPLE_IMAGES[i];
      const dir = join(EXAMPLE_DIR, service);
      const hash = contextHash(baseTag, dir);
      if (!opts.force && imageLabel(tag, CONTENT_HASH_LABEL) === hash) continue;
      log(`building ${tag} from examples/counter/${service}...`);
      const r = spawnSync(
        dockerCli(),
        ['build', '-q', '--build-arg', `BASE=${baseTag}`, '--label', `${CONTENT_HASH_LABEL}=${hash}`, '-t', tag, dir],
        { env: { ...process.env, DOCKER_BUILDKIT: '0' }, encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      if (r.error) throw new Error(`could not run ${dockerCli()}: ${r.error.message}`);
      if (r.status !== 0)
        throw new Error(`docker build of ${tag} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
      built.push(tag);
    }
    const res = { images: EXAMPLE_IMAGES, baseTag, built, elapsedMs: Date.now() - t0 };
    log(
      built.length > 0
        ? `built ${built.join(', ')} in ${(res.elapsedMs / 1000).toFixed(1)} s`
        : `${EXAMPLE_IMAGES.join(', ')} are up to date (${baseTag})`,
    );
    return res;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opts = { force: args.includes('--force') };
  if (args.includes('--quiet')) opts.log = () => {};
  buildExampleImages(opts).catch((e) => {
    process.stderr.write(`[example-images] error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
