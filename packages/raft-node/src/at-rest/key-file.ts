// The manager's data encryption key (DEK) on disk, one small JSON file (0600) beside the node's TLS
// key. Without autolock the DEK is stored as is: like the TLS key, it protects copies of the raft
// directory (a backup, a disk image of raft/ alone), not a copy of the whole data dir. With
// autolock it is wrapped: AES-256-GCM under a key-encryption key derived (HKDF-SHA256, a random
// salt per wrap) from the cluster's unlock key, which is never stored on this node's disk.
//
//   {"version":1,"dek":"<base64>"}                                      not wrapped
//   {"version":1,"wrapped":{"salt":"..","nonce":"..","data":".."}}      wrapped (data = ciphertext + tag)
//
// Written atomically (temp file, fsync, rename, fsync of the directory): a crash leaves the old key
// or the new one, never neither, so a rewrap at any instant loses nothing.

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { DEK_BYTES } from './record-cipher.js';

/** Our unlock keys start with this (the rest: 32 random bytes, base64url). */
export const UNLOCK_KEY_PREFIX = 'CCKEY-1-';
const UNLOCK_KEY_BYTES = 32;
const WRAP_AAD = Buffer.from('clusterctl/dek-wrap/1');
const HKDF_INFO = Buffer.from('clusterctl dek wrapping key');

export type DekFile = { kind: 'plain'; dek: Buffer } | { kind: 'wrapped'; salt: Buffer; nonce: Buffer; data: Buffer };

/** What to do when the unlock key given does not open the data key. */
export const WRONG_UNLOCK_KEY_HINT =
  'give the unlock key shown by `clusterctl cluster unlock-key` on an unlocked manager (a manager that was down when the key was rotated still needs the key from before the rotation)';

/** A new random unlock key. */
export function generateUnlockKey(): string {
  return UNLOCK_KEY_PREFIX + randomBytes(UNLOCK_KEY_BYTES).toString('base64url');
}

/** The bytes of an unlock key; INVALID_UNLOCK_KEY when it is not one of ours. */
export function parseUnlockKey(key: string): Buffer {
  const k = key.trim();
  const b = k.startsWith(UNLOCK_KEY_PREFIX) ? Buffer.from(k.slice(UNLOCK_KEY_PREFIX.length), 'base64url') : undefined;
  if (b === undefined || b.length !== UNLOCK_KEY_BYTES || b.toString('base64url') !== k.slice(UNLOCK_KEY_PREFIX.length))
    throw new ClusterError(ErrorCode.InvalidUnlockKey, 'this is not an unlock key', {
      hint: `an unlock key starts with ${UNLOCK_KEY_PREFIX}; ${WRONG_UNLOCK_KEY_HINT}`,
    });
  return b;
}

function kek(unlockKey: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', parseUnlockKey(unlockKey), salt, HKDF_INFO, 32));
}

/** The DEK wrapped by `unlockKey`. */
export function wrapDek(dek: Buffer, unlockKey: string): DekFile {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek(unlockKey, salt), nonce);
  c.setAAD(WRAP_AAD);
  const data = Buffer.concat([c.update(dek), c.final(), c.getAuthTag()]);
  return { kind: 'wrapped', salt, nonce, data };
}

/** The DEK of a wrapped key file; INVALID_UNLOCK_KEY when `unlockKey` does not open it. */
export function unwrapDek(f: Extract<DekFile, { kind: 'wrapped' }>, unlockKey: string): Buffer {
  const key = kek(unlockKey, f.salt);
  const d = createDecipheriv('aes-256-gcm', key, f.nonce);
  d.setAAD(WRAP_AAD);
  d.setAuthTag(f.data.subarray(f.data.length - 16));
  try {
    const dek = Buffer.concat([d.update(f.data.subarray(0, f.data.length - 16)), d.final()]);
    if (dek.length !== DEK_BYTES) throw new Error('bad length');
    return dek;
  } catch {
    throw new ClusterError(ErrorCode.InvalidUnlockKey, 'the unlock key does not unlock this manager', {
      hint: WRONG_UNLOCK_KEY_HINT,
    });
  }
}

function corrupt(path: string, what: string): ClusterError {
  return new ClusterError(ErrorCode.Corrupt, `${path}: ${what}`, {
    hint: "the manager's data key file is damaged: restore the data dir from a backup, or remove this manager from the cluster and join it again with an empty data dir",
    details: { path },
  });
}

/** The key file at `path`, undefined when there is none. */
export async function readDekFile(path: string): Promise<DekFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let j: { version?: unknown; dek?: unknown; wrapped?: { salt?: unknown; nonce?: unknown; data?: unknown } };
  try {
    j = JSON.parse(text) as typeof j;
  } catch {
    throw corrupt(path, 'not JSON');
  }
  if (j.version !== 1) throw corrupt(path, `unknown version ${String(j.version)}`);
  if (typeof j.dek === 'string') {
    const dek = Buffer.from(j.dek, 'base64');
    if (dek.length !== DEK_BYTES) throw corrupt(path, 'bad key length');
    return { kind: 'plain', dek };
  }
  const w = j.wrapped;
  if (w !== undefined && typeof w.salt === 'string' && typeof w.nonce === 'string' && typeof w.data === 'string')
    return {
      kind: 'wrapped',
      salt: Buffer.from(w.salt, 'base64'),
      nonce: Buffer.from(w.nonce, 'base64'),
      data: Buffer.from(w.data, 'base64'),
    };
  throw corrupt(path, 'neither a key nor a wrapped key');
}

/** Writes the key file atomically and durably: `dek` as is, or wrapped when `unlockKey` is given. */
export async function writeDekFile(path: string, dek: Buffer, unlockKey?: string): Promise<void> {
  const f = unlockKey === undefined ? ({ kind: 'plain', dek } as const) : wrapDek(dek, unlockKey);
  const json =
    f.kind === 'plain'
      ? { version: 1, dek: f.dek.toString('base64') }
      : {
          version: 1,
          wrapped: {
            salt: f.salt.toString('base64'),
            nonce: f.nonce.toString('base64'),
            data: f.data.toString('base64'),
          },
        };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(JSON.stringify(json) + '\n');
    await fh.sync();
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await rename(tmp, path);
  const d = await open(dirname(path), 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
