#!/usr/bin/env node
// The benchmark KV node (not a clusterctl manager: no control API, no CA, no leader logic): a raft
// node (LevelDB log, fsync on) + gRPC raft transport + cluster store, with the manager's KV service on
// the same mutual-TLS listener. The raft benchmark, the raft demo and the raft system tests start
// it through the process-cluster kit. Static membership from --peers (a brand-new
// cluster bootstraps from it; a restart reads its membership from the raft log).
//
//   node packages/bench/dist/bin/kv-node.js --id 1 --listen 127.0.0.1:7001 --peers 1=127.0.0.1:7001,2=...,3=...
//     --data-dir DIR --cluster-id ID --ca-file ca.pem --cert-file n1.crt --key-file n1.key
//     [--tick-ms 100] [--election-tick 10]
//     [--at-rest on|off]              encrypt the raft log at rest as managers do (default on; the
//                                     data key is kept in DIR/raft-dek.json)
//     [--dial 2=127.0.0.1:9002,...]  where to reach a peer, when not at its --peers address (tests
//                                     route links through fault-injecting proxies this way)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '@clusterctl/common';
import { ClusterStore } from '@clusterctl/store';
import { KVService } from '@clusterctl/proto';
import type { Message, NodeId, SnapshotStatus } from '@clusterctl/raft';
import { GrpcRaftTransport, RaftNode, RecordCipher, readDekFile, writeDekFile } from '@clusterctl/raft-node';
import { kvServiceImplementation } from '@clusterctl/manager';
import { describeMessages, openPhaseTracer, wrapMethod, type PhaseTracer } from '../raft-bench/phase-trace.js';

function fail(msg: string): never {
  process.stderr.write(`kv-node: ${msg}\n`);
  process.exit(2);
}

const { values: a } = parseArgs({
  options: {
    id: { type: 'string' },
    listen: { type: 'string' },
    peers: { type: 'string' },
    'data-dir': { type: 'string' },
    'cluster-id': { type: 'string' },
    'ca-file': { type: 'string' },
    'cert-file': { type: 'string' },
    'key-file': { type: 'string' },
    'tick-ms': { type: 'string' },
    'election-tick': { type: 'string' },
    'trace-file': { type: 'string' },
    dial: { type: 'string' },
    'at-rest': { type: 'string', default: 'on' },
  },
});

const id = Number(a.id);
if (!Number.isSafeInteger(id) || id <= 0) fail('--id must be a positive integer');
const listen = a.listen ?? fail('--listen host:port is required');
const dataDir = a['data-dir'] ?? fail('--data-dir is required');
const clusterId = a['cluster-id'] ?? fail('--cluster-id is required');
const peers = new Map<NodeId, string>();
for (const part of (a.peers ?? `${id}=${listen}`).split(',')) {
  const [pid, addr] = part.split('=');
  if (pid === undefined || addr === undefined || !Number.isSafeInteger(Number(pid)))
    fail(`bad --peers entry ${part} (want id=host:port)`);
  peers.set(Number(pid), addr);
}
if (!peers.has(id)) peers.set(id, listen);
const dial = new Map<NodeId, string>();
for (const part of (a.dial ?? '').split(',').filter((x) => x !== '')) {
  const [pid, addr] = part.split('=');
  if (pid === undefined || addr === undefined || !peers.has(Number(pid)))
    fail(`bad --dial entry ${part} (want id=host:port of a peer)`);
  dial.set(Number(pid), addr);
}
const tls = {
  caPem: readFileSync(a['ca-file'] ?? fail('--ca-file is required'), 'utf8'),
  certPem: readFileSync(a['cert-file'] ?? fail('--cert-file is required'), 'utf8'),
  keyPem: readFileSync(a['key-file'] ?? fail('--key-file is required'), 'utf8'),
};

const log = createLogger({ name: `kv-node-${id}` });
const store = new ClusterStore({ logger: log.child({ component: 'store' }) });
// Benchmark diagnostics only: per-phase events of the write path (see bench/phase-trace.ts).
const tracer: PhaseTracer | undefined =
  a['trace-file'] === undefined ? undefined : openPhaseTracer(a['trace-file'], id);
if (tracer !== undefined) {
  wrapMethod(store, 'apply', (args, call) => {
    const r = call();
    tracer.ev('apply', { i: args[1] });
    return r;
  });
}

// The transport needs its handler before the node exists; messages arriving meanwhile are dropped
// (raft resends).
const sink: { node?: RaftNode } = {};
const transport = new GrpcRaftTransport({
  nodeId: id,
  clusterId,
  listenAddr: listen,
  tls,
  logger: log,
  handler: {
    step: (m: Message) => {
      tracer?.ev('recv', { m: describeMessages([m]), i: m.index, c: m.commit });
      sink.node?.step(m);
    },
    reportUnreachable: (peer: NodeId) => sink.node?.reportUnreachable(peer),
    reportSnapshot: (peer: NodeId, status: SnapshotStatus) => sink.node?.reportSnapshot(peer, status),
  },
});
for (const [pid, addr] of peers) if (pid !== id) transport.addPeer(pid, dial.get(pid) ?? addr);
if (dial.size > 0) {
  // The driver re-addresses peers from the replicated member table (their advertised addresses);
  // keep the --dial overrides in force.
  const updatePeers = transport.updatePeers.bind(transport);
  const utf8 = new TextEncoder();
  transport.updatePeers = (members) =>
    updatePeers(new Map([...members].map(([pid, ctx]) => [pid, dial.has(pid) ? utf8.encode(dial.get(pid)) : ctx])));
}
if (tracer !== undefined) {
  wrapMethod(transport, 'send', (args, call) => {
    tracer.ev('send', { m: describeMessages(args[0] as Message[]) });
    return call();
  });
}

// The data key, as a manager keeps its own (unwrapped; autolock is a manager feature).
let cipher: RecordCipher | undefined;
if (a['at-rest'] !== 'off') {
  const keyFile = join(dataDir, 'raft-dek.json');
  const stored = await readDekFile(keyFile);
  if (stored?.kind === 'wrapped') fail(`${keyFile} is wrapped: the benchmark node keeps its key unwrapped`);
  let dek = stored?.dek;
  if (dek === undefined) {
    dek = RecordCipher.generateKey();
    await writeDekFile(keyFile, dek);
  }
  cipher = new RecordCipher(dek);
}

const enc = new TextEncoder();
const raftConfig = {
  id,
  dataDir: join(dataDir, 'raft'),
  ...(cipher === undefined ? {} : { cipher }),
  stateMachine: store,
  transport,
  logger: log,
  ...(a['tick-ms'] === undefined ? {} : { tickMs: Number(a['tick-ms']) }),
  ...(a['election-tick'] === undefined ? {} : { electionTick: Number(a['election-tick']) }),
};
const raft = await RaftNode.start(raftConfig, {
  bootstrap: [...peers].map(([pid, addr]) => ({ id: pid, context: enc.encode(addr) })),
});
sink.node = raft;
store.setProposer(raft);
if (tracer !== undefined) {
  wrapMethod(raft.storage, 'save', (args, call) => {
    const rd = args[0] as { entries: unknown[]; mustSync: boolean };
    const t0 = Date.now();
    tracer.ev('save0', { e: rd.entries.length, s: rd.mustSync });
    return (call() as Promise<void>).then(() =>
      tracer.ev('save1', { e: rd.entries.length, s: rd.mustSync, ms: Date.now() - t0 }),
    );
  });
  wrapMethod(store, 'commit', (_args, call) => {
    tracer.ev('put0');
    return (call() as Promise<unknown>).then((v) => {
      tracer.ev('put1');
      return v;
    });
  });
}

transport.addService(
  KVService as unknown as Parameters<GrpcRaftTransport['addService']>[0],
  kvServiceImplementation({
    clusterId,
    store,
    logger: log,
    status: () => {
      const s = raft.status();
      return {
        id,
        leader: s.leader,
        term: s.term,
        commit: s.hardState.commit,
        applied: s.appliedIndex,
        role: s.role,
        voters: s.confState.voters,
        learners: s.confState.learners,
      };
    },
  }) as unknown as Parameters<GrpcRaftTransport['addService']>[1],
);
const port = await transport.start();
log.info({ id, addr: listen, port, peers: Object.fromEntries(peers) }, 'kv node started');

raft.onFatal((err) => {
  log.fatal({ err }, 'raft node failed; exiting');
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  tracer?.close();
  Promise.allSettled([raft.stop(), transport.stop()])
    .then(() => process.exit(0))
    .catch(() => process.exit(1));
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
