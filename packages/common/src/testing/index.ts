// Test support (the "@clusterctl/common/testing" subpath) for every package's tests and the dev
// tools (lab, benchmarks); not part of the production API.
export { setTimeout as sleep } from 'node:timers/promises';
export { FakeClock } from './fake-clock.js';
export { waitFor, type WaitForOptions, type WaitUntilOptions, type Pending } from './wait-for.js';
export { prng, testSeed, testSeeds, seedNote, SEED_ENV } from './prng.js';
export { REPO_ROOT, KEEP_DIRS_ENV, keepTestDirs } from './paths.js';
export { ensureDockerAndWorkloadImage } from './docker-setup.js';
