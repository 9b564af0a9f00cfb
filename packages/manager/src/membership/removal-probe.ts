// A demoted manager sees its node record turn into a worker's, but may never apply its own removal
// from raft (once removed, the leader stops sending it the log) — and it must not stop before that
// removal commits: in a 2-voter group the removal needs its vote. So it asks the other managers
// (KV.Status, over mTLS with its still-valid manager certificate) until one that knows a leader
// reports a membership without it. A restarted manager asks the same way whether its cluster still
// has it (removedByLeader).

import * as grpc from '@grpc/grpc-js';
import { KVService } from '@clusterctl/proto';
import type { clusterctl } from '@clusterctl/proto';
import { managerChannelCredentials, NODE_CHANNEL_OPTIONS } from '@clusterctl/ca';

const KvClient = grpc.makeGenericClientConstructor(KVService as unknown as grpc.ServiceDefinition, 'KV');
type StatusFn = (
  req: clusterctl.kv.IStatusRequest,
  md: grpc.Metadata,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, r?: clusterctl.kv.StatusResponse) => void,
) => void;

/** KV.Status of the manager at `addr` (mutual TLS with this manager's certificate); undefined if it does not answer in time. */
export async function managerStatusAt(
  addr: string,
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
  timeoutMs = 2000,
): Promise<clusterctl.kv.StatusResponse | undefined> {
  const c = new KvClient(
    addr,
    managerChannelCredentials(tls, clusterId),
    NODE_CHANNEL_OPTIONS,
  ) as unknown as grpc.Client & { status: StatusFn };
  try {
    return await new Promise<clusterctl.kv.StatusResponse | undefined>((resolve) =>
      c.status({}, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (e, r) => resolve(e ? undefined : r)),
    );
  } finally {
    c.close();
  }
}

/** Whether the manager at `addr` reports (with a known leader) a raft membership without `raftId`; undefined if it cannot tell. */
export async function memberGoneAccordingTo(
  addr: string,
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
  raftId: number,
  timeoutMs = 2000,
): Promise<boolean | undefined> {
  const st = await managerStatusAt(addr, tls, clusterId, timeoutMs);
  if (st === undefined || Number(st.leader) === 0) return undefined;
  const members = [...st.voters, ...st.learners].map(Number);
  return !members.includes(raftId);
}

/**
 * A restarted manager's check that its cluster still has it: the address of a manager that leads
 * (its own id is the leader) a membership without `raftId`, if one answers. That is a manager left
 * behind by `init --force-new-cluster` or a restore elsewhere (or removed while it was down): it
 * must not run on with its old membership, where it could form a second cluster with the others
 * left behind. Only a leader's answer counts (a lagging follower may not have applied a recent add).
 */
export async function removedByLeader(
  addrs: string[],
  tls: { caPem: string; certPem: string; keyPem: string },
  clusterId: string,
  raftId: number,
  timeoutMs = 2000,
): Promise<string | undefined> {
  const answers = await Promise.all(
    addrs.map(async (addr) => ({ addr, st: await managerStatusAt(addr, tls, clusterId, timeoutMs) })),
  );
  for (const { addr, st } of answers) {
    if (st === undefined || Number(st.leader) === 0 || Number(st.leader) !== Number(st.id)) continue;
    if (![...st.voters, ...st.learners].map(Number).includes(raftId)) return addr;
  }
  return undefined;
}
