// System test: the leader is cut off from both followers (all its manager-to-manager links go
// down through the test kit's proxies; clients still reach every manager). The majority side must
// elect a new leader and keep acknowledging writes; the old leader must not serve stale
// linearizable reads or acknowledge writes on its own. After the partition heals, the whole
// history (clients on random managers, a failed put = indeterminate) must be linearizable and
// every manager must hold the same state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '@clusterctl/common/testing';
import { startProcessCluster } from '@clusterctl/bench/process-cluster';
import { checkKvHistory, describeOperation } from '@clusterctl/raft/sim/linearizability';
import { HistoryClients } from './kv-history.js';

test(
  'raft over real processes: leader partitioned from the followers, then healed: linearizable, no split brain',
  { timeout: 90_000 },
  async (t) => {
    const cluster = await startProcessCluster({ size: 3, proxied: true });
    try {
      await cluster.waitForLeader(15_000);
      const clients = new HistoryClients(cluster, {
        writers: 4,
        readers: 3,
        keys: 4,
        deadlineMs: 1000,
        backoffMs: 100,
      });
      let oldLeader = 0;
      let newLeader = 0;
      try {
        await clients.morePuts(100, 'puts before the partition');
        oldLeader = (await cluster.waitForLeader(10_000)).id;
        const cutAt = Date.now();
        cluster.isolate(oldLeader);

        // The majority elects a leader of its own...
        const elected = await waitFor(
          'a new leader on the majority side',
          async () => [...(await cluster.statuses()).values()].filter((st) => st.id !== oldLeader),
          {
            until: (majority) => {
              const lead = majority[0]?.leader ?? 0;
              return (
                majority.length === 2 && lead !== 0 && lead !== oldLeader && majority.every((st) => st.leader === lead)
              );
            },
            timeoutMs: 15_000,
            intervalMs: 50,
          },
        );
        newLeader = elected[0]!.leader;
        const electedMs = Date.now() - cutAt;
        // CheckQuorum: the isolated leader steps down.
        await waitFor(
          `the isolated leader n${oldLeader} to step down`,
          async () => (await cluster.statuses()).get(oldLeader),
          {
            until: (st) => st !== undefined && st.role !== 'leader',
            timeoutMs: 10_000,
            intervalMs: 50,
          },
        );
        const steppedDownMs = Date.now() - cutAt;
        // The majority keeps acknowledging writes while the old leader is cut off.
        await clients.morePuts(30, 'puts during the partition');

        cluster.heal();
        await clients.morePuts(100, 'puts after healing');
        t.diagnostic(
          `isolated leader n${oldLeader}; majority elected n${newLeader} after ${electedMs} ms; old leader stepped down after ${steppedDownMs} ms`,
        );
      } finally {
        await clients.stop();
      }

      const result = checkKvHistory(clients.ops);
      t.diagnostic(`${clients.summary()}: ${result.kind}`);
      if (result.kind === 'illegal') {
        assert.fail(
          `not linearizable on ${result.key}: ${result.description}\n${result.operations.map(describeOperation).join('\n')}`,
        );
      }
      assert.equal(result.kind, 'ok', JSON.stringify(result));

      // After healing every manager converges on the same values (serializable reads once caught up).
      const leader = await cluster.waitForLeader(15_000);
      const commit = (await cluster.client(leader.id).status()).commit;
      await waitFor(
        `every manager to apply the commit index ${commit}`,
        async () => [...(await cluster.statuses()).values()],
        {
          until: (st) => st.length === 3 && st.every((x) => x.applied >= commit),
          timeoutMs: 20_000,
          intervalMs: 50,
        },
      );
      const dec = new TextDecoder();
      for (let k = 0; k < 4; k++) {
        const key = `lin/k${k}`;
        const values = await Promise.all(
          cluster.nodes.map(async (n) => {
            const r = await cluster.client(n.id).get(key, { serializable: true });
            return r.found ? dec.decode(r.value) : undefined;
          }),
        );
        assert.ok(
          values.every((v) => v === values[0]),
          `${key} differs between managers: ${JSON.stringify(values)}`,
        );
      }
    } finally {
      await cluster.stop();
    }
  },
);
