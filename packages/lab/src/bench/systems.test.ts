// Both systems' node lists as the benchmark reads them (down, ready, leader, reachable), from their output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSwarmNodeLs } from '../swarm.js';
import { oursDownSince, oursNodeViews, swarmDownSince, swarmNodeViews } from './systems.js';

test('clusterctl --format json node ls: state, leader, reachability; a worker has no manager status', () => {
  const json = JSON.stringify([
    {
      id: 'a',
      hostname: 'm1',
      role: 'manager',
      status: { state: 'down' },
      managerStatus: { raftId: 1, addr: '', leader: false, reachability: 'unreachable' },
    },
    {
      id: 'b',
      hostname: 'm2',
      role: 'manager',
      status: { state: 'ready' },
      managerStatus: { raftId: 2, addr: '', leader: true, reachability: '' },
    },
    {
      id: 'c',
      hostname: 'm3',
      role: 'manager',
      status: { state: 'ready' },
      managerStatus: { raftId: 3, addr: '', leader: false, reachability: 'reachable' },
    },
    { id: 'd', hostname: 'w1', role: 'worker', status: { state: 'unknown' }, managerStatus: null },
  ]);
  assert.deepEqual(oursNodeViews(json), [
    { hostname: 'm1', down: true, ready: false, leader: false, reachable: false },
    { hostname: 'm2', down: false, ready: true, leader: true, reachable: true },
    { hostname: 'm3', down: false, ready: true, leader: false, reachable: true },
    { hostname: 'w1', down: false, ready: false, leader: false, reachable: null },
  ]);
});

test('docker node ls: Down / Ready, Leader / Reachable / Unreachable', () => {
  const rows =
    parseSwarmNodeLs(`ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
18quwdvym3yt59f2cem8uve4p     m1         Ready     Active         Unreachable      20.10.24+dfsg1
uoiro224so7gyu6r383r9y3np *   m2         Ready     Active         Leader           20.10.24+dfsg1
cxx6pzaxgbpi5aqlmyz1six2d     w1         Down      Active                          20.10.24+dfsg1
`);
  assert.deepEqual(swarmNodeViews(rows), [
    { hostname: 'm1', down: false, ready: true, leader: false, reachable: false },
    { hostname: 'm2', down: false, ready: true, leader: true, reachable: true },
    { hostname: 'w1', down: true, ready: false, leader: false, reachable: null },
  ]);
});

test('when a node was marked down: ours from its status timestamp, Swarm from UpdatedAt; nothing when it is not down', () => {
  const json = JSON.stringify([
    { hostname: 'w1', status: { state: 'down', timestamp: 1795336201123 } },
    { hostname: 'w2', status: { state: 'ready', timestamp: 1795336200000 } },
  ]);
  assert.equal(oursDownSince(json, 'w1'), 1795336201123);
  assert.equal(oursDownSince(json, 'w2'), undefined);
  assert.equal(oursDownSince(json, 'w9'), undefined);
  assert.equal(swarmDownSince('down 2026-11-22T08:30:01.123456789Z\n'), 1795336201123);
  assert.equal(swarmDownSince('ready 2026-11-22T08:30:01.123456789Z'), undefined);
  assert.equal(swarmDownSince(''), undefined);
});
