#!/usr/bin/env node
// `npm run demo`: sets up what it needs (pnpm, dependencies, build), then runs the demo.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';

try {
  bootstrap({ quiet: false });
} catch (err) {
  console.error(`demo: set-up failed: ${err.message}`);
  process.exit(1);
}
const r = spawnSync('node', [join(root, 'packages/manager/dist/bin/raft-demo.js')], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
