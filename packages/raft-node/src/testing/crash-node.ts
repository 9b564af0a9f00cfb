// Test fixture: a child process running a single-manager RaftNode (bootstrap [1]) that proposes
// "v<i>" with 16 in flight and prints "ack <i> <index>" once each proposal resolved. The crash test
// SIGKILLs it mid-stream, then restarts the node on the same directory.

import { LocalNetwork } from './local-network.js';
import { RaftNode } from '../raft-node.js';
import { ListStateMachine } from './test-cluster.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: crash-node <dir>');
const sm = new ListStateMachine();
const network = new LocalNetwork();
const node = await RaftNode.start(
  {
    id: 1,
    dataDir: dir,
    stateMachine: sm,
    transport: network.transport(1),
    tickMs: 10,
    electionTick: 5,
    snapshotEveryEntries: 64,
    keepEntries: 8,
  },
  { bootstrap: [{ id: 1 }] },
);
network.attach(1, node);
// Continue after the highest value already applied (values are unique across incarnations).
let next = sm.items.reduce((max, s) => Math.max(max, Number(s.slice(1)) + 1), 0);
async function worker(): Promise<void> {
  for (;;) {
    const i = next++;
    const r = (await node.propose(Buffer.from(`v${i}`))) as { index: number };
    process.stdout.write(`ack ${i} ${r.index}\n`);
  }
}
await Promise.all(Array.from({ length: 16 }, () => worker()));
