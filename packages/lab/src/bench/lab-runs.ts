// What every lab benchmark does the same way: print progress lines, run each system (ours, then
// Docker Swarm) in its own lab one after the other (never two labs at once, as they share names and
// subnets), remove each lab also when its measurement fails or the run is interrupted, and report
// a failed main as `error: CODE: message` with its hint.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { Lab, defaultLabConfig, type PrivilegedMode } from '../lab.js';
import type { SystemKey } from './stats.js';
import { REPO_ROOT } from '@clusterctl/common/testing';

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** What a benchmark records for one system: at least whether it measured, and why not. */
export interface SystemRecord {
  system: SystemKey;
  ok: boolean;
  error?: string;
}

/**
 * Measures each system in a fresh lab `${labPrefix}-${key}`; a lab already up is left alone and its
 * system recorded as failed. Each record is printed as one JSON line when its lab is removed.
 */
export async function measureInLabs<R extends SystemRecord>(
  systems: readonly SystemKey[],
  labPrefix: string,
  measure: (key: SystemKey, lab: Lab, log: (line: string) => void) => Promise<R>,
): Promise<Partial<Record<SystemKey, R>>> {
  const records: Partial<Record<SystemKey, R>> = {};
  let current: Lab | undefined;
  const onInterrupt = (): void => {
    const lab = current;
    say('bench: interrupted' + (lab ? `: removing lab ${lab.cfg.name}` : ''));
    void (lab ? lab.down() : Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    for (const key of systems) {
      const name = `${labPrefix}-${key}`;
      const log = (l: string): void => say(`bench [${key}] ${l}`);
      const lab = new Lab(defaultLabConfig({ name, repoRoot: REPO_ROOT, log: (l) => log(`lab: ${l}`) }));
      if ((await lab.nodes()).length > 0) {
        records[key] = { system: key, ok: false, error: `lab ${name} is already up` } as R;
        log(
          `lab ${name} is already up: skipped; remove it with \`node packages/lab/dist/bin/lab.js --name ${name} down\``,
        );
        continue;
      }
      current = lab;
      try {
        records[key] = await measure(key, lab, log);
      } catch (e) {
        records[key] = { system: key, ok: false, error: e instanceof Error ? e.message : String(e) } as R;
        log(`FAILED: ${records[key].error}`);
      } finally {
        const d = await lab.down();
        log(`lab ${name} removed (${d.containers} containers)`);
        current = undefined;
      }
      say(JSON.stringify(records[key]));
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  if (systems.some((k) => records[k]?.ok !== true)) process.exitCode = 1;
  return records;
}

/** Runs a benchmark's main: a failure (a wrong flag too) prints its code and hint, or its stack, and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    if (e instanceof TypeError && String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${ErrorCode.InvalidArgument}: ${e.message}\n`);
      process.stderr.write(`hint: ${FLAGS_HINT}\n`);
    } else if (e instanceof ClusterError) {
      process.stderr.write(`error: ${e.code}: ${e.message}\n`);
      if (e.hint) process.stderr.write(`hint: ${e.hint}\n`);
    } else {
      process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    process.exitCode = 1;
  });
}

export const FLAGS_HINT = 'the flags of each benchmark are listed in docs/benchmarks.md';

/** A whole-number flag value within [min, max]. */
export function wholeNumberFlag(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ClusterError(ErrorCode.InvalidArgument, `--${name} must be a whole number from ${min} to ${max}`, {
      hint: FLAGS_HINT,
    });
  return n;
}

/** `--only ours|swarm` (absent: both). */
export function onlyFlag(v: string | undefined): SystemKey | undefined {
  if (v !== undefined && v !== 'ours' && v !== 'swarm')
    throw new ClusterError(ErrorCode.InvalidArgument, '--only is ours or swarm', { hint: FLAGS_HINT });
  return v;
}

/** `--privileged auto|yes|no`: how the lab's node containers run. */
export function privilegedFlag(v: string): PrivilegedMode {
  if (v !== 'auto' && v !== 'yes' && v !== 'no')
    throw new ClusterError(ErrorCode.InvalidArgument, '--privileged is auto, yes or no', { hint: FLAGS_HINT });
  return v;
}

/** The machine's load as `uptime` prints it (figures are reported beside it). */
export function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
}
