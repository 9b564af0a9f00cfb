#!/usr/bin/env node
// Makes sure the Prometheus server and promtool are installed (Debian's `prometheus` package), for
// the metrics system test. Idempotent: does nothing when both binaries are on the PATH or in
// /usr/bin. Uses the machine's own apt configuration (apt-get update first when the install fails
// for want of package lists). Nothing is started: the test runs its own server.
//
//   node scripts/ensure-prometheus.mjs [--quiet]
//   import { ensurePrometheus } from './ensure-prometheus.mjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstall, withFileLock } from './ensure-docker.mjs';

const LOCK_PATH = '/var/run/clusterctl-ensure-prometheus.lock';
const DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin'];

function find(name) {
  for (const d of DIRS) if (existsSync(`${d}/${name}`)) return `${d}/${name}`;
  return undefined;
}

/** Resolves { prometheus, promtool, installed } with the binaries' paths; installs them when missing. */
export async function ensurePrometheus(opts = {}) {
  const log = opts.log ?? ((line) => process.stderr.write(`[ensure-prometheus] ${line}\n`));
  const found = () => ({ prometheus: find('prometheus'), promtool: find('promtool') });
  let f = found();
  if (f.prometheus && f.promtool) return { ...f, installed: false };
  return withFileLock(LOCK_PATH, async () => {
    f = found();
    if (f.prometheus && f.promtool) return { ...f, installed: false };
    log('Prometheus not installed: apt-get install prometheus (can take a minute)...');
    aptInstall(['prometheus'], { log });
    f = found();
    if (!f.prometheus || !f.promtool)
      throw new Error(`prometheus installed but its binaries are not in ${DIRS.join(', ')}`);
    return { ...f, installed: true };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quiet = process.argv.includes('--quiet');
  ensurePrometheus(quiet ? { log: () => {} } : {}).then(
    (r) => {
      if (!quiet)
        process.stderr.write(
          `[ensure-prometheus] ${r.installed ? 'installed' : 'present'}: ${r.prometheus}, ${r.promtool}\n`,
        );
    },
    (e) => {
      process.stderr.write(`[ensure-prometheus] ${e.message}\n`);
      process.exit(1);
    },
  );
}
