// Bench: end-to-end RaftNode.propose() on 3 in-process managers (LocalNetwork, real LevelDB, fsync
// on), for 1 and 256 proposals in flight. Reports proposals/s, latency and fsynced batches.
// Run: node packages/bench/dist/raft-node/driver-bench.js [--seconds 3] [--bytes 100]

import { parseArgs } from 'node:util';
import { TestCluster } from '@clusterctl/raft-node/testing';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, bytes: { type: 'string', default: '100' } },
});
const seconds = Number(values.seconds);
const payload = Buffer.alloc(Number(values.bytes), 7);

const c = await TestCluster.bootstrap([1, 2, 3], { tickMs: 100, electionTick: 10, retryAfterMs: 1_000 }); // production timings
try {
  const leader = await c.waitLeader(20_000);
  const follower = c.followers()[0]!;
  for (const [name, node] of [
    ['leader', leader],
    ['follower', follower],
  ] as const) {
    for (const inFlight of [1, 256]) {
      const lat: number[] = [];
      const synced0 = leader.storage.stats.syncedBatches;
      const deadline = performance.now() + seconds * 1000;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (performance.now() < deadline) {
            const s = performance.now();
            await node.propose(payload);
            lat.push(performance.now() - s);
          }
        }),
      );
      const elapsedS = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      lat.sort((a, b) => a - b);
      process.stdout.write(
        `${JSON.stringify({
          via: name,
          inFlight,
          proposals: lat.length,
          perS: Math.round(lat.length / elapsedS),
          p50Ms: +lat[Math.floor(lat.length / 2)]!.toFixed(2),
          p99Ms: +lat[Math.floor(lat.length * 0.99)]!.toFixed(2),
          leaderSyncedBatches: leader.storage.stats.syncedBatches - synced0,
          retries: node.status().proposalRetries,
          cpuPct: Math.round(((cpu.user + cpu.system) / 1e6 / elapsedS) * 100),
        })}\n`,
      );
    }
  }
} finally {
  await c.destroy();
}
