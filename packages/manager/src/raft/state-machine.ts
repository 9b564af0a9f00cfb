// The two seams with the cluster store, declared by @clusterctl/store (packages/store/src/proposer.ts).
// Re-declared structurally here until the store package exports them; identical shapes, so a
// ClusterStore is a StateMachine and a RaftNode is a Proposer for either declaration.

export interface Proposer {
  /** Replicate `data`; resolves with the state machine's apply() result once applied locally. */
  propose(data: Uint8Array): Promise<unknown>;
  /** Resolves once everything committed before this call is applied locally (raft ReadIndex). */
  readBarrier(): Promise<void>;
}

export interface StateMachine {
  /** Deterministic; called in log order on every manager. */
  apply(data: Uint8Array, index: number): unknown;
  /** Whole state. */
  snapshot(): Uint8Array;
  restore(data: Uint8Array): void;
}
