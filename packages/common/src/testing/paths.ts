// Where things are, for tests and dev tools that run from a checkout.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/common/{src,dist}/testing/paths). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Set CLUSTERCTL_KEEP_TEST_DIRS (to anything) to keep the temp dirs tests create, for inspection. */
export const KEEP_DIRS_ENV = 'CLUSTERCTL_KEEP_TEST_DIRS';

export function keepTestDirs(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[KEEP_DIRS_ENV] !== undefined && env[KEEP_DIRS_ENV] !== '';
}
