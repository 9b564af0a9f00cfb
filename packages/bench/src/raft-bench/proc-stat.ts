// CPU time of a process, read from /proc/<pid>/stat (Linux only).

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSec: number | undefined;

function clockTicks(): number {
  if (ticksPerSec !== undefined) return ticksPerSec;
  try {
    ticksPerSec = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    ticksPerSec = 100;
  }
  return ticksPerSec;
}

/** User + system CPU seconds used so far by `pid` (its threads included), or NaN if it is gone. */
export function cpuSecondsOf(pid: number): number {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return Number.NaN;
  }
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime is field 14, stime field 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return (utime + stime) / clockTicks();
}

/** CPU seconds of this process (user + system). */
export function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Samples CPU counters of a set of named processes at two points and reports the difference. */
export class CpuMeter {
  private start = new Map<string, number>();

  constructor(private readonly pids: Map<string, number>) {}

  begin(): void {
    this.start.clear();
    for (const [name, pid] of this.pids) this.start.set(name, cpuSecondsOf(pid));
    this.start.set('client', selfCpuSeconds());
  }

  /** CPU seconds used per process since begin(), rounded to 10 ms. */
  end(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, pid] of this.pids) out[name] = round2(cpuSecondsOf(pid) - (this.start.get(name) ?? Number.NaN));
    out.client = round2(selfCpuSeconds() - (this.start.get('client') ?? Number.NaN));
    return out;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
