// Randomized fault test: concurrent clients on random managers while a nemesis isolates, heals,
// restarts managers and moves leadership. Afterwards every manager holds the same sequence, every
// acknowledged proposal appears exactly once, and nothing appears twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError } from '@clusterctl/common';
import { prng, seedNote, testSeed, waitFor } from '@clusterctl/common/testing';
import { TestCluster } from './testing/test-cluster.js';

test('chaos: partitions, restarts and leader transfers under concurrent proposals', async (t) => {
  const seed = testSeed(1);
  t.diagnostic(seedNote(seed));
  const rnd = prng(seed);
  const ids = [1, 2, 3];
  const c = await TestCluster.bootstrap(ids, {
    snapshotEveryEntries: 60,
    keepEntries: 10,
    retryAfterMs: 200,
    noLeaderTimeoutMs: 2_000,
  });
  const acked = new Set<string>();
  const failed = new Set<string>();
  let stopClients = false;
  const down = new Set<number>();
  const staleReads: string[] = [];
  let reads = 0;
  try {
    await c.waitLeader();
    const client = async (k: number): Promise<void> => {
      for (let n = 0; !stopClients; n++) {
        const v = `c${k}-${n}`;
        const running = ids.filter((id) => !down.has(id) && c.nodes.has(id));
        const node = c.nodes.get(running[Math.floor(rnd() * running.length)]!);
        if (node === undefined) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        try {
          await node.propose(Buffer.from(v), { timeoutMs: 3_000 });
          acked.add(v);
          if (rnd() < 0.3) {
            // A linearizable read anywhere after the write completed must observe it.
            const readerId = running[Math.floor(rnd() * running.length)]!;
            const reader = c.nodes.get(readerId);
            const sm = c.sms.get(readerId);
            if (reader !== undefined && sm !== undefined) {
              const ok = await reader.readBarrier({ timeoutMs: 2_000 }).then(
                () => true,
                () => false,
              );
              if (ok) {
                reads++;
                if (!sm.items.includes(v)) staleReads.push(`${v} not visible on ${readerId} after readBarrier`);
              }
            }
          }
        } catch (err) {
          if (!(err instanceof ClusterError)) throw err;
          failed.add(v);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const clients = [0, 1, 2, 3].map((k) => client(k));
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 150 + Math.floor(rnd() * 250)));
      const roll = rnd();
      const victim = ids[Math.floor(rnd() * ids.length)]!;
      if (roll < 0.3) {
        c.network.isolate(victim, ids);
      } else if (roll < 0.55) {
        c.network.heal();
      } else if (roll < 0.8) {
        if (down.size === 0) {
          down.add(victim);
          if (rnd() < 0.5) await c.crash(victim);
          else await c.stop(victim);
        } else {
          const back = [...down][0]!;
          await c.start(back);
          down.delete(back);
        }
      } else {
        const leader = [...c.nodes.values()].find((n) => n.isLeader());
        const target = ids.find((id) => id !== leader?.id && !down.has(id));
        if (leader !== undefined && target !== undefined)
          await leader.transferLeadership(target, { timeoutMs: 1_000 }).catch(() => undefined);
      }
    }
    stopClients = true;
    await Promise.all(clients);
    c.network.heal();
    for (const id of down) await c.start(id);
    down.clear();
    const leader = await c.waitLeader(15_000);
    const r = (await leader.propose(Buffer.from('final'))) as { index: number };
    await c.waitApplied(r.index, 15_000);
    await waitFor('final everywhere', () => ids.every((id) => c.sm(id).items.at(-1) === 'final'));

    const reference = c.sm(leader.id).items;
    for (const id of ids) assert.deepEqual(c.sm(id).items, reference, `manager ${id} diverged`);
    const counts = new Map<string, number>();
    for (const v of reference) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, n] of counts) assert.equal(n, 1, `${v} applied ${n} times`);
    for (const v of acked) assert.equal(counts.get(v), 1, `acknowledged ${v} missing`);
    assert.deepEqual(staleReads, []);
    t.diagnostic(
      `reads ${reads}, acked ${acked.size}, failed ${failed.size} (of which applied: ${[...failed].filter((v) => counts.has(v)).length}), log ${reference.length}`,
    );
    assert.ok(acked.size > 50, `too little progress: ${acked.size} acknowledged`);
  } finally {
    stopClients = true;
    await c.destroy();
  }
});
