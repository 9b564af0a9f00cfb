// System test: the KV API of 3 real manager processes is linearizable across a leader crash.
// Writer and reader clients hit random live managers (followers forward writes and serve
// linearizable reads through ReadIndex) on a few shared keys; the leader is SIGKILLed mid-run and
// restarted later. The recorded history (invoke/return times, outcomes; a failed put counts as
// indeterminate) is checked with the WGL linearizability checker of the raft simulator.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type * as Testkit from '../packages/manager/src/testkit/process-cluster.js';
import type * as Lin from '../packages/raft/src/sim/linearizability.js';

const managerBin = fileURLToPath(new URL('../../packages/manager/dist/bin/manager.js', import.meta.url));
const testkitPath = new URL('../../packages/manager/dist/testkit/process-cluster.js', import.meta.url).href;
const checkerPath = new URL('../../packages/raft/dist/sim/linearizability.js', import.meta.url).href;
const skip = existsSync(managerBin) ? false : `manager entry point not built (${managerBin})`;

const KEYS = 4;
const WRITERS = 3;
const READERS = 3;
const DEADLINE_MS = 2000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('raft over real processes: KV history across a leader SIGKILL is linearizable', { skip, timeout: 90_000 }, async (t) => {
  const { startProcessCluster } = (await import(testkitPath)) as typeof Testkit;
  const { checkKvHistory, describeOperation } = (await import(checkerPath)) as typeof Lin;
  const cluster = await startProcessCluster({ size: 3 });
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const ops: Lin.KvOperation[] = [];
  let nextOpId = 1;
  let nextClientId = 1;
  let stopped = false;
  let putsAcked = 0;
  let readsOk = 0;
  let failures = 0;

  const pickNode = (): Testkit.ProcessNode | undefined => {
    const alive = cluster.nodes.filter((n) => n.alive());
    return alive[Math.floor(Math.random() * alive.length)];
  };

  const client = async (role: 'put' | 'get'): Promise<void> => {
    let clientId = nextClientId++;
    for (let seq = 0; !stopped; seq++) {
      const node = pickNode();
      if (node === undefined) {
        await sleep(20);
        continue;
      }
      const key = `lin/k${Math.floor(Math.random() * KEYS)}`;
      const invokeTime = performance.now();
      if (role === 'put') {
        const value = `c${clientId}-${seq}`;
        const op: Lin.KvOperation = { id: nextOpId++, clientId, input: { kind: 'put', key, value }, invokeTime };
        ops.push(op);
        try {
          await cluster.client(node.id).put(key, enc.encode(value), DEADLINE_MS);
          op.output = { kind: 'put' };
          op.returnTime = performance.now();
          putsAcked++;
        } catch {
          // Indeterminate: stays pending in the history; this client continues under a new id.
          failures++;
          clientId = nextClientId++;
          await sleep(50);
        }
      } else {
        try {
          const r = await cluster.client(node.id).get(key, { serializable: false, deadlineMs: DEADLINE_MS });
          const returnTime = performance.now();
          ops.push({ id: nextOpId++, clientId, input: { kind: 'get', key }, output: { kind: 'get', value: r.found ? dec.decode(r.value) : undefined }, invokeTime, returnTime });
          readsOk++;
        } catch {
          // A failed read has no effect: leave it out.
          failures++;
          await sleep(50);
        }
      }
    }
  };

  try {
    await cluster.waitForLeader(15_000);
    const clients = [...Array.from({ length: WRITERS }, () => client('put')), ...Array.from({ length: READERS }, () => client('get'))];
    const done = Promise.all(clients);
    const waitAcks = async (n: number, what: string): Promise<void> => {
      const target = putsAcked + n;
      const deadline = Date.now() + 20_000;
      while (putsAcked < target) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: acked ${putsAcked}/${target}, failures ${failures}`);
        await sleep(50);
      }
    };
    try {
      await waitAcks(100, 'puts before the kill');
      const victim = await cluster.waitForLeader(10_000);
      await victim.kill('SIGKILL');
      await cluster.waitForLeader(15_000, { exclude: [victim.id] });
      await waitAcks(100, 'puts after the kill');
      await victim.restart();
      await waitAcks(100, 'puts after the restart');
    } finally {
      stopped = true;
      await done;
    }

    const result = checkKvHistory(ops);
    t.diagnostic(`${ops.length} operations (${putsAcked} puts acknowledged, ${readsOk} linearizable reads, ${failures} failed): ${result.kind}`);
    if (result.kind === 'illegal') {
      assert.fail(`not linearizable on ${result.key}: ${result.description}\n${result.operations.map(describeOperation).join('\n')}`);
    }
    assert.equal(result.kind, 'ok', JSON.stringify(result));
    assert.ok(readsOk > 50, `only ${readsOk} reads succeeded`);
  } finally {
    await cluster.stop();
  }
});
