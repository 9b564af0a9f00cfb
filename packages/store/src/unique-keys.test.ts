// Node subnets, service virtual IPs and published ports are unique, enforced on apply (like names):
// two managers that each picked the same free value from their own view cannot both win.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { ClusterStore } from './cluster-store.js';
import { LocalProposer } from './testing/local-proposer.js';
import { newNode, newService } from './testing/fixtures.js';
import { encodeSnapshot, decodeSnapshot } from './codec.js';
import { uniqueKeysOf, type NewObject, type Service } from './objects.js';

function cluster(n: number): { stores: ClusterStore[]; proposer: LocalProposer } {
  const stores = Array.from({ length: n }, () => new ClusterStore());
  const proposer = new LocalProposer({ replicas: stores });
  for (const s of stores) s.setProposer(proposer);
  return { stores, proposer };
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ClusterError, `expected ClusterError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected rejection with ${code}`);
}

const withVip = (name: string, vip: string, published = 0): NewObject<Service> => ({
  ...newService(name, published > 0 ? { ports: [{ published, target: 80, protocol: 'tcp' }] } : {}),
  vip,
});

describe('unique keys', () => {
  test('uniqueKeysOf: a node subnet, a service VIP and its published ports; nothing for other shapes', () => {
    assert.deepEqual(uniqueKeysOf('nodes', { network: { subnet: '10.240.1.0/24' } }), ['subnet:10.240.1.0/24']);
    assert.deepEqual(
      uniqueKeysOf('services', {
        vip: '10.241.0.1',
        spec: {
          ports: [
            { published: 8080, target: 80, protocol: 'tcp' },
            { target: 81, protocol: 'tcp' },
            { published: 53, target: 53, protocol: 'udp', publishMode: 'host' },
          ],
        },
      }),
      ['vip:10.241.0.1', 'port:8080/tcp', 'port:53/udp'],
    );
    for (const junk of [null, 3, 'x', { network: 5 }, { spec: { ports: [null, 7] } }]) {
      assert.deepEqual(uniqueKeysOf('nodes', junk), []);
      assert.deepEqual(uniqueKeysOf('services', junk), []);
    }
    assert.deepEqual(uniqueKeysOf('tasks', { vip: '10.241.0.1' }), []);
  });

  test('two managers picking the same subnet, VIP or port: exactly one wins, the loser names the holder', async () => {
    const { stores, proposer } = cluster(2);
    const [s0, s1] = [stores[0]!, stores[1]!];
    proposer.pause();
    const a = s0.update((tx) => tx.create('nodes', newNode('a', { network: { subnet: '10.240.0.0/24' } })));
    const b = s1.update((tx) => tx.create('nodes', newNode('b', { network: { subnet: '10.240.0.0/24' } })));
    proposer.resume();
    const res = await Promise.allSettled([a, b]);
    assert.deepEqual(res.map((r) => r.status).sort(), ['fulfilled', 'rejected']);

    await s0.update((tx) => tx.create('services', withVip('web', '10.241.0.1', 8080)));
    const vipErr = await rejectsWith(
      s1.update((tx) => tx.create('services', withVip('db', '10.241.0.1'))),
      ErrorCode.Conflict,
    );
    assert.match(vipErr.message, /virtual IP 10\.241\.0\.1 is already used by service web/);
    const portErr = await rejectsWith(
      s1.update((tx) => tx.create('services', withVip('api', '10.241.0.2', 8080))),
      ErrorCode.Conflict,
    );
    assert.match(portErr.message, /published port 8080\/tcp is already used by service web/);
    // the same port over udp is another port
    await s1.update((tx) =>
      tx.create('services', {
        ...newService('dns', { ports: [{ published: 8080, target: 53, protocol: 'udp' }] }),
        vip: '10.241.0.3',
      }),
    );
    assert.deepEqual(s0.snapshot(), s1.snapshot());
  });

  test('freed by delete or change, movable within one tx, taken twice in one tx refused', async () => {
    const { stores } = cluster(2);
    const [s0, s1] = [stores[0]!, stores[1]!];
    const web = await s0.update((tx) => tx.create('services', withVip('web', '10.241.0.1', 8080)));
    // a change that drops the port frees it
    await s0.update((tx) => {
      const cur = tx.get('services', web.id)!;
      tx.update('services', { ...cur, spec: { ...cur.spec, ports: [] } });
    });
    const api = await s1.update((tx) => tx.create('services', withVip('api', '10.241.0.2', 8080)));
    // delete frees the VIP
    await s0.update((tx) => tx.delete('services', tx.get('services', web.id)!));
    await s1.update((tx) => tx.create('services', withVip('db', '10.241.0.1')));
    // swapping within one tx works
    await s0.update((tx) => {
      const x = tx.get('services', api.id)!;
      const y = tx.getByName('services', 'db')!;
      tx.update('services', { ...x, vip: '10.241.0.1' });
      tx.update('services', { ...y, vip: '10.241.0.2' });
    });
    assert.equal(s1.view((tx) => tx.get('services', api.id))!.vip, '10.241.0.1');
    await rejectsWith(
      s0.update((tx) => {
        tx.create('services', withVip('t1', '10.241.0.9'));
        tx.create('services', withVip('t2', '10.241.0.9'));
      }),
      ErrorCode.Conflict,
    );
    assert.deepEqual(s0.snapshot(), s1.snapshot());
  });

  test('the index is rebuilt from a snapshot; a snapshot written before the networks table reads as empty', async () => {
    const { stores } = cluster(2);
    const [s0, s1] = [stores[0]!, stores[1]!];
    await s0.update((tx) => tx.create('services', withVip('web', '10.241.0.1')));
    s1.restore(s0.snapshot());
    await rejectsWith(
      s1.update((tx) => tx.create('services', withVip('db', '10.241.0.1'))),
      ErrorCode.Conflict,
    );
    // an older snapshot: counts without "networks"
    const bytes = encodeSnapshot(7, 0, () => []);
    const text = Buffer.from(bytes.subarray(1)).toString('utf8').replace(',"networks":0', '');
    assert.ok(!text.includes('networks'));
    const old = new Uint8Array([bytes[0]!, ...Buffer.from(text, 'utf8')]);
    assert.deepEqual(decodeSnapshot(old).tables.networks, []);
  });
});
