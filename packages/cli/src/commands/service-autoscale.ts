// Autoscaling and rebalancing flags: `--autoscale min=2,max=20,cpu=70%[,up-window=0s,down-window=5m]`
// or `--autoscale none`; `--rebalance` (and `--no-rebalance` on update).
import { DAY_MS, formatDurationMs, parseDurationMs } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { parseCount, usageError } from '../parse.js';

const HINT = 'e.g. --autoscale min=2,max=20,cpu=70% (optional: up-window=0s,down-window=5m), or --autoscale none';

/** The autoscaling config of `--autoscale` (null: `none`, autoscaling off). */
export function parseAutoscale(v: string, replicasLimit: number): clusterctl.cluster.IAutoscaleConfig | null {
  const s = v.trim();
  if (s === 'none') return null;
  const kv = new Map<string, string>();
  for (const part of s.split(',')) {
    const eq = part.indexOf('=');
    const k = eq < 0 ? '' : part.slice(0, eq).trim();
    if (!['min', 'max', 'cpu', 'up-window', 'down-window'].includes(k) || kv.has(k))
      throw usageError(`--autoscale: invalid or repeated field ${JSON.stringify(part.trim())}`, HINT);
    kv.set(k, part.slice(eq + 1).trim());
  }
  for (const k of ['min', 'max', 'cpu']) if (!kv.has(k)) throw usageError(`--autoscale: ${k}= is missing`, HINT);
  const minReplicas = parseCount('--autoscale min', kv.get('min')!, replicasLimit);
  const maxReplicas = parseCount('--autoscale max', kv.get('max')!, replicasLimit);
  if (minReplicas < 1) throw usageError('--autoscale: min is at least 1', HINT);
  if (maxReplicas < minReplicas) throw usageError(`--autoscale: max ${maxReplicas} is below min ${minReplicas}`, HINT);
  const cpu = /^(\d{1,4})%?$/.exec(kv.get('cpu')!);
  const targetCpuPercent = cpu === null ? NaN : Number(cpu[1]);
  if (!(targetCpuPercent >= 1 && targetCpuPercent <= 1000))
    throw usageError(
      `--autoscale: invalid cpu target ${JSON.stringify(kv.get('cpu'))}`,
      'cpu is a percentage from 1% to 1000% of the CPU reserved for a task (else its limit, else one CPU), e.g. cpu=70%',
    );
  const out: clusterctl.cluster.IAutoscaleConfig = { minReplicas, maxReplicas, targetCpuPercent };
  if (kv.has('up-window') || kv.has('down-window')) {
    const bounds = { minMs: 0, maxMs: DAY_MS };
    out.scaleUpWindowMs = kv.has('up-window')
      ? parseDurationMs('--autoscale up-window', kv.get('up-window')!, bounds)
      : 0;
    out.scaleDownWindowMs = kv.has('down-window')
      ? parseDurationMs('--autoscale down-window', kv.get('down-window')!, bounds)
      : 300_000;
    out.hasWindows = true;
  }
  return out;
}

/** A plain copy of an API autoscaling config (undefined: none). */
export function plainAutoscale(
  a: clusterctl.cluster.IAutoscaleConfig | null | undefined,
): clusterctl.cluster.IAutoscaleConfig | undefined {
  if (a === null || a === undefined) return undefined;
  const n = (v: unknown): number => Number(v ?? 0);
  return {
    minReplicas: n(a.minReplicas),
    maxReplicas: n(a.maxReplicas),
    targetCpuPercent: n(a.targetCpuPercent),
    scaleUpWindowMs: n(a.scaleUpWindowMs),
    scaleDownWindowMs: n(a.scaleDownWindowMs),
    hasWindows: a.hasWindows === true,
  };
}

/** `min=2,max=20,cpu=70%,up-window=0s,down-window=5m` (as --autoscale takes it). */
export function formatAutoscale(a: clusterctl.cluster.IAutoscaleConfig): string {
  const p = plainAutoscale(a)!;
  const windows = p.hasWindows
    ? `,up-window=${formatDurationMs(p.scaleUpWindowMs as number)},down-window=${formatDurationMs(p.scaleDownWindowMs as number)}`
    : '';
  return `min=${String(p.minReplicas)},max=${String(p.maxReplicas)},cpu=${String(p.targetCpuPercent)}%${windows}`;
}
