#!/usr/bin/env node
// Runs the raft simulator over many seeds (`npm run sim -- --seeds 2000 --start 1`), or replays
// one seed verbosely (`--seed 17 --trace`). On failure prints the seed, the violated property and
// a shrunk trace, and exits 1. This is the CLI edge: printing to the console is its job.

import { parseArgs } from 'node:util';
import { raftCore } from './raft-core.js';
import { shrink } from './shrink.js';
import { minimalTraceLines } from './trace-filter.js';
import { simulate, type SimOptions, type SimResult } from './simulator.js';

const DEFAULT_STEPS = 2000;

function usage(): never {
  console.error(
    'usage: sim [--seeds N] [--start S] [--nodes 3|5] [--steps K] [--profile mixed|churn] [--no-shrink] [--keep-going] [--unsafe-local-reads]\n' +
      '       sim --seed S [--nodes 3|5] [--steps K] [--disable-faults 1,4,7] [--trace]',
  );
  process.exit(2);
}

function nodesFor(seed: number, fixed: 3 | 5 | undefined): 3 | 5 {
  return fixed ?? (seed % 2 === 0 ? 5 : 3);
}

function printFailure(r: SimResult): void {
  console.log(
    `FAILED seed ${r.seed} (${r.nodes} nodes, ${r.steps} steps): ${r.failure!.property} at step ${r.failure!.step}`,
  );
  console.log(r.failure!.detail);
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        seeds: { type: 'string' },
        start: { type: 'string' },
        seed: { type: 'string' },
        nodes: { type: 'string' },
        steps: { type: 'string' },
        trace: { type: 'boolean' },
        'no-shrink': { type: 'boolean' },
        'keep-going': { type: 'boolean' },
        'disable-faults': { type: 'string' },
        profile: { type: 'string' },
        // Self-test: a deliberately broken application (gets served locally, without readIndex).
        'unsafe-local-reads': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    usage();
  }
  if (args.help) usage();
  const int = (v: string | undefined, d: number): number => {
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) usage();
    return n;
  };
  let fixedNodes: 3 | 5 | undefined;
  if (args.nodes !== undefined) {
    if (args.nodes !== '3' && args.nodes !== '5') usage();
    fixedNodes = Number(args.nodes) as 3 | 5;
  }
  const steps = int(args.steps, DEFAULT_STEPS);
  if (args.profile !== undefined && args.profile !== 'mixed' && args.profile !== 'churn') usage();
  const profile = args.profile as 'mixed' | 'churn' | undefined;

  if (args.seed !== undefined) {
    const seed = int(args.seed, 1);
    const opts: SimOptions = { seed, nodes: nodesFor(seed, fixedNodes), steps };
    if (profile) opts.profile = profile;
    if (args['unsafe-local-reads']) opts.unsafeLocalReads = true;
    if (args['disable-faults']) opts.disabledFaults = new Set(args['disable-faults'].split(',').map((x) => int(x, -1)));
    if (args.trace) opts.onTrace = (line) => console.log(line);
    const r = simulate(raftCore, opts);
    if (!r.ok) printFailure(r);
    console.log(
      JSON.stringify({
        seed,
        nodes: r.nodes,
        steps,
        ok: r.ok,
        traceHash: r.traceHash,
        failure: r.failure,
        stats: r.stats,
      }),
    );
    process.exitCode = r.ok ? 0 : 1;
    return;
  }

  const count = int(args.seeds, 100);
  const start = int(args.start, 1);
  const t0 = performance.now();
  let lastProgress = t0;
  let passed = 0;
  const failures: { seed: number; nodes: number; property: string; step: number }[] = [];
  const totals = {
    committedEntries: 0,
    leaders: 0,
    crashes: 0,
    faults: 0,
    opsCompleted: 0,
    opsPending: 0,
    snapshotsInstalled: 0,
    confChangesApplied: 0,
    maxHistoryCheckMs: 0,
  };
  for (let seed = start; seed < start + count; seed++) {
    const opts: SimOptions = { seed, nodes: nodesFor(seed, fixedNodes), steps };
    if (profile) opts.profile = profile;
    if (args['unsafe-local-reads']) opts.unsafeLocalReads = true;
    const r = simulate(raftCore, opts);
    totals.committedEntries += r.stats.committedIndex;
    totals.leaders += r.stats.leaders;
    totals.crashes += r.stats.crashes;
    totals.faults += r.stats.faults;
    totals.opsCompleted += r.stats.opsCompleted;
    totals.opsPending += r.stats.opsPending;
    totals.snapshotsInstalled += r.stats.snapshotsInstalled;
    totals.confChangesApplied += r.stats.confChangesApplied;
    totals.maxHistoryCheckMs = Math.max(totals.maxHistoryCheckMs, r.stats.historyCheckMs);
    if (!r.ok) {
      printFailure(r);
      failures.push({ seed, nodes: r.nodes, property: r.failure!.property, step: r.failure!.step });
      if (args['keep-going']) continue;
      let shown = r;
      if (!args['no-shrink']) {
        console.log('shrinking...');
        const s = shrink(raftCore, opts, r);
        shown = s.result;
        const disabled = [...(s.options.disabledFaults ?? [])].sort((a, b) => a - b);
        console.log(
          `minimal reproduction after ${s.runs} runs: --seed ${seed} --nodes ${s.options.nodes} --steps ${s.options.steps}` +
            (disabled.length ? ` --disable-faults ${disabled.join(',')}` : '') +
            ` -> ${shown.failure!.property}: ${shown.failure!.detail.split('\n')[0]}`,
        );
      }
      console.log('--- trace ---');
      for (const line of minimalTraceLines(shown)) console.log(line);
      console.log('--- end of trace ---');
      const elapsedMs = Math.round(performance.now() - t0);
      console.log(
        JSON.stringify({
          ok: false,
          start,
          seeds: seed - start + 1,
          passed,
          failed: failures.length,
          failures,
          elapsedMs,
          totals,
        }),
      );
      process.exitCode = 1;
      return;
    }
    passed++;
    const now = performance.now();
    if (now - lastProgress > 5000 || seed === start + count - 1) {
      lastProgress = now;
      console.log(
        `progress: ${passed}/${count} seeds ok, ${failures.length} failed (${((now - t0) / 1000).toFixed(1)} s)`,
      );
    }
  }
  const elapsedMs = Math.round(performance.now() - t0);
  const ok = failures.length === 0;
  console.log(
    JSON.stringify({
      ok,
      start,
      seeds: count,
      passed,
      failed: failures.length,
      failures,
      steps,
      elapsedMs,
      msPerSeed: Math.round(elapsedMs / Math.max(1, count)),
      totals,
    }),
  );
  if (!ok) process.exitCode = 1;
}

main();
