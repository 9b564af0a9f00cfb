#!/usr/bin/env node
// Builds the clusterctl lab node image with no registry, in two cached steps:
//   1. base: `mmdebstrap --variant=minbase` of the host's Debian suite with docker.io, iptables,
//      iproute2, ... from the HOST's own apt sources files (no mirror host name is written anywhere),
//      piped into `docker import` as clusterctl/lab-base:<hash>. The hash covers the suite, the
//      package list and the sources files; an existing tag is reused (the cold build takes ~1 min).
//   2. node: a small legacy `docker build` of deploy/lab-node/ (entrypoint) on that base, tagged
//      clusterctl/lab-node:latest with a content-hash label; skipped when the label matches.
// The clusterctl code is not copied in: `lab up` mounts the checkout and the host's node binary
// read-only, so rebuilding the repo never rebuilds this image.
//
//   node scripts/build-lab-image.mjs [--force] [--quiet]
//   import { buildLabImage, LAB_NODE_IMAGE } from './build-lab-image.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDocker, aptInstall, withFileLock } from './ensure-docker.mjs';
import { dockerCli, CONTENT_HASH_LABEL } from './build-workload-image.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LAB_NODE_IMAGE = 'clusterctl/lab-node:latest';
export const LAB_BASE_REPO = 'clusterctl/lab-base';
const CONTEXT_DIR = join(root, 'deploy/lab-node');
/** What a lab node needs besides minbase: its own engine, packet filters, ip, ps; libstdc++ for node. */
export const BASE_PACKAGES = [
  'docker.io',
  'iptables',
  'iproute2',
  'ca-certificates',
  'procps',
  // the cluster network's data plane: nft (routing mesh, isolation), conntrack (removed UDP endpoints)
  'nftables',
  'conntrack',
  'libstdc++6',
  'iputils-ping',
  'netcat-openbsd',
];
const MERGED_USR_HOOKS = '/usr/share/mmdebstrap/hooks/merged-usr';

/** The host's apt sources files (active ones only), passed to mmdebstrap as its mirror arguments. */
export function hostSourcesFiles() {
  const files = [];
  if (existsSync('/etc/apt/sources.list') && readFileSync('/etc/apt/sources.list', 'utf8').match(/^\s*deb\s/m))
    files.push('/etc/apt/sources.list');
  const dir = '/etc/apt/sources.list.d';
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.list') || name.endsWith('.sources')) files.push(join(dir, name));
    }
  }
  return files;
}

export function hostSuite() {
  const osRelease = readFileSync('/etc/os-release', 'utf8');
  const m = osRelease.match(/^VERSION_CODENAME=("?)([a-z]+)\1$/m);
  if (!m)
    throw new Error(
      "cannot tell the host Debian suite (no VERSION_CODENAME in /etc/os-release); the lab image is built with mmdebstrap from the host's apt sources",
    );
  return m[2];
}

function baseHash(suite, sources) {
  const h = createHash('sha256');
  h.update(`v1\0${suite}\0${BASE_PACKAGES.join(',')}\0`);
  for (const f of sources) h.update(`${f}\0${readFileSync(f)}\0`);
  return h.digest('hex').slice(0, 16);
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

function nodeHash(baseTag) {
  const h = createHash('sha256');
  h.update(`${baseTag}\0`);
  for (const file of listFiles(CONTEXT_DIR)) {
    const mode = statSync(file).mode & 0o111 ? 'x' : '-';
    h.update(`${relative(CONTEXT_DIR, file)}\0${mode}\0`);
    h.update(readFileSync(file));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

function imageExists(tag) {
  return spawnSync(dockerCli(), ['image', 'inspect', '-f', '{{ .Id }}', tag], { encoding: 'utf8' }).status === 0;
}

function imageLabel(tag, label) {
  const r = spawnSync(dockerCli(), ['image', 'inspect', '-f', `{{ index .Config.Labels "${label}" }}`, tag], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** mmdebstrap ... | docker import - TAG, both streamed; rejects with the failing side's output. */
export function mmdebstrapImport(suite, sources, tag, packages = BASE_PACKAGES, cmd = ['/bin/bash'], extraArgs = []) {
  return new Promise((resolve, reject) => {
    const args = ['--variant=minbase', '--mode=root', `--include=${packages.join(',')}`, ...extraArgs];
    if (existsSync(MERGED_USR_HOOKS)) args.push(`--hook-dir=${MERGED_USR_HOOKS}`);
    args.push(suite, '-', ...sources);
    const deb = spawn('mmdebstrap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const imp = spawn(dockerCli(), ['import', '--change', `CMD ${JSON.stringify(cmd)}`, '-', tag], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let debErr = '';
    let impErr = '';
    deb.stderr.on('data', (d) => {
      debErr = (debErr + d).slice(-8000);
    });
    imp.stderr.on('data', (d) => {
      impErr = (impErr + d).slice(-8000);
    });
    imp.stdout.resume();
    deb.stdout.pipe(imp.stdin);
    let debCode;
    deb.on('error', (e) => reject(new Error(`could not run mmdebstrap: ${e.message}`)));
    deb.on('close', (code) => {
      debCode = code;
    });
    imp.on('error', (e) => reject(new Error(`could not run docker import: ${e.message}`)));
    imp.on('close', (code) => {
      const finish = () => {
        if (debCode !== 0)
          return reject(
            new Error(`mmdebstrap failed (exit ${debCode}):\n${debErr.trim().split('\n').slice(-15).join('\n')}`),
          );
        if (code !== 0) return reject(new Error(`docker import failed (exit ${code}):\n${impErr.trim()}`));
        resolve();
      };
      if (debCode === undefined) deb.once('close', finish);
      else finish();
    });
  });
}

/**
 * Build what is missing. Returns { tag, baseTag, builtBase, builtNode, elapsedMs }.
 * Options: force (rebuild both), log (line printer), skipEnsureDocker.
 */
export async function buildLabImage(opts = {}) {
  const log = opts.log ?? ((line) => process.stderr.write(`[lab-image] ${line}\n`));
  const t0 = Date.now();
  if (!opts.skipEnsureDocker) await ensureDocker({ log });
  return withFileLock(join(tmpdir(), 'clusterctl-lab-image.lock'), async () => {
    const suite = hostSuite();
    const sources = hostSourcesFiles();
    if (sources.length === 0)
      throw new Error(
        'no apt sources files on this host (/etc/apt/sources.list, /etc/apt/sources.list.d/*.list|*.sources): the lab base image is built from them',
      );
    const baseTag = `${LAB_BASE_REPO}:${baseHash(suite, sources)}`;
    let builtBase = false;
    if (opts.force || !imageExists(baseTag)) {
      if (spawnSync('mmdebstrap', ['--version'], { stdio: 'ignore' }).status !== 0) {
        log('installing mmdebstrap with apt-get...');
        aptInstall(['mmdebstrap'], { log });
      }
      log(
        `building ${baseTag}: mmdebstrap ${suite} minbase + ${BASE_PACKAGES.join(' ')} from ${sources.join(' ')} (about a minute)...`,
      );
      const tb = Date.now();
      await mmdebstrapImport(suite, sources, baseTag);
      builtBase = true;
      log(`imported ${baseTag} in ${((Date.now() - tb) / 1000).toFixed(1)} s`);
    }
    const hash = nodeHash(baseTag);
    let builtNode = false;
    if (opts.force || imageLabel(LAB_NODE_IMAGE, CONTENT_HASH_LABEL) !== hash) {
      log(`building ${LAB_NODE_IMAGE} on ${baseTag}...`);
      const r = spawnSync(
        dockerCli(),
        [
          'build',
          '-q',
          '--build-arg',
          `BASE=${baseTag}`,
          '--label',
          `${CONTENT_HASH_LABEL}=${hash}`,
          '-t',
          LAB_NODE_IMAGE,
          CONTEXT_DIR,
        ],
        {
          env: { ...process.env, DOCKER_BUILDKIT: '0' },
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        },
      );
      if (r.error) throw new Error(`could not run ${dockerCli()}: ${r.error.message}`);
      if (r.status !== 0)
        throw new Error(
          `docker build of ${LAB_NODE_IMAGE} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`,
        );
      builtNode = true;
    }
    const res = { tag: LAB_NODE_IMAGE, baseTag, builtBase, builtNode, elapsedMs: Date.now() - t0 };
    log(
      builtNode || builtBase
        ? `built ${LAB_NODE_IMAGE} in ${(res.elapsedMs / 1000).toFixed(1)} s`
        : `${LAB_NODE_IMAGE} is up to date (${baseTag}) (${(res.elapsedMs / 1000).toFixed(1)} s)`,
    );
    return res;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opts = { force: args.includes('--force') };
  if (args.includes('--quiet')) opts.log = () => {};
  buildLabImage(opts).catch((e) => {
    process.stderr.write(`[lab-image] error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
