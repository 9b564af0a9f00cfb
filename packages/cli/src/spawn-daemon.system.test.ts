// How `clusterctl init/join/start` learn that the node daemon could not start: from its JSON "failed"
// line (code, message and hint as the daemon meant them), not from its text; a daemon that dies
// without one is INTERNAL with the end of its output. Stub daemons (child processes) stand in for it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode, failedLine } from '@clusterctl/common';
import { startDaemonBackground, startDaemonForeground } from './spawn-daemon.js';

const root = mkdtempSync(join(tmpdir(), 'cctl-spawn-'));
const FAILURE = new ClusterError(ErrorCode.Unavailable, 'the container engine at /nowhere.sock does not answer', {
  hint: 'start Docker, then retry',
});

function stub(name: string, body: string): string {
  const path = join(root, `${name}.mjs`);
  writeFileSync(path, body);
  return path;
}

describe('the node daemon fails to start', () => {
  let saved: string | undefined;
  let failing = '';
  let crashing = '';
  before(() => {
    saved = process.env.CLUSTERCTL_DAEMON_ENTRY;
    // text that looks like another error on stderr: only the JSON line counts
    failing = stub(
      'failing',
      `process.stdout.write(${JSON.stringify(failedLine(FAILURE))});\nprocess.stderr.write('error: NOT_FOUND: decoy\\n');\nprocess.exit(1);\n`,
    );
    crashing = stub('crashing', `process.stderr.write('Segmentation fault\\n');\nprocess.exit(139);\n`);
  });
  after(() => {
    if (saved === undefined) delete process.env.CLUSTERCTL_DAEMON_ENTRY;
    else process.env.CLUSTERCTL_DAEMON_ENTRY = saved;
    rmSync(root, { recursive: true, force: true });
  });

  for (const [how, start] of [
    ['background', startDaemonBackground],
    ['foreground', startDaemonForeground],
  ] as const) {
    test(`${how}: the failed line becomes the error as it is`, async () => {
      process.env.CLUSTERCTL_DAEMON_ENTRY = failing;
      await assert.rejects(start(join(root, `${how}-failed`), ['--init'], { timeoutMs: 20_000 }), (e: unknown) => {
        assert.ok(e instanceof ClusterError);
        assert.equal(e.code, 'UNAVAILABLE');
        assert.equal(e.message, FAILURE.message);
        assert.equal(e.hint, FAILURE.hint);
        return true;
      });
    });

    test(`${how}: no failed line (a crash) is INTERNAL with the end of its output`, async () => {
      process.env.CLUSTERCTL_DAEMON_ENTRY = crashing;
      await assert.rejects(start(join(root, `${how}-crash`), ['--init'], { timeoutMs: 20_000 }), (e: unknown) => {
        assert.ok(e instanceof ClusterError);
        assert.equal(e.code, 'INTERNAL');
        assert.match(e.message, /exited \(code 139\).*Segmentation fault/);
        return true;
      });
    });
  }
});
