// Whole-system test of rebalancing: 1 manager + 2 workers, real node daemons started by the real
// CLI, the real Docker engine. A service of 6 replicas with --rebalance runs 2/2/2; a worker's
// daemon is stopped (killed) until the leader marks it down and its tasks run on the other nodes
// (3/3/0), then restarted: it gets its share back, one task at a time, and the service never has
// fewer than 6 running containers meanwhile (sampled from the engine).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { IMAGE, Lab } from './lab.js';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';

interface NodeRow {
  id: string;
  hostname: string;
  status: { state: string };
}

describe('rebalancing on real node daemons', { timeout: 240_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 2, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  const figure = (s: string): void => void process.stdout.write(`# figure: ${s}\n`);

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
  });

  after(async () => {
    await lab.teardown();
  });

  /** Running containers of the service per node, as the engine shows them. */
  async function spread(): Promise<Map<string, number>> {
    const m = new Map<string, number>();
    for (const c of await lab.containers({ service: 'web', running: true }))
      m.set(c.nodeId, (m.get(c.nodeId) ?? 0) + 1);
    return m;
  }

  it('a node stopped and restarted gets its share back; the service never dips below its replicas', async () => {
    await lab.ok('m1', ['service', 'create', '--name', 'web', '--replicas', '6', '--rebalance', IMAGE, 'sleep', '1d']);
    const w1 = lab.node('w1').nodeId;
    const nodes = [lab.node('m1').nodeId, w1, lab.node('w2').nodeId];
    await waitFor(
      'web at 2/2/2',
      async () => {
        const s = await spread();
        return nodes.map((n) => String(s.get(n) ?? 0)).join('/');
      },
      { timeoutMs: 60_000, until: (v) => v === '2/2/2' },
    );

    await lab.killDaemon('w1');
    const nodeState = async (): Promise<string> =>
      (await lab.json<NodeRow[]>('m1', ['node', 'ls'])).find((n) => n.id === w1)?.status.state ?? '';
    await waitFor('w1 down', nodeState, { timeoutMs: 30_000, until: (s) => s === 'down' });
    // its replaced tasks run elsewhere (its own containers still run: only its daemon is gone)
    await waitFor(
      'web at 3/x/3',
      async () => {
        const s = await spread();
        return `${s.get(nodes[0]!) ?? 0}/${s.get(nodes[2]!) ?? 0}`;
      },
      { timeoutMs: 60_000, until: (v) => v === '3/3' },
    );
    const back = Date.now();
    await lab.restart('w1');
    await waitFor('w1 ready', nodeState, { timeoutMs: 30_000, until: (s) => s === 'ready' });

    // sampled from here on: at least 6 running, until 2/2/2
    const samples: number[] = [];
    let final = '';
    await waitFor(
      'web back at 2/2/2',
      async () => {
        const s = await spread();
        samples.push([...s.values()].reduce((a, b) => a + b, 0));
        final = nodes.map((n) => String(s.get(n) ?? 0)).join('/');
        return final;
      },
      { timeoutMs: 120_000, intervalMs: 200, until: (v) => v === '2/2/2' },
    );
    figure(`rebalance: w1 back -> 2/2/2 in ${((Date.now() - back) / 1000).toFixed(1)} s`);
    assert.ok(samples.length > 5);
    // w1's own old containers are removed once it is back (they were replaced): 6 running at the least
    assert.ok(Math.min(...samples) >= 6, `fewest running: ${Math.min(...samples)} (${samples.join(',')})`);
  });
});
