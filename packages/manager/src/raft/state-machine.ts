// The two seams with the cluster store, declared by @clusterctl/store (packages/store/src/proposer.ts):
// RaftNode implements Proposer and feeds committed entries to a StateMachine (the ClusterStore).
export type { Proposer, StateMachine } from '@clusterctl/store';
