// The clusterctl command line (commander): global options, every command, and the one place that runs
// a handler, renders its Output and turns any failure into `error: CODE: message` + `hint: ...` and
// an exit code. Handlers parse and check every value before they call the daemon.
import { Command, CommanderError, Option } from 'commander';
import { ClusterError, DEFAULT_DATA_DIR, DEFAULT_LISTEN_ADDR, ErrorCode, resolveDataDir } from '@clusterctl/common';
import { Ctx, processIo, type Io } from './context.js';
import { asClusterError, EXIT_OK, EXIT_USAGE, exitCodeOf, formatError } from './exit-codes.js';
import { parseChoice, usageError } from './parse.js';
import { FORMATS, render, type Format, type Output } from './render.js';
import { unlockCmd, unlockKeyCmd } from './commands/autolock.js';
import { backupCmd, initCmd, joinCmd, joinTokenCmd, leaveCmd, startCmd } from './commands/cluster.js';
import { nodeInspect, nodeLs, nodePs, nodeRm, nodeSetRole, nodeUpdate } from './commands/node.js';
import {
  serviceCreate,
  serviceInspect,
  serviceLogs,
  serviceLs,
  servicePs,
  serviceRm,
  serviceScale,
} from './commands/service.js';
import { serviceRollback, serviceUpdate } from './commands/service-update.js';
import { addContainerCreateOptions, addContainerUpdateOptions } from './commands/container-options.js';
import {
  addAutoscaleOptions,
  addFileRefOptions,
  addHealthAndStopOptions,
  addRolloutOptions,
} from './commands/service-flags.js';
import { clusterInspect, clusterUpdate } from './commands/cluster-settings.js';
import { clusterCa } from './commands/cluster-ca.js';
import { networkCreate, networkInspect, networkLs, networkRm } from './commands/network.js';
import { imageLs } from './commands/image.js';
import { stackDeploy, stackLs, stackPs, stackRm, stackServicesCmd } from './commands/stack.js';
import { fileObjectCreate, fileObjectInspect, fileObjectLs, fileObjectRm, type FileKind } from './commands/secrets.js';
import { eventsCmd } from './commands/events.js';
import { dashboardCmd } from './commands/dashboard.js';

export const VERSION = '0.1.0';

interface GlobalOptions {
  dataDir?: string;
  format?: string;
  debug?: boolean;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

type Handler = (ctx: Ctx) => Promise<Output>;

interface RunState {
  io: Io;
  env: NodeJS.ProcessEnv;
  exitCode: number;
}

/** The options of every command that starts the node daemon (init, join, start). */
function daemonOptions(cmd: Command): Command {
  return cmd
    .option('--data-plane <on|off>', 'the cluster network on this node: task network, routing mesh, DNS (default on)')
    .option('--foreground', 'keep the daemon attached (systemd, containers)')
    .option(
      '--metrics-addr <host:port>',
      'serve Prometheus metrics on HOST:PORT (off by default; loopback, or with --metrics-token-file)',
    )
    .option(
      '--metrics-token-file <file>',
      'scrapers must send this bearer token (needed when --metrics-addr is not loopback)',
    )
    .option(
      '--dashboard-addr <host:port>',
      'managers: serve the web dashboard over HTTPS on HOST:PORT (off by default; a login link from `clusterctl dashboard`)',
    );
}

function makeCtx(cmd: Command, st: RunState): Ctx {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const format: Format = parseChoice('--format', g.format ?? 'table', FORMATS);
  const dataDir = resolveDataDir(g.dataDir, st.env);
  return new Ctx(dataDir, format, g.debug === true, st.io);
}

/** Runs one handler: renders its output, or prints its error; sets the exit code. */
async function run(cmd: Command, st: RunState, handler: Handler): Promise<void> {
  let ctx: Ctx | undefined;
  try {
    ctx = makeCtx(cmd, st);
    const out = await handler(ctx);
    st.io.stdout(render(out, ctx.format));
    st.exitCode = ctx.exitCode;
  } catch (e) {
    const err = asClusterError(e);
    st.io.stderr(formatError(err));
    if (ctx?.debug || cmd.optsWithGlobals<GlobalOptions>().debug) {
      const cause = (err.cause ?? e) as { stack?: string };
      st.io.stderr(`${cause?.stack ?? String(cause)}\n`);
    }
    st.exitCode = exitCodeOf(err);
  } finally {
    ctx?.close();
  }
}

export function buildProgram(st: RunState): Command {
  const program = new Command('clusterctl');
  const act = (fn: (ctx: Ctx, ...args: never[]) => Promise<Output>) =>
    async function (this: Command, ...args: unknown[]): Promise<void> {
      // commander passes (...arguments, options, command)
      const params = args.slice(0, -1);
      await run(this, st, (ctx) => (fn as (ctx: Ctx, ...a: unknown[]) => Promise<Output>)(ctx, ...params));
    };

  program
    .description('clusterctl: run containers on a cluster of machines (Docker Swarm style)')
    .version(VERSION, '-v, --version')
    .option(
      '--data-dir <dir>',
      `the node's data dir, where its daemon's control socket is (default: CLUSTERCTL_DATA_DIR, else ${DEFAULT_DATA_DIR})`,
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => st.io.stdout(s),
      writeErr: (s) => st.io.stderr(s),
      outputError: () => undefined,
    })
    .exitOverride();

  daemonOptions(program.command('init'))
    .description(
      'create a new cluster with this machine as its first manager, start the node daemon and print the join commands',
    )
    .option('--listen-addr <host:port>', `the cluster listener of this manager (default ${DEFAULT_LISTEN_ADDR})`)
    .option('--advertise-addr <host:port>', 'the address other nodes use to reach this manager')
    .option('--heartbeat-period <duration>', 'how often agents send heartbeats (default 500ms)')
    .option('--node-grace <duration>', 'a node without heartbeats for this long is marked down (default 2s)')
    .option(
      '--cert-expiry <duration>',
      'lifetime of node certificates, renewed automatically (default 2160h = 90 days; at least 1h)',
    )
    .option('--hostname <name>', 'the hostname this node reports (several nodes on one machine)')
    .option(
      '--default-addr-pool <cidr>',
      "task addresses: one /24 per node out of it (default 10.240.0.0/16); must not overlap the node's networks",
    )
    .option('--vip-pool <cidr>', "services' virtual IPs (default 10.241.0.0/16)")
    .option(
      '--data-path-backend <backend>',
      'how task traffic crosses nodes: auto (direct routes on one link, VXLAN otherwise), host-gw or vxlan (default auto)',
    )
    .option('--data-path-port <port>', 'UDP port of VXLAN between nodes (default 4789)')
    .option(
      '--restore <file>',
      'start the cluster from a backup (`clusterctl cluster backup`) on an empty data dir: its services, secrets, nodes and CA, with this node as its only manager',
    )
    .option('--autolock', 'managers start locked until `clusterctl unlock` (prints the unlock key)')
    .option(
      '--force-new-cluster',
      'quorum lost for good: the stopped manager of this data dir becomes the only manager of its cluster, with its state (refused while the other managers still answer)',
    )
    .action(act((ctx, o: object) => initCmd(ctx, o)));

  daemonOptions(program.command('join'))
    .description('join a cluster as a worker or a manager (the token says which) and start the node daemon')
    .argument('<manager-addr>', 'HOST:PORT of a manager')
    .option('--token <token>', 'join token from `clusterctl join-token worker|manager`')
    .option(
      '--listen-addr <host:port>',
      `managers: the cluster listener (default ${DEFAULT_LISTEN_ADDR}); workers keep it for a later promotion`,
    )
    .option('--advertise-addr <host:port>', 'managers: the address other nodes use')
    .option('--hostname <name>', 'the hostname this node reports')
    .action(act((ctx, addr: string, o: object) => joinCmd(ctx, addr, o)));

  daemonOptions(program.command('start'))
    .description('start the node daemon of a data dir that already holds a node (after a reboot or a crash)')
    .action(act((ctx, o: object) => startCmd(ctx, o)));

  program
    .command('join-token')
    .description('print (or rotate) the command that joins a worker or a manager')
    .argument('<role>', 'worker | manager')
    .option('--rotate', 'replace the token; the old one stops working')
    .option('-q, --quiet', 'print the token only')
    .action(act((ctx, role: string, o: object) => joinTokenCmd(ctx, role, o)));

  program
    .command('unlock')
    .description('unlock this manager (autolock): reads the unlock key from stdin, or asks for it on a terminal')
    .action(act((ctx) => unlockCmd(ctx)));

  program
    .command('leave')
    .description("leave the cluster: stop this node's task containers, forget the cluster, stop the daemon")
    .option('--force', 'leave even as a manager (demote it first to keep the quorum healthy)')
    .action(act((ctx, o: object) => leaveCmd(ctx, o)));

  const node = program.command('node').description('manage the nodes of the cluster (on a manager)');
  node
    .command('ls')
    .alias('list')
    .description('list nodes')
    .action(act((ctx) => nodeLs(ctx)));
  node
    .command('inspect')
    .description('show nodes in detail (JSON, or --pretty); "self" is this node')
    .argument('<node...>', 'node id, id prefix, hostname or "self"')
    .option('--pretty', 'print the information in a human-friendly format')
    .action(act((ctx, refs: string[], o: { pretty?: boolean }) => nodeInspect(ctx, refs, o)));
  node
    .command('ps')
    .description('list the tasks of nodes (default: this node)')
    .argument('[node...]', 'node id, id prefix, hostname or "self"')
    .option('--no-trunc', 'do not truncate ids and errors')
    .action(act((ctx, refs: string[], o: { trunc?: boolean }) => nodePs(ctx, refs, { noTrunc: o.trunc === false })));
  node
    .command('rm')
    .alias('remove')
    .description('remove nodes from the cluster')
    .argument('<node...>', 'node id, id prefix or hostname')
    .option('-f, --force', 'remove a node that is still up')
    .action(act((ctx, refs: string[], o: object) => nodeRm(ctx, refs, o)));
  node
    .command('update')
    .description("change a node's availability or labels")
    .argument('<node>', 'node id, id prefix, hostname or "self"')
    .option('--availability <availability>', 'active | pause | drain')
    .option('--label-add <key=value>', 'add or change a node label (repeatable)', collect)
    .option('--label-rm <key>', 'remove a node label (repeatable)', collect)
    .action(act((ctx, ref: string, o: object) => nodeUpdate(ctx, ref, o)));
  node
    .command('promote')
    .description('make workers managers')
    .argument('<node...>')
    .action(act((ctx, refs: string[]) => nodeSetRole(ctx, refs, 'manager')));
  node
    .command('demote')
    .description('make managers workers')
    .argument('<node...>')
    .action(act((ctx, refs: string[]) => nodeSetRole(ctx, refs, 'worker')));

  const service = program.command('service').description('manage services (on a manager)').enablePositionalOptions();
  const serviceCreateCmd = service
    .command('create')
    .description('create a service; without --detach, follow it until its tasks run')
    .argument('<image>', 'image to run')
    .argument('[command...]', "replaces the image's CMD")
    .passThroughOptions()
    .option('--name <name>', 'service name (default: generated)')
    .option('--replicas <n>', 'number of tasks (replicated mode, default 1)')
    .option('--mode <mode>', 'replicated | global (one task per eligible node)')
    .option('-e, --env <key=value>', 'environment variable (repeatable)', collect)
    .option('-l, --label <key=value>', 'service label (repeatable)', collect)
    .option(
      '-p, --publish <spec>',
      'publish a port: PUBLISHED:TARGET[/udp], or published=P,target=T[,protocol=udp][,mode=ingress|host][,route=spread|local-first]; ingress (default) answers on every node (repeatable)',
      collect,
    )
    .option('--network <network>', 'join a network (name or id, repeatable; default: the default network)', collect)
    .option('--endpoint-mode <mode>', 'vip (the name resolves to a virtual IP, default) | dnsrr (to the task IPs)')
    .option(
      '--constraint <expr>',
      'placement constraint: node.hostname==x, node.labels.k!=v, node.role==manager ... (repeatable)',
      collect,
    )
    .option('--reserve-cpu <cpus>', 'CPUs reserved for each task, e.g. 0.5')
    .option('--reserve-memory <size>', 'memory reserved for each task, e.g. 512m')
    .option('--limit-cpu <cpus>', 'CPU limit of each task')
    .option('--limit-memory <size>', 'memory limit of each task, e.g. 1g')
    .option('--restart-condition <condition>', 'any | on-failure | none (default any)')
    .option('--restart-max-attempts <n>', 'restarts before giving up (default 0: unlimited)')
    .option('-d, --detach', 'return once the service is created, without waiting for its tasks')
    .action(act((ctx, image: string, command: string[], o: object) => serviceCreate(ctx, image, command, o)));
  addContainerCreateOptions(serviceCreateCmd);
  addHealthAndStopOptions(serviceCreateCmd);
  addRolloutOptions(serviceCreateCmd, 'create');
  addFileRefOptions(serviceCreateCmd, 'create');
  addAutoscaleOptions(serviceCreateCmd, 'create');
  const serviceUpdateCmd = service
    .command('update')
    .description(
      'change a service (like docker service update); without --detach, follow the rolling replacement of its tasks; without a change, resume a paused update',
    )
    .argument('<service>', 'service id, id prefix or name')
    .option('--image <image>', 'the image to run')
    .option(
      '--args <command>',
      'replace the command (the image\'s CMD), e.g. --args "sleep 600"; "" restores the image\'s',
    )
    .option('--env-add <key=value>', 'add or change an environment variable (repeatable)', collect)
    .option('--env-rm <key>', 'remove an environment variable (repeatable)', collect)
    .option('--label-add <key=value>', 'add or change a service label (repeatable)', collect)
    .option('--label-rm <key>', 'remove a service label (repeatable)', collect)
    .option('--constraint-add <expr>', 'add a placement constraint (repeatable)', collect)
    .option('--constraint-rm <expr>', 'remove a placement constraint (repeatable)', collect)
    .option(
      '--publish-add <spec>',
      'publish a port: PUBLISHED:TARGET[/udp] or published=P,target=T[,protocol=udp][,mode=ingress|host][,route=spread|local-first] (repeatable)',
      collect,
    )
    .option('--publish-rm <published[:target][/udp]>', 'remove a published port (repeatable)', collect)
    .option('--network-add <network>', 'join a network (name or id, repeatable)', collect)
    .option('--network-rm <network>', 'leave a network (name or id, repeatable)', collect)
    .option('--endpoint-mode <mode>', 'vip | dnsrr')
    .option('--replicas <n>', 'number of tasks (replicated mode)')
    .option('--reserve-cpu <cpus>', 'CPUs reserved for each task (0: none)')
    .option('--reserve-memory <size>', 'memory reserved for each task (0: none)')
    .option('--limit-cpu <cpus>', 'CPU limit of each task (0: none)')
    .option('--limit-memory <size>', 'memory limit of each task (0: none)')
    .option('--restart-condition <condition>', 'any | on-failure | none')
    .option('--restart-max-attempts <n>', 'restarts before giving up (0: unlimited)')
    .option('--force', 'replace every task even when the spec does not change')
    .option('--rollback', 'return to the previous spec (as service rollback)')
    .option('-d, --detach', 'return once the update is stored, without waiting for the tasks')
    .action(act((ctx, ref: string, o: object) => serviceUpdate(ctx, ref, o)));
  addContainerUpdateOptions(serviceUpdateCmd);
  addHealthAndStopOptions(serviceUpdateCmd);
  addRolloutOptions(serviceUpdateCmd, 'update');
  addFileRefOptions(serviceUpdateCmd, 'update');
  addAutoscaleOptions(serviceUpdateCmd, 'update');
  service
    .command('rollback')
    .description(
      'return a service to its previous spec, rolled out with its rollback policy (like docker service rollback)',
    )
    .argument('<service>', 'service id, id prefix or name')
    .option('-d, --detach', 'return once the rollback is stored, without waiting for the tasks')
    .action(act((ctx, ref: string, o: object) => serviceRollback(ctx, ref, o)));
  service
    .command('ls')
    .alias('list')
    .description('list services')
    .action(act((ctx) => serviceLs(ctx)));
  service
    .command('inspect')
    .description('show services in detail (JSON, or --pretty)')
    .argument('<service...>', 'service id, id prefix or name')
    .option('--pretty', 'print the information in a human-friendly format')
    .action(act((ctx, refs: string[], o: { pretty?: boolean }) => serviceInspect(ctx, refs, o)));
  service
    .command('ps')
    .description("list the tasks of services, with each slot's history")
    .argument('<service...>', 'service id, id prefix or name')
    .option('--no-trunc', 'do not truncate ids and errors')
    .action(act((ctx, refs: string[], o: { trunc?: boolean }) => servicePs(ctx, refs, { noTrunc: o.trunc === false })));
  service
    .command('scale')
    .description('set the number of tasks of replicated services')
    .argument('<service=replicas...>')
    .option('-d, --detach', 'do not wait for the tasks')
    .action(act((ctx, args: string[], o: object) => serviceScale(ctx, args, o)));
  service
    .command('rm')
    .alias('remove')
    .description('remove services (their containers are stopped and removed)')
    .argument('<service...>', 'service id, id prefix or name')
    .action(act((ctx, refs: string[]) => serviceRm(ctx, refs)));
  service
    .command('logs')
    .description("print the logs of a service's tasks")
    .argument('<service>', 'service id, id prefix or name')
    .option('-f, --follow', 'keep printing new lines')
    .option('-n, --tail <lines>', "lines from the end of each task's log (default all)")
    .action(act((ctx, ref: string, o: object) => serviceLogs(ctx, ref, o)));

  // image shipping
  const image = program.command('image').description("the nodes' images (on a manager)");
  image
    .command('ls')
    .alias('list')
    .description('list the images the nodes hold, with the nodes holding each (as their agents last reported)')
    .action(act((ctx) => imageLs(ctx)));

  const network = program.command('network').description('manage networks (on a manager)');
  network
    .command('create')
    .description('create a network services can join (--network); services reach only services on a network they share')
    .argument('<name>', 'network name')
    .option('-d, --driver <driver>', 'overlay (the only driver, the default)')
    .option('-l, --label <key=value>', 'network label (repeatable)', collect)
    .action(act((ctx, name: string, o: object) => networkCreate(ctx, name, o)));
  network
    .command('ls')
    .alias('list')
    .description('list networks')
    .action(act((ctx) => networkLs(ctx)));
  network
    .command('inspect')
    .description('show networks in detail (JSON), with the services attached')
    .argument('<network...>', 'network name, id or id prefix')
    .action(act((ctx, refs: string[]) => networkInspect(ctx, refs)));
  network
    .command('rm')
    .alias('remove')
    .description('remove networks (refused while a service uses one; the default network stays)')
    .argument('<network...>', 'network name, id or id prefix')
    .action(act((ctx, refs: string[]) => networkRm(ctx, refs)));
  // secrets and configs (like docker secret / docker config)
  for (const kind of ['secret', 'config'] as const satisfies readonly FileKind[]) {
    const g = program
      .command(kind)
      .description(
        kind === 'secret'
          ? 'manage secrets: data given to the tasks that use them, kept encrypted and only in memory on nodes (on a manager)'
          : 'manage configs: files given to the tasks that use them (on a manager)',
      );
    g.command('create')
      .description(`create a ${kind} from FILE, or from stdin with -; prints its id`)
      .argument('<name>', `${kind} name`)
      .argument(
        '<file>',
        `file with the ${kind}'s data, or - for stdin (at most ${kind === 'secret' ? 500 : 1000} KiB)`,
      )
      .option('-l, --label <key=value>', `${kind} label (repeatable)`, collect)
      .action(act((ctx, name: string, file: string, o: object) => fileObjectCreate(ctx, kind, name, file, o)));
    g.command('ls')
      .alias('list')
      .description(`list ${kind}s`)
      .action(act((ctx) => fileObjectLs(ctx, kind)));
    g.command('inspect')
      .description(
        kind === 'secret'
          ? 'show secrets in detail (JSON; never their data)'
          : 'show configs in detail (JSON, data in base64)',
      )
      .argument(`<${kind}...>`, `${kind} id, id prefix or name`)
      .action(act((ctx, refs: string[]) => fileObjectInspect(ctx, kind, refs)));
    g.command('rm')
      .alias('remove')
      .description(`remove ${kind}s (refused while a service uses one)`)
      .argument(`<${kind}...>`, `${kind} id, id prefix or name`)
      .action(act((ctx, refs: string[]) => fileObjectRm(ctx, kind, refs)));
  }

  const stack = program
    .command('stack')
    .description('manage stacks: compose applications on the cluster (on a manager)');
  stack
    .command('deploy')
    .alias('up')
    .description(
      'deploy a compose application as the services NAME_*, or bring it up to date: only changed services are updated; without --detach, follow them until they run',
    )
    .argument('<name>', 'the stack name')
    .option('-c, --compose-file <file>', 'compose file (repeatable: later files merge onto earlier ones)', collect)
    .option('--prune', 'remove the services of the stack that the files no longer name')
    .option('-d, --detach', 'return once the services are created or updated, without waiting for their tasks')
    .action(act((ctx, name: string, o: object) => stackDeploy(ctx, name, o, st.env)));
  stack
    .command('ls')
    .alias('list')
    .description('list stacks (services grouped by their com.docker.stack.namespace label)')
    .action(act((ctx) => stackLs(ctx)));
  stack
    .command('services')
    .description('list the services of a stack')
    .argument('<name>', 'the stack name')
    .action(act((ctx, name: string) => stackServicesCmd(ctx, name)));
  stack
    .command('ps')
    .description('list the tasks of a stack')
    .argument('<name>', 'the stack name')
    .option('--no-trunc', 'do not truncate ids and errors')
    .action(act((ctx, name: string, o: { trunc?: boolean }) => stackPs(ctx, name, { noTrunc: o.trunc === false })));
  stack
    .command('rm')
    .aliases(['remove', 'down'])
    .description('remove stacks: their services (and their containers)')
    .argument('<name...>', 'stack names')
    .action(act((ctx, names: string[]) => stackRm(ctx, names)));

  const cluster = program.command('cluster').description("the cluster's settings (on a manager)");
  cluster
    .command('inspect')
    .description('show the cluster: id, leader, managers, settings, root CA')
    .action(act((ctx) => clusterInspect(ctx)));
  cluster
    .command('update')
    .description('change cluster settings on the live cluster (like docker swarm update)')
    .option('--heartbeat-period <duration>', 'how often agents send heartbeats, e.g. 500ms')
    .option(
      '--node-grace <duration>',
      'a node without heartbeats for this long is marked down (at least 2 heartbeat periods), e.g. 5s',
    )
    .option('--task-history-limit <n>', 'tasks kept per slot, the current one included')
    .option(
      '--cert-expiry <duration>',
      'lifetime of node certificates issued from now on (at least 1h), e.g. 2160h or 90d',
    )
    .option('--data-path-backend <backend>', 'how task traffic crosses nodes: auto | host-gw | vxlan')
    .option(
      '--autolock [true|false]',
      'managers start locked until `clusterctl unlock` (true prints the unlock key; false stores the data keys unwrapped again)',
    )
    .action(act((ctx, o: object) => clusterUpdate(ctx, o)));
  cluster
    .command('unlock-key')
    .description('print (or rotate) the unlock key of an autolocked cluster (on an unlocked manager)')
    .option('--rotate', 'a new unlock key: every manager rewraps its data key with it')
    .option('-q, --quiet', 'print the key only')
    .action(act((ctx, o: { quiet?: boolean; rotate?: boolean }) => unlockKeyCmd(ctx, o)));
  cluster
    .command('backup')
    .description(
      "write a backup of this manager's applied state (services, secrets, nodes, CA key) to FILE, mode 0600; online, needs no quorum (the state is as new as this manager)",
    )
    .argument('<file>', 'where to write the backup (replaced atomically if it exists)')
    .action(act((ctx, file: string) => backupCmd(ctx, file)));
  cluster
    .command('ca')
    .description('print the root CA certificate, or rotate the root CA (like docker swarm ca)')
    .option(
      '--rotate',
      'replace the root CA: every node gets a certificate from a new root, then the old root is retired (join tokens change)',
    )
    .option(
      '--cert-expiry <duration>',
      'lifetime of node certificates issued from now on (at least 1h), e.g. 2160h or 90d',
    )
    .option('-d, --detach', 'with --rotate: return once the rotation started instead of waiting for it to finish')
    .option('-q, --quiet', 'with --rotate: print no progress')
    .action(act((ctx, o: object) => clusterCa(ctx, o)));

  program
    .command('events')
    .description(
      "follow the cluster's events (services, tasks, nodes, leader changes), like `docker events`; resumes by itself across a leader change",
    )
    .option('--since <time>', 'also print the kept events since then: RFC 3339, Unix seconds, or a duration back (10m)')
    .option('--until <time>', 'stop after the events up to then (same forms)')
    .option(
      '-f, --filter <key=value>',
      'only matching events (repeatable): type=service|node|task|secret|config|cluster, name=, id=, node=, service=, event=',
      collect,
    )
    .action(act((ctx, o: object) => eventsCmd(ctx, o)));

  program
    .command('dashboard')
    .description(
      "print the address of this manager's web dashboard and a login link (a short-lived token signed by the cluster)",
    )
    .option('--allow-actions', 'the link may also scale services, drain or activate nodes and roll services back')
    .option('--ttl <duration>', 'how long the link (and the session it opens) stays valid (default 1h, at most 24h)')
    .option('--revoke', 'refuse every link issued until now and close the sessions they opened (no new link)')
    .action(act((ctx, o: object) => dashboardCmd(ctx, o)));

  // every command: no output through commander's own error path (exitOverride turns it into our error)
  const quiet = (c: Command): void => {
    c.configureOutput({
      writeOut: (s) => st.io.stdout(s),
      writeErr: (s) => st.io.stderr(s),
      outputError: () => undefined,
    })
      .exitOverride()
      .showSuggestionAfterError(true);
    for (const sub of c.commands) quiet(sub);
  };
  quiet(program);
  return program;
}

/** A commander parsing failure (unknown option, missing argument ...) as our usage error. */
function commanderUsageError(program: Command, e: CommanderError, argv: string[]): ClusterError {
  const msg = e.message
    .replace(/^error:\s*/, '')
    .replace(/\n+/g, ' ')
    .trim();
  // The command as registered with commander (the first word naming one; option values are skipped
  // that way), and for a group (node, service, cluster) its subcommand when it names one.
  const named = (cs: readonly Command[], w: string | undefined): Command | undefined =>
    cs.find((c) => c.name() === w || c.aliases().includes(w ?? ''));
  const words = argv.filter((a) => !a.startsWith('-'));
  const at = words.findIndex((w) => named(program.commands, w) !== undefined);
  const top = at < 0 ? undefined : named(program.commands, words[at]);
  const sub = top === undefined ? undefined : named(top.commands, words[at + 1]);
  const cmd = top === undefined ? '' : sub === undefined ? top.name() : `${top.name()} ${sub.name()}`;
  return new ClusterError(ErrorCode.InvalidArgument, msg, { hint: `see \`clusterctl ${cmd ? cmd + ' ' : ''}--help\`` });
}

/** Runs the CLI on argv (without node and the script); returns the exit code. */
export async function main(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const st: RunState = { io, env, exitCode: EXIT_OK };
  const program = buildProgram(st);
  try {
    if (argv.length === 0)
      throw usageError(
        'no command given',
        'see `clusterctl --help`; start with `clusterctl init` or `clusterctl join`',
      );
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
      // a command group without its subcommand: commander printed its help on stderr
      if (e.code === 'commander.help') return EXIT_USAGE;
      if (e.code === 'commander.executeSubCommandAsync') return st.exitCode;
      const err = commanderUsageError(program, e, argv);
      io.stderr(formatError(err));
      return exitCodeOf(err);
    }
    const err = asClusterError(e);
    io.stderr(formatError(err));
    return exitCodeOf(err);
  }
  return st.exitCode;
}
