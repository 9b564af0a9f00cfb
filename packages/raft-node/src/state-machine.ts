// The two seams between the raft driver and the application. RaftNode implements Proposer and feeds
// committed entries, in log order, to a StateMachine. The driver declares them itself and knows no
// application: @clusterctl/store's ClusterStore satisfies StateMachine structurally, and the store
// uses RaftNode through its own Proposer declaration.

export interface ProposeOptions {
  /**
   * Fence the proposal to this leader term: it is refused with NOT_LEADER once that leadership is
   * over, and never forwarded to a new leader.
   */
  leaderTerm?: number;
}

export interface Proposer {
  /**
   * Replicates `data`; resolves with what the state machine's apply() returned for it once it is
   * committed AND applied locally. Rejects with a ClusterError (NO_LEADER, TIMEOUT, OVERLOADED...)
   * if it cannot.
   */
  propose(data: Uint8Array, opts?: ProposeOptions): Promise<unknown>;
  /**
   * Resolves once the local state machine has applied everything committed before this call
   * (ReadIndex): reads after it are linearizable.
   */
  readBarrier(): Promise<void>;
}

export interface StateMachine {
  /** Deterministic; called in log order on every member. */
  apply(data: Uint8Array, index: number): unknown;
  /** The whole state. */
  snapshot(): Uint8Array;
  /**
   * Optional: the whole state as of now, encoded later. Called where snapshot() would be; the
   * returned function must resolve with the bytes snapshot() would have returned at this call,
   * however many entries are applied meanwhile. Lets the driver take its periodic snapshots
   * without stalling the log while a large state is encoded.
   */
  captureSnapshot?(): () => Promise<Uint8Array>;
  restore(data: Uint8Array): void;
}
