// A linearizability checker for key-value histories: Wing & Gong's search with Lowe's
// memoization (the WGL algorithm), run separately on each key (P-compositionality: a history is
// linearizable iff its restriction to every key is). Written for the raft simulator; no I/O.
//
// Times are logical. Operation A precedes B in real time iff A.returnTime < B.invokeTime; equal
// times count as concurrent. An operation that never returned (client crashed or timed out) may
// or may not have taken effect: it is treated as returning at +infinity with an unknown output.

export type KvInput =
  | { kind: 'put'; key: string; value: string }
  | { kind: 'get'; key: string }
  | { kind: 'cas'; key: string; expected: string | undefined; value: string };

export type KvOutput = { kind: 'put' } | { kind: 'get'; value: string | undefined } | { kind: 'cas'; ok: boolean };

export interface KvOperation {
  /** Unique id of the operation (used in reports). */
  id: number;
  clientId: number;
  input: KvInput;
  /**
   * Undefined when the operation never returned (pending / indeterminate). A pending operation may
   * still carry an output when its outcome is known but not when it happened (a put or cas that
   * the system is known to have applied after its client gave up).
   */
  output?: KvOutput;
  invokeTime: number;
  /** Undefined (or Infinity) when the operation never returned. */
  returnTime?: number;
}

export type CheckResult =
  | { kind: 'ok'; keys: number; operations: number }
  | {
      kind: 'illegal';
      key: string;
      /** A small (1-minimal) set of operations on `key` that is already not linearizable. */
      operations: KvOperation[];
      description: string;
    }
  /** The search budget ran out on `key` (never seen on simulator histories; reported, not hidden). */
  | { kind: 'unknown'; key: string; operations: number };

export interface CheckOptions {
  /** Max search steps per key before giving up with 'unknown'. */
  maxStepsPerKey?: number;
  /** Whether to shrink a failing key's history to a minimal witness (default true). */
  minimize?: boolean;
}

const DEFAULT_MAX_STEPS_PER_KEY = 5_000_000;

type KvState = string | undefined;

/** Sequential specification of one register with put/get/cas. `output` undefined = unknown. */
function stepKv(state: KvState, input: KvInput, output: KvOutput | undefined): { ok: boolean; state: KvState } {
  switch (input.kind) {
    case 'put':
      return { ok: true, state: input.value };
    case 'get':
      if (output === undefined) return { ok: true, state };
      return { ok: output.kind === 'get' && output.value === state, state };
    case 'cas': {
      const matches = state === input.expected;
      if (output === undefined) return { ok: true, state: matches ? input.value : state };
      if (output.kind !== 'cas' || output.ok !== matches) return { ok: false, state };
      return { ok: true, state: matches ? input.value : state };
    }
  }
}

function isPending(op: KvOperation): boolean {
  return op.output === undefined || op.returnTime === undefined || op.returnTime === Infinity;
}

/** The output to check against: known for completed ops, sometimes for pending ones. */
function knownOutput(op: KvOperation): KvOutput | undefined {
  return op.output;
}

/**
 * Drops operations that cannot influence the verdict: pending gets (no observable effect) and,
 * on keys without cas, pending puts whose value no get ever observes (they can always be
 * linearized last). A cas that fails observes that *some* write happened, so with cas around
 * every pending put stays.
 */
function prune(ops: KvOperation[]): KvOperation[] {
  const hasCas = ops.some((op) => op.input.kind === 'cas');
  const observed = new Set<string>();
  for (const op of ops) {
    if (op.output?.kind === 'get' && op.output.value !== undefined) observed.add(op.output.value);
    if (op.input.kind === 'cas' && op.input.expected !== undefined) observed.add(op.input.expected);
  }
  return ops.filter((op) => {
    if (!isPending(op)) return true;
    if (op.input.kind === 'get') return op.output !== undefined;
    if (op.input.kind === 'put') return hasCas || observed.has(op.input.value);
    return true;
  });
}

// Small deterministic hash stream for the incremental bitset hash.
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

type SearchOutcome = { kind: 'ok' } | { kind: 'illegal' } | { kind: 'unknown' };

/** WGL search on the operations of one key. */
function searchKey(input: KvOperation[], maxSteps: number): SearchOutcome {
  const ops = prune(input);
  const n = ops.length;
  if (n === 0) return { kind: 'ok' };
  // Event nodes: call of op i = 2i, return of op i = 2i+1; HEAD = 2n, TAIL = 2n+1.
  const HEAD = 2 * n;
  const TAIL = 2 * n + 1;
  const time = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const op = ops[i]!;
    time[2 * i] = op.invokeTime;
    time[2 * i + 1] = isPending(op) ? Infinity : op.returnTime!;
    if (time[2 * i + 1]! < time[2 * i]!) throw new Error(`operation ${op.id} returns before it is invoked`);
  }
  const order = Array.from({ length: 2 * n }, (_, k) => k);
  // At equal times calls sort before returns, so touching operations count as concurrent.
  order.sort((a, b) => time[a]! - time[b]! || (a & 1) - (b & 1) || a - b);
  const next = new Int32Array(2 * n + 2);
  const prev = new Int32Array(2 * n + 2);
  let last = HEAD;
  for (const node of order) {
    next[last] = node;
    prev[node] = last;
    last = node;
  }
  next[last] = TAIL;
  prev[TAIL] = last;

  const lift = (op: number): void => {
    const c = 2 * op;
    const r = c + 1;
    next[prev[c]!] = next[c]!;
    prev[next[c]!] = prev[c]!;
    next[prev[r]!] = next[r]!;
    prev[next[r]!] = prev[r]!;
  };
  const unlift = (op: number): void => {
    const c = 2 * op;
    const r = c + 1;
    next[prev[r]!] = r;
    prev[next[r]!] = r;
    next[prev[c]!] = c;
    prev[next[c]!] = c;
  };

  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(words);
  const hashA = new Uint32Array(n);
  const hashB = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    hashA[i] = mix32(i * 2 + 0x9e3779b9);
    hashB[i] = mix32(i * 2 + 1 + 0x7f4a7c15);
  }
  let hA = 0;
  let hB = 0;
  // Memo of explored (linearized set, state) pairs. Bitsets live in one growing arena (no
  // per-entry allocation); a 53-bit numeric key picks a chain; entries are compared exactly.
  const stateIds = new Map<KvState, number>();
  const stateId = (st: KvState): number => {
    let id = stateIds.get(st);
    if (id === undefined) stateIds.set(st, (id = stateIds.size + 1));
    return id;
  };
  let arena = new Uint32Array(Math.max(1024, words * 64));
  let entryState = new Int32Array(64);
  let entryNext = new Int32Array(64);
  let entries = 0;
  const heads = new Map<number, number>();
  const remember = (s: KvState): boolean => {
    const sid = stateId(s);
    const key = ((hA ^ mix32(sid)) >>> 0) * 2097152 + ((hB ^ Math.imul(sid, 0x9e3779b1)) & 0x1fffff);
    const head = heads.get(key);
    for (let e = head ?? -1; e >= 0; e = entryNext[e]!) {
      if (entryState[e] !== sid) continue;
      const base = e * words;
      let same = true;
      for (let w = 0; w < words; w++) {
        if (arena[base + w] !== bits[w]) {
          same = false;
          break;
        }
      }
      if (same) return false;
    }
    if ((entries + 1) * words > arena.length) {
      const grown = new Uint32Array(arena.length * 2);
      grown.set(arena);
      arena = grown;
    }
    if (entries >= entryState.length) {
      const gs = new Int32Array(entryState.length * 2);
      gs.set(entryState);
      entryState = gs;
      const gn = new Int32Array(entryNext.length * 2);
      gn.set(entryNext);
      entryNext = gn;
    }
    arena.set(bits, entries * words);
    entryState[entries] = sid;
    entryNext[entries] = head ?? -1;
    heads.set(key, entries);
    entries++;
    return true;
  };

  const stackOp: number[] = [];
  const stackState: KvState[] = [];
  let state: KvState = undefined;
  let entry = next[HEAD]!;
  let steps = 0;
  while (next[HEAD] !== TAIL) {
    if (++steps > maxSteps) return { kind: 'unknown' };
    if ((entry & 1) === 0) {
      const i = entry >>> 1;
      const op = ops[i]!;
      const r = stepKv(state, op.input, knownOutput(op));
      if (r.ok) {
        bits[i >>> 5]! |= 1 << (i & 31);
        hA ^= hashA[i]!;
        hB ^= hashB[i]!;
        if (remember(r.state)) {
          stackOp.push(i);
          stackState.push(state);
          state = r.state;
          lift(i);
          entry = next[HEAD]!;
          continue;
        }
        bits[i >>> 5]! &= ~(1 << (i & 31));
        hA ^= hashA[i]!;
        hB ^= hashB[i]!;
      }
      entry = next[entry]!;
    } else {
      // A return event: the operation it closes could not be linearized before it. Backtrack.
      if (stackOp.length === 0) return { kind: 'illegal' };
      const i = stackOp.pop()!;
      state = stackState.pop();
      bits[i >>> 5]! &= ~(1 << (i & 31));
      hA ^= hashA[i]!;
      hB ^= hashB[i]!;
      unlift(i);
      entry = next[2 * i]!;
    }
  }
  return { kind: 'ok' };
}

/** The history as seen at time t: later invocations dropped, later returns made pending. */
function prefixAt(ops: KvOperation[], t: number): KvOperation[] {
  const out: KvOperation[] = [];
  for (const op of ops) {
    if (op.invokeTime > t) continue;
    if (isPending(op) && op.output !== undefined) {
      // A known outcome may not hold yet at time t: forget it.
      out.push({ id: op.id, clientId: op.clientId, input: op.input, invokeTime: op.invokeTime });
    } else if (!isPending(op) && op.returnTime! > t) {
      const pending: KvOperation = { id: op.id, clientId: op.clientId, input: op.input, invokeTime: op.invokeTime };
      out.push(pending);
    } else out.push(op);
  }
  return out;
}

/** Shrinks a non-linearizable single-key history: shortest failing prefix, then greedy removal. */
function minimizeKey(ops: KvOperation[], maxSteps: number): KvOperation[] {
  // A read of a value nobody wrote is a witness on its own.
  const written = new Set<string>();
  for (const op of ops) if (op.input.kind !== 'get') written.add(op.input.value);
  const ghost = ops.find(
    (op) =>
      op.output?.kind === 'get' && op.output.value !== undefined && !written.has(op.output.value) && !isPending(op),
  );
  if (ghost !== undefined) return [ghost];
  // Sub-histories must stay well-formed: a write whose value a kept read observes stays too
  // (otherwise dropping writes would manufacture "ghost reads").
  // Likewise a failed cas needs some write of another value invoked before it returned.
  const wellFormed = (h: KvOperation[]): boolean => {
    const values = new Set<string>();
    for (const op of h) if (op.input.kind !== 'get') values.add(op.input.value);
    for (const op of h) {
      const seen =
        op.output?.kind === 'get' && !isPending(op)
          ? op.output.value
          : op.input.kind === 'cas'
            ? op.input.expected
            : undefined;
      if (seen !== undefined && !values.has(seen)) return false;
      if (op.input.kind === 'cas' && op.output?.kind === 'cas' && !op.output.ok) {
        const inp = op.input;
        const explained =
          inp.expected !== undefined ||
          h.some(
            (w) =>
              w !== op &&
              w.input.kind !== 'get' &&
              w.input.value !== inp.expected &&
              w.invokeTime <= (op.returnTime ?? Infinity),
          );
        if (!explained) return false;
      }
    }
    return true;
  };
  const fails = (h: KvOperation[]): boolean => wellFormed(h) && searchKey(h, maxSteps).kind === 'illegal';
  const times = [...new Set(ops.map((o) => o.invokeTime))].sort((a, b) => a - b);
  // Smallest t such that the prefix at t fails (monotone in t).
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fails(prefixAt(ops, times[mid]!))) hi = mid;
    else lo = mid + 1;
  }
  let current = prefixAt(ops, times[lo]!);
  if (!fails(current)) current = ops; // defensive: should not happen
  // Remove chunks of halving size while the rest still fails (ddmin-like); ends 1-minimal.
  let budget = 4000;
  for (let chunk = Math.max(1, current.length >>> 1); ; chunk = chunk >>> 1) {
    for (let start = current.length - chunk; start > -chunk && budget > 0; start -= chunk) {
      const from = Math.max(0, start);
      const candidate = current.slice(0, from).concat(current.slice(start + chunk));
      if (candidate.length === current.length) continue;
      budget--;
      if (fails(candidate)) current = candidate;
    }
    if (chunk <= 1 || budget <= 0) break;
  }
  return current;
}

export function describeOperation(op: KvOperation): string {
  const inp = op.input;
  const call =
    inp.kind === 'put'
      ? `put(${inp.key}, ${inp.value})`
      : inp.kind === 'get'
        ? `get(${inp.key})`
        : `cas(${inp.key}, ${inp.expected ?? '<none>'} -> ${inp.value})`;
  let result: string;
  if (op.output === undefined) result = 'pending';
  else if (op.output!.kind === 'get') result = op.output!.value === undefined ? '<none>' : op.output!.value;
  else if (op.output!.kind === 'cas') result = op.output!.ok ? 'ok' : 'failed';
  else result = 'ok';
  if (op.output !== undefined && isPending(op)) result = `pending, took effect: ${result}`;
  const ret = isPending(op) ? '∞' : String(op.returnTime);
  return `op ${op.id} client ${op.clientId} [${op.invokeTime}, ${ret}] ${call} -> ${result}`;
}

/** Checks a key-value history for linearizability, one key at a time. */
export function checkKvHistory(history: readonly KvOperation[], options: CheckOptions = {}): CheckResult {
  const maxSteps = options.maxStepsPerKey ?? DEFAULT_MAX_STEPS_PER_KEY;
  const byKey = new Map<string, KvOperation[]>();
  for (const op of history) {
    let list = byKey.get(op.input.key);
    if (list === undefined) byKey.set(op.input.key, (list = []));
    list.push(op);
  }
  const keys = [...byKey.keys()].sort();
  for (const key of keys) {
    const ops = byKey.get(key)!;
    const outcome = searchKey(ops, maxSteps);
    if (outcome.kind === 'unknown') return { kind: 'unknown', key, operations: ops.length };
    if (outcome.kind === 'illegal') {
      const witness = options.minimize === false ? ops : minimizeKey(ops, maxSteps);
      const sorted = [...witness].sort((a, b) => a.invokeTime - b.invokeTime || a.id - b.id);
      const description =
        `history of key ${JSON.stringify(key)} (${ops.length} operations) is not linearizable; ` +
        `minimal witness (${sorted.length} operations):\n` +
        sorted.map((o) => `  ${describeOperation(o)}`).join('\n');
      return { kind: 'illegal', key, operations: sorted, description };
    }
  }
  return { kind: 'ok', keys: keys.length, operations: history.length };
}
