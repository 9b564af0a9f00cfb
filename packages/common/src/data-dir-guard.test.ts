import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, ErrorCode } from './errors.js';
import { checkDataDir } from './data-dir-guard.js';

test('a data dir is absent, empty and ours, or holds only node files; anything else is refused', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'cctl-guard-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  assert.equal(checkDataDir(join(root, 'new')), 'absent');
  assert.equal(checkDataDir(join(root, 'new', 'deeper')), 'absent');
  const empty = join(root, 'empty');
  mkdirSync(empty);
  assert.equal(checkDataDir(empty), 'present');
  const node = join(root, 'node');
  mkdirSync(join(node, 'raft'), { recursive: true });
  for (const f of ['node.json', 'daemon.log', 'daemon.out', 'daemon.pid', 'node.json.tmp-123'])
    writeFileSync(join(node, f), '');
  assert.equal(checkDataDir(node), 'present');

  const refused = (dir: string, re: RegExp, uid?: number): void =>
    assert.throws(
      () => checkDataDir(dir, uid),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === ErrorCode.FailedPrecondition &&
        re.test(e.message) &&
        /nothing was changed/.test(e.hint),
    );
  writeFileSync(join(node, 'notes.txt'), 'x');
  refused(node, /not a clusterctl data dir: it holds other files \("notes.txt"\)/);
  refused(join(node, 'notes.txt'), /not a directory/);
  refused(join(node, 'notes.txt', 'x'), /a parent of it is a file/);
  if (process.geteuid?.() === 0) {
    const theirs = join(root, 'theirs');
    mkdirSync(theirs);
    chownSync(theirs, 4242, 4242);
    refused(theirs, /owned by another user \(uid 4242\)/);
    // root's data dir, tried by another user: the fix is sudo
    assert.throws(
      () => checkDataDir(empty, 1000),
      (e: unknown) => e instanceof ClusterError && e.code === ErrorCode.PermissionDenied && /sudo/.test(e.hint),
    );
  } else {
    refused(empty, /owned by another user/, process.geteuid!() + 1);
  }
});
