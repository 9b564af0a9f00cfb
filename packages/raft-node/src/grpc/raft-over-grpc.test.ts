// The raft driver (RaftNode) over the real gRPC transport: election, replication, a follower that
// restarts far behind and is caught up by a snapshot sent on the SendSnapshot stream.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@clusterctl/common';
import type { Message, NodeId, SnapshotStatus } from '@clusterctl/raft';
import { waitFor } from '@clusterctl/common/testing';
import { RaftNode } from '../raft-node.js';
import { ListStateMachine } from '../testing/test-cluster.js';
import { GrpcRaftTransport } from './grpc-transport.js';
import { makeTestPki, unusedPort, type TestPki } from '../testing/grpc-fixtures.js';

interface Member {
  node: RaftNode | undefined;
  transport: GrpcRaftTransport;
  sm: ListStateMachine;
}

let root = '';
const members = new Map<NodeId, Member>();

after(async () => {
  for (const m of members.values()) {
    await m.node?.stop();
    await m.transport.stop();
  }
  if (root !== '') await rm(root, { recursive: true, force: true });
});

async function startMember(
  pki: TestPki,
  id: NodeId,
  port: number,
  bootstrap: Array<{ id: NodeId; context: Uint8Array }>,
): Promise<Member> {
  const m: Member = {
    node: undefined,
    sm: new ListStateMachine(),
    transport: undefined as unknown as GrpcRaftTransport,
  };
  m.transport = new GrpcRaftTransport({
    nodeId: id,
    clusterId: pki.clusterId,
    listenAddr: `127.0.0.1:${port}`,
    tls: pki.tlsFor(id),
    logger: silentLogger(),
    reconnectBackoffMaxMs: 200,
    handler: {
      step: (msg: Message) => m.node?.step(msg),
      reportUnreachable: (peer: NodeId) => m.node?.reportUnreachable(peer),
      reportSnapshot: (peer: NodeId, status: SnapshotStatus) => m.node?.reportSnapshot(peer, status),
    },
  });
  await m.transport.start();
  m.node = await RaftNode.start(
    {
      id,
      dataDir: join(root, `node-${id}`),
      stateMachine: m.sm,
      transport: m.transport,
      logger: silentLogger(),
      tickMs: 20,
      electionTick: 10,
      retryAfterMs: 300,
      snapshotEveryEntries: 40,
      keepEntries: 5,
    },
    { bootstrap },
  );
  members.set(id, m);
  return m;
}

function leaderOf(ids: NodeId[]): RaftNode | undefined {
  const ls = new Set(ids.map((id) => members.get(id)!.node!.leader()));
  if (ls.size !== 1) return undefined;
  const [lead] = ls;
  const n = lead === undefined ? undefined : members.get(lead)?.node;
  return n?.isLeader() ? n : undefined;
}

test('three RaftNodes over GrpcRaftTransport: elect, replicate, catch a restarted follower up by snapshot', async () => {
  root = await mkdtemp(join(tmpdir(), 'clusterctl-raft-grpc-'));
  const pki = await makeTestPki(3);
  // Ports first, so every member's bootstrap context carries the real addresses.
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) {
    ports.push(await unusedPort());
  }
  const bootstrap = [1, 2, 3].map((id) => ({ id, context: new TextEncoder().encode(`127.0.0.1:${ports[id - 1]}`) }));
  await Promise.all([1, 2, 3].map((id) => startMember(pki, id, ports[id - 1]!, bootstrap)));
  // updatePeers from the driver populated the transports.
  for (const id of [1, 2, 3])
    for (const other of [1, 2, 3]) if (other !== id) assert.ok(members.get(id)!.transport.hasPeer(other));

  let leader: RaftNode | undefined;
  await waitFor('a leader', () => (leader = leaderOf([1, 2, 3])) !== undefined);
  for (let i = 0; i < 30; i++) await leader!.propose(Buffer.from(`a${i}`));
  await waitFor('all apply 30', () => [1, 2, 3].every((id) => members.get(id)!.sm.items.length === 30));

  // Stop a follower, move the log far past its position (compaction every 40 entries).
  const fid = [1, 2, 3].find((id) => !members.get(id)!.node!.isLeader())!;
  const f = members.get(fid)!;
  await f.node!.stop();
  await f.transport.stop();
  members.delete(fid);
  const live = [1, 2, 3].filter((id) => id !== fid);
  await Promise.all(Array.from({ length: 150 }, (_, i) => leader!.propose(Buffer.from(`b${i}`))));
  await waitFor('the two live nodes apply 180', () => live.every((id) => members.get(id)!.sm.items.length === 180));

  // Restart it on the same address: it must be caught up, necessarily by a snapshot.
  const back = await startMember(pki, fid, ports[fid - 1]!, bootstrap);
  await waitFor('restarted follower catches up', () => back.sm.items.length === 180, { timeoutMs: 20_000 });
  assert.ok(back.transport.stats.snapshotsReceived >= 1, 'caught up through a snapshot');
  assert.deepEqual(back.sm.items, members.get(live[0]!)!.sm.items);
  // And it keeps replicating normally afterwards.
  await leader!.propose(Buffer.from('c'));
  await waitFor('replication after the snapshot', () => back.sm.items.length === 181);
});
