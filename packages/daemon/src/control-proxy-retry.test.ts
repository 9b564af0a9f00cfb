// The daemon's Control proxy may try a call on another manager only when doing so cannot apply a
// change twice: a write is retried when it was never sent (no connection), not after the connection
// dropped with the write on it; that caller is told the outcome is unknown. Real gRPC: a "manager"
// reached through a TCP relay that cuts every connection the moment it has applied a write.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, freePort, fromGrpcError, isOutcomeUnknown, toGrpcError } from '@clusterctl/common';
import { ControlService } from '@clusterctl/proto';
import { serveProxy, type ServedProxy } from './testing/proxy.js';
import { HINT_OUTCOME_UNKNOWN } from './control-proxy-errors.js';

/** A TCP relay to `target` whose connections can all be cut at once. */
async function relay(target: number): Promise<{ addr: string; cut(): void; close(): void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((down) => {
    const up = connect(target, '127.0.0.1');
    for (const s of [down, up]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    down.pipe(up);
    up.pipe(down);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    addr: `127.0.0.1:${port}`,
    cut: () => sockets.forEach((s) => s.destroy()),
    close: () => {
      sockets.forEach((s) => s.destroy());
      server.close();
    },
  };
}

describe('ControlProxy retries only what cannot be applied twice (real gRPC)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cctl-proxy-retry-'));
  const sock = join(dir, 'control.sock');
  const services = new Set<string>();
  let applied = 0;
  let reads = 0;
  let cutReads = 0;
  let manager: grpc.Server;
  let served: ServedProxy;
  let client: grpc.Client;
  let viaRelay: Awaited<ReturnType<typeof relay>>;
  let direct = '';
  let targets: string[] = [];

  before(async () => {
    manager = new grpc.Server();
    const impl: grpc.UntypedServiceImplementation = {};
    for (const name of Object.keys(ControlService))
      impl[name] = (_c: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb({ code: grpc.status.UNIMPLEMENTED, details: name });
    impl.createService = (
      call: grpc.ServerUnaryCall<{ spec: { name: string } }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) => {
      const name = call.request.spec.name;
      if (services.has(name))
        return cb(
          toGrpcError(
            new ClusterError(ErrorCode.AlreadyExists, `service ${name} already exists`, { hint: 'pick another name' }),
          ),
        );
      services.add(name);
      applied++;
      // applied and committed: the connection the write came on is cut before the answer
      if (name.startsWith('cut-')) return viaRelay.cut();
      cb(null, { id: `id-${name}`, spec: { name } });
    };
    impl.getService = (call: grpc.ServerUnaryCall<{ service: string }, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      reads++;
      if (cutReads > 0) {
        cutReads--;
        return viaRelay.cut();
      }
      cb(null, { id: `id-${call.request.service}` });
    };
    manager.addService(ControlService as unknown as grpc.ServiceDefinition, impl);
    const port = await new Promise<number>((resolve, reject) =>
      manager.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    direct = `127.0.0.1:${port}`;
    viaRelay = await relay(port);
    // the relayed manager first, then "another manager" (the same state, reached directly)
    served = await serveProxy(sock, () => targets, { callTimeoutMs: 5_000, attemptTimeoutMs: 2_000 });
    client = served.client;
  });
  after(() => {
    served.close();
    manager.forceShutdown();
    viaRelay.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(method: string, req: unknown): Promise<{ err?: ClusterError; res?: unknown }> {
    const def = (ControlService as unknown as Record<string, grpc.MethodDefinition<unknown, unknown>>)[method]!;
    return new Promise((resolve) =>
      client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + 10_000 },
        (err, res) => resolve(err ? { err: fromGrpcError(err, { target: 'the local node daemon' }) } : { res }),
      ),
    );
  }

  test('a write whose connection dropped after it was sent is not sent again: the outcome is unknown', async () => {
    targets = [viaRelay.addr, direct];
    const r = await call('createService', { spec: { name: 'cut-web', image: 'busybox' } });
    assert.equal(applied, 1, 'applied once, not retried on the next manager');
    assert.ok(r.err, 'the caller is not told it succeeded');
    assert.notEqual(r.err.code, ErrorCode.AlreadyExists, `${r.err.code}: ${r.err.message}`);
    assert.equal(r.err.code, ErrorCode.Unavailable, r.err.message);
    assert.ok(isOutcomeUnknown(r.err), 'details say the outcome is unknown');
    assert.match(r.err.hint, new RegExp(HINT_OUTCOME_UNKNOWN.replace(/[()]/g, '\\$&')));
    assert.match(r.err.message, new RegExp(viaRelay.addr));
  });

  test('a read whose connection dropped is tried again and answered', async () => {
    targets = [viaRelay.addr, direct];
    cutReads = 1;
    const before = reads;
    const r = await call('getService', { service: 'web' });
    assert.equal(r.err, undefined, r.err?.message);
    assert.equal(reads - before, 2);
  });

  test('a write that was never sent (the first manager refuses connections) goes to the next manager once', async () => {
    targets = [`127.0.0.1:${await freePort()}`, direct];
    const before = applied;
    const r = await call('createService', { spec: { name: 'api', image: 'busybox' } });
    assert.equal(r.err, undefined, r.err?.message);
    assert.equal(applied - before, 1);
  });
});
