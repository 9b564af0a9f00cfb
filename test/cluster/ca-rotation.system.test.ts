// Root CA rotation on a live cluster of real node daemons driven by the real CLI: 3 managers and 1
// worker on loopback with the real Docker engine, a service of 4 running tasks, and a stream of
// writes through the managers' sockets. `clusterctl cluster ca --rotate` follows the rotation to
// its end; then every node holds a certificate from the new root and trusts the new root alone, the
// old join token is refused and the new one admits a node, an old-root certificate is refused by
// every manager, every write succeeded and no task was restarted.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { fromGrpcError } from '@clusterctl/common';
import { ControlService } from '@clusterctl/proto';
import { expectError, IMAGE, Lab, type Container } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface NodeJson {
  id: string;
  hostname: string;
  status: { state: string };
}
interface TaskJson {
  id: string;
  nodeId: string;
  desiredState: string;
  current: boolean;
  status: { state: string; containerId: string };
}
interface ClusterJson {
  rootCa: { digest: string };
  rootRotation?: { nodesRotated: number; nodesTotal: number };
}

const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const pems = (text: string): string[] => text.match(PEM_RE) ?? [];
const der = (pem: string): Buffer => new X509Certificate(pem).raw;
const digest = (pem: string): string => createHash('sha256').update(der(pem)).digest('hex');
const signedBy = (certPem: string, caPem: string): boolean => {
  const c = new X509Certificate(certPem);
  const ca = new X509Certificate(caPem);
  return c.checkIssued(ca) && c.verify(ca.publicKey);
};

/** Control.GetClusterInfo straight to a manager's listener, presenting `tls` as the client: the error code, or OK. */
function callDirect(addr: string, tls: { ca: string; cert: string; key: string }): Promise<string> {
  const creds = grpc.credentials.createSsl(Buffer.from(tls.ca), Buffer.from(tls.key), Buffer.from(tls.cert), {
    checkServerIdentity: () => undefined,
  });
  const client = new grpc.Client(addr, creds, { 'grpc.ssl_target_name_override': 'clusterctl-manager' });
  const def = ControlService.getClusterInfo as unknown as grpc.MethodDefinition<object, unknown>;
  return new Promise<string>((resolve) =>
    client.makeUnaryRequest(
      def.path,
      def.requestSerialize,
      def.responseDeserialize,
      {},
      new grpc.Metadata(),
      { deadline: Date.now() + 10_000 },
      (err) => {
        client.close();
        resolve(err ? fromGrpcError(err).code : 'OK');
      },
    ),
  );
}

describe(
  'root CA rotation on a live cluster (3 managers + 1 worker, real daemons and CLI)',
  { timeout: 300_000 },
  () => {
    const lab = new Lab({ managers: 3, workers: 1, nodeGrace: '10s' });
    const figure = (s: string): void => void process.stdout.write(`# figure: ${s}\n`);
    const tlsOf = (name: string): { ca: string; cert: string; key: string } => {
      const dir = join(lab.node(name).dataDir, 'tls');
      return {
        ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
        cert: readFileSync(join(dir, 'node.crt'), 'utf8'),
        key: readFileSync(join(dir, 'node.key'), 'utf8'),
      };
    };
    const names = ['m1', 'm2', 'm3', 'w1'];
    let oldRoot = '';
    let newRoot = '';
    let oldWorkerToken = '';
    /** w1's TLS material before the rotation (a valid certificate from the old root). */
    let oldTls: { ca: string; cert: string; key: string };

    before(async () => {
      ensureDockerAndWorkloadImage();
      await lab.start();
      await waitFor(
        '4 ready nodes',
        async () => {
          const ns = await lab.json<NodeJson[]>('m1', ['node', 'ls']);
          return ns.length === 4 && ns.every((n) => n.status.state === 'ready');
        },
        { timeoutMs: 30_000 },
      );
    });

    after(async () => {
      await lab.teardown();
    });

    test('cluster ca --rotate under writes: followed to the end; every node on the new root alone; no write failed, no task restarted', async () => {
      await lab.ok('m1', ['service', 'create', '--name', 'web', '--replicas', '4', IMAGE], { timeoutMs: 60_000 });
      const running = (): Promise<Container[]> => lab.containers({ service: 'web', running: true });
      const containersBefore = await waitFor(
        '4 running containers of web',
        async () => {
          const cs = await running();
          return cs.length === 4 ? cs : undefined;
        },
        { timeoutMs: 30_000 },
      );
      const tasksBefore = (await lab.json<TaskJson[]>('m1', ['service', 'ps', 'web'])).filter((t) => t.current);
      assert.equal(tasksBefore.length, 4);

      oldRoot = (await lab.ok('m1', ['cluster', 'ca'])).stdout;
      assert.equal(pems(oldRoot).length, 1, 'cluster ca prints the root CA certificate');
      oldWorkerToken = (await lab.ok('m1', ['join-token', '-q', 'worker'])).stdout.trim();
      oldTls = tlsOf('w1');
      for (const n of names)
        assert.ok(signedBy(pems(tlsOf(n).cert)[0]!, oldRoot), `${n} starts with a certificate from the first root`);

      // Writes through each manager's socket for the whole rotation (one writer per manager).
      let writing = true;
      let writes = 0;
      const failures: string[] = [];
      const writer = Promise.all(
        names.slice(0, 3).map(async (via) => {
          for (let i = 0; writing; i++) {
            const r = await lab.cli(via, [
              'service',
              'create',
              '-d',
              '--name',
              `load-${via}-${i}`,
              '--replicas',
              '0',
              IMAGE,
            ]);
            if (r.code === 0) writes++;
            else failures.push(`${r.cmd}: ${r.stderr.trim()}`);
          }
        }),
      );

      const t0 = Date.now();
      const rot = await lab.cli('m2', ['cluster', 'ca', '--rotate'], { timeoutMs: 120_000 });
      const rotationMs = Date.now() - t0;
      writing = false;
      await writer;
      assert.equal(rot.code, 0, `${rot.cmd}: ${rot.stderr}`);
      const out = rot.stdout;
      assert.match(out, /^root CA rotation started: new root sha256:[0-9a-f]{64}$/m);
      assert.match(out, /^rotated node certificates: 4\/4 nodes$/m);
      assert.match(out, /^root CA rotation finished: the new root is the only root; join tokens changed$/m);
      const started = /new root sha256:([0-9a-f]{64})/.exec(out)![1]!;
      newRoot = pems(out).join('\n') + '\n';
      assert.equal(pems(newRoot).length, 1, 'the new root is printed at the end');
      assert.equal(digest(newRoot), started, 'the printed root is the one the rotation started with');
      assert.notEqual(digest(newRoot), digest(oldRoot));
      figure(`rotation of 4 nodes followed by the CLI in ${rotationMs} ms; ${writes} writes meanwhile`);
      assert.deepEqual(failures, [], 'every write during the rotation succeeded');
      assert.ok(writes > 0);

      // cluster inspect: the new root, no rotation running; cluster ca prints the new root.
      const inspect = await lab.ok('m3', ['cluster', 'inspect']);
      assert.match(inspect.stdout, new RegExp(`^Root CA digest:\\s+sha256:${digest(newRoot)}$`, 'm'));
      assert.match(inspect.stdout, /^Root rotation:\s+none$/m);
      const info = await lab.json<ClusterJson>('m1', ['cluster', 'inspect']);
      assert.equal(info.rootCa.digest, digest(newRoot));
      assert.equal(info.rootRotation, undefined);
      assert.equal(digest((await lab.ok('m1', ['cluster', 'ca'])).stdout), digest(newRoot));

      // Every node: a certificate from the new root, and the new root alone in its trust store.
      const onNewRoot = (n: string): boolean => {
        const t = tlsOf(n);
        return (
          pems(t.ca).length === 1 && der(pems(t.ca)[0]!).equals(der(newRoot)) && signedBy(pems(t.cert)[0]!, newRoot)
        );
      };
      await waitFor('every node trusting the new root alone', () => names.every(onNewRoot), {
        timeoutMs: 20_000,
        intervalMs: 200,
      }).catch((e: unknown) => {
        // What the lagging nodes' daemons said about their certificate (for the failure message).
        const said = names
          .filter((n) => !onNewRoot(n))
          .map((n) => {
            const log = readFileSync(join(lab.node(n).dataDir, 'daemon.log'), 'utf8').split('\n');
            return `${n}: ${pems(tlsOf(n).ca).length} roots trusted; ${log
              .filter((l) => /certificate|root CA/.test(l))
              .slice(-6)
              .join('\n  ')}`;
          });
        throw new Error(`${String(e)}\n${said.join('\n')}`);
      });

      // No task restarted: the same 4 tasks, running in the same containers.
      const tasksAfter = (await lab.json<TaskJson[]>('m1', ['service', 'ps', 'web'])).filter((t) => t.current);
      assert.deepEqual(tasksAfter.map((t) => t.id).sort(), tasksBefore.map((t) => t.id).sort());
      assert.ok(
        tasksAfter.every((t) => t.status.state === 'running'),
        JSON.stringify(tasksAfter.map((t) => t.status.state)),
      );
      const allTasks = await lab.json<TaskJson[]>('m1', ['service', 'ps', 'web']);
      assert.equal(allTasks.length, 4, 'no replacement task was ever created');
      assert.deepEqual((await running()).map((c) => c.id).sort(), containersBefore.map((c) => c.id).sort());
      const ns = await lab.json<NodeJson[]>('m1', ['node', 'ls']);
      assert.ok(
        ns.every((n) => n.status.state === 'ready'),
        'no node was marked down',
      );
    });

    test('the old join token is refused; the new one admits a node, which gets a certificate from the new root', async () => {
      const newWorkerToken = (await lab.ok('m1', ['join-token', '-q', 'worker'])).stdout.trim();
      assert.notEqual(newWorkerToken, oldWorkerToken, 'join tokens change with the root');
      assert.ok(newWorkerToken.includes(digest(newRoot)), 'the new token carries the new root digest');
      const refused = await lab.join('w-old', 'worker', lab.node('m1').addr, oldWorkerToken).then(
        () => undefined,
        (e: unknown) => String(e),
      );
      // The joining node compares the root a manager presents with the digest in its token: the old
      // token names the retired root.
      assert.match(
        refused ?? 'joined',
        /UNAUTHENTICATED: the CA certificate presented by the manager does not match the join token/,
        'the old token is refused',
      );
      await lab.join('w2', 'worker', lab.node('m2').addr, newWorkerToken);
      await waitFor(
        'w2 ready',
        async () =>
          (await lab.json<NodeJson[]>('m1', ['node', 'ls'])).some(
            (n) => n.hostname === 'w2' && n.status.state === 'ready',
          ),
        { timeoutMs: 30_000 },
      );
      const t = tlsOf('w2');
      assert.ok(signedBy(pems(t.cert)[0]!, newRoot));
      assert.equal(pems(t.ca).length, 1);
      assert.ok(der(pems(t.ca)[0]!).equals(der(newRoot)));
    });

    test('every manager refuses a certificate from the old root and accepts the current ones', async () => {
      for (const m of ['m1', 'm2', 'm3']) {
        const addr = lab.node(m).addr;
        assert.equal(
          await callDirect(addr, { ...oldTls, ca: oldRoot }),
          'UNAVAILABLE',
          `${m}: the old-root certificate is refused at the handshake`,
        );
        assert.equal(await callDirect(addr, tlsOf('m1')), 'OK', `${m}: a current manager certificate is accepted`);
      }
      // A client that still trusts only the old root cannot verify the managers any more either.
      const ownNow = tlsOf('m1');
      assert.equal(await callDirect(lab.node('m2').addr, { ...ownNow, ca: oldRoot }), 'UNAVAILABLE');
      expectError(await lab.cli('m1', ['cluster', 'ca', '--detach']), 2, 'INVALID_ARGUMENT', /--rotate/);
    });
  },
);
