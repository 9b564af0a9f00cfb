// Test fixture: a child process running a single-manager RaftNode (bootstrap [1]) that proposes
// "r<run>v<i>" with 16 in flight and prints "ack r<run>v<i> <index>" once each proposal resolved.
// The crash test SIGKILLs it mid-stream, then restarts it on the same directory with the next run
// number. Values carry the run so they are unique across incarnations: an entry on disk but not yet
// applied when a run starts (committed only once the restarted node leads) is never proposed again.

import { LocalNetwork } from './local-network.js';
import { RaftNode } from '../raft-node.js';
import { ListStateMachine } from './test-cluster.js';

const dir = process.argv[2];
const run = process.argv[3];
if (dir === undefined || run === undefined) throw new Error('usage: crash-node <dir> <run>');
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
let next = 0;
async function worker(): Promise<void> {
  for (;;) {
    const i = next++;
    const v = `r${run}v${i}`;
    const r = (await node.propose(Buffer.from(v))) as { index: number };
    process.stdout.write(`ack ${v} ${r.index}\n`);
  }
}
await Promise.all(Array.from({ length: 16 }, () => worker()));
