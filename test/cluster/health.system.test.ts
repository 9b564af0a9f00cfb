// Whole-system test of health checks and stop grace: 1 manager + 1 worker, real node daemons
// started by the real CLI, the real Docker engine. A failing check keeps its task from counting as
// running and gets it replaced; an HTTP probe of the agent against busybox httpd; the stop grace
// and signal measured from the engine's own events (kill signal and die times), not sleeps.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { IMAGE, Lab } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface TaskRow {
  name: string;
  current: boolean;
  desiredState: string;
  status: { state: string; err: string; health: string; healthMessage: string };
}
interface ServiceRow {
  spec: { name: string };
  running: number;
  desired: number;
}
interface EngineEvent {
  Action: string;
  timeNano: number;
  Actor: { Attributes: Record<string, string> };
}

describe('health checks and stop grace on real node daemons', { timeout: 180_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 1, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  const figure = (s: string): void => void process.stdout.write(`# figure: ${s}\n`);
  const ps = (svc: string): Promise<TaskRow[]> => lab.json<TaskRow[]>('m1', ['service', 'ps', svc]);
  const running = async (svc: string): Promise<number> =>
    (await lab.json<ServiceRow[]>('m1', ['service', 'ls'])).find((s) => s.spec.name === svc)?.running ?? -1;

  /** The engine's events of one container from now until it is destroyed (or the deadline). */
  function engineEvents(containerId: string, timeoutMs = 30_000): Promise<EngineEvent[]> {
    return new Promise((resolve, reject) => {
      const p = spawn('docker', ['events', '--filter', `container=${containerId}`, '--format', '{{json .}}']);
      const events: EngineEvent[] = [];
      const timer = setTimeout(() => {
        p.kill();
        reject(new Error(`no destroy event of ${containerId} within ${timeoutMs} ms: ${JSON.stringify(events)}`));
      }, timeoutMs);
      createInterface({ input: p.stdout }).on('line', (line) => {
        const ev = JSON.parse(line) as EngineEvent;
        events.push(ev);
        if (ev.Action === 'destroy') {
          clearTimeout(timer);
          p.kill();
          resolve(events);
        }
      });
    });
  }

  /** Removes a service and returns the engine's events of its one running container meanwhile. */
  async function removeWatched(svc: string): Promise<EngineEvent[]> {
    const [c] = await lab.containers({ service: svc, running: true });
    assert.ok(c, `a running container of ${svc}`);
    const events = engineEvents(c.id);
    await new Promise((r) => setTimeout(r, 300)); // `docker events` subscribed before the stop
    await lab.ok('m1', ['service', 'rm', svc]);
    return events;
  }

  const kills = (evs: EngineEvent[]): Array<{ signal: string; ms: number }> =>
    evs.filter((e) => e.Action === 'kill').map((e) => ({ signal: e.Actor.Attributes.signal!, ms: e.timeNano / 1e6 }));
  const die = (evs: EngineEvent[]): { exitCode: number; ms: number } => {
    const d = evs.find((e) => e.Action === 'die');
    assert.ok(d, 'a die event');
    return { exitCode: Number(d.Actor.Attributes.exitCode), ms: d.timeNano / 1e6 };
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

  test('a command check that fails: the task never counts as running, fails with the probe output, and is replaced', async () => {
    await lab.ok('m1', [
      'service',
      'create',
      '-d',
      '--name',
      'sick',
      '--health-cmd',
      'echo probe says no; exit 1',
      '--health-interval',
      '200ms',
      '--health-retries',
      '2',
      // failures within the start period do not count: each task stays 'starting' for a while
      '--health-start-period',
      '3s',
      IMAGE,
    ]);
    let maxRunning = 0;
    let sawStarting = false;
    const rows = await waitFor(
      'two tasks of sick failed as unhealthy',
      async () => {
        maxRunning = Math.max(maxRunning, await running('sick'));
        const tasks = await ps('sick');
        if (tasks.some((t) => t.status.state === 'running' && t.status.health === 'starting')) sawStarting = true;
        const failed = tasks.filter((t) => t.status.state === 'failed' && t.status.err.startsWith('unhealthy:'));
        return failed.length >= 2 ? tasks : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    assert.equal(maxRunning, 0, 'service ls never counted a task of sick as running');
    assert.ok(sawStarting, 'a task was seen running with health starting');
    const failed = rows.find((t) => t.status.state === 'failed')!;
    assert.equal(failed.status.err, 'unhealthy: probe says no');
    assert.equal(failed.status.health, 'unhealthy');
    const table = await lab.ok('m1', ['--format', 'table', 'service', 'ps', '--no-trunc', 'sick']);
    assert.match(table.stdout, /Failed .*unhealthy: probe says no/);
    assert.equal(
      rows.filter((t) => t.current && t.desiredState === 'running').length,
      1,
      'a replacement is on its way',
    );
    await lab.ok('m1', ['service', 'rm', 'sick']);
  });

  test('a check that passes: create waits for healthy, ps shows it', async () => {
    const r = await lab.ok(
      'm1',
      ['service', 'create', '--name', 'fine', '--health-cmd', 'true', '--health-interval', '1s', IMAGE],
      { timeoutMs: 60_000 },
    );
    assert.match(r.stdout, /1\/1: running \(starting\)/, 'the progress showed the task starting');
    assert.match(r.stdout, /1\/1: running \(healthy\)/);
    assert.match(r.stdout, /verify: Service converged/);
    assert.ok(
      r.stdout.indexOf('running (healthy)') < r.stdout.indexOf('verify: Service converged'),
      'converged only after healthy',
    );
    assert.equal(await running('fine'), 1);
    const table = await lab.ok('m1', ['--format', 'table', 'service', 'ps', 'fine']);
    assert.match(table.stdout, /Running .* ago \(healthy\)/);
    await lab.ok('m1', ['service', 'rm', 'fine']);
  });

  test("the agent's HTTP probe against busybox httpd: a page that answers is healthy, a missing one fails the task", async () => {
    const r = await lab.ok(
      'm1',
      ['service', 'create', '--name', 'web', '--health-http', '80/hostname', '--health-interval', '300ms', IMAGE],
      { timeoutMs: 60_000 },
    );
    assert.match(r.stdout, /verify: Service converged/);
    const [cur] = (await ps('web')).filter((t) => t.current);
    assert.equal(cur?.status.health, 'healthy');
    const [c] = await lab.containers({ service: 'web', running: true });
    const execs = await new Promise<string>((resolve) =>
      spawn('docker', ['inspect', '-f', '{{json .Config.Healthcheck}}', c!.id]).stdout.on('data', (d: Buffer) =>
        resolve(String(d)),
      ),
    );
    assert.match(execs, /"NONE"/, 'the engine runs no check (no exec) for an agent probe');

    await lab.ok('m1', [
      'service',
      'create',
      '-d',
      '--name',
      'web404',
      '--health-http',
      '80/no-such-page',
      '--health-interval',
      '200ms',
      '--health-retries',
      '2',
      IMAGE,
    ]);
    const failed = await waitFor(
      'a task of web404 failed as unhealthy',
      async () => (await ps('web404')).find((t) => t.status.state === 'failed'),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    assert.match(failed.status.err, /^unhealthy: GET http:\/\/[0-9.]+:80\/no-such-page: HTTP 404/);
    assert.equal(await running('web404'), 0);
    await lab.ok('m1', ['service', 'rm', 'web', 'web404']);
  });

  test('stop grace: a container that handles the signal exits cleanly at once; one that ignores it is killed after the grace', async () => {
    // /bin/web traps TERM and INT and exits 0
    await lab.ok('m1', ['service', 'create', '--name', 'polite', '--stop-signal', 'SIGINT', IMAGE], {
      timeoutMs: 60_000,
    });
    const polite = await removeWatched('polite');
    const pk = kills(polite);
    assert.deepEqual(
      pk.map((k) => k.signal),
      ['2'],
      "the spec's stop signal (SIGINT), and no SIGKILL",
    );
    const pd = die(polite);
    assert.equal(pd.exitCode, 0, 'exited cleanly');
    figure(`SIGINT to exit: ${Math.round(pd.ms - pk[0]!.ms)} ms (grace 10s)`);
    assert.ok(pd.ms - pk[0]!.ms < 5000);

    // sleep as PID 1 has no TERM handler: the kernel ignores the signal, only SIGKILL ends it
    await lab.ok(
      'm1',
      ['service', 'create', '--name', 'stubborn', '--stop-grace-period', '2s', IMAGE, 'sleep', '600'],
      {
        timeoutMs: 60_000,
      },
    );
    const stubborn = await removeWatched('stubborn');
    const sk = kills(stubborn);
    assert.deepEqual(
      sk.map((k) => k.signal),
      ['15', '9'],
      'SIGTERM, then SIGKILL',
    );
    const graceMs = sk[1]!.ms - sk[0]!.ms;
    figure(`SIGTERM to SIGKILL: ${Math.round(graceMs)} ms (grace 2s)`);
    assert.ok(graceMs >= 1950, `killed only after the grace (${Math.round(graceMs)} ms)`);
    assert.ok(graceMs < 4000, `killed soon after the grace (${Math.round(graceMs)} ms)`);
    assert.equal(die(stubborn).exitCode, 137);
  });
});
