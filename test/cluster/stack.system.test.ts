// Whole-system test of `stack deploy`: 1 manager + 1 worker, real node daemons started by the real
// CLI, the real Docker engine. A compose file deployed as a stack; the same file again replaces no
// task; a second file that changes one service rolls that service only; --prune removes a service
// the files no longer name; stack rm leaves none of the stack's services and networks.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE, Lab } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface TaskRow {
  id: string;
  serviceName: string;
  current: boolean;
  desiredState: string;
  status: { state: string };
}
interface ServiceRow {
  spec: { name: string; env: string[] };
  running: number;
  desired: number;
}

describe('stack deploy on real node daemons', { timeout: 240_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 1, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  const file = (name: string, text: string): string => {
    const p = join(lab.root, name);
    writeFileSync(p, text);
    return p;
  };
  /** The current running tasks of the stack, by service. */
  const running = async (): Promise<Map<string, string[]>> => {
    const rows = await lab.json<TaskRow[]>('m1', ['stack', 'ps', 'shop']);
    const out = new Map<string, string[]>();
    for (const r of rows)
      if (r.current && r.desiredState === 'running' && r.status.state === 'running')
        out.set(r.serviceName, [...(out.get(r.serviceName) ?? []), r.id].sort());
    return out;
  };

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
    await waitFor(
      '2 ready nodes',
      async () => {
        const ns = await lab.json<{ status: { state: string } }[]>('m1', ['node', 'ls']);
        return ns.length === 2 && ns.every((n) => n.status.state === 'ready');
      },
      { timeoutMs: 30_000 },
    );
  });

  after(async () => {
    await lab.teardown();
  });

  test('deploy, redeploy unchanged, one changed service, --prune, rm', async () => {
    const base = file(
      'docker-compose.yml',
      [
        'services:',
        '  web:',
        `    image: ${IMAGE}`,
        '    build: ./web',
        '    environment: { MODE: one }',
        '    deploy: { replicas: 2, update_config: { parallelism: 1 } }',
        '  db:',
        `    image: ${IMAGE}`,
        '    depends_on: [web]',
      ].join('\n'),
    );
    const changed = file('web-two.yml', 'services:\n  web:\n    environment: { MODE: two }\n');
    const webOnly = file(
      'web-only.yml',
      [
        'services:',
        '  web:',
        `    image: ${IMAGE}`,
        '    environment: { MODE: two }',
        '    deploy: { replicas: 2 }',
      ].join('\n'),
    );

    const first = await lab.ok('m1', ['stack', 'deploy', '-c', base, 'shop'], { timeoutMs: 120_000 });
    assert.match(first.stderr, /Ignoring unsupported options: build, depends_on/);
    assert.match(first.stdout, /Creating network shop_default/);
    assert.match(first.stdout, /Creating service shop_db/);
    assert.match(first.stdout, /verify: Service converged/);
    const services = await lab.json<ServiceRow[]>('m1', ['stack', 'services', 'shop']);
    assert.deepEqual(
      services.map((s) => [s.spec.name, s.running, s.desired]),
      [
        ['shop_db', 1, 1],
        ['shop_web', 2, 2],
      ],
    );
    assert.deepEqual(await lab.json('m1', ['stack', 'ls']), [{ name: 'shop', services: 2 }]);
    const before1 = await running();
    assert.equal(before1.get('shop_web')?.length, 2);

    // the same file again: nothing changes, no task replaced
    const again = await lab.ok('m1', ['stack', 'deploy', '-c', base, 'shop'], { timeoutMs: 60_000 });
    assert.match(again.stdout, /Stack shop is up to date \(2 services unchanged\)/);
    assert.deepEqual(await running(), before1);

    // one changed service: only web rolls
    const roll = await lab.ok('m1', ['stack', 'deploy', '-c', base, '--compose-file', changed, 'shop'], {
      timeoutMs: 120_000,
    });
    assert.match(roll.stdout, /Updating service shop_web/);
    assert.doesNotMatch(roll.stdout, /Updating service shop_db/);
    const after2 = await running();
    assert.deepEqual(after2.get('shop_db'), before1.get('shop_db'), 'db kept its task');
    assert.equal(after2.get('shop_web')?.length, 2);
    for (const id of after2.get('shop_web') ?? [])
      assert.ok(!(before1.get('shop_web') ?? []).includes(id), 'every web task was replaced');
    const web = (await lab.json<ServiceRow[]>('m1', ['stack', 'services', 'shop'])).find(
      (s) => s.spec.name === 'shop_web',
    );
    assert.deepEqual(web?.spec.env, ['MODE=two']);

    // --prune: db is no longer in the files
    const pruned = await lab.ok('m1', ['stack', 'deploy', '--prune', '-c', webOnly, 'shop'], { timeoutMs: 60_000 });
    assert.match(pruned.stdout, /Removing service shop_db/);
    assert.deepEqual(
      (await lab.json<ServiceRow[]>('m1', ['stack', 'services', 'shop'])).map((s) => s.spec.name),
      ['shop_web'],
    );

    // rm: nothing of the stack is left
    const rm = await lab.ok('m1', ['stack', 'rm', 'shop']);
    assert.match(rm.stdout, /Removing service shop_web/);
    assert.match(rm.stdout, /Removing network shop_default/);
    assert.deepEqual(await lab.json('m1', ['stack', 'ls']), []);
    const networks = await lab.json<{ name: string }[]>('m1', ['network', 'ls']);
    assert.ok(!networks.some((n) => n.name.startsWith('shop_')), JSON.stringify(networks));
    await waitFor('the stack containers removed', async () => (await lab.containers({})).length === 0, {
      timeoutMs: 30_000,
    });
  });
});
