import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from './testing/network.js';
import { StateRole } from './types.js';

test('smoke: 3 nodes elect a leader and replicate', () => {
  const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
  net.campaign(1);
  assert.equal(net.leader(), 1);
  net.propose(1, 'a');
  net.propose(2, 'b');
  for (const n of net.nodes.values()) assert.deepEqual(n.applied, ['a', 'b']);
  net.tickAll(50);
  assert.equal(net.node(1).role, StateRole.Leader);
});
