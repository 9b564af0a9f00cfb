#!/usr/bin/env node
// `npm test`: everything CI checks, from a fresh clone on a fresh machine. Sets itself up (pnpm,
// dependencies, build, Docker engine when a test needs one), lints (including package boundaries),
// checks generated protobuf code against proto/, then runs every test with node's test runner.
// Ends with one summary line and a non-zero exit on any failure.
//
// The narrower loops (docs/development.md) build, then run one group of tests:
//   --unit [--package=DIR]  unit tests (every *.test.ts of packages/*/src that is not *.system.test.ts:
//                           in-process, no Docker, no child processes), of every package or of one
//   --system                system tests (*.system.test.ts of the packages, and test/ except test/lab)
//   --lab                   the docker-in-docker lab tests (test/lab)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';

const started = Date.now();
const stages = [];
const args = process.argv.slice(2);
const mode = args.includes('--unit')
  ? 'unit'
  : args.includes('--system')
    ? 'system'
    : args.includes('--lab')
      ? 'lab'
      : 'all';
const packageArg = args.find((a) => a.startsWith('--package='))?.slice('--package='.length);
const onlyPackage = packageArg === undefined ? undefined : resolve(process.cwd(), packageArg);
const label = mode === 'all' ? 'npm test' : `test:${mode}${onlyPackage ? ` (${relative(root, onlyPackage)})` : ''}`;
/** Unit test files are independent processes with their own temp dirs and ports: run several at once. */
const UNIT_CONCURRENCY = 4;

function stage(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== ${name}`);
  let ok = true;
  try {
    ok = fn() !== false;
  } catch (err) {
    console.error(`${name}: ${err.message}`);
    ok = false;
  }
  stages.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
  if (!ok) finish();
}

function sh(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const isSystem = (js) => basename(js).endsWith('.system.test.js');
const underTest = (js, dir) => relative(root, js).startsWith(`test${sep}${dir}`);

/** The compiled test files of this run's group. */
function selectedFiles() {
  const all = testFiles();
  if (mode === 'all') return all;
  if (mode === 'unit')
    return all.filter(
      (js) =>
        !relative(root, js).startsWith(`test${sep}`) &&
        !isSystem(js) &&
        (onlyPackage === undefined || js.startsWith(onlyPackage + sep)),
    );
  if (mode === 'lab') return all.filter((js) => underTest(js, 'dist/lab/'));
  return all.filter((js) => (relative(root, js).startsWith(`test${sep}`) ? !underTest(js, 'dist/lab/') : isSystem(js)));
}

/** Compiled test files whose TypeScript source still exists (a stale dist/ never runs). */
function testFiles() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.js')) found.push(p);
    }
  };
  const roots = [join(root, 'test')];
  for (const pkg of readdirSync(join(root, 'packages'))) roots.push(join(root, 'packages', pkg));
  for (const r of roots) {
    const dist = join(r, 'dist');
    if (!existsSync(dist)) continue;
    walk(dist);
  }
  return found
    .filter((js) => {
      const rel = relative(root, js);
      const src = rel.startsWith('test/')
        ? rel.replace(/^test\/dist\//, 'test/').replace(/\.js$/, '.ts')
        : rel.replace(/\/dist\//, '/src/').replace(/\.js$/, '.ts');
      return existsSync(join(root, src));
    })
    .sort();
}

function finish() {
  const failed = stages.filter((s) => !s.ok);
  const total = ((Date.now() - started) / 1000).toFixed(1);
  console.log('\n=== summary');
  for (const s of stages) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds.toFixed(1)} s)`);
  if (failed.length === 0) {
    console.log(`${label}: PASSED in ${total} s`);
    process.exit(0);
  }
  console.log(`${label}: FAILED (${failed.map((s) => s.name).join(', ')}) after ${total} s`);
  process.exit(1);
}

if (mode === 'all') {
  stage('set up and build', () => bootstrap());
  stage('generated protobuf code matches proto/', () => sh('node', ['scripts/gen-proto.mjs', '--check']));
  stage('lint (eslint: package boundaries, floating promises)', () =>
    sh('pnpm', ['exec', 'eslint', '--max-warnings=0', '.']),
  );
  stage('format (prettier --check; npm run format fixes it)', () =>
    sh('pnpm', ['exec', 'prettier', '--check', '--log-level', 'warn', '.']),
  );
} else {
  stage('set up and build', () => bootstrap({ quiet: true }));
}
if (mode !== 'unit' && existsSync(join(root, 'scripts/ensure-docker.mjs'))) {
  stage('Docker engine for the tests that run containers', () => sh('node', ['scripts/ensure-docker.mjs']));
}
stage(mode === 'all' ? 'tests' : `${mode} tests`, () => {
  const files = selectedFiles();
  if (files.length === 0)
    throw new Error(`no ${mode === 'all' ? '' : `${mode} `}test files found under packages/*/dist or test/dist`);
  console.log(`running ${files.length} test files`);
  const concurrency = mode === 'unit' ? [`--test-concurrency=${UNIT_CONCURRENCY}`] : [];
  return sh('node', ['--test', '--test-reporter=spec', ...concurrency, ...files.map((f) => relative(root, f))]);
});
finish();
