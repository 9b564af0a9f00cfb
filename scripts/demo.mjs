#!/usr/bin/env node
// `npm run demo`: kill a node and watch the cluster heal, in a docker-in-docker lab on this machine.
// On a fresh machine it sets up what it needs: pnpm, dependencies and build; a Docker engine; the
// workload image (clusterctl/busybox:local) and the lab node image (both built locally, cached).
// Then: a lab of 3 managers and 2 workers (real `clusterctl init` / `join` in each node), a web
// service with 3 replicas, `node ls` and `service ps`, a node running a replica killed, the service
// back at 3 running replicas with the time it took. The lab is left running to explore.
// (The consensus-only demo of three manager processes is `npm run demo:raft`.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';

const LAB_CLI = join(root, 'packages/lab/dist/bin/lab.js');
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const SERVICE = 'web';
const REPLICAS = 3;
const t0 = Date.now();
let stepNo = 0;

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
function step(title) {
  stepNo += 1;
  console.log(`\n${bold(`[${stepNo}] ${title}`)}  (t+${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
function fail(msg) {
  console.error(`\ndemo: ${msg}`);
  process.exit(1);
}
/** Runs a command with its output shown; exits the demo when it fails. */
function show(cmd, args, { echo = true } = {}) {
  if (echo)
    console.log(
      `$ ${[cmd === process.execPath ? 'node' : cmd, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`,
    );
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) fail(`\`${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
}
const lab = (...args) => show(process.execPath, [LAB_CLI, ...args]);
function clusterctl(node, ...args) {
  console.log(`$ docker exec lab-${node} clusterctl ${args.join(' ')}`);
  show(DOCKER, ['exec', `lab-${node}`, 'clusterctl', ...args], { echo: false });
}

step('set up: pnpm, dependencies, build');
try {
  bootstrap({ quiet: false });
} catch (err) {
  fail(`set-up failed: ${err.message}`);
}

const { ensureDocker } = await import('./ensure-docker.mjs');
const { buildWorkloadImage } = await import('./build-workload-image.mjs');
const { buildLabImage } = await import('./build-lab-image.mjs');
const { Lab, defaultLabConfig } = await import(join(root, 'packages/lab/dist/index.js'));

step('Docker engine');
try {
  const r = await ensureDocker({ log: (l) => console.log(`  ${l}`) });
  console.log(`  engine answers (${r.started ? 'started now' : 'already running'})`);
} catch (err) {
  fail(err.message);
}

step('images, built locally with no registry (cached by content hash)');
try {
  const w = await buildWorkloadImage({ log: (l) => console.log(`  ${l}`), skipEnsureDocker: true });
  console.log(`  ${w.tag}: ${w.built ? 'built' : 'up to date'}`);
  const l = await buildLabImage({ log: (line) => console.log(`  ${line}`), skipEnsureDocker: true });
  console.log(`  ${l.tag}: ${l.builtBase || l.builtNode ? 'built' : 'up to date'} (base ${l.baseTag})`);
} catch (err) {
  fail(err.message);
}

const theLab = new Lab(defaultLabConfig({ name: 'lab', repoRoot: root }));
if ((await theLab.nodes()).length > 0) {
  step('a lab from an earlier run is up: removing it');
  lab('down');
}

step('lab up: 3 managers, 2 workers, each a container with its own Docker engine');
const tUp = Date.now();
lab('up', '--managers', '3', '--workers', '2');
const upS = (Date.now() - tUp) / 1000;

step(`a web service with ${REPLICAS} replicas of clusterctl/busybox:local`);
clusterctl('m1', 'service', 'create', '--name', SERVICE, '--replicas', String(REPLICAS), 'clusterctl/busybox:local');
clusterctl('m1', 'node', 'ls');
clusterctl('m1', 'service', 'ps', SERVICE);

step("where the replicas run (containers in each node's own engine)");
const before = await theLab.taskContainers(SERVICE);
for (const t of before) console.log(`  ${t.node}: ${t.name}`);
if (before.length !== REPLICAS) fail(`expected ${REPLICAS} running replicas, found ${before.length}`);
// Kill a worker running a replica when there is one, else a manager other than the first.
const victim = (before.find((t) => t.node.startsWith('w')) ?? before.find((t) => t.node !== 'm1') ?? before[0]).node;

step(`kill ${victim} (docker kill: its daemon, engine and replica die at once) and wait for ${REPLICAS}/${REPLICAS}`);
const tKill = Date.now();
lab('kill', victim);
const deadline = Date.now() + 60_000;
let now = [];
for (;;) {
  now = await theLab.taskContainers(SERVICE);
  if (now.length === REPLICAS) break;
  if (Date.now() > deadline) fail(`the service did not get back to ${REPLICAS} running replicas within 60 s`);
  await new Promise((r) => setTimeout(r, 100));
}
const healS = (Date.now() - tKill) / 1000;
console.log(
  bold(
    `  ${REPLICAS}/${REPLICAS} replicas running again ${healS.toFixed(2)} s after the kill (seen by polling every 100 ms)`,
  ),
);
// Exact times from the cluster and the engines (all on this machine's clock): when the leader marked
// the node down, and when the replacement's container process started in its node's engine.
const beforeNames = new Set(before.map((t) => t.name));
for (const t of now) {
  if (beforeNames.has(t.name)) {
    console.log(`  ${t.node}: ${t.name}`);
    continue;
  }
  const started = spawnSync(
    DOCKER,
    ['exec', `lab-${t.node}`, 'docker', 'inspect', '-f', '{{.State.StartedAt}}', t.name],
    { encoding: 'utf8' },
  ).stdout.trim();
  const startedS = (Date.parse(started) - tKill) / 1000;
  console.log(
    `  ${t.node}: ${t.name}  <- the replacement, its container started ${Number.isFinite(startedS) ? startedS.toFixed(2) : '?'} s after the kill`,
  );
}
const nodes = spawnSync(DOCKER, ['exec', 'lab-m1', 'clusterctl', '--format', 'json', 'node', 'ls'], {
  encoding: 'utf8',
});
const dead = nodes.status === 0 ? JSON.parse(nodes.stdout).find((n) => n.hostname === victim) : undefined;
if (dead?.status?.state === 'down') {
  console.log(
    `  ${victim} was marked down ${((dead.status.timestamp - tKill) / 1000).toFixed(2)} s after the kill: "${dead.status.message}"`,
  );
}
clusterctl('m1', 'service', 'ps', SERVICE);
clusterctl('m1', 'node', 'ls');

step('done: the lab is still running');
console.log(
  `  lab up ${upS.toFixed(1)} s; kill ${victim} -> ${REPLICAS}/${REPLICAS} running in ${healS.toFixed(2)} s; demo total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(`
Explore it:
  docker exec -it lab-m1 clusterctl service ps ${SERVICE}
  docker exec -it lab-m1 clusterctl node ls          # ${victim} is Down
  node packages/lab/dist/bin/lab.js start ${victim}           # boot it again: it rejoins, its stale replica is removed
  node packages/lab/dist/bin/lab.js status | tasks ${SERVICE}
  node packages/lab/dist/bin/lab.js kill|pause|partition NODE, heal
  docker exec -it lab-m1 sh                            # a shell on a node (it has its own engine: docker ps)
Remove everything the lab created:
  node packages/lab/dist/bin/lab.js down`);
