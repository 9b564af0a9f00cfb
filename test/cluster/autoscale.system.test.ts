// Whole-system test of autoscaling: 1 manager + 1 worker, real node daemons started by the real CLI,
// the real Docker engine. Every task of the service runs a busybox loop that burns its CPU limit
// while a flag file exists in a directory bind-mounted into all of them (the load generator turns
// it on and off from the host): the service scales out to its maximum under load and back in to its
// minimum after, never outside its bounds (sampled from the engine throughout), and every decision
// is an `autoscale` event with its reason.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMAGE, Lab } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface ServiceRow {
  spec: { name: string };
  running: number;
  desired: number;
}
interface EventRow {
  action: string;
  attributes: Record<string, string>;
}

describe('autoscaling on real node daemons', { timeout: 240_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 1, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  const ctl = mkdtempSync(join(tmpdir(), 'cc-autoscale-'));
  const figure = (s: string): void => void process.stdout.write(`# figure: ${s}\n`);
  const row = async (): Promise<ServiceRow | undefined> =>
    (await lab.json<ServiceRow[]>('m1', ['service', 'ls'])).find((s) => s.spec.name === 'burn');
  /** Running containers of the service, sampled from the engine every 250 ms while the test runs. */
  const counts: number[] = [];
  let sampling = true;
  let sampler: Promise<void> = Promise.resolve();

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
  });

  after(async () => {
    sampling = false;
    await sampler;
    await lab.teardown();
    rmSync(ctl, { recursive: true, force: true });
  });

  it('scales out to its maximum under load and back in to its minimum after it stops', async () => {
    const loop = 'while :; do if [ -f /ctl/load ]; then :; else sleep 0.2; fi; done';
    await lab.ok('m1', [
      'service',
      'create',
      '--name',
      'burn',
      '--limit-cpu',
      '0.25',
      '--mount',
      `type=bind,source=${ctl},target=/ctl,readonly`,
      '--autoscale',
      'min=1,max=3,cpu=20%,down-window=20s',
      IMAGE,
      'sh',
      '-c',
      loop,
    ]);
    const inspect = await lab.json<{ spec: { autoscale: { minReplicas: number; maxReplicas: number } } }[]>('m1', [
      'service',
      'inspect',
      'burn',
    ]);
    assert.deepEqual(
      { min: inspect[0]!.spec.autoscale.minReplicas, max: inspect[0]!.spec.autoscale.maxReplicas },
      { min: 1, max: 3 },
    );
    await waitFor('burn at 1/1', async () => (await row())?.running === 1, { timeoutMs: 60_000 });
    sampler = (async () => {
      while (sampling) {
        counts.push((await lab.containers({ service: 'burn', running: true })).length);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    // load on: every task burns its limit (100% of it on an idle machine; the target is 20%)
    const loadAt = Date.now();
    writeFileSync(join(ctl, 'load'), '');
    await waitFor(
      'burn scaled out to 3',
      async () => {
        const [svc] = await lab.json<{ autoscaleStatus: unknown; spec: { replicas: number } }[]>('m1', [
          'service',
          'inspect',
          'burn',
        ]);
        const r = await row();
        return { running: r?.running, replicas: svc!.spec.replicas, last: svc!.autoscaleStatus };
      },
      { timeoutMs: 90_000, until: (v) => v.running === 3 },
    );
    figure(`autoscale: load on -> 3/3 running (the maximum) in ${((Date.now() - loadAt) / 1000).toFixed(1)} s`);

    // load off: back to the minimum after the 20 s down-window, not before
    const offAt = Date.now();
    rmSync(join(ctl, 'load'));
    await waitFor('burn scaled in to 1', async () => (await row())?.desired === 1, { timeoutMs: 90_000 });
    const inMs = Date.now() - offAt;
    figure(`autoscale: load off -> desired 1 in ${(inMs / 1000).toFixed(1)} s (down-window 20 s)`);
    assert.ok(inMs >= 20_000, `scaled in after ${inMs} ms, before the down-window`);
    await waitFor(
      'one burn container left',
      async () => (await lab.containers({ service: 'burn', running: true })).length === 1,
      {
        timeoutMs: 60_000,
      },
    );
    sampling = false;
    await sampler;
    // never outside the bounds (a start-first replacement aside, there is none here: at most max)
    assert.ok(counts.length > 10);
    assert.ok(Math.max(...counts) <= 3, `at most 3 running, saw ${Math.max(...counts)}`);
    assert.ok(Math.min(...counts) >= 1, `at least 1 running, saw ${Math.min(...counts)}`);

    const r = await lab.ok('m1', [
      '--format',
      'json',
      'events',
      '--since',
      '10m',
      '--until',
      String(Math.ceil(Date.now() / 1000) + 1),
      '--filter',
      'event=autoscale',
    ]);
    const events = r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as EventRow);
    assert.ok(events.length >= 2, `autoscale events: ${JSON.stringify(events)}`);
    const out = events.filter((e) => Number(e.attributes['replicas.new']) > Number(e.attributes['replicas.old']));
    const back = events.filter((e) => Number(e.attributes['replicas.new']) < Number(e.attributes['replicas.old']));
    assert.ok(out.length >= 1 && back.length >= 1, JSON.stringify(events));
    assert.match(out[0]!.attributes['reason']!, /above the target 20%/);
    assert.match(back[back.length - 1]!.attributes['reason']!, /below the target 20%/);
    for (const e of events) {
      assert.ok(Number(e.attributes['replicas.new']) >= 1 && Number(e.attributes['replicas.new']) <= 3);
    }
  });
});
