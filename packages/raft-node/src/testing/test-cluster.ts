// Test helpers: an in-process cluster of RaftNodes over LocalNetwork with real LevelDB in temp dirs.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeId } from '@clusterctl/raft';
import { LocalNetwork } from './local-network.js';
import { RaftNode, type RaftNodeConfig, type StartOptions } from '../raft-node.js';
import type { StateMachine } from '../state-machine.js';
import { waitFor } from '@clusterctl/common/testing';

/** A state machine that records every applied payload as a string, in order. */
export class ListStateMachine implements StateMachine {
  items: string[] = [];
  lastIndex = 0;

  apply(data: Uint8Array, index: number): unknown {
    const s = Buffer.from(data).toString();
    if (s.startsWith('fail:')) throw new Error(`rejected ${s}`);
    this.items.push(s);
    this.lastIndex = index;
    return { index, count: this.items.length };
  }

  snapshot(): Uint8Array {
    return Buffer.from(JSON.stringify({ items: this.items, lastIndex: this.lastIndex }));
  }

  /** snapshot() as of this call, encoded a turn of the event loop later (the driver's deferred path). */
  captureSnapshot(): () => Promise<Uint8Array> {
    const state = { items: [...this.items], lastIndex: this.lastIndex };
    return async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return Buffer.from(JSON.stringify(state));
    };
  }

  restore(data: Uint8Array): void {
    const o = JSON.parse(Buffer.from(data).toString()) as { items: string[]; lastIndex: number };
    this.items = o.items;
    this.lastIndex = o.lastIndex;
  }
}

export class TestCluster {
  readonly network = new LocalNetwork();
  readonly nodes = new Map<NodeId, RaftNode>();
  readonly sms = new Map<NodeId, ListStateMachine>();
  private readonly dirs = new Map<NodeId, string>();
  private root = '';

  constructor(private readonly overrides: Partial<RaftNodeConfig> = {}) {}

  static async bootstrap(ids: NodeId[], overrides: Partial<RaftNodeConfig> = {}): Promise<TestCluster> {
    const c = new TestCluster(overrides);
    c.root = await mkdtemp(join(tmpdir(), 'clusterctl-raftnode-'));
    const peers = ids.map((id) => ({ id, context: Buffer.from(`addr-${id}`) }));
    await Promise.all(ids.map((id) => c.start(id, { bootstrap: peers })));
    return c;
  }

  dir(id: NodeId): string {
    let d = this.dirs.get(id);
    if (d === undefined) {
      d = join(this.root, `node-${id}`);
      this.dirs.set(id, d);
    }
    return d;
  }

  /** Starts (or restarts) node `id` on its data dir with a fresh state machine. */
  async start(id: NodeId, opts: StartOptions = {}, overrides: Partial<RaftNodeConfig> = {}): Promise<RaftNode> {
    const sm = new ListStateMachine();
    const node = await RaftNode.start(
      {
        id,
        dataDir: this.dir(id),
        stateMachine: sm,
        transport: this.network.transport(id),
        tickMs: 20,
        electionTick: 10,
        retryAfterMs: 300,
        ...this.overrides,
        ...overrides,
      },
      opts,
    );
    this.nodes.set(id, node);
    this.sms.set(id, sm);
    this.network.attach(id, node);
    return node;
  }

  async stop(id: NodeId): Promise<void> {
    this.network.detach(id);
    const n = this.nodes.get(id);
    this.nodes.delete(id);
    await n?.stop();
  }

  /**
   * Like a process crash: the node vanishes from the network and its database is closed under it,
   * with no graceful flush (in-flight writes fail; nothing staged is written).
   */
  async crash(id: NodeId): Promise<void> {
    this.network.detach(id);
    const n = this.nodes.get(id);
    this.nodes.delete(id);
    if (n === undefined) return;
    await n.storage.database.close();
    await n.stop().catch(() => undefined);
  }

  node(id: NodeId): RaftNode {
    const n = this.nodes.get(id);
    if (n === undefined) throw new Error(`node ${id} not running`);
    return n;
  }

  sm(id: NodeId): ListStateMachine {
    return this.sms.get(id)!;
  }

  /** Waits until every running node agrees on one leader; returns it. */
  async waitLeader(timeoutMs = 10_000): Promise<RaftNode> {
    let leader: RaftNode | undefined;
    await waitFor(
      'a leader all running nodes agree on',
      () => {
        const ls = new Set([...this.nodes.values()].map((n) => n.leader()));
        if (ls.size !== 1) return false;
        const [id] = ls;
        leader = id === undefined ? undefined : this.nodes.get(id);
        return leader !== undefined && leader.isLeader();
      },
      { timeoutMs },
    );
    return leader!;
  }

  followers(): RaftNode[] {
    return [...this.nodes.values()].filter((n) => !n.isLeader());
  }

  async waitApplied(index: number, timeoutMs = 10_000): Promise<void> {
    await waitFor(
      `all nodes to apply ${index}`,
      () => [...this.nodes.values()].every((n) => n.appliedIndex() >= index),
      { timeoutMs },
    );
  }

  async destroy(): Promise<void> {
    for (const id of [...this.nodes.keys()]) await this.stop(id);
    if (this.root !== '') await rm(this.root, { recursive: true, force: true });
  }
}
