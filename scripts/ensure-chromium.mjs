#!/usr/bin/env node
// Makes sure Debian's Chromium is installed (package `chromium`), for the dashboard's browser test
// (driven by playwright-core, which downloads no browser of its own). Idempotent: does nothing when
// /usr/bin/chromium exists. Uses the machine's own apt configuration (apt-get update first when the
// install fails for want of package lists).
//
//   node scripts/ensure-chromium.mjs [--quiet]
//   import { ensureChromium } from './ensure-chromium.mjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstall, withFileLock } from './ensure-docker.mjs';

const LOCK_PATH = '/var/run/clusterctl-ensure-chromium.lock';
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Resolves { chromium, installed }; installs Debian's chromium when missing. */
export async function ensureChromium(opts = {}) {
  const log = opts.log ?? ((line) => process.stderr.write(`[ensure-chromium] ${line}\n`));
  if (existsSync(CHROMIUM_PATH)) return { chromium: CHROMIUM_PATH, installed: false };
  return withFileLock(LOCK_PATH, async () => {
    if (existsSync(CHROMIUM_PATH)) return { chromium: CHROMIUM_PATH, installed: false };
    log('Chromium not installed: apt-get install chromium (can take a few minutes)...');
    aptInstall(['chromium'], { log });
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium installed but ${CHROMIUM_PATH} is missing`);
    return { chromium: CHROMIUM_PATH, installed: true };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quiet = process.argv.includes('--quiet');
  ensureChromium(quiet ? { log: () => {} } : {}).then(
    (r) => {
      if (!quiet) process.stderr.write(`[ensure-chromium] ${r.installed ? 'installed' : 'present'}: ${r.chromium}\n`);
    },
    (e) => {
      process.stderr.write(`[ensure-chromium] ${e.message}\n`);
      process.exit(1);
    },
  );
}
