import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { silentLogger, toGrpcError } from '@clusterctl/common';
import { authorizeCall, createClusterCa, issueNodeCertificate, type NodeTls } from '@clusterctl/ca';
import { message, MessageType, SnapshotStatus, type Message, type NodeId } from '@clusterctl/raft';
import { GrpcRaftTransport, type GrpcRaftTransportConfig } from './grpc-transport.js';
import {
  appMessage,
  heartbeat,
  makeTestPki,
  RecordingHandler,
  unusedPort,
  type TestPki,
} from '../testing/grpc-fixtures.js';
import { raftTransportDefinition, type WireBatch, type WireSnapshotChunk } from './wire.js';

let pki: TestPki;
const live: GrpcRaftTransport[] = [];

before(async () => {
  pki = await makeTestPki(3);
});

after(async () => {
  for (const t of live) await t.stop();
});

async function startNode(
  id: NodeId,
  opts: Partial<GrpcRaftTransportConfig> & { port?: number; tls?: NodeTls } = {},
): Promise<{ t: GrpcRaftTransport; h: RecordingHandler; addr: string }> {
  const h = new RecordingHandler();
  const t = new GrpcRaftTransport({
    nodeId: id,
    clusterId: pki.clusterId,
    listenAddr: `127.0.0.1:${opts.port ?? 0}`,
    tls: opts.tls ?? pki.tlsFor(id),
    logger: silentLogger(),
    handler: h,
    ...opts,
  });
  live.push(t);
  const port = await t.start();
  return { t, h, addr: `127.0.0.1:${port}` };
}

function sameEntries(a: Message, b: Message): void {
  assert.equal(a.entries.length, b.entries.length);
  for (let i = 0; i < a.entries.length; i++) {
    assert.equal(a.entries[i]!.index, b.entries[i]!.index);
    assert.equal(a.entries[i]!.term, b.entries[i]!.term);
    assert.equal(a.entries[i]!.type, b.entries[i]!.type);
    assert.deepEqual(Buffer.from(a.entries[i]!.data), Buffer.from(b.entries[i]!.data));
  }
}

describe('GrpcRaftTransport exchange', () => {
  test('two nodes exchange messages in order, fields intact', async () => {
    const a = await startNode(1);
    const b = await startNode(2);
    a.t.addPeer(2, b.addr);
    b.t.addPeer(1, a.addr);
    const sent: Message[] = [];
    for (let i = 1; i <= 600; i++) sent.push(appMessage(1, 2, i * 10, i % 7, 40));
    // Several send() calls, including one per message, as the driver would make them.
    for (let i = 0; i < 100; i++) a.t.send([sent[i]!]);
    a.t.send(sent.slice(100));
    b.t.send([
      message({
        type: MessageType.AppResp,
        from: 2,
        to: 1,
        term: 3,
        index: 77,
        reject: true,
        rejectHint: 70,
        logTerm: 2,
        context: Buffer.from('ctx'),
      }),
    ]);
    await b.h.waitFor('600 messages at node 2', () => b.h.stepped.length === 600);
    await a.h.waitFor('response at node 1', () => a.h.stepped.length === 1);
    for (let i = 0; i < 600; i++) {
      const got = b.h.stepped[i]!;
      assert.equal(got.index, sent[i]!.index, `message ${i} in order`);
      assert.equal(got.type, MessageType.App);
      assert.equal(got.from, 1);
      assert.equal(got.to, 2);
      assert.equal(got.term, 3);
      assert.equal(got.logTerm, 3);
      assert.equal(got.commit, sent[i]!.commit);
      sameEntries(got, sent[i]!);
    }
    const r = a.h.stepped[0]!;
    assert.deepEqual(
      {
        type: r.type,
        from: r.from,
        to: r.to,
        term: r.term,
        index: r.index,
        reject: r.reject,
        rejectHint: r.rejectHint,
        logTerm: r.logTerm,
        ctx: Buffer.from(r.context).toString(),
      },
      {
        type: MessageType.AppResp,
        from: 2,
        to: 1,
        term: 3,
        index: 77,
        reject: true,
        rejectHint: 70,
        logTerm: 2,
        ctx: 'ctx',
      },
    );
    assert.ok(a.t.isConnected(2));
    assert.deepEqual(a.h.unreachable, []);
    // Coalescing: far fewer batch writes than messages.
    assert.ok(a.t.peerStats(2)!.batches < 600, `batches ${a.t.peerStats(2)!.batches}`);
    await a.t.stop();
    await b.t.stop();
  });

  test('three nodes: every pair delivers in order', async () => {
    const nodes = [await startNode(1), await startNode(2), await startNode(3)];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) nodes[i]!.t.addPeer(j + 1, nodes[j]!.addr);
    const perPair = 300;
    for (let k = 1; k <= perPair; k++) {
      for (let i = 0; i < 3; i++) {
        const out: Message[] = [];
        for (let j = 0; j < 3; j++) if (i !== j) out.push(heartbeat(i + 1, j + 1, k));
        nodes[i]!.t.send(out);
      }
    }
    for (const n of nodes) await n.h.waitFor('all heartbeats', () => n.h.stepped.length === 2 * perPair);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        if (i === j) continue;
        const commits = nodes[j]!.h.from(i + 1).map((m) => m.commit);
        assert.deepEqual(
          commits,
          Array.from({ length: perPair }, (_, k) => k + 1),
          `node ${i + 1} -> ${j + 1} in order`,
        );
      }
    }
    for (const n of nodes) await n.t.stop();
  });
});

describe('GrpcRaftTransport failures', () => {
  test('a peer that is down: send() stays non-blocking, drops, and reports unreachable asynchronously', async (t) => {
    const a = await startNode(1, { maxQueuedMessages: 64 });
    const deadPort = await unusedPort();
    a.t.addPeer(2, `127.0.0.1:${deadPort}`);
    const msgs = Array.from({ length: 5000 }, (_, i) => heartbeat(1, 2, i));
    const t0 = performance.now();
    a.t.send(msgs);
    const syncMs = performance.now() - t0;
    // Non-blocking, checked by what happened inside send() rather than by its duration: no
    // callback ran, nothing was written to the network, and the bounded queue already dropped the
    // overflow (so the work inside is one enqueue-or-drop per message).
    assert.equal(a.h.unreachable.length, 0, 'no callback from inside send()');
    assert.deepEqual(
      { ...a.t.peerStats(2)! },
      { batches: 0, messages: 0, dropped: 5000 - 64, reconnects: 0 },
      'nothing written inside send(); the overflow dropped at once',
    );
    t.diagnostic(`send() of 5000 messages to a down peer returned after ${syncMs.toFixed(1)} ms`);
    await a.h.waitFor('unreachable(2)', () => a.h.unreachable.includes(2));
    // The bounded queue dropped the overflow at once; the rest failed with the stream.
    assert.ok(a.t.peerStats(2)!.dropped >= 5000 - 64, `dropped ${a.t.peerStats(2)!.dropped}`);
    // While backing off, further sends are dropped and reported too, still without blocking.
    const before = a.h.unreachable.length;
    a.t.send([heartbeat(1, 2, 1)]);
    await a.h.waitFor('another unreachable', () => a.h.unreachable.length > before);
    assert.equal(a.t.isConnected(2), false);
    // Unknown peers are reported as well.
    a.t.send([heartbeat(1, 9, 1)]);
    await a.h.waitFor('unreachable(9)', () => a.h.unreachable.includes(9));
    await a.t.stop();
  });

  test('an address gRPC cannot parse behaves like a peer that is down (no throw)', async () => {
    const a = await startNode(1);
    a.t.addPeer(2, '');
    assert.doesNotThrow(() =>
      a.t.send([
        heartbeat(1, 2, 1),
        message({
          type: MessageType.Snap,
          from: 1,
          to: 2,
          term: 5,
          snapshot: {
            metadata: { index: 9, term: 2, confState: { voters: [1, 2], learners: [] } },
            data: Buffer.alloc(1),
          },
        }),
      ]),
    );
    await a.h.waitFor(
      'unreachable and snapshot Failure',
      () => a.h.unreachable.includes(2) && a.h.snapshots.length === 1,
    );
    assert.deepEqual(a.h.snapshots, [[2, SnapshotStatus.Failure]]);
    await a.t.stop();
  });

  test('reconnects after the peer restarts on the same address', async () => {
    const a = await startNode(1, { reconnectBackoffMaxMs: 200 });
    let b = await startNode(2);
    const port = b.t.port;
    a.t.addPeer(2, b.addr);
    a.t.send([heartbeat(1, 2, 1)]);
    await b.h.waitFor('first heartbeat', () => b.h.stepped.length === 1);
    await b.t.stop();
    // The leader keeps ticking: a heartbeat every 20 ms, as the driver would.
    let commit = 2;
    const ticker = setInterval(() => a.t.send([heartbeat(1, 2, commit++)]), 20);
    try {
      await a.h.waitFor('unreachable while down', () => a.h.unreachable.includes(2));
      b = await startNode(2, { port });
      const b2 = b;
      await b2.h.waitFor('heartbeats after restart', () => b2.h.stepped.length >= 3);
      const commits = b2.h.stepped.map((m) => m.commit);
      assert.deepEqual(
        commits,
        [...commits].sort((x, y) => x - y),
        'in order after reconnect',
      );
      assert.ok(a.t.peerStats(2)!.reconnects >= 1);
    } finally {
      clearInterval(ticker);
    }
    await a.t.stop();
    await b.t.stop();
  });

  test('an 8 MiB snapshot arrives intact on its own stream while heartbeats keep flowing', async () => {
    const a = await startNode(1, { snapshotChunkBytes: 256 * 1024 });
    const b = await startNode(2);
    a.t.addPeer(2, b.addr);
    a.t.send([heartbeat(1, 2, 0)]);
    await b.h.waitFor('stream up', () => b.h.stepped.length === 1);
    const data = randomBytes(8 * 1024 * 1024);
    const snap = message({
      type: MessageType.Snap,
      from: 1,
      to: 2,
      term: 5,
      snapshot: { metadata: { index: 1234, term: 4, confState: { voters: [1, 2, 3], learners: [4] } }, data },
    });
    // Heartbeats that B steps while part, but not all, of the snapshot has arrived.
    const during: number[] = [];
    b.h.onStep = (m) => {
      const got = b.t.stats.snapshotBytesReceived;
      if (m.type === MessageType.Heartbeat && got > 0 && got < data.length) during.push(m.commit);
    };
    a.t.send([snap]);
    let commit = 1;
    const ticker = setInterval(() => a.t.send([heartbeat(1, 2, commit++)]), 1);
    try {
      await a.h.waitFor('snapshot Finish', () => a.h.snapshots.length === 1);
    } finally {
      clearInterval(ticker);
    }
    assert.deepEqual(a.h.snapshots, [[2, SnapshotStatus.Finish]]);
    const got = b.h.stepped.find((m) => m.type === MessageType.Snap);
    assert.ok(got?.snapshot, 'Snap stepped at the receiver');
    assert.equal(got.from, 1);
    assert.equal(got.term, 5);
    assert.deepEqual(got.snapshot.metadata, { index: 1234, term: 4, confState: { voters: [1, 2, 3], learners: [4] } });
    assert.ok(Buffer.from(got.snapshot.data).equals(data), 'snapshot data intact');
    assert.ok(during.length > 0, 'heartbeats were delivered while the snapshot was streaming');
    await a.t.stop();
    await b.t.stop();
  });

  test('updatePeers follows the member table: adds, re-addresses and removes peers', async () => {
    const a = await startNode(1);
    const b = await startNode(2);
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    a.t.updatePeers(
      new Map([
        [1, enc(`127.0.0.1:${a.t.port}`)],
        [2, enc(`127.0.0.1:${await unusedPort()}`)],
        [3, enc('not an address')],
      ]),
    );
    assert.ok(a.t.hasPeer(2));
    assert.equal(a.t.hasPeer(1), false, 'never a peer of itself');
    assert.equal(a.t.hasPeer(3), false, 'bad context ignored');
    a.t.updatePeers(
      new Map([
        [1, enc('x:1')],
        [2, enc(b.addr)],
      ]),
    );
    a.t.send([heartbeat(1, 2, 7)]);
    await b.h.waitFor('heartbeat at the new address', () => b.h.stepped.length === 1);
    a.t.updatePeers(new Map([[1, enc('x:1')]]));
    assert.equal(a.t.hasPeer(2), false);
    a.t.send([
      heartbeat(1, 2, 8),
      message({
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 5,
        snapshot: {
          metadata: { index: 9, term: 2, confState: { voters: [1, 2], learners: [] } },
          data: Buffer.alloc(1),
        },
      }),
    ]);
    await a.h.waitFor(
      'unreachable and snapshot Failure for a removed peer',
      () => a.h.unreachable.includes(2) && a.h.snapshots.length === 1,
    );
    assert.deepEqual(a.h.snapshots, [[2, SnapshotStatus.Failure]]);
    await a.t.stop();
    await b.t.stop();
  });

  test('a snapshot the receiver rejects (receiveSnapshot throws) reports Failure; accepted ones Finish', async () => {
    const a = await startNode(1);
    let accept = false;
    const received: Message[] = [];
    const b = await startNode(2);
    b.h.receiveSnapshot = async (m: Message): Promise<void> => {
      await Promise.resolve();
      if (!accept) throw new Error('disk full');
      received.push(m);
    };
    a.t.addPeer(2, b.addr);
    const snap = (index: number): Message =>
      message({
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 5,
        snapshot: {
          metadata: { index, term: 2, confState: { voters: [1, 2], learners: [] } },
          data: Buffer.from(`state-${index}`),
        },
      });
    a.t.send([snap(10)]);
    await a.h.waitFor('first outcome', () => a.h.snapshots.length === 1);
    assert.deepEqual(a.h.snapshots[0], [2, SnapshotStatus.Failure]);
    accept = true;
    a.t.send([snap(11)]);
    await a.h.waitFor('second outcome', () => a.h.snapshots.length === 2);
    assert.deepEqual(a.h.snapshots[1], [2, SnapshotStatus.Finish]);
    assert.equal(received.length, 1);
    assert.equal(Buffer.from(received[0]!.snapshot!.data).toString(), 'state-11');
    assert.equal(b.h.stepped.length, 0, 'receiveSnapshot replaces step for snapshots');
    await a.t.stop();
    await b.t.stop();
  });

  test('a snapshot to a peer that is down reports Failure', async () => {
    const a = await startNode(1);
    a.t.addPeer(2, `127.0.0.1:${await unusedPort()}`);
    a.t.send([
      message({
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 5,
        snapshot: {
          metadata: { index: 9, term: 2, confState: { voters: [1, 2], learners: [] } },
          data: Buffer.alloc(10),
        },
      }),
    ]);
    await a.h.waitFor('snapshot Failure', () => a.h.snapshots.length === 1);
    assert.deepEqual(a.h.snapshots, [[2, SnapshotStatus.Failure]]);
    assert.ok(a.h.unreachable.includes(2));
    await a.t.stop();
  });
});

// ---- authentication / authorization ----

type RawResult = { code: grpc.status; details: string };

/** Sends batches on one raw Send stream with the given credentials; resolves with the final status. */
function rawSend(addr: string, creds: grpc.ChannelCredentials, batches: WireBatch[]): Promise<RawResult> {
  const client = new grpc.Client(addr, creds, {
    'grpc.use_local_subchannel_pool': 1,
    'grpc.enable_retries': 0,
    'grpc.ssl_target_name_override': 'x',
  });
  const def = raftTransportDefinition.send;
  return new Promise((resolve) => {
    const call = client.makeClientStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, (err) => {
      client.close();
      resolve(err ? { code: err.code, details: err.details } : { code: grpc.status.OK, details: '' });
    });
    call.on('error', () => {});
    for (const b of batches) call.write(b);
    call.end();
  });
}

const anyServer = { checkServerIdentity: (): undefined => undefined };

describe('GrpcRaftTransport authentication', () => {
  test('the listener accepts a correct manager (control case for the refusals below)', async () => {
    const b = await startNode(2);
    const tls = pki.tlsFor(1);
    const creds = grpc.credentials.createSsl(
      Buffer.from(tls.caPem),
      Buffer.from(tls.keyPem),
      Buffer.from(tls.certPem),
      anyServer,
    );
    const r = await rawSend(b.addr, creds, [{ clusterId: pki.clusterId, from: 1, messages: [heartbeat(1, 2, 5)] }]);
    assert.equal(r.code, grpc.status.OK, r.details);
    assert.equal(b.h.stepped.length, 1);
    await b.t.stop();
  });

  test('refuses a client without a certificate, a certificate from another CA, and a worker certificate', async () => {
    const b = await startNode(2);
    const batch = (from: NodeId): WireBatch => ({ clusterId: pki.clusterId, from, messages: [heartbeat(from, 2, 5)] });
    const ca = Buffer.from(pki.ca.certPem);

    // 1. No client certificate: the TLS handshake fails.
    const noCert = await rawSend(b.addr, grpc.credentials.createSsl(ca, null, null, anyServer), [batch(1)]);
    assert.notEqual(noCert.code, grpc.status.OK);

    // 2. A manager certificate with the right cluster id and node id but from another CA.
    const otherCa = await createClusterCa({ clusterId: pki.clusterId, validityDays: 1 });
    const foreign = await issueNodeCertificate(otherCa, {
      nodeId: '1',
      role: 'manager',
      clusterId: pki.clusterId,
      validityDays: 1,
    });
    const r2 = await rawSend(
      b.addr,
      grpc.credentials.createSsl(ca, Buffer.from(foreign.keyPem), Buffer.from(foreign.certPem), anyServer),
      [batch(1)],
    );
    assert.notEqual(r2.code, grpc.status.OK);
    // Both were stopped by the TLS handshake, before any handler or authorization code ran.
    assert.equal(noCert.code, grpc.status.UNAVAILABLE, noCert.details);
    assert.equal(r2.code, grpc.status.UNAVAILABLE, r2.details);
    assert.equal(b.t.stats.refusedCalls, 0);

    // 3. A worker certificate from the right CA: TLS succeeds, the call is refused.
    const worker = await issueNodeCertificate(pki.ca, {
      nodeId: '1',
      role: 'worker',
      clusterId: pki.clusterId,
      validityDays: 1,
    });
    const r3 = await rawSend(
      b.addr,
      grpc.credentials.createSsl(ca, Buffer.from(worker.keyPem), Buffer.from(worker.certPem), anyServer),
      [batch(1)],
    );
    assert.equal(r3.code, grpc.status.PERMISSION_DENIED, r3.details);
    assert.match(r3.details, /role worker/);

    assert.equal(b.h.stepped.length, 0, 'nothing reached the handler');
    assert.ok(b.t.stats.refusedCalls >= 1);
    await b.t.stop();
  });

  test('with requireClientCertificate=false, callers without a certificate get in over TLS but raft refuses them; an unverifiable certificate is refused at the connection', async () => {
    const b = await startNode(2, { requireClientCertificate: false });
    const ca = Buffer.from(pki.ca.certPem);
    const batch: WireBatch = { clusterId: pki.clusterId, from: 1, messages: [heartbeat(1, 2, 5)] };
    const noCert = await rawSend(b.addr, grpc.credentials.createSsl(ca, null, null, anyServer), [batch]);
    assert.equal(noCert.code, grpc.status.UNAUTHENTICATED, noCert.details);
    const otherCa = await createClusterCa({ clusterId: pki.clusterId, validityDays: 1 });
    const foreign = await issueNodeCertificate(otherCa, {
      nodeId: '1',
      role: 'manager',
      clusterId: pki.clusterId,
      validityDays: 1,
    });
    const r2 = await rawSend(
      b.addr,
      grpc.credentials.createSsl(ca, Buffer.from(foreign.keyPem), Buffer.from(foreign.certPem), anyServer),
      [batch],
    );
    // Closed right after the handshake (a channel would dial again with its current certificate),
    // not left open answering UNAUTHENTICATED.
    assert.equal(r2.code, grpc.status.UNAVAILABLE, r2.details);
    const tls1 = pki.tlsFor(1);
    const ok = await rawSend(
      b.addr,
      grpc.credentials.createSsl(ca, Buffer.from(tls1.keyPem), Buffer.from(tls1.certPem), anyServer),
      [batch],
    );
    assert.equal(ok.code, grpc.status.OK, ok.details);
    assert.equal(b.h.stepped.length, 1, 'only the manager got through');
    assert.equal(b.t.stats.refusedCalls, 1);
    await b.t.stop();
  });

  test('a transport with a worker certificate cannot reach a manager: refused, reported unreachable', async () => {
    const b = await startNode(2);
    const w = await issueNodeCertificate(pki.ca, {
      nodeId: '1',
      role: 'worker',
      clusterId: pki.clusterId,
      validityDays: 1,
    });
    const a = await startNode(1, { tls: { caPem: pki.ca.certPem, certPem: w.certPem, keyPem: w.keyPem } });
    a.t.addPeer(2, b.addr);
    a.t.send([heartbeat(1, 2, 1), appMessage(1, 2, 5, 3)]);
    await a.h.waitFor('unreachable', () => a.h.unreachable.includes(2));
    assert.equal(b.h.stepped.length, 0);
    assert.ok(b.t.stats.refusedCalls >= 1);
    await a.t.stop();
    await b.t.stop();
  });

  test('a batch claiming another sender is refused, and so is a message inside it claiming another from', async () => {
    const b = await startNode(2);
    const tls3 = pki.tlsFor(3);
    const creds = grpc.credentials.createSsl(
      Buffer.from(tls3.caPem),
      Buffer.from(tls3.keyPem),
      Buffer.from(tls3.certPem),
      anyServer,
    );
    // Certificate says node 3, batch says node 1.
    const r1 = await rawSend(b.addr, creds, [{ clusterId: pki.clusterId, from: 1, messages: [heartbeat(1, 2, 5)] }]);
    assert.equal(r1.code, grpc.status.PERMISSION_DENIED, r1.details);
    assert.match(r1.details, /certificate is node 3/);
    // Batch from 3 (true) but a message inside claims node 1.
    const r2 = await rawSend(b.addr, creds, [
      { clusterId: pki.clusterId, from: 3, messages: [heartbeat(3, 2, 1), heartbeat(1, 2, 5)] },
    ]);
    assert.equal(r2.code, grpc.status.INVALID_ARGUMENT, r2.details);
    // Local-only message types and Snap on the Send stream are refused.
    const r3 = await rawSend(b.addr, creds, [
      { clusterId: pki.clusterId, from: 3, messages: [message({ type: MessageType.Hup, from: 3, to: 2 })] },
    ]);
    assert.equal(r3.code, grpc.status.INVALID_ARGUMENT, r3.details);
    // Another cluster id in the batch.
    const r4 = await rawSend(b.addr, creds, [{ clusterId: 'other', from: 3, messages: [heartbeat(3, 2, 1)] }]);
    assert.equal(r4.code, grpc.status.PERMISSION_DENIED, r4.details);
    assert.equal(b.h.stepped.length, 0, 'no message of a refused batch reached the handler');
    // A transport configured as node 1 but holding node 3's certificate gets nowhere either.
    const liar = await startNode(1, { tls: tls3 });
    liar.t.addPeer(2, b.addr);
    liar.t.send([heartbeat(1, 2, 1)]);
    await liar.h.waitFor('unreachable', () => liar.h.unreachable.includes(2));
    assert.equal(b.h.stepped.length, 0);
    await liar.t.stop();
    await b.t.stop();
  });

  test('an undecodable batch ends the stream with an error and reaches nobody', async () => {
    const b = await startNode(2);
    const tls1 = pki.tlsFor(1);
    const creds = grpc.credentials.createSsl(
      Buffer.from(tls1.caPem),
      Buffer.from(tls1.keyPem),
      Buffer.from(tls1.certPem),
      anyServer,
    );
    const client = new grpc.Client(b.addr, creds, {
      'grpc.use_local_subchannel_pool': 1,
      'grpc.ssl_target_name_override': 'x',
    });
    const code = await new Promise<grpc.status>((resolve) => {
      const call = client.makeClientStreamRequest(
        raftTransportDefinition.send.path,
        (x: Buffer) => x,
        (x: Buffer) => x,
        (err) => resolve(err ? err.code : grpc.status.OK),
      );
      call.on('error', () => {});
      call.write(Buffer.from([0x1a, 0x05, 0x08])); // a message whose declared length runs past the buffer
      call.end();
    });
    client.close();
    assert.notEqual(code, grpc.status.OK);
    assert.equal(b.h.stepped.length, 0);
    await b.t.stop();
  });

  test('the snapshot stream checks the sender too; Snap is refused on the Send stream', async () => {
    const b = await startNode(2);
    const tls3 = pki.tlsFor(3);
    const creds = grpc.credentials.createSsl(
      Buffer.from(tls3.caPem),
      Buffer.from(tls3.keyPem),
      Buffer.from(tls3.certPem),
      anyServer,
    );
    const snapMsg = (from: NodeId): WireSnapshotChunk['message'] => {
      const m = message({ type: MessageType.Snap, from, to: 2, term: 5 });
      return { ...m, snapshotMetadata: { index: 9, term: 2, confState: { voters: [1, 2, 3], learners: [] } } };
    };
    const sendChunks = (chunks: WireSnapshotChunk[]): Promise<RawResult> => {
      const client = new grpc.Client(b.addr, creds, {
        'grpc.use_local_subchannel_pool': 1,
        'grpc.ssl_target_name_override': 'x',
      });
      const def = raftTransportDefinition.sendSnapshot;
      return new Promise((resolve) => {
        const call = client.makeClientStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, (err) => {
          client.close();
          resolve(err ? { code: err.code, details: err.details } : { code: grpc.status.OK, details: '' });
        });
        call.on('error', () => {});
        for (const c of chunks) call.write(c);
        call.end();
      });
    };
    const spoofed = await sendChunks([
      { clusterId: pki.clusterId, message: snapMsg(1), data: Buffer.from('x'), last: true },
    ]);
    assert.equal(spoofed.code, grpc.status.PERMISSION_DENIED, spoofed.details);
    const unfinished = await sendChunks([
      { clusterId: pki.clusterId, message: snapMsg(3), data: Buffer.from('x'), last: false },
    ]);
    assert.equal(unfinished.code, grpc.status.INVALID_ARGUMENT, unfinished.details);
    const headless = await sendChunks([{ clusterId: pki.clusterId, data: Buffer.from('x'), last: true }]);
    assert.equal(headless.code, grpc.status.INVALID_ARGUMENT, headless.details);
    const onSend = await rawSend(b.addr, creds, [
      { clusterId: pki.clusterId, from: 3, messages: [message({ type: MessageType.Snap, from: 3, to: 2, term: 5 })] },
    ]);
    assert.equal(onSend.code, grpc.status.INVALID_ARGUMENT, onSend.details);
    assert.equal(b.h.stepped.length, 0);
    // The genuine article gets through.
    const ok = await sendChunks([
      { clusterId: pki.clusterId, message: snapMsg(3), data: Buffer.from('ab'), last: false },
      { clusterId: pki.clusterId, data: Buffer.from('cd'), last: true },
    ]);
    assert.equal(ok.code, grpc.status.OK, ok.details);
    assert.equal(Buffer.from(b.h.stepped[0]!.snapshot!.data).toString(), 'abcd');
    await b.t.stop();
  });

  test('the sender refuses a server whose certificate names another node', async () => {
    const b = await startNode(2);
    const a = await startNode(1);
    a.t.addPeer(3, b.addr); // node 2 listens there, not node 3
    a.t.send([heartbeat(1, 3, 1)]);
    await a.h.waitFor('unreachable(3)', () => a.h.unreachable.includes(3));
    assert.equal(b.h.stepped.length, 0);
    await a.t.stop();
    await b.t.stop();
  });
});

describe('sharing the listener', () => {
  test('another service on the same port, authorized with authorizeCall, admits workers while raft refuses them', async () => {
    const b = await startNode(2);
    const echo: grpc.ServiceDefinition = {
      echo: {
        path: '/test.Echo/Echo',
        requestStream: false,
        responseStream: false,
        requestSerialize: (x: Buffer) => x,
        requestDeserialize: (x: Buffer) => x,
        responseSerialize: (x: Buffer) => x,
        responseDeserialize: (x: Buffer) => x,
      },
    };
    b.t.addService(echo, {
      echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
        const r = authorizeCall(call, { clusterId: pki.clusterId, roles: ['manager', 'worker'] });
        if (!r.ok) return cb(toGrpcError(r.error));
        cb(null, Buffer.from(`${r.identity.role}:${r.identity.nodeId}:${call.request.toString()}`));
      },
    });
    const w = await issueNodeCertificate(pki.ca, {
      nodeId: 'w7',
      role: 'worker',
      clusterId: pki.clusterId,
      validityDays: 1,
    });
    const creds = grpc.credentials.createSsl(
      Buffer.from(pki.ca.certPem),
      Buffer.from(w.keyPem),
      Buffer.from(w.certPem),
      anyServer,
    );
    const client = new grpc.Client(b.addr, creds, {
      'grpc.use_local_subchannel_pool': 1,
      'grpc.ssl_target_name_override': 'x',
    });
    const reply = await new Promise<string>((resolve, reject) => {
      client.makeUnaryRequest(
        '/test.Echo/Echo',
        (x: Buffer) => x,
        (x: Buffer) => x,
        Buffer.from('hi'),
        (err, res) => (err ? reject(err) : resolve(res!.toString())),
      );
    });
    client.close();
    assert.equal(reply, 'worker:w7:hi');
    const r = await rawSend(b.addr, creds, [{ clusterId: pki.clusterId, from: 7, messages: [heartbeat(7, 2, 1)] }]);
    assert.equal(r.code, grpc.status.PERMISSION_DENIED);
    await b.t.stop();
  });
});

describe('certificate renewal', () => {
  test('updateTls: new handshakes use the renewed certificate, existing streams keep flowing, wrong certs refused', async () => {
    const a = await startNode(1);
    const b = await startNode(2);
    a.t.addPeer(2, b.addr);
    a.t.send([heartbeat(1, 2, 1)]);
    await b.h.waitFor('first heartbeat', () => b.h.stepped.length === 1);

    const renewed = await issueNodeCertificate(pki.ca, {
      nodeId: '2',
      role: 'manager',
      clusterId: pki.clusterId,
      validityDays: 2,
    });
    b.t.updateTls({ caPem: pki.ca.certPem, certPem: renewed.certPem, keyPem: renewed.keyPem });
    // The stream opened before the renewal is unaffected.
    a.t.send([heartbeat(1, 2, 2)]);
    await b.h.waitFor('heartbeat on the old stream', () => b.h.stepped.length === 2);
    // A new handshake sees the renewed certificate.
    let presented: Buffer | undefined;
    const tls1 = pki.tlsFor(1);
    const creds = grpc.credentials.createSsl(
      Buffer.from(tls1.caPem),
      Buffer.from(tls1.keyPem),
      Buffer.from(tls1.certPem),
      {
        checkServerIdentity: (_h: string, cert: { raw?: Buffer }) => {
          presented = cert.raw;
          return undefined;
        },
      },
    );
    const r = await rawSend(b.addr, creds, [{ clusterId: pki.clusterId, from: 1, messages: [heartbeat(1, 2, 3)] }]);
    assert.equal(r.code, grpc.status.OK, r.details);
    assert.ok(presented?.equals(new X509Certificate(renewed.certPem).raw), 'server presents the renewed certificate');

    // The client side renews too: a fresh connection from A still gets through.
    const renewedA = await issueNodeCertificate(pki.ca, {
      nodeId: '1',
      role: 'manager',
      clusterId: pki.clusterId,
      validityDays: 2,
    });
    a.t.updateTls({ caPem: pki.ca.certPem, certPem: renewedA.certPem, keyPem: renewedA.keyPem });
    a.t.removePeer(2);
    a.t.addPeer(2, b.addr);
    a.t.send([heartbeat(1, 2, 4)]);
    await b.h.waitFor('heartbeat over a new connection', () => b.h.stepped.some((m) => m.commit === 4));

    const worker = await issueNodeCertificate(pki.ca, {
      nodeId: '1',
      role: 'worker',
      clusterId: pki.clusterId,
      validityDays: 1,
    });
    assert.throws(
      () => a.t.updateTls({ caPem: pki.ca.certPem, certPem: worker.certPem, keyPem: worker.keyPem }),
      (e: unknown) => (e as { code?: string }).code === 'INVALID_ARGUMENT',
    );
    await a.t.stop();
    await b.t.stop();
  });
});
