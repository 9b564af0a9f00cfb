import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KvMachine, decodeCommand, digest, encodeCommand } from './kv-machine.js';

describe('simulator state machine', () => {
  test('commands round-trip, with and without cas', () => {
    const put = { opId: 7, clientId: 2, seq: 3, key: 'k1', value: 'v7' };
    assert.deepEqual(decodeCommand(encodeCommand(put)), put);
    const cas = { ...put, cas: { expected: undefined } };
    assert.deepEqual(decodeCommand(encodeCommand(cas)), cas);
    const cas2 = { ...put, cas: { expected: 'v1' } };
    assert.deepEqual(decodeCommand(encodeCommand(cas2)), cas2);
  });

  test('sessions make duplicates and stale proposals no-ops; cas compares', () => {
    const m = new KvMachine();
    assert.equal(m.apply({ opId: 1, clientId: 1, seq: 1, key: 'a', value: 'x' }), 'ok');
    assert.equal(m.apply({ opId: 1, clientId: 1, seq: 1, key: 'a', value: 'x' }), 'duplicate');
    assert.equal(m.apply({ opId: 3, clientId: 1, seq: 3, key: 'a', value: 'z' }), 'ok');
    assert.equal(m.apply({ opId: 2, clientId: 1, seq: 2, key: 'a', value: 'y' }), 'duplicate'); // late
    assert.equal(m.get('a'), 'z');
    assert.equal(m.apply({ opId: 4, clientId: 2, seq: 1, key: 'a', value: 'w', cas: { expected: 'x' } }), 'failed');
    assert.equal(m.get('a'), 'z');
    assert.equal(m.apply({ opId: 5, clientId: 2, seq: 2, key: 'a', value: 'w', cas: { expected: 'z' } }), 'ok');
    assert.equal(m.apply({ opId: 6, clientId: 2, seq: 3, key: 'b', value: 'q', cas: { expected: undefined } }), 'ok');
    assert.equal(m.get('a'), 'w');
    assert.equal(m.get('b'), 'q');
  });

  test('serialization is canonical and restores the same state', () => {
    const a = new KvMachine();
    const b = new KvMachine();
    a.apply({ opId: 1, clientId: 1, seq: 1, key: 'x', value: '1' });
    a.apply({ opId: 2, clientId: 2, seq: 1, key: 'y', value: '2' });
    b.apply({ opId: 2, clientId: 2, seq: 1, key: 'y', value: '2' });
    b.apply({ opId: 1, clientId: 1, seq: 1, key: 'x', value: '1' });
    assert.equal(digest(a.serialize()), digest(b.serialize()));
    const c = KvMachine.deserialize(a.serialize());
    assert.equal(digest(c.serialize()), digest(a.serialize()));
    assert.equal(c.apply({ opId: 1, clientId: 1, seq: 1, key: 'x', value: '1' }), 'duplicate');
    assert.equal(KvMachine.deserialize(new Uint8Array(0)).get('x'), undefined);
    b.apply({ opId: 3, clientId: 1, seq: 2, key: 'x', value: '3' });
    assert.notEqual(digest(a.serialize()), digest(b.serialize()));
  });
});
