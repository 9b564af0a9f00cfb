// Envelopes the driver wraps around what it hands to raft, so that any manager (followers too)
// recognises its own proposals when they apply, and duplicates from retries apply at most once.
//
// Normal entry data:      [0xC1][proposerId u64][seq u64][minPending u64][payload ...]
// ConfChange context:     [0xC2][proposerId u64][seq u64][minPending u64][member context ...]
// ReadIndex context:      [0xC3][proposerId u64][readSeq u64]
// `minPending` is the proposer's smallest still-unresolved seq when the envelope was made: every
// seq below it is settled, so replicas may forget them (see DedupTable).

import { readU64, writeU64 } from './codec.js';

const PROPOSAL = 0xc1;
const CONF = 0xc2;
const READ = 0xc3;
const HEADER = 25;

export interface ProposalId {
  proposerId: number;
  seq: number;
  minPending: number;
}

export interface Enveloped extends ProposalId {
  payload: Uint8Array;
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

export function wrapProposal(id: ProposalId, payload: Uint8Array): Uint8Array {
  return wrap(PROPOSAL, id, payload);
}

/** undefined for entries that are not ours (e.g. the empty no-op a new leader appends). */
export function unwrapProposal(data: Uint8Array): Enveloped | undefined {
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
