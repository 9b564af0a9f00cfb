// Secret material replicated to every manager through the store's kv table (so any manager can sign
// a joining node's certificate and print the current join tokens): the root CA key and the join
// token secrets. The cluster record keeps only the token digests, which Join checks against.
// (Like swarmkit, which keeps the root CA key in its raft store.)

import { createHash, timingSafeEqual } from 'node:crypto';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { type NodeRole } from '@clusterctl/ca';
import type { ReadTx, WriteTx } from '@clusterctl/store';

export const KV_CA_KEY = 'clusterctl/ca/root-key';
export const KV_CA_CERT = 'clusterctl/ca/root-cert';
export const kvTokenSecretKey = (role: NodeRole): string => `clusterctl/join-token/${role}`;

const enc = new TextEncoder();
const dec = new TextDecoder();

/** sha256 hex of a join token secret: what the cluster record keeps. */
export function tokenSecretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time equality of two hex digests of equal length. */
export function digestsEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ba.length !== bb.length) {
    timingSafeEqual(ba, ba); // same work either way
    return false;
  }
  return timingSafeEqual(ba, bb);
}

export function putSecret(tx: WriteTx, key: string, value: string): void {
  tx.kvPut(key, enc.encode(value));
}

export function readSecret(tx: ReadTx, key: string): string {
  const v = tx.kvGet(key);
  if (v === undefined) {
    throw new ClusterError(ErrorCode.Internal, `cluster secret ${key} is missing from the store`, {
      hint: 'the cluster was not initialized completely; re-create it with clusterctl init',
    });
  }
  return dec.decode(v);
}

/** The key of the new root CA while a root rotation runs (it becomes KV_CA_KEY when it finishes). */
export const KV_CA_PENDING_KEY = 'clusterctl/ca/pending-root-key';
