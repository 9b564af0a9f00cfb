// Network map streams: every agent session may follow the cluster network map (NetworkMaps). The
// leader keeps one map, built from the store, and sends it complete to a stream when it opens and to
// every stream after each change, coalesced (coalesceMs after the first change). The version grows
// by one per map that differs from the one before, starting over (from 1) in each leader term; the
// term travels with it, so an agent orders maps by (term, version). Building and sending a map
// costs time in proportion to the cluster (every endpoint, every session): the wait after a change
// grows to BUSY_FACTOR times what the last map cost (at most maxCoalesceMs), so a cluster of tens of
// thousands of endpoints whose tasks keep starting spends a bounded share of the leader on maps.

import { ClusterError, ErrorCode, type Clock, type Logger, type TimerHandle } from '@clusterctl/common';
import type { ClusterStore, StoreEvent, Task, Watcher } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { buildNetworkMap, isEndpoint } from '../network/network-map.js';

export const NETWORK_MAP_DEFAULTS = { coalesceMs: 50, maxCoalesceMs: 2_000 } as const;

/** The wait after a change is at least this many times what building and sending the last map took. */
const BUSY_FACTOR = 4;

export type NetworkMap = clusterctl.dispatcher.INetworkMap & { version: number; term: number };

type Subscriber = (m: NetworkMap) => void;

export class NetworkMapPublisher {
  private watcher: Watcher | undefined;
  private term = 0;
  private version = 0;
  private current: NetworkMap | undefined;
  private currentKey = '';
  private timer: TimerHandle | undefined;
  /** What the last build (and send) took, in the clock's milliseconds. */
  private lastCostMs = 0;
  private readonly subscribers = new Set<{ send: Subscriber; end: () => void }>();
  /** Maps built (changed or not) and maps published (changed): for tests and stats. */
  readonly stats = { builds: 0, published: 0 };

  /** The wait between a change and the map it causes, now. */
  get coalesceDelayMs(): number {
    return Math.min(
      Math.max(this.coalesceMs, BUSY_FACTOR * this.lastCostMs),
      Math.max(this.coalesceMs, NETWORK_MAP_DEFAULTS.maxCoalesceMs),
    );
  }

  constructor(
    private readonly store: ClusterStore,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly coalesceMs: number = NETWORK_MAP_DEFAULTS.coalesceMs,
    /** Nodes whose tasks are left out of the endpoints (NodeLiveness.suspects); call changed() when it changes. */
    private readonly suspects: () => ReadonlySet<string> = () => new Set(),
  ) {}

  /** This manager leads in `term`: maps from now on carry it, versions start over. */
  start(term: number): void {
    this.stop();
    this.term = term;
    this.version = 0;
    this.current = undefined;
    this.currentKey = '';
    this.watch();
  }

  /** Leadership lost: stop watching, end every stream. */
  stop(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of [...this.subscribers]) s.end();
    this.subscribers.clear();
  }

  /** The map as it is now (built at once when a change is still waiting). */
  map(): NetworkMap {
    if (this.current === undefined || this.timer !== undefined) this.rebuild();
    return this.current!;
  }

  /** `send` gets the complete map now and after every change; returns the unsubscribe function. */
  subscribe(send: Subscriber, end: () => void): () => void {
    const sub = { send, end };
    this.subscribers.add(sub);
    send(this.map());
    return () => {
      this.subscribers.delete(sub);
    };
  }

  private watch(): void {
    // The filter runs inside apply: it only notes that the map may have changed (no event is kept,
    // so this watch never falls behind); resets (snapshot restore) come through the iterator.
    const w = this.store.watch({
      table: ['nodes', 'services', 'tasks', 'networks', 'cluster'],
      filter: (e) => {
        if (mayChangeMap(e)) this.changed();
        return false;
      },
    });
    this.watcher = w;
    void (async () => {
      try {
        for await (const e of w) if (e.type === 'reset') this.changed();
      } catch (err) {
        if (w === this.watcher) this.log.warn({ err }, 'network map watch ended');
      }
    })();
  }

  /** Something the map is built from changed (the store, or the suspect nodes): publish soon. */
  changed(): void {
    if (this.timer !== undefined) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      const t0 = this.clock.now();
      this.publish();
      this.lastCostMs = Math.max(0, this.clock.now() - t0);
    }, this.coalesceDelayMs);
  }

  private rebuild(): boolean {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const content = this.store.view((tx) => buildNetworkMap(tx, this.suspects()));
    this.stats.builds++;
    const key = JSON.stringify(content);
    if (this.current !== undefined && key === this.currentKey) return false;
    this.currentKey = key;
    this.current = { version: ++this.version, term: this.term, ...content };
    return true;
  }

  private publish(): void {
    if (!this.rebuild()) return;
    this.stats.published++;
    const m = this.current!;
    for (const s of [...this.subscribers]) {
      try {
        s.send(m);
      } catch (err) {
        this.log.warn({ err }, 'sending a network map failed; ending that stream');
        this.subscribers.delete(s);
        s.end();
      }
    }
  }
}

/** Whether a store change can change the map (task status churn that moves no endpoint cannot). */
function mayChangeMap(e: StoreEvent): boolean {
  if (e.type === 'reset' || e.type === 'commit') return false;
  if (e.table !== 'tasks') return true;
  const t = e.object as Task;
  const old = e.type === 'update' ? (e.oldObject as Task | undefined) : undefined;
  const up = (x: Task): boolean => isEndpoint(x, () => false);
  if (e.type === 'create') return up(t);
  if (e.type === 'delete') return up(t);
  if (old === undefined) return true;
  return up(t) !== up(old) || (up(t) && (t.status.ip !== old.status.ip || t.nodeId !== old.nodeId));
}

/**
 * The Dispatcher service definition `def` with the NetworkMaps responses encoded once per map: a
 * publish sends the same map object to every stream, and encoding it for each of a thousand
 * sessions (a thousand nodes, thousands of endpoints) held the leader for seconds. The bytes are
 * kept per map object (weakly) and copied into each stream's frame by grpc-js.
 */
export function withSharedMapEncoding<D extends object>(def: D): D {
  const d = def as unknown as Record<string, { responseSerialize: (v: unknown) => Buffer }>;
  const method = d['networkMaps'];
  if (method === undefined) return def;
  const encode = method.responseSerialize;
  const encoded = new WeakMap<object, Buffer>();
  const responseSerialize = (v: unknown): Buffer => {
    if (typeof v !== 'object' || v === null) return encode(v);
    let bytes = encoded.get(v);
    if (bytes === undefined) encoded.set(v, (bytes = encode(v)));
    return bytes;
  };
  return { ...d, networkMaps: { ...method, responseSerialize } } as unknown as D;
}

/** The error a network map stream ends with when its session ends. */
export function mapStreamEnded(): ClusterError {
  return new ClusterError(ErrorCode.Unavailable, 'the agent session ended', { hint: 'open a new session' });
}
