#!/usr/bin/env node
// Builds the tiny workload image clusterctl/busybox:local with no registry: FROM scratch plus the
// host's static busybox (apt package busybox-static, installed when missing) and the files under
// deploy/workload/. Legacy builder (DOCKER_BUILDKIT=0; no buildx on these machines).
// The image carries a label with a hash of its build context (Dockerfile, scripts, busybox binary);
// when an image with that tag and hash exists, the build is skipped.
//
//   node scripts/build-workload-image.mjs [--force] [--no-cache] [--quiet] [--tag NAME:TAG]
//   import { buildWorkloadImage } from './build-workload-image.mjs';
//
// Run it as a web server:  docker run -p 8080:80 clusterctl/busybox:local   (page names the container)
// or plain:                docker run clusterctl/busybox:local httpd -f -p 80 -h /www
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  closeSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  copyFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDocker, aptInstall, withFileLock } from './ensure-docker.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WORKLOAD_IMAGE = 'clusterctl/busybox:local';
export const CONTENT_HASH_LABEL = 'com.clusterctl.content-hash';
const CONTEXT_DIR = join(root, 'deploy/workload');
const BUSYBOX_PATH = '/bin/busybox';

/** The docker CLI matching the engine (Debian's 20.10 at /usr/bin/docker), else whatever is on PATH. */
export function dockerCli() {
  return existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
}

/** True when the ELF file at path has no program interpreter (statically linked). */
function isStaticElf(path) {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64);
    readSync(fd, head, 0, 64, 0);
    if (head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2 || head[5] !== 1) return false; // ELF64 LE only
    const phoff = Number(head.readBigUInt64LE(0x20));
    const phentsize = head.readUInt16LE(0x36);
    const phnum = head.readUInt16LE(0x38);
    const ph = Buffer.alloc(phentsize * phnum);
    readSync(fd, ph, 0, ph.length, phoff);
    for (let i = 0; i < phnum; i++) if (ph.readUInt32LE(i * phentsize) === 3 /* PT_INTERP */) return false;
    return true;
  } finally {
    closeSync(fd);
  }
}

function ensureStaticBusybox(log) {
  const installed = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'busybox-static'], { encoding: 'utf8' });
  if (!existsSync(BUSYBOX_PATH) || !installed.stdout?.includes('install ok installed')) {
    log('installing busybox-static with apt-get...');
    aptInstall(['busybox-static'], { log });
  }
  if (!existsSync(BUSYBOX_PATH)) throw new Error(`busybox-static installed but ${BUSYBOX_PATH} is missing`);
  if (!isStaticElf(BUSYBOX_PATH))
    throw new Error(
      `${BUSYBOX_PATH} is not statically linked; install busybox-static (apt-get install busybox-static)`,
    );
}

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

/** sha256 over every context file (path, exec bit, bytes) plus the busybox binary. */
export function contextHash() {
  const h = createHash('sha256');
  for (const file of listFiles(CONTEXT_DIR)) {
    const mode = statSync(file).mode & 0o111 ? 'x' : '-';
    h.update(`${relative(CONTEXT_DIR, file)}\0${mode}\0`);
    h.update(readFileSync(file));
    h.update('\0');
  }
  h.update('busybox\0');
  h.update(readFileSync(BUSYBOX_PATH));
  return h.digest('hex').slice(0, 32);
}

/** { id, hash } of the image the tag names now, or undefined. */
function currentImage(tag) {
  const r = spawnSync(
    dockerCli(),
    ['image', 'inspect', '-f', `{{ .Id }} {{ index .Config.Labels "${CONTENT_HASH_LABEL}" }}`, tag],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) return undefined;
  const [id, hash = ''] = r.stdout.trim().split(' ');
  return { id, hash };
}

/**
 * Build the image unless one with the same content hash exists. Returns
 * { tag, hash, built, elapsedMs }. Options: tag, force (build even when up to date), noCache (no
 * layer cache either), log (line printer), skipEnsureDocker.
 */
export async function buildWorkloadImage(opts = {}) {
  const tag = opts.tag ?? WORKLOAD_IMAGE;
  const log = opts.log ?? ((line) => process.stderr.write(`[workload-image] ${line}\n`));
  const t0 = Date.now();
  if (!opts.skipEnsureDocker) await ensureDocker({ log });
  // Concurrent test processes build once: the second finds the image up to date.
  return withFileLock(join(tmpdir(), 'clusterctl-workload-image.lock'), () => buildLocked(tag, opts, log, t0));
}

async function buildLocked(tag, opts, log, t0) {
  ensureStaticBusybox(log);
  const hash = contextHash();
  const previous = currentImage(tag);
  if (!opts.force && previous?.hash === hash) {
    return { tag, hash, built: false, elapsedMs: Date.now() - t0 };
  }
  log(`building ${tag} (content ${hash.slice(0, 12)})...`);
  const ctx = mkdtempSync(join(tmpdir(), 'clusterctl-workload-'));
  try {
    cpSync(CONTEXT_DIR, ctx, { recursive: true });
    copyFileSync(BUSYBOX_PATH, join(ctx, 'busybox'));
    chmodSync(join(ctx, 'busybox'), 0o755);
    const r = spawnSync(
      dockerCli(),
      [
        'build',
        '-q',
        ...(opts.noCache ? ['--no-cache'] : []),
        '--label',
        `${CONTENT_HASH_LABEL}=${hash}`,
        '-t',
        tag,
        ctx,
      ],
      {
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      },
    );
    if (r.error) throw new Error(`could not run ${dockerCli()}: ${r.error.message}`);
    if (r.status !== 0)
      throw new Error(`docker build of ${tag} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
  // The image this tag named before is now untagged: remove it unless a container still uses it
  // (docker rmi without -f refuses then, which is what we want).
  if (previous && previous.id !== currentImage(tag)?.id) {
    spawnSync(dockerCli(), ['rmi', previous.id], { encoding: 'utf8' });
  }
  const res = { tag, hash, built: true, elapsedMs: Date.now() - t0 };
  log(`built ${tag} in ${(res.elapsedMs / 1000).toFixed(1)} s`);
  return res;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const tagAt = args.indexOf('--tag');
  const opts = { force: args.includes('--force') || args.includes('--no-cache'), noCache: args.includes('--no-cache') };
  if (tagAt >= 0) opts.tag = args[tagAt + 1];
  if (quiet) opts.log = () => {};
  buildWorkloadImage(opts).then(
    (r) => {
      if (!quiet && !r.built)
        process.stderr.write(`[workload-image] ${r.tag} is up to date (content ${r.hash.slice(0, 12)})\n`);
    },
    (e) => {
      process.stderr.write(`[workload-image] error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
