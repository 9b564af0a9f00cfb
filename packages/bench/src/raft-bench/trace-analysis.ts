// Reads the events written by managers started with --trace-file (phase-trace.ts) and says where
// the time of a write goes: for one client, the median of each step of a put's critical path;
// for any load, per node, how many log saves (synced = fsyncs) ran, their mean duration, entries
// per synced save, and raft messages per write.

import { readFileSync } from 'node:fs';

interface Ev {
  t: number;
  n: number;
  k: string;
  e?: number;
  s?: boolean;
  ms?: number;
  m?: string;
  mean?: number;
  p99?: number;
  max?: number;
}

export function readTrace(file: string, fromUs: number, toUs: number): Ev[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: Ev[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const ev = JSON.parse(line) as Ev;
      if (ev.t >= fromUs && ev.t <= toUs) out.push(ev);
    } catch {
      // a torn last line
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function stats(xs: number[]): { n: number; p50Ms: number; meanMs: number; p90Ms: number } {
  const a = [...xs].sort((p, q) => p - q);
  const mean = a.reduce((s, x) => s + x, 0) / Math.max(1, a.length);
  return {
    n: a.length,
    p50Ms: r3(a[a.length >> 1] ?? Number.NaN),
    meanMs: r3(mean),
    p90Ms: r3(a[Math.floor(a.length * 0.9)] ?? Number.NaN),
  };
}

/** Per node: saves, fsyncs, mean save ms, entries per synced save, messages sent/received per write. */
export function nodeSummary(evs: Ev[], writes: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nodes = [...new Set(evs.map((e) => e.n))].sort();
  for (const n of nodes) {
    const mine = evs.filter((e) => e.n === n);
    const starts: Ev[] = [];
    const synced: number[] = [];
    const unsynced: number[] = [];
    let syncedEntries = 0;
    for (const e of mine) {
      if (e.k === 'save0') starts.push(e);
      if (e.k === 'save1') {
        const s = starts.shift();
        if (s === undefined) continue;
        const ms = (e.t - s.t) / 1000;
        if (e.s) {
          synced.push(ms);
          syncedEntries += e.e ?? 0;
        } else unsynced.push(ms);
      }
    }
    const count = (k: string): number =>
      mine
        .filter((e) => e.k === k)
        .reduce((s, e) => s + (e.m === undefined || e.m === '' ? 0 : e.m.split(',').length), 0);
    const eld = mine.filter((e) => e.k === 'eld');
    out[`n${n}`] = {
      eventLoopLagMeanMs: eld.length > 0 ? r3(eld.reduce((sum, e) => sum + (e.mean ?? 0), 0) / eld.length) : Number.NaN,
      eventLoopLagMaxMs: eld.length > 0 ? r3(Math.max(...eld.map((e) => e.max ?? 0))) : Number.NaN,
      fsyncs: synced.length,
      fsyncSaveMeanMs: stats(synced).meanMs,
      fsyncSaveP50Ms: stats(synced).p50Ms,
      entriesPerFsync: synced.length > 0 ? r3(syncedEntries / synced.length) : Number.NaN,
      unsyncedSaves: unsynced.length,
      unsyncedSaveMeanMs: stats(unsynced).meanMs,
      msgsSentPerWrite: writes > 0 ? r3(count('send') / writes) : Number.NaN,
      msgsRecvPerWrite: writes > 0 ? r3(count('recv') / writes) : Number.NaN,
    };
  }
  return out;
}

/** With one client: when each step of a put happened, in ms after the leader received it (p50/mean/p90). */
export function criticalPath(evs: Ev[], leader: number): Record<string, unknown> {
  const steps = new Map<string, number[]>();
  const add = (k: string, us: number): void => {
    let a = steps.get(k);
    if (a === undefined) steps.set(k, (a = []));
    a.push(us / 1000);
  };
  const hasEntries = (m: string | undefined): boolean => m !== undefined && /App>\d+:[1-9]/.test(m);
  for (let i = 0; i < evs.length; i++) {
    const p0 = evs[i] as Ev;
    if (p0.k !== 'put0' || p0.n !== leader) continue;
    let end = -1;
    for (let j = i + 1; j < evs.length; j++) {
      const e = evs[j] as Ev;
      if (e.n === leader && e.k === 'put0') break;
      if (e.n === leader && e.k === 'put1') {
        end = j;
        break;
      }
    }
    if (end < 0) continue;
    const win = evs.slice(i + 1, end + 1);
    const find = (pred: (e: Ev) => boolean, after = 0): Ev | undefined => win.find((e) => e.t >= after && pred(e));
    const ls0 = find((e) => e.n === leader && e.k === 'save0' && (e.e ?? 0) > 0);
    const ls1 = ls0 && find((e) => e.n === leader && e.k === 'save1' && (e.e ?? 0) > 0, ls0.t);
    const lsend = find((e) => e.n === leader && e.k === 'send' && hasEntries(e.m));
    const frecv = lsend && find((e) => e.n !== leader && e.k === 'recv' && hasEntries(e.m), lsend.t);
    const fs1 = frecv && find((e) => e.n === frecv.n && e.k === 'save1' && (e.e ?? 0) > 0, frecv.t);
    const fsend = fs1 && find((e) => e.n === frecv.n && e.k === 'send' && (e.m ?? '').startsWith('AppResp'), fs1.t);
    const lrecv = fsend && find((e) => e.n === leader && e.k === 'recv' && (e.m ?? '').startsWith('AppResp'), fsend.t);
    const lapply = lrecv && find((e) => e.n === leader && e.k === 'apply', lrecv.t);
    const p1 = evs[end] as Ev;
    if (!ls0 || !ls1 || !lsend || !frecv || !fs1 || !fsend || !lrecv || !lapply) continue;
    // Offsets from the moment the leader received the put: shows what overlaps (e.g. the
    // leader's own fsync running while the entry is already on its way to the followers).
    add('a leader log save starts', ls0.t - p0.t);
    add('b leader log save (fsync) done', ls1.t - p0.t);
    add('c App with the entry sent', lsend.t - p0.t);
    add('d first follower received it', frecv.t - p0.t);
    add("e that follower's save (fsync) done", fs1.t - p0.t);
    add('f its AppResp sent', fsend.t - p0.t);
    add('g leader received the AppResp', lrecv.t - p0.t);
    add('h entry applied on the leader', lapply.t - p0.t);
    add('i put answered (total)', p1.t - p0.t);
    add('x leader fsync duration', ls1.t - ls0.t);
    add('y follower receive -> fsync done', fs1.t - frecv.t);
    add('z one-way gRPC hop (App)', frecv.t - lsend.t);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of [...steps].sort()) out[k] = stats(v);
  return out;
}
