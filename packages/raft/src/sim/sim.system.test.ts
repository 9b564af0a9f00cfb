import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EntryType, type Entry } from '../types.js';
import { MemoryStorage } from '../memory-storage.js';
import { RaftLog } from '../raft-log.js';
import { raftCore } from './raft-core.js';
import { simulate, type RaftCore, type SimOptions, type SimResult } from './simulator.js';
import { shrink } from './shrink.js';
import { minimalTraceLines } from './trace-filter.js';
import { SafetyMonitor, SafetyViolation, type LogView } from './invariants.js';
import { Prng } from './prng.js';

const SEEDS = 800;
const STEPS = 2000;

function failureReport(r: SimResult, opts: SimOptions): string {
  const s = shrink(raftCore, opts, r, { maxRuns: 60 });
  return [
    `seed ${r.seed} (${r.nodes} nodes, ${r.steps} steps) violated ${r.failure!.property} at step ${r.failure!.step}:`,
    r.failure!.detail,
    `shrunk: --seed ${r.seed} --nodes ${s.options.nodes} --steps ${s.options.steps}, disabled faults: ${[...(s.options.disabledFaults ?? [])].join(',') || 'none'}`,
    ...minimalTraceLines(s.result),
  ].join('\n');
}

describe('raft simulator', () => {
  test(`${SEEDS} seeds over 3 and 5 nodes: safety after every step, linearizable history, liveness after healing`, (t) => {
    const t0 = performance.now();
    let committed = 0;
    let completed = 0;
    let leaders = 0;
    let confChanges = 0;
    let snapshots = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const opts: SimOptions = { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS };
      const r = simulate(raftCore, opts);
      if (!r.ok) assert.fail(failureReport(r, opts));
      committed += r.stats.committedIndex;
      completed += r.stats.opsCompleted;
      leaders += r.stats.leaders;
      confChanges += r.stats.confChangesApplied;
      snapshots += r.stats.snapshotsInstalled;
    }
    const ms = performance.now() - t0;
    t.diagnostic(
      `${SEEDS} seeds x ${STEPS} steps in ${(ms / 1000).toFixed(1)} s: ${committed} entries committed, ${completed} client ops completed, ` +
        `${leaders} leader elections, ${confChanges} membership changes, ${snapshots} snapshots installed`,
    );
    // The runs must actually do something, or passing proves nothing.
    assert.ok(committed > SEEDS * 20, `only ${committed} entries committed`);
    assert.ok(completed > SEEDS * 30, `only ${completed} client ops completed`);
    assert.ok(confChanges > 0 && snapshots > 0);
  });

  test('a seed replays exactly: same seed, same trace hash and events; another seed differs', () => {
    for (const seed of [7, 8]) {
      const opts: SimOptions = { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: 1500 };
      const a = simulate(raftCore, opts);
      const b = simulate(raftCore, opts);
      assert.equal(a.traceHash, b.traceHash);
      assert.deepEqual(a.events, b.events);
      assert.deepEqual({ ...a.stats, historyCheckMs: 0 }, { ...b.stats, historyCheckMs: 0 });
    }
    const x = simulate(raftCore, { seed: 9, nodes: 3, steps: 1500 });
    const y = simulate(raftCore, { seed: 10, nodes: 3, steps: 1500 });
    assert.notEqual(x.traceHash, y.traceHash);
  });

  test('an application serving reads locally (no readIndex) is caught and shrunk to a short trace', () => {
    const opts: SimOptions = { seed: 5, nodes: 3, steps: STEPS, unsafeLocalReads: true };
    const r = simulate(raftCore, opts);
    assert.equal(r.ok, false);
    assert.equal(r.failure?.property, 'linearizability');
    let caught = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const rr = simulate(raftCore, { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS, unsafeLocalReads: true });
      if (rr.failure?.property === 'linearizability') caught++;
    }
    assert.ok(caught >= 8, `stale local reads caught in only ${caught}/10 seeds`);
    const s = shrink(raftCore, opts, r, { maxRuns: 60 });
    assert.equal(s.result.failure?.property, 'linearizability');
    assert.ok(s.options.steps < opts.steps, `not shrunk: ${s.options.steps} steps`);
    // The shrunk reproduction replays to the same failure.
    const again = simulate(raftCore, s.options);
    assert.equal(again.traceHash, s.result.traceHash);
    const lines = minimalTraceLines(s.result);
    assert.ok(lines.some((l) => l.includes('VIOLATION linearizability')));
    assert.ok(lines.length < s.result.events.length);
  });

  test('an application serving a read before it applied up to the read index is caught', () => {
    let caught: SimResult | undefined;
    for (let seed = 1; seed <= 60 && caught === undefined; seed++) {
      const r = simulate(raftCore, { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS, unsafeEarlyReads: true });
      if (!r.ok) caught = r;
    }
    assert.ok(caught !== undefined, 'early reads never caught in 60 seeds');
    assert.equal(caught.failure!.property, 'linearizability', caught.failure!.detail);
  });

  test('a storage that keeps conflicting entries instead of truncating them is caught', () => {
    // Mutant: append() only adds entries past the current last index, never overwrites.
    const keepOld = (s: MemoryStorage): MemoryStorage => {
      const orig = s.append.bind(s);
      s.append = (ents: Entry[]) => {
        const last = s.lastIndex();
        orig(ents.filter((e) => e.index > last));
      };
      return s;
    };
    const broken: RaftCore = {
      ...raftCore,
      newStorage: () => keepOld(new MemoryStorage()),
      bootstrapStorage: (v) => keepOld(MemoryStorage.bootstrap(v)),
    };
    let caught: { opts: SimOptions; r: SimResult } | undefined;
    for (let seed = 1; seed <= 40 && caught === undefined; seed++) {
      const opts: SimOptions = { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS };
      const r = simulate(broken, opts);
      if (!r.ok) caught = { opts, r };
    }
    assert.ok(caught !== undefined, 'never caught in 40 seeds');
    const property = caught.r.failure!.property;
    assert.ok(
      property === 'log-matching' || property === 'state-machine-safety',
      `caught as ${property}: ${caught.r.failure!.detail}`,
    );
    // A failure in the middle of the run shrinks to at most the step it happened at.
    const s = shrink(broken, caught.opts, caught.r, { maxRuns: 40 });
    assert.equal(s.result.failure?.property, property);
    assert.ok(s.options.steps <= caught.r.failure!.step, `${s.options.steps} > ${caught.r.failure!.step}`);
  });

  test('a core that does not persist its vote is caught before the vote leaves the node', () => {
    // Mutant: the hard state handed to storage never carries the vote.
    const forgetful: RaftCore = {
      ...raftCore,
      newRawNode: (cfg) => {
        const raw = raftCore.newRawNode(cfg);
        const ready = raw.ready.bind(raw);
        raw.ready = () => {
          const rd = ready();
          if (rd.hardState) rd.hardState = { ...rd.hardState, vote: 0 };
          return rd;
        };
        return raw;
      },
    };
    let caught: SimResult | undefined;
    for (let seed = 1; seed <= 20 && caught === undefined; seed++) {
      const r = simulate(forgetful, { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS });
      if (!r.ok) caught = r;
    }
    assert.ok(caught !== undefined, 'forgotten votes never caught in 20 seeds');
    assert.equal(caught.failure!.property, 'ready-contract', caught.failure!.detail);
    assert.match(caught.failure!.detail, /grants its vote/);
  });

  test('committing old-term entries by counting replicas (figure 8) is caught under leader churn', () => {
    // Mutant: drop the "only entries of the current term commit by counting" rule. Restored after.
    const proto = RaftLog.prototype as unknown as { maybeCommit(maxIndex: number, term: number): boolean };
    const original = proto.maybeCommit;
    proto.maybeCommit = function (this: RaftLog, maxIndex: number): boolean {
      if (maxIndex <= this.committed) return false;
      this.commitTo(maxIndex);
      return true;
    };
    let caught: SimResult | undefined;
    try {
      for (let seed = 1; seed <= 600 && caught === undefined; seed++) {
        const r = simulate(raftCore, { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS, profile: 'churn' });
        if (!r.ok) caught = r;
      }
    } finally {
      proto.maybeCommit = original;
    }
    assert.ok(caught !== undefined, 'figure 8 mutant not caught in 600 churn seeds');
    assert.ok(
      ['leader-completeness', 'state-machine-safety', 'linearizability'].includes(caught.failure!.property),
      caught.failure!.detail,
    );
  });

  test('a storage that loses the vote on reload is caught at the restart', () => {
    const amnesiac = (st: MemoryStorage): MemoryStorage => {
      const initial = st.initialState.bind(st);
      st.initialState = () => {
        const s0 = initial();
        return { ...s0, hardState: { ...s0.hardState, vote: 0 } };
      };
      return st;
    };
    const broken: RaftCore = { ...raftCore, newStorage: () => amnesiac(new MemoryStorage()) };
    let caught: SimResult | undefined;
    for (let seed = 1; seed <= 20 && caught === undefined; seed++) {
      const r = simulate(broken, { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS });
      if (!r.ok) caught = r;
    }
    assert.ok(caught !== undefined, 'lost votes never caught in 20 seeds');
    assert.equal(caught.failure!.property, 'term-vote-durability', caught.failure!.detail);
  });
});

describe('safety monitor on fabricated states', () => {
  const log = (terms: number[]): LogView => ({
    firstIndex: 1,
    lastIndex: terms.length,
    term: (i) => (i === 0 ? 0 : terms[i - 1]!),
  });
  const entry = (index: number, term: number, data: string): Entry => ({
    index,
    term,
    type: EntryType.Normal,
    data: new TextEncoder().encode(data),
  });
  const violation = (f: () => void): string => {
    try {
      f();
    } catch (err) {
      if (err instanceof SafetyViolation) return err.property;
      throw err;
    }
    return 'none';
  };

  test('two leaders in one term', () => {
    const m = new SafetyMonitor();
    m.observeLeader(1, 3, log([1, 3]));
    m.observeLeader(1, 3, log([1, 3])); // the same leader again is fine
    m.observeLeader(2, 4, log([1, 3, 4]));
    assert.equal(
      violation(() => m.observeLeader(3, 3, log([1, 3]))),
      'election-safety',
    );
  });

  test('log matching: same index and term, different data or different history', () => {
    const m = new SafetyMonitor();
    m.observeAppend(1, [entry(1, 1, 'a'), entry(2, 1, 'b')], (i) => (i <= 0 ? 0 : 1));
    assert.equal(
      violation(() => m.observeAppend(2, [entry(2, 1, 'X')], () => 1)),
      'log-matching',
    );
    const m2 = new SafetyMonitor();
    m2.observeAppend(1, [entry(5, 3, 'a')], () => 2);
    assert.equal(
      violation(() => m2.observeAppend(2, [entry(5, 3, 'a')], () => 1)),
      'log-matching',
    );
  });

  test('leader completeness: a later leader lacking a committed entry', () => {
    const m = new SafetyMonitor();
    m.observeCommit(1, 2, 3, 2); // node 1 in term 2 saw index 3 (term 2) committed
    assert.equal(
      violation(() => m.observeLeader(2, 3, log([1, 1]))),
      'leader-completeness',
    );
    const m2 = new SafetyMonitor();
    m2.observeLeader(2, 3, log([1, 1, 1]));
    assert.equal(
      violation(() => m2.observeCommit(1, 2, 3, 2)),
      'leader-completeness',
    );
  });

  test('state machine safety, commit regression, term and vote regression', () => {
    const m = new SafetyMonitor();
    m.observeAppend(1, [entry(4, 2, 'a')], () => 2);
    m.observeAppend(2, [entry(4, 3, 'b')], () => 2);
    m.observeApply(1, entry(4, 2, 'a'));
    assert.equal(
      violation(() => m.observeApply(2, entry(4, 3, 'b'))),
      'state-machine-safety',
    );
    assert.equal(
      violation(() => m.observeApply(3, entry(5, 2, 'never appended'))),
      'state-machine-safety',
    );
    m.observeHardState(1, { term: 2, vote: 1, commit: 5 }, true);
    assert.equal(
      violation(() => m.observeHardState(1, { term: 2, vote: 1, commit: 4 }, false)),
      'commit-monotonic',
    );
    const m2 = new SafetyMonitor();
    m2.observeHardState(1, { term: 3, vote: 2, commit: 5 }, true);
    assert.equal(
      violation(() => m2.observeHardState(1, { term: 3, vote: 3, commit: 5 }, true)),
      'term-vote-durability',
    );
    m2.observeCrash(1);
    assert.equal(
      violation(() => m2.observeRestart(1, { term: 2, vote: 2, commit: 5 })),
      'term-vote-durability',
    );
    // A crash may lose a volatile commit index: not a violation.
    const m3 = new SafetyMonitor();
    m3.observeHardState(1, { term: 3, vote: 2, commit: 5 }, true);
    m3.observeHardState(1, { term: 3, vote: 2, commit: 9 }, false);
    m3.observeCrash(1);
    assert.equal(
      violation(() => m3.observeRestart(1, { term: 3, vote: 2, commit: 5 })),
      'none',
    );
  });
});

describe('prng', () => {
  test('seeded streams replay and stay in range', () => {
    const a = Prng.derive(42, 'x');
    const b = Prng.derive(42, 'x');
    const c = Prng.derive(42, 'y');
    const xs = Array.from({ length: 50 }, () => a.next());
    assert.deepEqual(
      xs,
      Array.from({ length: 50 }, () => b.next()),
    );
    assert.notDeepEqual(
      xs,
      Array.from({ length: 50 }, () => c.next()),
    );
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[a.int(6)]!++;
    for (const n of counts) assert.ok(n > 800 && n < 1200, `skewed: ${counts.join(',')}`);
  });
});
