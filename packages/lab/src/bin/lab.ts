#!/usr/bin/env node
// clusterctl-lab: a docker-in-docker lab of clusterctl nodes on this machine.
//   node packages/lab/dist/bin/lab.js up --managers 3 --workers 2
import { spawn } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { ClusterError } from '@clusterctl/common';
import { REPO_ROOT } from '@clusterctl/common/testing';
import { DOCKER_CLI } from '../docker.js';
import { Lab, defaultLabConfig, type PrivilegedMode } from '../lab.js';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function count(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new InvalidArgumentError('expected a whole number from 0 to 20');
  return n;
}

const program = new Command('clusterctl-lab')
  .description(
    'docker-in-docker lab: each node a container with its own Docker engine, running the real clusterctl node daemon',
  )
  .option('--name <name>', 'lab name (container names NAME-m1 ...)', process.env.CLUSTERCTL_LAB ?? 'lab')
  .showHelpAfterError();

function lab(): Lab {
  const { name } = program.opts<{ name: string }>();
  return new Lab(defaultLabConfig({ name, repoRoot: REPO_ROOT, log: (l) => say(`lab: ${l}`) }));
}

function printStatusTable(nodes: Awaited<ReturnType<Lab['nodes']>>): void {
  const rows = [['NODE', 'CONTAINER', 'ROLE', 'ADDRESS', 'STATE', 'NETWORK']];
  for (const n of nodes)
    rows.push([n.node, n.container, n.role, n.ip, n.state, n.connected ? 'connected' : 'DISCONNECTED']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    say(
      r
        .map((c, i) => c.padEnd(widths[i]! + 3))
        .join('')
        .trimEnd(),
    );
}

program
  .command('up')
  .description(
    'create the lab: node containers, images loaded, `clusterctl init` on m1 and `clusterctl join` on the others',
  )
  .option('--managers <n>', 'manager nodes', count, 3)
  .option('--workers <n>', 'worker nodes', count, 2)
  .option('--privileged <mode>', 'run nodes --privileged: auto (try it), yes, no (capability set instead)', 'auto')
  .option(
    '--image <image>',
    'host image to load into every node (repeatable; default clusterctl/busybox:local)',
    (v: string, acc: string[]) => [...acc, v],
    [] as string[],
  )
  .option(
    '--nodes-only',
    'only the node containers with their engines and images: no clusterctl init/join (e.g. to form a Docker Swarm on them)',
  )
  .action(
    async (o: { managers: number; workers: number; privileged: string; image: string[]; nodesOnly?: boolean }) => {
      if (!['auto', 'yes', 'no'].includes(o.privileged))
        throw new InvalidArgumentError('--privileged is auto, yes or no');
      const l = lab();
      if (o.nodesOnly) {
        const r = await l.upNodes({
          managers: o.managers,
          workers: o.workers,
          privileged: o.privileged as PrivilegedMode,
          images: o.image,
        });
        say(`lab: nodes up in ${(r.elapsedMs / 1000).toFixed(1)} s (no cluster formed)`);
        say('');
        printStatusTable(await l.nodes());
        say('');
        say(`Each node has its own engine: docker exec -it ${l.containerName('m1')} docker info`);
        say(`Remove everything the lab created: ${cmd()} down`);
        return;
      }
      const r = await l.up({
        managers: o.managers,
        workers: o.workers,
        privileged: o.privileged as PrivilegedMode,
        images: o.image,
      });
      say(`lab: up in ${(r.elapsedMs / 1000).toFixed(1)} s`);
      say('');
      printStatusTable(r.nodes);
      say('');
      say(await l.clusterctl(l.containerName('m1'), ['node', 'ls']));
      const m1 = l.containerName('m1');
      say('Run clusterctl on a manager node, as on a VM:');
      say(`  docker exec -it ${m1} clusterctl node ls`);
      say(`  docker exec -it ${m1} clusterctl service create --name web --replicas 3 clusterctl/busybox:local`);
      say(`  docker exec -it ${m1} sh            # a shell on the node (its own engine: docker ps)`);
      say(
        `Faults: ${cmd()} kill|start|pause|unpause NODE, partition NODE [--from NODE], heal; more nodes: ${cmd()} add worker|manager`,
      );
      say(`Remove everything the lab created: ${cmd()} down`);
    },
  );

function cmd(): string {
  const { name } = program.opts<{ name: string }>();
  return `node packages/lab/dist/bin/lab.js${name === 'lab' ? '' : ` --name ${name}`}`;
}

program
  .command('add <role>')
  .description('a new node (worker or manager) joins the running lab through `clusterctl join`')
  .option(
    '--image <image>',
    'host image to load into it (repeatable; default clusterctl/busybox:local)',
    (v: string, acc: string[]) => [...acc, v],
    [] as string[],
  )
  .action(async (role: string, o: { image: string[] }) => {
    if (role !== 'worker' && role !== 'manager') throw new InvalidArgumentError('role is worker or manager');
    const t0 = Date.now();
    const n = await lab().add(role, o.image);
    say(`lab: ${n.node} (${n.container}, ${n.ip}) joined as a ${n.role} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

program
  .command('status')
  .description('the lab nodes and their state')
  .option('--json', 'JSON output')
  .action(async (o: { json?: boolean }) => {
    const nodes = await lab().nodes();
    if (o.json) return say(JSON.stringify(nodes));
    if (nodes.length === 0) return say(`lab ${program.opts<{ name: string }>().name} is not up`);
    printStatusTable(nodes);
  });

program
  .command('down')
  .description('remove every container, network and volume of the lab (and nothing else)')
  .action(async () => {
    const r = await lab().down();
    say(`lab: removed ${r.containers} containers, ${r.networks} networks, ${r.volumes} volumes`);
  });

for (const [name, what] of [
  ['kill', 'crash a node (SIGKILL its container: daemon, engine and tasks die)'],
  ['start', 'boot a killed node again (its engine, then `clusterctl start`)'],
  ['pause', 'hang a node (docker pause: connections open, nothing answers)'],
  ['unpause', 'resume a paused node'],
] as const) {
  program
    .command(`${name} <node>`)
    .description(what)
    .action(async (node: string) => {
      const l = lab();
      const t0 = Date.now();
      const n = await l[name](node);
      say(`lab: ${name} ${n.node} (${n.container}) done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
}

program
  .command('partition <node>')
  .description('cut a node off the lab network, or only from one other node (--from)')
  .option('--from <node>', 'cut only the traffic between the two nodes')
  .action(async (node: string, o: { from?: string }) => say(`lab: ${await lab().partition(node, o.from)}`));

program
  .command('heal')
  .description('undo every partition')
  .action(async () => {
    const done = await lab().heal();
    say(done.length ? done.map((d) => `lab: ${d}`).join('\n') : 'lab: nothing to heal');
  });

program
  .command('load-image <image...>')
  .description("copy images from this machine's engine into every running node's engine")
  .action(async (images: string[]) => {
    const t0 = Date.now();
    await lab().loadImages(images);
    say(`lab: loaded ${images.join(', ')} into every running node (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  });

program
  .command('tasks [service]')
  .description("running task containers in every node's engine (by label)")
  .option('--json', 'JSON output')
  .action(async (service: string | undefined, o: { json?: boolean }) => {
    const tasks = await lab().taskContainers(service);
    if (o.json) return say(JSON.stringify(tasks));
    for (const t of tasks) say(`${t.node.padEnd(5)} ${t.name}`);
    say(`${tasks.length} running`);
  });

program
  .command('exec <node> <cmd...>')
  .description('run a command in a node: exec m1 -- clusterctl node ls')
  .action(async (node: string, argv: string[]) => {
    const n = await lab().resolve(node);
    const tty = process.stdin.isTTY && process.stdout.isTTY;
    const child = spawn(DOCKER_CLI, ['exec', '-i', ...(tty ? ['-t'] : []), n.container, ...argv], { stdio: 'inherit' });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    process.exitCode = code;
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ClusterError) {
    process.stderr.write(`error: ${e.code}: ${e.message}\n`);
    if (e.hint) process.stderr.write(`hint: ${e.hint}\n`);
    process.exitCode = 1;
  } else if (e instanceof InvalidArgumentError) {
    process.stderr.write(`error: INVALID_ARGUMENT: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`error: INTERNAL: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
});
