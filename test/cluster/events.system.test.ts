// `clusterctl events` on a cluster of three real managers (node daemons started by the CLI, real
// raft over mutual TLS, the host's engine): one stream followed across a leader kill and across the
// death and restart of the very daemon it reads from, while the cluster keeps changing. What it
// printed must be exactly what the cluster's event history holds after its first event: nothing
// lost (the changes made while its daemon was dead included), nothing twice.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import { CLI, IMAGE, Lab } from './lab.js';

interface EventJson {
  time: string;
  timeMs: number;
  type: string;
  action: string;
  id: string;
  name: string;
  attributes: Record<string, string>;
  index: number;
  seq: number;
}

/** A `clusterctl events --format json` child process and what it printed so far. */
class EventsFollower {
  readonly events: EventJson[] = [];
  stderr = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(dataDir: string, args: string[] = []) {
    this.child = spawn(
      process.execPath,
      [CLI, '--data-dir', dataDir, '--debug', '--format', 'json', 'events', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buf = '';
    this.child.stdout!.on('data', (b: Buffer) => {
      buf += b.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.trim() !== '') this.events.push(JSON.parse(line) as EventJson);
      }
    });
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  has(pred: (e: EventJson) => boolean): boolean {
    if (this.child.exitCode !== null)
      throw new Error(`clusterctl events exited ${this.child.exitCode}: ${this.stderr}`);
    return this.events.some(pred);
  }

  /** For failure messages: what it printed so far. */
  describe(): string {
    return `${this.events.length} events (${this.events.map((e) => `${e.index}/${e.seq} ${e.type} ${e.action} ${e.name}`).join('; ')}), stderr: ${this.stderr}`;
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

const key = (e: EventJson): string => `${e.index}/${e.seq}`;
const brief = (e: EventJson): string => `${e.index}/${e.seq} ${e.type} ${e.action} ${e.name}`;

describe('clusterctl events across a leader kill and a restart of its own daemon', { timeout: 300_000 }, () => {
  const lab = new Lab({ managers: 3, workers: 0, nodeGrace: '10s' });
  let follower: EventsFollower | undefined;

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
  });

  after(async () => {
    await follower?.stop();
    await lab.teardown();
  });

  test('no event lost, none printed twice', async () => {
    const t0 = Date.now();
    const leader0 = await lab.leader('m1');
    const others = ['m1', 'm2', 'm3'].filter((n) => n !== leader0);
    const watchOn = others[0]!; // the stream's daemon: killed and restarted later
    const writeVia = others[1]!;
    // from before the service is created: the stream starts at "now" otherwise, and its subscription
    // may open after the create is applied (then nothing is lost, the create is just before it)
    const since = String(t0 / 1000 - 5);
    follower = new EventsFollower(lab.node(watchOn).dataDir, ['--since', since]);

    await lab.ok(writeVia, [
      'service',
      'create',
      '--detach',
      '--name',
      'ev-web',
      '--replicas',
      '2',
      IMAGE,
      'sleep',
      '3600',
    ]);
    await waitFor(
      'the follower to see ev-web created',
      () => follower!.has((e) => e.type === 'service' && e.action === 'create' && e.name === 'ev-web'),
      { timeoutMs: 20_000 },
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}; the follower printed ${follower!.describe()}`);
    });

    // 1. the leader dies: a new one is elected (a leader event), the stream goes on
    await lab.killDaemon(leader0);
    await waitFor(
      'a leader event naming a new leader',
      () => follower!.has((e) => e.type === 'node' && e.action === 'leader' && e.name !== leader0),
      { timeoutMs: 30_000 },
    );
    await lab.restart(leader0);
    await lab.ok(writeVia, ['service', 'scale', '--detach', 'ev-web=3']);
    await waitFor(
      'the follower to see ev-web scaled to 3',
      () => follower!.has((e) => e.type === 'service' && e.action === 'update' && e.attributes['replicas.new'] === '3'),
      { timeoutMs: 20_000 },
    );

    // 2. the daemon the stream reads from dies; the cluster changes meanwhile; it comes back
    await lab.killDaemon(watchOn);
    await lab.ok(writeVia, ['service', 'scale', '--detach', 'ev-web=1'], { timeoutMs: 60_000 });
    await lab.ok(writeVia, ['service', 'create', '--detach', '--name', 'ev-while-down', IMAGE, 'sleep', '3600'], {
      timeoutMs: 60_000,
    });
    await lab.restart(watchOn);
    await waitFor(
      'the follower to resume and see what happened while its daemon was down',
      () => follower!.has((e) => e.type === 'service' && e.action === 'create' && e.name === 'ev-while-down'),
      { timeoutMs: 60_000 },
    );
    // the tasks scaled in leave: shut down by their agent, or removed where their node was down
    const scaledIn = (e: EventJson): boolean =>
      e.type === 'task' && e.attributes['service'] === 'ev-web' && (e.action === 'shutdown' || e.action === 'remove');
    await waitFor('the follower to see the scaled-in ev-web tasks leave', () => follower!.has(scaledIn), {
      timeoutMs: 60_000,
    });
    await lab.ok(writeVia, ['service', 'rm', 'ev-while-down']);
    await waitFor(
      'the follower to see ev-while-down removed',
      () => follower!.has((e) => e.type === 'service' && e.action === 'remove' && e.name === 'ev-while-down'),
      { timeoutMs: 30_000 },
    );
    const code = await follower.stop();
    assert.equal(code, 0, `events exited ${code}: ${follower.stderr}`);
    const seen = follower.events;

    // The history as another manager keeps it, from before the follower started until now.
    const history = await lab.cli(
      writeVia,
      ['--format', 'json', 'events', '--since', since, '--until', String(Date.now() / 1000 + 1)],
      {
        timeoutMs: 30_000,
      },
    );
    assert.equal(history.code, 0, history.stderr);
    const all = history.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as EventJson);

    // nothing twice, in cursor order
    assert.equal(new Set(seen.map(key)).size, seen.length, `repeated events:\n${seen.map(brief).join('\n')}`);
    for (let i = 1; i < seen.length; i++)
      assert.ok(
        seen[i]!.index > seen[i - 1]!.index ||
          (seen[i]!.index === seen[i - 1]!.index && seen[i]!.seq > seen[i - 1]!.seq),
        `out of order: ${brief(seen[i - 1]!)} then ${brief(seen[i]!)}`,
      );
    // nothing lost: from the follower's first event to its last, the same events as the history
    const first = seen[0]!;
    const last = seen[seen.length - 1]!;
    const within = all.filter(
      (e) =>
        (e.index > first.index || (e.index === first.index && e.seq >= first.seq)) &&
        (e.index < last.index || (e.index === last.index && e.seq <= last.seq)),
    );
    assert.deepEqual(seen.map(brief), within.map(brief));
    assert.deepEqual(seen, within);
    // and the history itself tells the story
    const story = (pred: (e: EventJson) => boolean, what: string): void => assert.ok(all.some(pred), what);
    story((e) => e.type === 'node' && e.action === 'leader' && e.name !== leader0, 'the new leader');
    story((e) => e.type === 'task' && e.action === 'running' && e.attributes['service'] === 'ev-web', 'tasks running');
    story(scaledIn, 'scaled-in tasks shut down or removed');
    process.stdout.write(
      `# figure: ${seen.length} events followed across a leader kill and a daemon restart, ${all.length} in the history\n`,
    );
  });
});
