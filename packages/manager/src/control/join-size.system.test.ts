// Unauthenticated joins of several MB at once against a manager in its own process: each is refused
// as too large, and the manager's peak memory (VmHWM) stays put: it never reads them.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ErrorCode, fromGrpcError } from '@clusterctl/common';
import { NodeCAService } from '@clusterctl/proto';
import { startRunner, type RunnerProcess } from './testing/runner-process.js';

/** Peak resident memory of a process, MB. */
function peakRssMb(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(m, 'VmHWM in /proc/PID/status');
  return Number(m[1]) / 1024;
}

describe('oversized unauthenticated joins', { timeout: 120_000 }, () => {
  let dir: string;
  let runner: RunnerProcess;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-join-size-'));
    runner = await startRunner(['init', '--listen', '127.0.0.1:0'], join(dir, 'm1'));
  });
  after(async () => {
    runner.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  test('24 joins of 8 MB at once are refused as too large and take no memory on the manager', async () => {
    const pid = runner.child.pid!;
    const before = peakRssMb(pid);
    // No client certificate, the server's certificate not checked: anyone who can reach the port.
    const Ctor = grpc.makeGenericClientConstructor(NodeCAService as unknown as grpc.ServiceDefinition, 'NodeCA');
    const client = new Ctor(
      runner.info.addr,
      grpc.credentials.createSsl(null, null, null, { rejectUnauthorized: false }),
      { 'grpc.max_send_message_length': -1 },
    ) as unknown as grpc.Client & {
      join(req: unknown, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null) => void): void;
    };
    try {
      const n = 24;
      const body = 'A'.repeat(8 << 20);
      const t0 = Date.now();
      const codes = await Promise.all(
        Array.from(
          { length: n },
          (_, i) =>
            new Promise<{ code: string; message: string }>((resolve) =>
              client.join(
                { token: `t${i}`, csrPem: body, hostname: 'h' },
                new grpc.Metadata(),
                { deadline: Date.now() + 60_000 },
                (e) => {
                  const err = e === null ? undefined : fromGrpcError(e);
                  resolve({ code: err?.code ?? 'OK', message: err?.message ?? '' });
                },
              ),
            ),
        ),
      );
      const elapsedMs = Date.now() - t0;
      for (const c of codes) {
        assert.equal(c.code, ErrorCode.InvalidArgument, c.message);
        assert.match(c.message, /too large/);
      }
      const grewMb = peakRssMb(pid) - before;
      process.stdout.write(
        `# figure: ${n} joins of 8 MB refused in ${elapsedMs} ms; manager peak RSS ${before.toFixed(0)} MB -> +${grewMb.toFixed(0)} MB\n`,
      );
      assert.ok(grewMb < 48, `the manager's peak memory grew by ${grewMb.toFixed(0)} MB for ${n * 8} MB sent`);
    } finally {
      client.close();
    }
  });
});
