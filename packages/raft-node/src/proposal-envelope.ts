// Envelopes the driver wraps around what it hands to raft, so that any manager (followers too)
// recognises its own proposals when they apply, and duplicates from retries apply at most once.
//
// Normal entry data:      [0xC1][proposerId u64][seq u64][minPending u64][payload ...]
// Fenced entry data:      [0xC4][proposerId u64][seq u64][minPending u64][fenceTerm u64][payload ...]
// ConfChange context:     [0xC2][proposerId u64][seq u64][minPending u64][member context ...]
// ReadIndex context:      [0xC3][proposerId u64][readSeq u64]
// `minPending` is the proposer's smallest still-unresolved seq when the envelope was made: every
// seq below it is settled, so replicas may forget them (see DedupTable).
// `fenceTerm`: a decision of a leader-only component, valid only in the leader term it was made in.
// Every replica applies it only if the entry carries that same term (it was appended by that
// leader), so a deposed leader's late decision, or one forwarded to the next leader, never applies.

import { readU64, writeU64 } from './codec.js';

const PROPOSAL = 0xc1;
const CONF = 0xc2;
const READ = 0xc3;
const FENCED = 0xc4;
const HEADER = 25;
const FENCED_HEADER = 33;

export interface ProposalId {
  proposerId: number;
  seq: number;
  minPending: number;
}

export interface Enveloped extends ProposalId {
  payload: Uint8Array;
  /** Set on fenced proposals: the leader term the entry must carry to apply. */
  fenceTerm?: number;
}

function wrap(tag: number, id: ProposalId, payload: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(HEADER + payload.length);
  out[0] = tag;
  writeU64(out, 1, id.proposerId);
  writeU64(out, 9, id.seq);
  writeU64(out, 17, id.minPending);
  out.set(payload, HEADER);
  return out;
}

function unwrap(tag: number, data: Uint8Array): Enveloped | undefined {
  if (data.length < HEADER || data[0] !== tag) return undefined;
  return {
    proposerId: readU64(data, 1),
    seq: readU64(data, 9),
    minPending: readU64(data, 17),
    payload: data.subarray(HEADER),
  };
}

export function wrapProposal(id: ProposalId, payload: Uint8Array, fenceTerm?: number): Uint8Array {
  if (fenceTerm === undefined) return wrap(PROPOSAL, id, payload);
  const out = Buffer.allocUnsafe(FENCED_HEADER + payload.length);
  out[0] = FENCED;
  writeU64(out, 1, id.proposerId);
  writeU64(out, 9, id.seq);
  writeU64(out, 17, id.minPending);
  writeU64(out, 25, fenceTerm);
  out.set(payload, FENCED_HEADER);
  return out;
}

/** undefined for entries that are not ours (e.g. the empty no-op a new leader appends). */
export function unwrapProposal(data: Uint8Array): Enveloped | undefined {
  if (data.length >= FENCED_HEADER && data[0] === FENCED) {
    return {
      proposerId: readU64(data, 1),
      seq: readU64(data, 9),
      minPending: readU64(data, 17),
      fenceTerm: readU64(data, 25),
      payload: data.subarray(FENCED_HEADER),
    };
  }
  return unwrap(PROPOSAL, data);
}

export function wrapConfContext(id: ProposalId, memberContext: Uint8Array): Uint8Array {
  return wrap(CONF, id, memberContext);
}

/** Conf changes without our envelope (e.g. from bootstrap) yield proposerId 0 and the raw context. */
export function unwrapConfContext(context: Uint8Array): Enveloped {
  return unwrap(CONF, context) ?? { proposerId: 0, seq: 0, minPending: 0, payload: context };
}

export function readContext(proposerId: number, readSeq: number): Uint8Array {
  const out = Buffer.allocUnsafe(17);
  out[0] = READ;
  writeU64(out, 1, proposerId);
  writeU64(out, 9, readSeq);
  return out;
}

export function parseReadContext(ctx: Uint8Array): { proposerId: number; readSeq: number } | undefined {
  if (ctx.length !== 17 || ctx[0] !== READ) return undefined;
  return { proposerId: readU64(ctx, 1), readSeq: readU64(ctx, 9) };
}
