// Autolock on a real Manager (raft on LevelDB, mutual TLS): init --autolock wraps the data key with
// the unlock key; GetUnlockKey shows and rotates it (the key file follows); UpdateCluster turns it
// off and on; a restart without the key is LOCKED, with a wrong one INVALID_UNLOCK_KEY.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, dataPaths, ErrorCode } from '@clusterctl/common';
import { generateUnlockKey, readDekFile, unwrapDek } from '@clusterctl/raft-node';
import { waitFor } from '@clusterctl/common/testing';
import { Manager } from '../manager.js';
import { controlClient, failure, type PromiseClient } from '../control/testing/clients.js';

const FAST_RAFT = { tickMs: 20, electionTick: 10 };

describe('autolock on a real manager', () => {
  let dir: string;
  let dataDir: string;
  let m: Manager | undefined;
  let ctl: PromiseClient | undefined;

  /** The key file's state: 'plain', or 'wrapped' when `key` unwraps it, else 'other'. */
  async function keyFile(key?: string): Promise<'plain' | 'wrapped' | 'other' | 'none'> {
    const f = await readDekFile(dataPaths(dataDir).raftDekFile);
    if (f === undefined) return 'none';
    if (f.kind === 'plain') return 'plain';
    try {
      if (key !== undefined) unwrapDek(f, key);
      return key === undefined ? 'other' : 'wrapped';
    } catch {
      return 'other';
    }
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cctl-autolock-'));
    dataDir = join(dir, 'm1');
    m = await Manager.init({ dataDir, listenAddr: '127.0.0.1:0', hostname: 'host-a', raft: FAST_RAFT, autolock: true });
    ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
  });
  after(async () => {
    ctl?.close();
    await m?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('init --autolock: the key file is wrapped with the unlock key before init returns', async () => {
    const { unlockKey } = (await ctl!.getUnlockKey({})) as { unlockKey: string };
    assert.match(unlockKey, /^CCKEY-1-/);
    assert.equal(await keyFile(unlockKey), 'wrapped');
    assert.equal(((await ctl!.getClusterInfo({})) as { autolock: boolean }).autolock, true);
  });

  test('rotate: a new key; the key file is rewrapped with it', async () => {
    const { unlockKey: old } = (await ctl!.getUnlockKey({})) as { unlockKey: string };
    const { unlockKey: next } = (await ctl!.getUnlockKey({ rotate: true })) as { unlockKey: string };
    assert.notEqual(next, old);
    await waitFor('rewrapped with the new key', async () => (await keyFile(next)) === 'wrapped');
    assert.equal(((await ctl!.getUnlockKey({})) as { unlockKey: string }).unlockKey, next);
  });

  test('a restart without the key is LOCKED, with a wrong key INVALID_UNLOCK_KEY, with the key it runs', async () => {
    const { unlockKey } = (await ctl!.getUnlockKey({})) as { unlockKey: string };
    await ctl!.createSecret({ name: 'pw', data: Buffer.from('secret') });
    ctl!.close();
    await m!.stop();
    m = undefined;
    const isCode = (code: string) => (e: unknown) => e instanceof ClusterError && e.code === code;
    await assert.rejects(Manager.restart({ dataDir, raft: FAST_RAFT }), isCode(ErrorCode.Locked));
    await assert.rejects(
      Manager.restart({ dataDir, raft: FAST_RAFT, unlockKey: generateUnlockKey() }),
      isCode(ErrorCode.InvalidUnlockKey),
    );
    m = await Manager.restart({ dataDir, raft: FAST_RAFT, unlockKey });
    ctl = controlClient(m.advertiseAddr, m.nodeTls, m.clusterId);
    await waitFor('the secret is back', async () => {
      try {
        await ctl!.getSecret({ secret: 'pw' });
        return true;
      } catch {
        return false;
      }
    });
  });

  test('autolock off: the key file is stored unwrapped; GetUnlockKey is FAILED_PRECONDITION; on again: a new key', async () => {
    const off = (await ctl!.updateCluster({ autolock: 'false' })) as { autolock: boolean };
    assert.equal(off.autolock, false);
    await waitFor('unwrapped', async () => (await keyFile()) === 'plain');
    assert.equal((await failure(ctl!.getUnlockKey({}))).code, ErrorCode.FailedPrecondition);
    assert.equal((await failure(ctl!.updateCluster({ autolock: 'maybe' }))).code, ErrorCode.InvalidArgument);
    await ctl!.updateCluster({ autolock: 'true' });
    const { unlockKey } = (await ctl!.getUnlockKey({})) as { unlockKey: string };
    await waitFor('wrapped again', async () => (await keyFile(unlockKey)) === 'wrapped');
  });
});
