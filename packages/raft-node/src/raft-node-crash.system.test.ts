// RaftNode across real crashes: a child process (testing/crash-node.ts) proposes under load and is
// SIGKILLed twice; every proposal it saw acknowledged must be applied exactly once after restart.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RaftNode } from './raft-node.js';
import { LocalNetwork } from './testing/local-network.js';
import { waitFor } from '@clusterctl/common/testing';
import { ListStateMachine } from './testing/test-cluster.js';

describe('RaftNode crash', () => {
  test('SIGKILL under load: every acknowledged proposal survives, exactly once, across snapshots', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clusterctl-raftcrash-'));
    try {
      const acked = new Set<string>();
      for (let run = 0; run < 2; run++) {
        const child = spawn(
          process.execPath,
          [fileURLToPath(new URL('./testing/crash-node.js', import.meta.url)), dir, String(run)],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let buf = '';
        let acksThisRun = 0;
        await new Promise<void>((resolve, reject) => {
          child.on('error', reject);
          child.on('exit', () => resolve());
          child.stdout.on('data', (chunk: Buffer) => {
            buf += chunk.toString();
            let nl: number;
            while ((nl = buf.indexOf('\n')) >= 0) {
              const m = /^ack (\S+) /.exec(buf.slice(0, nl));
              buf = buf.slice(nl + 1);
              if (m === null) continue;
              acked.add(m[1]!);
              if (++acksThisRun === 300) child.kill('SIGKILL');
            }
          });
        });
        assert.ok(acksThisRun >= 300, `run ${run}: child exited after ${acksThisRun} acks`);
      }
      const sm = new ListStateMachine();
      const network = new LocalNetwork();
      const node = await RaftNode.start({
        id: 1,
        dataDir: dir,
        stateMachine: sm,
        transport: network.transport(1),
        tickMs: 10,
        electionTick: 5,
      });
      network.attach(1, node);
      try {
        assert.ok(node.storage.snapshot().metadata.index > 0, 'snapshots were taken');
        // start() resolved: everything committed locally is applied already.
        const present = new Set(sm.items);
        for (const a of acked) assert.ok(present.has(a), `${a} missing right after restart`);
        const r = (await node.propose(Buffer.from('final'))) as { index: number };
        await node.readBarrier(); // a single-voter group answers ReadIndex by itself
        await waitFor('apply after restart', () => node.appliedIndex() >= r.index);
        const counts = new Map<string, number>();
        for (const s of sm.items) counts.set(s, (counts.get(s) ?? 0) + 1);
        for (const a of acked) assert.equal(counts.get(a), 1, `${a} applied ${counts.get(a) ?? 0} times`);
        for (const [s, n] of counts) assert.equal(n, 1, `${s} applied ${n} times`);
      } finally {
        await node.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
