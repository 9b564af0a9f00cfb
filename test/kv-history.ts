// Shared by the system tests: KV clients that write and read (linearizably) through random live
// managers and record a history for the WGL linearizability checker of the raft simulator.

import { performance } from 'node:perf_hooks';
import { sleep } from '@clusterctl/common/testing';
import type { ProcessCluster, ProcessNode } from '@clusterctl/bench/process-cluster';
import type { KvOperation } from '@clusterctl/raft/sim/linearizability';

export interface HistoryClientsConfig {
  writers: number;
  readers: number;
  keys: number;
  deadlineMs: number;
  /** Pause after a failed call. */
  backoffMs: number;
}

export class HistoryClients {
  readonly ops: KvOperation[] = [];
  putsAcked = 0;
  readsOk = 0;
  failures = 0;
  private nextOpId = 1;
  private nextClientId = 1;
  private stopped = false;
  private readonly done: Promise<void[]>;
  private readonly enc = new TextEncoder();
  private readonly dec = new TextDecoder();

  constructor(
    private readonly cluster: ProcessCluster,
    private readonly cfg: HistoryClientsConfig,
  ) {
    const all: Promise<void>[] = [];
    for (let i = 0; i < cfg.writers; i++) all.push(this.client('put'));
    for (let i = 0; i < cfg.readers; i++) all.push(this.client('get'));
    this.done = Promise.all(all);
  }

  private pickNode(): ProcessNode | undefined {
    const alive = this.cluster.nodes.filter((n) => n.alive());
    return alive[Math.floor(Math.random() * alive.length)];
  }

  private async client(role: 'put' | 'get'): Promise<void> {
    let clientId = this.nextClientId++;
    for (let seq = 0; !this.stopped; seq++) {
      const node = this.pickNode();
      if (node === undefined) {
        await sleep(20);
        continue;
      }
      const key = `lin/k${Math.floor(Math.random() * this.cfg.keys)}`;
      const invokeTime = performance.now();
      if (role === 'put') {
        const value = `c${clientId}-${seq}`;
        const op: KvOperation = { id: this.nextOpId++, clientId, input: { kind: 'put', key, value }, invokeTime };
        this.ops.push(op);
        try {
          await this.cluster.client(node.id).put(key, this.enc.encode(value), this.cfg.deadlineMs);
          op.output = { kind: 'put' };
          op.returnTime = performance.now();
          this.putsAcked++;
        } catch {
          // Indeterminate: stays pending in the history; this client continues under a new id.
          this.failures++;
          clientId = this.nextClientId++;
          await sleep(this.cfg.backoffMs);
        }
      } else {
        try {
          const r = await this.cluster
            .client(node.id)
            .get(key, { serializable: false, deadlineMs: this.cfg.deadlineMs });
          const returnTime = performance.now();
          this.ops.push({
            id: this.nextOpId++,
            clientId,
            input: { kind: 'get', key },
            output: { kind: 'get', value: r.found ? this.dec.decode(r.value) : undefined },
            invokeTime,
            returnTime,
          });
          this.readsOk++;
        } catch {
          // A failed read has no effect: leave it out.
          this.failures++;
          await sleep(this.cfg.backoffMs);
        }
      }
    }
  }

  /** Resolves once `n` more puts than now were acknowledged. */
  async morePuts(n: number, what: string, timeoutMs = 20_000): Promise<void> {
    const target = this.putsAcked + n;
    const deadline = Date.now() + timeoutMs;
    while (this.putsAcked < target) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: acked ${this.putsAcked}/${target}, failures ${this.failures}`);
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  summary(): string {
    return `${this.ops.length} operations (${this.putsAcked} puts acknowledged, ${this.readsOk} linearizable reads, ${this.failures} failed)`;
  }
}
