import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkKvHistory, type KvInput, type KvOperation, type KvOutput } from './linearizability.js';

let nextId = 1;
function put(client: number, key: string, value: string, inv: number, ret?: number): KvOperation {
  const op: KvOperation = { id: nextId++, clientId: client, input: { kind: 'put', key, value }, invokeTime: inv };
  if (ret !== undefined) {
    op.returnTime = ret;
    op.output = { kind: 'put' };
  }
  return op;
}
function get(client: number, key: string, value: string | undefined, inv: number, ret?: number): KvOperation {
  const op: KvOperation = { id: nextId++, clientId: client, input: { kind: 'get', key }, invokeTime: inv };
  if (ret !== undefined) {
    op.returnTime = ret;
    op.output = { kind: 'get', value };
  }
  return op;
}
function cas(
  client: number,
  key: string,
  expected: string | undefined,
  value: string,
  ok: boolean,
  inv: number,
  ret: number,
): KvOperation {
  return {
    id: nextId++,
    clientId: client,
    input: { kind: 'cas', key, expected, value },
    output: { kind: 'cas', ok },
    invokeTime: inv,
    returnTime: ret,
  };
}

describe('linearizability checker: classic histories', () => {
  test('empty history and sequential history are linearizable', () => {
    assert.equal(checkKvHistory([]).kind, 'ok');
    const h = [put(1, 'x', 'a', 0, 1), get(2, 'x', 'a', 2, 3), put(1, 'x', 'b', 4, 5), get(2, 'x', 'b', 6, 7)];
    assert.equal(checkKvHistory(h).kind, 'ok');
  });

  test('read of a key never written returns none', () => {
    assert.equal(checkKvHistory([get(1, 'x', undefined, 0, 1)]).kind, 'ok');
    assert.equal(checkKvHistory([get(1, 'x', 'ghost', 0, 1)]).kind, 'illegal');
  });

  test('stale read after a completed write is rejected, with a minimal witness', () => {
    const h = [
      put(1, 'y', 'q', 0, 1), // unrelated key: must not be in the witness
      put(1, 'x', 'a', 0, 1),
      put(1, 'x', 'b', 2, 3),
      get(2, 'x', 'c', 3, 4), // unrelated noise, overlapping nothing useful
      get(3, 'x', 'a', 5, 6), // stale: b completed before this read started
      put(1, 'x', 'c', 3, 4),
    ];
    // get 'c' at [3,4] concurrent with put c at [3,4]: fine; the stale read is the violation.
    const r = checkKvHistory(h);
    assert.equal(r.kind, 'illegal');
    if (r.kind !== 'illegal') return;
    assert.equal(r.key, 'x');
    const kinds = r.operations.map((o) => `${o.input.kind}:${o.output?.kind === 'get' ? o.output.value : ''}`);
    // put a, put b, get -> a: nothing else is needed to show the violation.
    assert.equal(r.operations.length, 3, r.description);
    assert.deepEqual(kinds.sort(), ['get:a', 'put:', 'put:'], r.description);
    assert.match(r.description, /not linearizable/);
  });

  test('a read concurrent with a write may see either value', () => {
    assert.equal(checkKvHistory([put(1, 'x', 'a', 0, 1), put(1, 'x', 'b', 2, 10), get(2, 'x', 'a', 3, 4)]).kind, 'ok');
    assert.equal(checkKvHistory([put(1, 'x', 'a', 0, 1), put(1, 'x', 'b', 2, 10), get(2, 'x', 'b', 3, 4)]).kind, 'ok');
  });

  test('concurrent writes: readers may observe them in either order, but consistently', () => {
    // Two concurrent puts; reader 3 sees a then b, reader 4 sees b then... a ordering must agree.
    const ok = [
      put(1, 'x', 'a', 0, 10),
      put(2, 'x', 'b', 0, 10),
      get(3, 'x', 'a', 1, 2),
      get(3, 'x', 'b', 3, 4),
      get(4, 'x', 'b', 11, 12),
    ];
    assert.equal(checkKvHistory(ok).kind, 'ok');
    const okOtherOrder = [
      put(1, 'x', 'a', 0, 10),
      put(2, 'x', 'b', 0, 10),
      get(3, 'x', 'b', 1, 2),
      get(3, 'x', 'a', 3, 4),
      get(4, 'x', 'a', 11, 12),
    ];
    assert.equal(checkKvHistory(okOtherOrder).kind, 'ok');
    const bad = [
      put(1, 'x', 'a', 0, 10),
      put(2, 'x', 'b', 0, 10),
      get(3, 'x', 'a', 1, 2),
      get(3, 'x', 'b', 3, 4),
      get(4, 'x', 'a', 11, 12), // a cannot come back after b was observed later than a
    ];
    assert.equal(checkKvHistory(bad).kind, 'illegal');
    const badTwoReaders = [
      put(1, 'x', 'a', 0, 10),
      put(2, 'x', 'b', 0, 10),
      get(3, 'x', 'a', 1, 2),
      get(3, 'x', 'b', 3, 4),
      get(4, 'x', 'b', 1, 2),
      get(4, 'x', 'a', 3, 4),
    ];
    assert.equal(checkKvHistory(badTwoReaders).kind, 'illegal');
  });

  test('lost write: a completed put that no later read observes is rejected', () => {
    const h = [put(1, 'x', 'a', 0, 1), put(2, 'x', 'b', 2, 3), get(3, 'x', 'a', 4, 5)];
    assert.equal(checkKvHistory(h).kind, 'illegal');
    const lostFirst = [put(1, 'x', 'a', 0, 1), get(3, 'x', undefined, 2, 3)];
    assert.equal(checkKvHistory(lostFirst).kind, 'illegal');
  });

  test('pending operations may or may not take effect, at any time after their invocation', () => {
    // A pending put observed long after the invoker gave up: fine.
    assert.equal(
      checkKvHistory([put(1, 'x', 'a', 0), get(2, 'x', undefined, 1, 2), get(2, 'x', 'a', 50, 51)]).kind,
      'ok',
    );
    // Never observed: fine too.
    assert.equal(
      checkKvHistory([put(1, 'x', 'a', 0), get(2, 'x', undefined, 1, 2), get(2, 'x', undefined, 5, 6)]).kind,
      'ok',
    );
    // But not before its invocation.
    assert.equal(checkKvHistory([get(2, 'x', 'a', 0, 1), put(1, 'x', 'a', 2)]).kind, 'illegal');
    // And once observed it cannot be un-done.
    assert.equal(
      checkKvHistory([put(1, 'x', 'a', 0), get(2, 'x', 'a', 1, 2), get(2, 'x', undefined, 3, 4)]).kind,
      'illegal',
    );
    // A pending get has no effect at all.
    assert.equal(checkKvHistory([get(1, 'x', undefined, 0), put(2, 'x', 'a', 1, 2)]).kind, 'ok');
  });

  test('compare-and-set', () => {
    assert.equal(
      checkKvHistory([put(1, 'x', 'a', 0, 1), cas(2, 'x', 'a', 'b', true, 2, 3), get(3, 'x', 'b', 4, 5)]).kind,
      'ok',
    );
    assert.equal(checkKvHistory([put(1, 'x', 'a', 0, 1), cas(2, 'x', 'a', 'b', false, 2, 3)]).kind, 'illegal');
    // Two concurrent cas from the same value: only one may win.
    assert.equal(
      checkKvHistory([put(1, 'x', 'a', 0, 1), cas(2, 'x', 'a', 'b', true, 2, 5), cas(3, 'x', 'a', 'c', true, 2, 5)])
        .kind,
      'illegal',
    );
    assert.equal(
      checkKvHistory([put(1, 'x', 'a', 0, 1), cas(2, 'x', 'a', 'b', true, 2, 5), cas(3, 'x', 'a', 'c', false, 2, 5)])
        .kind,
      'ok',
    );
    // A failed cas reveals that a pending put (whose value nobody read) did take effect.
    assert.equal(checkKvHistory([put(1, 'x', 'a', 0), cas(2, 'x', undefined, 'b', false, 2, 3)]).kind, 'ok');
    assert.equal(checkKvHistory([cas(2, 'x', undefined, 'b', false, 2, 3)]).kind, 'illegal');
    const r = checkKvHistory([put(1, 'x', 'a', 0, 1), put(1, 'x', 'b', 2, 3), cas(2, 'x', 'a', 'c', true, 4, 5)]);
    assert.equal(r.kind, 'illegal');
    if (r.kind === 'illegal') assert.equal(r.operations.length, 3, r.description);
  });

  test('keys are independent (P-compositionality)', () => {
    const h = [put(1, 'x', 'a', 0, 1), put(1, 'y', 'b', 0, 1), get(2, 'x', 'a', 2, 3), get(2, 'y', 'b', 2, 3)];
    assert.equal(checkKvHistory(h).kind, 'ok');
    const bad = [...h, get(2, 'y', undefined, 4, 5)];
    const r = checkKvHistory(bad);
    assert.equal(r.kind, 'illegal');
    if (r.kind === 'illegal') assert.equal(r.key, 'y');
  });
});

/** A history produced by a sequential execution, each op stretched around its linearization point. */
interface GenOp {
  key: number;
  isPut: boolean;
  before: number;
  after: number;
  pending: boolean;
}
function buildHistory(spec: GenOp[], spacing: number): KvOperation[] {
  const state = new Map<string, string>();
  const out: KvOperation[] = [];
  spec.forEach((g, i) => {
    const key = `k${g.key}`;
    const point = (i + 1) * spacing;
    const input: KvInput = g.isPut ? { kind: 'put', key, value: `v${i}` } : { kind: 'get', key };
    let output: KvOutput;
    if (g.isPut) {
      state.set(key, `v${i}`);
      output = { kind: 'put' };
    } else output = { kind: 'get', value: state.get(key) };
    const op: KvOperation = { id: i, clientId: i % 7, input, invokeTime: point - g.before };
    if (!g.pending) {
      op.output = output;
      op.returnTime = point + g.after;
    }
    out.push(op);
  });
  return out;
}

const genOp = (maxStretch: number): fc.Arbitrary<GenOp> =>
  fc.record({
    key: fc.integer({ min: 0, max: 2 }),
    isPut: fc.boolean(),
    before: fc.integer({ min: 0, max: maxStretch }),
    after: fc.integer({ min: 0, max: maxStretch }),
    pending: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
  });

/** Like buildHistory, with cas ops whose expected value is a recent value of the key (or none). */
function buildCasHistory(spec: (GenOp & { cas: number })[], spacing: number): KvOperation[] {
  const state = new Map<string, string>();
  const out: KvOperation[] = [];
  spec.forEach((g, i) => {
    const key = `k${g.key}`;
    const point = (i + 1) * spacing;
    let input: KvInput;
    let output: KvOutput;
    if (g.cas > 0) {
      // expected: the current value (succeeds), an older value or none (may fail).
      const expected = g.cas === 1 ? state.get(key) : g.cas === 2 ? undefined : `v${Math.max(0, i - g.cas)}`;
      const ok = state.get(key) === expected;
      input = { kind: 'cas', key, expected, value: `v${i}` };
      output = { kind: 'cas', ok };
      if (ok) state.set(key, `v${i}`);
    } else if (g.isPut) {
      input = { kind: 'put', key, value: `v${i}` };
      output = { kind: 'put' };
      state.set(key, `v${i}`);
    } else {
      input = { kind: 'get', key };
      output = { kind: 'get', value: state.get(key) };
    }
    const op: KvOperation = { id: i, clientId: i % 7, input, invokeTime: point - g.before };
    if (!g.pending) {
      op.output = output;
      op.returnTime = point + g.after;
    }
    out.push(op);
  });
  return out;
}

describe('linearizability checker: properties', () => {
  test('histories with cas from a sequential execution are accepted', () => {
    const gen = fc.record({
      key: fc.integer({ min: 0, max: 1 }),
      isPut: fc.boolean(),
      cas: fc.integer({ min: 0, max: 6 }).map((x) => (x < 3 ? 0 : x - 2)),
      before: fc.integer({ min: 0, max: 30 }),
      after: fc.integer({ min: 0, max: 30 }),
      pending: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
    });
    fc.assert(
      fc.property(fc.array(gen, { maxLength: 50 }), (spec) => {
        const r = checkKvHistory(buildCasHistory(spec, 10));
        assert.equal(r.kind, 'ok', r.kind === 'illegal' ? r.description : undefined);
      }),
      { numRuns: 300 },
    );
  });

  test('histories from a sequential execution with random overlap are accepted', () => {
    fc.assert(
      fc.property(fc.array(genOp(40), { maxLength: 60 }), (spec) => {
        const r = checkKvHistory(buildHistory(spec, 10));
        assert.equal(r.kind, 'ok', r.kind === 'illegal' ? r.description : undefined);
      }),
      { numRuns: 300 },
    );
  });

  test('appending a stale read after a completed overwrite is always rejected', () => {
    fc.assert(
      fc.property(fc.array(genOp(40), { maxLength: 60 }), fc.integer({ min: 0, max: 2 }), (spec, k) => {
        const h = buildHistory(spec, 10);
        const key = `k${k}`;
        // The value the key holds at the end of the sequential run (what a fresh read would see).
        let previous: string | undefined;
        // (the last completed put: a pending put may legitimately land after 'fresh')
        spec.forEach((g, i) => {
          if (g.isPut && !g.pending && `k${g.key}` === key) previous = `v${i}`;
        });
        const end = (spec.length + 10) * 10 + 100;
        h.push(put(9, key, 'fresh', end, end + 1));
        const staleGet = get(9, key, previous, end + 2, end + 3);
        h.push(staleGet);
        const r = checkKvHistory(h);
        assert.equal(r.kind, 'illegal');
        if (r.kind === 'illegal') {
          assert.equal(r.key, key);
          // The witness is itself illegal, involves the stale read, and is small.
          assert.ok(
            r.operations.some((o) => o.id === staleGet.id),
            r.description,
          );
          assert.equal(checkKvHistory(r.operations).kind, 'illegal');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('linearizability checker: performance', () => {
  test('thousands of operations per key with 8 concurrent clients check quickly', (t) => {
    // 8 clients hammering 2 keys; each op is linearized at a random point inside its interval.
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const clients = 8;
    const clock = new Array<number>(clients).fill(0);
    const state = new Map<string, string>();
    // Build per-client intervals first, then assign linearization points in point order.
    interface Pending {
      client: number;
      inv: number;
      point: number;
      ret: number;
    }
    const pending: Pending[] = [];
    for (let c = 0; c < clients; c++) {
      for (let j = 0; j < 1000; j++) {
        const inv = clock[c]! + 1 + rnd(3);
        const point = inv + rnd(10);
        const ret = point + rnd(10);
        clock[c] = ret;
        pending.push({ client: c, inv, point: point + c / 100, ret });
      }
    }
    pending.sort((a, b) => a.point - b.point);
    const history: KvOperation[] = [];
    pending.forEach((p, i) => {
      const key = `k${rnd(2)}`;
      const isPut = rnd(2) === 0;
      const timedOut = rnd(100) === 0;
      const op: KvOperation = {
        id: i,
        clientId: p.client,
        input: isPut ? { kind: 'put', key, value: `v${i}` } : { kind: 'get', key },
        invokeTime: p.inv,
      };
      if (isPut) state.set(key, `v${i}`);
      if (!timedOut) {
        op.returnTime = p.ret;
        op.output = isPut ? { kind: 'put' } : { kind: 'get', value: state.get(key) };
      }
      history.push(op);
    });
    // "Quickly" in search steps, not milliseconds (the machine's load does not change them): with a
    // budget of 40 steps per operation of a key (it needs about 12), the answer is still 'ok', not
    // 'unknown'. The wall time is a figure.
    const t0 = performance.now();
    const r = checkKvHistory(history, { maxStepsPerKey: 100_000 });
    const ms = performance.now() - t0;
    assert.equal(r.kind, 'ok');
    t.diagnostic(`checked ${history.length} operations in ${ms.toFixed(0)} ms`);
    // And the same history with one read made stale is rejected quickly too.
    const idx = history.findIndex((o, i) => i > 4000 && o.input.kind === 'get' && o.output !== undefined);
    const victim = history[idx]!;
    const t1 = performance.now();
    // A value of the same key overwritten ~200 operations earlier: a genuinely stale read.
    const old = history
      .slice(0, idx - 200)
      .findLast((o) => o.input.kind === 'put' && o.input.key === victim.input.key)!;
    assert.equal(old.input.kind, 'put');
    const staleValue = old.input.kind === 'put' ? old.input.value : '';
    const stale: KvOperation = { ...victim, output: { kind: 'get', value: staleValue } };
    // Within a fifth of the default search budget (it needs about 150 000 steps, minimizing included).
    const r2 = checkKvHistory(
      history.map((o, i) => (i === idx ? stale : o)),
      { maxStepsPerKey: 1_000_000 },
    );
    const ms2 = performance.now() - t1;
    assert.equal(r2.kind, 'illegal');
    if (r2.kind === 'illegal') assert.ok(r2.operations.length <= 4, r2.description);
    t.diagnostic(`rejected the stale read in ${ms2.toFixed(0)} ms`);
  });
});
