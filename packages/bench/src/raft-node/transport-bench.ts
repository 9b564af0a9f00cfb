// Loopback benchmark of GrpcRaftTransport: node 1 (main thread) sends to node 2 (a worker thread,
// so each end has its own event loop, as in two processes), with real mutual TLS.
//
//   node packages/bench/dist/raft-node/transport-bench.js [--small 300000] [--batches 4000]
//
// Scenarios: small messages (heartbeats), App messages of 256 entries x 100 bytes, and the
// encode+decode cost of one 256-entry message. The sender keeps a bounded window of messages not
// yet acknowledged by the receiver (so the transport never has to drop), and prints messages/s,
// entries/s, MB/s of entry payload and each thread's event-loop utilization.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '@clusterctl/common';
import type { NodeTls } from '@clusterctl/ca';
import { message, MessageType, type Message } from '@clusterctl/raft';
import { GrpcRaftTransport } from '@clusterctl/raft-node';
import { makeTestPki, appMessage, heartbeat } from '@clusterctl/raft-node/testing';
import { clusterctl } from '@clusterctl/proto';
import {
  checkWireMessage,
  decodeBatch,
  encodeBatch,
  encodeBatchWithProtobufjs,
  messageFromWire,
} from '@clusterctl/raft-node/wire';

interface ReceiverData {
  clusterId: string;
  tls: NodeTls;
}

type ToWorker = { t: 'mark' } | { t: 'stop' };
type FromWorker = { t: 'ready'; addr: string } | { t: 'ack'; received: number; elu: number };

async function receiver(): Promise<void> {
  const data = workerData as ReceiverData;
  const port = parentPort!;
  // Cumulative count, acknowledged at most once per event-loop turn (so acks cannot race resets).
  let received = 0;
  let ackScheduled = false;
  let elu = performance.eventLoopUtilization();
  const ack = (): void => {
    ackScheduled = false;
    port.postMessage({
      t: 'ack',
      received,
      elu: performance.eventLoopUtilization(elu).utilization,
    } satisfies FromWorker);
  };
  const t = new GrpcRaftTransport({
    nodeId: 2,
    clusterId: data.clusterId,
    listenAddr: '127.0.0.1:0',
    tls: data.tls,
    logger: silentLogger(),
    maxQueuedMessages: 1_000_000,
    handler: {
      step: () => {
        received++;
        if (!ackScheduled) {
          ackScheduled = true;
          setImmediate(ack);
        }
      },
      reportUnreachable: () => {},
      reportSnapshot: () => {},
    },
  });
  const p = await t.start();
  port.on('message', (m: ToWorker) => {
    if (m.t === 'mark') {
      elu = performance.eventLoopUtilization();
    } else {
      t.stop().then(
        () => port.close(),
        () => port.close(),
      );
    }
  });
  port.postMessage({ t: 'ready', addr: `127.0.0.1:${p}` } satisfies FromWorker);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { small: { type: 'string' }, batches: { type: 'string' } } });
  const smallTotal = Number(values.small ?? 300_000);
  const batchTotal = Number(values.batches ?? 4000);
  const pki = await makeTestPki(2, 'bench');
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { clusterId: pki.clusterId, tls: pki.tlsFor(2) } satisfies ReceiverData,
  });
  const inbox: FromWorker[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (m: FromWorker) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (e) => process.stderr.write(`receiver thread failed: ${e.stack ?? e.message}\n`));
  const stillRunning = setInterval(() => {}, 1000); // the main loop must not exit while waiting on acks
  const next = async (): Promise<FromWorker> => {
    while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return inbox.shift()!;
  };
  let acked = 0;
  let receiverElu = 0;
  const nextAck = async (): Promise<void> => {
    const m = await next();
    if (m.t === 'ack') {
      acked = m.received;
      receiverElu = m.elu;
    }
  };
  const ready = await next();
  if (ready.t !== 'ready') throw new Error('worker did not start');

  const dropped: number[] = [];
  const a = new GrpcRaftTransport({
    nodeId: 1,
    clusterId: pki.clusterId,
    listenAddr: '127.0.0.1:0',
    tls: pki.tlsFor(1),
    logger: silentLogger(),
    maxQueuedMessages: 1_000_000,
    maxQueuedBytes: 1024 * 1024 * 1024,
    handler: { step: () => {}, reportUnreachable: (id) => dropped.push(id), reportSnapshot: () => {} },
  });
  await a.start();
  a.addPeer(2, ready.addr);

  async function run(
    name: string,
    make: (i: number) => Message,
    total: number,
    window: number,
    perSend: number,
    entriesPer: number,
    bytesPerEntry: number,
  ): Promise<void> {
    // Warm up the stream (connection, TLS, JIT) before timing.
    a.send([make(0)]);
    const warm = acked + 1;
    while (acked < warm) await nextAck();
    const base = acked;
    worker.postMessage({ t: 'mark' } satisfies ToWorker);
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    let sent = 0;
    const batchesBefore = a.peerStats(2)!.batches;
    while (acked - base < total) {
      while (sent < total && sent - (acked - base) < window) {
        const n = Math.min(perSend, total - sent, window - (sent - (acked - base)));
        const msgs: Message[] = new Array<Message>(n);
        for (let i = 0; i < n; i++) msgs[i] = make(sent + i);
        a.send(msgs);
        sent += n;
      }
      await nextAck();
    }
    const secs = (performance.now() - t0) / 1000;
    const elu = performance.eventLoopUtilization(elu0).utilization;
    const writes = a.peerStats(2)!.batches - batchesBefore;
    const line = [
      `${name.padEnd(26)}`,
      `${Math.round(total / secs).toLocaleString('en-US')} msg/s`,
      entriesPer > 0 ? `${Math.round((total * entriesPer) / secs).toLocaleString('en-US')} entries/s` : '',
      entriesPer > 0 ? `${((total * entriesPer * bytesPerEntry) / secs / 1e6).toFixed(1)} MB/s payload` : '',
      `${(secs * 1000).toFixed(0)} ms for ${total}`,
      `${writes} stream writes (avg ${(total / Math.max(1, writes)).toFixed(1)} msgs/write)`,
      `sender ELU ${(elu * 100).toFixed(0)}%, receiver ELU ${(receiverElu * 100).toFixed(0)}%`,
    ].filter((s) => s !== '');
    process.stdout.write(line.join(' | ') + '\n');
  }

  process.stdout.write(
    `node ${process.version}, loopback, mutual TLS (ECDSA P-256), sender and receiver on separate threads\n`,
  );
  let commit = 0;
  await run('small (Heartbeat)', () => heartbeat(1, 2, ++commit), smallTotal, 8192, 64, 0, 0);
  await run('small, 1 msg per send()', () => heartbeat(1, 2, ++commit), Math.floor(smallTotal / 3), 8192, 1, 0, 0);
  // Window 1: one message in flight, so msg/s = 1 / (one-way transport latency + a thread hop back).
  await run('ping-pong (window 1)', () => heartbeat(1, 2, ++commit), 3000, 1, 1, 0, 0);
  // One App message of 256 entries x 100 bytes, reused: we measure the transport, not allocation.
  const app = appMessage(1, 2, 1000, 256, 100);
  await run('App, 256 entries x 100 B', () => app, batchTotal, 64, 1, 256, 100);

  // Encode + decode of one 256-entry App message: our MessageBatch codec and the generated one.
  const iters = 3000;
  const timeUs = (fn: () => void): number => {
    const t0 = performance.now();
    for (let i = 0; i < iters; i++) fn();
    return ((performance.now() - t0) * 1000) / iters;
  };
  const batch = { clusterId: 'bench', from: 1, messages: [app] };
  const buf = encodeBatch(batch);
  let sink = 0;
  const enc = timeUs(() => encodeBatch(batch));
  const dec = timeUs(() => {
    for (const m of decodeBatch(buf).messages) {
      checkWireMessage(m);
      sink += m.entries.length;
    }
  });
  const pbBuf = encodeBatchWithProtobufjs(batch);
  const pbEnc = timeUs(() => encodeBatchWithProtobufjs(batch));
  const pbDec = timeUs(() => {
    sink += messageFromWire(clusterctl.raft.MessageBatch.decode(pbBuf).messages[0]!).entries.length;
  });
  process.stdout.write(
    `256-entry batch (${buf.length} bytes): encode ${enc.toFixed(1)} us, decode+check ${dec.toFixed(1)} us; generated protobufjs code: encode ${pbEnc.toFixed(1)} us, decode+convert ${pbDec.toFixed(1)} us (${pbBuf.length} bytes) [${sink}]\n`,
  );
  const small = encodeBatch({
    clusterId: 'bench',
    from: 1,
    messages: [message({ type: MessageType.Heartbeat, from: 1, to: 2, term: 3, commit: 9 })],
  });
  process.stdout.write(`one heartbeat in a batch: ${small.length} bytes on the wire\n`);
  if (dropped.length > 0)
    process.stdout.write(`WARNING: ${dropped.length} unreachable reports (drops) during the bench\n`);

  clearInterval(stillRunning);
  worker.postMessage({ t: 'stop' } satisfies ToWorker);
  await a.stop();
  await new Promise((resolve) => worker.once('exit', resolve));
}

if (isMainThread) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
} else {
  receiver().catch((e: unknown) => {
    process.stderr.write(`receiver: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
