#!/usr/bin/env node
// Makes a fresh clone ready to run: checks Node, installs pnpm when missing (through the machine's own
// npm configuration), installs the workspace's dependencies from the lockfile, and builds every
// package. Idempotent and quick when everything is already in place. `--quiet` prints only failures.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, { quiet } = {}) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write((r.stdout ?? '') + (r.stderr ?? ''));
    const why = r.error ? r.error.message : `exit code ${r.status}`;
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed (${why})`);
  }
}

function has(cmd, args = ['--version']) {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

export function bootstrap({ quiet = false } = {}) {
  const say = (msg) => {
    if (!quiet) console.log(`bootstrap: ${msg}`);
  };
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 10)) {
    throw new Error(`Node ${process.versions.node} is too old: clusterctl needs Node 20.10 or newer`);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
  if (!has('pnpm')) {
    say(`installing pnpm ${pnpmVersion} with npm`);
    run('npm', ['install', '--global', `pnpm@${pnpmVersion}`], { quiet });
  }
  say('installing dependencies (pnpm install --frozen-lockfile)');
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], { quiet });
  say('building (tsc -b)');
  run('pnpm', ['exec', 'tsc', '-b'], { quiet });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    bootstrap({ quiet: process.argv.includes('--quiet') });
  } catch (err) {
    console.error(`bootstrap failed: ${err.message}`);
    process.exit(1);
  }
}
