// Small helpers shared inside the raft core (no I/O).
import { entrySize, type Entry, type HardState, type RaftLogger } from './types.js';

/** Keeps a prefix of `ents` whose total entrySize() stays within maxSize; always at least one entry. */
export function limitSize(ents: Entry[], maxSize: number): Entry[] {
  if (ents.length === 0 || !Number.isFinite(maxSize) || maxSize <= 0) return ents;
  let size = entrySize(ents[0]!);
  let n = 1;
  for (; n < ents.length; n++) {
    size += entrySize(ents[n]!);
    if (size > maxSize) break;
  }
  return n === ents.length ? ents : ents.slice(0, n);
}

export function sumEntrySize(ents: Entry[]): number {
  let s = 0;
  for (const e of ents) s += entrySize(e);
  return s;
}

export function payloadSize(ents: Entry[]): number {
  let s = 0;
  for (const e of ents) s += e.data.length;
  return s;
}

export function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

export function isEmptyHardState(h: HardState): boolean {
  return h.term === 0 && h.vote === 0 && h.commit === 0;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A map key for an opaque context (ReadIndex requests). */
export function bytesKey(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export const silentRaftLogger: RaftLogger = {
  debug() {},
  info() {},
  warn() {},
};
