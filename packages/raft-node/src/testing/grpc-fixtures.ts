// Helpers for transport tests and benchmarks: a cluster PKI and a recording handler.

import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { createClusterCa, issueNodeCertificate, type ClusterCa, type NodeTls } from '@clusterctl/ca';
import { message, MessageType, type Message, type NodeId, type SnapshotStatus } from '@clusterctl/raft';
import type { TransportHandler } from '../grpc/types.js';

export interface TestPki {
  clusterId: string;
  ca: ClusterCa;
  /** Manager certificates for raft ids 1..n (CN = String(id)). */
  managers: Map<NodeId, NodeTls>;
  tlsFor(id: NodeId): NodeTls;
}

export async function makeTestPki(n: number, clusterId = 'test-cluster'): Promise<TestPki> {
  const ca = await createClusterCa({ clusterId, validityDays: 1 });
  const managers = new Map<NodeId, NodeTls>();
  for (let id = 1; id <= n; id++) {
    const c = await issueNodeCertificate(ca, { nodeId: String(id), role: 'manager', clusterId, validityDays: 1 });
    managers.set(id, { caPem: ca.certPem, certPem: c.certPem, keyPem: c.keyPem });
  }
  return {
    clusterId,
    ca,
    managers,
    tlsFor(id) {
      const t = managers.get(id);
      if (!t) throw new Error(`no certificate for ${id}`);
      return t;
    },
  };
}

/** Records everything the transport hands the core; waitFor() resolves when a condition holds. */
export class RecordingHandler implements TransportHandler {
  readonly stepped: Message[] = [];
  readonly unreachable: NodeId[] = [];
  readonly snapshots: Array<[NodeId, SnapshotStatus]> = [];
  private readonly events = new EventEmitter();
  onStep: ((m: Message) => void) | undefined;
  /** Set to take snapshots through receiveSnapshot instead of step. */
  receiveSnapshot?: (msg: Message) => void | Promise<void>;

  step(msg: Message): void {
    this.stepped.push(msg);
    this.onStep?.(msg);
    this.events.emit('change');
  }

  reportUnreachable(id: NodeId): void {
    this.unreachable.push(id);
    this.events.emit('change');
  }

  reportSnapshot(id: NodeId, status: SnapshotStatus): void {
    this.snapshots.push([id, status]);
    this.events.emit('change');
  }

  /** Resolves once cond() is true (checked now and after every event); rejects after timeoutMs. */
  waitFor(what: string, cond: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (cond()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!cond()) return;
        clearTimeout(timer);
        this.events.off('change', check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.events.off('change', check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.events.on('change', check);
    });
  }

  from(id: NodeId): Message[] {
    return this.stepped.filter((m) => m.from === id);
  }
}

/** An App message carrying `n` entries of `size` bytes, starting at index `index`. */
export function appMessage(from: NodeId, to: NodeId, index: number, n = 1, size = 16): Message {
  const entries = [];
  for (let i = 0; i < n; i++) {
    const data = Buffer.alloc(size, (index + i) & 0xff);
    entries.push({ term: 3, index: index + i, type: 0, data });
  }
  return message({
    type: MessageType.App,
    from,
    to,
    term: 3,
    logTerm: 3,
    index: index - 1,
    commit: index - 1,
    entries,
  });
}

export function heartbeat(from: NodeId, to: NodeId, commit: number): Message {
  return message({ type: MessageType.Heartbeat, from, to, term: 3, commit });
}

/** A loopback port nothing listens on (bound then released). */
export function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
