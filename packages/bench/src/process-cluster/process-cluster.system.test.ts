import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startProcessCluster } from './process-cluster.js';

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test(
  'process cluster: one manager process, SIGKILL + restart keeps acknowledged data, stop() leaves nothing behind',
  { timeout: 60_000 },
  async () => {
    const cluster = await startProcessCluster({ size: 1 });
    const pids: number[] = [];
    try {
      const node = cluster.nodes[0];
      assert.ok(node !== undefined);
      pids.push(node.pid);
      const leader = await cluster.waitForLeader(15_000);
      assert.equal(leader.id, 1);
      const api = await cluster.leaderClient();
      const { index } = await api.put('tk/a', Buffer.from('1'));
      assert.ok(index > 0);

      await node.kill('SIGKILL');
      assert.equal(node.alive(), false);
      assert.equal(processExists(pids[0] as number), false);
      await node.restart();
      await assert.rejects(node.restart(), /still running/);
      pids.push(node.pid);

      await cluster.waitForLeader(15_000);
      const got = await cluster.client(1).get('tk/a');
      assert.equal(Buffer.from(got.value).toString(), '1', 'the acknowledged (fsynced) write survived SIGKILL');
      const st = await cluster.client(1).status();
      assert.equal(st.role, 'leader');
      assert.deepEqual(st.voters, [1]);
    } finally {
      await cluster.stop();
    }
    for (const pid of pids) assert.equal(processExists(pid), false, `pid ${pid} still running after stop()`);
    assert.equal(existsSync(cluster.dir), false, 'temporary directory removed');
  },
);
