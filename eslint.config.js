// Lint: typescript-eslint's recommended rules, promise hygiene (type-aware), and the package
// boundaries of docs/architecture.md enforced here rather than remembered:
//   raft imports nothing; ca (node identity) may import common + proto; store may import common;
//   manager may import common, ca, raft, store, proto; agent and cli reach managers only over
//   gRPC (ca + common + proto); only the agent's executor touches dockerode; no console.* below the
//   edges (CLI, daemon entry points, benchmarks, scripts).
import tseslint from 'typescript-eslint';

const ours = (names) => names.map((n) => `@clusterctl/${n}`);
const forbid = (names, why) => ({ group: names, message: why });

/** no-restricted-imports for files of one package. */
function boundary(files, patterns, ignores = []) {
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'packages/proto/gen/**', '.lab/**', 'tmp/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['packages/*/src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test's test()/describe() return promises the runner itself awaits.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The edges may print: entry points, benchmarks, simulators' command lines, the CLI, tests.
    files: ['packages/*/src/bin/**', 'packages/*/src/**/bench/**', 'packages/bench/src/**', 'packages/*/src/sim/cli.ts', 'packages/cli/src/**', 'packages/lab/src/**', 'test/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  boundary(['packages/raft/src/**/*.ts'], [
    { regex: '^(?!\\.{1,2}/)', message: 'packages/raft is a pure core: it imports nothing but its own files (design.md).' },
  ], ['packages/raft/src/**/*.test.ts', 'packages/raft/src/sim/cli.ts']),
  boundary(['packages/common/src/**/*.ts'], [forbid(['@clusterctl/*'], 'common is the bottom layer: it imports no other package of ours.')]),
  boundary(['packages/ca/src/**/*.ts'], [
    forbid(ours(['raft', 'raft-node', 'store', 'manager', 'agent', 'daemon', 'cli', 'lab', 'bench', 'testkit']), 'ca (node identity) may import only common and proto.'),
    forbid(['dockerode'], 'only packages/agent/src/executor touches dockerode.'),
  ]),
  boundary(['packages/raft-node/src/**/*.ts'], [
    forbid(ours(['store', 'manager', 'agent', 'cli', 'daemon', 'lab', 'bench', 'testkit']), 'raft-node (the consensus layer) may import only raft, ca, common and proto; it declares its own StateMachine/Proposer.'),
    forbid(['dockerode'], 'only packages/agent/src/executor touches dockerode.'),
  ]),
  boundary(['packages/store/src/**/*.ts'], [
    forbid(ours(['raft', 'raft-node', 'manager', 'agent', 'cli', 'proto', 'lab', 'testkit', 'ca']), 'store may import only common.'),
    forbid(['dockerode'], 'only packages/agent/src/executor touches dockerode.'),
  ]),
  boundary(['packages/manager/src/**/*.ts'], [
    forbid(ours(['agent', 'cli', 'lab']), 'manager must not import agent, cli or lab.'),
    forbid(['dockerode'], 'only packages/agent/src/executor touches dockerode.'),
  ]),
  boundary(['packages/agent/src/**/*.ts', 'packages/cli/src/**/*.ts'], [
    forbid(ours(['manager', 'store', 'raft']), 'agent and cli talk to managers over gRPC only: import @clusterctl/proto, @clusterctl/ca and @clusterctl/common.'),
  ]),
  {
    files: ['packages/agent/src/**/*.ts'],
    ignores: ['packages/agent/src/executor/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        forbid(ours(['manager', 'store', 'raft']), 'agent and cli talk to managers over gRPC only: import @clusterctl/proto, @clusterctl/ca and @clusterctl/common.'),
        forbid(['dockerode'], 'only packages/agent/src/executor touches dockerode.'),
      ] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
