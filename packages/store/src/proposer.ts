// The two seams between the store and the raft driver. The store never sees raft: the driver
// implements Proposer and feeds committed entries to a StateMachine (the ClusterStore).

export interface ProposeOptions {
  /**
   * Fence the write to this leader term: a decision of a leader-only component that must not
   * apply once that leadership is over (refused with NOT_LEADER; never forwarded to a new leader).
   */
  leaderTerm?: number;
}

export interface Proposer {
  /**
   * Replicate `data`; resolves with the value the state machine's apply() returned for it once it
   * is committed AND applied locally. Rejects with ClusterError (NO_LEADER, TIMEOUT, OVERLOADED...)
   * if it cannot.
   */
  propose(data: Uint8Array, opts?: ProposeOptions): Promise<unknown>;
  /**
   * Resolves once the local state machine has applied everything committed before this call
   * (raft ReadIndex): reads after it are linearizable.
   */
  readBarrier(): Promise<void>;
}

export interface StateMachine {
  /** Deterministic; called in log order on every manager. */
  apply(data: Uint8Array, index: number): unknown;
  /** Whole state. */
  snapshot(): Uint8Array;
  restore(data: Uint8Array): void;
}
