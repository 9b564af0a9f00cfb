// A raft transport receiver in a worker thread (tests only): lets a test stall the receiver's event
// loop (Atomics.wait, a real sleep, not a busy loop) while the sender keeps running.

import { parentPort, workerData } from 'node:worker_threads';
import { silentLogger } from '@clusterctl/common';
import type { NodeTls } from '@clusterctl/ca';
import { GrpcRaftTransport } from '../grpc/grpc-transport.js';

export type ToReceiver = { t: 'count' } | { t: 'block'; ms: number } | { t: 'stop' };
export type FromReceiver =
  | { t: 'ready'; addr: string }
  | { t: 'count'; received: number }
  | { t: 'blocking' }
  | { t: 'unblocked'; received: number };

const data = workerData as { clusterId: string; tls: NodeTls; nodeId: number };
const port = parentPort!;
let received = 0;
const t = new GrpcRaftTransport({
  nodeId: data.nodeId,
  clusterId: data.clusterId,
  listenAddr: '127.0.0.1:0',
  tls: data.tls,
  logger: silentLogger(),
  handler: {
    step: () => {
      received++;
    },
    reportUnreachable: () => {},
    reportSnapshot: () => {},
  },
});
const p = await t.start();
port.on('message', (m: ToReceiver) => {
  if (m.t === 'count') port.postMessage({ t: 'count', received } satisfies FromReceiver);
  else if (m.t === 'block') {
    port.postMessage({ t: 'blocking' } satisfies FromReceiver);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, m.ms);
    port.postMessage({ t: 'unblocked', received } satisfies FromReceiver);
  } else {
    t.stop().then(
      () => port.close(),
      () => port.close(),
    );
  }
});
port.postMessage({ t: 'ready', addr: `127.0.0.1:${p}` } satisfies FromReceiver);
