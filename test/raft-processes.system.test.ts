// System tests: 3 real manager processes on loopback (gRPC + mTLS, LevelDB, fsync on). Several
// clients write continuously and record every ACKNOWLEDGED write.
//  1. The leader is SIGKILLed in the middle: a new leader must be elected and acknowledged writes
//     must keep coming; the dead manager is restarted; then every acknowledged write must be
//     present, with its last acknowledged value, on all three managers (serializable reads from
//     each after it caught up, and linearizable reads).
//  2. All three are SIGKILLed at once under load and restarted: nothing acknowledged is lost.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, waitFor } from '@clusterctl/common/testing';
import { startProcessCluster, type ProcessCluster as Cluster } from '@clusterctl/bench/process-cluster';

const WRITERS = 4;
const KEYS_PER_WRITER = 16;
const PUT_DEADLINE_MS = 2000;

/** Per key: the last acknowledged value, plus values written after it whose outcome is unknown. */
interface KeyHistory {
  lastAcked: string | undefined;
  uncertainSince: Set<string>;
}

/** Writers that follow the leader, each writing its own keys in sequence, recording outcomes. */
class Writers {
  readonly history = new Map<string, KeyHistory>();
  acked = 0;
  failed = 0;
  private stopped = false;
  private leaderHint: number;
  private refreshing: Promise<void> | undefined;
  private readonly done: Promise<void[]>;

  constructor(
    private readonly cluster: Cluster,
    leader: number,
  ) {
    this.leaderHint = leader;
    this.done = Promise.all(Array.from({ length: WRITERS }, (_, w) => this.writer(w)));
  }

  private refreshLeader(): Promise<void> {
    this.refreshing ??= this.cluster
      .waitForLeader(15_000)
      .then((n) => {
        this.leaderHint = n.id;
      })
      .catch(() => sleep(100))
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private async writer(w: number): Promise<void> {
    const enc = new TextEncoder();
    for (let seq = 0; !this.stopped; seq++) {
      const key = `sys/w${w}/k${seq % KEYS_PER_WRITER}`;
      const value = `w${w}-${seq}`;
      let h = this.history.get(key);
      if (h === undefined) {
        h = { lastAcked: undefined, uncertainSince: new Set() };
        this.history.set(key, h);
      }
      try {
        await this.cluster.client(this.leaderHint).put(key, enc.encode(value), PUT_DEADLINE_MS);
        h.lastAcked = value;
        h.uncertainSince.clear();
        this.acked++;
      } catch {
        // Unknown outcome: the write may or may not have been committed.
        h.uncertainSince.add(value);
        this.failed++;
        await this.refreshLeader();
      }
    }
  }

  /** Resolves once `n` more writes than now have been acknowledged. */
  async more(what: string, n: number, timeoutMs = 20_000): Promise<void> {
    const target = this.acked + n;
    await waitFor(`${what} (${target} acknowledged)`, () => ({ acked: this.acked, failed: this.failed }), {
      until: (c) => c.acked >= target,
      timeoutMs,
      intervalMs: 50,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }
}

/** Waits until every manager applied the leader's commit index, then reads every key from each. */
async function verifyHistory(cluster: Cluster, history: Map<string, KeyHistory>): Promise<void> {
  const leader = await cluster.waitForLeader(15_000);
  const leaderStatus = await cluster.client(leader.id).status();
  await waitFor(
    `all three managers to apply the leader's commit index ${leaderStatus.commit}`,
    async () => ({
      applied: [...(await cluster.statuses()).values()].map((s) => s.applied),
      alive: cluster.nodes.map((n) => `n${n.id} alive=${n.alive()}`).join(' '),
    }),
    {
      until: (o) => o.applied.length === cluster.nodes.length && o.applied.every((a) => a >= leaderStatus.commit),
      timeoutMs: 20_000,
      intervalMs: 50,
    },
  );

  const decoder = new TextDecoder();
  const problems: string[] = [];
  const check = (where: string, key: string, h: KeyHistory, got: { found: boolean; value: Uint8Array }): void => {
    const value = got.found ? decoder.decode(got.value) : undefined;
    if (h.lastAcked === undefined) {
      // Never acknowledged: absent, or one of the attempted values.
      if (value !== undefined && !h.uncertainSince.has(value)) problems.push(`${where} ${key}: unexpected ${value}`);
      return;
    }
    if (value === h.lastAcked || (value !== undefined && h.uncertainSince.has(value))) return;
    problems.push(
      `${where} ${key}: expected ${h.lastAcked}${h.uncertainSince.size > 0 ? ` (or one of ${[...h.uncertainSince].join(',')})` : ''}, got ${value ?? 'nothing'}`,
    );
  };
  let ackedKeys = 0;
  for (const [key, h] of history) {
    if (h.lastAcked !== undefined) ackedKeys++;
    for (const node of cluster.nodes) {
      const api = cluster.client(node.id);
      check(`n${node.id} serializable`, key, h, await api.get(key, { serializable: true }));
      check(`n${node.id} linearizable`, key, h, await api.get(key, { serializable: false }));
    }
  }
  assert.ok(ackedKeys >= WRITERS * KEYS_PER_WRITER * 0.9, `only ${ackedKeys} keys ever acknowledged`);
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} reads disagree with the acknowledged history`);
}

test(
  'raft over real processes: leader SIGKILLed under write load, no acknowledged write lost',
  { timeout: 90_000 },
  async (t) => {
    const cluster = await startProcessCluster({ size: 3 });
    try {
      const writers = new Writers(cluster, (await cluster.waitForLeader(15_000)).id);
      try {
        await writers.more('acknowledged writes before the kill', 150);

        // Kill the leader in the middle of the writes.
        const victim = await cluster.waitForLeader(10_000);
        const killedAt = Date.now();
        await victim.kill('SIGKILL');
        assert.equal(victim.alive(), false);

        const successor = await cluster.waitForLeader(15_000, { exclude: [victim.id] });
        const electedMs = Date.now() - killedAt;
        assert.notEqual(successor.id, victim.id);
        await writers.more('acknowledged writes after the leader was killed', 150);
        const resumedMs = Date.now() - killedAt;

        // Bring the dead manager back; writes go on meanwhile.
        await victim.restart();
        await writers.more('acknowledged writes after the restart', 100);
        t.diagnostic(
          `killed leader n${victim.id}; new leader n${successor.id} seen after ${electedMs} ms; 150 more acks ${resumedMs} ms after the kill; acked=${writers.acked} failed=${writers.failed}`,
        );
      } finally {
        await writers.stop();
      }
      await verifyHistory(cluster, writers.history);
    } finally {
      await cluster.stop();
    }
  },
);

test(
  'raft over real processes: all managers SIGKILLed at once under write load, then restarted: nothing acknowledged lost',
  { timeout: 90_000 },
  async (t) => {
    const cluster = await startProcessCluster({ size: 3 });
    try {
      const writers = new Writers(cluster, (await cluster.waitForLeader(15_000)).id);
      try {
        await writers.more('acknowledged writes before the crash', 200);
        await Promise.all(cluster.nodes.map((n) => n.kill('SIGKILL')));
      } finally {
        // Writes in flight at the crash end as failures (unknown outcome), which the check allows.
        await writers.stop();
      }
      const ackedBefore = writers.acked;
      for (const n of cluster.nodes) await n.restart();
      const leader = await cluster.waitForLeader(20_000);
      t.diagnostic(`crashed all 3 after ${ackedBefore} acknowledged writes; leader after restart: n${leader.id}`);
      await verifyHistory(cluster, writers.history);
    } finally {
      await cluster.stop();
    }
  },
);
