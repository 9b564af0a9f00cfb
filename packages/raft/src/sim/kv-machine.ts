// The simulator's replicated state machine: a string map fed by committed entries. Each entry
// carries one client put with a unique op id; per-client sessions (highest applied sequence
// number) make a duplicated or late proposal a no-op, as a real application must.

export interface KvCommand {
  opId: number;
  clientId: number;
  /** Per-client increasing sequence number. */
  seq: number;
  key: string;
  value: string;
  /** Compare-and-set: only write when the current value equals `expected` (undefined = absent). */
  cas?: { expected: string | undefined };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeCommand(c: KvCommand): Uint8Array {
  const tail = c.cas === undefined ? [] : [c.cas.expected ?? null];
  return encoder.encode(JSON.stringify([c.opId, c.clientId, c.seq, c.key, c.value, ...tail]));
}

export function decodeCommand(data: Uint8Array): KvCommand {
  const parts = JSON.parse(decoder.decode(data)) as [number, number, number, string, string, (string | null)?];
  const [opId, clientId, seq, key, value] = parts;
  const cmd: KvCommand = { opId, clientId, seq, key, value };
  if (parts.length > 5) cmd.cas = { expected: parts[5] ?? undefined };
  return cmd;
}

export class KvMachine {
  readonly data = new Map<string, string>();
  readonly sessions = new Map<number, number>();

  /**
   * Applies a command. 'duplicate' when the session says it is a duplicate or stale (no effect);
   * for a cas, 'ok' or 'failed'; for a put, 'ok'.
   */
  apply(c: KvCommand): 'ok' | 'failed' | 'duplicate' {
    if ((this.sessions.get(c.clientId) ?? 0) >= c.seq) return 'duplicate';
    this.sessions.set(c.clientId, c.seq);
    if (c.cas !== undefined && this.data.get(c.key) !== c.cas.expected) return 'failed';
    this.data.set(c.key, c.value);
    return 'ok';
  }

  get(key: string): string | undefined {
    return this.data.get(key);
  }

  /** Canonical serialization (sorted), so equal states give equal bytes. */
  serialize(): Uint8Array {
    const data = [...this.data.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const sessions = [...this.sessions.entries()].sort((a, b) => a[0] - b[0]);
    return encoder.encode(JSON.stringify({ data, sessions }));
  }

  static deserialize(bytes: Uint8Array): KvMachine {
    const m = new KvMachine();
    if (bytes.length === 0) return m;
    const parsed = JSON.parse(decoder.decode(bytes)) as { data: [string, string][]; sessions: [number, number][] };
    for (const [k, v] of parsed.data) m.data.set(k, v);
    for (const [c, s] of parsed.sessions) m.sessions.set(c, s);
    return m;
  }

  clone(): KvMachine {
    const m = new KvMachine();
    for (const [k, v] of this.data) m.data.set(k, v);
    for (const [c, s] of this.sessions) m.sessions.set(c, s);
    return m;
  }
}

/** 64-bit-ish FNV-1a digest of bytes as a short string (two 32-bit lanes). */
export function digest(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i]!, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}:${bytes.length}`;
}
