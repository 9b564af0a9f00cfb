// Throughput of the raft core alone: a 3-node in-memory cluster (testing/network.ts, every message
// delivered and every Ready persisted to MemoryStorage and applied), proposals in batches.
// Usage: node packages/raft/dist/bench/core-bench.js [entries] [payloadBytes] [batch] [each|batch]
// Prints one JSON line. This is a CLI edge: writing to stdout is its job.
import { Network } from '../testing/network.js';

const total = Number(process.argv[2] ?? 100_000);
const payload = Number(process.argv[3] ?? 100);
const batch = Number(process.argv[4] ?? 64);
/** 'each': one propose() per entry; 'batch': one proposeBatch() per batch. */
const mode = process.argv[5] ?? 'each';

const net = Network.create([1, 2, 3], {
  preVote: true,
  checkQuorum: true,
  maxSizePerMsg: 1 << 20,
  maxInflightMsgs: 256,
});
net.campaign(1);
const leader = net.node(1);
const data = new Uint8Array(payload).fill(97);
const t0 = process.hrtime.bigint();
for (let done = 0; done < total;) {
  const n = Math.min(batch, total - done);
  if (mode === 'batch') leader.raw.proposeBatch(Array.from({ length: n }, () => data));
  else for (let i = 0; i < n; i++) leader.raw.propose(data);
  net.flush(1);
  done += n;
  // Keep the in-memory logs small, as a driver that snapshots would.
  if (leader.appliedIndex - leader.storage.firstIndex() > 20_000) {
    for (const node of net.nodes.values()) {
      node.applied.length = 0;
      node.committed.length = 0;
      node.compact();
    }
  }
  net.sent.length = 0;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const applied = [...net.nodes.values()].map((n) => n.appliedIndex);
process.stdout.write(
  JSON.stringify({
    entries: total,
    payloadBytes: payload,
    batch,
    mode,
    ms: Math.round(ms),
    entriesPerSec: Math.round((total / ms) * 1000),
    appliedIndex: applied,
  }) + '\n',
);
