// Property: any sequence of entries (valid, conflicting, referencing, or garbage) applied to two
// replicas, and to a third that joins from a snapshot taken part way, leaves all three in the
// same state, byte for byte; and the invariants (unique names, indexes) hold on all of them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClusterError } from '@clusterctl/common';
import { ClusterStore } from './cluster-store.js';
import { LocalProposer } from './testing/local-proposer.js';
import { newNode, newService, newTask, serviceSpec } from './testing/fixtures.js';
import { encodeEntry, encodeOp, bytesToBase64, type OpKind } from './codec.js';
import { ApplyResult } from './state.js';
import { DEFAULT_CLUSTER_SETTINGS, nameOf, type TableName } from './objects.js';

type Expect = 'cur' | 'stale' | 'none' | 'ref';
interface OpSpec {
  kind: OpKind;
  table: TableName;
  id: string;
  name: string;
  expect: Expect;
  ref: number;
  payload: number;
}
type EntrySpec =
  { kind: 'txs'; ts: number; txs: OpSpec[][] } | { kind: 'garbage'; bytes: Uint8Array } | { kind: 'empty' };

const opSpec: fc.Arbitrary<OpSpec> = fc.record({
  kind: fc.constantFrom<OpKind>('c', 'c', 'p', 'p', 'u', 'd', 'm', 'm'),
  table: fc.constantFrom<TableName>(
    'nodes',
    'services',
    'tasks',
    'kv',
    'nodes',
    'services',
    'tasks',
    'kv',
    'secrets',
    'cluster',
  ),
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  name: fc.constantFrom('x', 'y', 'z', ''),
  expect: fc.constantFrom<Expect>('cur', 'cur', 'cur', 'stale', 'none', 'ref'),
  ref: fc.nat(3),
  payload: fc.nat(5),
});

const entrySpec: fc.Arbitrary<EntrySpec> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('txs' as const),
      ts: fc.integer({ min: 0, max: 10_000 }),
      txs: fc.array(fc.array(opSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      bytes: fc.uint8Array({ minLength: 0, maxLength: 20 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

function body(op: OpSpec): string {
  switch (op.table) {
    case 'kv':
      return '"' + bytesToBase64(new Uint8Array([op.payload])) + '"';
    case 'nodes':
      return JSON.stringify(newNode(`h${op.payload}`, op.name === '' ? {} : { name: op.name }));
    case 'secrets':
      return JSON.stringify({
        spec: { name: op.name === '' ? 's' : op.name, labels: {} },
        data: `d${op.payload}`,
      });
    case 'cluster':
      return JSON.stringify({
        name: op.name === '' ? 'default' : op.name,
        settings: { ...DEFAULT_CLUSTER_SETTINGS, nodeGraceMs: op.payload },
        joinTokenDigests: { worker: 'w', manager: 'm' },
      });
    case 'services':
      return JSON.stringify(newService(op.name === '' ? 'w' : op.name, { image: `img${op.payload}` }));
    default:
      return JSON.stringify(
        newTask(`s${op.payload % 2}`, op.payload, serviceSpec('t'), { nodeId: `n${op.payload % 3}` }),
      );
  }
}

/** Builds entry bytes, using `view` (replica A before the entry) for current versions. */
function encode(spec: EntrySpec, view: ClusterStore): Uint8Array {
  if (spec.kind === 'garbage') return spec.bytes;
  if (spec.kind === 'empty') return new Uint8Array(0);
  const txs = spec.txs.map(
    (ops, t) =>
      '[' +
      ops
        .map((op) => {
          const cur = view.view((tx) => tx.get(op.table, op.id))?.meta.version ?? 1;
          let expect = 0;
          if (op.kind === 'u' || op.kind === 'd' || op.kind === 'm') {
            if (op.expect === 'cur') expect = cur;
            else if (op.expect === 'stale') expect = cur + 1;
            else if (op.expect === 'ref') expect = t === 0 ? 0 : -((op.ref % t) + 1);
          }
          if (op.kind === 'm' && op.table !== 'kv') {
            const set =
              op.table === 'nodes'
                ? { addr: `10.0.0.${op.payload}`, name: op.name || undefined }
                : op.table === 'services'
                  ? { previousSpec: serviceSpec(`p${op.payload}`) }
                  : op.table === 'secrets'
                    ? { spec: { name: op.name || 's', labels: {} } }
                    : op.table === 'cluster'
                      ? { name: op.name || 'default' }
                      : { nodeId: `n${op.payload % 3}` };
            const unset = op.payload === 0 ? (op.table === 'nodes' ? ['name'] : ['previousSpec']) : [];
            return encodeOp(
              'm',
              op.table,
              op.id,
              expect,
              '[' + JSON.stringify(set) + ',' + JSON.stringify(unset) + ']',
            );
          }
          return encodeOp(op.kind === 'm' ? 'u' : op.kind, op.table, op.id, expect, op.kind === 'd' ? '0' : body(op));
        })
        .join(',') +
      ']',
  );
  return encodeEntry(spec.ts, txs);
}

function outcome(r: unknown): string {
  if (r instanceof ClusterError) return r.code;
  if (r instanceof ApplyResult) return r.errors.map((e) => e?.code ?? 'ok').join(',');
  return String(r);
}

function checkInvariants(s: ClusterStore): void {
  s.view((tx) => {
    for (const table of ['nodes', 'services', 'secrets', 'cluster'] as const) {
      const names = tx
        .list(table)
        .map((o) => nameOf(table, o))
        .filter((n) => n !== undefined);
      assert.equal(new Set(names).size, names.length, `unique ${table} names`);
      for (const n of names) assert.equal(nameOf(table, tx.getByName(table, n!)), n);
    }
    const tasks = tx.list('tasks');
    for (const field of ['serviceId', 'nodeId'] as const) {
      for (const v of new Set(tasks.map((t) => t[field]))) {
        const viaIndex = tx
          .findBy('tasks', field, v)
          .map((t) => t.id)
          .sort();
        const viaScan = tasks
          .filter((t) => t[field] === v)
          .map((t) => t.id)
          .sort();
        assert.deepEqual(viaIndex, viaScan, `index tasks.${field}`);
      }
    }
    for (const t of ['nodes', 'services', 'tasks', 'kv', 'secrets', 'cluster'] as const) {
      for (const o of tx.list(t)) {
        assert.ok(o.meta.version >= 1 && o.meta.version <= s.version);
        assert.ok(o.meta.createdAt <= o.meta.updatedAt);
      }
    }
  });
}

test('replicas, and a replica restored from a snapshot part way, end in identical states', () => {
  fc.assert(
    fc.property(fc.array(entrySpec, { minLength: 1, maxLength: 40 }), fc.nat(40), (entries, snapAtRaw) => {
      const a = new ClusterStore();
      const b = new ClusterStore();
      const proposer = new LocalProposer({ replicas: [a, b] });
      const snapAt = snapAtRaw % (entries.length + 1);
      let c: ClusterStore | undefined;
      entries.forEach((spec, i) => {
        if (i === snapAt) {
          c = new ClusterStore();
          c.restore(a.snapshot());
          proposer.replicas.push(c);
        }
        const data = encode(spec, a);
        proposer.append(data);
        // the other replicas computed the same result: re-derive from b's state equality below
      });
      if (c === undefined) {
        c = new ClusterStore();
        c.restore(a.snapshot());
      }
      const sa = a.snapshot();
      assert.deepEqual(b.snapshot(), sa);
      assert.deepEqual(c.snapshot(), sa);
      const d = new ClusterStore();
      d.restore(sa);
      assert.deepEqual(d.snapshot(), sa);
      for (const s of [a, c, d]) checkInvariants(s);
    }),
    { numRuns: 300 },
  );
});

test('every replica returns the same apply result for the same entry', () => {
  const seen = new Map<string, number>();
  fc.assert(
    fc.property(fc.array(entrySpec, { minLength: 1, maxLength: 30 }), (entries) => {
      const a = new ClusterStore();
      const b = new ClusterStore();
      let index = 0;
      for (const spec of entries) {
        const data = encode(spec, a);
        index++;
        const ra = outcome(a.apply(data, index));
        const rb = outcome(b.apply(data, index));
        assert.equal(ra, rb);
        for (const o of ra.split(',')) seen.set(o, (seen.get(o) ?? 0) + 1);
      }
    }),
    { numRuns: 200 },
  );
  // the generator reaches every outcome, and success is common (not a test of error paths only)
  for (const code of ['ok', 'CONFLICT', 'NOT_FOUND', 'ALREADY_EXISTS', 'CORRUPT'])
    assert.ok((seen.get(code) ?? 0) > 0, `never saw ${code}: ${JSON.stringify([...seen])}`);
  const total = [...seen.values()].reduce((x, y) => x + y, 0);
  assert.ok(seen.get('ok')! > total / 8, JSON.stringify([...seen]));
});

// ---------------------------------------------------------------------------------------------
// A naive reference model of apply(): whole-state copies, no indexes, the rules as the README
// states them. The store must agree with it on every outcome and every record.

interface ModelRec {
  rec: Record<string, unknown>;
}
type ModelState = Map<string, Map<string, ModelRec>>;

function modelApply(
  state: ModelState,
  spec: EntrySpec,
  data: Uint8Array,
  index: number,
  clock: { ts: number },
): string {
  if (spec.kind === 'empty') return '';
  if (spec.kind === 'garbage') return spec.bytes.length === 0 ? '' : 'CORRUPT';
  // decode what encode() produced (same bytes the store got)
  const [ts, txs] = JSON.parse(Buffer.from(data).toString('utf8', 1)) as [
    number,
    [string, TableName, string, number, unknown][][],
  ];
  clock.ts = Math.max(clock.ts, ts);
  const now = clock.ts;
  const writers = new Map<string, number>();
  const outcomes: string[] = [];
  txs.forEach((ops, t) => {
    const work: ModelState = new Map([...state].map(([k, m]) => [k, new Map(m)]));
    const written: string[] = [];
    let err: string | undefined;
    for (const [kind, table, id, expect, body] of ops) {
      const m = work.get(table)!;
      const cur = m.get(id)?.rec;
      const key = table + '\0' + id;
      const versionOk = (): boolean =>
        expect > 0
          ? (cur!.meta as { version: number }).version === expect
          : expect < 0
            ? writers.get(key) === -expect - 1
            : true;
      const meta = (createdAt: number): { version: number; createdAt: number; updatedAt: number } => ({
        version: index,
        createdAt,
        updatedAt: now,
      });
      const fresh = (): Record<string, unknown> =>
        table === 'kv'
          ? { id, value: new Uint8Array(Buffer.from(body as string, 'base64')) }
          : { ...(body as object), id };
      if (kind === 'c') {
        if (cur !== undefined) err = 'ALREADY_EXISTS';
        else m.set(id, { rec: { ...fresh(), meta: meta(now) } });
      } else if (kind === 'p') {
        m.set(id, {
          rec: { ...fresh(), meta: meta(cur === undefined ? now : (cur.meta as { createdAt: number }).createdAt) },
        });
      } else if (cur === undefined) {
        if (!(kind === 'd' && expect === 0)) err = 'NOT_FOUND';
        else continue;
      } else if (!versionOk()) {
        err = 'CONFLICT';
      } else if (kind === 'd') {
        m.delete(id);
      } else if (kind === 'u') {
        m.set(id, { rec: { ...fresh(), meta: meta((cur.meta as { createdAt: number }).createdAt) } });
      } else {
        const [set, unset] = body as [Record<string, unknown>, string[]];
        const next: Record<string, unknown> = { ...cur, ...set };
        for (const k of unset) delete next[k];
        next.id = id;
        next.meta = meta((cur.meta as { createdAt: number }).createdAt);
        m.set(id, { rec: next });
      }
      if (err !== undefined) break;
      written.push(key);
    }
    if (err === undefined) {
      for (const table of ['nodes', 'services', 'secrets', 'cluster'] as const) {
        const names = [...work.get(table)!.values()].map((r) => nameOf(table, r.rec)).filter((n) => n !== undefined);
        if (new Set(names).size !== names.length) err = 'ALREADY_EXISTS';
      }
    }
    if (err === undefined) {
      for (const [k, m] of work) state.set(k, m);
      for (const key of written) writers.set(key, t);
    }
    outcomes.push(err ?? 'ok');
  });
  return outcomes.join(',');
}

test('apply() agrees with a naive reference model on every outcome and record', () => {
  fc.assert(
    fc.property(fc.array(entrySpec, { minLength: 1, maxLength: 30 }), (entries) => {
      const store = new ClusterStore();
      const model: ModelState = new Map(
        ['nodes', 'services', 'tasks', 'cluster', 'secrets', 'kv'].map((t) => [t, new Map()]),
      );
      const clock = { ts: 0 };
      entries.forEach((spec, i) => {
        const data = encode(spec, store);
        const expected = modelApply(model, spec, data, i + 1, clock);
        assert.equal(outcome(store.apply(data, i + 1)), expected, `entry ${i}`);
      });
      for (const table of ['nodes', 'services', 'tasks', 'kv', 'secrets', 'cluster'] as const) {
        const got = store.view((tx) => tx.list(table)).sort((x, y) => (x.id < y.id ? -1 : 1));
        const want = [...model.get(table)!.values()]
          .map((r) => r.rec)
          .sort((x, y) => ((x.id as string) < (y.id as string) ? -1 : 1));
        assert.deepEqual(
          got.map((o) => ({ ...o })),
          want,
          table,
        );
      }
    }),
    { numRuns: 300 },
  );
});
