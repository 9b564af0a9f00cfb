// System test: the KV API of 3 real manager processes is linearizable across a leader crash.
// Writer and reader clients hit random live managers (followers forward writes and serve
// linearizable reads through ReadIndex) on a few shared keys; the leader is SIGKILLed mid-run and
// restarted later. The recorded history (invoke/return times, outcomes; a failed put counts as
// indeterminate) is checked with the WGL linearizability checker of the raft simulator.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startProcessCluster } from '@clusterctl/bench/process-cluster';
import { checkKvHistory, describeOperation } from '@clusterctl/raft/sim/linearizability';
import { HistoryClients } from './kv-history.js';

test('raft over real processes: KV history across a leader SIGKILL is linearizable', { timeout: 90_000 }, async (t) => {
  const cluster = await startProcessCluster({ size: 3 });
  try {
    await cluster.waitForLeader(15_000);
    const clients = new HistoryClients(cluster, { writers: 3, readers: 3, keys: 4, deadlineMs: 2000, backoffMs: 50 });
    try {
      await clients.morePuts(100, 'puts before the kill');
      const victim = await cluster.waitForLeader(10_000);
      await victim.kill('SIGKILL');
      await cluster.waitForLeader(15_000, { exclude: [victim.id] });
      await clients.morePuts(100, 'puts after the kill');
      await victim.restart();
      await clients.morePuts(100, 'puts after the restart');
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
    assert.ok(clients.readsOk > 50, `only ${clients.readsOk} reads succeeded`);
  } finally {
    await cluster.stop();
  }
});
