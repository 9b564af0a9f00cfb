// Disk figures from an etcd member's Prometheus endpoint: WAL fsyncs (count, total seconds) and
// committed proposals, so the benchmark can report etcd's fsync latency and entries per fsync.

export interface DiskCounters {
  fsyncs: number;
  fsyncSeconds: number;
  /** Raft entries committed (proposals), when known. */
  entries: number;
}

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text);
  return m === null ? Number.NaN : Number(m[1]);
}

export async function etcdDiskCounters(
  getText: (path: string) => Promise<string | undefined>,
): Promise<DiskCounters | undefined> {
  try {
    const text = await getText('/metrics');
    if (text === undefined) return undefined;
    return {
      fsyncs: metric(text, 'etcd_disk_wal_fsync_duration_seconds_count'),
      fsyncSeconds: metric(text, 'etcd_disk_wal_fsync_duration_seconds_sum'),
      entries: metric(text, 'etcd_server_proposals_committed_total'),
    };
  } catch {
    return undefined;
  }
}

/** Per member: fsyncs during the interval, mean fsync ms, entries per fsync. */
export function diskDelta(
  a: Map<string, DiskCounters | undefined>,
  b: Map<string, DiskCounters | undefined>,
): Record<string, { fsyncs: number; fsyncMeanMs: number; entriesPerFsync: number }> {
  const out: Record<string, { fsyncs: number; fsyncMeanMs: number; entriesPerFsync: number }> = {};
  for (const [name, end] of b) {
    const start = a.get(name);
    if (start === undefined || end === undefined) continue;
    const fsyncs = end.fsyncs - start.fsyncs;
    const r = (x: number): number => Math.round(x * 1000) / 1000;
    out[name] = {
      fsyncs,
      fsyncMeanMs: fsyncs > 0 ? r(((end.fsyncSeconds - start.fsyncSeconds) * 1000) / fsyncs) : Number.NaN,
      entriesPerFsync: fsyncs > 0 ? r((end.entries - start.entries) / fsyncs) : Number.NaN,
    };
  }
  return out;
}
