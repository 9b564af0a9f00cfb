// Picks the lines of a failing run's summary trace worth reading: faults, crashes, restarts,
// leader changes, membership changes and the violation; client operations only when they are
// part of the linearizability witness (or all of them, for other failures, without retries).

import type { SimResult } from './simulator.js';

export function minimalTraceLines(r: SimResult): string[] {
  const witness = new Set<string>();
  if (r.failure?.property === 'linearizability')
    for (const m of r.failure.detail.matchAll(/op (\d+) client/g)) witness.add(m[1]!);
  const out: string[] = [];
  for (const line of r.events) {
    if (/gave up on op|dropped by n\d/.test(line)) continue;
    const m = /(?:invoke|done) op (\d+) /.exec(line);
    if (m !== null && r.failure?.property === 'linearizability' && !witness.has(m[1]!)) continue;
    out.push(line);
  }
  return out;
}
