// System test: 3 real manager processes on loopback (gRPC + mTLS, LevelDB, fsync on). Several
// clients write continuously and record every ACKNOWLEDGED write; the leader is SIGKILLed in the
// middle; a new leader must be elected and acknowledged writes must keep coming; the dead manager
// is restarted; then every acknowledged write must be present, with its last acknowledged value,
// on all three managers (serializable reads from each after it caught up, and linearizable reads).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Testkit from '../packages/manager/src/testkit/process-cluster.js';

const managerBin = fileURLToPath(new URL('../../packages/manager/dist/bin/manager.js', import.meta.url));
const testkitPath = new URL('../../packages/manager/dist/testkit/process-cluster.js', import.meta.url).href;

const WRITERS = 4;
const KEYS_PER_WRITER = 16;
const ACKS_BEFORE_KILL = 150;
const ACKS_AFTER_KILL = 150;
const ACKS_AFTER_RESTART = 100;
const PUT_DEADLINE_MS = 2000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Per key: the last acknowledged value, plus values written after it whose outcome is unknown. */
interface KeyHistory {
  lastAcked: string | undefined;
  uncertainSince: Set<string>;
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined, detail: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${detail()}`);
    await sleep(50);
  }
}

test(
  'raft over real processes: leader SIGKILLed under write load, no acknowledged write lost',
  { skip: existsSync(managerBin) ? false : `manager entry point not built (${managerBin})`, timeout: 90_000 },
  async (t) => {
    const { startProcessCluster } = (await import(testkitPath)) as typeof Testkit;
    const cluster = await startProcessCluster({ size: 3 });
    const decoder = new TextDecoder();
    try {
      const first = await cluster.waitForLeader(15_000);
      let leaderHint = first.id;
      const history = new Map<string, KeyHistory>();
      let acked = 0;
      let failed = 0;
      let stopped = false;
      let refreshing: Promise<void> | undefined;

      // Followers may reject or forward writes; writers follow the leader the cluster agrees on.
      const refreshLeader = (): Promise<void> => {
        refreshing ??= cluster
          .waitForLeader(15_000)
          .then((n) => {
            leaderHint = n.id;
          })
          .catch(() => sleep(100))
          .finally(() => {
            refreshing = undefined;
          });
        return refreshing;
      };

      const writer = async (w: number): Promise<void> => {
        for (let seq = 0; !stopped; seq++) {
          const key = `sys/w${w}/k${seq % KEYS_PER_WRITER}`;
          const value = `w${w}-${seq}`;
          let h = history.get(key);
          if (h === undefined) {
            h = { lastAcked: undefined, uncertainSince: new Set() };
            history.set(key, h);
          }
          try {
            await cluster.client(leaderHint).put(key, new TextEncoder().encode(value), PUT_DEADLINE_MS);
            h.lastAcked = value;
            h.uncertainSince.clear();
            acked++;
          } catch {
            // Unknown outcome: the write may or may not have been committed.
            h.uncertainSince.add(value);
            failed++;
            await refreshLeader();
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      const writersDone = Promise.all(writers);

      try {
        await waitFor('acknowledged writes before the kill', 20_000, () => (acked >= ACKS_BEFORE_KILL ? true : undefined), () => `acked=${acked} failed=${failed}`);

        // Kill the leader in the middle of the writes.
        const victim = await cluster.waitForLeader(10_000);
        const ackedAtKill = acked;
        const killedAt = Date.now();
        await victim.kill('SIGKILL');
        assert.equal(victim.alive(), false);

        const successor = await cluster.waitForLeader(15_000, { exclude: [victim.id] });
        const electedMs = Date.now() - killedAt;
        assert.notEqual(successor.id, victim.id);
        leaderHint = successor.id;
        await waitFor('acknowledged writes after the leader was killed', 20_000, () => (acked >= ackedAtKill + ACKS_AFTER_KILL ? true : undefined), () => `acked=${acked} (at kill ${ackedAtKill}) failed=${failed}`);
        const resumedMs = Date.now() - killedAt;

        // Bring the dead manager back; writes go on meanwhile.
        await victim.restart();
        const ackedAtRestart = acked;
        await waitFor('acknowledged writes after the restart', 20_000, () => (acked >= ackedAtRestart + ACKS_AFTER_RESTART ? true : undefined), () => `acked=${acked} failed=${failed}`);
        t.diagnostic(`killed leader n${victim.id}; new leader n${successor.id} seen after ${electedMs} ms; ${ACKS_AFTER_KILL} more acks ${resumedMs} ms after the kill; acked=${acked} failed=${failed}`);
      } finally {
        stopped = true;
        await writersDone;
      }

      // Everyone catches up to the leader's commit index (taken after the writes stopped).
      const leader = await cluster.waitForLeader(15_000);
      const leaderStatus = await cluster.client(leader.id).status();
      await waitFor(
        'all three managers to apply the leader\'s commit index',
        20_000,
        async () => {
          const st = await cluster.statuses();
          if (st.size < 3) return undefined;
          return [...st.values()].every((s) => s.applied >= leaderStatus.commit) ? true : undefined;
        },
        () => cluster.nodes.map((n) => `n${n.id} alive=${n.alive()}`).join(' '),
      );

      const problems: string[] = [];
      const check = (where: string, key: string, h: KeyHistory, got: { found: boolean; value: Uint8Array }): void => {
        const value = got.found ? decoder.decode(got.value) : undefined;
        if (h.lastAcked === undefined) {
          // Never acknowledged: absent, or one of the attempted values.
          if (value !== undefined && !h.uncertainSince.has(value)) problems.push(`${where} ${key}: unexpected ${value}`);
          return;
        }
        if (value === h.lastAcked || (value !== undefined && h.uncertainSince.has(value))) return;
        problems.push(`${where} ${key}: expected ${h.lastAcked}${h.uncertainSince.size > 0 ? ` (or one of ${[...h.uncertainSince].join(',')})` : ''}, got ${value ?? 'nothing'}`);
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
    } finally {
      await cluster.stop();
    }
  },
);
