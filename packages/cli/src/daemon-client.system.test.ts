// The CLI against a stand-in for the daemon's control socket (a real gRPC server on a unix socket in
// a temp dir): a manager's ClusterError reaches the user with its code and hint and the mapped exit
// code; a socket nobody listens on is UNAVAILABLE with the start hint; a socket or data dir this
// user may not open is PERMISSION_DENIED with the root hint.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, toGrpcError } from '@clusterctl/common';
import { ControlService, LocalService } from '@clusterctl/proto';
import { DaemonClient } from './daemon-client.js';
import { main } from './program.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, {});
  return { code, out, err };
}

describe('the CLI over a control socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clusterctl-socket-test-'));
  const server = new grpc.Server();
  const calls: string[] = [];

  before(async () => {
    const unimplemented = (name: string) => (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
      calls.push(name);
      cb({ code: grpc.status.UNIMPLEMENTED, details: `${name} not in this stand-in` });
    };
    const control: grpc.UntypedServiceImplementation = {};
    for (const name of Object.keys(ControlService)) control[name] = unimplemented(name);
    control.getService = (
      call: grpc.ServerUnaryCall<{ service: string }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) => {
      calls.push('getService');
      cb(
        toGrpcError(
          new ClusterError(ErrorCode.NotFound, `service ${JSON.stringify(call.request.service)} not found`, {
            hint: 'list services with `clusterctl service ls`',
          }),
        ),
      );
    };
    control.listNodes = (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
      calls.push('listNodes');
      cb(null, {
        nodes: [
          {
            id: 'n1aaaaaaaaaaaaaaaaaaaaaaa',
            hostname: 'm1',
            role: 'manager',
            availability: 'active',
            status: { state: 'ready' },
            managerStatus: { leader: true, reachability: 'reachable' },
            addr: '127.0.0.1',
          },
        ],
      });
    };
    // two pages of services, as a manager answers a long list
    control.listServices = (
      call: grpc.ServerUnaryCall<{ pageToken: string }, unknown>,
      cb: grpc.sendUnaryData<unknown>,
    ) => {
      calls.push('listServices');
      const svc = (name: string) => ({
        service: {
          id: `${name}aaaaaaaaaaaaaaaaaaaaaaa`,
          spec: { name, image: 'busybox', mode: 'replicated', replicas: 1 },
        },
        running: 1,
        desired: 1,
      });
      if (call.request.pageToken === '') cb(null, { services: [svc('a1'), svc('a2')], nextPageToken: 'p2' });
      else if (call.request.pageToken === 'p2') cb(null, { services: [svc('b1')], nextPageToken: '' });
      else cb({ code: grpc.status.INVALID_ARGUMENT, details: 'bad token' });
    };
    server.addService(ControlService as unknown as grpc.ServiceDefinition, control);
    server.addService(LocalService as unknown as grpc.ServiceDefinition, {
      info: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb(null, { nodeId: 'n1aaaaaaaaaaaaaaaaaaaaaaa', role: 'manager' }),
      leave: unimplemented('leave'),
    });
    await new Promise<void>((res, rej) =>
      server.bindAsync(`unix:${join(dir, 'control.sock')}`, grpc.ServerCredentials.createInsecure(), (e) =>
        e ? rej(e) : res(),
      ),
    );
  });

  after(async () => {
    await new Promise<void>((res) => server.tryShutdown(() => res()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('a manager error keeps its code and hint; exit code 1', async () => {
    const r = await cli(['--data-dir', dir, 'service', 'rm', 'nosuch']);
    assert.equal(r.code, 1);
    assert.equal(
      r.err,
      'error: NOT_FOUND: service "nosuch" not found\nhint: list services with `clusterctl service ls`\n',
    );
    assert.equal(r.out, '');
    assert.deepEqual(
      calls.filter((c) => c === 'removeService'),
      [],
      'nothing removed after the lookup failed',
    );
  });

  test('tables and JSON from the same answer', async () => {
    const t = await cli(['--data-dir', dir, 'node', 'ls']);
    assert.equal(t.code, 0, t.err);
    assert.equal(
      t.out,
      'ID                            HOSTNAME   STATUS   AVAILABILITY   MANAGER STATUS   ADDRESS\nn1aaaaaaaaaaaaaaaaaaaaaaa *   m1         Ready    Active         Leader           127.0.0.1\n',
    );
    const j = await cli(['--data-dir', dir, '--format', 'json', 'node', 'ls']);
    const nodes = JSON.parse(j.out) as Array<{ id: string; self: boolean; managerStatus: { leader: boolean } }>;
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0]!.self, true);
    assert.equal(nodes[0]!.managerStatus.leader, true);
  });

  test('service ls follows the pages of a long list', async () => {
    const r = await cli(['--data-dir', dir, '--format', 'json', 'service', 'ls']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      (JSON.parse(r.out) as { spec: { name: string } }[]).map((s) => s.spec.name),
      ['a1', 'a2', 'b1'],
    );
  });

  test('a call the daemon does not implement is a clear error, not a crash', async () => {
    const r = await cli(['--data-dir', dir, 'join-token', 'worker']);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /^error: FAILED_PRECONDITION: getJoinToken not in this stand-in\nhint: .*same clusterctl version/,
    );
  });

  test('a socket file nobody listens on (a killed daemon) is UNAVAILABLE with the start hint', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'clusterctl-stale-'));
    try {
      const sock = join(stale, 'control.sock');
      // a process that binds the socket and dies without removing it
      spawnSync(process.execPath, [
        '-e',
        `require('net').createServer().listen(${JSON.stringify(sock)}, () => process.kill(process.pid, 'SIGKILL'))`,
      ]);
      assert.ok(existsSync(sock));
      writeFileSync(join(stale, 'node.json'), '{}');
      await assert.rejects(
        new DaemonClient(stale, 5_000).control('listServices', { filters: {} }),
        (e: unknown) =>
          e instanceof ClusterError && e.code === 'UNAVAILABLE' && /clusterctl start --data-dir/.test(e.hint),
      );
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });

  test('a socket or data dir this user may not open is PERMISSION_DENIED with the root hint, not "no daemon"', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clusterctl-perm-'));
    const other = new grpc.Server();
    try {
      // a live daemon's data dir: 0700 with node.json and a socket that answers
      const closedDir = join(root, 'closed');
      mkdirSync(closedDir, { mode: 0o700 });
      writeFileSync(join(closedDir, 'node.json'), '{}');
      other.addService(LocalService as unknown as grpc.ServiceDefinition, {
        info: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { nodeId: 'n1' }),
        leave: () => undefined,
      });
      const sock = join(closedDir, 'control.sock');
      await new Promise<void>((res, rej) =>
        other.bindAsync(`unix:${sock}`, grpc.ServerCredentials.createInsecure(), (e) => (e ? rej(e) : res())),
      );
      chmodSync(sock, 0o600);
      // and one whose directory is open but whose socket is not
      const openDir = join(root, 'open');
      mkdirSync(openDir, { mode: 0o755 });
      const sock2 = join(openDir, 'control.sock');
      await new Promise<void>((res, rej) =>
        other.bindAsync(`unix:${sock2}`, grpc.ServerCredentials.createInsecure(), (e) => (e ? rej(e) : res())),
      );
      chmodSync(sock2, 0o600);
      chmodSync(root, 0o755);

      const asRoot = process.geteuid?.() === 0;
      if (!asRoot) {
        // the owner: take the permissions away instead of changing user
        chmodSync(closedDir, 0o000);
        chmodSync(sock2, 0o000);
      }
      /** The call as an unprivileged user: root drops to nobody (effective uid) for the call. */
      const asUser = async (dir: string): Promise<unknown> => {
        if (asRoot) process.seteuid!(65534);
        try {
          await new DaemonClient(dir, 5_000).local('info', {});
          return new Error('the call succeeded');
        } catch (e) {
          return e;
        } finally {
          if (asRoot) process.seteuid!(0);
        }
      };
      for (const dir of [closedDir, openDir]) {
        const e = await asUser(dir);
        assert.ok(e instanceof ClusterError, String(e));
        assert.equal(e.code, ErrorCode.PermissionDenied, `${dir}: ${e.code}: ${e.message}`);
        assert.match(e.hint, /root.*sudo/);
      }
    } finally {
      other.forceShutdown();
      chmodSync(join(root, 'closed'), 0o700);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
