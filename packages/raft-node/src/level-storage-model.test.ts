// Model-based test: random sequences of appends (with conflict truncation), hard states, local
// snapshots with compaction, received snapshots and reopen, checked against a plain in-memory model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CompactedError, EntryType, UnavailableError, type Entry } from '@clusterctl/raft';
import { LevelStorage } from './level-storage.js';

type Op =
  | { k: 'append'; back: number; count: number; termBump: number }
  | { k: 'hard'; commitBack: number }
  | { k: 'local-snap'; back: number; keep: number }
  | { k: 'recv-snap'; ahead: number; count: number }
  | { k: 'reopen' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('append' as const),
      back: fc.nat(4),
      count: fc.integer({ min: 1, max: 6 }),
      termBump: fc.nat(1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('hard' as const), commitBack: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('local-snap' as const), back: fc.nat(3), keep: fc.nat(4) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('recv-snap' as const),
      ahead: fc.integer({ min: 1, max: 5 }),
      count: fc.nat(3),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reopen' as const) }) },
);

interface Model {
  trunc: { index: number; term: number };
  terms: number[]; // terms[k] = term of entry trunc.index + 1 + k
  commit: number;
  hsTerm: number;
  snapIndex: number;
  applied: number;
}

const last = (m: Model): number => m.trunc.index + m.terms.length;
const termAt = (m: Model, i: number): number => (i === m.trunc.index ? m.trunc.term : m.terms[i - m.trunc.index - 1]!);
const ent = (index: number, term: number): Entry => ({
  index,
  term,
  type: EntryType.Normal,
  data: Buffer.from(`${index}@${term}`),
});

function check(s: LevelStorage, m: Model): void {
  assert.equal(s.firstIndex(), m.trunc.index + 1);
  assert.equal(s.lastIndex(), last(m));
  assert.equal(s.term(m.trunc.index), m.trunc.term);
  if (m.trunc.index > 0) assert.throws(() => s.term(m.trunc.index - 1), CompactedError);
  assert.throws(() => s.term(last(m) + 1), UnavailableError);
  const got = s.entries(m.trunc.index + 1, last(m) + 1, Number.POSITIVE_INFINITY);
  assert.deepEqual(
    got.map((e) => `${e.index}:${e.term}:${Buffer.from(e.data).toString()}`),
    m.terms.map((t, k) => `${m.trunc.index + 1 + k}:${t}:${m.trunc.index + 1 + k}@${t}`),
  );
  assert.equal(s.initialState().hardState.commit, m.commit);
  assert.equal(s.snapshot().metadata.index, m.snapIndex);
  assert.equal(s.applied(), m.applied);
}

test('LevelStorage matches a model under random appends, truncations, snapshots and reopens', async () => {
  const root = await mkdtemp(join(tmpdir(), 'clusterctl-raftlog-model-'));
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        const dir = join(root, `r${run++}`);
        let s = await LevelStorage.open(dir);
        const m: Model = { trunc: { index: 0, term: 0 }, terms: [], commit: 0, hsTerm: 1, snapIndex: 0, applied: 0 };
        const cs = { voters: [1], learners: [] };
        try {
          for (const op of ops) {
            switch (op.k) {
              case 'append': {
                // Never truncate at or below the commit index (raft guarantees it).
                const first = Math.max(last(m) + 1 - op.back, m.commit + 1, m.trunc.index + 1);
                m.hsTerm += op.termBump;
                const es = Array.from({ length: op.count }, (_, k) => ent(first + k, m.hsTerm));
                await s.save({ entries: es, hardState: { term: m.hsTerm, vote: 1, commit: m.commit }, mustSync: true });
                m.terms = [...m.terms.slice(0, first - m.trunc.index - 1), ...es.map((e) => e.term)];
                break;
              }
              case 'hard': {
                m.commit = Math.max(m.commit, last(m) - op.commitBack);
                await s.save({
                  entries: [],
                  hardState: { term: m.hsTerm, vote: 1, commit: m.commit },
                  mustSync: false,
                });
                break;
              }
              case 'local-snap': {
                const index = m.commit - op.back;
                if (index <= m.snapIndex || index <= m.trunc.index) break;
                s.setApplied(Math.max(m.applied, index), cs);
                m.applied = Math.max(m.applied, index);
                await s.createSnapshot(index, cs, Buffer.from(`snap@${index}`), op.keep);
                m.snapIndex = index;
                const compactTo = index - op.keep;
                if (compactTo > m.trunc.index) {
                  const t = termAt(m, compactTo);
                  m.terms = m.terms.slice(compactTo - m.trunc.index);
                  m.trunc = { index: compactTo, term: t };
                }
                break;
              }
              case 'recv-snap': {
                const index = Math.max(last(m), m.snapIndex) + op.ahead;
                m.hsTerm += 1;
                const snapshot = {
                  metadata: { index, term: m.hsTerm, confState: cs },
                  data: Buffer.from(`recv@${index}`),
                };
                const es = Array.from({ length: op.count }, (_, k) => ent(index + 1 + k, m.hsTerm));
                m.commit = index;
                await s.save({
                  snapshot,
                  entries: es,
                  hardState: { term: m.hsTerm, vote: 0, commit: m.commit },
                  mustSync: true,
                });
                m.trunc = { index, term: m.hsTerm };
                m.terms = es.map((e) => e.term);
                m.snapIndex = index;
                m.applied = index;
                break;
              }
              case 'reopen':
                await s.close();
                s = await LevelStorage.open(dir);
                break;
            }
            check(s, m);
          }
          await s.close();
          s = await LevelStorage.open(dir);
          check(s, m);
        } finally {
          await s.close();
        }
      }),
      { numRuns: 60 },
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
