// Lint: typescript-eslint's recommended rules, promise hygiene (type-aware), no import cycles, and
// the package boundaries of docs/architecture.md ("Packages and import direction") enforced here
// rather than remembered: which packages of ours each package may import, only through their
// `exports` (never another package's src/ or dist/), nothing imports the private bench package, the
// folders inside the manager form a DAG, the raft core touches no clock or timer, only the agent's
// executor touches dockerode, and no console.* below the edges (CLI, entry points, benchmarks,
// scripts). test/lint-boundaries.system.test.ts checks that these guards fire.
//
// Cycles: eslint-plugin-import-x's no-cycle (the maintained fork of eslint-plugin-import, flat config
// and ESLint 9 native, resolving through eslint-import-resolver-typescript so `./x.js` finds
// `x.ts`), on product code; workspace packages resolve to their dist/ typings, which it does not
// walk (package cycles are the boundaries' job).
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const PACKAGES = [
  'common',
  'proto',
  'raft',
  'ca',
  'raft-node',
  'store',
  'manager',
  'agent',
  'compose',
  'cli',
  'daemon',
  'lab',
  'bench',
];
const ours = (names) => names.map((n) => `@clusterctl/${n}`);
const forbid = (names, why) => ({ group: names, message: why });

const DOCKERODE = forbid(['dockerode'], 'only packages/agent/src/executor touches dockerode.');
/** Another package's internals: only what its package.json `exports` names may be imported. */
const NO_DEEP_IMPORTS = [
  {
    regex: '^@clusterctl/[^/]+/(src|dist)(/|$)',
    message: 'import another package through its package.json exports, never its src/ or dist/.',
  },
  {
    regex: '^(\\.\\./)+(packages/)?[a-z-]+/(src|dist)/',
    message: 'a relative path into another package: import it by name, through its package.json exports.',
  },
];

/**
 * no-restricted-imports for the files of one package: packages of ours other than `allowed` are
 * refused (the private bench package is never allowed), as are deep imports and, unless `docker`,
 * dockerode. Flat config replaces (does not merge) a rule's options, so each file gets one block.
 */
function boundary(files, allowed, why, { ignores = [], docker = false } = {}) {
  const refused = PACKAGES.filter((n) => !allowed.includes(n) && !files.every((f) => f.startsWith(`packages/${n}/`)));
  const patterns = [...(refused.length > 0 ? [forbid(ours(refused), why)] : []), ...NO_DEEP_IMPORTS];
  if (!docker) patterns.push(DOCKERODE);
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

const M = 'packages/manager/src';
/** The folders of the manager and what each may import, as import-x/no-restricted-paths zones. */
const MANAGER_ROLES = ['ca', 'control', 'dispatcher', 'kv', 'leader', 'membership', 'orchestrator', 'scheduler'];
const managerZone = (target, refused, why) => ({
  target: `${M}/${target}`,
  from: refused.map((d) => (d === 'manager.ts' ? `${M}/manager.ts` : `${M}/${d}`)),
  message: why,
});
const MANAGER_ZONES = [
  managerZone(
    'rpc',
    [...MANAGER_ROLES, 'api', 'manager.ts'],
    'rpc/ holds helpers every service shares: it imports no other folder of the manager.',
  ),
  managerZone(
    'api',
    [...MANAGER_ROLES, 'rpc', 'manager.ts'],
    'api/ holds the store-to-API conversions: it imports no other folder of the manager.',
  ),
  managerZone(
    'network',
    [...MANAGER_ROLES, 'rpc', 'api', 'manager.ts'],
    'network/ holds the address allocator and the network map builder every role shares: it imports no other folder of the manager.',
  ),
  managerZone(
    'scheduler',
    MANAGER_ROLES.filter((d) => d !== 'scheduler').concat('manager.ts'),
    'the scheduler is placement over the store: it imports no other role of the manager.',
  ),
  managerZone(
    'orchestrator',
    MANAGER_ROLES.filter((d) => !['orchestrator', 'scheduler'].includes(d)).concat('manager.ts'),
    "the orchestrator may share only the scheduler's constraint rules.",
  ),
  managerZone(
    'dispatcher',
    MANAGER_ROLES.filter((d) => d !== 'dispatcher').concat('manager.ts'),
    'the dispatcher imports no other role of the manager (shared conversions are in api/).',
  ),
  ...['ca', 'control', 'membership', 'kv'].map((d) =>
    managerZone(
      d,
      ['leader', 'orchestrator', 'dispatcher'],
      'only leader/ wires the leader-only roles; the API side does not import them.',
    ),
  ),
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'packages/proto/gen/**', '.lab/**', 'tmp/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['packages/*/src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test()/describe() return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The edges may print: entry points, benchmarks, simulators' command lines, the CLI, tests.
    files: [
      'packages/*/src/bin/**',
      'packages/*/src/**/bench/**',
      'packages/bench/src/**',
      'packages/*/src/sim/cli.ts',
      'packages/cli/src/**',
      'packages/lab/src/**',
      'test/**',
      '**/*.test.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // raft: a pure core. It imports nothing but its own files, and reads no clock and starts no timer
    // (time comes in through tick()); the simulator, the benchmark and the tests are its edges.
    files: ['packages/raft/src/**/*.ts'],
    ignores: ['packages/raft/src/**/*.test.ts', 'packages/raft/src/sim/**', 'packages/raft/src/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.{1,2}/)', message: 'packages/raft is a pure core: it imports nothing but its own files.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'Date', 'performance'].map((name) => ({
          name,
          message: 'packages/raft is a pure core: no clock and no timers (time comes in through tick()).',
        })),
      ],
    },
  },
  boundary(['packages/common/src/**/*.ts'], [], 'common is the bottom layer: it imports no other package of ours.'),
  boundary(['packages/ca/src/**/*.ts'], ['common', 'proto'], 'ca (node identity) may import only common and proto.'),
  boundary(
    ['packages/raft-node/src/**/*.ts'],
    ['raft', 'ca', 'common', 'proto'],
    'raft-node (the consensus layer) may import only raft, ca, common and proto; it declares its own StateMachine/Proposer.',
  ),
  boundary(['packages/store/src/**/*.ts'], ['common'], 'store may import only common.'),
  boundary(
    ['packages/manager/src/**/*.ts'],
    ['raft-node', 'store', 'raft', 'ca', 'common', 'proto'],
    'manager may import only raft-node, store, raft, ca, common and proto.',
  ),
  boundary(
    ['packages/agent/src/**/*.ts'],
    ['ca', 'common', 'proto'],
    'the agent talks to managers over gRPC only: import @clusterctl/proto, @clusterctl/ca and @clusterctl/common.',
    { ignores: ['packages/agent/src/executor/**'] },
  ),
  boundary(
    ['packages/agent/src/executor/**/*.ts'],
    ['ca', 'common', 'proto'],
    'the agent talks to managers over gRPC only: import @clusterctl/proto, @clusterctl/ca and @clusterctl/common.',
    { docker: true },
  ),
  boundary(
    ['packages/compose/src/**/*.ts'],
    ['common', 'proto'],
    'compose (the compose file model) may import only common and proto.',
  ),
  boundary(
    ['packages/cli/src/**/*.ts'],
    ['ca', 'compose', 'common', 'proto'],
    'the CLI talks to its daemon over gRPC only: import @clusterctl/proto, @clusterctl/ca, @clusterctl/compose and @clusterctl/common.',
  ),
  boundary(
    ['packages/daemon/src/**/*.ts'],
    ['manager', 'agent', 'ca', 'common', 'proto'],
    'the daemon composes the manager and the agent: it may import manager, agent, ca, common and proto.',
  ),
  boundary(
    ['packages/lab/src/**/*.ts'],
    ['common'],
    'the lab drives Docker engines from outside: it may import only common.',
    { docker: true },
  ),
  boundary(['packages/bench/src/**/*.ts'], PACKAGES, 'bench may import every package, through its exports.', {
    docker: true,
  }),
  {
    // test/: whole-system tests reach packages through their exports only.
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_DEEP_IMPORTS, DOCKERODE] }] },
  },
  {
    // No import cycles in product code; the manager's folders form a DAG.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: 'packages/*/tsconfig.json', noWarnOnMultipleProjects: true }),
      ],
      'import-x/ignore': ['[\\\\/]dist[\\\\/]', 'node_modules'],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: MANAGER_ZONES }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
