import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { RecordAuthError, RecordCipher, sealedBytes } from './record-cipher.js';

const key = (s: string): Buffer => Buffer.from(s);

describe('RecordCipher', () => {
  const c = new RecordCipher(RecordCipher.generateKey());

  test('round trip; a fresh nonce per record, so the same value seals differently; the plaintext is not in the output', () => {
    const v = Buffer.from('secret-bytes-secret-bytes');
    const a = c.seal(key('log/1'), v);
    const b = c.seal(key('log/1'), v);
    assert.equal(a.length, sealedBytes(v.length));
    assert.notDeepEqual(a, b);
    assert.equal(a.indexOf(v), -1);
    assert.deepEqual(c.open(key('log/1'), a), v);
    assert.deepEqual(c.open(key('log/1'), b), v);
    assert.deepEqual(c.open(key('k'), c.seal(key('k'), Buffer.alloc(0))), Buffer.alloc(0));
  });

  test('a changed byte anywhere (version, nonce, tag, ciphertext) does not open', () => {
    const sealed = c.seal(key('log/1'), Buffer.from('payload'));
    for (let i = 0; i < sealed.length; i++) {
      const t = Buffer.from(sealed);
      t[i] = t[i]! ^ 0x01;
      assert.throws(() => c.open(key('log/1'), t), RecordAuthError, `byte ${i}`);
    }
    assert.throws(() => c.open(key('log/1'), sealed.subarray(0, 10)), RecordAuthError);
  });

  test('a record moved under another key (another index) does not open', () => {
    const sealed = c.seal(key('log/7'), Buffer.from('entry seven'));
    assert.throws(() => c.open(key('log/8'), sealed), /does not authenticate/);
  });

  test('another data key does not open it', () => {
    const sealed = c.seal(key('meta/snapshot'), Buffer.from('snap'));
    const other = new RecordCipher(RecordCipher.generateKey());
    assert.throws(() => other.open(key('meta/snapshot'), sealed), RecordAuthError);
  });

  test('a key of the wrong size is refused', () => {
    assert.throws(() => new RecordCipher(Buffer.alloc(16)), /32 bytes/);
  });
});
