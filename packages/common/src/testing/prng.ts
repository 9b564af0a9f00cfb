// Seeded randomness for tests: one small PRNG, and one way to pick the seed. A randomized test runs
// a fixed seed by default (so a failure reproduces), prints it, and takes another from the
// environment to explore: CLUSTERCTL_TEST_SEED=<integer>, or CLUSTERCTL_TEST_SEED=random.

export const SEED_ENV = 'CLUSTERCTL_TEST_SEED';

/** mulberry32: deterministic uniform numbers in [0, 1) from a 32-bit seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seeds a randomized test runs: `defaults` unless CLUSTERCTL_TEST_SEED names one seed (an
 * integer) or asks for a fresh one ("random").
 */
export function testSeeds(defaults: readonly number[], env: NodeJS.ProcessEnv = process.env): number[] {
  const raw = env[SEED_ENV]?.trim();
  if (raw === undefined || raw === '') return [...defaults];
  if (raw === 'random') return [Math.floor(Math.random() * 2 ** 31)];
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw new Error(`${SEED_ENV} must be an integer or "random", got ${JSON.stringify(raw)}`);
  return [n];
}

/** One seed: `defaultSeed` unless CLUSTERCTL_TEST_SEED overrides it (see testSeeds). */
export function testSeed(defaultSeed: number, env: NodeJS.ProcessEnv = process.env): number {
  return testSeeds([defaultSeed], env)[0]!;
}

/** The line a test prints for its seed: how to rerun exactly this case. */
export function seedNote(seed: number): string {
  return `seed ${seed} (rerun with ${SEED_ENV}=${seed})`;
}
