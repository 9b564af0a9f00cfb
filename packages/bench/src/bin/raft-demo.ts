#!/usr/bin/env node
// `npm run demo:raft`: the managers' consensus layer on its own. Starts 3 benchmark KV node
// processes (kv-node.ts: raft + store + KV) on loopback (mutual TLS, LevelDB with fsync), writes
// through the replicated store, SIGKILLs the leader while writes continue, shows the new leader and
// how long the cluster had no leader, restarts the dead node and checks every acknowledged write on
// all three. The whole orchestrator is `npm run demo` (the docker-in-docker lab).

import { performance } from 'node:perf_hooks';
import { sleep } from '@clusterctl/common/testing';
import { startProcessCluster, type ProcessCluster } from '../process-cluster/process-cluster.js';

const say = (msg: string): void => console.log(msg);
const enc = new TextEncoder();
const dec = new TextDecoder();

async function table(cluster: ProcessCluster): Promise<void> {
  const statuses = await cluster.statuses();
  say('  ID  ADDRESS            ROLE        TERM  COMMIT  APPLIED');
  for (const n of cluster.nodes) {
    const s = statuses.get(n.id);
    if (s === undefined) say(`  ${String(n.id).padEnd(3)} ${n.addr.padEnd(18)} (down)`);
    else
      say(
        `  ${String(n.id).padEnd(3)} ${n.addr.padEnd(18)} ${s.role.padEnd(11)} ${String(s.term).padEnd(5)} ${String(s.commit).padEnd(7)} ${s.applied}`,
      );
  }
}

async function main(): Promise<void> {
  say('clusterctl demo: a 3-manager Raft cluster (real processes, gRPC over mutual TLS, LevelDB, fsync on)\n');
  say('[1/6] starting 3 raft KV node processes on 127.0.0.1 ...');
  const cluster = await startProcessCluster({ size: 3 });
  let ok = false;
  try {
    const leader = await cluster.waitForLeader(15_000);
    say(`      leader elected: manager ${leader.id}`);
    await table(cluster);

    say('\n[2/6] writing 200 keys through the replicated store (acknowledged = fsynced on a majority) ...');
    const acked = new Map<string, string>();
    let client = await cluster.leaderClient(10_000);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const key = `demo/key-${i}`;
        const value = `v1-${i}`;
        await client.put(key, enc.encode(value));
        acked.set(key, value);
      }),
    );
    say(`      200 writes acknowledged in ${(performance.now() - t0).toFixed(0)} ms`);

    say(`\n[3/6] SIGKILL the leader (manager ${leader.id}) while 4 writers keep writing ...`);
    let stop = false;
    let during = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      let i = 0;
      while (!stop) {
        const key = `demo/live-${w}-${i % 20}`;
        const value = `w${w}-${i}`;
        try {
          await client.put(key, enc.encode(value), 1000);
          acked.set(key, value);
          during++;
          i++;
        } catch {
          // No leader, or our leader died: find the new one and carry on (the write's outcome is unknown).
          try {
            client = await cluster.leaderClient(10_000);
          } catch {
            await sleep(50);
          }
        }
      }
    });
    await sleep(300);
    const killedAt = performance.now();
    await leader.kill('SIGKILL');
    const next = await cluster.waitForLeader(15_000, { exclude: [leader.id] });
    const electedMs = performance.now() - killedAt;
    const before = during;
    while (during < before + 100) await sleep(20);
    const writingAgainMs = performance.now() - killedAt;
    say(`      new leader: manager ${next.id}, elected ${electedMs.toFixed(0)} ms after the kill;`);
    say(`      writes flowing again (100 more acknowledged) ${writingAgainMs.toFixed(0)} ms after the kill`);
    stop = true;
    await Promise.all(writers);
    await table(cluster);

    say(`\n[4/6] restarting manager ${leader.id} from its data dir ...`);
    await leader.restart();
    const target = (await cluster.client(next.id).status()).commit;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const s = (await cluster.statuses()).get(leader.id);
      if (s !== undefined && s.applied >= target) break;
      if (Date.now() > deadline) {
        throw new Error(
          `manager ${leader.id} did not catch up to index ${target} within 20 s (status: ${JSON.stringify(s)}); its log: ${cluster.logTail(leader.id, 2000)}`,
        );
      }
      await sleep(50);
    }
    say(`      manager ${leader.id} caught up to index ${target}`);
    await table(cluster);

    say(`\n[5/6] checking all ${acked.size} acknowledged keys on all 3 managers (local reads) ...`);
    let missing = 0;
    for (const n of cluster.nodes) {
      const c = cluster.client(n.id);
      for (const [key, value] of acked) {
        const got = await c.get(key, { serializable: true });
        // A later write whose acknowledgement was lost in the kill may have overwritten the value.
        if (!got.found || (dec.decode(got.value) !== value && !key.startsWith('demo/live-'))) missing++;
      }
    }
    say(
      missing === 0
        ? '      every acknowledged write is present on every manager'
        : `      ${missing} acknowledged writes MISSING`,
    );
    ok = missing === 0;
    say('\n[6/6] stopping the managers and removing their data dirs');
  } finally {
    await cluster.stop();
  }
  say(ok ? '\ndemo: OK' : '\ndemo: FAILED');
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
