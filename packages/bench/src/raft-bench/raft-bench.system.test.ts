import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

interface Figures {
  writesPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

test(
  'raft-bench (ours only, short): detail lines, then one summary JSON line of the documented shape',
  { timeout: 90_000 },
  async () => {
    const child = spawn(
      process.execPath,
      [join(here, 'raft-bench.js'), '--only', 'ours', '--warmup-ms', '200', '--measure-ms', '500'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => (out += s));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, out);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = lines.at(-1) as {
      ours: { c1: Figures; c256: Figures };
      etcd: { c1: unknown; c256: unknown };
      ratio: Record<string, unknown>;
      aim: Record<string, unknown>;
      met: Record<string, unknown>;
      load: { start: number[]; end: number[] };
    };
    for (const phase of ['c1', 'c256'] as const) {
      const f = last.ours[phase];
      assert.ok(f.writesPerSec > 0, `${phase}: ${JSON.stringify(f)}`);
      assert.ok(f.p50Ms > 0 && f.p50Ms <= f.p99Ms, `${phase}: ${JSON.stringify(f)}`);
    }
    assert.deepEqual(last.etcd, { c1: null, c256: null });
    assert.deepEqual(Object.keys(last.ratio).sort(), ['c1P50Ms', 'c256P99Ms', 'c256WritesPerSec']);
    assert.deepEqual(Object.keys(last.aim).sort(), ['c1P50Ms', 'c256P99Ms', 'c256WritesPerSec']);
    assert.deepEqual(
      last.met,
      { c1P50Ms: null, c256P99Ms: null, c256WritesPerSec: null },
      'no etcd side, nothing to compare',
    );
    assert.equal(last.load.start.length, 3);
    assert.equal(last.load.end.length, 3);
    const details = lines.filter((l) => l.system === 'ours' && typeof l.phase === 'string');
    assert.equal(details.length, 2);
    for (const d of details) {
      const cpu = d.cpuSeconds as Record<string, number>;
      assert.deepEqual(Object.keys(cpu).sort(), ['client', 'n1', 'n2', 'n3']);
      assert.ok(Object.values(cpu).every((s) => s >= 0));
      assert.equal(d.errors, 0);
    }
  },
);
