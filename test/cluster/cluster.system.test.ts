// Whole-system tests of the cluster as a user drives it: 3 managers + 2 workers, each a real node
// daemon started by the real CLI (`clusterctl init` / `join` / `start`), real gRPC over mutual TLS,
// real LevelDB, the real Docker engine. What runs is checked with docker itself (containers by the
// com.clusterctl.* labels), not only through the API. One lab is shared by the scenarios, in an
// order where they do not interfere; every wait has a deadline.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { freePort, fromGrpcError } from '@clusterctl/common';
import { ControlService } from '@clusterctl/proto';
import { CLI, expectError, IMAGE, Lab, runCli, type Container } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface NodeJson {
  id: string;
  hostname: string;
  role: string;
  availability: string;
  status: { state: string };
  labels: Record<string, string>;
  managerStatus: { leader: boolean; reachability: string } | null;
}
interface ServiceJson {
  id: string;
  spec: { name: string; replicas: number };
  running: number;
  desired: number;
}
interface TaskJson {
  id: string;
  slot: number;
  nodeId: string;
  desiredState: string;
  current: boolean;
  status: { state: string; containerId: string; err: string };
}

/** A daemon restart through `clusterctl start` takes 1-3 s on this 2-core machine (node boot and
 * module loading; ~3 s when other test suites load it). A crashed (SIGKILLed) daemon's node is
 * marked down after half the grace unless it is back (the broken-session grace), so the lab allows
 * 10 s (5 s to come back) so a node restarted at once is not marked down first (Swarm's default
 * grace is 15 s). */
const NODE_GRACE = '10s';

/** Control.CreateService straight to a manager's listener with the given credentials: the error code. */
function createServiceDirect(addr: string, creds: grpc.ChannelCredentials): Promise<string> {
  const client = new grpc.Client(addr, creds);
  const def = ControlService.createService as unknown as grpc.MethodDefinition<object, unknown>;
  const spec = { name: 'intruder', image: IMAGE, mode: 'replicated', replicas: 1 };
  return new Promise<string>((resolve) =>
    client.makeUnaryRequest(
      def.path,
      def.requestSerialize,
      def.responseDeserialize,
      { spec },
      new grpc.Metadata(),
      { deadline: Date.now() + 10_000 },
      (err) => {
        client.close();
        resolve(err ? fromGrpcError(err).code : 'OK');
      },
    ),
  );
}

describe('cluster of real node daemons driven by clusterctl', { timeout: 480_000 }, () => {
  const lab = new Lab({ nodeGrace: NODE_GRACE });
  const figures: string[] = [];
  const figure = (s: string): void => {
    figures.push(s);
    process.stdout.write(`# figure: ${s}\n`);
  };
  /** A manager that is up (the others may be killed by a scenario). */
  let via = 'm1';

  const nodes = (): Promise<NodeJson[]> => lab.json<NodeJson[]>(via, ['node', 'ls']);
  const services = (): Promise<ServiceJson[]> => lab.json<ServiceJson[]>(via, ['service', 'ls']);
  const tasks = (svc: string): Promise<TaskJson[]> => lab.json<TaskJson[]>(via, ['service', 'ps', svc]);
  const running = (svc: string): Promise<Container[]> => lab.containers({ service: svc, running: true });
  const nameOf = (nodeId: string): string => [...lab.nodes.values()].find((n) => n.nodeId === nodeId)?.name ?? nodeId;
  /** Waits until docker shows exactly n running containers of svc, and the API agrees. */
  const converged = async (svc: string, n: number, timeoutMs = 30_000): Promise<Container[]> =>
    waitFor(
      `${n} running containers of ${svc}`,
      async () => {
        const cs = await running(svc);
        if (cs.length !== n) return undefined;
        const s = (await services()).find((x) => x.spec.name === svc);
        return s !== undefined && s.running === n && s.desired === n ? cs : undefined;
      },
      { timeoutMs, intervalMs: 150 },
    );

  before(async () => {
    ensureDockerAndWorkloadImage();
    const t0 = Date.now();
    await lab.start();
    figure(`lab of 3 managers + 2 workers formed through init/join in ${Date.now() - t0} ms`);
  });

  after(async () => {
    await lab.teardown();
  });

  test('init + join form a cluster: 5 nodes ready, 3 managers with one leader', async () => {
    const ns = await waitFor(
      '5 ready nodes',
      async () => {
        const l = await nodes();
        return l.length === 5 && l.every((n) => n.status.state === 'ready') ? l : undefined;
      },
      { timeoutMs: 30_000 },
    );
    assert.deepEqual(ns.map((n) => n.hostname).sort(), ['m1', 'm2', 'm3', 'w1', 'w2']);
    assert.deepEqual(
      ns
        .filter((n) => n.role === 'manager')
        .map((n) => n.hostname)
        .sort(),
      ['m1', 'm2', 'm3'],
    );
    assert.equal(ns.filter((n) => n.managerStatus?.leader).length, 1);
    const table = await lab.ok('m2', ['node', 'ls']);
    assert.match(table.stdout, /^ID\s+HOSTNAME\s+STATUS\s+AVAILABILITY\s+MANAGER STATUS\s+ADDRESS\n/);
    assert.match(
      table.stdout,
      new RegExp(`${lab.node('m2').nodeId} \\*\\s+m2\\s+Ready\\s+Active\\s+(Leader|Reachable)`),
      'this node is marked with *',
    );
  });

  test('bad input: each invalid spec, flag, token or caller gets a clear error and changes nothing', async () => {
    const before = {
      services: await services(),
      nodes: (await nodes()).map((n) => [n.id, n.availability, n.role, JSON.stringify(n.labels)]),
    };
    const m1addr = (): string => lab.node('m1').addr;
    const usage: [string[], RegExp][] = [
      [['service', 'create', '--replicas', '-1', IMAGE], /--replicas/],
      [['service', 'create', '--constraint', 'node.colour==red', IMAGE], /--constraint/],
      [['service', 'create', '-p', '0:80', IMAGE], /--publish/],
      [['service', 'create', '--limit-memory', '1q', IMAGE], /--limit-memory/],
      [['service', 'create', '--mode', 'global', '--replicas', '2', IMAGE], /global/],
      [['service', 'create', '--name', 'bad name', IMAGE], /--name/],
      [['service', 'create', '-e', '=x', IMAGE], /--env/],
      [['service', 'create', '--reserve-cpu', '-1', IMAGE], /unknown option|--reserve-cpu/],
      [['service', 'scale', 'web'], /scale/],
      [['node', 'update', '--availability', 'sleeping', 'm2'], /--availability/],
      [['join-token', 'admin'], /admin/],
      [['service', 'frobnicate'], /unknown command/],
    ];
    const results = await Promise.all(usage.map(([args]) => lab.cli(via, args)));
    usage.forEach(([, re], i) => expectError(results[i]!, 2, 'INVALID_ARGUMENT', re));

    // checked by the managers
    expectError(await lab.cli(via, ['service', 'scale', 'nosuch=2']), 1, 'NOT_FOUND');
    expectError(await lab.cli(via, ['service', 'rm', 'nosuch']), 1, 'NOT_FOUND');
    expectError(await lab.cli(via, ['node', 'update', '--availability', 'drain', 'nosuchnode']), 1, 'NOT_FOUND');
    expectError(await lab.cli(via, ['node', 'rm', 'm2']), 1, 'FAILED_PRECONDITION');

    // a worker calling manager APIs through its own daemon
    for (const args of [
      ['service', 'ls'],
      ['node', 'ls'],
      ['join-token', 'manager'],
      ['service', 'create', IMAGE],
    ]) {
      expectError(await lab.cli('w1', args), 1, 'FAILED_PRECONDITION', /not a manager/);
    }
    // past the CLI, straight to a manager's mutual-TLS listener: no client certificate, a worker's
    // certificate, no TLS at all
    const tlsOf = (name: string, f: string): Buffer => readFileSync(join(lab.node(name).dataDir, 'tls', f));
    const noIdentityCheck = { checkServerIdentity: () => undefined };
    assert.equal(
      await createServiceDirect(
        m1addr(),
        grpc.credentials.createSsl(tlsOf('m1', 'ca.crt'), null, null, noIdentityCheck),
      ),
      'UNAUTHENTICATED',
      'no client certificate',
    );
    assert.equal(
      await createServiceDirect(
        m1addr(),
        grpc.credentials.createSsl(
          tlsOf('w1', 'ca.crt'),
          tlsOf('w1', 'node.key'),
          tlsOf('w1', 'node.crt'),
          noIdentityCheck,
        ),
      ),
      'PERMISSION_DENIED',
      'a worker certificate',
    );
    assert.equal(await createServiceDirect(m1addr(), grpc.credentials.createInsecure()), 'UNAVAILABLE', 'plaintext');
    // init / join on a data dir that already holds a running node
    expectError(
      await lab.cli('m2', ['init', '--listen-addr', '127.0.0.1:1', '--hostname', 'again']),
      1,
      'FAILED_PRECONDITION',
      /already/,
    );
    expectError(
      await lab.cli('w1', ['join', '--token', lab.workerToken, '--hostname', 'again', m1addr()]),
      1,
      'FAILED_PRECONDITION',
      /already/,
    );
    // a data dir without a daemon
    expectError(
      await lab.cli('m1', ['--data-dir', join(lab.root, 'nobody'), 'service', 'ls']),
      1,
      'UNAVAILABLE',
      /no node daemon/,
    );

    // wrong tokens: a forged secret, another CA's digest
    const m1 = lab.node('m1');
    const forged = lab.workerToken.replace(/-[0-9a-z]{25}$/, `-${'z'.repeat(25)}`);
    const otherCa = lab.workerToken.replace(/-[0-9a-f]{64}-/, `-${'0'.repeat(64)}-`);
    for (const [tok, dir] of [
      [forged, 'x1'],
      [otherCa, 'x2'],
    ] as const) {
      const r = await lab.cli('m1', [
        '--data-dir',
        join(lab.root, dir),
        'join',
        '--token',
        tok,
        '--hostname',
        dir,
        m1.addr,
      ]);
      assert.equal(r.code, 1, `${r.cmd}: ${r.stderr}`);
      assert.match(r.stderr, /^error: (UNAUTHENTICATED|PERMISSION_DENIED|FAILED_PRECONDITION|INVALID_ARGUMENT): /);
      assert.match(r.stderr, /\nhint: \S/);
    }
    // a rotated token stops working; the new one works
    const old = lab.workerToken;
    const rot = await lab.json<{ token: string; rotated: boolean }>(via, ['join-token', 'worker', '--rotate']);
    assert.notEqual(rot.token, old);
    assert.equal((await lab.ok(via, ['join-token', 'worker', '-q'])).stdout.trim(), rot.token);
    lab.workerToken = rot.token;
    const stale = await lab.cli('m1', [
      '--data-dir',
      join(lab.root, 'x3'),
      'join',
      '--token',
      old,
      '--hostname',
      'x3',
      m1.addr,
    ]);
    assert.equal(stale.code, 1, `${stale.cmd}: ${stale.stderr}`);
    assert.match(stale.stderr, /^error: (UNAUTHENTICATED|PERMISSION_DENIED): /);

    const after = {
      services: await services(),
      nodes: (await nodes()).map((n) => [n.id, n.availability, n.role, JSON.stringify(n.labels)]),
    };
    assert.deepEqual(after, before, 'nothing changed');
    assert.equal((await lab.containers()).length, 0, 'no container was created');
  });

  test('a node joins with the rotated token, leaves, and is removed with node rm', async () => {
    const w3 = await lab.join('w3', 'worker', lab.node('m1').addr);
    await waitFor('w3 ready', async () => (await nodes()).find((n) => n.id === w3.nodeId)?.status.state === 'ready', {
      timeoutMs: 30_000,
    });
    const left = await lab.ok('w3', ['leave']);
    assert.match(left.stdout, /left the cluster/);
    expectError(await lab.cli('w3', ['node', 'ls']), 1, 'UNAVAILABLE');
    const t0 = Date.now();
    await waitFor('w3 down', async () => (await nodes()).find((n) => n.id === w3.nodeId)?.status.state === 'down', {
      timeoutMs: 20_000,
    });
    figure(`a node that left is marked down ${Date.now() - t0} ms after its daemon exited (node grace ${NODE_GRACE})`);
    await lab.ok(via, ['node', 'rm', w3.nodeId]);
    assert.equal((await nodes()).length, 5);
    lab.nodes.delete('w3');
  });

  test('service create --replicas 3 runs 3 containers spread over 3 nodes', async () => {
    const t0 = Date.now();
    const r = await lab.ok(via, [
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '3',
      '-l',
      'team=core',
      '-e',
      'GREETING=hi',
      IMAGE,
    ]);
    figure(`service create --replicas 3 until converged: ${Date.now() - t0} ms (CLI, including progress)`);
    assert.match(r.stdout, /overall progress: 3 out of 3 tasks/);
    assert.match(r.stdout, /verify: Service converged/);
    const cs = await converged('web', 3);
    const nodeIds = new Set(cs.map((c) => c.nodeId));
    assert.equal(nodeIds.size, 3, `spread over 3 nodes: ${cs.map((c) => nameOf(c.nodeId)).join(', ')}`);
    for (const id of nodeIds)
      assert.ok(
        [...lab.nodes.values()].some((n) => n.nodeId === id),
        'labelled with a lab node id',
      );
    const ts = (await tasks('web')).filter((t) => t.current);
    assert.deepEqual(ts.map((t) => t.slot).sort(), [1, 2, 3]);
    assert.deepEqual(
      new Set(ts.map((t) => t.status.containerId)),
      new Set(cs.map((c) => c.id)),
      'the API and docker agree',
    );
    // node ps of a node that runs one of them
    const host = nameOf(cs[0]!.nodeId);
    const ps = await lab.ok(via, ['node', 'ps', host]);
    assert.match(ps.stdout, /^ID\s+NAME\s+IMAGE\s+NODE\s+DESIRED STATE\s+CURRENT STATE\s+ERROR\s+PORTS\n/);
    assert.match(ps.stdout, new RegExp(`web\\.\\d\\s+clusterctl/busybox:local\\s+${host}\\s+Running\\s+Running`));
    // a name is unique
    expectError(await lab.cli(via, ['service', 'create', '--name', 'web', IMAGE]), 1, 'ALREADY_EXISTS');
    assert.equal((await services()).length, 1);
    // logs come from every task
    const logs = await waitFor(
      'a log line of each task',
      async () => {
        const l = await lab.ok(via, ['service', 'logs', '--tail', '5', 'web']);
        const lines = l.stdout.split('\n').filter((x) => /^web\.\d\.\w+@\w+\s+\| /.test(x));
        return new Set(lines.map((x) => x.split('.')[1])).size === 3 ? lines : undefined;
      },
      { timeoutMs: 30_000 },
    );
    assert.ok(logs.length >= 3);
    const table = await lab.ok(via, ['service', 'ls']);
    assert.match(table.stdout, /\bweb\s+replicated\s+3\/3\s+clusterctl\/busybox:local/);
  });

  test('a crashed container (docker kill) is restarted', async () => {
    const [victim] = await running('web');
    const t0 = Date.now();
    await lab.dockerKill(victim!.id);
    const cs = await waitFor(
      '3 running web containers without the killed one',
      async () => {
        const l = await running('web');
        return l.length === 3 && !l.some((c) => c.id === victim!.id) ? l : undefined;
      },
      { timeoutMs: 30_000 },
    );
    figure(`crashed container replaced by a running one in ${Date.now() - t0} ms`);
    assert.equal(cs.length, 3);
    const ts = await tasks('web');
    const history = ts.filter((t) => !t.current && t.status.containerId === victim!.id);
    assert.equal(history.length, 1, 'the crashed task stays in the slot history');
    assert.match(history[0]!.status.state, /failed|shutdown/);
  });

  test('a restarted node daemon adopts its containers (same container ids, no task replaced)', async () => {
    const leader = await lab.leader(via);
    const cs = await running('web');
    const host =
      cs.map((c) => nameOf(c.nodeId)).find((n) => n !== leader && n !== via) ??
      cs.map((c) => nameOf(c.nodeId)).find((n) => n !== leader)!;
    const node = lab.node(host);
    const mine = cs
      .filter((c) => c.nodeId === node.nodeId)
      .map((c) => c.id)
      .sort();
    const taskIds = (await tasks('web'))
      .filter((t) => t.current)
      .map((t) => t.id)
      .sort();
    await lab.killDaemon(host);
    const restartMs = await lab.restart(host);
    figure(`node daemon SIGKILL -> \`clusterctl start\` ready: ${restartMs} ms (${host})`);
    await waitFor(
      `${host} ready`,
      async () => (await nodes()).find((n) => n.id === node.nodeId)?.status.state === 'ready',
      { timeoutMs: 30_000 },
    );
    await converged('web', 3);
    const after = (await running('web'))
      .filter((c) => c.nodeId === node.nodeId)
      .map((c) => c.id)
      .sort();
    assert.deepEqual(after, mine, 'same containers, no duplicates');
    assert.deepEqual(
      (await tasks('web'))
        .filter((t) => t.current)
        .map((t) => t.id)
        .sort(),
      taskIds,
      'no task replaced',
    );
  });

  test('scale up and down', async () => {
    const up = await lab.ok(via, ['service', 'scale', 'web=5']);
    assert.match(up.stdout, /web scaled to 5/);
    assert.match(up.stdout, /verify: Service converged/);
    assert.equal((await converged('web', 5)).length, 5);
    await lab.ok(via, ['service', 'scale', 'web=2']);
    const two = await converged('web', 2);
    assert.equal(two.length, 2);
    await lab.ok(via, ['service', 'scale', 'web=3']);
    await converged('web', 3);
  });

  test('drain moves the tasks of a node away; drained nodes get none', async () => {
    const leader = await lab.leader(via);
    const cs = await running('web');
    const target = cs.map((c) => nameOf(c.nodeId)).find((n) => n !== leader)!;
    const node = lab.node(target);
    const t0 = Date.now();
    const r = await lab.ok(via, ['node', 'update', '--availability', 'drain', target]);
    assert.equal(r.stdout.trim(), node.nodeId);
    const moved = await waitFor(
      `no web container on ${target} and 3 running elsewhere`,
      async () => {
        const l = await running('web');
        return l.length === 3 && !l.some((c) => c.nodeId === node.nodeId) ? l : undefined;
      },
      { timeoutMs: 30_000 },
    );
    figure(`drain: tasks of ${target} running elsewhere ${Date.now() - t0} ms after node update`);
    assert.equal(moved.length, 3);
    const ns = await nodes();
    assert.equal(ns.find((n) => n.id === node.nodeId)!.availability, 'drain');
    await lab.ok(via, ['node', 'update', '--availability', 'active', '--label-add', 'zone=a', target]);
    const n2 = (await nodes()).find((n) => n.id === node.nodeId)!;
    assert.equal(n2.availability, 'active');
    assert.deepEqual(n2.labels, { zone: 'a' });
    await lab.ok(via, ['node', 'update', '--label-rm', 'zone', target]);
  });

  test('leader manager SIGKILL: writes continue on the new leader, no task restarted', async () => {
    const leader = await lab.leader(via);
    // the leader's own tasks would be replaced after the node grace; drain it first so "no task
    // restarted" is about the failover alone
    await lab.ok(via, ['node', 'update', '--availability', 'drain', leader]);
    await waitFor(
      `no web container on ${leader}`,
      async () => {
        const l = await running('web');
        return l.length === 3 && !l.some((c) => c.nodeId === lab.node(leader).nodeId) ? l : undefined;
      },
      { timeoutMs: 30_000 },
    );
    via = ['m1', 'm2', 'm3'].find((m) => m !== leader)!;
    const before = (await running('web')).map((c) => c.id).sort();
    const taskIds = (await tasks('web'))
      .filter((t) => t.current)
      .map((t) => t.id)
      .sort();
    const t0 = Date.now();
    await lab.killDaemon(leader);
    const newLeader = await waitFor(
      'a new leader',
      async () => {
        const l = await lab.leader(via).catch(() => undefined);
        return l !== undefined && l !== leader ? l : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    figure(`leader ${leader} SIGKILL -> new leader ${newLeader} reported by node ls after ${Date.now() - t0} ms`);
    const t1 = Date.now();
    await lab.ok(via, ['service', 'scale', 'web=4']);
    figure(`first write after the leader kill (scale web=4, converged) done ${Date.now() - t1} ms later`);
    const after = await converged('web', 4);
    for (const id of before)
      assert.ok(
        after.some((c) => c.id === id),
        `container ${id.slice(0, 12)} still runs`,
      );
    const currentIds = (await tasks('web')).filter((t) => t.current).map((t) => t.id);
    for (const id of taskIds) assert.ok(currentIds.includes(id), `task ${id} not replaced`);
    // the old leader comes back as a follower and is usable again
    await lab.restart(leader);
    await waitFor(
      `${leader} ready and reachable (as the leader sees it)`,
      async () => {
        const n = (await lab.json<NodeJson[]>(newLeader, ['node', 'ls'])).find((x) => x.hostname === leader);
        return n?.status.state === 'ready' && n.managerStatus?.reachability === 'reachable';
      },
      { timeoutMs: 30_000 },
    );
    await lab.ok(via, ['node', 'update', '--availability', 'active', leader]);
    assert.notEqual(await lab.leader(leader), leader);
  });

  test('killing a node (daemon and containers) gets the service back to its replicas on the others', async () => {
    // 5 replicas on 5 active nodes: spread puts one on each, so the victim (a worker: the managers
    // keep their quorum) surely runs one
    await lab.ok(via, ['service', 'scale', 'web=5']);
    const cs = await converged('web', 5);
    assert.equal(new Set(cs.map((c) => c.nodeId)).size, 5, 'one task per node');
    const victim = [...lab.nodes.values()].find((n) => n.role === 'worker')!.name;
    const node = lab.node(victim);
    const lost = cs.filter((c) => c.nodeId === node.nodeId).length;
    assert.ok(lost > 0);
    const t0 = Date.now();
    await lab.killDaemon(victim);
    await lab.removeNodeContainers(node.nodeId);
    // its socket file is left behind: the CLI says the daemon is down and how to start it again
    const down = await lab.cli(victim, ['node', 'ls']);
    expectError(down, 1, 'UNAVAILABLE', /no node daemon answers/);
    assert.match(down.stderr, /hint: .*clusterctl start --data-dir/);
    const back = await waitFor(
      '5 running web containers, none on the dead node',
      async () => {
        const l = await running('web');
        return l.length === 5 && !l.some((c) => c.nodeId === node.nodeId) ? l : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    figure(
      `node ${victim} killed (daemon + ${lost} container(s)): back to 5 running replicas in ${Date.now() - t0} ms (node grace ${NODE_GRACE})`,
    );
    assert.equal(back.length, 5);
    await converged('web', 5);
    assert.equal((await nodes()).find((n) => n.id === node.nodeId)!.status.state, 'down');
    await lab.ok(via, ['node', 'rm', victim]);
    assert.ok(!(await nodes()).some((n) => n.id === node.nodeId), 'node removed');
    lab.nodes.delete(victim);
    await lab.ok(via, ['service', 'scale', 'web=4']);
    await converged('web', 4);
  });

  test('a frozen node (SIGSTOP, as if partitioned) is replaced, and on return runs no extra replica', async () => {
    const leader = await lab.leader(via);
    const cs = await running('web');
    // the remaining worker if it runs a task, else the follower manager we do not talk through
    // (the other two managers keep the quorum)
    const hosts = [...new Set(cs.map((c) => nameOf(c.nodeId)))].filter((h) => h !== leader && h !== via);
    const host = hosts.find((h) => lab.node(h).role === 'worker') ?? hosts[0]!;
    const node = lab.node(host);
    const stale = cs.filter((c) => c.nodeId === node.nodeId).map((c) => c.id);
    assert.ok(stale.length > 0);
    const t0 = Date.now();
    process.kill(node.pid, 'SIGSTOP');
    try {
      await waitFor(
        `${host} down and its tasks replaced elsewhere`,
        async () => {
          const n = (await nodes()).find((x) => x.id === node.nodeId);
          const others = (await running('web')).filter((c) => c.nodeId !== node.nodeId);
          return n?.status.state === 'down' && others.length === 4;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      figure(
        `frozen node ${host}: marked down and its ${stale.length} task(s) running elsewhere after ${Date.now() - t0} ms`,
      );
      // its own containers still run meanwhile (the engine does not know the node is cut off)
      assert.deepEqual(
        (await running('web'))
          .filter((c) => c.nodeId === node.nodeId)
          .map((c) => c.id)
          .sort(),
        [...stale].sort(),
      );
    } finally {
      process.kill(node.pid, 'SIGCONT');
    }
    const t1 = Date.now();
    await waitFor(
      `${host} back, its stale containers gone, exactly 4 running`,
      async () => {
        const n = (await nodes()).find((x) => x.id === node.nodeId);
        const l = await running('web');
        return n?.status.state === 'ready' && l.length === 4 && !l.some((c) => stale.includes(c.id));
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    figure(`frozen node ${host} resumed: stale containers removed, 4 replicas, ${Date.now() - t1} ms`);
    await converged('web', 4);
  });

  test('service logs -f follows new lines until interrupted', async () => {
    await lab.ok(via, [
      'service',
      'create',
      '--name',
      'talker',
      '--replicas',
      '1',
      IMAGE,
      'sh',
      '-c',
      'i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done',
    ]);
    const child = spawn(
      process.execPath,
      [CLI, '--data-dir', lab.node(via).dataDir, 'service', 'logs', '-f', '--tail', '1', 'talker'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    try {
      await waitFor(
        '3 followed log lines',
        () => out.split('\n').filter((l) => /^talker\.1\.\w+@\w+\s+\| tick \d+$/.test(l)).length >= 3,
        { timeoutMs: 20_000 },
      );
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, 'Ctrl-C ends logs -f cleanly');
    const ticks = out
      .split('\n')
      .filter((l) => l.includes('| tick '))
      .map((l) => Number(l.split('tick ')[1]));
    assert.ok(
      ticks.every((n, i) => i === 0 || n === ticks[i - 1]! + 1),
      `lines in order, none lost: ${ticks.join(',')}`,
    );
    await lab.ok(via, ['service', 'rm', 'talker']);
  });

  test('a service that cannot be placed says why, and runs once a node fits', async () => {
    const t0 = Date.now();
    const r = await lab.cli(via, [
      'service',
      'create',
      '--name',
      'gpu',
      '--replicas',
      '2',
      '--constraint',
      'node.labels.gpu==yes',
      IMAGE,
    ]);
    expectError(
      r,
      1,
      'FAILED_PRECONDITION',
      /2 of 2 tasks cannot run: no suitable node \(\d+ nodes? failed constraint node\.labels\.gpu==yes\)/,
    );
    assert.match(r.stdout, /1\/2: pending: no suitable node/, 'the reason is shown per slot');
    figure(
      `service create with an impossible constraint gave up after ${Date.now() - t0} ms with the scheduler's reason`,
    );
    const s = (await services()).find((x) => x.spec.name === 'gpu');
    assert.equal(s?.running, 0, 'the service exists, nothing runs');
    assert.equal((await lab.containers({ service: 'gpu' })).length, 0);
    const target = (await nodes()).find((n) => n.status.state === 'ready' && n.availability === 'active')!;
    await lab.ok(via, ['node', 'update', '--label-add', 'gpu=yes', target.hostname]);
    const cs = await converged('gpu', 2);
    assert.ok(
      cs.every((c) => c.nodeId === target.id),
      'both tasks on the labelled node',
    );
    await lab.ok(via, ['service', 'rm', 'gpu']);
    await lab.ok(via, ['node', 'update', '--label-rm', 'gpu', target.hostname]);
  });

  test('--restart-condition none: a failing task is not restarted and create says so', async () => {
    const r = await lab.cli(via, [
      'service',
      'create',
      '--name',
      'once',
      '--restart-condition',
      'none',
      IMAGE,
      'sh',
      '-c',
      'echo bye; exit 3',
    ]);
    expectError(r, 1, 'FAILED_PRECONDITION', /1 of 1 tasks ended and will not be restarted: .*exit.*3/);
    const ts = await tasks('once');
    assert.equal(ts.length, 1, 'one task, never replaced');
    assert.equal(ts[0]!.status.state, 'failed');
    const cs = await lab.containers({ service: 'once' });
    assert.ok(cs.length <= 1 && cs.every((c) => c.state === 'exited'), 'no running container');
    await lab.ok(via, ['service', 'rm', 'once']);
  });

  test('a global service runs one task on every eligible node', async () => {
    const eligible = (await nodes())
      .filter((n) => n.status.state === 'ready' && n.availability === 'active')
      .map((n) => n.id)
      .sort();
    // --format json: progress for humans on stderr, the service as one JSON document on stdout
    const r = await lab.ok(via, [
      '--format',
      'json',
      'service',
      'create',
      '--name',
      'agent',
      '--mode',
      'global',
      IMAGE,
    ]);
    assert.match(r.stderr, /verify: Service converged/);
    const created = JSON.parse(r.stdout) as { id: string; spec: { name: string; mode: string } };
    assert.equal(created.spec.name, 'agent');
    assert.equal(created.spec.mode, 'global');
    const cs = await converged('agent', eligible.length);
    assert.deepEqual(cs.map((c) => c.nodeId).sort(), eligible);
    const ls = await lab.ok(via, ['service', 'ls']);
    assert.match(ls.stdout, new RegExp(`\\bagent\\s+global\\s+${eligible.length}/${eligible.length}\\b`));
    expectError(await lab.cli(via, ['service', 'scale', 'agent=2']), 2, 'INVALID_ARGUMENT', /global/);
    await lab.ok(via, ['service', 'rm', 'agent']);
    await waitFor('no agent container left', async () => (await lab.containers({ service: 'agent' })).length === 0, {
      timeoutMs: 30_000,
    });
  });

  test('node promote / demote: a worker becomes a manager (Control on its socket) and back', async () => {
    const worker = [...lab.nodes.values()].find((n) => n.role === 'worker')!;
    expectError(await lab.cli(worker.name, ['service', 'ls']), 1, 'FAILED_PRECONDITION', /not a manager/);
    const t0 = Date.now();
    const p = await lab.ok(via, ['node', 'promote', worker.name]);
    assert.match(p.stdout, /promoted to a manager/);
    const leader = await lab.leader(via);
    await waitFor(
      `${worker.name} a reachable manager`,
      async () => {
        const n = (await lab.json<NodeJson[]>(leader, ['node', 'ls'])).find((x) => x.id === worker.nodeId);
        return n?.role === 'manager' && n.managerStatus?.reachability === 'reachable';
      },
      { timeoutMs: 30_000 },
    );
    await waitFor(
      `${worker.name} answers manager commands`,
      async () => (await lab.cli(worker.name, ['service', 'ls'])).code === 0,
      { timeoutMs: 20_000 },
    );
    figure(`node promote: ${worker.name} reachable manager answering Control after ${Date.now() - t0} ms`);
    const d = await lab.ok(via, ['node', 'demote', worker.name]);
    assert.match(d.stdout, /demoted/);
    await waitFor(
      `${worker.name} a worker again`,
      async () => {
        const n = (await nodes()).find((x) => x.id === worker.nodeId);
        return n?.role === 'worker' && n.managerStatus === null;
      },
      { timeoutMs: 30_000 },
    );
    await waitFor(
      `${worker.name} refuses manager commands again`,
      async () => (await lab.cli(worker.name, ['service', 'ls'])).code === 1,
      { timeoutMs: 20_000 },
    );
    assert.equal((await nodes()).filter((n) => n.role === 'manager').length, 3);
    await converged('web', 4);
  });

  test('service rm removes its containers', async () => {
    const r = await lab.ok(via, ['service', 'rm', 'web']);
    assert.equal(r.stdout.trim(), 'web');
    const t0 = Date.now();
    await waitFor('no web container left', async () => (await lab.containers({ service: 'web' })).length === 0, {
      timeoutMs: 30_000,
    });
    figure(`service rm: all containers gone ${Date.now() - t0} ms later`);
    assert.deepEqual(await services(), []);
    expectError(await lab.cli(via, ['service', 'ps', 'web']), 1, 'NOT_FOUND');
  });
});

describe('clusterctl init --foreground', { timeout: 60_000 }, () => {
  test('keeps the daemon attached, prints the join commands, and stops with it on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-fg-'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        CLI,
        '--data-dir',
        dir,
        'init',
        '--foreground',
        '--listen-addr',
        `127.0.0.1:${port}`,
        '--hostname',
        'fg',
        '--data-plane',
        'off',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    try {
      await waitFor(
        'the join commands',
        () => /To add a manager to this cluster/.test(out) && out.trimEnd().endsWith(`127.0.0.1:${port}`),
        { timeoutMs: 30_000 },
      );
      assert.match(out, new RegExp(`clusterctl join --token CCTL-1-worker-\\S+ 127\\.0\\.0\\.1:${port}`));
      const ls = await runCli(dir, ['node', 'ls']);
      assert.equal(ls.code, 0, ls.stderr);
      assert.match(ls.stdout, /\*\s+fg\s+Ready\s+Active\s+Leader/);
      child.kill('SIGTERM');
      assert.equal(await exited, 0, 'the CLI ends with the daemon, cleanly');
      assert.ok(
        !existsSync(join(dir, 'control.sock')) || (await runCli(dir, ['node', 'ls'])).code === 1,
        'the daemon is gone',
      );
    } finally {
      child.kill('SIGKILL');
      const pidFile = join(dir, 'daemon.pid');
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
        } catch {
          // gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
