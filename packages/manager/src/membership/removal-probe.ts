// A demoted manager sees its node record turn into a worker's, but may never apply its own removal
// from raft (once removed, the leader stops sending it the log) — and it must not stop before that
// removal commits: in a 2-voter group the removal needs its vote. So it asks the other managers
// (KV.Status, over mTLS with its still-valid manager certificate) until one that knows a leader
// reports a membership without it.

import * as grpc from '@grpc/grpc-js';
import { KVService } from '@clusterctl/proto';
import type { clusterctl } from '@clusterctl/proto';
import { managerChannelCredentials, NODE_CHANNEL_OPTIONS } from '@clusterctl/ca';

const KvClient = grpc.makeGenericClientConstructor(KVService as unknown as grpc.ServiceDefinition, 'KV');
type StatusFn = (req: clusterctl.kv.IStatusRequest, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r?: clusterctl.kv.StatusResponse) => void) => void;

/** Whether the manager at `addr` reports (with a known leader) a raft membership without `raftId`; undefined if it cannot tell. */
export async function memberGoneAccordingTo(addr: string, tls: { caPem: string; certPem: string; keyPem: string }, clusterId: string, raftId: number, timeoutMs = 2000): Promise<boolean | undefined> {
  const c = new KvClient(addr, managerChannelCredentials(tls, clusterId), NODE_CHANNEL_OPTIONS) as unknown as grpc.Client & { status: StatusFn };
  try {
    const st = await new Promise<clusterctl.kv.StatusResponse | undefined>((resolve) =>
      c.status({}, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (e, r) => resolve(e ? undefined : r)),
    );
    if (st === undefined || Number(st.leader) === 0) return undefined;
    const members = [...st.voters, ...st.learners].map(Number);
    return !members.includes(raftId);
  } finally {
    c.close();
  }
}
