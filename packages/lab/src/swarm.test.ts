// Parsing `docker node ls` (Docker 20.10's default table), as the failover benchmark reads Swarm's view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSwarmNodeLs } from './swarm.js';

// Captured from a lab of 3 managers and 2 workers, seen from m2 after the leader m1 was killed.
const AFTER_LEADER_KILL = `ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
18quwdvym3yt59f2cem8uve4p     m1         Down      Active         Unreachable      20.10.24+dfsg1
uoiro224so7gyu6r383r9y3np *   m2         Ready     Active         Leader           20.10.24+dfsg1
hy4ltlcwsf2svnjotk0qtmpwm     m3         Ready     Active         Reachable        20.10.24+dfsg1
cxx6pzaxgbpi5aqlmyz1six2d     w1         Ready     Active                          20.10.24+dfsg1
talu1bbdv8x36f5kf55v356m3     w2         Down      Drain                           20.10.24+dfsg1
`;

describe('parseSwarmNodeLs', () => {
  test('every column of every row; self marked; a worker has no manager status', () => {
    const rows = parseSwarmNodeLs(AFTER_LEADER_KILL);
    assert.equal(rows.length, 5);
    assert.deepEqual(rows[0], {
      id: '18quwdvym3yt59f2cem8uve4p',
      self: false,
      hostname: 'm1',
      status: 'Down',
      availability: 'Active',
      managerStatus: 'Unreachable',
      engineVersion: '20.10.24+dfsg1',
    });
    assert.deepEqual(rows[1], {
      id: 'uoiro224so7gyu6r383r9y3np',
      self: true,
      hostname: 'm2',
      status: 'Ready',
      availability: 'Active',
      managerStatus: 'Leader',
      engineVersion: '20.10.24+dfsg1',
    });
    assert.equal(rows[2]!.managerStatus, 'Reachable');
    assert.equal(rows[3]!.managerStatus, '');
    assert.equal(rows[3]!.status, 'Ready');
    assert.deepEqual(
      [rows[4]!.hostname, rows[4]!.status, rows[4]!.availability, rows[4]!.managerStatus],
      ['w2', 'Down', 'Drain', ''],
    );
  });

  test('wider columns (long hostnames) and a table without ENGINE VERSION', () => {
    const text = [
      'ID                            HOSTNAME                 STATUS    AVAILABILITY   MANAGER STATUS',
      'aaaaaaaaaaaaaaaaaaaaaaaaa *   a-rather-long-hostname   Ready     Active         Leader',
      'bbbbbbbbbbbbbbbbbbbbbbbbb     w                        Unknown   Pause',
    ].join('\n');
    const rows = parseSwarmNodeLs(text);
    assert.deepEqual(
      rows.map((r) => [r.hostname, r.status, r.availability, r.managerStatus, r.self, r.engineVersion]),
      [
        ['a-rather-long-hostname', 'Ready', 'Active', 'Leader', true, ''],
        ['w', 'Unknown', 'Pause', '', false, ''],
      ],
    );
  });

  test('only the header: no nodes; an error message instead of the table throws', () => {
    assert.deepEqual(parseSwarmNodeLs('ID   HOSTNAME   STATUS   AVAILABILITY   MANAGER STATUS   ENGINE VERSION\n'), []);
    assert.throws(
      () =>
        parseSwarmNodeLs(
          'Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader.\n',
        ),
      /not the table of docker node ls/,
    );
    assert.throws(() => parseSwarmNodeLs(''), /not the table/);
  });
});
