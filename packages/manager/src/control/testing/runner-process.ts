// A manager-runner child process for the Control system tests: started with init/join/restart
// arguments, ready once it prints its info line.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readNodeTls } from '@clusterctl/ca';
import { controlClient, type PromiseClient } from './clients.js';

const RUNNER = fileURLToPath(new URL('./manager-runner.js', import.meta.url));

export interface RunnerProcess {
  child: ChildProcess;
  dataDir: string;
  info: { nodeId: string; clusterId: string; raftId: number; addr: string };
}

/** Spawns `manager-runner ARGS --data-dir DIR`; resolves with its info line, rejects if it exits first. */
export function startRunner(args: string[], dataDir: string): Promise<RunnerProcess> {
  const child = spawn(process.execPath, [RUNNER, ...args, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve({ child, dataDir, info: JSON.parse(line) as RunnerProcess['info'] }));
    child.once('exit', (code) => reject(new Error(`manager-runner exited with ${code}: ${stderr}`)));
  });
}

/** A Control client for a runner, with the runner's own node identity (mTLS); added to `opened` to be closed. */
export async function clientFor(p: RunnerProcess, opened: PromiseClient[]): Promise<PromiseClient> {
  const c = controlClient(p.info.addr, await readNodeTls(p.dataDir), p.info.clusterId);
  opened.push(c);
  return c;
}
