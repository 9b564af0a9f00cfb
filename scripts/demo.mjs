#!/usr/bin/env node
// `npm run demo`: a compose application on a cluster of five nodes, one of them killed while the
// application is used. On a fresh machine it sets up what it needs: pnpm, dependencies and build; a
// Docker engine; the lab node image and the images of the example stack (examples/counter: a web
// application, PostgreSQL and Redis, built locally from Debian packages, cached by content hash).
// Then: a lab of 3 managers and 2 workers (real `clusterctl init` / `join` in each node), `clusterctl
// stack deploy` of the example, the application answering through every node's published port,
// a node running a web replica killed while every live node is asked all the time, and what it
// measured: requests and failures per node, how long the web service took to be back at 3/3, and
// the visit counter kept in the database going on. The lab is left running to explore.
// (The consensus-only demo of three manager processes is `npm run demo:raft`.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';

const LAB_CLI = join(root, 'packages/lab/dist/bin/lab.js');
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const STACK = 'counter';
const COMPOSE_FILE = join(root, 'examples/counter/docker-compose.yml');
const WEB = `${STACK}_web`;
const REPLICAS = 3;
const PORT = 8080;
/** Every live node is asked this often while the node is killed (one new connection per request). */
const PROBE_PERIOD_MS = 100;
const PROBE_TIMEOUT_MS = 2_000;
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
  console.log(`$ docker exec lab-${node} clusterctl ${args.map((a) => a.replace(root + '/', '')).join(' ')}`);
  show(DOCKER, ['exec', `lab-${node}`, 'clusterctl', ...args], { echo: false });
}

/** GET http://ip:PORT/api on a new connection: { ok, ms, body | error }. */
function probe(ip) {
  const start = Date.now();
  return new Promise((resolve) => {
    const req = request({ host: ip, port: PORT, path: '/api', agent: false, timeout: PROBE_TIMEOUT_MS }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        const ms = Date.now() - start;
        if (res.statusCode !== 200) return resolve({ ok: false, ms, error: `HTTP ${res.statusCode}: ${text.trim()}` });
        try {
          resolve({ ok: true, ms, body: JSON.parse(text) });
        } catch {
          resolve({ ok: false, ms, error: `not JSON: ${text.slice(0, 80)}` });
        }
      });
      res.on('error', (e) => resolve({ ok: false, ms: Date.now() - start, error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)));
    req.on('error', (e) => resolve({ ok: false, ms: Date.now() - start, error: e.message }));
    req.end();
  });
}

step('set up: pnpm, dependencies, build');
try {
  bootstrap({ quiet: false });
} catch (err) {
  fail(`set-up failed: ${err.message}`);
}

const { ensureDocker } = await import('./ensure-docker.mjs');
const { buildLabImage } = await import('./build-lab-image.mjs');
const { buildExampleImages, EXAMPLE_IMAGES } = await import('./build-example-images.mjs');
const { Lab, defaultLabConfig } = await import(join(root, 'packages/lab/dist/index.js'));

step('Docker engine');
try {
  const r = await ensureDocker({ log: (l) => console.log(`  ${l}`) });
  console.log(`  engine answers (${r.started ? 'started now' : 'already running'})`);
} catch (err) {
  fail(err.message);
}

step('images, built locally from Debian packages with no registry (cached by content hash)');
try {
  const l = await buildLabImage({ log: (line) => console.log(`  ${line}`), skipEnsureDocker: true });
  console.log(`  ${l.tag}: ${l.builtBase || l.builtNode ? 'built' : 'up to date'} (base ${l.baseTag})`);
  const e = await buildExampleImages({ log: (line) => console.log(`  ${line}`), skipEnsureDocker: true });
  console.log(`  ${e.images.join(', ')}: ${e.built.length > 0 ? 'built' : 'up to date'} (base ${e.baseTag})`);
} catch (err) {
  fail(err.message);
}

const theLab = new Lab(defaultLabConfig({ name: 'lab', repoRoot: root }));
if ((await theLab.nodes()).length > 0) {
  step('a lab from an earlier run is up: removing it');
  lab('down');
}

step("lab up: 3 managers, 2 workers, each a container with its own Docker engine, the example's images in each");
const tUp = Date.now();
lab('up', '--managers', '3', '--workers', '2', ...EXAMPLE_IMAGES.flatMap((i) => ['--image', i]));
const upS = (Date.now() - tUp) / 1000;

step('the example stack: clusterctl stack deploy (follows until every service runs, healthy)');
const tDeploy = Date.now();
clusterctl('m1', 'stack', 'deploy', '-c', COMPOSE_FILE, STACK);
const deployS = (Date.now() - tDeploy) / 1000;
clusterctl('m1', 'stack', 'services', STACK);
clusterctl('m1', 'stack', 'ps', STACK);

const nodes = (await theLab.nodes()).filter((n) => n.state === 'running');
step(`the application answers on port ${PORT} of every node (the routing mesh), its counter in the database`);
for (let round = 0; round < 2; round++) {
  for (const n of nodes) {
    let r = await probe(n.ip);
    for (let i = 0; !r.ok && i < 50; i++) {
      await new Promise((res) => setTimeout(res, 200));
      r = await probe(n.ip);
    }
    if (!r.ok) fail(`${n.node} (${n.ip}:${PORT}) does not answer: ${r.error}`);
    console.log(
      `  curl ${n.ip}:${PORT}/api   # ${n.node}: visit ${r.body.visits} (cache ${r.body.cached ?? 'down'}), served by replica ${r.body.replica}`,
    );
  }
}

step("where the web replicas run (containers in each node's own engine)");
const before = await theLab.taskContainers(WEB);
for (const t of before) console.log(`  ${t.node}: ${t.name}`);
if (before.length !== REPLICAS) fail(`expected ${REPLICAS} running web replicas, found ${before.length}`);
// a worker running a web replica (the database and the cache are kept on managers by the file)
const victim = (before.find((t) => t.node.startsWith('w')) ?? { node: 'w1' }).node;

step(`kill ${victim} (docker kill: its daemon, engine and replica die at once) while every live node is asked`);
const samples = [];
let probing = true;
const live = nodes.filter((n) => n.node !== victim);
const prober = (async () => {
  while (probing) {
    const tick = Date.now();
    const res = await Promise.all(live.map(async (n) => ({ node: n.node, t: tick, ...(await probe(n.ip)) })));
    samples.push(...res);
    await new Promise((r) => setTimeout(r, Math.max(0, PROBE_PERIOD_MS - (Date.now() - tick))));
  }
})();
await new Promise((r) => setTimeout(r, 1_000));
const tKill = Date.now();
lab('kill', victim);
const deadline = Date.now() + 90_000;
let now = [];
for (;;) {
  now = await theLab.taskContainers(WEB);
  if (now.length === REPLICAS) break;
  if (Date.now() > deadline) {
    probing = false;
    fail(`the web service did not get back to ${REPLICAS} running replicas within 90 s`);
  }
  await new Promise((r) => setTimeout(r, 100));
}
const healS = (Date.now() - tKill) / 1000;
// and a little longer, so the replacement takes its share of the requests
await new Promise((r) => setTimeout(r, 3_000));
probing = false;
await prober;

console.log(bold(`  ${REPLICAS}/${REPLICAS} web replicas running again ${healS.toFixed(2)} s after the kill`));
const beforeNames = new Set(before.map((t) => t.name));
for (const t of now) console.log(`  ${t.node}: ${t.name}${beforeNames.has(t.name) ? '' : '  <- the replacement'}`);
const nodeLs = spawnSync(DOCKER, ['exec', 'lab-m1', 'clusterctl', '--format', 'json', 'node', 'ls'], {
  encoding: 'utf8',
});
const dead = nodeLs.status === 0 ? JSON.parse(nodeLs.stdout).find((n) => n.hostname === victim) : undefined;
if (dead?.status?.state === 'down')
  console.log(`  ${victim} was marked down ${((dead.status.timestamp - tKill) / 1000).toFixed(2)} s after the kill`);

step('what the requests saw, from 1 s before the kill until 3 s after the service was whole again');
const failed = samples.filter((s) => !s.ok);
for (const n of live) {
  const mine = samples.filter((s) => s.node === n.node);
  const bad = mine.filter((s) => !s.ok).length;
  const ms = mine
    .filter((s) => s.ok)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const p99 = ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] ?? 0;
  console.log(
    `  ${n.node} (${n.ip}:${PORT}): ${mine.length} requests, ${bad} failed, answered in ${ms[0] ?? 0}-${ms[ms.length - 1] ?? 0} ms (p99 ${p99} ms)`,
  );
}
if (failed.length > 0) {
  const from = (failed[0].t - tKill) / 1000;
  const to = (failed[failed.length - 1].t - tKill) / 1000;
  console.log(
    `  failures between ${from.toFixed(2)} s and ${to.toFixed(2)} s after the kill; the first: ${failed[0].error}`,
  );
}
const visits = samples.filter((s) => s.ok).map((s) => s.body.visits);
const replicas = new Set(samples.filter((s) => s.ok).map((s) => s.body.replica));
console.log(
  `  the counter went from visit ${Math.min(...visits)} to ${Math.max(...visits)} (PostgreSQL, reached as db), answered by ${replicas.size} web replicas`,
);
clusterctl('m1', 'stack', 'ps', STACK);

step('done: the lab is still running');
const okCount = samples.length - failed.length;
console.log(
  bold(
    `  lab up ${upS.toFixed(1)} s; stack deploy ${deployS.toFixed(1)} s; kill ${victim} -> web ${REPLICAS}/${REPLICAS} in ${healS.toFixed(2)} s; ` +
      `${samples.length} requests to the ${live.length} live nodes meanwhile, ${okCount} answered, ${failed.length} failed; demo total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  ),
);
console.log(`
Explore it:
  curl ${live[0].ip}:${PORT}/                          # any node's published port
  docker exec -it lab-m1 clusterctl stack ps ${STACK}
  docker exec -it lab-m1 clusterctl node ls          # ${victim} is Down
  node packages/lab/dist/bin/lab.js start ${victim}           # boot it again: it rejoins, its stale replica is removed
  docker exec -it lab-m1 clusterctl stack rm ${STACK}    # the services, network, secret and config go
  docker exec -it lab-m1 sh                            # a shell on a node (it has its own engine: docker ps)
Remove everything the lab created:
  node packages/lab/dist/bin/lab.js down`);
