// The cluster network in the docker-in-docker lab (1 manager, 2 workers, the real daemons and
// CLI): names resolve and answer from a task on every node, a published port answers on every node
// with every replica and the client's own address, a restarted agent drops no request, and a killed
// worker's endpoints leave every node's rules with no request failing once it is marked down;
// services on another network are neither resolved nor reached; the VXLAN backend, switched live.
// Workloads are busybox: httpd with a CGI that prints the container's hostname and the caller's
// address; requests go through nc. Long-lived keep-alive connections (a Node server in the task's
// network namespace, a Node client in a container on the lab network) cross restarts of the
// agents on their path; `leave` removes every rule, route, link and network of ours from the node.
// Run alone (`npm run test:lab`): the lab uses fixed container names and subnets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Label } from '@clusterctl/common';
import { REPO_ROOT, waitFor } from '@clusterctl/common/testing';
import { LabUnderTest, WHO_FN, WHO_SERVER } from './testing/lab-under-test.js';
import { DOCKER_CLI as DOCKER, LAB_NODE_IMAGE, type RunResult } from '@clusterctl/lab';

/** The mesh benchmark's keep-alive backend and load generator (plain Node, run from the mounted repo). */
const MESH_SERVER = join(REPO_ROOT, 'packages/lab/dist/bench/mesh-server.js');
const MESH_LOAD = join(REPO_ROOT, 'packages/lab/dist/bench/mesh-load.js');
const L = new LabUnderTest(`labnet-${process.pid}`);
const IMAGE = 'clusterctl/busybox:local';
const NODES = ['m1', 'w1', 'w2'];

const run = (cmd: string, args: string[], timeoutMs?: number): Promise<RunResult> => L.run(cmd, args, timeoutMs);

const lab = (...args: string[]): Promise<string> => L.lab(...args);

const container = (node: string): string => L.container(node);

const onNode = (node: string, script: string, timeoutMs?: number): Promise<string> => L.onNode(node, script, timeoutMs);

/** Restarts a node's daemon (agent and, on a manager, the manager) and waits until it is ready. */
async function restartDaemon(node: string): Promise<void> {
  await onNode(
    node,
    'pid=$(cat /var/lib/clusterctl/daemon.pid); kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done; clusterctl start',
  );
  await waitFor(
    `${node} ready again`,
    async () => {
      const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', '--format', 'json', 'node', 'ls'], 15_000);
      if (r.code !== 0) return undefined;
      const nodes = JSON.parse(r.stdout) as Array<{ hostname: string; status: { state: string } }>;
      return nodes.find((n) => n.hostname === node)?.status.state === 'ready' ? true : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 300 },
  );
}

async function clusterctl(...args: string[]): Promise<string> {
  const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', ...args]);
  assert.equal(r.code, 0, `clusterctl ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface TaskContainer {
  node: string;
  id: string;
  hostname: string;
  ip: string;
}

/** Running containers of a service in every node's own engine, with their cluster address. */
async function tasksOf(service: string, nodes = NODES): Promise<TaskContainer[]> {
  const out: TaskContainer[] = [];
  for (const node of nodes) {
    const ids = (
      await onNode(node, `docker ps -q --filter label=${Label.ServiceName}=${service} --filter status=running`)
    )
      .split('\n')
      .filter(Boolean);
    for (const id of ids) {
      const [hostname, ip] = (
        await onNode(
          node,
          `docker inspect -f '{{.Config.Hostname}} {{.NetworkSettings.Networks.clusterctl0.IPAddress}}' ${id}`,
        )
      )
        .trim()
        .split(' ');
      out.push({ node, id, hostname: hostname!, ip: ip ?? '' });
    }
  }
  return out;
}

/** A shell command in a task container. */
async function inTask(t: TaskContainer, script: string): Promise<string> {
  const r = await run(DOCKER, ['exec', container(t.node), 'docker', 'exec', t.id, 'sh', '-c', script], 60_000);
  assert.equal(r.code, 0, `in ${t.hostname} on ${t.node}: ${script}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** "HOSTNAME [::ffff:1.2.3.4]" -> { host, addr }. */
function parseWho(line: string): { host: string; addr: string } | undefined {
  const m = /^(\S+) \[?(?:::ffff:)?([\d.]+)\]?$/.exec(line.trim());
  return m ? { host: m[1]!, addr: m[2]! } : undefined;
}

/** The addresses nslookup printed for a name (busybox), without the server's. */
function lookedUp(out: string): string[] {
  const answers = out
    .split(/\n\s*\n/)
    .slice(1)
    .join('\n');
  return [...answers.matchAll(/Address(?: \d+)?:\s+([\d.]+)/g)].map((m) => m[1]!);
}

let labNet = '';
const nodeIp = new Map<string, string>();

/** Runs `script` in a throwaway client container on the lab network; its stdout lines. */
async function fromClient(script: string, timeoutMs = 120_000): Promise<string[]> {
  const r = await run(
    DOCKER,
    ['run', '--rm', '--network', labNet, IMAGE, 'sh', '-c', `${WHO_FN}; ${script}`],
    timeoutMs,
  );
  assert.equal(r.code, 0, `client: ${script}\n${r.stdout}\n${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
}

describe('the cluster network in the lab: 1 manager, 2 workers', { timeout: 600_000 }, () => {
  before(async () => {
    L.buildImages();
    await lab('up', '--managers', '1', '--workers', '2');
    labNet = await L.network();
    for (const n of NODES) {
      nodeIp.set(n, await L.nodeIp(n));
    }
    await clusterctl(
      'service',
      'create',
      '--name',
      'db',
      '--constraint',
      'node.hostname==m1',
      IMAGE,
      'sh',
      '-c',
      WHO_SERVER,
    );
    await clusterctl(
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '2',
      '--constraint',
      'node.role==worker',
      '-p',
      '8080:80',
      IMAGE,
      'sh',
      '-c',
      WHO_SERVER,
    );
    await clusterctl('service', 'create', '--name', 'probe', '--mode', 'global', IMAGE, 'sleep', '1000000');
    await waitFor(
      'db, 2 web and 3 probe tasks running with cluster addresses',
      async () => {
        const [db, web, probe] = [await tasksOf('db'), await tasksOf('web'), await tasksOf('probe')];
        const ok = db.length === 1 && web.length === 2 && probe.length === 3;
        return ok && [...db, ...web, ...probe].every((t) => t.ip.startsWith('10.240.')) ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  });

  after(async () => {
    await L.down(120_000);
  });

  test('from a task on every node: db and db.cluster give its VIP, tasks.db its task, and db answers with the caller address', async () => {
    const [db] = await tasksOf('db');
    for (const p of await tasksOf('probe')) {
      const vip = await waitFor(
        `db resolving from ${p.node}`,
        async () => {
          const r = await run(DOCKER, ['exec', container(p.node), 'docker', 'exec', p.id, 'nslookup', 'db'], 15_000);
          return lookedUp(r.stdout)[0];
        },
        { timeoutMs: 15_000, intervalMs: 200 },
      );
      assert.match(vip, /^10\.241\./, `db resolves to a VIP from ${p.node}`);
      assert.deepEqual(lookedUp(await inTask(p, 'nslookup db.cluster')), [vip]);
      assert.deepEqual(lookedUp(await inTask(p, 'nslookup tasks.db')), [db!.ip]);
      const who = parseWho((await inTask(p, `${WHO_FN}; who db 80`)).trim());
      // A VIP endpoint on the caller's own node sees the bridge gateway (hairpin masquerade); on
      // another node, the caller's own address.
      const seen = p.node === db!.node ? p.ip.replace(/\.\d+$/, '.1') : p.ip;
      assert.deepEqual(who, { host: db!.hostname, addr: seen }, `db through its VIP from ${p.node}`);
      const direct = parseWho((await inTask(p, `${WHO_FN}; who ${db!.ip} 80`)).trim());
      assert.deepEqual(direct, { host: db!.hostname, addr: p.ip }, `db's task address from ${p.node}`);
    }
  });

  test('the published port answers on every node, every replica answers, and sees the client address', async () => {
    const web = await tasksOf('web');
    const lines = await fromClient(
      `hostname -i; for n in ${NODES.map((n) => nodeIp.get(n)).join(' ')}; do i=0; while [ $i -lt 24 ]; do echo "$n $(who $n 8080)"; i=$((i+1)); done; done`,
    );
    const clientIp = lines[0]!.trim();
    const byNode = new Map<string, Set<string>>();
    for (const l of lines.slice(1)) {
      const [via, ...rest] = l.split(' ');
      const who = parseWho(rest.join(' '));
      assert.ok(who, `a request through ${via} failed: ${l}`);
      assert.equal(who.addr, clientIp, `the replica saw the client's address (through ${via})`);
      let set = byNode.get(via!);
      if (!set) byNode.set(via!, (set = new Set()));
      set.add(who.host);
    }
    // Every node spreads over both replicas, m1 (no replica) and the workers with one alike (the
    // default route; 24 requests each: one replica missing by chance is 2 in 2^24).
    for (const n of NODES)
      assert.deepEqual([...byNode.get(nodeIp.get(n)!)!].sort(), web.map((t) => t.hostname).sort(), `through ${n}`);
  });

  test('an agent restarted under load drops no request', async () => {
    const web0 = await tasksOf('web');
    const [w] = web0.filter((t) => t.node === 'w1');
    assert.ok(w, 'a web replica on w1');
    // A daemon restart takes longer than the lab's 2 s grace: w1 must not be marked down meanwhile
    // (its tasks would be replaced); this test is about the data plane across the restart.
    await clusterctl('cluster', 'update', '--node-grace', '30s');
    const m1 = nodeIp.get('m1')!;
    const w1 = nodeIp.get('w1')!;
    // Requests through m1 and through w1 (each to both workers) while w1's daemon restarts.
    const client = spawn(
      DOCKER,
      [
        'run',
        '--rm',
        '--network',
        labNet,
        IMAGE,
        'sh',
        '-c',
        `${WHO_FN}; while [ ! -f /tmp/stop ]; do echo "$(who ${m1} 8080)"; echo "$(who ${w1} 8080)"; done`,
        // the loop ends when the container is stopped
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    client.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const ended = new Promise<void>((resolve) => client.once('exit', () => resolve()));
    await waitFor('the client running', () => (out.split('\n').length > 10 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    await onNode(
      'w1',
      'pid=$(cat /var/lib/clusterctl/daemon.pid); kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done; clusterctl start',
    );
    await waitFor('w1 ready again', async () => {
      const nodes = JSON.parse(await clusterctl('--format', 'json', 'node', 'ls')) as Array<{
        hostname: string;
        status: { state: string };
      }>;
      return nodes.find((n) => n.hostname === 'w1')?.status.state === 'ready' ? true : undefined;
    });
    const seen = out.split('\n').length;
    await waitFor('more requests after the restart', () => (out.split('\n').length > seen + 20 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    const name = (
      await run(DOCKER, ['ps', '-q', '--filter', `ancestor=${IMAGE}`, '--filter', `network=${labNet}`])
    ).stdout.trim();
    for (const id of name.split('\n').filter(Boolean)) await run(DOCKER, ['rm', '-f', id]);
    await ended;
    await clusterctl('cluster', 'update', '--node-grace', '2s');
    const results = out.split('\n').filter(Boolean);
    const failed = results.filter((l) => parseWho(l) === undefined);
    assert.deepEqual(
      (await tasksOf('web')).map((t) => t.id).sort(),
      web0.map((t) => t.id).sort(),
      'the same replicas ran throughout',
    );
    assert.ok(results.length > 40, `requests made: ${results.length}`);
    assert.deepEqual(failed, [], `${failed.length} of ${results.length} requests failed across the restart`);
  });

  test('established keep-alive connections through the mesh survive restarts of the agents on their path', async () => {
    await clusterctl('cluster', 'update', '--node-grace', '60s');
    await clusterctl(
      'service',
      'create',
      '--name',
      'kept',
      '--mode',
      'global',
      '--constraint',
      'node.role==worker',
      '-p',
      '8090:8000',
      IMAGE,
      'sleep',
      '1000000',
    );
    const kept = await waitFor(
      'a kept task with its address on each worker',
      async () => {
        const t = await tasksOf('kept', ['w1', 'w2']);
        return t.length === 2 && t.every((x) => x.ip.startsWith('10.240.')) ? t : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    for (const t of kept) {
      const pid = (await onNode(t.node, `docker inspect -f '{{.State.Pid}}' ${t.id}`)).trim();
      const r = await run(DOCKER, [
        'exec',
        '-d',
        container(t.node),
        'nsenter',
        '-t',
        pid,
        '-n',
        'node',
        MESH_SERVER,
        '8000',
        t.node,
      ]);
      assert.equal(r.code, 0, r.stderr);
    }
    const client = `${L.name}-keepalive`;
    const started = await run(DOCKER, [
      'run',
      '-d',
      '--name',
      client,
      // the lab's label: its teardown removes the client (and its volume) if this test stops early
      '--label',
      `com.clusterctl.lab=${L.name}`,
      '--network',
      labNet,
      '-v',
      `${REPO_ROOT}:${REPO_ROOT}:ro`,
      '-v',
      `${realpathSync(process.execPath)}:/usr/local/bin/node:ro`,
      '--entrypoint',
      'sleep',
      LAB_NODE_IMAGE,
      'infinity',
    ]);
    assert.equal(started.code, 0, started.stderr);
    try {
      const m1 = nodeIp.get('m1')!;
      await waitFor(
        'the published port answering through m1',
        async () =>
          (await run(DOCKER, ['exec', client, 'node', MESH_LOAD, '--probe', '--host', m1, '--port', '8090'], 15_000))
            .code === 0
            ? true
            : undefined,
        { timeoutMs: 30_000, intervalMs: 300 },
      );
      // 16 connections entered on m1 (no replica there), spread by the mesh over both workers' tasks
      const loader = spawn(
        DOCKER,
        [
          'exec',
          client,
          'node',
          MESH_LOAD,
          '--host',
          m1,
          '--port',
          '8090',
          '--mode',
          'keepalive',
          '--connections',
          '16',
          '--until-file',
          '/tmp/stop',
          '--timeout-ms',
          '10000',
          '--progress-ms',
          '250',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let answered = 0;
      loader.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      loader.stderr.setEncoding('utf8').on('data', (d: string) => {
        for (const m of d.matchAll(/progress (\d+) /g)) answered = Number(m[1]);
      });
      const ended = new Promise<void>((resolve) => loader.once('exit', () => resolve()));
      const moreAnswers = async (what: string): Promise<void> => {
        const from = answered;
        await waitFor(what, () => (answered > from + 200 ? true : undefined), { timeoutMs: 30_000, intervalMs: 100 });
      };
      await moreAnswers('requests answered on the keep-alive connections');
      const established = async (node: string): Promise<number> =>
        Number((await onNode(node, 'conntrack -L -p tcp --dport 8090 --state ESTABLISHED 2>/dev/null | wc -l')).trim());
      const before = await established('m1');
      assert.ok(before >= 16, `m1 tracks the 16 connections (${before})`);
      // the task's node, then the entry node (also the manager): each agent stops and starts again
      for (const node of ['w1', 'm1']) {
        await restartDaemon(node);
        await moreAnswers(`requests answered on the same connections after ${node}'s restart`);
      }
      assert.ok((await established('m1')) >= 16, "m1's conntrack entries of the connections are still there");
      await run(DOCKER, ['exec', client, 'touch', '/tmp/stop']);
      await ended;
      const res = JSON.parse(out.trim().split('\n').pop()!) as {
        ok: number;
        failed: number;
        opened: number;
        backends: Record<string, number>;
        errors: string[];
      };
      assert.deepEqual(res.errors, [], 'no request failed');
      assert.equal(res.failed, 0);
      assert.equal(res.opened, 16, 'no connection broke and was opened again');
      assert.ok(
        (res.backends['w1'] ?? 0) > 0,
        `connections reached w1's task, whose agent restarted: ${JSON.stringify(res.backends)}`,
      );
    } finally {
      // -v: the lab node image declares a volume (/var/lib/docker); without it an empty one stays
      await run(DOCKER, ['rm', '-f', '-v', client]);
      await clusterctl('service', 'rm', 'kept');
      await clusterctl('cluster', 'update', '--node-grace', '2s');
    }
  });

  test('isolation: a service on another network is neither resolved nor reached; its own network reaches it', async () => {
    await clusterctl('network', 'create', 'back');
    await clusterctl(
      'service',
      'create',
      '--name',
      'secret',
      '--network',
      'back',
      '--constraint',
      'node.hostname==m1',
      IMAGE,
      'sh',
      '-c',
      WHO_SERVER,
    );
    await clusterctl(
      'service',
      'create',
      '--name',
      'insider',
      '--network',
      'back',
      '--constraint',
      'node.hostname==w1',
      IMAGE,
      'sleep',
      '1000000',
    );
    const [secret, insider] = await waitFor(
      'secret and insider running',
      async () => {
        const [a, b] = [await tasksOf('secret'), await tasksOf('insider')];
        return a.length === 1 && b.length === 1 && a[0]!.ip && b[0]!.ip ? [a[0]!, b[0]!] : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const who = await waitFor(
      'secret answering insider by name',
      async () => parseWho((await inTask(insider, `${WHO_FN}; who secret 80`)).trim()),
      { timeoutMs: 15_000, intervalMs: 300 },
    );
    assert.deepEqual(who, { host: secret.hostname, addr: insider.ip });
    for (const p of await tasksOf('probe')) {
      const r = await run(
        DOCKER,
        ['exec', container(p.node), 'docker', 'exec', p.id, 'nslookup', 'secret.cluster'],
        15_000,
      );
      assert.deepEqual(lookedUp(r.stdout), [], `secret is not resolved from ${p.node}: ${r.stdout}`);
      assert.equal(
        (await inTask(p, `${WHO_FN}; who ${secret.ip} 80`)).trim(),
        'FAIL',
        `secret unreachable from ${p.node}`,
      );
    }
  });

  test('vxlan backend: switched live, routes go through the tunnel, names and the published port still answer', async () => {
    await clusterctl('cluster', 'update', '--data-path-backend', 'vxlan');
    for (const n of NODES)
      await waitFor(
        `${n} routing peers over VXLAN`,
        async () => ((await onNode(n, 'ip route show proto 211')).includes('dev clusterctl.vx') ? true : undefined),
        { timeoutMs: 15_000, intervalMs: 200 },
      );
    const [db] = await tasksOf('db');
    for (const p of await tasksOf('probe')) {
      const who = parseWho((await inTask(p, `${WHO_FN}; who ${db!.ip} 80`)).trim());
      assert.deepEqual(who, { host: db!.hostname, addr: p.ip }, `db's task address over VXLAN from ${p.node}`);
    }
    const web = await tasksOf('web');
    const lines = await fromClient(
      `hostname -i; i=0; while [ $i -lt 16 ]; do who ${nodeIp.get('m1')} 8080; i=$((i+1)); done`,
    );
    const seen = lines.slice(1).map(parseWho);
    assert.ok(
      seen.every((w) => w?.addr === lines[0]!.trim()),
      `every request answered with the client address: ${lines.join('; ')}`,
    );
    assert.deepEqual([...new Set(seen.map((w) => w!.host))].sort(), web.map((t) => t.hostname).sort());
  });

  test('a published port a process on some node already listens on is refused, naming the node and the process', async () => {
    const ncPid = (await onNode('w1', 'nc -lk 9555 </dev/null >/dev/null 2>&1 & echo $!')).trim();
    assert.match(ncPid, /^\d+$/);
    try {
      // the node reports its listening ports with its heartbeats: wait for the refusal
      const refusal = await waitFor(
        'service create -p 9555 refused',
        async () => {
          const c = await run(DOCKER, [
            'exec',
            container('m1'),
            'clusterctl',
            'service',
            'create',
            '--name',
            'taken',
            '-p',
            '9555:80',
            IMAGE,
            'sleep',
            '1000',
          ]);
          if (c.code === 0) {
            await clusterctl('service', 'rm', 'taken');
            return undefined;
          }
          return c.stderr + c.stdout;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      assert.match(refusal, /published port 9555\/tcp is already bound on node w1 by nc/);
      assert.match(refusal, /hint: .*mode=host/);
      // the same port over UDP is free; and an update adding the port is refused the same way
      await clusterctl('service', 'create', '--name', 'taken', '-p', '9555:80/udp', IMAGE, 'sleep', '1000');
      const u = await run(DOCKER, [
        'exec',
        container('m1'),
        'clusterctl',
        'service',
        'update',
        '--publish-add',
        '9555:80',
        'taken',
      ]);
      assert.notEqual(u.code, 0, 'the update was refused');
      assert.match(u.stderr + u.stdout, /already bound on node w1 by nc/);
      await clusterctl('service', 'rm', 'taken');
    } finally {
      await run(DOCKER, ['exec', container('w1'), 'kill', ncPid]);
    }
  });

  test("a killed worker: its endpoints leave every node's rules; once it is marked down no request fails", async () => {
    const web = await tasksOf('web');
    const victim = web.find((t) => t.node === 'w2');
    assert.ok(victim, 'a web replica on w2');
    await lab('kill', 'w2');
    await waitFor(
      'w2 marked down',
      async () => {
        const nodes = JSON.parse(await clusterctl('--format', 'json', 'node', 'ls')) as Array<{
          hostname: string;
          status: { state: string };
        }>;
        return nodes.find((n) => n.hostname === 'w2')?.status.state === 'down' ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const downAt = Date.now();
    for (const n of ['m1', 'w1']) {
      await waitFor(
        `w2's endpoint gone from ${n}'s rules`,
        async () => ((await onNode(n, 'nft list table ip clusterctl')).includes(victim.ip) ? undefined : true),
        { timeoutMs: 5_000, intervalMs: 50 },
      );
    }
    console.log(`# w2's endpoint left every node's rules ${Date.now() - downAt} ms after it was marked down`);
    const lines = await fromClient(
      `hostname -i; for n in ${nodeIp.get('m1')} ${nodeIp.get('w1')}; do i=0; while [ $i -lt 20 ]; do echo "$n $(who $n 8080)"; i=$((i+1)); done; done`,
    );
    const failed = lines.slice(1).filter((l) => parseWho(l.split(' ').slice(1).join(' ')) === undefined);
    assert.equal(lines.length, 41);
    if (failed.length > 0) {
      for (const n of ['m1', 'w1'])
        console.log(await onNode(n, 'nft list table ip clusterctl; ip rule; conntrack -L 2>/dev/null | grep 8080'));
    }
    assert.deepEqual(failed, [], `no request fails once w2 is marked down (client ${lines[0]})`);
  });

  test('leave removes everything of ours from the node: nft tables, routes and rules of our protocol, links, the DOCKER-USER accepts, the network', async () => {
    const r = await run(DOCKER, ['exec', container('w1'), 'clusterctl', 'leave'], 120_000);
    assert.equal(r.code, 0, `leave on w1:\n${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(await onNode('w1', 'nft list tables'), /clusterctl/, 'no nft table of ours');
    assert.equal((await onNode('w1', 'ip route show table all proto 211')).trim(), '', 'no route of ours');
    const rules = JSON.parse(await onNode('w1', 'ip -j rule show')) as Array<{ protocol?: string | number }>;
    assert.deepEqual(
      rules.filter((x) => String(x.protocol) === '211'),
      [],
      'no ip rule of ours',
    );
    for (const dev of ['clusterctl0', 'clusterctl.vx'])
      assert.equal(
        (await onNode('w1', `ip link show ${dev} >/dev/null 2>&1 && echo present || echo absent`)).trim(),
        'absent',
        `no ${dev} link`,
      );
    assert.doesNotMatch(
      await onNode('w1', 'iptables -w -S DOCKER-USER'),
      /10\.240\.0\.0\/16/,
      'no DOCKER-USER accept of ours',
    );
    assert.equal(
      (await onNode('w1', 'docker network ls -q --filter name=^clusterctl0$')).trim(),
      '',
      'no cluster network',
    );
  });
});
