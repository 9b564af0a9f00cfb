// A peer that is up but stuck (its event loop stalled): the sender's writes stop completing, its
// bounded queue fills, messages are dropped and reported unreachable, and send() stays non-blocking. Once
// the peer wakes, everything that was written arrives and the same stream carries on.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { silentLogger } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { GrpcRaftTransport } from './grpc-transport.js';
import { appMessage, heartbeat, makeTestPki, RecordingHandler } from '../testing/grpc-fixtures.js';
import type { FromReceiver, ToReceiver } from '../testing/receiver-worker.js';

const cleanup: Array<() => Promise<unknown>> = [];
after(async () => {
  for (const f of cleanup.reverse()) await f();
});

test('a stalled peer: bounded queue drops and reports while send() stays non-blocking; the stream resumes', async (t) => {
  const pki = await makeTestPki(2);
  const worker = new Worker(new URL('../testing/receiver-worker.js', import.meta.url), {
    workerData: { clusterId: pki.clusterId, tls: pki.tlsFor(2), nodeId: 2 },
  });
  cleanup.push(async () => {
    worker.postMessage({ t: 'stop' } satisfies ToReceiver);
    await new Promise((r) => worker.once('exit', r));
  });
  const inbox: FromReceiver[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (m: FromReceiver) => {
    inbox.push(m);
    wake?.();
  });
  const expect = async <T extends FromReceiver['t']>(t: T): Promise<Extract<FromReceiver, { t: T }>> => {
    for (;;) {
      const i = inbox.findIndex((m) => m.t === t);
      if (i >= 0) return inbox.splice(i, 1)[0] as Extract<FromReceiver, { t: T }>;
      await new Promise<void>((r) => (wake = r));
    }
  };
  const count = async (): Promise<number> => {
    worker.postMessage({ t: 'count' } satisfies ToReceiver);
    return (await expect('count')).received;
  };
  const { addr } = await expect('ready');

  const h = new RecordingHandler();
  const a = new GrpcRaftTransport({
    nodeId: 1,
    clusterId: pki.clusterId,
    listenAddr: '127.0.0.1:0',
    tls: pki.tlsFor(1),
    logger: silentLogger(),
    handler: h,
    maxQueuedMessages: 32,
  });
  cleanup.push(() => a.stop());
  await a.start();
  a.addPeer(2, addr);
  a.send([heartbeat(1, 2, 1)]);
  while ((await count()) < 1);

  worker.postMessage({ t: 'block', ms: 2000 } satisfies ToReceiver);
  await expect('blocking');
  // The leader keeps replicating: 32 App messages of 64 KiB per event-loop turn.
  let maxSendMs = 0;
  let index = 1;
  let stalledUnreachable = false;
  for (let turn = 0; turn < 60 && inbox.every((m) => m.t !== 'unblocked'); turn++) {
    const msgs = Array.from({ length: 32 }, () => appMessage(1, 2, (index += 1), 1, 64 * 1024));
    const writtenBefore = a.peerStats(2)!.messages;
    const reportedBefore = h.unreachable.length;
    const t0 = performance.now();
    a.send(msgs);
    maxSendMs = Math.max(maxSendMs, performance.now() - t0);
    // Non-blocking, checked by what happened inside send(): nothing written, no callback run.
    assert.equal(a.peerStats(2)!.messages, writtenBefore, 'nothing written to the stream inside send()');
    assert.equal(h.unreachable.length, reportedBefore, 'no callback from inside send()');
    await new Promise((r) => setTimeout(r, 10));
    if (h.unreachable.includes(2)) stalledUnreachable = true;
  }
  assert.ok(stalledUnreachable, 'drops were reported while the peer was stalled');
  assert.ok(a.peerStats(2)!.dropped > 0);
  t.diagnostic(`send() of 32 x 64 KiB to the stalled peer returned after at most ${maxSendMs.toFixed(1)} ms`);

  const { received: atWake } = await expect('unblocked');
  assert.ok(atWake <= 1, 'nothing was delivered while stalled');
  // Everything written to the stream arrives; the stream was never torn down. Messages still
  // queued at the wake-up are written afterwards, so compare with the live written counter until
  // the two meet (a lost message would keep them apart until the deadline).
  const { written } = await waitFor(
    'the receiver to hold every message written to the stream',
    async () => ({ written: a.peerStats(2)!.messages, got: await count() }),
    {
      until: (c) => c.got === c.written,
      timeoutMs: 10_000,
      intervalMs: 20,
    },
  );
  assert.equal(a.peerStats(2)!.reconnects, 0);
  a.send([heartbeat(1, 2, 2)]);
  await waitFor('the heartbeat after the stall', async () => (await count()) >= written + 1, { intervalMs: 20 });
});
