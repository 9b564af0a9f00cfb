// Tests that run real containers first make sure the machine has what they need: a Docker engine
// (installed and started when none answers) and the workload image (built locally). Both scripts
// return at once when the work is already done.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

const SCRIPTS = ['scripts/ensure-docker.mjs', 'scripts/build-workload-image.mjs'];

/** Runs the set-up scripts; throws naming the script that failed. */
export function ensureDockerAndWorkloadImage(): void {
  for (const script of SCRIPTS) {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, script)], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
    if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status ?? r.signal ?? r.error?.message})`);
  }
}
