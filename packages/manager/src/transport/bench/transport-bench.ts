// Loopback benchmark of GrpcRaftTransport: node 1 (main thread) sends to node 2 (a worker thread,
// so each end has its own event loop, as in two processes), with real mutual TLS.
//
//   node packages/manager/dist/transport/bench/transport-bench.js [--small 300000] [--batches 4000]
//
// Scenarios: small messages (heartbeats), App messages of 256 entries x 100 bytes, and the
// encode+decode cost of one 256-entry message. The sender keeps a bounded window of messages not
// yet acknowledged by the receiver (so the transport never has to drop), and prints messages/s,
// entries/s, MB/s of entry payload and each thread's event-loop utilization.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '@clusterctl/common';
import { message, MessageType, type Message } from '@clusterctl/raft';
import { GrpcRaftTransport } from '../grpc-transport.js';
import { makeTestPki, appMessage, heartbeat } from '../testing.js';
import type { TransportTls } from '../types.js';
import { decodeBatch, encodeBatch, messageFromWire } from '../wire.js';

interface ReceiverData {
  clusterId: string;
  tls: TransportTls;
}

type ToWorker = { t: 'expect'; total: number; ackEvery: number } | { t: 'stop' };
type FromWorker = { t: 'ready'; addr: string } | { t: 'ack'; received: number; elu: number };

async function receiver(): Promise<void> {
  const data = workerData as ReceiverData;
  const port = parentPort!;
  let received = 0;
  let total = 0;
  let ackEvery = 1;
  let elu = performance.eventLoopUtilization();
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
        if (received % ackEvery === 0 || received === total) {
          const u = performance.eventLoopUtilization(elu);
          port.postMessage({ t: 'ack', received, elu: u.utilization } satisfies FromWorker);
        }
      },
      reportUnreachable: () => {},
      reportSnapshot: () => {},
    },
  });
  const p = await t.start();
  port.on('message', (m: ToWorker) => {
    if (m.t === 'expect') {
      received = 0;
      total = m.total;
      ackEvery = m.ackEvery;
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
  const worker = new Worker(new URL(import.meta.url), { workerData: { clusterId: pki.clusterId, tls: pki.tlsFor(2) } satisfies ReceiverData });
  let onMsg: ((m: FromWorker) => void) | undefined;
  worker.on('message', (m: FromWorker) => onMsg?.(m));
  worker.on('error', (e) => process.stderr.write(`receiver thread failed: ${e.stack ?? e.message}\n`));
  const stillRunning = setInterval(() => {}, 1000); // the main loop must not exit while waiting on acks
  const next = (): Promise<FromWorker> => new Promise((resolve) => (onMsg = resolve));
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

  async function run(name: string, make: (i: number) => Message, total: number, window: number, perSend: number, entriesPer: number, bytesPerEntry: number): Promise<void> {
    // Warm up the stream (connection, TLS, JIT) before timing.
    worker.postMessage({ t: 'expect', total: 1, ackEvery: 1 } satisfies ToWorker);
    a.send([make(0)]);
    await next();
    const ackEvery = Math.max(1, Math.floor(window / 4));
    worker.postMessage({ t: 'expect', total, ackEvery } satisfies ToWorker);
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    let sent = 0;
    let received = 0;
    let receiverElu = 0;
    const batchesBefore = a.peerStats(2)!.batches;
    while (received < total) {
      while (sent < total && sent - received < window) {
        const n = Math.min(perSend, total - sent, window - (sent - received));
        const msgs: Message[] = new Array<Message>(n);
        for (let i = 0; i < n; i++) msgs[i] = make(sent + i);
        a.send(msgs);
        sent += n;
      }
      const m = await next();
      if (m.t === 'ack') {
        received = m.received;
        receiverElu = m.elu;
      }
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

  process.stdout.write(`node ${process.version}, loopback, mutual TLS (ECDSA P-256), sender and receiver on separate threads\n`);
  let commit = 0;
  await run('small (Heartbeat)', () => heartbeat(1, 2, ++commit), smallTotal, 8192, 64, 0, 0);
  await run('small, 1 msg per send()', () => heartbeat(1, 2, ++commit), Math.floor(smallTotal / 3), 8192, 1, 0, 0);
  // Window 1: one message in flight, so msg/s = 1 / (one-way transport latency + a thread hop back).
  await run('ping-pong (window 1)', () => heartbeat(1, 2, ++commit), 3000, 1, 1, 0, 0);
  // One App message of 256 entries x 100 bytes, reused: we measure the transport, not allocation.
  const app = appMessage(1, 2, 1000, 256, 100);
  await run('App, 256 entries x 100 B', () => app, batchTotal, 64, 1, 256, 100);

  // Encode + decode of one 256-entry App message (the receiver's messageFromWire included).
  const iters = 3000;
  let t0 = performance.now();
  let buf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < iters; i++) buf = encodeBatch({ clusterId: 'bench', from: 1, messages: [app] });
  const encUs = ((performance.now() - t0) * 1000) / iters;
  t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < iters; i++) sink += messageFromWire(decodeBatch(buf).messages[0]!).entries.length;
  const decUs = ((performance.now() - t0) * 1000) / iters;
  process.stdout.write(`encode 256-entry batch: ${encUs.toFixed(1)} us, decode: ${decUs.toFixed(1)} us (${buf.length} bytes on the wire, ${sink / iters} entries)\n`);
  const small = encodeBatch({ clusterId: 'bench', from: 1, messages: [message({ type: MessageType.Heartbeat, from: 1, to: 2, term: 3, commit: 9 })] });
  process.stdout.write(`one heartbeat in a batch: ${small.length} bytes on the wire\n`);
  if (dropped.length > 0) process.stdout.write(`WARNING: ${dropped.length} unreachable reports (drops) during the bench\n`);

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
