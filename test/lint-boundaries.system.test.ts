// The lint guards of eslint.config.js fire: snippets are linted as if they were files of the
// guarded packages (ESLint's lintText with a file path), and two real files that import each other
// are written under a package's src for the cycle rule and removed afterwards. Only the guard rules
// run (the type-aware rules need a TypeScript program, which a snippet has not).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const GUARDS = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  'import-x/no-cycle',
  'import-x/no-restricted-paths',
]);

const eslint = new ESLint({
  cwd: REPO,
  ruleFilter: ({ ruleId }) => GUARDS.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

/** The rule ids reported for `code` as the file `file` (relative to the repository). */
async function reported(code: string, file: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(REPO, file) });
  assert.ok(r !== undefined);
  return r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const PRODUCT = ['common', 'ca', 'raft-node', 'store', 'manager', 'agent', 'compose', 'cli', 'daemon', 'lab'];

test('raft-node may not import the manager, its orchestrator, or the store', async () => {
  const file = 'packages/raft-node/src/probe.ts';
  assert.deepEqual(await reported("import { Manager } from '@clusterctl/manager';\nexport { Manager };\n", file), [
    'no-restricted-imports',
  ]);
  assert.ok(
    (
      await reported(
        "import { Orchestrator } from '@clusterctl/manager/src/orchestrator/orchestrator.js';\nexport { Orchestrator };\n",
        file,
      )
    ).includes('no-restricted-imports'),
  );
  assert.deepEqual(
    await reported(
      "import { Orchestrator } from '../../manager/src/orchestrator/orchestrator.js';\nexport { Orchestrator };\n",
      file,
    ),
    ['no-restricted-imports'],
  );
  assert.deepEqual(
    await reported("import type { StateMachine } from '@clusterctl/store';\nexport type { StateMachine };\n", file),
    ['no-restricted-imports'],
  );
  assert.deepEqual(
    await reported("import { RawNode } from '@clusterctl/raft';\nexport { RawNode };\n", file),
    [],
    'raft is allowed',
  );
});

test('the agent may not import the store, raft, raft-node or the manager', async () => {
  for (const pkg of ['store', 'raft', 'raft-node', 'manager']) {
    assert.deepEqual(
      await reported(`import * as x from '@clusterctl/${pkg}';\nexport { x };\n`, 'packages/agent/src/agent/probe.ts'),
      ['no-restricted-imports'],
      pkg,
    );
  }
  assert.deepEqual(
    await reported(
      "import { ClusterError } from '@clusterctl/common';\nexport { ClusterError };\n",
      'packages/agent/src/agent/probe.ts',
    ),
    [],
  );
});

test('compose imports only common and proto; the CLI may import compose, the agent may not', async () => {
  for (const pkg of ['ca', 'store', 'manager', 'agent', 'cli']) {
    assert.deepEqual(
      await reported(`import * as x from '@clusterctl/${pkg}';\nexport { x };\n`, 'packages/compose/src/probe.ts'),
      ['no-restricted-imports'],
      pkg,
    );
  }
  assert.deepEqual(
    await reported(
      "import { ClusterError } from '@clusterctl/common';\nexport { ClusterError };\n",
      'packages/compose/src/probe.ts',
    ),
    [],
  );
  const useCompose = "import { loadCompose } from '@clusterctl/compose';\nexport { loadCompose };\n";
  assert.deepEqual(await reported(useCompose, 'packages/cli/src/probe.ts'), []);
  assert.deepEqual(await reported(useCompose, 'packages/agent/src/agent/probe.ts'), ['no-restricted-imports']);
});

test('no product package imports @clusterctl/bench; test/ may, through its exports', async () => {
  for (const pkg of PRODUCT) {
    assert.deepEqual(
      await reported(
        "import { startProcessCluster } from '@clusterctl/bench/process-cluster';\nexport { startProcessCluster };\n",
        `packages/${pkg}/src/probe.ts`,
      ),
      ['no-restricted-imports'],
      pkg,
    );
  }
  assert.deepEqual(
    await reported(
      "import { startProcessCluster } from '@clusterctl/bench/process-cluster';\nexport { startProcessCluster };\n",
      'test/probe.ts',
    ),
    [],
  );
  assert.deepEqual(
    await reported(
      "import { startProcessCluster } from '../packages/bench/src/process-cluster/process-cluster.js';\nexport { startProcessCluster };\n",
      'test/probe.ts',
    ),
    ['no-restricted-imports'],
  );
});

test('the daemon and the lab keep to their imports', async () => {
  assert.deepEqual(
    await reported(
      "import { ClusterStore } from '@clusterctl/store';\nexport { ClusterStore };\n",
      'packages/daemon/src/probe.ts',
    ),
    ['no-restricted-imports'],
  );
  assert.deepEqual(
    await reported(
      "import { Manager } from '@clusterctl/manager';\nexport { Manager };\n",
      'packages/daemon/src/probe.ts',
    ),
    [],
  );
  assert.deepEqual(
    await reported(
      "import { Manager } from '@clusterctl/manager';\nexport { Manager };\n",
      'packages/lab/src/probe.ts',
    ),
    ['no-restricted-imports'],
  );
});

test('the raft core reads no clock and starts no timer (its simulator may)', async () => {
  assert.deepEqual(await reported('export const now = (): number => Date.now();\n', 'packages/raft/src/probe.ts'), [
    'no-restricted-globals',
  ]);
  assert.deepEqual(await reported('export const t = setTimeout(() => undefined, 1);\n', 'packages/raft/src/probe.ts'), [
    'no-restricted-globals',
  ]);
  assert.deepEqual(
    await reported('export const now = (): number => Date.now();\n', 'packages/raft/src/sim/probe.ts'),
    [],
  );
});

test("the manager's folders form a DAG: a role does not import leader/", async () => {
  const code =
    "import { startLeaderComponents } from '../leader/leader-components.js';\nexport { startLeaderComponents };\n";
  assert.deepEqual(await reported(code, 'packages/manager/src/scheduler/probe.ts'), ['import-x/no-restricted-paths']);
  assert.deepEqual(await reported(code, 'packages/manager/src/leader/probe.ts'), []);
});

test('an import cycle between two files is refused', async () => {
  const dir = join(REPO, 'packages/manager/src');
  const a = `lint-cycle-probe-${process.pid}-a`;
  const b = `lint-cycle-probe-${process.pid}-b`;
  writeFileSync(join(dir, `${a}.ts`), `import { b } from './${b}.js';\nexport const a = (): number => b() + 1;\n`);
  writeFileSync(join(dir, `${b}.ts`), `import { a } from './${a}.js';\nexport const b = (): number => a() - 1;\n`);
  try {
    const [r] = await eslint.lintFiles([join(dir, `${a}.ts`)]);
    assert.ok(r !== undefined);
    assert.deepEqual(
      r.messages.map((m) => m.ruleId),
      ['import-x/no-cycle'],
    );
  } finally {
    rmSync(join(dir, `${a}.ts`), { force: true });
    rmSync(join(dir, `${b}.ts`), { force: true });
  }
});
