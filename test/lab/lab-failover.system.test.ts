// System tests in the docker-in-docker lab: every node a container of this machine's
// engine with its own Docker engine inside, the real node daemon, `clusterctl init` / `join` run by
// `lab up` exactly as on VMs, faults through the lab CLI. Counting is done from the outside: running
// containers labelled with the service name in every node's own engine.
//   node --test test/dist/lab/lab-failover.system.test.js
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Label } from '@clusterctl/common';
import { waitFor } from '@clusterctl/common/testing';
import { LabUnderTest } from './testing/lab-under-test.js';
import { DOCKER_CLI as DOCKER, type RunResult } from '@clusterctl/lab';

const L = new LabUnderTest(`labtest-${process.pid}`);

const run = (cmd: string, args: string[], timeoutMs?: number): Promise<RunResult> => L.run(cmd, args, timeoutMs);

const lab = (...args: string[]): Promise<string> => L.lab(...args);

const container = (node: string): string => L.container(node);

async function clusterctl(node: string, ...args: string[]): Promise<string> {
  const r = await run(DOCKER, ['exec', container(node), 'clusterctl', ...args]);
  assert.equal(r.code, 0, `clusterctl ${args.join(' ')} on ${node} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Running containers of the service in each given node's own engine (a node that does not answer counts none). */
async function running(nodes: string[], service: string): Promise<Map<string, string[]>> {
  const per = await Promise.all(
    nodes.map(async (n) => {
      const r = await run(
        DOCKER,
        [
          'exec',
          container(n),
          'docker',
          'ps',
          '-q',
          '--filter',
          `label=${Label.ServiceName}=${service}`,
          '--filter',
          'status=running',
          '--format',
          '{{.Names}}',
        ],
        15_000,
      );
      return [n, r.code === 0 ? r.stdout.split('\n').filter(Boolean) : []] as const;
    }),
  );
  return new Map(per);
}

const total = (m: Map<string, string[]>) => [...m.values()].reduce((a, v) => a + v.length, 0);

interface NodeRecord {
  hostname: string;
  status: { state: string };
  managerStatus?: { leader: boolean; reachability: string };
}

async function nodeList(via: string): Promise<NodeRecord[]> {
  return JSON.parse(await clusterctl(via, '--format', 'json', 'node', 'ls')) as NodeRecord[];
}

/** Service names as a manager lists them (sorted). */
async function servicesVia(node: string): Promise<string[]> {
  return (JSON.parse(await clusterctl(node, '--format', 'json', 'service', 'ls')) as Array<{ spec: { name: string } }>)
    .map((x) => x.spec.name)
    .sort();
}

/** The leader as `via` reports it, once it reports one other than `not`. */
async function leaderOtherThan(not: string, via: string, timeoutMs = 60_000): Promise<string> {
  return waitFor(
    `a leader other than ${not}, seen from ${via}`,
    async () => {
      const r = await run(DOCKER, ['exec', container(via), 'clusterctl', '--format', 'json', 'node', 'ls'], 15_000);
      if (r.code !== 0) return undefined;
      return (JSON.parse(r.stdout) as NodeRecord[]).find((n) => n.managerStatus?.leader && n.hostname !== not)
        ?.hostname;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

const MANAGERS = ['m1', 'm2', 'm3'];
const ALL = ['m1', 'm2', 'm3', 'w1', 'w2'];
/** Every node the lab has now (tests that add nodes append them): replicas may land on any. */
const labNodes = [...ALL];

describe('docker-in-docker lab: 3 managers, 2 workers', { timeout: 420_000 }, () => {
  before(async () => {
    L.buildImages();
    const t0 = Date.now();
    await lab('up', '--managers', '3', '--workers', '2');
    console.log(`# lab up (3 managers, 2 workers): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await L.down(120_000);
  });

  test('every node joined through the real CLI and is ready; one leader', async () => {
    const nodes = await nodeList('m1');
    assert.deepEqual(nodes.map((n) => n.hostname).sort(), ALL);
    assert.ok(
      nodes.every((n) => n.status.state === 'ready'),
      JSON.stringify(nodes.map((n) => [n.hostname, n.status.state])),
    );
    assert.equal(nodes.filter((n) => n.managerStatus?.leader).length, 1);
  });

  test('kill a node running a replica: 3 run again on the survivors, never more than 3 once it is back', async () => {
    await clusterctl('m1', 'service', 'create', '--name', 'web', '--replicas', '3', 'clusterctl/busybox:local');
    const before = await running(ALL, 'web');
    assert.equal(total(before), 3, JSON.stringify([...before]));
    // A node with a replica other than m1 (the leader: its kill is the next test).
    const victim = ALL.find((n) => n !== 'm1' && before.get(n)!.length > 0);
    assert.ok(victim, 'a replica on a node other than m1');
    const survivors = ALL.filter((n) => n !== victim);

    const t0 = Date.now();
    await lab('kill', victim);
    const after = await waitFor(
      '3 running replicas on the survivors',
      async () => {
        const m = await running(survivors, 'web');
        return total(m) === 3 ? m : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const recoveredS = (Date.now() - t0) / 1000;
    console.log(
      `# kill ${victim} -> 3/3 running on survivors: ${recoveredS.toFixed(2)} s (${JSON.stringify(Object.fromEntries(after))})`,
    );

    await lab('start', victim);
    let max = 0;
    await waitFor(
      `${victim} ready again with its stale containers removed`,
      async () => {
        const m = await running(ALL, 'web');
        max = Math.max(max, total(m));
        const node = (await nodeList('m1')).find((n) => n.hostname === victim);
        const leftovers = await run(DOCKER, [
          'exec',
          container(victim),
          'docker',
          'ps',
          '-aq',
          '--filter',
          `label=${Label.ServiceName}=web`,
        ]);
        return node?.status.state === 'ready' && leftovers.code === 0 && leftovers.stdout.trim() === ''
          ? true
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const final = await running(ALL, 'web');
    max = Math.max(max, total(final));
    assert.ok(max <= 3, `at most 3 running while ${victim} came back, saw ${max}`);
    assert.equal(total(final), 3);
  });

  /** Fault a node holding a replica of `service` (not the leader), recover it; the outcome of a crash. */
  async function faultAndRecover(
    service: string,
    replicas: number,
    candidates: string[],
    fault: 'pause' | 'partition',
  ) {
    const leader = (await nodeList('m1')).find((n) => n.managerStatus?.leader)!.hostname;
    const before = await running(ALL, service);
    assert.equal(total(before), replicas, JSON.stringify([...before]));
    const victim = candidates.find((n) => n !== leader && before.get(n)!.length > 0);
    assert.ok(victim, `a replica of ${service} on one of ${candidates.join(', ')}`);
    const others = ALL.filter((n) => n !== victim);
    const via = ['m1', 'm2', 'm3'].find((n) => n !== victim)!;
    const t0 = Date.now();
    await lab(fault, victim);
    await waitFor(
      `${replicas} running replicas of ${service} on the nodes other than ${victim}`,
      async () => (total(await running(others, service)) === replicas ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(
      `# ${fault} ${victim} -> ${replicas}/${replicas} running elsewhere: ${((Date.now() - t0) / 1000).toFixed(2)} s`,
    );
    const down = (await nodeList(via)).find((n) => n.hostname === victim)!;
    assert.equal(
      down.status.state,
      'down',
      `${victim} is marked down while ${fault === 'pause' ? 'paused' : 'partitioned'}`,
    );
    if (fault === 'pause') await lab('unpause', victim);
    else await lab('heal');
    let max = 0;
    await waitFor(
      `${victim} ready again and its stale replica removed`,
      async () => {
        const m = await running(ALL, service);
        max = Math.max(max, total(m));
        const node = (await nodeList(via)).find((n) => n.hostname === victim);
        return node?.status.state === 'ready' && m.get(victim)!.length === 0 && total(m) === replicas
          ? true
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(`# ${victim} back after ${fault}: stale replica removed; at most ${max} running seen meanwhile`);
  }

  test('partition a worker, then heal: its task is replaced while away, its stale container removed on return', async () => {
    await clusterctl(
      'm1',
      'service',
      'create',
      '--name',
      'onworkers',
      '--replicas',
      '2',
      '--constraint',
      'node.role==worker',
      'clusterctl/busybox:local',
    );
    await faultAndRecover('onworkers', 2, ['w1', 'w2'], 'partition');
  });

  test('pause (hang) a worker: the same outcome as a crash', async () => {
    await faultAndRecover('onworkers', 2, ['w1', 'w2'], 'pause');
  });

  test('pause (hang) the leader manager: a new leader, its replica replaced, no task restarted elsewhere, no split-brain write once it wakes', async () => {
    const leader = (await nodeList('m1')).find((n) => n.managerStatus?.leader)!.hostname;
    const via = MANAGERS.find((m) => m !== leader)!;
    const others = ALL.filter((n) => n !== leader);
    // One replica on every node (spread), so the leader holds one.
    await clusterctl(via, 'service', 'create', '--name', 'spread', '--replicas', '5', 'clusterctl/busybox:local');
    const before = await waitFor(
      'one spread replica on each of the 5 nodes',
      async () => {
        const m = await running(ALL, 'spread');
        return ALL.every((n) => m.get(n)!.length === 1) ? m : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const t0 = Date.now();
    await lab('pause', leader);
    const newLeader = await leaderOtherThan(leader, via);
    console.log(`# pause leader ${leader} -> ${newLeader} leads after ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    await clusterctl(via, 'service', 'create', '--name', 'during-pause', '--replicas', '1', 'clusterctl/busybox:local');
    await waitFor(
      `5 spread replicas on the nodes other than ${leader}`,
      async () => (total(await running(others, 'spread')) === 5 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(
      `# pause leader ${leader} -> its replica running elsewhere after ${((Date.now() - t0) / 1000).toFixed(2)} s`,
    );
    assert.equal(
      (await nodeList(via)).find((n) => n.hostname === leader)!.status.state,
      'down',
      `${leader} is marked down while paused`,
    );
    const now = await running(others, 'spread');
    for (const n of others)
      for (const name of before.get(n)!)
        assert.ok(now.get(n)!.includes(name), `${name} on ${n} was restarted or replaced`);

    // It wakes up believing it leads: a write sent to it right away is either refused or committed
    // by the real leader, never applied on its own.
    await lab('unpause', leader);
    const probe = await run(
      DOCKER,
      [
        'exec',
        container(leader),
        'clusterctl',
        'service',
        'create',
        '-d',
        '--name',
        'probe-after-wake',
        'clusterctl/busybox:local',
      ],
      120_000,
    );
    console.log(
      `# write on ${leader} right after it woke: exit ${probe.code} ${(probe.stderr.split('\n')[0] ?? '').slice(0, 120)}`,
    );
    let max = 0;
    const lists = await waitFor(
      'one leader, every manager with the same services, the stale spread replica gone',
      async () => {
        const m = await running(ALL, 'spread');
        max = Math.max(max, total(m));
        const ns = await nodeList(via);
        if (
          ns.filter((n) => n.managerStatus?.leader).length !== 1 ||
          ns.find((n) => n.hostname === leader)!.status.state !== 'ready'
        )
          return undefined;
        if (total(m) !== 5 || m.get(leader)!.length !== 0) return undefined;
        const per = await Promise.all(MANAGERS.map((x) => servicesVia(x)));
        return per.every((l) => JSON.stringify(l) === JSON.stringify(per[0])) ? per[0]! : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    assert.ok(lists.includes('during-pause'), 'the write made while it was paused is on every manager');
    assert.equal(
      lists.includes('probe-after-wake'),
      probe.code === 0,
      `the write on the woken manager is there exactly when it was acknowledged (exit ${probe.code})`,
    );
    assert.ok(max <= 6, `at most the paused node's own stale replica beside the 5, saw ${max}`);
    console.log(
      `# ${leader} back after pause: one leader, same services on every manager; at most ${max} spread replicas running meanwhile`,
    );
    for (const name of ['spread', 'during-pause', ...(probe.code === 0 ? ['probe-after-wake'] : [])])
      await clusterctl(via, 'service', 'rm', name);
  });

  test('partition the leader manager: the majority carries on; a write through the cut-off manager is never acknowledged; no split brain after heal', async () => {
    const leader = (await nodeList('m1')).find((n) => n.managerStatus?.leader)!.hostname;
    const via = MANAGERS.find((m) => m !== leader)!;
    const t0 = Date.now();
    await lab('partition', leader);
    const newLeader = await leaderOtherThan(leader, via);
    console.log(`# partition leader ${leader} -> ${newLeader} leads after ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    await clusterctl(via, 'service', 'create', '-d', '--name', 'majority-side', 'clusterctl/busybox:local');
    // The cut-off manager cannot reach a majority: the CLI waits, then fails with a code and a hint.
    const cut = await run(
      DOCKER,
      [
        'exec',
        container(leader),
        'clusterctl',
        'service',
        'create',
        '-d',
        '--name',
        'minority-side',
        'clusterctl/busybox:local',
      ],
      120_000,
    );
    assert.notEqual(cut.code, 0, `a write on the cut-off ${leader} was acknowledged:\n${cut.stdout}`);
    assert.match(cut.stderr, /error: [A-Z_]+: .+\nhint: /, cut.stderr);
    console.log(`# write on the cut-off ${leader}: ${cut.stderr.split('\n')[0]!.slice(0, 100)}`);
    await lab('heal');
    const tHeal = Date.now();
    const lists = await waitFor(
      'every manager with the same services after the heal',
      async () => {
        const ns = await nodeList(via);
        if (ns.filter((n) => n.managerStatus?.leader).length !== 1) return undefined;
        const per = await Promise.all(
          MANAGERS.map(async (x) => {
            const r = await run(
              DOCKER,
              ['exec', container(x), 'clusterctl', '--format', 'json', 'service', 'ls'],
              15_000,
            );
            return r.code === 0
              ? (JSON.parse(r.stdout) as Array<{ spec: { name: string } }>).map((y) => y.spec.name).sort()
              : undefined;
          }),
        );
        return per.every((l) => l !== undefined && JSON.stringify(l) === JSON.stringify(per[0])) ? per[0]! : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(
      `# heal -> ${leader} serves the same services as the majority after ${((Date.now() - tHeal) / 1000).toFixed(2)} s`,
    );
    assert.ok(lists.includes('majority-side'));
    assert.ok(!lists.includes('minority-side'), 'the refused write never appears');
    await waitFor(
      `${leader} reachable again, as the leader sees it`,
      async () => {
        const current = (await nodeList(via)).find((x) => x.managerStatus?.leader)?.hostname;
        if (current === undefined) return undefined;
        const n = (await nodeList(current)).find((x) => x.hostname === leader);
        return n?.managerStatus?.reachability === 'reachable' && n.status.state === 'ready' ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(`# heal -> ${leader} reachable and ready after ${((Date.now() - tHeal) / 1000).toFixed(2)} s`);
    await clusterctl(via, 'service', 'rm', 'majority-side');
  });

  test('drain a node: its tasks move to the others at once', async () => {
    const before = await running(ALL, 'web');
    const victim = ['w1', 'w2', 'm2', 'm3'].find((n) => before.get(n)!.length > 0);
    assert.ok(victim, 'a replica of web on a node other than m1');
    await clusterctl('m1', 'node', 'update', '--availability', 'drain', victim);
    await waitFor(
      `web at 3 running with none on the drained ${victim}`,
      async () => {
        const m = await running(ALL, 'web');
        return total(m) === 3 && m.get(victim)!.length === 0 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    await clusterctl('m1', 'node', 'update', '--availability', 'active', victim);
  });

  test('crash all three managers and boot them again: every service and node is still there', async () => {
    const services = (await clusterctl('m1', 'service', 'ls'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[1])
      .sort();
    assert.ok(services.includes('web'), services.join(','));
    for (const m of ['m1', 'm2', 'm3']) await lab('kill', m);
    for (const m of ['m1', 'm2', 'm3']) await lab('start', m);
    const nodes = await waitFor(
      'a leader and every node back after the restart',
      async () => {
        const r = await run(DOCKER, ['exec', container('m1'), 'clusterctl', '--format', 'json', 'node', 'ls'], 15_000);
        if (r.code !== 0) return undefined;
        const list = JSON.parse(r.stdout) as NodeRecord[];
        return list.some((n) => n.managerStatus?.leader) && list.every((n) => n.status.state === 'ready')
          ? list
          : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 100 },
    );
    assert.deepEqual(nodes.map((n) => n.hostname).sort(), ALL);
    const after = (await clusterctl('m1', 'service', 'ls'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[1])
      .sort();
    assert.deepEqual(after, services);
    await waitFor('web at 3 running again', async () => (total(await running(ALL, 'web')) === 3 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
  });

  test('a global service runs one task on every active node, including a node that joins later', async () => {
    await clusterctl('m1', 'service', 'create', '--name', 'everywhere', '--mode', 'global', 'clusterctl/busybox:local');
    await waitFor(
      'one everywhere task on each of the 5 nodes',
      async () => {
        const m = await running(ALL, 'everywhere');
        return ALL.every((n) => m.get(n)!.length === 1) ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    await lab('add', 'worker');
    labNodes.push('w3');
    const grown = [...labNodes];
    await waitFor(
      'one everywhere task on each of the 6 nodes (w3 joined)',
      async () => {
        const m = await running(grown, 'everywhere');
        return grown.every((n) => m.get(n)!.length === 1) ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    await clusterctl('m1', 'service', 'rm', 'everywhere');
  });

  test('kill the leader manager: a new leader, no task restarted, a new service can be created', async () => {
    const leader = (await nodeList('m1')).find((n) => n.managerStatus?.leader)!.hostname;
    const others = labNodes.filter((n) => n !== leader);
    const via = others.find((n) => n.startsWith('m'))!;
    const before = await running(others, 'web');
    const t0 = Date.now();
    await lab('kill', leader);
    const newLeader = await waitFor(
      'a new leader',
      async () => {
        const r = await run(DOCKER, ['exec', container(via), 'clusterctl', '--format', 'json', 'node', 'ls'], 15_000);
        if (r.code !== 0) return undefined;
        const l = (JSON.parse(r.stdout) as NodeRecord[]).find((n) => n.managerStatus?.leader && n.hostname !== leader);
        return l?.hostname;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    console.log(`# kill leader ${leader} -> ${newLeader} leads after ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    await clusterctl(
      via,
      'service',
      'create',
      '--name',
      'after-failover',
      '--replicas',
      '2',
      'clusterctl/busybox:local',
    );
    const now = await running(others, 'web');
    // Replicas that ran on surviving nodes run on, with the same containers (task ids in the names).
    for (const [n, names] of before) {
      for (const name of names) assert.ok(now.get(n)!.includes(name), `${name} on ${n} was restarted or replaced`);
    }
    await waitFor('web back at 3 running', async () => (total(await running(others, 'web')) === 3 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    assert.equal(total(await running(others, 'after-failover')), 2);
    await lab('start', leader);
  });
});
