// Container create + start latency through DockerExecutor on the local engine, with the workload
// image (build it first: node scripts/build-workload-image.mjs). Prints one JSON line.
//   node packages/agent/dist/bench/create-start-latency.js [runs] [--no-port]
// By default each container publishes a port on 127.0.0.1 (18500 + run index) as a web task would.
import { randomUUID } from 'node:crypto';
import { DockerExecutor } from '../executor/docker-executor.js';

const args = process.argv.slice(2);
const publish = !args.includes('--no-port');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const ex = new DockerExecutor();
const run = randomUUID().slice(0, 8);

function stats(xs: number[]): { medianMs: number; minMs: number; maxMs: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { medianMs: +median.toFixed(1), minMs: +s[0]!.toFixed(1), maxMs: +s[s.length - 1]!.toFixed(1) };
}

async function main(): Promise<void> {
  const create: number[] = [];
  const start: number[] = [];
  const both: number[] = [];
  const stopRemove: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const id = await ex.create({
      ids: { clusterId: `bench-${run}`, serviceId: 'bench', taskId: `t${i}`, nodeId: 'n', slot: i + 1 },
      spec: { image: 'clusterctl/busybox:local', ports: publish ? [{ published: 18_500 + i, target: 80, protocol: 'tcp' }] : [] },
      hostIp: '127.0.0.1',
    });
    const t1 = performance.now();
    try {
      await ex.start(id);
      const t2 = performance.now();
      create.push(t1 - t0);
      start.push(t2 - t1);
      both.push(t2 - t0);
      await ex.stop(id, { graceMs: 10_000 });
      await ex.remove(id);
      stopRemove.push(performance.now() - t2);
    } finally {
      await ex.remove(id, { force: true });
    }
  }
  console.log(JSON.stringify({ runs, image: 'clusterctl/busybox:local', publishedPort: publish, create: stats(create), start: stats(start), createStart: stats(both), stopRemove: stats(stopRemove) }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
